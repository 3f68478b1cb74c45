#pragma once

#include "domain/CreditTypes.h"
#include "storage/Roles.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

// The one permission matrix: every action of the workstation (each permission, each case transition of both
// workflows, each report, each export and each administration command) against every role, allowed or refused with
// a reason. It is made from the same rules the model layer enforces (roleAllows, CaseWorkflow's transitions), so it
// cannot say something the program does not do; TestPermissionMatrix checks it cell by cell against them.
struct PermissionRule
{
    QString key;   // stable: "permission.querySubject", "case.repair.start_review", "report.public", "command.rekey"…
    QString group; // translated: "Permissions", "Repair cases", "Objections", "Reports", "Exports", "Commands"
    QString title; // translated
    QList<Permission> anyOf; // allowed to a role holding one of these
    QList<Role> alsoRoles;   // allowed to these roles without them (the auditor verifies reports)
    QString condition;       // translated: a further rule checked case by case, or empty
    CaseKind caseKind = CaseKind::Repair;
    QString caseAction; // for case transitions: the CaseWorkflow action
};

namespace PermissionMatrix {
QList<PermissionRule> rules();
bool allows(const PermissionRule& rule, Role role);
// Why the role may or may not (translated, one sentence or two).
QString reason(const PermissionRule& rule, Role role);
QString permissionTitle(Permission permission); // translated
} // namespace PermissionMatrix

// The matrix as a read-only table: the action, then one column per role (✓ or —, the reason as tooltip).
class PermissionMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum { AllowedRole = Qt::UserRole + 1, KeyRole };

    explicit PermissionMatrixModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const PermissionRule& rule(int row) const { return m_rules.at(row); }

private:
    QList<PermissionRule> m_rules;
    QList<Role> m_roles;
};
