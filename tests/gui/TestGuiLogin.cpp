// Drives the real login flow (AppController → LoginDialog → MainWindow) with the keyboard, offscreen.
//
// Screenshots: with XMCREDIT_SCREENSHOT_DIR set, screenshots() writes the login dialog (empty and with an error),
// the main window and the lock screen as PNG files, in the language given by XMCREDIT_TEST_LANG (default en).

#include "AppController.h"
#include "ErrorLabel.h"
#include "GuiTestHelpers.h"
#include "HomePage.h"
#include "IdleWatcher.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageBoxes.h"
#include "WorkstationFixture.h"

#include "storage/AuditLog.h"
#include "storage/LoginThrottle.h"
#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace {
const QString AdminUser = QStringLiteral("admin");
const QString AdminName = QStringLiteral("王芳");
const QString AdminPassword = QStringLiteral("correct horse 1");
const QString ClerkUser = QStringLiteral("clerk1");
const QString ClerkName = QStringLiteral("李娜");
const QString ClerkPassword = QStringLiteral("clerk password 2");
const QString ThrottledUser = QStringLiteral("clerk2");
const QString ThrottledPassword = QStringLiteral("clerk password 3");

using GuiTest::child;

// The session events (session.lock, session.unlock…) audited after entry seq `after`, as "action details" lines.
QStringList sessionEventsAfter(const Session& session, qint64 after)
{
    QStringList events;
    QSqlQuery query(session.database());
    query.prepare(QStringLiteral("SELECT action, details FROM audit_log WHERE seq > ? AND actor = ? AND action LIKE "
                                 "'session.%' ORDER BY seq"));
    query.addBindValue(after);
    query.addBindValue(session.username);
    if (!query.exec())
        return {QStringLiteral("query failed")};
    while (query.next())
        events << query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString();
    return events;
}

qint64 lastAuditSeq(const Session& session)
{
    QSqlQuery query(session.database());
    return query.exec(QStringLiteral("SELECT max(seq) FROM audit_log")) && query.next() ? query.value(0).toLongLong()
                                                                                        : -1;
}
} // namespace

class TestGuiLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void missingWorkstationSaysHowToCreateOne();
    void guiBinaryRefusesMissingWorkstation();
    void loginWithKeyboardReachesMainWindow();
    void wrongPasswordStaysOnDialog();
    void unknownUserStaysOnDialog();
    void emptyFieldsAreRefusedWithoutACheck();
    void escapeCancelsTheLogin();
    void cancelWhileCheckingOpensNoSession();
    void rememberedUsernameFocusesPassword();
    void throttledLoginShowsTheWait();
    void homePageListsTheRolesTasks();
    void addPageLinksSidebarMenuAndHome();
    void lockHidesContentsAndUnlocksWithPassword();
    void idleTimeoutLocks();
    void lockCoversOtherWindows();
    void logoutReturnsToLoginDialog();
    void logoutFromLockScreen();
    void languageSwitchAppliesAtOnce();
    void screenshots();

private:
    LoginDialog* waitForLoginDialog();
    void typeLogin(const QString& username, const QString& password);
    MainWindow* logIn(const QString& username, const QString& password);

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
    std::unique_ptr<AppController> m_controller;
};

void TestGuiLogin::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // Everything the application writes outside the workstation goes under the temporary directory.
    m_language = GuiTest::setUpApplication(m_tmp.path());

    // Two clerks, enrolled by the administrator.
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    QString error;
    QVERIFY2(WorkstationFixture::create(m_dir, QStringLiteral("思明区信用服务点 1 号窗口"),
                                        {AdminUser, AdminName, Role::Administrator, AdminPassword},
                                        {{ClerkUser, ClerkName, Role::Clerk, ClerkPassword},
                                         {ThrottledUser, QStringLiteral("张伟"), Role::Clerk, ThrottledPassword}},
                                        &error),
             qPrintable(error));
}

void TestGuiLogin::init()
{
    m_controller = std::make_unique<AppController>(m_dir);
    QString error;
    QVERIFY2(m_controller->start(&error), qPrintable(error));
    QVERIFY(waitForLoginDialog());
}

void TestGuiLogin::cleanup()
{
    m_controller.reset();
    QVERIFY(QApplication::topLevelWidgets().isEmpty() ||
            std::none_of(QApplication::topLevelWidgets().cbegin(), QApplication::topLevelWidgets().cend(),
                         [](QWidget* w) { return w->isVisible(); }));
}

LoginDialog* TestGuiLogin::waitForLoginDialog()
{
    LoginDialog* dialog = m_controller->loginDialog();
    if (!dialog)
        return nullptr;
    if (!QTest::qWaitForWindowActive(dialog))
        return nullptr;
    return dialog;
}

// Types into whatever has the focus, like a person at the keyboard: username, Tab, password, Enter.
void TestGuiLogin::typeLogin(const QString& username, const QString& password)
{
    LoginDialog* dialog = m_controller->loginDialog();
    auto* usernameEdit = child<QLineEdit>(dialog, "usernameEdit");
    usernameEdit->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), usernameEdit);
    usernameEdit->clear();
    QTest::keyClicks(QApplication::focusWidget(), username);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "passwordEdit"));
    QTest::keyClicks(QApplication::focusWidget(), password);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

MainWindow* TestGuiLogin::logIn(const QString& username, const QString& password)
{
    typeLogin(username, password);
    if (!QTest::qWaitFor([this] { return m_controller->mainWindow() && m_controller->mainWindow()->isVisible(); }))
        return nullptr;
    if (!QTest::qWaitForWindowActive(m_controller->mainWindow()))
        return nullptr;
    return m_controller->mainWindow();
}

void TestGuiLogin::missingWorkstationSaysHowToCreateOne()
{
    const QString empty = m_tmp.filePath(QStringLiteral("nothing-here"));
    AppController controller(empty);
    QString error;
    QVERIFY(!controller.start(&error));
    QVERIFY(!controller.loginDialog());
    QCOMPARE(error, AppController::noWorkstationMessage(empty));
    QVERIFY2(error.contains(QStringLiteral("xmcredit-admin init --workstation ") + QDir::toNativeSeparators(empty)),
             qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("installer/dev.sh run")));
}

void TestGuiLogin::guiBinaryRefusesMissingWorkstation()
{
    // xmcredit sits beside xmcredit-admin in the build tree.
    const QString gui = QFileInfo(QStringLiteral(XMCREDIT_ADMIN_BIN)).absolutePath() + QStringLiteral("/xmcredit");
    if (!QFileInfo::exists(gui))
        QSKIP("The xmcredit target has not been built.");
    const QString empty = m_tmp.filePath(QStringLiteral("still-nothing"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(gui, {QStringLiteral("--workstation"), empty, QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("xmcredit-admin init --workstation ") + empty), qPrintable(err));

    process.start(gui, {QStringLiteral("--lang"), QStringLiteral("fr")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);

    process.start(gui, {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(QStringLiteral(XMCREDIT_VERSION)));
}

void TestGuiLogin::loginWithKeyboardReachesMainWindow()
{
    LoginDialog* dialog = m_controller->loginDialog();
    // Nothing remembered yet: the focus starts on the username.
    QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "usernameEdit"));
    QCOMPARE(child<QLineEdit>(dialog, "passwordEdit")->echoMode(), QLineEdit::Password);
    QVERIFY(child<QLabel>(dialog, "workstationLabel")->text().contains(QStringLiteral("思明区信用服务点 1 号窗口")));
    QVERIFY(child<QLabel>(dialog, "workstationLabel")
                ->text()
                .contains(QDir::toNativeSeparators(Workstation::databasePath(m_dir))));

    QSignalSpy loggedIn(m_controller.get(), &AppController::loggedIn);
    typeLogin(AdminUser, AdminPassword);
    // The password check runs in a worker: when Enter returns, the form is busy and disabled, and no session
    // exists yet (it is opened once the result comes back to the GUI thread).
    QVERIFY(child<QProgressBar>(dialog, "busyIndicator")->isVisible());
    QVERIFY(!child<QLineEdit>(dialog, "passwordEdit")->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog, "usernameEdit")->isEnabled());
    QVERIFY(!m_controller->session().isValid());

    QTRY_VERIFY(m_controller->mainWindow() && m_controller->mainWindow()->isVisible());
    QCOMPARE(loggedIn.count(), 1);
    QVERIFY(!m_controller->loginDialog());
    MainWindow* window = m_controller->mainWindow();
    QCOMPARE(window->windowTitle(),
             QCoreApplication::translate("MainWindow", "Xiamen Public Credit Information Workstation"));
    QCOMPARE(window->session().username, AdminUser);
    QVERIFY(QSqlDatabase::database(window->session().connectionName, false).isOpen());

    auto* user = child<QLabel>(window, "userStatusLabel");
    QVERIFY(user->isVisible());
    QVERIFY2(user->text().contains(AdminName), qPrintable(user->text()));
    QVERIFY2(user->text().contains(Roles::displayName(Role::Administrator)), qPrintable(user->text()));
    QVERIFY(child<QLabel>(window, "workstationStatusLabel")->text().contains(QStringLiteral("思明区信用服务点")));
    auto* driver = qobject_cast<SqlCipherDriver*>(window->session().database().driver());
    QVERIFY(driver);
    QVERIFY(driver->cipherVersion().startsWith(QStringLiteral("3.4")));
    QCOMPARE(child<QLabel>(window, "databaseStatusLabel")->text(),
             QCoreApplication::translate("MainWindow", "Encrypted database open · SQLCipher %1")
                 .arg(driver->cipherVersion()));
    QVERIFY(!child<QLabel>(window, "lockStatusLabel")->isVisible());
    QCOMPARE(window->currentPage(), window->homePage());

    // Help > About names the version and the cipher.
    MessageBoxes::setNextAnswer(QMessageBox::Ok);
    child<QAction>(window, "actionAbout")->trigger();
    QVERIFY(MessageBoxes::lastText().contains(QStringLiteral(XMCREDIT_VERSION)));
    QVERIFY(MessageBoxes::lastText().contains(QStringLiteral("SQLCipher ") + driver->cipherVersion()));
}

void TestGuiLogin::wrongPasswordStaysOnDialog()
{
    LoginDialog* dialog = m_controller->loginDialog();
    typeLogin(AdminUser, QStringLiteral("not the password"));
    auto* error = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY(error->isVisible());
    QTRY_VERIFY(!dialog->isBusy());
    // The same message the model gives for a wrong password (asking it again counts one more failure, which the
    // successful login in later tests resets).
    const UnlockResult expected = Workstation::unlock(m_dir, AdminUser, QStringLiteral("not the password"));
    QCOMPARE(expected.status.error, WorkstationError::WrongPassword);
    QCOMPARE(error->text(), expected.status.message);
    QVERIFY(dialog->isVisible());
    QVERIFY(!m_controller->mainWindow());
    QVERIFY(!m_controller->session().isValid());
    auto* password = child<QLineEdit>(dialog, "passwordEdit");
    QVERIFY(password->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), password);
    QCOMPARE(child<QLineEdit>(dialog, "usernameEdit")->text(), AdminUser);

    // The right password then still works from the same dialog.
    QTest::keyClicks(password, AdminPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(m_controller->mainWindow() && m_controller->mainWindow()->isVisible());
}

void TestGuiLogin::unknownUserStaysOnDialog()
{
    LoginDialog* dialog = m_controller->loginDialog();
    typeLogin(QStringLiteral("nobody"), QStringLiteral("whatever 123"));
    auto* error = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY(error->isVisible());
    QTRY_VERIFY(!dialog->isBusy());
    const UnlockResult expected = Workstation::unlock(m_dir, QStringLiteral("nobody"), QStringLiteral("x"));
    QCOMPARE(expected.status.error, WorkstationError::UnknownUser);
    QCOMPARE(error->text(), expected.status.message);
    QVERIFY(!m_controller->mainWindow());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "usernameEdit"));
}

void TestGuiLogin::emptyFieldsAreRefusedWithoutACheck()
{
    LoginDialog* dialog = m_controller->loginDialog();
    typeLogin(ClerkUser, QString());
    auto* error = child<QLabel>(dialog, "errorLabel");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QCoreApplication::translate("LoginDialog", "Enter your password."));
    QVERIFY(!dialog->isBusy());
    QVERIFY(!child<QProgressBar>(dialog, "busyIndicator")->isVisible());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "passwordEdit"));
}

void TestGuiLogin::cancelWhileCheckingOpensNoSession()
{
    QSignalSpy finished(m_controller.get(), &AppController::finished);
    QSignalSpy loggedIn(m_controller.get(), &AppController::loggedIn);
    QPointer<LoginDialog> dialog = m_controller->loginDialog();
    typeLogin(ClerkUser, ClerkPassword);
    QVERIFY(dialog->isBusy());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QCOMPARE(finished.count(), 1);
    // The dialog goes at once; the check finishing later in the pool opens nothing.
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
    QTest::qWait(50);
    QCOMPARE(loggedIn.count(), 0);
    QVERIFY(!m_controller->session().isValid());
    QVERIFY(!m_controller->mainWindow());
}

void TestGuiLogin::escapeCancelsTheLogin()
{
    QSignalSpy finished(m_controller.get(), &AppController::finished);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), 0);
    QVERIFY(!m_controller->session().isValid());
}

void TestGuiLogin::rememberedUsernameFocusesPassword()
{
    // Earlier tests logged in as admin: the dialog offers that name and waits for the password.
    LoginDialog* dialog = m_controller->loginDialog();
    QCOMPARE(child<QLineEdit>(dialog, "usernameEdit")->text(), AdminUser);
    QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "passwordEdit"));
    QTest::keyClicks(QApplication::focusWidget(), AdminPassword);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(m_controller->mainWindow() && m_controller->mainWindow()->isVisible());
    // The home page knows the previous login on this computer.
    auto* lastLogin = child<QLabel>(m_controller->mainWindow(), "lastLoginLabel");
    QVERIFY2(lastLogin->text() != QCoreApplication::translate("HomePage", "This is your first login on this computer."),
             qPrintable(lastLogin->text()));
}

void TestGuiLogin::throttledLoginShowsTheWait()
{
    LoginDialog* dialog = m_controller->loginDialog();
    auto* error = child<QLabel>(dialog, "errorLabel");
    auto* ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    for (int i = 0; i < 3; ++i) {
        typeLogin(ThrottledUser, QStringLiteral("wrong password %1").arg(i));
        QTRY_VERIFY(!dialog->isBusy() && error->isVisible());
    }
    typeLogin(ThrottledUser, ThrottledPassword);
    QTRY_VERIFY(!dialog->isBusy() && !ok->isEnabled());
    auto* countdown = qobject_cast<ErrorLabel*>(error);
    QVERIFY(countdown && countdown->isWaiting());
    QVERIFY2(countdown->secondsLeft() > 0 && countdown->secondsLeft() <= LoginThrottle::FirstDelaySeconds,
             qPrintable(QString::number(countdown->secondsLeft())));
    QVERIFY2(!error->text().isEmpty() && error->isVisible(), qPrintable(error->text()));
    QVERIFY(!m_controller->mainWindow());
    // Enter does nothing while the wait runs; the button comes back when it is over.
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), ThrottledPassword);
    QTest::keyClick(child<QLineEdit>(dialog, "passwordEdit"), Qt::Key_Return);
    QVERIFY(!dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), (LoginThrottle::FirstDelaySeconds + 3) * 1000);
    QTest::keyClick(child<QLineEdit>(dialog, "passwordEdit"), Qt::Key_Return);
    QTRY_VERIFY(m_controller->mainWindow() && m_controller->mainWindow()->isVisible());
    QCOMPARE(m_controller->session().username, ThrottledUser);
}

void TestGuiLogin::homePageListsTheRolesTasks()
{
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    auto* tree = child<QTreeWidget>(window, "taskTree");
    QVERIFY(tree->isVisible());
    QStringList tasks;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = tree->topLevelItem(i);
        tasks << item->text(0);
        // No dead entries: every row of a clerk's home is a page or a command of the window, with its shortcut.
        QVERIFY2(!item->isDisabled(), qPrintable(item->text(0)));
        QVERIFY2(!item->text(1).isEmpty(), qPrintable(item->text(0)));
    }
    // The clerk's tasks that a page does in this version; printing a report has no page yet and is left out, like
    // everything the role does not allow.
    const QList<Permission> withPage{Permission::QuerySubject, Permission::EnterRecord, Permission::IntakeCase};
    for (Permission permission : Roles::allPermissions()) {
        QCOMPARE(tasks.contains(HomePage::taskTitle(permission)),
                 roleAllows(Role::Clerk, permission) && withPage.contains(permission));
    }
    QCOMPARE(tasks.size(), withPage.size() + 3); // and lock, log out, quit

    // Find a subject: its page and shortcut, and Enter on it opens the page.
    const QList<QTreeWidgetItem*> find =
        tree->findItems(HomePage::taskTitle(Permission::QuerySubject), Qt::MatchExactly, 0);
    QCOMPARE(find.size(), 1);
    QCOMPARE(find.first()->text(1), QKeySequence(Qt::CTRL | Qt::Key_F).toString(QKeySequence::NativeText));
    const QString findPage = QCoreApplication::translate("WindowPages", "Find Subject");
    QCOMPARE(find.first()->text(2), QCoreApplication::translate("HomePage", "Page: %1").arg(findPage));
    tree->setFocus();
    tree->setCurrentItem(find.first());
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(window->currentPage() != window->homePage());
    QCOMPARE(child<QListWidget>(window, "pageList")->currentItem()->text(), findPage);
    QTest::keyClick(window, Qt::Key_Home, Qt::AltModifier);
    QCOMPARE(window->currentPage(), window->homePage());

    // The window's own commands are listed with their shortcuts.
    const QList<QTreeWidgetItem*> lock =
        tree->findItems(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText), Qt::MatchExactly, 1);
    QCOMPARE(lock.size(), 1);
    // Shown without the mnemonic, in either language's style ("&Lock …", "锁定工作站(&L)").
    QVERIFY2(!lock.first()->text(0).contains(QLatin1Char('&')) &&
                 !lock.first()->text(0).contains(QStringLiteral("(L)")) && !lock.first()->text(0).isEmpty(),
             qPrintable(lock.first()->text(0)));
    QVERIFY(child<QAction>(window, "actionLock")->text().remove(QLatin1Char('&')).contains(lock.first()->text(0)));
    QCOMPARE(child<QLabel>(window, "welcomeLabel")->text(),
             QCoreApplication::translate("HomePage", "Welcome, %1").arg(ClerkName));
    QVERIFY(child<QLabel>(window, "roleLabel")->text().contains(Roles::displayName(Role::Clerk)));

    // An administrator's tasks are done with xmcredit-admin in this version: each names its command. Configuring
    // synchronisation, which neither a page nor a command does yet, is left out.
    Session administrator = window->session();
    administrator.role = Role::Administrator;
    HomePage home(administrator);
    auto* adminTree = child<QTreeWidget>(&home, "taskTree");
    QStringList adminTasks;
    for (int i = 0; i < adminTree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = adminTree->topLevelItem(i);
        adminTasks << item->text(0);
        QVERIFY2(!item->isDisabled(), qPrintable(item->text(0)));
        QVERIFY2(item->text(2).contains(QLatin1String("xmcredit-admin ")), qPrintable(item->text(2)));
    }
    QCOMPARE(adminTasks,
             QStringList({HomePage::taskTitle(Permission::ReadAudit), HomePage::taskTitle(Permission::ManageStaff),
                          HomePage::taskTitle(Permission::RotateKeys)}));
    const QList<QTreeWidgetItem*> rekey =
        adminTree->findItems(HomePage::taskTitle(Permission::RotateKeys), Qt::MatchExactly, 0);
    QCOMPARE(rekey.size(), 1);
    QVERIFY2(rekey.first()->text(2).endsWith(QLatin1String("xmcredit-admin rekey")),
             qPrintable(rekey.first()->text(2)));
}

void TestGuiLogin::addPageLinksSidebarMenuAndHome()
{
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    // Relative to the pages the window already has, so that feature pages installed for clerks do not matter.
    const int before = window->pages().size();
    const QKeySequence shortcut(Qt::CTRL | Qt::ALT | Qt::Key_T);
    auto* page = new QLineEdit;
    page->setObjectName(QStringLiteral("testPage"));
    QAction* action = window->addPage(page, QStringLiteral("Test Page"), shortcut, {Permission::EnterRecord});
    QVERIFY(action);
    QCOMPARE(window->pages().size(), before + 1);
    QCOMPARE(window->pages().last(), page);
    auto* list = child<QListWidget>(window, "pageList");
    QCOMPARE(list->count(), before + 1);
    QCOMPARE(list->item(before)->text(), QStringLiteral("Test Page"));
    QVERIFY(child<QMenu>(window, "menuView")->actions().contains(action));

    auto* tree = child<QTreeWidget>(window, "taskTree");
    const QList<QTreeWidgetItem*> items =
        tree->findItems(HomePage::taskTitle(Permission::EnterRecord), Qt::MatchExactly, 0);
    QCOMPARE(items.size(), 1);
    QTreeWidgetItem* item = items.first();
    // The first page serving a task is the one linked: only check ours when no feature page serves it already.
    const bool linkedToTestPage = item->text(2).contains(QStringLiteral("Test Page"));
    QVERIFY(linkedToTestPage || before > 1);
    if (linkedToTestPage)
        QCOMPARE(item->text(1), shortcut.toString(QKeySequence::NativeText));

    // The shortcut shows the page and gives it the focus; Alt+Home goes back; Enter on a task opens its page.
    QTest::keyClick(window, Qt::Key_T, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(window->currentPage(), page);
    QCOMPARE(list->currentRow(), before);
    QTRY_COMPARE(QApplication::focusWidget(), page);
    QTest::keyClick(window, Qt::Key_Home, Qt::AltModifier);
    QCOMPARE(window->currentPage(), window->homePage());
    if (linkedToTestPage) {
        tree->setFocus();
        tree->setCurrentItem(item);
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(window->currentPage(), page);
    }
    // The sidebar switches pages too.
    list->setCurrentRow(before);
    QCOMPARE(window->currentPage(), page);
    list->setCurrentRow(0);
    QCOMPARE(window->currentPage(), window->homePage());
}

void TestGuiLogin::lockHidesContentsAndUnlocksWithPassword()
{
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    auto* page = new QLineEdit(QStringLiteral("350203199001010018"));
    QAction* pageAction =
        window->addPage(page, QStringLiteral("Test Page"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    window->showPage(page);
    QSignalSpy lockedChanged(window, &MainWindow::lockedChanged);
    const qint64 auditedBefore = lastAuditSeq(window->session());
    QVERIFY(auditedBefore > 0);

    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(window->isLocked());
    QCOMPARE(lockedChanged.count(), 1);
    auto* root = child<QStackedWidget>(window, "rootStack");
    QCOMPARE(root->currentWidget()->objectName(), QStringLiteral("lockScreen"));
    QVERIFY(!page->isVisible());
    QVERIFY(!child<QWidget>(window, "pageList")->isVisible());
    QVERIFY(child<QLabel>(window, "lockStatusLabel")->isVisible());
    QVERIFY(!pageAction->isEnabled());
    QVERIFY(!child<QAction>(window, "actionLock")->isEnabled());
    QVERIFY(!child<QAction>(window, "actionHome")->isEnabled());
    QVERIFY(child<QAction>(window, "actionLogout")->isEnabled());
    QVERIFY(child<QAction>(window, "actionQuit")->isEnabled());
    // Page shortcuts do nothing while locked.
    QTest::keyClick(window, Qt::Key_Home, Qt::AltModifier);
    QCOMPARE(root->currentWidget()->objectName(), QStringLiteral("lockScreen"));

    auto* password = child<QLineEdit>(window, "lockPasswordEdit");
    QTRY_COMPARE(QApplication::focusWidget(), password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);

    // Somebody else's password (the administrator's) does not unlock the clerk's window.
    QTest::keyClicks(password, AdminPassword);
    QTest::keyClick(password, Qt::Key_Return);
    auto* error = child<QLabel>(window, "lockErrorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY(window->isLocked());
    QVERIFY(password->text().isEmpty());

    QTest::keyClicks(password, ClerkPassword);
    QTest::keyClick(password, Qt::Key_Return);
    // As at login, the check runs off the GUI thread.
    QVERIFY(child<QProgressBar>(window, "lockBusyIndicator")->isVisible());
    QTRY_VERIFY(!window->isLocked());
    QCOMPARE(lockedChanged.count(), 2);
    QCOMPARE(root->currentWidget()->objectName(), QStringLiteral("workspacePage"));
    QCOMPARE(window->currentPage(), page);
    QVERIFY(page->isVisible());
    QCOMPARE(page->text(), QStringLiteral("350203199001010018"));
    QVERIFY(pageAction->isEnabled());
    QVERIFY(!child<QLabel>(window, "lockStatusLabel")->isVisible());
    // The session survived the lock.
    QVERIFY(m_controller->session().isValid());
    QVERIFY(window->session().database().isOpen());
    // The lock, the failed attempt and the unlock are in the audit trail, whose chain still holds.
    QCOMPARE(sessionEventsAfter(window->session(), auditedBefore),
             QStringList({QStringLiteral("session.lock {\"reason\":\"command\"}"),
                          QStringLiteral("session.unlock.failed {\"error\":\"wrong-password\"}"),
                          QStringLiteral("session.unlock {}")}));
    QSqlDatabase db = window->session().database();
    const AuditVerifyResult verified = AuditLog::verify(db);
    QVERIFY2(verified.ok, qPrintable(verified.message));
}

void TestGuiLogin::idleTimeoutLocks()
{
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    IdleWatcher* idle = window->idleWatcher();
    QVERIFY(idle->isActive());
    QCOMPARE(idle->interval(), std::chrono::milliseconds(std::chrono::minutes(IdleWatcher::configuredMinutes())));

    // Typing keeps the window open past the interval...
    const qint64 auditedBefore = lastAuditSeq(window->session());
    idle->setInterval(std::chrono::milliseconds(400));
    for (int i = 0; i < 8; ++i) {
        QTest::keyClick(window, Qt::Key_Shift);
        QTest::qWait(100);
    }
    QVERIFY(!window->isLocked());
    // ...leaving it alone locks it.
    QTRY_VERIFY_WITH_TIMEOUT(window->isLocked(), 3000);
    QCOMPARE(child<QStackedWidget>(window, "rootStack")->currentWidget()->objectName(), QStringLiteral("lockScreen"));
    QVERIFY(!idle->isActive());

    auto* password = child<QLineEdit>(window, "lockPasswordEdit");
    QTest::keyClicks(password, ClerkPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(!window->isLocked());
    QVERIFY(idle->isActive());
    QCOMPARE(sessionEventsAfter(window->session(), auditedBefore),
             QStringList({QStringLiteral("session.lock {\"reason\":\"idle\"}"), QStringLiteral("session.unlock {}")}));
}

void TestGuiLogin::lockCoversOtherWindows()
{
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    // A non-modal window is hidden while locked; a modal dialog (which cannot be hidden without ending it) is
    // covered by its own lock screen, and what was typed into it survives.
    QPointer<QWidget> tool = new QWidget(window, Qt::Window);
    tool->setObjectName(QStringLiteral("toolWindow"));
    tool->show();
    QPointer<QDialog> dialog = new QDialog(window);
    auto* field = new QLineEdit(QStringLiteral("half-typed record"), dialog);
    (new QVBoxLayout(dialog))->addWidget(field);
    dialog->setModal(true);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    window->lock();
    QVERIFY(!tool->isVisible());
    QVERIFY(dialog->isVisible());
    auto* cover = child<QWidget>(dialog, "lockCover");
    QVERIFY(cover);
    QVERIFY(cover->isVisible());
    QCOMPARE(cover->geometry(), dialog->rect());
    QVERIFY(!field->isEnabled());
    // Esc on the cover does not close the dialog behind it.
    auto* password = cover->findChild<QLineEdit*>(QStringLiteral("lockPasswordEdit"));
    QTest::keyClick(password, Qt::Key_Escape);
    QVERIFY(dialog->isVisible());

    QTest::keyClicks(password, ClerkPassword);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(!window->isLocked());
    QTRY_VERIFY(!child<QWidget>(dialog, "lockCover"));
    QVERIFY(field->isEnabled());
    QCOMPARE(field->text(), QStringLiteral("half-typed record"));
    QVERIFY(tool->isVisible());
    QVERIFY(dialog->isVisible());

    // Logging out from the cover of the modal dialog (someone else at the window) closes the dialog first, then
    // the session; the hidden window is not shown again.
    window->lock();
    QVERIFY(!tool->isVisible());
    cover = child<QWidget>(dialog, "lockCover");
    QVERIFY(cover);
    QSignalSpy loggedOut(m_controller.get(), &AppController::loggedOut);
    MessageBoxes::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(cover->findChild<QPushButton*>(QStringLiteral("lockLogoutButton")), Qt::LeftButton);
    QTRY_COMPARE(loggedOut.count(), 1);
    QVERIFY(dialog.isNull());
    QVERIFY(tool.isNull());
    QVERIFY(waitForLoginDialog());
}

void TestGuiLogin::logoutReturnsToLoginDialog()
{
    MainWindow* window = logIn(AdminUser, AdminPassword);
    QVERIFY(window);
    const QString connection = window->session().connectionName;
    QVERIFY(QSqlDatabase::contains(connection));
    QSignalSpy loggedOut(m_controller.get(), &AppController::loggedOut);
    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(loggedOut.count(), 1);
    QVERIFY(!m_controller->mainWindow());
    QVERIFY(!m_controller->session().isValid());
    QVERIFY(!QSqlDatabase::contains(connection));
    LoginDialog* dialog = waitForLoginDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, "usernameEdit")->text(), AdminUser);
    QVERIFY(child<QLineEdit>(dialog, "passwordEdit")->text().isEmpty());
    // And somebody else can log in next.
    QVERIFY(logIn(ClerkUser, ClerkPassword));
    QCOMPARE(m_controller->session().username, ClerkUser);
}

void TestGuiLogin::languageSwitchAppliesAtOnce()
{
    const QString start = QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
    const QString other = start == QLatin1String("en") ? QStringLiteral("zh_CN") : QStringLiteral("en");
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    const QString connection = window->session().connectionName;
    const QString titleBefore = window->windowTitle();
    QSignalSpy changed(m_controller.get(), &AppController::languageChanged);
    // Declined: nothing changes now (the choice is kept for the next start).
    MessageBoxes::setNextAnswer(QMessageBox::No);
    child<QAction>(window, QStringLiteral("language_%1").arg(other))->trigger();
    QTest::qWait(50);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_controller->mainWindow(), window);
    QVERIFY(child<QAction>(window, QStringLiteral("language_%1").arg(start))->isChecked());
    // Accepted: the window is built again in the other language, for the same session.
    MessageBoxes::setNextAnswer(QMessageBox::Yes);
    child<QAction>(window, QStringLiteral("language_%1").arg(other))->trigger();
    QTRY_COMPARE(changed.count(), 1);
    MainWindow* rebuilt = m_controller->mainWindow();
    QVERIFY(rebuilt && rebuilt->isVisible());
    QCOMPARE(rebuilt->session().connectionName, connection);
    QVERIFY(QSqlDatabase::database(connection, false).isOpen());
    QVERIFY(rebuilt->windowTitle() != titleBefore);
    QCOMPARE(rebuilt->windowTitle(),
             QCoreApplication::translate("MainWindow", "Xiamen Public Credit Information Workstation"));
    if (other == QLatin1String("zh_CN")) {
        QCOMPARE(rebuilt->windowTitle(), QStringLiteral("厦门市公共信用信息工作站"));
        // Qt's own dialogs too (qtbase translations from qt6-translations-l10n).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    }
    QVERIFY(child<QAction>(rebuilt, QStringLiteral("language_%1").arg(other))->isChecked());
    // And back, so the remaining tests run in the language they started with.
    MessageBoxes::setNextAnswer(QMessageBox::Yes);
    child<QAction>(rebuilt, QStringLiteral("language_%1").arg(start))->trigger();
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(m_controller->mainWindow()->windowTitle(), titleBefore);
}

void TestGuiLogin::logoutFromLockScreen()
{
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    window->lock();
    QSignalSpy loggedOut(m_controller.get(), &AppController::loggedOut);
    // Declining the confirmation keeps the window locked.
    MessageBoxes::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(child<QPushButton>(window, "lockLogoutButton"), Qt::LeftButton);
    QVERIFY(window->isLocked());
    QCOMPARE(m_controller->mainWindow(), window);
    MessageBoxes::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>(window, "lockLogoutButton"), Qt::LeftButton);
    QTRY_COMPARE(loggedOut.count(), 1);
    QVERIFY(waitForLoginDialog());
}

void TestGuiLogin::screenshots()
{
    if (qEnvironmentVariableIsEmpty("XMCREDIT_SCREENSHOT_DIR"))
        QSKIP("Set XMCREDIT_SCREENSHOT_DIR to write screenshots.");
    LoginDialog* dialog = m_controller->loginDialog();
    child<QLineEdit>(dialog, "usernameEdit")->clear();
    GuiTest::grab(dialog, QStringLiteral("login"), m_language);
    typeLogin(AdminUser, QStringLiteral("wrong password"));
    QTRY_VERIFY(!dialog->isBusy() && child<QLabel>(dialog, "errorLabel")->isVisible());
    GuiTest::grab(dialog, QStringLiteral("login-error"), m_language);
    MainWindow* window = logIn(ClerkUser, ClerkPassword);
    QVERIFY(window);
    GuiTest::grab(window, QStringLiteral("main"), m_language);
    window->lock();
    GuiTest::grab(window, QStringLiteral("locked"), m_language);
}

QTEST_MAIN(TestGuiLogin)
#include "TestGuiLogin.moc"
