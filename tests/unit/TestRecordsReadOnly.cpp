#include "RecordsTestFixtures.h"

#include "records/AttachmentStore.h"
#include "records/RecordSubmissionRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

// Records from the platform are read-only below the UI: the guard triggers of 0002_records.sql refuse, through
// the raw driver (QSqlQuery and whole scripts, as someone holding the key would send them), every insert or
// change of a platform row without a write permit and every physical delete; the permit path of the sync applier
// and the case workflow passes, and a permit can never be left committed.
class TestRecordsReadOnly : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void schemaHasGuards();
    void platformInsertWithoutPermitRefused();
    void rawChangeRefused_data();
    void rawChangeRefused();
    void replaceRefused_data();
    void replaceRefused();
    void deleteRefusedEvenUnderPermit_data();
    void deleteRefusedEvenUnderPermit();
    void permitPathPasses();
    void permitWithoutCommitRollsBack();
    void permitRowCannotBeCommitted();
    void nestedPermitsKeepTheOuterOne();
    void localSubjectStaysEditable();
    void repositoriesRefuseForeignOrEndedPermits();
    void submissionPayloadImmutable();
    void attachmentsImmutable();
    void releaseTableStaysEmpty();

private:
    QScopedPointer<TestDatabase> m_tdb;
    Subject m_platformSubject;
    Subject m_localSubject;
    CreditItem m_item;
    qint64 m_submissionId = 0;
    qint64 m_attachmentId = 0;
};

void TestRecordsReadOnly::init()
{
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    QString error;
    m_platformSubject = RecordsFixture::company(QStringLiteral("厦门鑫源科技有限公司"), 1);
    QVERIFY2(RecordsFixture::insertPlatformSubjects(*m_tdb, {&m_platformSubject}, &error), qPrintable(error));
    m_item = RecordsFixture::item(m_platformSubject.id, QStringLiteral("administrative_penalty"), QDate(2025, 3, 1),
                                  QStringLiteral("I-1"));
    QVERIFY2(RecordsFixture::insertPlatformItems(*m_tdb, {&m_item}, &error), qPrintable(error));

    const Session clerk = RecordsFixture::session(*m_tdb);
    m_localSubject = RecordsFixture::company(QStringLiteral("厦门本地录入有限公司"), 2);
    m_localSubject.platformId.clear();
    QVERIFY2(SubjectRepository(m_tdb->database())
                 .submitLocal(clerk, &m_localSubject, QStringLiteral("营业执照"), {}, &m_submissionId, &error),
             qPrintable(error));
    QVERIFY2(AttachmentStore(m_tdb->database())
                 .store(QStringLiteral("record_submission"), m_submissionId, QStringLiteral("licence.png"),
                        QStringLiteral("image/png"), QByteArray("scan bytes"), clerk.username, &m_attachmentId, &error),
             qPrintable(error));
}

void TestRecordsReadOnly::cleanup()
{
    m_tdb.reset();
}

void TestRecordsReadOnly::schemaHasGuards()
{
    QSqlQuery q(m_tdb->database());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")));
    QStringList triggers;
    while (q.next())
        triggers << q.value(0).toString();
    for (const char* name : {"subjects_platform_insert_guard", "subjects_platform_update_guard", "subjects_no_delete",
                             "credit_items_insert_guard", "credit_items_update_guard", "credit_items_no_delete",
                             "attachments_no_update", "attachments_no_delete", "record_submissions_payload_guard",
                             "record_submissions_final_status_guard", "record_submissions_no_delete"})
        QVERIFY2(triggers.contains(QLatin1String(name)), name);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM platform_write_permit")).toInt(), 0);
}

void TestRecordsReadOnly::platformInsertWithoutPermitRefused()
{
    QSqlQuery q(m_tdb->database());
    q.prepare(
        QStringLiteral("INSERT INTO subjects (kind, identifier, name, origin, platform_id, created_at, updated_at) "
                       "VALUES ('legal_person', ?, '伪造公司', 'platform', 'FAKE-1', 'x', 'x')"));
    q.addBindValue(RecordsFixture::companyCode(99));
    QVERIFY(!q.exec());
    QVERIFY2(q.lastError().text().contains(QLatin1String("read-only")), qPrintable(q.lastError().text()));

    QString error;
    QVERIFY(!m_tdb->exec(QStringLiteral("INSERT INTO credit_items (subject_id, category, item_type, decision_date, "
                                        "title, origin, platform_id, created_at, updated_at) VALUES (%1, 'basic', "
                                        "'registration', '2025-01-01', 'x', 'platform', 'FAKE-2', 'x', 'x')")
                             .arg(m_platformSubject.id),
                         &error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM credit_items")).toInt(), 1);
}

void TestRecordsReadOnly::rawChangeRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("subject name") << QStringLiteral("UPDATE subjects SET name = '改名' WHERE origin = 'platform'")
                                  << QStringLiteral("SELECT name FROM subjects WHERE origin = 'platform'")
                                  << QVariant(QStringLiteral("厦门鑫源科技有限公司"));
    QTest::newRow("subject to local") << QStringLiteral(
                                             "UPDATE subjects SET origin = 'local' WHERE origin = 'platform'")
                                      << QStringLiteral("SELECT count(*) FROM subjects WHERE origin = 'platform'")
                                      << QVariant(1);
    QTest::newRow("local made platform")
        << QStringLiteral("UPDATE subjects SET origin = 'platform', platform_id = 'X' WHERE origin = 'local'")
        << QStringLiteral("SELECT count(*) FROM subjects WHERE origin = 'local'") << QVariant(1);
    QTest::newRow("item repaired") << QStringLiteral(
                                          "UPDATE credit_items SET status = 'repaired', repaired_on = '2025-06-01'")
                                   << QStringLiteral("SELECT status FROM credit_items")
                                   << QVariant(QStringLiteral("active"));
    QTest::newRow("item document") << QStringLiteral("UPDATE credit_items SET legal_document_number = 'x'")
                                   << QStringLiteral("SELECT legal_document_number FROM credit_items")
                                   << QVariant(QStringLiteral("厦市监罚〔2025〕I-1号"));
    QTest::newRow("item to local") << QStringLiteral("UPDATE credit_items SET origin = 'local'")
                                   << QStringLiteral("SELECT origin FROM credit_items")
                                   << QVariant(QStringLiteral("platform"));
    // A fabricated item is refused whatever origin it claims: items only come from the platform.
    QTest::newRow("fabricated local item")
        << QStringLiteral("INSERT INTO credit_items (subject_id, category, item_type, legal_document_number, "
                          "decision_date, title, origin, created_at, updated_at) SELECT subject_id, 'dishonest', "
                          "item_type, 'forged', decision_date, 'fabricated penalty', 'local', created_at, updated_at "
                          "FROM credit_items")
        << QStringLiteral("SELECT count(*) FROM credit_items") << QVariant(1);
}

// REPLACE deletes the row it replaces: with recursive triggers on (the driver sets it) the no-delete guards fire.
void TestRecordsReadOnly::replaceRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("INSERT OR REPLACE item")
        << QStringLiteral("INSERT OR REPLACE INTO credit_items (id, subject_id, category, item_type, "
                          "legal_document_number, decision_date, title, origin, platform_id, created_at, updated_at) "
                          "SELECT id, subject_id, category, item_type, legal_document_number, decision_date, "
                          "'replaced', origin, platform_id, created_at, updated_at FROM credit_items")
        << QStringLiteral("SELECT title FROM credit_items") << QVariant(m_item.title);
    QTest::newRow("REPLACE subject") << QStringLiteral(
                                            "REPLACE INTO subjects SELECT * FROM subjects WHERE origin = 'platform'")
                                     << QStringLiteral("SELECT count(*) FROM subjects") << QVariant(2);
    QTest::newRow("INSERT OR REPLACE submission")
        << QStringLiteral("INSERT OR REPLACE INTO record_submissions SELECT * FROM record_submissions")
        << QStringLiteral("SELECT count(*) FROM record_submissions") << QVariant(1);
    QTest::newRow("UPDATE OR REPLACE onto a platform subject's identifier")
        << QStringLiteral("UPDATE OR REPLACE subjects SET identifier = (SELECT identifier FROM subjects WHERE "
                          "origin = 'platform') WHERE origin = 'local'")
        << QStringLiteral("SELECT count(*) FROM subjects WHERE origin = 'platform'") << QVariant(1);
}

void TestRecordsReadOnly::replaceRefused()
{
    QFETCH(QString, sql);
    QFETCH(QString, check);
    QFETCH(QVariant, expected);
    QSqlQuery q(m_tdb->database());
    QVERIFY2(!q.exec(sql), qPrintable(sql));
    QCOMPARE(m_tdb->scalar(check).toString(), expected.toString());
    // Under a permit too: a permit allows changes, never deletions.
    PlatformWritePermit permit(m_tdb->database(), QStringLiteral("system"), QStringLiteral("test"));
    QVERIFY(permit.isActive());
    QVERIFY2(!q.exec(sql), qPrintable(sql));
    // Refused before the conflict is resolved (BEFORE INSERT … WHEN EXISTS), or by the delete guard that the
    // driver's recursive triggers make a REPLACE fire.
    QVERIFY2(q.lastError().text().contains(QLatin1String("never replaced")) ||
                 q.lastError().text().contains(QLatin1String("never physically deleted")),
             qPrintable(q.lastError().text()));
    QCOMPARE(m_tdb->scalar(check).toString(), expected.toString());
}

void TestRecordsReadOnly::rawChangeRefused()
{
    QFETCH(QString, sql);
    QFETCH(QString, check);
    QFETCH(QVariant, expected);
    QSqlQuery q(m_tdb->database());
    QVERIFY(!q.exec(sql));
    QVERIFY2(q.lastError().text().contains(QLatin1String("read-only")), qPrintable(q.lastError().text()));
    QString error;
    QVERIFY(!m_tdb->exec(sql, &error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QCOMPARE(m_tdb->scalar(check).toString(), expected.toString());
}

void TestRecordsReadOnly::deleteRefusedEvenUnderPermit_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("subjects") << QStringLiteral("subjects");
    QTest::newRow("credit_items") << QStringLiteral("credit_items");
    QTest::newRow("attachments") << QStringLiteral("attachments");
    QTest::newRow("record_submissions") << QStringLiteral("record_submissions");
}

void TestRecordsReadOnly::deleteRefusedEvenUnderPermit()
{
    QFETCH(QString, table);
    const int before = m_tdb->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toInt();
    QVERIFY(before > 0);
    QSqlQuery q(m_tdb->database());
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM %1").arg(table)));
    QVERIFY2(q.lastError().text().contains(QLatin1String("never physically deleted")),
             qPrintable(q.lastError().text()));
    {
        PlatformWritePermit permit(m_tdb->database(), QStringLiteral("system"), QStringLiteral("test"));
        QVERIFY(permit.isActive());
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM %1").arg(table)));
        QString error;
        QVERIFY2(permit.commit(&error), qPrintable(error));
    }
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toInt(), before);
}

void TestRecordsReadOnly::permitPathPasses()
{
    {
        QSqlDatabase db = m_tdb->database();
        PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("case.outcome"));
        QVERIFY2(permit.isActive(), qPrintable(permit.errorString()));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("UPDATE credit_items SET status = 'repaired', repaired_on = '2025-06-01'")),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral("UPDATE subjects SET name = '厦门鑫源智能科技有限公司', "
                                       "name_bigrams = '厦门 门鑫' WHERE origin = 'platform'")),
                 qPrintable(q.lastError().text()));
        QString error;
        QVERIFY2(permit.commit(&error), qPrintable(error));
        QVERIFY(!permit.isActive());
    }
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM platform_write_permit")).toInt(), 0);
    // Durable, and the guards are closed again for the next statement.
    QVERIFY2(m_tdb->reopen(), qPrintable(m_tdb->errorString()));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT status FROM credit_items")).toString(), QStringLiteral("repaired"));
    QSqlQuery q(m_tdb->database());
    QVERIFY(!q.exec(QStringLiteral("UPDATE credit_items SET status = 'active', repaired_on = NULL")));
}

void TestRecordsReadOnly::permitWithoutCommitRollsBack()
{
    QSqlDatabase db = m_tdb->database();
    {
        PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
        QVERIFY(permit.isActive());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE credit_items SET objection_pending = 1")));
    }
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT objection_pending FROM credit_items")).toInt(), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM platform_write_permit")).toInt(), 0);
}

void TestRecordsReadOnly::permitRowCannotBeCommitted()
{
    QSqlDatabase db = m_tdb->database();
    QVERIFY(db.transaction());
    PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
    QVERIFY(permit.isActive());
    // Committing the enclosing transaction while the permit row exists fails (deferred foreign key).
    QVERIFY(!db.commit());
    permit.rollback();
    QVERIFY(db.rollback());
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM platform_write_permit")).toInt(), 0);

    // The other order works: the permit ends, then the caller commits.
    QVERIFY(db.transaction());
    {
        PlatformWritePermit second(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE credit_items SET objection_pending = 1")));
        QString error;
        QVERIFY2(second.commit(&error), qPrintable(error));
    }
    QVERIFY2(db.commit(), qPrintable(db.lastError().text()));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT objection_pending FROM credit_items")).toInt(), 1);
}

void TestRecordsReadOnly::nestedPermitsKeepTheOuterOne()
{
    QSqlDatabase db = m_tdb->database();
    PlatformWritePermit outer(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
    {
        PlatformWritePermit inner(db, QStringLiteral("system"), QStringLiteral("case.outcome"));
        QString error;
        QVERIFY2(inner.commit(&error), qPrintable(error));
    }
    QSqlQuery q(db);
    QVERIFY2(q.exec(QStringLiteral("UPDATE credit_items SET objection_pending = 1")), qPrintable(q.lastError().text()));
    QString error;
    QVERIFY2(outer.commit(&error), qPrintable(error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM platform_write_permit")).toInt(), 0);
}

void TestRecordsReadOnly::localSubjectStaysEditable()
{
    QSqlQuery q(m_tdb->database());
    QVERIFY2(q.exec(QStringLiteral("UPDATE subjects SET registered_address = '厦门市湖里区' WHERE origin = 'local'")),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.numRowsAffected(), 1);
}

void TestRecordsReadOnly::repositoriesRefuseForeignOrEndedPermits()
{
    TestDatabase other;
    QVERIFY2(other.isValid(), qPrintable(other.errorString()));
    PlatformWritePermit foreign(other.database(), QStringLiteral("system"), QStringLiteral("sync.apply"));
    QVERIFY(foreign.isActive());
    Subject s = RecordsFixture::company(QStringLiteral("厦门外来有限公司"), 3);
    QString error;
    QVERIFY(!SubjectRepository(m_tdb->database()).insertPlatform(foreign, &s, &error));
    QVERIFY(error.contains(QLatin1String("permit")));

    PlatformWritePermit ended(m_tdb->database(), QStringLiteral("system"), QStringLiteral("sync.apply"));
    QVERIFY(ended.commit());
    CreditItemRepository items(m_tdb->database());
    QVERIFY(!items.markRepaired(ended, m_item.id, QDate(2025, 7, 1), &error));
    QVERIFY(!items.setObjectionPending(ended, m_item.id, true, &error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM subjects")).toInt(), 2);
}

void TestRecordsReadOnly::submissionPayloadImmutable()
{
    QSqlQuery q(m_tdb->database());
    QVERIFY(!q.exec(QStringLiteral("UPDATE record_submissions SET payload = '{}'")));
    QVERIFY(!q.exec(QStringLiteral("UPDATE record_submissions SET created_by = 'someone'")));
    QVERIFY2(q.exec(QStringLiteral("UPDATE record_submissions SET status = 'sent'")), qPrintable(q.lastError().text()));
    QVERIFY(q.exec(QStringLiteral("UPDATE record_submissions SET status = 'acknowledged'")));
    QVERIFY(!q.exec(QStringLiteral("UPDATE record_submissions SET status = 'pending'")));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT status FROM record_submissions")).toString(),
             QStringLiteral("acknowledged"));
}

void TestRecordsReadOnly::attachmentsImmutable()
{
    QSqlQuery q(m_tdb->database());
    QVERIFY(!q.exec(QStringLiteral("UPDATE attachments SET file_name = 'other.png'")));
    QVERIFY(!q.exec(QStringLiteral("UPDATE attachments SET bytes = X'00', size = 1")));
    Attachment a;
    QString error;
    QVERIFY2(AttachmentStore(m_tdb->database()).read(m_attachmentId, &a, &error), qPrintable(error));
    QCOMPARE(a.bytes, QByteArray("scan bytes"));
}

void TestRecordsReadOnly::releaseTableStaysEmpty()
{
    QSqlQuery q(m_tdb->database());
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO platform_write_permit_release (id) VALUES (1)")));
    // A hand-made permit row still cannot be committed.
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO platform_write_permit (actor, purpose, granted_at) "
                                   "VALUES ('x', 'y', 'z')")));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM platform_write_permit")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestRecordsReadOnly)
#include "TestRecordsReadOnly.moc"
