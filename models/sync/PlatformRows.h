#pragma once

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

// The rows the small streams keep (calendar years, policy profiles, the staff directory): one row per key, written with
// its platform version, by whom and when it was applied; replaced only by a newer version (their tables' triggers
// refuse anything else).
namespace PlatformRows {

// The stored row's platform version, 0 when the key is not held.
bool storedVersion(const QSqlDatabase& db, const QString& table, const QString& keyColumn, const QVariant& key,
                   int* version, QString* error);

// Inserts the row (held false) or updates it (held true) with columns, the version, the actor and the time.
bool write(const QSqlDatabase& db, const QString& table, const QString& keyColumn, const QVariant& key, bool held,
           const QList<QPair<QString, QVariant>>& columns, int version, const QString& actor, QString* error);

} // namespace PlatformRows
