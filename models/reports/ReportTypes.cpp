#include "ReportTypes.h"

#include "domain/Identifiers.h"
#include "domain/PolicyProfile.h"
#include "domain/TextRules.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace {

const QString ResidentIdCard = QStringLiteral("resident_id_card");
const QString OtherPurpose = QStringLiteral("other");

QString dateText(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

QString toKey(ReportKind value)
{
    return value == ReportKind::Public ? QStringLiteral("public") : QStringLiteral("special");
}

QString toKey(ReportBasisKind value)
{
    switch (value) {
    case ReportBasisKind::Self:
        return QStringLiteral("self");
    case ReportBasisKind::Authorised:
        return QStringLiteral("authorised");
    case ReportBasisKind::Agency:
        return QStringLiteral("agency");
    }
    return QString();
}

bool fromKey(const QString& key, ReportKind* value)
{
    for (ReportKind kind : {ReportKind::Public, ReportKind::Special}) {
        if (toKey(kind) == key) {
            *value = kind;
            return true;
        }
    }
    return false;
}

bool fromKey(const QString& key, ReportBasisKind* value)
{
    for (ReportBasisKind kind : {ReportBasisKind::Self, ReportBasisKind::Authorised, ReportBasisKind::Agency}) {
        if (toKey(kind) == key) {
            *value = kind;
            return true;
        }
    }
    return false;
}

QString displayName(ReportKind value)
{
    return value == ReportKind::Public ? QCoreApplication::translate("ReportTypes", "Public Credit Information Report")
                                       : QCoreApplication::translate("ReportTypes", "Special Credit Report");
}

QString displayName(ReportBasisKind value)
{
    switch (value) {
    case ReportBasisKind::Self:
        return QCoreApplication::translate("ReportTypes", "The subject itself (identity verified)");
    case ReportBasisKind::Authorised:
        return QCoreApplication::translate("ReportTypes", "Authorised by the subject");
    case ReportBasisKind::Agency:
        return QCoreApplication::translate("ReportTypes", "Government agency");
    }
    return QString();
}

DisclosureMode ReportBasis::mode() const
{
    return kind == ReportBasisKind::Agency ? DisclosureMode::Government : DisclosureMode::Authorised;
}

QJsonObject ReportBasis::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), toKey(kind)}};
    auto put = [&json](const char* key, const QString& value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    switch (kind) {
    case ReportBasisKind::Self:
        put("capacity", capacity);
        put("applicantName", applicantName);
        put("documentType", documentType);
        put("documentNumber", Identifiers::mask(documentNumber));
        put("verifiedBy", verifiedBy);
        break;
    case ReportBasisKind::Authorised:
        put("applicantName", applicantName);
        put("documentType", documentType);
        put("documentNumber", Identifiers::mask(documentNumber));
        put("verifiedBy", verifiedBy);
        put("authorisationRef", authorisationRef);
        put("validFrom", dateText(validFrom));
        put("validUntil", dateText(validUntil));
        put("scanFileName", scanFileName);
        break;
    case ReportBasisKind::Agency:
        put("agency", agency);
        put("agencyDocument", agencyDocument);
        put("purpose", purpose);
        put("purposeRule", purposeRule);
        break;
    }
    return json;
}

ReportBasis ReportBasis::fromJson(const QJsonObject& json)
{
    ReportBasis b;
    fromKey(json.value(QLatin1String("kind")).toString(), &b.kind);
    auto get = [&json](const char* key) { return json.value(QLatin1String(key)).toString(); };
    b.capacity = get("capacity");
    b.applicantName = get("applicantName");
    b.documentType = get("documentType");
    b.documentNumber = get("documentNumber");
    b.verifiedBy = get("verifiedBy");
    b.authorisationRef = get("authorisationRef");
    b.validFrom = QDate::fromString(get("validFrom"), Qt::ISODate);
    b.validUntil = QDate::fromString(get("validUntil"), Qt::ISODate);
    b.scanFileName = get("scanFileName");
    b.agency = get("agency");
    b.agencyDocument = get("agencyDocument");
    b.purpose = get("purpose");
    b.purposeRule = get("purposeRule");
    return b;
}

QString ReportBasis::auditText() const
{
    QStringList parts;
    const QJsonObject json = toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != QLatin1String("kind"))
            parts << it.key() + QLatin1Char('=') + it.value().toString();
    }
    return toKey(kind) + QStringLiteral(": ") + parts.join(QStringLiteral("; "));
}

QString ReportBasis::printedBasis() const
{
    using namespace ReportBases;
    switch (kind) {
    case ReportBasisKind::Self:
        return (capacity == QLatin1String("representative")
                    ? QCoreApplication::translate("ReportTypes", "Query by the legal representative %1; %2 %3, %4.")
                    : QCoreApplication::translate("ReportTypes", "Self-query by %1; %2 %3, %4."))
            .arg(applicantName, labelOf(identityDocuments(), documentType), Identifiers::mask(documentNumber),
                 labelOf(verificationMethods(), verifiedBy));
    case ReportBasisKind::Authorised:
        return QCoreApplication::translate(
                   "ReportTypes", "Query by %1 (%2 %3) with the subject's written authorisation %4, valid %5 to %6.")
            .arg(applicantName, labelOf(identityDocuments(), documentType), Identifiers::mask(documentNumber),
                 authorisationRef, dateText(validFrom), dateText(validUntil));
    case ReportBasisKind::Agency:
        return QCoreApplication::translate("ReportTypes", "Query by %1 under document %2.").arg(agency, agencyDocument);
    }
    return QString();
}

QString ReportBasis::printedPurpose() const
{
    switch (kind) {
    case ReportBasisKind::Self:
        return QCoreApplication::translate("ReportTypes", "Self-query of one's own public credit information");
    case ReportBasisKind::Authorised:
        return QCoreApplication::translate("ReportTypes", "Query authorised by the subject");
    case ReportBasisKind::Agency: {
        const QString label = ReportBases::labelOf(ReportBases::purposes(), purpose);
        return purposeRule.isEmpty()
                   ? label
                   : QCoreApplication::translate("ReportTypes", "%1 (set by %2)").arg(label, purposeRule);
    }
    }
    return QString();
}

namespace ReportBases {

QList<QPair<QString, QString>> identityDocuments()
{
    return {
        {ResidentIdCard, QCoreApplication::translate("ReportTypes", "Resident ID card")},
        {QStringLiteral("temporary_id_card"), QCoreApplication::translate("ReportTypes", "Temporary resident ID card")},
        {QStringLiteral("passport"), QCoreApplication::translate("ReportTypes", "Passport")},
        {QStringLiteral("residence_permit"),
         QCoreApplication::translate("ReportTypes", "Residence permit (Hong Kong, Macao, Taiwan)")},
        {QStringLiteral("business_licence_and_id"),
         QCoreApplication::translate("ReportTypes", "Business licence and the legal representative's ID card")},
    };
}

QList<QPair<QString, QString>> verificationMethods()
{
    return {
        {QStringLiteral("card_reader"), QCoreApplication::translate("ReportTypes", "Read with the ID card reader")},
        {QStringLiteral("in_person_comparison"),
         QCoreApplication::translate("ReportTypes", "Compared with the holder in person")},
        {QStringLiteral("online_verification"),
         QCoreApplication::translate("ReportTypes", "Checked online with the issuing authority")},
    };
}

QList<QPair<QString, QString>> purposes()
{
    return {
        {QStringLiteral("licensing_inspection_penalty"),
         QCoreApplication::translate("ReportTypes",
                                     "(1) Administrative licensing, inspection or a larger administrative penalty")},
        {QStringLiteral("procurement_funding_land_research"),
         QCoreApplication::translate(
             "ReportTypes",
             "(2) Government procurement, bidding, funds and projects, state land use rights, research management")},
        {QStringLiteral("civil_servant_personnel"),
         QCoreApplication::translate("ReportTypes",
                                     "(3) Civil servant recruitment, appointment, promotion or title evaluation")},
        {QStringLiteral("commendation_award"),
         QCoreApplication::translate("ReportTypes", "(4) Commendations and awards")},
        {QStringLiteral("public_safety_risk"),
         QCoreApplication::translate("ReportTypes", "(5) Public safety risk analysis")},
        {OtherPurpose,
         QCoreApplication::translate("ReportTypes", "(6) Another case set by the state, the province or the city")},
    };
}

QString labelOf(const QList<QPair<QString, QString>>& table, const QString& key)
{
    for (const auto& entry : table) {
        if (entry.first == key)
            return entry.second;
    }
    return key;
}

namespace {
bool hasKey(const QList<QPair<QString, QString>>& table, const QString& key)
{
    for (const auto& entry : table) {
        if (entry.first == key)
            return true;
    }
    return false;
}
} // namespace

QStringList problems(const ReportBasis& b, const Subject& subject, const QDate& on)
{
    QStringList out;
    auto identity = [&]() {
        if (b.applicantName.trimmed().isEmpty())
            out << QCoreApplication::translate("ReportTypes", "The applicant's name is missing.");
        if (!hasKey(identityDocuments(), b.documentType))
            out << QCoreApplication::translate("ReportTypes", "Say which identity document the applicant showed.");
        if (b.documentNumber.trimmed().isEmpty()) {
            out << QCoreApplication::translate("ReportTypes",
                                               "The number of the applicant's identity document is missing.");
        } else if (b.documentType == ResidentIdCard) {
            const IdentifierCheck check = Identifiers::checkResidentId(b.documentNumber, on);
            if (!check.valid())
                out << QCoreApplication::translate("ReportTypes", "The applicant's resident ID number is not valid: %1")
                           .arg(check.message());
        }
        if (!hasKey(verificationMethods(), b.verifiedBy))
            out << QCoreApplication::translate("ReportTypes", "Say how the identity document was checked.");
    };
    switch (b.kind) {
    case ReportBasisKind::Self:
        identity();
        if (b.capacity != QLatin1String("self") && b.capacity != QLatin1String("representative")) {
            out << QCoreApplication::translate(
                "ReportTypes", "Say whether the applicant is the subject in person or its legal representative.");
        } else if (b.capacity == QLatin1String("self")) {
            if (!subject.isNaturalPerson())
                out << QCoreApplication::translate(
                    "ReportTypes",
                    "An organisation cannot appear in person: its legal representative applies for it, or an "
                    "agent with its written authorisation.");
            else if (!b.documentNumber.trimmed().isEmpty() &&
                     Identifiers::normalise(b.documentNumber) != subject.identifier)
                out << QCoreApplication::translate(
                    "ReportTypes",
                    "The identity document does not belong to the subject: a report about someone else needs "
                    "their written authorisation.");
        } else if (subject.isNaturalPerson()) {
            out << QCoreApplication::translate(
                "ReportTypes",
                "A natural person has no legal representative: they come in person or authorise someone.");
        } else if (subject.legalRepresentative.trimmed().isEmpty()) {
            out << QCoreApplication::translate("ReportTypes",
                                               "The subject has no legal representative on record, so nobody can be "
                                               "checked as one: a report for its agent needs its written "
                                               "authorisation.");
        } else if (b.applicantName.trimmed() != subject.legalRepresentative.trimmed()) {
            out << QCoreApplication::translate(
                       "ReportTypes",
                       "The applicant is not the subject's recorded legal representative (%1): a report for anyone "
                       "else needs the subject's written authorisation.")
                       .arg(subject.legalRepresentative);
        }
        break;
    case ReportBasisKind::Authorised:
        identity();
        if (b.authorisationRef.trimmed().isEmpty())
            out << QCoreApplication::translate("ReportTypes",
                                               "Identify the written authorisation (its date or number).");
        if (!b.validFrom.isValid() || !b.validUntil.isValid())
            out << QCoreApplication::translate("ReportTypes", "The authorisation's validity dates are missing.");
        else if (b.validUntil < b.validFrom)
            out << QCoreApplication::translate("ReportTypes", "The authorisation ends before it starts.");
        else if (on < b.validFrom || on > b.validUntil)
            out << QCoreApplication::translate("ReportTypes", "The authorisation is not valid on %1 (valid %2 to %3).")
                       .arg(dateText(on), dateText(b.validFrom), dateText(b.validUntil));
        if (b.scan.isEmpty())
            out << QCoreApplication::translate("ReportTypes",
                                               "Scan the subject's written authorisation and attach it.");
        if (!b.documentNumber.trimmed().isEmpty() && Identifiers::normalise(b.documentNumber) == subject.identifier)
            out << QCoreApplication::translate("ReportTypes",
                                               "The applicant is the subject itself: choose a self-query.");
        break;
    case ReportBasisKind::Agency:
        if (b.agency.trimmed().isEmpty())
            out << QCoreApplication::translate("ReportTypes", "Name the government agency that asks.");
        if (b.agencyDocument.trimmed().isEmpty())
            out << QCoreApplication::translate(
                "ReportTypes", "The number of the agency's document (its letter or request) is missing.");
        if (!hasKey(purposes(), b.purpose))
            out << QCoreApplication::translate("ReportTypes",
                                               "Choose which of the six purposes the agency queries for.");
        else if (b.purpose == OtherPurpose && b.purposeRule.trimmed().isEmpty())
            out << QCoreApplication::translate("ReportTypes",
                                               "Purpose (6) needs the state, provincial or city rule that sets it.");
        break;
    }
    // Whatever the kind, typed text goes into a signed report as typed: no control characters, unreadable characters,
    // direction overrides or oversized values.
    for (const auto& [text, label] :
         {std::pair{b.applicantName, QCoreApplication::translate("ReportTypes", "The applicant's name")},
          std::pair{b.documentNumber, QCoreApplication::translate("ReportTypes", "The document number")},
          std::pair{b.authorisationRef, QCoreApplication::translate("ReportTypes", "The authorisation's reference")},
          std::pair{b.agency, QCoreApplication::translate("ReportTypes", "The agency")},
          std::pair{b.agencyDocument, QCoreApplication::translate("ReportTypes", "The agency's document")},
          std::pair{b.purposeRule, QCoreApplication::translate("ReportTypes", "The rule")}}) {
        const QString problem = TextRules::problem(text, label, 200);
        if (!problem.isEmpty())
            out << problem;
    }
    return out;
}

} // namespace ReportBases

QStringList SpecialScope::problems(const PolicyProfile& profile, const QDate& on) const
{
    QStringList out;
    if (!from.isValid() || !to.isValid())
        out << QCoreApplication::translate("ReportTypes", "A special report needs the period it covers (from and to).");
    else if (to < from)
        out << QCoreApplication::translate("ReportTypes", "The period ends before it starts.");
    else if (to > on)
        out << QCoreApplication::translate("ReportTypes", "The period cannot end after today (%1).").arg(dateText(on));
    if (fields.isEmpty())
        out << QCoreApplication::translate("ReportTypes", "Choose at least one field for the special report.");
    for (const QString& field : fields) {
        if (!profile.hasTerm(PolicyProfile::Catalogue::Field, field))
            out << QCoreApplication::translate("ReportTypes", "%1 is not a field of the policy in force.").arg(field);
    }
    return out;
}
