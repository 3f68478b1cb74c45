// xmcredit-admin report and search: the report printer and the subject search headless, through the same models as
// the window (SubjectSearch, ReportRepository, ReportRenderer). Every command logs in with --user and
// --password-stdin and is audited.

#include "AdminCommand.h"
#include "AdminSession.h"
#include "sync/PolicyProfiles.h"

#include "records/SubjectSearch.h"
#include "reports/ReportRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>

using namespace AdminSession;

namespace {

int exitFor(ReportRepository::Failure failure)
{
    switch (failure) {
    case ReportRepository::Failure::None:
        return ExitCode::Ok;
    case ReportRepository::Failure::Denied:
        return ExitCode::Denied;
    case ReportRepository::Failure::Rule:
        return ExitCode::Rejected;
    case ReportRepository::Failure::Invalid:
        return ExitCode::InvalidInput;
    case ReportRepository::Failure::NotFound:
        return ExitCode::NotFound;
    case ReportRepository::Failure::Storage:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

int exitFor(ReportVerification::Result result)
{
    switch (result) {
    case ReportVerification::Result::Genuine:
        return ExitCode::Ok;
    case ReportVerification::Result::WrongCode:
    case ReportVerification::Result::Unknown:
        return ExitCode::NotFound;
    case ReportVerification::Result::Damaged:
        return ExitCode::AuditBroken;
    case ReportVerification::Result::Throttled:
        return ExitCode::Throttled;
    case ReportVerification::Result::Denied:
        return ExitCode::Denied;
    }
    return ExitCode::Failure;
}

// Records the next copy of a report, then writes it to a PDF marked with the number recorded: a copy is never made
// that the records do not know of (if the file cannot be written, the copy stays recorded and the error says so).
int writeCopy(ReportRepository& repository, IssuedReport* report, const QString& pdf, AdminIo& io, bool json,
              int* pages)
{
    ReportRenderer::Copy copy;
    const ReportRepository::Result r = repository.recordCopy(report, QStringLiteral("pdf"), &copy);
    if (!r.ok())
        return AdminCli::fail(io, json, exitFor(r.failure), r.message);
    QString error;
    if (!ReportRenderer::writePdf(report->content, report->qrPayload(), copy, pdf, pages, &error)) {
        QFile::remove(pdf);
        return AdminCli::fail(io, json, ExitCode::FileProblem,
                              QCoreApplication::translate("ReportCommands",
                                                          "Copy %1 of report %2 was recorded, but its PDF could not "
                                                          "be written: %3")
                                  .arg(copy.number)
                                  .arg(report->number, error));
    }
    return ExitCode::Ok;
}

struct Options
{
    QCommandLineOption subject{
        QStringLiteral("subject"),
        QCoreApplication::translate("ReportCommands", "The subject: its identifier or its number."),
        QStringLiteral("ID")};
    QCommandLineOption basis{
        QStringLiteral("basis"),
        QCoreApplication::translate("ReportCommands",
                                    "The basis: self (the subject or its legal representative), authorised (the "
                                    "subject's written authorisation) or agency (a government agency)."),
        QStringLiteral("BASIS")};
    QCommandLineOption kind{QStringLiteral("kind"),
                            QCoreApplication::translate("ReportCommands", "public (the default) or special."),
                            QStringLiteral("KIND"), QStringLiteral("public")};
    QCommandLineOption applicantName{QStringLiteral("applicant-name"),
                                     QCoreApplication::translate("ReportCommands", "The applicant's name."),
                                     QStringLiteral("NAME")};
    QCommandLineOption capacity{
        QStringLiteral("capacity"),
        QCoreApplication::translate("ReportCommands", "self basis: self (the default) or representative."),
        QStringLiteral("CAPACITY"), QStringLiteral("self")};
    QCommandLineOption idType{
        QStringLiteral("id-type"),
        QCoreApplication::translate("ReportCommands", "The applicant's identity document (default resident_id_card)."),
        QStringLiteral("TYPE"), QStringLiteral("resident_id_card")};
    QCommandLineOption idNumber{
        QStringLiteral("id-number"),
        QCoreApplication::translate("ReportCommands", "The number of the applicant's identity document."),
        QStringLiteral("NUMBER")};
    QCommandLineOption idChecked{
        QStringLiteral("id-checked"),
        QCoreApplication::translate("ReportCommands",
                                    "How the document was checked: card_reader (the default), in_person_comparison "
                                    "or online_verification."),
        QStringLiteral("HOW"), QStringLiteral("card_reader")};
    QCommandLineOption authorisation{
        QStringLiteral("authorisation"),
        QCoreApplication::translate("ReportCommands", "authorised basis: the scanned authorisation."),
        QStringLiteral("FILE")};
    QCommandLineOption authorisationRef{
        QStringLiteral("authorisation-ref"),
        QCoreApplication::translate("ReportCommands", "authorised basis: the authorisation's date or number."),
        QStringLiteral("TEXT")};
    QCommandLineOption validFrom{
        QStringLiteral("valid-from"),
        QCoreApplication::translate("ReportCommands", "authorised basis: first day it is valid."),
        QStringLiteral("DATE")};
    QCommandLineOption validUntil{
        QStringLiteral("valid-until"),
        QCoreApplication::translate("ReportCommands", "authorised basis: last day it is valid."),
        QStringLiteral("DATE")};
    QCommandLineOption agency{QStringLiteral("agency"),
                              QCoreApplication::translate("ReportCommands", "agency basis: the agency."),
                              QStringLiteral("NAME")};
    QCommandLineOption agencyDocument{
        QStringLiteral("agency-document"),
        QCoreApplication::translate("ReportCommands", "agency basis: the number of its letter or request."),
        QStringLiteral("TEXT")};
    QCommandLineOption purpose{
        QStringLiteral("purpose"),
        QCoreApplication::translate("ReportCommands", "agency basis: one of the six purposes (its key)."),
        QStringLiteral("KEY")};
    QCommandLineOption purposeRule{
        QStringLiteral("purpose-rule"),
        QCoreApplication::translate("ReportCommands", "agency basis, purpose other: the rule that sets it."),
        QStringLiteral("TEXT")};
    QCommandLineOption from{QStringLiteral("from"),
                            QCoreApplication::translate("ReportCommands", "special: first day of the period."),
                            QStringLiteral("DATE")};
    QCommandLineOption to{QStringLiteral("to"),
                          QCoreApplication::translate("ReportCommands", "special: last day of the period."),
                          QStringLiteral("DATE")};
    QCommandLineOption field{
        QStringLiteral("field"),
        QCoreApplication::translate("ReportCommands", "special: a field (policy key), repeatable."),
        QStringLiteral("KEY")};
    QCommandLineOption pdf{QStringLiteral("pdf"),
                           QCoreApplication::translate("ReportCommands", "The PDF file to write."),
                           QStringLiteral("FILE")};
    QCommandLineOption qr{
        QStringLiteral("qr"),
        QCoreApplication::translate("ReportCommands", "verify: the text read from the report's QR code."),
        QStringLiteral("TEXT")};
    QCommandLineOption on{
        QStringLiteral("on"),
        QCoreApplication::translate("ReportCommands", "Demo workstations only: the day the report is issued for."),
        QStringLiteral("DATE")};
};

bool parseDate(const QCommandLineParser& parser, const QCommandLineOption& option, QDate* date, AdminIo& io, bool json,
               int* code)
{
    if (!parser.isSet(option))
        return true;
    *date = QDate::fromString(parser.value(option), Qt::ISODate);
    if (date->isValid())
        return true;
    *code = AdminCli::fail(io, json, ExitCode::InvalidInput,
                           QCoreApplication::translate("ReportCommands", "--%1 takes a date as yyyy-MM-dd, not \"%2\".")
                               .arg(option.names().constFirst(), parser.value(option)));
    return false;
}

int issue(QCommandLineParser& parser, const Options& o, AdminIo& io, bool json)
{
    int code = ExitCode::Ok;
    ReportRequest request;
    if (!fromKey(parser.value(o.basis).trimmed(), &request.basis.kind))
        return AdminCli::fail(
            io, json, ExitCode::Usage,
            QCoreApplication::translate("ReportCommands",
                                        "--basis takes self, authorised or agency, not \"%1\": no basis, no report.")
                .arg(parser.value(o.basis)));
    if (!fromKey(parser.value(o.kind).trimmed(), &request.kind))
        return AdminCli::fail(
            io, json, ExitCode::Usage,
            QCoreApplication::translate("ReportCommands", "--kind takes public or special, not \"%1\".")
                .arg(parser.value(o.kind)));
    const QString pdf = parser.value(o.pdf);
    if (pdf.isEmpty())
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate("ReportCommands", "Name the PDF file with --pdf."));
    // Checked before anything is issued: a report is not stored for a file that cannot be written.
    const QFileInfo pdfInfo(pdf);
    if (!pdfInfo.absoluteDir().exists() || !QFileInfo(pdfInfo.absolutePath()).isWritable() ||
        (pdfInfo.exists() && !pdfInfo.isWritable()))
        return AdminCli::fail(io, json, ExitCode::FileProblem,
                              QCoreApplication::translate("ReportCommands", "The PDF %1 cannot be written there.")
                                  .arg(QDir::toNativeSeparators(pdfInfo.absoluteFilePath())));
    ReportBasis& b = request.basis;
    b.applicantName = parser.value(o.applicantName).trimmed();
    b.capacity = parser.value(o.capacity).trimmed();
    b.documentType = parser.value(o.idType).trimmed();
    b.documentNumber = parser.value(o.idNumber).trimmed();
    b.verifiedBy = parser.value(o.idChecked).trimmed();
    b.authorisationRef = parser.value(o.authorisationRef).trimmed();
    b.agency = parser.value(o.agency).trimmed();
    b.agencyDocument = parser.value(o.agencyDocument).trimmed();
    b.purpose = parser.value(o.purpose).trimmed();
    b.purposeRule = parser.value(o.purposeRule).trimmed();
    if (!parseDate(parser, o.validFrom, &b.validFrom, io, json, &code) ||
        !parseDate(parser, o.validUntil, &b.validUntil, io, json, &code) ||
        !parseDate(parser, o.from, &request.scope.from, io, json, &code) ||
        !parseDate(parser, o.to, &request.scope.to, io, json, &code))
        return code;
    request.scope.fields = parser.values(o.field);
    if (parser.isSet(o.authorisation)) {
        const QString path = parser.value(o.authorisation);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return AdminCli::fail(io, json, ExitCode::NotFound,
                                  QCoreApplication::translate("ReportCommands", "The scan %1 cannot be read: %2")
                                      .arg(path, file.errorString()));
        b.scan = file.readAll();
        b.scanFileName = QFileInfo(path).fileName();
        b.scanMimeType = QMimeDatabase().mimeTypeForFileNameAndData(path, b.scan).name();
    }
    QDate on;
    if (!demoDay(parser, o.on, io, json, &on, &code))
        return code;

    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    if (!resolveSubject(session.database(), parser.value(o.subject), io, json, &request.subjectId, &code))
        return code;
    QString error;

    const PolicyRegistry policies = PolicyProfiles::load(session.database(), &error);
    ReportRepository repository(session, policies);
    IssuedReport report;
    const ReportRepository::Result r = repository.issue(request, on, &report);
    if (!r.ok())
        return AdminCli::fail(io, json, exitFor(r.failure), r.message);
    int pages = 0;
    code = writeCopy(repository, &report, pdf, io, json, &pages);
    if (code != ExitCode::Ok)
        return code;
    if (json)
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("number"), report.number},
                                            {QStringLiteral("code"), report.code},
                                            {QStringLiteral("pages"), pages},
                                            {QStringLiteral("sha256"), report.sha256},
                                            {QStringLiteral("kind"), toKey(report.kind)},
                                            {QStringLiteral("mode"), toKey(report.mode)},
                                            {QStringLiteral("pdf"), pdf}});
    else
        io.out << QCoreApplication::translate("ReportCommands", "Report %1, verification code %2, %3 page(s): %4")
                      .arg(report.number, report.code)
                      .arg(pages)
                      .arg(pdf)
               << Qt::endl;
    return ExitCode::Ok;
}

int reprint(QCommandLineParser& parser, const Options& o, const QString& number, AdminIo& io, bool json)
{
    const QString pdf = parser.value(o.pdf);
    if (pdf.isEmpty())
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate("ReportCommands", "Name the PDF file with --pdf."));
    int code = ExitCode::Ok;
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    QString error;
    const PolicyRegistry policies = PolicyProfiles::load(session.database(), &error);
    ReportRepository repository(session, policies);
    if (!session.can(Permission::PrintReport))
        return AdminCli::fail(io, json, ExitCode::Denied,
                              QCoreApplication::translate("ReportCommands", "A %1 may not print credit reports.")
                                  .arg(Roles::displayName(session.role)));
    IssuedReport report;
    const ReportRepository::Result r = repository.find(number, &report);
    if (!r.ok())
        return AdminCli::fail(io, json, exitFor(r.failure), r.message);
    int pages = 0;
    code = writeCopy(repository, &report, pdf, io, json, &pages);
    if (code != ExitCode::Ok)
        return code;
    if (json)
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("number"), report.number},
                                            {QStringLiteral("copy"), report.copies},
                                            {QStringLiteral("pages"), pages},
                                            {QStringLiteral("pdf"), pdf}});
    else
        io.out << QCoreApplication::translate("ReportCommands", "Report %1, copy %2 (a reprint), %3 page(s): %4")
                      .arg(report.number)
                      .arg(report.copies)
                      .arg(pages)
                      .arg(pdf)
               << Qt::endl;
    return ExitCode::Ok;
}

int verify(QCommandLineParser& parser, const Options& o, const QStringList& positional, AdminIo& io, bool json)
{
    const bool byQr = parser.isSet(o.qr);
    if (byQr ? positional.size() != 1 : positional.size() != 3)
        return AdminCli::fail(
            io, json, ExitCode::Usage,
            QCoreApplication::translate("ReportCommands", "report verify takes NUMBER CODE, or --qr TEXT."));
    int code = ExitCode::Ok;
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    QString error;
    const PolicyRegistry policies = PolicyProfiles::load(session.database(), &error);
    ReportRepository repository(session, policies);
    const ReportVerification v =
        byQr ? repository.verifyPayload(parser.value(o.qr)) : repository.verify(positional.at(1), positional.at(2));
    const bool genuine = v.result == ReportVerification::Result::Genuine;
    if (json) {
        QJsonObject out{{QStringLiteral("result"), toKey(v.result)}, {QStringLiteral("message"), v.message}};
        if (genuine) {
            out.insert(QStringLiteral("number"), v.report.number);
            out.insert(QStringLiteral("kind"), toKey(v.report.kind));
            out.insert(QStringLiteral("issuedAt"), v.report.issuedAt.toString(Qt::ISODateWithMs));
            out.insert(QStringLiteral("issuedBy"), v.report.issuedBy);
            out.insert(QStringLiteral("copies"), v.report.copies);
            out.insert(QStringLiteral("sha256"), v.report.sha256);
            out.insert(QStringLiteral("content"), v.report.content.toText());
        }
        AdminCli::printJson(io, out);
    } else if (genuine) {
        io.out << v.message << "\n\n" << v.report.content.toText() << Qt::flush;
    } else {
        io.err << "xmcredit-admin: " << v.message << Qt::endl;
    }
    return exitFor(v.result);
}

int runReport(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ReportCommands",
        "Public and special credit reports, through the same rules as the window.\n"
        "  report issue --subject ID --basis self|authorised|agency --pdf FILE [--kind public|special]\n"
        "        self:       --applicant-name NAME --id-number NUMBER [--capacity self|representative]\n"
        "                    [--id-type TYPE] [--id-checked HOW]\n"
        "        authorised: --applicant-name NAME --id-number NUMBER --authorisation FILE\n"
        "                    --authorisation-ref TEXT --valid-from DATE --valid-until DATE\n"
        "        agency:     --agency NAME --agency-document TEXT --purpose KEY [--purpose-rule TEXT]\n"
        "        special:    --from DATE --to DATE --field KEY [--field KEY …]\n"
        "  report reprint NUMBER --pdf FILE      (the next copy, marked as a reprint)\n"
        "  report verify NUMBER CODE | --qr TEXT  (is a presented report genuine? what did it say?)\n"
        "Every sub-command also takes --user NAME --password-stdin [--json]. issue prints\n"
        "{\"number\", \"code\", \"pages\", \"sha256\"}. A refused basis exits 11 with what is missing, a role 7,\n"
        "bad input 3, an unknown subject or report (or a wrong code) 10, a damaged report 13, too many wrong\n"
        "codes 12."));
    Options o;
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("ReportCommands", "issue, reprint or verify"));
    parser.addPositionalArgument(QStringLiteral("arguments"),
                                 QCoreApplication::translate("ReportCommands", "NUMBER [CODE]"),
                                 QStringLiteral("[ARGUMENTS…]"));
    parser.addOptions({workstationOption(),
                       userOption(),
                       passwordStdinOption(),
                       jsonOption(),
                       o.subject,
                       o.basis,
                       o.kind,
                       o.applicantName,
                       o.capacity,
                       o.idType,
                       o.idNumber,
                       o.idChecked,
                       o.authorisation,
                       o.authorisationRef,
                       o.validFrom,
                       o.validUntil,
                       o.agency,
                       o.agencyDocument,
                       o.purpose,
                       o.purposeRule,
                       o.from,
                       o.to,
                       o.field,
                       o.pdf,
                       o.qr,
                       o.on});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (command == QLatin1String("issue")) {
        if (positional.size() != 1)
            return AdminCli::fail(io, json, ExitCode::Usage,
                                  QCoreApplication::translate("ReportCommands", "report issue takes no argument."));
        return issue(parser, o, io, json);
    }
    if (command == QLatin1String("reprint")) {
        if (positional.size() != 2)
            return AdminCli::fail(
                io, json, ExitCode::Usage,
                QCoreApplication::translate("ReportCommands", "report reprint takes the report's number."));
        return reprint(parser, o, positional.at(1), io, json);
    }
    if (command == QLatin1String("verify"))
        return verify(parser, o, positional, io, json);
    return AdminCli::fail(
        io, json, ExitCode::Usage,
        QCoreApplication::translate("ReportCommands", "Unknown report command '%1': use issue, reprint or verify.")
            .arg(command));
}

int runSearch(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ReportCommands",
        "Finds subjects as the window's search box does (an identifier exactly; a name whole, by its start or by "
        "a fragment), and audits the search.\n  search TEXT [--limit N] --user NAME --password-stdin [--json]"));
    parser.addPositionalArgument(QStringLiteral("text"),
                                 QCoreApplication::translate("ReportCommands", "An identifier or (part of) a name."));
    const QCommandLineOption limit(
        QStringLiteral("limit"),
        QCoreApplication::translate("ReportCommands", "At most this many results (default 20, at most 500)."),
        QStringLiteral("N"), QStringLiteral("20"));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption(), limit});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    if (parser.positionalArguments().size() != 1)
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate("ReportCommands", "search takes one text."));
    const QString text = parser.positionalArguments().constFirst().trimmed();
    bool number = false;
    const int max = parser.value(limit).toInt(&number);
    if (!number || max < 1 || max > 500)
        return AdminCli::fail(
            io, json, ExitCode::InvalidInput,
            QCoreApplication::translate("ReportCommands", "--limit takes a number from 1 to 500, not \"%1\".")
                .arg(parser.value(limit)));
    if (text.isEmpty() || text.size() > 100)
        return AdminCli::fail(io, json, ExitCode::InvalidInput,
                              QCoreApplication::translate(
                                  "ReportCommands", "Search for an identifier or a name of 1 to 100 characters."));
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    if (!session.can(Permission::QuerySubject))
        return AdminCli::fail(io, json, ExitCode::Denied,
                              QCoreApplication::translate("ReportCommands", "A %1 may not search for subjects.")
                                  .arg(Roles::displayName(session.role)));
    SubjectSearch search(session.database());
    search.start(text);
    QList<SubjectHit> hits;
    QString error;
    while (!search.atEnd() && hits.size() < max) {
        if (!search.fetch(max - int(hits.size()), &hits, &error))
            return AdminCli::fail(io, json, ExitCode::Failure, error);
    }
    if (!SubjectSearches::audit(session, search.input(), int(hits.size()), &error))
        return AdminCli::fail(io, json, ExitCode::Failure, error);
    // As the window's list: masked, unless the hit is the number asked for and the role sees numbers in full.
    const IdentifierDisplay display = identifierDisplayFor(session.role);
    if (json) {
        QJsonArray results;
        for (const SubjectHit& hit : hits)
            results.append(QJsonObject{{QStringLiteral("id"), hit.id},
                                       {QStringLiteral("identifier"), SubjectSearches::listedIdentifier(hit, display)},
                                       {QStringLiteral("name"), hit.name},
                                       {QStringLiteral("kind"), toKey(hit.kind)},
                                       {QStringLiteral("district"), hit.district},
                                       {QStringLiteral("match"), SubjectSearches::toKey(hit.match)},
                                       {QStringLiteral("objectionPending"), hit.objectionPending}});
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("query"), search.input().text},
                                            {QStringLiteral("input"), search.input().kind == SearchInputKind::Identifier
                                                                          ? QStringLiteral("identifier")
                                                                          : QStringLiteral("name")},
                                            {QStringLiteral("count"), int(hits.size())},
                                            {QStringLiteral("more"), !search.atEnd()},
                                            {QStringLiteral("results"), results}});
        return ExitCode::Ok;
    }
    for (const SubjectHit& hit : hits)
        io.out << AdminCli::padded(SubjectSearches::listedIdentifier(hit, display), 20) << "  " << hit.name << "\n";
    io.out << QCoreApplication::translate("ReportCommands", "%1 result(s)").arg(hits.size()) << Qt::endl;
    return ExitCode::Ok;
}

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("report"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Issue, reprint and verify credit reports"), runReport);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("search"), QT_TRANSLATE_NOOP("xmcredit-admin", "Find subjects (audited)"),
                       runSearch);
