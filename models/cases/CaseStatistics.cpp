#include "CaseStatistics.h"

#include "CaseWorkflow.h"

#include <algorithm>

namespace {

double median(QList<int> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

bool isDecision(const QString& state)
{
    return state != QLatin1String("withdrawn");
}

} // namespace

CaseStatistics CaseStatistics::compute(const QList<CaseRepository::QueueRow>& rows, const QDate& asOf, int weekCount)
{
    CaseStatistics s;
    const QDate thisMonday = asOf.addDays(1 - asOf.dayOfWeek());
    for (int i = weekCount - 1; i >= 0; --i)
        s.weeks.append({thisMonday.addDays(-7 * i), 0, 0});
    const QDate firstMonday = s.weeks.first().monday;
    QMap<QString, QList<int>> days;

    for (int i = 0; i < rows.size(); ++i) {
        const CaseRepository::QueueRow& row = rows.at(i);
        const CaseRecord& r = row.record;
        const bool open = CaseWorkflow::isOpen(r.kind, r.state);
        if (!row.timed)
            continue;
        const DeadlineStatus& clock = row.timer.current;
        if (open) {
            ++s.open;
            s.openByStage[r.state][toKey(clock.state)] += 1;
            switch (clock.state) {
            case DeadlineState::Overdue:
                ++s.overdue;
                s.overdueRows << i;
                break;
            case DeadlineState::DueToday:
                ++s.dueToday;
                s.dueTodayRows << i;
                break;
            case DeadlineState::AtRisk:
                ++s.atRisk;
                break;
            case DeadlineState::Paused:
                ++s.paused;
                break;
            default:
                break;
            }
            if (r.assignedTo.isEmpty())
                ++s.unassigned;
            else
                s.perReviewer[r.assignedTo] += 1;
            s.perClerk[r.intakeBy] += 1;
        } else if (isDecision(r.state) && row.lastEventOn >= firstMonday && row.lastEventOn <= asOf) {
            Week& week = s.weeks[int(firstMonday.daysTo(row.lastEventOn) / 7)];
            ++week.decided;
            if (clock.state == DeadlineState::Completed)
                ++week.onTime;
        }
        // Stages that were decided: the working days they used.
        if (r.kind == CaseKind::Repair) {
            const DeadlineStatus& first = row.timer.first;
            if (first.state == DeadlineState::Completed || first.state == DeadlineState::CompletedLate)
                days[QStringLiteral("municipal")] << first.elapsed;
            if (row.timer.clock == QLatin1String("platform") &&
                (clock.state == DeadlineState::Completed || clock.state == DeadlineState::CompletedLate))
                days[QStringLiteral("platform")] << clock.elapsed;
        } else if (clock.state == DeadlineState::Completed || clock.state == DeadlineState::CompletedLate) {
            days[QStringLiteral("objection")] << clock.elapsed;
        }
    }
    std::sort(s.overdueRows.begin(), s.overdueRows.end(), [&rows](int a, int b) {
        return rows.at(a).timer.current.overdueBy > rows.at(b).timer.current.overdueBy;
    });
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        s.medianDays.insert(it.key(), median(it.value()));
        s.medianSamples.insert(it.key(), int(it.value().size()));
    }
    return s;
}
