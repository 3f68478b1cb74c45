#include "AppController.h"

#include "LoginDialog.h"
#include "MainWindow.h"
#include "WindowPages.h"

#include "storage/SqlCipherDriver.h"
#include "storage/Translations.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QIcon>
#include <QSettings>
#include <QStyle>
#include <QTimer>

namespace {

QString lastLoginKey(const QString& workstationId, const QString& username)
{
    return QStringLiteral("login/%1/lastLogin/%2").arg(workstationId, username);
}

} // namespace

void AppController::setUpApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("xmcredit"));
    QCoreApplication::setOrganizationName(QStringLiteral("xmcredit"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XMCREDIT_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);
    // The desktop entry and AppStream id (installer/): on Wayland the shell matches the window to its menu entry and
    // icon by it; the icon comes from the installed theme (hicolor).
    QGuiApplication::setDesktopFileName(QStringLiteral("cn.xmcredit.Workstation"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("cn.xmcredit.Workstation")));
    SqlCipherDriver::registerDriver();

    // Without a desktop's font configuration (offscreen, minimal X sessions) Qt may pick a font without Chinese
    // glyphs and draw boxes; Noto Sans CJK SC covers Chinese and Latin alike.
    const QString cjk = QStringLiteral("Noto Sans CJK SC");
    if (QFontDatabase::families().contains(cjk)) {
        QFont font = QApplication::font();
        font.setFamily(cjk);
        QApplication::setFont(font);
    }
    baseFont() = QApplication::font();
    setTextScale(textScale());
}

QFont& AppController::baseFont()
{
    static QFont font;
    return font;
}

int AppController::textScale()
{
    const int saved = QSettings().value(QStringLiteral("ui/textScale"), 100).toInt();
    return textScales().contains(saved) ? saved : 100;
}

void AppController::setTextScale(int percent)
{
    if (!textScales().contains(percent))
        percent = 100;
    QSettings().setValue(QStringLiteral("ui/textScale"), percent);
    QFont font = baseFont();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * percent / 100.0);
    else if (font.pixelSize() > 0)
        font.setPixelSize(font.pixelSize() * percent / 100);
    QApplication::setFont(font);
    // Every widget told at once (Qt does so only once the event loop has run, and the text size may change before).
    QEvent change(QEvent::ApplicationFontChange);
    for (QWidget* widget : QApplication::allWidgets())
        QCoreApplication::sendEvent(widget, &change);
    // A widget with a style sheet took its font when it was polished: polished again, it takes the new size.
    for (QWidget* widget : QApplication::allWidgets())
        if (!widget->styleSheet().isEmpty() ||
            qstrcmp(widget->style()->metaObject()->className(), "QStyleSheetStyle") == 0)
            widget->setStyleSheet(widget->styleSheet());
}

QString AppController::chooseLanguage(const QString& requested)
{
    if (!requested.isEmpty())
        return requested;
    if (!qEnvironmentVariableIsEmpty("XMCREDIT_LANG"))
        return Translations::languageFromEnvironment();
    const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
    if (saved == QLatin1String("en") || saved == QLatin1String("zh_CN"))
        return saved;
    return Translations::languageFromEnvironment();
}

QString AppController::noWorkstationMessage(const QString& dir)
{
    return tr("There is no workstation in %1.\n\n"
              "An administrator creates one with\n"
              "    xmcredit-admin init --workstation %1\n"
              "(see xmcredit-admin init --help), or starts the workstation with --workstation on the directory "
              "of an existing one.\n\n"
              "Developers get a demo workstation with sample logins from\n"
              "    installer/dev.sh run")
        .arg(QDir::toNativeSeparators(dir));
}

AppController::AppController(const QString& workstationDir, QObject* parent)
    : QObject(parent)
    , m_dir(workstationDir)
{}

AppController::~AppController()
{
    delete m_login;
    delete m_main;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
}

LoginDialog* AppController::loginDialog() const
{
    return m_login;
}

MainWindow* AppController::mainWindow() const
{
    return m_main;
}

bool AppController::start(QString* error)
{
    WorkstationInfo info;
    const WorkstationStatus status = Workstation::readInfo(m_dir, &info);
    if (!status.ok()) {
        if (error)
            *error = status.error == WorkstationError::NoWorkstation ? noWorkstationMessage(m_dir) : status.message;
        return false;
    }
    m_info = info;
    showLogin();
    return true;
}

void AppController::showLogin()
{
    m_login = new LoginDialog(m_info);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_login, &LoginDialog::sessionOpened, this, &AppController::onSessionOpened);
    connect(m_login, &QDialog::rejected, this, [this] {
        if (!m_session.isValid())
            emit finished(0);
    });
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void AppController::onSessionOpened(const Session& session)
{
    m_session = session;
    if (m_login) {
        // The dialog accepts itself right after this signal, which with WA_DeleteOnClose deletes it later too
        // (deleteLater twice is safe); hidden now so that it never shows beside the main window.
        m_login->hide();
        m_login->deleteLater();
        m_login = nullptr;
    }

    QSettings settings;
    const QString key = lastLoginKey(m_info.id, session.username);
    const QDateTime previous = settings.value(key).toDateTime();
    settings.setValue(key, QDateTime::currentDateTimeUtc());

    m_previousLogin = previous;
    openMainWindow(QRect());
    emit loggedIn(m_main);
}

void AppController::openMainWindow(const QRect& geometry)
{
    m_main = new MainWindow(m_session);
    m_main->setAttribute(Qt::WA_DeleteOnClose, false);
    m_main->setPreviousLogin(m_previousLogin);
    connect(m_main, &MainWindow::logoutRequested, this, &AppController::logout);
    connect(m_main, &MainWindow::quitRequested, this, &AppController::quit);
    connect(m_main, &MainWindow::languageChangeRequested, this, &AppController::switchLanguage);
    // The feature pages (each only for a role that may use it).
    installWindowPages(m_main);
    if (geometry.isValid())
        m_main->setGeometry(geometry);
    m_main->show();
    m_main->raise();
    m_main->activateWindow();
}

void AppController::switchLanguage(const QString& language)
{
    if (m_ending || !m_session.isValid())
        return;
    m_ending = true;
    // Queued: the request comes from inside a slot of the window that is about to be deleted.
    QTimer::singleShot(0, this, [this, language] { rebuildWindow(language, 0); });
}

void AppController::rebuildWindow(const QString& language, int attempt)
{
    if (closeModalWindows() && attempt < 50) {
        QTimer::singleShot(0, this, [this, language, attempt] { rebuildWindow(language, attempt + 1); });
        return;
    }
    // The same session, a new window: every page is built again with the new translators, so every text (and Qt's
    // own dialogs) speaks the new language at once.
    const QRect geometry = m_main ? m_main->geometry() : QRect();
    const bool maximized = m_main && m_main->isMaximized();
    delete m_main;
    m_main = nullptr;
    Translations::install(language);
    openMainWindow(geometry);
    if (maximized)
        m_main->showMaximized();
    m_ending = false;
    emit languageChanged(m_main);
}

void AppController::logout()
{
    if (m_ending || !m_session.isValid())
        return;
    m_ending = true;
    // Queued: logout is usually requested from inside a slot of the window that is about to be deleted.
    QTimer::singleShot(0, this, [this] { endSession(false, 0); });
}

void AppController::quit()
{
    if (m_ending)
        return;
    if (!m_session.isValid()) {
        emit finished(0);
        return;
    }
    m_ending = true;
    QTimer::singleShot(0, this, [this] { endSession(true, 0); });
}

void AppController::endSession(bool quitAfter, int attempt)
{
    // A modal dialog's exec() may still be on the stack (its dialog perhaps a local variable): deleting the main
    // window under it would destroy it twice. Close such dialogs first and come back once their loops returned.
    if (closeModalWindows() && attempt < 50) {
        QTimer::singleShot(0, this, [this, quitAfter, attempt] { endSession(quitAfter, attempt + 1); });
        return;
    }
    delete m_main;
    m_main = nullptr;
    Workstation::closeSession(m_session);
    m_session = Session();
    m_ending = false;
    emit loggedOut();
    if (quitAfter)
        emit finished(0);
    else
        showLogin();
}

bool AppController::closeModalWindows()
{
    bool found = false;
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget* window : windows) {
        if (!window->isVisible() || !window->isModal())
            continue;
        found = true;
        if (auto* dialog = qobject_cast<QDialog*>(window))
            dialog->reject();
        else
            window->hide();
    }
    return found;
}
