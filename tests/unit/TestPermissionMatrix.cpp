// The permission matrix (models/itemmodels/PermissionMatrix) cell by cell: every action of every role is allowed or
// refused, with a reason naming the role, exactly as the model layer enforces it (roleAllows for permissions and
// commands, CaseWorkflow::roleMayTake for every case transition, the report verifier's own rule); every permission
// and every transition of both workflows has its row; the table model shows the same.

#include "cases/CaseWorkflow.h"
#include "itemmodels/PermissionMatrix.h"

#include <QSet>
#include <QtTest>

class TestPermissionMatrix : public QObject
{
    Q_OBJECT

private slots:
    void cells_data();
    void cells();
    void everyPermissionAndTransitionHasARow();
    void keysAreUnique();
    void tableModelShowsTheMatrix();
};

void TestPermissionMatrix::cells_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Role>("role");
    for (const PermissionRule& rule : PermissionMatrix::rules()) {
        for (Role role : Roles::all()) {
            const QByteArray tag = (rule.key + QLatin1Char('/') + Roles::name(role)).toUtf8();
            QTest::newRow(tag.constData()) << rule.key << role;
        }
    }
}

void TestPermissionMatrix::cells()
{
    QFETCH(QString, key);
    QFETCH(Role, role);
    const QList<PermissionRule> rules = PermissionMatrix::rules();
    const auto it = std::find_if(rules.cbegin(), rules.cend(), [&](const PermissionRule& r) { return r.key == key; });
    QVERIFY(it != rules.cend());
    const PermissionRule& rule = *it;
    // What the model layer itself decides for this action and role.
    bool enforced = false;
    if (key.startsWith(QLatin1String("permission."))) {
        QCOMPARE(rule.anyOf.size(), 1);
        enforced = roleAllows(role, rule.anyOf.first());
    } else if (key.startsWith(QLatin1String("case.")) && rule.caseAction != QLatin1String("intake")) {
        enforced = CaseWorkflow::roleMayTake(rule.caseKind, rule.caseAction, role);
    } else if (key == QLatin1String("report.verify")) {
        enforced = roleAllows(role, Permission::QuerySubject) || role == Role::Auditor; // ReportRepository::verify
    } else {
        enforced =
            std::any_of(rule.anyOf.cbegin(), rule.anyOf.cend(), [role](Permission p) { return roleAllows(role, p); });
    }
    QCOMPARE(PermissionMatrix::allows(rule, role), enforced);
    const QString why = PermissionMatrix::reason(rule, role);
    QVERIFY2(why.contains(Roles::displayName(role)), qPrintable(why));
    QVERIFY2(why.startsWith(enforced ? QStringLiteral("Allowed") : QStringLiteral("Refused")), qPrintable(why));
}

void TestPermissionMatrix::everyPermissionAndTransitionHasARow()
{
    QSet<QString> keys;
    for (const PermissionRule& rule : PermissionMatrix::rules())
        keys.insert(rule.key);
    for (Permission p : Roles::allPermissions())
        QVERIFY2(keys.contains(QStringLiteral("permission.") + Roles::permissionName(p)),
                 qPrintable(Roles::permissionName(p)));
    for (CaseKind kind : {CaseKind::Repair, CaseKind::Objection}) {
        QVERIFY(keys.contains(QStringLiteral("case.%1.intake").arg(toKey(kind))));
        for (const CaseWorkflow::Transition& t : CaseWorkflow::transitions(kind))
            QVERIFY2(keys.contains(QStringLiteral("case.%1.%2").arg(toKey(kind), t.action)), qPrintable(t.action));
    }
    for (const char* key : {"report.public", "report.special", "report.reprint", "report.verify", "export.cases",
                            "export.audit", "command.staff", "command.rekey", "command.enrol", "command.sync"})
        QVERIFY2(keys.contains(QLatin1String(key)), key);
}

void TestPermissionMatrix::keysAreUnique()
{
    QSet<QString> keys;
    const QList<PermissionRule> rules = PermissionMatrix::rules();
    for (const PermissionRule& rule : rules) {
        QVERIFY2(!keys.contains(rule.key), qPrintable(rule.key));
        keys.insert(rule.key);
        QVERIFY(!rule.title.isEmpty());
        QVERIFY(!rule.group.isEmpty());
    }
}

void TestPermissionMatrix::tableModelShowsTheMatrix()
{
    PermissionMatrixModel model;
    const QList<PermissionRule> rules = PermissionMatrix::rules();
    QCOMPARE(model.rowCount(), int(rules.size()));
    QCOMPARE(model.columnCount(), int(Roles::all().size()) + 2);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, 0).data(PermissionMatrixModel::KeyRole).toString(), rules.at(row).key);
        for (int c = 0; c < Roles::all().size(); ++c) {
            const QModelIndex cell = model.index(row, c + 2);
            const bool allowed = PermissionMatrix::allows(rules.at(row), Roles::all().at(c));
            QCOMPARE(cell.data(PermissionMatrixModel::AllowedRole).toBool(), allowed);
            QCOMPARE(cell.data().toString().startsWith(QStringLiteral("✓")), allowed);
            QCOMPARE(cell.data(Qt::ToolTipRole).toString(),
                     PermissionMatrix::reason(rules.at(row), Roles::all().at(c)));
        }
    }
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), Roles::displayName(Role::Clerk));
}

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "TestPermissionMatrix.moc"
