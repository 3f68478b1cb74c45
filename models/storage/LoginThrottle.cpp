#include "LoginThrottle.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

QMutex& throttleMutex()
{
    static QMutex mutex;
    return mutex;
}

// Entries older than this are forgotten, so the file does not grow with every name ever mistyped.
constexpr qint64 ForgetAfterSeconds = 24 * 3600;

QJsonObject readState(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeState(const QString& path, const QJsonObject& state)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(state).toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit())
        qWarning("The login throttle state %s cannot be written: %s", qPrintable(path), qPrintable(file.errorString()));
}

} // namespace

LoginThrottle::LoginThrottle(const QString& workstationDir)
{
    const QString canonical = QFileInfo(workstationDir).absoluteFilePath();
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

int LoginThrottle::failures(const QString& username) const
{
    QMutexLocker lock(&throttleMutex());
    return readState(m_stateFile).value(username).toObject().value(QLatin1String("failures")).toInt();
}

int LoginThrottle::secondsToWait(const QString& username, const QDateTime& now) const
{
    QMutexLocker lock(&throttleMutex());
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

void LoginThrottle::recordFailure(const QString& username, const QDateTime& now)
{
    QMutexLocker lock(&throttleMutex());
    QJsonObject state = readState(m_stateFile);
    for (auto it = state.begin(); it != state.end();) {
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

void LoginThrottle::recordSuccess(const QString& username)
{
    QMutexLocker lock(&throttleMutex());
    QJsonObject state = readState(m_stateFile);
    if (!state.contains(username))
        return;
    state.remove(username);
    writeState(m_stateFile, state);
}
