#include "RecordTypes.h"

#include "domain/KeyTable.h"

#include <QCoreApplication>
#include <QHash>

#include <array>
#include <utility>

namespace {

// Key tables (domain/KeyTable.h); the enums shown by key only have no display names.
constexpr KeyTable<RecordOrigin, 2> originKeys{nullptr,
                                               {{
                                                   {RecordOrigin::Platform, "platform"},
                                                   {RecordOrigin::Local, "local"},
                                               }}};
static_assert(originKeys.inDeclarationOrder());

constexpr KeyTable<ItemStatus, 4> itemStatusKeys{
    "ItemStatus",
    {{
        {ItemStatus::Active, "active", QT_TRANSLATE_NOOP("ItemStatus", "Active")},
        {ItemStatus::Repaired, "repaired", QT_TRANSLATE_NOOP("ItemStatus", "Repaired")},
        {ItemStatus::Withdrawn, "withdrawn", QT_TRANSLATE_NOOP("ItemStatus", "Withdrawn")},
        {ItemStatus::Corrected, "corrected", QT_TRANSLATE_NOOP("ItemStatus", "Corrected")},
    }}};
static_assert(itemStatusKeys.inDeclarationOrder());

constexpr KeyTable<DisclosureMode, 3> disclosureModeKeys{
    "DisclosureMode",
    {{
        {DisclosureMode::Social, "social", QT_TRANSLATE_NOOP("DisclosureMode", "Social disclosure")},
        {DisclosureMode::Authorised, "authorised", QT_TRANSLATE_NOOP("DisclosureMode", "Authorised query")},
        {DisclosureMode::Government, "government", QT_TRANSLATE_NOOP("DisclosureMode", "Government sharing")},
    }}};
static_assert(disclosureModeKeys.inDeclarationOrder());

constexpr KeyTable<SubmissionKind, 2> submissionKindKeys{nullptr,
                                                         {{
                                                             {SubmissionKind::Subject, "subject"},
                                                             {SubmissionKind::Item, "item"},
                                                         }}};
static_assert(submissionKindKeys.inDeclarationOrder());

constexpr KeyTable<SubmissionStatus, 4> submissionStatusKeys{
    "SubmissionStatus",
    {{
        {SubmissionStatus::Pending, "pending",
         QT_TRANSLATE_NOOP("SubmissionStatus", "Awaiting sending to the platform")},
        {SubmissionStatus::Sent, "sent", QT_TRANSLATE_NOOP("SubmissionStatus", "Sent, awaiting the platform")},
        {SubmissionStatus::Acknowledged, "acknowledged",
         QT_TRANSLATE_NOOP("SubmissionStatus", "Accepted by the platform")},
        {SubmissionStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("SubmissionStatus", "Rejected by the platform")},
    }}};
static_assert(submissionStatusKeys.inDeclarationOrder());

struct ItemTypeRow
{
    const char* key;
    ItemCategory category;
    ListKind impliedList;
    bool isPenalty;
};

// The measures' enumeration of basic, trustworthy and dishonest information (DOMAIN.md), one row per type.
constexpr std::array<ItemTypeRow, 22> itemTypeRows{{
    {"registration", ItemCategory::Basic, ListKind::None, false},
    {"qualification", ItemCategory::Basic, ListKind::None, false},
    {"administrative_licence", ItemCategory::Basic, ListKind::None, false},
    {"administrative_confirmation", ItemCategory::Basic, ListKind::None, false},
    {"administrative_inspection", ItemCategory::Basic, ListKind::None, false},
    {"administrative_levy", ItemCategory::Basic, ListKind::None, false},
    {"administrative_payment", ItemCategory::Basic, ListKind::None, false},
    {"commendation", ItemCategory::Trustworthy, ListKind::None, false},
    {"public_welfare", ItemCategory::Trustworthy, ListKind::None, false},
    {"good_grade", ItemCategory::Trustworthy, ListKind::None, false},
    {"administrative_penalty", ItemCategory::Dishonest, ListKind::None, true},
    {"administrative_enforcement", ItemCategory::Dishonest, ListKind::None, false},
    {"false_materials", ItemCategory::Dishonest, ListKind::None, false},
    {"commitment_breach", ItemCategory::Dishonest, ListKind::None, false},
    {"industry_ban", ItemCategory::Dishonest, ListKind::None, false},
    {"joint_punishment_listing", ItemCategory::Dishonest, ListKind::JointPunishment, false},
    {"key_attention_listing", ItemCategory::Dishonest, ListKind::KeyAttention, false},
    {"unpaid_tax", ItemCategory::Dishonest, ListKind::None, false},
    {"unpaid_social_insurance", ItemCategory::Dishonest, ListKind::None, false},
    {"unpaid_fees", ItemCategory::Dishonest, ListKind::None, false},
    {"unpaid_government_funds", ItemCategory::Dishonest, ListKind::None, false},
    {"unfulfilled_obligation", ItemCategory::Dishonest, ListKind::None, false},
}};

} // namespace

QString toKey(RecordOrigin value)
{
    return originKeys.toKey(value);
}
QString toKey(ItemStatus value)
{
    return itemStatusKeys.toKey(value);
}
QString toKey(DisclosureMode value)
{
    return disclosureModeKeys.toKey(value);
}
QString toKey(SubmissionKind value)
{
    return submissionKindKeys.toKey(value);
}
QString toKey(SubmissionStatus value)
{
    return submissionStatusKeys.toKey(value);
}
bool fromKey(const QString& key, RecordOrigin* value)
{
    return originKeys.fromKey(key, value);
}
bool fromKey(const QString& key, ItemStatus* value)
{
    return itemStatusKeys.fromKey(key, value);
}
bool fromKey(const QString& key, DisclosureMode* value)
{
    return disclosureModeKeys.fromKey(key, value);
}
bool fromKey(const QString& key, SubmissionKind* value)
{
    return submissionKindKeys.fromKey(key, value);
}
bool fromKey(const QString& key, SubmissionStatus* value)
{
    return submissionStatusKeys.fromKey(key, value);
}

QString displayName(ItemStatus value)
{
    return itemStatusKeys.displayName(value);
}

QString displayName(DisclosureMode value)
{
    return disclosureModeKeys.displayName(value);
}

QString displayName(SubmissionStatus value)
{
    return submissionStatusKeys.displayName(value);
}

QString ItemType::displayName() const
{
    static const QHash<QString, const char*> names{
        {QStringLiteral("registration"), QT_TRANSLATE_NOOP("ItemType", "Registration")},
        {QStringLiteral("qualification"), QT_TRANSLATE_NOOP("ItemType", "Qualification")},
        {QStringLiteral("administrative_licence"), QT_TRANSLATE_NOOP("ItemType", "Administrative licence")},
        {QStringLiteral("administrative_confirmation"), QT_TRANSLATE_NOOP("ItemType", "Administrative confirmation")},
        {QStringLiteral("administrative_inspection"), QT_TRANSLATE_NOOP("ItemType", "Administrative inspection")},
        {QStringLiteral("administrative_levy"), QT_TRANSLATE_NOOP("ItemType", "Administrative levy")},
        {QStringLiteral("administrative_payment"), QT_TRANSLATE_NOOP("ItemType", "Administrative payment")},
        {QStringLiteral("commendation"), QT_TRANSLATE_NOOP("ItemType", "Commendation or award")},
        {QStringLiteral("public_welfare"), QT_TRANSLATE_NOOP("ItemType", "Public-welfare or volunteer service")},
        {QStringLiteral("good_grade"), QT_TRANSLATE_NOOP("ItemType", "Good grade in graded supervision")},
        {QStringLiteral("administrative_penalty"), QT_TRANSLATE_NOOP("ItemType", "Administrative penalty")},
        {QStringLiteral("administrative_enforcement"), QT_TRANSLATE_NOOP("ItemType", "Administrative enforcement")},
        {QStringLiteral("false_materials"), QT_TRANSLATE_NOOP("ItemType", "False materials")},
        {QStringLiteral("commitment_breach"), QT_TRANSLATE_NOOP("ItemType", "Breach of a credit commitment")},
        {QStringLiteral("industry_ban"), QT_TRANSLATE_NOOP("ItemType", "Industry restriction or ban")},
        {QStringLiteral("joint_punishment_listing"), QT_TRANSLATE_NOOP("ItemType", "Joint punishment list")},
        {QStringLiteral("key_attention_listing"), QT_TRANSLATE_NOOP("ItemType", "Key attention list")},
        {QStringLiteral("unpaid_tax"), QT_TRANSLATE_NOOP("ItemType", "Unpaid taxes")},
        {QStringLiteral("unpaid_social_insurance"), QT_TRANSLATE_NOOP("ItemType", "Unpaid social insurance")},
        {QStringLiteral("unpaid_fees"), QT_TRANSLATE_NOOP("ItemType", "Unpaid administrative fees")},
        {QStringLiteral("unpaid_government_funds"), QT_TRANSLATE_NOOP("ItemType", "Unpaid government funds")},
        {QStringLiteral("unfulfilled_obligation"),
         QT_TRANSLATE_NOOP("ItemType", "Unfulfilled obligation from a legal document")},
    };
    const char* source = names.value(key);
    return source ? QCoreApplication::translate("ItemType", source) : key;
}

namespace ItemTypes {

const QList<ItemType>& all()
{
    static const QList<ItemType> types = [] {
        QList<ItemType> list;
        for (const ItemTypeRow& row : itemTypeRows)
            list.append(ItemType{QString::fromLatin1(row.key), row.category, row.impliedList, row.isPenalty});
        return list;
    }();
    return types;
}

QList<ItemType> ofCategory(ItemCategory category)
{
    QList<ItemType> list;
    for (const ItemType& type : all()) {
        if (type.category == category)
            list.append(type);
    }
    return list;
}

bool find(const QString& key, ItemType* type)
{
    for (const ItemType& candidate : all()) {
        if (candidate.key == key) {
            if (type)
                *type = candidate;
            return true;
        }
    }
    return false;
}

} // namespace ItemTypes

namespace RegistrationStatus {

QStringList keys()
{
    return {QStringLiteral("in_business"), QStringLiteral("deregistered"), QStringLiteral("revoked"),
            QStringLiteral("moved_out")};
}

QString displayName(const QString& key)
{
    if (key == QLatin1String("in_business"))
        return QCoreApplication::translate("RegistrationStatus", "In business");
    if (key == QLatin1String("deregistered"))
        return QCoreApplication::translate("RegistrationStatus", "Deregistered");
    if (key == QLatin1String("revoked"))
        return QCoreApplication::translate("RegistrationStatus", "Business licence revoked");
    if (key == QLatin1String("moved_out"))
        return QCoreApplication::translate("RegistrationStatus", "Moved out of the city");
    return key;
}

} // namespace RegistrationStatus

namespace XiamenDistricts {

QStringList codes()
{
    return {QStringLiteral("350203"), QStringLiteral("350205"), QStringLiteral("350206"),
            QStringLiteral("350211"), QStringLiteral("350212"), QStringLiteral("350213")};
}

QString displayName(const QString& code)
{
    if (code == QLatin1String("350203"))
        return QCoreApplication::translate("XiamenDistricts", "Siming District");
    if (code == QLatin1String("350205"))
        return QCoreApplication::translate("XiamenDistricts", "Haicang District");
    if (code == QLatin1String("350206"))
        return QCoreApplication::translate("XiamenDistricts", "Huli District");
    if (code == QLatin1String("350211"))
        return QCoreApplication::translate("XiamenDistricts", "Jimei District");
    if (code == QLatin1String("350212"))
        return QCoreApplication::translate("XiamenDistricts", "Tong'an District");
    if (code == QLatin1String("350213"))
        return QCoreApplication::translate("XiamenDistricts", "Xiang'an District");
    return code;
}

} // namespace XiamenDistricts

IdentifierDisplay identifierDisplayFor(Role role)
{
    switch (role) {
    case Role::Clerk:
    case Role::Supervisor:
        return IdentifierDisplay::Full;
    case Role::Reviewer:
    case Role::Auditor:
    case Role::Administrator:
        return IdentifierDisplay::Masked;
    }
    return IdentifierDisplay::Masked;
}

QString displayIdentifier(const QString& identifier, IdentifierDisplay display)
{
    return display == IdentifierDisplay::Full ? identifier : Identifiers::mask(identifier);
}

CreditItemFacts CreditItem::facts(SubjectKind subjectKind) const
{
    CreditItemFacts f;
    f.subjectKind = subjectKind;
    f.category = category;
    f.severity = severity;
    f.listKind = listKind;
    f.fieldKey = fieldKey;
    f.penaltyKindKey = penaltyKindKey;
    f.causeKey = causeKey;
    f.decisionDate = decisionDate;
    f.legalDocumentNumber = legalDocumentNumber;
    f.repairedOn = status == ItemStatus::Repaired ? repairedOn : QDate();
    f.withdrawnOn = status == ItemStatus::Withdrawn ? withdrawnOn : QDate();
    f.objectionPending = objectionPending;
    f.declaredNonRepairable = !nonRepairableBasis.isEmpty();
    f.nonRepairableBasis = nonRepairableBasis;
    return f;
}

namespace RecordFormat {

QString timestamp(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTimestamp(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QString date(const QDate& d)
{
    if (!d.isValid())
        return QString();
    int y = 0;
    int m = 0;
    int day = 0;
    d.getDate(&y, &m, &day);
    if (y < 1000 || y > 9999)
        return d.toString(Qt::ISODate);
    // Written by hand: QDate::toString() goes through a printf, and every row of a bulk load has dates.
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + day / 10),
                               char16_t(u'0' + day % 10)};
    return QString(reinterpret_cast<const QChar*>(text), 10);
}

QDate parseDate(const QString& text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
}

QString now()
{
    return timestamp(QDateTime::currentDateTimeUtc());
}

} // namespace RecordFormat
