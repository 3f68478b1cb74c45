#include "Deadlines.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

QString overdueReason(int days, const QDate& due)
{
    if (days <= 0)
        return QCoreApplication::translate("Deadlines", "Overdue: the case was due on %1.").arg(isoDate(due));
    if (days == 1)
        return QCoreApplication::translate("Deadlines", "Overdue by 1 working day: the case was due on %1.")
            .arg(isoDate(due));
    return QCoreApplication::translate("Deadlines", "Overdue by %1 working days: the case was due on %2.")
        .arg(days)
        .arg(isoDate(due));
}

} // namespace

QString toKey(DeadlineState state)
{
    switch (state) {
    case DeadlineState::OnTime:
        return QStringLiteral("on_time");
    case DeadlineState::AtRisk:
        return QStringLiteral("at_risk");
    case DeadlineState::DueToday:
        return QStringLiteral("due_today");
    case DeadlineState::Overdue:
        return QStringLiteral("overdue");
    case DeadlineState::Paused:
        return QStringLiteral("paused");
    case DeadlineState::Completed:
        return QStringLiteral("completed");
    case DeadlineState::CompletedLate:
        return QStringLiteral("completed_late");
    }
    return QString();
}

CaseClock::CaseClock(const QDate& start, int limitWorkingDays)
    : m_start(start)
    , m_limit(std::max(0, limitWorkingDays))
{}

bool CaseClock::forStage(CaseStage stage, const QDate& start, const PolicyRegistry& policies, CaseClock* clock,
                         QString* error)
{
    const PolicyProfilePtr profile = policies.profileOn(start);
    if (!profile) {
        if (error)
            *error = QCoreApplication::translate("Deadlines",
                                                 "No credit policy is in force on %1, so the time limit of the stage "
                                                 "is unknown.")
                         .arg(isoDate(start));
        return false;
    }
    *clock = CaseClock(start, profile->timeLimit(stage));
    return true;
}

bool CaseClock::addPause(const QDate& from, const QDate& until)
{
    if (!from.isValid() || (until.isValid() && until < from))
        return false;
    if (!m_pauses.isEmpty()) {
        const ClockPause& last = m_pauses.last();
        if (last.isOpen() || from < last.until)
            return false;
    }
    m_pauses.append({from, until});
    return true;
}

bool CaseClock::resume(const QDate& until)
{
    if (m_pauses.isEmpty() || !m_pauses.last().isOpen() || !until.isValid() || until < m_pauses.last().from)
        return false;
    m_pauses.last().until = until;
    return true;
}

bool CaseClock::complete(const QDate& on)
{
    if (!on.isValid() || on < m_start)
        return false;
    m_completedOn = on;
    return true;
}

int CaseClock::elapsedOn(const WorkingCalendar& calendar, const QDate& date, bool* estimated) const
{
    if (estimated)
        *estimated = false;
    if (!date.isValid() || !m_start.isValid() || date <= m_start)
        return 0;
    const QDate end = m_completedOn.isValid() ? std::min(date, m_completedOn) : date;
    bool guessed = false;
    int elapsed = calendar.workingDaysBetween(m_start, end, &guessed);
    for (const ClockPause& p : m_pauses) {
        const QDate a = std::max(p.from, m_start);
        const QDate b = p.isOpen() ? end : std::min(p.until, end);
        if (b > a) {
            bool g = false;
            elapsed -= calendar.workingDaysBetween(a, b, &g);
            guessed = guessed || g;
        }
    }
    if (estimated)
        *estimated = guessed;
    return elapsed;
}

QDate CaseClock::dueDate(const WorkingCalendar& calendar, bool* estimated) const
{
    if (estimated)
        *estimated = false;
    if (!m_start.isValid())
        return QDate();
    bool guessed = false;
    int remaining = m_limit;
    QDate cursor = m_start;
    for (const ClockPause& p : m_pauses) {
        if (!p.isOpen() && p.until <= cursor)
            continue;
        const QDate pauseStart = std::max(p.from, cursor);
        bool g = false;
        const int available = calendar.workingDaysBetween(cursor, pauseStart, &g);
        guessed = guessed || g;
        // Strictly less: when the supplement is requested on what would have been the last day, the remaining
        // work waits for the materials and the case falls due on the day they arrive.
        if (remaining < available) {
            const QDate due = calendar.addWorkingDays(cursor, remaining, &g);
            if (estimated)
                *estimated = guessed || g;
            return due;
        }
        remaining -= available;
        if (p.isOpen()) {
            if (estimated)
                *estimated = guessed;
            return QDate();
        }
        cursor = p.until;
    }
    bool g = false;
    const QDate due = calendar.addWorkingDays(cursor, remaining, &g);
    if (estimated)
        *estimated = guessed || g;
    return due;
}

const ClockPause* CaseClock::pauseHolding(const QDate& date) const
{
    for (const ClockPause& p : m_pauses) {
        if (p.from <= date && (p.isOpen() || date < p.until))
            return &p;
    }
    return nullptr;
}

DeadlineStatus CaseClock::statusOn(const WorkingCalendar& calendar, const QDate& date) const
{
    DeadlineStatus s;
    s.limit = m_limit;
    bool dueGuessed = false;
    bool elapsedGuessed = false;
    s.dueDate = dueDate(calendar, &dueGuessed);
    const bool completed = m_completedOn.isValid() && date >= m_completedOn;
    s.elapsed = elapsedOn(calendar, completed ? m_completedOn : date, &elapsedGuessed);
    s.remaining = m_limit - s.elapsed;
    s.estimated = dueGuessed || elapsedGuessed;

    if (completed) {
        if (s.dueDate.isValid() && m_completedOn > s.dueDate) {
            s.state = DeadlineState::CompletedLate;
            s.overdueBy = std::max(0, -s.remaining);
            s.reason = QCoreApplication::translate("Deadlines",
                                                   "Completed on %1, after the due date %2 (%3 working days late).")
                           .arg(isoDate(m_completedOn), isoDate(s.dueDate))
                           .arg(s.overdueBy);
        } else {
            s.state = DeadlineState::Completed;
            s.reason = QCoreApplication::translate("Deadlines", "Completed on %1, within the time limit.")
                           .arg(isoDate(m_completedOn));
        }
        return s;
    }

    const ClockPause* pause = pauseHolding(date);
    if (pause && (!s.dueDate.isValid() || pause->from <= s.dueDate)) {
        s.state = DeadlineState::Paused;
        s.reason = QCoreApplication::translate("Deadlines",
                                               "Paused since %1 while the applicant supplements materials; %2 of %3 "
                                               "working days are left.")
                       .arg(isoDate(pause->from))
                       .arg(s.remaining)
                       .arg(m_limit);
        return s;
    }

    if (s.remaining < 0 || (s.remaining == 0 && s.dueDate.isValid() && date > s.dueDate)) {
        s.state = DeadlineState::Overdue;
        s.overdueBy = std::max(0, -s.remaining);
        s.reason = overdueReason(s.overdueBy, s.dueDate);
    } else if (s.remaining == 0) {
        s.state = DeadlineState::DueToday;
        s.reason =
            QCoreApplication::translate("Deadlines", "Due today: all %1 working days have been used.").arg(m_limit);
    } else if (s.remaining == 1) {
        s.state = DeadlineState::AtRisk;
        s.reason =
            QCoreApplication::translate("Deadlines", "At risk: one working day is left, and the case is due on %1.")
                .arg(isoDate(s.dueDate));
    } else {
        s.state = DeadlineState::OnTime;
        s.reason = QCoreApplication::translate("Deadlines", "On time: %1 of %2 working days used, due on %3.")
                       .arg(s.elapsed)
                       .arg(m_limit)
                       .arg(isoDate(s.dueDate));
    }
    return s;
}
