#pragma once

#include "audit/AuditReview.h"
#include "domain/WorkingCalendar.h"
#include "storage/Session.h"

#include <QWidget>

class AuditTrailModel;
class ErrorLabel;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;

// The auditor's screen: the audit trail filtered by person, action, object (a subject's whole access history is
// "subject" and its number) and period; the patterns worth a look, flagged (many subjects in a short time, queries
// with no case or report behind them, work outside working hours, repeated failed unlocks; choosing a flag marks its
// entries); the chain's verification state; and an export of the filtered view (CSV, naming the operator, audited).
// Each filter applied is itself audited ("audit.review"), except in a read-only session.
//
// Object names for tests: actorEdit, actionEdit, objectEdit, fromDate, toDate, applyButton, trailView, flagsList,
// chainLabel, verifyButton, exportButton, auditError.
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    AuditPage(const Session& session, const WorkingCalendar& calendar, QWidget* parent = nullptr);

    void apply();
    void verifyChain();
    bool exportCsv(const QString& path, QString* error = nullptr);
    const QList<AuditFlag>& flags() const { return m_flags; }
    AuditTrailModel* model() const { return m_model; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    AuditFilter currentFilter() const;
    bool m_loaded = false;

    Session m_session;
    WorkingCalendar m_calendar;
    QList<AuditFlag> m_flags;
    AuditTrailModel* m_model = nullptr;
    QLineEdit* m_actor = nullptr;
    QLineEdit* m_action = nullptr;
    QLineEdit* m_object = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QTableView* m_view = nullptr;
    QListWidget* m_flagList = nullptr;
    QLabel* m_chain = nullptr;
    ErrorLabel* m_error = nullptr;
};
