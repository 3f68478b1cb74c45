#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

// The city's staff directory as the platform publishes it (the staff stream, table platform_staff, 0015): who the
// actors of case moves made at other windows or by the platform are. It grants nothing at this window: logins come
// only from the local staff table, which this window's administrators sign (README, "Trust model").
namespace PlatformStaff {

// Applies one change of the staff stream ({"platform_id": "staff/<username>", "platform_version", "username",
// "display_name", "role", "unit", "active"}) in the caller's transaction: written when the entry is new or the version
// newer (*written), skipped otherwise; *malformed tells a change of the wrong form from a database failure.
bool apply(QSqlDatabase& db, const QJsonObject& change, const QString& actor, bool* written, QString* error,
           bool* malformed);

// Display names for usernames the local staff table does not hold: "name (unit)", "(left)" added for an inactive
// entry. Empty on a database without the table.
QHash<QString, QString> names(const QSqlDatabase& db);

} // namespace PlatformStaff
