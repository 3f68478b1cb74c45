#include "AttachmentStore.h"

#include "storage/Session.h"

#include "RecordSql.h"
#include "RecordTypes.h"
#include "Savepoint.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The columns list() and read() select; read() adds the bytes after them.
#define XM_ATTACHMENT_COLUMNS "id, owner_type, owner_id, file_name, mime_type, sha256, size, added_by, added_at"

Attachment readAttachment(const QSqlQuery& q)
{
    Attachment a;
    a.id = q.value(0).toLongLong();
    a.ownerType = q.value(1).toString();
    a.ownerId = q.value(2).toLongLong();
    a.fileName = q.value(3).toString();
    a.mimeType = q.value(4).toString();
    a.sha256 = q.value(5).toString();
    a.size = q.value(6).toLongLong();
    a.addedBy = q.value(7).toString();
    a.addedAt = RecordFormat::parseTimestamp(q.value(8).toString());
    return a;
}

} // namespace

AttachmentStore::AttachmentStore(const QSqlDatabase& db)
    : m_db(db)
{}

QString AttachmentStore::sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool AttachmentStore::store(const QString& ownerType, qint64 ownerId, const QString& fileName, const QString& mimeType,
                            const QByteArray& bytes, const QString& addedBy, qint64* id, QString* error)
{
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (bytes.isEmpty())
        return refuse(QCoreApplication::translate("AttachmentStore", "The file \"%1\" is empty.").arg(fileName));
    if (bytes.size() > MaximumSize)
        return refuse(QCoreApplication::translate("AttachmentStore", "The file \"%1\" is larger than %2 MB.")
                          .arg(fileName)
                          .arg(MaximumSize / (1024 * 1024)));
    if (ownerType.isEmpty() || fileName.isEmpty() || addedBy.isEmpty())
        return refuse(QCoreApplication::translate("AttachmentStore",
                                                  "An attachment needs its owner, its file name and who added it."));

    const QString digest = sha256Hex(bytes);
    Savepoint unit(m_db);
    if (!unit.isActive())
        return refuse(unit.errorString());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO attachments (owner_type, owner_id, file_name, mime_type, bytes, sha256, "
                             "size, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(ownerType);
    q.addBindValue(ownerId);
    q.addBindValue(fileName);
    q.addBindValue(mimeType.isEmpty() ? QStringLiteral("application/octet-stream") : mimeType);
    q.addBindValue(bytes);
    q.addBindValue(digest);
    q.addBindValue(qint64(bytes.size()));
    q.addBindValue(addedBy);
    q.addBindValue(RecordFormat::now());
    if (!q.exec())
        return RecordSql::fail(q, error);
    const qint64 newId = q.lastInsertId().toLongLong();

    AuditEntry entry;
    entry.actor = addedBy;
    entry.action = QStringLiteral("attachment.add");
    entry.objectType = ownerType;
    entry.objectId = QString::number(ownerId);
    entry.details.insert(QStringLiteral("attachment"), newId);
    entry.details.insert(QStringLiteral("file_name"), fileName);
    entry.details.insert(QStringLiteral("sha256"), digest);
    entry.details.insert(QStringLiteral("size"), qint64(bytes.size()));
    if (!AuditLog::append(m_db, entry, error))
        return false;
    if (!unit.release(error))
        return false;
    if (id)
        *id = newId;
    return true;
}

bool AttachmentStore::read(qint64 id, Attachment* attachment, QString* error) const
{
    QSqlQuery q;
    QString why;
    if (!RecordSql::selectFirst(&q, m_db,
                                QStringLiteral("SELECT " XM_ATTACHMENT_COLUMNS ", bytes FROM attachments WHERE id = ?"),
                                id, &why)) {
        if (error)
            *error = why.isEmpty()
                         ? QCoreApplication::translate("AttachmentStore", "There is no attachment %1.").arg(id)
                         : why;
        return false;
    }
    Attachment a = readAttachment(q);
    a.bytes = q.value(9).toByteArray();
    if (a.bytes.size() != a.size || sha256Hex(a.bytes) != a.sha256) {
        if (error)
            *error = QCoreApplication::translate(
                         "AttachmentStore",
                         "The attachment \"%1\" does not match its recorded SHA-256: it was altered or damaged.")
                         .arg(a.fileName);
        return false;
    }
    if (attachment)
        *attachment = std::move(a);
    return true;
}

bool AttachmentStore::list(const QString& ownerType, qint64 ownerId, QList<Attachment>* attachments,
                           QString* error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT " XM_ATTACHMENT_COLUMNS
                             " FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY id"));
    q.addBindValue(ownerType);
    q.addBindValue(ownerId);
    if (!q.exec())
        return RecordSql::fail(q, error);
    attachments->clear();
    while (q.next())
        attachments->append(readAttachment(q));
    if (q.lastError().isValid())
        return RecordSql::fail(q, error);
    return true;
}

bool AttachmentStore::view(const Session& session, qint64 id, Attachment* attachment, QString* error)
{
    if (!session.can(Permission::QuerySubject) && !session.can(Permission::ReadAudit)) {
        if (error)
            *error = QCoreApplication::translate("AttachmentStore", "Your role does not allow looking at scans.");
        return false;
    }
    if (!read(id, attachment, error))
        return false;
    if (session.readOnly)
        return true;
    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("attachment.view");
    entry.objectType = QStringLiteral("attachment");
    entry.objectId = QString::number(id);
    entry.details = {
        {QStringLiteral("owner"), attachment->ownerType + QLatin1Char('/') + QString::number(attachment->ownerId)},
        {QStringLiteral("sha256"), attachment->sha256}};
    if (!AuditLog::append(m_db, entry, error)) {
        *attachment = {};
        return false;
    }
    return true;
}
