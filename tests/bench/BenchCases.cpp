#include "TestDatabase.h"

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
// path (CaseRepository::queue: the cases and all their events in two queries, each case's clocks computed from its
// events and the calendar; then the queue's item model, or the dashboard's statistics), beside the same queries run
// raw through the SQLite C API on the same connection (rows read, no clocks). Prints p50/p95 in ms.
//
// XMCREDIT_BENCH_SCALE: "small" (default: 3,000 subjects, 600 cases) or "city" (150,000 subjects, 50,000 cases).
// XMCREDIT_BENCH_RUNS:  runs per measurement (default 20).
// The test fails only when the two paths disagree on the number of cases, never on time.
class BenchCases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openQueue();
    void openDashboard();
    void report();

private:
    struct Row
    {
        QString label;
        int cases = 0;
        double rawP50 = 0, rawP95 = 0, appP50 = 0, appP95 = 0;
    };
    static double percentile(QList<double> values, double p);
    // The raw path: the same three statements as CaseRepository::queue, every column of every row read.
    int rawQueue(bool openOnly);

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
}

int BenchCases::rawQueue(bool openOnly)
{
    auto* raw = static_cast<sqlite3*>(m_tdb->database().driver()->handle().value<void*>());
    const QByteArray cases =
        QByteArrayLiteral("SELECT c.id, c.case_no, c.kind, c.subject_id, s.name, s.identifier, c.state, c.paused, "
                          "c.received_on, c.intake_by, c.assigned_to, c.applicant, c.grounds, c.statement, "
                          "c.decided_from, c.outcome, c.updated_at, c.last_event_id FROM cases c JOIN subjects s ON "
                          "s.id = c.subject_id") +
        (openOnly ? QByteArrayLiteral(" WHERE c.state IN ('received', 'municipal_review', 'platform_review', "
                                      "'verifying')")
                  : QByteArrayLiteral(" WHERE 1")) +
        QByteArrayLiteral(" ORDER BY c.id");
    auto readAll = [raw](const QByteArray& sql, qint64 from, qint64 to, qint64* first, qint64* last) {
        sqlite3_stmt* stmt = nullptr;
        int rows = 0;
        if (sqlite3_prepare_v2(raw, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
            return -1;
        if (from >= 0) {
            sqlite3_bind_int64(stmt, 1, from);
            sqlite3_bind_int64(stmt, 2, to);
        }
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(stmt); ++i)
                sqlite3_column_text(stmt, i);
            const qint64 id = sqlite3_column_int64(stmt, 0);
            if (first && rows == 0)
                *first = id;
            if (last)
                *last = id;
            ++rows;
        }
        sqlite3_finalize(stmt);
        return rows;
    };
    qint64 first = 0;
    qint64 last = 0;
    const int n = readAll(cases, -1, -1, &first, &last);
    readAll(QByteArrayLiteral("SELECT case_id, action, on_date FROM case_events WHERE case_id BETWEEN ? AND ? AND "
                              "action <> 'intake' ORDER BY case_id, id"),
            first, last, nullptr, nullptr);
    readAll(QByteArrayLiteral("SELECT case_id, item_id FROM case_items WHERE case_id BETWEEN ? AND ?"), first, last,
            nullptr, nullptr);
    return n;
}

void BenchCases::openQueue()
{
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    CaseQueueModel model;
    QList<double> raw;
    QList<double> app;
    int rawCount = 0;
    int appCount = 0;
    for (int run = 0; run < m_runs; ++run) {
        QElapsedTimer t;
        t.start();
        rawCount = rawQueue(true);
        raw << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        QList<CaseRepository::QueueRow> rows;
        QString error;
        QVERIFY2(repository.queue(CaseRepository::Scope::Open, QDate::currentDate(), &rows, &error), qPrintable(error));
        model.setRows(rows, QDate::currentDate());
        app << double(t.nsecsElapsed()) / 1e6;
        appCount = model.rowCount();
    }
    QCOMPARE(appCount, rawCount);
    m_rows.append({QStringLiteral("open queue"), appCount, percentile(raw, 0.5), percentile(raw, 0.95),
                   percentile(app, 0.5), percentile(app, 0.95)});
}

void BenchCases::openDashboard()
{
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    QList<double> raw;
    QList<double> app;
    int rawCount = 0;
    int appCount = 0;
    for (int run = 0; run < m_runs; ++run) {
        QElapsedTimer t;
        t.start();
        rawCount = rawQueue(false);
        raw << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        QList<CaseRepository::QueueRow> rows;
        QString error;
        QVERIFY2(repository.queue(CaseRepository::Scope::All, QDate::currentDate(), &rows, &error), qPrintable(error));
        const CaseStatistics stats = CaseStatistics::compute(rows, QDate::currentDate());
        app << double(t.nsecsElapsed()) / 1e6;
        appCount = int(rows.size());
        QVERIFY(stats.open <= appCount);
    }
    QCOMPARE(appCount, rawCount);
    m_rows.append({QStringLiteral("dashboard (all cases)"), appCount, percentile(raw, 0.5), percentile(raw, 0.95),
                   percentile(app, 0.5), percentile(app, 0.95)});
}

void BenchCases::report()
{
    QString table;
    table += QStringLiteral("\ncases in the database: %1, %2 runs each, ms\n").arg(m_cases).arg(m_runs);
    table +=
        QStringLiteral("| view | cases listed | raw p50 | raw p95 | app p50 | app p95 | app/raw p95 | target app p95 "
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
                     .arg(r.appP95 < 100 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    qInfo("%s", qPrintable(table));
}

QTEST_GUILESS_MAIN(BenchCases)
#include "BenchCases.moc"
