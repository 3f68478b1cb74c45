#pragma once

#include "SecureBytes.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;
class SqlCipherResult;

// QSQLCIPHER: a Qt SQL driver over the SQLCipher C API, written against Qt's public API only.
//
// Keys never travel through connection strings: the raw 32-byte database key for a file is deposited in the
// SqlCipherKeyRing (locked memory) before QSqlDatabase::open(); every connection to that file, including those
// made with QSqlDatabase::cloneDatabase() in worker threads, takes it from there.
//
// Connect options (QSqlDatabase::setConnectOptions, ';'-separated):
//   QSQLCIPHER_NO_CREATE        fail instead of creating a missing file
//   QSQLCIPHER_OPEN_READONLY    open read-only
//   QSQLCIPHER_BUSY_TIMEOUT=ms  busy timeout (default 5000)
//   QSQLCIPHER_PLAINTEXT        no key at all (only for tests that need an unencrypted file)
class SqlCipherDriver : public QSqlDriver
{
    Q_OBJECT
public:
    static constexpr const char* DriverName = "QSQLCIPHER";
    // SQLCipher 3.4.1 does not store its page size in the file: it must be set on every open, right after the key.
    static constexpr int CipherPageSize = 4096;

    explicit SqlCipherDriver(QObject* parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString& db, const QString& user, const QString& password, const QString& host, int port,
              const QString& connOpts) override;
    void close() override;
    QSqlResult* createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString& tableName) const override;
    QSqlIndex primaryIndex(const QString& tableName) const override;
    QString formatValue(const QSqlField& field, bool trimStrings = false) const override;
    QString escapeIdentifier(const QString& identifier, IdentifierType type) const override;
    bool isIdentifierEscaped(const QString& identifier, IdentifierType type) const override;
    // The field type of a declared column type, as QSQLITE maps it (integer/int: Int, bool/boolean: Bool, …).
    static QMetaType fieldTypeOf(const QString& declaredType);
    QVariant handle() const override;

    // Runs a script of several statements (migrations). Statements with placeholders are not allowed here.
    bool executeScript(const QString& sql, QSqlError* error = nullptr);
    // Rotates the key of the open database to newKey (PRAGMA rekey with a raw key) and updates the key ring.
    bool rekey(const SecureBytes& newKey, QSqlError* error = nullptr);
    // The SQLCipher version reported by PRAGMA cipher_version, and sqlite_version(); empty when closed.
    QString cipherVersion() const;
    QString sqliteVersion() const;

    // Registers QSQLCIPHER with QSqlDatabase (idempotent).
    static void registerDriver();

    // Prepared statements kept for reuse: a QSqlQuery that prepares a statement this connection prepared before (the
    // same text, byte for byte) takes the compiled statement back instead of compiling it again (SQLite compiles every
    // trigger and index an UPDATE touches into it, which costs more than running it). Only SELECT, INSERT, UPDATE and
    // WITH statements are kept, at most StatementCacheSize of them; a statement that changes the schema empties the
    // cache (a kept statement would be compiled again anyway: sqlite3_prepare_v2 recompiles on a schema change).
    static constexpr int StatementCacheSize = 96;
    int cachedStatements() const { return int(m_idle.size()); }
    void clearStatementCache();

private:
    struct IdleStatement
    {
        QByteArray sql;
        size_t hash = 0;
        sqlite3_stmt* stmt = nullptr;
        QSqlRecord record;
        QList<QMetaType> types;
        int columns = 0;
    };
    // Takes a kept statement of exactly this text out of the cache (false if there is none).
    bool takeStatement(const QByteArray& sql, IdleStatement* out);
    // Keeps a statement that its query no longer needs (reset, bindings cleared), or finalizes it.
    void keepStatement(IdleStatement&& idle);

    // PRAGMA [schema.]table_info(table) for a table name that may carry a schema.
    QString tableInfoSql(const QString& tableName) const;
    friend class SqlCipherResult;
    void failOpen(const QString& text, int code, QSqlError::ErrorType type = QSqlError::ConnectionError);

    sqlite3* m_db = nullptr;
    QList<SqlCipherResult*> m_results;
    QList<IdleStatement> m_idle; // least recently kept first
};

// Process-wide holder of database keys, by canonical file path, in locked memory.
class SqlCipherKeyRing
{
public:
    static void setKey(const QString& databasePath, const SecureBytes& key);
    static bool hasKey(const QString& databasePath);
    static void removeKey(const QString& databasePath);
    static void clear();
    // The key for a path as the hex literal x'…' SQLCipher takes for a raw key; empty if none.
    static SecureBytes rawKeyLiteral(const QString& databasePath);
};
