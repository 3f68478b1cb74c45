#pragma once

#include "storage/Roles.h"
#include "storage/Session.h"

#include <QDateTime>
#include <QKeySequence>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QScopedPointer>

namespace Ui {
class MainWindow;
}
class HomePage;
class IdleWatcher;
class LockScreen;
class QAction;
class QLabel;

// The workstation's main window for one session: menus, a status bar (who, which workstation, database state), a
// sidebar of pages and the page area. The first page is the home page; features add theirs with addPage().
//
// Locking (File > Lock, Ctrl+L, or IdleWatcher after the configured idle time) replaces the whole window content
// with a LockScreen, disables every command but Log Out, Quit and About, hides the application's other non-modal
// windows and covers modal dialogs that are open, until the same person enters their password again. The
// session's database connection stays open while locked, so pages keep their state. Locking, unlocking and every
// failed attempt to unlock are audited (Workstation::auditLock and friends).
//
// The window never closes the session itself: it asks with logoutRequested()/quitRequested() and the owner
// (AppController) deletes the window and then closes the session.
//
// Object names for tests: rootStack, workspacePage, pageList, pageStack, lockScreen, userStatusLabel,
// workstationStatusLabel, databaseStatusLabel, lockStatusLabel; actions actionLock, actionLogout, actionQuit,
// actionHome, actionAbout.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Session& session() const { return m_session; }

    // Adds a feature page: the window takes ownership of page, lists it in the sidebar and in the View menu with
    // shortcut, and links it from the home page for each of tasks (the permissions the page serves; add only
    // pages whose tasks session().can(...) allows). Returns the action that shows the page (its shortcut is
    // shortcut; the action is disabled while the window is locked).
    QAction* addPage(QWidget* page, const QString& title, const QKeySequence& shortcut = QKeySequence(),
                     const QList<Permission>& tasks = {});
    // Shows a page added with addPage() (or homePage()). Ignored while locked.
    void showPage(QWidget* page);
    QWidget* currentPage() const;
    HomePage* homePage() const { return m_home; }
    QList<QWidget*> pages() const;

    // When this person last logged in on this computer (shown on the home page).
    void setPreviousLogin(const QDateTime& when);

    bool isLocked() const { return m_locked; }
    IdleWatcher* idleWatcher() const { return m_idle; }
    // What of the desktop's own lock the window follows (empty where Qt cannot tell).
    QStringList desktopLockSources() const;
    // Adds a command to the File menu, above Lock Workstation (features with a one-off task, such as importing an
    // exchange package). The action is disabled while the window is locked.
    void addFileAction(QAction* action);

public slots:
    // Locks at the user's request (audited with the reason "command").
    void lock();

signals:
    void lockedChanged(bool locked);
    void pageShown(QWidget* page);
    void logoutRequested();
    void quitRequested();
    // View > Language: the owner rebuilds the window in the new language (the session stays open).
    void languageChangeRequested(const QString& language);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct PageEntry
    {
        QPointer<QWidget> page;
        QString title;
        QList<Permission> tasks;
        QPointer<QAction> action;
    };

    QAction* insertPage(QWidget* page, const QString& title, const QKeySequence& shortcut,
                        const QList<Permission>& tasks, QAction* action);
    // reason goes into the audit entry: "command" or "idle".
    void lockFor(const QString& reason);
    void unlock();
    void setCommandsLocked(bool locked);
    void coverOtherWindows();
    // reshow: show the windows hidden by the lock again (not when the window goes with its session).
    void uncoverOtherWindows(bool reshow);
    void updateStatusBar();
    void updateHomeLinks();
    void setUpIdleLockMenu();
    void setUpLanguageMenu();
    void setUpTextSizeMenu();
    void showAbout();
    QString cipherVersion() const;

    QScopedPointer<Ui::MainWindow> m_ui;
    Session m_session;
    HomePage* m_home = nullptr;
    IdleWatcher* m_idle = nullptr;
    class DesktopLockWatcher* m_desktopLock = nullptr;
    QList<PageEntry> m_pages;
    QAction* m_pagesEnd = nullptr;
    QList<QAction*> m_lockableActions;
    QLabel* m_userLabel = nullptr;
    QLabel* m_workstationLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_lockLabel = nullptr;
    bool m_locked = false;

    // While locked: other windows hidden (shown again on unlock), modal dialogs covered by their own LockScreen
    // (they cannot be hidden without ending their exec()), and the widgets under a cover disabled.
    QList<QPointer<QWidget>> m_hiddenWindows;
    struct Cover
    {
        QPointer<QWidget> window;
        QPointer<LockScreen> screen;
        QList<QPointer<QWidget>> disabled;
        QSize originalSize;
    };
    QList<Cover> m_covers;
};
