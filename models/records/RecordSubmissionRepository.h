#pragma once

#include "RecordTypes.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class Savepoint;
struct Session;

// Local entries awaiting the platform (table record_submissions). Subjects and items are submitted through
// SubjectRepository::submitLocal and CreditItemRepository::submitLocal, which insert here; the outbox reads the
// pending ones and moves their status on. The payload never changes (a trigger refuses it) and no row is deleted.
class RecordSubmissionRepository
{
public:
    explicit RecordSubmissionRepository(const QSqlDatabase& db);

    bool findById(qint64 id, RecordSubmission* submission, QString* error = nullptr) const;
    // The subject's submissions, newest first.
    bool ofSubject(qint64 subjectId, QList<RecordSubmission>* submissions, QString* error = nullptr) const;
    // Submissions in a status, oldest first (the outbox sends in that order), at most limit of them.
    bool withStatus(SubmissionStatus status, QList<RecordSubmission>* submissions, int limit = 1000,
                    QString* error = nullptr) const;

    // Moves a submission on: pending -> sent -> acknowledged | rejected (sent -> pending to retry). An
    // acknowledged or rejected submission keeps its status. platformId is recorded on acknowledgement.
    bool setStatus(qint64 id, SubmissionStatus status, const QString& reason = QString(),
                   const QString& platformId = QString(), QString* error = nullptr);

    // Inserts a new pending submission (used by the repositories' submitLocal). Fills id, status and times.
    bool insert(RecordSubmission* submission, QString* error = nullptr);

    // What the repositories' submitLocal share. mayEnter() is the check every local entry passes first: the
    // session's role may enter records and the entry names its basis (the document it was taken from); false with
    // the reason otherwise. submit() then, in the caller's savepoint, inserts *submission as the session's user
    // with basis added to its payload, audits "record.submit" on its subject with basis, the submission's id
    // and kind, and auditDetails, releases unit (so the row written before, the submission and the audit entry
    // land together) and sets *submissionId when given.
    static bool mayEnter(const Session& session, const QString& basis, QString* error);
    bool submit(Savepoint& unit, const Session& session, RecordSubmission* submission, const QString& basis,
                const QJsonObject& auditDetails, qint64* submissionId, QString* error = nullptr);

private:
    bool select(const QString& whereAndOrder, const QVariantList& binds, QList<RecordSubmission>* out,
                QString* error) const;

    QSqlDatabase m_db;
};
