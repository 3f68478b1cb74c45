// The auditor's screen through the real widgets: a clerk opens many subjects in a few minutes; the auditor sees the
// pattern flagged, marks its entries, verifies the chain and exports the view (audited).

#include "AuditPage.h"
#include "CasesPage.h"
#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "PermissionsPage.h"
#include "SearchPage.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"

#include "itemmodels/AuditTrailModel.h"
#include "itemmodels/PermissionMatrix.h"
#include "records/DemoCity.h"
#include "records/SubjectProfile.h"
#include "records/SubjectRepository.h"
#include "storage/Workstation.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using GuiTest::child;

class TestGuiAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void auditorSeesTheFlaggedPattern();

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
};

void TestGuiAudit::initTestCase()
{
    m_language = GuiTest::setUpApplication(m_tmp.path());
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    QString error;
    Session admin;
    QVERIFY2(
        WorkstationFixture::create(
            m_dir, QStringLiteral("思明区信用服务点 5 号窗口"),
            {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, QStringLiteral("admin password 0")},
            {{QStringLiteral("clerk1"), QStringLiteral("李娜"), Role::Clerk, QStringLiteral("clerk password 1")},
             {QStringLiteral("audit1"), QStringLiteral("周审计"), Role::Auditor, QStringLiteral("auditor password 2")}},
            &error, &admin),
        qPrintable(error));
    {
        DemoCityOptions options;
        options.subjects = 200;
        options.seed = 3;
        options.today = QDate::currentDate();
        options.actor = admin.username;
        QSqlDatabase db = admin.database();
        QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    }
    Workstation::closeSession(admin);
    // The clerk opens 16 different subjects in a row, each with a self-query basis and nothing after it.
    Session clerk;
    QVERIFY(WorkstationFixture::openSession(m_dir, QStringLiteral("clerk1"), QStringLiteral("clerk password 1"),
                                            QStringLiteral("c"), &clerk, &error));
    const PolicyRegistry policies = PolicyRegistry::builtIn(&error);
    for (qint64 id = 1; id <= 16; ++id) {
        SubjectProfile profile;
        QVERIFY2(SubjectProfiles::open(clerk, id, QStringLiteral("self_query: document=resident_id_card"),
                                       QDate::currentDate(), policies, &profile, &error),
                 qPrintable(error));
    }
    Workstation::closeSession(clerk);
}

void TestGuiAudit::auditorSeesTheFlaggedPattern()
{
    Session session;
    QString error;
    QVERIFY(WorkstationFixture::openSession(m_dir, QStringLiteral("audit1"), QStringLiteral("auditor password 2"),
                                            QStringLiteral("gui"), &session, &error));
    auto* window = new MainWindow(session);
    const WindowPages pages = installWindowPages(window);
    QVERIFY(pages.audit);
    QVERIFY(!pages.cases && !pages.search); // an auditor only reads the trail
    window->resize(1366, 768);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window));
    pages.auditAction->trigger();
    AuditPage* page = pages.audit;
    QCOMPARE(window->currentPage(), static_cast<QWidget*>(page));

    // Every flag kind the clerk's work shows: many subjects in a short time, queries with nothing behind them.
    bool many = false;
    int noFollowUp = 0;
    for (const AuditFlag& flag : page->flags()) {
        many = many || (flag.kind == QLatin1String("many_subjects") && flag.actor == QLatin1String("clerk1"));
        noFollowUp += flag.kind == QLatin1String("no_follow_up") ? 1 : 0;
    }
    QVERIFY(many);
    QCOMPARE(noFollowUp, 16);
    auto* list = child<QListWidget>(page, "flagsList");
    QCOMPARE(list->count(), int(page->flags().size()));
    int manyRow = -1;
    for (int i = 0; i < page->flags().size(); ++i)
        if (page->flags().at(i).kind == QLatin1String("many_subjects"))
            manyRow = i;
    list->setCurrentRow(manyRow);
    int marked = 0;
    for (int i = 0; i < page->model()->rowCount(); ++i)
        marked += page->model()->index(i, 0).data(AuditTrailModel::FlaggedRole).toBool() ? 1 : 0;
    QVERIFY(marked >= 15);

    // Filter by person, verify the chain, export (audited).
    child<QLineEdit>(page, "actorEdit")->setText(QStringLiteral("clerk1"));
    QTest::keyClick(child<QLineEdit>(page, "actorEdit"), Qt::Key_Return);
    for (int i = 0; i < page->model()->rowCount(); ++i)
        QCOMPARE(page->model()->rows().at(i).actor, QStringLiteral("clerk1"));
    child<QLineEdit>(page, "actorEdit")->clear();
    page->apply();
    list->setCurrentRow(manyRow);
    page->verifyChain();
    QVERIFY2(child<QLabel>(page, "chainLabel")->text().contains(QStringLiteral("intact")) ||
                 child<QLabel>(page, "chainLabel")->text().contains(QStringLiteral("完整")),
             qPrintable(child<QLabel>(page, "chainLabel")->text()));
    GuiTest::grab(window, QStringLiteral("audit-review"), m_language);
    const QString csv = m_tmp.filePath(QStringLiteral("audit.csv"));
    QVERIFY2(page->exportCsv(csv, &error), qPrintable(error));
    QVERIFY(QFile(csv).size() > 100);
    QSqlQuery q(session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN ('audit.export', 'audit.review') "
                                  "AND actor = 'audit1'")) &&
            q.next());
    QVERIFY(q.value(0).toInt() >= 3);

    // Who May Do What (Ctrl+Shift+M): the permission matrix, read-only, each cell with its reason.
    QVERIFY(pages.permissions);
    QTest::keyClick(window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window->currentPage(), static_cast<QWidget*>(pages.permissions));
    auto* matrix = child<QTableView>(pages.permissions, "permissionsView");
    QCOMPARE(matrix->model()->rowCount(), int(PermissionMatrix::rules().size()));
    QCOMPARE(matrix->editTriggers(), QAbstractItemView::NoEditTriggers);
    const int clerkColumn = 2 + int(Roles::all().indexOf(Role::Clerk));
    for (int row = 0; row < matrix->model()->rowCount(); ++row) {
        const QModelIndex cell = matrix->model()->index(row, clerkColumn);
        if (cell.data(PermissionMatrixModel::KeyRole).toString() == QLatin1String("command.rekey")) {
            QVERIFY(!cell.data(PermissionMatrixModel::AllowedRole).toBool());
            QVERIFY(!cell.data(Qt::ToolTipRole).toString().isEmpty());
        }
    }
    GuiTest::grab(window, QStringLiteral("permissions"), m_language);
    delete window;
    Workstation::closeSession(session);
}

QTEST_MAIN(TestGuiAudit)
#include "TestGuiAudit.moc"
