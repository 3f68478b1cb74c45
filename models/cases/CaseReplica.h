#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// One event of a case as the platform publishes it on the case_moves stream (PROTOCOL.md, section 3): taken from
// whichever window it came from, numbered within its case (0 is the intake) in the order the platform took it.
struct PlatformCaseMove
{
    QString caseNo;
    QString caseKind; // repair, objection
    int seq = -1;
    QString origin; // the idempotency key the window pushed it under; empty for the platform's own moves
    QString at;
    QString onDate;
    QString actor;
    QString action;
    QString fromState;
    QString toState;
    QString note;
    QJsonObject details;
    // The intake (seq 0) only: the case as it was taken in.
    QString subjectPlatformId;
    QString receivedOn;
    QString intakeBy;
    QJsonObject applicant;
    QString grounds;
    QString statement;
    QStringList itemPlatformIds;
};

// This window's copy of the cases other windows (and the platform) move: applies the platform's case moves in the
// transaction of the page that brought them. A case taken in elsewhere is created from its intake; a move of a case
// held here is appended as an event of its actor and moves the case (the triggers of 0006 hold: the event is the
// newest and leads from the case's state). When this window's own attempt was not taken (a conflict), the platform's
// move is written from the state the case is in here, so the case ends as the platform holds it and the local attempt
// stays in its history. Credit items are not touched: their outcome comes on the credit_items stream. Clocks are left
// stale (the 0009 triggers) and recomputed at the next queue read.
namespace CaseReplica {

// Reads one change of a case_moves page; false with the reason when it is not of the protocol's form.
bool parse(const QJsonObject& change, PlatformCaseMove* move, QString* error);

enum class Outcome {
    Applied,    // a new event (and, for an intake, a new case) was written
    Own,        // this window's own event, now known to be the platform's seq
    AlreadyHeld // the platform's event seq of the case is held here already
};

// *malformed tells a move that cannot be applied (an unknown case without its intake, a gap in a case's events, an
// unknown subject or item) from a database failure.
bool apply(QSqlDatabase& db, const QString& workstationId, const PlatformCaseMove& move, Outcome* outcome,
           QString* error, bool* malformed);

} // namespace CaseReplica
