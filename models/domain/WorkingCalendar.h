#pragma once

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QVector>

// One year of the State Council's holiday schedule (国务院办公厅关于某年部分节假日安排的通知).
//
// JSON (resources/calendar/cn-<year>.json):
//   {"format": 1, "year": 2025, "source": "…",
//    "holidays": [{"key": "spring_festival", "zh": "春节", "en": "Spring Festival",
//                  "from": "2025-01-28", "to": "2025-02-04"}, …],
//    "workingWeekends": [{"date": "2025-01-26", "for": "spring_festival"}, …]}
// Every date lies inside the year (a schedule that reaches into the neighbouring year is split between the two
// files); a working weekend is a Saturday or Sunday and never a day off.
struct CalendarHoliday
{
    QString key;
    QString nameZh;
    QString nameEn;
    QDate from;
    QDate to; // inclusive
};

struct CalendarWorkingWeekend
{
    QDate date;
    QString forHoliday; // key of the holiday it makes up for (informative)
};

struct CalendarYear
{
    int year = 0;
    QString source;
    QVector<CalendarHoliday> holidays;
    QVector<CalendarWorkingWeekend> workingWeekends;

    // Parses and validates; on failure returns false with a translated reason and leaves *out alone.
    static bool fromJson(const QByteArray& json, CalendarYear* out, QString* error);
    QByteArray toJson() const;
};

// Working days: Monday to Friday, minus statutory days off, plus make-up working weekends (调休).
// The calendar knows the years it was given; for any other year it falls back on weekends alone and says so
// through the optional *estimated flag, so the interface can warn that a deadline may move.
//
// Counting follows the time-limit rule: the start day is not counted. workingDaysBetween(a, b) is the number of
// working days d with a < d <= b (negative when b < a), so that workingDaysBetween(d, addWorkingDays(d, n)) == n.
class WorkingCalendar
{
public:
    WorkingCalendar() = default;

    // A calendar loaded with every year in :/xmcredit/calendar. A broken built-in file is a bug: it is reported
    // through *error and the other years are still loaded.
    static WorkingCalendar builtIn(QString* error = nullptr);

    // Adds or replaces one year (a new schedule from sync replaces the old one whole).
    void setYear(const CalendarYear& year);
    bool loadYearJson(const QByteArray& json, QString* error);
    bool loadYearFile(const QString& path, QString* error);
    // Loads every *.json file of a directory (or a resource directory); stops at the first broken file.
    bool loadDirectory(const QString& path, QString* error);
    void removeYear(int year);

    bool covers(int year) const { return m_years.contains(year); }
    QList<int> coveredYears() const;
    const CalendarYear* year(int year) const;

    bool isWorkingDay(const QDate& date, bool* estimated = nullptr) const;
    // The holiday a date belongs to (in the interface language), empty for other days.
    QString holidayName(const QDate& date) const;
    // The date n working days after start (n < 0: before). start itself is not counted; n == 0 gives start.
    QDate addWorkingDays(const QDate& start, int n, bool* estimated = nullptr) const;
    // Working days d with from < d <= to; negative when to is before from.
    int workingDaysBetween(const QDate& from, const QDate& to, bool* estimated = nullptr) const;
    // Working days in a whole year.
    int workingDaysInYear(int year, bool* estimated = nullptr) const;

private:
    struct YearIndex
    {
        CalendarYear data;
        QSet<QDate> daysOff;
        QSet<QDate> workingWeekends;
    };
    bool isWorkingDayNoFlag(const QDate& date) const;

    QHash<int, YearIndex> m_years;
};
