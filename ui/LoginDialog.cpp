#include "LoginDialog.h"
#include "UiFonts.h"
#include "ui_LoginDialog.h"

#include "UnlockRunner.h"

#include <QDir>
#include <QPushButton>
#include <QSettings>

namespace {

QString usernameSettingKey(const QString& workstationId)
{
    return QStringLiteral("login/%1/lastUsername").arg(workstationId);
}

// Each login gets a fresh connection name, so that nothing left over from an earlier session (a model that
// outlived its page) can be mistaken for the new one.
QString nextConnectionName()
{
    static int counter = 0;
    return QStringLiteral("xmcredit-session-%1").arg(++counter);
}

} // namespace

LoginDialog::LoginDialog(const WorkstationInfo& workstation, QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::LoginDialog)
    , m_workstation(workstation)
    , m_runner(new UnlockRunner(this))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Log In · Xiamen Public Credit Information Workstation"));

    UiFonts::relative(m_ui->titleLabel, 1.35, true);

    QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Log In"));
    ok->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_runner, &UnlockRunner::finished, this, &LoginDialog::onUnlockFinished);
    connect(m_ui->errorLabel, &ErrorLabel::waitElapsed, this, [this] {
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!isBusy());
        m_ui->passwordEdit->setFocus();
    });

    UiFonts::relative(m_ui->workstationLabel, 0.85);
    QPalette pal = m_ui->workstationLabel->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    m_ui->workstationLabel->setPalette(pal);
    m_ui->workstationLabel->setText(
        tr("Workstation: %1\nDatabase: %2")
            .arg(workstation.name, QDir::toNativeSeparators(Workstation::databasePath(workstation.dir))));

    setBusy(false);
    const QString remembered = rememberedUsername(workstation.id);
    m_ui->usernameEdit->setText(remembered);
    if (remembered.isEmpty())
        m_ui->usernameEdit->setFocus();
    else
        m_ui->passwordEdit->setFocus();
    adjustSize();
}

LoginDialog::~LoginDialog() = default;

bool LoginDialog::isBusy() const
{
    return m_busy;
}

QString LoginDialog::rememberedUsername(const QString& workstationId)
{
    return QSettings().value(usernameSettingKey(workstationId)).toString();
}

void LoginDialog::accept()
{
    if (isBusy() || m_ui->errorLabel->isWaiting())
        return;
    const QString username = m_ui->usernameEdit->text().trimmed();
    const QString password = m_ui->passwordEdit->text();
    if (username.isEmpty()) {
        // Checked here so that an empty form neither costs an Argon2id run nor counts as a failed login.
        m_ui->errorLabel->showMessage(tr("Enter your username."));
        m_ui->usernameEdit->setFocus();
        return;
    }
    if (password.isEmpty()) {
        m_ui->errorLabel->showMessage(tr("Enter your password."));
        m_ui->passwordEdit->setFocus();
        return;
    }
    m_ui->errorLabel->clearMessage();
    setBusy(true);
    m_runner->start(m_workstation.dir, username, password);
}

void LoginDialog::onUnlockFinished(const UnlockResult& result)
{
    if (!isVisible()) {
        // Cancelled while the password was being checked: no session for a login the user gave up.
        setBusy(false);
        return;
    }
    if (!result.ok()) {
        setBusy(false);
        showFailure(result.status);
        return;
    }
    Session session;
    const WorkstationStatus opened = Workstation::openSession(result, nextConnectionName(), &session);
    setBusy(false);
    if (!opened.ok()) {
        showFailure(opened);
        return;
    }
    m_ui->passwordEdit->clear();
    QSettings().setValue(usernameSettingKey(m_workstation.id), session.username);
    m_session = session;
    emit sessionOpened(m_session);
    QDialog::accept();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->usernameEdit->setEnabled(!busy);
    m_ui->passwordEdit->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_ui->busyIndicator->setVisible(busy);
    m_ui->busyLabel->setVisible(busy);
}

void LoginDialog::showFailure(const WorkstationStatus& status)
{
    m_ui->errorLabel->showStatus(status);
    // Some reasons (a database changed outside the program) take several lines: the dialog grows to show them whole.
    adjustSize();
    m_ui->passwordEdit->clear();
    if (status.error == WorkstationError::Throttled)
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_ui->errorLabel->isWaiting());
    if (status.error == WorkstationError::UnknownUser || status.error == WorkstationError::InvalidInput) {
        m_ui->usernameEdit->setFocus();
        m_ui->usernameEdit->selectAll();
    } else {
        m_ui->passwordEdit->setFocus();
    }
}
