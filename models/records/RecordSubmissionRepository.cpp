#include "RecordSubmissionRepository.h"

#include "RecordSql.h"
#include "Savepoint.h"
#include "storage/AuditLog.h"
#include "storage/Session.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

bool allowedTransition(SubmissionStatus from, SubmissionStatus to)
{
    switch (from) {
    case SubmissionStatus::Pending:
        return to == SubmissionStatus::Sent;
    case SubmissionStatus::Sent:
        return to == SubmissionStatus::Acknowledged || to == SubmissionStatus::Rejected ||
               to == SubmissionStatus::Pending;
    case SubmissionStatus::Acknowledged:
    case SubmissionStatus::Rejected:
        return false;
    }
    return false;
}

} // namespace

RecordSubmissionRepository::RecordSubmissionRepository(const QSqlDatabase& db)
    : m_db(db)
{}

bool RecordSubmissionRepository::select(const QString& whereAndOrder, const QVariantList& binds,
                                        QList<RecordSubmission>* out, QString* error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, kind, subject_id, payload, status, status_reason, platform_id, created_by, "
                             "created_at, updated_at FROM record_submissions ") +
              whereAndOrder);
    for (const QVariant& value : binds)
        q.addBindValue(value);
    if (!q.exec())
        return RecordSql::fail(q, error);
    out->clear();
    while (q.next()) {
        RecordSubmission s;
        s.id = q.value(0).toLongLong();
        fromKey(q.value(1).toString(), &s.kind);
        s.subjectId = q.value(2).toLongLong();
        s.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        fromKey(q.value(4).toString(), &s.status);
        s.statusReason = q.value(5).toString();
        s.platformId = q.value(6).toString();
        s.createdBy = q.value(7).toString();
        s.createdAt = RecordFormat::parseTimestamp(q.value(8).toString());
        s.updatedAt = RecordFormat::parseTimestamp(q.value(9).toString());
        out->append(s);
    }
    if (q.lastError().isValid())
        return RecordSql::fail(q, error);
    return true;
}

bool RecordSubmissionRepository::findById(qint64 id, RecordSubmission* submission, QString* error) const
{
    QList<RecordSubmission> found;
    if (!select(QStringLiteral("WHERE id = ?"), {id}, &found, error))
        return false;
    if (found.isEmpty()) {
        if (error)
            error->clear();
        return false;
    }
    if (submission)
        *submission = found.first();
    return true;
}

bool RecordSubmissionRepository::ofSubject(qint64 subjectId, QList<RecordSubmission>* submissions, QString* error) const
{
    return select(QStringLiteral("WHERE subject_id = ? ORDER BY id DESC"), {subjectId}, submissions, error);
}

bool RecordSubmissionRepository::withStatus(SubmissionStatus status, QList<RecordSubmission>* submissions, int limit,
                                            QString* error) const
{
    return select(QStringLiteral("WHERE status = ? ORDER BY id LIMIT ?"), {toKey(status), limit}, submissions, error);
}

bool RecordSubmissionRepository::setStatus(qint64 id, SubmissionStatus status, const QString& reason,
                                           const QString& platformId, QString* error)
{
    RecordSubmission current;
    QString why;
    if (!findById(id, &current, &why)) {
        if (error)
            *error = why.isEmpty() ? QCoreApplication::translate("RecordSubmissionRepository",
                                                                 "There is no record submission %1.")
                                         .arg(id)
                                   : why;
        return false;
    }
    if (!allowedTransition(current.status, status)) {
        if (error)
            *error = QCoreApplication::translate("RecordSubmissionRepository",
                                                 "A record submission cannot go from \"%1\" to \"%2\".")
                         .arg(displayName(current.status), displayName(status));
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE record_submissions SET status = ?, status_reason = ?, "
                             "platform_id = coalesce(?, platform_id), updated_at = ? WHERE id = ?"));
    q.addBindValue(toKey(status));
    q.addBindValue(RecordSql::nullable(reason));
    q.addBindValue(RecordSql::nullable(platformId));
    q.addBindValue(RecordFormat::now());
    q.addBindValue(id);
    if (!q.exec())
        return RecordSql::fail(q, error);
    return true;
}

bool RecordSubmissionRepository::insert(RecordSubmission* submission, QString* error)
{
    submission->status = SubmissionStatus::Pending;
    submission->createdAt = QDateTime::currentDateTimeUtc();
    submission->updatedAt = submission->createdAt;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO record_submissions (kind, subject_id, payload, status, created_by, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(toKey(submission->kind));
    q.addBindValue(submission->subjectId);
    q.addBindValue(QString::fromUtf8(QJsonDocument(submission->payload).toJson(QJsonDocument::Compact)));
    q.addBindValue(toKey(submission->status));
    q.addBindValue(submission->createdBy);
    q.addBindValue(RecordFormat::timestamp(submission->createdAt));
    q.addBindValue(RecordFormat::timestamp(submission->updatedAt));
    if (!q.exec())
        return RecordSql::fail(q, error);
    submission->id = q.lastInsertId().toLongLong();
    return true;
}

bool RecordSubmissionRepository::mayEnter(const Session& session, const QString& basis, QString* error)
{
    QString why;
    if (!session.can(Permission::EnterRecord))
        why = QCoreApplication::translate("RecordSubmissionRepository", "Your role does not allow entering records.");
    else if (basis.trimmed().isEmpty())
        why = QCoreApplication::translate("RecordSubmissionRepository",
                                          "The basis of the entry (the document it was taken from) is required.");
    else
        return true;
    if (error)
        *error = why;
    return false;
}

bool RecordSubmissionRepository::submit(Savepoint& unit, const Session& session, RecordSubmission* submission,
                                        const QString& basis, const QJsonObject& auditDetails, qint64* submissionId,
                                        QString* error)
{
    submission->payload.insert(QStringLiteral("basis"), basis);
    submission->createdBy = session.username;
    if (!insert(submission, error))
        return false;

    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("record.submit");
    entry.objectType = QStringLiteral("subject");
    entry.objectId = QString::number(submission->subjectId);
    entry.basis = basis;
    entry.details = auditDetails;
    entry.details.insert(QStringLiteral("submission"), submission->id);
    entry.details.insert(QStringLiteral("kind"), toKey(submission->kind));
    if (!AuditLog::append(m_db, entry, error))
        return false;
    if (!unit.release(error))
        return false;
    if (submissionId)
        *submissionId = submission->id;
    return true;
}
