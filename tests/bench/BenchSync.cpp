#include "../unit/RecordsTestFixtures.h"

#include "records/CreditItemRepository.h"
#include "records/RecordJson.h"
#include "records/SubjectRepository.h"
#include "storage/RowSeals.h"
#include "storage/Signing.h"
#include "sync/FeedApplier.h"
#include "sync/ReferenceFeed.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <sqlite3.h>

// Sync into a new workstation and into a full one, in rows per second, each beside a raw SQLCipher baseline measured
// in the same run on the same kind of file:
//  - first sync: the platform's signed pages of a generated city, streamed page by page from the platform's database
//    (never held whole), applied by FeedApplier as SyncClient applies them (one import in batches of 200 pages on
//    the bulk path: verification, cursors, audit, indexes, name index and seals made after the load), beside a raw
//    bulk insert of the same rows through the SQLite C API into tables of the same columns (one prepared statement
//    per table, one transaction, the platform-id indexes after);
//  - incremental sync: changes to existing items (new versions) applied page by page, each page its own
//    transaction as the protocol requires, beside a raw upsert of the same rows (UPDATE by platform id through its
//    index) into the raw tables, committed per page of 1,000 like the app, and in one transaction.
// Only the writes are timed: reading the platform's city, making the JSON and signing the pages are not.
// XMCREDIT_BENCH_SCALE: "small" (default: 3,000 subjects, 2,000 changes) or "city" (2,000,000 subjects, about ten
// million items, 100,000 changes); XMCREDIT_BENCH_SYNC_SUBJECTS sets another number of subjects. Fails only when a
// path fails, never on time.
class BenchSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstSync();
    void incrementalSync();
    void report();
    void cleanupTestCase();

private:
    static constexpr int PerPage = 1000;
    static constexpr int PagesPerBatch = 200; // SyncClient's batch on a first sync

    bool rawExec(const char* sql);
    void rawInsert(const QString& table, const QJsonArray& rows);
    double rawUpsert(const QJsonArray& changes, bool commitPerPage);

    SecureBytes m_seed;
    QScopedPointer<TestDatabase> m_source; // the platform's city
    QScopedPointer<TestDatabase> m_rawFile;
    sqlite3* m_raw = nullptr;
    QHash<QString, sqlite3_stmt*> m_rawInserts;
    QHash<QString, QStringList> m_rawColumns;
    QScopedPointer<TestDatabase> m_target;
    Session m_admin;
    qint64 m_subjects = 3000;
    int m_changes = 2000;
    int m_itemPages = 0;
    qint64 m_maxItemId = 0;
    QStringList m_rows;
};

namespace {
const QString RawConnection = QStringLiteral("bench-raw");

QByteArray text(const QJsonValue& value)
{
    return value.toVariant().toString().toUtf8();
}
} // namespace

void BenchSync::initTestCase()
{
    const bool city = qEnvironmentVariable("XMCREDIT_BENCH_SCALE") == QLatin1String("city");
    m_subjects = city ? 2000000 : 3000;
    if (qEnvironmentVariableIntValue("XMCREDIT_BENCH_SYNC_SUBJECTS") > 0)
        m_subjects = qEnvironmentVariableIntValue("XMCREDIT_BENCH_SYNC_SUBJECTS");
    m_changes = city ? 100000 : 2000;
    m_seed = SecureBytes::random(Signing::SeedBytes);
    m_source.reset(new TestDatabase);
    QVERIFY2(m_source->isValid(), qPrintable(m_source->errorString()));
    DemoCityOptions options;
    options.subjects = m_subjects;
    options.seed = 11;
    options.actor = QStringLiteral("admin");
    options.progress = [](qint64 subjects, qint64 items) {
        if (subjects % 500000 == 0)
            qInfo("  the platform's city: %lld subjects, %lld items", subjects, items);
    };
    QString error;
    DemoCityReport made;
    {
        QSqlDatabase db = m_source->database();
        QVERIFY2(DemoCity::generate(db, options, &made, &error), qPrintable(error));
    }
    m_maxItemId = m_source->scalar(QStringLiteral("SELECT max(id) FROM credit_items")).toLongLong();
    qInfo("the platform's city: %lld subjects, %lld items (generated in %.0f s)", made.subjects, made.items,
          made.totalMs / 1000.0);
}

bool BenchSync::rawExec(const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_raw, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    qWarning("raw: %s: %s", sql, message);
    sqlite3_free(message);
    return false;
}

void BenchSync::rawInsert(const QString& table, const QJsonArray& rows)
{
    sqlite3_stmt* stmt = m_rawInserts.value(table);
    if (!stmt) {
        // The app's columns (from its schema) and every field of the changes, so both hold the same values.
        QStringList columns;
        QSqlQuery info(m_target->database());
        QVERIFY(info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
        while (info.next()) {
            if (info.value(1).toString() != QLatin1String("id"))
                columns << info.value(1).toString();
        }
        info.finish();
        for (const QString& key : rows.first().toObject().keys()) {
            if (!columns.contains(key))
                columns << key;
        }
        const QByteArray create = "CREATE TABLE " + table.toUtf8() + " (id INTEGER PRIMARY KEY, " +
                                  columns.join(QStringLiteral(", ")).toUtf8() + ")";
        rawExec(create.constData());
        const QByteArray insert = "INSERT INTO " + table.toUtf8() + " (" + columns.join(QLatin1Char(',')).toUtf8() +
                                  ") VALUES (" + QByteArray("?,").repeated(columns.size()).chopped(1) + ")";
        sqlite3_prepare_v2(m_raw, insert.constData(), -1, &stmt, nullptr);
        m_rawInserts.insert(table, stmt);
        m_rawColumns.insert(table, columns);
    }
    const QStringList& columns = m_rawColumns[table];
    for (const QJsonValue& row : rows) {
        const QJsonObject o = row.toObject();
        for (int c = 0; c < columns.size(); ++c) {
            const QJsonValue value = o.value(columns.at(c));
            if (value.isNull() || value.isUndefined()) {
                sqlite3_bind_null(stmt, c + 1);
            } else if (value.isDouble() || value.isBool()) {
                sqlite3_bind_int64(stmt, c + 1, value.isBool() ? qint64(value.toBool()) : qint64(value.toDouble()));
            } else {
                const QByteArray bytes = text(value);
                sqlite3_bind_text(stmt, c + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
            }
        }
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
}

void BenchSync::firstSync()
{
    // The raw file: the same driver (cipher, WAL, synchronous NORMAL), no schema.
    m_rawFile.reset(new TestDatabase(false));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), RawConnection);
        db.setDatabaseName(m_rawFile->path());
        QVERIFY(db.open());
        m_raw = static_cast<sqlite3*>(db.driver()->handle().value<void*>());
    }
    m_target.reset(new TestDatabase);
    QString error;
    QVERIFY(m_target->enrol(QStringLiteral("admin1"), Role::Administrator, &error));
    m_admin = RecordsFixture::session(*m_target, Role::Administrator, QStringLiteral("admin1"));
    QVERIFY(SyncEnrolment::enrol(m_admin, QStringLiteral("bench"), Signing::publicKey(m_seed), QString(), &error));

    const QString issuedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QElapsedTimer clock;
    qint64 rawNs = 0, appNs = 0, rows = 0;
    int pages = 0;
    FeedApplier applier(m_admin);
    SyncReport report;
    clock.start();
    FeedApplier::Result r = applier.begin(true, &report);
    appNs += clock.nsecsElapsed();
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(applier.usedBulkPath());
    clock.start();
    QVERIFY(rawExec("BEGIN"));
    rawNs += clock.nsecsElapsed();
    QList<QByteArray> batch;
    auto flush = [&]() {
        clock.start();
        const FeedApplier::Result added = applier.add(batch);
        appNs += clock.nsecsElapsed();
        batch.clear();
        return added;
    };
    for (const QString& stream : {QStringLiteral("subjects"), QStringLiteral("credit_items")}) {
        qint64 after = 0;
        int number = 0;
        for (;;) {
            QJsonArray changes;
            QVERIFY2(ReferenceFeed::changesAfter(m_source->database(), stream, &after, PerPage, &changes, &error),
                     qPrintable(error));
            if (changes.isEmpty())
                break;
            clock.start();
            rawInsert(stream, changes);
            rawNs += clock.nsecsElapsed();
            batch << ReferenceFeed::signedPage(QStringLiteral("bench"), stream, changes, ++number, m_seed, issuedAt);
            rows += changes.size();
            ++pages;
            if (batch.size() == PagesPerBatch) {
                r = flush();
                QVERIFY2(r.ok(), qPrintable(r.message));
            }
            if (pages % 2000 == 0)
                qInfo("  %d pages, %lld rows: raw %.0f s, app %.0f s", pages, rows, rawNs / 1e9, appNs / 1e9);
        }
        if (stream == QLatin1String("credit_items"))
            m_itemPages = number;
    }
    r = flush();
    QVERIFY2(r.ok(), qPrintable(r.message));
    clock.start();
    r = applier.finish();
    appNs += clock.nsecsElapsed();
    QVERIFY2(r.ok(), qPrintable(r.message));
    clock.start();
    QVERIFY(rawExec("CREATE UNIQUE INDEX s_platform ON subjects (platform_id); CREATE UNIQUE INDEX i_platform ON "
                    "credit_items (platform_id); COMMIT"));
    rawNs += clock.nsecsElapsed();
    QCOMPARE(
        qint64(report.applied.value(QStringLiteral("subjects")) + report.applied.value(QStringLiteral("credit_items"))),
        rows);
    // The seals summed after the load (on several threads, thousands of rows at a time) equal the sum SQL makes of
    // the same rows, untimed.
    QStringList sealProblems;
    QVERIFY2(RowSeals::verify(m_target->database(), &sealProblems), qPrintable(sealProblems.join(QLatin1Char(' '))));
    const double raw = rawNs / 1e9, app = appNs / 1e9;
    qInfo("first sync: %lld rows in %d pages: raw %.1f s, app %.1f s", rows, pages, raw, app);
    m_rows << QStringLiteral("| first sync (%1 rows, %2 pages, one import in batches of %3) | %4 | %5 | %6 | 0.70 |")
                  .arg(rows)
                  .arg(pages)
                  .arg(PagesPerBatch)
                  .arg(rows / raw, 0, 'f', 0)
                  .arg(rows / app, 0, 'f', 0)
                  .arg(raw / app, 0, 'f', 2);
}

double BenchSync::rawUpsert(const QJsonArray& changes, bool commitPerPage)
{
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(m_raw,
                       "UPDATE credit_items SET status = ?, withdrawn_on = ?, title = ?, platform_version = ? WHERE "
                       "platform_id = ? AND platform_version < ?",
                       -1, &stmt, nullptr);
    qint64 updated = 0;
    QElapsedTimer t;
    t.start();
    rawExec("BEGIN");
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (commitPerPage && i > 0 && i % PerPage == 0) {
            rawExec("COMMIT");
            rawExec("BEGIN");
        }
        const QJsonObject o = changes.at(i).toObject();
        const QByteArray status = o.value(QStringLiteral("status")).toString().toUtf8();
        const QByteArray withdrawn = o.value(QStringLiteral("withdrawn_on")).toString().toUtf8();
        const QByteArray title = o.value(QStringLiteral("title")).toString().toUtf8();
        const QByteArray id = o.value(QStringLiteral("platform_id")).toString().toUtf8();
        const qint64 version = qint64(o.value(QStringLiteral("platform_version")).toDouble());
        sqlite3_bind_text(stmt, 1, status.constData(), int(status.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, withdrawn.constData(), int(withdrawn.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, title.constData(), int(title.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 4, version);
        sqlite3_bind_text(stmt, 5, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 6, version);
        if (sqlite3_step(stmt) == SQLITE_DONE)
            updated += sqlite3_changes(m_raw);
        else if (updated == i)
            qWarning("raw upsert: %s", sqlite3_errmsg(m_raw));
        sqlite3_reset(stmt);
    }
    // Committed per page: the raw rows move on like the app's. In one transaction: rolled back, so both baselines
    // start from the same rows.
    rawExec(commitPerPage ? "COMMIT" : "ROLLBACK");
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    sqlite3_finalize(stmt);
    if (updated != changes.size())
        qWarning("raw upsert: %lld of %lld rows updated", updated, qint64(changes.size()));
    return updated == changes.size() ? seconds : -1;
}

void BenchSync::incrementalSync()
{
    QVERIFY(m_target && m_raw);
    // Changed items picked at random over the whole city, each a new version withdrawing the item.
    QRandomGenerator random(7);
    QJsonArray changes;
    QSet<qint64> taken;
    CreditItemRepository source(m_source->database());
    SubjectRepository owners(m_source->database());
    QString error;
    while (changes.size() < qMin<qint64>(m_changes, m_maxItemId)) {
        const qint64 id = 1 + qint64(random.bounded(quint64(m_maxItemId)));
        if (taken.contains(id))
            continue;
        taken.insert(id);
        CreditItem item;
        Subject owner;
        if (!source.findById(id, &item, &error) || !owners.findById(item.subjectId, &owner, &error))
            continue;
        QJsonObject change = RecordJson::toJson(item);
        change.insert(QStringLiteral("subject_platform_id"), owner.platformId);
        change.insert(QStringLiteral("platform_version"), 2);
        change.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
        change.insert(QStringLiteral("withdrawn_on"), QStringLiteral("2026-12-01"));
        changes.append(change);
    }
    const double rawOnce = rawUpsert(changes, false);
    const double raw = rawUpsert(changes, true);
    QVERIFY(rawOnce > 0 && raw > 0);
    QList<QByteArray> lines;
    const QString issuedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (qsizetype i = 0; i < changes.size(); i += PerPage) {
        QJsonArray page;
        for (qsizetype j = i; j < qMin(changes.size(), i + PerPage); ++j)
            page.append(changes.at(j));
        lines << ReferenceFeed::signedPage(QStringLiteral("bench"), QStringLiteral("credit_items"), page,
                                           m_itemPages + 1 + int(i / PerPage), m_seed, issuedAt);
    }
    QElapsedTimer t;
    t.start();
    FeedApplier applier(m_admin);
    SyncReport report;
    int applied = 0;
    // Page by page, as a network sync applies them (each its own transaction).
    for (const QByteArray& line : std::as_const(lines)) {
        const FeedApplier::Result r = applier.applyLines({line}, &report);
        QVERIFY2(r.ok(), qPrintable(r.message));
        applied += report.applied.value(QStringLiteral("credit_items"));
    }
    const double app = double(t.nsecsElapsed()) / 1e9;
    QVERIFY(!applier.usedBulkPath());
    QCOMPARE(applied, int(changes.size()));
    const double n = double(changes.size());
    m_rows << QStringLiteral(
                  "| incremental sync (%1 changes, %2 pages, each its own transaction) | %3 | %4 | %5 | 0.50 |")
                  .arg(changes.size())
                  .arg(lines.size())
                  .arg(n / raw, 0, 'f', 0)
                  .arg(n / app, 0, 'f', 0)
                  .arg(raw / app, 0, 'f', 2);
    m_rows << QStringLiteral("| the same beside a raw upsert in one transaction | %1 | %2 | %3 | |")
                  .arg(n / rawOnce, 0, 'f', 0)
                  .arg(n / app, 0, 'f', 0)
                  .arg(rawOnce / app, 0, 'f', 2);
}

void BenchSync::report()
{
    qInfo("\n| sync | raw rows/s | app rows/s | app/raw | aim |\n|---|---|---|---|---|\n%s",
          qPrintable(m_rows.join(QLatin1Char('\n'))));
}

void BenchSync::cleanupTestCase()
{
    for (sqlite3_stmt* stmt : std::as_const(m_rawInserts))
        sqlite3_finalize(stmt);
    m_rawInserts.clear();
    m_raw = nullptr;
    QSqlDatabase::database(RawConnection, false).close();
    QSqlDatabase::removeDatabase(RawConnection);
    m_target.reset();
    m_rawFile.reset();
    m_source.reset();
}

QTEST_GUILESS_MAIN(BenchSync)
#include "BenchSync.moc"
