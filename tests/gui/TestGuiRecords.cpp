// Drives the subject and record pages of the main window with the keyboard, offscreen, on a workstation filled
// with a small demo city: search by identifier (typed, then Enter) and by a Chinese name fragment (typed through an
// input method), open a subject (the basis dialog answered by keyboard), enter a credit item through the form —
// refused first for prohibited personal data and a missing legal document number, then saved as a local
// submission awaiting the platform — and enter a subject whose identifier needs a supervisor's override.
//
// Screenshots: with XMCREDIT_SCREENSHOT_DIR set, the search page with results, the subject view of a subject with
// a social credit warning, and the entry form with field errors are written as PNG files, in the language given by
// XMCREDIT_TEST_LANG (default en).

#include "AppController.h"
#include "EntryFields.h"
#include "EntryFormBinder.h"
#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "QueryBasisDialog.h"
#include "RecordEntryForm.h"
#include "SearchPage.h"
#include "SubjectEntryForm.h"
#include "SubjectPage.h"
#include "SupervisorOverrideDialog.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"
#include "domain/Identifiers.h"

#include "itemmodels/CreditItemEntryModel.h"
#include "itemmodels/SubjectEntryModel.h"
#include "itemmodels/SubjectItemsModel.h"
#include "itemmodels/SubjectSearchModel.h"
#include "records/CreditItemRepository.h"
#include "records/DemoCity.h"
#include "records/RecordSubmissionRepository.h"
#include "records/SubjectProfile.h"
#include "records/SubjectRepository.h"
#include "storage/AuditLog.h"
#include "storage/Workstation.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace {
const QString AdminUser = QStringLiteral("admin");
const QString AdminPassword = QStringLiteral("correct horse 1");
const QString ClerkUser = QStringLiteral("clerk1");
const QString ClerkPassword = QStringLiteral("clerk password 2");
const QString SupervisorUser = QStringLiteral("super1");
const QString SupervisorPassword = QStringLiteral("supervisor password 3");

using GuiTest::child;

// Text through an input method, as a Chinese IME commits it: QTest::keyClicks sends ASCII only.
void typeThroughInputMethod(QWidget* widget, const QString& text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

QWidget* focused()
{
    return QApplication::focusWidget();
}
} // namespace

class TestGuiRecords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void searchByIdentifierTypedWithEnter();
    void mistypedIdentifierShowsTheCheck();
    void searchByChineseNameFragment();
    void openSubjectWithKeyboard();
    void enterItemWithKeyboard();
    void consentIsRequiredAndRecorded();
    void newSubjectWithSupervisorOverride();
    void reviewerSeesMaskedIdentifiers();

private:
    void showPage(Qt::Key key);
    void searchFor(const QString& text);
    void openFromResults(const Subject& subject);
    void grab(QWidget* widget, const QString& name);
    bool waitForMainWindow();
    // A field's error label and editor on the page shown (both entry forms have a "basis" field).
    QLabel* error(const QString& field) const;
    QWidget* editor(const QString& field) const;

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
    Session m_session;
    PolicyRegistry m_policies;
    MainWindow* m_window = nullptr;
    WindowPages m_pages;
    Subject m_person;      // a natural person without local entries
    Subject m_otherPerson; // another one, for the consent test
    Subject m_warned;      // an organisation with a social credit warning and dishonest items
};

void TestGuiRecords::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_language = GuiTest::setUpApplication(m_tmp.path());
    QString policyError;
    m_policies = PolicyRegistry::builtIn(&policyError);
    QVERIFY2(policyError.isEmpty(), qPrintable(policyError));

    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    {
        Session setup;
        QString error;
        QVERIFY2(
            WorkstationFixture::create(m_dir, QStringLiteral("思明区信用服务点 1 号窗口"),
                                       {AdminUser, QStringLiteral("王芳"), Role::Administrator, AdminPassword},
                                       {{ClerkUser, QStringLiteral("李娜"), Role::Clerk, ClerkPassword},
                                        {SupervisorUser, QStringLiteral("陈静"), Role::Supervisor, SupervisorPassword}},
                                       &error, &setup),
            qPrintable(error));

        DemoCityOptions options;
        options.subjects = 400;
        options.seed = 20250301;
        options.today = QDate::currentDate();
        options.actor = setup.username;
        DemoCityReport report;
        {
            QSqlDatabase db = setup.database();
            QVERIFY2(DemoCity::generate(db, options, &report, &error), qPrintable(error));
        }
        QVERIFY(report.warningSubjects > 0);
        Workstation::closeSession(setup);
    }

    QString error;
    QVERIFY2(
        WorkstationFixture::openSession(m_dir, ClerkUser, ClerkPassword, QStringLiteral("gui"), &m_session, &error),
        qPrintable(error));

    // Subjects to work with, found through the repositories as the application reads them.
    SubjectRepository subjects(m_session.database());
    CreditItemRepository items(m_session.database());
    const qint64 count = subjects.count();
    QCOMPARE(count, qint64(400));
    int warnedScore = 0;
    for (qint64 id = 1; id <= count; ++id) {
        Subject s;
        if (!subjects.findById(id, &s))
            continue;
        if (s.isNaturalPerson() && s.name.size() >= 3) {
            if (m_person.id == 0)
                m_person = s;
            else if (m_otherPerson.id == 0)
                m_otherPerson = s;
            continue;
        }
        if (s.isNaturalPerson())
            continue;
        QList<CreditItem> list;
        QVERIFY(items.itemsOfSubject(s.id, &list));
        const SubjectProfile profile = SubjectProfiles::assess(s, list, {}, QDate::currentDate(), m_policies);
        if (!profile.hasWarningInForce || profile.itemsOf(ItemCategory::Dishonest).size() < 4)
            continue;
        // The most telling one for the screenshot: items that can never be repaired, several kinds of item.
        int score = int(profile.itemsOf(ItemCategory::Dishonest).size());
        QSet<QString> types;
        for (const ItemAssessment* a : profile.itemsOf(ItemCategory::Dishonest)) {
            types.insert(a->item.itemType);
            if (a->repair.code == RepairEligibilityCode::Never)
                score += 100;
        }
        score += 10 * int(types.size());
        if (score > warnedScore) {
            m_warned = s;
            warnedScore = score;
        }
    }
    QVERIFY(m_person.id > 0);
    QVERIFY(m_otherPerson.id > 0);
    QVERIFY2(m_warned.id > 0, "the demo city has no organisation with a warning in force");

    m_window = new MainWindow(m_session);
    m_pages = installWindowPages(m_window);
    QVERIFY(m_pages.search && m_pages.subject && m_pages.recordEntry && m_pages.subjectEntry);
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestGuiRecords::cleanupTestCase()
{
    delete m_window;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
}

void TestGuiRecords::grab(QWidget* widget, const QString& name)
{
    GuiTest::grab(widget, name, m_language);
}

QLabel* TestGuiRecords::error(const QString& field) const
{
    return child<QLabel>(m_window->currentPage(), EntryFormBinder::objectBaseName(field) + QStringLiteral("Error"));
}

QWidget* TestGuiRecords::editor(const QString& field) const
{
    return child<QWidget>(m_window->currentPage(), EntryFormBinder::objectBaseName(field) + QStringLiteral("Edit"));
}

// After a dialog closes a window manager activates its parent; the offscreen platform does not, so the test does.
bool TestGuiRecords::waitForMainWindow()
{
    if (!m_window->isActiveWindow())
        m_window->activateWindow();
    return QTest::qWaitForWindowActive(m_window);
}

// The page's shortcut, pressed like a clerk would (Ctrl+F, Ctrl+D, Ctrl+E, Ctrl+N).
void TestGuiRecords::showPage(Qt::Key key)
{
    QTest::keyClick(m_window, key, Qt::ControlModifier);
}

void TestGuiRecords::searchFor(const QString& text)
{
    showPage(Qt::Key_F);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.search));
    QLineEdit* box = m_pages.search->searchEdit();
    QTRY_COMPARE(focused(), static_cast<QWidget*>(box));
    // The previous search is selected, so what is typed (or scanned) replaces it.
    QCOMPARE(box->selectedText(), box->text());
    QTest::keyClicks(focused(), text);
    QCOMPARE(box->text(), text);
    QTest::keyClick(focused(), Qt::Key_Return);
}

// From the search box: Down into the results, Enter on the first one.
void TestGuiRecords::openFromResults(const Subject& subject)
{
    searchFor(subject.identifier);
    QCOMPARE(m_pages.search->model()->subjectId(0), subject.id);
    QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(focused(), static_cast<QWidget*>(m_pages.search->resultsView()));
    QCOMPARE(m_pages.search->resultsView()->currentIndex().row(), 0);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_VERIFY(m_pages.subject->basisDialog() && m_pages.subject->basisDialog()->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(m_pages.subject->basisDialog()));
    QTRY_COMPARE(focused(), child<QWidget>(m_pages.subject->basisDialog(), QStringLiteral("basisCombo")));
}

void TestGuiRecords::searchByIdentifierTypedWithEnter()
{
    // An ID-card reader types the number and Enter; the exact match comes first.
    searchFor(m_person.identifier);
    SubjectSearchModel* model = m_pages.search->model();
    QVERIFY(model->rowCount() >= 1);
    QCOMPARE(model->subjectId(0), m_person.id);
    QCOMPARE(model->index(0, 0).data(SubjectSearchModel::MatchRole).toInt(), int(SubjectMatch::Identifier));
    // A clerk sees identifiers in full.
    QCOMPARE(model->index(0, SubjectSearchModel::IdentifierColumn).data().toString(), m_person.identifier);
    QCOMPARE(focused(), static_cast<QWidget*>(m_pages.search->searchEdit()));

    // An organisation's code typed in lower case with spaces, as people do, is normalised.
    const QString spaced = m_warned.identifier.left(6).toLower() + QStringLiteral(" ") + m_warned.identifier.mid(6);
    searchFor(spaced);
    QCOMPARE(model->subjectId(0), m_warned.id);

    searchFor(m_warned.identifier);
    grab(m_window, QStringLiteral("search-identifier"));
}

void TestGuiRecords::mistypedIdentifierShowsTheCheck()
{
    // The last character changed: a checksum failure, and nobody has that identifier.
    QString wrong = m_person.identifier;
    wrong[17] = wrong.at(17) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    searchFor(wrong);
    QCOMPARE(m_pages.search->model()->rowCount(), 0);
    const IdentifierCheck check = SubjectSearch::classify(wrong).check;
    QVERIFY(!check.valid());
    auto* message = child<QLabel>(m_pages.search, QStringLiteral("messageLabel"));
    QVERIFY2(message->text().contains(check.message()), qPrintable(message->text()));
}

void TestGuiRecords::searchByChineseNameFragment()
{
    const QString fragment = m_person.name.mid(1, 2);
    showPage(Qt::Key_F);
    QLineEdit* box = m_pages.search->searchEdit();
    QTRY_COMPARE(focused(), static_cast<QWidget*>(box));
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(box, Qt::Key_Backspace);
    typeThroughInputMethod(box, fragment);
    QCOMPARE(box->text(), fragment);
    QTest::keyClick(box, Qt::Key_Return);

    SubjectSearchModel* model = m_pages.search->model();
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->rowCount() <= SubjectSearchModel::PageSize); // lazily fetched: one page at first
    bool found = false;
    for (int guard = 0; guard < 100; ++guard) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString name = model->index(row, SubjectSearchModel::NameColumn).data().toString();
            QVERIFY2(name.contains(fragment), qPrintable(name));
            found = found || model->subjectId(row) == m_person.id;
        }
        if (found || !model->canFetchMore(QModelIndex()))
            break;
        model->fetchMore(QModelIndex());
    }
    QVERIFY(found);
    // Found by name, the person's number is masked in the list even for a clerk, and Ctrl+C on the cell copies what
    // is shown, not the number behind it.
    int personRow = -1;
    for (int row = 0; row < model->rowCount() && personRow < 0; ++row)
        personRow = model->subjectId(row) == m_person.id ? row : -1;
    QVERIFY(personRow >= 0);
    const QModelIndex cell = model->index(personRow, SubjectSearchModel::IdentifierColumn);
    QCOMPARE(cell.data().toString(), Identifiers::mask(m_person.identifier));
    QTableView* view = m_pages.search->resultsView();
    view->setFocus();
    view->setCurrentIndex(cell);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), Identifiers::mask(m_person.identifier));
    QTest::keyClick(view, Qt::Key_Escape);

    // A common prefix: many results, the first page at once, more as the view scrolls.
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(box, Qt::Key_Backspace);
    typeThroughInputMethod(box, QStringLiteral("厦门"));
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(model->rowCount(), SubjectSearchModel::PageSize);
    QVERIFY(model->canFetchMore(QModelIndex()));
    grab(m_window, QStringLiteral("search"));
    QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(focused(), Qt::Key_End, Qt::ControlModifier);
    QTRY_VERIFY(model->rowCount() > SubjectSearchModel::PageSize);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QCOMPARE(focused(), static_cast<QWidget*>(box));
}

void TestGuiRecords::openSubjectWithKeyboard()
{
    QSqlDatabase db = m_session.database();
    const AuditVerifyResult before = AuditLog::verify(db);
    QVERIFY(before.ok);

    openFromResults(m_warned);
    QueryBasisDialog* dialog = m_pages.subject->basisDialog();
    // An authorised query: Down to the second basis, Tab to the applicant.
    QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(dialog->basis().kind, QStringLiteral("authorised_query"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), child<QWidget>(dialog, QStringLiteral("applicantEdit")));
    QTest::keyClicks(focused(), QStringLiteral("Zhang Wei"));
    // Enter without the authorisation is refused in the dialog, which moves to the missing answer.
    QTest::keyClick(focused(), Qt::Key_Return);
    auto* dialogError = child<QLabel>(dialog, QStringLiteral("errorLabel"));
    QVERIFY(dialogError->isVisible());
    QVERIFY(dialog->isVisible());
    QCOMPARE(focused(), child<QWidget>(dialog, QStringLiteral("authorisationEdit")));
    grab(dialog, QStringLiteral("basis-dialog"));
    QTest::keyClicks(focused(), QStringLiteral("SQ-2025-0042"));
    QTest::keyClick(focused(), Qt::Key_Return);

    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.subject));
    QVERIFY(waitForMainWindow());
    QTRY_VERIFY(!m_pages.subject->basisDialog());
    QCOMPARE(m_pages.subject->basis().auditText(),
             QStringLiteral("authorised_query: applicant=Zhang Wei; authorisation=SQ-2025-0042"));

    // The search and the opening: two audited queries, the search with what was typed.
    const AuditVerifyResult after = AuditLog::verify(db);
    QVERIFY(after.ok);
    QCOMPARE(after.entries, before.entries + 2);
    QSqlQuery searched(db);
    QVERIFY(searched.exec(QStringLiteral("SELECT actor, details FROM audit_log WHERE action = 'subject.search' "
                                         "ORDER BY seq DESC LIMIT 1")));
    QVERIFY(searched.next());
    QCOMPARE(searched.value(0).toString(), m_session.username);
    QVERIFY(searched.value(1).toString().contains(QStringLiteral("\"hits\"")));

    const SubjectProfile& profile = m_pages.subject->profile();
    QCOMPARE(profile.subject.id, m_warned.id);
    QCOMPARE(child<QLabel>(m_pages.subject, QStringLiteral("nameLabel"))->text(), m_warned.name);
    QVERIFY(child<QLabel>(m_pages.subject, QStringLiteral("identifierLabel"))->text().contains(m_warned.identifier));
    auto* banner = child<QLabel>(m_pages.subject, QStringLiteral("warningBanner"));
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), profile.warningText());
    QVERIFY(!banner->text().isEmpty());

    // The tree: the three categories in order, dishonest items with status and repair columns.
    SubjectItemsModel* items = m_pages.subject->itemsModel();
    QVERIFY(items->rowCount() >= 3);
    QCOMPARE(items->index(0, 0).data(SubjectItemsModel::CategoryKeyRole).toString(), toKey(ItemCategory::Basic));
    QCOMPARE(items->index(1, 0).data(SubjectItemsModel::CategoryKeyRole).toString(), toKey(ItemCategory::Trustworthy));
    QCOMPARE(items->index(2, 0).data(SubjectItemsModel::CategoryKeyRole).toString(), toKey(ItemCategory::Dishonest));
    const QModelIndex dishonest = items->index(2, 0);
    QVERIFY(items->rowCount(dishonest) > 0);
    QTreeView* view = m_pages.subject->itemsView();
    QVERIFY(view->isExpanded(dishonest));
    for (int row = 0; row < items->rowCount(dishonest); ++row) {
        const QModelIndex repair = items->index(row, SubjectItemsModel::RepairColumn, dishonest);
        const ItemAssessment* a = items->assessment(repair);
        QVERIFY(a);
        QVERIFY(!repair.data().toString().isEmpty());
        QCOMPARE(repair.data(Qt::ToolTipRole).toString(), a->repair.reason);
        QVERIFY(!items->index(row, SubjectItemsModel::StatusColumn, dishonest).data().toString().isEmpty());
    }
    for (int c = 0; c < SubjectItemsModel::ColumnCount; ++c)
        QVERIFY2(view->columnWidth(c) > 30, qPrintable(QString::number(c)));
    QTRY_COMPARE(focused(), static_cast<QWidget*>(view));
    grab(m_window, QStringLiteral("subject"));
}

void TestGuiRecords::enterItemWithKeyboard()
{
    // Scan, Enter (search), Enter (open the exact match); self-query with the default answers, Enter.
    searchFor(m_person.identifier);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_VERIFY(m_pages.subject->basisDialog() && m_pages.subject->basisDialog()->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(m_pages.subject->basisDialog()));
    QTRY_COMPARE(focused(), child<QWidget>(m_pages.subject->basisDialog(), QStringLiteral("basisCombo")));
    QCOMPARE(m_pages.subject->basisDialog()->basis().kind, QStringLiteral("self_query"));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.subject));
    QVERIFY(waitForMainWindow());
    QCOMPARE(m_pages.subject->profile().subject.id, m_person.id);
    QVERIFY(!child<QLabel>(m_pages.subject, QStringLiteral("warningBanner"))->isVisible());

    showPage(Qt::Key_E);
    RecordEntryForm* form = m_pages.recordEntry;
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(form));
    QCOMPARE(form->subject().id, m_person.id);
    QTRY_COMPARE(focused(), editor(QStringLiteral("category")));
    CreditItemEntryModel* model = form->model();
    using C = CreditItemEntryModel;

    // Category: Basic → Trustworthy → Dishonest. Item type: the first dishonest type (administrative penalty).
    QTest::keyClick(focused(), Qt::Key_Down);
    QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(model->value(C::CategoryColumn).toString(), toKey(ItemCategory::Dishonest));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("item_type")));
    QTest::keyClick(focused(), Qt::Key_Down);
    const QString itemType = model->value(C::ItemTypeColumn).toString();
    ItemType type;
    QVERIFY2(ItemTypes::find(itemType, &type), qPrintable(itemType));
    QCOMPARE(type.category, ItemCategory::Dishonest);
    QTest::keyClick(focused(), Qt::Key_Tab); // severity: general
    QTest::keyClick(focused(), Qt::Key_Tab); // list: follows the type
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("field_key")));
    QTest::keyClick(focused(), Qt::Key_Down); // the first field of the policy
    QVERIFY(!model->value(C::FieldColumn).toString().isEmpty());
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("penalty_kind_key")));
    QTest::keyClick(focused(), Qt::Key_Down); // the first penalty kind
    QVERIFY(!model->value(C::PenaltyKindColumn).toString().isEmpty());
    QTest::keyClick(focused(), Qt::Key_Tab); // cause: none
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("source_department")));
    QTest::keyClicks(focused(), QStringLiteral("Xiamen Market Supervision Administration"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("legal_document_number")));
    QTest::keyClick(focused(), Qt::Key_Tab); // left empty for now
    QCOMPARE(focused(), editor(QStringLiteral("decision_date")));
    const QDate decided = QDate::currentDate().addMonths(-2);
    QTest::keyClicks(focused(), decided.toString(QStringLiteral("yyyyMMdd")));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(model->value(C::DecisionDateColumn).toDate(), decided);
    QTest::keyClick(focused(), Qt::Key_Tab); // disclosure mode: social
    QCOMPARE(focused(), editor(QStringLiteral("title")));
    QTest::keyClicks(focused(), QStringLiteral("Fine for selling expired food"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("content")));
    QTest::keyClicks(focused(), QStringLiteral("Fined 5000 yuan."));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("personal_data_key")));
    QCOMPARE(model->value(C::TitleColumn).toString(), QStringLiteral("Fine for selling expired food"));

    // Religion: never collected for a natural person, refused at the field with the rule's reason.
    QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(model->value(C::PersonalDataColumn).toString(), QStringLiteral("religion"));
    QLabel* personalDataError = error(QStringLiteral("personal_data_key"));
    QTRY_VERIFY(personalDataError->isVisible());
    QCOMPARE(model->personalDataDecision().outcome, CollectionOutcome::Refused);
    QCOMPARE(personalDataError->text(), model->personalDataDecision().reason);
    QVERIFY(!personalDataError->text().isEmpty());

    // Ctrl+S: refused; nothing stored; the missing legal document number shows too, and gets the focus.
    QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);
    auto* status = child<QLabel>(form, QStringLiteral("statusLabel"));
    QVERIFY2(status->text().contains(model->fieldError(C::LegalDocumentNumberColumn)), qPrintable(status->text()));
    QVERIFY(error(QStringLiteral("legal_document_number"))->isVisible());
    QVERIFY(personalDataError->isVisible());
    QVERIFY(error(QStringLiteral("basis"))->isVisible()); // "handed over with" is required
    QCOMPARE(focused(), editor(QStringLiteral("legal_document_number")));
    QList<RecordSubmission> submissions;
    RecordSubmissionRepository repository(m_session.database());
    QVERIFY(repository.ofSubject(m_person.id, &submissions));
    QVERIFY(submissions.isEmpty());
    grab(m_window, QStringLiteral("entry-error"));

    // Fix it: the document number, the personal data (Alt+A, Up to none), the paper (Alt+W).
    QTest::keyClicks(focused(), QStringLiteral("XSJ (2025) 42"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTRY_VERIFY(!error(QStringLiteral("legal_document_number"))->isVisible());
    QTest::keyClick(focused(), Qt::Key_A, Qt::AltModifier);
    QCOMPARE(focused(), editor(QStringLiteral("personal_data_key")));
    QTest::keyClick(focused(), Qt::Key_Up);
    QVERIFY(model->value(C::PersonalDataColumn).toString().isEmpty());
    QTRY_VERIFY(!personalDataError->isVisible());
    QTest::keyClick(focused(), Qt::Key_W, Qt::AltModifier);
    QCOMPARE(focused(), editor(QStringLiteral("basis")));
    QTest::keyClicks(focused(), QStringLiteral("Transfer letter 2025-17"));
    QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);

    // Saved as a local submission awaiting the platform, never as a platform item.
    QVERIFY(repository.ofSubject(m_person.id, &submissions));
    QCOMPARE(submissions.size(), 1);
    const RecordSubmission& saved = submissions.first();
    QCOMPARE(saved.id, model->lastSubmissionId());
    QCOMPARE(saved.kind, SubmissionKind::Item);
    QCOMPARE(saved.status, SubmissionStatus::Pending);
    QCOMPARE(saved.createdBy, ClerkUser);
    const QJsonObject item = saved.payload.value(QStringLiteral("item")).toObject();
    QCOMPARE(item.value(QStringLiteral("title")).toString(), QStringLiteral("Fine for selling expired food"));
    QCOMPARE(item.value(QStringLiteral("legal_document_number")).toString(), QStringLiteral("XSJ (2025) 42"));
    QList<CreditItem> platformItems;
    QVERIFY(CreditItemRepository(m_session.database()).itemsOfSubject(m_person.id, &platformItems));
    for (const CreditItem& i : platformItems)
        QVERIFY(i.title != QStringLiteral("Fine for selling expired food"));
    QVERIFY2(status->text().contains(QString::number(saved.id)), qPrintable(status->text()));
    QVERIFY2(status->text().contains(displayName(SubmissionStatus::Pending)), qPrintable(status->text()));
    // Emptied for the next item of the same paper.
    QVERIFY(model->value(C::TitleColumn).toString().isEmpty());
    QCOMPARE(model->value(C::BasisColumn).toString(), QStringLiteral("Transfer letter 2025-17"));
    QVERIFY(!error(QStringLiteral("title"))->isVisible());

    // Back (Alt+Left) to the subject view, which lists it as awaiting the platform.
    QTest::keyClick(focused(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.subject));
    QVERIFY(waitForMainWindow());
    SubjectItemsModel* items = m_pages.subject->itemsModel();
    const QModelIndex group = items->index(items->rowCount() - 1, 0);
    QCOMPARE(group.data(SubjectItemsModel::CategoryKeyRole).toString(), QStringLiteral("submissions"));
    QCOMPARE(items->rowCount(group), 1);
    const QModelIndex row = items->index(0, 0, group);
    QCOMPARE(row.data(SubjectItemsModel::SubmissionIdRole).toLongLong(), saved.id);
    QCOMPARE(row.data().toString(), QStringLiteral("Fine for selling expired food"));
    QCOMPARE(items->index(0, SubjectItemsModel::StatusColumn, group).data().toString(),
             displayName(SubmissionStatus::Pending));
    QCOMPARE(m_pages.subject->itemsView()->currentIndex().row(), 0);
    QCOMPARE(m_pages.subject->itemsView()->currentIndex().parent(), group);
}

void TestGuiRecords::consentIsRequiredAndRecorded()
{
    openFromResults(m_otherPerson);
    QTest::keyClick(focused(), Qt::Key_Return); // self-query
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.subject));
    QVERIFY(waitForMainWindow());
    showPage(Qt::Key_E);
    RecordEntryForm* form = m_pages.recordEntry;
    QTRY_COMPARE(form->subject().id, m_otherPerson.id);
    CreditItemEntryModel* model = form->model();
    using C = CreditItemEntryModel;
    QVERIFY(model->value(C::TitleColumn).toString().isEmpty()); // another subject: an empty form
    QTRY_COMPARE(focused(), editor(QStringLiteral("category")));

    // A basic item: registration; income as personal data needs written consent.
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTest::keyClick(focused(), Qt::Key_Down);
    QTest::keyClick(focused(), Qt::Key_P, Qt::AltModifier);
    QCOMPARE(focused(), editor(QStringLiteral("source_department")));
    QTest::keyClicks(focused(), QStringLiteral("Xiamen Tax Service"));
    QTest::keyClick(focused(), Qt::Key_D, Qt::AltModifier);
    QTest::keyClicks(focused(), QDate::currentDate().addDays(-10).toString(QStringLiteral("yyyyMMdd")));
    QTest::keyClick(focused(), Qt::Key_E, Qt::AltModifier);
    QTest::keyClicks(focused(), QStringLiteral("Tax registration"));
    QTest::keyClick(focused(), Qt::Key_W, Qt::AltModifier);
    QTest::keyClicks(focused(), QStringLiteral("Transfer letter 2025-18"));
    QTest::keyClick(focused(), Qt::Key_A, Qt::AltModifier);
    QCOMPARE(focused(), editor(QStringLiteral("personal_data_key")));
    const QList<RecordEntryModel::Option> options = model->options(C::PersonalDataColumn);
    int income = -1;
    for (int i = 0; i < options.size(); ++i) {
        if (options.at(i).key == QLatin1String("income"))
            income = i;
    }
    QVERIFY(income > 0);
    for (int i = 0; i < income; ++i)
        QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(model->value(C::PersonalDataColumn).toString(), QStringLiteral("income"));
    QTRY_VERIFY(error(QStringLiteral("consent_recorded"))->isVisible());
    QCOMPARE(model->personalDataDecision().outcome, CollectionOutcome::NeedsConsent);
    QVERIFY(!form->model()->isValid());

    // Alt+S ticks the consent; its reference is then required, and recorded with the submission.
    QTest::keyClick(focused(), Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY(model->value(C::ConsentRecordedColumn).toBool());
    QTRY_VERIFY(!error(QStringLiteral("consent_recorded"))->isVisible());
    QTRY_VERIFY(error(QStringLiteral("consent_reference"))->isVisible());
    QTest::keyClick(focused(), Qt::Key_R, Qt::AltModifier);
    QCOMPARE(focused(), editor(QStringLiteral("consent_reference")));
    QTest::keyClicks(focused(), QStringLiteral("Consent 2025-0099"));
    QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(model->lastSubmissionId() > 0, qPrintable(child<QLabel>(form, QStringLiteral("statusLabel"))->text()));

    RecordSubmission saved;
    QVERIFY(RecordSubmissionRepository(m_session.database()).findById(model->lastSubmissionId(), &saved));
    QCOMPARE(saved.subjectId, m_otherPerson.id);
    const QJsonObject consent =
        saved.payload.value(QStringLiteral("personal_data")).toObject().value(QStringLiteral("consent")).toObject();
    QVERIFY2(consent.value(QStringLiteral("recorded")).toBool(),
             qPrintable(QString::fromUtf8(QJsonDocument(saved.payload).toJson())));
    QCOMPARE(consent.value(QStringLiteral("reference")).toString(), QStringLiteral("Consent 2025-0099"));
}

void TestGuiRecords::newSubjectWithSupervisorOverride()
{
    showPage(Qt::Key_N);
    SubjectEntryForm* form = m_pages.subjectEntry;
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(form));
    QTRY_COMPARE(focused(), editor(QStringLiteral("kind")));
    SubjectEntryModel* model = form->model();

    // A natural person whose real ID number fails its check character.
    QTest::keyClick(focused(), Qt::Key_Up);
    QCOMPARE(model->value(SubjectEntryModel::KindColumn).toString(), toKey(SubjectKind::NaturalPerson));
    const QString valid = DemoCity::residentId(QStringLiteral("350206"), QDate(1985, 7, 14), 357);
    QString broken = valid;
    broken[17] = valid.at(17) == QLatin1Char('3') ? QLatin1Char('4') : QLatin1Char('3');
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), editor(QStringLiteral("identifier")));
    QTest::keyClicks(focused(), broken);
    QTest::keyClick(focused(), Qt::Key_Tab);
    QLabel* identifierError = error(QStringLiteral("identifier"));
    QTRY_VERIFY(identifierError->isVisible());
    grab(m_window, QStringLiteral("subject-entry-error"));
    QCOMPARE(identifierError->text(), model->identifierCheck().message());
    auto* overrideButton = child<QPushButton>(form, QStringLiteral("overrideButton"));
    QVERIFY(overrideButton->isEnabled());
    QCOMPARE(focused(), static_cast<QWidget*>(overrideButton));

    // Space on the button; the supervisor signs with their own password (checked in a worker thread).
    QTest::keyClick(focused(), Qt::Key_Space);
    QTRY_VERIFY(form->overrideDialog() && form->overrideDialog()->isVisible());
    QPointer<SupervisorOverrideDialog> dialog = form->overrideDialog();
    auto dialogMessage = [&dialog] {
        return dialog ? child<QLabel>(dialog, QStringLiteral("errorLabel"))->text() : QStringLiteral("(closed)");
    };
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTRY_COMPARE(focused(), child<QWidget>(dialog, QStringLiteral("supervisorEdit")));
    QTest::keyClicks(focused(), SupervisorUser);
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTest::keyClicks(focused(), SupervisorPassword);
    QTest::keyClick(focused(), Qt::Key_Tab);
    QTest::keyClicks(focused(), QStringLiteral("The ID card shows this number."));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(model->hasIdentifierOverride(), qPrintable(dialogMessage()), 20000);
    QTRY_VERIFY(!form->overrideDialog());
    QVERIFY(waitForMainWindow());
    QTRY_VERIFY(!identifierError->isVisible());
    QVERIFY(!overrideButton->isEnabled());

    // Name through the input method, the paper it came from, Ctrl+S.
    QTRY_COMPARE(focused(), editor(QStringLiteral("name")));
    typeThroughInputMethod(focused(), QStringLiteral("林晓东"));
    QTest::keyClick(focused(), Qt::Key_R, Qt::AltModifier);
    QCOMPARE(focused(), editor(QStringLiteral("basis")));
    QTest::keyClicks(focused(), QStringLiteral("Household register copy"));
    QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(model->lastSubjectId() > 0, qPrintable(child<QLabel>(form, QStringLiteral("statusLabel"))->text()));

    Subject stored;
    QVERIFY(SubjectRepository(m_session.database()).findByIdentifier(broken, &stored));
    QCOMPARE(stored.id, model->lastSubjectId());
    QCOMPARE(stored.name, QStringLiteral("林晓东"));
    QCOMPARE(stored.origin, RecordOrigin::Local);
    QVERIFY(stored.hasIdentifierOverride);
    QCOMPARE(stored.identifierOverride.supervisor, SupervisorUser);
    // Accepted on the override, the ID number gave the birth date and the district as a valid one does.
    QCOMPARE(stored.establishedOn, QDate(1985, 7, 14));
    QCOMPARE(stored.district, QStringLiteral("350206"));
    RecordSubmission submission;
    QVERIFY(RecordSubmissionRepository(m_session.database()).findById(model->lastSubmissionId(), &submission));
    QCOMPARE(submission.kind, SubmissionKind::Subject);
    QCOMPARE(submission.status, SubmissionStatus::Pending);

    // It can be found and opened at once.
    QTRY_COMPARE(focused(), child<QWidget>(form, QStringLiteral("openButton")));
    QTest::keyClick(focused(), Qt::Key_Space);
    QTRY_VERIFY(m_pages.subject->basisDialog() && m_pages.subject->basisDialog()->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(m_pages.subject->basisDialog()));
    QTRY_COMPARE(focused(), child<QWidget>(m_pages.subject->basisDialog(), QStringLiteral("basisCombo")));
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(m_pages.subject->basisDialog()->basis().kind, QStringLiteral("record_entry"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), child<QWidget>(m_pages.subject->basisDialog(), QStringLiteral("entryDocumentEdit")));
    QTest::keyClicks(focused(), QStringLiteral("Household register copy"));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.subject));
    QVERIFY(waitForMainWindow());
    QCOMPARE(m_pages.subject->profile().subject.id, stored.id);
}

void TestGuiRecords::reviewerSeesMaskedIdentifiers()
{
    // The same connection, shown as a reviewer would see it: identifiers masked in the results and the header.
    Session reviewer = m_session;
    reviewer.role = Role::Reviewer;
    SearchPage search(reviewer);
    search.searchEdit()->setText(m_person.identifier);
    search.search();
    QCOMPARE(search.model()->subjectId(0), m_person.id);
    const QString shown = search.model()->index(0, SubjectSearchModel::IdentifierColumn).data().toString();
    QCOMPARE(shown, Identifiers::mask(m_person.identifier));
    QVERIFY(!shown.contains(m_person.identifier.mid(6, 8)));

    SubjectPage subject(reviewer, m_policies);
    QueryBasis basis;
    basis.kind = QStringLiteral("case_handling");
    basis.details = {{QStringLiteral("case"), QStringLiteral("XF-2025-0007")}};
    QString error;
    QVERIFY2(subject.openSubject(m_person.id, basis, &error), qPrintable(error));
    const QString header = child<QLabel>(&subject, QStringLiteral("identifierLabel"))->text();
    QVERIFY2(header.contains(Identifiers::mask(m_person.identifier)), qPrintable(header));
    QVERIFY(!header.contains(m_person.identifier));
    QVERIFY(!child<QPushButton>(&subject, QStringLiteral("enterRecordButton"))->isVisibleTo(&subject));
}

QTEST_MAIN(TestGuiRecords)
#include "TestGuiRecords.moc"
