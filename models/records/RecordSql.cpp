#include "RecordSql.h"

#include "RecordTypes.h"

#include <QSqlError>

namespace RecordSql {

QVariant nullableDate(const QDate& date)
{
    return nullable(RecordFormat::date(date));
}

QString TimestampCache::text(const QDateTime& utc)
{
    if (utc != m_last || m_text.isEmpty()) {
        m_last = utc;
        m_text = RecordFormat::timestamp(utc);
    }
    return m_text;
}

bool prepareOnce(QSqlQuery& query, const QSqlDatabase& db, const QString& sql, QString* error)
{
    if (!query.lastQuery().isEmpty())
        return true;
    query = QSqlQuery(db);
    query.setForwardOnly(true);
    if (query.prepare(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    query = QSqlQuery();
    return false;
}

bool fail(const QSqlQuery& query, QString* error)
{
    if (error)
        *error = query.lastError().text();
    return false;
}

bool selectFirst(QSqlQuery* query, const QSqlDatabase& db, const QString& sql, const QVariant& value, QString* error)
{
    *query = QSqlQuery(db);
    query->setForwardOnly(true);
    query->prepare(sql);
    query->addBindValue(value);
    if (!query->exec())
        return fail(*query, error);
    if (query->next())
        return true;
    if (query->lastError().isValid())
        return fail(*query, error);
    if (error)
        error->clear();
    return false;
}

namespace {

bool sameValue(const QVariant& a, const QVariant& b)
{
    return a.metaType() == b.metaType() && a.isNull() == b.isNull() && a == b;
}

} // namespace

bool updateChanged(const QSqlDatabase& db, const QString& table, qint64 id, const ColumnValues& now,
                   const ColumnValues& before, QString* error)
{
    QString sets;
    QVariantList values;
    for (qsizetype i = 0; i < now.names.size(); ++i) {
        const QString& column = now.names.at(i);
        const qsizetype j = before.names.size() > i && before.names.at(i) == column ? i : before.names.indexOf(column);
        if (column != QLatin1String("updated_at") && j >= 0 && sameValue(now.values.at(i), before.values.at(j)))
            continue;
        if (!sets.isEmpty())
            sets += QLatin1String(", ");
        sets += column + QLatin1String(" = ?");
        values << now.values.at(i);
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, sets)))
        return fail(q, error);
    for (const QVariant& value : std::as_const(values))
        q.addBindValue(value);
    q.addBindValue(id);
    if (!q.exec())
        return fail(q, error);
    return true;
}

} // namespace RecordSql
