#include "WindowPages.h"

#include "MainWindow.h"
#include "MessageBoxes.h"
#include "RecordEntryForm.h"
#include "SearchPage.h"
#include "SubjectEntryForm.h"
#include "SubjectPage.h"

#include "domain/PolicyRegistry.h"

#include <QAction>
#include <QCoreApplication>

namespace {} // namespace

WindowPages installWindowPages(MainWindow* window)
{
    WindowPages pages;
    const Session& session = window->session();
    if (!session.can(Permission::QuerySubject) && !session.can(Permission::EnterRecord))
        return pages;

    QString policyError;
    const PolicyRegistry policies = PolicyRegistry::builtIn(&policyError);
    if (!policyError.isEmpty())
        MessageBoxes::warning(
            window, QCoreApplication::translate("WindowPages", "Policy"),
            QCoreApplication::translate("WindowPages", "A built-in policy profile is broken: %1").arg(policyError));

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
    return pages;
}
