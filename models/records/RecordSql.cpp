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

} // namespace RecordSql
