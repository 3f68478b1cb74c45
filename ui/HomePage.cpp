#include "HomePage.h"

#include "UiFonts.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int ActionRole = Qt::UserRole + 1;

// Tasks that are done with xmcredit-admin on this version: the home page names the command.
QString commandLineHint(Permission permission)
{
    switch (permission) {
    case Permission::ManageStaff:
        return QStringLiteral("xmcredit-admin staff add | remove | passwd | list");
    case Permission::RotateKeys:
        return QStringLiteral("xmcredit-admin rekey");
    case Permission::ReadAudit:
        return QStringLiteral("xmcredit-admin audit verify");
    default:
        return QString();
    }
}
// A menu text without its mnemonic: "&Quit" → "Quit", and the Chinese style "退出(&Q)" → "退出".
QString withoutMnemonic(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s*\\(&[^)]\\)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}
} // namespace

HomePage::HomePage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(8);

    m_welcome = new QLabel(this);
    m_welcome->setObjectName(QStringLiteral("welcomeLabel"));
    UiFonts::relative(m_welcome, 1.5, true);
    m_welcome->setText(tr("Welcome, %1").arg(session.displayName));
    layout->addWidget(m_welcome);

    m_role = new QLabel(this);
    m_role->setObjectName(QStringLiteral("roleLabel"));
    m_role->setWordWrap(true);
    m_role->setText(tr("You are logged in as %1 on the workstation %2.")
                        .arg(Roles::displayName(session.role), session.workstationName));
    layout->addWidget(m_role);

    m_lastLogin = new QLabel(this);
    m_lastLogin->setObjectName(QStringLiteral("lastLoginLabel"));
    layout->addWidget(m_lastLogin);

    layout->addSpacing(8);
    auto* tasksHeading = new QLabel(tr("What you can do"), this);
    QFont bold = tasksHeading->font();
    bold.setBold(true);
    tasksHeading->setFont(bold);
    layout->addWidget(tasksHeading);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("taskTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Task"), tr("Shortcut"), tr("Where")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(false);
    m_tree->setWordWrap(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tasksHeading->setBuddy(m_tree);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { activate(item); });

    setFocusProxy(m_tree);
    rebuild();
}

void HomePage::setPreviousLogin(const QDateTime& when)
{
    m_previousLogin = when;
    rebuild();
}

void HomePage::setPages(const QList<PageLink>& pages)
{
    m_pages = pages;
    rebuild();
}

void HomePage::setCommands(const QList<QAction*>& commands)
{
    m_commands.clear();
    for (QAction* action : commands)
        m_commands.append(action);
    rebuild();
}

QString HomePage::taskTitle(Permission permission)
{
    switch (permission) {
    case Permission::QuerySubject:
        return tr("Find a subject");
    case Permission::PrintReport:
        return tr("Print a public credit report");
    case Permission::EnterRecord:
        return tr("Enter a record handed over on paper");
    case Permission::IntakeCase:
        return tr("Take in a credit repair application or an objection");
    case Permission::ReviewCase:
        return tr("Review cases");
    case Permission::SuperviseCases:
        return tr("Supervise cases and their time limits");
    case Permission::SignOverride:
        return tr("Sign exceptions");
    case Permission::ReadAudit:
        return tr("Review the audit trail");
    case Permission::ManageStaff:
        return tr("Manage staff accounts");
    case Permission::ConfigureSync:
        return tr("Configure synchronisation with the city platform");
    case Permission::RotateKeys:
        return tr("Rotate the database key");
    case Permission::PullSync:
        return tr("Sync with the city platform");
    }
    return QString();
}

QString HomePage::taskDescription(Permission permission)
{
    switch (permission) {
    case Permission::QuerySubject:
        return tr("Search by name, unified social credit code or resident ID number and open the subject's credit "
                  "items. Every query records its basis.");
    case Permission::PrintReport:
        return tr("Verify the applicant's identity or the subject's authorisation, then print a numbered report.");
    case Permission::EnterRecord:
        return tr("Enter a credit record from a paper document; the collection rules are checked on entry.");
    case Permission::IntakeCase:
        return tr("Register the application with its scanned materials and start its time limit.");
    case Permission::ReviewCase:
        return tr("Do the municipal preliminary review of repair applications and verify objections.");
    case Permission::SuperviseCases:
        return tr("See every case with its timer, the overdue and at-risk ones, and reassign work.");
    case Permission::SignOverride:
        return tr("Sign off exceptions, such as a real identifier that fails its checksum; each is recorded.");
    case Permission::ReadAudit:
        return tr("See who queried, printed or changed what and why, and verify the audit chain.");
    case Permission::ManageStaff:
        return tr("Enrol staff, reset passwords and remove accounts.");
    case Permission::ConfigureSync:
        return tr("Set up the platform connection and import exchange packages.");
    case Permission::RotateKeys:
        return tr("Replace the database key and re-wrap every staff member's key slot.");
    case Permission::PullSync:
        return tr("The window pulls the platform's signed records in the background; File ▸ Sync Now (F9) pulls "
                  "them at once. The status bar shows the last sync.");
    }
    return QString();
}

void HomePage::rebuild()
{
    if (m_previousLogin.isValid())
        m_lastLogin->setText(tr("Your previous login on this computer: %1.")
                                 .arg(QLocale().toString(m_previousLogin.toLocalTime(), QLocale::LongFormat)));
    else
        m_lastLogin->setText(tr("This is your first login on this computer."));

    m_tree->clear();
    for (Permission permission : Roles::allPermissions()) {
        if (!roleAllows(m_session.role, permission))
            continue;
        const PageLink* page = nullptr;
        for (const PageLink& link : std::as_const(m_pages)) {
            if (link.tasks.contains(permission) && link.action) {
                page = &link;
                break;
            }
        }
        const QString command = commandLineHint(permission);
        // A task nothing in this version does yet is left out: a clerk never meets an entry that leads nowhere.
        if (!page && command.isEmpty())
            continue;
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, taskTitle(permission));
        item->setToolTip(0, taskDescription(permission));
        item->setStatusTip(0, taskDescription(permission));
        if (page) {
            item->setText(1, page->action->shortcut().toString(QKeySequence::NativeText));
            item->setText(2, tr("Page: %1").arg(page->title));
            item->setData(0, ActionRole, QVariant::fromValue<QObject*>(page->action.data()));
        } else {
            item->setText(2, tr("Command line: %1").arg(command));
        }
    }
    for (const QPointer<QAction>& command : std::as_const(m_commands)) {
        if (!command)
            continue;
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, withoutMnemonic(command->text()));
        item->setText(1, command->shortcut().toString(QKeySequence::NativeText));
        item->setText(2, tr("Workstation"));
        item->setData(0, ActionRole, QVariant::fromValue<QObject*>(command.data()));
    }
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void HomePage::activate(QTreeWidgetItem* item)
{
    if (!item)
        return;
    if (auto* action = qobject_cast<QAction*>(item->data(0, ActionRole).value<QObject*>());
        action && action->isEnabled())
        action->trigger();
}
