#include "CreditTypes.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace {

// One table per enum keeps key and value side by side, so toKey and fromKey cannot drift apart.
template<typename Enum, std::size_t N> using KeyTable = std::array<std::pair<Enum, const char*>, N>;

constexpr KeyTable<SubjectKind, 4> subjectKindKeys{{
    {SubjectKind::NaturalPerson, "natural_person"},
    {SubjectKind::LegalPerson, "legal_person"},
    {SubjectKind::UnincorporatedOrganisation, "unincorporated_organisation"},
    {SubjectKind::IndividualBusiness, "individual_business"},
}};

constexpr KeyTable<ItemCategory, 3> categoryKeys{{
    {ItemCategory::Basic, "basic"},
    {ItemCategory::Trustworthy, "trustworthy"},
    {ItemCategory::Dishonest, "dishonest"},
}};

constexpr KeyTable<Severity, 2> severityKeys{{
    {Severity::General, "general"},
    {Severity::Serious, "serious"},
}};

constexpr KeyTable<ListKind, 4> listKindKeys{{
    {ListKind::None, "none"},
    {ListKind::JointPunishment, "joint_punishment"},
    {ListKind::KeyAttention, "key_attention"},
    {ListKind::CreditWarning, "credit_warning"},
}};

constexpr KeyTable<DisclosureKind, 5> disclosureKindKeys{{
    {DisclosureKind::General, "general"},
    {DisclosureKind::Serious, "serious"},
    {DisclosureKind::JointPunishmentList, "joint_punishment_list"},
    {DisclosureKind::KeyAttentionList, "key_attention_list"},
    {DisclosureKind::CreditWarning, "credit_warning"},
}};

constexpr KeyTable<CaseKind, 2> caseKindKeys{{
    {CaseKind::Repair, "repair"},
    {CaseKind::Objection, "objection"},
}};

constexpr KeyTable<CaseStage, 4> caseStageKeys{{
    {CaseStage::RepairMunicipal, "repair_municipal"},
    {CaseStage::RepairPlatform, "repair_platform"},
    {CaseStage::RepairTotal, "repair_total"},
    {CaseStage::Objection, "objection"},
}};

template<typename Enum, std::size_t N> QString keyOf(const KeyTable<Enum, N>& table, Enum value)
{
    for (const auto& [entry, key] : table) {
        if (entry == value)
            return QString::fromLatin1(key);
    }
    return QString();
}

template<typename Enum, std::size_t N> bool valueOf(const KeyTable<Enum, N>& table, const QString& key, Enum* value)
{
    for (const auto& [entry, text] : table) {
        if (key == QLatin1String(text)) {
            *value = entry;
            return true;
        }
    }
    return false;
}

template<typename Enum, std::size_t N> QStringList keysOf(const KeyTable<Enum, N>& table)
{
    QStringList keys;
    for (const auto& entry : table)
        keys.append(QString::fromLatin1(entry.second));
    return keys;
}

} // namespace

QString toKey(SubjectKind value)
{
    return keyOf(subjectKindKeys, value);
}
QString toKey(ItemCategory value)
{
    return keyOf(categoryKeys, value);
}
QString toKey(Severity value)
{
    return keyOf(severityKeys, value);
}
QString toKey(ListKind value)
{
    return keyOf(listKindKeys, value);
}
QString toKey(DisclosureKind value)
{
    return keyOf(disclosureKindKeys, value);
}
QString toKey(CaseKind value)
{
    return keyOf(caseKindKeys, value);
}
QString toKey(CaseStage value)
{
    return keyOf(caseStageKeys, value);
}

bool fromKey(const QString& key, SubjectKind* value)
{
    return valueOf(subjectKindKeys, key, value);
}
bool fromKey(const QString& key, ItemCategory* value)
{
    return valueOf(categoryKeys, key, value);
}
bool fromKey(const QString& key, Severity* value)
{
    return valueOf(severityKeys, key, value);
}
bool fromKey(const QString& key, ListKind* value)
{
    return valueOf(listKindKeys, key, value);
}
bool fromKey(const QString& key, DisclosureKind* value)
{
    return valueOf(disclosureKindKeys, key, value);
}
bool fromKey(const QString& key, CaseKind* value)
{
    return valueOf(caseKindKeys, key, value);
}
bool fromKey(const QString& key, CaseStage* value)
{
    return valueOf(caseStageKeys, key, value);
}

template<> QStringList allKeys<SubjectKind>()
{
    return keysOf(subjectKindKeys);
}
template<> QStringList allKeys<ItemCategory>()
{
    return keysOf(categoryKeys);
}
template<> QStringList allKeys<Severity>()
{
    return keysOf(severityKeys);
}
template<> QStringList allKeys<ListKind>()
{
    return keysOf(listKindKeys);
}
template<> QStringList allKeys<DisclosureKind>()
{
    return keysOf(disclosureKindKeys);
}
template<> QStringList allKeys<CaseKind>()
{
    return keysOf(caseKindKeys);
}
template<> QStringList allKeys<CaseStage>()
{
    return keysOf(caseStageKeys);
}

QString displayName(SubjectKind value)
{
    switch (value) {
    case SubjectKind::NaturalPerson:
        return QCoreApplication::translate("CreditTypes", "Natural person");
    case SubjectKind::LegalPerson:
        return QCoreApplication::translate("CreditTypes", "Legal person");
    case SubjectKind::UnincorporatedOrganisation:
        return QCoreApplication::translate("CreditTypes", "Unincorporated organisation");
    case SubjectKind::IndividualBusiness:
        return QCoreApplication::translate("CreditTypes", "Individual business");
    }
    return QString();
}

QString displayName(ItemCategory value)
{
    switch (value) {
    case ItemCategory::Basic:
        return QCoreApplication::translate("CreditTypes", "Basic information");
    case ItemCategory::Trustworthy:
        return QCoreApplication::translate("CreditTypes", "Trustworthy information");
    case ItemCategory::Dishonest:
        return QCoreApplication::translate("CreditTypes", "Dishonest information");
    }
    return QString();
}

QString displayName(Severity value)
{
    switch (value) {
    case Severity::General:
        return QCoreApplication::translate("CreditTypes", "General dishonest behaviour");
    case Severity::Serious:
        return QCoreApplication::translate("CreditTypes", "Serious dishonest behaviour");
    }
    return QString();
}

QString displayName(ListKind value)
{
    switch (value) {
    case ListKind::None:
        return QCoreApplication::translate("CreditTypes", "Not listed");
    case ListKind::JointPunishment:
        return QCoreApplication::translate("CreditTypes", "Joint punishment list");
    case ListKind::KeyAttention:
        return QCoreApplication::translate("CreditTypes", "Key attention list");
    case ListKind::CreditWarning:
        return QCoreApplication::translate("CreditTypes", "Social credit warning");
    }
    return QString();
}

QString displayName(DisclosureKind value)
{
    switch (value) {
    case DisclosureKind::General:
        return QCoreApplication::translate("CreditTypes", "General dishonest behaviour");
    case DisclosureKind::Serious:
        return QCoreApplication::translate("CreditTypes", "Serious dishonest behaviour");
    case DisclosureKind::JointPunishmentList:
        return QCoreApplication::translate("CreditTypes", "Joint punishment list");
    case DisclosureKind::KeyAttentionList:
        return QCoreApplication::translate("CreditTypes", "Key attention list");
    case DisclosureKind::CreditWarning:
        return QCoreApplication::translate("CreditTypes", "Social credit warning");
    }
    return QString();
}

QString displayName(CaseKind value)
{
    switch (value) {
    case CaseKind::Repair:
        return QCoreApplication::translate("CreditTypes", "Credit repair");
    case CaseKind::Objection:
        return QCoreApplication::translate("CreditTypes", "Objection");
    }
    return QString();
}

QString displayName(CaseStage value)
{
    switch (value) {
    case CaseStage::RepairMunicipal:
        return QCoreApplication::translate("CreditTypes", "Municipal preliminary review");
    case CaseStage::RepairPlatform:
        return QCoreApplication::translate("CreditTypes", "Provincial and national review");
    case CaseStage::RepairTotal:
        return QCoreApplication::translate("CreditTypes", "Credit repair as a whole");
    case CaseStage::Objection:
        return QCoreApplication::translate("CreditTypes", "Objection handling");
    }
    return QString();
}

bool disclosureKindOf(const CreditItemFacts& facts, DisclosureKind* kind)
{
    if (facts.category != ItemCategory::Dishonest)
        return false;
    // A listing has its own period whatever the severity of the behaviour behind it.
    switch (facts.listKind) {
    case ListKind::JointPunishment:
        *kind = DisclosureKind::JointPunishmentList;
        return true;
    case ListKind::KeyAttention:
        *kind = DisclosureKind::KeyAttentionList;
        return true;
    case ListKind::CreditWarning:
        *kind = DisclosureKind::CreditWarning;
        return true;
    case ListKind::None:
        break;
    }
    *kind = facts.severity == Severity::Serious ? DisclosureKind::Serious : DisclosureKind::General;
    return true;
}
