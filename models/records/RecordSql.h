#pragma once

#include "RecordTypes.h"
#include "storage/PreparedStatement.h"

#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

// Small helpers shared by the repositories (not part of the public API).
namespace RecordSql {

// Empty text and invalid dates are stored as SQL NULL, never as ''.
inline QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableDate(const QDate& date);

// A row that has no platform version (0: not on the platform yet) stores NULL.
inline QVariant nullableVersion(qint64 version)
{
    return version > 0 ? QVariant(version) : QVariant(QMetaType::fromType<qint64>());
}

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

// Runs sql (forward-only, one placeholder bound to value) and steps to its first row. True with that row current;
// false with *error set on an error, or with *error cleared when nothing matched (the repositories' convention for
// a find).
bool selectFirst(QSqlQuery* query, const QSqlDatabase& db, const QString& sql, const QVariant& value, QString* error);

// Subjects and credit items are written the same way; these hold that once for both row types (Subject,
// CreditItem: id, origin, platformId, platformVersion, createdAt, updatedAt).

// A row's column values by name, collected through the same bindValue(":column", value) calls that bind a
// QSqlQuery (bindWritable in the repositories writes into either), so an update can compare two rows.
struct ColumnValues
{
    QStringList names; // without the colon
    QVariantList values;
    void bindValue(const QString& placeholder, const QVariant& value)
    {
        names << placeholder.mid(1);
        values << value;
    }
};

// Updates row id of table to the values of now, setting only the columns whose value differs from before (the
// stored row) and always updated_at: an unchanged column is not written, so the indexes over it are left alone
// (a sync that withdraws an item rewrites its status, not its subject's or platform id's index entries).
bool updateChanged(const QSqlDatabase& db, const QString& table, qint64 id, const ColumnValues& now,
                   const ColumnValues& before, QString* error);

// Binds the provenance columns every platform row has, by name (see bindWritable in the repositories).
template<typename Binder, typename Row> void bindProvenance(Binder& query, const Row& row, TimestampCache& stamps)
{
    query.bindValue(QStringLiteral(":origin"), toKey(row.origin));
    query.bindValue(QStringLiteral(":platform_id"), nullable(row.platformId));
    query.bindValue(QStringLiteral(":platform_version"), nullableVersion(row.platformVersion));
    query.bindValue(QStringLiteral(":updated_at"), stamps.text(row.updatedAt));
}

// Inserts *row through insert, prepared once from sql (the bulk path runs it millions of times, so straight on
// SQLite: PreparedStatement): createdAt defaults to now and updatedAt to createdAt, bindWritable(insert, *row, stamps)
// binds the columns but :created_at, and row->id is filled.
template<typename Row, typename BindWritable>
bool insertRow(PreparedStatement& insert, const QSqlDatabase& db, const QString& sql, Row* row, TimestampCache& stamps,
               BindWritable bindWritable, QString* error)
{
    if (!insert.isPrepared() && !insert.prepare(db, sql, error))
        return false;
    if (!row->createdAt.isValid())
        row->createdAt = QDateTime::currentDateTimeUtc();
    if (!row->updatedAt.isValid())
        row->updatedAt = row->createdAt;
    bindWritable(insert, *row, stamps);
    insert.bindValue(QStringLiteral(":created_at"), stamps.text(row->createdAt));
    if (!insert.exec(error))
        return false;
    row->id = insert.lastInsertId();
    return true;
}

// The sync path's decision for a row from the platform, given the stored row it corresponds to (null when none):
// an unknown row is inserted; a stored platform row of the same or a newer version is kept (*row becomes it and
// *applied stays false); anything else, a local row the platform now acknowledges included, is updated in place,
// keeping its id and creation time. insert(Row*, QString*) and update(const Row& row, const Row& stored, QString*)
// write the row.
template<typename Row, typename Insert, typename Update>
bool applyNewer(Row* row, const Row* stored, bool* applied, Insert insert, Update update, QString* error)
{
    if (applied)
        *applied = false;
    if (!stored) {
        row->createdAt = QDateTime();
        row->updatedAt = QDateTime();
        if (!insert(row, error))
            return false;
    } else if (stored->origin == RecordOrigin::Platform && stored->platformVersion >= row->platformVersion) {
        *row = *stored;
        return true;
    } else {
        row->id = stored->id;
        row->createdAt = stored->createdAt;
        row->updatedAt = QDateTime::currentDateTimeUtc();
        if (!update(*row, *stored, error))
            return false;
    }
    if (applied)
        *applied = true;
    return true;
}

} // namespace RecordSql
