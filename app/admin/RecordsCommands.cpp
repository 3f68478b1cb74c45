// Records administration: demo-city fills a demo workstation with a generated city (installer/dev.sh run, the
// search benchmark's scale). Passwords come from standard input only (--password-stdin).

#include "AdminCommand.h"
#include "AdminSession.h"

#include "records/DemoCity.h"
#include "storage/Workstation.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>

namespace {

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
    parser.addOptions({AdminSession::workstationOption(), AdminSession::userOption(),
                       AdminSession::passwordStdinOption(), subjects, seed, itemsPerSubject, today,
                       AdminSession::jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool asJson = parser.isSet(AdminSession::jsonOption());

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
    if (!AdminSession::requireLoginOptions(parser, io, asJson, &code))
        return code;

    // A workstation that is not a demo is refused before anyone logs in, so nothing is written to it.
    WorkstationInfo info;
    const WorkstationStatus status = Workstation::readInfo(AdminSession::workstationDir(parser), &info);
    if (!status.ok())
        return AdminSession::fail(io, asJson, status);
    if (!info.demo)
        return AdminCli::fail(io, asJson, ExitCode::Rejected,
                              QCoreApplication::translate(
                                  "RecordsCommands",
                                  "The workstation in %1 is not a demo workstation: a generated city never goes into "
                                  "a workstation that may hold real records.")
                                  .arg(QDir::toNativeSeparators(info.dir)));

    UnlockResult unlocked;
    if (!AdminSession::unlock(parser, io, asJson, &unlocked, &code))
        return code;
    if (!roleAllows(unlocked.role, Permission::ConfigureSync))
        return AdminCli::fail(io, asJson, ExitCode::Denied,
                              QCoreApplication::translate(
                                  "RecordsCommands", "Only an administrator may load records into a workstation."));
    Session session;
    if (!AdminSession::openSession(unlocked, QStringLiteral("xmcredit-admin-records"), io, asJson, &session, &code))
        return code;

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
