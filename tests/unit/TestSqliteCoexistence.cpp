// SQLCipher's sqlite3_* symbols are linked privately: Qt's QSQLITE plugin, loaded into the same process, keeps
// using the system SQLite, and our driver keeps using SQLCipher. Each is checked by what it answers.
#include "storage/SecureBytes.h"
#include "storage/SqlCipherDriver.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>

class TestSqliteCoexistence : public QObject
{
    Q_OBJECT

private slots:
    void bothDriversInOneProcess()
    {
        SqlCipherDriver::registerDriver();
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")),
                 "Qt's QSQLITE plugin (libqt6sql6-sqlite) is installed by installer/dev.sh");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        const QString plainPath = dir.filePath(QStringLiteral("plain.db"));
        QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        plain.setDatabaseName(plainPath);
        QVERIFY2(plain.open(), qPrintable(plain.lastError().text()));

        const QString cipherPath = dir.filePath(QStringLiteral("cipher.db"));
        SqlCipherKeyRing::setKey(cipherPath, SecureBytes::random(32));
        QSqlDatabase cipher = QSqlDatabase::addDatabase(QStringLiteral("QSQLCIPHER"), QStringLiteral("cipher"));
        cipher.setDatabaseName(cipherPath);
        QVERIFY2(cipher.open(), qPrintable(cipher.lastError().text()));

        // Interleave work on both.
        QSqlQuery p(plain);
        QSqlQuery c(cipher);
        QVERIFY(p.exec(QStringLiteral("CREATE TABLE t (v TEXT)")));
        QVERIFY(c.exec(QStringLiteral("CREATE TABLE t (v TEXT)")));
        QVERIFY(p.exec(QStringLiteral("INSERT INTO t VALUES ('plain text row')")));
        QVERIFY(c.exec(QStringLiteral("INSERT INTO t VALUES ('cipher text row')")));

        QVERIFY(p.exec(QStringLiteral("SELECT sqlite_version()")) && p.next());
        const QString plainVersion = p.value(0).toString();
        QVERIFY(c.exec(QStringLiteral("SELECT sqlite_version()")) && c.next());
        const QString cipherVersion = c.value(0).toString();
        QCOMPARE(cipherVersion, QStringLiteral("3.15.2"));
        QVERIFY2(plainVersion != cipherVersion, qPrintable(plainVersion));

        // The system SQLite knows nothing of SQLCipher.
        QVERIFY(p.exec(QStringLiteral("PRAGMA cipher_version")));
        QVERIFY(!p.next());
        QVERIFY(c.exec(QStringLiteral("PRAGMA cipher_version")) && c.next());
        QCOMPARE(c.value(0).toString(), QStringLiteral("3.4.1"));

        plain.close();
        cipher.close();
        QFile plainFile(plainPath);
        QVERIFY(plainFile.open(QIODevice::ReadOnly));
        QVERIFY(plainFile.read(15) == "SQLite format 3");
        QFile cipherFile(cipherPath);
        QVERIFY(cipherFile.open(QIODevice::ReadOnly));
        QVERIFY(cipherFile.read(15) != "SQLite format 3");

        // Our executable exports no sqlite3_* symbol for a plugin to bind to.
        void* self = dlopen(nullptr, RTLD_NOW);
        QVERIFY(self);
        void* exported = dlsym(self, "sqlite3_key");
        dlclose(self);
        QVERIFY(exported == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestSqliteCoexistence)
#include "TestSqliteCoexistence.moc"
