#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

// The vocabulary of public credit information shared by record entry, cases, timers and reports.
// Every enum has a stable machine key (toKey/fromKey) for storage, JSON and the command line, and a translated
// display name. Keys never change once shipped: stored rows and synced feeds refer to them.

enum class SubjectKind {
    NaturalPerson,              // 自然人, identified by the resident ID number
    LegalPerson,                // 法人
    UnincorporatedOrganisation, // 非法人组织
    IndividualBusiness,         // 个体工商户
};

enum class ItemCategory {
    Basic,       // 基本信息
    Trustworthy, // 守信信息
    Dishonest,   // 失信信息
};

enum class Severity {
    General, // 一般失信
    Serious, // 严重失信
};

// The list a dishonest item records a listing in. A social credit warning is raised from key attention listings
// and is kept like a listing of its own, because it has its own disclosure period.
enum class ListKind {
    None,
    JointPunishment, // 失信联合惩戒对象名单
    KeyAttention,    // 重点关注名单
    CreditWarning,   // 社会信用预警
};

// What decides how long an item is disclosed: one row of the policy's disclosure table.
enum class DisclosureKind {
    General,
    Serious,
    JointPunishmentList,
    KeyAttentionList,
    CreditWarning,
};

enum class CaseKind {
    Repair,    // 信用修复
    Objection, // 异议
};

// A time-limited stage of a case. Repair: municipal review, then platform (provincial and national) review, and
// the limit of both together. Objection: one stage.
enum class CaseStage {
    RepairMunicipal,
    RepairPlatform,
    RepairTotal,
    Objection,
};

QString toKey(SubjectKind value);
QString toKey(ItemCategory value);
QString toKey(Severity value);
QString toKey(ListKind value);
QString toKey(DisclosureKind value);
QString toKey(CaseKind value);
QString toKey(CaseStage value);

// Each returns false (and leaves *value alone) when key is not one of the enum's keys.
bool fromKey(const QString& key, SubjectKind* value);
bool fromKey(const QString& key, ItemCategory* value);
bool fromKey(const QString& key, Severity* value);
bool fromKey(const QString& key, ListKind* value);
bool fromKey(const QString& key, DisclosureKind* value);
bool fromKey(const QString& key, CaseKind* value);
bool fromKey(const QString& key, CaseStage* value);

// All keys of an enum, in declaration order (for help texts and combo boxes).
template<typename Enum> QStringList allKeys();
template<> QStringList allKeys<SubjectKind>();
template<> QStringList allKeys<ItemCategory>();
template<> QStringList allKeys<Severity>();
template<> QStringList allKeys<ListKind>();
template<> QStringList allKeys<DisclosureKind>();
template<> QStringList allKeys<CaseKind>();
template<> QStringList allKeys<CaseStage>();

// Translated names for the user interface.
QString displayName(SubjectKind value);
QString displayName(ItemCategory value);
QString displayName(Severity value);
QString displayName(ListKind value);
QString displayName(DisclosureKind value);
QString displayName(CaseKind value);
QString displayName(CaseStage value);

// The facts about one credit item that the rules look at. Record entry fills it from the form, the records
// layer from its row; the rules never need anything else. Keys of fields, penalty kinds and causes are the
// policy profile's keys (e.g. "food", "permit_revocation", "bribery"); an empty key means "not recorded".
struct CreditItemFacts
{
    SubjectKind subjectKind = SubjectKind::LegalPerson;
    ItemCategory category = ItemCategory::Basic;
    Severity severity = Severity::General;
    ListKind listKind = ListKind::None;
    QString fieldKey;       // industry or field the item concerns
    QString penaltyKindKey; // for an administrative penalty: its kind
    QString causeKey;       // for a penalty: the behaviour it was imposed for
    QDate decisionDate;     // date of the legally effective document; disclosure periods run from it
    QString legalDocumentNumber;
    QDate repairedOn;              // valid once a repair was granted
    QDate withdrawnOn;             // valid once withdrawn (删除 as a status, never a physical delete)
    bool objectionPending = false; // an objection case is open on the item
    // Case (c) of the non-repairable rule: a law, regulation or rule declares this item non-repairable.
    // The basis is quoted to the applicant, so it must be filled when the flag is set.
    bool declaredNonRepairable = false;
    QString nonRepairableBasis;
};

// The disclosure kind of a dishonest item: its list when it is listed, else its severity. Basic and trustworthy
// items have no disclosure period in the policy; for them *kind is left alone and false is returned.
bool disclosureKindOf(const CreditItemFacts& facts, DisclosureKind* kind);
