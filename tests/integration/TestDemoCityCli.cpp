#include "AdminProcess.h"
#include "TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

// xmcredit-admin demo-city as installer/dev.sh uses it: an administrator's login from stdin, a JSON report, and
// refusals with their own exit codes (usage 2, wrong password 4, not an administrator 7, records present 9, not
// a demo workstation 11).
class TestDemoCityCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fillsDemoWorkstationOnce();
    void refusals();

private:
    using Result = AdminProcess::Result;
    Result admin(const QStringList& args, const QString& input = QString()) const;
    QStringList demoCity(const QString& dir, const QString& user, const QStringList& extra = {}) const;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    QTemporaryDir m_work;
};

void TestDemoCityCli::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(XMCREDIT_ADMIN_BIN)).isExecutable());
}

TestDemoCityCli::Result TestDemoCityCli::admin(const QStringList& args, const QString& input) const
{
    return AdminProcess::run(args, input, m_state.path(), m_home.path());
}

QStringList TestDemoCityCli::demoCity(const QString& dir, const QString& user, const QStringList& extra) const
{
    return QStringList{
               QStringLiteral("demo-city"),       QStringLiteral("--workstation"), dir, QStringLiteral("--user"), user,
               QStringLiteral("--password-stdin")} +
           extra;
}

void TestDemoCityCli::fillsDemoWorkstationOnce()
{
    const QString dir = m_work.filePath(QStringLiteral("demo"));
    Result r = admin({QStringLiteral("demo-init"), QStringLiteral("--workstation"), dir});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = admin(
        demoCity(dir, QStringLiteral("admin"),
                 {QStringLiteral("--subjects"), QStringLiteral("800"), QStringLiteral("--seed"), QStringLiteral("5"),
                  QStringLiteral("--today"), QStringLiteral("2025-06-15"), QStringLiteral("--json")}),
        QStringLiteral("admin-demo\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(report.value(QStringLiteral("ok")).toBool());
    QCOMPARE(report.value(QStringLiteral("subjects")).toInt(), 800);
    QVERIFY(report.value(QStringLiteral("items")).toInt() > 2000);
    QCOMPARE(report.value(QStringLiteral("itemsByCategory")).toObject().size(), 3);

    // A second city never goes on top of the first.
    r = admin(demoCity(dir, QStringLiteral("admin"), {QStringLiteral("--subjects"), QStringLiteral("10")}),
              QStringLiteral("admin-demo\n"));
    QCOMPARE(r.code, 9);
    QVERIFY(r.err.contains(QLatin1String("records already")));
}

void TestDemoCityCli::refusals()
{
    const QString demo = m_work.filePath(QStringLiteral("demo2"));
    QVERIFY(admin({QStringLiteral("demo-init"), QStringLiteral("--workstation"), demo}).code == 0);
    QCOMPARE(admin(demoCity(demo, QStringLiteral("admin"), {QStringLiteral("--subjects"), QStringLiteral("many")}),
                   QStringLiteral("admin-demo\n"))
                 .code,
             2);
    QCOMPARE(admin({QStringLiteral("demo-city"), QStringLiteral("--workstation"), demo, QStringLiteral("--user"),
                    QStringLiteral("admin")},
                   QStringLiteral("admin-demo\n"))
                 .code,
             2); // no --password-stdin
    QCOMPARE(admin(demoCity(demo, QStringLiteral("admin")), QStringLiteral("wrong-password\n")).code, 4);
    QCOMPARE(admin(demoCity(demo, QStringLiteral("clerk")), QStringLiteral("clerk-demo\n")).code, 7);

    const QString real = m_work.filePath(QStringLiteral("real"));
    QVERIFY(admin({QStringLiteral("init"), QStringLiteral("--workstation"), real, QStringLiteral("--admin"),
                   QStringLiteral("boss"), QStringLiteral("--password-stdin")},
                  QStringLiteral("boss-password\n"))
                .code == 0);
    const QMap<QString, QByteArray> before = TestFiles::digests(real);
    const Result r = admin(demoCity(real, QStringLiteral("boss")), QStringLiteral("boss-password\n"));
    QCOMPARE(r.code, 11);
    QVERIFY(r.err.contains(QLatin1String("not a demo workstation")));
    QCOMPARE(TestFiles::describeDifference(before, TestFiles::digests(real)), QString());
}

QTEST_GUILESS_MAIN(TestDemoCityCli)
#include "TestDemoCityCli.moc"
