#include "CreditItemRepository.h"

#include "PlatformWritePermit.h"
#include "RecordJson.h"
#include "RecordSql.h"
#include "RecordSubmissionRepository.h"
#include "Savepoint.h"
#include "SubjectRepository.h"
#include "domain/CollectionRules.h"
#include "domain/PolicyRegistry.h"
#include "storage/Session.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>

using RecordSql::nullable;
using RecordSql::nullableDate;

namespace {

#define XM_ITEM_COLUMNS                                                                                                \
    "id, subject_id, category, item_type, severity, list_kind, field_key, penalty_kind_key, cause_key, "               \
    "source_department, legal_document_number, decision_date, disclosure_mode, status, objection_pending, "            \
    "repaired_on, withdrawn_on, non_repairable_basis, title, content, origin, platform_id, platform_version, "         \
    "created_at, updated_at"

CreditItem readItem(const QSqlQuery& q)
{
    CreditItem i;
    i.id = q.value(0).toLongLong();
    i.subjectId = q.value(1).toLongLong();
    fromKey(q.value(2).toString(), &i.category);
    i.itemType = q.value(3).toString();
    fromKey(q.value(4).toString(), &i.severity);
    fromKey(q.value(5).toString(), &i.listKind);
    i.fieldKey = q.value(6).toString();
    i.penaltyKindKey = q.value(7).toString();
    i.causeKey = q.value(8).toString();
    i.sourceDepartment = q.value(9).toString();
    i.legalDocumentNumber = q.value(10).toString();
    i.decisionDate = RecordFormat::parseDate(q.value(11).toString());
    fromKey(q.value(12).toString(), &i.disclosureMode);
    fromKey(q.value(13).toString(), &i.status);
    i.objectionPending = q.value(14).toInt() != 0;
    i.repairedOn = RecordFormat::parseDate(q.value(15).toString());
    i.withdrawnOn = RecordFormat::parseDate(q.value(16).toString());
    i.nonRepairableBasis = q.value(17).toString();
    i.title = q.value(18).toString();
    i.content = q.value(19).toString();
    fromKey(q.value(20).toString(), &i.origin);
    i.platformId = q.value(21).toString();
    i.platformVersion = q.value(22).toLongLong();
    i.createdAt = RecordFormat::parseTimestamp(q.value(23).toString());
    i.updatedAt = RecordFormat::parseTimestamp(q.value(24).toString());
    return i;
}

// Binds the columns written on insert and update by name: Qt's positional bindValue(int) formats a placeholder
// name for every value, which costs more than SQLite's insert itself on the bulk path.
template<typename Binder> void bindWritable(Binder& q, const CreditItem& i, RecordSql::TimestampCache& stamps)
{
    q.bindValue(QStringLiteral(":subject_id"), i.subjectId);
    q.bindValue(QStringLiteral(":category"), toKey(i.category));
    q.bindValue(QStringLiteral(":item_type"), i.itemType);
    q.bindValue(QStringLiteral(":severity"), toKey(i.severity));
    q.bindValue(QStringLiteral(":list_kind"), toKey(i.listKind));
    q.bindValue(QStringLiteral(":field_key"), nullable(i.fieldKey));
    q.bindValue(QStringLiteral(":penalty_kind_key"), nullable(i.penaltyKindKey));
    q.bindValue(QStringLiteral(":cause_key"), nullable(i.causeKey));
    q.bindValue(QStringLiteral(":source_department"), nullable(i.sourceDepartment));
    q.bindValue(QStringLiteral(":legal_document_number"), nullable(i.legalDocumentNumber));
    q.bindValue(QStringLiteral(":decision_date"), RecordFormat::date(i.decisionDate));
    q.bindValue(QStringLiteral(":disclosure_mode"), toKey(i.disclosureMode));
    q.bindValue(QStringLiteral(":status"), toKey(i.status));
    q.bindValue(QStringLiteral(":objection_pending"), i.objectionPending ? 1 : 0);
    q.bindValue(QStringLiteral(":repaired_on"), nullableDate(i.repairedOn));
    q.bindValue(QStringLiteral(":withdrawn_on"), nullableDate(i.withdrawnOn));
    q.bindValue(QStringLiteral(":non_repairable_basis"), nullable(i.nonRepairableBasis));
    q.bindValue(QStringLiteral(":title"), i.title);
    q.bindValue(QStringLiteral(":content"), nullable(i.content));
    RecordSql::bindProvenance(q, i, stamps);
}

} // namespace

CreditItemRepository::CreditItemRepository(const QSqlDatabase& db)
    : m_db(db)
{}

bool CreditItemRepository::selectOne(const char* where, const QVariant& value, CreditItem* item, QString* error) const
{
    QSqlQuery q;
    if (!RecordSql::selectFirst(
            &q, m_db,
            QStringLiteral("SELECT " XM_ITEM_COLUMNS " FROM credit_items WHERE %1 = ?").arg(QLatin1String(where)),
            value, error))
        return false;
    if (item)
        *item = readItem(q);
    return true;
}

bool CreditItemRepository::findById(qint64 id, CreditItem* item, QString* error) const
{
    return selectOne("id", id, item, error);
}

bool CreditItemRepository::findByPlatformId(const QString& platformId, CreditItem* item, QString* error) const
{
    return selectOne("platform_id", platformId, item, error);
}

bool CreditItemRepository::pageAfter(qint64 afterId, int limit, QList<CreditItem>* items, QString* error) const
{
    items->clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT " XM_ITEM_COLUMNS " FROM credit_items WHERE id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(afterId);
    q.addBindValue(limit);
    if (!q.exec())
        return RecordSql::fail(q, error);
    while (q.next())
        items->append(readItem(q));
    return true;
}

bool CreditItemRepository::itemsOfSubject(qint64 subjectId, QList<CreditItem>* items, QString* error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT " XM_ITEM_COLUMNS " FROM credit_items WHERE subject_id = ? "
                             "ORDER BY CASE category WHEN 'basic' THEN 0 WHEN 'trustworthy' THEN 1 ELSE 2 END, "
                             "decision_date DESC, id DESC"));
    q.addBindValue(subjectId);
    if (!q.exec())
        return RecordSql::fail(q, error);
    items->clear();
    while (q.next())
        items->append(readItem(q));
    if (q.lastError().isValid())
        return RecordSql::fail(q, error);
    return true;
}

bool CreditItemRepository::insertRow(CreditItem* item, QString* error)
{
    return RecordSql::insertRow(
        m_insert, m_db,
        QStringLiteral("INSERT INTO credit_items (subject_id, category, item_type, severity, list_kind, "
                       "field_key, penalty_kind_key, cause_key, source_department, legal_document_number, "
                       "decision_date, disclosure_mode, status, objection_pending, repaired_on, withdrawn_on, "
                       "non_repairable_basis, title, content, origin, platform_id, platform_version, "
                       "updated_at, created_at) "
                       "VALUES (:subject_id, :category, :item_type, :severity, :list_kind, :field_key, "
                       ":penalty_kind_key, :cause_key, :source_department, :legal_document_number, "
                       ":decision_date, :disclosure_mode, :status, :objection_pending, :repaired_on, "
                       ":withdrawn_on, :non_repairable_basis, :title, :content, :origin, :platform_id, "
                       ":platform_version, :updated_at, :created_at)"),
        item, m_stamps, bindWritable<PreparedStatement>, error);
}

bool CreditItemRepository::updateRow(const CreditItem& item, const CreditItem& stored, QString* error)
{
    RecordSql::ColumnValues now, before;
    bindWritable(now, item, m_stamps);
    bindWritable(before, stored, m_stamps);
    return RecordSql::updateChanged(m_db, QStringLiteral("credit_items"), item.id, now, before, error);
}

bool CreditItemRepository::submitLocal(const Session& session, qint64 subjectId, const CreditItem& item,
                                       const QString& basis, const ItemEntryDetails& details,
                                       const PolicyRegistry& policies, qint64* submissionId, QString* error)
{
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!RecordSubmissionRepository::mayEnter(session, basis, error))
        return false;
    Subject subject;
    QString why;
    if (!SubjectRepository(m_db).findById(subjectId, &subject, &why))
        return refuse(
            why.isEmpty()
                ? QCoreApplication::translate("CreditItemRepository", "There is no subject %1.").arg(subjectId)
                : why);
    ItemType type;
    if (!ItemTypes::find(item.itemType, &type))
        return refuse(QCoreApplication::translate("CreditItemRepository", "The item type \"%1\" is not known.")
                          .arg(item.itemType));
    if (type.category != item.category)
        return refuse(QCoreApplication::translate("CreditItemRepository",
                                                  "The item type \"%1\" does not belong to the category \"%2\".")
                          .arg(type.displayName(), displayName(item.category)));
    if (!item.decisionDate.isValid())
        return refuse(QCoreApplication::translate("CreditItemRepository", "The decision date is required."));
    if (item.title.trimmed().isEmpty())
        return refuse(QCoreApplication::translate("CreditItemRepository", "The title of the item is required."));

    // The collection rules, decided here again on the stored subject's kind: this is the only SQL path for
    // entered records, so what the form checked is not taken on trust.
    const QDate today = QDate::currentDate();
    CollectionItem proposal;
    proposal.facts = item.facts(subject.kind);
    proposal.simplifiedProcedure = details.simplifiedProcedure;
    proposal.minorViolation = details.minorViolation;
    proposal.activelyRemedied = details.activelyRemedied;
    proposal.overridingLegalBasis = details.overridingLegalBasis.trimmed();
    const CollectionDecision itemDecision = CollectionRules::assessItem(proposal, today, policies);
    if (!itemDecision.accepted())
        return refuse(itemDecision.reason);

    const QString personalData = details.personalDataKey.trimmed();
    const QString consentReference = details.consentReference.trimmed();
    const bool consentRecorded = details.writtenConsentRecorded && !consentReference.isEmpty();
    CollectionDecision dataDecision;
    if (!personalData.isEmpty()) {
        // A key outside the policy's catalogue would pass as ordinary data, whatever it names.
        const PolicyProfilePtr profile = policies.profileOn(today);
        if (!profile || !profile->hasTerm(PolicyProfile::Catalogue::PersonalData, personalData))
            return refuse(QCoreApplication::translate("CreditItemRepository",
                                                      "The credit policy in force does not list the personal data "
                                                      "\"%1\", so it cannot be collected.")
                              .arg(personalData));
        CollectionAttribute attribute;
        attribute.subjectKind = subject.kind;
        attribute.attributeKey = personalData;
        attribute.writtenConsentRecorded = consentRecorded;
        dataDecision = CollectionRules::assessAttribute(attribute, today, policies);
        if (!dataDecision.accepted())
            return refuse(dataDecision.reason);
    }

    CreditItem entered = item;
    entered.id = 0;
    entered.subjectId = subjectId;
    entered.origin = RecordOrigin::Local;
    entered.status = ItemStatus::Active;
    entered.objectionPending = false;
    entered.platformId.clear();
    entered.platformVersion = 0;

    // The payload says on what the item was accepted, for the platform and for review.
    QJsonObject collection{{QStringLiteral("outcome"), toKey(itemDecision.outcome)},
                           {QStringLiteral("rule"), toKey(itemDecision.rule)},
                           {QStringLiteral("policy"), itemDecision.policyId}};
    if (itemDecision.rule == CollectionRule::LegalBasisOverride) {
        collection.insert(QStringLiteral("overridden_rule"), toKey(itemDecision.overriddenRule));
        collection.insert(QStringLiteral("legal_basis"), proposal.overridingLegalBasis);
    }
    const QJsonObject circumstances{{QStringLiteral("simplified_procedure"), details.simplifiedProcedure},
                                    {QStringLiteral("minor_violation"), details.minorViolation},
                                    {QStringLiteral("actively_remedied"), details.activelyRemedied}};

    Savepoint unit(m_db);
    if (!unit.isActive())
        return refuse(unit.errorString());
    RecordSubmission submission;
    submission.kind = SubmissionKind::Item;
    submission.subjectId = subjectId;
    submission.payload.insert(QStringLiteral("item"), RecordJson::toJson(entered));
    submission.payload.insert(QStringLiteral("subject_identifier"), subject.identifier);
    submission.payload.insert(QStringLiteral("collection"), collection);
    submission.payload.insert(QStringLiteral("circumstances"), circumstances);
    if (!personalData.isEmpty()) {
        QJsonObject data{{QStringLiteral("key"), personalData}, {QStringLiteral("rule"), toKey(dataDecision.rule)}};
        if (consentRecorded)
            data.insert(QStringLiteral("consent"), QJsonObject{{QStringLiteral("recorded"), true},
                                                               {QStringLiteral("reference"), consentReference},
                                                               {QStringLiteral("recorded_by"), session.username}});
        submission.payload.insert(QStringLiteral("personal_data"), data);
    }
    QJsonObject audited{{QStringLiteral("category"), toKey(entered.category)},
                        {QStringLiteral("item_type"), entered.itemType}};
    if (!entered.legalDocumentNumber.isEmpty())
        audited.insert(QStringLiteral("legal_document_number"), entered.legalDocumentNumber);
    // Collecting what the rules exclude is an exception, like an identifier override: the audit names its basis.
    if (itemDecision.rule == CollectionRule::LegalBasisOverride)
        audited.insert(QStringLiteral("legal_basis_override"), proposal.overridingLegalBasis);
    return RecordSubmissionRepository(m_db).submit(unit, session, &submission, basis, audited, submissionId, error);
}

bool CreditItemRepository::insertPlatform(const PlatformWritePermit& permit, CreditItem* item, QString* error)
{
    if (!permit.covers(m_db, error))
        return false;
    item->origin = RecordOrigin::Platform;
    return insertRow(item, error);
}

bool CreditItemRepository::applyPlatform(const PlatformWritePermit& permit, CreditItem* item, bool* applied,
                                         QString* error)
{
    if (applied)
        *applied = false;
    if (!permit.covers(m_db, error))
        return false;
    if (item->platformId.isEmpty()) {
        if (error)
            *error =
                QCoreApplication::translate("CreditItemRepository", "An item from the platform needs its platform id.");
        return false;
    }
    item->origin = RecordOrigin::Platform;
    CreditItem existing;
    QString why;
    const bool found = findByPlatformId(item->platformId, &existing, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    return RecordSql::applyNewer(
        item, found ? &existing : nullptr, applied, [this](CreditItem* row, QString* e) { return insertRow(row, e); },
        [this](const CreditItem& row, const CreditItem& stored, QString* e) { return updateRow(row, stored, e); },
        error);
}

namespace {

// The columns of a platform item as a batch stages them, in the order of its insert. An update rewrites all of them
// but the ones the row's identity and indexes hang on (subject_id, category, origin, platform_id) and created_at:
// an item whose subject or category changes is written one by one (updateRow writes only what changed).
#define XM_ITEM_BATCH_UPDATED                                                                                          \
    "item_type, severity, list_kind, field_key, penalty_kind_key, cause_key, source_department, "                      \
    "legal_document_number, decision_date, disclosure_mode, status, objection_pending, repaired_on, withdrawn_on, "    \
    "non_repairable_basis, title, content, platform_version, updated_at"
#define XM_ITEM_BATCH_INSERTED "subject_id, category, origin, platform_id, created_at, " XM_ITEM_BATCH_UPDATED

} // namespace

bool CreditItemRepository::prepareBatch(QString* error)
{
    if (!m_batchStage.lastQuery().isEmpty())
        return true;
    // The scratch table lives in this connection's temp schema, which this build of SQLCipher keeps in memory
    // (TEMP_STORE=2): the staged rows never reach a file, encrypted or not. It is created once per connection; a
    // CREATE would otherwise empty the driver's statement cache at every page.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'sync_item_batch'")))
        return RecordSql::fail(q, error);
    const bool exists = q.next();
    q.finish();
    if (!exists && !q.exec(QStringLiteral("CREATE TEMP TABLE sync_item_batch (seq INTEGER PRIMARY KEY, target_id "
                                          "INTEGER UNIQUE, " XM_ITEM_BATCH_INSERTED ")")))
        return RecordSql::fail(q, error);
    const QString placeholders =
        QLatin1Char(':') +
        QStringLiteral(XM_ITEM_BATCH_INSERTED).split(QStringLiteral(", ")).join(QStringLiteral(", :"));
    return RecordSql::prepareOnce(m_batchLookup, m_db,
                                  QStringLiteral("SELECT id, origin, platform_version, subject_id, category FROM "
                                                 "credit_items WHERE platform_id = ?"),
                                  error) &&
           RecordSql::prepareOnce(
               m_batchStage, m_db,
               QStringLiteral("INSERT INTO temp.sync_item_batch (seq, target_id, " XM_ITEM_BATCH_INSERTED
                              ") VALUES (:seq, :target_id, %1)")
                   .arg(placeholders),
               error);
}

bool CreditItemRepository::applyPlatformBatch(const PlatformWritePermit& permit, const QList<CreditItem>& items,
                                              int* applied, int* unchanged, QString* error)
{
    *applied = 0;
    *unchanged = 0;
    if (!permit.covers(m_db, error))
        return false;
    auto oneByOne = [&](const CreditItem& item) {
        CreditItem row = item;
        bool written = false;
        if (!applyPlatform(permit, &row, &written, error))
            return false;
        ++(written ? *applied : *unchanged);
        return true;
    };
    QSet<QString> platformIds;
    platformIds.reserve(items.size());
    for (const CreditItem& item : items) {
        if (item.platformId.isEmpty()) {
            if (error)
                *error = QCoreApplication::translate("CreditItemRepository",
                                                     "An item from the platform needs its platform id.");
            return false;
        }
        platformIds.insert(item.platformId);
    }
    if (platformIds.size() != items.size()) {
        // A later version of the same item in the same page: each decision depends on the one before.
        for (const CreditItem& item : items) {
            if (!oneByOne(item))
                return false;
        }
        return true;
    }
    if (!prepareBatch(error))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString stamp = m_stamps.text(now);
    QList<const CreditItem*> single;
    int updates = 0, inserts = 0;
    qint64 seq = 0;
    for (const CreditItem& item : items) {
        m_batchLookup.bindValue(0, item.platformId);
        if (!m_batchLookup.exec())
            return RecordSql::fail(m_batchLookup, error);
        QVariant target(QMetaType::fromType<qint64>());
        if (m_batchLookup.next()) {
            RecordOrigin origin = RecordOrigin::Local;
            fromKey(m_batchLookup.value(1).toString(), &origin);
            const qint64 version = m_batchLookup.value(2).toLongLong();
            const bool sameSubject = m_batchLookup.value(3).toLongLong() == item.subjectId &&
                                     m_batchLookup.value(4).toString() == toKey(item.category);
            target = m_batchLookup.value(0);
            m_batchLookup.finish();
            if (origin == RecordOrigin::Platform && version >= item.platformVersion) {
                ++*unchanged;
                continue;
            }
            if (origin != RecordOrigin::Platform || !sameSubject) {
                single << &item;
                continue;
            }
            ++updates;
        } else {
            m_batchLookup.finish();
            ++inserts;
        }
        CreditItem row = item;
        row.origin = RecordOrigin::Platform;
        row.updatedAt = now;
        bindWritable(m_batchStage, row, m_stamps);
        m_batchStage.bindValue(QStringLiteral(":created_at"), stamp);
        m_batchStage.bindValue(QStringLiteral(":seq"), ++seq);
        m_batchStage.bindValue(QStringLiteral(":target_id"), target);
        if (!m_batchStage.exec())
            return RecordSql::fail(m_batchStage, error);
        m_batchStage.finish();
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    auto run = [&](const QString& sql, int expected) {
        if (expected == 0)
            return true;
        if (!q.exec(sql))
            return RecordSql::fail(q, error);
        if (q.numRowsAffected() != expected) {
            if (error)
                *error = QCoreApplication::translate("CreditItemRepository",
                                                     "A batch of items from the platform wrote %1 rows instead of %2.")
                             .arg(q.numRowsAffected())
                             .arg(expected);
            return false;
        }
        return true;
    };
    if (!run(QStringLiteral("UPDATE credit_items SET (" XM_ITEM_BATCH_UPDATED ") = (SELECT " XM_ITEM_BATCH_UPDATED
                            " FROM temp.sync_item_batch b WHERE b.target_id = credit_items.id) WHERE id IN (SELECT "
                            "target_id FROM temp.sync_item_batch WHERE target_id IS NOT NULL)"),
             updates) ||
        !run(QStringLiteral("INSERT INTO credit_items (" XM_ITEM_BATCH_INSERTED ") SELECT " XM_ITEM_BATCH_INSERTED
                            " FROM temp.sync_item_batch WHERE target_id IS NULL ORDER BY seq"),
             inserts))
        return false;
    // Emptied after each batch; a batch that fails on the way is rolled back by its caller, the staged rows with it
    // (the temp schema is part of the transaction).
    if (!q.exec(QStringLiteral("DELETE FROM temp.sync_item_batch")))
        return RecordSql::fail(q, error);
    *applied += updates + inserts;
    for (const CreditItem* item : std::as_const(single)) {
        if (!oneByOne(*item))
            return false;
    }
    return true;
}

bool CreditItemRepository::updateOutcome(const PlatformWritePermit& permit, qint64 itemId, const QString& setClause,
                                         const QVariantList& binds, QString* error)
{
    if (!permit.covers(m_db, error))
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE credit_items SET %1, updated_at = ? WHERE id = ?").arg(setClause));
    for (const QVariant& value : binds)
        q.addBindValue(value);
    q.addBindValue(RecordFormat::now());
    q.addBindValue(itemId);
    if (!q.exec())
        return RecordSql::fail(q, error);
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = QCoreApplication::translate("CreditItemRepository", "There is no credit item %1.").arg(itemId);
        return false;
    }
    return true;
}

bool CreditItemRepository::setObjectionPending(const PlatformWritePermit& permit, qint64 itemId, bool pending,
                                               QString* error)
{
    return updateOutcome(permit, itemId, QStringLiteral("objection_pending = ?"), {pending ? 1 : 0}, error);
}

bool CreditItemRepository::markRepaired(const PlatformWritePermit& permit, qint64 itemId, const QDate& repairedOn,
                                        QString* error)
{
    return updateOutcome(permit, itemId, QStringLiteral("status = 'repaired', repaired_on = ?"),
                         {RecordFormat::date(repairedOn)}, error);
}

bool CreditItemRepository::markWithdrawn(const PlatformWritePermit& permit, qint64 itemId, const QDate& withdrawnOn,
                                         QString* error)
{
    return updateOutcome(permit, itemId,
                         QStringLiteral("status = 'withdrawn', withdrawn_on = ?, objection_pending = 0"),
                         {RecordFormat::date(withdrawnOn)}, error);
}

bool CreditItemRepository::applyCorrection(const PlatformWritePermit& permit, const CreditItem& corrected,
                                           QString* error)
{
    if (!permit.covers(m_db, error))
        return false;
    CreditItem existing;
    QString why;
    if (!findById(corrected.id, &existing, &why)) {
        if (error)
            *error = why.isEmpty() ? QCoreApplication::translate("CreditItemRepository", "There is no credit item %1.")
                                         .arg(corrected.id)
                                   : why;
        return false;
    }
    CreditItem row = corrected;
    row.subjectId = existing.subjectId;
    row.origin = existing.origin;
    row.platformId = existing.platformId;
    row.platformVersion = existing.platformVersion;
    row.status = ItemStatus::Corrected;
    row.objectionPending = false;
    row.updatedAt = QDateTime::currentDateTimeUtc();
    return updateRow(row, existing, error);
}
