#include "AuditLog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace AuditLog {

namespace {

const QString& genesisHash()
{
    static const QString hash(64, QLatin1Char('0'));
    return hash;
}

bool readHead(const QSqlDatabase& db, qint64* seq, QString* hash, bool* found, QSqlError* error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('audit_head_seq', 'audit_head_hash')"))) {
        *error = query.lastError();
        return false;
    }
    int seen = 0;
    while (query.next()) {
        if (query.value(0).toString() == QLatin1String("audit_head_seq"))
            *seq = query.value(1).toLongLong();
        else
            *hash = query.value(1).toString();
        ++seen;
    }
    *found = seen == 2;
    return true;
}

} // namespace

QString computeHash(const QString& prevHash, qint64 seq, const QString& at, const QString& actor, const QString& action,
                    const QString& objectType, const QString& objectId, const QString& basis,
                    const QString& detailsJson)
{
    // A JSON array is an unambiguous serialisation (fields cannot run into each other); details go in as the
    // exact text stored, so that the hash does not depend on how a later Qt orders or formats JSON.
    const QJsonArray fields{QString::number(seq), at, actor, action, objectType, objectId, basis, detailsJson};
    QByteArray input = prevHash.toLatin1();
    input += '\n';
    input += QJsonDocument(fields).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
}

bool append(QSqlDatabase& db, const AuditEntry& entry, QString* error, QSqlError* sqlError)
{
    if (entry.actor.isEmpty() || entry.action.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("AuditLog", "An audit entry needs an actor and an action.");
        return false;
    }
    auto report = [&](const QString& message, const QSqlError& cause) {
        if (error)
            *error = message;
        if (sqlError)
            *sqlError = cause;
        return false;
    };
    QSqlQuery query(db);
    // (A null QString is bound as SQL NULL: the optional text columns store it as '', which hashes the same.)
    // A savepoint works both inside the caller's transaction and on its own (then it is the transaction).
    if (!query.exec(QStringLiteral("SAVEPOINT audit_append")))
        return report(query.lastError().text(), query.lastError());
    auto abandon = [&](const QString& message, const QSqlError& cause) {
        QSqlQuery undo(db);
        undo.exec(QStringLiteral("ROLLBACK TO audit_append"));
        undo.exec(QStringLiteral("RELEASE audit_append"));
        return report(message, cause);
    };
    // Write first, read after: this takes SQLite's write lock before the head is read, so two connections can
    // never both append entry n+1.
    if (!query.exec(QStringLiteral("UPDATE meta SET value = value WHERE key = 'audit_head_seq'")))
        return abandon(query.lastError().text(), query.lastError());

    qint64 headSeq = 0;
    QString headHash = genesisHash();
    bool found = false;
    QSqlError headError;
    if (!readHead(db, &headSeq, &headHash, &found, &headError))
        return abandon(QCoreApplication::translate("AuditLog", "The audit log's head could not be read."), headError);
    if (!found) {
        // The checkpoint is gone (only raw SQL can do that): continue from the last row; verify() reports it.
        QSqlQuery last(db);
        if (!last.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")))
            return abandon(last.lastError().text(), last.lastError());
        headSeq = 0;
        headHash = genesisHash();
        if (last.next()) {
            headSeq = last.value(0).toLongLong();
            headHash = last.value(1).toString();
        }
    }

    const qint64 seq = headSeq + 1;
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString details = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    const QString hash = computeHash(headHash, seq, at, entry.actor, entry.action, entry.objectType, entry.objectId,
                                     entry.basis, details);

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, basis, "
                                  "details, prev_hash, hash) VALUES (?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), "
                                  "coalesce(?, ''), ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(seq), QVariant(at), QVariant(entry.actor), QVariant(entry.action), QVariant(entry.objectType),
          QVariant(entry.objectId), QVariant(entry.basis), QVariant(details), QVariant(headHash), QVariant(hash)})
        insert.addBindValue(value);
    if (!insert.exec())
        return abandon(insert.lastError().text(), insert.lastError());

    QSqlQuery head(db);
    head.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head_seq', ?), "
                                "('audit_head_hash', ?)"));
    head.addBindValue(QString::number(seq));
    head.addBindValue(hash);
    if (!head.exec())
        return abandon(head.lastError().text(), head.lastError());
    if (!query.exec(QStringLiteral("RELEASE audit_append")))
        return abandon(query.lastError().text(), query.lastError());
    return true;
}

AuditVerifyResult verify(QSqlDatabase& db)
{
    AuditVerifyResult result;
    auto broken = [&result](qint64 seq, const QString& message) {
        result.ok = false;
        result.firstBrokenSeq = seq;
        result.message = message;
        return result;
    };

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT seq, at, actor, action, object_type, object_id, basis, details, "
                                   "prev_hash, hash FROM audit_log ORDER BY seq"))) {
        result.ok = false;
        result.message = QCoreApplication::translate("AuditLog", "The audit log could not be read: %1")
                             .arg(query.lastError().text());
        return result;
    }
    qint64 expected = 1;
    QString previous = genesisHash();
    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        if (seq != expected) {
            if (seq > expected)
                return broken(expected, QCoreApplication::translate("AuditLog",
                                                                    "Audit entry %1 is missing (the next entry is %2).")
                                            .arg(expected)
                                            .arg(seq));
            return broken(seq, QCoreApplication::translate("AuditLog", "Audit entry %1 is out of sequence.").arg(seq));
        }
        if (query.value(8).toString() != previous)
            return broken(seq,
                          QCoreApplication::translate(
                              "AuditLog", "Audit entry %1 does not link to the entry before it: entries were removed, "
                                          "reordered or altered.")
                              .arg(seq));
        const QString hash = computeHash(
            previous, seq, query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
            query.value(4).toString(), query.value(5).toString(), query.value(6).toString(), query.value(7).toString());
        if (hash != query.value(9).toString())
            return broken(seq, QCoreApplication::translate(
                                   "AuditLog", "Audit entry %1 has been altered: its content does not match its hash.")
                                   .arg(seq));
        previous = hash;
        result.entries = seq;
        ++expected;
    }
    if (query.lastError().isValid())
        return broken(expected, QCoreApplication::translate("AuditLog", "The audit log could not be read: %1")
                                    .arg(query.lastError().text()));

    // The chain alone cannot show that entries were cut off at the end: the head recorded in meta can.
    qint64 headSeq = 0;
    QString headHash;
    bool found = false;
    QSqlError headError;
    if (!readHead(db, &headSeq, &headHash, &found, &headError) || !found)
        return broken(result.entries + 1,
                      QCoreApplication::translate("AuditLog", "The audit log's recorded head is missing."));
    if (headSeq > result.entries)
        return broken(result.entries + 1, QCoreApplication::translate(
                                              "AuditLog", "Audit entries %1 to %2 are missing at the end of the log.")
                                              .arg(result.entries + 1)
                                              .arg(headSeq));
    if (headSeq < result.entries)
        return broken(headSeq + 1,
                      QCoreApplication::translate("AuditLog", "Audit entries after %1 were added outside the program.")
                          .arg(headSeq));
    if (headHash != previous)
        return broken(headSeq, QCoreApplication::translate(
                                   "AuditLog", "Audit entry %1 does not match the recorded head of the log.")
                                   .arg(headSeq));
    result.message =
        QCoreApplication::translate("AuditLog", "The audit log is intact: %n entries.", nullptr, int(result.entries));
    return result;
}

} // namespace AuditLog
