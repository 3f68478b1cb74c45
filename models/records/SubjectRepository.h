#pragma once

#include "RecordSql.h"
#include "RecordTypes.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

class PlatformWritePermit;
struct Session;

// The only SQL for the subjects table. Readers are open to any code holding the connection; local entries go
// through submitLocal() (audited, needs Permission::EnterRecord); platform rows are written only under a
// PlatformWritePermit (sync applier, demo city). Nothing is ever deleted.
//
// Errors follow the project's convention: false with *error set; a find that matches nothing returns false with
// *error left empty.
class SubjectRepository
{
public:
    explicit SubjectRepository(const QSqlDatabase& db);

    bool findById(qint64 id, Subject* subject, QString* error = nullptr) const;
    // The identifier is normalised first (Identifiers::normalise), as typed or read from an ID card.
    bool findByIdentifier(const QString& identifier, Subject* subject, QString* error = nullptr) const;
    bool findByPlatformId(const QString& platformId, Subject* subject, QString* error = nullptr) const;
    // Only the local id of the subject with this platform id (a credit item from the platform names its subject so).
    bool idByPlatformId(const QString& platformId, qint64* id, QString* error = nullptr) const;
    // Up to limit subjects with an id above afterId, in id order (the platform's side pages through its records so).
    bool pageAfter(qint64 afterId, int limit, QList<Subject>* subjects, QString* error = nullptr) const;
    // Number of subjects (for status displays and tests); -1 on error.
    qint64 count(QString* error = nullptr) const;

    // A subject that is not on the platform yet, entered at this workstation: inserts it with origin local and
    // a record submission (kind subject, status pending) whose payload is the subject plus entryDetails, and
    // audits "record.submit" with basis, all in one unit. Refused without Permission::EnterRecord, for an
    // identifier the domain does not accept (a checksum failure needs subject->identifierOverride naming that
    // identifier, signed by an active member of staff whose role allows Permission::SignOverride), and when the
    // identifier is known already. Record entry validates first (SubjectEntryModel); this re-checks what the
    // database relies on. Fills subject->id and *submissionId.
    bool submitLocal(const Session& session, Subject* subject, const QString& basis, const QJsonObject& entryDetails,
                     qint64* submissionId, QString* error = nullptr);

    // Platform writes. insertPlatform() is the bulk path (demo city, first sync): a plain insert through one
    // prepared statement. applyPlatform() is the sync path: it updates the row with the same platform id (or the
    // local row with the same identifier, when the platform acknowledges a local entry), unless the stored
    // version is the same or newer (then *applied is false), and inserts otherwise.
    bool insertPlatform(const PlatformWritePermit& permit, Subject* subject, QString* error = nullptr);
    bool applyPlatform(const PlatformWritePermit& permit, Subject* subject, bool* applied = nullptr,
                       QString* error = nullptr);

private:
    bool selectOne(const char* where, const QVariant& value, Subject* subject, QString* error) const;
    bool insertRow(Subject* subject, QString* error);
    bool updateRow(const Subject& subject, const Subject& stored, QString* error);

    QSqlDatabase m_db;
    PreparedStatement m_insert; // prepared once: the bulk path runs it millions of times
    RecordSql::TimestampCache m_stamps;
};
