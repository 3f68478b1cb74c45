#include "AuditLog.h"

#include "domain/TextRules.h"

#include "RowSeals.h"
#include "Signing.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPair>
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
                    const QString& detailsJson, const QString& state)
{
    // A JSON array is an unambiguous serialisation (fields cannot run into each other); details go in as the
    // exact text stored, so that the hash does not depend on how a later Qt orders or formats JSON. The row seals'
    // state is appended when there is one (entries written before migration 0005 have none).
    QJsonArray fields{QString::number(seq), at, actor, action, objectType, objectId, basis, detailsJson};
    if (!state.isEmpty())
        fields.append(state);
    QByteArray input = prevHash.toLatin1();
    input += '\n';
    input += QJsonDocument(fields).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
}

QByteArray signedMessage(const QString& hash)
{
    return QByteArrayLiteral("xmcredit-audit-entry-v1\n") + hash.toLatin1();
}

bool checkHead(const QSqlDatabase& db, qint64* seq, QString* hash, QString* message, QSqlError* sqlError)
{
    bool found = false;
    QSqlError headError;
    *seq = 0;
    *hash = genesisHash();
    if (!readHead(db, seq, hash, &found, &headError)) {
        if (sqlError)
            *sqlError = headError;
        *message =
            QCoreApplication::translate("AuditLog", "The audit log's head could not be read: %1").arg(headError.text());
        return false;
    }
    if (!found) {
        *message = QCoreApplication::translate(
            "AuditLog", "The audit log's recorded head is missing: it was deleted outside the program.");
        return false;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM audit_log")) || !query.next()) {
        if (sqlError)
            *sqlError = query.lastError();
        *message = QCoreApplication::translate("AuditLog", "The audit log could not be read: %1")
                       .arg(query.lastError().text());
        return false;
    }
    const qint64 last = query.value(0).toLongLong();
    if (last > *seq) {
        *message =
            QCoreApplication::translate("AuditLog", "Audit entries after %1 were added outside the program.").arg(*seq);
        return false;
    }
    if (last < *seq) {
        *message = QCoreApplication::translate("AuditLog", "Audit entries %1 to %2 are missing at the end of the log.")
                       .arg(last + 1)
                       .arg(*seq);
        return false;
    }
    if (*seq == 0)
        return true;
    QSqlQuery row(db);
    row.setForwardOnly(true);
    row.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
    row.addBindValue(*seq);
    if (!row.exec() || !row.next() || row.value(0).toString() != *hash) {
        if (sqlError && row.lastError().isValid())
            *sqlError = row.lastError();
        *message =
            QCoreApplication::translate("AuditLog", "Audit entry %1 does not match the recorded head of the log.")
                .arg(*seq);
        return false;
    }
    return true;
}

bool append(QSqlDatabase& db, const AuditEntry& given, QString* error, QSqlError* sqlError)
{
    // What is hashed is what the database will give back: typed text with a broken surrogate or a NUL (a hostile
    // basis, a search) would otherwise read back differently and break the chain for everyone.
    AuditEntry entry = given;
    for (QString* text : {&entry.actor, &entry.action, &entry.objectType, &entry.objectId, &entry.basis})
        *text = TextRules::canonical(*text);
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

    // A head that is missing, behind or ahead of the log is tampering: it is reported, never repaired here, so
    // that the log cannot be made to look intact again by the next entry.
    qint64 headSeq = 0;
    QString headHash;
    QString headMessage;
    QSqlError headError;
    if (!checkHead(db, &headSeq, &headHash, &headMessage, &headError))
        return abandon(headMessage, headError);

    const qint64 seq = headSeq + 1;
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString details =
        TextRules::canonical(QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)));
    QString stateError;
    const QString state = RowSeals::stateDigest(db, &stateError);
    if (state.isEmpty())
        return abandon(QCoreApplication::translate("AuditLog", "The row seals could not be read: %1").arg(stateError),
                       QSqlError());
    const QString hash = computeHash(headHash, seq, at, entry.actor, entry.action, entry.objectType, entry.objectId,
                                     entry.basis, details, state);
    // A session whose key was replaced since it opened (an administrator reset the password) signs no more.
    {
        QSqlQuery current(db);
        current.prepare(QStringLiteral("SELECT signing_key FROM staff WHERE username = ?"));
        current.addBindValue(entry.actor);
        const QByteArray held = SignerRing::publicKey(db.databaseName(), entry.actor);
        if (current.exec() && current.next() && !current.value(0).toString().isEmpty() && !held.isEmpty() &&
            QByteArray::fromHex(current.value(0).toString().toLatin1()) != held)
            return abandon(QCoreApplication::translate(
                               "AuditLog", "The signing key of %1 was replaced (the password was reset): log in again.")
                               .arg(entry.actor),
                           QSqlError());
    }
    QByteArray signature;
    if (!SignerRing::sign(db.databaseName(), entry.actor, signedMessage(hash), &signature))
        return abandon(
            QCoreApplication::translate("AuditLog", "The audit entry cannot be signed: %1 is not logged in here.")
                .arg(entry.actor),
            QSqlError());

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, basis, "
                                  "details, prev_hash, hash, signature, state) VALUES (?, ?, ?, ?, coalesce(?, ''), "
                                  "coalesce(?, ''), coalesce(?, ''), ?, ?, ?, ?, ?)"));
    for (const QVariant& value :
         {QVariant(seq), QVariant(at), QVariant(entry.actor), QVariant(entry.action), QVariant(entry.objectType),
          QVariant(entry.objectId), QVariant(entry.basis), QVariant(details), QVariant(headHash), QVariant(hash),
          QVariant(QString::fromLatin1(signature.toHex())), QVariant(state)})
        insert.addBindValue(value);
    if (!insert.exec())
        return abandon(insert.lastError().text(), insert.lastError());

    QSqlQuery head(db);
    head.prepare(QStringLiteral("UPDATE meta SET value = CASE key WHEN 'audit_head_seq' THEN ? ELSE ? END "
                                "WHERE key IN ('audit_head_seq', 'audit_head_hash')"));
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
    return verifyFrom(db, 1, genesisHash());
}

AuditVerifyResult verifyFrom(QSqlDatabase& db, qint64 fromSeq, const QString& fromPrevHash)
{
    AuditVerifyResult result;
    auto broken = [&result](qint64 seq, const QString& message) {
        result.ok = false;
        result.firstBrokenSeq = seq;
        result.message = message;
        return result;
    };

    // Each actor's public signing key, from the staff rows (whose own signatures the login checks), and the keys
    // they had before a password reset, each valid up to the entry it was retired at.
    QHash<QString, QByteArray> signingKeys;
    QHash<QString, QList<QPair<QByteArray, qint64>>> retiredKeys;
    {
        QSqlQuery staff(db);
        staff.setForwardOnly(true);
        if (!staff.exec(QStringLiteral("SELECT username, signing_key, retired_keys FROM staff"))) {
            result.ok = false;
            result.message = QCoreApplication::translate("AuditLog", "The staff list could not be read: %1")
                                 .arg(staff.lastError().text());
            return result;
        }
        while (staff.next()) {
            const QString user = staff.value(0).toString();
            signingKeys.insert(user, QByteArray::fromHex(staff.value(1).toString().toLatin1()));
            const QJsonArray retired = QJsonDocument::fromJson(staff.value(2).toString().toUtf8()).array();
            for (const QJsonValue& value : retired) {
                const QJsonObject key = value.toObject();
                retiredKeys[user].append({QByteArray::fromHex(key.value(QLatin1String("key")).toString().toLatin1()),
                                          qint64(key.value(QLatin1String("until")).toDouble())});
            }
        }
    }
    auto signedByActor = [&](const QString& actor, qint64 seq, const QString& hash, const QByteArray& signature) {
        if (Signing::verify(signingKeys.value(actor), signedMessage(hash), signature))
            return true;
        for (const auto& [key, until] : retiredKeys.value(actor)) {
            if (seq <= until && Signing::verify(key, signedMessage(hash), signature))
                return true;
        }
        return false;
    };

    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, at, actor, action, object_type, object_id, basis, details, "
                                 "prev_hash, hash, signature, state FROM audit_log WHERE seq >= ? ORDER BY seq"));
    query.addBindValue(fromSeq);
    if (!query.exec()) {
        result.ok = false;
        result.message = QCoreApplication::translate("AuditLog", "The audit log could not be read: %1")
                             .arg(query.lastError().text());
        return result;
    }
    qint64 expected = fromSeq;
    result.entries = fromSeq - 1;
    QString previous = fromPrevHash;
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
        const QString hash =
            computeHash(previous, seq, query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                        query.value(4).toString(), query.value(5).toString(), query.value(6).toString(),
                        query.value(7).toString(), query.value(11).toString());
        if (hash != query.value(9).toString())
            return broken(seq, QCoreApplication::translate(
                                   "AuditLog", "Audit entry %1 has been altered: its content does not match its hash.")
                                   .arg(seq));
        const QString actor = query.value(2).toString();
        const QByteArray signature = QByteArray::fromHex(query.value(10).toString().toLatin1());
        if (!signedByActor(actor, seq, hash, signature))
            return broken(seq, QCoreApplication::translate(
                                   "AuditLog", "Audit entry %1 is not signed by %2, whom it names: it was forged.")
                                   .arg(seq)
                                   .arg(actor));
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
    result.headProblem = true;
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
    result.headProblem = false;
    result.message =
        QCoreApplication::translate("AuditLog", "The audit log is intact: %n entries.", nullptr, int(result.entries));
    return result;
}

} // namespace AuditLog
