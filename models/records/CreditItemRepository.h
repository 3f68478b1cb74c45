#pragma once

#include "RecordSql.h"
#include "RecordTypes.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

class PlatformWritePermit;
class PolicyRegistry;
struct Session;

// What record entry learnt about an item handed over on paper beyond its facts: the circumstances and personal
// data the collection rules (domain/CollectionRules) decide on. Stored with the submission.
struct ItemEntryDetails
{
    bool simplifiedProcedure = false; // 简易程序
    bool minorViolation = false;      // 违法行为轻微
    bool activelyRemedied = false;    // 主动消除、减轻违法行为危害后果
    QString overridingLegalBasis;     // the law, regulation or rule that requires collection anyway
    QString personalDataKey;          // personal data of the subject the item records (a policy key); empty: none
    bool writtenConsentRecorded = false;
    QString consentReference; // the signed consent form: consent counts as recorded only with its reference
};

// The only SQL for the credit_items table.
//
// Items on this workstation come from the platform and are read-only here: an item entered from paper is never
// written to credit_items but becomes a record submission awaiting the platform (submitLocal), which comes back
// through sync once the platform accepts it. Platform rows change only under a PlatformWritePermit: the sync
// applier (insertPlatform, applyPlatform) and the case workflow (the outcome setters below, which the workflow
// audits as part of its own transition). Nothing is ever deleted.
class CreditItemRepository
{
public:
    explicit CreditItemRepository(const QSqlDatabase& db);

    bool findById(qint64 id, CreditItem* item, QString* error = nullptr) const;
    bool findByPlatformId(const QString& platformId, CreditItem* item, QString* error = nullptr) const;
    // Every item of a subject (all statuses), by category, then newest decision first.
    bool itemsOfSubject(qint64 subjectId, QList<CreditItem>* items, QString* error = nullptr) const;
    // Up to limit items with an id above afterId, in id order (the platform's side pages through its records so).
    bool pageAfter(qint64 afterId, int limit, QList<CreditItem>* items, QString* error = nullptr) const;

    // An item handed over on paper: stored as a record submission (kind item, status pending) whose payload holds
    // the item, the collection decision, the circumstances and the personal data with its consent, and audited
    // "record.submit" with basis, in one unit. Refused without Permission::EnterRecord, for an unknown subject, an
    // unknown item type or one of another category, and whatever the collection rules in force today (from
    // policies) do not accept for the stored subject's kind: a dishonest item without a legal document number; a
    // natural person's penalty under the simplified procedure, for a minor violation or actively remedied without
    // an overriding legal basis; a natural person's prohibited personal data; consent-bound personal data without
    // recorded consent; anything when no policy is in force. A refusal carries the rule's reason and stores
    // nothing. Record entry checks the same rules as the clerk types (CreditItemEntryModel); this is the check
    // every SQL path passes. Returns the submission's id.
    bool submitLocal(const Session& session, qint64 subjectId, const CreditItem& item, const QString& basis,
                     const ItemEntryDetails& details, const PolicyRegistry& policies, qint64* submissionId,
                     QString* error = nullptr);

    // Platform writes (see the class comment). applyPlatform updates the row with the item's platform id when the
    // incoming version is newer (*applied false otherwise) and inserts it when unknown.
    bool insertPlatform(const PlatformWritePermit& permit, CreditItem* item, QString* error = nullptr);
    bool applyPlatform(const PlatformWritePermit& permit, CreditItem* item, bool* applied = nullptr,
                       QString* error = nullptr);
    // A page of items from the platform (the sync applier's incremental path): the same decision as applyPlatform
    // for every item, written with one UPDATE for the newer versions and one INSERT for the unknown items, both
    // through a scratch table in this connection's memory (temp.sync_item_batch, emptied after each batch). The
    // guard, no-replace and seal triggers run for every row as before; what the batch saves is a statement per row,
    // each of which copied the pages it touched (the table's seal among them) to SQLCipher's encrypted statement
    // journal. An item whose subject or category changes, one that was a local row, and every item of a batch that
    // names a platform id twice go through applyPlatform one by one. The ids of the rows written are not returned.
    bool applyPlatformBatch(const PlatformWritePermit& permit, const QList<CreditItem>& items, int* applied,
                            int* unchanged, QString* error = nullptr);

    // Case outcomes.
    bool setObjectionPending(const PlatformWritePermit& permit, qint64 itemId, bool pending, QString* error = nullptr);
    bool markRepaired(const PlatformWritePermit& permit, qint64 itemId, const QDate& repairedOn,
                      QString* error = nullptr);
    bool markWithdrawn(const PlatformWritePermit& permit, qint64 itemId, const QDate& withdrawnOn,
                       QString* error = nullptr);
    // An objection upheld as "corrected": the item's facts and text replaced, status Corrected.
    bool applyCorrection(const PlatformWritePermit& permit, const CreditItem& corrected, QString* error = nullptr);

private:
    bool selectOne(const char* where, const QVariant& value, CreditItem* item, QString* error) const;
    bool insertRow(CreditItem* item, QString* error);
    bool updateRow(const CreditItem& item, const CreditItem& stored, QString* error);
    bool updateOutcome(const PlatformWritePermit& permit, qint64 itemId, const QString& setClause,
                       const QVariantList& binds, QString* error);

    QSqlDatabase m_db;
    bool prepareBatch(QString* error);

    PreparedStatement m_insert; // prepared once for the bulk path
    QSqlQuery m_batchLookup;
    QSqlQuery m_batchStage;
    RecordSql::TimestampCache m_stamps;
};
