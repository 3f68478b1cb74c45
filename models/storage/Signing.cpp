#include "Signing.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <openssl/evp.h>
#include <sodium.h>

#include <map>
#include <utility>

namespace {
SecureBytes expandSeed(const SecureBytes& seed, QByteArray* pub)
{
    SecureBytes secret(crypto_sign_SECRETKEYBYTES);
    pub->resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(pub->data()), secret.data(), seed.data());
    return secret;
}

QByteArray signWithSecret(const SecureBytes& secret, const QByteArray& message)
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.constData()), size_t(message.size()),
                         secret.data());
    return signature;
}
} // namespace

namespace Signing {

QByteArray publicKey(const SecureBytes& seed)
{
    ensureSodiumInitialised();
    if (seed.size() != crypto_sign_SEEDBYTES)
        return {};
    QByteArray pub;
    expandSeed(seed, &pub);
    return pub;
}

QByteArray sign(const SecureBytes& seed, const QByteArray& message)
{
    ensureSodiumInitialised();
    if (seed.size() != crypto_sign_SEEDBYTES)
        return {};
    QByteArray pub;
    return signWithSecret(expandSeed(seed, &pub), message);
}

bool verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature)
{
    ensureSodiumInitialised();
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                       reinterpret_cast<const unsigned char*>(message.constData()),
                                       size_t(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.constData())) == 0;
}

QByteArray sha256(QByteArrayView bytes)
{
    QByteArray digest(32, Qt::Uninitialized);
    size_t length = 0;
    if (EVP_Q_digest(nullptr, "SHA256", nullptr, bytes.data(), size_t(bytes.size()),
                     reinterpret_cast<unsigned char*>(digest.data()), &length) != 1 ||
        length != size_t(digest.size()))
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); // an OpenSSL without its default provider
    return digest;
}

} // namespace Signing

namespace SignerRing {

namespace {
// A signer's seed and, expanded once when it is set (an audit entry is signed for every page a sync applies), its
// secret and public keys.
struct Held
{
    SecureBytes seed;
    SecureBytes secret;
    QByteArray publicKey;
};

struct Ring
{
    QMutex mutex;
    std::map<std::pair<QString, QString>, Held> seeds;
    QHash<QString, Provisioner> provisioners;
};

Ring& ring()
{
    static Ring instance;
    return instance;
}

QString normalise(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

void setKey(const QString& databasePath, const QString& signer, const SecureBytes& seed)
{
    Held held;
    held.seed = seed.clone();
    if (seed.size() == crypto_sign_SEEDBYTES) {
        ensureSodiumInitialised();
        held.secret = expandSeed(seed, &held.publicKey);
    }
    QMutexLocker locker(&ring().mutex);
    ring().seeds[{normalise(databasePath), signer}] = std::move(held);
}

void removeKey(const QString& databasePath, const QString& signer)
{
    QMutexLocker locker(&ring().mutex);
    ring().seeds.erase({normalise(databasePath), signer});
}

void removeAll(const QString& databasePath)
{
    const QString path = normalise(databasePath);
    QMutexLocker locker(&ring().mutex);
    for (auto it = ring().seeds.begin(); it != ring().seeds.end();) {
        if (it->first.first == path)
            it = ring().seeds.erase(it);
        else
            ++it;
    }
    ring().provisioners.remove(path);
}

bool hasKey(const QString& databasePath, const QString& signer)
{
    QMutexLocker locker(&ring().mutex);
    return ring().seeds.count({normalise(databasePath), signer}) != 0;
}

namespace {
// Runs a test provisioner (outside the lock: it calls setKey) when no key is held.
void provisionIfMissing(const QString& path, const QString& signer)
{
    Provisioner provisioner;
    {
        QMutexLocker locker(&ring().mutex);
        if (ring().seeds.count({path, signer}) != 0)
            return;
        provisioner = ring().provisioners.value(path);
    }
    if (provisioner)
        provisioner(path, signer);
}
} // namespace

bool sign(const QString& databasePath, const QString& signer, const QByteArray& message, QByteArray* signature)
{
    const QString path = normalise(databasePath);
    provisionIfMissing(path, signer);
    QMutexLocker locker(&ring().mutex);
    const auto it = ring().seeds.find({path, signer});
    if (it == ring().seeds.end() || it->second.secret.size() != crypto_sign_SECRETKEYBYTES)
        return false;
    *signature = signWithSecret(it->second.secret, message);
    return !signature->isEmpty();
}

QByteArray publicKey(const QString& databasePath, const QString& signer)
{
    const QString path = normalise(databasePath);
    provisionIfMissing(path, signer);
    QMutexLocker locker(&ring().mutex);
    const auto it = ring().seeds.find({path, signer});
    return it == ring().seeds.end() ? QByteArray() : it->second.publicKey;
}

SecureBytes seed(const QString& databasePath, const QString& signer)
{
    QMutexLocker locker(&ring().mutex);
    const auto it = ring().seeds.find({normalise(databasePath), signer});
    return it == ring().seeds.end() ? SecureBytes() : it->second.seed.clone();
}

void setProvisioner(const QString& databasePath, Provisioner provisioner)
{
    QMutexLocker locker(&ring().mutex);
    if (provisioner)
        ring().provisioners.insert(normalise(databasePath), std::move(provisioner));
    else
        ring().provisioners.remove(normalise(databasePath));
}

} // namespace SignerRing
