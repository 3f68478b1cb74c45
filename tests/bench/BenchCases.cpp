#include "TestDatabase.h"

#include "cases/CaseClocks.h"
#include "cases/CaseQueueQuery.h"
#include "cases/CaseRepository.h"
#include "cases/CaseStatistics.h"
#include "cases/DemoCases.h"
#include "itemmodels/CaseQueueModel.h"
#include "records/DemoCity.h"
#include "storage/SqlCipherDriver.h"

#include <QElapsedTimer>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>

// Opening a case queue and the supervisor's dashboard with many cases in the database, through the application's
// path, beside the same SQL statements run raw through the SQLite C API on the same connection (every column of every
// row read, nothing computed). Prints p50/p95 in ms.
//
//  - open queue: CaseQueueModel::reload() (the stale-clock check, then the queue's case ids in order by SQL over
//    case_clocks) and the first page of rows a view shows, each with its clocks computed from its events;
//  - the same sorted by subject name, and filtered by a text;
//  - dashboard: CaseQueueQuery::statistics() (GROUP BY aggregates) and the overdue and due-today lists (ids and their
//    first page);
//  - for reference, the whole queue replayed from every case's events (CaseRepository::queue, what `case list` and
//    the CSV export do), beside its raw reads.
//
// XMCREDIT_BENCH_SCALE: "small" (default: 3,000 subjects, 600 cases) or "city" (150,000 subjects, 50,000 cases).
// XMCREDIT_BENCH_RUNS:  runs per measurement (default 20).
// The test fails only when the two paths disagree on the number of cases, never on time.
class BenchCases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openQueue_data();
    void openQueue();
    void openDashboard();
    void replayWholeQueue();
    void report();

private:
    struct Row
    {
        QString label;
        int cases = 0;
        double rawP50 = 0, rawP95 = 0, appP50 = 0, appP95 = 0;
        bool target = true; // measured against the 100 ms aim
    };
    static double percentile(QList<double> values, double p);
    // Runs a statement through the C API, reading every column of every row; returns the rows (or -1) and the first
    // column of the first `keep` rows.
    int rawRun(const QString& sql, const QVariantList& binds, int keep = 0, QVector<qint64>* firstColumn = nullptr);
    // The raw reads of one page of rows (the statements CaseRepository::rows runs).
    void rawPage(const QVector<qint64>& ids);
    void record(const QString& label, int cases, const QList<double>& raw, const QList<double>& app,
                bool target = true);

    QScopedPointer<TestDatabase> m_tdb;
    PolicyRegistry m_policies;
    WorkingCalendar m_calendar;
    Session m_clerk;
    int m_runs = 20;
    int m_cases = 0;
    QList<Row> m_rows;
};

double BenchCases::percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

void BenchCases::record(const QString& label, int cases, const QList<double>& raw, const QList<double>& app,
                        bool target)
{
    m_rows.append({label, cases, percentile(raw, 0.5), percentile(raw, 0.95), percentile(app, 0.5),
                   percentile(app, 0.95), target});
}

void BenchCases::initTestCase()
{
    const QString scale = qEnvironmentVariable("XMCREDIT_BENCH_SCALE", QStringLiteral("small"));
    QVERIFY2(scale == QLatin1String("small") || scale == QLatin1String("city"), "XMCREDIT_BENCH_SCALE: small or city");
    const bool city = scale == QLatin1String("city");
    if (qEnvironmentVariableIsSet("XMCREDIT_BENCH_RUNS"))
        m_runs = std::max(3, qEnvironmentVariableIntValue("XMCREDIT_BENCH_RUNS"));
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    m_calendar = WorkingCalendar::builtIn(&error);
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    QElapsedTimer timer;
    timer.start();
    {
        DemoCityOptions options;
        options.subjects = city ? 150000 : 3000;
        options.seed = 31;
        options.today = QDate::currentDate();
        options.actor = QStringLiteral("admin");
        QSqlDatabase db = m_tdb->database();
        QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    }
    qInfo("city: %lld ms", timer.restart());
    auto session = [this](const QString& user, Role role) {
        m_tdb->enrol(user, role);
        Session s;
        s.workstationDir = m_tdb->directory();
        s.databasePath = m_tdb->path();
        s.username = user;
        s.displayName = user;
        s.role = role;
        s.connectionName = m_tdb->connectionName();
        return s;
    };
    m_clerk = session(QStringLiteral("clerk1"), Role::Clerk);
    const DemoCaseActors actors{m_clerk, session(QStringLiteral("rev1"), Role::Reviewer),
                                session(QStringLiteral("super1"), Role::Supervisor)};
    QSqlDatabase db = m_tdb->database();
    QVERIFY(db.transaction());
    DemoCasesReport report;
    QVERIFY2(DemoCases::generate(actors, m_policies, m_calendar, city ? 50000 : 600, 7, QDate::currentDate(), &report,
                                 &error),
             qPrintable(error));
    QVERIFY(db.commit());
    m_cases = report.cases;
    qInfo("cases: %d in %lld ms", m_cases, timer.elapsed());
    QVERIFY(m_cases > 0);
    int refreshed = 0;
    QVERIFY2(CaseClocks::refreshStale(m_clerk, m_policies, m_calendar, &refreshed, &error), qPrintable(error));
    QCOMPARE(refreshed, 0); // every action wrote its case's clocks
}

int BenchCases::rawRun(const QString& sql, const QVariantList& binds, int keep, QVector<qint64>* firstColumn)
{
    auto* raw = static_cast<sqlite3*>(m_tdb->database().driver()->handle().value<void*>());
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(raw, utf8.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return -1;
    QList<QByteArray> texts;
    for (int i = 0; i < binds.size(); ++i) {
        texts << binds.at(i).toString().toUtf8();
        sqlite3_bind_text(stmt, i + 1, texts.last().constData(), int(texts.last().size()), SQLITE_STATIC);
    }
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i)
            sqlite3_column_text(stmt, i);
        if (firstColumn && rows < keep)
            firstColumn->append(sqlite3_column_int64(stmt, 0));
        ++rows;
    }
    sqlite3_finalize(stmt);
    return rows;
}

void BenchCases::rawPage(const QVector<qint64>& ids)
{
    if (ids.isEmpty())
        return;
    QStringList numbers;
    for (qint64 id : ids)
        numbers << QString::number(id);
    const QString in = QStringLiteral(" IN (") + numbers.join(QLatin1Char(',')) + QLatin1Char(')');
    rawRun(QStringLiteral("SELECT c.id, c.case_no, c.kind, c.subject_id, s.name, s.identifier, c.state, c.paused, "
                          "c.received_on, c.intake_by, c.assigned_to, c.applicant, c.grounds, c.statement, "
                          "c.decided_from, c.outcome, c.updated_at, c.last_event_id FROM cases c JOIN subjects s ON "
                          "s.id = c.subject_id WHERE c.id") +
               in + QStringLiteral(" ORDER BY c.id"),
           {});
    rawRun(QStringLiteral("SELECT case_id, action, on_date FROM case_events WHERE case_id") + in +
               QStringLiteral(" AND action <> 'intake' ORDER BY case_id, id"),
           {});
    rawRun(QStringLiteral("SELECT case_id, item_id FROM case_items WHERE case_id") + in, {});
}

void BenchCases::openQueue_data()
{
    QTest::addColumn<int>("sort");
    QTest::addColumn<QString>("text");
    QTest::newRow("open queue, by due date") << int(CaseQueueQuery::Sort::Due) << QString();
    QTest::newRow("open queue, by subject") << int(CaseQueueQuery::Sort::Subject) << QString();
    QTest::newRow("open queue, filtered by text") << int(CaseQueueQuery::Sort::Due) << QStringLiteral("有限公司");
}

void BenchCases::openQueue()
{
    QFETCH(int, sort);
    QFETCH(QString, text);
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    CaseQueueModel model;
    model.setRepository(&repository);
    CaseQueueQuery::Spec spec;
    spec.scope = CaseRepository::Scope::Open;
    spec.sort = CaseQueueQuery::Sort(sort);
    spec.text = text;
    model.setSpec(spec);
    const QDate today = QDate::currentDate();
    const CaseQueueQuery::Statement statement = CaseQueueQuery::idsStatement(spec, today, m_calendar);
    QList<double> raw;
    QList<double> app;
    int rawCount = 0;
    int appCount = 0;
    for (int run = 0; run < m_runs; ++run) {
        QElapsedTimer t;
        t.start();
        QVector<qint64> first;
        rawCount = rawRun(statement.sql, statement.binds, CaseQueueModel::PageSize, &first);
        rawPage(first);
        raw << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        QVERIFY2(model.reload(), qPrintable(model.lastError()));
        appCount = model.rowCount();
        // What a view asks for when it is shown: the visible rows' every column.
        for (int row = 0; row < std::min(appCount, 40); ++row) {
            for (int column = 0; column < CaseQueueModel::ColumnCount; ++column)
                model.index(row, column).data();
        }
        app << double(t.nsecsElapsed()) / 1e6;
    }
    QCOMPARE(appCount, rawCount);
    QVERIFY(appCount > 0);
    record(QString::fromLatin1(QTest::currentDataTag()), appCount, raw, app);
}

void BenchCases::openDashboard()
{
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    const QDate today = QDate::currentDate();
    CaseQueueModel overdue;
    CaseQueueModel dueToday;
    CaseQueueQuery::Spec overdueSpec;
    overdueSpec.clockState = QStringLiteral("overdue");
    CaseQueueQuery::Spec todaySpec;
    todaySpec.clockState = QStringLiteral("due_today");
    todaySpec.sort = CaseQueueQuery::Sort::CaseNo;
    overdue.setSpec(overdueSpec);
    dueToday.setSpec(todaySpec);
    overdue.setRepository(&repository);
    dueToday.setRepository(&repository);
    QList<CaseQueueQuery::Statement> statements = CaseQueueQuery::statisticsStatements(today, m_calendar);
    const CaseQueueQuery::Statement overdueIds = CaseQueueQuery::idsStatement(overdueSpec, today, m_calendar);
    const CaseQueueQuery::Statement todayIds = CaseQueueQuery::idsStatement(todaySpec, today, m_calendar);
    QList<double> raw;
    QList<double> app;
    int rawOpen = 0;
    int appOpen = 0;
    for (int run = 0; run < m_runs; ++run) {
        QElapsedTimer t;
        t.start();
        for (const CaseQueueQuery::Statement& s : statements)
            rawRun(s.sql, s.binds);
        QVector<qint64> first;
        rawOpen = rawRun(overdueIds.sql, overdueIds.binds, 20, &first);
        rawPage(first);
        first.clear();
        rawOpen += rawRun(todayIds.sql, todayIds.binds, 20, &first);
        rawPage(first);
        raw << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        CaseStatistics stats;
        QString error;
        QVERIFY2(CaseQueueQuery::statistics(m_clerk.database(), today, m_calendar, &stats, &error), qPrintable(error));
        for (CaseQueueModel* model : {&overdue, &dueToday}) {
            QVERIFY2(model->reload(), qPrintable(model->lastError()));
            for (int row = 0; row < std::min(model->rowCount(), 20); ++row) {
                for (int column = 0; column < CaseQueueModel::ColumnCount; ++column)
                    model->index(row, column).data();
            }
        }
        app << double(t.nsecsElapsed()) / 1e6;
        appOpen = overdue.rowCount() + dueToday.rowCount();
        QCOMPARE(stats.overdue, overdue.rowCount());
        QCOMPARE(stats.dueToday, dueToday.rowCount());
    }
    QCOMPARE(appOpen, rawOpen);
    record(QStringLiteral("dashboard (overdue + due today listed)"), appOpen, raw, app);
}

void BenchCases::replayWholeQueue()
{
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    QList<double> raw;
    QList<double> app;
    int rawCount = 0;
    int appCount = 0;
    const QString cases =
        QStringLiteral("SELECT c.id, c.case_no, c.kind, c.subject_id, s.name, s.identifier, c.state, c.paused, "
                       "c.received_on, c.intake_by, c.assigned_to, c.applicant, c.grounds, c.statement, "
                       "c.decided_from, c.outcome, c.updated_at, c.last_event_id FROM cases c JOIN subjects s ON "
                       "s.id = c.subject_id WHERE 1 ORDER BY c.id");
    const int runs = std::max(3, m_runs / 4);
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        rawCount = rawRun(cases, {});
        rawRun(QStringLiteral("SELECT case_id, action, on_date FROM case_events WHERE action <> 'intake' ORDER BY "
                              "case_id, id"),
               {});
        rawRun(QStringLiteral("SELECT case_id, item_id FROM case_items"), {});
        raw << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        QList<CaseRepository::QueueRow> rows;
        QString error;
        QVERIFY2(repository.queue(CaseRepository::Scope::All, QDate::currentDate(), &rows, &error), qPrintable(error));
        app << double(t.nsecsElapsed()) / 1e6;
        appCount = int(rows.size());
    }
    QCOMPARE(appCount, rawCount);
    record(QStringLiteral("whole queue replayed from events (case list, CSV export)"), appCount, raw, app, false);
}

void BenchCases::report()
{
    QString table;
    table += QStringLiteral("\ncases in the database: %1, %2 runs each, ms\n").arg(m_cases).arg(m_runs);
    table += QStringLiteral("| view | cases listed | raw p50 | raw p95 | app p50 | app p95 | app/raw p95 | app p95 "
                            "< 100 ms |\n|---|---|---|---|---|---|---|---|\n");
    for (const Row& r : m_rows)
        table += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                     .arg(r.label)
                     .arg(r.cases)
                     .arg(r.rawP50, 0, 'f', 2)
                     .arg(r.rawP95, 0, 'f', 2)
                     .arg(r.appP50, 0, 'f', 2)
                     .arg(r.appP95, 0, 'f', 2)
                     .arg(r.rawP95 > 0 ? r.appP95 / r.rawP95 : 0, 0, 'f', 2)
                     .arg(!r.target        ? QStringLiteral("(no aim)")
                          : r.appP95 < 100 ? QStringLiteral("met")
                                           : QStringLiteral("NOT met"));
    qInfo("%s", qPrintable(table));
}

QTEST_GUILESS_MAIN(BenchCases)
#include "BenchCases.moc"
