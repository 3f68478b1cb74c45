#include "storage/Roles.h"
#include "storage/Session.h"

#include <QSet>
#include <QtTest>

// The role/permission table, row by row: every combination is listed, so a change to roleAllows() that is not
// also made here fails.
class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void table_data();
    void table();
    void everyCombinationListed();
    void roleNamesRoundTrip();
    void unknownRoleNameRefused();
    void sessionCanFollowsRoleAndValidity();

private:
    static QList<QPair<Role, QSet<Permission>>> expected();
};

QList<QPair<Role, QSet<Permission>>> TestPermissions::expected()
{
    return {
        {Role::Clerk,
         {Permission::QuerySubject, Permission::PrintReport, Permission::EnterRecord, Permission::IntakeCase,
          Permission::PullSync}},
        {Role::Reviewer, {Permission::QuerySubject, Permission::ReviewCase, Permission::PullSync}},
        {Role::Supervisor,
         {Permission::QuerySubject, Permission::PrintReport, Permission::SuperviseCases, Permission::SignOverride,
          Permission::PullSync}},
        // The auditor changes nothing, not even by a background sync.
        {Role::Auditor, {Permission::ReadAudit}},
        {Role::Administrator,
         {Permission::ReadAudit, Permission::ManageStaff, Permission::ConfigureSync, Permission::RotateKeys,
          Permission::PullSync}},
    };
}

void TestPermissions::table_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Permission>("permission");
    QTest::addColumn<bool>("allowed");
    for (const auto& [role, allowed] : expected()) {
        for (Permission permission : Roles::allPermissions()) {
            const QByteArray tag = (Roles::name(role) + QLatin1Char('/') + Roles::permissionName(permission)).toUtf8();
            QTest::newRow(tag.constData()) << role << permission << allowed.contains(permission);
        }
    }
}

void TestPermissions::table()
{
    QFETCH(Role, role);
    QFETCH(Permission, permission);
    QFETCH(bool, allowed);
    QCOMPARE(roleAllows(role, permission), allowed);
}

void TestPermissions::everyCombinationListed()
{
    QCOMPARE(expected().size(), Roles::all().size());
    QCOMPARE(Roles::allPermissions().size(), int(Permission::PullSync) + 1);
    QSet<QString> names;
    for (Permission permission : Roles::allPermissions())
        names.insert(Roles::permissionName(permission));
    QCOMPARE(names.size(), Roles::allPermissions().size());
}

void TestPermissions::roleNamesRoundTrip()
{
    for (Role role : Roles::all()) {
        Role parsed = Role::Clerk;
        QVERIFY(Roles::fromName(Roles::name(role), &parsed));
        QCOMPARE(parsed, role);
        QVERIFY(Roles::fromName(QStringLiteral("  ") + Roles::name(role).toUpper() + QStringLiteral(" "), &parsed));
        QCOMPARE(parsed, role);
        QVERIFY(!Roles::displayName(role).isEmpty());
    }
}

void TestPermissions::unknownRoleNameRefused()
{
    Role role = Role::Auditor;
    QVERIFY(!Roles::fromName(QStringLiteral("root"), &role));
    QVERIFY(!Roles::fromName(QString(), &role));
    QCOMPARE(role, Role::Auditor);
}

void TestPermissions::sessionCanFollowsRoleAndValidity()
{
    Session session;
    session.role = Role::Administrator;
    QVERIFY(!session.can(Permission::ManageStaff)); // no connection: nobody is logged in
    session.connectionName = QStringLiteral("x");
    QVERIFY(session.can(Permission::ManageStaff));
    QVERIFY(!session.can(Permission::QuerySubject));
    session.role = Role::Clerk;
    QVERIFY(!session.can(Permission::ManageStaff));
    QVERIFY(session.can(Permission::QuerySubject));
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "TestPermissions.moc"
