#include "SqlCipherResult.h"

#include "SqlCipherDriver.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlField>
#include <QTime>

#include <sqlite3.h>

namespace {

// The declared type of a column as QSQLITE reads it (so that code and models written for Qt's driver see the same
// field types): INTEGER and INT are Int, BOOL and BOOLEAN Bool, DOUBLE, FLOAT, REAL and NUMERIC… Double, BLOB
// QByteArray, anything else QString. Values read are still qlonglong for every integer, as in QSQLITE.
QMetaType typeFromDecl(const char* decl)
{
    if (!decl)
        return QMetaType();
    return SqlCipherDriver::fieldTypeOf(QString::fromUtf8(decl));
}

QMetaType typeFromStorage(int storage)
{
    switch (storage) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<int>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    default:
        return QMetaType();
    }
}

// In Qt 6 a QVariant holding a null QString is not isNull(); the database must still see NULL.
bool isSqlNull(const QVariant& value)
{
    if (value.isNull())
        return true;
    switch (value.metaType().id()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    case QMetaType::QDateTime:
        return !value.toDateTime().isValid();
    default:
        return false;
    }
}

int bindText(sqlite3_stmt* stmt, int index, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

// What follows the first statement may be a trailing comment ("SELECT 1; -- why"): that is not a second statement.
bool isOnlyCommentsOrSpace(sqlite3* db, const char* tail)
{
    sqlite3_stmt* next = nullptr;
    const char* rest = nullptr;
    const int rc = sqlite3_prepare_v2(db, tail, -1, &next, &rest);
    const bool empty = rc == SQLITE_OK && next == nullptr;
    sqlite3_finalize(next);
    return empty;
}

bool isInsert(sqlite3_stmt* stmt)
{
    const QByteArray sql = QByteArray(sqlite3_sql(stmt)).trimmed().left(16).toUpper();
    return sql.startsWith("INSERT") || sql.startsWith("REPLACE");
}

} // namespace

int SqlCipher::bindValue(sqlite3_stmt* stmt, int index, const QVariant& value)
{
    if (isSqlNull(value))
        return sqlite3_bind_null(stmt, index);
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return sqlite3_bind_int(stmt, index, value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(stmt, index, value.toLongLong());
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong u = value.toULongLong();
        // SQLite has no unsigned 64-bit integer: values above INT64_MAX keep their exact digits as text.
        if (u > qulonglong(std::numeric_limits<qint64>::max()))
            return bindText(stmt, index, QString::number(u));
        return sqlite3_bind_int64(stmt, index, qint64(u));
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(stmt, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob(stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    }
    case QMetaType::QDate:
        return bindText(stmt, index, value.toDate().toString(Qt::ISODate));
    case QMetaType::QTime:
        return bindText(stmt, index, value.toTime().toString(Qt::ISODateWithMs));
    case QMetaType::QDateTime:
        return bindText(stmt, index, value.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QString:
        return bindText(stmt, index, value.toString());
    default:
        if (value.canConvert<QString>())
            return bindText(stmt, index, value.toString());
        return SQLITE_MISMATCH;
    }
}

SqlCipherResult::SqlCipherResult(const SqlCipherDriver* driver)
    : QSqlResult(driver)
{}

SqlCipherResult::~SqlCipherResult()
{
    if (auto* d = const_cast<SqlCipherDriver*>(static_cast<const SqlCipherDriver*>(driver())))
        d->m_results.removeAll(this);
    finalize();
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(static_cast<void*>(m_stmt));
}

void SqlCipherResult::finalize(bool keep)
{
    if (m_stmt) {
        auto* d = const_cast<SqlCipherDriver*>(static_cast<const SqlCipherDriver*>(driver()));
        if (keep && m_cacheable && d) {
            SqlCipherDriver::IdleStatement idle;
            idle.sql = std::move(m_sql);
            idle.stmt = m_stmt;
            idle.record = std::move(m_preparedRecord);
            idle.types = std::move(m_preparedTypes);
            idle.columns = m_columns;
            d->keepStatement(std::move(idle));
        } else {
            sqlite3_finalize(m_stmt);
        }
        m_stmt = nullptr;
        m_sql.clear();
        m_cacheable = false;
        setActive(false);
    }
    m_done = true;
    m_pendingRow = false;
}

void SqlCipherResult::clearRows()
{
    m_rows.clear();
    m_firstCachedRow = 0;
    m_cachedRows = 0;
    m_pendingRow = false;
    m_done = true;
}

void SqlCipherResult::setStatementError(const QString& what, int code)
{
    const auto* d = static_cast<const SqlCipherDriver*>(driver());
    const QString text =
        d && d->m_db ? QString::fromUtf8(sqlite3_errmsg(d->m_db)) : QString::fromUtf8(sqlite3_errstr(code));
    const int extended = d && d->m_db ? sqlite3_extended_errcode(d->m_db) : code;
    setLastError(QSqlError(what, text, QSqlError::StatementError, QString::number(extended)));
}

bool SqlCipherResult::reset(const QString& query)
{
    if (!prepare(query))
        return false;
    return exec();
}

bool SqlCipherResult::prepare(const QString& query)
{
    const auto* d = static_cast<const SqlCipherDriver*>(driver());
    if (!d || !d->isOpen() || !d->m_db) {
        setLastError(QSqlError(QCoreApplication::translate("SqlCipherResult", "The database is not open."), QString(),
                               QSqlError::ConnectionError));
        return false;
    }
    finalize();
    clearRows();
    m_cacheable = false;
    m_record = QSqlRecord();
    m_columns = 0;
    setSelect(false);
    setActive(false);
    setAt(QSql::BeforeFirstRow);

    QByteArray utf8 = query.toUtf8();
    auto* driver = const_cast<SqlCipherDriver*>(d);
    SqlCipherDriver::IdleStatement idle;
    if (driver->takeStatement(utf8, &idle)) {
        m_stmt = idle.stmt;
        m_sql = std::move(idle.sql);
        m_record = m_preparedRecord = std::move(idle.record);
        m_types = m_preparedTypes = std::move(idle.types);
        m_columns = idle.columns;
        m_cacheable = true;
        return true;
    }
    const QByteArray verb = utf8.left(16).trimmed().left(6).toUpper();
    m_cacheable =
        verb.startsWith("SELECT") || verb.startsWith("INSERT") || verb.startsWith("UPDATE") || verb.startsWith("WITH");
    // Kept statements would be compiled again anyway after a change of the schema; they are let go so that none
    // outlives a table or trigger it was made for.
    if (verb.startsWith("CREATE") || verb.startsWith("DROP") || verb.startsWith("ALTER"))
        driver->clearStatementCache();
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(d->m_db, utf8.constData(), int(utf8.size()), &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        setStatementError(QCoreApplication::translate("SqlCipherResult", "Unable to prepare the statement."), rc);
        finalize();
        return false;
    }
    if (tail && *tail && !isOnlyCommentsOrSpace(d->m_db, tail)) {
        setLastError(
            QSqlError(QCoreApplication::translate("SqlCipherResult", "Unable to execute several statements at a time."),
                      QString::fromUtf8(tail).trimmed(), QSqlError::StatementError, QString::number(SQLITE_MISUSE)));
        finalize();
        return false;
    }
    if (!m_stmt) {
        // An empty statement (only white space or a comment): nothing to run.
        setLastError(QSqlError(QCoreApplication::translate("SqlCipherResult", "The statement is empty."), QString(),
                               QSqlError::StatementError, QString::number(SQLITE_MISUSE)));
        return false;
    }
    m_columns = sqlite3_column_count(m_stmt);
    buildRecord();
    if (m_cacheable) {
        m_sql = std::move(utf8);
        m_preparedRecord = m_record;
        m_preparedTypes = m_types;
    }
    return true;
}

void SqlCipherResult::buildRecord()
{
    m_record = QSqlRecord();
    m_types.clear();
    m_types.reserve(m_columns);
    for (int i = 0; i < m_columns; ++i) {
        const QString name = QString::fromUtf8(sqlite3_column_name(m_stmt, i));
        const QString table = QString::fromUtf8(sqlite3_column_table_name(m_stmt, i));
        const QMetaType type = typeFromDecl(sqlite3_column_decltype(m_stmt, i));
        m_record.append(QSqlField(name, type, table));
        m_types.append(type);
    }
}

QMetaType SqlCipherResult::fieldType(int column) const
{
    if (column < 0 || column >= m_types.size())
        return QMetaType();
    return m_types.at(column);
}

bool SqlCipherResult::exec()
{
    if (!m_stmt) {
        if (!lastError().isValid())
            setLastError(QSqlError(QCoreApplication::translate("SqlCipherResult", "No statement is prepared."),
                                   QString(), QSqlError::StatementError));
        return false;
    }
    clearRows();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);

    const QList<QVariant>& values = boundValues();
    const int expected = sqlite3_bind_parameter_count(m_stmt);
    if (values.size() != expected) {
        setLastError(QSqlError(QCoreApplication::translate(
                                   "SqlCipherResult", "Parameter count mismatch: the statement takes %1, %2 given.")
                                   .arg(expected)
                                   .arg(values.size()),
                               QString(), QSqlError::StatementError, QString::number(SQLITE_RANGE)));
        return false;
    }
    for (int i = 0; i < values.size(); ++i) {
        const int rc = SqlCipher::bindValue(m_stmt, i + 1, values.at(i));
        if (rc != SQLITE_OK) {
            setStatementError(QCoreApplication::translate("SqlCipherResult", "Unable to bind parameter %1.").arg(i + 1),
                              rc);
            return false;
        }
    }

    const auto* d = static_cast<const SqlCipherDriver*>(driver());
    m_hasInsertId = false;
    m_changes = -1;
    // sqlite3_changes() and sqlite3_last_insert_rowid() keep the values of the last INSERT/UPDATE/DELETE (DDL leaves
    // them alone), so they count only when this step changed rows, and an insert id only for an INSERT. (An insert
    // into a WITHOUT ROWID table still reports the connection's last rowid: SQLite 3.15 cannot reset it.)
    const int totalBefore = sqlite3_total_changes(d->m_db);
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW && sqlite3_column_count(m_stmt) != m_columns) {
        // A kept statement recompiled by SQLite after a change of the schema (a column added): its record follows.
        m_columns = sqlite3_column_count(m_stmt);
        buildRecord();
        m_preparedRecord = m_record;
        m_preparedTypes = m_types;
    }
    if (rc == SQLITE_ROW) {
        m_pendingRow = true;
        m_done = false;
    } else if (rc == SQLITE_DONE) {
        m_done = true;
        // Captured right after stepping: a later statement on the connection would overwrite them.
        if (m_columns == 0) {
            const bool changed = sqlite3_total_changes(d->m_db) != totalBefore;
            m_changes = changed ? sqlite3_changes(d->m_db) : 0;
            if (changed && isInsert(m_stmt)) {
                m_lastInsertId = sqlite3_last_insert_rowid(d->m_db);
                m_hasInsertId = true;
            }
        }
        sqlite3_reset(m_stmt);
    } else {
        setStatementError(QCoreApplication::translate("SqlCipherResult", "Unable to execute the statement."), rc);
        sqlite3_reset(m_stmt);
        m_done = true;
        return false;
    }
    setSelect(m_columns > 0);
    setActive(true);
    return true;
}

void SqlCipherResult::readCurrentRow()
{
    const QSql::NumericalPrecisionPolicy policy = numericalPrecisionPolicy();
    if (isForwardOnly()) {
        // Keep only the row just read.
        m_rows.resize(0);
        m_firstCachedRow += m_cachedRows;
        m_cachedRows = 0;
    }
    m_rows.reserve(m_rows.size() + m_columns);
    for (int i = 0; i < m_columns; ++i) {
        const int storage = sqlite3_column_type(m_stmt, i);
        switch (storage) {
        case SQLITE_INTEGER: {
            const qint64 v = sqlite3_column_int64(m_stmt, i);
            // Like Qt's own SQLite driver, only LowPrecisionInt32 narrows an integer; the default policy
            // (LowPrecisionDouble) is about floating-point columns.
            if (policy == QSql::LowPrecisionInt32)
                m_rows.append(QVariant(int(v)));
            else
                m_rows.append(QVariant(qlonglong(v)));
            break;
        }
        case SQLITE_FLOAT: {
            const double v = sqlite3_column_double(m_stmt, i);
            if (policy == QSql::LowPrecisionInt32)
                m_rows.append(QVariant(int(v)));
            else if (policy == QSql::LowPrecisionInt64)
                m_rows.append(QVariant(qlonglong(v)));
            else
                m_rows.append(QVariant(v));
            break;
        }
        case SQLITE_BLOB: {
            const void* blob = sqlite3_column_blob(m_stmt, i);
            const int bytes = sqlite3_column_bytes(m_stmt, i);
            // SQLite gives a null pointer for a zero-length blob; it is an empty blob, not NULL.
            m_rows.append(QVariant(bytes > 0 ? QByteArray(static_cast<const char*>(blob), bytes) : QByteArray("")));
            break;
        }
        case SQLITE_NULL: {
            // A typed null: the declared type of the column, else nothing better than an invalid type.
            QMetaType type = fieldType(i);
            m_rows.append(type.isValid() ? QVariant(type) : QVariant());
            break;
        }
        default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
            const int bytes = sqlite3_column_bytes(m_stmt, i);
            m_rows.append(QVariant(QString::fromUtf8(text, bytes)));
            break;
        }
        }
        // Expressions have no declared type: learn it from the first value we see.
        if (storage != SQLITE_NULL && !m_types.at(i).isValid()) {
            m_types[i] = typeFromStorage(storage);
            QSqlField field = m_record.field(i);
            field.setMetaType(m_types.at(i));
            m_record.replace(i, field);
        }
    }
    ++m_cachedRows;
}

bool SqlCipherResult::stepRow()
{
    if (m_pendingRow) {
        m_pendingRow = false;
        readCurrentRow();
        return true;
    }
    if (m_done || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        readCurrentRow();
        return true;
    }
    m_done = true;
    if (rc != SQLITE_DONE)
        setStatementError(QCoreApplication::translate("SqlCipherResult", "Unable to fetch the row."), rc);
    // Release the statement's read lock as soon as the rows run out.
    sqlite3_reset(m_stmt);
    return false;
}

const QVariant* SqlCipherResult::currentRow() const
{
    const int row = at();
    if (row < m_firstCachedRow || row >= m_firstCachedRow + m_cachedRows || m_columns == 0)
        return nullptr;
    return m_rows.constData() + qsizetype(row - m_firstCachedRow) * m_columns;
}

bool SqlCipherResult::fetch(int row)
{
    if (row < 0 || !isSelect())
        return false;
    if (row >= m_firstCachedRow && row < m_firstCachedRow + m_cachedRows) {
        setAt(row);
        return true;
    }
    if (row < m_firstCachedRow)
        return false; // forward-only: that row is gone
    while (m_firstCachedRow + m_cachedRows <= row) {
        if (!stepRow()) {
            setAt(QSql::AfterLastRow);
            return false;
        }
    }
    setAt(row);
    return true;
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!isSelect())
        return false;
    while (stepRow()) {
    }
    if (m_cachedRows == 0) {
        setAt(QSql::AfterLastRow);
        return false;
    }
    setAt(m_firstCachedRow + m_cachedRows - 1);
    return true;
}

QVariant SqlCipherResult::data(int field)
{
    const QVariant* row = currentRow();
    if (!row || field < 0 || field >= m_columns)
        return QVariant();
    return row[field];
}

bool SqlCipherResult::isNull(int field)
{
    const QVariant* row = currentRow();
    if (!row || field < 0 || field >= m_columns)
        return true;
    return row[field].isNull();
}

int SqlCipherResult::size()
{
    return -1;
}

int SqlCipherResult::numRowsAffected()
{
    // -1 for a query that returns rows, as Qt's contract asks ("cannot be determined").
    return isSelect() ? -1 : m_changes;
}

QSqlRecord SqlCipherResult::record() const
{
    if (!isActive() || !isSelect())
        return QSqlRecord();
    return m_record;
}

QVariant SqlCipherResult::lastInsertId() const
{
    if (!m_hasInsertId)
        return QVariant();
    return QVariant(qlonglong(m_lastInsertId));
}

void SqlCipherResult::detachFromResultSet()
{
    // No more rows will be read until the next exec(): release the statement's locks, and make sure the rows
    // already seen are not stepped over again.
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_pendingRow = false;
    m_done = true;
}

void SqlCipherResult::setForwardOnly(bool forward)
{
    QSqlResult::setForwardOnly(forward);
}
