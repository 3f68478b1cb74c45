#pragma once

#include "AuditLog.h"
#include "KeyVault.h"
#include "Roles.h"
#include "SecureBytes.h"
#include "Session.h"
#include "Staff.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

// A workstation is a directory holding
//   workstation.json  {"format": "xmcredit-workstation", "version": 1, "id", "name", "created", "demo"}
//   credit.db         the SQLCipher database (its meta table repeats the workstation id)
//   vault.xmv         the key vault (KeyVault.h), one slot per member of staff
//   vault.lock        exists only while a command changes the vault (QLockFile, between processes)
// Login state for throttling is kept outside the directory (LoginThrottle.h).
//
// Threads: unlock() is thread-safe and does the slow part (Argon2id) — call it from a worker
// (QtConcurrent::run), never from the GUI thread. openSession() opens the QSqlDatabase connection in the CALLING
// thread, which then owns it: call it, and everything that takes a Session, from that thread (the GUI thread).
// create(), addStaff(), changePassword() also run Argon2id in the calling thread: they are meant for the admin
// CLI; a GUI must run them off the GUI thread with a session whose connection belongs to that thread.
//
// Every failure leaves every file of the workstation byte-for-byte unchanged.

enum class WorkstationError {
    None,
    NoWorkstation,     // the directory does not exist or holds no workstation at all
    MetadataDamaged,   // workstation.json is missing or unreadable while the other files are there
    VaultMissing,      // vault.xmv is missing
    VaultTruncated,    // vault.xmv is shorter than its header says
    VaultCorrupt,      // vault.xmv is damaged (checksum, structure) or is not a vault
    VaultUnsupported,  // vault.xmv was written by a newer program
    DatabaseMissing,   // credit.db is missing
    DatabaseTruncated, // credit.db is cut short
    DatabaseCorrupt,   // credit.db is damaged, or the key in the vault does not open it
    WrongWorkstation,  // the database (or vault) belongs to another workstation
    SchemaTooNew,      // the database was written by a newer program
    MigrationFailed,   // a migration could not be applied (the file is unchanged)
    UnknownUser,       // no slot for this username
    WrongPassword,     // the password does not open the user's slot
    AccountDisabled,   // the slot exists but the staff row is missing or deactivated
    Throttled,         // too many failed logins: wait retryAfterSeconds
    Denied,            // the acting user's role does not allow it
    InvalidInput,      // bad username, display name, password or role
    Rejected,          // a rule refused it (e.g. removing oneself or the last active administrator)
    Exists,            // the workstation or username exists already (usernames are never reused)
    NotFound,          // no such member of staff
    IoError,           // a file could not be read or written
    Tampered,          // the audit log, its head or the staff list was changed outside the program (signatures fail)
    RolledBack,        // the database is older than the audit anchor the vault holds: a copy was put back
};

// Unknown user and wrong password have distinct errors and messages: usernames are not secret on a staff
// workstation (they appear in the audit trail and on printed receipts) and the issue asks for clear messages.
// Both map to the same CLI exit code (AuthFailed). Both count towards the throttle.
struct WorkstationStatus
{
    WorkstationError error = WorkstationError::None;
    QString message;           // translated, complete sentence, ready to show
    int retryAfterSeconds = 0; // for Throttled
    bool ok() const { return error == WorkstationError::None; }
};

// The outcome of unlock(): copyable (the key is shared, never duplicated), so it can travel through a QFuture.
struct UnlockResult
{
    WorkstationStatus status;
    QString workstationDir;
    QString workstationId;
    QString workstationName;
    QString username;
    QString displayName;
    Role role = Role::Clerk;
    std::shared_ptr<const SecureBytes> databaseKey;   // null unless ok()
    std::shared_ptr<const SecureBytes> signingSeed;   // the person's signing key (Signing.h); null unless ok()
    std::shared_ptr<const SecureBytes> authoritySeed; // administrators only: the staff authority key
    // Set when the database failed an integrity check (Tampered or RolledBack) and the user is an auditor, who may
    // still log in, read-only, to examine it: nothing is written for this session, not even its login.
    bool readOnly = false;
    WorkstationStatus integrity; // the problem found, when readOnly

    bool ok() const { return status.ok(); }
};

struct WorkstationInfo
{
    QString dir;
    QString id;
    QString name;
    QDateTime created; // UTC
    bool demo = false;
};

namespace Workstation {

QString defaultDirectory(); // <AppLocalDataLocation>/workstation
QString metadataPath(const QString& dir);
QString databasePath(const QString& dir);
QString vaultPath(const QString& dir);

// Reads workstation.json.
WorkstationStatus readInfo(const QString& dir, WorkstationInfo* info);

// Creates a workstation in dir (created if needed; it must not hold a workstation yet): a new database with a
// random key, its schema, the first administrator and their vault slot. demo marks a demo workstation.
WorkstationStatus create(const QString& dir, const QString& name, const QString& adminUsername,
                         const QString& adminDisplayName, const QString& password, bool demo = false);

// Checks the password and returns the database key plus who the user is. Thread-safe and slow (Argon2id): run it
// in a worker thread. Opens a private, temporary connection to check that the key opens the database, that the
// database belongs to this workstation, is not newer than the program and that the user's staff row is active;
// nothing is written to the workstation's files. Failures are counted by LoginThrottle.
//
// Before anything is written the database's integrity is checked (the trust model, README): the staff authority
// key in the database matches the vault's, every staff row carries the authority's signature, the user's signing key
// is the one in their row, the audit entry anchored in the vault is still there with the same hash (otherwise
// RolledBack), and the audit entries since that anchor link, carry their actors' signatures and end at the
// recorded head (otherwise Tampered). An auditor whose own row holds gets a read-only session instead of the
// refusal, so that `audit verify` and `check` can report what is wrong.
UnlockResult unlock(const QString& dir, const QString& username, const QString& password);

// Opens the database for an unlocked user as connectionName in the calling thread (applying pending migrations
// in one transaction), puts the key in SqlCipherKeyRing and the user's signing keys in SignerRing, audits
// "session.login", moves the vault's audit anchor to it and fills session. A read-only unlock (see above) writes
// nothing.
WorkstationStatus openSession(const UnlockResult& unlocked, const QString& connectionName, Session* session);
// Audits "session.logout" (moving the vault's audit anchor to it), closes the connection and forgets the keys. Other
// connections to the same database (clones in worker threads) must be closed first.
void closeSession(const Session& session);

// The GUI's lock screen, audited through the session's connection (it stays open while the window is locked):
// "session.lock" with the reason ("command", "idle"), "session.unlock", and "session.unlock.failed" with the error
// (errorName()). Failed logins are not audited in the database: a failed login must not change any file (the
// login throttle counts them). Each returns false with status set when the entry could not be written.
bool auditLock(const Session& session, const QString& reason, WorkstationStatus* status = nullptr);
bool auditUnlock(const Session& session, WorkstationStatus* status = nullptr);
bool auditFailedUnlock(const Session& session, WorkstationError error, WorkstationStatus* status = nullptr);
// A stable name for an error, for audit details and logs: "wrong-password", "throttled", …
QString errorName(WorkstationError error);

// Staff management (ManageStaff), in the session's thread. Each is audited.
bool listStaff(const Session& session, QList<StaffMember>* members, WorkstationStatus* status);
WorkstationStatus addStaff(const Session& session, const QString& username, const QString& displayName, Role role,
                           const QString& password);
// Deactivates the staff row and deletes the slot. With rotateKey (the default for the CLI) the database key is
// then rotated, so that a copy of the old vault taken by the removed person opens nothing any more.
WorkstationStatus removeStaff(const Session& session, const QString& username, bool rotateKey);
// A person may change their own password; changing someone else's needs ManageStaff. The slot gets a new key
// pair and salt; the database key is unchanged.
WorkstationStatus changePassword(const Session& session, const QString& username, const QString& newPassword);
// Rotates the database key (RotateKeys): a new random key, sealed to every slot, then PRAGMA rekey. No other
// connection to the database may be open. Crash-safe: the vault keeps the previous key sealed in every slot
// until the database has been rekeyed, and unlock() tries it when the current one does not open the file.
WorkstationStatus rekey(const Session& session);

// Walks the audit trail's hash chain (AuditLog::verify) for a session with ReadAudit; a refusal is audited as
// "access.denied". Returns false with status set when refused (result is then untouched); true otherwise, with
// result telling whether the chain holds.
bool verifyAudit(const Session& session, AuditVerifyResult* result, WorkstationStatus* status);

// Every integrity check, for `xmcredit-admin check` (ReadAudit or ManageStaff): SQLite's integrity_check of every
// page, the staff list's signatures, the whole audit chain with its signatures and head, and the vault's audit
// anchor. Slow on a large database (it reads every page). Returns false with status set when refused.
struct IntegrityReport
{
    struct Check
    {
        QString name; // "pages", "staff", "audit", "anchor"
        bool ok = true;
        QString message;
    };
    QList<Check> checks;
    bool ok() const;
};
bool checkIntegrity(const Session& session, IntegrityReport* report, WorkstationStatus* status);

// Passwords must be at least this long.
constexpr int MinimumPasswordLength = 8;
bool isAcceptablePassword(const QString& password, QString* why = nullptr);

} // namespace Workstation
