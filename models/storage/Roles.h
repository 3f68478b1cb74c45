#pragma once

#include <QList>
#include <QString>

// Staff roles and what each may do. The table lives here, in models/, so that every layer (the GUI, the admin
// CLI, the repositories) asks the same question: roleAllows(role, permission).
enum class Role {
    Clerk,         // 窗口受理员: queries subjects, prints reports, takes in cases, enters paper records
    Reviewer,      // 市级初审员: municipal preliminary review of repair cases and objections
    Supervisor,    // 主管: watches case timers, reassigns work, signs overrides
    Auditor,       // 审计员: read-only, reviews the audit trail
    Administrator, // enrols staff, configures sync, rotates keys
};

enum class Permission {
    QuerySubject,   // open a subject and see its items (always with a recorded basis)
    PrintReport,    // print a credit report or a receipt
    EnterRecord,    // enter a record handed over on paper
    IntakeCase,     // take in a repair application or an objection
    ReviewCase,     // municipal preliminary review of a case
    SuperviseCases, // see every case and its timers, reassign work
    SignOverride,   // sign an exception (e.g. an identifier that fails its checksum but is real)
    ReadAudit,      // read and verify the audit trail
    ManageStaff,    // add and remove staff, reset passwords
    ConfigureSync,  // configure the platform connection, import exchange packages
    RotateKeys,     // rotate the database key
    PullSync,       // let the window pull the platform's signed pages over HTTPS (the background sync runs in the
                    // session of whoever is logged in; only platform-signed, verified pages are applied)
};

// True when a member of staff with this role may do this.
bool roleAllows(Role role, Permission permission);

namespace Roles {
// Every role and every permission, in declaration order (for tables and tests).
QList<Role> all();
QList<Permission> allPermissions();
// Stable lowercase names used in the database, the vault, the CLI and JSON: "clerk", "reviewer", "supervisor",
// "auditor", "administrator".
QString name(Role role);
// Parses a name as above (case-insensitive, surrounding spaces ignored). Returns false for an unknown name.
bool fromName(const QString& name, Role* role);
// The role's translated name for display ("Clerk", "Reviewer", …).
QString displayName(Role role);
// Stable camelCase name of a permission ("querySubject", …) for logs and JSON.
QString permissionName(Permission permission);
} // namespace Roles
