// Records administration: demo-city fills a demo workstation with a generated city (installer/dev.sh run, the
// search benchmark's scale). Passwords come from standard input only (--password-stdin).

#include "AdminCommand.h"

#include "records/DemoCity.h"
#include "storage/Workstation.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>

namespace {

int exitCodeFor(WorkstationError error)
{
    switch (error) {
    case WorkstationError::None:
        return ExitCode::Ok;
    case WorkstationError::NoWorkstation:
    case WorkstationError::NotFound:
        return ExitCode::NotFound;
    case WorkstationError::MetadataDamaged:
    case WorkstationError::VaultMissing:
    case WorkstationError::VaultTruncated:
    case WorkstationError::VaultCorrupt:
    case WorkstationError::DatabaseMissing:
    case WorkstationError::DatabaseTruncated:
    case WorkstationError::DatabaseCorrupt:
        return ExitCode::FileProblem;
    case WorkstationError::WrongWorkstation:
        return ExitCode::WrongWorkstation;
    case WorkstationError::SchemaTooNew:
    case WorkstationError::VaultUnsupported:
        return ExitCode::SchemaTooNew;
    case WorkstationError::UnknownUser:
    case WorkstationError::WrongPassword:
    case WorkstationError::AccountDisabled:
        return ExitCode::AuthFailed;
    case WorkstationError::Throttled:
        return ExitCode::Throttled;
    case WorkstationError::Denied:
        return ExitCode::Denied;
    case WorkstationError::InvalidInput:
        return ExitCode::InvalidInput;
    case WorkstationError::Exists:
        return ExitCode::Exists;
    default:
        return ExitCode::Failure;
    }
}

QJsonObject countsJson(const QMap<QString, qint64>& counts)
{
    QJsonObject json;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

int runDemoCity(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "RecordsCommands",
        "Fills a demo workstation with a generated city: subjects with valid identifiers of Xiamen's districts, "
        "Chinese names, and credit items of every category, type and state. The same seed gives the same city. "
        "Only for demo workstations (made by demo-init) whose records are still empty. Standard input: the "
        "password of --user, an administrator."));
    const QCommandLineOption workstation(
        QStringLiteral("workstation"),
        QCoreApplication::translate("RecordsCommands", "The workstation directory (default: %1).")
            .arg(QDir::toNativeSeparators(Workstation::defaultDirectory())),
        QCoreApplication::translate("RecordsCommands", "DIR"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QCoreApplication::translate("RecordsCommands", "The administrator acting (logs in)."),
                                  QCoreApplication::translate("RecordsCommands", "NAME"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("RecordsCommands", "Read the password from standard input."));
    const QCommandLineOption subjects(
        QStringLiteral("subjects"),
        QCoreApplication::translate("RecordsCommands", "Number of subjects (default 20000)."),
        QCoreApplication::translate("RecordsCommands", "N"), QStringLiteral("20000"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("RecordsCommands", "Seed of the generator (default 1)."),
                                  QCoreApplication::translate("RecordsCommands", "S"), QStringLiteral("1"));
    const QCommandLineOption itemsPerSubject(
        QStringLiteral("items-per-subject"),
        QCoreApplication::translate("RecordsCommands", "Average number of credit items per subject (default 5)."),
        QCoreApplication::translate("RecordsCommands", "AVG"), QStringLiteral("5"));
    const QCommandLineOption today(
        QStringLiteral("today"),
        QCoreApplication::translate("RecordsCommands",
                                    "The date the city is generated for (default: today), yyyy-MM-dd."),
        QCoreApplication::translate("RecordsCommands", "DATE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("RecordsCommands", "Print the result as JSON."));
    parser.addOptions({workstation, user, passwordStdin, subjects, seed, itemsPerSubject, today, json});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool asJson = parser.isSet(json);

    DemoCityOptions options;
    bool ok = false;
    options.subjects = parser.value(subjects).toLongLong(&ok);
    if (!ok || options.subjects < 0 || options.subjects > 20000000)
        return AdminCli::fail(
            io, asJson, ExitCode::Usage,
            QCoreApplication::translate("RecordsCommands", "--subjects takes a number from 0 to 20000000: %1")
                .arg(parser.value(subjects)));
    options.seed = parser.value(seed).toUInt(&ok);
    if (!ok)
        return AdminCli::fail(io, asJson, ExitCode::Usage,
                              QCoreApplication::translate("RecordsCommands", "--seed takes a non-negative number: %1")
                                  .arg(parser.value(seed)));
    options.itemsPerSubject = parser.value(itemsPerSubject).toDouble(&ok);
    if (!ok || options.itemsPerSubject < 0 || options.itemsPerSubject > 100)
        return AdminCli::fail(
            io, asJson, ExitCode::Usage,
            QCoreApplication::translate("RecordsCommands", "--items-per-subject takes a number from 0 to 100: %1")
                .arg(parser.value(itemsPerSubject)));
    if (parser.isSet(today)) {
        options.today = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!options.today.isValid())
            return AdminCli::fail(
                io, asJson, ExitCode::Usage,
                QCoreApplication::translate("RecordsCommands", "--today takes a date as yyyy-MM-dd: %1")
                    .arg(parser.value(today)));
    }
    if (!parser.isSet(user))
        return AdminCli::fail(
            io, asJson, ExitCode::Usage,
            QCoreApplication::translate("RecordsCommands", "Name the administrator acting with --user."));
    if (!parser.isSet(passwordStdin))
        return AdminCli::fail(
            io, asJson, ExitCode::Usage,
            QCoreApplication::translate("RecordsCommands",
                                        "Passwords are read from standard input only: pass --password-stdin."));

    const QString dir = parser.isSet(workstation) ? parser.value(workstation) : Workstation::defaultDirectory();
    WorkstationInfo info;
    WorkstationStatus status = Workstation::readInfo(dir, &info);
    if (!status.ok())
        return AdminCli::fail(io, asJson, exitCodeFor(status.error), status.message);
    if (!info.demo)
        return AdminCli::fail(io, asJson, ExitCode::Rejected,
                              QCoreApplication::translate(
                                  "RecordsCommands",
                                  "The workstation in %1 is not a demo workstation: a generated city never goes into "
                                  "a workstation that may hold real records.")
                                  .arg(QDir::toNativeSeparators(info.dir)));

    QString password = io.in.readLine();
    if (password.isNull())
        return AdminCli::fail(
            io, asJson, ExitCode::Usage,
            QCoreApplication::translate("RecordsCommands", "Standard input ended before the password of %1.")
                .arg(parser.value(user)));
    if (password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    const UnlockResult unlocked = Workstation::unlock(dir, parser.value(user), password);
    password.fill(QLatin1Char('\0'));
    if (!unlocked.ok())
        return AdminCli::fail(io, asJson, exitCodeFor(unlocked.status.error), unlocked.status.message);
    if (!roleAllows(unlocked.role, Permission::ConfigureSync))
        return AdminCli::fail(io, asJson, ExitCode::Denied,
                              QCoreApplication::translate(
                                  "RecordsCommands", "Only an administrator may load records into a workstation."));
    Session session;
    status = Workstation::openSession(unlocked, QStringLiteral("xmcredit-admin-records"), &session);
    if (!status.ok())
        return AdminCli::fail(io, asJson, exitCodeFor(status.error), status.message);

    options.actor = session.username;
    if (!asJson) {
        options.progress = [&io](qint64 subjectsDone, qint64 itemsDone) {
            if (subjectsDone % 100000 == 0)
                io.err << QCoreApplication::translate("RecordsCommands", "Generated %1 subjects and %2 items…")
                              .arg(subjectsDone)
                              .arg(itemsDone)
                       << Qt::endl;
        };
    }
    DemoCityReport report;
    QString error;
    bool empty = false;
    bool generated = false;
    {
        QSqlDatabase db = session.database();
        if (DemoCity::recordsEmpty(db, &empty, &error) && empty)
            generated = DemoCity::generate(db, options, &report, &error);
    }
    Workstation::closeSession(session);
    if (error.isEmpty() && !empty)
        return AdminCli::fail(io, asJson, ExitCode::Exists,
                              QCoreApplication::translate(
                                  "RecordsCommands",
                                  "The workstation holds records already: a demo city is only generated into an empty "
                                  "one."));
    if (!generated)
        return AdminCli::fail(io, asJson, ExitCode::Failure, error);

    if (asJson) {
        AdminCli::printJson(io, QJsonObject{
                                    {QStringLiteral("ok"), true},
                                    {QStringLiteral("seed"), qint64(options.seed)},
                                    {QStringLiteral("subjects"), report.subjects},
                                    {QStringLiteral("items"), report.items},
                                    {QStringLiteral("subjectsByKind"), countsJson(report.subjectsByKind)},
                                    {QStringLiteral("itemsByCategory"), countsJson(report.itemsByCategory)},
                                    {QStringLiteral("itemsByType"), countsJson(report.itemsByType)},
                                    {QStringLiteral("itemsByStatus"), countsJson(report.itemsByStatus)},
                                    {QStringLiteral("objectionsPending"), report.objectionsPending},
                                    {QStringLiteral("warningSubjects"), report.warningSubjects},
                                    {QStringLiteral("nonRepairableItems"), report.nonRepairableItems},
                                    {QStringLiteral("loadMs"), report.loadMs},
                                    {QStringLiteral("indexMs"), report.indexMs},
                                    {QStringLiteral("searchIndexMs"), report.searchIndexMs},
                                    {QStringLiteral("totalMs"), report.totalMs},
                                });
        return ExitCode::Ok;
    }
    io.out << QCoreApplication::translate("RecordsCommands",
                                          "Generated a demo city of %1 subjects and %2 credit items (seed %3) in %4 s.")
                  .arg(report.subjects)
                  .arg(report.items)
                  .arg(options.seed)
                  .arg(report.totalMs / 1000.0, 0, 'f', 1)
           << '\n'
           << QCoreApplication::translate(
                  "RecordsCommands",
                  "%1 organisations have a social credit warning; %2 penalties can never be repaired.")
                  .arg(report.warningSubjects)
                  .arg(report.nonRepairableItems)
           << '\n';
    io.out.flush();
    return ExitCode::Ok;
}

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("demo-city"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Fill a demo workstation with a generated city"),
                       runDemoCity);
