#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <QStringList>

// Tells when the desktop session locks, where Qt can tell, so the window locks with it (issue 8: a screen at a public
// counter). It listens on D-Bus for:
//  - the screen saver's ActiveChanged(true) on the session bus (org.freedesktop.ScreenSaver, emitted by KDE, Xfce,
//    LXQt and others; org.gnome.ScreenSaver on GNOME);
//  - logind's Lock signal for this process's session on the system bus (org.freedesktop.login1.Session, emitted by
//    `loginctl lock-session` and by desktops that lock through logind).
// Where there is no D-Bus (a bare X session, Windows) it watches nothing and says so (watching() is empty); the idle
// lock still stands.
class DesktopLockWatcher : public QObject
{
    Q_OBJECT

public:
    explicit DesktopLockWatcher(QObject* parent = nullptr);

    // The buses of the desktop (QDBusConnection::sessionBus() and systemBus()); tests pass private ones.
    void watch(const QDBusConnection& sessionBus, const QDBusConnection& systemBus);
    // What is being watched, for the about box and the tests ("org.freedesktop.ScreenSaver", "logind …").
    QStringList watching() const { return m_watching; }

signals:
    void desktopLocked(const QString& source);

private slots:
    void freedesktopScreenSaver(bool active);
    void gnomeScreenSaver(bool active);
    void logindLock();

private:
    void watchLogind(const QDBusConnection& systemBus);

    QStringList m_watching;
};
