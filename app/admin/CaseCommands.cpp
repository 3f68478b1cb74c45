// xmcredit-admin case: the repair and objection workflows headless, through the same models as the window
// (CaseRepository, CaseWorkflow, CaseTimer). Every sub-command logs in with --user and --password-stdin.

#include "AdminCommand.h"
#include "AdminSession.h"
#include "sync/PolicyProfiles.h"

#include "cases/CaseReceipt.h"
#include "cases/CaseRepository.h"
#include "cases/CaseWorkflow.h"
#include "cases/DemoCases.h"
#include "domain/Identifiers.h"
#include "records/CreditItemRepository.h"
#include "storage/Signing.h"
#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"
#include "sync/CalendarYears.h"
#include "sync/Outbox.h"
#include "sync/PlatformStaff.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace AdminSession;

namespace {

int exitFor(CaseRepository::Failure failure)
{
    switch (failure) {
    case CaseRepository::Failure::None:
        return ExitCode::Ok;
    case CaseRepository::Failure::Denied:
        return ExitCode::Denied;
    case CaseRepository::Failure::Rule:
        return ExitCode::Rejected;
    case CaseRepository::Failure::Invalid:
        return ExitCode::InvalidInput;
    case CaseRepository::Failure::NotFound:
        return ExitCode::NotFound;
    case CaseRepository::Failure::Storage:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

QJsonObject statusJson(const DeadlineStatus& s)
{
    return {{QStringLiteral("state"), toKey(s.state)},
            {QStringLiteral("dueDate"), s.dueDate.isValid() ? s.dueDate.toString(Qt::ISODate) : QString()},
            {QStringLiteral("limit"), s.limit},
            {QStringLiteral("elapsed"), s.elapsed},
            {QStringLiteral("remaining"), s.remaining},
            {QStringLiteral("overdueBy"), s.overdueBy},
            {QStringLiteral("estimated"), s.estimated}};
}

QJsonObject caseJson(const CaseRecord& r, const CaseTimer::Status* timer)
{
    QJsonArray items;
    for (qint64 id : r.itemIds)
        items.append(double(id));
    QJsonObject json{{QStringLiteral("caseNo"), r.caseNo},
                     {QStringLiteral("kind"), toKey(r.kind)},
                     {QStringLiteral("subject"), r.subjectIdentifier},
                     {QStringLiteral("subjectName"), r.subjectName},
                     {QStringLiteral("items"), items},
                     {QStringLiteral("stage"), r.state},
                     {QStringLiteral("paused"), r.paused},
                     {QStringLiteral("receivedOn"), r.receivedOn.toString(Qt::ISODate)},
                     {QStringLiteral("intakeBy"), r.intakeBy},
                     {QStringLiteral("assignedTo"), r.assignedTo},
                     {QStringLiteral("applicant"), r.applicant.name},
                     {QStringLiteral("applicantCapacity"), r.applicant.capacity}};
    if (!r.grounds.isEmpty())
        json.insert(QStringLiteral("grounds"), r.grounds);
    if (!r.outcome.isEmpty())
        json.insert(QStringLiteral("outcome"), r.outcome);
    if (timer) {
        json.insert(QStringLiteral("clock"), timer->clock);
        json.insert(QStringLiteral("state"), toKey(timer->current.state));
        json.insert(QStringLiteral("dueDate"),
                    timer->current.dueDate.isValid() ? timer->current.dueDate.toString(Qt::ISODate) : QString());
        json.insert(QStringLiteral("remaining"), timer->current.remaining);
        json.insert(QStringLiteral("estimated"), timer->estimated);
        json.insert(QStringLiteral("current"), statusJson(timer->current));
        json.insert(QStringLiteral("total"), statusJson(timer->total));
    }
    return json;
}

// The options every sub-command shares.
struct Options
{
    QCommandLineOption subject{
        QStringLiteral("subject"),
        QCoreApplication::translate("CaseCommands", "The subject: its identifier or its number."),
        QStringLiteral("ID")};
    QCommandLineOption item{
        QStringLiteral("item"),
        QCoreApplication::translate("CaseCommands", "A credit item of the subject: its number or platform id."),
        QStringLiteral("ITEM")};
    QCommandLineOption applicantName{QStringLiteral("applicant-name"),
                                     QCoreApplication::translate("CaseCommands", "The applicant's name."),
                                     QStringLiteral("NAME")};
    QCommandLineOption applicantId{QStringLiteral("applicant-id"),
                                   QCoreApplication::translate("CaseCommands", "The applicant's ID number."),
                                   QStringLiteral("ID")};
    QCommandLineOption idType{
        QStringLiteral("id-type"),
        QCoreApplication::translate("CaseCommands", "The applicant's document (default resident_id)."),
        QStringLiteral("TYPE"), QStringLiteral("resident_id")};
    QCommandLineOption capacity{
        QStringLiteral("capacity"),
        QCoreApplication::translate("CaseCommands",
                                    "The applicant is the subject itself (self, the default), its legal "
                                    "representative (representative) or an agent (agent)."),
        QStringLiteral("CAPACITY"), QStringLiteral("self")};
    QCommandLineOption idChecked{
        QStringLiteral("id-checked"),
        QCoreApplication::translate("CaseCommands", "How the identity document was checked (default reader)."),
        QStringLiteral("HOW"), QStringLiteral("reader")};
    QCommandLineOption grounds{
        QStringLiteral("grounds"),
        QCoreApplication::translate("CaseCommands",
                                    "Objection grounds: error, omission, trade_secret, privacy or other_rights."),
        QStringLiteral("KEY")};
    QCommandLineOption statement{QStringLiteral("statement"),
                                 QCoreApplication::translate("CaseCommands", "The applicant's statement."),
                                 QStringLiteral("TEXT")};
    QCommandLineOption material{
        QStringLiteral("material"),
        QCoreApplication::translate("CaseCommands",
                                    "A scanned material: the policy's material key and the file (repeatable)."),
        QStringLiteral("KEY=FILE")};
    QCommandLineOption to{
        QStringLiteral("to"),
        QCoreApplication::translate("CaseCommands", "move: the stage to move to; assign: the reviewer."),
        QStringLiteral("STAGE|USER")};
    QCommandLineOption action{
        QStringLiteral("action"),
        QCoreApplication::translate("CaseCommands", "move: the workflow action, instead of --to."),
        QStringLiteral("ACTION")};
    QCommandLineOption note{QStringLiteral("note"),
                            QCoreApplication::translate("CaseCommands", "The reason or the decision's text."),
                            QStringLiteral("TEXT")};
    QCommandLineOption title{QStringLiteral("title"),
                             QCoreApplication::translate("CaseCommands", "correct: the item's corrected title."),
                             QStringLiteral("TEXT")};
    QCommandLineOption content{QStringLiteral("content"),
                               QCoreApplication::translate("CaseCommands", "correct: the item's corrected content."),
                               QStringLiteral("TEXT")};
    QCommandLineOption on{
        QStringLiteral("on"),
        QCoreApplication::translate("CaseCommands",
                                    "Demo workstations only: the day the action happens, or the day list and show "
                                    "compute the clocks for (yyyy-MM-dd; default today)."),
        QStringLiteral("DATE")};
    QCommandLineOption all{QStringLiteral("all"),
                           QCoreApplication::translate("CaseCommands", "list: closed cases too.")};
    QCommandLineOption pdf{QStringLiteral("pdf"),
                           QCoreApplication::translate("CaseCommands", "receipt: the PDF file to write."),
                           QStringLiteral("FILE")};
};

struct Context
{
    QCommandLineParser& parser;
    const Options& options;
    AdminIo& io;
    bool json;
    Session session;
    QDate on;
};

int fail(Context& c, int code, const QString& message)
{
    return AdminCli::fail(c.io, c.json, code, message);
}

bool readMaterials(Context& c, QList<MaterialScan>* scans, int* code)
{
    static const QMimeDatabase mimes;
    for (const QString& value : c.parser.values(c.options.material)) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *code =
                fail(c, ExitCode::Usage,
                     QCoreApplication::translate("CaseCommands", "--material takes KEY=FILE, not \"%1\".").arg(value));
            return false;
        }
        MaterialScan scan;
        scan.key = value.left(eq).trimmed();
        const QString path = value.mid(eq + 1);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *code = fail(c, ExitCode::NotFound,
                         QCoreApplication::translate("CaseCommands", "The scan %1 cannot be read: %2")
                             .arg(path, file.errorString()));
            return false;
        }
        scan.bytes = file.readAll();
        scan.fileName = QFileInfo(path).fileName();
        scan.mimeType = mimes.mimeTypeForFileNameAndData(path, scan.bytes).name();
        scans->append(scan);
    }
    return true;
}

bool resolveItems(Context& c, QList<qint64>* items, int* code)
{
    const QStringList values = c.parser.values(c.options.item);
    if (values.isEmpty()) {
        *code =
            fail(c, ExitCode::Usage, QCoreApplication::translate("CaseCommands", "Name the credit item with --item."));
        return false;
    }
    CreditItemRepository repository(c.session.database());
    for (const QString& value : values) {
        bool numeric = false;
        const qint64 id = value.trimmed().toLongLong(&numeric);
        CreditItem item;
        QString error;
        if (numeric && id > 0) {
            items->append(id);
        } else if (repository.findByPlatformId(value.trimmed(), &item, &error)) {
            items->append(item.id);
        } else {
            *code = error.isEmpty()
                        ? fail(c, ExitCode::NotFound,
                               QCoreApplication::translate("CaseCommands", "There is no credit item %1.").arg(value))
                        : fail(c, ExitCode::Failure, error);
            return false;
        }
    }
    return true;
}

Applicant applicantFrom(Context& c)
{
    Applicant a;
    a.capacity = c.parser.value(c.options.capacity).trimmed();
    a.name = c.parser.value(c.options.applicantName).trimmed();
    a.idType = c.parser.value(c.options.idType).trimmed();
    a.idNumber = Identifiers::normalise(c.parser.value(c.options.applicantId));
    a.idChecked = c.parser.value(c.options.idChecked).trimmed();
    return a;
}

int printCase(Context& c, const CaseRepository& repository, const CaseRecord& record, bool withEvents)
{
    CaseTimer::Status timer;
    QString error;
    const bool timed = repository.timer(record, c.on, &timer, &error);
    if (!timed)
        return fail(c, ExitCode::Failure, error);
    QJsonObject json = caseJson(record, &timer);
    if (withEvents) {
        QList<CaseEventRecord> events;
        QList<CaseMaterialRecord> materials;
        if (!repository.events(record.id, &events, &error) || !repository.materials(record.id, &materials, &error))
            return fail(c, ExitCode::Failure, error);
        QJsonArray eventArray;
        // Actors of other windows and of the platform are named by the city's directory (the staff stream).
        const QHash<QString, QString> directory = PlatformStaff::names(c.session.database());
        for (const CaseEventRecord& e : events)
            eventArray.append(QJsonObject{{QStringLiteral("on"), e.onDate.toString(Qt::ISODate)},
                                          {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                                          {QStringLiteral("actor"), e.actor},
                                          {QStringLiteral("actorName"), directory.value(e.actor)},
                                          {QStringLiteral("action"), e.action},
                                          {QStringLiteral("from"), e.fromState},
                                          {QStringLiteral("to"), e.toState},
                                          {QStringLiteral("note"), e.note}});
        json.insert(QStringLiteral("events"), eventArray);
        QJsonArray materialArray;
        for (const CaseMaterialRecord& m : materials)
            materialArray.append(QJsonObject{{QStringLiteral("key"), m.key},
                                             {QStringLiteral("file"), m.fileName},
                                             {QStringLiteral("sha256"), m.sha256}});
        json.insert(QStringLiteral("materials"), materialArray);
        json.insert(QStringLiteral("missing"), QJsonArray::fromStringList(repository.missingMaterials(
                                                   record.kind, record.applicant.viaAgent(), c.on, [&] {
                                                       QStringList keys;
                                                       for (const CaseMaterialRecord& m : materials)
                                                           keys << m.key;
                                                       return keys;
                                                   }())));
        // What the platform did not take of this case's moves (a conflict: it moved on at another window).
        QList<OutboxProblem> problems;
        if (!Outbox::problems(c.session.database(), &problems, record.id, 200, &error))
            return fail(c, ExitCode::Failure, error);
        QJsonArray problemArray;
        for (const OutboxProblem& p : problems)
            problemArray.append(QJsonObject{{QStringLiteral("outcome"), p.outcome},
                                            {QStringLiteral("action"), p.localAction},
                                            {QStringLiteral("platformState"), p.platformState},
                                            {QStringLiteral("reason"), p.reason},
                                            {QStringLiteral("answeredAt"), p.answeredAt}});
        json.insert(QStringLiteral("platformProblems"), problemArray);
        json.insert(QStringLiteral("actions"), QJsonArray::fromStringList(CaseWorkflow::available(
                                                   {record.kind, record.state, record.paused, record.intakeBy,
                                                    record.assignedTo, record.decidedFrom},
                                                   c.session.role, c.session.username)));
    }
    if (c.json) {
        AdminCli::printJson(c.io, json);
    } else {
        c.io.out << record.caseNo << "  " << displayName(record.kind) << "  "
                 << CaseWorkflow::stateName(record.kind, record.state)
                 << (record.paused ? QCoreApplication::translate("CaseCommands", " (paused)") : QString()) << "  "
                 << record.subjectName << Qt::endl;
        c.io.out << "  "
                 << QCoreApplication::translate("CaseCommands", "due %1, %2")
                        .arg(timer.current.dueDate.toString(Qt::ISODate), timer.current.reason)
                 << Qt::endl;
    }
    return ExitCode::Ok;
}

int runCase(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CaseCommands",
        "Repair and objection cases, through the same rules as the window.\n"
        "  case intake repair --subject ID --item ITEM [--item ITEM …] --applicant-name NAME --applicant-id ID\n"
        "        [--capacity self|representative|agent] [--id-checked HOW] [--material KEY=FILE …]\n"
        "  case intake objection --subject ID --item ITEM --grounds KEY --statement TEXT --applicant-name NAME\n"
        "        --applicant-id ID [--material KEY=FILE …]\n"
        "  case move CASE_NO --to STAGE [--note TEXT] [--title TEXT --content TEXT]   (or --action ACTION)\n"
        "  case assign CASE_NO --to REVIEWER --note REASON\n"
        "  case pause CASE_NO --note TEXT          (request supplementary materials: the clock stops)\n"
        "  case resume CASE_NO [--material KEY=FILE …]   (the materials arrived: the clock runs again)\n"
        "  case show CASE_NO\n"
        "  case receipt CASE_NO --pdf FILE        (the acceptance receipt)\n"
        "  case list [--all]\n"
        "Every sub-command also takes --user NAME --password-stdin [--json] and, on a demo workstation only,\n"
        "--on DATE. Refusals exit 11 (a rule, with the reason) or 7 (the role); bad input exits 3; an unknown\n"
        "case, subject or item 10."));
    Options options;
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("CaseCommands", "intake, move, assign, pause, resume, show or list"));
    parser.addPositionalArgument(QStringLiteral("argument"),
                                 QCoreApplication::translate("CaseCommands", "repair or objection (intake); CASE_NO"),
                                 QStringLiteral("[ARGUMENT]"));
    parser.addOptions({workstationOption(),
                       userOption(),
                       passwordStdinOption(),
                       jsonOption(),
                       options.subject,
                       options.item,
                       options.applicantName,
                       options.applicantId,
                       options.idType,
                       options.capacity,
                       options.idChecked,
                       options.grounds,
                       options.statement,
                       options.material,
                       options.to,
                       options.action,
                       options.note,
                       options.title,
                       options.content,
                       options.on,
                       options.all,
                       options.pdf});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    Context c{parser, options, io, parser.isSet(jsonOption()), {}, QDate::currentDate()};
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    static const QStringList commands{QStringLiteral("intake"), QStringLiteral("move"),   QStringLiteral("assign"),
                                      QStringLiteral("pause"),  QStringLiteral("resume"), QStringLiteral("show"),
                                      QStringLiteral("list"),   QStringLiteral("receipt")};
    if (!commands.contains(command))
        return fail(c, ExitCode::Usage,
                    QCoreApplication::translate("CaseCommands", "Unknown case command '%1': use %2.")
                        .arg(command, commands.join(QStringLiteral(", "))));
    const bool needsArgument = command != QLatin1String("list");
    if (needsArgument && positional.size() != 2)
        return fail(c, ExitCode::Usage,
                    QCoreApplication::translate("CaseCommands", "case %1 takes one argument.").arg(command));
    if (!needsArgument && positional.size() != 1)
        return fail(c, ExitCode::Usage, QCoreApplication::translate("CaseCommands", "case list takes no argument."));

    if (!demoDay(parser, options.on, io, c.json, &c.on, &code))
        return code;

    if (!login(parser, io, c.json, &c.session, &code))
        return code;
    SessionGuard guard{c.session};
    QString error;
    const PolicyRegistry policies = PolicyProfiles::load(c.session.database(), &error);
    const WorkingCalendar calendar = CalendarYears::load(c.session.database(), &error);
    CaseRepository repository(c.session, policies, calendar);
    auto result = [&](const CaseRepository::Result& r, const CaseRecord& record) {
        if (!r.ok())
            return fail(c, exitFor(r.failure), r.message);
        return printCase(c, repository, record, false);
    };

    if (command == QLatin1String("intake")) {
        const QString kind = positional.value(1);
        if (kind != QLatin1String("repair") && kind != QLatin1String("objection"))
            return fail(
                c, ExitCode::Usage,
                QCoreApplication::translate("CaseCommands", "case intake takes repair or objection, not \"%1\".")
                    .arg(kind));
        qint64 subjectId = 0;
        QList<qint64> items;
        QList<MaterialScan> scans;
        if (!AdminSession::resolveSubject(c.session.database(), parser.value(options.subject), io, c.json, &subjectId,
                                          &code) ||
            !resolveItems(c, &items, &code) || !readMaterials(c, &scans, &code))
            return code;
        CaseRecord created;
        if (kind == QLatin1String("repair")) {
            CaseRepository::RepairIntake intake{subjectId, items, applicantFrom(c), parser.value(options.statement),
                                                scans};
            return result(repository.intakeRepair(intake, c.on, &created), created);
        }
        if (items.size() != 1)
            return fail(c, ExitCode::Usage,
                        QCoreApplication::translate("CaseCommands", "An objection concerns one credit item."));
        CaseRepository::ObjectionIntake intake{
            subjectId,        items.first(), parser.value(options.grounds).trimmed(), parser.value(options.statement),
            applicantFrom(c), scans};
        return result(repository.intakeObjection(intake, c.on, &created), created);
    }

    if (command == QLatin1String("list")) {
        QList<CaseRecord> cases;
        if (!repository.list(parser.isSet(options.all), &cases, &error))
            return fail(c, ExitCode::Failure, error);
        QJsonArray array;
        for (const CaseRecord& r : cases) {
            CaseTimer::Status timer;
            if (!repository.timer(r, c.on, &timer, &error))
                return fail(c, ExitCode::Failure, error);
            if (c.json)
                array.append(caseJson(r, &timer));
            else
                c.io.out << AdminCli::padded(r.caseNo, 16) << AdminCli::padded(r.state, 18)
                         << AdminCli::padded(toKey(timer.current.state), 16)
                         << timer.current.dueDate.toString(Qt::ISODate) << "  " << r.subjectName << Qt::endl;
        }
        if (c.json)
            AdminCli::printJson(c.io, QJsonObject{{QStringLiteral("on"), c.on.toString(Qt::ISODate)},
                                                  {QStringLiteral("cases"), array}});
        return ExitCode::Ok;
    }

    const QString caseNo = positional.value(1).trimmed().toUpper();
    CaseRecord record;
    if (!repository.find(caseNo, &record, &error))
        return error.isEmpty() ? fail(c, ExitCode::NotFound,
                                      QCoreApplication::translate("CaseCommands", "There is no case %1.").arg(caseNo))
                               : fail(c, ExitCode::Failure, error);
    if (command == QLatin1String("show"))
        return printCase(c, repository, record, true);
    if (command == QLatin1String("receipt")) {
        const QString pdf = parser.value(options.pdf);
        if (pdf.isEmpty())
            return fail(c, ExitCode::Usage,
                        QCoreApplication::translate("CaseCommands", "Name the PDF file with --pdf."));
        WorkstationInfo info;
        Workstation::readInfo(workstationDir(parser), &info);
        CaseReceipt::Content content;
        if (!CaseReceipt::gather(repository, policies, caseNo, c.on, info.name, c.session.displayName, &content,
                                 &error) ||
            !CaseReceipt::writePdf(content, pdf, &error))
            return fail(c, ExitCode::Failure, error);
        if (c.json)
            AdminCli::printJson(c.io, QJsonObject{{QStringLiteral("caseNo"), caseNo}, {QStringLiteral("pdf"), pdf}});
        else
            c.io.out << pdf << Qt::endl;
        return ExitCode::Ok;
    }
    CaseRepository::ActionInput input;
    input.note = parser.value(options.note);
    QString action;
    if (command == QLatin1String("move")) {
        if (parser.isSet(options.action)) {
            action = parser.value(options.action).trimmed();
        } else {
            const QString target = parser.value(options.to).trimmed();
            if (target.isEmpty())
                return fail(c, ExitCode::Usage,
                            QCoreApplication::translate(
                                "CaseCommands", "Name the stage to move to with --to (or the action with --action)."));
            if (!CaseWorkflow::isKnownState(record.kind, target))
                return fail(
                    c, ExitCode::InvalidInput,
                    QCoreApplication::translate("CaseCommands", "\"%1\" is not a stage of a %2 case: use one of %3.")
                        .arg(target, displayName(record.kind),
                             CaseWorkflow::states(record.kind).join(QStringLiteral(", "))));
            action = CaseWorkflow::actionTo(
                {record.kind, record.state, record.paused, record.intakeBy, record.assignedTo, record.decidedFrom},
                target);
            if (action.isEmpty())
                return fail(c, ExitCode::Rejected,
                            QCoreApplication::translate("CaseCommands", "A case that is %1 cannot move to %2.")
                                .arg(CaseWorkflow::stateName(record.kind, record.state),
                                     CaseWorkflow::stateName(record.kind, target)));
        }
        input.correctedTitle = parser.value(options.title);
        input.correctedContent = parser.value(options.content);
    } else if (command == QLatin1String("assign")) {
        action = QStringLiteral("reassign");
        input.assignee = parser.value(options.to).trimmed().toLower();
        if (input.assignee.isEmpty())
            return fail(c, ExitCode::Usage,
                        QCoreApplication::translate("CaseCommands", "Name the reviewer with --to."));
    } else if (command == QLatin1String("pause")) {
        action = QStringLiteral("request_supplement");
    } else {
        action = QStringLiteral("receive_materials");
        if (!readMaterials(c, &input.materials, &code))
            return code;
    }
    CaseRecord after;
    return result(repository.act(caseNo, action, input, c.on, &after), after);
}

// Cases for the demo city: the demo staff take them in and move them on, each signing their own steps.
int runDemoCases(const QStringList& args, AdminIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CaseCommands",
        "Fills a demo workstation's queues: repair applications and objections received over the last weeks and "
        "moved on by the demo clerk and reviewer, in every stage and clock state. Only for demo workstations with a "
        "demo city and no cases yet (exit 9 when there are cases). Logs in as the demo staff itself."));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QCoreApplication::translate("CaseCommands", "Number of cases (default 60)."),
                                   QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("CaseCommands", "Seed of the generator (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    parser.addOptions({workstationOption(), count, seed, jsonOption()});
    int code = ExitCode::Ok;
    if (!AdminCli::parse(parser, args, io, &code))
        return code;
    const bool json = parser.isSet(jsonOption());
    bool ok = false;
    const int n = parser.value(count).toInt(&ok);
    if (!ok || n < 0 || n > 100000)
        return AdminCli::fail(io, json, ExitCode::InvalidInput,
                              QCoreApplication::translate("CaseCommands", "--count takes 0 to 100000."));
    const quint32 seedValue = parser.value(seed).toUInt(&ok);
    if (!ok)
        return AdminCli::fail(io, json, ExitCode::InvalidInput,
                              QCoreApplication::translate("CaseCommands", "--seed takes a whole number."));
    const QString dir = workstationDir(parser);
    WorkstationInfo info;
    const WorkstationStatus read = Workstation::readInfo(dir, &info);
    if (!read.ok())
        return AdminSession::fail(io, json, read);
    if (!info.demo)
        return AdminCli::fail(io, json, ExitCode::Rejected,
                              QCoreApplication::translate("CaseCommands", "demo-cases is for demo workstations only."));
    // Each demo member of staff signs their own steps: unlock every demo login for its signing key.
    QMap<QString, UnlockResult> unlocked;
    for (const DemoLogin& login : demoLogins()) {
        const UnlockResult result = Workstation::unlock(dir, login.username, login.password);
        if (!result.ok())
            return AdminSession::fail(io, json, result.status);
        unlocked.insert(login.username, result);
    }
    Session admin;
    const WorkstationStatus opened =
        Workstation::openSession(unlocked.value(QStringLiteral("admin")), QStringLiteral("xmcredit-admin"), &admin);
    if (!opened.ok())
        return AdminSession::fail(io, json, opened);
    SessionGuard guard{admin};
    {
        QSqlQuery existing(admin.database());
        if (existing.exec(QStringLiteral("SELECT count(*) FROM cases")) && existing.next() &&
            existing.value(0).toLongLong() > 0)
            return AdminCli::fail(io, json, ExitCode::Exists,
                                  QCoreApplication::translate("CaseCommands", "The workstation has cases already."));
    }
    auto actAs = [&](const QString& username) {
        const UnlockResult& u = unlocked[username];
        SignerRing::setKey(admin.databasePath, username, *u.signingSeed);
        Session s = admin;
        s.username = username;
        s.displayName = u.displayName;
        s.role = u.role;
        return s;
    };
    const DemoCaseActors actors{actAs(QStringLiteral("clerk")), actAs(QStringLiteral("reviewer")),
                                actAs(QStringLiteral("supervisor"))};
    QString error;
    const PolicyRegistry policies = PolicyProfiles::load(admin.database(), &error);
    const WorkingCalendar calendar = CalendarYears::load(admin.database(), &error);
    DemoCasesReport report;
    // All or nothing: an interrupted run leaves no cases, and the next run makes them.
    QSqlDatabase db = admin.database();
    bool generated = db.transaction();
    if (!generated)
        error = db.lastError().text();
    generated = generated &&
                DemoCases::generate(actors, policies, calendar, n, seedValue, QDate::currentDate(), &report, &error);
    if (generated && !db.commit()) {
        generated = false;
        error = db.lastError().text();
    }
    if (!generated)
        db.rollback();
    for (const QString& username : {QStringLiteral("clerk"), QStringLiteral("reviewer"), QStringLiteral("supervisor")})
        SignerRing::removeKey(admin.databasePath, username);
    if (!generated)
        return AdminCli::fail(io, json, ExitCode::Failure, error);
    if (json) {
        QJsonObject states;
        for (auto it = report.byState.cbegin(); it != report.byState.cend(); ++it)
            states.insert(it.key(), it.value());
        AdminCli::printJson(io, QJsonObject{{QStringLiteral("ok"), true},
                                            {QStringLiteral("cases"), report.cases},
                                            {QStringLiteral("byState"), states}});
    } else {
        io.out << QCoreApplication::translate("CaseCommands", "Made %n demo case(s).", nullptr, report.cases)
               << Qt::endl;
    }
    return ExitCode::Ok;
}

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("demo-cases"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Fill a demo workstation's case queues"), runDemoCases);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("case"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Take in and move repair and objection cases"), runCase);
