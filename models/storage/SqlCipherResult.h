#pragma once

#include <QList>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

struct sqlite3_stmt;
class SqlCipherDriver;

namespace SqlCipher {
// Binds value to parameter index (1-based) as the driver binds every QSqlQuery value: integers as integers, text as
// UTF-8, dates and times in ISO form, a null QString (or any null value) as NULL. An SQLite result code.
int bindValue(sqlite3_stmt* stmt, int index, const QVariant& value);
} // namespace SqlCipher

// One prepared statement of a QSQLCIPHER connection.
//
// Rows are stepped lazily. A scrollable query keeps the rows it has stepped over (models seek back and forth);
// a forward-only query keeps only the current row, so a large result streams in constant memory.
class SqlCipherResult : public QSqlResult
{
public:
    explicit SqlCipherResult(const SqlCipherDriver* driver);
    ~SqlCipherResult() override;

    QVariant handle() const override;

protected:
    bool reset(const QString& query) override;
    bool prepare(const QString& query) override;
    bool exec() override;
    QVariant data(int field) override;
    bool isNull(int field) override;
    bool fetch(int row) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QSqlRecord record() const override;
    QVariant lastInsertId() const override;
    void detachFromResultSet() override;
    void setForwardOnly(bool forward) override;

private:
    friend class SqlCipherDriver;
    // Lets go of the statement: kept by the driver for reuse (keep), or finalized (the connection closes under a live
    // query, or the statement is not one to keep).
    void finalize(bool keep = true);
    void clearRows();
    // Steps once; on a row, appends it to the cache. Returns false at the end or on error.
    bool stepRow();
    void readCurrentRow();
    void buildRecord();
    void setStatementError(const QString& what, int code);
    const QVariant* currentRow() const;
    QMetaType fieldType(int column) const;

    sqlite3_stmt* m_stmt = nullptr;
    QByteArray m_sql;                 // the text m_stmt was prepared from (the driver's cache key)
    bool m_cacheable = false;         // SELECT, INSERT, UPDATE or WITH: kept by the driver when let go
    QSqlRecord m_preparedRecord;      // m_record and m_types as prepared, before any type was learned from a value:
    QList<QMetaType> m_preparedTypes; // what a kept statement gives its next query
    QSqlRecord m_record;
    QList<QMetaType> m_types; // per column, as in m_record (read per row without copying a QSqlField)
    int m_columns = 0;
    QList<QVariant> m_rows;   // flat: rows × columns
    int m_firstCachedRow = 0; // index of the first row held in m_rows (moves for forward-only queries)
    int m_cachedRows = 0;
    bool m_pendingRow = false; // exec() stepped onto a row that is not yet in the cache
    bool m_done = true;        // the statement has no more rows to give
    int m_changes = 0;
    qint64 m_lastInsertId = 0;
    bool m_hasInsertId = false;
};
