// xmcredit-admin enrol and sync: pinning the platform's key and importing its signed pages from an offline exchange
// package (models/sync/PROTOCOL.md), through the same applier the background sync will use.

#include "AdminCommand.h"
#include "AdminSession.h"

#include "sync/FeedApplier.h"

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

int runEnrol(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "SyncCommands",
        "Enrols this workstation with the city credit platform: pins the platform's signing key (64 hexadecimal "
        "digits, from the platform's enrolment letter) and its id. Once only; an administrator's task.\n"
        "  enrol --platform-key HEX --platform-id ID [--platform URL] --user NAME --password-stdin [--json]"));
    const QCommandLineOption keyOption(QStringLiteral("platform-key"),
                                       QCoreApplication::translate("SyncCommands", "The platform's public key (hex)."),
                                       QStringLiteral("HEX"));
    const QCommandLineOption idOption(QStringLiteral("platform-id"),
                                      QCoreApplication::translate("SyncCommands", "The platform's id."),
                                      QStringLiteral("ID"), QStringLiteral("xm-credit-platform"));
    const QCommandLineOption urlOption(QStringLiteral("platform"),
                                       QCoreApplication::translate("SyncCommands", "The platform's address."),
                                       QStringLiteral("URL"));
    parser.addOptions(
        {workstationOption(), userOption(), passwordStdinOption(), jsonOption(), keyOption, idOption, urlOption});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
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

int runSync(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "SyncCommands",
        "Applies the platform's signed pages. This version reads offline exchange packages; the network sync is to "
        "come.\n  sync --package FILE --user NAME --password-stdin [--json]\n"
        "A package is verified whole before anything is applied and applied in one transaction: a truncated or "
        "malformed one exits 3, a wrong signature 13, a replayed or out-of-order page 11, nothing applied."));
    const QCommandLineOption packageOption(QStringLiteral("package"),
                                           QCoreApplication::translate("SyncCommands", "The exchange package."),
                                           QStringLiteral("FILE"));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption(), packageOption});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    const QString path = parser.value(packageOption);
    if (path.isEmpty())
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate("SyncCommands",
                                                          "Name the package with --package (the network sync is not "
                                                          "built yet)."));
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
    if (json) {
        QJsonObject applied, unchanged, cursors;
        for (auto it = report.applied.cbegin(); it != report.applied.cend(); ++it)
            applied.insert(it.key(), it.value());
        for (auto it = report.unchanged.cbegin(); it != report.unchanged.cend(); ++it)
            unchanged.insert(it.key(), it.value());
        for (auto it = report.cursors.cbegin(); it != report.cursors.cend(); ++it)
            cursors.insert(it.key(), it.value());
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("pagesApplied"), report.pagesApplied},
                                            {QStringLiteral("pagesSkipped"), report.pagesSkipped},
                                            {QStringLiteral("applied"), applied},
                                            {QStringLiteral("unchanged"), unchanged},
                                            {QStringLiteral("cursors"), cursors},
                                            {QStringLiteral("pendingOutbox"), 0},
                                            {QStringLiteral("durationMs"), report.durationMs}});
    } else {
        io.out << QCoreApplication::translate("SyncCommands", "%1 page(s) applied, %2 already applied, in %3 ms.")
                      .arg(report.pagesApplied)
                      .arg(report.pagesSkipped)
                      .arg(report.durationMs)
               << Qt::endl;
    }
    return ExitCode::Ok;
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

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("digest"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Digest of the platform's records held here"), runDigest);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("enrol"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Enrol the workstation with the credit platform"), runEnrol);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("sync"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Apply the platform's signed records (exchange package)"),
                       runSync);
