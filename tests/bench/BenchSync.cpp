#include "../unit/RecordsTestFixtures.h"

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
//  - first sync: the platform's signed pages of a generated city applied by FeedApplier (verification, the bulk
//    path, cursors, audit, seals and indexes made again) beside a raw bulk insert of the same rows through the SQLite
//    C API into tables of the same columns (one prepared statement per table, one transaction, indexes after);
//  - incremental sync: changes to existing items (new versions) applied page by page beside a raw upsert of the same
//    rows (UPDATE by platform id through its index).
// XMCREDIT_BENCH_SCALE: "small" (default: 3,000 subjects, 2,000 changes) or "city" (200,000 subjects, about a
// million items, 100,000 changes: the signed pages of the whole 2-million-subject city would not fit in memory at
// once, so the first sync is measured on a tenth of it). Fails only when a path fails, never on time.
class BenchSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstSync();
    void incrementalSync();
    void report();

private:
    static QString text(const QJsonValue& value)
    {
        return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toVariant().toString();
    }
    double rawInsert(const QJsonArray& subjects, const QJsonArray& items);
    double rawUpsert(const QJsonArray& changes);

    SecureBytes m_seed;
    QJsonArray m_subjects;
    QJsonArray m_items;
    QScopedPointer<TestDatabase> m_target;
    Session m_admin;
    int m_changes = 2000;
    QStringList m_rows;
};

void BenchSync::initTestCase()
{
    const bool city = qEnvironmentVariable("XMCREDIT_BENCH_SCALE") == QLatin1String("city");
    m_changes = city ? 100000 : 2000;
    QString error;
    m_seed = SecureBytes::random(Signing::SeedBytes);
    TestDatabase source;
    QVERIFY2(source.isValid(), qPrintable(source.errorString()));
    DemoCityOptions options;
    options.subjects = city ? 200000 : 3000;
    options.seed = 11;
    options.actor = QStringLiteral("admin");
    {
        QSqlDatabase db = source.database();
        QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    }
    QVERIFY2(ReferenceFeed::cityChanges(source.database(), &m_subjects, &m_items, &error), qPrintable(error));
    qInfo("city: %lld subjects, %lld items", qint64(m_subjects.size()), qint64(m_items.size()));
}

double BenchSync::rawInsert(const QJsonArray& subjects, const QJsonArray& items)
{
    TestDatabase raw(false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), QStringLiteral("raw"));
    db.setDatabaseName(raw.path());
    double seconds = 0;
    if (db.open()) {
        auto* handle = static_cast<sqlite3*>(db.driver()->handle().value<void*>());
        const QStringList subjectColumns = subjects.first().toObject().keys();
        const QStringList itemColumns = items.first().toObject().keys();
        auto create = [&](const char* table, const QStringList& columns) {
            const QByteArray sql = QByteArray("CREATE TABLE ") + table + " (id INTEGER PRIMARY KEY, " +
                                   columns.join(QStringLiteral(" , ")).toUtf8() + ")";
            sqlite3_exec(handle, sql.constData(), nullptr, nullptr, nullptr);
        };
        create("subjects", subjectColumns);
        create("credit_items", itemColumns);
        auto insertAll = [&](const char* table, const QStringList& columns, const QJsonArray& rows) {
            QByteArray sql = QByteArray("INSERT INTO ") + table + " (" + columns.join(QLatin1Char(',')).toUtf8() +
                             ") VALUES (" + QByteArray("?,").repeated(columns.size()).chopped(1) + ")";
            sqlite3_stmt* stmt = nullptr;
            sqlite3_prepare_v2(handle, sql.constData(), -1, &stmt, nullptr);
            for (const QJsonValue& row : rows) {
                const QJsonObject o = row.toObject();
                for (int c = 0; c < columns.size(); ++c) {
                    const QByteArray value = text(o.value(columns.at(c))).toUtf8();
                    sqlite3_bind_text(stmt, c + 1, value.constData(), int(value.size()), SQLITE_TRANSIENT);
                }
                sqlite3_step(stmt);
                sqlite3_reset(stmt);
            }
            sqlite3_finalize(stmt);
        };
        QElapsedTimer t;
        t.start();
        sqlite3_exec(handle, "BEGIN", nullptr, nullptr, nullptr);
        insertAll("subjects", subjectColumns, subjects);
        insertAll("credit_items", itemColumns, items);
        sqlite3_exec(handle, "CREATE UNIQUE INDEX s_platform ON subjects (platform_id)", nullptr, nullptr, nullptr);
        sqlite3_exec(handle, "CREATE UNIQUE INDEX i_platform ON credit_items (platform_id)", nullptr, nullptr, nullptr);
        sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr);
        seconds = double(t.nsecsElapsed()) / 1e9;
        if (qEnvironmentVariableIsSet("XMCREDIT_BENCH_KEEP_RAW")) {
            // kept for rawUpsert
        }
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return seconds;
}

double BenchSync::rawUpsert(const QJsonArray& changes)
{
    // The raw upsert runs against the target database itself (its credit_items and platform id index), inside a
    // transaction that is rolled back: the same rows, the same index, without the program's checks.
    auto* handle = static_cast<sqlite3*>(m_target->database().driver()->handle().value<void*>());
    sqlite3_stmt* stmt = nullptr;
    sqlite3_exec(handle, "BEGIN; DROP TRIGGER credit_items_seal_update;", nullptr, nullptr, nullptr);
    sqlite3_exec(handle, "INSERT INTO platform_write_permit (actor, purpose) VALUES ('bench', 'raw')", nullptr, nullptr,
                 nullptr);
    sqlite3_prepare_v2(handle,
                       "UPDATE credit_items SET status = ?, withdrawn_on = ?, title = ?, platform_version = ? WHERE "
                       "platform_id = ? AND platform_version < ?",
                       -1, &stmt, nullptr);
    QElapsedTimer t;
    t.start();
    for (const QJsonValue& value : changes) {
        const QJsonObject o = value.toObject();
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
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    sqlite3_finalize(stmt);
    sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
    return seconds;
}

void BenchSync::firstSync()
{
    const qint64 rows = m_subjects.size() + m_items.size();
    const double raw = rawInsert(m_subjects, m_items);

    m_target.reset(new TestDatabase);
    QString error;
    QVERIFY(m_target->enrol(QStringLiteral("admin1"), Role::Administrator, &error));
    m_admin = RecordsFixture::session(*m_target, Role::Administrator, QStringLiteral("admin1"));
    QVERIFY(SyncEnrolment::enrol(m_admin, QStringLiteral("bench"), Signing::publicKey(m_seed), QString(), &error));
    QList<QByteArray> lines =
        ReferenceFeed::signedPages(QStringLiteral("bench"), QStringLiteral("subjects"), m_subjects, 1000, 1, m_seed);
    lines << ReferenceFeed::signedPages(QStringLiteral("bench"), QStringLiteral("credit_items"), m_items, 1000, 1,
                                        m_seed);
    QElapsedTimer t;
    t.start();
    FeedApplier applier(m_admin);
    SyncReport report;
    const FeedApplier::Result r = applier.applyLines(lines, &report);
    const double app = double(t.nsecsElapsed()) / 1e9;
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(applier.usedBulkPath());
    QCOMPARE(
        qint64(report.applied.value(QStringLiteral("subjects")) + report.applied.value(QStringLiteral("credit_items"))),
        rows);
    m_rows << QStringLiteral("| first sync (%1 rows, %2 pages) | %3 | %4 | %5 | 0.70 |")
                  .arg(rows)
                  .arg(lines.size())
                  .arg(rows / raw, 0, 'f', 0)
                  .arg(rows / app, 0, 'f', 0)
                  .arg(raw / app, 0, 'f', 2);
}

void BenchSync::incrementalSync()
{
    QVERIFY(m_target);
    QRandomGenerator random(7);
    QJsonArray changes;
    QSet<int> taken;
    while (changes.size() < qMin<qsizetype>(m_changes, m_items.size())) {
        const int n = random.bounded(int(m_items.size()));
        if (taken.contains(n))
            continue;
        taken.insert(n);
        QJsonObject change = m_items.at(n).toObject();
        change.insert(QStringLiteral("platform_version"), 2);
        change.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
        change.insert(QStringLiteral("withdrawn_on"), QStringLiteral("2026-12-01"));
        changes.append(change);
    }
    const double raw = rawUpsert(changes);
    const int lastPage = int((m_items.size() + 999) / 1000);
    const QList<QByteArray> lines = ReferenceFeed::signedPages(QStringLiteral("bench"), QStringLiteral("credit_items"),
                                                               changes, 1000, lastPage + 1, m_seed);
    QElapsedTimer t;
    t.start();
    FeedApplier applier(m_admin);
    SyncReport report;
    // Page by page, as a network sync applies them (each its own transaction).
    for (const QByteArray& line : lines) {
        const FeedApplier::Result r = applier.applyLines({line}, &report);
        QVERIFY2(r.ok(), qPrintable(r.message));
    }
    const double app = double(t.nsecsElapsed()) / 1e9;
    QVERIFY(!applier.usedBulkPath());
    m_rows << QStringLiteral("| incremental sync (%1 changes, %2 pages) | %3 | %4 | %5 | 0.50 |")
                  .arg(changes.size())
                  .arg(lines.size())
                  .arg(double(changes.size()) / raw, 0, 'f', 0)
                  .arg(double(changes.size()) / app, 0, 'f', 0)
                  .arg(raw / app, 0, 'f', 2);
}

void BenchSync::report()
{
    qInfo("\n| sync | raw rows/s | app rows/s | app/raw | aim |\n|---|---|---|---|---|\n%s",
          qPrintable(m_rows.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(BenchSync)
#include "BenchSync.moc"
