#pragma once

#include "CaseRepository.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

// What the supervisor's dashboard shows, computed from a queue of every case (CaseRepository::queue, Scope::All)
// as of a day: open cases by stage and clock state, the overdue and due-today cases, the workload of each clerk and
// reviewer, the on-time rate of the decisions of each of the last weeks, and the median working days each stage
// took. Pure computation: no SQL, no widgets.
struct CaseStatistics
{
    // Open cases: stage ("received", "municipal_review", …) -> clock state key -> count.
    QMap<QString, QMap<QString, int>> openByStage;
    int open = 0;
    int overdue = 0;
    int dueToday = 0;
    int atRisk = 0;
    int paused = 0;
    QList<int> overdueRows;  // indexes into the queue, most overdue first
    QList<int> dueTodayRows; // indexes into the queue
    // Open cases per person: reviewer (assigned) and clerk (taken in, still open).
    QMap<QString, int> perReviewer;
    QMap<QString, int> perClerk;
    int unassigned = 0;
    struct Week
    {
        QDate monday;
        int decided = 0;
        int onTime = 0;
        double rate() const { return decided > 0 ? double(onTime) / decided : 0; }
    };
    QList<Week> weeks; // oldest first, ending with the week of the day
    // Median working days used by decided stages: "municipal", "platform", "objection".
    QMap<QString, double> medianDays;
    QMap<QString, int> medianSamples;

    static CaseStatistics compute(const QList<CaseRepository::QueueRow>& rows, const QDate& asOf, int weeks = 8);
};
