#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// The append-only, hash-chained audit trail. Every query, print, entry and case transition writes one entry.
// Each row stores SHA-256(previous hash ‖ canonical serialisation of this row) and its actor's Ed25519 signature of
// that hash (the key is held in SignerRing while the actor is logged in); verify() walks the chain and checks each
// signature against the actor's signed staff row, so nobody can write an entry in another person's name.
struct AuditEntry
{
    QString actor;      // staff username ("system" for sync)
    QString action;     // dotted verb: "login.success", "subject.open", "record.submit", "report.print", …
    QString objectType; // "subject", "item", "case", "staff", "workstation", …
    QString objectId;
    QString basis; // why: the legal basis or purpose recorded for the action
    QJsonObject details;
};

struct AuditVerifyResult
{
    bool ok = true;
    bool headProblem = false; // the break is at the end: the recorded head is missing, behind or ahead
    qint64 entries = 0;
    qint64 firstBrokenSeq = -1; // sequence number of the first row whose link does not hold
    QString message;
};

namespace AuditLog {
// Appends an entry in the current transaction (or its own, through a savepoint). Timestamps are UTC ISO 8601
// with milliseconds. Returns false with error set on failure; sqlError then gets the database's error, if the
// database failed (its nativeErrorCode() is SQLite's result code: callers tell a damaged file by it).
bool append(QSqlDatabase& db, const AuditEntry& entry, QString* error = nullptr, QSqlError* sqlError = nullptr);
// Walks the whole chain in seq order and compares its end with the head recorded in the meta table. Reports the
// first broken entry: an altered row (its hash), a removed row (the missing seq), rows reordered (the first one
// whose link fails), rows cut off at the end (the first missing seq after the last row).
//
// Limit: anyone holding the database key can drop the triggers and rewrite the whole chain and its head
// consistently; the chain makes that deliberate and detectable only against a copy of the head kept elsewhere
// (e.g. pushed to the platform by sync).
AuditVerifyResult verify(QSqlDatabase& db);
// The same walk from entry fromSeq on, whose predecessor's hash must be fromPrevHash (the login checks the entries
// written since the anchor kept in the vault; `audit verify` and `check` walk everything).
AuditVerifyResult verifyFrom(QSqlDatabase& db, qint64 fromSeq, const QString& fromPrevHash);

// Checks, without writing, that the recorded head exists and is the last entry: the row at the head's seq has the
// head's hash and no row lies past it. Cheap (two indexed reads): the login runs it before it writes anything, and
// append() refuses to extend a log that fails it (a missing head is never rebuilt). False with message set when
// it does not hold, or when it could not be read (sqlError then set).
bool checkHead(const QSqlDatabase& db, qint64* seq, QString* hash, QString* message, QSqlError* sqlError = nullptr);

// What an actor signs: the entry's hash under a fixed context, so a signature cannot be taken for another use.
QByteArray signedMessage(const QString& hash);

// The hash of one entry: SHA-256 hex of prevHash, a newline, and the compact JSON array
// [seq as decimal text, at, actor, action, objectType, objectId, basis, detailsJson] followed by the row seals' state
// (RowSeals::stateDigest) when there is one.
QString computeHash(const QString& prevHash, qint64 seq, const QString& at, const QString& actor, const QString& action,
                    const QString& objectType, const QString& objectId, const QString& basis,
                    const QString& detailsJson, const QString& state = {});
} // namespace AuditLog
