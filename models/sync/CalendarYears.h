#pragma once

#include "domain/WorkingCalendar.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

// The holiday calendar as this workstation knows it: the built-in years (resources/calendar), overlaid by the years
// the platform published on its calendar stream (table calendar_years, 0013). Every working-day clock of the program
// counts with this calendar.
namespace CalendarYears {

// The built-in calendar with the platform's years applied over it. A stored year that no longer parses is skipped
// and named in *error (the built-in year, if any, stands).
WorkingCalendar load(const QSqlDatabase& db, QString* error = nullptr);

// Applies one change of the calendar stream ({"platform_id": "calendar/<year>", "platform_version", "year",
// "definition": the year's JSON as a string}) in the caller's transaction: written when the year is new or the
// version newer (*written), skipped otherwise. *malformed tells a change of the wrong form (a definition that does not
// parse, a year that does not match) from a database failure.
bool apply(QSqlDatabase& db, const QJsonObject& change, const QString& actor, bool* written, QString* error,
           bool* malformed);

} // namespace CalendarYears
