#pragma once

#include "SecureBytes.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <functional>

// Ed25519 signatures (libsodium crypto_sign) for the trust model (README, "Trust model"):
//  - every member of staff has a signing key whose 32-byte seed is kept encrypted in their own vault slot, so only
//    their password opens it; every audit entry is signed by its actor's key;
//  - the workstation's staff authority key, sealed only to administrators' slots, signs each staff row, so a role
//    or a person added in SQL fails its signature at the next login.
// A copy of the database key opens every table, but signs nothing in anybody else's name.
namespace Signing {
constexpr int SeedBytes = 32;
constexpr int PublicKeyBytes = 32;
constexpr int SignatureBytes = 64;

// The public key of a seed; empty when the seed has the wrong size.
QByteArray publicKey(const SecureBytes& seed);
// A detached signature of message; empty when the seed has the wrong size.
QByteArray sign(const SecureBytes& seed, const QByteArray& message);
bool verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature);
// SHA-256 through OpenSSL, which uses the processor's SHA instructions (QCryptographicHash does not): the sync hashes
// every page it verifies. The same digest as QCryptographicHash::Sha256.
QByteArray sha256(QByteArrayView bytes);
} // namespace Signing

// The signing keys this process holds, per database file: those of the people logged in on it (put there by
// Workstation::openSession, removed by closeSession) and, for an administrator's session, the staff authority key
// (under the reserved name AuthorityName). Seeds live in locked memory. Thread-safe.
namespace SignerRing {
inline const QString AuthorityName = QStringLiteral("@authority");

void setKey(const QString& databasePath, const QString& signer, const SecureBytes& seed);
void removeKey(const QString& databasePath, const QString& signer);
void removeAll(const QString& databasePath);
bool hasKey(const QString& databasePath, const QString& signer);
// Signs message as signer for the database file; false (signature untouched) when no key is held for signer.
bool sign(const QString& databasePath, const QString& signer, const QByteArray& message, QByteArray* signature);
QByteArray publicKey(const QString& databasePath, const QString& signer);
// A copy of the seed held for signer (empty when none): a password change keeps the person's signing key, and an
// administrator seals the authority key to a new administrator's slot.
SecureBytes seed(const QString& databasePath, const QString& signer);

// Test support: called when a signer without a key is asked for, so a test fixture can enrol that actor on a
// throw-away database (tests/support/TestDatabase). The program never sets one.
using Provisioner = std::function<bool(const QString& databasePath, const QString& signer)>;
void setProvisioner(const QString& databasePath, Provisioner provisioner);
} // namespace SignerRing
