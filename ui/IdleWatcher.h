#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

// Tells when nobody has touched the application (keyboard, mouse, wheel, touch) for a while, so that an
// unattended window can lock itself. It watches every input event of the application through an event filter on
// qApp, so input in any window, dialog or popup counts as activity.
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    // The interval staff can choose in the View menu, and the default.
    static constexpr int DefaultMinutes = 5;
    static QList<int> choicesInMinutes();
    // The configured interval (QSettings "security/idleLockMinutes", clamped to 1..60 minutes).
    static int configuredMinutes();
    static void setConfiguredMinutes(int minutes);

    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;

    // Starts (or restarts) counting from now; stop() until the next start().
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

signals:
    // Nobody touched the application for interval(). Fired once; start() again to re-arm.
    void idleTimedOut();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};
