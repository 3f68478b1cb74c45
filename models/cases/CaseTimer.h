#pragma once

#include "domain/Deadlines.h"

#include <QDate>
#include <QList>
#include <QString>

// A case's clocks, computed afresh from its events and the working-day calendar every time they are shown (never
// stored as counters that could drift). Repair: the municipal review's 3 working days and the 10 in all run from
// the day the case was received; the platform's 7 from the day it was submitted. Objection: 6 working days from
// the day received. Every supplement request pauses the clocks until the materials arrive (CaseClock).
namespace CaseTimer {

// One event of a case as the timer needs it: what was done and on which day.
struct Event
{
    QString action; // CaseWorkflow action key
    QDate on;
};

struct Status
{
    QString clock;          // the clock that matters now: "municipal", "platform" or "objection"
    DeadlineStatus current; // its status
    DeadlineStatus total;   // repair: the 10 working days in all; objection: the same as current
    DeadlineStatus first;   // repair: the municipal review's clock (whatever the stage now); objection: current
    bool paused = false;
    bool estimated = false; // a date lies outside the years the calendar covers
};

// Returns false with error set when no policy is in force on a start date or the events are out of order.
bool compute(CaseKind kind, const QDate& receivedOn, const QList<Event>& events, const PolicyRegistry& policies,
             const WorkingCalendar& calendar, const QDate& asOf, Status* status, QString* error);

} // namespace CaseTimer
