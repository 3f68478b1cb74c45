#include "Outbox.h"

#include "records/RecordSubmissionRepository.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

QJsonObject objectOf(const QString& json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString text(const QVariant& v)
{
    return v.isNull() ? QString() : v.toString();
}

// The newest answered entry of a kind: entries are sent oldest first and a push records answers for all it sent or
// for none, so the answered entries of a kind are always its oldest ones and the pending ones lie above this id.
qint64 answeredUpTo(const QSqlDatabase& db, const QString& kind, QString* error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce(max(entry_id), 0) FROM sync_outbox_answers WHERE entry_kind = ?"));
    q.addBindValue(kind);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

// "Not yet answered" for every kind: above the watermark and (should a hole ever exist) without an answer.
// Case events applied here from the case_moves stream (the platform's own moves and other windows') are not this
// window's to send. This window's own events stay pending until answered, even when their copy came back first on
// case_moves (the push's answer was lost): sent again under the same key, the platform answers as it did.
QString pendingCondition(const QString& kind, const QString& alias)
{
    QString condition =
        QStringLiteral("%1.id > ? AND NOT EXISTS (SELECT 1 FROM sync_outbox_answers a WHERE a.entry_kind = '%2' "
                       "AND a.entry_id = %1.id)")
            .arg(alias, kind);
    if (kind == QLatin1String("case_event"))
        condition += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM case_platform_events p WHERE p.event_id = %1.id "
                                    "AND p.source = 'pulled')")
                         .arg(alias);
    return condition;
}

// Runs "<select> WHERE <pending> ORDER BY <alias>.id LIMIT limit" for a kind of entry.
bool selectPending(const QSqlDatabase& db, const QString& kind, const QString& select, const QString& alias, int limit,
                   QSqlQuery* q, QString* error)
{
    const qint64 from = answeredUpTo(db, kind, error);
    if (from < 0)
        return false;
    q->setForwardOnly(true);
    q->prepare(select + QStringLiteral(" WHERE ") + pendingCondition(kind, alias) +
               QStringLiteral(" ORDER BY %1.id LIMIT ?").arg(alias));
    q->addBindValue(from);
    q->addBindValue(limit);
    if (!q->exec())
        return fail(error, q->lastError().text());
    return true;
}

bool submissions(const QSqlDatabase& db, int limit, QList<OutboxEntry>* out, QString* error)
{
    const QString kind = QStringLiteral("record_submission");
    QSqlQuery q(db);
    if (!selectPending(db, kind,
                       QStringLiteral("SELECT r.id, r.kind, r.payload, r.created_by, r.created_at, s.platform_id, "
                                      "s.identifier FROM record_submissions r JOIN subjects s ON s.id = r.subject_id"),
                       QStringLiteral("r"), limit, &q, error))
        return false;
    while (q.next()) {
        OutboxEntry e;
        e.kind = kind;
        e.localId = q.value(0).toLongLong();
        e.data = {{QStringLiteral("submission"), e.localId},
                  {QStringLiteral("recordKind"), q.value(1).toString()},
                  {QStringLiteral("payload"), objectOf(q.value(2).toString())},
                  {QStringLiteral("createdBy"), q.value(3).toString()},
                  {QStringLiteral("createdAt"), q.value(4).toString()},
                  {QStringLiteral("subjectPlatformId"), text(q.value(5))},
                  {QStringLiteral("subjectIdentifier"), q.value(6).toString()}};
        e.label = QCoreApplication::translate("Outbox", "record submission %1").arg(e.localId);
        out->append(e);
    }
    return true;
}

bool caseEvents(const QSqlDatabase& db, int limit, QList<OutboxEntry>* out, QString* error)
{
    const QString kind = QStringLiteral("case_event");
    QSqlQuery q(db);
    if (!selectPending(
            db, kind,
            QStringLiteral(
                "SELECT e.id, c.case_no, c.kind, (SELECT count(*) FROM case_platform_events p WHERE p.case_id = "
                "e.case_id) + (SELECT count(*) FROM case_events x WHERE x.case_id = e.case_id AND x.id < e.id AND "
                "NOT EXISTS (SELECT 1 FROM case_platform_events p WHERE p.event_id = x.id) AND NOT EXISTS (SELECT 1 "
                "FROM sync_outbox_answers a WHERE a.entry_kind = 'case_event' AND a.entry_id = x.id)), e.at, "
                "e.on_date, e.actor, e.action, e.from_state, e.to_state, e.note, e.details, "
                "c.id, s.platform_id, s.identifier, c.received_on, c.intake_by, c.applicant, c.grounds, c.statement "
                "FROM case_events e JOIN cases c ON c.id = e.case_id JOIN subjects s ON s.id = c.subject_id"),
            QStringLiteral("e"), limit, &q, error))
        return false;
    while (q.next()) {
        OutboxEntry e;
        e.kind = kind;
        e.localId = q.value(0).toLongLong();
        const QString caseNo = q.value(1).toString();
        const int seq = q.value(3).toInt();
        const bool intake = q.value(7).toString() == QLatin1String("intake");
        QJsonObject data{{QStringLiteral("caseNo"), caseNo},
                         {QStringLiteral("caseKind"), q.value(2).toString()},
                         {QStringLiteral("at"), q.value(4).toString()},
                         {QStringLiteral("onDate"), q.value(5).toString()},
                         {QStringLiteral("actor"), q.value(6).toString()},
                         {QStringLiteral("action"), q.value(7).toString()},
                         {QStringLiteral("fromState"), text(q.value(8))},
                         {QStringLiteral("toState"), q.value(9).toString()},
                         {QStringLiteral("note"), q.value(10).toString()},
                         {QStringLiteral("details"), objectOf(q.value(11).toString())}};
        if (intake) {
            // The intake carries the case: its subject, items, applicant and statement. Materials travel as their
            // hashes (the scans themselves are fetched by the platform's reviewers separately).
            const qint64 caseId = q.value(12).toLongLong();
            QJsonArray items;
            QSqlQuery i(db);
            i.prepare(QStringLiteral("SELECT ci.item_id, it.platform_id FROM case_items ci JOIN credit_items it ON "
                                     "it.id = ci.item_id WHERE ci.case_id = ? ORDER BY ci.item_id"));
            i.addBindValue(caseId);
            if (!i.exec())
                return fail(error, i.lastError().text());
            while (i.next())
                items.append(QJsonObject{{QStringLiteral("local"), i.value(0).toLongLong()},
                                         {QStringLiteral("platformId"), text(i.value(1))}});
            QJsonArray materials;
            QSqlQuery m(db);
            m.prepare(QStringLiteral("SELECT m.material_key, a.sha256, a.size FROM case_materials m JOIN attachments a "
                                     "ON a.id = m.attachment_id WHERE m.case_id = ? ORDER BY m.id"));
            m.addBindValue(caseId);
            if (!m.exec())
                return fail(error, m.lastError().text());
            while (m.next())
                materials.append(QJsonObject{{QStringLiteral("key"), m.value(0).toString()},
                                             {QStringLiteral("sha256"), m.value(1).toString()},
                                             {QStringLiteral("size"), m.value(2).toLongLong()}});
            data.insert(QStringLiteral("case"),
                        QJsonObject{{QStringLiteral("subjectPlatformId"), text(q.value(13))},
                                    {QStringLiteral("subjectIdentifier"), q.value(14).toString()},
                                    {QStringLiteral("receivedOn"), q.value(15).toString()},
                                    {QStringLiteral("intakeBy"), q.value(16).toString()},
                                    {QStringLiteral("applicant"), objectOf(q.value(17).toString())},
                                    {QStringLiteral("grounds"), text(q.value(18))},
                                    {QStringLiteral("statement"), text(q.value(19))},
                                    {QStringLiteral("items"), items},
                                    {QStringLiteral("materials"), materials}});
        }
        e.data = data;
        e.seq = seq;
        e.label = caseNo;
        out->append(e);
    }
    return true;
}

bool reports(const QSqlDatabase& db, int limit, QList<OutboxEntry>* out, QString* error)
{
    const QString kind = QStringLiteral("report");
    QSqlQuery q(db);
    if (!selectPending(db, kind,
                       QStringLiteral("SELECT r.id, r.number, r.kind, s.platform_id, s.identifier, r.basis_kind, "
                                      "r.mode, r.as_of, r.issued_by, r.issued_at, r.sha256, r.signature FROM reports "
                                      "r JOIN subjects s ON s.id = r.subject_id"),
                       QStringLiteral("r"), limit, &q, error))
        return false;
    while (q.next()) {
        OutboxEntry e;
        e.kind = kind;
        e.localId = q.value(0).toLongLong();
        e.data = {{QStringLiteral("number"), q.value(1).toString()},
                  {QStringLiteral("reportKind"), q.value(2).toString()},
                  {QStringLiteral("subjectPlatformId"), text(q.value(3))},
                  {QStringLiteral("subjectIdentifier"), q.value(4).toString()},
                  {QStringLiteral("basisKind"), q.value(5).toString()},
                  {QStringLiteral("mode"), q.value(6).toString()},
                  {QStringLiteral("asOf"), q.value(7).toString()},
                  {QStringLiteral("issuedBy"), q.value(8).toString()},
                  {QStringLiteral("issuedAt"), q.value(9).toString()},
                  {QStringLiteral("sha256"), q.value(10).toString()},
                  {QStringLiteral("signature"), q.value(11).toString()}};
        e.label = q.value(1).toString();
        out->append(e);
    }
    return true;
}

} // namespace

namespace Outbox {

QString keyFor(const QString& workstationId, const QString& kind, qint64 localId)
{
    return QStringLiteral("%1/%2/%3").arg(workstationId, kind).arg(localId);
}

QString digest(const QJsonObject& data)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(data).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

bool pending(const QSqlDatabase& db, const QString& workstationId, int limit, QList<OutboxEntry>* entries,
             QString* error)
{
    entries->clear();
    if (!submissions(db, limit, entries, error))
        return false;
    if (entries->size() < limit && !caseEvents(db, limit - int(entries->size()), entries, error))
        return false;
    if (entries->size() < limit && !reports(db, limit - int(entries->size()), entries, error))
        return false;
    for (OutboxEntry& e : *entries) {
        e.key = keyFor(workstationId, e.kind, e.localId);
        e.sha256 = digest(e.data);
    }
    return true;
}

bool counts(const QSqlDatabase& db, OutboxCounts* counts, QString* error)
{
    *counts = {};
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT outcome, count(*) FROM sync_outbox_answers GROUP BY outcome")))
        return fail(error, q.lastError().text());
    while (q.next()) {
        const QString outcome = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (outcome == QLatin1String("accepted"))
            counts->accepted = n;
        else if (outcome == QLatin1String("conflict"))
            counts->conflicts = n;
        else
            counts->rejected = n;
    }
    for (const auto& [kind, table] :
         {QPair<QString, QString>{QStringLiteral("record_submission"), QStringLiteral("record_submissions")},
          QPair<QString, QString>{QStringLiteral("case_event"), QStringLiteral("case_events")},
          QPair<QString, QString>{QStringLiteral("report"), QStringLiteral("reports")}}) {
        const qint64 from = answeredUpTo(db, kind, error);
        if (from < 0)
            return false;
        QSqlQuery p(db);
        p.prepare(QStringLiteral("SELECT count(*) FROM %1 t WHERE ").arg(table) +
                  pendingCondition(kind, QStringLiteral("t")));
        p.addBindValue(from);
        if (!p.exec() || !p.next())
            return fail(error, p.lastError().text());
        counts->pending += p.value(0).toInt();
    }
    return true;
}

bool record(const Session& session, const QList<OutboxEntry>& sent, const QList<OutboxAnswer>& answers, QString* error,
            bool* badAnswer)
{
    if (badAnswer)
        *badAnswer = false;
    auto malformed = [&](const QString& why) {
        if (badAnswer)
            *badAnswer = true;
        return fail(error, why);
    };
    if (!session.can(Permission::PullSync))
        return fail(error, QCoreApplication::translate("Outbox", "A %1 may not send the window's work to the platform.")
                               .arg(Roles::displayName(session.role)));
    // Every entry sent answered exactly once, and nothing else: a partial or padded answer is not the platform's.
    QHash<QString, const OutboxEntry*> byKey;
    for (const OutboxEntry& e : sent)
        byKey.insert(e.key, &e);
    QSet<QString> answered;
    for (const OutboxAnswer& a : answers) {
        if (!byKey.contains(a.key) || answered.contains(a.key))
            return malformed(QCoreApplication::translate("Outbox", "The platform answered for an entry that was not "
                                                                   "sent, or twice: %1")
                                 .arg(a.key.left(200)));
        if (a.outcome != QLatin1String("accepted") && a.outcome != QLatin1String("conflict") &&
            a.outcome != QLatin1String("rejected"))
            return malformed(QCoreApplication::translate("Outbox", "The platform's answer \"%1\" is not one of the "
                                                                   "protocol's.")
                                 .arg(a.outcome.left(40)));
        answered.insert(a.key);
    }
    if (answered.size() != byKey.size())
        return malformed(QCoreApplication::translate("Outbox", "The platform answered %1 of the %2 entries sent: "
                                                               "none is marked, all stay pending.")
                             .arg(answered.size())
                             .arg(byKey.size()));
    QSqlDatabase db = session.database();
    if (!db.transaction())
        return fail(error, db.lastError().text());
    auto rollback = [&](const QString& why) {
        db.rollback();
        return fail(error, why);
    };
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    RecordSubmissionRepository submissions(db);
    QHash<QString, int> tally;
    for (const OutboxAnswer& a : answers) {
        const OutboxEntry& e = *byKey.value(a.key);
        // Only what the protocol says a conflict carries, each as short text: the platform's words are shown to
        // people and kept for good.
        QJsonObject answer;
        for (const char* field : {"state", "lastAction", "movedAt", "movedBy"}) {
            const QString name = QString::fromLatin1(field);
            if (a.platform.value(name).isString())
                answer.insert(name, a.platform.value(name).toString().left(200));
        }
        if (!a.reason.isEmpty())
            answer.insert(QStringLiteral("reason"), a.reason.left(2000));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO sync_outbox_answers (entry_kind, entry_id, idem_key, entry_sha256, "
                                 "outcome, platform_ref, answer, answered_at, pushed_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?)"));
        for (const QVariant& v :
             {QVariant(e.kind), QVariant(e.localId), QVariant(e.key), QVariant(e.sha256), QVariant(a.outcome),
              a.platformRef.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(a.platformRef.left(200)),
              QVariant(QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))), QVariant(now),
              QVariant(session.username)})
            q.addBindValue(v);
        if (!q.exec())
            return rollback(q.lastError().text());
        ++tally[a.outcome];
        QString why;
        if (e.kind == QLatin1String("case_event") && a.outcome == QLatin1String("accepted")) {
            // The platform's event seq of the case is this one now (unless its own copy came back first, on the
            // case_moves stream, and was recognised as this window's).
            QSqlQuery map(db);
            map.prepare(QStringLiteral("INSERT INTO case_platform_events (case_id, seq, event_id, source, "
                                       "recorded_at) SELECT case_id, ?, id, 'pushed', ? FROM case_events WHERE id = ? "
                                       "AND NOT EXISTS (SELECT 1 FROM case_platform_events WHERE event_id = ?)"));
            for (const QVariant& v : {QVariant(e.seq), QVariant(now), QVariant(e.localId), QVariant(e.localId)})
                map.addBindValue(v);
            if (!map.exec())
                return rollback(map.lastError().text());
        }
        if (e.kind == QLatin1String("record_submission")) {
            RecordSubmission current;
            if (!submissions.findById(e.localId, &current, &why))
                return rollback(why);
            if (current.status == SubmissionStatus::Pending &&
                !submissions.setStatus(e.localId, SubmissionStatus::Sent, QString(), QString(), &why))
                return rollback(why);
            if (current.status == SubmissionStatus::Pending || current.status == SubmissionStatus::Sent) {
                const bool ok = a.outcome == QLatin1String("accepted");
                if (!submissions.setStatus(e.localId, ok ? SubmissionStatus::Acknowledged : SubmissionStatus::Rejected,
                                           ok ? QString() : a.reason.left(2000), ok ? a.platformRef : QString(), &why))
                    return rollback(why);
            }
        }
        if (a.outcome != QLatin1String("accepted")) {
            // Each conflict or rejection is an event of its own in the trail: what was not taken, and why.
            AuditEntry entry;
            entry.actor = session.username;
            entry.action = a.outcome == QLatin1String("conflict") ? QStringLiteral("sync.conflict")
                                                                  : QStringLiteral("sync.rejected");
            entry.objectType = e.kind == QLatin1String("case_event") ? QStringLiteral("case")
                               : e.kind == QLatin1String("report")   ? QStringLiteral("report")
                                                                     : QStringLiteral("submission");
            entry.objectId = e.kind == QLatin1String("record_submission") ? QString::number(e.localId) : e.label;
            entry.details = {
                {QStringLiteral("key"), e.key},
                {QStringLiteral("action"), e.data.value(QStringLiteral("action")).toString()},
                {QStringLiteral("reason"), a.reason.left(500)},
                {QStringLiteral("platformState"), a.platform.value(QStringLiteral("state")).toString().left(100)}};
            if (!AuditLog::append(db, entry, &why))
                return rollback(why);
        }
    }
    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("sync.push");
    entry.objectType = QStringLiteral("outbox");
    entry.objectId = session.workstationId;
    entry.details = {{QStringLiteral("accepted"), tally.value(QStringLiteral("accepted"))},
                     {QStringLiteral("conflicts"), tally.value(QStringLiteral("conflict"))},
                     {QStringLiteral("rejected"), tally.value(QStringLiteral("rejected"))},
                     {QStringLiteral("firstKey"), sent.constFirst().key},
                     {QStringLiteral("lastKey"), sent.constLast().key}};
    QString why;
    if (!AuditLog::append(db, entry, &why))
        return rollback(why);
    if (!db.commit())
        return rollback(db.lastError().text());
    return true;
}

bool problems(const QSqlDatabase& db, QList<OutboxProblem>* problems, qint64 caseId, int limit, QString* error)
{
    problems->clear();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral(
        "SELECT a.entry_kind, a.entry_id, a.idem_key, a.outcome, a.answer, a.answered_at, "
        "CASE a.entry_kind WHEN 'case_event' THEN (SELECT c.case_no FROM case_events e JOIN cases c ON c.id = "
        "e.case_id WHERE e.id = a.entry_id) WHEN 'report' THEN (SELECT number FROM reports WHERE id = a.entry_id) "
        "ELSE NULL END, "
        "CASE a.entry_kind WHEN 'case_event' THEN (SELECT action FROM case_events WHERE id = a.entry_id) ELSE NULL END "
        "FROM sync_outbox_answers a WHERE a.outcome <> 'accepted'");
    if (caseId > 0)
        sql += QStringLiteral(" AND a.entry_kind = 'case_event' AND a.entry_id IN (SELECT id FROM case_events WHERE "
                              "case_id = ?)");
    sql += QStringLiteral(" ORDER BY a.id DESC LIMIT ?");
    q.prepare(sql);
    if (caseId > 0)
        q.addBindValue(caseId);
    q.addBindValue(limit);
    if (!q.exec())
        return fail(error, q.lastError().text());
    while (q.next()) {
        OutboxProblem p;
        p.kind = q.value(0).toString();
        p.localId = q.value(1).toLongLong();
        p.key = q.value(2).toString();
        p.outcome = q.value(3).toString();
        const QJsonObject answer = objectOf(q.value(4).toString());
        p.reason = answer.value(QStringLiteral("reason")).toString();
        p.platformState = answer.value(QStringLiteral("state")).toString();
        p.answeredAt = q.value(5).toString();
        p.label = q.value(6).isNull() ? QCoreApplication::translate("Outbox", "record submission %1").arg(p.localId)
                                      : q.value(6).toString();
        p.localAction = text(q.value(7));
        problems->append(p);
    }
    return true;
}

} // namespace Outbox
