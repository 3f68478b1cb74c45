#include "TestDatabase.h"

#include "storage/Signing.h"

#include "itemmodels/SubjectSearchModel.h"
#include "records/DemoCity.h"
#include "records/SubjectNameIndex.h"
#include "records/SubjectSearch.h"
#include "storage/Database.h"

#include <sqlite3.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QtTest>

#include <algorithm>
#include <limits>

// Search at scale: exact identifier, name prefix and Chinese name fragment, each over many queries, through the
// application's path (QSQLCIPHER driver -> SubjectSearch -> SubjectSearchModel, first page) and through the raw
// SQLite C API on the same connection with the same statements, plus a LIKE '%…%' scan as the baseline an index
// avoids. Prints p50/p95 and the ratio against the target (app <= max(1.5 x raw, raw + 0.1 ms)).
//
// XMCREDIT_BENCH_SCALE: "small" (default, 20,000 subjects) or "city" (2,000,000 subjects, 10,000,000 items).
// XMCREDIT_BENCH_DIR:   where the generated city is kept between runs (default: bench-data beside the binary).
// XMCREDIT_BENCH_QUERIES: queries per kind (default 1000).
// XMCREDIT_BENCH_PROBE:   one text to run as every query (to look into a slow one).
// The test fails only on a wrong result (the two paths disagree, or a fragment search misses a name the scan
// finds), never on timing.
class BenchSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void exactIdentifier();
    void namePrefix();
    void nameFragment();
    void likeScanBaseline();
    void report();

private:
    struct Query
    {
        QString text;
        SearchInput input;
    };
    struct Row
    {
        QString label;
        int count = 0;
        double rawP50 = 0, rawP95 = 0, appP50 = 0, appP95 = 0;
        bool hasApp = true;
        QString slowest; // the slowest queries of the app path, for diagnosis
    };
    void measure(const QString& label, const QList<Query>& queries);
    // The raw path: the same tiers, statements and first page as SubjectSearch, through sqlite3_* only.
    QList<qint64> rawSearch(const SearchInput& input, int pageSize);
    static double percentile(QList<double> values, double p);
    QString connection() const { return QStringLiteral("bench-city"); }

    QString m_scale;
    QString m_path;
    qint64 m_subjects = 0;
    int m_queryCount = 1000;
    sqlite3* m_raw = nullptr;
    sqlite3_stmt* m_tiers[4] = {nullptr, nullptr, nullptr, nullptr};
    QList<Query> m_identifiers;
    QList<Query> m_prefixes;
    QList<Query> m_fragments;
    QList<Row> m_rows;
    QString m_generation;
};

namespace {

SecureBytes benchKey()
{
    // A fixed key: the bench city holds demo data only, and a fixed key lets the file be reused between runs.
    const QByteArray digest =
        QCryptographicHash::hash(QByteArrayLiteral("xmcredit bench city"), QCryptographicHash::Sha256);
    return SecureBytes::fromView(digest);
}

double ms(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

QString bind(sqlite3_stmt* stmt, const char* name, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, name), utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
    return QString();
}

void bind(sqlite3_stmt* stmt, const char* name, qint64 value)
{
    sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, name), value);
}

} // namespace

void BenchSearch::initTestCase()
{
    m_scale = qEnvironmentVariable("XMCREDIT_BENCH_SCALE", QStringLiteral("small"));
    QVERIFY2(m_scale == QLatin1String("small") || m_scale == QLatin1String("city"),
             "XMCREDIT_BENCH_SCALE must be small or city");
    m_subjects = m_scale == QLatin1String("city") ? 2000000 : 20000;
    m_queryCount = qEnvironmentVariableIntValue("XMCREDIT_BENCH_QUERIES");
    if (m_queryCount <= 0)
        m_queryCount = 1000;
    const QString dir = qEnvironmentVariable(
        "XMCREDIT_BENCH_DIR", QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("bench-data")));
    QVERIFY(QDir().mkpath(dir));
    // The name changes with the schema and with the generator's format, so a stale city is never reused.
    constexpr int BenchCityFormat = 2;
    m_path = QDir(dir).filePath(
        QStringLiteral("city-%1-v%2-f%3.db").arg(m_scale).arg(Database::programSchemaVersion()).arg(BenchCityFormat));

    SqlCipherDriver::registerDriver();
    SqlCipherKeyRing::setKey(m_path, benchKey());
    bool reuse = QFile::exists(m_path);
    if (reuse) {
        const Database::OpenResult opened = Database::open(m_path, connection(), Database::OpenMode::Existing);
        QSqlQuery q(QSqlDatabase::database(connection(), false));
        reuse = opened.ok() && q.exec(QStringLiteral("SELECT max(id) FROM subjects")) && q.next() &&
                q.value(0).toLongLong() == m_subjects;
        q.finish();
        if (!reuse) {
            q = QSqlQuery();
            Database::close(connection());
            QFile::remove(m_path);
            QFile::remove(m_path + QStringLiteral("-wal"));
            QFile::remove(m_path + QStringLiteral("-shm"));
        } else {
            m_generation = QStringLiteral("reused %1").arg(m_path);
        }
    }
    if (!reuse) {
        // Generated under a temporary name and renamed when complete, so an interrupted run is never reused.
        const QString partial = m_path + QStringLiteral(".partial");
        QFile::remove(partial);
        QFile::remove(partial + QStringLiteral("-wal"));
        QFile::remove(partial + QStringLiteral("-shm"));
        SqlCipherKeyRing::setKey(partial, benchKey());
        const Database::OpenResult created =
            Database::open(partial, QStringLiteral("bench-build"), Database::OpenMode::CreateIfMissing);
        QVERIFY2(created.ok(), qPrintable(created.message));
        DemoCityReport report;
        {
            QSqlDatabase db = QSqlDatabase::database(QStringLiteral("bench-build"), false);
            DemoCityOptions options;
            options.subjects = m_subjects;
            options.seed = 2024;
            options.today = QDate(2025, 6, 15);
            options.progress = [](qint64 subjects, qint64 items) {
                if (subjects % 200000 == 0)
                    qInfo("  generated %lld subjects, %lld items", subjects, items);
            };
            QString error;
            // The generator audits its run, and every audit entry is signed by its actor (the bench is not a login).
            SignerRing::setKey(partial, options.actor, SecureBytes::random(Signing::SeedBytes));
            QVERIFY2(DemoCity::generate(db, options, &report, &error), qPrintable(error));
            SignerRing::removeAll(partial);
            QSqlQuery checkpoint(db);
            checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        Database::close(QStringLiteral("bench-build"));
        SqlCipherKeyRing::removeKey(partial);
        QVERIFY(QFile::rename(partial, m_path));
        QFile::remove(partial + QStringLiteral("-wal"));
        QFile::remove(partial + QStringLiteral("-shm"));
        m_generation = QStringLiteral("generated %1 subjects and %2 items in %3 s (rows %4 s, indexes %5 s, "
                                      "bigram index %6 s), file %7 MB")
                           .arg(report.subjects)
                           .arg(report.items)
                           .arg(report.totalMs / 1000.0, 0, 'f', 1)
                           .arg(report.loadMs / 1000.0, 0, 'f', 1)
                           .arg(report.indexMs / 1000.0, 0, 'f', 1)
                           .arg(report.searchIndexMs / 1000.0, 0, 'f', 1)
                           .arg(QFileInfo(m_path).size() / (1024 * 1024));
        const Database::OpenResult opened = Database::open(m_path, connection(), Database::OpenMode::Existing);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
    }
    qInfo("%s", qPrintable(m_generation));

    QSqlDatabase db = QSqlDatabase::database(connection(), false);
    m_raw = static_cast<sqlite3*>(db.driver()->handle().value<void*>());
    QVERIFY(m_raw);
    const QStringList statements = SubjectSearch::tierStatements();
    for (int i = 0; i < 4; ++i) {
        const QByteArray sql = statements.at(i).toUtf8();
        QCOMPARE(sqlite3_prepare_v2(m_raw, sql.constData(), int(sql.size()), &m_tiers[i], nullptr), SQLITE_OK);
    }

    // Queries classified as the application does, with the index's common bigrams.
    QSet<QString> common;
    QString commonError;
    QVERIFY2(SubjectNameIndex::loadCommonBigrams(db, &common, &commonError), qPrintable(commonError));
    qInfo("%lld common bigrams left out of fragment matches", qint64(common.size()));

    // Queries from subjects spread over the whole city (a fixed stride, so every run asks the same).
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, identifier, name FROM subjects WHERE id = ?"));
    const qint64 stride = 7919; // prime, so the ids cover the city evenly
    for (int i = 0;
         m_identifiers.size() < m_queryCount || m_prefixes.size() < m_queryCount || m_fragments.size() < m_queryCount;
         ++i) {
        q.bindValue(0, 1 + (qint64(i) * stride) % m_subjects);
        QVERIFY(q.exec() && q.next());
        const bool person = q.value(0).toString() == QLatin1String("natural_person");
        const QString identifier = q.value(1).toString();
        const QString name = q.value(2).toString();
        q.finish();
        auto add = [&common](QList<Query>& list, const QString& text, int limit) {
            if (list.size() < limit)
                list.append({text, SubjectSearch::classify(text, QDate(2025, 6, 15), common)});
        };
        add(m_identifiers, identifier, m_queryCount);
        // A clerk types the surname and a character, or the start of a company's name.
        add(m_prefixes, person ? name.left(2) : name.left(name.startsWith(QStringLiteral("厦门市")) ? 5 : 4),
            m_queryCount);
        // A remembered part: a person's given name, or a company's trade name.
        if (person && name.size() == 3)
            add(m_fragments, name.mid(1, 2), m_queryCount);
        else if (!person && name.startsWith(QStringLiteral("厦门")))
            add(m_fragments, name.mid(name.startsWith(QStringLiteral("厦门市")) ? 3 : 2, 2), m_queryCount);
    }
    // XMCREDIT_BENCH_PROBE=text: every query of every kind is that text (to look into one slow query).
    const QString probe = qEnvironmentVariable("XMCREDIT_BENCH_PROBE");
    if (!probe.isEmpty()) {
        const Query only{probe, SubjectSearch::classify(probe, QDate(2025, 6, 15), common)};
        for (QList<Query>* list : {&m_identifiers, &m_prefixes, &m_fragments})
            std::fill(list->begin(), list->end(), only);
    }
}

void BenchSearch::cleanupTestCase()
{
    for (sqlite3_stmt*& stmt : m_tiers) {
        sqlite3_finalize(stmt);
        stmt = nullptr;
    }
    Database::close(connection());
    SqlCipherKeyRing::removeKey(m_path);
}

QList<qint64> BenchSearch::rawSearch(const SearchInput& input, int pageSize)
{
    QList<qint64> ids;
    auto run = [&](sqlite3_stmt* stmt, int limit) {
        int got = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            // Read every column, as the application does.
            ids.append(sqlite3_column_int64(stmt, 0));
            for (int c = 1; c < 6; ++c)
                sqlite3_column_text(stmt, c);
            ++got;
        }
        sqlite3_reset(stmt);
        return limit - got;
    };
    if (input.kind == SearchInputKind::Identifier) {
        bind(m_tiers[0], ":identifier", input.text);
        run(m_tiers[0], 1);
        return ids;
    }
    if (input.kind != SearchInputKind::Name)
        return ids;
    const QString upper = SubjectSearch::prefixUpperBound(input.text);
    int remaining = pageSize;
    bind(m_tiers[1], ":name", input.text);
    bind(m_tiers[1], ":after", qint64(0));
    bind(m_tiers[1], ":limit", qint64(remaining));
    const int afterExact = run(m_tiers[1], remaining);
    if (afterExact == 0)
        return ids;
    remaining = afterExact;
    bind(m_tiers[2], ":lastName", input.text);
    bind(m_tiers[2], ":upper", upper);
    bind(m_tiers[2], ":after", std::numeric_limits<qint64>::max());
    bind(m_tiers[2], ":limit", qint64(remaining));
    const int afterPrefix = run(m_tiers[2], remaining);
    if (afterPrefix == 0 || input.matchExpression.isEmpty())
        return ids;
    bind(m_tiers[3], ":match", input.matchExpression);
    bind(m_tiers[3], ":chain", input.bigramChain);
    bind(m_tiers[3], ":after", qint64(0));
    bind(m_tiers[3], ":prefix", input.text);
    bind(m_tiers[3], ":upper", upper);
    bind(m_tiers[3], ":limit", qint64(afterPrefix));
    run(m_tiers[3], afterPrefix);
    return ids;
}

double BenchSearch::percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const int index = qBound(0, int(p * (values.size() - 1) + 0.5), int(values.size()) - 1);
    return values.at(index);
}

void BenchSearch::measure(const QString& label, const QList<Query>& queries)
{
    QSqlDatabase db = QSqlDatabase::database(connection(), false);
    SubjectSearchModel model(db, IdentifierDisplay::Full);
    model.setToday(QDate(2025, 6, 15));
    // Warm-up: the page cache holds the hot index pages, as on a workstation in use.
    for (const Query& q : queries) {
        model.search(q.text);
        rawSearch(q.input, SubjectSearchModel::PageSize);
    }
    QList<double> raw;
    QList<double> app;
    QList<QPair<double, QString>> appByQuery;
    QElapsedTimer timer;
    for (int i = 0; i < queries.size(); ++i) {
        const Query& q = queries.at(i);
        QList<qint64> rawIds;
        // Alternate which path goes first, so neither always finds the pages the other just read.
        for (int pass = 0; pass < 2; ++pass) {
            if ((pass == 0) == (i % 2 == 0)) {
                timer.start();
                rawIds = rawSearch(q.input, SubjectSearchModel::PageSize);
                raw.append(ms(timer.nsecsElapsed()));
            } else {
                timer.start();
                model.search(q.text);
                app.append(ms(timer.nsecsElapsed()));
                appByQuery.append({app.last(), QStringLiteral("%1 (%2 ms, raw %3 ms, %4 rows)")});
            }
        }
        QList<qint64> appIds;
        for (int r = 0; r < model.rowCount(); ++r)
            appIds.append(model.subjectId(r));
        appByQuery.last().second = appByQuery.last()
                                       .second.arg(q.text)
                                       .arg(appByQuery.last().first, 0, 'f', 3)
                                       .arg(raw.last(), 0, 'f', 3)
                                       .arg(appIds.size());
        QVERIFY2(appIds == rawIds,
                 qPrintable(QStringLiteral("%1: the two paths disagree on \"%2\"").arg(label, q.text)));
        QVERIFY2(!appIds.isEmpty(), qPrintable(QStringLiteral("%1: nothing found for \"%2\"").arg(label, q.text)));
        if (q.input.kind == SearchInputKind::Name) {
            for (int r = 0; r < model.rowCount(); ++r) {
                const QString name = model.data(model.index(r, SubjectSearchModel::NameColumn)).toString();
                QVERIFY2(name.contains(q.text), qPrintable(name + QStringLiteral(" for ") + q.text));
            }
        }
    }
    Row row;
    row.label = label;
    row.count = int(queries.size());
    row.rawP50 = percentile(raw, 0.5);
    row.rawP95 = percentile(raw, 0.95);
    row.appP50 = percentile(app, 0.5);
    row.appP95 = percentile(app, 0.95);
    std::sort(appByQuery.begin(), appByQuery.end(),
              [](const QPair<double, QString>& a, const QPair<double, QString>& b) { return a.first > b.first; });
    QStringList slowest;
    for (int i = 0; i < 3 && i < appByQuery.size(); ++i)
        slowest << appByQuery.at(i).second;
    row.slowest = slowest.join(QStringLiteral("; "));
    m_rows.append(row);
}

void BenchSearch::exactIdentifier()
{
    measure(QStringLiteral("exact identifier"), m_identifiers);
}

void BenchSearch::namePrefix()
{
    measure(QStringLiteral("name prefix"), m_prefixes);
}

void BenchSearch::nameFragment()
{
    measure(QStringLiteral("name fragment (bigram FTS4)"), m_fragments);
}

void BenchSearch::likeScanBaseline()
{
    // The scan a bigram index avoids: every name compared, counting all matches. It also checks the index: the
    // full bigram phrase, and the application's match (common bigrams left out, instr() on name_bigrams), find
    // exactly the names the scan finds.
    sqlite3_stmt* like = nullptr;
    sqlite3_stmt* phrase = nullptr;
    sqlite3_stmt* reduced = nullptr;
    QCOMPARE(sqlite3_prepare_v2(m_raw, "SELECT count(*) FROM subjects WHERE name LIKE :pattern", -1, &like, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_prepare_v2(m_raw, "SELECT count(*) FROM subject_name_fts WHERE subject_name_fts MATCH :match", -1,
                                &phrase, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_prepare_v2(m_raw,
                                "SELECT count(*) FROM subject_name_fts CROSS JOIN subjects s ON s.id = "
                                "subject_name_fts.docid WHERE subject_name_fts MATCH :match AND "
                                "instr(s.name_bigrams, :chain) > 0",
                                -1, &reduced, nullptr),
             SQLITE_OK);
    // Fragments, and the prefixes (whose fragment tier is the expensive one when they start with 厦门市).
    QList<Query> queries;
    const int count = m_scale == QLatin1String("city") ? 20 : 100;
    for (int i = 0; i < count; ++i) {
        if (i < m_fragments.size())
            queries.append(m_fragments.at(i));
        if (i < m_prefixes.size() && !m_prefixes.at(i).input.matchExpression.isEmpty())
            queries.append(m_prefixes.at(i));
    }
    QList<double> scan;
    QList<double> full;
    QList<double> app;
    QElapsedTimer timer;
    auto countOf = [&timer](sqlite3_stmt* stmt, QList<double>* times) {
        timer.start();
        qint64 n = -1;
        if (sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int64(stmt, 0);
        times->append(ms(timer.nsecsElapsed()));
        sqlite3_reset(stmt);
        return n;
    };
    for (const Query& q : std::as_const(queries)) {
        bind(like, ":pattern", QLatin1Char('%') + q.text + QLatin1Char('%'));
        const qint64 scanned = countOf(like, &scan);
        bind(phrase, ":match", SubjectNameIndex::matchExpression(q.text));
        const qint64 phrased = countOf(phrase, &full);
        bind(reduced, ":match", q.input.matchExpression);
        bind(reduced, ":chain", q.input.bigramChain);
        const qint64 matched = countOf(reduced, &app);
        QVERIFY2(scanned == phrased && scanned == matched,
                 qPrintable(QStringLiteral("\"%1\": LIKE finds %2 names, the bigram phrase %3, the search's match %4")
                                .arg(q.text)
                                .arg(scanned)
                                .arg(phrased)
                                .arg(matched)));
    }
    sqlite3_finalize(like);
    sqlite3_finalize(phrase);
    sqlite3_finalize(reduced);
    auto add = [this](const QString& label, const QList<double>& times) {
        Row row;
        row.label = label;
        row.count = int(times.size());
        row.rawP50 = percentile(times, 0.5);
        row.rawP95 = percentile(times, 0.95);
        row.hasApp = false;
        m_rows.append(row);
    };
    add(QStringLiteral("count: LIKE '%x%' scan"), scan);
    add(QStringLiteral("count: full bigram phrase"), full);
    add(QStringLiteral("count: search's match"), app);
}

void BenchSearch::report()
{
    QString text;
    QTextStream out(&text);
    out << "\nBenchSearch, scale " << m_scale << " (" << m_subjects << " subjects): " << m_generation << "\n";
    out << "first page of " << SubjectSearchModel::PageSize
        << " rows; times in ms; target: app <= max(1.5 x raw, raw + 0.1 ms)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
               .arg(QStringLiteral("query"), -28)
               .arg(QStringLiteral("n"), 5)
               .arg(QStringLiteral("raw p50"), 9)
               .arg(QStringLiteral("raw p95"), 9)
               .arg(QStringLiteral("app p50"), 9)
               .arg(QStringLiteral("app p95"), 9)
               .arg(QStringLiteral("app/raw p95"), 12)
               .arg(QStringLiteral("target"), 8);
    for (const Row& r : std::as_const(m_rows)) {
        out << QStringLiteral("%1 %2 %3 %4 ")
                   .arg(r.label, -28)
                   .arg(r.count, 5)
                   .arg(r.rawP50, 9, 'f', 3)
                   .arg(r.rawP95, 9, 'f', 3);
        if (r.hasApp) {
            const bool p50ok = r.appP50 <= std::max(1.5 * r.rawP50, r.rawP50 + 0.1);
            const bool p95ok = r.appP95 <= std::max(1.5 * r.rawP95, r.rawP95 + 0.1);
            out << QStringLiteral("%1 %2 %3 %4")
                       .arg(r.appP50, 9, 'f', 3)
                       .arg(r.appP95, 9, 'f', 3)
                       .arg(r.rawP95 > 0 ? r.appP95 / r.rawP95 : 0.0, 12, 'f', 2)
                       .arg(p50ok && p95ok ? QStringLiteral("met") : QStringLiteral("MISSED"), 8);
        }
        out << "\n";
    }
    for (const Row& r : std::as_const(m_rows)) {
        if (!r.slowest.isEmpty())
            out << "slowest " << r.label << ": " << r.slowest << "\n";
    }
    out.flush();
    qInfo("%s", qPrintable(text));
    QFile file(QFileInfo(m_path).dir().filePath(QStringLiteral("BenchSearch-%1.txt").arg(m_scale)));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text.toUtf8());
}

QTEST_GUILESS_MAIN(BenchSearch)
#include "BenchSearch.moc"
