#include "PlatformRows.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace PlatformRows {

namespace {

bool fail(const QSqlQuery& q, QString* error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

bool storedVersion(const QSqlDatabase& db, const QString& table, const QString& keyColumn, const QVariant& key,
                   int* version, QString* error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT platform_version FROM %1 WHERE %2 = ?").arg(table, keyColumn));
    q.addBindValue(key);
    if (!q.exec())
        return fail(q, error);
    *version = q.next() ? q.value(0).toInt() : 0;
    return true;
}

bool write(const QSqlDatabase& db, const QString& table, const QString& keyColumn, const QVariant& key, bool held,
           const QList<QPair<QString, QVariant>>& columns, int version, const QString& actor, QString* error)
{
    QList<QPair<QString, QVariant>> values = columns;
    values << qMakePair(QStringLiteral("platform_version"), QVariant(version))
           << qMakePair(QStringLiteral("applied_by"), QVariant(actor))
           << qMakePair(QStringLiteral("applied_at"),
                        QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
    QStringList names;
    for (const auto& [name, value] : std::as_const(values))
        names << name;
    QSqlQuery q(db);
    q.prepare(held ? QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?")
                         .arg(table, names.join(QStringLiteral(" = ?, ")), keyColumn)
                   : QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (%4?)")
                         .arg(table, names.join(QStringLiteral(", ")), keyColumn,
                              QStringLiteral("?, ").repeated(int(names.size()))));
    for (const auto& [name, value] : std::as_const(values))
        q.addBindValue(value);
    q.addBindValue(key);
    return q.exec() || fail(q, error);
}

} // namespace PlatformRows
