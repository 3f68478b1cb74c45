// The credit rules from the command line, for scripts and for the platform team's cross-checks:
// check-id, workdays, disclosure, eligibility, collection, warning. Each prints a sentence (or one JSON object
// with --json) and exits non-zero on invalid input (InvalidInput) or when a rule refuses (Rejected).

#include "AdminCommand.h"

#include "domain/CollectionRules.h"
#include "domain/CreditTypes.h"
#include "domain/CreditWarning.h"
#include "domain/Disclosure.h"
#include "domain/Identifiers.h"
#include "domain/PolicyRegistry.h"
#include "domain/RepairEligibility.h"
#include "domain/WorkingCalendar.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace {

// Gives the texts of this file their own translation context, as lupdate sees it.
class DomainCommands
{
    Q_DECLARE_TR_FUNCTIONS(DomainCommands)
};

const QString JsonOption = QStringLiteral("json");
const QString PolicyOption = QStringLiteral("policy");
const QString CalendarOption = QStringLiteral("calendar");

QString isoOrNull(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QJsonValue jsonDate(const QDate& date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// Shared by the commands: --json, the extra policy and calendar files, and strict date parsing.
struct Context
{
    AdminIo& io;
    QCommandLineParser parser;
    bool json = false;
    int exitCode = ExitCode::Ok;

    explicit Context(AdminIo& adminIo)
        : io(adminIo)
    {
        parser.addOption({JsonOption, DomainCommands::tr("Print one JSON object instead of text.")});
    }

    bool parse(const QStringList& args)
    {
        if (!AdminCli::parse(parser, args, io, &exitCode))
            return false;
        json = parser.isSet(JsonOption);
        return true;
    }

    int fail(int code, const QString& message) { return AdminCli::fail(io, json, code, message); }

    // Reads a date option or argument; an empty text gives fallback.
    bool date(const QString& text, const QString& what, QDate* out, const QDate& fallback = QDate())
    {
        if (text.isEmpty() && fallback.isValid()) {
            *out = fallback;
            return true;
        }
        static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QDate parsed = QDate::fromString(text, Qt::ISODate);
        if (!pattern.match(text).hasMatch() || !parsed.isValid()) {
            exitCode = fail(ExitCode::InvalidInput,
                            DomainCommands::tr("%1 must be a date written YYYY-MM-DD, not '%2'.").arg(what, text));
            return false;
        }
        *out = parsed;
        return true;
    }

    bool optionDate(const QString& option, QDate* out, const QDate& fallback = QDate())
    {
        if (!parser.isSet(option) && !fallback.isValid()) {
            *out = QDate();
            return true;
        }
        return date(parser.value(option), QStringLiteral("--") + option, out, fallback);
    }

    bool policies(PolicyRegistry* registry)
    {
        QString error;
        *registry = PolicyRegistry::builtIn(&error);
        if (!error.isEmpty()) {
            exitCode = fail(ExitCode::Failure, error);
            return false;
        }
        for (const QString& path : parser.values(PolicyOption)) {
            if (!registry->addFile(path, &error)) {
                exitCode = fail(ExitCode::InvalidInput, error);
                return false;
            }
        }
        return true;
    }

    template<typename Enum> bool key(const QString& option, Enum* out, const QString& fallback)
    {
        const QString text = parser.isSet(option) ? parser.value(option) : fallback;
        if (!fromKey(text, out)) {
            exitCode = fail(ExitCode::InvalidInput, DomainCommands::tr("--%1 must be one of %2, not '%3'.")
                                                        .arg(option, allKeys<Enum>().join(QStringLiteral(", ")), text));
            return false;
        }
        return true;
    }

    // A key the policy profiles know (field, penalty kind, cause, personal data); empty when the option is unset.
    bool catalogueKey(const QString& option, const PolicyRegistry& registry, PolicyProfile::Catalogue catalogue,
                      QString* out)
    {
        *out = parser.value(option);
        if (out->isEmpty())
            return true;
        QStringList known;
        for (const PolicyProfilePtr& p : registry.profiles()) {
            for (const PolicyTerm& t : p->catalogue(catalogue)) {
                if (t.key == *out)
                    return true;
                if (!known.contains(t.key))
                    known.append(t.key);
            }
        }
        exitCode = fail(ExitCode::InvalidInput,
                        DomainCommands::tr("--%1 '%2' is not a key of any policy profile; known keys: %3.")
                            .arg(option, *out, known.join(QStringLiteral(", "))));
        return false;
    }

    void print(const QJsonObject& object, const QString& text)
    {
        if (json)
            AdminCli::printJson(io, object);
        else
            io.out << text << Qt::endl;
    }
};

void addPolicyOption(QCommandLineParser& parser)
{
    parser.addOption({PolicyOption, DomainCommands::tr("Also load the policy profile in <file> (repeatable)."),
                      DomainCommands::tr("file")});
}

// ---------------------------------------------------------------------------------------------------------------
// check-id

int runCheckId(const QStringList& args, AdminIo& io)
{
    Context c(io);
    QCommandLineParser& p = c.parser;
    p.setApplicationDescription(
        DomainCommands::tr("Validates and normalises a resident ID number or unified social credit code."));
    p.addPositionalArgument(QStringLiteral("identifier"), DomainCommands::tr("The identifier to check."));
    p.addOption({QStringLiteral("kind"),
                 DomainCommands::tr("resident_id, credit_code or unknown (default: decide from the text)."),
                 DomainCommands::tr("kind"), QStringLiteral("unknown")});
    p.addOption({QStringLiteral("today"),
                 DomainCommands::tr("The date birth dates are compared with (default: today)."),
                 DomainCommands::tr("date")});
    p.addOption({QStringLiteral("override-supervisor"),
                 DomainCommands::tr("Apply a supervisor's override for a checksum failure, signed by <account>."),
                 DomainCommands::tr("account")});
    p.addOption({QStringLiteral("override-reason"), DomainCommands::tr("The reason the supervisor gave."),
                 DomainCommands::tr("text")});
    p.addOption({QStringLiteral("override-signed-at"),
                 DomainCommands::tr("When the override was signed (ISO 8601; default: now)."),
                 DomainCommands::tr("time")});
    if (!c.parse(args))
        return c.exitCode;
    if (p.positionalArguments().size() != 1)
        return c.fail(ExitCode::Usage, DomainCommands::tr("check-id takes exactly one identifier."));
    // Identifiers are 18 characters; anything far longer is not one (and is not repeated back whole).
    if (p.positionalArguments().first().size() > 64)
        return c.fail(ExitCode::InvalidInput,
                      DomainCommands::tr("That is not an identifier: it has %1 characters, an identifier 18.")
                          .arg(p.positionalArguments().first().size()));
    IdentifierKind kind;
    if (!fromKey(p.value(QStringLiteral("kind")), &kind))
        return c.fail(ExitCode::Usage, DomainCommands::tr("--kind must be resident_id, credit_code or unknown."));
    QDate today;
    if (!c.optionDate(QStringLiteral("today"), &today, QDate::currentDate()))
        return c.exitCode;

    IdentifierOverride override;
    const bool withOverride = p.isSet(QStringLiteral("override-supervisor"));
    if (withOverride) {
        override.identifier = p.positionalArguments().first();
        override.supervisor = p.value(QStringLiteral("override-supervisor"));
        override.reason = p.value(QStringLiteral("override-reason"));
        override.signedAt = p.isSet(QStringLiteral("override-signed-at"))
                                ? QDateTime::fromString(p.value(QStringLiteral("override-signed-at")), Qt::ISODate)
                                : QDateTime::currentDateTime();
    }
    const IdentifierCheck check =
        Identifiers::check(p.positionalArguments().first(), kind, today, withOverride ? &override : nullptr);

    QJsonObject object{{QStringLiteral("ok"), check.accepted()},
                       {QStringLiteral("kind"), toKey(check.kind)},
                       {QStringLiteral("normalised"), check.normalised},
                       {QStringLiteral("masked"), Identifiers::mask(check.normalised)},
                       {QStringLiteral("valid"), check.valid()},
                       {QStringLiteral("problem"), toKey(check.problem)},
                       {QStringLiteral("message"), check.message()},
                       {QStringLiteral("overrideUsed"), check.overrideUsed},
                       {QStringLiteral("overrideRefusal"), toKey(check.overrideRefusal)},
                       {QStringLiteral("ambiguous"), check.ambiguous}};
    if (check.position > 0)
        object.insert(QStringLiteral("position"), check.position);
    if (check.problem == IdentifierProblem::WrongLength)
        object.insert(QStringLiteral("length"), check.length);
    if (!check.expected.isNull())
        object.insert(QStringLiteral("expected"), QString(check.expected));
    if (!check.actual.isNull())
        object.insert(QStringLiteral("actual"), QString(check.actual));
    if (check.birthDate.isValid() && check.kind == IdentifierKind::ResidentId) {
        object.insert(QStringLiteral("birthDate"), check.birthDate.toString(Qt::ISODate));
        if (check.valid())
            object.insert(QStringLiteral("sex"), check.male ? QStringLiteral("male") : QStringLiteral("female"));
    }
    c.print(object,
            QStringLiteral("%1\t%2\t%3").arg(toKey(check.kind), Identifiers::mask(check.normalised), check.message()));
    if (withOverride && !check.overrideUsed && check.overrideRefusal != OverrideRefusal::NotNeeded)
        io.err << DomainCommands::tr("The override was not used (%1).").arg(toKey(check.overrideRefusal)) << Qt::endl;
    return check.accepted() ? ExitCode::Ok : ExitCode::InvalidInput;
}

// ---------------------------------------------------------------------------------------------------------------
// workdays

int runWorkdays(const QStringList& args, AdminIo& io)
{
    Context c(io);
    QCommandLineParser& p = c.parser;
    p.setApplicationDescription(
        DomainCommands::tr("Working-day arithmetic on the statutory holiday calendar (start day not "
                           "counted).\n  add <date> <n>        the date n working days after <date>\n"
                           "  between <from> <to>   working days after <from> up to and including <to>\n"
                           "  is <date>             whether <date> is a working day"));
    p.addPositionalArgument(QStringLiteral("operation"), DomainCommands::tr("add, between or is"));
    p.addOption({CalendarOption, DomainCommands::tr("Also load the holiday calendar year in <file> (repeatable)."),
                 DomainCommands::tr("file")});
    if (!c.parse(args))
        return c.exitCode;
    const QStringList pos = p.positionalArguments();
    const QString op = pos.value(0);
    const int expectedArgs = op == QLatin1String("is") ? 2 : 3;
    if ((op != QLatin1String("add") && op != QLatin1String("between") && op != QLatin1String("is")) ||
        pos.size() != expectedArgs)
        return c.fail(ExitCode::Usage,
                      DomainCommands::tr("Use: workdays add <date> <n> | between <from> <to> | is <date>"));

    QString error;
    WorkingCalendar calendar = WorkingCalendar::builtIn(&error);
    if (!error.isEmpty())
        return c.fail(ExitCode::Failure, error);
    for (const QString& path : p.values(CalendarOption)) {
        if (!calendar.loadYearFile(path, &error))
            return c.fail(ExitCode::InvalidInput, error);
    }
    QStringList years;
    QJsonArray yearArray;
    for (int y : calendar.coveredYears()) {
        years.append(QString::number(y));
        yearArray.append(y);
    }

    QDate first;
    if (!c.date(pos.at(1), DomainCommands::tr("The date"), &first))
        return c.exitCode;
    bool estimated = false;
    QJsonObject object{{QStringLiteral("ok"), true}};
    QString text;
    if (op == QLatin1String("add")) {
        bool isNumber = false;
        const int n = pos.at(2).toInt(&isNumber);
        if (!isNumber || n < -100000 || n > 100000)
            return c.fail(ExitCode::InvalidInput,
                          DomainCommands::tr("<n> must be a whole number of working days, not '%1'.").arg(pos.at(2)));
        const QDate result = calendar.addWorkingDays(first, n, &estimated);
        object.insert(QStringLiteral("date"), result.toString(Qt::ISODate));
        text = result.toString(Qt::ISODate);
    } else if (op == QLatin1String("between")) {
        QDate second;
        if (!c.date(pos.at(2), DomainCommands::tr("The second date"), &second))
            return c.exitCode;
        const int n = calendar.workingDaysBetween(first, second, &estimated);
        object.insert(QStringLiteral("workingDays"), n);
        text = QString::number(n);
    } else {
        const bool working = calendar.isWorkingDay(first, &estimated);
        object.insert(QStringLiteral("workingDay"), working);
        const QString holiday = calendar.holidayName(first);
        if (!holiday.isEmpty())
            object.insert(QStringLiteral("holiday"), holiday);
        text = working ? DomainCommands::tr("%1 is a working day.").arg(first.toString(Qt::ISODate))
                       : DomainCommands::tr("%1 is not a working day.").arg(first.toString(Qt::ISODate));
    }
    object.insert(QStringLiteral("estimated"), estimated);
    object.insert(QStringLiteral("coveredYears"), yearArray);
    c.print(object, text);
    if (estimated && !c.json)
        io.err << DomainCommands::tr(
                      "Note: the calendar covers only %1; outside those years the answer is estimated from weekends "
                      "alone.")
                      .arg(years.join(QStringLiteral(", ")))
               << Qt::endl;
    return ExitCode::Ok;
}

// ---------------------------------------------------------------------------------------------------------------
// disclosure, eligibility: the facts of one item

void addItemOptions(QCommandLineParser& p)
{
    p.addOption({QStringLiteral("subject"),
                 DomainCommands::tr("Subject kind: %1 (default legal_person; natural_person with --attribute).")
                     .arg(allKeys<SubjectKind>().join(QStringLiteral(", "))),
                 DomainCommands::tr("kind")});
    p.addOption({QStringLiteral("category"),
                 DomainCommands::tr("Category: %1 (default dishonest).")
                     .arg(allKeys<ItemCategory>().join(QStringLiteral(", "))),
                 DomainCommands::tr("category")});
    p.addOption(
        {QStringLiteral("severity"),
         DomainCommands::tr("Severity: %1 (default general).").arg(allKeys<Severity>().join(QStringLiteral(", "))),
         DomainCommands::tr("severity")});
    p.addOption({QStringLiteral("list"),
                 DomainCommands::tr("List: %1 (default none).").arg(allKeys<ListKind>().join(QStringLiteral(", "))),
                 DomainCommands::tr("list")});
    p.addOption({QStringLiteral("decided"), DomainCommands::tr("Decision date of the item (required)."),
                 DomainCommands::tr("date")});
    p.addOption({QStringLiteral("on"), DomainCommands::tr("The date to assess on (default: today)."),
                 DomainCommands::tr("date")});
    p.addOption(
        {QStringLiteral("repaired"), DomainCommands::tr("Date a repair was granted."), DomainCommands::tr("date")});
    p.addOption(
        {QStringLiteral("withdrawn"), DomainCommands::tr("Date the item was withdrawn."), DomainCommands::tr("date")});
    p.addOption({QStringLiteral("objection"), DomainCommands::tr("An objection to the item is pending.")});
    p.addOption(
        {QStringLiteral("field"), DomainCommands::tr("Industry or field key (e.g. food)."), DomainCommands::tr("key")});
    p.addOption({QStringLiteral("penalty"), DomainCommands::tr("Penalty kind key (e.g. permit_revocation)."),
                 DomainCommands::tr("key")});
    p.addOption({QStringLiteral("cause"), DomainCommands::tr("Cause key (e.g. bribery)."), DomainCommands::tr("key")});
    p.addOption({QStringLiteral("document-number"), DomainCommands::tr("Number of the legally effective document."),
                 DomainCommands::tr("number")});
    p.addOption({QStringLiteral("declared-non-repairable"),
                 DomainCommands::tr("A law, regulation or rule declares the item non-repairable; <basis> names it."),
                 DomainCommands::tr("basis")});
    addPolicyOption(p);
}

bool readItem(Context& c, const PolicyRegistry& registry, CreditItemFacts* facts, QDate* on)
{
    QCommandLineParser& p = c.parser;
    if (!c.key(QStringLiteral("subject"), &facts->subjectKind, QStringLiteral("legal_person")) ||
        !c.key(QStringLiteral("category"), &facts->category, QStringLiteral("dishonest")) ||
        !c.key(QStringLiteral("severity"), &facts->severity, QStringLiteral("general")) ||
        !c.key(QStringLiteral("list"), &facts->listKind, QStringLiteral("none")))
        return false;
    if (!p.isSet(QStringLiteral("decided"))) {
        c.exitCode = c.fail(ExitCode::Usage, DomainCommands::tr("--decided <date> is required."));
        return false;
    }
    if (!c.optionDate(QStringLiteral("decided"), &facts->decisionDate) ||
        !c.optionDate(QStringLiteral("on"), on, QDate::currentDate()) ||
        !c.optionDate(QStringLiteral("repaired"), &facts->repairedOn) ||
        !c.optionDate(QStringLiteral("withdrawn"), &facts->withdrawnOn))
        return false;
    if (!c.catalogueKey(QStringLiteral("field"), registry, PolicyProfile::Catalogue::Field, &facts->fieldKey) ||
        !c.catalogueKey(QStringLiteral("penalty"), registry, PolicyProfile::Catalogue::PenaltyKind,
                        &facts->penaltyKindKey) ||
        !c.catalogueKey(QStringLiteral("cause"), registry, PolicyProfile::Catalogue::Cause, &facts->causeKey))
        return false;
    facts->objectionPending = p.isSet(QStringLiteral("objection"));
    facts->legalDocumentNumber = p.value(QStringLiteral("document-number"));
    facts->declaredNonRepairable = p.isSet(QStringLiteral("declared-non-repairable"));
    facts->nonRepairableBasis = p.value(QStringLiteral("declared-non-repairable"));
    return true;
}

int runDisclosure(const QStringList& args, AdminIo& io)
{
    Context c(io);
    c.parser.setApplicationDescription(
        DomainCommands::tr("The disclosure period and status of a credit item on a date."));
    addItemOptions(c.parser);
    if (!c.parse(args))
        return c.exitCode;
    PolicyRegistry registry;
    CreditItemFacts facts;
    QDate on;
    if (!c.policies(&registry) || !readItem(c, registry, &facts, &on))
        return c.exitCode;
    const DisclosureAssessment a = Disclosure::assess(facts, on, registry);
    QJsonObject object{{QStringLiteral("ok"), a.status != DisclosureStatus::Undetermined},
                       {QStringLiteral("status"), toKey(a.status)},
                       {QStringLiteral("shown"), a.shown()},
                       {QStringLiteral("timeLimited"), a.timeLimited},
                       {QStringLiteral("start"), jsonDate(a.start)},
                       {QStringLiteral("lastDay"), jsonDate(a.lastDay)},
                       {QStringLiteral("policy"), a.policyId},
                       {QStringLiteral("rule"), a.rule},
                       {QStringLiteral("reason"), a.reason}};
    if (a.timeLimited) {
        object.insert(QStringLiteral("kind"), toKey(a.kind));
        if (a.period.isValid())
            object.insert(QStringLiteral("period"), a.period.toIso());
    }
    c.print(object, QStringLiteral("%1\t%2\t%3").arg(toKey(a.status), isoOrNull(a.lastDay), a.reason));
    return a.status == DisclosureStatus::Undetermined ? ExitCode::InvalidInput : ExitCode::Ok;
}

int runEligibility(const QStringList& args, AdminIo& io)
{
    Context c(io);
    c.parser.setApplicationDescription(
        DomainCommands::tr("Whether a credit repair application for an item can be accepted on a "
                           "date. Exits with 0 when eligible and 11 when not."));
    addItemOptions(c.parser);
    if (!c.parse(args))
        return c.exitCode;
    PolicyRegistry registry;
    CreditItemFacts facts;
    QDate on;
    if (!c.policies(&registry) || !readItem(c, registry, &facts, &on))
        return c.exitCode;
    const RepairEligibility e = RepairRules::assess(facts, on, registry);
    QJsonObject object{{QStringLiteral("ok"), e.eligible()},
                       {QStringLiteral("eligibility"), toKey(e.code)},
                       {QStringLiteral("rule"), toKey(e.rule)},
                       {QStringLiteral("earliestDate"), jsonDate(e.earliestDate)},
                       {QStringLiteral("disclosureLastDay"), jsonDate(e.disclosureLastDay)},
                       {QStringLiteral("policy"), e.policyId},
                       {QStringLiteral("reason"), e.reason}};
    if (!e.fieldKey.isEmpty())
        object.insert(QStringLiteral("field"), e.fieldKey);
    if (!e.causeKey.isEmpty())
        object.insert(QStringLiteral("cause"), e.causeKey);
    if (!e.penaltyKindKey.isEmpty())
        object.insert(QStringLiteral("penalty"), e.penaltyKindKey);
    c.print(object, QStringLiteral("%1\t%2").arg(toKey(e.code), e.reason));
    return e.eligible() ? ExitCode::Ok : ExitCode::Rejected;
}

// ---------------------------------------------------------------------------------------------------------------
// collection

int runCollection(const QStringList& args, AdminIo& io)
{
    Context c(io);
    QCommandLineParser& p = c.parser;
    p.setApplicationDescription(
        DomainCommands::tr("Whether a subject attribute (--attribute) or a credit item (--item) may be "
                           "collected. Exits with 0 when accepted and 11 when not."));
    addItemOptions(p);
    p.addOption({QStringLiteral("attribute"), DomainCommands::tr("A personal attribute key (e.g. income, religion)."),
                 DomainCommands::tr("key")});
    p.addOption({QStringLiteral("consent"), DomainCommands::tr("The person's written consent is recorded.")});
    p.addOption({QStringLiteral("item"), DomainCommands::tr("Assess a credit item described by the item options.")});
    p.addOption(
        {QStringLiteral("simplified"), DomainCommands::tr("The penalty was imposed under the simplified procedure.")});
    p.addOption({QStringLiteral("minor"), DomainCommands::tr("The violation was minor.")});
    p.addOption(
        {QStringLiteral("remedied"), DomainCommands::tr("The person actively eliminated or mitigated the harm.")});
    p.addOption({QStringLiteral("legal-basis"),
                 DomainCommands::tr("A law, regulation or rule that requires collection anyway."),
                 DomainCommands::tr("text")});
    if (!c.parse(args))
        return c.exitCode;
    PolicyRegistry registry;
    if (!c.policies(&registry))
        return c.exitCode;
    const bool attributeMode = p.isSet(QStringLiteral("attribute"));
    if (attributeMode == p.isSet(QStringLiteral("item")))
        return c.fail(ExitCode::Usage, DomainCommands::tr("Give either --attribute <key> or --item."));

    CollectionDecision d;
    if (attributeMode) {
        CollectionAttribute attribute;
        QDate on;
        if (!c.key(QStringLiteral("subject"), &attribute.subjectKind, QStringLiteral("natural_person")) ||
            !c.optionDate(QStringLiteral("on"), &on, QDate::currentDate()))
            return c.exitCode;
        attribute.attributeKey = p.value(QStringLiteral("attribute"));
        attribute.writtenConsentRecorded = p.isSet(QStringLiteral("consent"));
        d = CollectionRules::assessAttribute(attribute, on, registry);
    } else {
        CollectionItem item;
        QDate on;
        if (!readItem(c, registry, &item.facts, &on))
            return c.exitCode;
        item.simplifiedProcedure = p.isSet(QStringLiteral("simplified"));
        item.minorViolation = p.isSet(QStringLiteral("minor"));
        item.activelyRemedied = p.isSet(QStringLiteral("remedied"));
        item.overridingLegalBasis = p.value(QStringLiteral("legal-basis"));
        d = CollectionRules::assessItem(item, on, registry);
    }
    QJsonObject object{{QStringLiteral("ok"), d.accepted()},
                       {QStringLiteral("outcome"), toKey(d.outcome)},
                       {QStringLiteral("rule"), toKey(d.rule)},
                       {QStringLiteral("policy"), d.policyId},
                       {QStringLiteral("reason"), d.reason}};
    if (d.rule == CollectionRule::LegalBasisOverride)
        object.insert(QStringLiteral("overriddenRule"), toKey(d.overriddenRule));
    c.print(object, QStringLiteral("%1\t%2").arg(toKey(d.outcome), d.reason));
    return d.accepted() ? ExitCode::Ok : ExitCode::Rejected;
}

// ---------------------------------------------------------------------------------------------------------------
// warning

int runWarning(const QStringList& args, AdminIo& io)
{
    Context c(io);
    QCommandLineParser& p = c.parser;
    p.setApplicationDescription(
        DomainCommands::tr("Social credit warnings raised by a subject's key attention listings."));
    p.addOption({QStringLiteral("listing"), DomainCommands::tr("A key attention listing as DATE:FIELD (repeatable)."),
                 DomainCommands::tr("date:field")});
    p.addOption({QStringLiteral("on"), DomainCommands::tr("Report the warning in force on this date (default: today)."),
                 DomainCommands::tr("date")});
    addPolicyOption(p);
    if (!c.parse(args))
        return c.exitCode;
    PolicyRegistry registry;
    QDate on;
    if (!c.policies(&registry) || !c.optionDate(QStringLiteral("on"), &on, QDate::currentDate()))
        return c.exitCode;
    QVector<KeyAttentionListing> listings;
    for (const QString& value : p.values(QStringLiteral("listing"))) {
        const int colon = int(value.indexOf(QLatin1Char(':')));
        KeyAttentionListing listing;
        if (colon <= 0 || colon == value.size() - 1)
            return c.fail(ExitCode::InvalidInput,
                          DomainCommands::tr("--listing must be DATE:FIELD, not '%1'.").arg(value));
        if (!c.date(value.left(colon), QStringLiteral("--listing"), &listing.listedOn))
            return c.exitCode;
        listing.fieldKey = value.mid(colon + 1);
        listing.reference = value;
        listings.append(listing);
    }
    if (listings.isEmpty())
        return c.fail(ExitCode::Usage,
                      DomainCommands::tr("Give the subject's key attention listings with --listing DATE:FIELD."));

    const QVector<CreditWarning> warnings = CreditWarnings::detect(listings, registry);
    const CreditWarning* current = CreditWarnings::inForce(warnings, on);
    QJsonArray array;
    QStringList lines;
    for (const CreditWarning& w : warnings) {
        QJsonArray used;
        for (const KeyAttentionListing& l : w.listings)
            used.append(l.reference);
        array.append(QJsonObject{{QStringLiteral("raisedOn"), jsonDate(w.raisedOn)},
                                 {QStringLiteral("windowStart"), jsonDate(w.windowStart)},
                                 {QStringLiteral("windowLastDay"), jsonDate(w.windowLastDay)},
                                 {QStringLiteral("fields"), QJsonArray::fromStringList(w.fieldKeys)},
                                 {QStringLiteral("listings"), used},
                                 {QStringLiteral("disclosureLastDay"), jsonDate(w.disclosureLastDay)},
                                 {QStringLiteral("policy"), w.policyId},
                                 {QStringLiteral("reason"), w.reason}});
        lines.append(w.reason);
    }
    if (lines.isEmpty())
        lines.append(DomainCommands::tr("The listings raise no social credit warning."));
    c.print(QJsonObject{{QStringLiteral("ok"), true},
                        {QStringLiteral("warnings"), array},
                        {QStringLiteral("inForce"), current != nullptr},
                        {QStringLiteral("inForceRaisedOn"), current ? jsonDate(current->raisedOn) : QJsonValue()}},
            lines.join(QLatin1Char('\n')));
    return ExitCode::Ok;
}

} // namespace

XMCREDIT_ADMIN_COMMAND(QStringLiteral("check-id"),
                       QT_TRANSLATE_NOOP("xmcredit-admin",
                                         "Validate a resident ID number or unified social credit code"),
                       runCheckId);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("workdays"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Working-day arithmetic (add, between, is)"), runWorkdays);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("disclosure"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Disclosure period and status of an item"), runDisclosure);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("eligibility"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Credit repair eligibility of an item"), runEligibility);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("collection"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Whether an attribute or item may be collected"),
                       runCollection);
XMCREDIT_ADMIN_COMMAND(QStringLiteral("warning"),
                       QT_TRANSLATE_NOOP("xmcredit-admin", "Social credit warnings from key attention listings"),
                       runWarning);
