#pragma once

#include "CaseTimer.h"
#include "CaseTypes.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "storage/Session.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The stored clocks of each case (table case_clocks, 0009_case_clocks.sql): what CaseTimer computes from the case's
// events after its last event, kept so that queues and the dashboard are read with indexed SQL. The clocks a case's
// own page shows are still computed from its events every time; these rows only order, filter and count, and `check`
// recomputes all of them and names any that differ.
namespace CaseClocks {

// What is stored for one case.
struct Values
{
    bool open = false;
    bool decision = false; // closed by a decision, not withdrawn
    QString clock;         // municipal, platform, objection; empty when no policy gives the case a time limit
    QDate dueOn;           // the current clock's due date; invalid while a supplement request holds it
    QString finalState;    // closed: completed / completed_late; "untimed" when the clock could not be computed
    QDate decidedOn;       // closed: the day of its last event
    int firstDays = -1;    // working days the municipal (objection) stage used, once it was decided; -1: not yet
    int platformDays = -1; // working days the platform's review used, once decided; -1: not yet
    bool estimated = false;
    // Copies the queues sort and filter by.
    QString caseNo;
    QString state;
    QString assignedTo; // empty: unassigned (stored as NULL)
    QString intakeBy;
    QDate receivedOn;
    QString subjectName;
    QString searchText; // lower case, one field per line
    bool operator==(const Values& o) const
    {
        return open == o.open && decision == o.decision && clock == o.clock && dueOn == o.dueOn &&
               finalState == o.finalState && decidedOn == o.decidedOn && firstDays == o.firstDays &&
               platformDays == o.platformDays && estimated == o.estimated && caseNo == o.caseNo && state == o.state &&
               assignedTo == o.assignedTo && intakeBy == o.intakeBy && receivedOn == o.receivedOn &&
               subjectName == o.subjectName && searchText == o.searchText;
    }
};

// One case as the computation needs it.
struct Input
{
    CaseKind kind = CaseKind::Repair;
    QString caseNo;
    QString state;
    QString assignedTo;
    QString intakeBy;
    QDate receivedOn;
    QString subjectName;
    QString subjectIdentifier;
    Applicant applicant;
    QList<CaseTimer::Event> events; // in order, the intake left out
};

// A digest of everything the stored clocks depend on besides the events: the calendar's years and the policy
// profiles' time limits. A row computed under another basis is stale.
QString basis(const PolicyRegistry& policies, const WorkingCalendar& calendar);

// The values for a case.
Values compute(const Input& input, const PolicyRegistry& policies, const WorkingCalendar& calendar);

// Recomputes and writes one case's row, in the caller's transaction (which must also write an audit entry: the row
// is sealed). The case's row and events are read from db.
bool store(QSqlDatabase& db, qint64 caseId, const PolicyRegistry& policies, const WorkingCalendar& calendar,
           QString* error);

// The number of rows that are stale under the given basis.
bool staleCount(const QSqlDatabase& db, const QString& basis, int* count, QString* error);

// Recomputes every stale row in one transaction with one audit entry by the session's user ("case.clocks_refresh",
// with the number of cases and the basis). Does nothing (and writes nothing) when none is stale.
bool refreshStale(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar,
                  int* refreshed, QString* error);

// Recomputes every case's values from its events and compares them with the stored row. Returns false with one
// problem per case that differs (or is stale), or the SQL error. Reads every case.
bool verify(const QSqlDatabase& db, const PolicyRegistry& policies, const WorkingCalendar& calendar,
            QStringList* problems);

} // namespace CaseClocks
