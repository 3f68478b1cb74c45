#pragma once

#include "storage/Workstation.h"

#include <QLabel>
#include <QTimer>

// The red message line of the login and lock screens. Hidden while empty. For a throttled login it counts the
// wait down to zero and then emits waitElapsed(), so the form can be enabled again without a guess.
class ErrorLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ErrorLabel(QWidget* parent = nullptr);

    // Shows status.message; for Throttled, then counts status.retryAfterSeconds down.
    void showStatus(const WorkstationStatus& status);
    void showMessage(const QString& message);
    void clearMessage();
    // True while a throttling wait is being counted down.
    bool isWaiting() const { return m_secondsLeft > 0; }
    int secondsLeft() const { return m_secondsLeft; }

signals:
    void waitElapsed();

private:
    void tick();

    QTimer m_countdown;
    int m_secondsLeft = 0;
};
