#include "CaseTimer.h"

#include <QCoreApplication>

namespace CaseTimer {

namespace {

// A clock being built from the events: its start, whether and when it stopped.
struct Span
{
    bool started = false;
    QDate start;
    QDate completed; // invalid while running
};

bool isOneOf(const QString& action, std::initializer_list<const char*> keys)
{
    return std::any_of(keys.begin(), keys.end(), [&](const char* key) { return action == QLatin1String(key); });
}

} // namespace

bool compute(CaseKind kind, const QDate& receivedOn, const QList<Event>& events, const PolicyRegistry& policies,
             const WorkingCalendar& calendar, const QDate& asOf, Status* status, QString* error)
{
    Span first{true, receivedOn, {}}; // municipal (repair) or the objection's clock
    Span total{true, receivedOn, {}};
    Span platform;
    QVector<ClockPause> pauses;
    QDate previous = receivedOn;
    QString lastStopped; // which clocks the last decision stopped, for reopen
    QDate stoppedOn;     // and when
    for (const Event& event : events) {
        if (!event.on.isValid() || event.on < previous) {
            *error = QCoreApplication::translate("CaseTimer", "The case's events are not in date order (%1 on %2).")
                         .arg(event.action, event.on.toString(Qt::ISODate));
            return false;
        }
        previous = event.on;
        const QString& a = event.action;
        if (a == QLatin1String("request_supplement")) {
            pauses.append({event.on, QDate()});
        } else if (a == QLatin1String("receive_materials")) {
            if (!pauses.isEmpty() && pauses.last().isOpen())
                pauses.last().until = event.on;
        } else if (a == QLatin1String("submit_to_platform")) {
            first.completed = event.on;
            platform = {true, event.on, {}};
        } else if (isOneOf(a, {"reject_municipal"})) {
            first.completed = event.on;
            total.completed = event.on;
            lastStopped = QStringLiteral("first");
            stoppedOn = event.on;
        } else if (isOneOf(a, {"record_approval", "record_rejection"})) {
            platform.completed = event.on;
            total.completed = event.on;
            lastStopped = QStringLiteral("platform");
            stoppedOn = event.on;
        } else if (isOneOf(a, {"correct", "withdraw_item", "maintain"})) {
            first.completed = event.on;
            total.completed = event.on;
            lastStopped = QStringLiteral("first");
            stoppedOn = event.on;
        } else if (a == QLatin1String("withdraw")) {
            lastStopped = platform.started && !platform.completed.isValid() ? QStringLiteral("platform")
                                                                            : QStringLiteral("first");
            for (Span* span : {&first, &total, &platform}) {
                if (span->started && !span->completed.isValid())
                    span->completed = event.on;
            }
            stoppedOn = event.on;
        } else if (a == QLatin1String("reopen")) {
            // The clock of the stage the case returns to runs on, as does the total; the days it was closed do not
            // count (a pause from the decision to the reopening).
            (lastStopped == QLatin1String("platform") ? platform : first).completed = QDate();
            total.completed = QDate();
            if (!pauses.isEmpty() && pauses.last().isOpen())
                pauses.last().until = event.on; // closed while waiting for materials: one pause up to the reopening
            else if (stoppedOn.isValid() && stoppedOn < event.on)
                pauses.append({stoppedOn, event.on});
        }
    }

    auto build = [&](CaseStage stage, const Span& span, CaseClock* clock) {
        if (!CaseClock::forStage(stage, span.start, policies, clock, error))
            return false;
        for (const ClockPause& pause : pauses) {
            // A clock ignores the part of a pause outside its span; a pause must not start before the clock does.
            if (pause.from < span.start)
                continue;
            if (span.completed.isValid() && pause.from >= span.completed)
                continue;
            if (!clock->addPause(pause.from, pause.until)) {
                *error = QCoreApplication::translate("CaseTimer", "The case's supplement requests overlap.");
                return false;
            }
        }
        if (span.completed.isValid())
            clock->complete(span.completed);
        return true;
    };

    Status result;
    result.paused = !pauses.isEmpty() && pauses.last().isOpen() && !total.completed.isValid();
    CaseClock firstClock;
    CaseClock totalClock;
    if (kind == CaseKind::Repair) {
        if (!build(CaseStage::RepairMunicipal, first, &firstClock) ||
            !build(CaseStage::RepairTotal, total, &totalClock))
            return false;
        result.total = totalClock.statusOn(calendar, asOf);
        result.first = firstClock.statusOn(calendar, asOf);
        if (platform.started) {
            CaseClock platformClock;
            if (!build(CaseStage::RepairPlatform, platform, &platformClock))
                return false;
            result.clock = QStringLiteral("platform");
            result.current = platformClock.statusOn(calendar, asOf);
        } else {
            result.clock = QStringLiteral("municipal");
            result.current = firstClock.statusOn(calendar, asOf);
        }
    } else {
        if (!build(CaseStage::Objection, first, &firstClock))
            return false;
        result.clock = QStringLiteral("objection");
        result.current = firstClock.statusOn(calendar, asOf);
        result.total = result.current;
        result.first = result.current;
    }
    result.estimated = result.current.estimated || result.total.estimated;
    *status = result;
    return true;
}

} // namespace CaseTimer
