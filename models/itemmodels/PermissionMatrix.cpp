#include "PermissionMatrix.h"

#include "cases/CaseWorkflow.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

namespace PermissionMatrix {

namespace {

PermissionRule make(const QString& key, const QString& group, const QString& title, const QList<Permission>& anyOf,
                    const QList<Role>& alsoRoles = {})
{
    PermissionRule rule;
    rule.key = key;
    rule.group = group;
    rule.title = title;
    rule.anyOf = anyOf;
    rule.alsoRoles = alsoRoles;
    return rule;
}

} // namespace

QString permissionTitle(Permission permission)
{
    switch (permission) {
    case Permission::QuerySubject:
        return QCoreApplication::translate("PermissionMatrix", "Open subjects and their credit items");
    case Permission::PrintReport:
        return QCoreApplication::translate("PermissionMatrix", "Issue and print credit reports and receipts");
    case Permission::EnterRecord:
        return QCoreApplication::translate("PermissionMatrix", "Enter records handed over on paper");
    case Permission::IntakeCase:
        return QCoreApplication::translate("PermissionMatrix", "Take in repair applications and objections");
    case Permission::ReviewCase:
        return QCoreApplication::translate("PermissionMatrix", "Review and decide cases");
    case Permission::SuperviseCases:
        return QCoreApplication::translate("PermissionMatrix", "Supervise cases: reassign, reopen, the dashboard");
    case Permission::SignOverride:
        return QCoreApplication::translate("PermissionMatrix", "Sign exceptions");
    case Permission::ReadAudit:
        return QCoreApplication::translate("PermissionMatrix", "Read and verify the audit trail");
    case Permission::ManageStaff:
        return QCoreApplication::translate("PermissionMatrix", "Manage staff");
    case Permission::ConfigureSync:
        return QCoreApplication::translate("PermissionMatrix", "Enrol with the platform, import exchange packages");
    case Permission::RotateKeys:
        return QCoreApplication::translate("PermissionMatrix", "Rotate the database key");
    case Permission::PullSync:
        return QCoreApplication::translate("PermissionMatrix", "Pull the platform's signed records");
    }
    return {};
}

QList<PermissionRule> rules()
{
    QList<PermissionRule> list;
    const QString permissions = QCoreApplication::translate("PermissionMatrix", "Permissions");
    for (Permission p : Roles::allPermissions())
        list.append(
            make(QStringLiteral("permission.") + Roles::permissionName(p), permissions, permissionTitle(p), {p}));

    // Every transition of both workflows, with the permission the workflow asks for it.
    for (CaseKind kind : {CaseKind::Repair, CaseKind::Objection}) {
        const QString group = kind == CaseKind::Repair ? QCoreApplication::translate("PermissionMatrix", "Repair cases")
                                                       : QCoreApplication::translate("PermissionMatrix", "Objections");
        PermissionRule intake;
        intake.key = QStringLiteral("case.%1.intake").arg(toKey(kind));
        intake.group = group;
        intake.title = QCoreApplication::translate("PermissionMatrix", "Take in");
        intake.anyOf = {Permission::IntakeCase};
        intake.caseKind = kind;
        intake.caseAction = QStringLiteral("intake");
        list.append(intake);
        for (const CaseWorkflow::Transition& transition : CaseWorkflow::transitions(kind)) {
            PermissionRule rule;
            rule.key = QStringLiteral("case.%1.%2").arg(toKey(kind), transition.action);
            rule.group = group;
            rule.title = CaseWorkflow::actionName(transition.action);
            rule.anyOf = CaseWorkflow::permissionsFor(kind, transition.action);
            rule.caseKind = kind;
            rule.caseAction = transition.action;
            QStringList conditions;
            if (transition.isDecision)
                conditions << QCoreApplication::translate("PermissionMatrix",
                                                          "Never on a case the same person took in.");
            if (transition.needsNote)
                conditions << QCoreApplication::translate("PermissionMatrix", "Needs a reason or the decision's text.");
            rule.condition = conditions.join(QLatin1Char(' '));
            list.append(rule);
        }
    }

    const QString reports = QCoreApplication::translate("PermissionMatrix", "Reports");
    PermissionRule report = make(QStringLiteral("report.public"), reports,
                                 QCoreApplication::translate("PermissionMatrix", "Issue a public credit report"),
                                 {Permission::PrintReport});
    report.condition =
        QCoreApplication::translate("PermissionMatrix", "Only with a basis: the subject in person, a written "
                                                        "authorisation, or an agency's letter.");
    list.append(report);
    PermissionRule special = report;
    special.key = QStringLiteral("report.special");
    special.title = QCoreApplication::translate("PermissionMatrix", "Issue a special credit report (专项)");
    list.append(special);
    list.append(make(QStringLiteral("report.reprint"), reports,
                     QCoreApplication::translate("PermissionMatrix", "Reprint a report (marked 补打件)"),
                     {Permission::PrintReport}));
    list.append(make(QStringLiteral("report.verify"), reports,
                     QCoreApplication::translate("PermissionMatrix", "Verify a report by its number and code"),
                     {Permission::QuerySubject}, {Role::Auditor}));

    const QString exports = QCoreApplication::translate("PermissionMatrix", "Exports");
    list.append(make(QStringLiteral("export.cases"), exports,
                     QCoreApplication::translate("PermissionMatrix", "Export the open cases (CSV, audited)"),
                     {Permission::SuperviseCases}));
    list.append(make(QStringLiteral("export.audit"), exports,
                     QCoreApplication::translate("PermissionMatrix", "Export the audit view (CSV, audited)"),
                     {Permission::ReadAudit}));

    const QString commands = QCoreApplication::translate("PermissionMatrix", "Commands (xmcredit-admin)");
    auto command = [&](const char* key, const QString& title, QList<Permission> anyOf) {
        list.append(make(QStringLiteral("command.") + QLatin1String(key), commands, title, anyOf));
    };
    command("staff", QStringLiteral("staff add | remove | list"), {Permission::ManageStaff});
    list.last().condition =
        QCoreApplication::translate("PermissionMatrix", "Anyone may change their own password (staff passwd).");
    command("rekey", QStringLiteral("rekey"), {Permission::RotateKeys});
    command("audit", QStringLiteral("audit verify"), {Permission::ReadAudit});
    command("check", QStringLiteral("check"), {Permission::ReadAudit, Permission::ManageStaff});
    command("enrol", QStringLiteral("enrol"), {Permission::ConfigureSync});
    command("sync-package", QStringLiteral("sync --package"), {Permission::ConfigureSync});
    command("sync", QStringLiteral("sync"), {Permission::PullSync});
    command("digest", QStringLiteral("digest"), {Permission::ConfigureSync, Permission::ReadAudit});
    command("search", QStringLiteral("search"), {Permission::QuerySubject});
    return list;
}

bool allows(const PermissionRule& rule, Role role)
{
    if (rule.alsoRoles.contains(role))
        return true;
    return std::any_of(rule.anyOf.cbegin(), rule.anyOf.cend(), [role](Permission p) { return roleAllows(role, p); });
}

QString reason(const PermissionRule& rule, Role role)
{
    const QString who = Roles::displayName(role);
    QString text;
    if (rule.alsoRoles.contains(role)) {
        text = QCoreApplication::translate("PermissionMatrix", "Allowed: the %1 role may do this by itself.").arg(who);
    } else {
        QStringList held;
        QStringList needed;
        for (Permission p : rule.anyOf) {
            needed << permissionTitle(p);
            if (roleAllows(role, p))
                held << permissionTitle(p);
        }
        text = held.isEmpty()
                   ? QCoreApplication::translate("PermissionMatrix",
                                                 "Refused: it needs the permission “%1”, which the %2 role "
                                                 "does not have.")
                         .arg(needed.join(QCoreApplication::translate("PermissionMatrix", "” or “")), who)
                   : QCoreApplication::translate("PermissionMatrix", "Allowed: the %1 role has the permission “%2”.")
                         .arg(who, held.first());
    }
    if (!rule.condition.isEmpty() && allows(rule, role))
        text += QLatin1Char(' ') + rule.condition;
    return text;
}

} // namespace PermissionMatrix

PermissionMatrixModel::PermissionMatrixModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_rules(PermissionMatrix::rules())
    , m_roles(Roles::all())
{}

int PermissionMatrixModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int PermissionMatrixModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_roles.size()) + 2;
}

QVariant PermissionMatrixModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const PermissionRule& rule = m_rules.at(index.row());
    if (role == KeyRole)
        return rule.key;
    if (index.column() == 0)
        return role == Qt::DisplayRole ? QVariant(rule.group) : QVariant();
    if (index.column() == 1) {
        if (role == Qt::DisplayRole)
            return rule.title;
        if (role == Qt::ToolTipRole)
            return rule.condition.isEmpty() ? rule.key : rule.key + QLatin1Char('\n') + rule.condition;
        return {};
    }
    const Role staff = m_roles.at(index.column() - 2);
    const bool allowed = PermissionMatrix::allows(rule, staff);
    switch (role) {
    case Qt::DisplayRole:
        return allowed ? (rule.condition.isEmpty() ? QStringLiteral("✓") : QStringLiteral("✓*")) : QStringLiteral("—");
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return PermissionMatrix::reason(rule, staff);
    case AllowedRole:
        return allowed;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::ForegroundRole:
        return QBrush(allowed ? QColor(0x1e, 0x6b, 0x33) : QColor(0x88, 0x88, 0x88));
    default:
        return {};
    }
}

QVariant PermissionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return QCoreApplication::translate("PermissionMatrix", "Area");
    if (section == 1)
        return QCoreApplication::translate("PermissionMatrix", "Action");
    if (section - 2 < m_roles.size())
        return Roles::displayName(m_roles.at(section - 2));
    return {};
}
