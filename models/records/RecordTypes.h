#pragma once

#include "domain/CreditTypes.h"
#include "domain/Identifiers.h"
#include "storage/Roles.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Subjects and credit items as the records layer stores them (tables subjects, credit_items,
// record_submissions; resources/migrations/0002_records.sql). Each enum has a stable key for storage and JSON
// and a translated display name, like the domain's enums.

// Where a row came from: the platform (read-only here) or an entry at this workstation.
enum class RecordOrigin {
    Platform,
    Local,
};

// The stored state of an item. What it means today (in disclosure, expired, …) is the domain's answer.
enum class ItemStatus {
    Active,
    Repaired,  // credit repair granted: disclosure stopped, the item stays with its history
    Withdrawn, // removed after an objection (删除 as a status, never a physical delete)
    Corrected, // corrected after an objection (更正); disclosed like an active item
};

enum class DisclosureMode {
    Social,     // 社会公开
    Authorised, // 授权查询
    Government, // 政务共享
};

enum class SubmissionKind {
    Subject, // a subject not yet on the platform
    Item,    // a credit item handed over on paper
};

enum class SubmissionStatus {
    Pending,      // saved here, not yet sent
    Sent,         // pushed to the platform, no answer yet
    Acknowledged, // the platform took it (it comes back through sync as a platform record)
    Rejected,     // the platform refused it (status_reason says why)
};

QString toKey(RecordOrigin value);
QString toKey(ItemStatus value);
QString toKey(DisclosureMode value);
QString toKey(SubmissionKind value);
QString toKey(SubmissionStatus value);
bool fromKey(const QString& key, RecordOrigin* value);
bool fromKey(const QString& key, ItemStatus* value);
bool fromKey(const QString& key, DisclosureMode* value);
bool fromKey(const QString& key, SubmissionKind* value);
bool fromKey(const QString& key, SubmissionStatus* value);
QString displayName(ItemStatus value);
QString displayName(DisclosureMode value);
QString displayName(SubmissionStatus value);

// The types of item the measures name, each in one category. Stored as keys in credit_items.item_type.
struct ItemType
{
    QString key;
    ItemCategory category = ItemCategory::Basic;
    // The list a listing type records (key_attention_listing -> KeyAttention); None for the others.
    ListKind impliedList = ListKind::None;
    // True for types that are administrative penalties (penalty kind and cause apply).
    bool isPenalty = false;
    QString displayName() const;
};

namespace ItemTypes {
// Every item type, grouped by category in the order of the measures.
const QList<ItemType>& all();
QList<ItemType> ofCategory(ItemCategory category);
// Returns false when key is unknown.
bool find(const QString& key, ItemType* type);
} // namespace ItemTypes

// Registration status of an organisation (subjects.status); empty for natural persons.
namespace RegistrationStatus {
QStringList keys(); // in_business, deregistered, revoked, moved_out
QString displayName(const QString& key);
} // namespace RegistrationStatus

// Xiamen's districts by administrative division code (350203 思明, 350205 海沧, 350206 湖里, 350211 集美,
// 350212 同安, 350213 翔安).
namespace XiamenDistricts {
QStringList codes();
// The district's translated name; the code itself when it is not one of Xiamen's.
QString displayName(const QString& code);
} // namespace XiamenDistricts

// How identifiers are shown to a member of staff. Clerks check the applicant's document against it and
// supervisors sign identifier overrides, so they see identifiers in full; every other role sees them masked
// (Identifiers::mask), as printed reports do.
enum class IdentifierDisplay {
    Full,
    Masked,
};
IdentifierDisplay identifierDisplayFor(Role role);
QString displayIdentifier(const QString& identifier, IdentifierDisplay display);

struct Subject
{
    qint64 id = 0;
    SubjectKind kind = SubjectKind::LegalPerson;
    QString identifier; // normalised
    bool hasIdentifierOverride = false;
    IdentifierOverride identifierOverride; // when the identifier fails its checksum but is real
    QString name;
    QString legalRepresentative;
    QString registeredAddress;
    QDate establishedOn; // establishment, or birth for a natural person
    QString industry;    // a Field key of the policy profile
    QString district;    // administrative division code, e.g. 350203
    QString status;      // RegistrationStatus key
    RecordOrigin origin = RecordOrigin::Local;
    QString platformId;
    qint64 platformVersion = 0;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    bool isNaturalPerson() const { return kind == SubjectKind::NaturalPerson; }
};

struct CreditItem
{
    qint64 id = 0;
    qint64 subjectId = 0;
    ItemCategory category = ItemCategory::Basic;
    QString itemType; // ItemTypes key
    Severity severity = Severity::General;
    ListKind listKind = ListKind::None;
    QString fieldKey;
    QString penaltyKindKey;
    QString causeKey;
    QString sourceDepartment;
    QString legalDocumentNumber;
    QDate decisionDate;
    DisclosureMode disclosureMode = DisclosureMode::Social;
    ItemStatus status = ItemStatus::Active;
    bool objectionPending = false;
    QDate repairedOn;
    QDate withdrawnOn;
    QString nonRepairableBasis; // non-empty when a law, regulation or rule declares the item non-repairable
    QString title;
    QString content;
    RecordOrigin origin = RecordOrigin::Platform;
    QString platformId;
    qint64 platformVersion = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    // The facts the domain rules look at.
    CreditItemFacts facts(SubjectKind subjectKind) const;
};

// A local entry awaiting the platform.
struct RecordSubmission
{
    qint64 id = 0;
    SubmissionKind kind = SubmissionKind::Item;
    qint64 subjectId = 0;
    QJsonObject payload;
    SubmissionStatus status = SubmissionStatus::Pending;
    QString statusReason;
    QString platformId;
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// Timestamps and dates as the records tables store them.
namespace RecordFormat {
QString timestamp(const QDateTime& utc); // yyyy-MM-ddTHH:mm:ss.zzzZ
QDateTime parseTimestamp(const QString& text);
QString date(const QDate& date); // yyyy-MM-dd, or a null QString (SQL NULL) for an invalid date
QDate parseDate(const QString& text);
QString now(); // timestamp(QDateTime::currentDateTimeUtc())
} // namespace RecordFormat
