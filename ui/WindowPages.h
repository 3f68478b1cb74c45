#pragma once

#include <QPointer>

class MainWindow;
class QAction;
class AuditPage;
class PermissionsPage;
class CasesPage;
class DashboardPage;
class RecordEntryForm;
class ReportVerifyPage;
class SearchPage;
class SubjectEntryForm;
class SubjectPage;

// The subject and record pages of the main window, each added only for a role that may use it, and the flow
// between them: Find Subject (Ctrl+F) → Enter on a result asks the basis and opens it in Subject (Ctrl+D) → Enter
// a Record (Ctrl+E) for that subject → saved entries show in the subject view; New Subject (Ctrl+N) for one that
// is not on the platform yet. Cases (Ctrl+J): the repair and objection queues; a clerk takes a case in from the
// subject view (repair or objection for the selected item), and the new case opens in the queue. Credit Report (Alt+P
// in the subject view): the basis, then the report is issued and shown in its print preview.
struct WindowPages
{
    QPointer<SearchPage> search;
    QPointer<SubjectPage> subject;
    QPointer<RecordEntryForm> recordEntry;
    QPointer<SubjectEntryForm> subjectEntry;
    QPointer<QAction> searchAction;
    QPointer<QAction> subjectAction;
    QPointer<QAction> recordEntryAction;
    QPointer<QAction> subjectEntryAction;
    QPointer<CasesPage> cases;
    QPointer<QAction> casesAction;
    QPointer<DashboardPage> dashboard; // supervisors: the case timers (Ctrl+T)
    QPointer<QAction> dashboardAction;
    QPointer<AuditPage> audit; // auditors and administrators: the audit trail (Ctrl+U)
    QPointer<QAction> auditAction;
    QPointer<PermissionsPage> permissions; // auditors and administrators: the permission matrix (Ctrl+Shift+M)
    QPointer<QAction> permissionsAction;
    QPointer<ReportVerifyPage> reportVerify; // staff who query subjects, and auditors: is a report genuine? (Ctrl+Y)
    QPointer<QAction> reportVerifyAction;
};

// Adds the pages to window (AppController calls it right after creating the window). The pages use the window's
// session and the built-in policy registry.
WindowPages installWindowPages(MainWindow* window);
