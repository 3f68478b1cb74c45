#include "domain/WorkingCalendar.h"

#include "DomainTestFixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

// JSON written with single quotes, so that it reads well inside C++ strings.
QByteArray q(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

using DomainFixture::d;

QByteArray builtInYearJson(int year)
{
    QFile file(QStringLiteral(":/xmcredit/calendar/cn-%1.json").arg(year));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

// A fictional 2027 schedule, as sync would deliver it.
QByteArray fictional2027()
{
    return q(
        "{'format': 1, 'year': 2027, 'source': 'test', "
        "'holidays': [{'key': 'new_year', 'zh': '元旦', 'en': 'New Year', 'from': '2027-01-01', 'to': "
        "'2027-01-03'}, "
        "{'key': 'spring_festival', 'zh': '春节', 'en': 'Spring Festival', 'from': '2027-02-06', 'to': '2027-02-13'}], "
        "'workingWeekends': [{'date': '2027-02-14', 'for': 'spring_festival'}]}");
}

} // namespace

// The working-day calendar: the 2025 and 2026 schedules of DOMAIN.md (holidays and make-up weekends), counting
// with the start day excluded, the "estimated" flag outside covered years, replacing years at run time, refusing
// broken schedules, and the round-trip property workingDaysBetween(d, addWorkingDays(d, n)) == n.
class TestCalendar : public QObject
{
    Q_OBJECT

private:
    WorkingCalendar m_calendar;

private slots:
    void initTestCase()
    {
        QString error;
        m_calendar = DomainFixture::builtInCalendar(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void coversBuiltInYears()
    {
        QCOMPARE(m_calendar.coveredYears(), (QList<int>{2025, 2026}));
        QVERIFY(m_calendar.covers(2025));
        QVERIFY(m_calendar.covers(2026));
        QVERIFY(!m_calendar.covers(2024));
        QVERIFY(!m_calendar.covers(2027));
    }

    void workingDaysPerYear_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("estimated");
        QTest::newRow("2025") << 2025 << 248 << false;
        QTest::newRow("2026") << 2026 << 248 << false;
        // Weekends alone: 2027 has 261 weekdays, and the answer is flagged as an estimate.
        QTest::newRow("2027 estimated") << 2027 << 261 << true;
    }

    void workingDaysPerYear()
    {
        QFETCH(int, year);
        QFETCH(int, expected);
        QFETCH(bool, estimated);
        bool guessed = !estimated;
        QCOMPARE(m_calendar.workingDaysInYear(year, &guessed), expected);
        QCOMPARE(guessed, estimated);
    }

    void isWorkingDay_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("working");
        QTest::addColumn<QString>("holiday");

        QTest::newRow("2025 New Year") << d("2025-01-01") << false << "New Year's Day";
        QTest::newRow("ordinary Thursday") << d("2025-01-02") << true << "";
        QTest::newRow("ordinary Saturday") << d("2025-01-04") << false << "";
        QTest::newRow("make-up Sun 26 Jan") << d("2025-01-26") << true << "";
        QTest::newRow("Spring Festival Tue 28 Jan") << d("2025-01-28") << false << "Spring Festival";
        QTest::newRow("Spring Festival Tue 4 Feb") << d("2025-02-04") << false << "Spring Festival";
        QTest::newRow("after Spring Festival") << d("2025-02-05") << true << "";
        QTest::newRow("make-up Sat 8 Feb") << d("2025-02-08") << true << "";
        QTest::newRow("Qingming Fri 4 Apr") << d("2025-04-04") << false << "Qingming Festival";
        QTest::newRow("make-up Sun 27 Apr") << d("2025-04-27") << true << "";
        QTest::newRow("Labour Day Mon 5 May") << d("2025-05-05") << false << "Labour Day";
        QTest::newRow("Dragon Boat Mon 2 Jun") << d("2025-06-02") << false << "Dragon Boat Festival";
        QTest::newRow("make-up Sun 28 Sep") << d("2025-09-28") << true << "";
        QTest::newRow("National Day Wed 1 Oct") << d("2025-10-01") << false << "National Day and Mid-Autumn Festival";
        QTest::newRow("National Day Wed 8 Oct") << d("2025-10-08") << false << "National Day and Mid-Autumn Festival";
        QTest::newRow("after National Day") << d("2025-10-09") << true << "";
        QTest::newRow("make-up Sat 11 Oct") << d("2025-10-11") << true << "";
        QTest::newRow("2026 New Year Fri 2 Jan") << d("2026-01-02") << false << "New Year's Day";
        QTest::newRow("make-up Sun 4 Jan 2026") << d("2026-01-04") << true << "";
        QTest::newRow("make-up Sat 14 Feb 2026") << d("2026-02-14") << true << "";
        QTest::newRow("Spring Festival Mon 16 Feb 2026") << d("2026-02-16") << false << "Spring Festival";
        QTest::newRow("Spring Festival Mon 23 Feb 2026") << d("2026-02-23") << false << "Spring Festival";
        QTest::newRow("make-up Sat 28 Feb 2026") << d("2026-02-28") << true << "";
        QTest::newRow("make-up Sat 9 May 2026") << d("2026-05-09") << true << "";
        QTest::newRow("Dragon Boat Fri 19 Jun 2026") << d("2026-06-19") << false << "Dragon Boat Festival";
        QTest::newRow("make-up Sun 20 Sep 2026") << d("2026-09-20") << true << "";
        QTest::newRow("Mid-Autumn Fri 25 Sep 2026") << d("2026-09-25") << false << "Mid-Autumn Festival";
        QTest::newRow("National Day Wed 7 Oct 2026") << d("2026-10-07") << false << "National Day";
        QTest::newRow("make-up Sat 10 Oct 2026") << d("2026-10-10") << true << "";
    }

    void isWorkingDay()
    {
        QFETCH(QDate, date);
        QFETCH(bool, working);
        QFETCH(QString, holiday);
        bool estimated = true;
        QCOMPARE(m_calendar.isWorkingDay(date, &estimated), working);
        QVERIFY(!estimated);
        QCOMPARE(m_calendar.holidayName(date), holiday);
    }

    void addWorkingDays_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<int>("n");
        QTest::addColumn<QDate>("expected");
        QTest::addColumn<bool>("estimated");

        // The two worked examples of DOMAIN.md.
        QTest::newRow("10 after Fri 2025-09-26 (National Day)") << d("2025-09-26") << 10 << d("2025-10-16") << false;
        QTest::newRow("6 after Thu 2026-02-12 (Spring Festival)") << d("2026-02-12") << 6 << d("2026-02-27") << false;
        // Start day not counted; make-up weekends count; holidays do not.
        QTest::newRow("zero is the start") << d("2025-10-01") << 0 << d("2025-10-01") << false;
        QTest::newRow("1 after Fri lands on make-up Sun") << d("2025-01-24") << 1 << d("2025-01-26") << false;
        QTest::newRow("2 after Fri 24 Jan") << d("2025-01-24") << 2 << d("2025-01-27") << false;
        QTest::newRow("3 after Fri 24 Jan skips Spring Festival") << d("2025-01-24") << 3 << d("2025-02-05") << false;
        QTest::newRow("1 from inside a holiday") << d("2025-10-01") << 1 << d("2025-10-09") << false;
        QTest::newRow("municipal 3 before National Day") << d("2025-09-26") << 3 << d("2025-09-30") << false;
        QTest::newRow("platform 7 across National Day") << d("2025-09-30") << 7 << d("2025-10-16") << false;
        QTest::newRow("across Qingming") << d("2025-04-03") << 1 << d("2025-04-07") << false;
        QTest::newRow("across Dragon Boat") << d("2025-05-30") << 1 << d("2025-06-03") << false;
        QTest::newRow("into 2026 make-up Sunday") << d("2025-12-31") << 1 << d("2026-01-04") << false;
        QTest::newRow("objection 6 across Spring Festival") << d("2026-02-10") << 6 << d("2026-02-25") << false;
        QTest::newRow("Mid-Autumn 2026") << d("2026-09-24") << 1 << d("2026-09-28") << false;
        // Outside the covered years: weekends only, flagged. 2027-01-01 is really a holiday: the reason for the flag.
        QTest::newRow("into uncovered 2027") << d("2026-12-30") << 2 << d("2027-01-01") << true;
        QTest::newRow("wholly in 2024") << d("2024-03-01") << 1 << d("2024-03-04") << true;
        QTest::newRow("backwards") << d("2025-10-09") << -1 << d("2025-09-30") << false;
    }

    void addWorkingDays()
    {
        QFETCH(QDate, start);
        QFETCH(int, n);
        QFETCH(QDate, expected);
        QFETCH(bool, estimated);
        bool guessed = !estimated;
        QCOMPARE(m_calendar.addWorkingDays(start, n, &guessed), expected);
        QCOMPARE(guessed, estimated);
        if (n >= 0)
            QCOMPARE(m_calendar.workingDaysBetween(start, expected), n);
    }

    void workingDaysBetween_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("expected");
        QTest::newRow("same day") << d("2025-03-03") << d("2025-03-03") << 0;
        QTest::newRow("Spring Festival 2025") << d("2025-01-24") << d("2025-02-10") << 7;
        QTest::newRow("Spring Festival 2026") << d("2026-02-13") << d("2026-03-02") << 7;
        QTest::newRow("National Day 2025") << d("2025-09-26") << d("2025-10-16") << 10;
        QTest::newRow("reversed is negative") << d("2025-10-16") << d("2025-09-26") << -10;
        QTest::newRow("weekend only") << d("2025-03-07") << d("2025-03-09") << 0;
        QTest::newRow("whole 2025") << d("2024-12-31") << d("2025-12-31") << 248;
    }

    void workingDaysBetween()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, expected);
        QCOMPARE(m_calendar.workingDaysBetween(from, to), expected);
    }

    void invalidDates()
    {
        QVERIFY(!m_calendar.addWorkingDays(QDate(), 3).isValid());
        QCOMPARE(m_calendar.workingDaysBetween(QDate(), d("2025-01-02")), 0);
        QVERIFY(!m_calendar.isWorkingDay(QDate()));
    }

    void replaceYearAtRunTime()
    {
        WorkingCalendar calendar = m_calendar;
        bool estimated = false;
        QVERIFY(calendar.isWorkingDay(d("2027-01-01"), &estimated));
        QVERIFY(estimated);
        QString error;
        QVERIFY2(calendar.loadYearJson(fictional2027(), &error), qPrintable(error));
        QVERIFY(calendar.covers(2027));
        QVERIFY(!calendar.isWorkingDay(d("2027-01-01"), &estimated));
        QVERIFY(!estimated);
        QVERIFY(calendar.isWorkingDay(d("2027-02-14"))); // a Sunday made a working day
        QCOMPARE(calendar.addWorkingDays(d("2026-12-30"), 2, &estimated), d("2027-01-04"));
        QVERIFY(!estimated);
        // The original copy is untouched.
        QVERIFY(!m_calendar.covers(2027));

        // A corrected schedule for a known year replaces the old one whole.
        QJsonObject year = QJsonDocument::fromJson(builtInYearJson(2025)).object();
        QJsonArray holidays = year.value(QStringLiteral("holidays")).toArray();
        holidays.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("extra")},
                                    {QStringLiteral("zh"), QStringLiteral("临时")},
                                    {QStringLiteral("en"), QStringLiteral("Extra day off")},
                                    {QStringLiteral("from"), QStringLiteral("2025-03-03")},
                                    {QStringLiteral("to"), QStringLiteral("2025-03-03")}});
        year.insert(QStringLiteral("holidays"), holidays);
        QVERIFY(calendar.isWorkingDay(d("2025-03-03")));
        QVERIFY2(calendar.loadYearJson(QJsonDocument(year).toJson(), &error), qPrintable(error));
        QVERIFY(!calendar.isWorkingDay(d("2025-03-03")));
        QCOMPARE(calendar.workingDaysInYear(2025), 247);

        calendar.removeYear(2027);
        QVERIFY(!calendar.covers(2027));
    }

    void loadFromFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("cn-2027.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fictional2027());
        file.close();
        WorkingCalendar calendar;
        QString error;
        QVERIFY2(calendar.loadDirectory(dir.path(), &error), qPrintable(error));
        QCOMPARE(calendar.coveredYears(), QList<int>{2027});
        QVERIFY(!calendar.loadYearFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY(error.contains(QStringLiteral("missing.json")));
        QVERIFY(!calendar.loadDirectory(dir.filePath(QStringLiteral("nowhere")), &error));
    }

    void roundTripJson()
    {
        const CalendarYear* year = m_calendar.year(2026);
        QVERIFY(year);
        CalendarYear copy;
        QString error;
        QVERIFY2(CalendarYear::fromJson(year->toJson(), &copy, &error), qPrintable(error));
        QCOMPARE(copy.holidays.size(), year->holidays.size());
        QCOMPARE(copy.workingWeekends.size(), 6);
        QCOMPARE(copy.workingWeekends.at(1).forHoliday, QStringLiteral("spring_festival"));
    }

    void brokenSchedulesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("inError");
        QTest::newRow("not JSON") << QByteArray("{ nope") << "not a JSON object";
        QTest::newRow("wrong format") << q("{'format': 2, 'year': 2027, 'holidays': [], 'workingWeekends': []}")
                                      << "format 2";
        QTest::newRow("no year") << q("{'format': 1, 'holidays': [], 'workingWeekends': []}") << "no valid year";
        QTest::newRow("no holidays") << q("{'format': 1, 'year': 2027, 'workingWeekends': []}")
                                     << "no list of holidays";
        QTest::newRow("holiday in another year")
            << q("{'format': 1, 'year': 2027, 'holidays': [{'key': 'new_year', 'zh': '元旦', 'en': 'New Year', "
                 "'from': '2026-12-31', 'to': '2027-01-01'}], 'workingWeekends': []}")
            << "not a range of days in 2027";
        QTest::newRow("range backwards")
            << q("{'format': 1, 'year': 2027, 'holidays': [{'key': 'x', 'zh': 'x', 'en': 'x', "
                 "'from': '2027-05-05', 'to': '2027-05-01'}], 'workingWeekends': []}")
            << "not a range";
        QTest::newRow("holiday without name")
            << q("{'format': 1, 'year': 2027, 'holidays': [{'key': 'x', 'from': '2027-05-01', "
                 "'to': '2027-05-01'}], 'workingWeekends': []}")
            << "no key or name";
        QTest::newRow("working weekend on a Monday")
            << q("{'format': 1, 'year': 2027, 'holidays': [], 'workingWeekends': [{'date': '2027-02-15'}]}")
            << "not a Saturday or Sunday";
        QTest::newRow("working weekend also off")
            << q("{'format': 1, 'year': 2027, 'holidays': [{'key': 'x', 'zh': 'x', 'en': 'x', "
                 "'from': '2027-02-13', 'to': '2027-02-14'}], 'workingWeekends': [{'date': '2027-02-14'}]}")
            << "both as a day off and as a working weekend";
        QTest::newRow("working weekend in another year")
            << q("{'format': 1, 'year': 2027, 'holidays': [], 'workingWeekends': [{'date': '2026-02-14'}]}")
            << "not a date in that year";
    }

    void brokenSchedulesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, inError);
        WorkingCalendar calendar = m_calendar;
        QString error;
        QVERIFY(!calendar.loadYearJson(json, &error));
        QVERIFY2(error.contains(inError), qPrintable(error));
        // Nothing changed.
        QCOMPARE(calendar.coveredYears(), m_calendar.coveredYears());
        QCOMPARE(calendar.workingDaysInYear(2027), 261);
    }

    // For random dates inside and outside the covered years and n >= 0, counting back the working days added
    // gives n again, the result is a working day (for n > 0), and both answers agree on being estimates.
    void propertyRoundTrip()
    {
        QRandomGenerator random(20250926);
        const QDate first(2023, 1, 1);
        const int span = int(first.daysTo(QDate(2028, 12, 31)));
        int estimatedCount = 0;
        for (int i = 0; i < 3000; ++i) {
            const QDate start = first.addDays(random.bounded(span + 1));
            const int n = random.bounded(i % 10 == 0 ? 400 : 30);
            bool addEstimated = false;
            bool betweenEstimated = false;
            const QDate end = m_calendar.addWorkingDays(start, n, &addEstimated);
            const int back = m_calendar.workingDaysBetween(start, end, &betweenEstimated);
            if (back != n || (n > 0 && !m_calendar.isWorkingDay(end)) || addEstimated != betweenEstimated)
                QFAIL(qPrintable(QStringLiteral("start %1, n %2: end %3, counted back %4, estimated %5/%6")
                                     .arg(start.toString(Qt::ISODate))
                                     .arg(n)
                                     .arg(end.toString(Qt::ISODate))
                                     .arg(back)
                                     .arg(addEstimated)
                                     .arg(betweenEstimated)));
            estimatedCount += addEstimated ? 1 : 0;
        }
        // Both regions were exercised.
        QVERIFY(estimatedCount > 300);
        QVERIFY(estimatedCount < 2700);
    }
};

QTEST_GUILESS_MAIN(TestCalendar)
#include "TestCalendar.moc"
