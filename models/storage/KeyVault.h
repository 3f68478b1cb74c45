#pragma once

#include "SecureBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The key vault: a file beside the database that lets each member of staff unwrap the database key with their
// own password, and lets an administrator rotate the database key without knowing anybody else's password.
//
// Each slot holds an X25519 key pair. Its secret key is encrypted (XChaCha20-Poly1305, libsodium's
// crypto_aead_xchacha20poly1305_ietf) under a key derived from the person's password with Argon2id
// (crypto_pwhash, ALG_ARGON2ID13, parameters stored per slot); the associated data binds the ciphertext to the
// workstation id, the username and the public key, so a slot cannot be moved to another name or workstation.
// The 32-byte database key is sealed to the slot's public key (crypto_box_seal). Logging in = deriving the
// password key, decrypting the secret key, unsealing the database key. Rekeying = sealing a new database key to
// every slot's public key, which needs no password but the administrator's.
//
// Version 2 (the trust model, README): the encrypted part of a slot holds the X25519 secret key followed by the
// 32-byte seed of the person's Ed25519 signing key (their audit entries are signed with it); the slot lists the
// signing public key; an administrator's slot also holds the staff authority key's seed sealed to its public key
// ("sealedAuthority"). The vault names the authority's public key ("authorityKey"), and every slot's associated
// data includes it and the slot's signing public key: whoever replaces the authority key in the vault (to sign a
// staff list of their own) makes every other person's slot unopenable, which nobody can miss. The vault also keeps
// an anchor of the audit log ("auditAnchor": seq and hash of an entry, moved at every login and logout) so that a
// database replaced by an older copy of itself is refused at login.
//
// File format (version 1): "XMCVAULT" (8 bytes), format version (uint32 big-endian), body length (uint32 BE),
// SHA-256 of the body (32 bytes), body = compact UTF-8 JSON:
//   {"workstationId", "databaseSalt" (hex of the database file's first 16 bytes), "keyGeneration",
//    "slots": [{"username", "kdf": {"alg": "argon2id13", "opslimit", "memlimit", "salt"},
//               "publicKey", "nonce", "secretKey" (encrypted), "sealedKey", "sealedPreviousKey"?}]}
// (binary fields base64). The checksum is not a security measure (anyone can recompute it): it tells a damaged
// or truncated file from a wrong password, which otherwise look the same to authenticated encryption.
// The vault is written atomically (QSaveFile): a crash leaves the old or the new file, never half of one.

enum class VaultError {
    None,
    Missing,     // no file
    Truncated,   // shorter than its header says
    Corrupt,     // bad magic, checksum, JSON or field
    Unsupported, // a newer format version
    IoError,     // could not read or write
};

// Argon2id cost parameters.
struct KdfParams
{
    quint64 opsLimit = 0;
    quint64 memLimit = 0;
    // crypto_pwhash_OPSLIMIT_MODERATE / MEMLIMIT_MODERATE (about 0.5 s and 256 MiB per login), or libsodium's minimum
    // when fastForTests(). The parameters are stored per slot, so existing slots keep theirs.
    static KdfParams defaults();
    // XMCREDIT_KDF_FAST=1 is set in the environment of a build with the test suite (XMCREDIT_BUILD_TESTS): every
    // slot the process creates is then cheap to brute-force. A build without tests (the release) ignores it.
    static bool fastForTests();
    // The parameters a vault may ask for: libsodium's minimum up to 16 passes / 2 GiB. Anything else is treated
    // as a corrupted vault, so that a damaged file cannot make a login allocate unbounded memory.
    bool isAcceptable() const;
};

struct VaultSlot
{
    QString username;
    KdfParams kdf;
    QByteArray salt;              // crypto_pwhash_SALTBYTES
    QByteArray publicKey;         // crypto_box_PUBLICKEYBYTES
    QByteArray nonce;             // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
    QByteArray encryptedSecret;   // secret key + tag
    QByteArray sealedKey;         // crypto_box_seal of the current database key
    QByteArray sealedPreviousKey; // the key before an unfinished rekey; empty otherwise
    QByteArray signingKey;        // Ed25519 public key (crypto_sign_PUBLICKEYBYTES)
    QByteArray sealedAuthority;   // administrators only: crypto_box_seal of the staff authority's seed
};

class KeyVault
{
public:
    static constexpr quint32 FormatVersion = 2;
    static constexpr int DatabaseKeyBytes = 32;
    static constexpr int DatabaseSaltBytes = 16;

    QString workstationId;
    QByteArray databaseSalt; // the first 16 bytes of the database file (SQLCipher's salt), or empty
    int keyGeneration = 1;   // incremented by every rekey
    QList<VaultSlot> keySlots;
    QByteArray authorityKey;   // the staff authority's Ed25519 public key
    qint64 auditAnchorSeq = 0; // an audit entry the database must still hold (0: none yet)
    QString auditAnchorHash;

    // Reads and checks the file (structure and checksum only; no key is touched). error gets a translated message.
    static VaultError load(const QString& path, KeyVault* vault, QString* error = nullptr);
    static VaultError parse(const QByteArray& bytes, KeyVault* vault, QString* error = nullptr);
    QByteArray serialize() const;
    // Writes atomically. Returns false with error set on failure (the old file is then untouched).
    bool save(const QString& path, QString* error = nullptr) const;

    int indexOf(const QString& username) const;
    const VaultSlot* slot(const QString& username) const;

    // The password as the UTF-8 of its NFC form, in locked memory (so that the same characters typed through
    // different input methods give the same key).
    static SecureBytes passwordBytes(const QString& password);

    // Builds a fresh slot: new key pair, new salt, the database key sealed to it. Runs Argon2id (slow: never on the
    // GUI thread). Returns false with error set when libsodium fails (e.g. out of memory).
    // authorityKey is bound into the slot; signingSeed is the person's signing seed to keep (a password change), or
    // empty for a new random one.
    static bool makeSlot(const QString& workstationId, const QString& username, const SecureBytes& password,
                         const SecureBytes& databaseKey, const KdfParams& kdf, VaultSlot* slot,
                         QString* error = nullptr, const QByteArray& authorityKey = {},
                         const SecureBytes* signingSeed = nullptr);

    enum class OpenResult { Ok, WrongPassword, Corrupt, OutOfMemory };
    // Derives the password key (Argon2id, slow) and decrypts the slot's secret key into secretKey.
    // signingSeed, when given, gets the person's signing seed.
    static OpenResult openSlot(const QString& workstationId, const VaultSlot& slot, const SecureBytes& password,
                               SecureBytes* secretKey, const QByteArray& authorityKey = {},
                               SecureBytes* signingSeed = nullptr);
    // The staff authority's seed, sealed to / unsealed from an administrator's slot.
    static bool sealAuthority(VaultSlot* slot, const SecureBytes& authoritySeed);
    static bool unsealAuthority(const VaultSlot& slot, const SecureBytes& secretKey, SecureBytes* authoritySeed);
    // Unseals a sealed database key with the slot's key pair. Returns false if it does not open.
    static bool unsealKey(const VaultSlot& slot, const SecureBytes& secretKey, const QByteArray& sealed,
                          SecureBytes* databaseKey);
    // Seals a database key to the slot's public key.
    static bool sealKey(const VaultSlot& slot, const SecureBytes& databaseKey, QByteArray* sealed);
};
