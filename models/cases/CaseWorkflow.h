#pragma once

#include "domain/CreditTypes.h"
#include "storage/Roles.h"

#include <QList>
#include <QString>
#include <QStringList>

// The two case workflows as state machines (no SQL, no widgets): which action leads from which state to which, who
// may take it, and why not when they may not. The repository (CaseRepository) asks check() before every change and
// refuses what it refuses; the GUI offers only available() but the refusal is the model's, with its reason.
//
// Repair (信用修复):   received → municipal_review → platform_review → approved | rejected
//                      municipal_review → rejected (the municipal review refuses it, with reasons)
// Objection (异议):    received → verifying → corrected | item_withdrawn | maintained
// Either:              any open state → withdrawn (the applicant withdraws);
//                      request_supplement / receive_materials pause and resume the clock in any open state (补正);
//                      reassign (supervisor, with a reason) in any open state;
//                      reopen (supervisor, with a reason): a closed case back to the state it was decided in.
//
// Who: a clerk takes in cases, records the applicant's withdrawal and materials; a reviewer reviews and decides; a
// supervisor reassigns and reopens. Nobody decides a case they took in.
namespace CaseWorkflow {

struct Transition
{
    CaseKind kind;
    QString action;   // "start_review", "submit_to_platform", …
    QStringList from; // states it leaves; empty: every open state
    QString to;       // the state it reaches; empty: the same state (pause, resume, reassign)
    Permission permission;
    bool needsNote;  // a reason or the decision's text is required
    bool isDecision; // the person who took the case in may not take it
};

// What a case looks like to the machine.
struct CaseFacts
{
    CaseKind kind = CaseKind::Repair;
    QString state;
    bool paused = false;
    QString intakeBy;
    QString assignedTo;
    QString decidedFrom; // for a closed case: the state it was decided in (where reopen returns it)
};

struct Check
{
    bool allowed = false;
    QString to;     // the state after the action
    QString reason; // translated; why not, when refused
};

QList<Transition> transitions(CaseKind kind);
QStringList states(CaseKind kind);
bool isKnownState(CaseKind kind, const QString& state);
bool isOpen(CaseKind kind, const QString& state);
// The state a new case starts in.
QString initialState();

// Whether actor (with role) may take action on the case now, and where it leads. note: the text given with it.
// For "reassign", note is the reason and the new assignee is the repository's business.
Check check(const CaseFacts& facts, const QString& action, Role role, const QString& actor, const QString& note);
// Whether the role may take the action at all (whatever the case's state): tells a refusal for the role (exit 7)
// from one by the workflow (exit 11).
bool roleMayTake(CaseKind kind, const QString& action, Role role);
// The permissions of which a role needs one to take the action (the permission matrix shows them).
QList<Permission> permissionsFor(CaseKind kind, const QString& action);
// The actions actor could take now (for menus and buttons).
QStringList available(const CaseFacts& facts, Role role, const QString& actor);
// What a case's columns become after an action that leads to `to` (the repository's act() and the replica of the
// platform's moves, CaseReplica, both write this): the clock pauses at request_supplement and runs again at
// receive_materials; reassign gives the case to `assignee`, a review or verification started on an unassigned case
// gives it to its actor; a decision records the state it was decided in and its text (note); reopen clears both.
struct CaseColumns
{
    QString state;
    bool paused = false;
    QString assignedTo;
    QString decidedFrom;
    QString outcome;
};
CaseColumns after(const CaseFacts& facts, const QString& outcome, const QString& action, const QString& to,
                  const QString& actor, const QString& assignee, const QString& note);

// The action that leads from the case's state to target (for "case move --to STATE"); empty when none does.
QString actionTo(const CaseFacts& facts, const QString& target);

QString stateName(CaseKind kind, const QString& state); // translated
QString actionName(const QString& action);              // translated
} // namespace CaseWorkflow
