#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

// The append-only, hash-chained audit trail. Every query, print, entry and case transition writes one entry.
// Each row stores SHA-256(previous hash ‖ canonical serialisation of this row); verify() walks the chain.
struct AuditEntry
{
    QString actor;      // staff username ("system" for sync)
    QString action;     // dotted verb: "login.success", "subject.open", "record.submit", "report.print", …
    QString objectType; // "subject", "item", "case", "staff", "workstation", …
    QString objectId;
    QString basis;      // why: the legal basis or purpose recorded for the action
    QJsonObject details;
};

struct AuditVerifyResult
{
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBrokenSeq = -1; // sequence number of the first row whose link does not hold
    QString message;
};

namespace AuditLog {
// Appends an entry in the current transaction (or its own). Returns false with error set on failure.
bool append(QSqlDatabase& db, const AuditEntry& entry, QString* error = nullptr);
AuditVerifyResult verify(QSqlDatabase& db);
} // namespace AuditLog
