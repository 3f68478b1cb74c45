#include "CreditTypes.h"

#include "KeyTable.h"

namespace {

// One table per enum: key, value and display name side by side (KeyTable.h).
constexpr KeyTable<SubjectKind, 4> subjectKindKeys{
    "CreditTypes",
    {{
        {SubjectKind::NaturalPerson, "natural_person", QT_TRANSLATE_NOOP("CreditTypes", "Natural person")},
        {SubjectKind::LegalPerson, "legal_person", QT_TRANSLATE_NOOP("CreditTypes", "Legal person")},
        {SubjectKind::UnincorporatedOrganisation, "unincorporated_organisation",
         QT_TRANSLATE_NOOP("CreditTypes", "Unincorporated organisation")},
        {SubjectKind::IndividualBusiness, "individual_business",
         QT_TRANSLATE_NOOP("CreditTypes", "Individual business")},
    }}};
static_assert(subjectKindKeys.inDeclarationOrder());

constexpr KeyTable<ItemCategory, 3> categoryKeys{
    "CreditTypes",
    {{
        {ItemCategory::Basic, "basic", QT_TRANSLATE_NOOP("CreditTypes", "Basic information")},
        {ItemCategory::Trustworthy, "trustworthy", QT_TRANSLATE_NOOP("CreditTypes", "Trustworthy information")},
        {ItemCategory::Dishonest, "dishonest", QT_TRANSLATE_NOOP("CreditTypes", "Dishonest information")},
    }}};
static_assert(categoryKeys.inDeclarationOrder());

constexpr KeyTable<Severity, 2> severityKeys{
    "CreditTypes",
    {{
        {Severity::General, "general", QT_TRANSLATE_NOOP("CreditTypes", "General dishonest behaviour")},
        {Severity::Serious, "serious", QT_TRANSLATE_NOOP("CreditTypes", "Serious dishonest behaviour")},
    }}};
static_assert(severityKeys.inDeclarationOrder());

constexpr KeyTable<ListKind, 4> listKindKeys{
    "CreditTypes",
    {{
        {ListKind::None, "none", QT_TRANSLATE_NOOP("CreditTypes", "Not listed")},
        {ListKind::JointPunishment, "joint_punishment", QT_TRANSLATE_NOOP("CreditTypes", "Joint punishment list")},
        {ListKind::KeyAttention, "key_attention", QT_TRANSLATE_NOOP("CreditTypes", "Key attention list")},
        {ListKind::CreditWarning, "credit_warning", QT_TRANSLATE_NOOP("CreditTypes", "Social credit warning")},
    }}};
static_assert(listKindKeys.inDeclarationOrder());

constexpr KeyTable<DisclosureKind, 5> disclosureKindKeys{
    "CreditTypes",
    {{
        {DisclosureKind::General, "general", QT_TRANSLATE_NOOP("CreditTypes", "General dishonest behaviour")},
        {DisclosureKind::Serious, "serious", QT_TRANSLATE_NOOP("CreditTypes", "Serious dishonest behaviour")},
        {DisclosureKind::JointPunishmentList, "joint_punishment_list",
         QT_TRANSLATE_NOOP("CreditTypes", "Joint punishment list")},
        {DisclosureKind::KeyAttentionList, "key_attention_list",
         QT_TRANSLATE_NOOP("CreditTypes", "Key attention list")},
        {DisclosureKind::CreditWarning, "credit_warning", QT_TRANSLATE_NOOP("CreditTypes", "Social credit warning")},
    }}};
static_assert(disclosureKindKeys.inDeclarationOrder());

constexpr KeyTable<CaseKind, 2> caseKindKeys{
    "CreditTypes",
    {{
        {CaseKind::Repair, "repair", QT_TRANSLATE_NOOP("CreditTypes", "Credit repair")},
        {CaseKind::Objection, "objection", QT_TRANSLATE_NOOP("CreditTypes", "Objection")},
    }}};
static_assert(caseKindKeys.inDeclarationOrder());

constexpr KeyTable<CaseStage, 4> caseStageKeys{
    "CreditTypes",
    {{
        {CaseStage::RepairMunicipal, "repair_municipal",
         QT_TRANSLATE_NOOP("CreditTypes", "Municipal preliminary review")},
        {CaseStage::RepairPlatform, "repair_platform",
         QT_TRANSLATE_NOOP("CreditTypes", "Provincial and national review")},
        {CaseStage::RepairTotal, "repair_total", QT_TRANSLATE_NOOP("CreditTypes", "Credit repair as a whole")},
        {CaseStage::Objection, "objection", QT_TRANSLATE_NOOP("CreditTypes", "Objection handling")},
    }}};
static_assert(caseStageKeys.inDeclarationOrder());

} // namespace

QString toKey(SubjectKind value)
{
    return subjectKindKeys.toKey(value);
}
QString toKey(ItemCategory value)
{
    return categoryKeys.toKey(value);
}
QString toKey(Severity value)
{
    return severityKeys.toKey(value);
}
QString toKey(ListKind value)
{
    return listKindKeys.toKey(value);
}
QString toKey(DisclosureKind value)
{
    return disclosureKindKeys.toKey(value);
}
QString toKey(CaseKind value)
{
    return caseKindKeys.toKey(value);
}
QString toKey(CaseStage value)
{
    return caseStageKeys.toKey(value);
}

bool fromKey(const QString& key, SubjectKind* value)
{
    return subjectKindKeys.fromKey(key, value);
}
bool fromKey(const QString& key, ItemCategory* value)
{
    return categoryKeys.fromKey(key, value);
}
bool fromKey(const QString& key, Severity* value)
{
    return severityKeys.fromKey(key, value);
}
bool fromKey(const QString& key, ListKind* value)
{
    return listKindKeys.fromKey(key, value);
}
bool fromKey(const QString& key, DisclosureKind* value)
{
    return disclosureKindKeys.fromKey(key, value);
}
bool fromKey(const QString& key, CaseKind* value)
{
    return caseKindKeys.fromKey(key, value);
}
bool fromKey(const QString& key, CaseStage* value)
{
    return caseStageKeys.fromKey(key, value);
}

template<> QStringList allKeys<SubjectKind>()
{
    return subjectKindKeys.keys();
}
template<> QStringList allKeys<ItemCategory>()
{
    return categoryKeys.keys();
}
template<> QStringList allKeys<Severity>()
{
    return severityKeys.keys();
}
template<> QStringList allKeys<ListKind>()
{
    return listKindKeys.keys();
}
template<> QStringList allKeys<DisclosureKind>()
{
    return disclosureKindKeys.keys();
}
template<> QStringList allKeys<CaseKind>()
{
    return caseKindKeys.keys();
}
template<> QStringList allKeys<CaseStage>()
{
    return caseStageKeys.keys();
}

QString displayName(SubjectKind value)
{
    return subjectKindKeys.displayName(value);
}
QString displayName(ItemCategory value)
{
    return categoryKeys.displayName(value);
}
QString displayName(Severity value)
{
    return severityKeys.displayName(value);
}
QString displayName(ListKind value)
{
    return listKindKeys.displayName(value);
}
QString displayName(DisclosureKind value)
{
    return disclosureKindKeys.displayName(value);
}
QString displayName(CaseKind value)
{
    return caseKindKeys.displayName(value);
}
QString displayName(CaseStage value)
{
    return caseStageKeys.displayName(value);
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
