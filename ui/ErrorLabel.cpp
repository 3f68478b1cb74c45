#include "ErrorLabel.h"

#include <QTime>

ErrorLabel::ErrorLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    // Messages quote what was typed (a user name, a search): plain text, never markup.
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Dark red keeps the contrast ratio above 4.5:1 on the light window background.
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    setPalette(pal);
    // Precise: a coarse timer may fire up to 5 % early, and the form would come back before the throttle allows.
    m_countdown.setTimerType(Qt::PreciseTimer);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ErrorLabel::tick);
    setVisible(false);
}

void ErrorLabel::showStatus(const WorkstationStatus& status)
{
    showMessage(status.message);
    if (status.error == WorkstationError::Throttled && status.retryAfterSeconds > 0) {
        m_secondsLeft = status.retryAfterSeconds;
        m_countdown.start();
    }
}

void ErrorLabel::showMessage(const QString& message)
{
    m_countdown.stop();
    m_secondsLeft = 0;
    setText(message);
    setVisible(!message.isEmpty());
}

void ErrorLabel::clearMessage()
{
    showMessage(QString());
}

void ErrorLabel::tick()
{
    --m_secondsLeft;
    if (m_secondsLeft <= 0) {
        m_countdown.stop();
        m_secondsLeft = 0;
        setText(tr("You can try again now."));
        emit waitElapsed();
        return;
    }
    const QString wait = QTime(0, 0)
                             .addSecs(m_secondsLeft)
                             .toString(m_secondsLeft >= 3600 ? QStringLiteral("h:mm:ss") : QStringLiteral("m:ss"));
    setText(tr("Too many failed logins. You can try again in %1.").arg(wait));
}
