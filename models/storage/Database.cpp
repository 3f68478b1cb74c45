#include "Database.h"

#include "RowSeals.h"

#include "SqlCipherDriver.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Database {

namespace {

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// SQLite's primary result code from a driver error (the driver reports extended codes).
int primaryCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

constexpr int SqliteCorrupt = 11;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteIoErr = 10;
constexpr int SqliteMisuse = 21;
constexpr int SqliteNotADb = 26;

OpenResult failure(OpenFailure kind, const QString& message)
{
    OpenResult result;
    result.failure = kind;
    result.message = message;
    return result;
}

OpenResult failureFromOpenError(const QString& path, const QSqlError& error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (primaryCode(error)) {
    case SqliteNotADb:
        return failure(OpenFailure::NotDatabase,
                       QCoreApplication::translate(
                           "Database",
                           "The database file %1 cannot be read with this key: it is damaged, truncated, or not an "
                           "xmcredit database.")
                           .arg(nativePath(path)));
    case SqliteCorrupt:
    case SqliteIoErr:
        return failure(OpenFailure::Corrupt,
                       QCoreApplication::translate("Database", "The database file %1 is damaged (%2).")
                           .arg(nativePath(path), detail));
    case SqliteCantOpen:
        if (!QFileInfo::exists(path))
            return failure(
                OpenFailure::Missing,
                QCoreApplication::translate("Database", "The database file %1 does not exist.").arg(nativePath(path)));
        break;
    case SqliteMisuse:
        if (detail.contains(QLatin1String("cipher_version")))
            return failure(OpenFailure::NotSqlCipher,
                           QCoreApplication::translate(
                               "Database",
                               "The SQLite library in use is not SQLCipher, so the encrypted database cannot be "
                               "opened."));
        break;
    default:
        break;
    }
    return failure(OpenFailure::Other,
                   QCoreApplication::translate("Database", "The database file %1 could not be opened: %2")
                       .arg(nativePath(path), detail));
}

OpenResult schemaTooNew(const QSqlDatabase& db, int version)
{
    return failure(OpenFailure::SchemaTooNew,
                   QCoreApplication::translate(
                       "Database",
                       "The database %1 was written by a newer version of xmcredit (schema version %2; this program "
                       "knows versions up to %3). Install the newer program to open it.")
                       .arg(nativePath(db.databaseName()))
                       .arg(version)
                       .arg(programSchemaVersion()));
}

// Migration files are hashed with normalised line ends, so that a checkout with CRLF line ends gives the same
// checksum as one with LF.
QString checksumOf(const QByteArray& script)
{
    QByteArray normalised = script;
    normalised.replace("\r\n", "\n");
    return QString::fromLatin1(QCryptographicHash::hash(normalised, QCryptographicHash::Sha256).toHex());
}

bool tableExists(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.addBindValue(table);
    return query.exec() && query.next() && query.value(0).toInt() > 0;
}

struct AppliedMigration
{
    QString name;
    QString checksum;
};

bool readApplied(const QSqlDatabase& db, QMap<int, AppliedMigration>* applied, QString* error)
{
    applied->clear();
    if (!tableExists(db, QStringLiteral("schema_migrations")))
        return true;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT version, name, checksum FROM schema_migrations ORDER BY version"))) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next())
        applied->insert(query.value(0).toInt(), {query.value(1).toString(), query.value(2).toString()});
    return true;
}

bool runScript(QSqlDatabase& db, const QString& sql, QString* error)
{
    auto* driver = qobject_cast<SqlCipherDriver*>(db.driver());
    if (!driver) {
        *error = QCoreApplication::translate("Database", "The connection does not use the QSQLCIPHER driver.");
        return false;
    }
    QSqlError sqlError;
    if (!driver->executeScript(sql, &sqlError)) {
        *error = sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText();
        return false;
    }
    return true;
}

} // namespace

QList<Migration> programMigrations()
{
    static const QList<Migration> migrations = [] {
        QList<Migration> list;
        const QDir dir(QStringLiteral(":/xmcredit/migrations"));
        static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"));
        const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        for (const QString& file : files) {
            const QRegularExpressionMatch match = pattern.match(file);
            if (!match.hasMatch()) {
                qWarning("Ignoring migration file with an unexpected name: %s", qPrintable(file));
                continue;
            }
            list.append({match.captured(1).toInt(), match.captured(2), dir.filePath(file)});
        }
        std::sort(list.begin(), list.end(),
                  [](const Migration& a, const Migration& b) { return a.version < b.version; });
        return list;
    }();
    return migrations;
}

int programSchemaVersion()
{
    const QList<Migration> migrations = programMigrations();
    return migrations.isEmpty() ? 0 : migrations.constLast().version;
}

int schemaVersion(const QSqlDatabase& db)
{
    if (!tableExists(db, QStringLiteral("schema_migrations")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

QString metaValue(const QSqlDatabase& db, const QString& key)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

OpenResult migrate(QSqlDatabase& db)
{
    QString error;
    QMap<int, AppliedMigration> applied;
    if (!readApplied(db, &applied, &error))
        return failure(OpenFailure::MigrationFailed,
                       QCoreApplication::translate("Database", "The schema version of %1 could not be read: %2")
                           .arg(nativePath(db.databaseName()), error));
    if (!applied.isEmpty() && applied.lastKey() > programSchemaVersion())
        return schemaTooNew(db, applied.lastKey());

    const QList<Migration> migrations = programMigrations();
    bool pending = false;
    for (const Migration& migration : migrations)
        pending = pending || !applied.contains(migration.version);
    // IMMEDIATE: take the write lock before reading what is applied, so that two processes opening the same
    // file at once do not both apply a migration.
    if (pending && !runScript(db, QStringLiteral("BEGIN IMMEDIATE"), &error))
        return failure(
            OpenFailure::MigrationFailed,
            QCoreApplication::translate("Database", "The database %1 could not be locked for its migrations: %2")
                .arg(nativePath(db.databaseName()), error));
    auto fail = [&](const QString& message) {
        if (pending)
            runScript(db, QStringLiteral("ROLLBACK"), &error);
        return failure(OpenFailure::MigrationFailed, message);
    };
    if (pending && !readApplied(db, &applied, &error))
        return fail(QCoreApplication::translate("Database", "The schema version of %1 could not be read: %2")
                        .arg(nativePath(db.databaseName()), error));

    // The scripts already applied must be the ones this program ships: a changed script means the schema may not
    // be what the code expects, which would fail later in confusing ways.
    for (const Migration& migration : migrations) {
        const auto it = applied.constFind(migration.version);
        if (it == applied.constEnd())
            continue;
        QFile file(migration.resourcePath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                QCoreApplication::translate("Database", "Migration %1 cannot be read from the program's resources.")
                    .arg(migration.version));
        if (checksumOf(file.readAll()) != it->checksum)
            return fail(QCoreApplication::translate(
                            "Database",
                            "Migration %1 (%2) of the database %3 differs from the one this program ships; the "
                            "database was made by a different build of xmcredit.")
                            .arg(migration.version)
                            .arg(migration.name, nativePath(db.databaseName())));
    }
    if (!pending)
        return {};

    if (!runScript(db,
                   QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                  " version INTEGER PRIMARY KEY,"
                                  " name TEXT NOT NULL,"
                                  " applied_at TEXT NOT NULL,"
                                  " checksum TEXT NOT NULL)"),
                   &error))
        return fail(
            QCoreApplication::translate("Database", "The schema version table could not be created: %1").arg(error));

    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const Migration& migration : migrations) {
        if (applied.contains(migration.version))
            continue;
        QFile file(migration.resourcePath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                QCoreApplication::translate("Database", "Migration %1 cannot be read from the program's resources.")
                    .arg(migration.version));
        const QByteArray script = file.readAll();
        if (!runScript(db, QString::fromUtf8(script), &error))
            return fail(QCoreApplication::translate(
                            "Database", "Migration %1 (%2) could not be applied: %3. The database was left unchanged.")
                            .arg(migration.version)
                            .arg(migration.name, error));
        QSqlQuery record(db);
        record.prepare(
            QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(migration.name);
        record.addBindValue(now);
        record.addBindValue(checksumOf(script));
        if (!record.exec())
            return fail(QCoreApplication::translate(
                            "Database", "Migration %1 (%2) could not be recorded: %3. The database was left unchanged.")
                            .arg(migration.version)
                            .arg(migration.name, record.lastError().text()));
    }
    // The seal triggers follow the tables' columns, which the scripts may have changed.
    if (tableExists(db, QStringLiteral("table_seals")) && !RowSeals::install(db, &error))
        return fail(QCoreApplication::translate(
                        "Database", "The row seals could not be set up: %1. The database was left unchanged.")
                        .arg(error));
    if (!runScript(db, QStringLiteral("COMMIT"), &error))
        return fail(QCoreApplication::translate(
                        "Database", "The migrations could not be committed: %1. The database was left unchanged.")
                        .arg(error));
    return {};
}

OpenResult open(const QString& path, const QString& connectionName, OpenMode mode)
{
    SqlCipherDriver::registerDriver();
    const bool existed = QFileInfo::exists(path);
    if (!existed && mode != OpenMode::CreateIfMissing)
        return failure(
            OpenFailure::Missing,
            QCoreApplication::translate("Database", "The database file %1 does not exist.").arg(nativePath(path)));
    if (QSqlDatabase::contains(connectionName))
        return failure(OpenFailure::Other,
                       QCoreApplication::translate("Database", "A database connection named %1 is already open.")
                           .arg(connectionName));

    OpenResult result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), connectionName);
        db.setDatabaseName(path);
        if (mode != OpenMode::CreateIfMissing)
            db.setConnectOptions(QStringLiteral("QSQLCIPHER_NO_CREATE"));
        if (!db.open()) {
            result = failureFromOpenError(path, db.lastError());
        } else if (mode == OpenMode::Inspect) {
            QMap<int, AppliedMigration> applied;
            QString error;
            if (!readApplied(db, &applied, &error))
                result = failure(OpenFailure::Corrupt,
                                 QCoreApplication::translate("Database", "The database file %1 is damaged (%2).")
                                     .arg(nativePath(path), error));
            else if (!applied.isEmpty() && applied.lastKey() > programSchemaVersion())
                result = schemaTooNew(db, applied.lastKey());
        } else {
            result = migrate(db);
        }
        if (!result.ok())
            db.close();
    }
    if (!result.ok()) {
        QSqlDatabase::removeDatabase(connectionName);
        if (!existed) {
            // We created the file: leave the directory as it was.
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(path + QLatin1String(suffix));
        }
    }
    return result;
}

void close(const QString& connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace Database
