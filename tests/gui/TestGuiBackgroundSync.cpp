// The window's background sync over HTTPS (BackgroundSync): a clerk's window pulls the reference platform's city off
// the GUI thread (the window keeps answering) and the status bar says when it last synced; a platform that cannot be
// reached is said in words, in red, with the reason; an auditor's window never syncs; a workstation enrolled offline
// only says so and offers nothing to press.

#include "BackgroundSync.h"
#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"

#include "storage/Workstation.h"
#include "sync/SyncClient.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
const QString AdminPassword = QStringLiteral("admin password 0");
const QString ClerkPassword = QStringLiteral("clerk password 1");
const QString AuditorPassword = QStringLiteral("auditor password 2");
} // namespace

class TestGuiBackgroundSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void clerkWindowPullsInTheBackground();
    void unreachablePlatformIsSaidInWords();
    void auditorWindowNeverSyncs();
    void offlineWorkstationSaysSo();

private:
    void logIn(const QString& dir, const QString& user, const QString& password);
    int subjects() const
    {
        QSqlQuery q(m_session.database());
        return q.exec(QStringLiteral("SELECT count(*) FROM subjects")) && q.next() ? q.value(0).toInt() : -1;
    }

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_offline;
    QString m_language;
    QProcess m_sim;
    Session m_session;
    MainWindow* m_window = nullptr;
};

void TestGuiBackgroundSync::initTestCase()
{
    m_language = GuiTest::setUpApplication(m_tmp.path());
    const QString platform = m_tmp.filePath(QStringLiteral("platform"));
    QProcess keygen;
    keygen.start(QStringLiteral(XMCREDIT_PLATFORM_SIM_BIN),
                 {QStringLiteral("keygen"), QStringLiteral("--out"), platform});
    QVERIFY(keygen.waitForFinished(60000) && keygen.exitCode() == 0);
    m_sim.start(QStringLiteral(XMCREDIT_PLATFORM_SIM_BIN),
                {QStringLiteral("serve"), QStringLiteral("--key"), platform, QStringLiteral("--subjects"),
                 QStringLiteral("200"), QStringLiteral("--page-size"), QStringLiteral("50"), QStringLiteral("--code"),
                 QStringLiteral("GUI-CODE-1")});
    QByteArray line;
    for (int i = 0; i < 60 && !line.contains('\n'); ++i) {
        m_sim.waitForReadyRead(1000);
        line += m_sim.readAllStandardOutput();
    }
    const QJsonObject started = QJsonDocument::fromJson(line.trimmed()).object();
    const QString url = started.value(QStringLiteral("url")).toString();
    QVERIFY2(!url.isEmpty(), line.constData());
    QFile ca(started.value(QStringLiteral("ca")).toString());
    QVERIFY(ca.open(QIODevice::ReadOnly));

    QString error;
    const QList<StaffLogin> staff{{QStringLiteral("clerk1"), QStringLiteral("李娜"), Role::Clerk, ClerkPassword},
                                  {QStringLiteral("audit1"), QStringLiteral("周审计"), Role::Auditor, AuditorPassword}};
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    Session admin;
    QVERIFY2(WorkstationFixture::create(
                 m_dir, QStringLiteral("思明区信用服务点"),
                 {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, AdminPassword}, staff, &error,
                 &admin),
             qPrintable(error));
    // Enrolled online by the administrator, as `xmcredit-admin enrol --platform URL --code CODE --ca-cert FILE` does.
    SyncClient client(admin);
    const SyncClient::Result r = client.enrol(QUrl(url), ca.readAll(), QStringLiteral("GUI-CODE-1"), nullptr);
    QVERIFY2(r.ok(), qPrintable(r.message));
    Workstation::closeSession(admin);

    m_offline = m_tmp.filePath(QStringLiteral("offline"));
    QVERIFY2(WorkstationFixture::create(
                 m_offline, QStringLiteral("离线服务点"),
                 {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, AdminPassword}, staff, &error),
             qPrintable(error));
}

void TestGuiBackgroundSync::cleanupTestCase()
{
    m_sim.kill();
    m_sim.waitForFinished();
}

void TestGuiBackgroundSync::cleanup()
{
    delete m_window;
    m_window = nullptr;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
    m_session = {};
}

void TestGuiBackgroundSync::logIn(const QString& dir, const QString& user, const QString& password)
{
    QString error;
    QVERIFY2(WorkstationFixture::openSession(dir, user, password, QStringLiteral("gui"), &m_session, &error),
             qPrintable(error));
    m_window = new MainWindow(m_session);
    installWindowPages(m_window);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestGuiBackgroundSync::clerkWindowPullsInTheBackground()
{
    logIn(m_dir, QStringLiteral("clerk1"), ClerkPassword);
    auto* sync = m_window->findChild<BackgroundSync*>();
    QVERIFY(sync);
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("syncStatusLabel"));
    QVERIFY(label);
    QCOMPARE(subjects(), 0);
    QSignalSpy finished(sync, &BackgroundSync::finished);
    // What the status bar says while the pull runs: a first sync, the pages applied of the pages waiting.
    const QString firstSync = BackgroundSync::tr("Platform: first sync, %1");
    const QString prefix = firstSync.left(firstSync.indexOf(QLatin1String("%1")));
    QStringList said;
    bool grabbed = false;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&] {
        if (!said.contains(label->text()))
            said << label->text();
        if (!grabbed && label->text().startsWith(prefix)) {
            grabbed = true;
            GuiTest::grab(m_window, QStringLiteral("sync-first-progress"), m_language);
        }
    });
    watch.start(5);
    // F9: sync now.
    QTest::keyClick(m_window, Qt::Key_F9);
    // The window answers while the worker pulls.
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 60000);
    watch.stop();
    const QString progress = said.filter(prefix).value(0);
    QVERIFY2(!progress.isEmpty(), qPrintable(said.join(QLatin1Char('\n'))));
    QVERIFY2(progress.contains(QLatin1Char('%')), qPrintable(progress)); // "… of N pages (P%)": the total was announced
    QVERIFY2(finished.constLast().at(0).toBool(), qPrintable(finished.constLast().at(2).toString()));
    QTRY_COMPARE(subjects(), 200);
    QVERIFY(label->text() != BackgroundSync::tr("Platform: syncing…"));
    QVERIFY2(label->styleSheet().isEmpty(), qPrintable(label->text()));
    GuiTest::grab(m_window, QStringLiteral("sync-background"), m_language);
}

void TestGuiBackgroundSync::unreachablePlatformIsSaidInWords()
{
    m_sim.kill();
    m_sim.waitForFinished();
    logIn(m_dir, QStringLiteral("clerk1"), ClerkPassword);
    auto* sync = m_window->findChild<BackgroundSync*>();
    QVERIFY(sync);
    QSignalSpy finished(sync, &BackgroundSync::finished);
    sync->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 60000);
    QVERIFY(!finished.constLast().at(0).toBool());
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("syncStatusLabel"));
    QVERIFY(label->styleSheet().contains(QLatin1String("#b3261e")));
    QVERIFY2(label->toolTip().contains(QLatin1String("127.0.0.1")), qPrintable(label->toolTip()));
    GuiTest::grab(m_window, QStringLiteral("sync-failed"), m_language);
}

void TestGuiBackgroundSync::auditorWindowNeverSyncs()
{
    logIn(m_dir, QStringLiteral("audit1"), AuditorPassword);
    QVERIFY(!m_window->findChild<BackgroundSync*>());
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("actionSyncNow")));
    QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("syncStatusLabel")));
}

void TestGuiBackgroundSync::offlineWorkstationSaysSo()
{
    logIn(m_offline, QStringLiteral("clerk1"), ClerkPassword);
    auto* sync = m_window->findChild<BackgroundSync*>();
    QVERIFY(sync);
    QSignalSpy finished(sync, &BackgroundSync::finished);
    sync->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 30000);
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("syncStatusLabel"));
    QCOMPARE(label->text(), BackgroundSync::tr("Platform: not enrolled online"));
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("actionSyncNow"))->isEnabled());
}

QTEST_MAIN(TestGuiBackgroundSync)
#include "TestGuiBackgroundSync.moc"
