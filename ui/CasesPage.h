#pragma once

#include "cases/CaseRepository.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "storage/Session.h"

#include <QDate>
#include <QWidget>

class CaseQueueModel;
class ErrorLabel;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTreeWidget;

// The case queues (repair and objection) and the open case: a queue per scope (my cases, unassigned, all open,
// closed) filtered by kind and text and sorted by any column, each row coloured by its clock; the case beside it
// with its timeline, its materials and a button for each action the user's role may take now. A refused action
// shows the model's reason; nothing is greyed out silently.
//
// Keyboard: Ctrl+1..4 choose the scope, Ctrl+K the filter, Enter on a row opens it, F5 refreshes; each action
// button has its mnemonic.
//
// Object names for tests: scopeCombo, kindCombo, filterEdit, refreshButton, queueView, caseTitleLabel,
// caseDetailsLabel, timelineView, materialsList, noteEdit, assigneeCombo, actionsBox (buttons "action_<key>"),
// receiptButton, caseError, caseEmptyLabel.
class CasesPage : public QWidget
{
    Q_OBJECT

public:
    CasesPage(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar,
              QWidget* parent = nullptr);

    // Reads the queue again (keeps the open case when it is still listed).
    void refresh();
    // Opens a case by number (from the queue or after an intake).
    bool openCase(const QString& caseNo);
    QString currentCase() const { return m_current.caseNo; }
    CaseQueueModel* model() const { return m_model; }
    // Takes an action on the open case with the text in the note field (as the button does).
    bool takeAction(const QString& action);
    // Renders the open case's receipt to a PDF (the print preview's path, for tests and "Save as PDF").
    bool writeReceiptPdf(const QString& path, QString* error = nullptr);
    // The day the clocks are computed for (today; tests and demos move it).
    void setToday(const QDate& today);

signals:
    void caseChanged(const QString& caseNo);
    // An action moved a case (the dashboard refreshes).
    void caseMoved(const QString& caseNo);

private:
    void showCase();
    void printReceipt();
    CaseRepository::Scope scope() const;

    Session m_session;
    PolicyRegistry m_policies;
    WorkingCalendar m_calendar;
    CaseRepository m_repository;
    QDate m_today;
    CaseRecord m_current;

    QComboBox* m_scope = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QTableView* m_view = nullptr;
    CaseQueueModel* m_model = nullptr;
    bool m_sized = false;
    QLabel* m_empty = nullptr;
    QWidget* m_detail = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_platformProblem = nullptr; // what the platform did not take of this case's moves
    QTreeWidget* m_timeline = nullptr;
    QListWidget* m_materials = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QComboBox* m_assignee = nullptr;
    QWidget* m_actionsBox = nullptr;
    QHBoxLayout* m_actionsLayout = nullptr;
    QPushButton* m_receipt = nullptr;
    ErrorLabel* m_error = nullptr;
};
