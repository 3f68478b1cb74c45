#pragma once

#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// Small helpers shared by the repositories (not part of the public API).
namespace RecordSql {

// Empty text and invalid dates are stored as SQL NULL, never as ''.
inline QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableDate(const QDate& date);

// The text of the last timestamp formatted: rows written together share their time, and formatting a QDateTime
// for every row of a bulk load is measurable.
class TimestampCache
{
public:
    QString text(const QDateTime& utc);

private:
    QDateTime m_last;
    QString m_text;
};

// Prepares query once (forward-only); false with *error on failure.
bool prepareOnce(QSqlQuery& query, const QSqlDatabase& db, const QString& sql, QString* error);

// Sets *error from the query's last error and returns false.
bool fail(const QSqlQuery& query, QString* error);

} // namespace RecordSql
