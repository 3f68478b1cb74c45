#include "Roles.h"

#include <QCoreApplication>

bool roleAllows(Role role, Permission permission)
{
    // Separation of duties: the administrator holds the keys but does not serve the public, the auditor only
    // reads, and nobody reviews or signs off what they could also take in, except the supervisor's overrides.
    switch (role) {
    case Role::Clerk:
        switch (permission) {
        case Permission::QuerySubject:
        case Permission::PrintReport:
        case Permission::EnterRecord:
        case Permission::IntakeCase:
        case Permission::PullSync:
            return true;
        default:
            return false;
        }
    case Role::Reviewer:
        switch (permission) {
        case Permission::QuerySubject:
        case Permission::ReviewCase:
        case Permission::PullSync:
            return true;
        default:
            return false;
        }
    case Role::Supervisor:
        switch (permission) {
        case Permission::QuerySubject:
        case Permission::PrintReport:
        case Permission::SuperviseCases:
        case Permission::SignOverride:
        case Permission::PullSync:
            return true;
        default:
            return false;
        }
    case Role::Auditor:
        return permission == Permission::ReadAudit;
    case Role::Administrator:
        switch (permission) {
        case Permission::ReadAudit: // to verify the chain; whoever holds the keys can read the file anyway
        case Permission::ManageStaff:
        case Permission::ConfigureSync:
        case Permission::RotateKeys:
        case Permission::PullSync:
            return true;
        default:
            return false;
        }
    }
    return false;
}

namespace Roles {

QList<Role> all()
{
    return {Role::Clerk, Role::Reviewer, Role::Supervisor, Role::Auditor, Role::Administrator};
}

QList<Permission> allPermissions()
{
    return {Permission::QuerySubject, Permission::PrintReport,    Permission::EnterRecord,  Permission::IntakeCase,
            Permission::ReviewCase,   Permission::SuperviseCases, Permission::SignOverride, Permission::ReadAudit,
            Permission::ManageStaff,  Permission::ConfigureSync,  Permission::RotateKeys,   Permission::PullSync};
}

QString name(Role role)
{
    switch (role) {
    case Role::Clerk:
        return QStringLiteral("clerk");
    case Role::Reviewer:
        return QStringLiteral("reviewer");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Auditor:
        return QStringLiteral("auditor");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return {};
}

bool fromName(const QString& text, Role* role)
{
    const QString wanted = text.trimmed().toLower();
    for (Role candidate : all()) {
        if (name(candidate) == wanted) {
            if (role)
                *role = candidate;
            return true;
        }
    }
    return false;
}

QString displayName(Role role)
{
    switch (role) {
    case Role::Clerk:
        return QCoreApplication::translate("Roles", "Clerk");
    case Role::Reviewer:
        return QCoreApplication::translate("Roles", "Reviewer");
    case Role::Supervisor:
        return QCoreApplication::translate("Roles", "Supervisor");
    case Role::Auditor:
        return QCoreApplication::translate("Roles", "Auditor");
    case Role::Administrator:
        return QCoreApplication::translate("Roles", "Administrator");
    }
    return {};
}

QString permissionName(Permission permission)
{
    switch (permission) {
    case Permission::QuerySubject:
        return QStringLiteral("querySubject");
    case Permission::PrintReport:
        return QStringLiteral("printReport");
    case Permission::EnterRecord:
        return QStringLiteral("enterRecord");
    case Permission::IntakeCase:
        return QStringLiteral("intakeCase");
    case Permission::ReviewCase:
        return QStringLiteral("reviewCase");
    case Permission::SuperviseCases:
        return QStringLiteral("superviseCases");
    case Permission::SignOverride:
        return QStringLiteral("signOverride");
    case Permission::ReadAudit:
        return QStringLiteral("readAudit");
    case Permission::ManageStaff:
        return QStringLiteral("manageStaff");
    case Permission::ConfigureSync:
        return QStringLiteral("configureSync");
    case Permission::RotateKeys:
        return QStringLiteral("rotateKeys");
    case Permission::PullSync:
        return QStringLiteral("pullSync");
    }
    return {};
}

} // namespace Roles
