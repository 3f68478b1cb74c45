#include "TestDatabase.h"

#include "storage/Signing.h"

#include "storage/AuditLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

// The audit log's chain, its append-only triggers, and verify() against edits, deletions, reordering and a cut
// tail made through the raw driver, as someone holding the key would.
class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void appendBuildsChain();
    void appendRequiresActorAndAction();
    void unreadableTypedTextKeepsTheChain();
    void appendJoinsCallersTransaction();
    void triggersBlockUpdateAndDelete();
    void editDetected_data();
    void editDetected();
    void deletionDetected();
    void reorderDetected();
    void tailDeletionDetected();
    void forgedAppendDetected();
    void missingHeadIsNotRebuilt();
    void signaturesNameTheActor();

private:
    static void fill(TestDatabase& tdb, int count);
    static void dropTriggers(TestDatabase& tdb);
};

void TestAuditLog::fill(TestDatabase& tdb, int count)
{
    QSqlDatabase db = tdb.database();
    for (int i = 1; i <= count; ++i) {
        AuditEntry entry{QStringLiteral("clerk1"),
                         QStringLiteral("subject.open"),
                         QStringLiteral("subject"),
                         QStringLiteral("9135020070549838X2"),
                         QStringLiteral("行政许可审查"),
                         QJsonObject{{QStringLiteral("n"), i}, {QStringLiteral("名称"), QStringLiteral("厦门")}}};
        QString error;
        QVERIFY2(AuditLog::append(db, entry, &error), qPrintable(error));
    }
}

void TestAuditLog::dropTriggers(TestDatabase& tdb)
{
    QString error;
    QVERIFY2(tdb.exec(QStringLiteral("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"), &error),
             qPrintable(error));
}

void TestAuditLog::appendBuildsChain()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isValid(), qPrintable(tdb.errorString()));
    QSqlDatabase db = tdb.database();
    AuditVerifyResult empty = AuditLog::verify(db);
    QVERIFY2(empty.ok, qPrintable(empty.message));
    QCOMPARE(empty.entries, 0);

    fill(tdb, 5);
    const AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.entries, 5);
    QCOMPARE(result.firstBrokenSeq, -1);

    // The stored fields and the documented hash formula agree, and each row links to the one before.
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("SELECT seq, at, actor, action, object_type, object_id, basis, details, "
                                      "prev_hash, hash, state FROM audit_log ORDER BY seq")));
    QString previous(64, QLatin1Char('0'));
    while (query.next()) {
        QCOMPARE(query.value(8).toString(), previous);
        const QString at = query.value(1).toString();
        QVERIFY(at.endsWith(QLatin1Char('Z')));
        QVERIFY(QDateTime::fromString(at, Qt::ISODateWithMs).isValid());
        QCOMPARE(query.value(6).toString(), QStringLiteral("行政许可审查"));
        QVERIFY(query.value(7).toString().contains(QStringLiteral("厦门")));
        const QString hash =
            AuditLog::computeHash(previous, query.value(0).toLongLong(), at, query.value(2).toString(),
                                  query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                                  query.value(6).toString(), query.value(7).toString(), query.value(10).toString());
        QCOMPARE(query.value(10).toString().size(), 64); // the row seals' state is recorded and hashed
        QCOMPARE(query.value(9).toString(), hash);
        previous = hash;
    }
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'audit_head_seq'")).toString(),
             QStringLiteral("5"));
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'audit_head_hash'")).toString(), previous);
}

void TestAuditLog::appendRequiresActorAndAction()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    QSqlDatabase db = tdb.database();
    QString error;
    QVERIFY(!AuditLog::append(db, AuditEntry{QString(), QStringLiteral("x"), {}, {}, {}, {}}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!AuditLog::append(db, AuditEntry{QStringLiteral("x"), QString(), {}, {}, {}, {}}, &error));
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
}

void TestAuditLog::unreadableTypedTextKeepsTheChain()
{
    // Typed text with a broken surrogate, a NUL or control characters (a hostile basis or search) is hashed as the
    // database gives it back: the chain still verifies, instead of reporting tampering and locking everyone out.
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    QSqlDatabase db = tdb.database();
    const QString hostile = QStringLiteral("赵") + QChar(0xD800) + QStringLiteral("六") + QChar(0) +
                            QStringLiteral("\x01\x1b[2J") + QChar(0xDFFF);
    AuditEntry entry{QStringLiteral("clerk1"),
                     QStringLiteral("subject.search"),
                     QStringLiteral("subject"),
                     hostile,
                     QStringLiteral("authorised_query: applicant=") + hostile,
                     QJsonObject{{QStringLiteral("text"), hostile}}};
    QString error;
    QVERIFY2(AuditLog::append(db, entry, &error), qPrintable(error));
    fill(tdb, 2);
    const AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.entries, qint64(3));
    // What is stored is the readable rest: no NUL, no surrogate half.
    const QString stored = tdb.scalar(QStringLiteral("SELECT basis FROM audit_log WHERE seq = 1")).toString();
    QVERIFY(stored.isValidUtf16());
    QVERIFY(!stored.contains(QChar(0)));
    QVERIFY(stored.contains(QStringLiteral("赵")) && stored.contains(QStringLiteral("六")));
}

void TestAuditLog::appendJoinsCallersTransaction()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    QSqlDatabase db = tdb.database();
    fill(tdb, 1);
    QVERIFY(db.transaction());
    fill(tdb, 2);
    QVERIFY(db.rollback());
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 1);
    QVERIFY(db.transaction());
    fill(tdb, 2);
    QVERIFY(db.commit());
    const AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.entries, 3);
}

void TestAuditLog::triggersBlockUpdateAndDelete()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 3);
    QSqlQuery query(tdb.database());
    QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")));
    QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")));
    QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
    QString error;
    QVERIFY(!tdb.exec(QStringLiteral("DELETE FROM audit_log"), &error));
    // REPLACE deletes the row it replaces; the driver's recursive triggers make the delete guard fire.
    QVERIFY(!query.exec(
        QStringLiteral("INSERT OR REPLACE INTO audit_log SELECT seq, at, 'someone', action, "
                       "object_type, object_id, basis, details, prev_hash, hash, signature, state FROM audit_log "
                       "WHERE seq = 2")));
    QVERIFY2(query.lastError().text().contains(QStringLiteral("append-only")), qPrintable(query.lastError().text()));
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 3);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT actor FROM audit_log WHERE seq = 2")).toString(),
             QStringLiteral("clerk1"));
}

void TestAuditLog::editDetected_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::newRow("actor") << QStringLiteral("actor") << QStringLiteral("'auditor9'");
    QTest::newRow("time") << QStringLiteral("at") << QStringLiteral("'2020-01-01T00:00:00.000Z'");
    QTest::newRow("basis") << QStringLiteral("basis") << QStringLiteral("''");
    QTest::newRow("details") << QStringLiteral("details") << QStringLiteral("'{}'");
    QTest::newRow("object") << QStringLiteral("object_id") << QStringLiteral("'350203199001010018'");
    QTest::newRow("hash") << QStringLiteral("hash") << QStringLiteral("'00'");
}

void TestAuditLog::editDetected()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 6);
    dropTriggers(tdb);
    QString error;
    QVERIFY2(tdb.exec(QStringLiteral("UPDATE audit_log SET %1 = %2 WHERE seq = 4").arg(column, value), &error),
             qPrintable(error));
    QSqlDatabase db = tdb.database();
    const AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 4);
    QVERIFY(result.message.contains(QStringLiteral("4")));
}

void TestAuditLog::deletionDetected()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 6);
    dropTriggers(tdb);
    QVERIFY(tdb.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")));
    QSqlDatabase db = tdb.database();
    AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 3);

    // Closing the gap by renumbering does not help: entry 3 then does not link to entry 2.
    QVERIFY(tdb.exec(QStringLiteral("UPDATE audit_log SET seq = seq - 1 WHERE seq > 3")));
    result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 3);
}

void TestAuditLog::reorderDetected()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 6);
    dropTriggers(tdb);
    // Swap entries 2 and 5 by their sequence numbers.
    QVERIFY(tdb.exec(QStringLiteral("UPDATE audit_log SET seq = -2 WHERE seq = 2;"
                                    "UPDATE audit_log SET seq = 2 WHERE seq = 5;"
                                    "UPDATE audit_log SET seq = 5 WHERE seq = -2;")));
    QSqlDatabase db = tdb.database();
    const AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 2);
}

void TestAuditLog::tailDeletionDetected()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 6);
    dropTriggers(tdb);
    QVERIFY(tdb.exec(QStringLiteral("DELETE FROM audit_log WHERE seq >= 5")));
    QSqlDatabase db = tdb.database();
    AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 5);
    QVERIFY2(result.message.contains(QStringLiteral("missing")), qPrintable(result.message));

    // Appending afterwards is refused (the head is not where the log ends), so the gap is never papered over.
    QString error;
    QVERIFY(!AuditLog::append(db, AuditEntry{QStringLiteral("clerk1"), QStringLiteral("x"), {}, {}, {}, {}}, &error));
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
    result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 5);
}

void TestAuditLog::missingHeadIsNotRebuilt()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 2);
    QString error;
    QVERIFY(!tdb.exec(QStringLiteral("DELETE FROM meta WHERE key = 'audit_head_hash'"), &error));
    QVERIFY(tdb.exec(QStringLiteral("DROP TRIGGER meta_no_delete; DELETE FROM meta WHERE key LIKE 'audit_head%'")));
    QSqlDatabase db = tdb.database();
    QVERIFY(!AuditLog::append(db, AuditEntry{QStringLiteral("clerk1"), QStringLiteral("x"), {}, {}, {}, {}}, &error));
    QVERIFY2(error.contains(QStringLiteral("head")), qPrintable(error));
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'audit_head%'")).toInt(), 0);
    QVERIFY(!AuditLog::verify(db).ok);
}

void TestAuditLog::signaturesNameTheActor()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 3);
    QSqlDatabase db = tdb.database();
    QVERIFY(AuditLog::verify(db).ok);
    // Another person's valid signature on entry 2 (the hash is unchanged): the entry names clerk1, so it fails.
    QString error;
    QVERIFY2(tdb.enrol(QStringLiteral("clerk2"), Role::Clerk, &error), qPrintable(error));
    const QString hash = tdb.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 2")).toString();
    QByteArray signature;
    QVERIFY(SignerRing::sign(tdb.path(), QStringLiteral("clerk2"), AuditLog::signedMessage(hash), &signature));
    dropTriggers(tdb);
    QVERIFY(tdb.exec(QStringLiteral("UPDATE audit_log SET signature = '%1' WHERE seq = 2")
                         .arg(QString::fromLatin1(signature.toHex()))));
    const AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 2);
    QVERIFY2(result.message.contains(QStringLiteral("forged")), qPrintable(result.message));
    // Nobody can append in the name of someone who holds no key in this process.
    SignerRing::removeKey(tdb.path(), QStringLiteral("clerk1"));
    SignerRing::setProvisioner(tdb.path(), {});
    QVERIFY(!AuditLog::append(db, AuditEntry{QStringLiteral("clerk1"), QStringLiteral("x"), {}, {}, {}, {}}, &error));
    QVERIFY2(error.contains(QStringLiteral("not logged in")), qPrintable(error));
}

void TestAuditLog::forgedAppendDetected()
{
    TestDatabase tdb;
    QVERIFY(tdb.isValid());
    fill(tdb, 2);
    // A row inserted by hand (the insert trigger does not exist: inserting is how the program appends) with a
    // made-up hash breaks the chain at that row; with a correct hash it still disagrees with the recorded head.
    QVERIFY(tdb.exec(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash) "
                                    "SELECT 3, '2024-01-01T00:00:00.000Z', 'x', 'y', hash, 'forged' "
                                    "FROM audit_log WHERE seq = 2")));
    QSqlDatabase db = tdb.database();
    AuditVerifyResult result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 3);

    dropTriggers(tdb);
    QVERIFY(tdb.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")));
    QSqlQuery previous(db);
    QVERIFY(previous.exec(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 2")) && previous.next());
    const QString prev = previous.value(0).toString();
    const QString hash =
        AuditLog::computeHash(prev, 3, QStringLiteral("2024-01-01T00:00:00.000Z"), QStringLiteral("x"),
                              QStringLiteral("y"), QString(), QString(), QString(), QStringLiteral("{}"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash) "
                                  "VALUES (3, '2024-01-01T00:00:00.000Z', 'x', 'y', ?, ?)"));
    insert.addBindValue(prev);
    insert.addBindValue(hash);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    result = AuditLog::verify(db);
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBrokenSeq, 3);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
