#include "WorkingCalendar.h"

#include "JsonFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace {

constexpr int CalendarFormat = 1;

QDate parseDate(const QJsonValue& value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

bool isWeekend(const QDate& date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

} // namespace

bool CalendarYear::fromJson(const QByteArray& json, CalendarYear* out, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        return fail(QCoreApplication::translate("WorkingCalendar", "The holiday calendar is not a JSON object: %1")
                        .arg(parseError.errorString()));
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != CalendarFormat) {
        return fail(QCoreApplication::translate("WorkingCalendar",
                                                "The holiday calendar has format %1; this program reads format %2.")
                        .arg(root.value(QStringLiteral("format")).toVariant().toString())
                        .arg(CalendarFormat));
    }
    CalendarYear year;
    year.year = root.value(QStringLiteral("year")).toInt();
    if (year.year < 1949 || year.year > 9999)
        return fail(QCoreApplication::translate("WorkingCalendar", "The holiday calendar names no valid year."));
    year.source = root.value(QStringLiteral("source")).toString();

    QSet<QDate> daysOff;
    const QJsonValue holidays = root.value(QStringLiteral("holidays"));
    if (!holidays.isArray())
        return fail(QCoreApplication::translate("WorkingCalendar", "The holiday calendar has no list of holidays."));
    for (const QJsonValue& entry : holidays.toArray()) {
        const QJsonObject object = entry.toObject();
        CalendarHoliday holiday;
        holiday.key = object.value(QStringLiteral("key")).toString();
        holiday.nameZh = object.value(QStringLiteral("zh")).toString();
        holiday.nameEn = object.value(QStringLiteral("en")).toString();
        holiday.from = parseDate(object.value(QStringLiteral("from")));
        holiday.to = parseDate(object.value(QStringLiteral("to")));
        if (holiday.key.isEmpty() || holiday.nameZh.isEmpty() || holiday.nameEn.isEmpty())
            return fail(
                QCoreApplication::translate("WorkingCalendar", "A holiday in the %1 calendar has no key or name.")
                    .arg(year.year));
        if (!holiday.from.isValid() || !holiday.to.isValid() || holiday.to < holiday.from ||
            holiday.from.year() != year.year || holiday.to.year() != year.year)
            return fail(QCoreApplication::translate("WorkingCalendar",
                                                    "The dates of holiday '%1' are not a range of days in %2.")
                            .arg(holiday.key)
                            .arg(year.year));
        for (QDate d = holiday.from; d <= holiday.to; d = d.addDays(1))
            daysOff.insert(d);
        year.holidays.append(holiday);
    }
    const QJsonValue weekends = root.value(QStringLiteral("workingWeekends"));
    if (!weekends.isArray())
        return fail(
            QCoreApplication::translate("WorkingCalendar", "The holiday calendar has no list of working weekends."));
    for (const QJsonValue& entry : weekends.toArray()) {
        const QDate date = parseDate(entry.toObject().value(QStringLiteral("date")));
        const QString forHoliday = entry.toObject().value(QStringLiteral("for")).toString();
        if (!date.isValid() || date.year() != year.year)
            return fail(QCoreApplication::translate("WorkingCalendar",
                                                    "A working weekend of the %1 calendar is not a date in that year.")
                            .arg(year.year));
        if (!isWeekend(date))
            return fail(QCoreApplication::translate("WorkingCalendar",
                                                    "%1 is listed as a working weekend but is not a Saturday or "
                                                    "Sunday.")
                            .arg(date.toString(Qt::ISODate)));
        if (daysOff.contains(date))
            return fail(QCoreApplication::translate("WorkingCalendar",
                                                    "%1 is listed both as a day off and as a working weekend.")
                            .arg(date.toString(Qt::ISODate)));
        year.workingWeekends.append({date, forHoliday});
    }
    *out = year;
    return true;
}

QByteArray CalendarYear::toJson() const
{
    QJsonArray holidayArray;
    for (const CalendarHoliday& h : holidays) {
        holidayArray.append(QJsonObject{{QStringLiteral("key"), h.key},
                                        {QStringLiteral("zh"), h.nameZh},
                                        {QStringLiteral("en"), h.nameEn},
                                        {QStringLiteral("from"), h.from.toString(Qt::ISODate)},
                                        {QStringLiteral("to"), h.to.toString(Qt::ISODate)}});
    }
    QJsonArray weekendArray;
    for (const CalendarWorkingWeekend& w : workingWeekends) {
        QJsonObject object{{QStringLiteral("date"), w.date.toString(Qt::ISODate)}};
        if (!w.forHoliday.isEmpty())
            object.insert(QStringLiteral("for"), w.forHoliday);
        weekendArray.append(object);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), CalendarFormat},
                                     {QStringLiteral("year"), year},
                                     {QStringLiteral("source"), source},
                                     {QStringLiteral("holidays"), holidayArray},
                                     {QStringLiteral("workingWeekends"), weekendArray}})
        .toJson(QJsonDocument::Indented);
}

WorkingCalendar WorkingCalendar::builtIn(QString* error)
{
    WorkingCalendar calendar;
    const QDir dir(QStringLiteral(":/xmcredit/calendar"));
    QStringList problems;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QString problem;
        if (!calendar.loadYearFile(dir.filePath(name), &problem))
            problems.append(problem);
    }
    if (error)
        *error = problems.join(QLatin1Char('\n'));
    return calendar;
}

void WorkingCalendar::setYear(const CalendarYear& year)
{
    YearIndex index;
    index.data = year;
    for (const CalendarHoliday& h : year.holidays) {
        for (QDate d = h.from; d <= h.to; d = d.addDays(1))
            index.daysOff.insert(d);
    }
    for (const CalendarWorkingWeekend& w : year.workingWeekends)
        index.workingWeekends.insert(w.date);
    m_years.insert(year.year, index);
}

bool WorkingCalendar::loadYearJson(const QByteArray& json, QString* error)
{
    CalendarYear year;
    if (!CalendarYear::fromJson(json, &year, error))
        return false;
    setYear(year);
    return true;
}

bool WorkingCalendar::loadYearFile(const QString& path, QString* error)
{
    return JsonFiles::loadFile(
        path, QCoreApplication::translate("WorkingCalendar", "Cannot read the holiday calendar %1: %2"),
        [this](const QByteArray& json, QString* problem) { return loadYearJson(json, problem); }, error);
}

bool WorkingCalendar::loadDirectory(const QString& path, QString* error)
{
    return JsonFiles::loadFolder(
        path, QCoreApplication::translate("WorkingCalendar", "The calendar folder %1 does not exist."),
        [this](const QString& file, QString* problem) { return loadYearFile(file, problem); }, error);
}

void WorkingCalendar::removeYear(int year)
{
    m_years.remove(year);
}

QList<int> WorkingCalendar::coveredYears() const
{
    QList<int> years = m_years.keys();
    std::sort(years.begin(), years.end());
    return years;
}

const CalendarYear* WorkingCalendar::year(int year) const
{
    const auto it = m_years.constFind(year);
    return it == m_years.constEnd() ? nullptr : &it->data;
}

bool WorkingCalendar::isWorkingDayNoFlag(const QDate& date) const
{
    const auto it = m_years.constFind(date.year());
    if (it != m_years.constEnd()) {
        if (it->daysOff.contains(date))
            return false;
        if (it->workingWeekends.contains(date))
            return true;
    }
    return !isWeekend(date);
}

bool WorkingCalendar::isWorkingDay(const QDate& date, bool* estimated) const
{
    if (estimated)
        *estimated = date.isValid() && !covers(date.year());
    return date.isValid() && isWorkingDayNoFlag(date);
}

QString WorkingCalendar::holidayName(const QDate& date) const
{
    const CalendarYear* data = year(date.year());
    if (!data)
        return QString();
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (const CalendarHoliday& h : data->holidays) {
        if (date >= h.from && date <= h.to)
            return chinese ? h.nameZh : h.nameEn;
    }
    return QString();
}

QDate WorkingCalendar::addWorkingDays(const QDate& start, int n, bool* estimated) const
{
    if (estimated)
        *estimated = false;
    if (!start.isValid())
        return QDate();
    const int step = n < 0 ? -1 : 1;
    int remaining = n < 0 ? -n : n;
    QDate date = start;
    int lastYear = 0;
    bool guessed = false;
    while (remaining > 0) {
        date = date.addDays(step);
        if (date.year() != lastYear) {
            lastYear = date.year();
            guessed = guessed || !covers(lastYear);
        }
        if (isWorkingDayNoFlag(date))
            --remaining;
    }
    if (estimated)
        *estimated = guessed;
    return date;
}

int WorkingCalendar::workingDaysBetween(const QDate& from, const QDate& to, bool* estimated) const
{
    if (estimated)
        *estimated = false;
    if (!from.isValid() || !to.isValid() || from == to)
        return 0;
    const bool forward = from < to;
    const QDate first = forward ? from.addDays(1) : to.addDays(1);
    const QDate last = forward ? to : from;
    int count = 0;
    bool guessed = false;
    for (int y = first.year(); y <= last.year(); ++y)
        guessed = guessed || !covers(y);
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        if (isWorkingDayNoFlag(d))
            ++count;
    }
    if (estimated)
        *estimated = guessed;
    return forward ? count : -count;
}

int WorkingCalendar::workingDaysInYear(int year, bool* estimated) const
{
    return workingDaysBetween(QDate(year - 1, 12, 31), QDate(year, 12, 31), estimated);
}
