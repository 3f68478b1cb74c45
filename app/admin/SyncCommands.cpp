// xmcredit-admin enrol and sync: enrolling with the platform (online over HTTPS with a single-use code, or offline by
// its key) and applying its signed pages, pulled over HTTPS or read from an offline exchange package
// (models/sync/PROTOCOL.md), through the same client and applier the window's background sync uses.

#include "AdminCommand.h"
#include "AdminSession.h"

#include "sync/FeedApplier.h"
#include "sync/Outbox.h"
#include "sync/SyncClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace AdminSession;

namespace {

int exitFor(FeedApplier::Failure failure)
{
    switch (failure) {
    case FeedApplier::Failure::None:
        return ExitCode::Ok;
    case FeedApplier::Failure::Denied:
        return ExitCode::Denied;
    case FeedApplier::Failure::NotEnrolled:
    case FeedApplier::Failure::OutOfOrder:
        return ExitCode::Rejected;
    case FeedApplier::Failure::Malformed:
        return ExitCode::InvalidInput;
    case FeedApplier::Failure::Signature:
        return ExitCode::AuditBroken;
    case FeedApplier::Failure::Storage:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

int exitFor(const SyncClient::Result& r)
{
    switch (r.failure) {
    case SyncClient::Failure::None:
        return ExitCode::Ok;
    case SyncClient::Failure::Denied:
        return ExitCode::Denied;
    case SyncClient::Failure::NotEnrolled:
        return ExitCode::Rejected;
    case SyncClient::Failure::Network:
    case SyncClient::Failure::Platform:
    case SyncClient::Failure::Cancelled:
        return ExitCode::Unreachable;
    case SyncClient::Failure::Tls:
        return ExitCode::AuditBroken;
    case SyncClient::Failure::Unauthorized:
        return ExitCode::AuthFailed;
    case SyncClient::Failure::Refused:
        return exitFor(r.pageFailure);
    case SyncClient::Failure::RolledBack:
        return ExitCode::RolledBack;
    case SyncClient::Failure::Storage:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

int runEnrol(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "SyncCommands",
        "Enrols this workstation with the city credit platform; an administrator's task.\n"
        "  enrol --platform URL --code CODE --ca-cert FILE --user NAME --password-stdin [--json]\n"
        "      online: over HTTPS trusting only the platform's CA certificate (FILE, from the enrolment letter), with\n"
        "      the letter's single-use code; pins the platform's signing key and keeps the device token it issues\n"
        "      inside the encrypted database. A workstation enrolled offline can go online this way (same key).\n"
        "  enrol --platform-key HEX --platform-id ID --user NAME --password-stdin [--json]\n"
        "      offline: pins the platform's signing key (64 hexadecimal digits, from the enrolment letter).\n"
        "Exit codes: 3 bad input, 7 role, 9 enrolled already, 4 code refused by the platform, 13 the platform's\n"
        "certificate or key is not the pinned one, 15 the platform cannot be reached."));
    const QCommandLineOption codeOption(QStringLiteral("code"),
                                        QCoreApplication::translate("SyncCommands", "The single-use enrolment code."),
                                        QStringLiteral("CODE"));
    const QCommandLineOption caOption(
        QStringLiteral("ca-cert"), QCoreApplication::translate("SyncCommands", "The platform's CA certificate (PEM)."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("platform-key"),
                                       QCoreApplication::translate("SyncCommands", "The platform's public key (hex)."),
                                       QStringLiteral("HEX"));
    const QCommandLineOption idOption(QStringLiteral("platform-id"),
                                      QCoreApplication::translate("SyncCommands", "The platform's id."),
                                      QStringLiteral("ID"), QStringLiteral("xm-credit-platform"));
    const QCommandLineOption urlOption(QStringLiteral("platform"),
                                       QCoreApplication::translate("SyncCommands", "The platform's address."),
                                       QStringLiteral("URL"));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption(), keyOption, idOption,
                       urlOption, codeOption, caOption});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    if (parser.isSet(codeOption) || parser.isSet(caOption)) {
        // Online enrolment.
        const QUrl url(parser.value(urlOption), QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
            return AdminCli::fail(
                io, json, ExitCode::InvalidInput,
                QCoreApplication::translate("SyncCommands", "--platform takes the platform's https:// address."));
        if (parser.value(codeOption).isEmpty() || parser.value(caOption).isEmpty())
            return AdminCli::fail(io, json, ExitCode::Usage,
                                  QCoreApplication::translate("SyncCommands",
                                                              "An online enrolment needs --platform, --code and "
                                                              "--ca-cert."));
        static const QRegularExpression codePattern(QStringLiteral("^[A-Za-z0-9-]{4,64}$"));
        if (!codePattern.match(parser.value(codeOption).trimmed()).hasMatch())
            return AdminCli::fail(io, json, ExitCode::InvalidInput,
                                  QCoreApplication::translate("SyncCommands",
                                                              "An enrolment code is 4 to 64 letters, digits or "
                                                              "hyphens."));
        QFile caFile(parser.value(caOption));
        if (!caFile.open(QIODevice::ReadOnly) || caFile.size() > 64 * 1024)
            return AdminCli::fail(io, json, ExitCode::FileProblem,
                                  QCoreApplication::translate("SyncCommands",
                                                              "The CA certificate %1 cannot be read (or is larger "
                                                              "than 64 KiB).")
                                      .arg(parser.value(caOption)));
        const QByteArray caPem = caFile.readAll();
        if (SyncTransportStore::caFingerprint(caPem).isEmpty())
            return AdminCli::fail(io, json, ExitCode::InvalidInput,
                                  QCoreApplication::translate("SyncCommands", "%1 holds no PEM certificate.")
                                      .arg(parser.value(caOption)));
        Session session;
        if (!login(parser, io, json, &session, &code))
            return code;
        SessionGuard guard{session};
        SyncClient client(session);
        SyncEnrolmentInfo enrolment;
        const SyncClient::Result r = client.enrol(url, caPem, parser.value(codeOption).trimmed(), &enrolment);
        if (!r.ok())
            return AdminCli::fail(io, json, exitFor(r), r.message);
        if (json)
            AdminCli::printJson(
                io, QJsonObject{{QStringLiteral("ok"), true},
                                {QStringLiteral("platform"), enrolment.platformId},
                                {QStringLiteral("url"), url.toString()},
                                {QStringLiteral("publicKey"), QString::fromLatin1(enrolment.publicKey.toHex())},
                                {QStringLiteral("caSha256"), SyncTransportStore::caFingerprint(caPem)}});
        else
            io.out << QCoreApplication::translate("SyncCommands", "Enrolled with platform %1 at %2.")
                          .arg(enrolment.platformId, url.toString())
                   << Qt::endl;
        return ExitCode::Ok;
    }
    const QString hex = parser.value(keyOption).trimmed();
    static const QRegularExpression hexPattern(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!hexPattern.match(hex).hasMatch())
        return AdminCli::fail(io, json, ExitCode::InvalidInput,
                              QCoreApplication::translate("SyncCommands",
                                                          "--platform-key takes the platform's public key as 64 "
                                                          "hexadecimal digits."));
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    QString error;
    if (!SyncEnrolment::enrol(session, parser.value(idOption), QByteArray::fromHex(hex.toLatin1()),
                              parser.value(urlOption), &error))
        return AdminCli::fail(io, json, session.can(Permission::ConfigureSync) ? ExitCode::Exists : ExitCode::Denied,
                              error);
    if (json)
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("platform"), parser.value(idOption)},
                                            {QStringLiteral("publicKey"), hex.toLower()}});
    else
        io.out << QCoreApplication::translate("SyncCommands", "Enrolled with platform %1.").arg(parser.value(idOption))
               << Qt::endl;
    return ExitCode::Ok;
}

void printReport(AdminIo& io, bool json, const SyncReport& report, const QString& source);

int runSync(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "SyncCommands",
        "Applies the platform's signed pages, pulled over HTTPS from the platform this workstation is enrolled with,\n"
        "or read from an offline exchange package.\n"
        "  sync [--timeout SECONDS] --user NAME --password-stdin [--json]\n"
        "  sync --package FILE --user NAME --password-stdin [--json]\n"
        "Pages are verified before anything is applied. A package is applied whole or not at all; a pull applies\n"
        "batches of pages, each in one transaction, and retries network failures with backoff. Exit codes: a\n"
        "truncated or malformed page 3, a wrong signature or certificate 13, a replayed or out-of-order page 11\n"
        "(nothing of the refused page applied), the device token refused 4, the platform unreachable 15, the\n"
        "platform holds a newer audit head than this database (an older copy was put back) 14."));
    const QCommandLineOption packageOption(QStringLiteral("package"),
                                           QCoreApplication::translate("SyncCommands", "The exchange package."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QCoreApplication::translate("SyncCommands", "Seconds without an answer before a request is retried (30)."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    parser.addOptions(
        {workstationOption(), userOption(), passwordStdinOption(), jsonOption(), packageOption, timeoutOption});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    const QString path = parser.value(packageOption);
    if (path.isEmpty()) {
        bool ok = false;
        const int timeout = parser.value(timeoutOption).toInt(&ok);
        if (!ok || timeout < 1 || timeout > 3600)
            return AdminCli::fail(io, json, ExitCode::InvalidInput,
                                  QCoreApplication::translate("SyncCommands", "--timeout takes 1 to 3600 seconds."));
        Session session;
        if (!login(parser, io, json, &session, &code))
            return code;
        SessionGuard guard{session};
        SyncClient::Options options;
        options.timeoutMs = timeout * 1000;
        // Where the pull stands, on the error stream (the report, JSON or text, stays alone on the output).
        options.progress = [&io](const SyncProgress& progress) {
            if (progress.pagesTotal > 0 || progress.pagesDone > 0)
                io.err << QCoreApplication::translate("SyncCommands", "Sync: %1").arg(progress.describe()) << Qt::endl;
        };
        SyncClient client(session, options);
        SyncReport report;
        const SyncClient::Result r = client.sync(&report);
        if (!r.ok()) {
            if (json && report.pagesApplied > 0)
                io.err << QCoreApplication::translate("SyncCommands", "%1 page(s) were applied before the failure.")
                              .arg(report.pagesApplied)
                       << Qt::endl;
            return AdminCli::fail(io, json, exitFor(r), r.message);
        }
        printReport(io, json, report, QStringLiteral("network"));
        return ExitCode::Ok;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return AdminCli::fail(io, json, ExitCode::FileProblem,
                              QCoreApplication::translate("SyncCommands", "The package %1 cannot be read: %2")
                                  .arg(path, file.errorString()));
    if (file.size() > FeedApplier::MaxPackageBytes)
        return AdminCli::fail(io, json, ExitCode::InvalidInput,
                              QCoreApplication::translate("SyncCommands", "The package %1 is larger than %2 MiB.")
                                  .arg(path)
                                  .arg(FeedApplier::MaxPackageBytes >> 20));
    const QByteArray bytes = file.readAll();
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    FeedApplier applier(session);
    SyncReport report;
    const FeedApplier::Result r = applier.applyPackage(bytes, &report);
    if (!r.ok())
        return AdminCli::fail(io, json, exitFor(r.failure), r.message);
    // A package only brings; what this window did waits for an online sync.
    OutboxCounts counts;
    QString error;
    if (!Outbox::counts(session.database(), &counts, &error))
        return AdminCli::fail(io, json, ExitCode::Failure, error);
    report.pendingOutbox = counts.pending;
    report.outboxConflicts = counts.conflicts + counts.rejected;
    printReport(io, json, report, QStringLiteral("package"));
    return ExitCode::Ok;
}

void printReport(AdminIo& io, bool json, const SyncReport& report, const QString& source)
{
    if (json) {
        QJsonObject applied, unchanged, cursors;
        for (auto it = report.applied.cbegin(); it != report.applied.cend(); ++it)
            applied.insert(it.key(), it.value());
        for (auto it = report.unchanged.cbegin(); it != report.unchanged.cend(); ++it)
            unchanged.insert(it.key(), it.value());
        for (auto it = report.cursors.cbegin(); it != report.cursors.cend(); ++it)
            cursors.insert(it.key(), it.value());
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("source"), source},
                                            {QStringLiteral("pagesApplied"), report.pagesApplied},
                                            {QStringLiteral("pagesSkipped"), report.pagesSkipped},
                                            {QStringLiteral("applied"), applied},
                                            {QStringLiteral("unchanged"), unchanged},
                                            {QStringLiteral("cursors"), cursors},
                                            {QStringLiteral("pushed"),
                                             QJsonObject{{QStringLiteral("accepted"), report.pushedAccepted},
                                                         {QStringLiteral("conflicts"), report.pushedConflicts},
                                                         {QStringLiteral("rejected"), report.pushedRejected}}},
                                            {QStringLiteral("pendingOutbox"), report.pendingOutbox},
                                            {QStringLiteral("outboxProblems"), report.outboxConflicts},
                                            {QStringLiteral("durationMs"), report.durationMs}});
    } else {
        io.out << QCoreApplication::translate("SyncCommands", "%1 page(s) applied, %2 already applied, in %3 ms.")
                      .arg(report.pagesApplied)
                      .arg(report.pagesSkipped)
                      .arg(report.durationMs)
               << Qt::endl;
        io.out << QCoreApplication::translate("SyncCommands",
                                              "Sent to the platform: %1 accepted, %2 in conflict, %3 rejected; %4 "
                                              "still to send.")
                      .arg(report.pushedAccepted)
                      .arg(report.pushedConflicts)
                      .arg(report.pushedRejected)
                      .arg(report.pendingOutbox)
               << Qt::endl;
    }
}

// A digest of the platform's records as this workstation holds them: SHA-256 over every platform subject and item
// (their exchange form, in platform id order). Two workstations that applied the same pages have the same digest,
// however often their imports were interrupted.
int runDigest(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "SyncCommands", "Prints a digest of the platform's records held here, to compare two workstations.\n"
                        "  digest --user NAME --password-stdin [--json]"));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    if (!session.can(Permission::ConfigureSync) && !session.can(Permission::ReadAudit))
        return AdminCli::fail(io, json, ExitCode::Denied,
                              QCoreApplication::translate("SyncCommands", "A %1 may not read the sync digest.")
                                  .arg(Roles::displayName(session.role)));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QJsonObject counts;
    QSqlDatabase db = session.database();
    for (const auto& [table, columns] : QList<QPair<QString, QString>>{
             {QStringLiteral("subjects"), QStringLiteral("platform_id, platform_version, kind, identifier, name, "
                                                         "legal_representative, registered_address, established_on, "
                                                         "industry, district, status")},
             {QStringLiteral("credit_items"),
              QStringLiteral("platform_id, platform_version, (SELECT platform_id FROM "
                             "subjects s WHERE s.id = subject_id), category, item_type, "
                             "severity, list_kind, field_key, status, decision_date, "
                             "repaired_on, withdrawn_on, title, content")}}) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(
                QStringLiteral("SELECT %1 FROM %2 WHERE origin = 'platform' ORDER BY platform_id").arg(columns, table)))
            return AdminCli::fail(io, json, ExitCode::Failure, q.lastError().text());
        int rows = 0;
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i) {
                hash.addData(q.value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\n", 1));
            ++rows;
        }
        counts.insert(table, rows);
    }
    const QString digest = QString::fromLatin1(hash.result().toHex());
    if (json)
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("digest"), digest}, {QStringLiteral("rows"), counts}});
    else
        io.out << digest << Qt::endl;
    return ExitCode::Ok;
}

// What this window has still to send the platform, and what the platform did not take (conflicts, rejections).
int runOutbox(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "SyncCommands",
        "Shows the outbox: how many of this window's entries (record submissions, case events, report issuances)\n"
        "wait for the platform, and the platform's conflicts and rejections, newest first.\n"
        "  outbox [--limit N] --user NAME --password-stdin [--json]\n"
        "Exit codes: 3 bad --limit, 7 role."));
    const QCommandLineOption limitOption(
        QStringLiteral("limit"),
        QCoreApplication::translate("SyncCommands", "How many conflicts and rejections to list (1 to 10000, 200)."),
        QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption(), limitOption});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1 || limit > 10000)
        return AdminCli::fail(io, json, ExitCode::InvalidInput,
                              QCoreApplication::translate("SyncCommands", "--limit takes 1 to 10000."));
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    if (!session.can(Permission::PullSync) && !session.can(Permission::ReadAudit))
        return AdminCli::fail(io, json, ExitCode::Denied,
                              QCoreApplication::translate("SyncCommands", "A %1 may not read the outbox.")
                                  .arg(Roles::displayName(session.role)));
    QSqlDatabase db = session.database();
    OutboxCounts counts;
    QList<OutboxProblem> problems;
    QString error;
    if (!Outbox::counts(db, &counts, &error) || !Outbox::problems(db, &problems, 0, limit, &error))
        return AdminCli::fail(io, json, ExitCode::Failure, error);
    if (json) {
        QJsonArray list;
        for (const OutboxProblem& p : problems)
            list.append(QJsonObject{{QStringLiteral("kind"), p.kind},
                                    {QStringLiteral("entry"), p.label},
                                    {QStringLiteral("key"), p.key},
                                    {QStringLiteral("outcome"), p.outcome},
                                    {QStringLiteral("action"), p.localAction},
                                    {QStringLiteral("platformState"), p.platformState},
                                    {QStringLiteral("reason"), p.reason},
                                    {QStringLiteral("answeredAt"), p.answeredAt}});
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("pending"), counts.pending},
                                            {QStringLiteral("accepted"), counts.accepted},
                                            {QStringLiteral("conflicts"), counts.conflicts},
                                            {QStringLiteral("rejected"), counts.rejected},
                                            {QStringLiteral("problems"), list}});
        return ExitCode::Ok;
    }
    io.out << QCoreApplication::translate("SyncCommands",
                                          "%1 to send; %2 accepted, %3 in conflict, %4 rejected by the platform.")
                  .arg(counts.pending)
                  .arg(counts.accepted)
                  .arg(counts.conflicts)
                  .arg(counts.rejected)
           << Qt::endl;
    for (const OutboxProblem& p : problems)
        io.out << p.answeredAt << '\t' << p.outcome << '\t' << p.label << '\t' << p.localAction << '\t' << p.reason
               << Qt::endl;
    return ExitCode::Ok;
}

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("outbox"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "What waits for the platform, and its conflicts"),
                       runOutbox);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("digest"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Digest of the platform's records held here"), runDigest);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("enrol"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Enrol the workstation with the credit platform"), runEnrol);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("sync"),
                       QT_TRANSLATE_NOOP("xmcredit-admin",
                                         "Apply the platform's signed records (over HTTPS, or an exchange package)"),
                       runSync);
