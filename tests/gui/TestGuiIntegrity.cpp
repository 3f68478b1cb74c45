// A database changed outside the program, through the real login flow: a clerk is refused with the reason in the
// login dialog; an auditor gets in read-only, with the reason kept in view on a red banner.

#include "AppController.h"
#include "GuiTestHelpers.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "WorkstationFixture.h"

#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using GuiTest::child;

namespace {
const QString ClerkPassword = QStringLiteral("clerk-password");
const QString AuditorPassword = QStringLiteral("auditor-password");
} // namespace

class TestGuiIntegrity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void clerkIsRefusedAndAuditorGetsReadOnly();

private:
    void typeLogin(LoginDialog* dialog, const QString& username, const QString& password);

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
};

void TestGuiIntegrity::initTestCase()
{
    m_language = GuiTest::setUpApplication(m_tmp.path());
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    QString error;
    QVERIFY2(
        WorkstationFixture::create(
            m_dir, QStringLiteral("思明区信用服务点 2 号窗口"),
            {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, QStringLiteral("admin-password")},
            {{QStringLiteral("clerk"), QStringLiteral("李娜"), Role::Clerk, ClerkPassword},
             {QStringLiteral("auditor"), QStringLiteral("周审计"), Role::Auditor, AuditorPassword}},
            &error),
        qPrintable(error));
    // The clerk's password unwraps the database key; with it, the clerk renames the administrator in SQL.
    const UnlockResult clerk = Workstation::unlock(m_dir, QStringLiteral("clerk"), ClerkPassword);
    QVERIFY(clerk.ok());
    const QString path = Workstation::databasePath(m_dir);
    SqlCipherKeyRing::setKey(path, *clerk.databaseKey);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), QStringLiteral("x"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE staff SET display_name = '别人' WHERE username = 'admin'")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("x"));
    SqlCipherKeyRing::removeKey(path);
}

void TestGuiIntegrity::typeLogin(LoginDialog* dialog, const QString& username, const QString& password)
{
    auto* usernameEdit = child<QLineEdit>(dialog, "usernameEdit");
    usernameEdit->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), usernameEdit);
    usernameEdit->clear();
    QTest::keyClicks(QApplication::focusWidget(), username);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), password);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

void TestGuiIntegrity::clerkIsRefusedAndAuditorGetsReadOnly()
{
    AppController controller(m_dir);
    QString error;
    QVERIFY2(controller.start(&error), qPrintable(error));
    LoginDialog* dialog = controller.loginDialog();
    QVERIFY(dialog && QTest::qWaitForWindowActive(dialog));

    typeLogin(dialog, QStringLiteral("clerk"), ClerkPassword);
    auto* errorLabel = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY(errorLabel->isVisible() && !errorLabel->text().isEmpty());
    QVERIFY2(errorLabel->text().contains(QStringLiteral("admin")), qPrintable(errorLabel->text()));
    QVERIFY(!controller.mainWindow());
    GuiTest::grab(dialog, QStringLiteral("integrity-refused"), m_language);

    typeLogin(dialog, QStringLiteral("auditor"), AuditorPassword);
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
    MainWindow* window = controller.mainWindow();
    QVERIFY(window->session().readOnly);
    auto* banner = child<QLabel>(window, "integrityBanner");
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("admin")), qPrintable(banner->text()));
    window->resize(1366, 768);
    GuiTest::grab(window, QStringLiteral("integrity-readonly"), m_language);
}

QTEST_MAIN(TestGuiIntegrity)
#include "TestGuiIntegrity.moc"
