// The window locks when the desktop locks (DesktopLockWatcher): on a private D-Bus daemon standing in for the
// desktop's, the screen saver's ActiveChanged(true) and logind's Lock signal for this process's session each lock an
// open window at once, audited with the reason "desktop"; the screen saver stopping (false), another session's Lock
// and the same signal from a process that does not own the screen saver's name lock nothing.

#include "DesktopLockWatcher.h"
#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"

#include "storage/Workstation.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString AdminPassword = QStringLiteral("admin password 0");
const QString ClerkPassword = QStringLiteral("clerk password 1");
const QString SessionPath = QStringLiteral("/org/freedesktop/login1/session/_3142");
} // namespace

// logind's manager as the test's bus shows it: every process is in session _3142.
class FakeLogind : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Manager")

public slots:
    QDBusObjectPath GetSessionByPID(uint pid)
    {
        Q_UNUSED(pid)
        return QDBusObjectPath(SessionPath);
    }
};

class TestGuiDesktopLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void screenSaverLocksTheWindow();
    void screenSaverStoppingLocksNothing();
    void onlyTheScreenSaverItselfIsHeard();
    void logindLockOfThisSession();

private:
    void logIn();
    void emitSignal(QDBusConnection& from, const QString& path, const QString& interface, const QString& name,
                    const QVariantList& args);
    int desktopLocks() const
    {
        QSqlQuery q(m_session.database());
        return q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'session.lock' AND details LIKE "
                                     "'%desktop%'")) &&
                       q.next()
                   ? q.value(0).toInt()
                   : -1;
    }

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
    QProcess m_bus;
    QString m_address;
    Session m_session;
    MainWindow* m_window = nullptr;
    FakeLogind m_logind;
};

void TestGuiDesktopLock::initTestCase()
{
    // A private session bus: the desktop's, as far as this process can tell.
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    QVERIFY2(m_bus.waitForStarted(10000), "dbus-daemon (package dbus-daemon) is needed: installer/dev.sh installs it");
    QByteArray line;
    for (int i = 0; i < 50 && !line.contains('\n'); ++i) {
        m_bus.waitForReadyRead(200);
        line += m_bus.readAllStandardOutput();
    }
    m_address = QString::fromLatin1(line.trimmed());
    QVERIFY2(m_address.startsWith(QLatin1String("unix:")), line.constData());
    // The window's session bus and system bus are both this one.
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toLatin1());
    qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toLatin1());
    QDBusConnection logind = QDBusConnection::connectToBus(m_address, QStringLiteral("logind"));
    QVERIFY(logind.isConnected());
    QVERIFY(logind.registerService(QStringLiteral("org.freedesktop.login1")));
    QVERIFY(
        logind.registerObject(QStringLiteral("/org/freedesktop/login1"), &m_logind, QDBusConnection::ExportAllSlots));

    m_language = GuiTest::setUpApplication(m_tmp.path());
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    QString error;
    QVERIFY2(WorkstationFixture::create(
                 m_dir, QStringLiteral("思明区信用服务点"),
                 {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, AdminPassword},
                 {{QStringLiteral("clerk1"), QStringLiteral("李娜"), Role::Clerk, ClerkPassword}}, &error),
             qPrintable(error));
}

void TestGuiDesktopLock::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
    m_bus.kill();
    m_bus.waitForFinished();
}

void TestGuiDesktopLock::cleanup()
{
    delete m_window;
    m_window = nullptr;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
    m_session = {};
}

void TestGuiDesktopLock::logIn()
{
    QString error;
    QVERIFY2(WorkstationFixture::openSession(m_dir, QStringLiteral("clerk1"), ClerkPassword, QStringLiteral("gui"),
                                             &m_session, &error),
             qPrintable(error));
    m_window = new MainWindow(m_session);
    installWindowPages(m_window);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QVERIFY(!m_window->isLocked());
    // The screen savers at once; logind once it has said which session this process is in.
    QTRY_VERIFY(m_window->desktopLockSources().contains(QStringLiteral("logind %1").arg(SessionPath)));
    QVERIFY(m_window->desktopLockSources().contains(QStringLiteral("org.freedesktop.ScreenSaver")));
    QVERIFY(m_window->desktopLockSources().contains(QStringLiteral("org.gnome.ScreenSaver")));
}

void TestGuiDesktopLock::emitSignal(QDBusConnection& from, const QString& path, const QString& interface,
                                    const QString& name, const QVariantList& args)
{
    QDBusMessage signal = QDBusMessage::createSignal(path, interface, name);
    signal.setArguments(args);
    QVERIFY(from.send(signal));
}

void TestGuiDesktopLock::screenSaverLocksTheWindow()
{
    logIn();
    QDBusConnection saver = QDBusConnection::connectToBus(m_address, QStringLiteral("saver"));
    QVERIFY(saver.registerService(QStringLiteral("org.freedesktop.ScreenSaver")));
    const int before = desktopLocks();
    emitSignal(saver, QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
               QStringLiteral("ActiveChanged"), {true});
    QTRY_VERIFY(m_window->isLocked());
    // The content is gone behind the lock screen, and the lock is in the audit trail with its reason.
    auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("rootStack"));
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("lockScreen"));
    QCOMPARE(desktopLocks(), before + 1);
    GuiTest::grab(m_window, QStringLiteral("locked-by-desktop"), m_language);
    saver.unregisterService(QStringLiteral("org.freedesktop.ScreenSaver"));
    QDBusConnection::disconnectFromBus(QStringLiteral("saver"));
}

void TestGuiDesktopLock::screenSaverStoppingLocksNothing()
{
    logIn();
    QDBusConnection saver = QDBusConnection::connectToBus(m_address, QStringLiteral("gnome"));
    QVERIFY(saver.registerService(QStringLiteral("org.gnome.ScreenSaver")));
    emitSignal(saver, QStringLiteral("/org/gnome/ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver"),
               QStringLiteral("ActiveChanged"), {false});
    QTest::qWait(300);
    QVERIFY(!m_window->isLocked());
    emitSignal(saver, QStringLiteral("/org/gnome/ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver"),
               QStringLiteral("ActiveChanged"), {true});
    QTRY_VERIFY(m_window->isLocked());
    saver.unregisterService(QStringLiteral("org.gnome.ScreenSaver"));
    QDBusConnection::disconnectFromBus(QStringLiteral("gnome"));
}

void TestGuiDesktopLock::onlyTheScreenSaverItselfIsHeard()
{
    logIn();
    // A process that does not own the screen saver's name sends its signal: not the desktop, not heard.
    QDBusConnection other = QDBusConnection::connectToBus(m_address, QStringLiteral("other"));
    QVERIFY(other.isConnected());
    emitSignal(other, QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
               QStringLiteral("ActiveChanged"), {true});
    QTest::qWait(300);
    QVERIFY(!m_window->isLocked());
    QDBusConnection::disconnectFromBus(QStringLiteral("other"));
}

void TestGuiDesktopLock::logindLockOfThisSession()
{
    logIn();
    QDBusConnection logind = QDBusConnection::connectToBus(m_address, QStringLiteral("logind"));
    // Another session is locked: not this one.
    emitSignal(logind, QStringLiteral("/org/freedesktop/login1/session/_99"),
               QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"), {});
    QTest::qWait(300);
    QVERIFY(!m_window->isLocked());
    // `loginctl lock-session` for this one.
    emitSignal(logind, SessionPath, QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"), {});
    QTRY_VERIFY(m_window->isLocked());
}

QTEST_MAIN(TestGuiDesktopLock)
#include "TestGuiDesktopLock.moc"
