#include "SqlCipherDriver.h"

#include "RowSeals.h"
#include "SqlCipherResult.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTime>

#include <sqlite3.h>

#include <map>

namespace {

QString keyRingPath(const QString& databasePath)
{
    if (databasePath.isEmpty() || databasePath == QLatin1String(":memory:"))
        return databasePath;
    return QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());
}

struct KeyRingStore
{
    QMutex mutex;
    std::map<QString, SecureBytes> keys;
};

KeyRingStore& keyRingStore()
{
    static KeyRingStore store;
    return store;
}

SecureBytes rawKeyLiteralFor(const SecureBytes& key)
{
    // SQLCipher takes a raw key (no PBKDF2) when the key string has the form x'<64 hex digits>'.
    const SecureBytes hex = key.toHex();
    SecureBytes literal(hex.size() + 3);
    literal.data()[0] = 'x';
    literal.data()[1] = '\'';
    std::copy(hex.data(), hex.data() + hex.size(), literal.data() + 2);
    literal.data()[literal.size() - 1] = '\'';
    return literal;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// SqlCipherKeyRing

void SqlCipherKeyRing::setKey(const QString& databasePath, const SecureBytes& key)
{
    auto& store = keyRingStore();
    QMutexLocker lock(&store.mutex);
    store.keys.erase(keyRingPath(databasePath));
    store.keys.emplace(keyRingPath(databasePath), key.clone());
}

bool SqlCipherKeyRing::hasKey(const QString& databasePath)
{
    auto& store = keyRingStore();
    QMutexLocker lock(&store.mutex);
    return store.keys.count(keyRingPath(databasePath)) > 0;
}

void SqlCipherKeyRing::removeKey(const QString& databasePath)
{
    auto& store = keyRingStore();
    QMutexLocker lock(&store.mutex);
    store.keys.erase(keyRingPath(databasePath));
}

void SqlCipherKeyRing::clear()
{
    auto& store = keyRingStore();
    QMutexLocker lock(&store.mutex);
    store.keys.clear();
}

SecureBytes SqlCipherKeyRing::rawKeyLiteral(const QString& databasePath)
{
    auto& store = keyRingStore();
    QMutexLocker lock(&store.mutex);
    const auto it = store.keys.find(keyRingPath(databasePath));
    if (it == store.keys.end())
        return {};
    return rawKeyLiteralFor(it->second);
}

// ---------------------------------------------------------------------------------------------------------------
// SqlCipherDriver

SqlCipherDriver::SqlCipherDriver(QObject* parent)
    : QSqlDriver(parent)
{}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

void SqlCipherDriver::registerDriver()
{
    if (!QSqlDatabase::isDriverAvailable(QLatin1String(DriverName)))
        QSqlDatabase::registerSqlDriver(QLatin1String(DriverName), new QSqlDriverCreator<SqlCipherDriver>);
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case LowPrecisionNumbers:
    case SimpleLocking:
    case FinishQuery:
        return true;
    case QuerySize:
    case NamedPlaceholders: // Qt rewrites :name to ? and binds every occurrence of a name
    case BatchOperations:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

void SqlCipherDriver::failOpen(const QString& text, int code, QSqlError::ErrorType type)
{
    setLastError(QSqlError(tr("Unable to open the database."), text, type, QString::number(code)));
    setOpenError(true);
}

bool SqlCipherDriver::open(const QString& db, const QString& /*user*/, const QString& /*password*/,
                           const QString& /*host*/, int /*port*/, const QString& connOpts)
{
    if (isOpen())
        close();

    bool noCreate = false;
    bool readOnly = false;
    bool plaintext = false;
    int busyTimeout = 5000;
    const QStringList options = connOpts.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& raw : options) {
        const QString option = raw.trimmed();
        if (option == QLatin1String("QSQLCIPHER_NO_CREATE"))
            noCreate = true;
        else if (option == QLatin1String("QSQLCIPHER_OPEN_READONLY"))
            readOnly = true;
        else if (option == QLatin1String("QSQLCIPHER_PLAINTEXT"))
            plaintext = true;
        else if (option.startsWith(QLatin1String("QSQLCIPHER_BUSY_TIMEOUT=")))
            busyTimeout = option.section(QLatin1Char('='), 1).toInt();
        else {
            failOpen(tr("Unknown connection option: %1").arg(option), SQLITE_MISUSE);
            return false;
        }
    }

    const bool memory = db == QLatin1String(":memory:") || db.isEmpty();
    if (!memory && noCreate && !QFileInfo::exists(db)) {
        failOpen(tr("The database file %1 does not exist.").arg(QDir::toNativeSeparators(db)), SQLITE_CANTOPEN);
        return false;
    }

    SecureBytes keyLiteral;
    if (!plaintext) {
        keyLiteral = SqlCipherKeyRing::rawKeyLiteral(memory ? QStringLiteral(":memory:") : db);
        if (keyLiteral.isEmpty()) {
            failOpen(tr("No key is available for the database %1.").arg(QDir::toNativeSeparators(db)), SQLITE_AUTH);
            return false;
        }
    }

    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (!readOnly && !noCreate)
        flags |= SQLITE_OPEN_CREATE;
    // A QSqlDatabase connection belongs to one thread, so SQLite's own connection mutex is not needed.
    flags |= SQLITE_OPEN_NOMUTEX;
    const QByteArray path = memory ? QByteArrayLiteral(":memory:") : QFile::encodeName(db);
    int rc = sqlite3_open_v2(path.constData(), &m_db, flags, nullptr);
    auto abandon = [this](const QString& text, int code) {
        failOpen(text, code);
        if (m_db) {
            sqlite3_close(m_db);
            m_db = nullptr;
        }
        return false;
    };
    if (rc != SQLITE_OK)
        return abandon(m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc)), rc);
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeout);

    if (!plaintext) {
        rc = sqlite3_key(m_db, keyLiteral.data(), int(keyLiteral.size()));
        keyLiteral.clear();
        if (rc != SQLITE_OK)
            return abandon(QString::fromUtf8(sqlite3_errmsg(m_db)), rc);
        const QByteArray pageSize = "PRAGMA cipher_page_size = " + QByteArray::number(CipherPageSize) + ";";
        rc = sqlite3_exec(m_db, pageSize.constData(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return abandon(QString::fromUtf8(sqlite3_errmsg(m_db)), rc);
    }

    // This must be SQLCipher, not a plain SQLite that slipped in through symbol interposition.
    QString cipher;
    {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, "PRAGMA cipher_version;", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            cipher = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    if (cipher.isEmpty())
        return abandon(tr("The SQLite library in use is not SQLCipher (PRAGMA cipher_version gave no answer)."),
                       SQLITE_MISUSE);

    // A wrong key (or a file that is not an SQLCipher database) shows only when the first page is read.
    rc = sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const int primary = sqlite3_extended_errcode(m_db) & 0xff;
        QString text = QString::fromUtf8(sqlite3_errmsg(m_db));
        if (primary == SQLITE_NOTADB)
            text = tr("The file is not an xmcredit database, or the key does not open it (%1).").arg(text);
        return abandon(text, sqlite3_extended_errcode(m_db));
    }

    if (!readOnly) {
        // recursive_triggers: without it SQLite fires no DELETE trigger for the row a REPLACE removes, and
        // INSERT OR REPLACE would slip past the "never physically deleted" guards.
        // cache_size: 32 MiB of decrypted pages (SQLite's default is 2 MiB), so a queue or a page of search
        // results read again is not decrypted again.
        // temp_store: temporary tables and indexes (the sync's scratch table, sorts) in memory, never in a file
        // outside the encrypted database, whatever the SQLCipher build's default.
        const char* pragmas = "PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = ON; PRAGMA journal_mode = WAL; "
                              "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;";
        rc = sqlite3_exec(m_db, pragmas, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return abandon(QString::fromUtf8(sqlite3_errmsg(m_db)), rc);
    } else {
        sqlite3_exec(m_db,
                     "PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = ON; PRAGMA cache_size = -32768; "
                     "PRAGMA temp_store = MEMORY;",
                     nullptr, nullptr, nullptr);
    }

    // The row seals' functions (RowSeals.h): the seal triggers of the record tables call them.
    rc = RowSeals::registerFunctions(m_db);
    if (rc != SQLITE_OK)
        return abandon(QString::fromUtf8(sqlite3_errmsg(m_db)), rc);

    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::close()
{
    if (!m_db)
        return;
    // Statements still held by live QSqlQuery objects must go first, or sqlite3_close() refuses.
    const QList<SqlCipherResult*> results = m_results;
    for (SqlCipherResult* result : results)
        result->finalize(false);
    m_results.clear();
    clearStatementCache();
    sqlite3_close(m_db);
    m_db = nullptr;
    setOpen(false);
    setOpenError(false);
}

void SqlCipherDriver::clearStatementCache()
{
    for (const IdleStatement& idle : std::as_const(m_idle))
        sqlite3_finalize(idle.stmt);
    m_idle.clear();
}

bool SqlCipherDriver::takeStatement(const QByteArray& sql, IdleStatement* out)
{
    const size_t hash = qHash(sql);
    for (qsizetype i = m_idle.size() - 1; i >= 0; --i) {
        const IdleStatement& idle = m_idle.at(i);
        if (idle.hash == hash && idle.sql == sql) {
            *out = m_idle.takeAt(i);
            return true;
        }
    }
    return false;
}

void SqlCipherDriver::keepStatement(IdleStatement&& idle)
{
    if (!m_db || !isOpen()) {
        sqlite3_finalize(idle.stmt);
        return;
    }
    // Reset: a kept statement holds no lock and no bound value (a bound key or name must not linger).
    sqlite3_reset(idle.stmt);
    sqlite3_clear_bindings(idle.stmt);
    if (m_idle.size() >= StatementCacheSize)
        sqlite3_finalize(m_idle.takeFirst().stmt);
    idle.hash = qHash(idle.sql);
    m_idle.append(std::move(idle));
}

QSqlResult* SqlCipherDriver::createResult() const
{
    auto* result = new SqlCipherResult(this);
    const_cast<SqlCipherDriver*>(this)->m_results.append(result);
    return result;
}

static bool execSimple(sqlite3* db, const char* sql, QSqlError* error, const QString& what)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QSqlError(what, QString::fromUtf8(message ? message : sqlite3_errstr(rc)),
                               QSqlError::TransactionError, QString::number(sqlite3_extended_errcode(db)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    if (!isOpen() || isOpenError())
        return false;
    QSqlError error;
    if (!execSimple(m_db, "BEGIN", &error, tr("Unable to begin the transaction."))) {
        setLastError(error);
        return false;
    }
    return true;
}

bool SqlCipherDriver::commitTransaction()
{
    if (!isOpen() || isOpenError())
        return false;
    QSqlError error;
    if (!execSimple(m_db, "COMMIT", &error, tr("Unable to commit the transaction."))) {
        setLastError(error);
        return false;
    }
    return true;
}

bool SqlCipherDriver::rollbackTransaction()
{
    if (!isOpen() || isOpenError())
        return false;
    QSqlError error;
    if (!execSimple(m_db, "ROLLBACK", &error, tr("Unable to roll back the transaction."))) {
        setLastError(error);
        return false;
    }
    return true;
}

bool SqlCipherDriver::executeScript(const QString& sql, QSqlError* error)
{
    if (!m_db) {
        if (error)
            *error = QSqlError(tr("The database is not open."), QString(), QSqlError::ConnectionError);
        return false;
    }
    clearStatementCache();
    char* message = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QSqlError(tr("Unable to execute the script."),
                               QString::fromUtf8(message ? message : sqlite3_errstr(rc)), QSqlError::StatementError,
                               QString::number(sqlite3_extended_errcode(m_db)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SqlCipherDriver::rekey(const SecureBytes& newKey, QSqlError* error)
{
    if (!m_db) {
        if (error)
            *error = QSqlError(tr("The database is not open."), QString(), QSqlError::ConnectionError);
        return false;
    }
    clearStatementCache();
    const char* file = sqlite3_db_filename(m_db, "main");
    const QString path = file ? QString::fromUtf8(file) : QString();
    // SQLCipher 3 rewrites every page under the new key inside one rollback-journal transaction; it cannot do so
    // through a WAL, so the WAL is checkpointed away first and switched back on afterwards.
    if (!execSimple(m_db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;", error,
                    tr("Unable to prepare the database for a new key.")))
        return false;
    SecureBytes literal = rawKeyLiteralFor(newKey);
    const int rc = sqlite3_rekey(m_db, literal.data(), int(literal.size()));
    literal.clear();
    if (rc != SQLITE_OK) {
        if (error)
            *error = QSqlError(tr("Unable to change the database key."), QString::fromUtf8(sqlite3_errmsg(m_db)),
                               QSqlError::StatementError, QString::number(rc));
        execSimple(m_db, "PRAGMA journal_mode = WAL;", nullptr, QString());
        return false;
    }
    if (!path.isEmpty())
        SqlCipherKeyRing::setKey(path, newKey);
    return execSimple(m_db, "PRAGMA journal_mode = WAL;", error, tr("Unable to re-enable the write-ahead log."));
}

QString SqlCipherDriver::cipherVersion() const
{
    if (!m_db)
        return {};
    QString version;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, "PRAGMA cipher_version;", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return version;
}

QString SqlCipherDriver::sqliteVersion() const
{
    return QString::fromUtf8(sqlite3_libversion());
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList result;
    if (!isOpen())
        return result;
    QStringList kinds;
    if (type & QSql::Tables)
        kinds << QStringLiteral("type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (type & QSql::Views)
        kinds << QStringLiteral("type = 'view'");
    if (!kinds.isEmpty()) {
        QSqlQuery query(createResult());
        query.setForwardOnly(true);
        query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE ") + kinds.join(QLatin1String(" OR ")) +
                   QStringLiteral(" ORDER BY name"));
        while (query.next())
            result << query.value(0).toString();
    }
    if (type & QSql::SystemTables)
        result << QStringLiteral("sqlite_master");
    return result;
}

QSqlRecord SqlCipherDriver::record(const QString& tableName) const
{
    QSqlRecord record;
    if (!isOpen())
        return record;
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    query.exec(tableInfoSql(tableName));
    while (query.next()) {
        QSqlField field(query.value(1).toString(), fieldTypeOf(query.value(2).toString()), tableName);
        field.setRequired(query.value(3).toInt() != 0);
        if (!query.value(4).isNull())
            field.setDefaultValue(query.value(4));
        const bool pk = query.value(5).toInt() != 0;
        if (pk && query.value(2).toString().compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0)
            field.setAutoValue(true);
        record.append(field);
    }
    return record;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString& tableName) const
{
    QSqlIndex index(tableName);
    if (!isOpen())
        return index;
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    query.exec(tableInfoSql(tableName));
    QList<QPair<int, QSqlField>> keys;
    while (query.next()) {
        const int pk = query.value(5).toInt();
        if (pk > 0)
            keys.append({pk, QSqlField(query.value(1).toString(), fieldTypeOf(query.value(2).toString()), tableName)});
    }
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& key : keys)
        index.append(key.second);
    if (!keys.isEmpty())
        index.setName(tableName);
    return index;
}

QString SqlCipherDriver::formatValue(const QSqlField& field, bool trimStrings) const
{
    if (field.isNull())
        return QStringLiteral("NULL");
    switch (field.metaType().id()) {
    case QMetaType::QByteArray:
        // SQLite's blob literal is X'…'; the base class would write a plain quoted string.
        return QStringLiteral("X'") + QString::fromLatin1(field.value().toByteArray().toHex()) + QStringLiteral("'");
    case QMetaType::Bool:
        return field.value().toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::QDate:
        return QLatin1Char('\'') + field.value().toDate().toString(Qt::ISODate) + QLatin1Char('\'');
    case QMetaType::QDateTime:
        return QLatin1Char('\'') + field.value().toDateTime().toString(Qt::ISODateWithMs) + QLatin1Char('\'');
    default:
        return QSqlDriver::formatValue(field, trimStrings);
    }
}

bool SqlCipherDriver::isIdentifierEscaped(const QString& identifier, IdentifierType /*type*/) const
{
    return identifier.size() > 2 &&
           ((identifier.startsWith(QLatin1Char('"')) && identifier.endsWith(QLatin1Char('"'))) ||
            (identifier.startsWith(QLatin1Char('`')) && identifier.endsWith(QLatin1Char('`'))) ||
            (identifier.startsWith(QLatin1Char('[')) && identifier.endsWith(QLatin1Char(']'))));
}

QString SqlCipherDriver::escapeIdentifier(const QString& identifier, IdentifierType type) const
{
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    // "schema.table" names a table in an attached schema: each part is quoted on its own (as QSQLITE does).
    const qsizetype dot = identifier.indexOf(QLatin1Char('.'));
    if (type == TableName && dot > 0 && dot < identifier.size() - 1 && identifier.count(QLatin1Char('.')) == 1)
        return escapeIdentifier(identifier.left(dot), type) + QLatin1Char('.') +
               escapeIdentifier(identifier.mid(dot + 1), type);
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString SqlCipherDriver::tableInfoSql(const QString& tableName) const
{
    // PRAGMA schema.table_info(table): the schema goes before the pragma, not inside its argument.
    const QString escaped = escapeIdentifier(tableName, TableName);
    const qsizetype dot = escaped.indexOf(QLatin1String("\".\""));
    if (dot > 0)
        return QStringLiteral("PRAGMA %1.table_info(%2)").arg(escaped.left(dot + 1), escaped.mid(dot + 2));
    for (const auto& [open, close] : {QPair<QChar, QChar>(QLatin1Char('['), QLatin1Char(']')),
                                      QPair<QChar, QChar>(QLatin1Char('`'), QLatin1Char('`'))}) {
        const QString separator = QString(close) + QLatin1Char('.') + QString(open);
        const qsizetype at = escaped.indexOf(separator);
        if (escaped.startsWith(open) && at > 0)
            return QStringLiteral("PRAGMA %1.table_info(%2)").arg(escaped.left(at + 1), escaped.mid(at + 2));
    }
    return QStringLiteral("PRAGMA table_info(%1)").arg(escaped);
}

QMetaType SqlCipherDriver::fieldTypeOf(const QString& declaredType)
{
    const QString type = declaredType.trimmed().toLower();
    if (type.isEmpty())
        return QMetaType::fromType<QString>();
    if (type == QLatin1String("integer") || type == QLatin1String("int"))
        return QMetaType::fromType<int>();
    if (type == QLatin1String("double") || type == QLatin1String("float") || type == QLatin1String("real") ||
        type.startsWith(QLatin1String("numeric")))
        return QMetaType::fromType<double>();
    if (type == QLatin1String("blob"))
        return QMetaType::fromType<QByteArray>();
    if (type == QLatin1String("boolean") || type == QLatin1String("bool"))
        return QMetaType::fromType<bool>();
    return QMetaType::fromType<QString>();
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(static_cast<void*>(m_db));
}
