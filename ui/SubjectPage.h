#pragma once

#include "QueryBasisDialog.h"

#include "domain/PolicyRegistry.h"
#include "records/SubjectProfile.h"
#include "storage/Session.h"

#include <QPointer>
#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTreeView;
class SubjectItemsModel;

// The subject view: who the subject is, a red banner when a social credit warning applies, and the items grouped
// by category with their status today and, for dishonest items, whether a credit repair can be accepted (tooltips
// give the rules' full reasons). Local entries awaiting the platform are listed in a group of their own.
//
// Opening a subject is an audited query: openSubject() first asks for its basis (QueryBasisDialog, window-modal
// and not blocking) and then reads through SubjectProfiles::open, which audits "subject.open" with it.
//
// Object names for tests: nameLabel, identifierLabel, detailsLabel, basisLabel, warningBanner, itemsView,
// enterRecordButton, repairButton, objectionButton, findButton, emptyLabel; the basis dialog is "queryBasisDialog".
class SubjectPage : public QWidget
{
    Q_OBJECT
public:
    SubjectPage(const Session& session, const PolicyRegistry& policies, QWidget* parent = nullptr);

    // Asks for the basis, then opens the subject (a cancelled dialog changes nothing). caption names the subject
    // in the dialog. With a basis given, opens at once without asking.
    void openSubject(qint64 subjectId, const QString& caption);
    bool openSubject(qint64 subjectId, const QueryBasis& basis, QString* error = nullptr);
    // Re-reads the subject's local entries (after a save) without a new query of its items.
    void refreshSubmissions();

    bool hasSubject() const { return m_open; }
    const SubjectProfile& profile() const;
    const QueryBasis& basis() const { return m_basis; }
    SubjectItemsModel* itemsModel() const { return m_model; }
    QTreeView* itemsView() const { return m_view; }
    // The dialog while it asks, else null.
    QueryBasisDialog* basisDialog() const { return m_dialog; }

    // Actions the page's buttons trigger (the window's page actions, with their shortcuts).
    void setEnterRecordAction(QAction* action);
    void setFindAction(QAction* action);
    // The credit item selected in the view (0 when none is).
    qint64 selectedItemId() const;

signals:
    // A subject was opened (the main window then shows this page).
    void subjectOpened(const Subject& subject);
    void openFailed(const QString& error);
    // The clerk asked to take in a repair application or an objection for the selected item.
    void caseIntakeRequested(CaseKind kind, qint64 itemId);
    // The clerk asks for a credit report about the open subject.
    void reportRequested();

private:
    void showProfile();
    void selectSubmission(qint64 submissionId);

    Session m_session;
    PolicyRegistry m_policies;
    QueryBasis m_basis;
    bool m_open = false;
    QPointer<QueryBasisDialog> m_dialog;
    SubjectItemsModel* m_model = nullptr;
    QLabel* m_empty = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_identifier = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_basisLabel = nullptr;
    QLabel* m_banner = nullptr;
    QTreeView* m_view = nullptr;
    QPushButton* m_enterRecord = nullptr;
    QPushButton* m_find = nullptr;
    QPointer<QAction> m_enterRecordAction;
    QPointer<QAction> m_findAction;
};
