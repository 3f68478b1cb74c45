#include "DesktopLockWatcher.h"

#include <QCoreApplication>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {
const QString ScreenSaverService = QStringLiteral("org.freedesktop.ScreenSaver");
const QString GnomeScreenSaverService = QStringLiteral("org.gnome.ScreenSaver");
const QString LogindService = QStringLiteral("org.freedesktop.login1");
} // namespace

DesktopLockWatcher::DesktopLockWatcher(QObject* parent)
    : QObject(parent)
{}

void DesktopLockWatcher::watch(const QDBusConnection& sessionBus, const QDBusConnection& systemBus)
{
    if (sessionBus.isConnected()) {
        QDBusConnection bus = sessionBus;
        // Both paths are in use for the freedesktop interface (/ScreenSaver by KDE, /org/freedesktop/ScreenSaver by
        // others).
        bool any = false;
        for (const QString& path : {QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("/ScreenSaver")})
            any |= bus.connect(ScreenSaverService, path, ScreenSaverService, QStringLiteral("ActiveChanged"), this,
                               SLOT(freedesktopScreenSaver(bool)));
        if (any)
            m_watching << ScreenSaverService;
        if (bus.connect(GnomeScreenSaverService, QStringLiteral("/org/gnome/ScreenSaver"), GnomeScreenSaverService,
                        QStringLiteral("ActiveChanged"), this, SLOT(gnomeScreenSaver(bool))))
            m_watching << GnomeScreenSaverService;
    }
    if (systemBus.isConnected())
        watchLogind(systemBus);
}

void DesktopLockWatcher::watchLogind(const QDBusConnection& systemBus)
{
    // The session of this process, asked without blocking; its Lock signal is watched once the answer comes.
    QDBusMessage ask = QDBusMessage::createMethodCall(LogindService, QStringLiteral("/org/freedesktop/login1"),
                                                      QStringLiteral("org.freedesktop.login1.Manager"),
                                                      QStringLiteral("GetSessionByPID"));
    ask << uint(QCoreApplication::applicationPid());
    QDBusConnection bus = systemBus;
    auto* pending = new QDBusPendingCallWatcher(bus.asyncCall(ask, 5000), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this, bus, pending]() mutable {
        const QDBusPendingReply<QDBusObjectPath> reply = *pending;
        pending->deleteLater();
        if (reply.isError())
            return; // not in a logind session (a service, a container): nothing to watch
        const QString path = reply.value().path();
        if (bus.connect(LogindService, path, QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"),
                        this, SLOT(logindLock())))
            m_watching << QStringLiteral("logind %1").arg(path);
    });
}

void DesktopLockWatcher::freedesktopScreenSaver(bool active)
{
    if (active)
        emit desktopLocked(ScreenSaverService);
}

void DesktopLockWatcher::gnomeScreenSaver(bool active)
{
    if (active)
        emit desktopLocked(GnomeScreenSaverService);
}

void DesktopLockWatcher::logindLock()
{
    emit desktopLocked(LogindService);
}
