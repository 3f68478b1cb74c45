#include "TestDatabase.h"

#include "storage/Database.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

// Versioned migrations: applied once, in one transaction, recorded with their checksums; a newer database is
// refused and left byte-for-byte unchanged; open() tells a missing file, a wrong key and garbage apart.
class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void programKnowsFoundation();
    void freshDatabaseMigratedAndRecorded();
    void reopenAppliesNothing();
    void failedMigrationRollsBackEverything();
    void tooNewRefusedAndUnchanged();
    void changedMigrationRefused();
    void missingFileNotCreated();
    void wrongKeyRefusedAndUnchanged();
    void garbageFileRefused();
    void inspectDoesNotMigrate();
};

void TestMigrations::programKnowsFoundation()
{
    const QList<Database::Migration> migrations = Database::programMigrations();
    QVERIFY(!migrations.isEmpty());
    QCOMPARE(migrations.first().version, 1);
    QCOMPARE(migrations.first().name, QStringLiteral("foundation"));
    for (int i = 1; i < migrations.size(); ++i)
        QVERIFY(migrations[i].version > migrations[i - 1].version);
    QCOMPARE(Database::programSchemaVersion(), migrations.last().version);
}

void TestMigrations::freshDatabaseMigratedAndRecorded()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isValid(), qPrintable(tdb.errorString()));
    const QSqlDatabase db = tdb.database();
    QCOMPARE(Database::schemaVersion(db), Database::programSchemaVersion());
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SELECT version, name, applied_at, checksum FROM schema_migrations "
                                      "ORDER BY version")));
    const QList<Database::Migration> migrations = Database::programMigrations();
    int i = 0;
    while (query.next()) {
        QVERIFY(i < migrations.size());
        QCOMPARE(query.value(0).toInt(), migrations[i].version);
        QCOMPARE(query.value(1).toString(), migrations[i].name);
        QVERIFY(QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs).isValid());
        QFile file(migrations[i].resourcePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(query.value(3).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
        ++i;
    }
    QCOMPARE(i, migrations.size());
    // Not user_version: the schema table is the record.
    QCOMPARE(tdb.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 0);
    for (const char* table : {"meta", "staff", "audit_log", "schema_migrations"})
        QVERIFY2(db.tables().contains(QLatin1String(table)), table);
}

void TestMigrations::reopenAppliesNothing()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    const QString before = tdb.scalar(QStringLiteral("SELECT group_concat(version || applied_at) FROM "
                                                     "schema_migrations"))
                               .toString();
    QTest::qWait(5);
    QVERIFY2(tdb.reopen(), qPrintable(tdb.errorString()));
    QVERIFY2(tdb.reopen(), qPrintable(tdb.errorString()));
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT group_concat(version || applied_at) FROM schema_migrations")).toString(),
             before);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM schema_migrations")).toInt(),
             Database::programMigrations().size());
}

void TestMigrations::failedMigrationRollsBackEverything()
{
    TestDatabase tdb(false);
    QVERIFY2(tdb.isValid(), qPrintable(tdb.errorString()));
    // A table in the way of the foundation migration's later statements makes it fail half way.
    QVERIFY(tdb.exec(QStringLiteral("CREATE TABLE audit_log (x INTEGER)")));
    QSqlDatabase db = tdb.database();
    const Database::OpenResult result = Database::migrate(db);
    QCOMPARE(result.failure, Database::OpenFailure::MigrationFailed);
    QVERIFY(result.message.contains(QStringLiteral("foundation")));
    const QStringList tables = db.tables();
    QVERIFY2(!tables.contains(QStringLiteral("meta")), qPrintable(tables.join(QLatin1Char(','))));
    QVERIFY(!tables.contains(QStringLiteral("staff")));
    QVERIFY(!tables.contains(QStringLiteral("schema_migrations")));
    QCOMPARE(Database::schemaVersion(db), 0);
}

void TestMigrations::tooNewRefusedAndUnchanged()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    QVERIFY(tdb.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (9999, 'future', "
                                    "'2030-01-01T00:00:00.000Z', 'x')")));
    tdb.close();
    const auto before = TestFiles::digests(tdb.directory());
    for (Database::OpenMode mode : {Database::OpenMode::Existing, Database::OpenMode::Inspect}) {
        const Database::OpenResult result = Database::open(tdb.path(), QStringLiteral("too-new"), mode);
        QCOMPARE(result.failure, Database::OpenFailure::SchemaTooNew);
        QVERIFY2(result.message.contains(QStringLiteral("9999")), qPrintable(result.message));
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("too-new")));
    }
    const auto after = TestFiles::digests(tdb.directory());
    QVERIFY2(before == after, qPrintable(TestFiles::describeDifference(before, after)));
}

void TestMigrations::changedMigrationRefused()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    // The guard refuses the change; whoever drops it still finds the migration checked at the next open.
    QVERIFY(!tdb.exec(QStringLiteral("UPDATE schema_migrations SET checksum = 'changed' WHERE version = 1")));
    QVERIFY(tdb.exec(QStringLiteral("DROP TRIGGER schema_migrations_no_update; "
                                    "UPDATE schema_migrations SET checksum = 'changed' WHERE version = 1")));
    tdb.close();
    const auto before = TestFiles::digests(tdb.directory());
    QVERIFY(!tdb.reopen());
    QVERIFY2(tdb.errorString().contains(QStringLiteral("differs")), qPrintable(tdb.errorString()));
    const auto after = TestFiles::digests(tdb.directory());
    QVERIFY2(before == after, qPrintable(TestFiles::describeDifference(before, after)));
}

void TestMigrations::missingFileNotCreated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.db"));
    SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
    for (Database::OpenMode mode : {Database::OpenMode::Existing, Database::OpenMode::Inspect}) {
        const Database::OpenResult result = Database::open(path, QStringLiteral("absent"), mode);
        QCOMPARE(result.failure, Database::OpenFailure::Missing);
        QVERIFY(!QFile::exists(path));
    }
    QVERIFY(QDir(dir.path()).isEmpty());
    SqlCipherKeyRing::removeKey(path);
}

void TestMigrations::wrongKeyRefusedAndUnchanged()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    tdb.close();
    const auto before = TestFiles::digests(tdb.directory());
    SqlCipherKeyRing::setKey(tdb.path(), SecureBytes::random(32));
    const Database::OpenResult result = Database::open(tdb.path(), QStringLiteral("wrong-key"));
    QCOMPARE(result.failure, Database::OpenFailure::NotDatabase);
    QVERIFY(!result.message.isEmpty());
    const auto after = TestFiles::digests(tdb.directory());
    QVERIFY2(before == after, qPrintable(TestFiles::describeDifference(before, after)));
    QVERIFY(tdb.reopen()); // puts the right key back
}

void TestMigrations::garbageFileRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray junk(8192, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 7919) & 0xff);
    file.write(junk);
    file.close();
    SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
    const Database::OpenResult result = Database::open(path, QStringLiteral("garbage"));
    QCOMPARE(result.failure, Database::OpenFailure::NotDatabase);
    QVERIFY(QFile::exists(path));
    QCOMPARE(QFileInfo(path).size(), 8192);
    SqlCipherKeyRing::removeKey(path);
}

void TestMigrations::inspectDoesNotMigrate()
{
    TestDatabase tdb(false);
    QVERIFY(tdb.isValid());
    QVERIFY(tdb.exec(QStringLiteral("CREATE TABLE t (x)")));
    tdb.close();
    const Database::OpenResult result =
        Database::open(tdb.path(), QStringLiteral("inspect"), Database::OpenMode::Inspect);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(Database::schemaVersion(QSqlDatabase::database(QStringLiteral("inspect"), false)), 0);
    Database::close(QStringLiteral("inspect"));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
