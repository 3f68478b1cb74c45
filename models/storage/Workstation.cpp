#include "Workstation.h"

#include "AuditLog.h"
#include "Database.h"
#include "LoginThrottle.h"
#include "RowSeals.h"
#include "Signing.h"
#include "SqlCipherDriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>

namespace Workstation {

namespace {

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

WorkstationStatus fail(WorkstationError error, const QString& message, int retryAfter = 0)
{
    WorkstationStatus status;
    status.error = error;
    status.message = message;
    status.retryAfterSeconds = retryAfter;
    return status;
}

QString uniqueConnectionName(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString absoluteDir(const QString& dir)
{
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

// SQLCipher 3 begins the file with its random 16-byte salt: it tells one database file from another without the
// key, which is how a database from another workstation is told from a damaged one.
QByteArray fileSalt(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(KeyVault::DatabaseSaltBytes);
}

// The key the open database uses, from the key ring's x'<hex>' literal.
SecureBytes keyFromRing(const QString& path)
{
    const SecureBytes literal = SqlCipherKeyRing::rawKeyLiteral(path);
    constexpr std::size_t HexDigits = 2 * KeyVault::DatabaseKeyBytes;
    if (literal.size() != HexDigits + 3)
        return {};
    SecureBytes key(KeyVault::DatabaseKeyBytes);
    size_t length = 0;
    if (sodium_hex2bin(key.data(), key.size(), reinterpret_cast<const char*>(literal.data()) + 2, HexDigits, nullptr,
                       &length, nullptr) != 0 ||
        length != key.size())
        return {};
    return key;
}

// The key slot that opens the database for username with password, made with the key the open database uses.
// signingSeed: the person's signing seed to keep, or null for a new one. An administrator's slot also gets the
// staff authority key (from SignerRing: only an administrator's session holds it).
WorkstationStatus makeStaffSlot(const Session& session, const KeyVault& vault, const QString& username,
                                const QString& password, Role role, const SecureBytes* signingSeed, VaultSlot* slot)
{
    const SecureBytes key = keyFromRing(session.databasePath);
    QString error;
    if (key.isEmpty() || !KeyVault::makeSlot(vault.workstationId, username, KeyVault::passwordBytes(password), key,
                                             KdfParams::defaults(), slot, &error, vault.authorityKey, signingSeed))
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "The key slot for %1 could not be made: %2")
                        .arg(username, error));
    if (role == Role::Administrator &&
        !KeyVault::sealAuthority(slot, SignerRing::seed(session.databasePath, SignerRing::AuthorityName)))
        return fail(WorkstationError::Denied,
                    QCoreApplication::translate("Workstation",
                                                "Only an administrator's session holds the staff authority key that an "
                                                "administrator's slot needs."));
    return {};
}

// Tells a database cut short at a page boundary from one damaged otherwise, which SQLite reports alike
// (SQLITE_CORRUPT). Decrypts the header of page 1 with the key and compares its page count with the file's size.
// SQLCipher 3's page 1 layout (default settings, raw key): 16 bytes of salt, then AES-256-CBC of header bytes 16 to
// 4048 under the key, with the IV at byte 4048 (the 48 reserved bytes hold the IV and the HMAC). The decryption is
// checked against header fields whose values are fixed (page size, payload fractions) before it is believed.
bool databaseCutShort(const QString& path, const SecureBytes& key)
{
    constexpr int PageSize = SqlCipherDriver::CipherPageSize;
    constexpr int Reserve = 48;
    constexpr int Salt = 16;
    QFile file(path);
    if (key.size() != 32 || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray page = file.read(PageSize);
    const qint64 filePages = file.size() / PageSize;
    if (page.size() != PageSize)
        return true;
    const auto* bytes = reinterpret_cast<const unsigned char*>(page.constData());
    unsigned char header[PageSize - Reserve - Salt];
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int written = 0;
    int finalWritten = 0;
    const bool ok = ctx &&
                    EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, key.data(), bytes + PageSize - Reserve) == 1 &&
                    EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
                    EVP_DecryptUpdate(ctx, header, &written, bytes + Salt, int(sizeof(header))) == 1 &&
                    EVP_DecryptFinal_ex(ctx, header + written, &finalWritten) == 1;
    EVP_CIPHER_CTX_free(ctx);
    const auto be32 = [&header](int offset) {
        const int i = offset - Salt;
        return (quint32(header[i]) << 24) | (quint32(header[i + 1]) << 16) | (quint32(header[i + 2]) << 8) |
               quint32(header[i + 3]);
    };
    const bool plausible = ok && header[0] == (PageSize >> 8) && header[1] == (PageSize & 0xff) &&
                           header[20 - Salt] == Reserve && header[21 - Salt] == 64 && header[22 - Salt] == 32 &&
                           header[23 - Salt] == 32;
    const bool result = plausible && be32(24) == be32(92) && qint64(be32(28)) > filePages;
    sodium_memzero(header, sizeof(header));
    return result;
}

WorkstationStatus fromVaultError(VaultError error, const QString& message)
{
    switch (error) {
    case VaultError::None:
        return {};
    case VaultError::Missing:
        return fail(WorkstationError::VaultMissing, message);
    case VaultError::Truncated:
        return fail(WorkstationError::VaultTruncated, message);
    case VaultError::Corrupt:
        return fail(WorkstationError::VaultCorrupt, message);
    case VaultError::Unsupported:
        return fail(WorkstationError::VaultUnsupported, message);
    case VaultError::IoError:
        return fail(WorkstationError::IoError, message);
    }
    return fail(WorkstationError::IoError, message);
}

WorkstationStatus fromOpenResult(const QString& path, const Database::OpenResult& result)
{
    switch (result.failure) {
    case Database::OpenFailure::None:
        return {};
    case Database::OpenFailure::Missing:
        return fail(WorkstationError::DatabaseMissing, result.message);
    case Database::OpenFailure::NotDatabase:
    case Database::OpenFailure::Corrupt: {
        const qint64 size = QFileInfo(path).size();
        if (size == 0 || size % SqlCipherDriver::CipherPageSize != 0)
            return fail(WorkstationError::DatabaseTruncated,
                        QCoreApplication::translate(
                            "Workstation",
                            "The database file %1 is truncated: its size (%2 bytes) is not a whole number of pages.")
                            .arg(native(path))
                            .arg(size));
        return fail(WorkstationError::DatabaseCorrupt, result.message);
    }
    case Database::OpenFailure::SchemaTooNew:
        return fail(WorkstationError::SchemaTooNew, result.message);
    case Database::OpenFailure::MigrationFailed:
        return fail(WorkstationError::MigrationFailed, result.message);
    case Database::OpenFailure::NotSqlCipher:
    case Database::OpenFailure::Other:
        break;
    }
    return fail(WorkstationError::IoError, result.message);
}

// Checks the database file without the key: missing, or so short it cannot be whole.
WorkstationStatus checkDatabaseFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(WorkstationError::DatabaseMissing,
                    QCoreApplication::translate("Workstation", "The database file %1 is missing.").arg(native(path)));
    if (info.size() == 0 || info.size() % SqlCipherDriver::CipherPageSize != 0)
        return fail(
            WorkstationError::DatabaseTruncated,
            QCoreApplication::translate(
                "Workstation", "The database file %1 is truncated: its size (%2 bytes) is not a whole number of pages.")
                .arg(native(path))
                .arg(info.size()));
    return {};
}

// Serialises changes to the vault between processes. The lock file exists only while a change is made.
class VaultLock
{
public:
    explicit VaultLock(const QString& dir)
        : m_lock(QDir(dir).filePath(QStringLiteral("vault.lock")))
    {}
    WorkstationStatus acquire()
    {
        if (m_lock.tryLock(10000))
            return {};
        return fail(
            WorkstationError::IoError,
            QCoreApplication::translate(
                "Workstation", "The key vault is being changed by another program (lock file %1). Try again later.")
                .arg(native(m_lock.fileName())));
    }

private:
    QLockFile m_lock;
};

// SQLite's primary result code from a driver error (the driver reports extended codes), -1 if there is none.
int primaryCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADb = 26;

// A page of the file could not be read as it should: the file is damaged (or was replaced while open).
bool isDamage(const QSqlError& error)
{
    const int code = primaryCode(error);
    return code == SqliteCorrupt || code == SqliteNotADb;
}

bool auditInto(QSqlDatabase& db, const QString& actor, const QString& action, const QString& objectType,
               const QString& objectId, const QJsonObject& details = {}, QString* error = nullptr,
               QSqlError* sqlError = nullptr)
{
    AuditEntry entry;
    entry.actor = actor;
    entry.action = action;
    entry.objectType = objectType;
    entry.objectId = objectId;
    entry.basis = QStringLiteral("workstation administration");
    entry.details = details;
    return AuditLog::append(db, entry, error, sqlError);
}

// The failed logins counted outside the workstation since the last login, written into the audit trail by the person
// who now logs in (login.failures: how many, when, whether the names were staff, and the keyed tags of the names,
// so repeated attempts at one name show), then taken out of the throttle's file. The names themselves are never
// written anywhere. If the entry cannot be written, the failures wait for the next login.
void foldFailedLogins(const UnlockResult& unlocked, QSqlDatabase db)
{
    LoginThrottle throttle(unlocked.workstationDir);
    int dropped = 0;
    const QList<LoginThrottle::PendingFailure> pending = throttle.pendingFailures(&dropped);
    if (pending.isEmpty() && dropped == 0)
        return;
    const QString mine = LoginThrottle::nameTag(unlocked.username);
    QJsonArray attempts;
    int unknown = 0;
    int own = 0;
    QDateTime first;
    QDateTime last;
    for (const LoginThrottle::PendingFailure& f : pending) {
        attempts.append(QJsonObject{{QStringLiteral("at"), f.at.toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("name"), f.nameTag},
                                    {QStringLiteral("staff"), f.knownUser}});
        unknown += f.knownUser ? 0 : 1;
        own += f.nameTag == mine ? 1 : 0;
        if (!first.isValid() || f.at < first)
            first = f.at;
        if (!last.isValid() || f.at > last)
            last = f.at;
    }
    const QJsonObject details{{QStringLiteral("count"), int(pending.size()) + dropped},
                              {QStringLiteral("dropped"), dropped},
                              {QStringLiteral("unknownNames"), unknown},
                              {QStringLiteral("forThisUser"), own},
                              {QStringLiteral("first"), first.toString(Qt::ISODateWithMs)},
                              {QStringLiteral("last"), last.toString(Qt::ISODateWithMs)},
                              {QStringLiteral("attempts"), attempts}};
    QString error;
    if (auditInto(db, unlocked.username, QStringLiteral("login.failures"), QStringLiteral("workstation"),
                  unlocked.workstationId, details, &error, nullptr))
        throttle.takePending(int(pending.size()));
    else
        qWarning("The failed logins could not be written into the audit trail: %s", qPrintable(error));
}

// Checks a permission in models/ (not only in the UI), and audits a refusal.
WorkstationStatus require(const Session& session, Permission permission)
{
    if (!session.isValid() || !session.database().isOpen())
        return fail(WorkstationError::Denied, QCoreApplication::translate("Workstation", "Nobody is logged in."));
    if (session.can(permission))
        return {};
    QSqlDatabase db = session.database();
    auditInto(db, session.username, QStringLiteral("access.denied"), QStringLiteral("permission"),
              Roles::permissionName(permission));
    return fail(WorkstationError::Denied,
                QCoreApplication::translate("Workstation", "%1 (%2) is not allowed to do this.")
                    .arg(session.username, Roles::displayName(session.role)));
}

bool beginImmediate(QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *error = query.lastError().text();
    return false;
}

bool commit(QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("COMMIT")))
        return true;
    *error = query.lastError().text();
    query.exec(QStringLiteral("ROLLBACK"));
    return false;
}

void rollback(QSqlDatabase& db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("ROLLBACK"));
}

WorkstationStatus loadVault(const QString& dir, KeyVault* vault)
{
    QString message;
    return fromVaultError(KeyVault::load(vaultPath(dir), vault, &message), message);
}

WorkstationStatus writeMetadata(const WorkstationInfo& info)
{
    const QJsonObject object{{QStringLiteral("format"), QStringLiteral("xmcredit-workstation")},
                             {QStringLiteral("version"), 1},
                             {QStringLiteral("id"), info.id},
                             {QStringLiteral("name"), info.name},
                             {QStringLiteral("created"), info.created.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("demo"), info.demo}};
    QSaveFile file(metadataPath(info.dir));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit())
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "The workstation file %1 cannot be written: %2")
                        .arg(native(metadataPath(info.dir)), file.errorString()));
    return {};
}

struct ProbeOutcome
{
    WorkstationStatus status;
    int keyIndex = -1; // which candidate key opened the database
    StaffMember member;
    WorkstationStatus integrity; // Tampered or RolledBack when the checks below fail (status stays ok)
};

// Whether the row seals are the ones audit entry headSeq recorded (cheap: table_seals is one row per table).
bool sealsMatchHead(const QSqlDatabase& db, qint64 headSeq, QString* problem)
{
    QString error;
    const QString current = RowSeals::stateDigest(db, &error);
    QSqlQuery head(db);
    head.prepare(QStringLiteral("SELECT state FROM audit_log WHERE seq = ?"));
    head.addBindValue(headSeq);
    if (current.isEmpty() || !head.exec() || !head.next()) {
        *problem = QCoreApplication::translate("Workstation", "the row seals cannot be read: %1")
                       .arg(error.isEmpty() ? head.lastError().text() : error);
        return false;
    }
    if (head.value(0).toString() != current) {
        *problem = QCoreApplication::translate("Workstation",
                                               "records were changed outside the program after audit entry %1: the "
                                               "seals of the record tables are not the ones that entry recorded.")
                       .arg(headSeq);
        return false;
    }
    return true;
}

// The checks of the trust model that run before a login writes anything (Workstation.h, unlock()). Returns a
// Tampered or RolledBack status, or ok. memberRowHolds tells whether the user's own staff row is signed.
WorkstationStatus checkTrust(QSqlDatabase& db, const KeyVault& vault, const VaultSlot& slot, const StaffMember& member,
                             bool* memberRowHolds)
{
    *memberRowHolds = false;
    const QString path = db.databaseName();
    auto tampered = [&](const QString& detail) {
        return fail(WorkstationError::Tampered,
                    QCoreApplication::translate("Workstation",
                                                "The database %1 has been changed outside the program: %2 Nobody but "
                                                "an auditor can log in until it is examined (xmcredit-admin check).")
                        .arg(native(path), detail));
    };
    // A page that cannot be read makes a check below fail like tampering; the caller then reads every page once
    // (quick_check) and reports damage as damage.
    auto damaged = [&](const QSqlError& error) {
        return fail(WorkstationError::DatabaseCorrupt,
                    QCoreApplication::translate("Database", "The database file %1 is damaged (%2).")
                        .arg(native(path), error.databaseText()));
    };
    const QByteArray storedAuthority =
        QByteArray::fromHex(Database::metaValue(db, QStringLiteral("staff_authority_key")).toLatin1());
    if (vault.authorityKey.size() != Signing::PublicKeyBytes || storedAuthority != vault.authorityKey)
        return tampered(QCoreApplication::translate(
            "Workstation", "the staff authority key in the database is not the one in the key vault."));
    QStringList failing;
    QString problem;
    const bool rosterHolds = StaffDirectory::verifyRoster(db, vault.authorityKey, &problem, &failing);
    *memberRowHolds = !failing.contains(member.username) && member.signingKey == slot.signingKey;
    if (!failing.isEmpty() || !problem.isEmpty() || !rosterHolds)
        return tampered(problem);
    if (member.signingKey != slot.signingKey)
        return tampered(QCoreApplication::translate("Workstation", "the signing key of %1 is not the one in the vault.")
                            .arg(member.username));
    // A removed person's row put back as it was before the removal carries a valid old signature; the signed audit
    // entry of the removal shows it (usernames are never reused).
    {
        QSqlQuery removed(db);
        removed.prepare(QStringLiteral("SELECT 1 FROM audit_log WHERE action = 'staff.remove' AND object_id = ? "
                                       "LIMIT 1"));
        removed.addBindValue(member.username);
        if (removed.exec() && removed.next())
            return tampered(QCoreApplication::translate(
                                "Workstation", "%1 was removed, but the staff list shows the account active again.")
                                .arg(member.username));
    }
    // The anchor: the database must still hold the entry the vault recorded at the last login or logout. Every
    // workstation gets one when it is created, so a vault without one over a database with entries was altered.
    if (vault.auditAnchorSeq == 0) {
        QSqlQuery any(db);
        if (any.exec(QStringLiteral("SELECT count(*) FROM audit_log")) && any.next() && any.value(0).toLongLong() > 0)
            return tampered(QCoreApplication::translate(
                "Workstation", "the key vault records no audit entry, but the database holds some: the vault was "
                               "altered."));
    }
    if (vault.auditAnchorSeq > 0) {
        QSqlQuery anchor(db);
        anchor.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
        anchor.addBindValue(vault.auditAnchorSeq);
        if (!anchor.exec())
            return damaged(anchor.lastError());
        if (!anchor.next()) {
            qint64 headSeq = 0;
            QString headHash;
            QString headMessage;
            if (AuditLog::checkHead(db, &headSeq, &headHash, &headMessage) && headSeq < vault.auditAnchorSeq)
                return fail(WorkstationError::RolledBack,
                            QCoreApplication::translate(
                                "Workstation",
                                "The database %1 is older than this workstation's key vault: its audit log ends at "
                                "entry %2, but the vault recorded entry %3 at an earlier login. An old copy of the "
                                "database has been put in place of the current one; restore the current database.")
                                .arg(native(path))
                                .arg(headSeq)
                                .arg(vault.auditAnchorSeq));
            return tampered(
                QCoreApplication::translate("Workstation", "audit entry %1, recorded in the key vault, is missing.")
                    .arg(vault.auditAnchorSeq));
        }
        if (anchor.value(0).toString() != vault.auditAnchorHash)
            return tampered(QCoreApplication::translate(
                                "Workstation", "audit entry %1 is not the one the key vault recorded at an earlier "
                                               "login: the log was rewritten or the database replaced.")
                                .arg(vault.auditAnchorSeq));
    }
    qint64 headSeq = 0;
    QString headHash;
    QString headMessage;
    if (!AuditLog::checkHead(db, &headSeq, &headHash, &headMessage))
        return tampered(headMessage);
    const AuditVerifyResult tail = AuditLog::verifyFrom(
        db, vault.auditAnchorSeq + 1, vault.auditAnchorSeq > 0 ? vault.auditAnchorHash : QString(64, QLatin1Char('0')));
    if (!tail.ok)
        return tampered(tail.message);
    // The record tables as the last signed entry saw them (RowSeals.h).
    if (headSeq > 0) {
        QString sealsProblem;
        if (!sealsMatchHead(db, headSeq, &sealsProblem))
            return tampered(sealsProblem);
    }
    return {};
}

// Moves the vault's audit anchor to the current head of the log (after a login or a logout was written). A
// failure leaves the older anchor, which is still a valid check, so it only warns.
void moveAnchor(const QString& dir, const QSqlDatabase& db)
{
    qint64 seq = 0;
    QString hash;
    QString message;
    if (!AuditLog::checkHead(db, &seq, &hash, &message) || seq <= 0)
        return;
    VaultLock lock(dir);
    if (!lock.acquire().ok())
        return;
    KeyVault vault;
    if (KeyVault::load(vaultPath(dir), &vault) != VaultError::None || vault.auditAnchorSeq >= seq)
        return;
    vault.auditAnchorSeq = seq;
    vault.auditAnchorHash = hash;
    QString error;
    if (!vault.save(vaultPath(dir), &error))
        qWarning("The key vault's audit anchor could not be moved: %s", qPrintable(error));
}

// Opens the database with each candidate key on a private connection in this thread, without writing, and checks
// it belongs to the workstation and that username is active staff. The key ring is restored afterwards, so that a
// session of this process that uses the same file keeps its key.
ProbeOutcome probeDatabase(const QString& path, const std::vector<const SecureBytes*>& candidates,
                           const KeyVault& vault, const VaultSlot& slot, const QString& workstationId,
                           const QString& username)
{
    const QByteArray& vaultSalt = vault.databaseSalt;
    ProbeOutcome outcome;
    const SecureBytes previousRingKey = keyFromRing(path);
    auto restoreRing = [&] {
        if (previousRingKey.isEmpty())
            SqlCipherKeyRing::removeKey(path);
        else
            SqlCipherKeyRing::setKey(path, previousRingKey);
    };
    const QString connection = uniqueConnectionName(QStringLiteral("xmcredit-unlock-"));
    Database::OpenResult opened;
    opened.failure = Database::OpenFailure::NotDatabase;
    std::size_t tried = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        tried = i;
        SqlCipherKeyRing::setKey(path, *candidates[i]);
        opened = Database::open(path, connection, Database::OpenMode::Inspect);
        if (opened.ok()) {
            outcome.keyIndex = int(i);
            break;
        }
        if (opened.failure != Database::OpenFailure::NotDatabase)
            break;
    }
    if (!opened.ok()) {
        restoreRing();
        if (opened.failure == Database::OpenFailure::NotDatabase) {
            const QByteArray salt = fileSalt(path);
            if (!vaultSalt.isEmpty() && salt.size() == vaultSalt.size() && salt != vaultSalt) {
                outcome.status =
                    fail(WorkstationError::WrongWorkstation,
                         QCoreApplication::translate(
                             "Workstation", "The database file %1 belongs to another workstation or has been replaced: "
                                            "it is not the database this workstation's key vault was made for.")
                             .arg(native(path)));
                return outcome;
            }
            outcome.status =
                fail(WorkstationError::DatabaseCorrupt,
                     QCoreApplication::translate(
                         "Workstation", "The database file %1 is damaged: the key from the vault no longer opens it.")
                         .arg(native(path)));
            return outcome;
        }
        outcome.status = fromOpenResult(path, opened);
        // The key opened page 1, so its header can say whether pages are missing at the end.
        if (opened.failure == Database::OpenFailure::Corrupt &&
            outcome.status.error == WorkstationError::DatabaseCorrupt && databaseCutShort(path, *candidates[tried]))
            outcome.status = fail(WorkstationError::DatabaseTruncated,
                                  QCoreApplication::translate(
                                      "Workstation", "The database file %1 is truncated: pages are missing at its end.")
                                      .arg(native(path)));
        return outcome;
    }
    {
        const QSqlDatabase db = QSqlDatabase::database(connection, false);
        const QString storedId = Database::metaValue(db, QStringLiteral("workstation_id"));
        QString error;
        if (storedId.isEmpty()) {
            outcome.status =
                fail(WorkstationError::DatabaseCorrupt,
                     QCoreApplication::translate(
                         "Workstation", "The database file %1 does not record which workstation it belongs to.")
                         .arg(native(path)));
        } else if (storedId != workstationId) {
            outcome.status =
                fail(WorkstationError::WrongWorkstation,
                     QCoreApplication::translate(
                         "Workstation", "The database file %1 belongs to workstation %2, not to this workstation (%3).")
                         .arg(native(path), storedId, workstationId));
        } else if (!StaffDirectory::find(db, username, &outcome.member, &error)) {
            outcome.status =
                error.isEmpty()
                    ? fail(WorkstationError::AccountDisabled,
                           QCoreApplication::translate("Workstation",
                                                       "The account %1 is not enrolled in this workstation's database.")
                               .arg(username))
                    : fail(WorkstationError::DatabaseCorrupt,
                           QCoreApplication::translate("Workstation", "The staff list of %1 cannot be read: %2")
                               .arg(native(path), error));
        } else if (!outcome.member.active) {
            outcome.status = fail(
                WorkstationError::AccountDisabled,
                QCoreApplication::translate("Workstation", "The account %1 has been removed from this workstation.")
                    .arg(username));
        } else {
            QSqlDatabase writable = db;
            bool ownRowHolds = false;
            outcome.integrity = checkTrust(writable, vault, slot, outcome.member, &ownRowHolds);
            // Damage is reported as damage, not as tampering: when a check fails, every page is read once (only
            // then: on a city-scale file this takes a while).
            if (outcome.integrity.error == WorkstationError::Tampered) {
                QSqlQuery quick(writable);
                if (!quick.exec(QStringLiteral("PRAGMA quick_check(1)")) || !quick.next() ||
                    quick.value(0).toString() != QLatin1String("ok"))
                    outcome.integrity =
                        fail(WorkstationError::DatabaseCorrupt,
                             QCoreApplication::translate("Database", "The database file %1 is damaged (%2).")
                                 .arg(native(path), quick.lastError().isValid() ? quick.lastError().databaseText()
                                                                                : quick.value(0).toString()));
            }
            // Only an auditor whose own signed row holds may go on, read-only; everybody else is refused.
            if (!outcome.integrity.ok() && (outcome.member.role != Role::Auditor || !ownRowHolds))
                outcome.status = outcome.integrity;
        }
    }
    Database::close(connection);
    restoreRing();
    return outcome;
}

// Rotates the database key with the vault lock held: a new random key is sealed to every slot but the one of
// excludedUsername (a person being removed, whose slot keeps only the key that is about to stop working), then
// the database is rewritten under it. Nothing is changed when it fails.
WorkstationStatus rotateKeyLocked(const Session& session, const QString& reason, const QString& excludedUsername = {})
{
    const QString dir = session.workstationDir;
    KeyVault vault;
    WorkstationStatus status = loadVault(dir, &vault);
    if (!status.ok())
        return status;
    const KeyVault original = vault;
    const SecureBytes currentKey = keyFromRing(session.databasePath);
    if (currentKey.isEmpty())
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "The database key of this session is not available."));
    const SecureBytes newKey = SecureBytes::random(KeyVault::DatabaseKeyBytes);
    for (VaultSlot& slot : vault.keySlots) {
        if (!excludedUsername.isEmpty() && slot.username == excludedUsername)
            continue;
        if (!KeyVault::sealKey(slot, currentKey, &slot.sealedPreviousKey) ||
            !KeyVault::sealKey(slot, newKey, &slot.sealedKey))
            return fail(WorkstationError::IoError,
                        QCoreApplication::translate("Workstation", "The new database key could not be sealed."));
    }
    vault.keyGeneration += 1;
    QString error;
    // Step 1: every slot holds the new key and the current one. A crash from here on leaves a vault that opens the
    // database whichever key it has.
    if (!vault.save(vaultPath(dir), &error))
        return fail(WorkstationError::IoError, error);
    // Step 2: rewrite the database under the new key.
    QSqlDatabase db = session.database();
    auto* driver = qobject_cast<SqlCipherDriver*>(db.driver());
    QSqlError sqlError;
    if (!driver || !driver->rekey(newKey, &sqlError)) {
        original.save(vaultPath(dir), nullptr);
        const int code = primaryCode(sqlError);
        if (code == SqliteBusy || code == SqliteLocked)
            return fail(WorkstationError::IoError,
                        QCoreApplication::translate(
                            "Workstation",
                            "The database key can only be changed while no other program uses the database, and "
                            "another one has it open (an xmcredit window or another xmcredit-admin command). Close "
                            "it and try again. Nothing was changed."));
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation",
                                                "The database key could not be changed (%1). Nothing was changed.")
                        .arg(sqlError.text()));
    }
    // Step 3: forget the old key.
    for (VaultSlot& slot : vault.keySlots)
        slot.sealedPreviousKey.clear();
    // The database salt is unchanged: SQLCipher's rekey keeps the file's salt. (Reading it here through a second
    // file descriptor would also be wrong: closing that descriptor drops the POSIX locks SQLite holds on the file.)
    if (!vault.save(vaultPath(dir), &error))
        qWarning("The key vault still holds the previous database key: %s", qPrintable(error));
    auditInto(db, session.username, QStringLiteral("workstation.rekey"), QStringLiteral("workstation"),
              session.workstationId,
              QJsonObject{{QStringLiteral("keyGeneration"), vault.keyGeneration}, {QStringLiteral("reason"), reason}});
    return {};
}

} // namespace

QString defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("workstation"));
}

QString metadataPath(const QString& dir)
{
    return QDir(absoluteDir(dir)).filePath(QStringLiteral("workstation.json"));
}

QString databasePath(const QString& dir)
{
    return QDir(absoluteDir(dir)).filePath(QStringLiteral("credit.db"));
}

QString vaultPath(const QString& dir)
{
    return QDir(absoluteDir(dir)).filePath(QStringLiteral("vault.xmv"));
}

bool isAcceptablePassword(const QString& password, QString* why)
{
    if (password.size() < MinimumPasswordLength) {
        if (why)
            *why = QCoreApplication::translate("Workstation", "A password must have at least %1 characters.")
                       .arg(MinimumPasswordLength);
        return false;
    }
    if (password.trimmed().isEmpty() || password.contains(QLatin1Char('\n')) || password.contains(QLatin1Char('\r'))) {
        if (why)
            *why = QCoreApplication::translate("Workstation", "A password must not be blank or contain line breaks.");
        return false;
    }
    return true;
}

WorkstationStatus readInfo(const QString& dir, WorkstationInfo* info)
{
    const QString path = metadataPath(dir);
    if (!QFileInfo(dir).isDir())
        return fail(WorkstationError::NoWorkstation,
                    QCoreApplication::translate("Workstation", "There is no workstation at %1.").arg(native(dir)));
    QFile file(path);
    if (!file.exists()) {
        if (QFileInfo::exists(vaultPath(dir)) || QFileInfo::exists(databasePath(dir)))
            return fail(
                WorkstationError::MetadataDamaged,
                QCoreApplication::translate("Workstation", "The workstation file %1 is missing.").arg(native(path)));
        return fail(WorkstationError::NoWorkstation,
                    QCoreApplication::translate("Workstation", "There is no workstation at %1.").arg(native(dir)));
    }
    if (!file.open(QIODevice::ReadOnly))
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "The workstation file %1 cannot be read: %2")
                        .arg(native(path), file.errorString()));
    const QJsonObject object = QJsonDocument::fromJson(file.read(1024 * 1024)).object();
    WorkstationInfo result;
    result.dir = absoluteDir(dir);
    result.id = object.value(QLatin1String("id")).toString();
    result.name = object.value(QLatin1String("name")).toString();
    result.created = QDateTime::fromString(object.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
    result.demo = object.value(QLatin1String("demo")).toBool();
    if (object.value(QLatin1String("format")).toString() != QLatin1String("xmcredit-workstation") ||
        object.value(QLatin1String("version")).toInt() != 1 || result.id.isEmpty())
        return fail(
            WorkstationError::MetadataDamaged,
            QCoreApplication::translate("Workstation", "The workstation file %1 is damaged.").arg(native(path)));
    *info = result;
    return {};
}

WorkstationStatus create(const QString& dir, const QString& name, const QString& adminUsername,
                         const QString& adminDisplayName, const QString& password, bool demo)
{
    const QString username = StaffDirectory::normalizedUsername(adminUsername);
    if (!StaffDirectory::isValidUsername(username))
        return fail(WorkstationError::InvalidInput,
                    QCoreApplication::translate(
                        "Workstation",
                        "The username %1 is not valid: use 1 to 32 lowercase letters, digits, '.', '_' or '-', "
                        "starting with a letter.")
                        .arg(adminUsername));
    if (adminDisplayName.trimmed().isEmpty() || name.trimmed().isEmpty())
        return fail(WorkstationError::InvalidInput,
                    QCoreApplication::translate("Workstation", "The workstation and its administrator need a name."));
    QString why;
    if (!isAcceptablePassword(password, &why))
        return fail(WorkstationError::InvalidInput, why);

    const QString root = absoluteDir(dir);
    const QString dbPath = databasePath(root);
    for (const QString& path : {metadataPath(root), dbPath, vaultPath(root)}) {
        if (QFileInfo::exists(path))
            return fail(WorkstationError::Exists,
                        QCoreApplication::translate("Workstation", "A workstation already exists at %1 (%2 is there).")
                            .arg(native(root), native(path)));
    }
    const bool dirExisted = QFileInfo(root).isDir();
    if (!QDir().mkpath(root))
        return fail(
            WorkstationError::IoError,
            QCoreApplication::translate("Workstation", "The directory %1 cannot be created.").arg(native(root)));
    auto cleanUp = [&] {
        for (const QString& path : {metadataPath(root), vaultPath(root), dbPath, dbPath + QStringLiteral("-wal"),
                                    dbPath + QStringLiteral("-shm"), dbPath + QStringLiteral("-journal")})
            QFile::remove(path);
        SqlCipherKeyRing::removeKey(dbPath);
        if (!dirExisted)
            QDir().rmdir(root);
    };

    WorkstationInfo info;
    info.dir = root;
    info.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    info.name = name.trimmed();
    info.created = QDateTime::currentDateTimeUtc();
    info.demo = demo;

    const SecureBytes key = SecureBytes::random(KeyVault::DatabaseKeyBytes);
    // The staff authority key (signs staff rows) and the administrator's own signing key.
    const SecureBytes authoritySeed = SecureBytes::random(Signing::SeedBytes);
    const SecureBytes adminSeed = SecureBytes::random(Signing::SeedBytes);
    const QByteArray authorityKey = Signing::publicKey(authoritySeed);
    SqlCipherKeyRing::setKey(dbPath, key);
    SignerRing::setKey(dbPath, SignerRing::AuthorityName, authoritySeed);
    SignerRing::setKey(dbPath, username, adminSeed);
    const QString connection = uniqueConnectionName(QStringLiteral("xmcredit-create-"));
    const Database::OpenResult opened = Database::open(dbPath, connection, Database::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        cleanUp();
        return fromOpenResult(dbPath, opened);
    }
    QString error;
    bool ok = true;
    qint64 anchorSeq = 0;
    QString anchorHash;
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        ok = beginImmediate(db, &error);
        if (ok) {
            QSqlQuery meta(db);
            meta.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('workstation_id', ?), "
                                        "('workstation_name', ?), ('created_at', ?), ('staff_authority_key', ?)"));
            meta.addBindValue(info.id);
            meta.addBindValue(info.name);
            meta.addBindValue(info.created.toString(Qt::ISODateWithMs));
            meta.addBindValue(QString::fromLatin1(authorityKey.toHex()));
            ok = meta.exec();
            if (!ok)
                error = meta.lastError().text();
        }
        ok = ok && auditInto(db, username, QStringLiteral("workstation.create"), QStringLiteral("workstation"), info.id,
                             QJsonObject{{QStringLiteral("name"), info.name}, {QStringLiteral("demo"), demo}}, &error);
        StaffMember admin;
        admin.username = username;
        admin.displayName = adminDisplayName.trimmed();
        admin.role = Role::Administrator;
        admin.signingKey = Signing::publicKey(adminSeed);
        ok = ok && StaffDirectory::insert(db, admin, username, &error);
        ok = ok && commit(db, &error);
        if (ok) {
            QString headMessage;
            AuditLog::checkHead(db, &anchorSeq, &anchorHash, &headMessage);
        }
    }
    Database::close(connection);
    SqlCipherKeyRing::removeKey(dbPath);
    SignerRing::removeAll(dbPath);
    // Encrypted or not, the workstation's files are for its owner only.
    QFile::setPermissions(dbPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!ok) {
        cleanUp();
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "The new database could not be set up: %1").arg(error));
    }

    KeyVault vault;
    vault.workstationId = info.id;
    vault.databaseSalt = fileSalt(dbPath);
    vault.authorityKey = authorityKey;
    vault.auditAnchorSeq = anchorSeq;
    vault.auditAnchorHash = anchorHash;
    VaultSlot slot;
    if (!KeyVault::makeSlot(info.id, username, KeyVault::passwordBytes(password), key, KdfParams::defaults(), &slot,
                            &error, authorityKey, &adminSeed) ||
        !KeyVault::sealAuthority(&slot, authoritySeed)) {
        cleanUp();
        return fail(WorkstationError::IoError, error);
    }
    vault.keySlots.append(slot);
    if (!vault.save(vaultPath(root), &error)) {
        cleanUp();
        return fail(WorkstationError::IoError, error);
    }
    // workstation.json goes last: its presence says the workstation is complete.
    const WorkstationStatus written = writeMetadata(info);
    if (!written.ok())
        cleanUp();
    return written;
}

UnlockResult unlock(const QString& dir, const QString& typedUsername, const QString& password)
{
    UnlockResult result;
    result.workstationDir = absoluteDir(dir);
    result.username = StaffDirectory::normalizedUsername(typedUsername);
    const QString& username = result.username;

    WorkstationInfo info;
    result.status = readInfo(dir, &info);
    if (!result.status.ok())
        return result;
    result.workstationId = info.id;
    result.workstationName = info.name;

    LoginThrottle throttle(result.workstationDir);
    const int wait = throttle.secondsToWait(username);
    if (wait > 0) {
        result.status = fail(WorkstationError::Throttled,
                             QCoreApplication::translate("Workstation",
                                                         "Too many failed logins for %1. Wait %n second(s) before "
                                                         "trying again.",
                                                         nullptr, wait)
                                 .arg(username),
                             wait);
        return result;
    }

    KeyVault vault;
    result.status = loadVault(dir, &vault);
    if (!result.status.ok())
        return result;
    if (vault.workstationId != info.id) {
        result.status =
            fail(WorkstationError::WrongWorkstation,
                 QCoreApplication::translate(
                     "Workstation", "The key vault %1 belongs to workstation %2, not to this workstation (%3).")
                     .arg(native(vaultPath(dir)), vault.workstationId, info.id));
        return result;
    }
    const QString dbPath = databasePath(dir);
    result.status = checkDatabaseFile(dbPath);
    if (!result.status.ok())
        return result;

    const VaultSlot* slot = vault.slot(username);
    if (!slot) {
        throttle.recordFailure(username, QDateTime::currentDateTimeUtc(), false);
        result.status =
            fail(WorkstationError::UnknownUser,
                 QCoreApplication::translate("Workstation", "There is no member of staff named %1 on this workstation.")
                     .arg(typedUsername.trimmed()));
        return result;
    }
    SecureBytes secretKey;
    SecureBytes signingSeed;
    switch (KeyVault::openSlot(vault.workstationId, *slot, KeyVault::passwordBytes(password), &secretKey,
                               vault.authorityKey, &signingSeed)) {
    case KeyVault::OpenResult::Ok:
        break;
    case KeyVault::OpenResult::WrongPassword:
        throttle.recordFailure(username);
        result.status = fail(WorkstationError::WrongPassword,
                             QCoreApplication::translate("Workstation", "The password for %1 is wrong.").arg(username));
        return result;
    case KeyVault::OpenResult::Corrupt:
        result.status =
            fail(WorkstationError::VaultCorrupt,
                 QCoreApplication::translate("Workstation", "The key vault %1 is damaged: the slot of %2 is invalid.")
                     .arg(native(vaultPath(dir)), username));
        return result;
    case KeyVault::OpenResult::OutOfMemory:
        result.status =
            fail(WorkstationError::IoError,
                 QCoreApplication::translate(
                     "Workstation", "There is not enough memory to check the password. Close other programs and try "
                                    "again."));
        return result;
    }

    SecureBytes current;
    SecureBytes previous;
    std::vector<const SecureBytes*> candidates;
    if (KeyVault::unsealKey(*slot, secretKey, slot->sealedKey, &current))
        candidates.push_back(&current);
    if (!slot->sealedPreviousKey.isEmpty() && KeyVault::unsealKey(*slot, secretKey, slot->sealedPreviousKey, &previous))
        candidates.push_back(&previous);
    SecureBytes authoritySeed;
    if (!slot->sealedAuthority.isEmpty() && !KeyVault::unsealAuthority(*slot, secretKey, &authoritySeed)) {
        result.status = fail(WorkstationError::VaultCorrupt,
                             QCoreApplication::translate(
                                 "Workstation", "The key vault %1 is damaged: the authority key in the slot of %2 "
                                                "cannot be opened.")
                                 .arg(native(vaultPath(dir)), username));
        return result;
    }
    secretKey.clear();
    if (candidates.empty()) {
        result.status =
            fail(WorkstationError::VaultCorrupt,
                 QCoreApplication::translate(
                     "Workstation", "The key vault %1 is damaged: the database key in the slot of %2 cannot be opened.")
                     .arg(native(vaultPath(dir)), username));
        return result;
    }

    ProbeOutcome probe = probeDatabase(dbPath, candidates, vault, *slot, info.id, username);
    if (!probe.status.ok()) {
        result.status = probe.status;
        return result;
    }
    throttle.recordSuccess(username);
    result.displayName = probe.member.displayName;
    result.role = probe.member.role;
    result.readOnly = !probe.integrity.ok();
    result.integrity = probe.integrity;
    result.signingSeed = std::make_shared<const SecureBytes>(std::move(signingSeed));
    // The authority key is only of use to an administrator (a demoted person's slot may still hold it).
    if (probe.member.role == Role::Administrator && !authoritySeed.isEmpty())
        result.authoritySeed = std::make_shared<const SecureBytes>(std::move(authoritySeed));
    result.databaseKey = std::make_shared<const SecureBytes>(candidates[std::size_t(probe.keyIndex)]->clone());
    return result;
}

WorkstationStatus openSession(const UnlockResult& unlocked, const QString& connectionName, Session* session)
{
    if (!unlocked.ok() || !unlocked.databaseKey)
        return fail(WorkstationError::InvalidInput,
                    QCoreApplication::translate("Workstation", "The workstation has not been unlocked."));
    const QString dbPath = databasePath(unlocked.workstationDir);
    const bool hadKey = SqlCipherKeyRing::hasKey(dbPath);
    SqlCipherKeyRing::setKey(dbPath, *unlocked.databaseKey);
    // A read-only session (an auditor examining a database that failed its checks) migrates nothing.
    const Database::OpenResult opened = Database::open(
        dbPath, connectionName, unlocked.readOnly ? Database::OpenMode::Inspect : Database::OpenMode::Existing);
    if (!opened.ok()) {
        if (!hadKey)
            SqlCipherKeyRing::removeKey(dbPath);
        return fromOpenResult(dbPath, opened);
    }
    StaffMember member;
    WorkstationStatus status;
    {
        // In a scope of its own: no handle of the connection may be alive when it is closed.
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        QString error;
        QSqlError sqlError;
        const QString storedId = Database::metaValue(db, QStringLiteral("workstation_id"));
        // Checked again: the staff list may have changed since unlock() ran.
        if (storedId.isEmpty())
            status = fail(WorkstationError::DatabaseCorrupt,
                          QCoreApplication::translate(
                              "Workstation", "The database file %1 does not record which workstation it belongs to.")
                              .arg(native(dbPath)));
        else if (storedId != unlocked.workstationId)
            status =
                fail(WorkstationError::WrongWorkstation,
                     QCoreApplication::translate("Workstation", "The database file %1 belongs to another workstation.")
                         .arg(native(dbPath)));
        else if (!StaffDirectory::find(db, unlocked.username, &member, &error))
            status = error.isEmpty()
                         ? fail(WorkstationError::AccountDisabled,
                                QCoreApplication::translate("Workstation",
                                                            "The account %1 has been removed from this workstation.")
                                    .arg(unlocked.username))
                         : fail(WorkstationError::DatabaseCorrupt,
                                QCoreApplication::translate("Workstation", "The staff list of %1 cannot be read: %2")
                                    .arg(native(dbPath), error));
        else if (!member.active)
            status = fail(
                WorkstationError::AccountDisabled,
                QCoreApplication::translate("Workstation", "The account %1 has been removed from this workstation.")
                    .arg(unlocked.username));
        else if (!unlocked.readOnly && !unlocked.signingSeed)
            status = fail(WorkstationError::InvalidInput,
                          QCoreApplication::translate("Workstation", "The workstation has not been unlocked."));
        else if (!unlocked.readOnly &&
                 (SignerRing::setKey(dbPath, unlocked.username, *unlocked.signingSeed),
                  !auditInto(db, unlocked.username, QStringLiteral("session.login"), QStringLiteral("workstation"),
                             unlocked.workstationId, {}, &error, &sqlError)))
            status =
                isDamage(sqlError)
                    ? fail(WorkstationError::DatabaseCorrupt,
                           QCoreApplication::translate("Database", "The database file %1 is damaged (%2).")
                               .arg(native(dbPath), sqlError.databaseText()))
                    : fail(
                          WorkstationError::IoError,
                          QCoreApplication::translate("Workstation", "The login could not be recorded: %1").arg(error));
    }
    if (!status.ok()) {
        Database::close(connectionName);
        if (!hadKey)
            SqlCipherKeyRing::removeKey(dbPath);
        SignerRing::removeKey(dbPath, unlocked.username);
        return status;
    }
    if (unlocked.authoritySeed && member.role == Role::Administrator && !unlocked.readOnly)
        SignerRing::setKey(dbPath, SignerRing::AuthorityName, *unlocked.authoritySeed);
    if (!unlocked.readOnly) {
        moveAnchor(unlocked.workstationDir, QSqlDatabase::database(connectionName, false));
        foldFailedLogins(unlocked, QSqlDatabase::database(connectionName, false));
    }
    Session result;
    result.workstationDir = unlocked.workstationDir;
    result.workstationId = unlocked.workstationId;
    result.workstationName = unlocked.workstationName;
    result.databasePath = dbPath;
    result.username = member.username;
    result.displayName = member.displayName;
    result.role = member.role;
    result.connectionName = connectionName;
    result.readOnly = unlocked.readOnly;
    result.integrityProblem = unlocked.integrity.message;
    *session = result;
    return {};
}

void closeSession(const Session& session)
{
    if (!session.isValid())
        return;
    QSqlDatabase db = session.database();
    if (db.isOpen() && !session.readOnly &&
        auditInto(db, session.username, QStringLiteral("session.logout"), QStringLiteral("workstation"),
                  session.workstationId))
        moveAnchor(session.workstationDir, db);
    db = QSqlDatabase();
    Database::close(session.connectionName);
    SqlCipherKeyRing::removeKey(session.databasePath);
    SignerRing::removeKey(session.databasePath, session.username);
    if (session.role == Role::Administrator)
        SignerRing::removeKey(session.databasePath, SignerRing::AuthorityName);
}

namespace {

bool auditSessionEvent(const Session& session, const QString& action, const QJsonObject& details,
                       WorkstationStatus* status)
{
    if (!session.isValid() || !session.database().isOpen()) {
        if (status)
            *status =
                fail(WorkstationError::Denied, QCoreApplication::translate("Workstation", "Nobody is logged in."));
        return false;
    }
    QSqlDatabase db = session.database();
    QString error;
    if (!auditInto(db, session.username, action, QStringLiteral("workstation"), session.workstationId, details,
                   &error)) {
        if (status)
            *status =
                fail(WorkstationError::IoError,
                     QCoreApplication::translate("Workstation", "The audit trail could not be written: %1").arg(error));
        return false;
    }
    if (status)
        *status = {};
    return true;
}

} // namespace

bool auditLock(const Session& session, const QString& reason, WorkstationStatus* status)
{
    return auditSessionEvent(session, QStringLiteral("session.lock"), QJsonObject{{QStringLiteral("reason"), reason}},
                             status);
}

bool auditUnlock(const Session& session, WorkstationStatus* status)
{
    return auditSessionEvent(session, QStringLiteral("session.unlock"), {}, status);
}

bool auditFailedUnlock(const Session& session, WorkstationError error, WorkstationStatus* status)
{
    return auditSessionEvent(session, QStringLiteral("session.unlock.failed"),
                             QJsonObject{{QStringLiteral("error"), errorName(error)}}, status);
}

QString errorName(WorkstationError error)
{
    switch (error) {
    case WorkstationError::None:
        return QStringLiteral("none");
    case WorkstationError::NoWorkstation:
        return QStringLiteral("no-workstation");
    case WorkstationError::MetadataDamaged:
        return QStringLiteral("metadata-damaged");
    case WorkstationError::VaultMissing:
        return QStringLiteral("vault-missing");
    case WorkstationError::VaultTruncated:
        return QStringLiteral("vault-truncated");
    case WorkstationError::VaultCorrupt:
        return QStringLiteral("vault-corrupt");
    case WorkstationError::VaultUnsupported:
        return QStringLiteral("vault-unsupported");
    case WorkstationError::DatabaseMissing:
        return QStringLiteral("database-missing");
    case WorkstationError::DatabaseTruncated:
        return QStringLiteral("database-truncated");
    case WorkstationError::DatabaseCorrupt:
        return QStringLiteral("database-corrupt");
    case WorkstationError::WrongWorkstation:
        return QStringLiteral("wrong-workstation");
    case WorkstationError::SchemaTooNew:
        return QStringLiteral("schema-too-new");
    case WorkstationError::MigrationFailed:
        return QStringLiteral("migration-failed");
    case WorkstationError::UnknownUser:
        return QStringLiteral("unknown-user");
    case WorkstationError::WrongPassword:
        return QStringLiteral("wrong-password");
    case WorkstationError::AccountDisabled:
        return QStringLiteral("account-disabled");
    case WorkstationError::Throttled:
        return QStringLiteral("throttled");
    case WorkstationError::Denied:
        return QStringLiteral("denied");
    case WorkstationError::InvalidInput:
        return QStringLiteral("invalid-input");
    case WorkstationError::Rejected:
        return QStringLiteral("rejected");
    case WorkstationError::Exists:
        return QStringLiteral("exists");
    case WorkstationError::NotFound:
        return QStringLiteral("not-found");
    case WorkstationError::IoError:
        return QStringLiteral("io-error");
    case WorkstationError::Tampered:
        return QStringLiteral("tampered");
    case WorkstationError::RolledBack:
        return QStringLiteral("rolled-back");
    }
    return QStringLiteral("unknown");
}

bool listStaff(const Session& session, QList<StaffMember>* members, WorkstationStatus* status)
{
    if (!session.isValid() || !session.database().isOpen()) {
        if (status)
            *status =
                fail(WorkstationError::Denied, QCoreApplication::translate("Workstation", "Nobody is logged in."));
        return false;
    }
    QSqlDatabase db = session.database();
    QString error;
    if (!StaffDirectory::list(db, members, &error)) {
        if (status)
            *status = fail(WorkstationError::IoError,
                           QCoreApplication::translate("Workstation", "The staff list cannot be read: %1").arg(error));
        return false;
    }
    KeyVault vault;
    if (KeyVault::load(vaultPath(session.workstationDir), &vault) == VaultError::None) {
        for (StaffMember& member : *members)
            member.hasSlot = vault.indexOf(member.username) >= 0;
    }
    auditInto(db, session.username, QStringLiteral("staff.list"), QStringLiteral("staff"), QString());
    if (status)
        *status = {};
    return true;
}

WorkstationStatus addStaff(const Session& session, const QString& typedUsername, const QString& displayName, Role role,
                           const QString& password)
{
    WorkstationStatus status = require(session, Permission::ManageStaff);
    if (!status.ok())
        return status;
    const QString username = StaffDirectory::normalizedUsername(typedUsername);
    if (!StaffDirectory::isValidUsername(username))
        return fail(WorkstationError::InvalidInput,
                    QCoreApplication::translate(
                        "Workstation",
                        "The username %1 is not valid: use 1 to 32 lowercase letters, digits, '.', '_' or '-', "
                        "starting with a letter.")
                        .arg(typedUsername));
    if (displayName.trimmed().isEmpty())
        return fail(WorkstationError::InvalidInput,
                    QCoreApplication::translate("Workstation", "A member of staff needs a display name."));
    QString why;
    if (!isAcceptablePassword(password, &why))
        return fail(WorkstationError::InvalidInput, why);

    VaultLock lock(session.workstationDir);
    status = lock.acquire();
    if (!status.ok())
        return status;
    KeyVault vault;
    status = loadVault(session.workstationDir, &vault);
    if (!status.ok())
        return status;
    QSqlDatabase db = session.database();
    StaffMember existing;
    QString error;
    if (StaffDirectory::find(db, username, &existing, &error))
        return fail(
            WorkstationError::Exists,
            existing.active
                ? QCoreApplication::translate("Workstation", "A member of staff named %1 exists already.").arg(username)
                : QCoreApplication::translate(
                      "Workstation",
                      "The username %1 belonged to a removed member of staff and cannot be reused (the audit "
                      "trail refers to it).")
                      .arg(username));
    if (vault.indexOf(username) >= 0)
        return fail(
            WorkstationError::Exists,
            QCoreApplication::translate("Workstation", "The key vault already holds a slot for %1.").arg(username));

    VaultSlot slot;
    status = makeStaffSlot(session, vault, username, password, role, nullptr, &slot);
    if (!status.ok())
        return status;

    if (!beginImmediate(db, &error))
        return fail(WorkstationError::IoError, error);
    StaffMember member;
    member.username = username;
    member.displayName = displayName.trimmed();
    member.role = role;
    member.signingKey = slot.signingKey;
    if (!StaffDirectory::insert(db, member, session.username, &error)) {
        rollback(db);
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "%1 could not be added: %2").arg(username, error));
    }
    vault.keySlots.append(slot);
    if (!vault.save(vaultPath(session.workstationDir), &error)) {
        rollback(db);
        return fail(WorkstationError::IoError, error);
    }
    if (!commit(db, &error)) {
        vault.keySlots.removeLast();
        vault.save(vaultPath(session.workstationDir), nullptr);
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "%1 could not be added: %2").arg(username, error));
    }
    return {};
}

WorkstationStatus removeStaff(const Session& session, const QString& typedUsername, bool rotateKey)
{
    WorkstationStatus status = require(session, Permission::ManageStaff);
    if (!status.ok())
        return status;
    const QString username = StaffDirectory::normalizedUsername(typedUsername);
    QSqlDatabase db = session.database();
    StaffMember member;
    QString error;
    if (!StaffDirectory::find(db, username, &member, &error) || !member.active)
        return fail(
            WorkstationError::NotFound,
            QCoreApplication::translate("Workstation", "There is no active member of staff named %1.").arg(username));
    if (username == session.username)
        return fail(WorkstationError::Rejected,
                    QCoreApplication::translate("Workstation", "You cannot remove your own account."));
    if (member.role == Role::Administrator) {
        QList<StaffMember> all;
        StaffDirectory::list(db, &all, nullptr);
        const auto admins = std::count_if(
            all.cbegin(), all.cend(), [](const StaffMember& m) { return m.active && m.role == Role::Administrator; });
        if (admins <= 1)
            return fail(WorkstationError::Rejected,
                        QCoreApplication::translate("Workstation", "The last active administrator cannot be removed."));
    }

    VaultLock lock(session.workstationDir);
    status = lock.acquire();
    if (!status.ok())
        return status;
    // The rotation goes first: it is the step that fails while another program has the database open, and when it
    // fails nothing has changed. The person's slot gets no new key, so from the rotation on it opens nothing; a
    // crash before the staff row is deactivated leaves them locked out, and running the removal again finishes it.
    if (rotateKey) {
        status = rotateKeyLocked(session, QStringLiteral("staff.remove %1").arg(username), username);
        if (!status.ok())
            return fail(status.error, QCoreApplication::translate("Workstation", "%1 has not been removed. %2")
                                          .arg(username, status.message));
    }
    // After a rotation the removal itself cannot be undone any more: its failures say so.
    auto removalFailed = [&](const QString& detail) {
        return fail(
            WorkstationError::IoError,
            rotateKey
                ? QCoreApplication::translate(
                      "Workstation", "The database key was changed and %1 can no longer log in, but the account could "
                                     "not be marked as removed (%2). Run the removal again.")
                      .arg(username, detail)
                : QCoreApplication::translate("Workstation", "%1 could not be removed: %2").arg(username, detail));
    };
    KeyVault vault;
    status = loadVault(session.workstationDir, &vault);
    if (!status.ok())
        return rotateKey ? removalFailed(status.message) : status;
    if (!beginImmediate(db, &error))
        return removalFailed(error);
    if (!StaffDirectory::deactivate(db, username, session.username, &error)) {
        rollback(db);
        return removalFailed(error);
    }
    const int index = vault.indexOf(username);
    if (index >= 0) {
        vault.keySlots.removeAt(index);
        if (!vault.save(vaultPath(session.workstationDir), &error)) {
            rollback(db);
            return removalFailed(error);
        }
    }
    if (!commit(db, &error))
        // The slot is gone already, so the person cannot log in either way.
        return removalFailed(error);
    return {};
}

WorkstationStatus changePassword(const Session& session, const QString& typedUsername, const QString& newPassword)
{
    const QString username = StaffDirectory::normalizedUsername(typedUsername);
    if (username != session.username) {
        const WorkstationStatus allowed = require(session, Permission::ManageStaff);
        if (!allowed.ok())
            return allowed;
    } else if (!session.isValid() || !session.database().isOpen()) {
        return fail(WorkstationError::Denied, QCoreApplication::translate("Workstation", "Nobody is logged in."));
    }
    QString why;
    if (!isAcceptablePassword(newPassword, &why))
        return fail(WorkstationError::InvalidInput, why);
    QSqlDatabase db = session.database();
    StaffMember member;
    QString error;
    if (!StaffDirectory::find(db, username, &member, &error) || !member.active)
        return fail(
            WorkstationError::NotFound,
            QCoreApplication::translate("Workstation", "There is no active member of staff named %1.").arg(username));

    VaultLock lock(session.workstationDir);
    WorkstationStatus status = lock.acquire();
    if (!status.ok())
        return status;
    KeyVault vault;
    status = loadVault(session.workstationDir, &vault);
    if (!status.ok())
        return status;
    const int index = vault.indexOf(username);
    if (index < 0)
        return fail(WorkstationError::NotFound,
                    QCoreApplication::translate("Workstation", "The key vault holds no slot for %1.").arg(username));
    // Your own password: the slot keeps your signing key. Someone else's (an administrator's reset): their old slot
    // cannot be opened without their password, so they get a new signing key, signed into their staff row.
    const bool own = username == session.username;
    const SecureBytes ownSeed = own ? SignerRing::seed(session.databasePath, username) : SecureBytes();
    if (own && ownSeed.isEmpty())
        return fail(WorkstationError::Denied, QCoreApplication::translate("Workstation", "Nobody is logged in."));
    VaultSlot slot;
    status = makeStaffSlot(session, vault, username, newPassword, member.role, own ? &ownSeed : nullptr, &slot);
    if (!status.ok())
        return status;
    if (!beginImmediate(db, &error))
        return fail(WorkstationError::IoError, error);
    if ((!own && !StaffDirectory::setSigningKey(db, username, slot.signingKey, &error)) ||
        !auditInto(db, session.username, QStringLiteral("staff.passwd"), QStringLiteral("staff"), username, {},
                   &error)) {
        rollback(db);
        return fail(WorkstationError::IoError, error);
    }
    const VaultSlot previousSlot = vault.keySlots[index];
    vault.keySlots[index] = slot;
    if (!vault.save(vaultPath(session.workstationDir), &error)) {
        rollback(db);
        return fail(WorkstationError::IoError, error);
    }
    if (!commit(db, &error)) {
        // The change was rolled back (with its audit entry): the old password must keep working, the new one not.
        vault.keySlots[index] = previousSlot;
        vault.save(vaultPath(session.workstationDir), nullptr);
        return fail(WorkstationError::IoError,
                    QCoreApplication::translate("Workstation", "The password of %1 could not be changed: %2")
                        .arg(username, error));
    }
    return {};
}

bool verifyAudit(const Session& session, AuditVerifyResult* result, WorkstationStatus* status)
{
    WorkstationStatus allowed = require(session, Permission::ReadAudit);
    if (!allowed.ok()) {
        if (session.database().isOpen() && !session.can(Permission::ReadAudit))
            allowed.message =
                QCoreApplication::translate("Workstation", "%1 (%2) is not allowed to read the audit trail.")
                    .arg(session.username, Roles::displayName(session.role));
        if (status)
            *status = allowed;
        return false;
    }
    QSqlDatabase db = session.database();
    *result = AuditLog::verify(db);
    if (status)
        *status = {};
    return true;
}

WorkstationStatus rekey(const Session& session)
{
    WorkstationStatus status = require(session, Permission::RotateKeys);
    if (!status.ok())
        return status;
    VaultLock lock(session.workstationDir);
    status = lock.acquire();
    if (!status.ok())
        return status;
    return rotateKeyLocked(session, QStringLiteral("rekey"));
}

bool IntegrityReport::ok() const
{
    return std::all_of(checks.cbegin(), checks.cend(), [](const Check& check) { return check.ok; });
}

bool checkIntegrity(const Session& session, IntegrityReport* report, WorkstationStatus* status)
{
    if (!session.isValid() || !session.database().isOpen() ||
        (!session.can(Permission::ReadAudit) && !session.can(Permission::ManageStaff))) {
        const WorkstationStatus refused = require(session, Permission::ReadAudit);
        if (status)
            *status = refused.ok() ? fail(WorkstationError::Denied, QString()) : refused;
        return false;
    }
    QSqlDatabase db = session.database();
    *report = {};
    // Every page: SQLCipher checks each page's HMAC as it decrypts it, and integrity_check walks every b-tree.
    {
        IntegrityReport::Check pages{QStringLiteral("pages"), true, {}};
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check(20)"))) {
            pages.ok = false;
            pages.message = QCoreApplication::translate("Workstation", "The database file is damaged: %1")
                                .arg(query.lastError().databaseText());
        } else {
            QStringList problems;
            while (query.next())
                problems << query.value(0).toString();
            pages.ok = problems == QStringList{QStringLiteral("ok")};
            pages.message = pages.ok ? QCoreApplication::translate("Workstation", "Every page of the database reads "
                                                                                  "back intact.")
                                     : QCoreApplication::translate("Workstation", "The database file is damaged: %1")
                                           .arg(problems.join(QStringLiteral("; ")));
        }
        report->checks << pages;
    }
    KeyVault vault;
    const WorkstationStatus loaded = loadVault(session.workstationDir, &vault);
    {
        IntegrityReport::Check staff{QStringLiteral("staff"), true, {}};
        const QByteArray stored =
            QByteArray::fromHex(Database::metaValue(db, QStringLiteral("staff_authority_key")).toLatin1());
        QString problem;
        if (!loaded.ok()) {
            staff.ok = false;
            staff.message = loaded.message;
        } else if (stored != vault.authorityKey) {
            staff.ok = false;
            staff.message = QCoreApplication::translate(
                "Workstation", "The staff authority key in the database is not the one in the key vault.");
        } else if (!StaffDirectory::verifyRoster(db, vault.authorityKey, &problem)) {
            staff.ok = false;
            staff.message = problem;
        } else {
            staff.message =
                QCoreApplication::translate("Workstation", "Every staff row carries an administrator's signature.");
        }
        report->checks << staff;
    }
    {
        const AuditVerifyResult audit = AuditLog::verify(db);
        report->checks << IntegrityReport::Check{QStringLiteral("audit"), audit.ok, audit.message};
    }
    {
        // Every row of every record table, summed again and compared with its seal and with the last entry's state.
        IntegrityReport::Check records{QStringLiteral("records"), true, {}};
        QStringList problems;
        qint64 headSeq = 0;
        QString headHash;
        QString headMessage;
        QString stateProblem;
        if (!RowSeals::verify(db, &problems)) {
            records.ok = false;
            records.message =
                QCoreApplication::translate("Workstation",
                                            "Rows of %1 were changed outside the program: they no longer add up to "
                                            "their seal.")
                    .arg(problems.join(QStringLiteral(", ")));
        } else if (AuditLog::checkHead(db, &headSeq, &headHash, &headMessage) && headSeq > 0 &&
                   !sealsMatchHead(db, headSeq, &stateProblem)) {
            records.ok = false;
            records.message = stateProblem;
        } else {
            records.message = QCoreApplication::translate(
                "Workstation", "Every record table adds up to its seal, as the last audit entry recorded.");
        }
        report->checks << records;
    }
    {
        IntegrityReport::Check anchor{QStringLiteral("anchor"), true, {}};
        if (loaded.ok() && vault.auditAnchorSeq > 0) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
            query.addBindValue(vault.auditAnchorSeq);
            anchor.ok = query.exec() && query.next() && query.value(0).toString() == vault.auditAnchorHash;
            anchor.message =
                anchor.ok ? QCoreApplication::translate("Workstation",
                                                        "Audit entry %1, recorded in the key vault, is in place.")
                                .arg(vault.auditAnchorSeq)
                          : QCoreApplication::translate("Workstation",
                                                        "Audit entry %1, recorded in the key vault, is missing or "
                                                        "different: the database is older than the vault or was "
                                                        "rewritten.")
                                .arg(vault.auditAnchorSeq);
        } else {
            anchor.ok = loaded.ok();
            anchor.message =
                loaded.ok() ? QCoreApplication::translate("Workstation", "The key vault records no audit entry yet.")
                            : loaded.message;
        }
        report->checks << anchor;
    }
    if (!session.readOnly) {
        QJsonObject details;
        for (const IntegrityReport::Check& check : report->checks)
            details.insert(check.name, check.ok);
        auditInto(db, session.username, QStringLiteral("workstation.check"), QStringLiteral("workstation"),
                  session.workstationId, details);
    }
    if (status)
        *status = {};
    return true;
}

} // namespace Workstation
