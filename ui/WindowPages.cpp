#include "WindowPages.h"
#include "sync/PolicyProfiles.h"

#include "AuditPage.h"
#include "BackgroundSync.h"
#include "CaseIntakeDialog.h"
#include "CasesPage.h"
#include "DashboardPage.h"
#include "MainWindow.h"
#include "MessageBoxes.h"
#include "PackageImport.h"
#include "PermissionsPage.h"
#include "RecordEntryForm.h"
#include "ReportPreviewDialog.h"
#include "ReportRequestDialog.h"
#include "ReportVerifyPage.h"
#include "SearchPage.h"
#include "SubjectEntryForm.h"
#include "SubjectPage.h"

#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "records/CreditItemRepository.h"
#include "sync/CalendarYears.h"

#include <QAction>
#include <QCoreApplication>

namespace {} // namespace

WindowPages installWindowPages(MainWindow* window)
{
    WindowPages pages;
    const Session& session = window->session();
    const bool works = session.can(Permission::IntakeCase) || session.can(Permission::ReviewCase) ||
                       session.can(Permission::SuperviseCases);
    PackageImport::install(window);
    BackgroundSync::install(window);
    if (session.can(Permission::ReadAudit)) {
        QString calendarError;
        pages.audit = new AuditPage(session, CalendarYears::load(session.database(), &calendarError));
        pages.auditAction = window->addPage(pages.audit, QCoreApplication::translate("WindowPages", "Audit Trail"),
                                            QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+U")),
                                            {Permission::ReadAudit});
    }
    if (session.can(Permission::ReadAudit) || session.can(Permission::ManageStaff)) {
        pages.permissions = new PermissionsPage;
        pages.permissionsAction =
            window->addPage(pages.permissions, QCoreApplication::translate("WindowPages", "Who May Do What"),
                            QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+Shift+M")), {});
    }
    if (!session.can(Permission::QuerySubject) && !session.can(Permission::EnterRecord) && !works &&
        session.role != Role::Auditor)
        return pages;

    QString policyError;
    // The built-in profiles and those the platform published (the policy stream), as they are at the login.
    const PolicyRegistry policies = PolicyProfiles::load(session.database(), &policyError);
    if (!policyError.isEmpty())
        MessageBoxes::warning(
            window, QCoreApplication::translate("WindowPages", "Policy"),
            QCoreApplication::translate("WindowPages", "A policy profile cannot be used: %1").arg(policyError));

    if (session.can(Permission::QuerySubject)) {
        pages.search = new SearchPage(session);
        pages.searchAction = window->addPage(pages.search, QCoreApplication::translate("WindowPages", "Find Subject"),
                                             QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+F")),
                                             {Permission::QuerySubject});
        pages.subject = new SubjectPage(session, policies);
        pages.subjectAction = window->addPage(pages.subject, QCoreApplication::translate("WindowPages", "Subject"),
                                              QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+D")),
                                              {Permission::QuerySubject});
        pages.subject->setFindAction(pages.searchAction);

        SearchPage* search = pages.search;
        QObject::connect(window, &MainWindow::pageShown, search, [search](QWidget* page) {
            if (page == search)
                search->focusSearch();
        });
        SubjectPage* subject = pages.subject;
        QObject::connect(pages.search, &SearchPage::subjectChosen, subject,
                         [subject](qint64 id, const QString& caption) { subject->openSubject(id, caption); });
        QObject::connect(subject, &SubjectPage::subjectOpened, window,
                         [window, subject] { window->showPage(subject); });
    }

    if (session.can(Permission::QuerySubject) || session.role == Role::Auditor) {
        pages.reportVerify = new ReportVerifyPage(session, policies);
        pages.reportVerifyAction =
            window->addPage(pages.reportVerify, QCoreApplication::translate("WindowPages", "Verify a Report"),
                            QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+Y")),
                            {Permission::QuerySubject, Permission::ReadAudit});
    }
    if (session.can(Permission::PrintReport) && pages.subject) {
        SubjectPage* subject = pages.subject;
        QObject::connect(subject, &SubjectPage::reportRequested, window, [window, subject, session, policies] {
            if (!subject->hasSubject())
                return;
            auto* dialog =
                new ReportRequestDialog(session, policies, subject->profile().subject, QDate::currentDate(), window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog, &ReportRequestDialog::reportIssued, window,
                             [window, session, policies](const IssuedReport& report) {
                                 auto* preview = new ReportPreviewDialog(session, policies, report, window);
                                 preview->setAttribute(Qt::WA_DeleteOnClose);
                                 preview->open();
                             });
            dialog->open();
        });
    }

    if (session.can(Permission::EnterRecord) && pages.subject) {
        pages.recordEntry = new RecordEntryForm(session, policies);
        pages.recordEntryAction = window->addPage(
            pages.recordEntry, QCoreApplication::translate("WindowPages", "Enter a Record"),
            QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+E")), {Permission::EnterRecord});
        pages.subject->setEnterRecordAction(pages.recordEntryAction);
        pages.recordEntry->setBackAction(pages.subjectAction);

        RecordEntryForm* entry = pages.recordEntry;
        SubjectPage* subject = pages.subject;
        QObject::connect(subject, &SubjectPage::subjectOpened, entry,
                         [entry](const Subject& s) { entry->setSubject(s); });
        QObject::connect(entry, &RecordEntryForm::saved, subject, [subject](qint64 subjectId) {
            if (subject->hasSubject() && subject->profile().subject.id == subjectId)
                subject->refreshSubmissions();
        });
    }

    if (session.can(Permission::EnterRecord)) {
        pages.subjectEntry = new SubjectEntryForm(session, policies);
        pages.subjectEntryAction = window->addPage(
            pages.subjectEntry, QCoreApplication::translate("WindowPages", "New Subject"),
            QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+N")), {Permission::EnterRecord});
        if (SubjectPage* subject = pages.subject) {
            QObject::connect(pages.subjectEntry, &SubjectEntryForm::openRequested, subject,
                             [subject](qint64 id, const QString& caption) { subject->openSubject(id, caption); });
        }
    }
    if (works) {
        QString calendarError;
        const WorkingCalendar calendar = CalendarYears::load(session.database(), &calendarError);
        pages.cases = new CasesPage(session, policies, calendar);
        pages.casesAction =
            window->addPage(pages.cases, QCoreApplication::translate("WindowPages", "Cases"),
                            QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+J")),
                            {Permission::IntakeCase, Permission::ReviewCase, Permission::SuperviseCases});
        CasesPage* cases = pages.cases;
        QObject::connect(window, &MainWindow::pageShown, cases, [cases](QWidget* page) {
            if (page == cases)
                cases->refresh();
        });
        if (session.can(Permission::SuperviseCases)) {
            pages.dashboard = new DashboardPage(session, policies, calendar);
            pages.dashboardAction = window->addPage(
                pages.dashboard, QCoreApplication::translate("WindowPages", "Case Timers"),
                QKeySequence(QCoreApplication::translate("WindowPages", "Ctrl+T")), {Permission::SuperviseCases});
            DashboardPage* dashboard = pages.dashboard;
            QObject::connect(window, &MainWindow::pageShown, dashboard, [dashboard](QWidget* page) {
                if (page == dashboard)
                    dashboard->refresh();
            });
            QObject::connect(dashboard, &DashboardPage::caseChosen, window, [window, cases](const QString& caseNo) {
                window->showPage(cases);
                cases->openCase(caseNo);
            });
            // It refreshes itself as cases move in this window.
            QObject::connect(cases, &CasesPage::caseMoved, dashboard, [dashboard] {
                if (dashboard->isVisible())
                    dashboard->refresh();
            });
        }
        if (SubjectPage* subject = pages.subject) {
            QObject::connect(subject, &SubjectPage::caseIntakeRequested, window,
                             [window, subject, cases, session, policies, calendar](CaseKind kind, qint64 itemId) {
                                 CreditItem item;
                                 if (!CreditItemRepository(session.database()).findById(itemId, &item))
                                     return;
                                 auto* dialog = new CaseIntakeDialog(session, policies, calendar, kind,
                                                                     subject->profile().subject, item, window);
                                 dialog->setAttribute(Qt::WA_DeleteOnClose);
                                 QObject::connect(dialog, &CaseIntakeDialog::caseReceived, window,
                                                  [window, cases](const QString& caseNo) {
                                                      window->showPage(cases);
                                                      cases->refresh();
                                                      cases->openCase(caseNo);
                                                  });
                                 dialog->open();
                             });
        }
    }
    return pages;
}
