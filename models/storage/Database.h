#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

// Opening, migrating and closing the workstation's encrypted database.
// The key for the file must be in SqlCipherKeyRing before open().
namespace Database {

enum class OpenMode {
    Existing, // the file must exist (a missing file is an error, nothing is created)
    CreateIfMissing,
    Inspect, // the file must exist; nothing is migrated or written (schema too new is still refused)
};

enum class OpenFailure {
    None,
    Missing,      // no such file
    NotDatabase,  // wrong key, truncated, corrupted, or not an SQLCipher file: SQLite's SQLITE_NOTADB
    Corrupt,      // SQLITE_CORRUPT
    NotSqlCipher, // PRAGMA cipher_version did not answer
    SchemaTooNew, // written by a newer program
    MigrationFailed,
    Other,
};

struct OpenResult
{
    OpenFailure failure = OpenFailure::None;
    QString message; // translated, ready to show
    bool ok() const { return failure == OpenFailure::None; }
};

// Opens the database at path as a QSQLCIPHER connection named connectionName in the calling thread, applies
// pending migrations in one transaction, and returns the outcome. On failure the connection is removed and the
// file is left exactly as it was.
OpenResult open(const QString& path, const QString& connectionName, OpenMode mode = OpenMode::Existing);

// Applies the migrations in :/xmcredit/migrations (NNNN_name.sql, ascending) that are not yet recorded in the
// schema_migrations table, all in one transaction.
OpenResult migrate(QSqlDatabase& db);

// The highest migration this program knows, and the one recorded in db (0 for a fresh file).
int programSchemaVersion();
int schemaVersion(const QSqlDatabase& db);

// Closes and removes the connection.
void close(const QString& connectionName);

// The migrations shipped in the program: version, name ("foundation") and resource path, ascending.
struct Migration
{
    int version = 0;
    QString name;
    QString resourcePath;
};
QList<Migration> programMigrations();

// Reads meta.value for key (the meta table holds workstation_id, workstation_name, created_at, audit head …).
QString metaValue(const QSqlDatabase& db, const QString& key);

} // namespace Database
