#pragma once

#include "CaseRepository.h"
#include "CaseStatistics.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <QVector>

// Queues and the dashboard read with SQL over the stored clocks (case_clocks, CaseClocks): the order of a queue as a
// list of case ids (filtered and sorted by the database, whatever the number of cases), and the dashboard's counts
// as GROUP BY aggregates. The rows a view shows are then read by CaseRepository::rows() a page at a time, with their
// clocks computed from their events. A clock's state on a day follows from its due date: overdue before the day, due
// today on it, at risk on the next working day, on time after; paused while a supplement request holds it.
//
// Call CaseClocks::refreshStale() first: stale rows would be ordered by their old values.
namespace CaseQueueQuery {

enum class Sort { CaseNo, Kind, Subject, Stage, Assignee, Received, Due, Clock };

struct Spec
{
    CaseRepository::Scope scope = CaseRepository::Scope::Open;
    QString me;         // the user, for Scope::Mine
    QString kind;       // "repair", "objection" or empty for both
    QString text;       // matched (case-insensitively, as a substring) against the case number, subject name and
                        // identifier, applicant, and the reviewer's and clerk's user and display names
    QString clockState; // a DeadlineState key ("overdue", "due_today", …) or empty for any
    Sort sort = Sort::Due;
    Qt::SortOrder order = Qt::AscendingOrder;
};

struct Statement
{
    QString sql;
    QVariantList binds; // positional
};

// The statement that lists a queue's case ids in order (exposed for the benchmark's raw baseline).
Statement idsStatement(const Spec& spec, const QDate& asOf, const WorkingCalendar& calendar);
bool ids(const QSqlDatabase& db, const Spec& spec, const QDate& asOf, const WorkingCalendar& calendar,
         QVector<qint64>* ids, QString* error);

// The dashboard's figures as of a day (CaseStatistics; its overdueRows and dueTodayRows stay empty: the dashboard
// lists those cases with ids() and clockState "overdue" / "due_today").
QList<Statement> statisticsStatements(const QDate& asOf, const WorkingCalendar& calendar, int weeks = 8);
bool statistics(const QSqlDatabase& db, const QDate& asOf, const WorkingCalendar& calendar, CaseStatistics* stats,
                QString* error, int weeks = 8);

} // namespace CaseQueueQuery
