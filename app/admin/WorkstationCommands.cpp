// Workstation administration: init, staff, rekey, audit verify, and the demo workstation of installer/dev.sh.
//
// Passwords never come from the command line (see AdminSession): with --password-stdin they are read from standard
// input, one per line, in the order each command documents.

#include "AdminCommand.h"
#include "AdminSession.h"

#include "storage/AuditLog.h"
#include "storage/KeyVault.h"
#include "storage/Workstation.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QSysInfo>

namespace {

using namespace AdminSession;

QJsonObject staffJson(const StaffMember& member)
{
    return QJsonObject{
        {QStringLiteral("username"), member.username},
        {QStringLiteral("displayName"), member.displayName},
        {QStringLiteral("role"), Roles::name(member.role)},
        {QStringLiteral("active"), member.active},
        {QStringLiteral("hasSlot"), member.hasSlot},
        {QStringLiteral("createdAt"), member.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("createdBy"), member.createdBy},
        {QStringLiteral("deactivatedAt"), member.deactivatedAt.isValid()
                                              ? QJsonValue(member.deactivatedAt.toString(Qt::ISODateWithMs))
                                              : QJsonValue(QJsonValue::Null)},
    };
}

// ---------------------------------------------------------------------------------------------------------------

int runInit(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "xmcredit-admin", "Creates a workstation: an encrypted database with a random key, its key vault and the first "
                          "administrator. Standard input: the administrator's password."));
    const QCommandLineOption admin(
        QStringLiteral("admin"), QCoreApplication::translate("xmcredit-admin", "Username of the first administrator."),
        QCoreApplication::translate("xmcredit-admin", "NAME"));
    const QCommandLineOption displayName(
        QStringLiteral("display-name"),
        QCoreApplication::translate("xmcredit-admin", "The administrator's full name (default: the username)."),
        QCoreApplication::translate("xmcredit-admin", "TEXT"));
    const QCommandLineOption name(
        QStringLiteral("name"),
        QCoreApplication::translate("xmcredit-admin", "The workstation's name (default: the host name)."),
        QCoreApplication::translate("xmcredit-admin", "TEXT"));
    parser.addOptions({workstationOption(), admin, displayName, name, passwordStdinOption(), jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    if (!parser.isSet(admin))
        return AdminCli::fail(
            io, json, ExitCode::Usage,
            QCoreApplication::translate("xmcredit-admin", "Name the first administrator with --admin."));
    if (!requirePasswordStdin(parser, io, json, &code))
        return code;
    QString password;
    if (!readPassword(io, json, parser.value(admin), &password, &code))
        return code;
    warnIfFastKdf(io);
    const QString dir = workstationDir(parser);
    const QString workstationName = parser.isSet(name) ? parser.value(name) : QSysInfo::machineHostName();
    const QString adminName = parser.isSet(displayName) ? parser.value(displayName) : parser.value(admin);
    const WorkstationStatus status =
        Workstation::create(dir, workstationName.isEmpty() ? QStringLiteral("xmcredit") : workstationName,
                            parser.value(admin), adminName, password);
    if (!status.ok())
        return AdminSession::fail(io, json, status);
    WorkstationInfo info;
    Workstation::readInfo(dir, &info);
    if (json)
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("workstation"), info.id},
                                            {QStringLiteral("name"), info.name},
                                            {QStringLiteral("dir"), info.dir}});
    else
        io.out << QCoreApplication::translate("xmcredit-admin", "Created workstation %1 (%2) in %3.")
                      .arg(info.name, info.id, QDir::toNativeSeparators(info.dir))
               << Qt::endl;
    return ExitCode::Ok;
}

// ---------------------------------------------------------------------------------------------------------------

int runStaff(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "xmcredit-admin", "Manages the staff of a workstation.\n"
                          "  staff add NAME --role ROLE [--display-name TEXT] --user ADMIN --password-stdin\n"
                          "      standard input: ADMIN's password, then the new member's password\n"
                          "  staff remove NAME [--no-rekey] --user ADMIN --password-stdin\n"
                          "      standard input: ADMIN's password. Rotates the database key unless --no-rekey.\n"
                          "  staff passwd NAME --user ACTOR --password-stdin\n"
                          "      standard input: ACTOR's password, then NAME's new password (ACTOR may be NAME)\n"
                          "  staff list [--json] --user NAME --password-stdin\n"
                          "      standard input: NAME's password\n"
                          "Roles: clerk, reviewer, supervisor, auditor, administrator."));
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("xmcredit-admin", "add, remove, passwd or list"));
    parser.addPositionalArgument(QStringLiteral("name"),
                                 QCoreApplication::translate("xmcredit-admin", "The member of staff concerned."),
                                 QCoreApplication::translate("xmcredit-admin", "[NAME]"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QCoreApplication::translate("xmcredit-admin", "The role of a new member of staff."),
                                  QCoreApplication::translate("xmcredit-admin", "ROLE"));
    const QCommandLineOption displayName(
        QStringLiteral("display-name"),
        QCoreApplication::translate("xmcredit-admin", "Full name (default: the username)."),
        QCoreApplication::translate("xmcredit-admin", "TEXT"));
    const QCommandLineOption noRekey(
        QStringLiteral("no-rekey"),
        QCoreApplication::translate("xmcredit-admin",
                                    "Do not rotate the database key after removing a member of staff."));
    parser.addOptions(
        {workstationOption(), userOption(), passwordStdinOption(), role, displayName, noRekey, jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    const QString name = positional.value(1);
    const QStringList needsName{QStringLiteral("add"), QStringLiteral("remove"), QStringLiteral("passwd")};
    if (command != QLatin1String("list") && !needsName.contains(command))
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate(
                                  "xmcredit-admin", "Unknown staff command '%1': use add, remove, passwd or list.")
                                  .arg(command));
    if (needsName.contains(command) && name.isEmpty())
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate("xmcredit-admin", "Name the member of staff."));
    Role newRole = Role::Clerk;
    if (command == QLatin1String("add")) {
        if (!parser.isSet(role))
            return AdminCli::fail(
                io, json, ExitCode::Usage,
                QCoreApplication::translate("xmcredit-admin", "Give the new member's role with --role."));
        if (!Roles::fromName(parser.value(role), &newRole))
            return AdminCli::fail(
                io, json, ExitCode::InvalidInput,
                QCoreApplication::translate(
                    "xmcredit-admin", "Unknown role '%1': use clerk, reviewer, supervisor, auditor or administrator.")
                    .arg(parser.value(role)));
    }

    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};

    WorkstationStatus status;
    if (command == QLatin1String("list")) {
        QList<StaffMember> members;
        if (!Workstation::listStaff(session, &members, &status))
            return AdminSession::fail(io, json, status);
        if (json) {
            QJsonArray array;
            for (const StaffMember& member : members)
                array.append(staffJson(member));
            AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("staff"), array}});
        } else {
            for (const StaffMember& member : members) {
                io.out << AdminCli::padded(member.username, 20) << ' ' << AdminCli::padded(Roles::name(member.role), 14)
                       << ' '
                       << AdminCli::padded(member.active
                                               ? (member.hasSlot
                                                      ? QCoreApplication::translate("xmcredit-admin", "active")
                                                      : QCoreApplication::translate("xmcredit-admin", "no key slot"))
                                               : QCoreApplication::translate("xmcredit-admin", "removed"),
                                           12)
                       << ' ' << member.displayName << '\n';
            }
            io.out.flush();
        }
        return ExitCode::Ok;
    }
    if (command == QLatin1String("add") || command == QLatin1String("passwd")) {
        QString password;
        if (!readPassword(io, json, name, &password, &code))
            return code;
        warnIfFastKdf(io);
        if (command == QLatin1String("add"))
            status = Workstation::addStaff(session, name, parser.isSet(displayName) ? parser.value(displayName) : name,
                                           newRole, password);
        else
            status = Workstation::changePassword(session, name, password);
    } else {
        status = Workstation::removeStaff(session, name, !parser.isSet(noRekey));
    }
    if (!status.ok())
        return AdminSession::fail(io, json, status);
    QString done;
    if (command == QLatin1String("add"))
        done = QCoreApplication::translate("xmcredit-admin", "Added %1 as %2.").arg(name, Roles::displayName(newRole));
    else if (command == QLatin1String("passwd"))
        done = QCoreApplication::translate("xmcredit-admin", "Changed the password of %1.").arg(name);
    else if (parser.isSet(noRekey))
        done = QCoreApplication::translate(
                   "xmcredit-admin", "Removed %1. The database key was not rotated: run 'xmcredit-admin rekey' soon.")
                   .arg(name);
    else
        done = QCoreApplication::translate("xmcredit-admin", "Removed %1 and rotated the database key.").arg(name);
    if (json)
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("message"), done}});
    else
        io.out << done << Qt::endl;
    return ExitCode::Ok;
}

// ---------------------------------------------------------------------------------------------------------------

int runRekey(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "xmcredit-admin",
        "Rotates the database key: a new random key is sealed to every staff slot and the database is rewritten "
        "under it. The old key stops working; every member of staff keeps their password. No other program may "
        "have the workstation open. Standard input: ADMIN's password."));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    const WorkstationStatus status = Workstation::rekey(session);
    if (!status.ok())
        return AdminSession::fail(io, json, status);
    KeyVault vault;
    KeyVault::load(Workstation::vaultPath(session.workstationDir), &vault);
    const QString done = QCoreApplication::translate("xmcredit-admin", "Rotated the database key (key generation %1).")
                             .arg(vault.keyGeneration);
    if (json)
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("keyGeneration"), vault.keyGeneration},
                                            {QStringLiteral("message"), done}});
    else
        io.out << done << Qt::endl;
    return ExitCode::Ok;
}

// ---------------------------------------------------------------------------------------------------------------

int runAudit(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "xmcredit-admin",
        "Audit trail commands.\n"
        "  audit verify --user NAME --password-stdin [--json]\n"
        "      checks the hash chain and each entry's signature; exits 0 when it is intact, 13 when it is broken (the\n"
        "      message names the first broken entry) or the database failed the login's integrity check (an auditor\n"
        "      is then let in read-only), 14 when the database is older than the key vault.\n"
        "      Standard input: NAME's password. NAME needs the auditor or administrator role."));
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("xmcredit-admin", "verify"));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    if (parser.positionalArguments().value(0) != QLatin1String("verify"))
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate("xmcredit-admin", "Unknown audit command '%1': use verify.")
                                  .arg(parser.positionalArguments().value(0)));
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    AuditVerifyResult result;
    WorkstationStatus status;
    if (!Workstation::verifyAudit(session, &result, &status))
        return AdminSession::fail(io, json, status);
    // A read-only session means the login's own checks failed (staff list, anchor, head): say so even when the
    // chain itself holds.
    const bool ok = result.ok && !session.readOnly;
    const QString message = result.ok && session.readOnly ? session.integrityProblem : result.message;
    if (json) {
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), ok},
                                            {QStringLiteral("entries"), double(result.entries)},
                                            {QStringLiteral("firstBrokenSeq"), double(result.firstBrokenSeq)},
                                            {QStringLiteral("message"), message}});
        if (!ok)
            io.err << "xmcredit-admin: " << message << Qt::endl;
    } else if (ok) {
        io.out << message << Qt::endl;
    } else {
        io.err << "xmcredit-admin: " << message << Qt::endl;
    }
    return ok ? ExitCode::Ok : ExitCode::AuditBroken;
}

// ---------------------------------------------------------------------------------------------------------------
// The demo workstation: fixed, documented logins, one per role. A workstation made by demo-init is marked as a
// demo in workstation.json; demo-logins refuses to print anything for any other workstation.

int printDemoLogins(AdminIo& io, bool json, const WorkstationInfo& info)
{
    if (json) {
        QJsonArray array;
        for (const DemoLogin& login : demoLogins())
            array.append(QJsonObject{{QStringLiteral("username"), login.username},
                                     {QStringLiteral("role"), Roles::name(login.role)},
                                     {QStringLiteral("password"), login.password}});
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("workstation"), info.id},
                                            {QStringLiteral("dir"), info.dir},
                                            {QStringLiteral("logins"), array}});
        return ExitCode::Ok;
    }
    io.out << QCoreApplication::translate("xmcredit-admin", "Demo logins for the workstation in %1:")
                  .arg(QDir::toNativeSeparators(info.dir))
           << '\n';
    for (const DemoLogin& login : demoLogins())
        io.out << "  " << AdminCli::padded(login.username, 12) << ' '
               << AdminCli::padded(Roles::displayName(login.role), 15) << ' '
               << QCoreApplication::translate("xmcredit-admin", "password: %1").arg(login.password) << '\n';
    io.out.flush();
    return ExitCode::Ok;
}

int runDemoInit(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "xmcredit-admin", "Creates a demo workstation with one login per role and the documented demo passwords (see "
                          "demo-logins). Never use it for real data."));
    parser.addOptions({workstationOption(), jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    warnIfFastKdf(io);
    const QString dir = workstationDir(parser);
    const QList<DemoLogin> logins = demoLogins();
    WorkstationStatus status =
        Workstation::create(dir, QCoreApplication::translate("xmcredit-admin", "Demo workstation"),
                            logins.first().username, logins.first().displayName, logins.first().password, true);
    if (!status.ok())
        return AdminSession::fail(io, json, status);
    const UnlockResult unlocked = Workstation::unlock(dir, logins.first().username, logins.first().password);
    if (!unlocked.ok())
        return AdminSession::fail(io, json, unlocked.status);
    Session session;
    status = Workstation::openSession(unlocked, QStringLiteral("xmcredit-admin-demo"), &session);
    if (!status.ok())
        return AdminSession::fail(io, json, status);
    SessionGuard guard{session};
    for (int i = 1; i < logins.size(); ++i) {
        const DemoLogin& login = logins.at(i);
        status = Workstation::addStaff(session, login.username, login.displayName, login.role, login.password);
        if (!status.ok())
            return AdminSession::fail(io, json, status);
    }
    WorkstationInfo info;
    Workstation::readInfo(dir, &info);
    if (!json)
        io.out << QCoreApplication::translate("xmcredit-admin", "Created the demo workstation in %1.")
                      .arg(QDir::toNativeSeparators(info.dir))
               << '\n';
    return printDemoLogins(io, json, info);
}

int runDemoLogins(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("xmcredit-admin", "Prints the logins of a demo workstation made by demo-init."));
    parser.addOptions({workstationOption(), jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    WorkstationInfo info;
    const WorkstationStatus status = Workstation::readInfo(workstationDir(parser), &info);
    if (!status.ok())
        return AdminSession::fail(io, json, status);
    if (!info.demo)
        return AdminCli::fail(
            io, json, ExitCode::Rejected,
            QCoreApplication::translate("xmcredit-admin",
                                        "The workstation in %1 is not a demo workstation: it has no demo logins.")
                .arg(QDir::toNativeSeparators(info.dir)));
    return printDemoLogins(io, json, info);
}

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("init"), QT_TRANSLATE_NOOP("xmcredit-admin", "Create a workstation"), runInit);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("staff"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Add, remove, list staff; change passwords"), runStaff);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("rekey"), QT_TRANSLATE_NOOP("xmcredit-admin", "Rotate the database key"),
                       runRekey);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("audit"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Verify the audit trail's hash chain"), runAudit);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("demo-init"), QT_TRANSLATE_NOOP("xmcredit-admin", "Create the demo workstation"),
                       runDemoInit);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("demo-logins"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Print the demo workstation's logins"), runDemoLogins);
