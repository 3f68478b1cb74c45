#include "domain/Deadlines.h"

#include "DomainTestFixtures.h"

#include <QTest>

Q_DECLARE_METATYPE(DeadlineState)

namespace {

using DomainFixture::d;

} // namespace

// Case clocks in working days: the stage limits of the policy (repair municipal 3 then platform 7, total 10;
// objection 6), due dates across National Day and Spring Festival, pauses for supplements (补正) that stop the
// clock, including pauses spanning holidays, and the states on time / at risk / due today / overdue by N.
class TestDeadlines : public QObject
{
    Q_OBJECT

private:
    WorkingCalendar m_calendar;
    PolicyRegistry m_policies;

private slots:
    void initTestCase()
    {
        QString error;
        m_calendar = DomainFixture::builtInCalendar(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_policies = DomainFixture::builtInPolicies(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void stageLimitsFromPolicy_data()
    {
        QTest::addColumn<CaseStage>("stage");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QDate>("due");
        QTest::newRow("repair municipal") << CaseStage::RepairMunicipal << d("2025-09-26") << 3 << d("2025-09-30");
        QTest::newRow("repair platform after municipal")
            << CaseStage::RepairPlatform << d("2025-09-30") << 7 << d("2025-10-16");
        QTest::newRow("repair total") << CaseStage::RepairTotal << d("2025-09-26") << 10 << d("2025-10-16");
        QTest::newRow("objection") << CaseStage::Objection << d("2026-02-12") << 6 << d("2026-02-27");
    }

    void stageLimitsFromPolicy()
    {
        QFETCH(CaseStage, stage);
        QFETCH(QDate, start);
        QFETCH(int, limit);
        QFETCH(QDate, due);
        CaseClock clock;
        QString error;
        QVERIFY2(CaseClock::forStage(stage, start, m_policies, &clock, &error), qPrintable(error));
        QCOMPARE(clock.limit(), limit);
        bool estimated = true;
        QCOMPARE(clock.dueDate(m_calendar, &estimated), due);
        QVERIFY(!estimated);
    }

    void noPolicyNoClock()
    {
        CaseClock clock;
        QString error;
        QVERIFY(!CaseClock::forStage(CaseStage::Objection, d("2020-06-01"), m_policies, &clock, &error));
        QVERIFY(error.contains(QStringLiteral("2020-06-01")));
    }

    void statesOfRepairAcrossNationalDay_data()
    {
        QTest::addColumn<QDate>("on");
        QTest::addColumn<DeadlineState>("state");
        QTest::addColumn<int>("remaining");
        QTest::addColumn<int>("overdueBy");

        // Repair received Fri 2025-09-26, 10 working days: due Thu 2025-10-16.
        QTest::newRow("intake day") << d("2025-09-26") << DeadlineState::OnTime << 10 << 0;
        QTest::newRow("make-up Sunday counts") << d("2025-09-28") << DeadlineState::OnTime << 9 << 0;
        QTest::newRow("during National Day") << d("2025-10-05") << DeadlineState::OnTime << 7 << 0;
        QTest::newRow("make-up Saturday 11 Oct") << d("2025-10-11") << DeadlineState::OnTime << 4 << 0;
        QTest::newRow("Tue 14 Oct") << d("2025-10-14") << DeadlineState::OnTime << 2 << 0;
        QTest::newRow("last working day before due") << d("2025-10-15") << DeadlineState::AtRisk << 1 << 0;
        QTest::newRow("due day") << d("2025-10-16") << DeadlineState::DueToday << 0 << 0;
        QTest::newRow("one working day late") << d("2025-10-17") << DeadlineState::Overdue << -1 << 1;
        QTest::newRow("weekend after") << d("2025-10-19") << DeadlineState::Overdue << -1 << 1;
        QTest::newRow("Mon 20 Oct") << d("2025-10-20") << DeadlineState::Overdue << -2 << 2;
        QTest::newRow("a month later") << d("2025-11-17") << DeadlineState::Overdue << -22 << 22;
    }

    void statesOfRepairAcrossNationalDay()
    {
        QFETCH(QDate, on);
        QFETCH(DeadlineState, state);
        QFETCH(int, remaining);
        QFETCH(int, overdueBy);
        const CaseClock clock(d("2025-09-26"), 10);
        const DeadlineStatus s = clock.statusOn(m_calendar, on);
        QCOMPARE(s.state, state);
        QCOMPARE(s.remaining, remaining);
        QCOMPARE(s.overdueBy, overdueBy);
        QCOMPARE(s.dueDate, d("2025-10-16"));
        QVERIFY(!s.estimated);
        QVERIFY(!s.reason.isEmpty());
        if (state == DeadlineState::Overdue && overdueBy > 1)
            QVERIFY2(s.reason.contains(QStringLiteral("Overdue by %1 working days").arg(overdueBy)),
                     qPrintable(s.reason));
    }

    void atRiskOverAWeekend()
    {
        // Due Mon 2025-03-10 (limit 1 from Fri 03-07): Friday itself and the weekend have one working day left.
        const CaseClock clock(d("2025-03-07"), 1);
        QCOMPARE(clock.dueDate(m_calendar), d("2025-03-10"));
        QCOMPARE(clock.statusOn(m_calendar, d("2025-03-07")).state, DeadlineState::AtRisk);
        QCOMPARE(clock.statusOn(m_calendar, d("2025-03-09")).state, DeadlineState::AtRisk);
        QCOMPARE(clock.statusOn(m_calendar, d("2025-03-10")).state, DeadlineState::DueToday);
        // The Saturday after a Friday due date is past it, though no working day was lost yet.
        const CaseClock friday(d("2025-03-06"), 1);
        const DeadlineStatus s = friday.statusOn(m_calendar, d("2025-03-08"));
        QCOMPARE(s.state, DeadlineState::Overdue);
        QCOMPARE(s.overdueBy, 0);
        QVERIFY(s.reason.contains(QStringLiteral("was due on 2025-03-07")));
    }

    void pauses_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QDate>("pauseFrom");
        QTest::addColumn<QDate>("pauseUntil");
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<DeadlineState>("state");
        QTest::addColumn<int>("elapsed");

        // Supplement requested Mon 09-29, materials back Fri 10-10: 09-30, 10-09 and 10-10 are not counted
        // (the holiday in between was not a working day anyway), so the due date moves 3 working days.
        QTest::newRow("repair, pause over National Day: paused on holiday")
            << d("2025-09-26") << 10 << d("2025-09-29") << d("2025-10-10") << d("2025-10-21") << d("2025-10-05")
            << DeadlineState::Paused << 2;
        QTest::newRow("repair, pause over National Day: resume day")
            << d("2025-09-26") << 10 << d("2025-09-29") << d("2025-10-10") << d("2025-10-21") << d("2025-10-10")
            << DeadlineState::OnTime << 2;
        QTest::newRow("repair, pause over National Day: at risk")
            << d("2025-09-26") << 10 << d("2025-09-29") << d("2025-10-10") << d("2025-10-21") << d("2025-10-20")
            << DeadlineState::AtRisk << 9;
        QTest::newRow("repair, pause over National Day: due")
            << d("2025-09-26") << 10 << d("2025-09-29") << d("2025-10-10") << d("2025-10-21") << d("2025-10-21")
            << DeadlineState::DueToday << 10;
        // Objection from Tue 2026-02-10, supplement 02-11 to 02-25 over Spring Festival: 02-12, 02-13, the make-up
        // Saturday 02-14, 02-24 and 02-25 are not counted; 5 working days remain from 02-25.
        QTest::newRow("objection, pause over Spring Festival: paused")
            << d("2026-02-10") << 6 << d("2026-02-11") << d("2026-02-25") << d("2026-03-03") << d("2026-02-14")
            << DeadlineState::Paused << 1;
        QTest::newRow("objection, pause over Spring Festival: make-up Saturday counts again")
            << d("2026-02-10") << 6 << d("2026-02-11") << d("2026-02-25") << d("2026-03-03") << d("2026-02-28")
            << DeadlineState::OnTime << 4;
        QTest::newRow("objection, pause over Spring Festival: overdue")
            << d("2026-02-10") << 6 << d("2026-02-11") << d("2026-02-25") << d("2026-03-03") << d("2026-03-04")
            << DeadlineState::Overdue << 7;
        // Supplement requested on the due day itself: the remaining work waits, due on the day materials arrive.
        QTest::newRow("pause on the due day") << d("2025-09-26") << 3 << d("2025-09-30") << d("2025-10-13")
                                              << d("2025-10-13") << d("2025-10-13") << DeadlineState::DueToday << 3;
        // A pause that starts after the due date does not move it: the case is overdue.
        QTest::newRow("pause after the due date") << d("2025-09-26") << 3 << d("2025-10-09") << d("2025-10-13")
                                                  << d("2025-09-30") << d("2025-10-10") << DeadlineState::Overdue << 4;
    }

    void pauses()
    {
        QFETCH(QDate, start);
        QFETCH(int, limit);
        QFETCH(QDate, pauseFrom);
        QFETCH(QDate, pauseUntil);
        QFETCH(QDate, due);
        QFETCH(QDate, on);
        QFETCH(DeadlineState, state);
        QFETCH(int, elapsed);

        CaseClock clock(start, limit);
        QVERIFY(clock.addPause(pauseFrom, pauseUntil));
        QCOMPARE(clock.dueDate(m_calendar), due);
        const DeadlineStatus s = clock.statusOn(m_calendar, on);
        QCOMPARE(s.state, state);
        QCOMPARE(s.elapsed, elapsed);
        QCOMPARE(s.remaining, limit - elapsed);
        QCOMPARE(clock.elapsedOn(m_calendar, on), elapsed);
    }

    void openPauseThenResume()
    {
        CaseClock clock(d("2025-09-26"), 10);
        QVERIFY(clock.addPause(d("2025-09-29")));
        QVERIFY(!clock.dueDate(m_calendar).isValid());
        DeadlineStatus s = clock.statusOn(m_calendar, d("2025-10-20"));
        QCOMPARE(s.state, DeadlineState::Paused);
        QVERIFY(!s.dueDate.isValid());
        QCOMPARE(s.remaining, 8);
        QVERIFY(s.reason.contains(QStringLiteral("Paused since 2025-09-29")));
        // No second pause while one is open.
        QVERIFY(!clock.addPause(d("2025-10-21")));
        QVERIFY(!clock.resume(d("2025-09-28"))); // before the pause
        QVERIFY(clock.resume(d("2025-10-10")));
        QVERIFY(!clock.resume(d("2025-10-11"))); // nothing open any more
        QCOMPARE(clock.dueDate(m_calendar), d("2025-10-21"));
        s = clock.statusOn(m_calendar, d("2025-10-20"));
        QCOMPARE(s.state, DeadlineState::AtRisk);
    }

    void twoPauses()
    {
        // Two supplements: 09-29 to 09-30 (one working day) and 10-13 to 10-15 (two): due 10-16 + 3 = 10-21.
        CaseClock clock(d("2025-09-26"), 10);
        QVERIFY(clock.addPause(d("2025-09-29"), d("2025-09-30")));
        QVERIFY(!clock.addPause(d("2025-09-29"), d("2025-10-02"))); // overlaps the first
        QVERIFY(clock.addPause(d("2025-10-13"), d("2025-10-15")));
        QCOMPARE(clock.dueDate(m_calendar), d("2025-10-21"));
        QCOMPARE(clock.elapsedOn(m_calendar, d("2025-10-21")), 10);
    }

    void pauseValidation()
    {
        CaseClock clock(d("2025-09-26"), 10);
        QVERIFY(!clock.addPause(d("2025-09-30"), d("2025-09-29"))); // ends before it starts
        QVERIFY(!clock.addPause(QDate()));
        QVERIFY(clock.pauses().isEmpty());
        QVERIFY(!clock.complete(d("2025-09-25")));
    }

    void pausesOfEarlierStagesAreClipped()
    {
        // The platform stage starts 2025-09-30; the case's earlier supplement (09-29 to 10-09) overlaps its start, so
        // only 10-09 (a working day after the platform's start) is not counted: due 10-16 + 1 = 10-17.
        CaseClock platform(d("2025-09-30"), 7);
        QVERIFY(platform.addPause(d("2025-09-27"), d("2025-09-28"))); // wholly before: no effect
        QVERIFY(platform.addPause(d("2025-09-29"), d("2025-10-09")));
        QCOMPARE(platform.dueDate(m_calendar), d("2025-10-17"));
        QCOMPARE(platform.elapsedOn(m_calendar, d("2025-10-17")), 7);
        QCOMPARE(platform.statusOn(m_calendar, d("2025-10-16")).state, DeadlineState::AtRisk);
    }

    void completion_data()
    {
        QTest::addColumn<QDate>("completedOn");
        QTest::addColumn<DeadlineState>("state");
        QTest::addColumn<int>("overdueBy");
        QTest::newRow("early") << d("2025-10-09") << DeadlineState::Completed << 0;
        QTest::newRow("on the due day") << d("2025-10-16") << DeadlineState::Completed << 0;
        QTest::newRow("late") << d("2025-10-20") << DeadlineState::CompletedLate << 2;
    }

    void completion()
    {
        QFETCH(QDate, completedOn);
        QFETCH(DeadlineState, state);
        QFETCH(int, overdueBy);
        CaseClock clock(d("2025-09-26"), 10);
        QVERIFY(clock.complete(completedOn));
        // Asked long after, the clock reports how it ended, not how overdue it would be now.
        const DeadlineStatus s = clock.statusOn(m_calendar, d("2025-12-01"));
        QCOMPARE(s.state, state);
        QCOMPARE(s.overdueBy, overdueBy);
        QCOMPARE(clock.elapsedOn(m_calendar, d("2025-12-01")), clock.elapsedOn(m_calendar, completedOn));
        // Before completion it ran as usual.
        QCOMPARE(clock.statusOn(m_calendar, d("2025-10-15")).state,
                 completedOn <= d("2025-10-15") ? DeadlineState::Completed : DeadlineState::AtRisk);
    }

    void outsideCalendarIsEstimated()
    {
        const CaseClock clock(d("2027-03-01"), 6);
        bool estimated = false;
        QCOMPARE(clock.dueDate(m_calendar, &estimated), d("2027-03-09"));
        QVERIFY(estimated);
        QVERIFY(clock.statusOn(m_calendar, d("2027-03-02")).estimated);
        const CaseClock inside(d("2025-03-03"), 6);
        QVERIFY(!inside.statusOn(m_calendar, d("2025-03-04")).estimated);
    }
};

QTEST_GUILESS_MAIN(TestDeadlines)
#include "TestDeadlines.moc"
