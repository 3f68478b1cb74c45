#pragma once

#include "storage/Roles.h"
#include "storage/Session.h"

#include <QDateTime>
#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// The main window's first page: who is logged in, when they last logged in here, and what their role lets them
// do, each task with the page and shortcut that does it (or the admin command, for tasks done on the command line;
// a task that neither a page nor a command does in this version is not listed), then the window's own commands.
// Enter or double-click on a task opens its page.
//
// Object names for tests: welcomeLabel, roleLabel, lastLoginLabel, taskTree.
class HomePage : public QWidget
{
    Q_OBJECT
public:
    // A page of the main window as the home page shows it.
    struct PageLink
    {
        QString title;
        QList<Permission> tasks;
        QPointer<QAction> action; // shows the page; carries its shortcut
    };

    explicit HomePage(const Session& session, QWidget* parent = nullptr);

    void setPreviousLogin(const QDateTime& when);
    void setPages(const QList<PageLink>& pages);
    // Window-wide commands (lock, log out, …) listed below the tasks with their shortcuts.
    void setCommands(const QList<QAction*>& commands);

    // The task's name and a sentence that says what it is, for this page and the report.
    static QString taskTitle(Permission permission);
    static QString taskDescription(Permission permission);

private:
    void rebuild();
    void activate(QTreeWidgetItem* item);

    Session m_session;
    QDateTime m_previousLogin;
    QList<PageLink> m_pages;
    QList<QPointer<QAction>> m_commands;
    QLabel* m_welcome = nullptr;
    QLabel* m_role = nullptr;
    QLabel* m_lastLogin = nullptr;
    QTreeWidget* m_tree = nullptr;
};
