// The repair and objection state machines (models/cases/CaseWorkflow) and their clocks (CaseTimer): every action
// of every role in every state, allowed or refused with a reason; the clocks across the Spring Festival, Qingming
// and National Day, with supplement pauses.

#include "cases/CaseTimer.h"
#include "cases/CaseWorkflow.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"

#include <QtTest>

using CaseWorkflow::CaseFacts;

class TestCaseWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void transitions_data();
    void transitions();
    void everyRoleInEveryState();
    void nobodyDecidesACaseTheyTookIn();
    void decisionsNeedANote();
    void supplementPausesAndBlocksDecisions();
    void reopenOnlyWhenTheRecordWasNotChanged();
    void actionToFindsTheAction();
    void repairClockAcrossNationalDay();
    void repairClockWithSupplementPause();
    void objectionClockAcrossSpringFestival();
    void objectionClockAcrossQingming();
    void overdueAndAtRisk();
    void estimatedBeyondTheCalendar();
    void eventsOutOfOrderAreRefused();
    void reopenedCaseDoesNotCountTheDaysItWasClosed();

private:
    PolicyRegistry m_policies;
    WorkingCalendar m_calendar;
};

void TestCaseWorkflow::initTestCase()
{
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_calendar = WorkingCalendar::builtIn(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCaseWorkflow::transitions_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("to");

    const int repair = int(CaseKind::Repair);
    const int objection = int(CaseKind::Objection);
    const int clerk = int(Role::Clerk);
    const int reviewer = int(Role::Reviewer);
    const int supervisor = int(Role::Supervisor);
    const int auditor = int(Role::Auditor);
    const int admin = int(Role::Administrator);
    auto row = [](const char* name, int kind, const char* state, const char* action, int role, bool allowed,
                  const char* to) {
        QTest::newRow(name) << kind << QString::fromLatin1(state) << QString::fromLatin1(action) << role << allowed
                            << QString::fromLatin1(to);
    };
    row("repair: reviewer starts review", repair, "received", "start_review", reviewer, true, "municipal_review");
    row("repair: clerk cannot start review", repair, "received", "start_review", clerk, false, "");
    row("repair: supervisor cannot start review", repair, "received", "start_review", supervisor, false, "");
    row("repair: reviewer submits", repair, "municipal_review", "submit_to_platform", reviewer, true,
        "platform_review");
    row("repair: submit only from municipal review", repair, "received", "submit_to_platform", reviewer, false, "");
    row("repair: reviewer rejects at municipal review", repair, "municipal_review", "reject_municipal", reviewer, true,
        "rejected");
    row("repair: reviewer records approval", repair, "platform_review", "record_approval", reviewer, true, "approved");
    row("repair: approval not before platform review", repair, "municipal_review", "record_approval", reviewer, false,
        "");
    row("repair: reviewer records rejection", repair, "platform_review", "record_rejection", reviewer, true,
        "rejected");
    row("repair: clerk records withdrawal", repair, "platform_review", "withdraw", clerk, true, "withdrawn");
    row("repair: reviewer cannot record withdrawal", repair, "received", "withdraw", reviewer, false, "");
    row("repair: supervisor reassigns", repair, "municipal_review", "reassign", supervisor, true, "municipal_review");
    row("repair: clerk cannot reassign", repair, "received", "reassign", clerk, false, "");
    row("repair: auditor does nothing", repair, "received", "withdraw", auditor, false, "");
    row("repair: administrator does nothing", repair, "municipal_review", "submit_to_platform", admin, false, "");
    row("repair: closed case moves no more", repair, "rejected", "start_review", reviewer, false, "");
    row("repair: objection action refused", repair, "received", "start_verification", reviewer, false, "");
    row("objection: reviewer verifies", objection, "received", "start_verification", reviewer, true, "verifying");
    row("objection: corrected", objection, "verifying", "correct", reviewer, true, "corrected");
    row("objection: item withdrawn", objection, "verifying", "withdraw_item", reviewer, true, "item_withdrawn");
    row("objection: maintained", objection, "verifying", "maintain", reviewer, true, "maintained");
    row("objection: outcome not before verifying", objection, "received", "maintain", reviewer, false, "");
    row("objection: clerk cannot decide", objection, "verifying", "correct", clerk, false, "");
    row("objection: supervisor reopens maintained", objection, "maintained", "reopen", supervisor, true, "verifying");
    row("objection: clerk records withdrawal", objection, "verifying", "withdraw", clerk, true, "withdrawn");
    row("objection: repair action refused", objection, "received", "start_review", reviewer, false, "");
}

void TestCaseWorkflow::transitions()
{
    QFETCH(int, kind);
    QFETCH(QString, state);
    QFETCH(QString, action);
    QFETCH(int, role);
    QFETCH(bool, allowed);
    QFETCH(QString, to);
    CaseFacts facts{CaseKind(kind), state, false, QStringLiteral("clerk1"), QString(), QStringLiteral("verifying")};
    const CaseWorkflow::Check check =
        CaseWorkflow::check(facts, action, Role(role), QStringLiteral("someone"), QStringLiteral("a reason"));
    QCOMPARE(check.allowed, allowed);
    if (allowed)
        QCOMPARE(check.to, to);
    else
        QVERIFY2(!check.reason.isEmpty(), "a refusal always says why");
}

// The whole matrix: every role, every action, every state of both kinds. A refusal always has a reason; what is
// allowed is exactly what the role's permission and the state allow.
void TestCaseWorkflow::everyRoleInEveryState()
{
    int allowedCount = 0;
    int refusedCount = 0;
    for (CaseKind kind : {CaseKind::Repair, CaseKind::Objection}) {
        for (const QString& state : CaseWorkflow::states(kind)) {
            for (Role role : Roles::all()) {
                for (const CaseWorkflow::Transition& t : CaseWorkflow::transitions(kind)) {
                    const CaseFacts facts{
                        kind,
                        state,
                        false,
                        QStringLiteral("clerk1"),
                        QString(),
                        kind == CaseKind::Repair ? QStringLiteral("platform_review") : QStringLiteral("verifying")};
                    const CaseWorkflow::Check check =
                        CaseWorkflow::check(facts, t.action, role, QStringLiteral("someone"), QStringLiteral("note"));
                    const QString where =
                        QStringLiteral("%1/%2/%3/%4").arg(toKey(kind), state, Roles::name(role), t.action);
                    if (check.allowed) {
                        ++allowedCount;
                        QVERIFY2(CaseWorkflow::roleMayTake(kind, t.action, role), qPrintable(where));
                        QVERIFY2(CaseWorkflow::isKnownState(kind, check.to), qPrintable(where));
                        // Only reopen acts on a closed case.
                        QCOMPARE(CaseWorkflow::isOpen(kind, state), t.action != QLatin1String("reopen"));
                    } else {
                        ++refusedCount;
                        QVERIFY2(!check.reason.isEmpty(), qPrintable(where));
                    }
                    if (role == Role::Auditor || role == Role::Administrator)
                        QVERIFY2(!check.allowed, qPrintable(where));
                }
            }
        }
    }
    QVERIFY(allowedCount > 20);
    QVERIFY(refusedCount > allowedCount);
}

void TestCaseWorkflow::nobodyDecidesACaseTheyTookIn()
{
    const CaseFacts facts{CaseKind::Objection, QStringLiteral("verifying"), false, QStringLiteral("lin"), {}, {}};
    const CaseWorkflow::Check check = CaseWorkflow::check(facts, QStringLiteral("maintain"), Role::Reviewer,
                                                          QStringLiteral("lin"), QStringLiteral("the record is right"));
    QVERIFY(!check.allowed);
    QVERIFY2(check.reason.contains(QStringLiteral("took this case in")), qPrintable(check.reason));
    // Recording the applicant's withdrawal is not a decision.
    QVERIFY(CaseWorkflow::check(facts, QStringLiteral("withdraw"), Role::Clerk, QStringLiteral("lin"),
                                QStringLiteral("the applicant withdrew"))
                .allowed);
}

void TestCaseWorkflow::decisionsNeedANote()
{
    const CaseFacts facts{CaseKind::Repair, QStringLiteral("municipal_review"), false, QStringLiteral("lin"), {}, {}};
    const CaseWorkflow::Check check = CaseWorkflow::check(facts, QStringLiteral("reject_municipal"), Role::Reviewer,
                                                          QStringLiteral("wu"), QStringLiteral("  "));
    QVERIFY(!check.allowed);
    QVERIFY2(check.reason.contains(QStringLiteral("needs a note")), qPrintable(check.reason));
    QVERIFY(CaseWorkflow::check(facts, QStringLiteral("submit_to_platform"), Role::Reviewer, QStringLiteral("wu"),
                                QString())
                .allowed);
}

void TestCaseWorkflow::supplementPausesAndBlocksDecisions()
{
    CaseFacts facts{CaseKind::Repair, QStringLiteral("municipal_review"), false, QStringLiteral("lin"), {}, {}};
    QVERIFY(CaseWorkflow::check(facts, QStringLiteral("request_supplement"), Role::Reviewer, QStringLiteral("wu"),
                                QStringLiteral("the fine receipt"))
                .allowed);
    QVERIFY(!CaseWorkflow::check(facts, QStringLiteral("receive_materials"), Role::Clerk, QStringLiteral("lin"), {})
                 .allowed);
    facts.paused = true;
    QVERIFY(!CaseWorkflow::check(facts, QStringLiteral("request_supplement"), Role::Clerk, QStringLiteral("lin"),
                                 QStringLiteral("again"))
                 .allowed);
    const CaseWorkflow::Check blocked =
        CaseWorkflow::check(facts, QStringLiteral("submit_to_platform"), Role::Reviewer, QStringLiteral("wu"), {});
    QVERIFY(!blocked.allowed);
    QVERIFY2(blocked.reason.contains(QStringLiteral("supplementary")), qPrintable(blocked.reason));
    QVERIFY(CaseWorkflow::check(facts, QStringLiteral("receive_materials"), Role::Clerk, QStringLiteral("lin"), {})
                .allowed);
    QCOMPARE(CaseWorkflow::available(facts, Role::Reviewer, QStringLiteral("wu")),
             QStringList{QStringLiteral("request_supplement")}.mid(0, 0));
}

void TestCaseWorkflow::reopenOnlyWhenTheRecordWasNotChanged()
{
    for (const QString& state :
         {QStringLiteral("approved"), QStringLiteral("corrected"), QStringLiteral("item_withdrawn")}) {
        const CaseKind kind = state == QLatin1String("approved") ? CaseKind::Repair : CaseKind::Objection;
        const CaseFacts facts{kind, state, false, QStringLiteral("lin"), {}, QStringLiteral("verifying")};
        const CaseWorkflow::Check check = CaseWorkflow::check(facts, QStringLiteral("reopen"), Role::Supervisor,
                                                              QStringLiteral("chen"), QStringLiteral("why"));
        QVERIFY2(!check.allowed, qPrintable(state));
        QVERIFY2(check.reason.contains(QStringLiteral("changed the credit record")), qPrintable(check.reason));
    }
    const CaseFacts rejected{CaseKind::Repair,
                             QStringLiteral("rejected"),
                             false,
                             QStringLiteral("lin"),
                             {},
                             QStringLiteral("municipal_review")};
    const CaseWorkflow::Check reopened = CaseWorkflow::check(rejected, QStringLiteral("reopen"), Role::Supervisor,
                                                             QStringLiteral("chen"), QStringLiteral("new evidence"));
    QVERIFY(reopened.allowed);
    QCOMPARE(reopened.to, QStringLiteral("municipal_review"));
    QVERIFY(
        !CaseWorkflow::check(rejected, QStringLiteral("reopen"), Role::Supervisor, QStringLiteral("chen"), {}).allowed);
}

void TestCaseWorkflow::actionToFindsTheAction()
{
    const CaseFacts received{CaseKind::Repair, QStringLiteral("received"), false, {}, {}, {}};
    QCOMPARE(CaseWorkflow::actionTo(received, QStringLiteral("municipal_review")), QStringLiteral("start_review"));
    QCOMPARE(CaseWorkflow::actionTo(received, QStringLiteral("withdrawn")), QStringLiteral("withdraw"));
    QCOMPARE(CaseWorkflow::actionTo(received, QStringLiteral("approved")), QString());
    const CaseFacts review{CaseKind::Repair, QStringLiteral("municipal_review"), false, {}, {}, {}};
    QCOMPARE(CaseWorkflow::actionTo(review, QStringLiteral("rejected")), QStringLiteral("reject_municipal"));
    const CaseFacts platform{CaseKind::Repair, QStringLiteral("platform_review"), false, {}, {}, {}};
    QCOMPARE(CaseWorkflow::actionTo(platform, QStringLiteral("rejected")), QStringLiteral("record_rejection"));
}

// 10 working days after Fri 2025-09-26 is 2025-10-16 (DOMAIN.md): 3 for the municipal review, then 7 on the
// platform from the day it was submitted.
void TestCaseWorkflow::repairClockAcrossNationalDay()
{
    const QDate received(2025, 9, 26);
    CaseTimer::Status status;
    QString error;
    QVERIFY2(CaseTimer::compute(CaseKind::Repair, received, {}, m_policies, m_calendar, received, &status, &error),
             qPrintable(error));
    QCOMPARE(status.clock, QStringLiteral("municipal"));
    // 09-28 (Sunday) is a make-up working day; 09-29 and 09-30 follow.
    QCOMPARE(status.current.dueDate, QDate(2025, 9, 30));
    QCOMPARE(status.total.dueDate, QDate(2025, 10, 16));
    QCOMPARE(status.current.state, DeadlineState::OnTime);

    const QList<CaseTimer::Event> events{{QStringLiteral("start_review"), QDate(2025, 9, 28)},
                                         {QStringLiteral("submit_to_platform"), QDate(2025, 9, 30)}};
    QVERIFY2(CaseTimer::compute(CaseKind::Repair, received, events, m_policies, m_calendar, QDate(2025, 10, 9), &status,
                                &error),
             qPrintable(error));
    QCOMPARE(status.clock, QStringLiteral("platform"));
    // From 09-30: National Day 10-01..08 off; 10-09, 10-10, 10-11 (Saturday, make-up), 10-13, 14, 15, 16.
    QCOMPARE(status.current.dueDate, QDate(2025, 10, 16));
    QCOMPARE(status.current.elapsed, 1);
    QCOMPARE(status.current.remaining, 6);
}

void TestCaseWorkflow::repairClockWithSupplementPause()
{
    const QDate received(2025, 9, 26);
    const QList<CaseTimer::Event> events{{QStringLiteral("start_review"), QDate(2025, 9, 28)},
                                         {QStringLiteral("request_supplement"), QDate(2025, 9, 29)},
                                         {QStringLiteral("receive_materials"), QDate(2025, 10, 10)}};
    CaseTimer::Status status;
    QString error;
    QVERIFY2(CaseTimer::compute(CaseKind::Repair, received, events, m_policies, m_calendar, QDate(2025, 10, 9), &status,
                                &error),
             qPrintable(error));
    // 09-28 and 09-29 counted; paused from 09-30 to 10-10, so day 3 is 10-11 (Saturday, make-up working day).
    QCOMPARE(status.current.dueDate, QDate(2025, 10, 11));
    QCOMPARE(status.total.dueDate, QDate(2025, 10, 21)); // 10-16 moved by the 3 paused working days
    QVERIFY(!status.paused);

    QVERIFY2(CaseTimer::compute(CaseKind::Repair, received, events.mid(0, 2), m_policies, m_calendar,
                                QDate(2025, 10, 20), &status, &error),
             qPrintable(error));
    QVERIFY(status.paused);
    QCOMPARE(status.current.state, DeadlineState::Paused);
}

// 6 working days after Thu 2026-02-12 is 2026-02-27 (DOMAIN.md): the Spring Festival 02-15..23, the make-up
// Saturday 02-14.
void TestCaseWorkflow::objectionClockAcrossSpringFestival()
{
    CaseTimer::Status status;
    QString error;
    QVERIFY2(CaseTimer::compute(CaseKind::Objection, QDate(2026, 2, 12), {}, m_policies, m_calendar, QDate(2026, 2, 24),
                                &status, &error),
             qPrintable(error));
    QCOMPARE(status.clock, QStringLiteral("objection"));
    QCOMPARE(status.current.dueDate, QDate(2026, 2, 27));
    QCOMPARE(status.current.elapsed, 3); // 02-13, 02-14 (make-up), 02-24
    QCOMPARE(status.current.state, DeadlineState::OnTime);

    // Decided on the due day: completed, not late.
    QVERIFY(CaseTimer::compute(
        CaseKind::Objection, QDate(2026, 2, 12),
        {{QStringLiteral("start_verification"), QDate(2026, 2, 13)}, {QStringLiteral("maintain"), QDate(2026, 2, 27)}},
        m_policies, m_calendar, QDate(2026, 3, 10), &status, &error));
    QCOMPARE(status.current.state, DeadlineState::Completed);
}

void TestCaseWorkflow::objectionClockAcrossQingming()
{
    CaseTimer::Status status;
    QString error;
    // Received Thu 2026-04-02: 04-03 (1), Qingming 04-04..06 off, 04-07 (2) … 04-10 (5), 04-13 (6).
    QVERIFY2(CaseTimer::compute(CaseKind::Objection, QDate(2026, 4, 2), {}, m_policies, m_calendar, QDate(2026, 4, 10),
                                &status, &error),
             qPrintable(error));
    QCOMPARE(status.current.dueDate, QDate(2026, 4, 13));
    QCOMPARE(status.current.state, DeadlineState::AtRisk);
    // A pause across the holiday moves the due date by the working days it held.
    QVERIFY2(CaseTimer::compute(CaseKind::Objection, QDate(2026, 4, 2),
                                {{QStringLiteral("request_supplement"), QDate(2026, 4, 3)},
                                 {QStringLiteral("receive_materials"), QDate(2026, 4, 8)}},
                                m_policies, m_calendar, QDate(2026, 4, 8), &status, &error),
             qPrintable(error));
    // 04-03 counted; 04-07 and 04-08 paused; then 04-09 (2) … 04-15 (6).
    QCOMPARE(status.current.dueDate, QDate(2026, 4, 15));
}

void TestCaseWorkflow::overdueAndAtRisk()
{
    CaseTimer::Status status;
    QString error;
    QVERIFY(CaseTimer::compute(CaseKind::Objection, QDate(2026, 4, 2), {}, m_policies, m_calendar, QDate(2026, 4, 13),
                               &status, &error));
    QCOMPARE(status.current.state, DeadlineState::DueToday);
    QVERIFY(CaseTimer::compute(CaseKind::Objection, QDate(2026, 4, 2), {}, m_policies, m_calendar, QDate(2026, 4, 15),
                               &status, &error));
    QCOMPARE(status.current.state, DeadlineState::Overdue);
    QCOMPARE(status.current.overdueBy, 2);
}

void TestCaseWorkflow::estimatedBeyondTheCalendar()
{
    CaseTimer::Status status;
    QString error;
    QVERIFY(CaseTimer::compute(CaseKind::Objection, QDate(2026, 12, 28), {}, m_policies, m_calendar,
                               QDate(2026, 12, 29), &status, &error));
    QVERIFY(status.estimated);
    QVERIFY(CaseTimer::compute(CaseKind::Objection, QDate(2026, 3, 2), {}, m_policies, m_calendar, QDate(2026, 3, 3),
                               &status, &error));
    QVERIFY(!status.estimated);
}

void TestCaseWorkflow::eventsOutOfOrderAreRefused()
{
    CaseTimer::Status status;
    QString error;
    QVERIFY(!CaseTimer::compute(CaseKind::Repair, QDate(2026, 3, 2),
                                {{QStringLiteral("start_review"), QDate(2026, 3, 5)},
                                 {QStringLiteral("submit_to_platform"), QDate(2026, 3, 4)}},
                                m_policies, m_calendar, QDate(2026, 3, 6), &status, &error));
    QVERIFY(!error.isEmpty());
}

void TestCaseWorkflow::reopenedCaseDoesNotCountTheDaysItWasClosed()
{
    // Received Mon 2026-03-02; maintained Wed 03-04 (2 days used); reopened Fri 03-20: 4 days left from then.
    CaseTimer::Status status;
    QString error;
    QVERIFY2(CaseTimer::compute(CaseKind::Objection, QDate(2026, 3, 2),
                                {{QStringLiteral("start_verification"), QDate(2026, 3, 3)},
                                 {QStringLiteral("maintain"), QDate(2026, 3, 4)},
                                 {QStringLiteral("reopen"), QDate(2026, 3, 20)}},
                                m_policies, m_calendar, QDate(2026, 3, 20), &status, &error),
             qPrintable(error));
    QCOMPARE(status.current.elapsed, 2);
    QCOMPARE(status.current.dueDate, QDate(2026, 3, 26));
    QCOMPARE(status.current.state, DeadlineState::OnTime);
}

QTEST_GUILESS_MAIN(TestCaseWorkflow)
#include "TestCaseWorkflow.moc"
