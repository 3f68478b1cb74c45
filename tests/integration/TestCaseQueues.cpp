// The queues and the dashboard read by SQL over the stored case clocks (CaseClocks, CaseQueueQuery, the paged
// CaseQueueModel) must say exactly what replaying every case's events says (CaseRepository::queue, CaseStatistics):
// on several days, for every clock state, sort and filter. And the stored clocks are guarded like every record:
// never deleted or replaced, never current for an older event, stale when the calendar changes or a case moves
// without them, and a value changed outside the program is named by CaseClocks::verify (xmcredit-admin check).

#include "TestDatabase.h"

#include "cases/CaseClocks.h"
#include "cases/CaseQueueQuery.h"
#include "cases/CaseRepository.h"
#include "cases/CaseStatistics.h"
#include "cases/CaseWorkflow.h"
#include "cases/DemoCases.h"
#include "itemmodels/CaseQueueModel.h"
#include "records/DemoCity.h"
#include "records/PlatformWritePermit.h"
#include "storage/RowSeals.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

class TestCaseQueues : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyActionWritesItsClocks();
    void clockStatesMatchTheEvents_data();
    void clockStatesMatchTheEvents();
    void statisticsMatchTheEvents_data();
    void statisticsMatchTheEvents();
    void sortsAndScopes_data();
    void sortsAndScopes();
    void textFilter_data();
    void textFilter();
    void pagesReadOnDemand();
    void guards();
    void caseMovedWithoutItsClocksIsStale();
    void subjectRenamedIsStale();
    void calendarChangeRefreshesWithAnAuditEntry();
    void tamperedClockIsNamed();

private:
    Session session(const QString& user, Role role);
    static QSet<QString> numbers(const QList<CaseRepository::QueueRow>& rows);
    QStringList queueNumbers(const CaseQueueQuery::Spec& spec, const QDate& asOf);

    QScopedPointer<TestDatabase> m_tdb;
    PolicyRegistry m_policies;
    WorkingCalendar m_calendar;
    Session m_clerk;
    Session m_reviewer;
    QDate m_today;
};

Session TestCaseQueues::session(const QString& user, Role role)
{
    m_tdb->enrol(user, role);
    Session s;
    s.workstationDir = m_tdb->directory();
    s.databasePath = m_tdb->path();
    s.username = user;
    s.displayName = user == QLatin1String("rev1") ? QStringLiteral("黄初审") : user;
    s.role = role;
    s.connectionName = m_tdb->connectionName();
    return s;
}

QSet<QString> TestCaseQueues::numbers(const QList<CaseRepository::QueueRow>& rows)
{
    QSet<QString> set;
    for (const CaseRepository::QueueRow& row : rows)
        set.insert(row.record.caseNo);
    return set;
}

QStringList TestCaseQueues::queueNumbers(const CaseQueueQuery::Spec& spec, const QDate& asOf)
{
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    CaseQueueModel model;
    model.setRepository(&repository);
    model.setSpec(spec);
    model.setAsOf(asOf);
    if (!model.reload())
        qWarning("%s", qPrintable(model.lastError()));
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, 0).data(CaseQueueModel::CaseNoRole).toString();
    return list;
}

void TestCaseQueues::initTestCase()
{
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    m_calendar = WorkingCalendar::builtIn(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // A Wednesday inside the built-in calendar's years, with cases received up to three months before.
    m_today = QDate(2026, 11, 18);
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    DemoCityOptions options;
    options.subjects = 1500;
    options.seed = 5;
    options.today = m_today;
    options.actor = QStringLiteral("admin");
    QSqlDatabase db = m_tdb->database();
    QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    m_clerk = session(QStringLiteral("clerk1"), Role::Clerk);
    m_reviewer = session(QStringLiteral("rev1"), Role::Reviewer);
    const DemoCaseActors actors{m_clerk, m_reviewer, session(QStringLiteral("super1"), Role::Supervisor)};
    DemoCasesReport report;
    QVERIFY2(DemoCases::generate(actors, m_policies, m_calendar, 400, 11, m_today, &report, &error), qPrintable(error));
    QVERIFY(report.cases >= 300);
}

void TestCaseQueues::everyActionWritesItsClocks()
{
    int stale = -1;
    QString error;
    QVERIFY2(CaseClocks::staleCount(m_tdb->database(), CaseClocks::basis(m_policies, m_calendar), &stale, &error),
             qPrintable(error));
    QCOMPARE(stale, 0);
    QStringList problems;
    QVERIFY2(CaseClocks::verify(m_tdb->database(), m_policies, m_calendar, &problems),
             qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM case_clocks")).toInt(),
             m_tdb->scalar(QStringLiteral("SELECT count(*) FROM cases")).toInt());
}

void TestCaseQueues::clockStatesMatchTheEvents_data()
{
    QTest::addColumn<QDate>("asOf");
    QTest::newRow("the day the cases were made") << m_today;
    QTest::newRow("next day") << m_today.addDays(1);
    QTest::newRow("a Saturday") << m_today.addDays(3);
    QTest::newRow("a week on") << m_today.addDays(7);
    QTest::newRow("a month on") << m_today.addDays(30);
}

void TestCaseQueues::clockStatesMatchTheEvents()
{
    QFETCH(QDate, asOf);
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    QList<CaseRepository::QueueRow> rows;
    QString error;
    QVERIFY2(repository.queue(CaseRepository::Scope::All, asOf, &rows, &error), qPrintable(error));
    QHash<QString, QSet<QString>> expected;
    for (const CaseRepository::QueueRow& row : rows) {
        if (row.timed)
            expected[toKey(row.timer.current.state)].insert(row.record.caseNo);
    }
    QVERIFY(expected.size() >= (asOf == m_today ? 6 : 3)); // the demo cases cover most states
    for (const QString& state :
         {QStringLiteral("on_time"), QStringLiteral("at_risk"), QStringLiteral("due_today"), QStringLiteral("overdue"),
          QStringLiteral("paused"), QStringLiteral("completed"), QStringLiteral("completed_late")}) {
        CaseQueueQuery::Spec spec;
        spec.scope = CaseRepository::Scope::All;
        spec.clockState = state;
        const QStringList listed = queueNumbers(spec, asOf);
        const QSet<QString> got(listed.cbegin(), listed.cend());
        QCOMPARE(got.size(), listed.size()); // no case twice
        if (got != expected.value(state)) {
            const QSet<QString> missing = expected.value(state) - got;
            const QSet<QString> extra = got - expected.value(state);
            QFAIL(qPrintable(QStringLiteral("%1: missing %2, extra %3")
                                 .arg(state, QStringList(missing.cbegin(), missing.cend()).join(QLatin1Char(' ')),
                                      QStringList(extra.cbegin(), extra.cend()).join(QLatin1Char(' ')))));
        }
    }
}

void TestCaseQueues::statisticsMatchTheEvents_data()
{
    clockStatesMatchTheEvents_data();
}

void TestCaseQueues::statisticsMatchTheEvents()
{
    QFETCH(QDate, asOf);
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    QList<CaseRepository::QueueRow> rows;
    QString error;
    QVERIFY2(repository.queue(CaseRepository::Scope::All, asOf, &rows, &error), qPrintable(error));
    const CaseStatistics replayed = CaseStatistics::compute(rows, asOf);
    CaseStatistics sql;
    QVERIFY2(CaseQueueQuery::statistics(m_tdb->database(), asOf, m_calendar, &sql, &error), qPrintable(error));
    QVERIFY(replayed.open > 0);
    QCOMPARE(sql.open, replayed.open);
    QCOMPARE(sql.overdue, replayed.overdue);
    QCOMPARE(sql.dueToday, replayed.dueToday);
    QCOMPARE(sql.atRisk, replayed.atRisk);
    QCOMPARE(sql.paused, replayed.paused);
    QCOMPARE(sql.unassigned, replayed.unassigned);
    QCOMPARE(sql.openByStage, replayed.openByStage);
    QCOMPARE(sql.perReviewer, replayed.perReviewer);
    QCOMPARE(sql.perClerk, replayed.perClerk);
    QCOMPARE(sql.medianDays, replayed.medianDays);
    QCOMPARE(sql.medianSamples, replayed.medianSamples);
    QCOMPARE(sql.weeks.size(), replayed.weeks.size());
    int decided = 0;
    for (int i = 0; i < sql.weeks.size(); ++i) {
        QCOMPARE(sql.weeks.at(i).monday, replayed.weeks.at(i).monday);
        QCOMPARE(sql.weeks.at(i).decided, replayed.weeks.at(i).decided);
        QCOMPARE(sql.weeks.at(i).onTime, replayed.weeks.at(i).onTime);
        decided += sql.weeks.at(i).decided;
    }
    if (asOf == m_today)
        QVERIFY(decided > 0);
}

void TestCaseQueues::sortsAndScopes_data()
{
    QTest::addColumn<int>("scope");
    QTest::addColumn<int>("sort");
    QTest::addColumn<bool>("descending");
    using S = CaseQueueQuery::Sort;
    using Scope = CaseRepository::Scope;
    QTest::newRow("open by due") << int(Scope::Open) << int(S::Due) << false;
    QTest::newRow("open by due, descending") << int(Scope::Open) << int(S::Due) << true;
    QTest::newRow("open by subject") << int(Scope::Open) << int(S::Subject) << false;
    QTest::newRow("open by number, descending") << int(Scope::Open) << int(S::CaseNo) << true;
    QTest::newRow("open by clock") << int(Scope::Open) << int(S::Clock) << false;
    QTest::newRow("open by received") << int(Scope::Open) << int(S::Received) << false;
    QTest::newRow("mine by stage") << int(Scope::Mine) << int(S::Stage) << false;
    QTest::newRow("unassigned by kind") << int(Scope::Unassigned) << int(S::Kind) << false;
    QTest::newRow("closed by assignee") << int(Scope::Closed) << int(S::Assignee) << false;
    QTest::newRow("all by due") << int(Scope::All) << int(S::Due) << false;
}

void TestCaseQueues::sortsAndScopes()
{
    QFETCH(int, scope);
    QFETCH(int, sort);
    QFETCH(bool, descending);
    // The reviewer's "mine": the cases assigned to them.
    CaseRepository repository(m_reviewer, m_policies, m_calendar);
    QList<CaseRepository::QueueRow> rows;
    QString error;
    QVERIFY2(repository.queue(CaseRepository::Scope(scope), m_today, &rows, &error), qPrintable(error));
    QVERIFY(!rows.isEmpty());

    CaseQueueModel model;
    model.setRepository(&repository);
    CaseQueueQuery::Spec spec;
    spec.scope = CaseRepository::Scope(scope);
    spec.me = m_reviewer.username;
    spec.sort = CaseQueueQuery::Sort(sort);
    spec.order = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    model.setSpec(spec);
    model.setAsOf(m_today);
    QVERIFY2(model.reload(), qPrintable(model.lastError()));
    QCOMPARE(model.rowCount(), int(rows.size()));

    // The same cases, in an order that holds for the sort key computed from the events.
    QSet<QString> listed;
    auto key = [&](const CaseRepository::QueueRow& row) -> QString {
        const CaseRecord& r = row.record;
        switch (CaseQueueQuery::Sort(sort)) {
        case CaseQueueQuery::Sort::CaseNo:
            return r.caseNo;
        case CaseQueueQuery::Sort::Kind:
            return toKey(r.kind);
        case CaseQueueQuery::Sort::Subject:
            return r.subjectName;
        case CaseQueueQuery::Sort::Stage:
            return r.state;
        case CaseQueueQuery::Sort::Assignee:
            return r.assignedTo;
        case CaseQueueQuery::Sort::Received:
            return r.receivedOn.toString(Qt::ISODate);
        case CaseQueueQuery::Sort::Due: {
            const QDate due = row.timer.current.dueDate;
            // Paused (no due date) sorts as the latest date.
            return due.isValid() ? due.toString(Qt::ISODate) : QStringLiteral("~");
        }
        case CaseQueueQuery::Sort::Clock: {
            static const QStringList rank{QStringLiteral("overdue"),  QStringLiteral("due_today"),
                                          QStringLiteral("at_risk"),  QStringLiteral("on_time"),
                                          QStringLiteral("paused"),   QStringLiteral("completed_late"),
                                          QStringLiteral("completed")};
            return QString::number(rank.indexOf(toKey(row.timer.current.state)));
        }
        }
        return {};
    };
    QString previous;
    for (int i = 0; i < model.rowCount(); ++i) {
        const CaseRepository::QueueRow* row = model.row(i);
        QVERIFY(row);
        listed.insert(row->record.caseNo);
        const QString k = key(*row);
        if (i > 0) {
            const bool inOrder = descending ? k.toUtf8() <= previous.toUtf8() : k.toUtf8() >= previous.toUtf8();
            QVERIFY2(inOrder, qPrintable(QStringLiteral("row %1: %2 after %3").arg(i).arg(k, previous)));
        }
        previous = k;
    }
    QCOMPARE(listed, numbers(rows));
}

void TestCaseQueues::textFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("some");
    QTest::newRow("case number prefix") << QStringLiteral("YY") << true;
    QTest::newRow("case number, lower case") << QStringLiteral("xf") << true;
    QTest::newRow("reviewer's user name") << QStringLiteral("rev1") << true;
    QTest::newRow("clerk's user name") << QStringLiteral("clerk1") << true;
    QTest::newRow("subject name part") << QStringLiteral("有限") << true;
    QTest::newRow("LIKE wildcards are literal") << QStringLiteral("%_%") << false;
    QTest::newRow("quote and backslash") << QStringLiteral("'\\\"") << false;
    QTest::newRow("nothing matches") << QStringLiteral("zzzz-no-such-case") << false;
}

void TestCaseQueues::textFilter()
{
    QFETCH(QString, text);
    QFETCH(bool, some);
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    QList<CaseRepository::QueueRow> rows;
    QString error;
    QVERIFY2(repository.queue(CaseRepository::Scope::Open, m_today, &rows, &error), qPrintable(error));
    QSet<QString> expected;
    for (const CaseRepository::QueueRow& row : rows) {
        const CaseRecord& r = row.record;
        const QStringList fields{r.caseNo,         r.subjectName,        r.subjectIdentifier,
                                 r.applicant.name, r.applicant.idNumber, r.assignedTo,
                                 r.intakeBy};
        if (std::any_of(fields.cbegin(), fields.cend(),
                        [&](const QString& f) { return f.contains(text, Qt::CaseInsensitive); }))
            expected.insert(r.caseNo);
    }
    CaseQueueQuery::Spec spec;
    spec.text = text;
    const QStringList listed = queueNumbers(spec, m_today);
    const QSet<QString> got(listed.cbegin(), listed.cend());
    QCOMPARE(got.isEmpty(), !some);
    // What the query matches beyond the fields above is only the applicant's other fields (the JSON's keys and how
    // the document was checked): every expected case is listed.
    QVERIFY((expected - got).isEmpty());
    for (const QString& caseNo : got - expected) {
        CaseRecord r;
        QVERIFY(repository.find(caseNo, &r));
        QVERIFY2(QString::fromUtf8(QJsonDocument(r.applicant.toJson()).toJson(QJsonDocument::Compact))
                         .contains(text, Qt::CaseInsensitive) ||
                     CaseQueueModel::staffNames(m_tdb->database()).value(r.assignedTo).contains(text),
                 qPrintable(caseNo));
    }
}

void TestCaseQueues::pagesReadOnDemand()
{
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    CaseQueueModel model;
    model.setRepository(&repository);
    CaseQueueQuery::Spec spec;
    spec.scope = CaseRepository::Scope::All;
    spec.sort = CaseQueueQuery::Sort::CaseNo;
    model.setSpec(spec);
    model.setAsOf(m_today);
    QVERIFY2(model.reload(), qPrintable(model.lastError()));
    QVERIFY(model.rowCount() > 2 * CaseQueueModel::PageSize);
    // Rows from the third page, then the first, then the last: each as the repository reads it.
    for (int index : {2 * CaseQueueModel::PageSize + 7, 3, model.rowCount() - 1}) {
        const CaseRepository::QueueRow* row = model.row(index);
        QVERIFY(row);
        CaseRecord record;
        QVERIFY(repository.find(row->record.caseNo, &record));
        QCOMPARE(row->record.id, record.id);
        CaseTimer::Status timer;
        QVERIFY(repository.timer(record, m_today, &timer));
        QCOMPARE(row->timer.current.dueDate, timer.current.dueDate);
        QCOMPARE(model.indexOfCase(record.caseNo), index);
        QCOMPARE(model.index(index, CaseQueueModel::CaseNoColumn).data().toString(), record.caseNo);
    }
    QVERIFY(!model.row(model.rowCount()));
    QVERIFY(!model.row(-1));
    QCOMPARE(model.indexOfCase(QStringLiteral("XF1999-999999")), -1);
    // Sorting by a header click reads the order again.
    model.sort(CaseQueueModel::CaseNoColumn, Qt::DescendingOrder);
    QVERIFY(model.index(0, 0).data().toString() > model.index(1, 0).data().toString());
}

void TestCaseQueues::guards()
{
    const QString basis = CaseClocks::basis(m_policies, m_calendar);
    const qint64 caseId = m_tdb->scalar(QStringLiteral("SELECT min(id) FROM cases")).toLongLong();
    QString error;
    QVERIFY(!m_tdb->exec(QStringLiteral("DELETE FROM case_clocks WHERE case_id = %1").arg(caseId), &error));
    QVERIFY2(error.contains(QLatin1String("never deleted")), qPrintable(error));
    QVERIFY(!m_tdb->exec(QStringLiteral("INSERT OR REPLACE INTO case_clocks (case_id, event_id, basis, kind, open, "
                                        "decision, clock) VALUES (%1, -1, '', 'repair', 0, 0, '')")
                             .arg(caseId),
                         &error));
    QVERIFY2(error.contains(QLatin1String("never replaced")), qPrintable(error));
    // Claiming to be current for an event that is not the case's last.
    QVERIFY(
        !m_tdb->exec(QStringLiteral("UPDATE case_clocks SET event_id = event_id - 1, basis = '%1' WHERE case_id = %2")
                         .arg(basis)
                         .arg(caseId),
                     &error));
    QVERIFY2(error.contains(QLatin1String("last event")), qPrintable(error));
    QVERIFY(
        !m_tdb->exec(QStringLiteral("UPDATE case_clocks SET case_id = 999999 WHERE case_id = %1").arg(caseId), &error));
    QVERIFY(
        !m_tdb->exec(QStringLiteral("UPDATE case_clocks SET kind = 'other' WHERE case_id = %1").arg(caseId), &error));
    // Nothing changed.
    QStringList problems;
    QVERIFY2(CaseClocks::verify(m_tdb->database(), m_policies, m_calendar, &problems),
             qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestCaseQueues::caseMovedWithoutItsClocksIsStale()
{
    // A move written without its clocks (as a sync that forgot them would): the trigger blanks the row's basis, and
    // the next queue read brings it up to date.
    const QString basis = CaseClocks::basis(m_policies, m_calendar);
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    QList<CaseRepository::QueueRow> rows;
    QVERIFY(repository.queue(CaseRepository::Scope::Open, m_today, &rows));
    const CaseRecord* open = nullptr;
    for (const CaseRepository::QueueRow& row : rows) {
        if (row.record.state == QLatin1String("received") && !row.record.paused) {
            open = &row.record;
            break;
        }
    }
    QVERIFY(open);
    QString error;
    QVERIFY2(m_tdb->exec(QStringLiteral("INSERT INTO case_events (case_id, at, on_date, actor, action, from_state, "
                                        "to_state) VALUES (%1, '2026-11-18T10:00:00Z', '%2', 'rev1', "
                                        "'request_supplement', 'received', 'received');"
                                        "UPDATE cases SET paused = 1, last_event_id = (SELECT max(id) FROM "
                                        "case_events) WHERE id = %1;")
                             .arg(open->id)
                             .arg(m_today.toString(Qt::ISODate)),
                         &error),
             qPrintable(error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT basis FROM case_clocks WHERE case_id = %1").arg(open->id)).toString(),
             QString());
    int stale = 0;
    QVERIFY(CaseClocks::staleCount(m_tdb->database(), basis, &stale, &error));
    QCOMPARE(stale, 1);
    CaseQueueQuery::Spec spec;
    spec.clockState = QStringLiteral("paused");
    QVERIFY(queueNumbers(spec, m_today).contains(open->caseNo));
    QVERIFY(CaseClocks::staleCount(m_tdb->database(), basis, &stale, &error));
    QCOMPARE(stale, 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")).toString(),
             QStringLiteral("case.clocks_refresh"));
}

void TestCaseQueues::subjectRenamedIsStale()
{
    // The platform renames a subject (sync): its cases' rows hold the name for sorting and filtering, so they turn
    // stale and the next queue read finds the case under its new name.
    const qint64 caseId = m_tdb->scalar(QStringLiteral("SELECT max(id) FROM cases")).toLongLong();
    const QString caseNo =
        m_tdb->scalar(QStringLiteral("SELECT case_no FROM cases WHERE id = %1").arg(caseId)).toString();
    QString error;
    {
        QSqlDatabase db = m_tdb->database();
        PlatformWritePermit permit(db, QStringLiteral("admin"), QStringLiteral("test.rename"));
        QVERIFY2(permit.isActive(), qPrintable(permit.errorString()));
        QSqlQuery q(db);
        QVERIFY2(
            q.exec(QStringLiteral("UPDATE subjects SET name = '鹭岛改名测试有限公司' WHERE id = (SELECT subject_id "
                                  "FROM cases WHERE id = %1)")
                       .arg(caseId)),
            qPrintable(q.lastError().text()));
        QVERIFY2(permit.commit(&error), qPrintable(error));
    }
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT basis FROM case_clocks WHERE case_id = %1").arg(caseId)).toString(),
             QString());
    CaseQueueQuery::Spec spec;
    spec.scope = CaseRepository::Scope::All;
    spec.text = QStringLiteral("鹭岛改名");
    QCOMPARE(queueNumbers(spec, m_today), QStringList{caseNo});
    QStringList problems;
    QVERIFY2(CaseClocks::verify(m_tdb->database(), m_policies, m_calendar, &problems),
             qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestCaseQueues::calendarChangeRefreshesWithAnAuditEntry()
{
    // The platform publishes a make-up working day (a Saturday) in the cases' weeks: every due date after it moves.
    WorkingCalendar changed = m_calendar;
    CalendarYear year = *m_calendar.year(2026);
    const QDate saturday(2026, 11, 21);
    QVERIFY(!changed.isWorkingDay(saturday));
    year.workingWeekends.append({saturday, QStringLiteral("test")});
    changed.setYear(year);
    QString error;
    QVERIFY(changed.isWorkingDay(saturday));
    const QString basis = CaseClocks::basis(m_policies, changed);
    QVERIFY(basis != CaseClocks::basis(m_policies, m_calendar));
    int stale = 0;
    QVERIFY(CaseClocks::staleCount(m_tdb->database(), basis, &stale, &error));
    QCOMPARE(stale, m_tdb->scalar(QStringLiteral("SELECT count(*) FROM cases")).toInt());
    QStringList problems;
    const qint64 seqBefore = m_tdb->scalar(QStringLiteral("SELECT max(seq) FROM audit_log")).toLongLong();
    int refreshed = 0;
    QVERIFY2(CaseClocks::refreshStale(m_clerk, m_policies, changed, &refreshed, &error), qPrintable(error));
    QCOMPARE(refreshed, stale);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE seq > %1").arg(seqBefore)).toInt(), 1);
    QVERIFY2(CaseClocks::verify(m_tdb->database(), m_policies, changed, &problems),
             qPrintable(problems.join(QLatin1Char('\n'))));
    // Some due date moved, and the queues agree with the events under the new calendar.
    CaseRepository repository(m_clerk, m_policies, changed);
    QList<CaseRepository::QueueRow> rows;
    QVERIFY(repository.queue(CaseRepository::Scope::Open, m_today, &rows));
    CaseStatistics sql;
    QVERIFY(CaseQueueQuery::statistics(m_tdb->database(), m_today, changed, &sql, &error));
    const CaseStatistics replayed = CaseStatistics::compute(rows, m_today);
    QCOMPARE(sql.overdue, replayed.overdue);
    QCOMPARE(sql.atRisk, replayed.atRisk);
    // A second refresh has nothing to do and writes nothing.
    const qint64 seqAfter = m_tdb->scalar(QStringLiteral("SELECT max(seq) FROM audit_log")).toLongLong();
    QVERIFY(CaseClocks::refreshStale(m_clerk, m_policies, changed, &refreshed, &error));
    QCOMPARE(refreshed, 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT max(seq) FROM audit_log")).toLongLong(), seqAfter);
    // Back to the built-in calendar for the tests after this one.
    QVERIFY(CaseClocks::refreshStale(m_clerk, m_policies, m_calendar, &refreshed, &error));
}

void TestCaseQueues::tamperedClockIsNamed()
{
    // An overdue case moved into the future by hand (the seal triggers run: this is the program's own driver) to hide
    // it from the dashboard: verify names it.
    CaseQueueQuery::Spec spec;
    spec.clockState = QStringLiteral("overdue");
    const QStringList overdue = queueNumbers(spec, m_today);
    QVERIFY(!overdue.isEmpty());
    const QString caseNo = overdue.first();
    QString error;
    QVERIFY2(m_tdb->exec(QStringLiteral("UPDATE case_clocks SET due_on = '2099-01-01' WHERE case_id = (SELECT id FROM "
                                        "cases WHERE case_no = '%1')")
                             .arg(caseNo),
                         &error),
             qPrintable(error));
    QStringList problems;
    QVERIFY(!CaseClocks::verify(m_tdb->database(), m_policies, m_calendar, &problems));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(caseNo), qPrintable(problems.first()));
    // The seal kept up with the change (the triggers ran); done with them dropped, the seal check names the table.
    QStringList seals;
    QVERIFY2(RowSeals::verify(m_tdb->database(), &seals), qPrintable(seals.join(QLatin1Char(' '))));
    QVERIFY(m_tdb->exec(QStringLiteral("DROP TRIGGER case_clocks_seal_update; UPDATE case_clocks SET due_on = "
                                       "'2098-01-01' WHERE case_id = (SELECT id FROM cases WHERE case_no = '%1');")
                            .arg(caseNo),
                        &error));
    QVERIFY(!RowSeals::verify(m_tdb->database(), &seals));
    QVERIFY2(seals.join(QLatin1Char(' ')).contains(QStringLiteral("case_clocks")),
             qPrintable(seals.join(QLatin1Char(' '))));
    // What the queue shows for the row is still computed from its events: overdue.
    CaseRepository repository(m_clerk, m_policies, m_calendar);
    CaseQueueModel model;
    model.setRepository(&repository);
    CaseQueueQuery::Spec all;
    all.scope = CaseRepository::Scope::Open;
    model.setSpec(all);
    model.setAsOf(m_today);
    QVERIFY(model.reload());
    const int row = model.indexOfCase(caseNo);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, 0).data(CaseQueueModel::ClockStateKeyRole).toString(), QStringLiteral("overdue"));
}

QTEST_GUILESS_MAIN(TestCaseQueues)
#include "TestCaseQueues.moc"
