// xmcredit-admin check: every integrity check of the workstation at once (Workstation::checkIntegrity).

#include "AdminCommand.h"
#include "AdminSession.h"
#include "cases/CaseClocks.h"
#include "storage/Workstation.h"
#include "sync/CalendarYears.h"
#include "sync/PolicyProfiles.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace AdminSession;

namespace {

int runCheck(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "xmcredit-admin",
        "Checks the workstation's integrity: every page of the database (SQLite's integrity_check, which also checks\n"
        "each page's authentication code), the administrators' signatures on the staff list, the whole audit chain\n"
        "with each entry's signature and the recorded head, and the audit entry the key vault anchors.\n"
        "  check --user NAME --password-stdin [--json]\n"
        "Exits 0 when everything holds, 5 when the file is damaged, 13 when something was changed outside the\n"
        "program, 14 when the database is older than the key vault. NAME needs the auditor or administrator role;\n"
        "an auditor can run it on a database that fails the login's checks. It also recomputes every case's stored\n"
        "clocks from the case's events (exit 13 when one differs). It reads the whole file: minutes on a\n"
        "city-scale database."));
    parser.addOptions({workstationOption(), userOption(), passwordStdinOption(), jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    if (!parser.positionalArguments().isEmpty())
        return AdminCli::fail(io, json, ExitCode::Usage,
                              QCoreApplication::translate("xmcredit-admin", "check takes no arguments."));
    Session session;
    if (!login(parser, io, json, &session, &code))
        return code;
    SessionGuard guard{session};
    Workstation::IntegrityReport report;
    WorkstationStatus status;
    if (!Workstation::checkIntegrity(session, &report, &status))
        return AdminSession::fail(io, json, status);
    {
        // The stored case clocks the queues are ordered by, recomputed from every case's events.
        QString error;
        const PolicyRegistry policies = PolicyProfiles::load(session.database(), &error);
        const WorkingCalendar calendar = CalendarYears::load(session.database(), &error);
        QStringList problems;
        Workstation::IntegrityReport::Check clocks{QStringLiteral("case_clocks"), true, {}};
        if (!CaseClocks::verify(session.database(), policies, calendar, &problems)) {
            clocks.ok = false;
            const qsizetype shown = std::min<qsizetype>(problems.size(), 10);
            clocks.message = problems.mid(0, shown).join(QStringLiteral(" "));
            if (problems.size() > shown)
                clocks.message +=
                    QCoreApplication::translate("xmcredit-admin", " (and %1 more)").arg(problems.size() - shown);
        } else {
            clocks.message =
                QCoreApplication::translate("xmcredit-admin", "Every case's stored clocks match its events.");
        }
        report.checks << clocks;
    }

    int exit = ExitCode::Ok;
    for (const Workstation::IntegrityReport::Check& check : report.checks) {
        if (check.ok || exit != ExitCode::Ok)
            continue;
        if (check.name == QLatin1String("pages"))
            exit = ExitCode::FileProblem;
        else if (check.name == QLatin1String("anchor"))
            exit = ExitCode::RolledBack;
        else
            exit = ExitCode::AuditBroken;
    }
    if (exit == ExitCode::Ok && session.readOnly)
        exit = ExitCode::AuditBroken;
    if (json) {
        QJsonArray checks;
        for (const Workstation::IntegrityReport::Check& check : report.checks)
            checks.append(QJsonObject{{QStringLiteral("name"), check.name},
                                      {QStringLiteral("ok"), check.ok},
                                      {QStringLiteral("message"), check.message}});
        QJsonObject result{{QStringLiteral("ok"), exit == ExitCode::Ok}, {QStringLiteral("checks"), checks}};
        if (session.readOnly)
            result.insert(QStringLiteral("login"), session.integrityProblem);
        AdminCli::printJson(io, result);
    } else {
        for (const Workstation::IntegrityReport::Check& check : report.checks)
            (check.ok ? io.out : io.err) << (check.ok ? "ok      " : "FAILED  ") << check.name << ": " << check.message
                                         << Qt::endl;
        if (session.readOnly)
            io.err << "FAILED  login: " << session.integrityProblem << Qt::endl;
    }
    return exit;
}

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("check"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Check the database, staff list and audit trail for damage "
                                                           "and tampering"),
                       runCheck);
