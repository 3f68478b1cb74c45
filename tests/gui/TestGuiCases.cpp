// The case queues through the real widgets: a clerk takes in a repair application and an objection from the subject
// view with the keyboard, the reviewer moves the repair to its decision, the supervisor sees every open case and
// reassigns; each role is refused what it may not do, with the model's reason on screen.

#include "CaseIntakeDialog.h"
#include "CasesPage.h"
#include "DashboardPage.h"
#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "SubjectPage.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"

#include "cases/CaseWorkflow.h"
#include "cases/DemoCases.h"
#include "domain/RepairEligibility.h"
#include "itemmodels/CaseQueueModel.h"
#include "itemmodels/SubjectItemsModel.h"
#include "itemmodels/SubjectSearchModel.h"
#include "records/CreditItemRepository.h"
#include "records/DemoCity.h"
#include "records/SubjectRepository.h"
#include "storage/Workstation.h"
#include "sync/Outbox.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using GuiTest::child;

namespace {
const QString ClerkPassword = QStringLiteral("clerk password 1");
const QString ReviewerPassword = QStringLiteral("reviewer password 2");
const QString SupervisorPassword = QStringLiteral("supervisor password 3");
} // namespace

class TestGuiCases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void clerkTakesInARepairWithTheKeyboard();
    void clerkTakesInAnObjection();
    void reviewerDecidesTheRepair();
    void objectionFromMaterialsToDecision();
    void supervisorSeesEveryCaseAndReassigns();
    void supervisorDashboard();
    void platformConflictShownOnTheCase();

private:
    // Logs in as user and shows the window with its pages.
    void logIn(const QString& user, const QString& password);
    QString scan(const QString& name);
    void selectItem(qint64 itemId);
    CaseIntakeDialog* openIntake(const char* button);

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
    PolicyRegistry m_policies;
    Session m_session;
    MainWindow* m_window = nullptr;
    WindowPages m_pages;
    Subject m_subject;
    qint64 m_repairItem = 0;
    qint64 m_objectionItem = 0;
    QString m_repairCase;
    QString m_objectionCase;
};

void TestGuiCases::initTestCase()
{
    m_language = GuiTest::setUpApplication(m_tmp.path());
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    Session admin;
    QVERIFY2(
        WorkstationFixture::create(
            m_dir, QStringLiteral("思明区信用服务点 3 号窗口"),
            {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, QStringLiteral("admin password 0")},
            {{QStringLiteral("clerk1"), QStringLiteral("李娜"), Role::Clerk, ClerkPassword},
             {QStringLiteral("rev1"), QStringLiteral("黄初审"), Role::Reviewer, ReviewerPassword},
             {QStringLiteral("rev2"), QStringLiteral("吴复核"), Role::Reviewer, ReviewerPassword},
             {QStringLiteral("super1"), QStringLiteral("陈静"), Role::Supervisor, SupervisorPassword}},
            &error, &admin),
        qPrintable(error));
    {
        DemoCityOptions options;
        options.subjects = 600;
        options.seed = 77;
        options.today = QDate::currentDate();
        options.actor = admin.username;
        QSqlDatabase db = admin.database();
        QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    }
    Workstation::closeSession(admin);

    // The queues are not empty: demo cases taken in and moved by the same staff (each signs their own steps).
    Session clerk, reviewer, supervisor;
    QVERIFY2(WorkstationFixture::openSession(m_dir, QStringLiteral("clerk1"), ClerkPassword, QStringLiteral("dc1"),
                                             &clerk, &error),
             qPrintable(error));
    QVERIFY(WorkstationFixture::openSession(m_dir, QStringLiteral("rev1"), ReviewerPassword, QStringLiteral("dc2"),
                                            &reviewer, &error));
    QVERIFY(WorkstationFixture::openSession(m_dir, QStringLiteral("super1"), SupervisorPassword, QStringLiteral("dc3"),
                                            &supervisor, &error));
    {
        // One connection for all three, as one process would use.
        reviewer.connectionName = clerk.connectionName;
        supervisor.connectionName = clerk.connectionName;
        DemoCasesReport report;
        QVERIFY2(DemoCases::generate({clerk, reviewer, supervisor}, m_policies, WorkingCalendar::builtIn(&error), 30, 5,
                                     QDate::currentDate(), &report, &error),
                 qPrintable(error));
        QCOMPARE(report.cases, 30);
    }
    // A subject with two repairable dishonest items not in any case.
    SubjectRepository subjects(clerk.database());
    CreditItemRepository items(clerk.database());
    QSqlQuery q(clerk.database());
    QVERIFY(q.exec(QStringLiteral("SELECT subject_id FROM credit_items WHERE category = 'dishonest' AND status = "
                                  "'active' AND objection_pending = 0 AND id NOT IN (SELECT item_id FROM case_items) "
                                  "GROUP BY subject_id HAVING count(*) >= 2")));
    while (q.next() && m_subject.id == 0) {
        Subject s;
        QList<CreditItem> list;
        QVERIFY(subjects.findById(q.value(0).toLongLong(), &s));
        QVERIFY(items.itemsOfSubject(s.id, &list));
        QList<qint64> eligible;
        for (const CreditItem& item : list) {
            if (!item.objectionPending &&
                RepairRules::assess(item.facts(s.kind), QDate::currentDate(), m_policies).eligible())
                eligible << item.id;
        }
        if (eligible.size() >= 2) {
            m_subject = s;
            m_repairItem = eligible[0];
            m_objectionItem = eligible[1];
        }
    }
    QVERIFY(m_subject.id > 0);
    for (Session* s : {&supervisor, &reviewer})
        s->connectionName = QStringLiteral("dc-none");
    Workstation::closeSession(supervisor);
    Workstation::closeSession(reviewer);
    Workstation::closeSession(clerk);
}

void TestGuiCases::cleanup()
{
    delete m_window;
    m_window = nullptr;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
    m_session = {};
}

void TestGuiCases::logIn(const QString& user, const QString& password)
{
    QString error;
    QVERIFY2(WorkstationFixture::openSession(m_dir, user, password, QStringLiteral("gui"), &m_session, &error),
             qPrintable(error));
    m_window = new MainWindow(m_session);
    m_pages = installWindowPages(m_window);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QVERIFY(m_pages.cases);
}

QString TestGuiCases::scan(const QString& name)
{
    const QString path = m_tmp.filePath(name + QStringLiteral(".pdf"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("%PDF-1.4\n% scan " + name.toUtf8() + "\n");
    return path;
}

void TestGuiCases::selectItem(qint64 itemId)
{
    QueryBasis basis;
    basis.kind = QStringLiteral("case_handling");
    basis.details = {{QStringLiteral("case"), QStringLiteral("intake")}};
    QString error;
    QVERIFY2(m_pages.subject->openSubject(m_subject.id, basis, &error), qPrintable(error));
    m_window->showPage(m_pages.subject);
    QTreeView* view = m_pages.subject->itemsView();
    QAbstractItemModel* model = view->model();
    for (int group = 0; group < model->rowCount(); ++group) {
        const QModelIndex parent = model->index(group, 0);
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(SubjectItemsModel::ItemIdRole).toLongLong() == itemId) {
                view->setFocus();
                view->setCurrentIndex(index);
                QCOMPARE(m_pages.subject->selectedItemId(), itemId);
                return;
            }
        }
    }
    QFAIL("the item is not in the subject view");
}

CaseIntakeDialog* TestGuiCases::openIntake(const char* button)
{
    auto* push = child<QPushButton>(m_pages.subject, button);
    if (!push || !push->isVisible())
        return nullptr;
    // The button's mnemonic, as a clerk presses it.
    QTest::keyClick(m_window, push->text().at(push->text().indexOf(QLatin1Char('&')) + 1).toLatin1(), Qt::AltModifier);
    CaseIntakeDialog* dialog = nullptr;
    for (int waited = 0; !dialog && waited < 5000; waited += 50) {
        QTest::qWait(50);
        dialog = m_window->findChild<CaseIntakeDialog*>();
    }
    if (!dialog)
        return nullptr;
    return QTest::qWaitForWindowActive(dialog) ? dialog : nullptr;
}

void TestGuiCases::clerkTakesInARepairWithTheKeyboard()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    selectItem(m_repairItem);
    CaseIntakeDialog* dialog = openIntake("repairButton");
    QVERIFY(dialog);
    QVERIFY2(child<QLabel>(dialog, "eligibilityLabel")->text().contains(QStringLiteral("1e6b33")),
             qPrintable(child<QLabel>(dialog, "eligibilityLabel")->text()));
    // The ID reader types into the focused field; Enter would receive, so the scans go first.
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(dialog, "applicantIdEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("350203199001010018"));
    QString error;
    QVERIFY2(dialog->attachFile(QStringLiteral("application_form"), scan(QStringLiteral("form")), &error),
             qPrintable(error));
    QVERIFY(dialog->attachFile(QStringLiteral("credit_commitment_letter"), scan(QStringLiteral("letter")), &error));
    QVERIFY(dialog->attachFile(QStringLiteral("licence_or_id_copy"), scan(QStringLiteral("id")), &error));
    // The scanner folder: a new file there becomes the next missing material (the proof of fulfilment).
    const QString folder = m_tmp.filePath(QStringLiteral("scanner"));
    QDir().mkpath(folder);
    dialog->watchScannerFolder(folder);
    QFile::copy(scan(QStringLiteral("receipt")), QDir(folder).filePath(QStringLiteral("0001.pdf")));
    QTRY_VERIFY(dialog->missingMaterials().isEmpty());
    GuiTest::grab(dialog, QStringLiteral("case-intake"), m_language);

    child<QWidget>(dialog, "applicantIdEdit")->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!m_window->findChild<CaseIntakeDialog*>() || !dialog->isVisible());
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.cases));
    m_repairCase = m_pages.cases->currentCase();
    QVERIFY2(m_repairCase.startsWith(QStringLiteral("XF")), qPrintable(m_repairCase));

    // The clerk may not review: no such button, and the model refuses with the reason.
    QVERIFY(!child<QPushButton>(m_pages.cases, "action_start_review"));
    QVERIFY(!m_pages.cases->takeAction(QStringLiteral("start_review")));
    QVERIFY2(!child<QLabel>(m_pages.cases, "caseError")->text().isEmpty(), "the refusal is shown");
    QVERIFY(child<QPushButton>(m_pages.cases, "action_withdraw"));

    const QString pdf = m_tmp.filePath(QStringLiteral("receipt.pdf"));
    QVERIFY2(m_pages.cases->writeReceiptPdf(pdf, &error), qPrintable(error));
    QVERIFY(QFileInfo(pdf).size() > 1000);
}

void TestGuiCases::clerkTakesInAnObjection()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    selectItem(m_objectionItem);
    CaseIntakeDialog* dialog = openIntake("objectionButton");
    QVERIFY(dialog);
    QTest::keyClicks(child<QWidget>(dialog, "applicantIdEdit"), QStringLiteral("350203199001010018"));
    auto* grounds = child<QComboBox>(dialog, "groundsCombo");
    grounds->setCurrentIndex(grounds->findData(QStringLiteral("omission")));
    // No statement: refused by the model, the dialog stays with the reason.
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(!child<QLabel>(dialog, "intakeError")->text().isEmpty());
    child<QPlainTextEdit>(dialog, "statementEdit")->setPlainText(QStringLiteral("缺少已缴清罚款的情况"));
    // Missing materials: received anyway, and paused for them.
    dialog->accept();
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.cases));
    const QString caseNo = m_pages.cases->currentCase();
    QVERIFY(caseNo.startsWith(QStringLiteral("YY")));
    m_objectionCase = caseNo;
    QVERIFY2(child<QLabel>(m_pages.cases, "caseTitleLabel")->text().contains(caseNo), "the new case is open");
    CreditItem item;
    QVERIFY(CreditItemRepository(m_session.database()).findById(m_objectionItem, &item));
    QVERIFY(item.objectionPending);
    // Search results show it too.
    SubjectSearchModel search(m_session.database(), IdentifierDisplay::Full);
    search.search(m_subject.identifier);
    QTRY_COMPARE(search.rowCount(), 1);
    QVERIFY(search.index(0, 0).data(SubjectSearchModel::ObjectionPendingRole).toBool());
    QCOMPARE(search.index(0, SubjectSearchModel::StatusColumn).data().toString(),
             QCoreApplication::translate("SubjectSearchModel", "under objection"));
}

void TestGuiCases::reviewerDecidesTheRepair()
{
    QVERIFY(!m_repairCase.isEmpty());
    logIn(QStringLiteral("rev1"), ReviewerPassword);
    m_window->showPage(m_pages.cases);
    // Unassigned cases (Ctrl+2), then the case.
    QTest::keyClick(m_pages.cases, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(child<QComboBox>(m_pages.cases, "scopeCombo")->currentIndex(), 1);
    QVERIFY(m_pages.cases->model()->indexOfCase(m_repairCase) >= 0);
    QVERIFY(m_pages.cases->openCase(m_repairCase));
    QTRY_VERIFY(child<QPushButton>(m_pages.cases, "action_start_review"));
    QTest::mouseClick(child<QPushButton>(m_pages.cases, "action_start_review"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>(m_pages.cases, "action_submit_to_platform"));
    // A rejection needs its reasons.
    QVERIFY(!m_pages.cases->takeAction(QStringLiteral("reject_municipal")));
    QVERIFY(child<QLabel>(m_pages.cases, "caseError")
                ->text()
                .contains(CaseWorkflow::actionName(QStringLiteral("reject_municipal"))));
    QTest::mouseClick(child<QPushButton>(m_pages.cases, "action_submit_to_platform"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>(m_pages.cases, "action_record_approval"));
    child<QPlainTextEdit>(m_pages.cases, "noteEdit")->setPlainText(QStringLiteral("闽信修〔2026〕88号"));
    GuiTest::grab(m_window, QStringLiteral("case-reviewer"), m_language);
    QTest::mouseClick(child<QPushButton>(m_pages.cases, "action_record_approval"), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(m_pages.cases, "caseTitleLabel")
                    ->text()
                    .contains(CaseWorkflow::stateName(CaseKind::Repair, QStringLiteral("approved"))));
    CreditItem item;
    QVERIFY(CreditItemRepository(m_session.database()).findById(m_repairItem, &item));
    QCOMPARE(item.status, ItemStatus::Repaired);
    QCOMPARE(child<QTreeWidget>(m_pages.cases, "timelineView")->topLevelItemCount(), 4);
}

// The objection taken in with materials missing: the clerk records them, the reviewer verifies and maintains the
// item, through the buttons; the 异议处理中 mark goes.
void TestGuiCases::objectionFromMaterialsToDecision()
{
    QVERIFY(!m_objectionCase.isEmpty());
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    m_window->showPage(m_pages.cases);
    QVERIFY(m_pages.cases->openCase(m_objectionCase));
    QTRY_VERIFY(child<QPushButton>(m_pages.cases, "action_receive_materials"));
    QTest::mouseClick(child<QPushButton>(m_pages.cases, "action_receive_materials"), Qt::LeftButton);
    QTRY_VERIFY(!child<QPushButton>(m_pages.cases, "action_receive_materials"));
    cleanup();

    logIn(QStringLiteral("rev1"), ReviewerPassword);
    m_window->showPage(m_pages.cases);
    QVERIFY(m_pages.cases->openCase(m_objectionCase));
    QTRY_VERIFY(child<QPushButton>(m_pages.cases, "action_start_verification"));
    QTest::mouseClick(child<QPushButton>(m_pages.cases, "action_start_verification"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>(m_pages.cases, "action_maintain"));
    // Deciding without the text is refused, with the reason shown.
    QTest::mouseClick(child<QPushButton>(m_pages.cases, "action_maintain"), Qt::LeftButton);
    QVERIFY(!child<QLabel>(m_pages.cases, "caseError")->text().isEmpty());
    child<QPlainTextEdit>(m_pages.cases, "noteEdit")->setPlainText(QStringLiteral("来源部门复核：记录准确，予以维持"));
    QTest::mouseClick(child<QPushButton>(m_pages.cases, "action_maintain"), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(m_pages.cases, "caseTitleLabel")
                    ->text()
                    .contains(CaseWorkflow::stateName(CaseKind::Objection, QStringLiteral("maintained"))));
    CreditItem item;
    QVERIFY(CreditItemRepository(m_session.database()).findById(m_objectionItem, &item));
    QVERIFY(!item.objectionPending);
}

void TestGuiCases::supervisorSeesEveryCaseAndReassigns()
{
    logIn(QStringLiteral("super1"), SupervisorPassword);
    m_window->showPage(m_pages.cases);
    CasesPage* page = m_pages.cases;
    QVERIFY(page->model()->rowCount() >= 10);
    // Sorted by due date: the first row is the most urgent.
    auto* view = child<QTableView>(page, "queueView");
    QVERIFY(view->model()->rowCount() > 0);
    // Filter by text.
    auto* filter = child<QLineEdit>(page, "filterEdit");
    QTest::keyClick(page, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(filter));
    const int everyCase = view->model()->rowCount();
    QTest::keyClicks(filter, QStringLiteral("YY"));
    // The database filters once typing pauses.
    auto onlyObjections = [view] {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (!view->model()
                     ->index(row, 0)
                     .data(CaseQueueModel::CaseNoRole)
                     .toString()
                     .startsWith(QStringLiteral("YY")))
                return false;
        }
        return view->model()->rowCount() > 0;
    };
    QTRY_VERIFY(onlyObjections());
    QVERIFY(view->model()->rowCount() < everyCase);
    filter->clear();
    QTRY_COMPARE(view->model()->rowCount(), everyCase);
    GuiTest::grab(m_window, QStringLiteral("case-queue"), m_language);

    // Reassign an open case to rev2 with a reason; the supervisor may not decide it.
    const QModelIndex first = view->model()->index(0, 0);
    const QString caseNo = first.data(CaseQueueModel::CaseNoRole).toString();
    QVERIFY(page->openCase(caseNo));
    QVERIFY(!child<QPushButton>(page, "action_record_approval"));
    QVERIFY(!page->takeAction(QStringLiteral("maintain")));
    auto* assignee = child<QComboBox>(page, "assigneeCombo");
    assignee->setCurrentIndex(assignee->findData(QStringLiteral("rev2")));
    child<QPlainTextEdit>(page, "noteEdit")->setPlainText(QStringLiteral("黄初审休假"));
    QVERIFY(page->takeAction(QStringLiteral("reassign")));
    QVERIFY(child<QLabel>(page, "caseDetailsLabel")->text().contains(QStringLiteral("rev2")));
    // The queue names the assignee as people know them.
    bool named = false;
    for (int row = 0; row < view->model()->rowCount() && !named; ++row) {
        const QModelIndex index = view->model()->index(row, CaseQueueModel::AssigneeColumn);
        named = index.data().toString() == QStringLiteral("吴复核");
        QVERIFY(index.data().toString() != QStringLiteral("rev2"));
    }
    QVERIFY(named);
}

void TestGuiCases::supervisorDashboard()
{
    logIn(QStringLiteral("super1"), SupervisorPassword);
    QVERIFY(m_pages.dashboard);
    // Ctrl+T shows the case timers.
    m_pages.dashboardAction->trigger();
    QCOMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.dashboard));
    DashboardPage* page = m_pages.dashboard;
    const CaseStatistics& stats = page->statistics();
    QVERIFY(stats.open > 0);
    QVERIFY(child<QLabel>(page, "summaryLabel")->text().contains(QString::number(stats.open)));
    QCOMPARE(child<QTableView>(page, "overdueView")->model()->rowCount(), stats.overdue);
    QCOMPARE(child<QTableView>(page, "dueTodayView")->model()->rowCount(), stats.dueToday);
    QVERIFY(child<QTableWidget>(page, "workloadTable")->rowCount() >= 2);
    int total = 0;
    for (const auto& byState : stats.openByStage)
        for (int n : byState)
            total += n;
    QCOMPARE(total, stats.open);
    GuiTest::grab(m_window, QStringLiteral("case-dashboard"), m_language);

    // Export: the open cases with masked identifiers, the operator named in the file, audited.
    const QString csv = m_tmp.filePath(QStringLiteral("cases.csv"));
    QString error;
    QVERIFY2(page->exportCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString content = QString::fromUtf8(file.readAll());
    QVERIFY(content.contains(QStringLiteral("super1")));
    QCOMPARE(content.count(QLatin1Char('\n')), stats.open + 2);
    QVERIFY2(!content.contains(m_subject.identifier), "identifiers are masked in exports");
    QSqlQuery audited(m_session.database());
    QVERIFY(audited.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'cases.export' AND actor = "
                                        "'super1'")) &&
            audited.next());
    QCOMPARE(audited.value(0).toInt(), 1);
}

void TestGuiCases::platformConflictShownOnTheCase()
{
    // The platform answered this window's push: every entry taken but the last move of one case, which another
    // window had overtaken (the platform holds the case as rejected). The case page says so and marks the attempt.
    logIn(QStringLiteral("rev1"), ReviewerPassword);
    QSqlDatabase db = m_session.database();
    QList<OutboxEntry> sent;
    QString error;
    QVERIFY2(Outbox::pending(db, m_session.workstationId, Outbox::MaxEntriesPerPush, &sent, &error), qPrintable(error));
    QVERIFY(sent.size() > 3);
    QList<OutboxAnswer> answers;
    for (const OutboxEntry& e : sent)
        answers.append({e.key, QStringLiteral("accepted"), QString(), QString(), {}});
    // The newest move (not an intake) among those sent.
    int conflicting = int(sent.size()) - 1;
    while (conflicting > 0 && sent.at(conflicting).seq == 0)
        --conflicting;
    QVERIFY(conflicting > 0);
    const QString caseNo = sent.at(conflicting).data.value(QStringLiteral("caseNo")).toString();
    answers[conflicting].outcome = QStringLiteral("conflict");
    answers[conflicting].reason = QStringLiteral("case %1 moved on at another window").arg(caseNo);
    answers[conflicting].platform = {{QStringLiteral("state"), QStringLiteral("withdrawn")}};
    QVERIFY2(Outbox::record(m_session, sent, answers, &error), qPrintable(error));

    m_window->showPage(m_pages.cases);
    QVERIFY(m_pages.cases->openCase(caseNo));
    auto* banner = child<QLabel>(m_pages.cases, "casePlatformProblemLabel");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(CaseWorkflow::stateName(CaseKind::Repair, QStringLiteral("withdrawn"))),
             qPrintable(banner->text()));
    auto* timeline = child<QTreeWidget>(m_pages.cases, "timelineView");
    bool marked = false;
    for (int row = 0; row < timeline->topLevelItemCount(); ++row)
        marked = marked || timeline->topLevelItem(row)->text(2).contains(
                               QCoreApplication::translate("CasesPage", "%1 (not taken by the platform: conflict)")
                                   .section(QStringLiteral("%1"), 1));
    QVERIFY(marked);
    GuiTest::grab(m_window, QStringLiteral("case-platform-conflict"), m_language);
    // A case the platform took shows nothing.
    const QString other = sent.at(0).data.value(QStringLiteral("caseNo")).toString();
    if (other != caseNo) {
        QVERIFY(m_pages.cases->openCase(other));
        QVERIFY(!banner->isVisible());
    }
}

QTEST_MAIN(TestGuiCases)
#include "TestGuiCases.moc"
