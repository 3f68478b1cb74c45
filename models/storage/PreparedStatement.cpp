#include "PreparedStatement.h"

#include "SqlCipherDriver.h"
#include "SqlCipherResult.h"

#include <QCoreApplication>
#include <QSqlDriver>

#include <sqlite3.h>

PreparedStatement::~PreparedStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

bool PreparedStatement::prepare(const QSqlDatabase& db, const QString& sql, QString* error)
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_indexes.clear();
    m_bound = 0;
    m_bindError.clear();
    m_db = nullptr;
    if (db.driverName() != QLatin1String(SqlCipherDriver::DriverName) || !db.driver() || !db.isOpen()) {
        *error = QCoreApplication::translate("PreparedStatement", "The database is not an open SQLCipher connection.");
        return false;
    }
    m_db = static_cast<sqlite3*>(db.driver()->handle().value<void*>());
    const QByteArray utf8 = sql.toUtf8();
    const char* tail = nullptr;
    if (!m_db || sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_stmt, &tail) != SQLITE_OK) {
        *error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite handle");
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return false;
    }
    if (!m_stmt || sqlite3_column_count(m_stmt) != 0) {
        *error = QCoreApplication::translate("PreparedStatement", "Not a statement that writes: %1").arg(sql.left(80));
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return false;
    }
    return true;
}

void PreparedStatement::bindValue(const QString& placeholder, const QVariant& value)
{
    if (!m_stmt)
        return;
    auto found = m_indexes.constFind(placeholder);
    if (found == m_indexes.constEnd())
        found = m_indexes.insert(placeholder, sqlite3_bind_parameter_index(m_stmt, placeholder.toUtf8().constData()));
    const int index = found.value();
    const int rc = index > 0 ? SqlCipher::bindValue(m_stmt, index, value) : SQLITE_RANGE;
    if (rc != SQLITE_OK) {
        if (m_bindError.isEmpty())
            m_bindError = QCoreApplication::translate("PreparedStatement", "Unable to bind %1: %2")
                              .arg(placeholder, QString::fromUtf8(sqlite3_errstr(rc)));
        return;
    }
    ++m_bound;
}

bool PreparedStatement::exec(QString* error)
{
    if (!m_stmt) {
        *error = QCoreApplication::translate("PreparedStatement", "No statement is prepared.");
        return false;
    }
    const int expected = sqlite3_bind_parameter_count(m_stmt);
    const int bound = m_bound;
    const QString bindError = m_bindError;
    m_bound = 0;
    m_bindError.clear();
    if (!bindError.isEmpty() || bound != expected) {
        sqlite3_clear_bindings(m_stmt);
        *error = !bindError.isEmpty()
                     ? bindError
                     : QCoreApplication::translate("PreparedStatement", "Parameter count mismatch: the statement takes "
                                                                        "%1, %2 bound.")
                           .arg(expected)
                           .arg(bound);
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE)
        m_lastInsertId = sqlite3_last_insert_rowid(m_db);
    else
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    // Reset right away: a finished statement holds no lock, and an error is reported by the step on this SQLite.
    sqlite3_reset(m_stmt);
    return rc == SQLITE_DONE;
}
