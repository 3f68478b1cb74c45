#pragma once

#include "domain/CreditTypes.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"

#include <QDate>
#include <QString>
#include <QVector>

// A pause of a case clock while the applicant supplements missing materials (补正). The clock stops after the
// day the supplement is requested (that day was worked on) and restarts after the day the materials arrive (a
// new start day, not counted), so the working days in (from, until] are not counted. An open pause has no until.
struct ClockPause
{
    QDate from;
    QDate until;
    bool isOpen() const { return !until.isValid(); }
};

enum class DeadlineState {
    OnTime,
    AtRisk, // one working day left: the last working day before the due date
    DueToday,
    Overdue,       // past the due date; overdueBy counts the working days since
    Paused,        // waiting for the applicant's supplement
    Completed,     // stopped on or before the due date
    CompletedLate, // stopped after the due date
};

QString toKey(DeadlineState state);

struct DeadlineStatus
{
    DeadlineState state = DeadlineState::OnTime;
    QDate dueDate;          // invalid while an open pause holds the clock
    int limit = 0;          // working days allowed
    int elapsed = 0;        // working days used up to the date
    int remaining = 0;      // limit - elapsed (negative when overdue)
    int overdueBy = 0;      // working days past the due date (Overdue, CompletedLate)
    bool estimated = false; // some day lay outside the years the calendar covers
    QString reason;         // translated
};

// The time limit of one case stage, counted in working days from its start (start day not counted).
// A repair case runs three clocks: RepairMunicipal and RepairTotal from the intake day, and RepairPlatform from the
// day the municipal review passes the case on (so a quick municipal review does not shorten the platform's 7 days,
// while the total still shows whether the 10 days were kept). An objection runs one. Every pause of the case is
// given to each of its clocks; a clock ignores the part of a pause outside its own span.
class CaseClock
{
public:
    CaseClock() = default;
    CaseClock(const QDate& start, int limitWorkingDays);

    // A clock for a stage with the limit of the policy in force on the start date; false with a reason when no
    // policy is in force.
    static bool forStage(CaseStage stage, const QDate& start, const PolicyRegistry& policies, CaseClock* clock,
                         QString* error);

    QDate start() const { return m_start; }
    int limit() const { return m_limit; }
    QVector<ClockPause> pauses() const { return m_pauses; }
    QDate completedOn() const { return m_completedOn; }

    // Starts a pause (until invalid: open). Pauses must come in order and not overlap; only the last may be open.
    // Returns false and changes nothing otherwise.
    bool addPause(const QDate& from, const QDate& until = QDate());
    // Closes the open pause on the day the materials arrived.
    bool resume(const QDate& until);
    // Stops the clock (the stage was decided).
    bool complete(const QDate& on);

    // Working days counted from the start up to and including date (pauses and days after completion excluded).
    int elapsedOn(const WorkingCalendar& calendar, const QDate& date, bool* estimated = nullptr) const;
    // The day the limit is reached; invalid while an open pause holds the clock before that.
    QDate dueDate(const WorkingCalendar& calendar, bool* estimated = nullptr) const;
    DeadlineStatus statusOn(const WorkingCalendar& calendar, const QDate& date) const;

private:
    const ClockPause* pauseHolding(const QDate& date) const;

    QDate m_start;
    int m_limit = 0;
    QVector<ClockPause> m_pauses;
    QDate m_completedOn;
};
