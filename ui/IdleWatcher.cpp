#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QSettings>

namespace {
const QString SettingKey = QStringLiteral("security/idleLockMinutes");
}

QList<int> IdleWatcher::choicesInMinutes()
{
    return {1, 2, 5, 10, 15, 30};
}

int IdleWatcher::configuredMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(SettingKey, DefaultMinutes).toInt(&ok);
    // "Never" is deliberately not possible: an unattended window must lock itself (information security rules).
    if (!ok || minutes < 1)
        return DefaultMinutes;
    return qMin(minutes, 60);
}

void IdleWatcher::setConfiguredMinutes(int minutes)
{
    QSettings().setValue(SettingKey, qBound(1, minutes, 60));
}

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::minutes(configuredMinutes()));
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::idleTimedOut);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
    if (m_timer.isActive())
        m_timer.start();
}

std::chrono::milliseconds IdleWatcher::interval() const
{
    return m_timer.intervalAsDuration();
}

void IdleWatcher::start()
{
    m_timer.start();
}

void IdleWatcher::stop()
{
    m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    if (m_timer.isActive()) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TabletPress:
        case QEvent::InputMethod:
            m_timer.start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}
