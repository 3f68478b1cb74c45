// The platform's signed feed (models/sync, PROTOCOL.md): pages verified before anything is applied, applied with
// their cursors in one transaction, idempotently (a page again is skipped, an older version never overwrites a newer
// one); hostile pages refused with nothing applied (wrong signature, wrong platform or stream, invalid UTF-8, deep
// nesting, oversized fields, unknown subjects, replays and gaps, truncated packages); the sync tables' guards; and a
// brief fuzz of the page parser.

#include "RecordsTestFixtures.h"

#include "records/RecordJson.h"
#include "storage/RowSeals.h"
#include "storage/Signing.h"
#include "sync/CalendarYears.h"
#include "sync/FeedApplier.h"
#include "sync/FeedPage.h"
#include "sync/Outbox.h"
#include "sync/PlatformStaff.h"
#include "sync/PolicyProfiles.h"
#include "sync/ReferenceFeed.h"
#include "sync/SyncClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QtTest>

using namespace RecordsFixture;

namespace {
const QString Platform = QStringLiteral("xm-credit-platform");
} // namespace

class TestFeedApplier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void appliesSubjectsAndItems();
    void idempotentAndVersioned();
    void aPageOfItemsIsWrittenAsOneBatch();
    void aFirstSyncInPartsIsOneBulkImport();
    void syncProgressInWords();
    void hostilePagesAreRefusedWhole_data();
    void hostilePagesAreRefusedWhole();
    void aFailingPageUndoesTheWholeImport();
    void packages();
    void enrolmentAndRoles();
    void syncTablesRefuseChange();
    void calendarYearsFromThePlatform();
    void policyProfilesFromThePlatform();
    void staffDirectoryFromThePlatform();
    void caseMovesFromOtherWindows();
    void hostileCaseMovesAreRefused_data();
    void hostileCaseMovesAreRefused();
    void envelopesInAnySpelling();
    void fuzzThePageParser();

private:
    static QJsonObject intake(const QString& caseNo = QStringLiteral("XF2026-AB12-000001"))
    {
        return {{QStringLiteral("platform_id"), caseNo + QStringLiteral("#0")},
                {QStringLiteral("platform_version"), 1},
                {QStringLiteral("case_no"), caseNo},
                {QStringLiteral("case_kind"), QStringLiteral("repair")},
                {QStringLiteral("seq"), 0},
                {QStringLiteral("origin"), QStringLiteral("other-window/case_event/7")},
                {QStringLiteral("at"), QStringLiteral("2026-11-20T02:00:00.000Z")},
                {QStringLiteral("on_date"), QStringLiteral("2026-11-20")},
                {QStringLiteral("actor"), QStringLiteral("clerk9")},
                {QStringLiteral("action"), QStringLiteral("intake")},
                {QStringLiteral("from_state"), QString()},
                {QStringLiteral("to_state"), QStringLiteral("received")},
                {QStringLiteral("note"), QString()},
                {QStringLiteral("details"), QStringLiteral("{}")},
                {QStringLiteral("subject_platform_id"), QStringLiteral("S-1")},
                {QStringLiteral("received_on"), QStringLiteral("2026-11-20")},
                {QStringLiteral("intake_by"), QStringLiteral("clerk9")},
                {QStringLiteral("applicant"), QStringLiteral("{\"capacity\":\"self\",\"name\":\"张三\"}")},
                {QStringLiteral("grounds"), QString()},
                {QStringLiteral("statement"), QString()},
                {QStringLiteral("item_platform_ids"), QStringLiteral("I-1")}};
    }
    static QJsonObject move(int seq, const QString& action, const QString& from, const QString& to,
                            const QString& caseNo = QStringLiteral("XF2026-AB12-000001"))
    {
        return {{QStringLiteral("platform_id"), caseNo + QStringLiteral("#%1").arg(seq)},
                {QStringLiteral("platform_version"), 1},
                {QStringLiteral("case_no"), caseNo},
                {QStringLiteral("case_kind"), QStringLiteral("repair")},
                {QStringLiteral("seq"), seq},
                {QStringLiteral("origin"), QStringLiteral("other-window/case_event/%1").arg(7 + seq)},
                {QStringLiteral("at"), QStringLiteral("2026-11-23T02:00:00.000Z")},
                {QStringLiteral("on_date"), QStringLiteral("2026-11-23")},
                {QStringLiteral("actor"), QStringLiteral("rev9")},
                {QStringLiteral("action"), action},
                {QStringLiteral("from_state"), from},
                {QStringLiteral("to_state"), to},
                {QStringLiteral("note"), QStringLiteral("另一窗口")},
                {QStringLiteral("details"), QStringLiteral("{}")}};
    }
    // Subjects S-1, S-2 and items I-1 (of S-1), I-2 (of S-2) held, as the city's streams bring them.
    void holdCity()
    {
        const FeedApplier::Result r = apply({sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"),
                                                       QJsonArray{subjectChange(1), subjectChange(2)})),
                                             sign(page(QStringLiteral("credit_items"), QString(), QStringLiteral("i1"),
                                                       QJsonArray{itemChange(1, 1), itemChange(2, 2)}))});
        QVERIFY2(r.ok(), qPrintable(r.message));
    }
    QByteArray page(const QString& stream, const QString& after, const QString& cursor, const QJsonArray& changes,
                    const QString& platform = Platform) const
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("xmcredit-feed")},
                                         {QStringLiteral("version"), 1},
                                         {QStringLiteral("platform"), platform},
                                         {QStringLiteral("stream"), stream},
                                         {QStringLiteral("after"), after},
                                         {QStringLiteral("cursor"), cursor},
                                         {QStringLiteral("issuedAt"), QStringLiteral("2026-12-01T00:00:00.000Z")},
                                         {QStringLiteral("changes"), changes}})
            .toJson(QJsonDocument::Compact);
    }
    QByteArray sign(const QByteArray& bytes) const { return FeedPages::signLine(bytes, m_seed); }
    static QJsonObject subjectChange(int n, int version = 1)
    {
        Subject s = company(QStringLiteral("厦门同步测试%1有限公司").arg(n), 100 + n);
        s.platformId = QStringLiteral("S-%1").arg(n);
        s.platformVersion = version;
        return RecordJson::toJson(s);
    }
    static QJsonObject itemChange(int n, int subject, int version = 1)
    {
        CreditItem i =
            item(0, QStringLiteral("administrative_penalty"), QDate(2025, 6, 1), QStringLiteral("I-%1").arg(n));
        i.platformVersion = version;
        QJsonObject json = RecordJson::toJson(i);
        json.insert(QStringLiteral("subject_platform_id"), QStringLiteral("S-%1").arg(subject));
        return json;
    }
    FeedApplier::Result apply(const QList<QByteArray>& lines, SyncReport* report = nullptr)
    {
        SyncReport local;
        return FeedApplier(m_admin).applyLines(lines, report ? report : &local);
    }
    int count(const QString& table) const
    {
        return m_tdb->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toInt();
    }

    QScopedPointer<TestDatabase> m_tdb;
    SecureBytes m_seed;
    Session m_admin;
};

void TestFeedApplier::init()
{
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    QString error;
    QVERIFY(m_tdb->enrol(QStringLiteral("admin1"), Role::Administrator, &error));
    m_admin = session(*m_tdb, Role::Administrator, QStringLiteral("admin1"));
    m_seed = SecureBytes::random(Signing::SeedBytes);
    QVERIFY2(SyncEnrolment::enrol(m_admin, Platform, Signing::publicKey(m_seed), QString(), &error), qPrintable(error));
}

void TestFeedApplier::cleanup()
{
    m_tdb.reset();
}

void TestFeedApplier::appliesSubjectsAndItems()
{
    SyncReport report;
    const FeedApplier::Result r = apply({sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"),
                                                   QJsonArray{subjectChange(1), subjectChange(2)})),
                                         sign(page(QStringLiteral("credit_items"), QString(), QStringLiteral("i1"),
                                                   QJsonArray{itemChange(1, 1), itemChange(2, 2), itemChange(3, 2)}))},
                                        &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.pagesApplied, 2);
    QCOMPARE(report.applied.value(QStringLiteral("subjects")), 2);
    QCOMPARE(report.applied.value(QStringLiteral("credit_items")), 3);
    QCOMPARE(count(QStringLiteral("subjects")), 2);
    QCOMPARE(count(QStringLiteral("credit_items")), 3);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT cursor FROM sync_streams WHERE stream = 'credit_items'")).toString(),
             QStringLiteral("i1"));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.page'")).toInt(), 2);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT origin FROM credit_items LIMIT 1")).toString(),
             QStringLiteral("platform"));
    // The first sync took the bulk path; the audit head records the seals as they are after it, so the next login's
    // check (seals against the head's state) holds even if nobody logs out in between.
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")).toString(),
             QStringLiteral("sync.bulk_load"));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT state FROM audit_log ORDER BY seq DESC LIMIT 1")).toString(),
             RowSeals::stateDigest(m_tdb->database()));
    QStringList problems;
    QVERIFY2(RowSeals::verify(m_tdb->database(), &problems), qPrintable(problems.join(QLatin1Char(' '))));
}

void TestFeedApplier::idempotentAndVersioned()
{
    const QByteArray s1 = sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"),
                                    QJsonArray{subjectChange(1), subjectChange(2)}));
    const QByteArray i1 =
        sign(page(QStringLiteral("credit_items"), QString(), QStringLiteral("i1"), QJsonArray{itemChange(1, 1, 3)}));
    QVERIFY(apply({s1, i1}).ok());
    // The same pages again: skipped, nothing written.
    SyncReport report;
    QVERIFY(apply({s1, i1}, &report).ok());
    QCOMPARE(report.pagesSkipped, 2);
    QCOMPARE(report.pagesApplied, 0);
    // An older version of the item never overwrites the newer one; a newer one with a withdrawal does.
    QJsonObject older = itemChange(1, 1, 2);
    older.insert(QStringLiteral("title"), QStringLiteral("older"));
    QVERIFY(apply({sign(page(QStringLiteral("credit_items"), QStringLiteral("i1"), QStringLiteral("i2"),
                             QJsonArray{older}))},
                  &report)
                .ok());
    QCOMPARE(report.unchanged.value(QStringLiteral("credit_items")), 1);
    QVERIFY(m_tdb->scalar(QStringLiteral("SELECT title FROM credit_items")).toString() != QStringLiteral("older"));
    QJsonObject withdrawn = itemChange(1, 1, 4);
    withdrawn.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
    withdrawn.insert(QStringLiteral("withdrawn_on"), QStringLiteral("2026-11-30"));
    QVERIFY(apply({sign(page(QStringLiteral("credit_items"), QStringLiteral("i2"), QStringLiteral("i3"),
                             QJsonArray{withdrawn}))})
                .ok());
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT status FROM credit_items")).toString(), QStringLiteral("withdrawn"));
    QCOMPARE(count(QStringLiteral("credit_items")), 1); // a withdrawal is a status, never a deletion
}

void TestFeedApplier::aPageOfItemsIsWrittenAsOneBatch()
{
    holdCity(); // S-1, S-2; I-1 of S-1, I-2 of S-2 (version 1)
    QJsonObject newer = itemChange(1, 1, 2);
    newer.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
    newer.insert(QStringLiteral("withdrawn_on"), QStringLiteral("2026-11-30"));
    newer.insert(QStringLiteral("title"), QStringLiteral("撤销的处罚"));
    QJsonObject moved = itemChange(2, 1, 3); // I-2 now of S-1: written one by one (its subject changes)
    moved.insert(QStringLiteral("title"), QStringLiteral("转移"));
    QJsonObject fresh = itemChange(3, 2, 1);
    fresh.insert(QStringLiteral("content"), QStringLiteral("新公布的记录"));
    SyncReport report;
    FeedApplier::Result r = apply({sign(page(QStringLiteral("credit_items"), QStringLiteral("i1"), QStringLiteral("i2"),
                                             QJsonArray{newer, itemChange(1, 1, 1), moved, fresh}))},
                                  &report);
    // I-1 appears twice in that page: the batch falls back to one by one, so its second, older change is not written.
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.applied.value(QStringLiteral("credit_items")), 3);
    QCOMPARE(report.unchanged.value(QStringLiteral("credit_items")), 1);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT title FROM credit_items WHERE platform_id = 'I-1'")).toString(),
             QStringLiteral("撤销的处罚"));
    // A page without repeats: one UPDATE for the newer versions, one INSERT for the new items, the stale one kept.
    QJsonObject again = itemChange(1, 1, 5);
    again.insert(QStringLiteral("title"), QStringLiteral("更正后的标题"));
    QJsonObject stale = itemChange(2, 1, 2); // I-2 is at version 3
    stale.insert(QStringLiteral("title"), QStringLiteral("stale"));
    QJsonObject back = itemChange(3, 1, 2); // I-3 back to S-1: one by one
    QJsonObject fourth = itemChange(4, 2, 1);
    QJsonObject fifth = itemChange(5, 1, 7);
    fifth.insert(QStringLiteral("legal_document_number"), QStringLiteral("厦市监罚〔2026〕5号"));
    const qint64 auditBefore = m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    r = apply({sign(page(QStringLiteral("credit_items"), QStringLiteral("i2"), QStringLiteral("i3"),
                         QJsonArray{again, stale, back, fourth, fifth}))},
              &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.applied.value(QStringLiteral("credit_items")), 4);
    QCOMPARE(report.unchanged.value(QStringLiteral("credit_items")), 1);
    QCOMPARE(count(QStringLiteral("credit_items")), 5);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), auditBefore + 1);
    auto column = [this](const QString& id, const QString& name) {
        return m_tdb->scalar(QStringLiteral("SELECT %1 FROM credit_items WHERE platform_id = '%2'").arg(name, id));
    };
    QCOMPARE(column(QStringLiteral("I-1"), QStringLiteral("title")).toString(), QStringLiteral("更正后的标题"));
    QCOMPARE(column(QStringLiteral("I-1"), QStringLiteral("platform_version")).toInt(), 5);
    QCOMPARE(column(QStringLiteral("I-1"), QStringLiteral("status")).toString(), QStringLiteral("active"));
    QVERIFY(column(QStringLiteral("I-1"), QStringLiteral("withdrawn_on")).isNull());
    QCOMPARE(column(QStringLiteral("I-2"), QStringLiteral("title")).toString(), QStringLiteral("转移"));
    QCOMPARE(column(QStringLiteral("I-2"), QStringLiteral("platform_version")).toInt(), 3);
    const qint64 s1 = m_tdb->scalar(QStringLiteral("SELECT id FROM subjects WHERE platform_id = 'S-1'")).toLongLong();
    QCOMPARE(column(QStringLiteral("I-2"), QStringLiteral("subject_id")).toLongLong(), s1);
    QCOMPARE(column(QStringLiteral("I-3"), QStringLiteral("subject_id")).toLongLong(), s1);
    QCOMPARE(column(QStringLiteral("I-3"), QStringLiteral("content")).toString(), QString());
    QCOMPARE(column(QStringLiteral("I-5"), QStringLiteral("legal_document_number")).toString(),
             QStringLiteral("厦市监罚〔2026〕5号"));
    QCOMPARE(column(QStringLiteral("I-5"), QStringLiteral("origin")).toString(), QStringLiteral("platform"));
    QVERIFY(!column(QStringLiteral("I-4"), QStringLiteral("created_at")).toString().isEmpty());
    // Every row went through the seal triggers: the seals still add up to the rows.
    QStringList problems;
    QVERIFY2(RowSeals::verify(m_tdb->database(), &problems), qPrintable(problems.join(QLatin1Char(' '))));
    // The scratch table was used, is empty after every batch and lives in memory only.
    QCOMPARE(
        m_tdb->scalar(QStringLiteral("SELECT count(*) FROM sqlite_temp_master WHERE name = 'sync_item_batch'")).toInt(),
        1);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM temp.sync_item_batch")).toInt(), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("PRAGMA temp_store")).toInt(), 2);
}

void TestFeedApplier::aFirstSyncInPartsIsOneBulkImport()
{
    QJsonArray subjects, items;
    for (int n = 1; n <= 6; ++n) {
        subjects.append(subjectChange(n));
        items.append(itemChange(n, n));
        items.append(itemChange(100 + n, n));
    }
    const QString platform = QString(Platform);
    auto lines = [&](const QString& stream, const QJsonArray& changes) {
        return ReferenceFeed::signedPages(platform, stream, changes, 2, 1, m_seed);
    };
    const QList<QByteArray> subjectPages = lines(QStringLiteral("subjects"), subjects);
    const QList<QByteArray> itemPages = lines(QStringLiteral("credit_items"), items);
    QCOMPARE(subjectPages.size(), 3);
    QCOMPARE(itemPages.size(), 6);
    {
        // A page that fails in a later part undoes the parts before it: the workstation stays empty.
        FeedApplier applier(m_admin);
        SyncReport report;
        QVERIFY(applier.begin(true, &report).ok());
        QVERIFY(applier.add(subjectPages).ok());
        // The second item page under the first one's signature.
        QJsonObject envelope = QJsonDocument::fromJson(itemPages.at(1)).object();
        envelope.insert(QStringLiteral("signature"),
                        QJsonDocument::fromJson(itemPages.at(0)).object().value(QStringLiteral("signature")));
        const QByteArray forged = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
        const FeedApplier::Result r = applier.add({itemPages.at(0), forged});
        QCOMPARE(r.failure, FeedApplier::Failure::Signature);
        QVERIFY2(r.message.contains(QLatin1String("Page 5")), qPrintable(r.message));
        QVERIFY(!applier.importing());
        QCOMPARE(report.pagesApplied, 0);
        QCOMPARE(count(QStringLiteral("subjects")), 0);
        QCOMPARE(count(QStringLiteral("credit_items")), 0);
    }
    {
        // An import not finished is undone with its applier.
        FeedApplier applier(m_admin);
        SyncReport report;
        QVERIFY(applier.begin(true, &report).ok());
        QVERIFY(applier.add(subjectPages).ok());
    }
    QCOMPARE(count(QStringLiteral("subjects")), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'credit_items_platform_id'"))
                 .toInt(),
             1); // the bulk path's dropped index is back
    // Three parts, one transaction, one bulk load: the indexes and seals made once, after the last part.
    FeedApplier applier(m_admin);
    SyncReport report;
    QVERIFY(applier.begin(true, &report).ok());
    QVERIFY(applier.usedBulkPath());
    QVERIFY(applier.add(subjectPages).ok());
    QVERIFY(applier.add(itemPages.mid(0, 4)).ok());
    QVERIFY(applier.add(itemPages.mid(4)).ok());
    const FeedApplier::Result r = applier.finish();
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.pagesApplied, 9);
    QCOMPARE(report.applied.value(QStringLiteral("subjects")), 6);
    QCOMPARE(report.applied.value(QStringLiteral("credit_items")), 12);
    QCOMPARE(count(QStringLiteral("credit_items")), 12);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.bulk_load'")).toInt(),
             1);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.page'")).toInt(), 9);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT cursor FROM sync_streams WHERE stream = 'credit_items'")).toString(),
             QStringLiteral("credit_items/000006"));
    QStringList problems;
    QVERIFY2(RowSeals::verify(m_tdb->database(), &problems), qPrintable(problems.join(QLatin1Char(' '))));
    // The guards are back: an item cannot be changed without a permit.
    QSqlQuery q(m_tdb->database());
    QVERIFY(!q.exec(QStringLiteral("UPDATE credit_items SET title = 'x' WHERE platform_id = 'I-1'")));
    QVERIFY(!applier.add(itemPages).ok()); // finished: no import to add to
}

void TestFeedApplier::syncProgressInWords()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    auto said = [](int done, int total, qint64 remainingMs) {
        SyncProgress p;
        p.pagesDone = done;
        p.pagesTotal = total;
        p.remainingMs = remainingMs;
        return p.describe();
    };
    QCOMPARE(said(0, 0, -1), QStringLiteral("0 page(s) pulled")); // a platform that announced nothing
    QCOMPARE(said(40, 0, -1), QStringLiteral("40 page(s) pulled"));
    QCOMPARE(said(0, 12000, -1), QStringLiteral("0 of 12,000 pages (0%)"));
    QCOMPARE(said(1200, 12000, 360000), QStringLiteral("1,200 of 12,000 pages (10%), about 6 minute(s) left"));
    QCOMPARE(said(5, 10, 29001), QStringLiteral("5 of 10 pages (50%), about 30 second(s) left"));
    QCOMPARE(said(1, 12000, 2 * 3600 * 1000 + 60 * 1000),
             QStringLiteral("1 of 12,000 pages (0%), about 2 h 1 min left"));
    QCOMPARE(said(10, 10, 0), QStringLiteral("10 of 10 pages (100%)"));
    QLocale::setDefault(QLocale::c());
}

void TestFeedApplier::hostilePagesAreRefusedWhole_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("failure");
    const int malformed = int(FeedApplier::Failure::Malformed);
    QTest::newRow("signed by another key") << 0 << int(FeedApplier::Failure::Signature);
    QTest::newRow("page altered after signing") << 1 << int(FeedApplier::Failure::Signature);
    QTest::newRow("another platform") << 2 << malformed;
    QTest::newRow("unknown stream") << 3 << malformed;
    QTest::newRow("stream withdrawn (case_decisions)") << 4 << malformed;
    QTest::newRow("invalid UTF-8") << 5 << malformed;
    QTest::newRow("nested 40 deep") << 6 << malformed;
    QTest::newRow("name of 201 characters") << 7 << malformed;
    QTest::newRow("item of an unknown subject") << 8 << malformed;
    QTest::newRow("unknown item type") << 9 << malformed;
    QTest::newRow("a gap: after a cursor never seen") << 10 << int(FeedApplier::Failure::OutOfOrder);
    QTest::newRow("not JSON") << 11 << malformed;
    QTest::newRow("no version") << 12 << malformed;
    QTest::newRow("an object where text goes") << 13 << malformed;
    QTest::newRow("a cursor already taken by another page") << 14 << int(FeedApplier::Failure::OutOfOrder);
}

void TestFeedApplier::hostilePagesAreRefusedWhole()
{
    QFETCH(int, which);
    QFETCH(int, failure);
    // A valid first page, so "nothing applied" means nothing of it either.
    const QByteArray good =
        sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"), QJsonArray{subjectChange(1)}));
    if (which == 14)
        QVERIFY(apply({good}).ok());
    const int subjectsBefore = count(QStringLiteral("subjects"));
    const int pagesBefore = count(QStringLiteral("sync_pages"));
    QByteArray bad;
    switch (which) {
    case 0:
        bad = FeedPages::signLine(
            page(QStringLiteral("subjects"), QStringLiteral("s1"), QStringLiteral("s2"), QJsonArray{subjectChange(2)}),
            SecureBytes::random(Signing::SeedBytes));
        break;
    case 1: {
        QJsonObject line = QJsonDocument::fromJson(sign(page(QStringLiteral("subjects"), QStringLiteral("s1"),
                                                             QStringLiteral("s2"), QJsonArray{subjectChange(2)})))
                               .object();
        QByteArray bytes = QByteArray::fromBase64(line.value(QStringLiteral("page")).toString().toLatin1());
        bytes.replace("S-2", "S-9");
        line.insert(QStringLiteral("page"), QString::fromLatin1(bytes.toBase64()));
        bad = QJsonDocument(line).toJson(QJsonDocument::Compact);
        break;
    }
    case 2:
        bad = sign(page(QStringLiteral("subjects"), QStringLiteral("s1"), QStringLiteral("s2"),
                        QJsonArray{subjectChange(2)}, QStringLiteral("another-platform")));
        break;
    case 3:
        bad = sign(page(QStringLiteral("gossip"), QString(), QStringLiteral("g1"), QJsonArray{}));
        break;
    case 4:
        bad = sign(page(QStringLiteral("case_decisions"), QString(), QStringLiteral("p1"), QJsonArray{}));
        break;
    case 5: {
        QByteArray bytes =
            page(QStringLiteral("subjects"), QStringLiteral("s1"), QStringLiteral("s2"), QJsonArray{subjectChange(2)});
        bytes.replace("S-2", "S-\xff\xfe");
        bad = sign(bytes);
        break;
    }
    case 6: {
        QByteArray nested = QByteArray(40, '[') + QByteArray(40, ']');
        QByteArray bytes = page(QStringLiteral("subjects"), QStringLiteral("s1"), QStringLiteral("s2"), QJsonArray{});
        bytes.replace("\"changes\":[]", "\"changes\":[" + nested + "]");
        bad = sign(bytes);
        break;
    }
    case 7: {
        QJsonObject change = subjectChange(2);
        change.insert(QStringLiteral("name"), QString(201, QChar(0x4e00)));
        bad = sign(page(QStringLiteral("subjects"), QStringLiteral("s1"), QStringLiteral("s2"), QJsonArray{change}));
        break;
    }
    case 8:
        bad =
            sign(page(QStringLiteral("credit_items"), QString(), QStringLiteral("i1"), QJsonArray{itemChange(1, 77)}));
        break;
    case 9: {
        QJsonObject change = itemChange(1, 1);
        change.insert(QStringLiteral("item_type"), QStringLiteral("gossip"));
        bad = sign(page(QStringLiteral("credit_items"), QString(), QStringLiteral("i1"), QJsonArray{change}));
        break;
    }
    case 10:
        bad = sign(
            page(QStringLiteral("subjects"), QStringLiteral("s7"), QStringLiteral("s8"), QJsonArray{subjectChange(2)}));
        break;
    case 11:
        bad = sign("{\"format\": \"xmcredit-feed\", ");
        break;
    case 12: {
        QByteArray bytes = page(QStringLiteral("subjects"), QStringLiteral("s1"), QStringLiteral("s2"), QJsonArray{});
        bytes.replace(",\"version\":1", "");
        QVERIFY(!bytes.contains("version"));
        bad = sign(bytes);
        break;
    }
    case 13: {
        QJsonObject change = subjectChange(2);
        change.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("a"), 1}});
        bad = sign(page(QStringLiteral("subjects"), QStringLiteral("s1"), QStringLiteral("s2"), QJsonArray{change}));
        break;
    }
    case 14:
        bad = sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"), QJsonArray{subjectChange(5)}));
        break;
    }
    const FeedApplier::Result r = apply(which == 14 ? QList<QByteArray>{bad} : QList<QByteArray>{good, bad});
    QCOMPARE(int(r.failure), failure);
    QVERIFY(!r.message.isEmpty());
    QCOMPARE(count(QStringLiteral("subjects")), subjectsBefore);
    QCOMPARE(count(QStringLiteral("sync_pages")), pagesBefore);
}

void TestFeedApplier::aFailingPageUndoesTheWholeImport()
{
    // Page 1 is fine and verified; page 2 fails only when applied (an item of a subject nobody sent): nothing stays.
    const QByteArray s1 =
        sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"), QJsonArray{subjectChange(1)}));
    const QByteArray i1 = sign(page(QStringLiteral("credit_items"), QString(), QStringLiteral("i1"),
                                    QJsonArray{itemChange(1, 1), itemChange(2, 99)}));
    const FeedApplier::Result r = apply({s1, i1});
    QCOMPARE(r.failure, FeedApplier::Failure::Malformed);
    QCOMPARE(count(QStringLiteral("subjects")), 0);
    QCOMPARE(count(QStringLiteral("credit_items")), 0);
    QCOMPARE(count(QStringLiteral("sync_streams")), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.page'")).toInt(), 0);
}

void TestFeedApplier::packages()
{
    const QList<QByteArray> lines{
        sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"), QJsonArray{subjectChange(1)})),
        sign(page(QStringLiteral("credit_items"), QString(), QStringLiteral("i1"), QJsonArray{itemChange(1, 1)}))};
    SyncReport report;
    const QByteArray package = FeedApplier::makePackage(Platform, lines, m_seed);
    // A package whose header someone else signed (to hold back the newest pages, or to splice in others): refused.
    const QByteArray forged = FeedApplier::makePackage(Platform, {lines.first()}, SecureBytes::random(32));
    QCOMPARE(FeedApplier(m_admin).applyPackage(forged, &report).failure, FeedApplier::Failure::Signature);
    // Truncated, a page dropped, an empty file, not a package: refused whole.
    for (const QByteArray& broken :
         {package.left(package.size() - 10), package.left(package.indexOf('\n') + 1) + lines.at(1) + '\n', QByteArray(),
          QByteArray("hello\nworld\n")}) {
        const FeedApplier::Result r = FeedApplier(m_admin).applyPackage(broken, &report);
        QCOMPARE(r.failure, FeedApplier::Failure::Malformed);
        QCOMPARE(count(QStringLiteral("subjects")), 0);
    }
    QVERIFY(FeedApplier(m_admin).applyPackage(package, &report).ok());
    QCOMPARE(report.pagesApplied, 2);
    QVERIFY(FeedApplier(m_admin).applyPackage(package, &report).ok());
    QCOMPARE(report.pagesSkipped, 2);
    QCOMPARE(count(QStringLiteral("subjects")), 1);
}

void TestFeedApplier::enrolmentAndRoles()
{
    QString error;
    // Once only.
    QVERIFY(!SyncEnrolment::enrol(m_admin, Platform, Signing::publicKey(SecureBytes::random(32)), QString(), &error));
    QVERIFY(error.contains(Platform));
    SyncEnrolmentInfo info;
    QVERIFY(SyncEnrolment::read(m_tdb->database(), &info));
    QCOMPARE(info.publicKey, Signing::publicKey(m_seed));
    // A clerk may neither enrol nor import a package, but the window's background sync applies pulled pages in the
    // clerk's session (pullSync); an auditor may do none of it.
    QVERIFY(m_tdb->enrol(QStringLiteral("clerk1"), Role::Clerk, &error));
    const Session clerk = session(*m_tdb, Role::Clerk, QStringLiteral("clerk1"));
    QVERIFY(!SyncEnrolment::enrol(clerk, Platform, Signing::publicKey(m_seed), QString(), &error));
    SyncReport report;
    QCOMPARE(FeedApplier(clerk).applyPackage(QByteArrayLiteral("x\n"), &report).failure, FeedApplier::Failure::Denied);
    QCOMPARE(FeedApplier(clerk).applyLines({}, &report).failure, FeedApplier::Failure::None);
    QVERIFY(m_tdb->enrol(QStringLiteral("audit1"), Role::Auditor, &error));
    const Session auditor = session(*m_tdb, Role::Auditor, QStringLiteral("audit1"));
    QCOMPARE(FeedApplier(auditor).applyLines({}, &report).failure, FeedApplier::Failure::Denied);
    // A workstation not enrolled applies nothing.
    TestDatabase other;
    QVERIFY(other.enrol(QStringLiteral("admin1"), Role::Administrator, &error));
    const Session admin = session(other, Role::Administrator, QStringLiteral("admin1"));
    QCOMPARE(FeedApplier(admin).applyLines({}, &report).failure, FeedApplier::Failure::NotEnrolled);
}

void TestFeedApplier::syncTablesRefuseChange()
{
    QVERIFY(
        apply({sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"), QJsonArray{subjectChange(1)}))})
            .ok());
    // The HTTPS transport: something that is not a certificate is refused before anything is written; a row written
    // by SQL (with this program's driver, so its seal triggers run) is then guarded like the rest.
    SyncTransport transport;
    transport.url = QUrl(QStringLiteral("https://127.0.0.1:47443"));
    transport.caPem = QByteArrayLiteral("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
    transport.token = QByteArray(40, 'a');
    QString error;
    QVERIFY(!SyncTransportStore::write(m_admin, transport, &error));
    QVERIFY(error.contains(QStringLiteral("PEM")));
    QVERIFY2(m_tdb->exec(QStringLiteral("INSERT INTO sync_transport (platform_url, ca_certificate, device_token, "
                                        "set_by, set_at) VALUES ('https://127.0.0.1:1', "
                                        "'-----BEGIN CERTIFICATE-----x', '%1', 'admin1', '2026-12-04T00:00:00Z')")
                             .arg(QString(40, QLatin1Char('a'))),
                         &error),
             qPrintable(error));
    for (const QString& sql :
         {QStringLiteral("DELETE FROM sync_transport"), QStringLiteral("UPDATE sync_transport SET device_token = 'x'"),
          QStringLiteral("INSERT OR REPLACE INTO sync_transport SELECT * FROM sync_transport"),
          QStringLiteral("DELETE FROM sync_enrolment"),
          QStringLiteral("UPDATE sync_enrolment SET public_key = "
                         "'00'"),
          QStringLiteral("INSERT OR REPLACE INTO sync_enrolment SELECT * FROM sync_enrolment"),
          QStringLiteral("DELETE FROM sync_streams"), QStringLiteral("UPDATE sync_streams SET cursor = ''"),
          QStringLiteral("INSERT OR REPLACE INTO sync_streams SELECT * FROM sync_streams"),
          QStringLiteral("DELETE FROM sync_pages"), QStringLiteral("UPDATE sync_pages SET sha256 = 'x'"),
          QStringLiteral("INSERT OR REPLACE INTO sync_pages SELECT * FROM sync_pages")}) {
        QString why;
        QVERIFY2(!m_tdb->exec(sql, &why), qPrintable(sql));
        QVERIFY2(why.contains(QStringLiteral("never")) || why.contains(QStringLiteral("only moves on")),
                 qPrintable(why));
    }
    // With its guard and seal triggers dropped (as the sqlcipher tool can), a token changed in place no longer adds
    // up to the table's seal: `check` names the table.
    QVERIFY(
        m_tdb->exec(QStringLiteral("DROP TRIGGER sync_transport_no_update; DROP TRIGGER sync_transport_seal_update; "
                                   "UPDATE sync_transport SET device_token = '%1';")
                        .arg(QString(40, QLatin1Char('b'))),
                    &error));
    QStringList problems;
    QVERIFY(!RowSeals::verify(m_tdb->database(), &problems));
    QVERIFY2(problems.join(QLatin1Char(' ')).contains(QStringLiteral("sync_transport")),
             qPrintable(problems.join(QLatin1Char(' '))));
}

void TestFeedApplier::calendarYearsFromThePlatform()
{
    // The State Council's 2027 schedule (made up for the test: a National Day week and a make-up Saturday), as the
    // platform publishes it in November.
    CalendarYear y2027;
    y2027.year = 2027;
    y2027.source = QStringLiteral("test");
    y2027.holidays = {{QStringLiteral("national_day"), QStringLiteral("国庆节"), QStringLiteral("National Day"),
                       QDate(2027, 10, 1), QDate(2027, 10, 7)}};
    y2027.workingWeekends = {{QDate(2027, 10, 9), QStringLiteral("national_day")}};
    auto change = [](const CalendarYear& y, int version) {
        return QJsonObject{{QStringLiteral("platform_id"), QStringLiteral("calendar/%1").arg(y.year)},
                           {QStringLiteral("platform_version"), version},
                           {QStringLiteral("year"), y.year},
                           {QStringLiteral("definition"),
                            QString::fromUtf8(QJsonDocument::fromJson(y.toJson()).toJson(QJsonDocument::Compact))}};
    };
    QString error;
    WorkingCalendar before = CalendarYears::load(m_tdb->database(), &error);
    QVERIFY(!before.covers(2027));
    SyncReport report;
    FeedApplier::Result r =
        apply({sign(page(QStringLiteral("calendar"), QString(), QStringLiteral("k1"), QJsonArray{change(y2027, 1)}))},
              &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.applied.value(QStringLiteral("calendar")), 1);
    WorkingCalendar after = CalendarYears::load(m_tdb->database(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(after.covers(2027));
    QVERIFY(!after.isWorkingDay(QDate(2027, 10, 4)));  // a Monday of the National Day week
    QVERIFY(after.isWorkingDay(QDate(2027, 10, 9)));   // the make-up Saturday
    QVERIFY(after.covers(2026) && after.covers(2025)); // the built-in years stand
    // The same version again: unchanged. An older one: unchanged. A newer correction: applied.
    CalendarYear corrected = y2027;
    corrected.workingWeekends = {{QDate(2027, 10, 10), QStringLiteral("national_day")}};
    r = apply({sign(page(QStringLiteral("calendar"), QStringLiteral("k1"), QStringLiteral("k2"),
                         QJsonArray{change(corrected, 1), change(corrected, 2)}))},
              &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.unchanged.value(QStringLiteral("calendar")), 1);
    after = CalendarYears::load(m_tdb->database(), &error);
    QVERIFY(!after.isWorkingDay(QDate(2027, 10, 9)));
    QVERIFY(after.isWorkingDay(QDate(2027, 10, 10)));
    // Hostile changes refuse the whole page.
    const int years = count(QStringLiteral("calendar_years"));
    QJsonObject wrongYear = change(y2027, 3);
    wrongYear.insert(QStringLiteral("year"), 2028);
    QJsonObject garbage = change(y2027, 3);
    garbage.insert(QStringLiteral("definition"), QStringLiteral("{\"format\":1,\"year\":2027,\"holidays\":7}"));
    CalendarYear weekdayMakeUp = y2027;
    weekdayMakeUp.workingWeekends = {{QDate(2027, 10, 12), QStringLiteral("national_day")}}; // a Tuesday
    for (const QJsonObject& bad : {wrongYear, garbage, change(weekdayMakeUp, 3)}) {
        r = apply(
            {sign(page(QStringLiteral("calendar"), QStringLiteral("k2"), QStringLiteral("k3"), QJsonArray{bad}))});
        QCOMPARE(r.failure, FeedApplier::Failure::Malformed);
        QCOMPARE(count(QStringLiteral("calendar_years")), years);
    }
    // Guarded like every table of records.
    QString why;
    QVERIFY(!m_tdb->exec(QStringLiteral("DELETE FROM calendar_years"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("INSERT OR REPLACE INTO calendar_years SELECT * FROM calendar_years"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("UPDATE calendar_years SET definition = '{}'"), &why));
    QVERIFY2(why.contains(QStringLiteral("newer platform version")), qPrintable(why));
}

void TestFeedApplier::policyProfilesFromThePlatform()
{
    // A profile for 2027 (made up for the test: the built-in rules with a longer objection time limit), then its
    // corrected edition; and a corrected edition of the built-in profile itself.
    QFile builtIn(QStringLiteral(":/xmcredit/policy/xiamen-2021.json"));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    const QJsonObject base = QJsonDocument::fromJson(builtIn.readAll()).object();
    auto profile = [&](const QString& id, const QString& from, int objectionDays) {
        QJsonObject p = base;
        p.insert(QStringLiteral("id"), id);
        p.insert(QStringLiteral("effectiveFrom"), from);
        QJsonObject limits = p.value(QStringLiteral("timeLimits")).toObject();
        limits.insert(QStringLiteral("objection"), objectionDays);
        p.insert(QStringLiteral("timeLimits"), limits);
        return p;
    };
    auto change = [](const QJsonObject& p, int version) {
        const QString id = p.value(QStringLiteral("id")).toString();
        return QJsonObject{
            {QStringLiteral("platform_id"), QStringLiteral("policy/") + id},
            {QStringLiteral("platform_version"), version},
            {QStringLiteral("profile_id"), id},
            {QStringLiteral("definition"), QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact))}};
    };
    QString error;
    QVERIFY(!PolicyProfiles::load(m_tdb->database(), &error).profile(QStringLiteral("xiamen-2027")));
    SyncReport report;
    FeedApplier::Result r = apply(
        {sign(page(QStringLiteral("policy"), QString(), QStringLiteral("p1"),
                   QJsonArray{change(profile(QStringLiteral("xiamen-2027"), QStringLiteral("2027-01-01"), 9), 1)}))},
        &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.applied.value(QStringLiteral("policy")), 1);
    PolicyRegistry registry = PolicyProfiles::load(m_tdb->database(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(registry.profiles().size(), 2);
    QCOMPARE(registry.profileOn(QDate(2027, 3, 1))->id(), QStringLiteral("xiamen-2027"));
    QCOMPARE(registry.profileOn(QDate(2027, 3, 1))->timeLimit(CaseStage::Objection), 9);
    QCOMPARE(registry.profileOn(QDate(2026, 3, 1))->id(), QStringLiteral("xiamen-2021")); // the built-in stands
    // The same version again and an older one: unchanged; a newer edition of each: applied.
    r = apply(
        {sign(page(QStringLiteral("policy"), QStringLiteral("p1"), QStringLiteral("p2"),
                   QJsonArray{change(profile(QStringLiteral("xiamen-2027"), QStringLiteral("2027-01-01"), 11), 1),
                              change(profile(QStringLiteral("xiamen-2027"), QStringLiteral("2027-01-01"), 8), 2),
                              change(profile(QStringLiteral("xiamen-2021"), QStringLiteral("2021-01-01"), 7), 1)}))},
        &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.unchanged.value(QStringLiteral("policy")), 1);
    registry = PolicyProfiles::load(m_tdb->database(), &error);
    QCOMPARE(registry.profiles().size(), 2);
    QCOMPARE(registry.profileOn(QDate(2027, 3, 1))->timeLimit(CaseStage::Objection), 8);
    QCOMPARE(registry.profileOn(QDate(2026, 3, 1))->timeLimit(CaseStage::Objection), 7);
    // Hostile changes refuse the whole page, nothing applied.
    const int held = count(QStringLiteral("policy_profiles"));
    QJsonObject otherId = change(profile(QStringLiteral("xiamen-2028"), QStringLiteral("2028-01-01"), 6), 1);
    otherId.insert(QStringLiteral("profile_id"), QStringLiteral("xiamen-2029"));
    QJsonObject notJson = change(profile(QStringLiteral("xiamen-2028"), QStringLiteral("2028-01-01"), 6), 1);
    notJson.insert(QStringLiteral("definition"), QStringLiteral("{\"format\":1,\"id\":\"xiamen-2028\""));
    QJsonObject invalid = profile(QStringLiteral("xiamen-2028"), QStringLiteral("2028-01-01"), 6);
    invalid.insert(QStringLiteral("disclosurePeriods"),
                   QJsonObject{{QStringLiteral("general"), QStringLiteral("forever")}});
    QJsonObject badId = change(profile(QStringLiteral("Xiamen 2028; DROP"), QStringLiteral("2028-01-01"), 6), 1);
    QJsonObject huge = change(profile(QStringLiteral("xiamen-2028"), QStringLiteral("2028-01-01"), 6), 1);
    huge.insert(QStringLiteral("definition"), QString(70000, QLatin1Char(' ')));
    const QList<QJsonObject> bad{otherId, notJson, change(invalid, 1), badId, huge,
                                 // two profiles taking effect the same day: the choice would be arbitrary
                                 change(profile(QStringLiteral("xiamen-2027b"), QStringLiteral("2027-01-01"), 6), 1)};
    for (const QJsonObject& b : bad) {
        SyncReport none;
        r = apply(
            {sign(page(
                QStringLiteral("policy"), QStringLiteral("p2"), QStringLiteral("p3"),
                QJsonArray{change(profile(QStringLiteral("xiamen-2030"), QStringLiteral("2030-01-01"), 6), 1), b}))},
            &none);
        QCOMPARE(r.failure, FeedApplier::Failure::Malformed);
        QVERIFY(!r.message.isEmpty());
        QCOMPARE(count(QStringLiteral("policy_profiles")), held);
        QCOMPARE(none.pagesApplied, 0);
    }
    // Guarded like every table of records.
    QString why;
    QVERIFY(!m_tdb->exec(QStringLiteral("DELETE FROM policy_profiles"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("INSERT OR REPLACE INTO policy_profiles SELECT * FROM policy_profiles"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("UPDATE policy_profiles SET definition = '{}'"), &why));
    QVERIFY2(why.contains(QStringLiteral("newer platform version")), qPrintable(why));
    QVERIFY(RowSeals::sealedTables().contains(QStringLiteral("policy_profiles")));
}

void TestFeedApplier::staffDirectoryFromThePlatform()
{
    auto entry = [](const QString& user, const QString& name, const QString& role, bool active, int version) {
        return QJsonObject{{QStringLiteral("platform_id"), QStringLiteral("staff/") + user},
                           {QStringLiteral("platform_version"), version},
                           {QStringLiteral("username"), user},
                           {QStringLiteral("display_name"), name},
                           {QStringLiteral("role"), role},
                           {QStringLiteral("unit"), QStringLiteral("湖里区信用窗口")},
                           {QStringLiteral("active"), active}};
    };
    SyncReport report;
    FeedApplier::Result r =
        apply({sign(page(QStringLiteral("staff"), QString(), QStringLiteral("d1"),
                         QJsonArray{entry(QStringLiteral("huli-clerk"), QStringLiteral("黄志强"),
                                          QStringLiteral("clerk"), true, 1),
                                    entry(QStringLiteral("platform-review"), QStringLiteral("林海燕"),
                                          QStringLiteral("platform_reviewer"), true, 1)}))},
              &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.applied.value(QStringLiteral("staff")), 2);
    QHash<QString, QString> names = PlatformStaff::names(m_tdb->database());
    QCOMPARE(names.value(QStringLiteral("huli-clerk")), QStringLiteral("黄志强 (湖里区信用窗口)"));
    // Leaving is a newer version, inactive; an older version changes nothing.
    r = apply({sign(page(QStringLiteral("staff"), QStringLiteral("d1"), QStringLiteral("d2"),
                         QJsonArray{entry(QStringLiteral("huli-clerk"), QStringLiteral("黄志强"),
                                          QStringLiteral("clerk"), false, 2),
                                    entry(QStringLiteral("platform-review"), QStringLiteral("某人"),
                                          QStringLiteral("clerk"), true, 1)}))},
              &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    names = PlatformStaff::names(m_tdb->database());
    QVERIFY2(names.value(QStringLiteral("huli-clerk")).endsWith(QStringLiteral("left")) ||
                 names.value(QStringLiteral("huli-clerk")).contains(QStringLiteral("离")),
             qPrintable(names.value(QStringLiteral("huli-clerk"))));
    QVERIFY(names.value(QStringLiteral("platform-review")).startsWith(QStringLiteral("林海燕")));
    // A directory entry is no login: the local staff list does not hold it.
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM staff WHERE username = 'huli-clerk'")).toInt(), 0);
    // Hostile entries refuse the page.
    const int held = count(QStringLiteral("platform_staff"));
    QJsonObject wrongId = entry(QStringLiteral("x1"), QStringLiteral("某"), QStringLiteral("clerk"), true, 1);
    wrongId.insert(QStringLiteral("platform_id"), QStringLiteral("staff/admin"));
    QJsonObject notBool = entry(QStringLiteral("x2"), QStringLiteral("某"), QStringLiteral("clerk"), true, 1);
    notBool.insert(QStringLiteral("active"), QStringLiteral("yes"));
    const QList<QJsonObject> bad{
        entry(QStringLiteral("x3"), QStringLiteral("某"), QStringLiteral("root"), true, 1),
        entry(QStringLiteral("Admin; DROP TABLE staff"), QStringLiteral("某"), QStringLiteral("clerk"), true, 1),
        entry(QStringLiteral("x4"), QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("fdp"),
              QStringLiteral("clerk"), true, 1),
        entry(QStringLiteral("x5"), QStringLiteral("  "), QStringLiteral("clerk"), true, 1),
        entry(QStringLiteral("x6"), QStringLiteral("某"), QStringLiteral("clerk"), true, 0),
        wrongId,
        notBool};
    for (const QJsonObject& b : bad) {
        r = apply({sign(page(
            QStringLiteral("staff"), QStringLiteral("d2"), QStringLiteral("d3"),
            QJsonArray{entry(QStringLiteral("ok-user"), QStringLiteral("某"), QStringLiteral("clerk"), true, 1), b}))});
        QCOMPARE(r.failure, FeedApplier::Failure::Malformed);
        QCOMPARE(count(QStringLiteral("platform_staff")), held);
    }
    QString why;
    QVERIFY(!m_tdb->exec(QStringLiteral("DELETE FROM platform_staff"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("INSERT OR REPLACE INTO platform_staff SELECT * FROM platform_staff"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("UPDATE platform_staff SET role = 'administrator'"), &why));
    QVERIFY(RowSeals::sealedTables().contains(QStringLiteral("platform_staff")));
}

void TestFeedApplier::caseMovesFromOtherWindows()
{
    holdCity();
    // A case taken in at another window, then reviewed there: it is created here and moves as the platform says.
    SyncReport report;
    FeedApplier::Result r =
        apply({sign(page(QStringLiteral("case_moves"), QString(), QStringLiteral("c1"),
                         QJsonArray{intake(), move(1, QStringLiteral("start_review"), QStringLiteral("received"),
                                                   QStringLiteral("municipal_review"))}))},
              &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.applied.value(QStringLiteral("case_moves")), 2);
    QCOMPARE(m_tdb
                 ->scalar(QStringLiteral("SELECT state || '/' || assigned_to || '/' || intake_by FROM cases WHERE "
                                         "case_no = 'XF2026-AB12-000001'"))
                 .toString(),
             QStringLiteral("municipal_review/rev9/clerk9"));
    QCOMPARE(count(QStringLiteral("case_events")), 2);
    QCOMPARE(count(QStringLiteral("case_items")), 1);
    QCOMPARE(
        m_tdb->scalar(QStringLiteral("SELECT group_concat(seq || ':' || source) FROM case_platform_events")).toString(),
        QStringLiteral("0:pulled,1:pulled"));
    // The same moves again on a later page: already held, nothing written.
    r = apply({sign(page(QStringLiteral("case_moves"), QStringLiteral("c1"), QStringLiteral("c2"),
                         QJsonArray{move(1, QStringLiteral("start_review"), QStringLiteral("received"),
                                         QStringLiteral("municipal_review"))}))},
              &report);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(report.unchanged.value(QStringLiteral("case_moves")), 1);
    QCOMPARE(count(QStringLiteral("case_events")), 2);
    // Seals hold; the clocks of the new case are stale until the next queue read fills them.
    QStringList problems;
    QVERIFY2(RowSeals::verify(m_tdb->database(), &problems), qPrintable(problems.join(QLatin1Char(' '))));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT basis FROM case_clocks")).toString(), QString());
    // Applied moves are not this window's to send.
    QList<OutboxEntry> pending;
    QVERIFY(Outbox::pending(m_tdb->database(), QStringLiteral("this-window"), 100, &pending));
    QVERIFY(pending.isEmpty());
    // The guards of the case tables hold for these rows too.
    QString why;
    QVERIFY(!m_tdb->exec(QStringLiteral("DELETE FROM case_platform_events"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("UPDATE case_platform_events SET seq = 5"), &why));
    QVERIFY(!m_tdb->exec(QStringLiteral("INSERT INTO case_platform_events SELECT case_id, 9, event_id, source, "
                                        "recorded_at FROM case_platform_events LIMIT 1"),
                         &why));
    QVERIFY2(why.contains(QStringLiteral("never")), qPrintable(why));
}

void TestFeedApplier::hostileCaseMovesAreRefused_data()
{
    QTest::addColumn<QJsonArray>("changes");
    QTest::addColumn<int>("failure");
    const int malformed = int(FeedApplier::Failure::Malformed);
    const int outOfOrder = int(FeedApplier::Failure::OutOfOrder);
    const QJsonObject received = intake();
    auto with = [](QJsonObject o, const char* key, const QJsonValue& v) {
        o.insert(QLatin1String(key), v);
        return o;
    };
    QTest::newRow("a move of a case not held, without its intake")
        << QJsonArray{move(1, QStringLiteral("start_review"), QStringLiteral("received"),
                           QStringLiteral("municipal_review"))}
        << outOfOrder;
    QTest::newRow("a gap in a case's moves")
        << QJsonArray{received, move(2, QStringLiteral("start_review"), QStringLiteral("received"),
                                     QStringLiteral("municipal_review"))}
        << outOfOrder;
    QTest::newRow("a subject not held") << QJsonArray{with(received, "subject_platform_id", QStringLiteral("S-404"))}
                                        << outOfOrder;
    QTest::newRow("an item of another subject")
        << QJsonArray{with(received, "item_platform_ids", QStringLiteral("I-2"))} << outOfOrder;
    QTest::newRow("not a case number") << QJsonArray{with(received, "case_no", QStringLiteral("'; DROP TABLE cases--"))}
                                       << malformed;
    QTest::newRow("an unknown state") << QJsonArray{with(received, "to_state", QStringLiteral("approved_by_me"))}
                                      << malformed;
    QTest::newRow("an unknown kind") << QJsonArray{with(received, "case_kind", QStringLiteral("appeal"))} << malformed;
    QTest::newRow("move 0 that is not an intake")
        << QJsonArray{with(received, "action", QStringLiteral("start_review"))} << malformed;
    QTest::newRow("an intake without its applicant") << QJsonArray{with(received, "applicant", QString())} << malformed;
    QTest::newRow("details that are not an object")
        << QJsonArray{with(received, "details", QStringLiteral("[1,2]"))} << malformed;
    QTest::newRow("a nested object") << QJsonArray{with(received, "details", QJsonObject{{QStringLiteral("a"), 1}})}
                                     << malformed;
    QTest::newRow("a note too long") << QJsonArray{with(received, "note", QString(5000, QLatin1Char('x')))}
                                     << malformed;
}

void TestFeedApplier::hostileCaseMovesAreRefused()
{
    QFETCH(QJsonArray, changes);
    QFETCH(int, failure);
    holdCity();
    const int audits = count(QStringLiteral("audit_log"));
    const FeedApplier::Result r =
        apply({sign(page(QStringLiteral("case_moves"), QString(), QStringLiteral("c1"), changes))});
    QCOMPARE(int(r.failure), failure);
    QVERIFY(!r.message.isEmpty());
    // Nothing of the page: no case, no event, no cursor, no audit entry.
    QCOMPARE(count(QStringLiteral("cases")), 0);
    QCOMPARE(count(QStringLiteral("case_events")), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM sync_streams WHERE stream = 'case_moves'")).toInt(), 0);
    QCOMPARE(count(QStringLiteral("audit_log")), audits);
}

void TestFeedApplier::envelopesInAnySpelling()
{
    // The platform's compact envelope is read without the JSON parser; every other spelling of the same envelope
    // goes through it and verifies the same, and a line that only looks compact gets the parser's reason.
    const QByteArray bytes =
        page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"), QJsonArray{subjectChange(1)});
    const QByteArray compact = sign(bytes);
    const QJsonObject envelope = QJsonDocument::fromJson(compact).object();
    const QByteArray pageText = envelope.value(QStringLiteral("page")).toString().toLatin1();
    const QByteArray signatureText = envelope.value(QStringLiteral("signature")).toString().toLatin1();
    QVERIFY(compact.startsWith("{\"page\":\""));
    const QByteArray key = Signing::publicKey(m_seed);
    const QList<QByteArray> spellings{
        compact,
        "{ \"signature\" : \"" + signatureText + "\",\n  \"page\": \"" + pageText + "\" }",
        // The page's first character written as a JSON escape.
        "{\"page\":\"\\u00" + QByteArray(1, pageText.at(0)).toHex() + pageText.mid(1) + "\",\"signature\":\"" +
            signatureText + "\"}",
        "{\"page\":\"" + pageText + "\",\"signature\":\"" + signatureText + "\"}\n",
    };
    for (const QByteArray& line : spellings) {
        FeedPage parsed;
        QString error;
        QVERIFY2(FeedPages::verifyLine(line, key, Platform, &parsed, &error), qPrintable(error));
        QCOMPARE(parsed.cursor, QStringLiteral("s1"));
        FeedPageHeader header;
        QVERIFY2(FeedPages::verifyHeader(line, key, Platform, &header, &error), qPrintable(error));
        QCOMPARE(header.cursor, QStringLiteral("s1"));
        QCOMPARE(header.after, QString());
        QCOMPARE(header.stream, QStringLiteral("subjects"));
        QCOMPARE(parsed.sha256, QString::fromLatin1(Signing::sha256(bytes).toHex()));
        QCOMPARE(parsed.changes.size(), 1);
    }
    // The header is read at the page's top level only, and a cursor written with an escape is read by the parser.
    QJsonObject decoy = subjectChange(1);
    decoy.insert(QStringLiteral("cursor"), QStringLiteral("decoy"));
    decoy.insert(QStringLiteral("stream"), QStringLiteral("staff"));
    for (const QByteArray& tricky :
         {page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"), QJsonArray{decoy}),
          QByteArray(bytes).replace("\"cursor\":\"s1\"", "\"cursor\":\"s\\u0031\"")}) {
        QVERIFY(tricky != bytes);
        FeedPageHeader header;
        QString error;
        QVERIFY2(FeedPages::verifyHeader(sign(tricky), key, Platform, &header, &error), qPrintable(error));
        QCOMPARE(header.cursor, QStringLiteral("s1"));
        QCOMPARE(header.stream, QStringLiteral("subjects"));
    }
    struct Bad
    {
        QByteArray line;
        QString reason;
    };
    const QList<Bad> bad{
        {"{\"page\":\"" + pageText + "\",\"signature\":\"" + signatureText + "\",\"x\":\"1\"}",
         QStringLiteral("needs exactly")},
        {"{\"page\":\"" + pageText.left(8) + "\"" + pageText.mid(8) + "\",\"signature\":\"" + signatureText + "\"}",
         QStringLiteral("not valid JSON")},
        {"{\"page\":\"" + pageText + "!\",\"signature\":\"" + signatureText + "\"}", QStringLiteral("base64")},
        {"{\"page\":\"" + pageText + "\",\"signature\":\"" + signatureText.left(20) + "\"}",
         QStringLiteral("does not verify")},
    };
    for (const Bad& b : bad) {
        FeedPage parsed;
        QString error;
        QVERIFY2(!FeedPages::verifyLine(b.line, key, Platform, &parsed, &error), b.line.left(60).constData());
        QVERIFY2(error.contains(b.reason), qPrintable(error));
        FeedPageHeader header;
        QString headerError;
        QVERIFY(!FeedPages::verifyHeader(b.line, key, Platform, &header, &headerError));
        QCOMPARE(headerError, error);
    }
}

void TestFeedApplier::fuzzThePageParser()
{
    // Random mutations of a valid signed line: the parser never crashes and never accepts a line that differs from
    // the signed one in its page or signature.
    const QByteArray valid = sign(page(QStringLiteral("subjects"), QString(), QStringLiteral("s1"),
                                       QJsonArray{subjectChange(1), subjectChange(2)}));
    const QByteArray key = Signing::publicKey(m_seed);
    FeedPage parsed;
    QString error;
    QVERIFY(FeedPages::verifyLine(valid, key, Platform, &parsed, &error));
    QRandomGenerator random(20261204);
    const int rounds = qEnvironmentVariableIntValue("XMCREDIT_FUZZ_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("XMCREDIT_FUZZ_ROUNDS")
                           : 3000;
    int accepted = 0;
    for (int round = 0; round < rounds; ++round) {
        QByteArray line = valid;
        const int edits = 1 + random.bounded(4);
        for (int e = 0; e < edits; ++e) {
            const int at = random.bounded(int(line.size()));
            switch (random.bounded(4)) {
            case 0:
                line[at] = char(random.bounded(256));
                break;
            case 1:
                line.remove(at, 1 + random.bounded(8));
                break;
            case 2:
                line.insert(at, QByteArray(1 + random.bounded(8), char(random.bounded(256))));
                break;
            default:
                line.truncate(at);
                break;
            }
        }
        // What a sync reads of a page as it arrives (its header) agrees with the whole page's verification: a line
        // the header check refuses is refused, and a line verified whole has the header read from it.
        FeedPageHeader header;
        QString headerError;
        const bool headerOk = FeedPages::verifyHeader(line, key, Platform, &header, &headerError);
        if (FeedPages::verifyLine(line, key, Platform, &parsed, &error)) {
            // Only a mutation outside the signed content (e.g. JSON whitespace) may still verify.
            ++accepted;
            QCOMPARE(parsed.cursor, QStringLiteral("s1"));
            QVERIFY2(headerOk, qPrintable(headerError));
            QCOMPARE(header.cursor, parsed.cursor);
            QCOMPARE(header.after, parsed.after);
            QCOMPARE(header.stream, parsed.stream);
        } else if (!headerOk) {
            QCOMPARE(headerError, error);
        }
    }
    qInfo("fuzz: %d mutated lines, %d still verified (unchanged signed content)", rounds, accepted);
}

QTEST_GUILESS_MAIN(TestFeedApplier)
#include "TestFeedApplier.moc"
