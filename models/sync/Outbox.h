#pragma once

#include "storage/Session.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// What this window sends the platform (PROTOCOL.md, section 6): record submissions, case events (a new case is its
// intake event, carrying the case) and report issuances. The outbox is not a table of its own: its entries are the
// rows the window keeps for good anyway, and an entry is pending until the platform's answer to it is recorded in
// sync_outbox_answers (0011). A push that fails or is interrupted therefore loses nothing: the entry stays pending
// and is sent again, under the same idempotency key, so the platform applies it once.
struct OutboxEntry
{
    QString kind; // record_submission, case_event, report
    qint64 localId = 0;
    QString key;      // idempotency key: workstation id / kind / local id
    QJsonObject data; // what is sent
    QString sha256;   // of data's compact JSON (keys sorted): the platform checks it
    QString label;    // for people: the case number, report number or submission
    // A case event: the platform's number it would get in its case (the platform's events held here, plus this
    // window's earlier ones not yet answered). Sent beside data, not in it: it moves when other windows' events come
    // in, while the entry itself (and its hash) never changes.
    int seq = -1;
};

// The platform's answer to one entry.
struct OutboxAnswer
{
    QString key;
    QString outcome; // accepted, conflict, rejected
    QString platformRef;
    QString reason;       // the platform's words, for conflicts and rejections
    QJsonObject platform; // for a conflict: the case as the platform holds it (state, lastAction, movedAt, …)
};

// An answer that was not "accepted": shown to the user (status bar, case page, `xmcredit-admin outbox`).
struct OutboxProblem
{
    QString kind;
    qint64 localId = 0;
    QString key;
    QString outcome; // conflict or rejected
    QString label;   // case number, report number, submission
    QString localAction;
    QString reason;
    QString platformState; // for a case: the state the platform holds it in
    QString answeredAt;
};

struct OutboxCounts
{
    int pending = 0;
    int accepted = 0;
    int conflicts = 0;
    int rejected = 0;
};

namespace Outbox {

constexpr int MaxEntriesPerPush = 100;

// The idempotency key of an entry.
QString keyFor(const QString& workstationId, const QString& kind, qint64 localId);
// SHA-256 (hex) of an entry's data as sent (compact JSON, keys sorted).
QString digest(const QJsonObject& data);

// Pending entries in the order they are sent: record submissions, then case events, then reports, each oldest first;
// at most limit.
bool pending(const QSqlDatabase& db, const QString& workstationId, int limit, QList<OutboxEntry>* entries,
             QString* error = nullptr);
bool counts(const QSqlDatabase& db, OutboxCounts* counts, QString* error = nullptr);

// Records the platform's answers to the entries sent, in one transaction with one signed audit entry (sync.push) and
// one per conflict or rejection (sync.conflict, sync.rejected). Every entry sent must be answered exactly once and
// nothing else: otherwise nothing is recorded (the entries stay pending) and false is returned. A record
// submission's status moves on with its answer (acknowledged with the platform's id, or rejected with the reason).
// Permission::PullSync.
// *badAnswer tells an answer not of the protocol's form from a refusal of the role or the database.
bool record(const Session& session, const QList<OutboxEntry>& sent, const QList<OutboxAnswer>& answers,
            QString* error = nullptr, bool* badAnswer = nullptr);

// Conflicts and rejections, newest first (caseId > 0: those of one case only).
bool problems(const QSqlDatabase& db, QList<OutboxProblem>* problems, qint64 caseId = 0, int limit = 200,
              QString* error = nullptr);

} // namespace Outbox
