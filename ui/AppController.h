#pragma once

#include "storage/Session.h"
#include "storage/Workstation.h"

#include <QDateTime>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QString>

class LoginDialog;
class MainWindow;

// The application's flow, shared by main() and the GUI tests: login dialog → main window → (log out → login
// dialog | quit). It owns the session: it is opened by the login dialog and closed here, after the main window
// (and with it every page, model and query on the session's connection) has been deleted.
class AppController : public QObject
{
    Q_OBJECT
public:
    // Application-wide set-up for main() and the GUI tests: names (they decide QSettings and the data
    // directories, and match xmcredit-admin), version, the QSQLCIPHER driver, a CJK-capable font when one is
    // installed, and no quitting when the last window closes (the controller decides when to quit).
    static void setUpApplication();
    // The text size: a percentage of the platform's font size (100 to 150), applied to every window at once and kept
    // in the settings (ui/textScale) for the next start.
    static QList<int> textScales() { return {100, 115, 130, 150}; }
    static int textScale();
    static void setTextScale(int percent);
    // The UI language, "zh_CN" or "en": requested (--lang) if not empty, else XMCREDIT_LANG, else the language
    // chosen in View > Language, else the locale (Translations::languageFromEnvironment).
    static QString chooseLanguage(const QString& requested = QString());
    // What to tell someone who starts the workstation on a directory without one: how to create it.
    static QString noWorkstationMessage(const QString& dir);

private:
    static QFont& baseFont(); // the platform's font (with the CJK family), before any text scale

public:
    explicit AppController(const QString& workstationDir, QObject* parent = nullptr);
    // Closes a session that is still open.
    ~AppController() override;

    // Reads the workstation and shows the login dialog. Returns false with error set (translated, ready to show)
    // when the directory holds no usable workstation; nothing is shown then.
    bool start(QString* error);

    const WorkstationInfo& workstation() const { return m_info; }
    // The login dialog while nobody is logged in, else null.
    LoginDialog* loginDialog() const;
    // The main window while a session is open, else null.
    MainWindow* mainWindow() const;
    // The open session (isValid() false when nobody is logged in).
    const Session& session() const { return m_session; }

public slots:
    // Ends the session (after the current event has been handled) and shows the login dialog again.
    void logout();
    // Ends the session, if any, and emits finished(0).
    void quit();

signals:
    // A session was opened and its main window created and shown.
    void loggedIn(MainWindow* window);
    // The window was built again in another language (View > Language), for the same session.
    void languageChanged(MainWindow* window);
    // The session was closed and its main window deleted.
    void loggedOut();
    // The application should exit with this code (the login was cancelled or the user quit).
    void finished(int exitCode);

private:
    void showLogin();
    void onSessionOpened(const Session& session);
    void openMainWindow(const QRect& geometry);
    void switchLanguage(const QString& language);
    void rebuildWindow(const QString& language, int attempt);
    void endSession(bool quitAfter, int attempt);
    bool closeModalWindows();

    QString m_dir;
    WorkstationInfo m_info;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_main;
    QDateTime m_previousLogin;
    Session m_session;
    bool m_ending = false;
};
