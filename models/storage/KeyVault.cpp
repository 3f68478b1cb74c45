#include "KeyVault.h"

#include "Signing.h"

#include <QRegularExpression>

#include <cstring>

#include "Staff.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QtEndian>

#include <sodium.h>

namespace {

constexpr char Magic[8] = {'X', 'M', 'C', 'V', 'A', 'U', 'L', 'T'};
constexpr int HeaderSize = 8 + 4 + 4 + 32;
constexpr quint64 MaxOpsLimit = 16;
constexpr quint64 MaxMemLimit = quint64(2) * 1024 * 1024 * 1024;
constexpr qsizetype MaxBodySize = 16 * 1024 * 1024;
constexpr int SealedKeyBytes = crypto_box_SEALBYTES + KeyVault::DatabaseKeyBytes;
constexpr int SealedSeedBytes = crypto_box_SEALBYTES + Signing::SeedBytes;
// The plaintext of a slot's encrypted part: the X25519 secret key, then the signing seed.
constexpr int SlotSecretBytes = crypto_box_SECRETKEYBYTES + Signing::SeedBytes;

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

bool fromB64(const QJsonValue& value, int expectedSize, QByteArray* out)
{
    if (!value.isString())
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || (expectedSize >= 0 && decoded.decoded.size() != expectedSize))
        return false;
    *out = decoded.decoded;
    return true;
}

// Binds a slot's encrypted secret key to its workstation, its username and its public key.
// Version 2 also binds the staff authority's public key and the slot's signing key (fixed sizes, so no separator
// is needed after them).
QByteArray associatedData(const QString& workstationId, const QString& username, const QByteArray& publicKey,
                          const QByteArray& authorityKey, const QByteArray& signingKey)
{
    QByteArray ad("xmcredit-vault-slot-v2");
    ad += '\0';
    ad += workstationId.toUtf8();
    ad += '\0';
    ad += username.toUtf8();
    ad += '\0';
    ad += publicKey;
    ad += '\0';
    ad += authorityKey.toHex();
    ad += '\0';
    ad += signingKey.toHex();
    return ad;
}

bool deriveKek(const SecureBytes& password, const QByteArray& salt, const KdfParams& kdf, SecureBytes* kek)
{
    *kek = SecureBytes(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    static const char empty = 0;
    const char* pw = password.isEmpty() ? &empty : reinterpret_cast<const char*>(password.data());
    return crypto_pwhash(kek->data(), kek->size(), pw, password.size(),
                         reinterpret_cast<const unsigned char*>(salt.constData()), kdf.opsLimit,
                         static_cast<size_t>(kdf.memLimit), crypto_pwhash_ALG_ARGON2ID13) == 0;
}

VaultError corrupt(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return VaultError::Corrupt;
}

} // namespace

bool KdfParams::fastForTests()
{
#ifdef XMCREDIT_TEST_HOOKS
    return qEnvironmentVariableIntValue("XMCREDIT_KDF_FAST") == 1;
#else
    return false;
#endif
}

KdfParams KdfParams::defaults()
{
    KdfParams params;
    if (fastForTests()) {
        params.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        params.memLimit = crypto_pwhash_MEMLIMIT_MIN;
    } else {
        // MODERATE (3 passes, 256 MiB) costs about 0.5 s here against 0.06-0.1 s for INTERACTIVE: paid once per
        // login in a worker thread, it makes each offline guess against a copied vault five times dearer.
        params.opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
        params.memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
    }
    return params;
}

bool KdfParams::isAcceptable() const
{
    return opsLimit >= crypto_pwhash_OPSLIMIT_MIN && opsLimit <= MaxOpsLimit &&
           memLimit >= crypto_pwhash_MEMLIMIT_MIN && memLimit <= MaxMemLimit;
}

VaultError KeyVault::load(const QString& path, KeyVault* vault, QString* error)
{
    QFile file(path);
    if (!file.exists()) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "The key vault %1 does not exist.")
                         .arg(QDir::toNativeSeparators(path));
        return VaultError::Missing;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "The key vault %1 cannot be read: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return VaultError::IoError;
    }
    if (file.size() > MaxBodySize + HeaderSize) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "The key vault %1 is damaged: it is far too large.")
                         .arg(QDir::toNativeSeparators(path));
        return VaultError::Corrupt;
    }
    QString detail;
    const VaultError result = parse(file.readAll(), vault, &detail);
    if (result != VaultError::None && error) {
        switch (result) {
        case VaultError::Truncated:
            *error = QCoreApplication::translate("KeyVault", "The key vault %1 is truncated: %2")
                         .arg(QDir::toNativeSeparators(path), detail);
            break;
        case VaultError::Unsupported:
            *error = QCoreApplication::translate("KeyVault",
                                                 "The key vault %1 was written by a newer version of xmcredit: %2")
                         .arg(QDir::toNativeSeparators(path), detail);
            break;
        default:
            *error = QCoreApplication::translate("KeyVault", "The key vault %1 is damaged: %2")
                         .arg(QDir::toNativeSeparators(path), detail);
            break;
        }
    }
    return result;
}

VaultError KeyVault::parse(const QByteArray& bytes, KeyVault* vault, QString* error)
{
    if (bytes.size() < qsizetype(sizeof(Magic))) {
        if (bytes == QByteArray(Magic, bytes.size())) {
            if (error)
                *error = QCoreApplication::translate("KeyVault", "the file ends inside its header.");
            return VaultError::Truncated;
        }
        return corrupt(error, QCoreApplication::translate("KeyVault", "it is not an xmcredit key vault."));
    }
    if (!bytes.startsWith(QByteArray(Magic, sizeof(Magic))))
        return corrupt(error, QCoreApplication::translate("KeyVault", "it is not an xmcredit key vault."));
    if (bytes.size() < HeaderSize) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "the file ends inside its header.");
        return VaultError::Truncated;
    }
    const auto* header = reinterpret_cast<const uchar*>(bytes.constData());
    const quint32 version = qFromBigEndian<quint32>(header + 8);
    const quint32 length = qFromBigEndian<quint32>(header + 12);
    if (version > FormatVersion) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "format version %1 (this program reads version %2).")
                         .arg(version)
                         .arg(FormatVersion);
        return VaultError::Unsupported;
    }
    if (version == 1) {
        if (error)
            *error = QCoreApplication::translate(
                "KeyVault", "format version 1, from a development version of xmcredit without signing keys: create "
                            "the workstation again.");
        return VaultError::Unsupported;
    }
    if (version == 0 || length > MaxBodySize)
        return corrupt(error, QCoreApplication::translate("KeyVault", "its header is invalid."));
    if (bytes.size() < HeaderSize + qsizetype(length)) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "%1 of %2 bytes are present.")
                         .arg(bytes.size())
                         .arg(HeaderSize + qsizetype(length));
        return VaultError::Truncated;
    }
    if (bytes.size() > HeaderSize + qsizetype(length))
        return corrupt(error, QCoreApplication::translate("KeyVault", "there are unexpected bytes after its end."));
    const QByteArray body = bytes.mid(HeaderSize);
    if (QCryptographicHash::hash(body, QCryptographicHash::Sha256) != bytes.mid(16, 32))
        return corrupt(error, QCoreApplication::translate("KeyVault", "its checksum does not match its content."));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return corrupt(error, QCoreApplication::translate("KeyVault", "its content is not valid."));
    const QJsonObject root = document.object();

    KeyVault result;
    result.workstationId = root.value(QLatin1String("workstationId")).toString();
    if (result.workstationId.isEmpty())
        return corrupt(error, QCoreApplication::translate("KeyVault", "it names no workstation."));
    const QString salt = root.value(QLatin1String("databaseSalt")).toString();
    result.databaseSalt = QByteArray::fromHex(salt.toLatin1());
    if (!salt.isEmpty() && result.databaseSalt.size() != DatabaseSaltBytes)
        return corrupt(error, QCoreApplication::translate("KeyVault", "its database salt is invalid."));
    result.keyGeneration = root.value(QLatin1String("keyGeneration")).toInt(0);
    if (result.keyGeneration < 1)
        return corrupt(error, QCoreApplication::translate("KeyVault", "its key generation is invalid."));
    const QJsonValue authority = root.value(QLatin1String("authorityKey"));
    if (!authority.isUndefined() && !fromB64(authority, Signing::PublicKeyBytes, &result.authorityKey))
        return corrupt(error, QCoreApplication::translate("KeyVault", "its authority key is invalid."));
    const QJsonValue anchor = root.value(QLatin1String("auditAnchor"));
    if (!anchor.isUndefined()) {
        const QJsonObject anchorObject = anchor.toObject();
        const double seq = anchorObject.value(QLatin1String("seq")).toDouble(-1);
        result.auditAnchorHash = anchorObject.value(QLatin1String("hash")).toString();
        static const QRegularExpression hexHash(QStringLiteral("^[0-9a-f]{64}$"));
        if (!anchor.isObject() || seq < 1 || seq > 9e15 || seq != double(qint64(seq)) ||
            !hexHash.match(result.auditAnchorHash).hasMatch())
            return corrupt(error, QCoreApplication::translate("KeyVault", "its audit anchor is invalid."));
        result.auditAnchorSeq = qint64(seq);
    }
    const QJsonValue slotValues = root.value(QLatin1String("slots"));
    if (!slotValues.isArray())
        return corrupt(error, QCoreApplication::translate("KeyVault", "it has no list of slots."));
    QSet<QString> seen;
    for (const QJsonValue& value : slotValues.toArray()) {
        const QJsonObject object = value.toObject();
        VaultSlot slot;
        slot.username = object.value(QLatin1String("username")).toString();
        if (!StaffDirectory::isValidUsername(slot.username) || seen.contains(slot.username))
            return corrupt(error,
                           QCoreApplication::translate("KeyVault", "a slot has an invalid or repeated username."));
        seen.insert(slot.username);
        const QJsonObject kdf = object.value(QLatin1String("kdf")).toObject();
        if (kdf.value(QLatin1String("alg")).toString() != QLatin1String("argon2id13"))
            return corrupt(error,
                           QCoreApplication::translate("KeyVault", "the slot of %1 uses an unknown key derivation.")
                               .arg(slot.username));
        slot.kdf.opsLimit = quint64(kdf.value(QLatin1String("opslimit")).toDouble(0));
        slot.kdf.memLimit = quint64(kdf.value(QLatin1String("memlimit")).toDouble(0));
        if (!slot.kdf.isAcceptable())
            return corrupt(error, QCoreApplication::translate(
                                      "KeyVault", "the slot of %1 has unacceptable key derivation parameters.")
                                      .arg(slot.username));
        const QJsonValue previous = object.value(QLatin1String("sealedPreviousKey"));
        const QJsonValue sealedAuthority = object.value(QLatin1String("sealedAuthority"));
        if (!fromB64(kdf.value(QLatin1String("salt")), crypto_pwhash_SALTBYTES, &slot.salt) ||
            !fromB64(object.value(QLatin1String("publicKey")), crypto_box_PUBLICKEYBYTES, &slot.publicKey) ||
            !fromB64(object.value(QLatin1String("nonce")), crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &slot.nonce) ||
            !fromB64(object.value(QLatin1String("secretKey")),
                     SlotSecretBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES, &slot.encryptedSecret) ||
            !fromB64(object.value(QLatin1String("sealedKey")), SealedKeyBytes, &slot.sealedKey) ||
            !fromB64(object.value(QLatin1String("signingKey")), Signing::PublicKeyBytes, &slot.signingKey) ||
            (!sealedAuthority.isUndefined() && !fromB64(sealedAuthority, SealedSeedBytes, &slot.sealedAuthority)) ||
            (!previous.isUndefined() && !fromB64(previous, SealedKeyBytes, &slot.sealedPreviousKey)))
            return corrupt(error,
                           QCoreApplication::translate("KeyVault", "the slot of %1 is incomplete.").arg(slot.username));
        result.keySlots.append(slot);
    }
    *vault = result;
    return VaultError::None;
}

QByteArray KeyVault::serialize() const
{
    QJsonArray slotArray;
    for (const VaultSlot& slot : keySlots) {
        QJsonObject object{
            {QStringLiteral("username"), slot.username},
            {QStringLiteral("kdf"), QJsonObject{{QStringLiteral("alg"), QStringLiteral("argon2id13")},
                                                {QStringLiteral("opslimit"), double(slot.kdf.opsLimit)},
                                                {QStringLiteral("memlimit"), double(slot.kdf.memLimit)},
                                                {QStringLiteral("salt"), b64(slot.salt)}}},
            {QStringLiteral("publicKey"), b64(slot.publicKey)},
            {QStringLiteral("nonce"), b64(slot.nonce)},
            {QStringLiteral("secretKey"), b64(slot.encryptedSecret)},
            {QStringLiteral("sealedKey"), b64(slot.sealedKey)},
            {QStringLiteral("signingKey"), b64(slot.signingKey)},
        };
        if (!slot.sealedPreviousKey.isEmpty())
            object.insert(QStringLiteral("sealedPreviousKey"), b64(slot.sealedPreviousKey));
        if (!slot.sealedAuthority.isEmpty())
            object.insert(QStringLiteral("sealedAuthority"), b64(slot.sealedAuthority));
        slotArray.append(object);
    }
    QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("xmcredit-vault")},
        {QStringLiteral("workstationId"), workstationId},
        {QStringLiteral("databaseSalt"), QString::fromLatin1(databaseSalt.toHex())},
        {QStringLiteral("keyGeneration"), keyGeneration},
        {QStringLiteral("slots"), slotArray},
    };
    if (!authorityKey.isEmpty())
        root.insert(QStringLiteral("authorityKey"), b64(authorityKey));
    if (auditAnchorSeq > 0)
        root.insert(QStringLiteral("auditAnchor"), QJsonObject{{QStringLiteral("seq"), double(auditAnchorSeq)},
                                                               {QStringLiteral("hash"), auditAnchorHash}});
    const QByteArray body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    QByteArray out(Magic, sizeof(Magic));
    uchar numbers[8];
    qToBigEndian<quint32>(FormatVersion, numbers);
    qToBigEndian<quint32>(quint32(body.size()), numbers + 4);
    out.append(reinterpret_cast<const char*>(numbers), sizeof(numbers));
    out += QCryptographicHash::hash(body, QCryptographicHash::Sha256);
    out += body;
    return out;
}

bool KeyVault::save(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "The key vault %1 cannot be written: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray bytes = serialize();
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "The key vault %1 cannot be written: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

int KeyVault::indexOf(const QString& username) const
{
    for (int i = 0; i < keySlots.size(); ++i) {
        if (keySlots.at(i).username == username)
            return i;
    }
    return -1;
}

const VaultSlot* KeyVault::slot(const QString& username) const
{
    const int index = indexOf(username);
    return index < 0 ? nullptr : &keySlots.at(index);
}

SecureBytes KeyVault::passwordBytes(const QString& password)
{
    QByteArray utf8 = password.normalized(QString::NormalizationForm_C).toUtf8();
    SecureBytes bytes = SecureBytes::fromView(utf8);
    sodium_memzero(utf8.data(), size_t(utf8.size()));
    return bytes;
}

bool KeyVault::makeSlot(const QString& workstationId, const QString& username, const SecureBytes& password,
                        const SecureBytes& databaseKey, const KdfParams& kdf, VaultSlot* slot, QString* error,
                        const QByteArray& authorityKey, const SecureBytes* signingSeed)
{
    ensureSodiumInitialised();
    if (databaseKey.size() != DatabaseKeyBytes || !kdf.isAcceptable() ||
        (signingSeed && signingSeed->size() != std::size_t(Signing::SeedBytes))) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "Invalid key or key derivation parameters.");
        return false;
    }
    VaultSlot result;
    result.username = username;
    result.kdf = kdf;
    result.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(result.salt.data(), size_t(result.salt.size()));
    SecureBytes kek;
    if (!deriveKek(password, result.salt, kdf, &kek)) {
        if (error)
            *error = QCoreApplication::translate(
                "KeyVault", "The password key could not be derived (out of memory)."); // crypto_pwhash's only failure
        return false;
    }
    result.publicKey.resize(crypto_box_PUBLICKEYBYTES);
    SecureBytes secretKey(SlotSecretBytes);
    crypto_box_keypair(reinterpret_cast<unsigned char*>(result.publicKey.data()), secretKey.data());
    if (signingSeed)
        std::memcpy(secretKey.data() + crypto_box_SECRETKEYBYTES, signingSeed->data(), Signing::SeedBytes);
    else
        randombytes_buf(secretKey.data() + crypto_box_SECRETKEYBYTES, Signing::SeedBytes);
    {
        const SecureBytes seed(secretKey.data() + crypto_box_SECRETKEYBYTES, Signing::SeedBytes);
        result.signingKey = Signing::publicKey(seed);
    }
    result.nonce.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(result.nonce.data(), size_t(result.nonce.size()));
    const QByteArray ad = associatedData(workstationId, username, result.publicKey, authorityKey, result.signingKey);
    result.encryptedSecret.resize(SlotSecretBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(result.encryptedSecret.data()), &written, secretKey.data(), secretKey.size(),
        reinterpret_cast<const unsigned char*>(ad.constData()), size_t(ad.size()), nullptr,
        reinterpret_cast<const unsigned char*>(result.nonce.constData()), kek.data());
    if (!sealKey(result, databaseKey, &result.sealedKey)) {
        if (error)
            *error = QCoreApplication::translate("KeyVault", "The database key could not be sealed.");
        return false;
    }
    *slot = result;
    return true;
}

KeyVault::OpenResult KeyVault::openSlot(const QString& workstationId, const VaultSlot& slot,
                                        const SecureBytes& password, SecureBytes* secretKey,
                                        const QByteArray& authorityKey, SecureBytes* signingSeed)
{
    ensureSodiumInitialised();
    if (!slot.kdf.isAcceptable() || slot.salt.size() != crypto_pwhash_SALTBYTES ||
        slot.publicKey.size() != crypto_box_PUBLICKEYBYTES ||
        slot.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        slot.encryptedSecret.size() != SlotSecretBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        slot.signingKey.size() != Signing::PublicKeyBytes)
        return OpenResult::Corrupt;
    SecureBytes kek;
    if (!deriveKek(password, slot.salt, slot.kdf, &kek))
        return OpenResult::OutOfMemory;
    const QByteArray ad = associatedData(workstationId, slot.username, slot.publicKey, authorityKey, slot.signingKey);
    SecureBytes plain(SlotSecretBytes);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &written, nullptr, reinterpret_cast<const unsigned char*>(slot.encryptedSecret.constData()),
            size_t(slot.encryptedSecret.size()), reinterpret_cast<const unsigned char*>(ad.constData()),
            size_t(ad.size()), reinterpret_cast<const unsigned char*>(slot.nonce.constData()), kek.data()) != 0)
        return OpenResult::WrongPassword;
    SecureBytes secret(plain.data(), crypto_box_SECRETKEYBYTES);
    SecureBytes seed(plain.data() + crypto_box_SECRETKEYBYTES, Signing::SeedBytes);
    plain.clear();
    if (Signing::publicKey(seed) != slot.signingKey)
        return OpenResult::Corrupt;
    if (signingSeed)
        *signingSeed = std::move(seed);
    // The public key is authenticated as associated data; make sure it belongs to this secret key.
    unsigned char derived[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(derived, secret.data());
    if (sodium_memcmp(derived, slot.publicKey.constData(), crypto_box_PUBLICKEYBYTES) != 0)
        return OpenResult::Corrupt;
    *secretKey = std::move(secret);
    return OpenResult::Ok;
}

bool KeyVault::unsealKey(const VaultSlot& slot, const SecureBytes& secretKey, const QByteArray& sealed,
                         SecureBytes* databaseKey)
{
    ensureSodiumInitialised();
    if (sealed.size() != SealedKeyBytes || secretKey.size() != crypto_box_SECRETKEYBYTES ||
        slot.publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return false;
    SecureBytes key(DatabaseKeyBytes);
    if (crypto_box_seal_open(key.data(), reinterpret_cast<const unsigned char*>(sealed.constData()),
                             size_t(sealed.size()), reinterpret_cast<const unsigned char*>(slot.publicKey.constData()),
                             secretKey.data()) != 0)
        return false;
    *databaseKey = std::move(key);
    return true;
}

bool KeyVault::sealKey(const VaultSlot& slot, const SecureBytes& databaseKey, QByteArray* sealed)
{
    ensureSodiumInitialised();
    if (databaseKey.size() != DatabaseKeyBytes || slot.publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return false;
    QByteArray out(SealedKeyBytes, Qt::Uninitialized);
    if (crypto_box_seal(reinterpret_cast<unsigned char*>(out.data()), databaseKey.data(), databaseKey.size(),
                        reinterpret_cast<const unsigned char*>(slot.publicKey.constData())) != 0)
        return false;
    *sealed = out;
    return true;
}

bool KeyVault::sealAuthority(VaultSlot* slot, const SecureBytes& authoritySeed)
{
    ensureSodiumInitialised();
    if (authoritySeed.size() != std::size_t(Signing::SeedBytes) || slot->publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return false;
    QByteArray out(SealedSeedBytes, Qt::Uninitialized);
    if (crypto_box_seal(reinterpret_cast<unsigned char*>(out.data()), authoritySeed.data(), authoritySeed.size(),
                        reinterpret_cast<const unsigned char*>(slot->publicKey.constData())) != 0)
        return false;
    slot->sealedAuthority = out;
    return true;
}

bool KeyVault::unsealAuthority(const VaultSlot& slot, const SecureBytes& secretKey, SecureBytes* authoritySeed)
{
    ensureSodiumInitialised();
    if (slot.sealedAuthority.size() != SealedSeedBytes || secretKey.size() != crypto_box_SECRETKEYBYTES ||
        slot.publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return false;
    SecureBytes seed(Signing::SeedBytes);
    if (crypto_box_seal_open(seed.data(), reinterpret_cast<const unsigned char*>(slot.sealedAuthority.constData()),
                             size_t(slot.sealedAuthority.size()),
                             reinterpret_cast<const unsigned char*>(slot.publicKey.constData()), secretKey.data()) != 0)
        return false;
    *authoritySeed = std::move(seed);
    return true;
}
