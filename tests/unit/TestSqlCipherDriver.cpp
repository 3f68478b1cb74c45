// Conformance of the QSQLCIPHER driver: what Qt's SQL classes expect of a driver, over an encrypted file.
#include "storage/PreparedStatement.h"
#include "storage/SecureBytes.h"
#include "storage/SqlCipherDriver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QSqlRecord>
#include <QSqlTableModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <limits>

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_connections = 0;

    QSqlDatabase openDb(const QString& path, const QString& options = QString())
    {
        const QString name = QStringLiteral("c%1").arg(++m_connections);
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), name);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
        db.open();
        return db;
    }

    static QByteArray fileSha(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

private slots:
    void initTestCase()
    {
        SqlCipherDriver::registerDriver();
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("conformance.db"));
        SqlCipherKeyRing::setKey(m_path, SecureBytes::random(32));
        QSqlDatabase db = openDb(m_path);
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, d REAL, s TEXT, b BLOB, "
                                      "flag BOOLEAN)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)")));
        QVERIFY(db.transaction());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO big (name, n) VALUES (?, ?)")));
        for (int i = 0; i < 1500; ++i) {
            q.addBindValue(QStringLiteral("名字%1").arg(i, 4, 10, QLatin1Char('0')));
            q.addBindValue(i);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());
    }

    void cipherAndSqliteVersions()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        auto* driver = qobject_cast<SqlCipherDriver*>(db.driver());
        QVERIFY(driver);
        QCOMPARE(driver->cipherVersion(), QStringLiteral("3.4.1"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("3.15.2"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QVariant>("expected");
        const QByteArray blob("\x00\x01\x02\x00\xff\xfe\x00", 7);
        QTest::newRow("int64 max") << "i" << QVariant(std::numeric_limits<qint64>::max())
                                   << QVariant(std::numeric_limits<qint64>::max());
        QTest::newRow("int64 min") << "i" << QVariant(std::numeric_limits<qint64>::min())
                                   << QVariant(std::numeric_limits<qint64>::min());
        QTest::newRow("int") << "i" << QVariant(42) << QVariant(qlonglong(42));
        QTest::newRow("double") << "d" << QVariant(3.141592653589793) << QVariant(3.141592653589793);
        QTest::newRow("negative double") << "d" << QVariant(-1.5e-300) << QVariant(-1.5e-300);
        QTest::newRow("chinese") << "s" << QVariant(QStringLiteral("厦门市公共信用信息中心"))
                                 << QVariant(QStringLiteral("厦门市公共信用信息中心"));
        QTest::newRow("emoji") << "s" << QVariant(QStringLiteral("信用 \U0001F600 ok"))
                               << QVariant(QStringLiteral("信用 \U0001F600 ok"));
        QTest::newRow("empty string is not null")
            << "s" << QVariant(QString(QLatin1String(""))) << QVariant(QString(QLatin1String("")));
        QTest::newRow("blob with NULs") << "b" << QVariant(blob) << QVariant(blob);
        QTest::newRow("bool") << "flag" << QVariant(true) << QVariant(qlonglong(1));
    }

    void roundTrip()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(QVariant, expected);
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (%1) VALUES (:v)").arg(column)));
        q.bindValue(QStringLiteral(":v"), value);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        const QVariant id = q.lastInsertId();
        QVERIFY(id.isValid());
        QVERIFY(q.prepare(QStringLiteral("SELECT %1 FROM t WHERE id = ?").arg(column)));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).isNull(), false);
        QCOMPARE(q.value(0).metaType(), expected.metaType());
        QCOMPARE(q.value(0), expected);
    }

    void nullsAreTyped_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<int>("expectedType");
        // Field types as QSQLITE gives them: INTEGER is Int, BOOLEAN Bool (values read are qlonglong, as there).
        QTest::newRow("invalid variant, integer column") << "i" << QVariant() << int(QMetaType::Int);
        QTest::newRow("typed null int") << "i" << QVariant(QMetaType::fromType<int>()) << int(QMetaType::Int);
        QTest::newRow("null QString, text column") << "s" << QVariant(QString()) << int(QMetaType::QString);
        QTest::newRow("null QByteArray, blob column") << "b" << QVariant(QByteArray()) << int(QMetaType::QByteArray);
        QTest::newRow("null QDate") << "s" << QVariant(QDate()) << int(QMetaType::QString);
        QTest::newRow("invalid QDateTime") << "s" << QVariant(QDateTime()) << int(QMetaType::QString);
        QTest::newRow("null double") << "d" << QVariant(QMetaType::fromType<double>()) << int(QMetaType::Double);
        QTest::newRow("null boolean") << "flag" << QVariant(QMetaType::fromType<bool>()) << int(QMetaType::Bool);
    }

    void nullsAreTyped()
    {
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(int, expectedType);
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (%1) VALUES (?)").arg(column)));
        q.addBindValue(value);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        const QVariant id = q.lastInsertId();
        QVERIFY(q.prepare(QStringLiteral("SELECT %1, typeof(%1) FROM t WHERE id = ?").arg(column)));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(1).toString(), QStringLiteral("null"));
        QVERIFY(q.value(0).isNull());
        QCOMPARE(q.value(0).metaType().id(), expectedType);
        QCOMPARE(q.record().field(0).metaType().id(), expectedType);
    }

    void namedPlaceholderUsedTwice()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT count(*) FROM big WHERE n >= :x AND n < :x + :span")));
        q.bindValue(QStringLiteral(":x"), 100);
        q.bindValue(QStringLiteral(":span"), 10);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 10);
        // Rebinding and re-executing the same prepared statement.
        q.bindValue(QStringLiteral(":x"), 1495);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), 5);
    }

    void positionalPlaceholders()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT name FROM big WHERE n = ? OR n = ? ORDER BY n")));
        q.bindValue(0, 7);
        q.bindValue(1, 9);
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("名字0007"));
        QVERIFY(q.next());
        QCOMPARE(q.value(QStringLiteral("name")).toString(), QStringLiteral("名字0009"));
        QVERIFY(!q.next());
    }

    void parameterCountMismatchIsAnError()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT ? + ?")));
        q.addBindValue(1);
        QVERIFY(!q.exec());
        QVERIFY(q.lastError().isValid());
    }

    void transactions()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        auto count = [&] {
            QSqlQuery c(db);
            c.exec(QStringLiteral("SELECT count(*) FROM t WHERE s = 'tx'"));
            c.next();
            return c.value(0).toInt();
        };
        QVERIFY(db.transaction());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (s) VALUES ('tx')")));
        QVERIFY(db.rollback());
        QCOMPARE(count(), 0);
        QVERIFY(db.transaction());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (s) VALUES ('tx')")));
        QVERIFY(db.commit());
        QCOMPARE(count(), 1);
        QVERIFY(!db.commit()); // nothing to commit: an error, not a crash
    }

    void lastInsertIdAndRowsAffected()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (id, s) VALUES (900000, 'explicit id')")));
        QCOMPARE(q.lastInsertId().toLongLong(), 900000);
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.exec(QStringLiteral("UPDATE big SET n = n WHERE n < 10")));
        QCOMPARE(q.numRowsAffected(), 10);
        QVERIFY(q.exec(QStringLiteral("SELECT 1")));
        QVERIFY(!q.lastInsertId().isValid());
    }

    void rowCountsAndInsertIdsAreThisStatements()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (s) VALUES ('before ddl')")));
        QVERIFY(q.lastInsertId().isValid());
        // DDL does not reset sqlite3_changes(): the driver must not report the previous INSERT's figures.
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE wr (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(!q.lastInsertId().isValid());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO wr VALUES ('a', 'b')")));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.exec(QStringLiteral("UPDATE wr SET v = 'c'")));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(!q.lastInsertId().isValid());
        // A new row whose id equals the previous insert's id (in another table) still reports it.
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE one (id INTEGER PRIMARY KEY)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE two (id INTEGER PRIMARY KEY)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO one DEFAULT VALUES")));
        QCOMPARE(q.lastInsertId().toLongLong(), 1);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO two DEFAULT VALUES")));
        QCOMPARE(q.lastInsertId().toLongLong(), 1);
        QVERIFY(q.exec(QStringLiteral("DROP TABLE one")));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE two")));
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM wr")));
        QCOMPARE(q.numRowsAffected(), -1);
        QVERIFY(q.exec(QStringLiteral("DROP TABLE wr")));
    }

    void emptyBlobStaysABlob()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (b) VALUES (X'')")));
        const QVariant id = q.lastInsertId();
        QVERIFY(q.prepare(QStringLiteral("SELECT b FROM t WHERE id = ?")));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        const QVariant empty = q.value(0);
        QVERIFY(!empty.isNull());
        QCOMPARE(empty.toByteArray().size(), 0);
        // Written back, it is still an empty blob and not NULL.
        QVERIFY(q.prepare(QStringLiteral("SELECT typeof(?)")));
        q.addBindValue(empty);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("blob"));
    }

    void trailingCommentIsNotASecondStatement()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("SELECT 41 + 1; -- the answer")), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 42);
    }

    void statementErrorCarriesSqliteCode()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(!q.exec(QStringLiteral("SELEKT nonsense")));
        QCOMPARE(q.lastError().type(), QSqlError::StatementError);
        QCOMPARE(q.lastError().nativeErrorCode().toInt() & 0xff, 1); // SQLITE_ERROR
        QVERIFY(q.lastError().databaseText().contains(QLatin1String("syntax error")));

        QVERIFY(!q.exec(QStringLiteral("INSERT INTO t (id) VALUES (900000)")));
        QCOMPARE(q.lastError().nativeErrorCode().toInt() & 0xff, 19); // SQLITE_CONSTRAINT
        QCOMPARE(q.lastError().nativeErrorCode().toInt(), 1555);      // SQLITE_CONSTRAINT_PRIMARYKEY

        QVERIFY(!q.exec(QStringLiteral("SELECT 1; SELECT 2")));
        QVERIFY(q.lastError().isValid());
    }

    void forwardOnlyAndScrollable()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery scroll(db);
        QVERIFY(scroll.exec(QStringLiteral("SELECT n FROM big ORDER BY n")));
        QVERIFY(scroll.seek(1000));
        QCOMPARE(scroll.value(0).toInt(), 1000);
        QVERIFY(scroll.seek(10));
        QCOMPARE(scroll.value(0).toInt(), 10);
        QVERIFY(scroll.previous());
        QCOMPARE(scroll.value(0).toInt(), 9);
        QVERIFY(scroll.last());
        QCOMPARE(scroll.value(0).toInt(), 1499);
        QCOMPARE(scroll.at(), 1499);
        QVERIFY(scroll.first());
        QCOMPARE(scroll.value(0).toInt(), 0);
        QVERIFY(!scroll.seek(1500));

        QSqlQuery forward(db);
        forward.setForwardOnly(true);
        QVERIFY(forward.exec(QStringLiteral("SELECT n FROM big ORDER BY n")));
        int seen = 0;
        while (forward.next()) {
            QCOMPARE(forward.value(0).toInt(), seen);
            ++seen;
        }
        QCOMPARE(seen, 1500);
        QVERIFY(!forward.seek(3));
    }

    void queryModelFetchesLazily()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQueryModel model;
        model.setQuery(QStringLiteral("SELECT id, name FROM big ORDER BY id"), db);
        QVERIFY(!model.lastError().isValid());
        QCOMPARE(model.rowCount(), 256);
        QVERIFY(model.canFetchMore());
        model.fetchMore();
        // Qt's prefetch moves the bottom row by 255 each time.
        QCOMPARE(model.rowCount(), 511);
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 1500);
        QCOMPARE(model.data(model.index(1499, 1)).toString(), QStringLiteral("名字1499"));
        QCOMPARE(model.data(model.index(3, 1)).toString(), QStringLiteral("名字0003"));
    }

    void tableModel_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::newRow("OnManualSubmit") << int(QSqlTableModel::OnManualSubmit);
        QTest::newRow("OnRowChange") << int(QSqlTableModel::OnRowChange);
    }

    void tableModel()
    {
        QFETCH(int, strategy);
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery setup(db);
        QVERIFY(setup.exec(QStringLiteral("DROP TABLE IF EXISTS tm")));
        QVERIFY(setup.exec(QStringLiteral("CREATE TABLE tm AS SELECT id, name, n FROM big")));
        QVERIFY(setup.exec(QStringLiteral("CREATE UNIQUE INDEX tm_id ON tm(id)")));
        // A real primary key so that the model can address rows.
        QVERIFY(setup.exec(QStringLiteral("DROP TABLE tm")));
        QVERIFY(setup.exec(QStringLiteral("CREATE TABLE tm (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)")));
        QVERIFY(setup.exec(QStringLiteral("INSERT INTO tm SELECT id, name, n FROM big")));

        QSqlTableModel model(nullptr, db);
        model.setTable(QStringLiteral("tm"));
        model.setEditStrategy(QSqlTableModel::EditStrategy(strategy));
        model.setSort(0, Qt::AscendingOrder);
        QVERIFY2(model.select(), qPrintable(model.lastError().text()));
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 1500);
        QSet<qlonglong> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.data(model.index(row, 0)).toLongLong());
        QCOMPARE(ids.size(), 1500); // no row seen twice

        // Edit
        QVERIFY(model.setData(model.index(700, 1), QStringLiteral("改过的名字")));
        if (strategy == QSqlTableModel::OnManualSubmit)
            QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
        else
            QVERIFY2(model.submit(), qPrintable(model.lastError().text()));
        // Insert
        const int newRow = model.rowCount();
        QVERIFY(model.insertRow(newRow));
        QVERIFY(model.setData(model.index(newRow, 1), QStringLiteral("新行")));
        QVERIFY(model.setData(model.index(newRow, 2), 5000));
        if (strategy == QSqlTableModel::OnManualSubmit)
            QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
        else
            QVERIFY2(model.submit(), qPrintable(model.lastError().text()));
        // Delete
        QVERIFY(model.removeRow(10));
        if (strategy == QSqlTableModel::OnManualSubmit)
            QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));

        QSqlQuery check(db);
        QVERIFY(check.exec(QStringLiteral("SELECT count(*), sum(name = '改过的名字'), sum(name = '新行') FROM tm")));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toInt(), 1500);
        QCOMPARE(check.value(1).toInt(), 1);
        QCOMPARE(check.value(2).toInt(), 1);

        // Reselected (OnRowChange keeps a blank row for a deleted one until then): still no duplicates.
        QVERIFY(model.select());
        while (model.canFetchMore())
            model.fetchMore();
        ids.clear();
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.data(model.index(row, 0)).toLongLong());
        QCOMPARE(ids.size(), model.rowCount());
        QCOMPARE(model.rowCount(), 1500);
    }

    void driverIntrospection()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QVERIFY(db.tables().contains(QStringLiteral("big")));
        const QSqlRecord rec = db.record(QStringLiteral("t"));
        QCOMPARE(rec.count(), 6);
        QCOMPARE(rec.field(QStringLiteral("b")).metaType().id(), int(QMetaType::QByteArray));
        QCOMPARE(db.primaryIndex(QStringLiteral("t")).fieldName(0), QStringLiteral("id"));
        QSqlField blob(QStringLiteral("b"), QMetaType::fromType<QByteArray>());
        blob.setValue(QByteArray("\x01\xab", 2));
        QCOMPARE(db.driver()->formatValue(blob), QStringLiteral("X'01ab'"));
    }

    void closeWithLiveQueries()
    {
        const QString path = m_dir.filePath(QStringLiteral("close.db"));
        SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
        QSqlDatabase db = openDb(path);
        QVERIFY(db.isOpen());
        QSqlQuery a(db);
        QVERIFY(a.exec(QStringLiteral("CREATE TABLE x (v)")));
        QVERIFY(a.exec(QStringLiteral("INSERT INTO x VALUES (1), (2), (3)")));
        QSqlQuery live(db);
        QVERIFY(live.exec(QStringLiteral("SELECT v FROM x")));
        QVERIFY(live.next());
        QSqlQuery prepared(db);
        QVERIFY(prepared.prepare(QStringLiteral("SELECT v FROM x WHERE v = ?")));
        db.close();
        QVERIFY(!db.isOpen());
        QVERIFY(!live.isActive());
        QVERIFY(!live.next());
        prepared.addBindValue(1);
        QVERIFY(!prepared.exec()); // an error, not a crash
        QVERIFY(db.open());
        QSqlQuery again(db);
        QVERIFY(again.exec(QStringLiteral("SELECT count(*) FROM x")) && again.next());
        QCOMPARE(again.value(0).toInt(), 3);
    }

    void encryptedAtRest()
    {
        const QString path = m_dir.filePath(QStringLiteral("at-rest.db"));
        SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
        QSqlDatabase db = openDb(path);
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        const QString marker = QStringLiteral("PLAINTEXT-MARKER-厦门-0123456789");
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE secret (v TEXT)")));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO secret VALUES (?)")));
        q.addBindValue(marker);
        QVERIFY(q.exec());
        // While the connection is open the row lives in the WAL; look there and in the main file.
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        for (const QString& file : {path, path + QStringLiteral("-wal")}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(marker.toUtf8()), qPrintable(file));
            QVERIFY2(!bytes.contains(QByteArrayLiteral("CREATE TABLE secret")), qPrintable(file));
        }
        db.close();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 0);
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains(marker.toUtf8()));
    }

    void wrongKeyIsRefusedAndFileUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("wrong-key.db"));
        SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
        {
            QSqlDatabase db = openDb(path);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE x (v)")));
            db.close();
        }
        const QByteArray before = fileSha(path);
        SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
        QSqlDatabase db = openDb(path, QStringLiteral("QSQLCIPHER_NO_CREATE"));
        QVERIFY(!db.isOpen());
        QCOMPARE(db.lastError().nativeErrorCode().toInt() & 0xff, 26); // SQLITE_NOTADB
        QVERIFY(!db.lastError().text().isEmpty());
        QCOMPARE(fileSha(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

        const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
        SqlCipherKeyRing::setKey(missing, SecureBytes::random(32));
        QSqlDatabase none = openDb(missing, QStringLiteral("QSQLCIPHER_NO_CREATE"));
        QVERIFY(!none.isOpen());
        QVERIFY(!QFile::exists(missing));

        QSqlDatabase noKey = openDb(m_dir.filePath(QStringLiteral("no-key.db")));
        QVERIFY(!noKey.isOpen());
    }

    void sqlcipherCommandLineOpensTheFile()
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("sqlcipher"));
        QVERIFY2(!tool.isEmpty(), "the sqlcipher tool is installed by installer/dev.sh");
        const QString path = m_dir.filePath(QStringLiteral("interop.db"));
        const SecureBytes key = SecureBytes::random(32);
        SqlCipherKeyRing::setKey(path, key);
        {
            QSqlDatabase db = openDb(path);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE hello (v TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO hello VALUES ('你好, sqlcipher')")));
            db.close();
        }
        const SecureBytes hex = key.toHex();
        const QByteArray script = "PRAGMA key = \"x'" +
                                  QByteArray(reinterpret_cast<const char*>(hex.data()), int(hex.size())) +
                                  "'\";\nPRAGMA cipher_page_size = 4096;\nSELECT v FROM hello;\n";
        QProcess p;
        p.start(tool, {path});
        QVERIFY(p.waitForStarted());
        p.write(script);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QStringLiteral("你好, sqlcipher"));
    }

    // The field types and identifier handling of Qt's own QSQLITE driver, which item models and Qt's SQL classes are
    // written against.
    void fieldTypesMatchQsqlite_data()
    {
        QTest::addColumn<QString>("declared");
        QTest::addColumn<int>("expected");
        QTest::newRow("INTEGER") << "INTEGER" << int(QMetaType::Int);
        QTest::newRow("int") << "int" << int(QMetaType::Int);
        QTest::newRow("BOOL") << "BOOL" << int(QMetaType::Bool);
        QTest::newRow("boolean") << "boolean" << int(QMetaType::Bool);
        QTest::newRow("REAL") << "REAL" << int(QMetaType::Double);
        QTest::newRow("NUMERIC(10,2)") << "NUMERIC(10,2)" << int(QMetaType::Double);
        QTest::newRow("BLOB") << "BLOB" << int(QMetaType::QByteArray);
        QTest::newRow("TEXT") << "TEXT" << int(QMetaType::QString);
        QTest::newRow("VARCHAR(20)") << "VARCHAR(20)" << int(QMetaType::QString);
    }

    void fieldTypesMatchQsqlite()
    {
        QFETCH(QString, declared);
        QFETCH(int, expected);
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TABLE typed (v %1)").arg(declared)));
        QCOMPARE(db.record(QStringLiteral("typed")).field(0).metaType().id(), expected);
        QVERIFY(q.exec(QStringLiteral("SELECT v FROM typed")));
        QCOMPARE(q.record().field(0).metaType().id(), expected);
        QVERIFY(q.exec(QStringLiteral("DROP TABLE typed")));
    }

    void integerExpressionsAreInt()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT 1 + 1, count(*), 2.5, 'x' FROM t")) && q.next());
        QCOMPARE(q.record().field(0).metaType().id(), int(QMetaType::Int));
        QCOMPARE(q.record().field(1).metaType().id(), int(QMetaType::Int));
        QCOMPARE(q.record().field(2).metaType().id(), int(QMetaType::Double));
        QCOMPARE(q.record().field(3).metaType().id(), int(QMetaType::QString));
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void schemaQualifiedAndBracketedNames()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlDriver* driver = db.driver();
        QCOMPARE(driver->escapeIdentifier(QStringLiteral("main.t"), QSqlDriver::TableName),
                 QStringLiteral("\"main\".\"t\""));
        QCOMPARE(driver->escapeIdentifier(QStringLiteral("[t]"), QSqlDriver::TableName), QStringLiteral("[t]"));
        QCOMPARE(driver->escapeIdentifier(QStringLiteral("a\"b"), QSqlDriver::FieldName), QStringLiteral("\"a\"\"b\""));
        QVERIFY(driver->isIdentifierEscaped(QStringLiteral("`t`"), QSqlDriver::TableName));
        QCOMPARE(db.record(QStringLiteral("main.t")).count(), 6);
        QCOMPARE(db.record(QStringLiteral("[t]")).count(), 6);
        QCOMPARE(db.record(QStringLiteral("\"main\".\"t\"")).count(), 6);
        QCOMPARE(db.primaryIndex(QStringLiteral("main.t")).count(), 1);
        QSqlTableModel model(nullptr, db);
        model.setTable(QStringLiteral("main.big"));
        QVERIFY2(model.select(), qPrintable(model.lastError().text()));
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.primaryKey().count(), 1);
    }

    void preparedStatementBindsLikeTheDriver()
    {
        // PreparedStatement (the bulk path's inserts, straight on SQLite) stores what QSqlQuery stores, and refuses
        // what it cannot run with a reason, writing nothing.
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE p (id INTEGER PRIMARY KEY, i INTEGER, s TEXT, b BLOB, d TEXT)")));
        const QString insert = QStringLiteral("INSERT INTO p (i, s, b, d) VALUES (:i, :s, :b, :d)");
        PreparedStatement statement;
        QString error;
        QVERIFY2(statement.prepare(db, insert, &error), qPrintable(error));
        statement.bindValue(QStringLiteral(":i"), qint64(1) << 40);
        statement.bindValue(QStringLiteral(":s"), QStringLiteral("厦门 ünïcode"));
        statement.bindValue(QStringLiteral(":b"), QByteArray("\x00\x01", 2));
        statement.bindValue(QStringLiteral(":d"), QDate(2026, 12, 5));
        QVERIFY2(statement.exec(&error), qPrintable(error));
        const qint64 first = statement.lastInsertId();
        statement.bindValue(QStringLiteral(":i"), QVariant());
        statement.bindValue(QStringLiteral(":s"), QString()); // a null QString is NULL, as through the driver
        statement.bindValue(QStringLiteral(":b"), QByteArray());
        statement.bindValue(QStringLiteral(":d"), QString());
        QVERIFY2(statement.exec(&error), qPrintable(error));
        QCOMPARE(statement.lastInsertId(), first + 1);
        QVERIFY(q.exec(QStringLiteral("SELECT i, s, b, d, typeof(i), typeof(s), typeof(d) FROM p ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(1) << 40);
        QCOMPARE(q.value(1).toString(), QStringLiteral("厦门 ünïcode"));
        QCOMPARE(q.value(2).toByteArray(), QByteArray("\x00\x01", 2));
        QCOMPARE(q.value(3).toString(), QStringLiteral("2026-12-05"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("integer"));
        QVERIFY(q.next());
        QVERIFY(q.isNull(0) && q.isNull(1) && q.isNull(3));
        q.finish();

        // A placeholder left unbound, an unknown one, a constraint failing: a reason each, no row written, and the
        // statement runs again after.
        statement.bindValue(QStringLiteral(":i"), 1);
        QVERIFY(!statement.exec(&error));
        QVERIFY2(error.contains(QStringLiteral("mismatch")), qPrintable(error));
        statement.bindValue(QStringLiteral(":nope"), 1);
        QVERIFY(!statement.exec(&error));
        QVERIFY2(error.contains(QStringLiteral(":nope")), qPrintable(error));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER p_guard BEFORE INSERT ON p WHEN NEW.i = 13 BEGIN SELECT "
                                      "RAISE(ABORT, 'thirteen refused'); END")));
        for (const QString& name :
             {QStringLiteral(":i"), QStringLiteral(":s"), QStringLiteral(":b"), QStringLiteral(":d")})
            statement.bindValue(name, name == QLatin1String(":i") ? QVariant(13) : QVariant(QStringLiteral("x")));
        QVERIFY(!statement.exec(&error));
        QVERIFY2(error.contains(QStringLiteral("thirteen refused")), qPrintable(error));
        QSqlQuery count(db);
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM p")) && count.next());
        QCOMPARE(count.value(0).toInt(), 2);
        for (const QString& name :
             {QStringLiteral(":i"), QStringLiteral(":s"), QStringLiteral(":b"), QStringLiteral(":d")})
            statement.bindValue(name, 7);
        QVERIFY2(statement.exec(&error), qPrintable(error));

        // Not a statement that writes, SQL that does not compile, a connection of another driver.
        PreparedStatement other;
        QVERIFY(!other.prepare(db, QStringLiteral("SELECT * FROM p"), &error));
        QVERIFY(!other.prepare(db, QStringLiteral("INSERT INTO nowhere VALUES (1)"), &error));
        QVERIFY2(error.contains(QStringLiteral("nowhere")), qPrintable(error));
        QVERIFY(!other.exec(&error));
        {
            QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
            plain.setDatabaseName(QStringLiteral(":memory:"));
            if (plain.open())
                QVERIFY(!other.prepare(plain, QStringLiteral("CREATE TABLE x (a)"), &error));
            QVERIFY(!error.isEmpty());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    }

    void clonedConnectionInAnotherThread()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("c1"));
        int count = -1;
        QThread* thread = QThread::create([&] {
            {
                QSqlDatabase clone = QSqlDatabase::cloneDatabase(db, QStringLiteral("worker"));
                if (clone.open()) {
                    QSqlQuery q(clone);
                    if (q.exec(QStringLiteral("SELECT count(*) FROM big")) && q.next())
                        count = q.value(0).toInt();
                }
            }
            QSqlDatabase::removeDatabase(QStringLiteral("worker"));
        });
        thread->start();
        QVERIFY(thread->wait(30000));
        delete thread;
        QCOMPARE(count, 1500);
    }
};

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "TestSqlCipherDriver.moc"
