#include "storage/LoginThrottle.h"

#include <QTemporaryDir>
#include <QtTest>

// The login throttle's schedule and bookkeeping, with explicit clocks.
class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void schedule_data();
    void schedule();
    void waitCountsFromLastFailure();
    void successResets();
    void perUserAndPerWorkstation();
    void clockGoingBackStillWaits();
    void damagedStateFileDoesNotBlock();

private:
    QTemporaryDir m_state;
};

void TestLoginThrottle::initTestCase()
{
    qputenv("XMCREDIT_STATE_DIR", m_state.path().toUtf8());
}

void TestLoginThrottle::schedule_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("delay");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("1") << 1 << 0;
    QTest::newRow("2") << 2 << 0;
    QTest::newRow("3") << 3 << 5;
    QTest::newRow("4") << 4 << 10;
    QTest::newRow("5") << 5 << 20;
    QTest::newRow("8") << 8 << 160;
    QTest::newRow("10") << 10 << 640;
    QTest::newRow("11 (capped)") << 11 << 900;
    QTest::newRow("1000 (capped)") << 1000 << 900;
}

void TestLoginThrottle::schedule()
{
    QFETCH(int, failures);
    QFETCH(int, delay);
    QCOMPARE(LoginThrottle::delayAfterFailures(failures), delay);
}

void TestLoginThrottle::waitCountsFromLastFailure()
{
    QTemporaryDir ws;
    LoginThrottle throttle(ws.path());
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 3; ++i)
        throttle.recordFailure(QStringLiteral("clerk"), t0);
    QCOMPARE(throttle.failures(QStringLiteral("clerk")), 3);
    QCOMPARE(throttle.secondsToWait(QStringLiteral("clerk"), t0), 5);
    QCOMPARE(throttle.secondsToWait(QStringLiteral("clerk"), t0.addSecs(3)), 2);
    QCOMPARE(throttle.secondsToWait(QStringLiteral("clerk"), t0.addSecs(5)), 0);
    throttle.recordFailure(QStringLiteral("clerk"), t0.addSecs(6));
    QCOMPARE(throttle.secondsToWait(QStringLiteral("clerk"), t0.addSecs(6)), 10);
    QVERIFY(QFileInfo(throttle.stateFilePath()).absolutePath() == QDir(m_state.path()).absolutePath());
    QVERIFY(!throttle.stateFilePath().startsWith(ws.path()));
}

void TestLoginThrottle::successResets()
{
    QTemporaryDir ws;
    LoginThrottle throttle(ws.path());
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(QStringLiteral("clerk"));
    QVERIFY(throttle.secondsToWait(QStringLiteral("clerk")) > 0);
    throttle.recordSuccess(QStringLiteral("clerk"));
    QCOMPARE(throttle.failures(QStringLiteral("clerk")), 0);
    QCOMPARE(throttle.secondsToWait(QStringLiteral("clerk")), 0);
}

void TestLoginThrottle::perUserAndPerWorkstation()
{
    QTemporaryDir a;
    QTemporaryDir b;
    LoginThrottle first(a.path());
    for (int i = 0; i < 4; ++i)
        first.recordFailure(QStringLiteral("clerk"));
    QCOMPARE(first.failures(QStringLiteral("admin")), 0);
    QCOMPARE(LoginThrottle(b.path()).failures(QStringLiteral("clerk")), 0);
    // The same directory named another way is the same workstation.
    QCOMPARE(LoginThrottle(a.path() + QStringLiteral("/./")).failures(QStringLiteral("clerk")), 4);
}

void TestLoginThrottle::clockGoingBackStillWaits()
{
    QTemporaryDir ws;
    LoginThrottle throttle(ws.path());
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 3; ++i)
        throttle.recordFailure(QStringLiteral("clerk"), t0);
    QCOMPARE(throttle.secondsToWait(QStringLiteral("clerk"), t0.addSecs(-3600)), 5);
}

void TestLoginThrottle::damagedStateFileDoesNotBlock()
{
    QTemporaryDir ws;
    LoginThrottle throttle(ws.path());
    QFile file(throttle.stateFilePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    QCOMPARE(throttle.secondsToWait(QStringLiteral("clerk")), 0);
    throttle.recordFailure(QStringLiteral("clerk"));
    QCOMPARE(throttle.failures(QStringLiteral("clerk")), 1);
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "TestLoginThrottle.moc"
