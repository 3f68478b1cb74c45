#include "LoginThrottle.h"

#include "SecureBytes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>

#include <sodium.h>

namespace {

QMutex& throttleMutex()
{
    static QMutex mutex;
    return mutex;
}

// Entries older than this are forgotten, so the file does not grow with every name ever mistyped.
constexpr qint64 ForgetAfterSeconds = 24 * 3600;
// Keys of the state object that are not name hashes.
const QString PendingKey = QStringLiteral("@pending");
const QString DroppedKey = QStringLiteral("@dropped");

QJsonObject readState(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The state directory and its files are for the user who runs the workstation only.
void makePrivateDirectory(const QString& dir)
{
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void writeState(const QString& path, const QJsonObject& state)
{
    makePrivateDirectory(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const bool opened = file.open(QIODevice::WriteOnly);
    if (opened)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!opened || file.write(QJsonDocument(state).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        qWarning("The login throttle state %s cannot be written: %s", qPrintable(path), qPrintable(file.errorString()));
}

// A random key kept beside the state files (created on first use, owner-only). Usernames are stored only as a keyed
// hash under it, so the state never holds what was typed in the user field (a password typed there by mistake
// included), and the hashes cannot be matched against a list of names without this key.
QByteArray nameKey()
{
    static QByteArray cached;
    static QString cachedFor;
    const QString path = QDir(LoginThrottle::stateDirectory()).filePath(QStringLiteral("throttle.key"));
    if (cachedFor == path && !cached.isEmpty())
        return cached;
    QFile file(path);
    QByteArray key;
    if (file.open(QIODevice::ReadOnly))
        key = file.read(crypto_generichash_KEYBYTES + 1);
    if (key.size() != crypto_generichash_KEYBYTES) {
        ensureSodiumInitialised();
        key.resize(crypto_generichash_KEYBYTES);
        randombytes_buf(key.data(), size_t(key.size()));
        makePrivateDirectory(QFileInfo(path).absolutePath());
        QSaveFile out(path);
        if (out.open(QIODevice::WriteOnly)) {
            out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            out.write(key);
            out.commit();
        }
    }
    cached = key;
    cachedFor = path;
    return key;
}

QString nameHash(const QString& username)
{
    const QByteArray key = nameKey();
    const QByteArray name = username.toUtf8();
    unsigned char out[16];
    crypto_generichash(out, sizeof(out), reinterpret_cast<const unsigned char*>(name.constData()), size_t(name.size()),
                       reinterpret_cast<const unsigned char*>(key.constData()), size_t(key.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), sizeof(out)).toHex());
}

} // namespace

LoginThrottle::LoginThrottle(const QString& workstationDir)
{
    // The canonical path (symlinks resolved), so that a link to the workstation shares its counter.
    QString canonical = QFileInfo(workstationDir).canonicalFilePath();
    if (canonical.isEmpty())
        canonical = QFileInfo(workstationDir).absoluteFilePath();
    const QByteArray digest = QCryptographicHash::hash(QDir::cleanPath(canonical).toUtf8(), QCryptographicHash::Sha256);
    m_stateFile =
        QDir(stateDirectory())
            .filePath(QStringLiteral("login-throttle-%1.json").arg(QString::fromLatin1(digest.toHex().left(16))));
}

QString LoginThrottle::stateDirectory()
{
    const QString forced = qEnvironmentVariable("XMCREDIT_STATE_DIR");
    if (!forced.isEmpty())
        return forced;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("login-state"));
}

int LoginThrottle::delayAfterFailures(int failures)
{
    if (failures < FreeAttempts)
        return 0;
    const int doublings = failures - FreeAttempts;
    if (doublings >= 8)
        return MaxDelaySeconds;
    return qMin(MaxDelaySeconds, FirstDelaySeconds << doublings);
}

int LoginThrottle::failures(const QString& typedUsername) const
{
    QMutexLocker lock(&throttleMutex());
    const QString username = nameHash(typedUsername);
    return readState(m_stateFile).value(username).toObject().value(QLatin1String("failures")).toInt();
}

int LoginThrottle::secondsToWait(const QString& typedUsername, const QDateTime& now) const
{
    QMutexLocker lock(&throttleMutex());
    const QString username = nameHash(typedUsername);
    const QJsonObject entry = readState(m_stateFile).value(username).toObject();
    const int delay = delayAfterFailures(entry.value(QLatin1String("failures")).toInt());
    if (delay == 0)
        return 0;
    const QDateTime last = QDateTime::fromString(entry.value(QLatin1String("last")).toString(), Qt::ISODateWithMs);
    if (!last.isValid())
        return 0;
    const qint64 elapsed = last.secsTo(now);
    if (elapsed < 0) // the clock went back: wait the full delay from now rather than not at all
        return delay;
    return elapsed >= delay ? 0 : int(delay - elapsed);
}

void LoginThrottle::recordFailure(const QString& typedUsername, const QDateTime& now, bool knownUser)
{
    QMutexLocker lock(&throttleMutex());
    const QString username = nameHash(typedUsername);
    QJsonObject state = readState(m_stateFile);
    // The failure waits for the next successful login to be written into the audit trail.
    QJsonArray pending = state.value(PendingKey).toArray();
    pending.append(QJsonObject{{QStringLiteral("n"), username.left(16)},
                               {QStringLiteral("at"), now.toUTC().toString(Qt::ISODateWithMs)},
                               {QStringLiteral("known"), knownUser}});
    int dropped = state.value(DroppedKey).toInt();
    while (pending.size() > MaxPending) {
        pending.removeFirst();
        ++dropped;
    }
    state.insert(PendingKey, pending);
    state.insert(DroppedKey, dropped);
    for (auto it = state.begin(); it != state.end();) {
        if (it.key().startsWith(QLatin1Char('@'))) {
            ++it;
            continue;
        }
        const QDateTime last =
            QDateTime::fromString(it.value().toObject().value(QLatin1String("last")).toString(), Qt::ISODateWithMs);
        if (it.key() != username && (!last.isValid() || last.secsTo(now) > ForgetAfterSeconds))
            it = state.erase(it);
        else
            ++it;
    }
    QJsonObject entry = state.value(username).toObject();
    entry.insert(QStringLiteral("failures"), entry.value(QLatin1String("failures")).toInt() + 1);
    entry.insert(QStringLiteral("last"), now.toUTC().toString(Qt::ISODateWithMs));
    state.insert(username, entry);
    writeState(m_stateFile, state);
}

QString LoginThrottle::nameTag(const QString& username)
{
    return nameHash(username).left(16);
}

QList<LoginThrottle::PendingFailure> LoginThrottle::pendingFailures(int* dropped) const
{
    QMutexLocker lock(&throttleMutex());
    const QJsonObject state = readState(m_stateFile);
    QList<PendingFailure> list;
    for (const QJsonValue& v : state.value(PendingKey).toArray()) {
        const QJsonObject o = v.toObject();
        list.append({o.value(QLatin1String("n")).toString(),
                     QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODateWithMs),
                     o.value(QLatin1String("known")).toBool(true)});
    }
    if (dropped)
        *dropped = state.value(DroppedKey).toInt();
    return list;
}

void LoginThrottle::takePending(int count)
{
    QMutexLocker lock(&throttleMutex());
    QJsonObject state = readState(m_stateFile);
    QJsonArray pending = state.value(PendingKey).toArray();
    for (int i = 0; i < count && !pending.isEmpty(); ++i)
        pending.removeFirst();
    if (pending.isEmpty())
        state.remove(PendingKey);
    else
        state.insert(PendingKey, pending);
    state.remove(DroppedKey);
    writeState(m_stateFile, state);
}

void LoginThrottle::recordSuccess(const QString& typedUsername)
{
    QMutexLocker lock(&throttleMutex());
    const QString username = nameHash(typedUsername);
    QJsonObject state = readState(m_stateFile);
    if (!state.contains(username))
        return;
    state.remove(username);
    writeState(m_stateFile, state);
}
