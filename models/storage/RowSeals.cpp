#include "RowSeals.h"

#include "Signing.h"

#include <QCoreApplication>
#include <QFuture>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <QtEndian>

#include <openssl/evp.h>
#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <cstring>

namespace RowSeals {

namespace {

// The seal is an LtHash (a lattice-based homomorphic multiset hash, as in "Securing Update Propagation with
// Homomorphic Hashing", Lewi et al. 2019): each row's SHA-256 digest is expanded to 1024 16-bit words and the seal is
// their componentwise sum mod 2^16. A plain sum of 256-bit digests would not do: with many rows to change, the
// generalised birthday attack finds changes that leave such a sum as it was.
constexpr int SealWords = 1024;
constexpr int SealBytes = SealWords * 2;
using Seal = std::array<unsigned char, SealBytes>;

// A seal as stored: 2048 bytes (since migration 0014), or the 4096 hex digits of older schemas; NULL is the empty
// seal.
bool parseSeal(sqlite3_value* value, Seal* seal)
{
    seal->fill(0);
    switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
        return true;
    case SQLITE_BLOB:
        if (sqlite3_value_bytes(value) != SealBytes)
            return false;
        std::memcpy(seal->data(), sqlite3_value_blob(value), SealBytes);
        return true;
    case SQLITE_TEXT: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
        const int length = sqlite3_value_bytes(value);
        if (length != 2 * SealBytes)
            return false;
        size_t written = 0;
        return sodium_hex2bin(seal->data(), seal->size(), text, size_t(length), nullptr, &written, nullptr) == 0 &&
               written == seal->size();
    }
    default:
        return false;
    }
}

void resultSeal(sqlite3_context* context, const Seal& seal)
{
    sqlite3_result_blob(context, seal.data(), SealBytes, SQLITE_TRANSIENT);
}

// The row's 32-byte digest expanded to the seal's width (ChaCha20 keystream under the digest as key).
void expand(const unsigned char* digest, Seal* words)
{
    static const unsigned char nonce[crypto_stream_chacha20_NONCEBYTES] = {'x', 'm', 'c', 's', 'e', 'a', 'l', '1'};
    crypto_stream_chacha20(words->data(), words->size(), nonce, digest);
}

void addTo(Seal* seal, const unsigned char* digest, bool subtract)
{
    Seal expanded;
    expand(digest, &expanded);
    // The words are kept little-endian; as native words the sum is a loop the compiler vectorises.
    std::array<quint16, SealWords> sum, words;
    qFromLittleEndian<quint16>(seal->data(), SealWords, sum.data());
    qFromLittleEndian<quint16>(expanded.data(), SealWords, words.data());
    if (subtract) {
        for (int i = 0; i < SealWords; ++i)
            sum[i] = quint16(sum[i] - words[i]);
    } else {
        for (int i = 0; i < SealWords; ++i)
            sum[i] = quint16(sum[i] + words[i]);
    }
    qToLittleEndian<quint16>(sum.data(), SealWords, seal->data());
}

// SHA-256 through OpenSSL (linked for SQLCipher already), which uses the processor's SHA instructions where it has
// them: the seal triggers hash every row written twice, and libsodium's portable SHA-256 took a tenth of a sync.
class RowHash
{
public:
    RowHash()
        : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr))
        , m_ctx(EVP_MD_CTX_new())
    {}
    ~RowHash()
    {
        EVP_MD_CTX_free(m_ctx);
        EVP_MD_free(m_md);
    }
    RowHash(const RowHash&) = delete;
    RowHash& operator=(const RowHash&) = delete;

    bool begin() { return m_md && m_ctx && EVP_DigestInit_ex2(m_ctx, m_md, nullptr) == 1; }
    bool add(const void* data, size_t length) { return EVP_DigestUpdate(m_ctx, data, length) == 1; }
    bool end(unsigned char* digest) { return EVP_DigestFinal_ex(m_ctx, digest, nullptr) == 1; }

private:
    EVP_MD* m_md;
    EVP_MD_CTX* m_ctx;
};

// xmc_row_digest(table, v1, v2, …): SHA-256 of a type-tagged, length-prefixed serialisation of its arguments, so
// that no two different rows (or a NULL and an empty text, or 1 and '1') give the same input.
void rowDigest(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    thread_local RowHash hash;
    static const unsigned char context_tag[] = "xmcredit-row-v1";
    bool ok = hash.begin() && hash.add(context_tag, sizeof(context_tag));
    for (int i = 0; i < argc; ++i) {
        unsigned char header[9];
        const int type = sqlite3_value_type(argv[i]);
        header[0] = static_cast<unsigned char>(type);
        const void* data = nullptr;
        quint64 length = 0;
        qint64 integer = 0;
        double real = 0;
        switch (type) {
        case SQLITE_INTEGER:
            integer = sqlite3_value_int64(argv[i]);
            data = &integer;
            length = sizeof(integer);
            break;
        case SQLITE_FLOAT:
            real = sqlite3_value_double(argv[i]);
            data = &real;
            length = sizeof(real);
            break;
        case SQLITE_TEXT:
            data = sqlite3_value_text(argv[i]);
            length = quint64(sqlite3_value_bytes(argv[i]));
            break;
        case SQLITE_BLOB:
            data = sqlite3_value_blob(argv[i]);
            length = quint64(sqlite3_value_bytes(argv[i]));
            break;
        default:
            break;
        }
        for (int b = 0; b < 8; ++b)
            header[1 + b] = static_cast<unsigned char>((length >> (8 * b)) & 0xff);
        ok = ok && hash.add(header, sizeof(header)) && (!data || length == 0 || hash.add(data, length));
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    if (!ok || !hash.end(digest)) {
        sqlite3_result_error(context, "xmc_row_digest: SHA-256 failed", -1);
        return;
    }
    sqlite3_result_blob(context, digest, sizeof(digest), SQLITE_TRANSIENT);
}

void sealChange(sqlite3_context* context, sqlite3_value** argv, bool subtract)
{
    Seal seal;
    if (!parseSeal(argv[0], &seal) || sqlite3_value_type(argv[1]) != SQLITE_BLOB ||
        sqlite3_value_bytes(argv[1]) != int(crypto_hash_sha256_BYTES)) {
        sqlite3_result_error(context, "xmc_seal: invalid seal or digest", -1);
        return;
    }
    addTo(&seal, static_cast<const unsigned char*>(sqlite3_value_blob(argv[1])), subtract);
    resultSeal(context, seal);
}

// xmc_seal(stored): a stored seal, hex digits or bytes, as the bytes it is now kept as (migration 0014).
void sealBytes(sqlite3_context* context, int, sqlite3_value** argv)
{
    Seal seal;
    if (!parseSeal(argv[0], &seal)) {
        sqlite3_result_error(context, "xmc_seal: invalid seal", -1);
        return;
    }
    resultSeal(context, seal);
}

void sealAdd(sqlite3_context* context, int, sqlite3_value** argv)
{
    sealChange(context, argv, false);
}

void sealSub(sqlite3_context* context, int, sqlite3_value** argv)
{
    sealChange(context, argv, true);
}

void sealSumStep(sqlite3_context* context, int, sqlite3_value** argv)
{
    auto* seal = static_cast<Seal*>(sqlite3_aggregate_context(context, sizeof(Seal)));
    if (!seal)
        return;
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB || sqlite3_value_bytes(argv[0]) != int(crypto_hash_sha256_BYTES)) {
        sqlite3_result_error(context, "xmc_seal_sum: invalid digest", -1);
        return;
    }
    addTo(seal, static_cast<const unsigned char*>(sqlite3_value_blob(argv[0])), false);
}

void sealSumFinal(sqlite3_context* context)
{
    auto* seal = static_cast<Seal*>(sqlite3_aggregate_context(context, 0));
    resultSeal(context, seal ? *seal : Seal{});
}

QStringList columnsOf(const QSqlDatabase& db, const QString& table, QString* error)
{
    QSqlQuery query(db);
    QStringList columns;
    if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) {
        *error = query.lastError().text();
        return {};
    }
    while (query.next())
        columns << query.value(1).toString();
    if (columns.isEmpty())
        *error = QCoreApplication::translate("RowSeals", "The table %1 does not exist.").arg(table);
    return columns;
}

QString digestCall(const QString& table, const QStringList& columns, const QString& prefix)
{
    QStringList args{QStringLiteral("'%1'").arg(table)};
    for (const QString& column : columns)
        args << prefix + column;
    return QStringLiteral("xmc_row_digest(%1)").arg(args.join(QStringLiteral(", ")));
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace

QStringList sealedTables()
{
    return {QStringLiteral("attachments"),
            QStringLiteral("case_clocks"),
            QStringLiteral("case_platform_events"),
            QStringLiteral("case_events"),
            QStringLiteral("case_items"),
            QStringLiteral("case_materials"),
            QStringLiteral("cases"),
            QStringLiteral("credit_items"),
            QStringLiteral("platform_staff"),
            QStringLiteral("policy_profiles"),
            QStringLiteral("record_submissions"),
            QStringLiteral("report_prints"),
            QStringLiteral("report_verifications"),
            QStringLiteral("reports"),
            QStringLiteral("subjects"),
            QStringLiteral("sync_enrolment"),
            QStringLiteral("sync_outbox_answers"),
            QStringLiteral("sync_pages"),
            QStringLiteral("sync_streams"),
            QStringLiteral("sync_transport")};
}

int registerFunctions(sqlite3* db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    int rc = sqlite3_create_function_v2(db, "xmc_row_digest", -1, flags, nullptr, rowDigest, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "xmc_seal", 1, flags, nullptr, sealBytes, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "xmc_seal_add", 2, flags, nullptr, sealAdd, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "xmc_seal_sub", 2, flags, nullptr, sealSub, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "xmc_seal_sum", 1, flags, nullptr, nullptr, sealSumStep, sealSumFinal,
                                        nullptr);
    return rc;
}

bool install(QSqlDatabase& db, QString* error)
{
    for (const QString& table : sealedTables()) {
        const QStringList columns = columnsOf(db, table, error);
        if (columns.isEmpty())
            return false;
        const QString insertTrigger =
            QStringLiteral("CREATE TRIGGER %1_seal_insert AFTER INSERT ON %1 BEGIN UPDATE table_seals SET seal = "
                           "xmc_seal_add(seal, %2), rows = rows + 1 WHERE name = '%1'; END")
                .arg(table, digestCall(table, columns, QStringLiteral("NEW.")));
        const QString updateTrigger =
            QStringLiteral("CREATE TRIGGER %1_seal_update AFTER UPDATE ON %1 BEGIN UPDATE table_seals SET seal = "
                           "xmc_seal_add(xmc_seal_sub(seal, %2), %3) WHERE name = '%1'; END")
                .arg(table, digestCall(table, columns, QStringLiteral("OLD.")),
                     digestCall(table, columns, QStringLiteral("NEW.")));
        if (!exec(db, QStringLiteral("DROP TRIGGER IF EXISTS %1_seal_insert").arg(table), error) ||
            !exec(db, QStringLiteral("DROP TRIGGER IF EXISTS %1_seal_update").arg(table), error) ||
            !exec(db, insertTrigger, error) || !exec(db, updateTrigger, error))
            return false;
        QSqlQuery row(db);
        row.prepare(QStringLiteral("INSERT INTO table_seals (name, seal, rows) SELECT ?, ?, 0 WHERE NOT EXISTS "
                                   "(SELECT 1 FROM table_seals WHERE name = ?)"));
        row.addBindValue(table);
        row.addBindValue(QByteArray(SealBytes, '\0'));
        row.addBindValue(table);
        if (!row.exec()) {
            *error = row.lastError().text();
            return false;
        }
        if (!recompute(db, table, error))
            return false;
    }
    return true;
}

bool recompute(QSqlDatabase& db, const QString& table, QString* error)
{
    const QStringList columns = columnsOf(db, table, error);
    if (columns.isEmpty())
        return false;
    // What UPDATE table_seals SET seal = (SELECT xmc_seal_sum(xmc_row_digest(…)) FROM table) computes, with the sum
    // on the other cores: this thread reads the rows and hashes each (SQLite decrypts the pages here), a pool
    // expands the digests of 8,192 rows at a time and sums them, and the partial seals add up to the same seal
    // (the sum is taken word by word modulo 2^16, in any order). The bulk path recomputes millions of rows.
    auto* handle = static_cast<sqlite3*>(db.driver()->handle().value<void*>());
    if (!handle) {
        *error = QStringLiteral("RowSeals::recompute: no SQLite handle");
        return false;
    }
    const QByteArray select =
        QStringLiteral("SELECT %1 FROM %2").arg(digestCall(table, columns, QString()), table).toUtf8();
    sqlite3_stmt* rows = nullptr;
    if (sqlite3_prepare_v2(handle, select.constData(), int(select.size()), &rows, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(rows);
        return false;
    }
    constexpr int Chunk = 8192;
    constexpr int DigestBytes = crypto_hash_sha256_BYTES;
    static QThreadPool summers;
    QList<QFuture<Seal>> partials;
    auto sumChunk = [](const QByteArray& digests) {
        Seal seal{};
        for (qsizetype at = 0; at < digests.size(); at += DigestBytes)
            addTo(&seal, reinterpret_cast<const unsigned char*>(digests.constData() + at), false);
        return seal;
    };
    const auto waitForSums = qScopeGuard([&partials] {
        for (QFuture<Seal>& partial : partials)
            partial.waitForFinished();
    });
    Seal total{};
    auto addPartial = [&total](const Seal& part) {
        std::array<quint16, SealWords> a, b;
        qFromLittleEndian<quint16>(total.data(), SealWords, a.data());
        qFromLittleEndian<quint16>(part.data(), SealWords, b.data());
        for (int i = 0; i < SealWords; ++i)
            a[i] = quint16(a[i] + b[i]);
        qToLittleEndian<quint16>(a.data(), SealWords, total.data());
    };
    QByteArray digests;
    digests.reserve(Chunk * DigestBytes);
    qint64 count = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
        if (sqlite3_column_bytes(rows, 0) != DigestBytes)
            break;
        digests.append(static_cast<const char*>(sqlite3_column_blob(rows, 0)), DigestBytes);
        ++count;
        if (digests.size() == Chunk * DigestBytes) {
            // At most four chunks queued: memory stays small however large the table.
            while (partials.size() >= 4) {
                addPartial(partials.takeFirst().result());
            }
            partials << QtConcurrent::run(&summers, sumChunk, digests);
            digests.clear();
            digests.reserve(Chunk * DigestBytes);
        }
    }
    if (rc != SQLITE_DONE) {
        *error = rc == SQLITE_ROW ? QStringLiteral("RowSeals::recompute: a row digest of the wrong size")
                                  : QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(rows);
        return false;
    }
    sqlite3_finalize(rows);
    addPartial(sumChunk(digests));
    for (QFuture<Seal>& partial : partials)
        addPartial(partial.result());
    partials.clear();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE table_seals SET seal = ?, rows = ? WHERE name = ?"));
    update.addBindValue(QByteArray(reinterpret_cast<const char*>(total.data()), SealBytes));
    update.addBindValue(count);
    update.addBindValue(table);
    if (!update.exec()) {
        *error = update.lastError().text();
        return false;
    }
    return true;
}

bool verify(const QSqlDatabase& db, QStringList* problems)
{
    problems->clear();
    for (const QString& table : sealedTables()) {
        QString error;
        const QStringList columns = columnsOf(db, table, &error);
        if (columns.isEmpty()) {
            problems->append(error);
            continue;
        }
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT (SELECT xmc_seal_sum(%2) FROM %1), (SELECT count(*) FROM %1), "
                                       "(SELECT seal FROM table_seals WHERE name = '%1'), (SELECT rows FROM "
                                       "table_seals WHERE name = '%1')")
                            .arg(table, digestCall(table, columns, QString()))) ||
            !query.next()) {
            problems->append(query.lastError().text());
            continue;
        }
        if (query.value(0).toByteArray() != query.value(2).toByteArray() ||
            query.value(1).toLongLong() != query.value(3).toLongLong())
            problems->append(table);
    }
    return problems->isEmpty();
}

QString stateDigest(const QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT name, seal, rows FROM table_seals ORDER BY name"))) {
        if (error)
            *error = query.lastError().text();
        return {};
    }
    // Hashed in one piece through OpenSSL (an audit entry is written for every page a sync applies, and Qt's SHA-256
    // has no SHA instructions); the same digest as hashing each table's line in turn.
    QByteArray lines;
    while (query.next()) {
        // The seal in hex digits, as it was stored before migration 0014: the states recorded by earlier audit
        // entries stay comparable.
        const QVariant seal = query.value(1);
        lines += query.value(0).toString().toUtf8();
        lines += ':';
        lines += seal.metaType().id() == QMetaType::QByteArray ? seal.toByteArray().toHex() : seal.toString().toUtf8();
        lines += ':';
        lines += query.value(2).toString().toUtf8();
        lines += ';';
    }
    return lines.isEmpty() ? QString() : QString::fromLatin1(Signing::sha256(lines).toHex());
}

} // namespace RowSeals
