#pragma once

#include "CaseTimer.h"
#include "CaseTypes.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "storage/Session.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVector>

// The only SQL for the case tables (0006_cases.sql). Every change is checked by CaseWorkflow first and lands as one
// unit: the case event, the case row, the outcome on the credit items (under a PlatformWritePermit) and a signed
// audit entry ("case.intake", "case.<action>"), or nothing at all.
//
// Dates: each action happens on a day (`on`): today at the window; a demo workstation may be moved through time
// by its caller (xmcredit-admin case … --on DATE). An action cannot be dated before the case's last event.
class CaseRepository
{
public:
    enum class Failure {
        None,
        Denied,   // the role may not do this (exit 7)
        Rule,     // the workflow or a rule refuses it, with the reason (exit 11)
        Invalid,  // the input is malformed: an unknown key, an invalid identifier, a missing field (exit 3)
        NotFound, // no such case, subject, item or member of staff (exit 10)
        Storage,  // the database failed (exit 1)
    };
    struct Result
    {
        Failure failure = Failure::None;
        QString message; // translated
        bool ok() const { return failure == Failure::None; }
    };

    struct RepairIntake
    {
        qint64 subjectId = 0;
        QList<qint64> itemIds;
        Applicant applicant;
        QString statement;
        QList<MaterialScan> materials;
    };
    struct ObjectionIntake
    {
        qint64 subjectId = 0;
        qint64 itemId = 0;
        QString grounds;
        QString statement;
        Applicant applicant;
        QList<MaterialScan> materials;
    };
    // What an action may carry besides its note.
    struct ActionInput
    {
        QString note;
        QString assignee;       // reassign: the reviewer who takes the case
        QString correctedTitle; // correct: the item's corrected title and content (empty: unchanged)
        QString correctedContent;
        QList<MaterialScan> materials; // receive_materials: the scans that arrived
    };

    CaseRepository(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar);

    const Session& session() const { return m_session; }
    const PolicyRegistry& policies() const { return m_policies; }
    const WorkingCalendar& calendar() const { return m_calendar; }

    Result intakeRepair(const RepairIntake& intake, const QDate& on, CaseRecord* created);
    Result intakeObjection(const ObjectionIntake& intake, const QDate& on, CaseRecord* created);
    Result act(const QString& caseNo, const QString& action, const ActionInput& input, const QDate& on,
               CaseRecord* after = nullptr);

    bool find(const QString& caseNo, CaseRecord* record, QString* error = nullptr) const;
    bool events(qint64 caseId, QList<CaseEventRecord>* events, QString* error = nullptr) const;
    bool materials(qint64 caseId, QList<CaseMaterialRecord>* materials, QString* error = nullptr) const;
    // Every case, open ones only unless includeClosed.
    bool list(bool includeClosed, QList<CaseRecord>* cases, QString* error = nullptr) const;
    // A queue: the cases of a scope with their clocks as of a day, read with two queries whatever the number of cases
    // (the events of all of them in one pass), for the queue views and the dashboard.
    enum class Scope {
        Mine,       // open cases assigned to the user (reviewers) or taken in by them (clerks)
        Unassigned, // open cases nobody reviews yet
        Open,       // every open case
        Closed,     // every decided or withdrawn case
        All,
    };
    struct QueueRow
    {
        CaseRecord record;
        CaseTimer::Status timer;
        bool timed = false; // false when the clock could not be computed (timerError says why)
        QString timerError;
        QDate lastEventOn; // the day of the case's last event (its decision, for a closed case)
    };
    bool queue(Scope scope, const QDate& asOf, QList<QueueRow>* rows, QString* error = nullptr) const;
    // The rows of the given cases, in the order given (ids that are not cases are left out): a page of a queue whose
    // order CaseQueueQuery read.
    bool rows(const QVector<qint64>& ids, const QDate& asOf, QList<QueueRow>* rows, QString* error = nullptr) const;

    // The case's clocks as of a day.
    bool timer(const CaseRecord& record, const QDate& asOf, CaseTimer::Status* status, QString* error = nullptr) const;
    // The materials the policy asks of this applicant that the case has no scan of yet.
    QStringList missingMaterials(CaseKind kind, bool viaAgent, const QDate& on, const QStringList& present) const;

private:
    Result validateApplicant(const Applicant& applicant, const QDate& on) const;
    Result validateMaterials(CaseKind kind, const Applicant& applicant, const QList<MaterialScan>& materials,
                             const QDate& on) const;
    Result insertCase(CaseKind kind, qint64 subjectId, const QList<qint64>& itemIds, const Applicant& applicant,
                      const QString& grounds, const QString& statement, const QList<MaterialScan>& materials,
                      const QDate& on, CaseRecord* created);
    bool readRows(const QString& where, const QString& me, const QDate& asOf, QList<QueueRow>* rows,
                  QString* error) const;
    bool readCase(const char* where, const QVariant& value, CaseRecord* record, QString* error) const;

    Session m_session;
    const PolicyRegistry& m_policies;
    const WorkingCalendar& m_calendar;
};
