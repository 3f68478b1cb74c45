#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

// One statement prepared on a QSQLCIPHER connection's SQLite handle and run many times without QSqlQuery: the bulk
// path inserts millions of rows, and QSqlQuery keeps every bound value as a QVariant in a list, maps each
// placeholder name through a hash and clears every binding before each run. Values are bound as the driver binds
// them (SqlCipher::bindValue); a placeholder's index is looked up once. Destroy it before its connection closes.
class PreparedStatement
{
public:
    PreparedStatement() = default;
    ~PreparedStatement();
    PreparedStatement(const PreparedStatement&) = delete;
    PreparedStatement& operator=(const PreparedStatement&) = delete;

    bool isPrepared() const { return m_stmt != nullptr; }
    // False with *error set when the connection is not QSQLCIPHER's or SQLite refuses the statement.
    bool prepare(const QSqlDatabase& db, const QString& sql, QString* error);
    // By name (":column"), as QSqlQuery::bindValue; an unknown name is an error at the next exec().
    void bindValue(const QString& placeholder, const QVariant& value);
    // Runs the statement to its end (a statement that returns rows is refused) and resets it for the next run;
    // every placeholder must have been bound since the last run.
    bool exec(QString* error);
    // The rowid of the row the last exec() inserted.
    qint64 lastInsertId() const { return m_lastInsertId; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QHash<QString, int> m_indexes;
    int m_bound = 0;     // placeholders bound since the last run
    QString m_bindError; // the first binding that failed since the last run
    qint64 m_lastInsertId = 0;
};
