#include "SubjectRepository.h"

#include "PlatformWritePermit.h"
#include "RecordJson.h"
#include "RecordSql.h"
#include "RecordSubmissionRepository.h"
#include "Savepoint.h"
#include "SubjectNameIndex.h"
#include "storage/Session.h"
#include "storage/Staff.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>

using RecordSql::nullable;
using RecordSql::nullableDate;

namespace {

#define XM_SUBJECT_COLUMNS                                                                                             \
    "id, kind, identifier, identifier_override, name, legal_representative, registered_address, established_on, "      \
    "industry, district, status, origin, platform_id, platform_version, created_at, updated_at"

Subject readSubject(const QSqlQuery& q)
{
    Subject s;
    s.id = q.value(0).toLongLong();
    fromKey(q.value(1).toString(), &s.kind);
    s.identifier = q.value(2).toString();
    const QString overrideJson = q.value(3).toString();
    if (!overrideJson.isEmpty())
        s.hasIdentifierOverride = RecordJson::fromJson(QJsonDocument::fromJson(overrideJson.toUtf8()).object(),
                                                       &s.identifierOverride, nullptr);
    s.name = q.value(4).toString();
    s.legalRepresentative = q.value(5).toString();
    s.registeredAddress = q.value(6).toString();
    s.establishedOn = RecordFormat::parseDate(q.value(7).toString());
    s.industry = q.value(8).toString();
    s.district = q.value(9).toString();
    s.status = q.value(10).toString();
    fromKey(q.value(11).toString(), &s.origin);
    s.platformId = q.value(12).toString();
    s.platformVersion = q.value(13).toLongLong();
    s.createdAt = RecordFormat::parseTimestamp(q.value(14).toString());
    s.updatedAt = RecordFormat::parseTimestamp(q.value(15).toString());
    return s;
}

QVariant overrideColumn(const Subject& s)
{
    if (!s.hasIdentifierOverride)
        return nullable(QString());
    return QString::fromUtf8(QJsonDocument(RecordJson::toJson(s.identifierOverride)).toJson(QJsonDocument::Compact));
}

// Binds the columns written on insert and update by name: Qt's positional bindValue(int) formats a placeholder
// name for every value, which costs more than SQLite's insert itself on the bulk path.
template<typename Binder> void bindWritable(Binder& q, const Subject& s, RecordSql::TimestampCache& stamps)
{
    q.bindValue(QStringLiteral(":kind"), toKey(s.kind));
    q.bindValue(QStringLiteral(":identifier"), s.identifier);
    q.bindValue(QStringLiteral(":identifier_override"), overrideColumn(s));
    q.bindValue(QStringLiteral(":name"), s.name);
    // Never NULL: a name of punctuation alone has no bigrams, and the column takes no NULL.
    QString bigrams = SubjectNameIndex::bigrams(s.name);
    if (bigrams.isNull())
        bigrams = QLatin1String("");
    q.bindValue(QStringLiteral(":name_bigrams"), bigrams);
    q.bindValue(QStringLiteral(":legal_representative"), nullable(s.legalRepresentative));
    q.bindValue(QStringLiteral(":registered_address"), nullable(s.registeredAddress));
    q.bindValue(QStringLiteral(":established_on"), nullableDate(s.establishedOn));
    q.bindValue(QStringLiteral(":industry"), nullable(s.industry));
    q.bindValue(QStringLiteral(":district"), nullable(s.district));
    q.bindValue(QStringLiteral(":status"), nullable(s.status));
    RecordSql::bindProvenance(q, s, stamps);
}

} // namespace

SubjectRepository::SubjectRepository(const QSqlDatabase& db)
    : m_db(db)
{}

bool SubjectRepository::selectOne(const char* where, const QVariant& value, Subject* subject, QString* error) const
{
    QSqlQuery q;
    if (!RecordSql::selectFirst(
            &q, m_db,
            QStringLiteral("SELECT " XM_SUBJECT_COLUMNS " FROM subjects WHERE %1 = ?").arg(QLatin1String(where)), value,
            error))
        return false;
    if (subject)
        *subject = readSubject(q);
    return true;
}

bool SubjectRepository::findById(qint64 id, Subject* subject, QString* error) const
{
    return selectOne("id", id, subject, error);
}

bool SubjectRepository::findByIdentifier(const QString& identifier, Subject* subject, QString* error) const
{
    return selectOne("identifier", Identifiers::normalise(identifier), subject, error);
}

bool SubjectRepository::findByPlatformId(const QString& platformId, Subject* subject, QString* error) const
{
    return selectOne("platform_id", platformId, subject, error);
}

bool SubjectRepository::pageAfter(qint64 afterId, int limit, QList<Subject>* subjects, QString* error) const
{
    subjects->clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT " XM_SUBJECT_COLUMNS " FROM subjects WHERE id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(afterId);
    q.addBindValue(limit);
    if (!q.exec())
        return RecordSql::fail(q, error);
    while (q.next())
        subjects->append(readSubject(q));
    return true;
}

bool SubjectRepository::idByPlatformId(const QString& platformId, qint64* id, QString* error) const
{
    QSqlQuery q;
    if (!RecordSql::selectFirst(&q, m_db, QStringLiteral("SELECT id FROM subjects WHERE platform_id = ?"), platformId,
                                error))
        return false;
    *id = q.value(0).toLongLong();
    return true;
}

qint64 SubjectRepository::count(QString* error) const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM subjects")) || !q.next()) {
        RecordSql::fail(q, error);
        return -1;
    }
    return q.value(0).toLongLong();
}

bool SubjectRepository::insertRow(Subject* subject, QString* error)
{
    return RecordSql::insertRow(
        m_insert, m_db,
        QStringLiteral("INSERT INTO subjects (kind, identifier, identifier_override, name, name_bigrams, "
                       "legal_representative, registered_address, established_on, industry, district, status, "
                       "origin, platform_id, platform_version, updated_at, created_at) "
                       "VALUES (:kind, :identifier, :identifier_override, :name, :name_bigrams, "
                       ":legal_representative, :registered_address, :established_on, :industry, :district, "
                       ":status, :origin, :platform_id, :platform_version, :updated_at, :created_at)"),
        subject, m_stamps, bindWritable<PreparedStatement>, error);
}

bool SubjectRepository::updateRow(const Subject& subject, const Subject& stored, QString* error)
{
    RecordSql::ColumnValues now, before;
    bindWritable(now, subject, m_stamps);
    bindWritable(before, stored, m_stamps);
    return RecordSql::updateChanged(m_db, QStringLiteral("subjects"), subject.id, now, before, error);
}

bool SubjectRepository::submitLocal(const Session& session, Subject* subject, const QString& basis,
                                    const QJsonObject& entryDetails, qint64* submissionId, QString* error)
{
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!RecordSubmissionRepository::mayEnter(session, basis, error))
        return false;
    subject->identifier = Identifiers::normalise(subject->identifier);
    const IdentifierKind kind = subject->isNaturalPerson() ? IdentifierKind::ResidentId : IdentifierKind::CreditCode;
    const IdentifierCheck check =
        Identifiers::check(subject->identifier, kind, QDate::currentDate(),
                           subject->hasIdentifierOverride ? &subject->identifierOverride : nullptr);
    if (!check.accepted())
        return refuse(check.message());
    if (check.overrideUsed) {
        // The override is only as good as its signer: an active member of staff whose role signs overrides now,
        // as the staff table says (the name in the override is just text the form was given).
        StaffMember signer;
        QString staffError;
        const bool known = StaffDirectory::find(
            m_db, StaffDirectory::normalizedUsername(subject->identifierOverride.supervisor), &signer, &staffError);
        if (!staffError.isEmpty())
            return refuse(staffError);
        if (!known || !signer.active || !roleAllows(signer.role, Permission::SignOverride))
            return refuse(QCoreApplication::translate(
                              "SubjectRepository",
                              "The identifier override must be signed by an active supervisor; %1 may not sign it.")
                              .arg(subject->identifierOverride.supervisor));
    }
    subject->hasIdentifierOverride = check.overrideUsed;
    if (subject->name.trimmed().isEmpty())
        return refuse(QCoreApplication::translate("SubjectRepository", "The name of the subject is required."));
    QString why;
    Subject existing;
    if (findByIdentifier(subject->identifier, &existing, &why))
        return refuse(
            QCoreApplication::translate("SubjectRepository", "A subject with the identifier %1 is known already: %2.")
                .arg(subject->identifier, existing.name));
    if (!why.isEmpty())
        return refuse(why);

    Savepoint unit(m_db);
    if (!unit.isActive())
        return refuse(unit.errorString());
    subject->origin = RecordOrigin::Local;
    subject->platformId.clear();
    subject->platformVersion = 0;
    subject->createdAt = QDateTime::currentDateTimeUtc();
    subject->updatedAt = subject->createdAt;
    if (!insertRow(subject, error))
        return false;

    RecordSubmission submission;
    submission.kind = SubmissionKind::Subject;
    submission.subjectId = subject->id;
    submission.payload = entryDetails;
    submission.payload.insert(QStringLiteral("subject"), RecordJson::toJson(*subject));
    QJsonObject audited{{QStringLiteral("identifier"), subject->identifier}};
    if (check.overrideUsed)
        audited.insert(QStringLiteral("identifier_override"), RecordJson::toJson(subject->identifierOverride));
    return RecordSubmissionRepository(m_db).submit(unit, session, &submission, basis, audited, submissionId, error);
}

bool SubjectRepository::insertPlatform(const PlatformWritePermit& permit, Subject* subject, QString* error)
{
    if (!permit.covers(m_db, error))
        return false;
    subject->origin = RecordOrigin::Platform;
    return insertRow(subject, error);
}

bool SubjectRepository::applyPlatform(const PlatformWritePermit& permit, Subject* subject, bool* applied,
                                      QString* error)
{
    if (applied)
        *applied = false;
    if (!permit.covers(m_db, error))
        return false;
    if (subject->platformId.isEmpty()) {
        if (error)
            *error =
                QCoreApplication::translate("SubjectRepository", "A subject from the platform needs its platform id.");
        return false;
    }
    subject->identifier = Identifiers::normalise(subject->identifier);
    subject->origin = RecordOrigin::Platform;
    Subject existing;
    QString why;
    bool found = findByPlatformId(subject->platformId, &existing, &why);
    if (!found && why.isEmpty())
        found = findByIdentifier(subject->identifier, &existing, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    return RecordSql::applyNewer(
        subject, found ? &existing : nullptr, applied, [this](Subject* row, QString* e) { return insertRow(row, e); },
        [this](const Subject& row, const Subject& stored, QString* e) { return updateRow(row, stored, e); }, error);
}
