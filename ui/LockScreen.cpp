#include "LockScreen.h"
#include "UiFonts.h"
#include "ui_LockScreen.h"

#include "MessageBoxes.h"
#include "UnlockRunner.h"

#include "storage/Workstation.h"

#include <QKeyEvent>

LockScreen::LockScreen(QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::LockScreen)
    , m_runner(new UnlockRunner(this))
{
    m_ui->setupUi(this);
    UiFonts::relative(m_ui->lockTitleLabel, 1.35, true);

    connect(m_ui->lockPasswordEdit, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(m_ui->lockLogoutButton, &QPushButton::clicked, this, &LockScreen::confirmLogout);
    connect(m_runner, &UnlockRunner::finished, this, &LockScreen::onUnlockFinished);
    connect(m_ui->lockErrorLabel, &ErrorLabel::waitElapsed, this, [this] {
        m_ui->unlockButton->setEnabled(!isBusy());
        m_ui->lockPasswordEdit->setFocus();
    });
    setBusy(false);
}

LockScreen::~LockScreen() = default;

void LockScreen::setSession(const Session& session)
{
    m_session = session;
    m_ui->lockMessageLabel->setText(
        tr("Only %1 (%2) can unlock it, with their password. Anyone else can log them out instead; work they have "
           "not saved is then lost.")
            .arg(session.displayName, Roles::displayName(session.role)));
}

void LockScreen::reset()
{
    m_ui->lockPasswordEdit->clear();
    m_ui->lockErrorLabel->clearMessage();
    setBusy(false);
    m_ui->lockPasswordEdit->setFocus();
}

void LockScreen::keyPressEvent(QKeyEvent* event)
{
    // When the screen covers a modal dialog, Esc or Enter must not reach the dialog and close it behind the lock.
    switch (event->key()) {
    case Qt::Key_Escape:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        event->accept();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool LockScreen::isBusy() const
{
    return m_busy;
}

void LockScreen::tryUnlock()
{
    if (isBusy() || m_ui->lockErrorLabel->isWaiting())
        return;
    const QString password = m_ui->lockPasswordEdit->text();
    if (password.isEmpty()) {
        m_ui->lockErrorLabel->showMessage(tr("Enter your password."));
        m_ui->lockPasswordEdit->setFocus();
        return;
    }
    m_ui->lockErrorLabel->clearMessage();
    setBusy(true);
    m_runner->start(m_session.workstationDir, m_session.username, password);
}

void LockScreen::onUnlockFinished(const UnlockResult& result)
{
    setBusy(false);
    m_ui->lockPasswordEdit->clear();
    // The session's connection stayed open while locked; the key unwrapped again here is not needed and is
    // dropped (wiped) with the result.
    if (result.ok() && result.username == m_session.username) {
        m_ui->lockErrorLabel->clearMessage();
        emit unlocked();
        return;
    }
    // The session's connection is open, so the failed attempt can be audited (a failed login cannot: it must not
    // change any file).
    WorkstationStatus audited;
    if (!Workstation::auditFailedUnlock(m_session, result.ok() ? WorkstationError::Rejected : result.status.error,
                                        &audited))
        qWarning("%s", qPrintable(audited.message));
    m_ui->lockErrorLabel->showStatus(result.status);
    if (result.status.error == WorkstationError::Throttled)
        m_ui->unlockButton->setEnabled(!m_ui->lockErrorLabel->isWaiting());
    m_ui->lockPasswordEdit->setFocus();
}

void LockScreen::confirmLogout()
{
    const auto answer = MessageBoxes::question(
        this, tr("Log Out"), tr("Log out %1? Work they have not saved is lost.").arg(m_session.displayName),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        emit logoutRequested();
}

void LockScreen::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->lockPasswordEdit->setEnabled(!busy);
    m_ui->unlockButton->setEnabled(!busy);
    m_ui->lockBusyIndicator->setVisible(busy);
    m_ui->lockBusyLabel->setVisible(busy);
}
