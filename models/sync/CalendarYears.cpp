#include "CalendarYears.h"

#include "PlatformRows.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace CalendarYears {

WorkingCalendar load(const QSqlDatabase& db, QString* error)
{
    QString problems;
    WorkingCalendar calendar = WorkingCalendar::builtIn(&problems);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // A database from before 0013 (an auditor's read-only look at an old file) has no platform years.
    if (q.exec(QStringLiteral("SELECT year, definition FROM calendar_years ORDER BY year"))) {
        while (q.next()) {
            QString why;
            if (!calendar.loadYearJson(q.value(1).toString().toUtf8(), &why))
                problems +=
                    (problems.isEmpty() ? QString() : QStringLiteral("\n")) +
                    QCoreApplication::translate("CalendarYears", "The platform's calendar for %1 cannot be read: %2")
                        .arg(q.value(0).toInt())
                        .arg(why);
        }
    }
    if (error)
        *error = problems;
    return calendar;
}

bool apply(QSqlDatabase& db, const QJsonObject& change, const QString& actor, bool* written, QString* error,
           bool* malformed)
{
    *written = false;
    *malformed = false;
    auto refuse = [&](const QString& why) {
        *malformed = true;
        if (error)
            *error = why;
        return false;
    };
    const int year = change.value(QLatin1String("year")).toInt(0);
    const int version = change.value(QLatin1String("platform_version")).toInt(0);
    const QString definition = change.value(QLatin1String("definition")).toString();
    CalendarYear parsed;
    QString why;
    if (year < 2000 || year > 2100 || version < 1)
        return refuse(QCoreApplication::translate("CalendarYears", "A calendar change needs its year and version."));
    if (!CalendarYear::fromJson(definition.toUtf8(), &parsed, &why))
        return refuse(
            QCoreApplication::translate("CalendarYears", "The calendar for %1 does not parse: %2").arg(year).arg(why));
    if (parsed.year != year)
        return refuse(QCoreApplication::translate("CalendarYears", "The calendar change for %1 defines the year %2.")
                          .arg(year)
                          .arg(parsed.year));
    int held = 0;
    if (!PlatformRows::storedVersion(db, QStringLiteral("calendar_years"), QStringLiteral("year"), year, &held, error))
        return false;
    if (held >= version)
        return true; // an older or the same version: the stored one stands
    if (!PlatformRows::write(db, QStringLiteral("calendar_years"), QStringLiteral("year"), year, held > 0,
                             {{QStringLiteral("definition"), QString::fromUtf8(parsed.toJson())}}, version, actor,
                             error))
        return false;
    *written = true;
    return true;
}

} // namespace CalendarYears
