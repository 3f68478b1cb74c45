#include "SupervisorOverrideDialog.h"

#include "UnlockRunner.h"

#include "storage/Staff.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SupervisorOverrideDialog::SupervisorOverrideDialog(const Session& session, const IdentifierCheck& check,
                                                   QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_check(check)
    , m_runner(new UnlockRunner(this))
{
    setWindowTitle(tr("Supervisor Override"));
    auto* layout = new QVBoxLayout(this);
    auto* explanation = new QLabel(tr("The identifier %1 fails its check: %2\n\nIf the document shows it exactly like "
                                      "this, a supervisor may accept it. The override is stored with the subject "
                                      "and recorded in the audit trail.")
                                       .arg(check.normalised, check.message()),
                                   this);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    layout->addWidget(explanation);

    auto* form = new QFormLayout;
    m_supervisor = new QLineEdit(this);
    m_supervisor->setObjectName(QStringLiteral("supervisorEdit"));
    if (session.can(Permission::SignOverride))
        m_supervisor->setText(session.username);
    auto* supervisorLabel = new QLabel(tr("&Supervisor:"), this);
    supervisorLabel->setBuddy(m_supervisor);
    form->addRow(supervisorLabel, m_supervisor);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    // One line, so that Enter signs.
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. the registry's certificate shows this code"));
    auto* reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, m_reason);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign Override"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SupervisorOverrideDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_runner, &UnlockRunner::finished, this, &SupervisorOverrideDialog::onChecked);

    (m_supervisor->text().isEmpty() ? m_supervisor : m_password)->setFocus();
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
}

SupervisorOverrideDialog::~SupervisorOverrideDialog() = default;

void SupervisorOverrideDialog::setBusy(bool busy)
{
    m_supervisor->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_reason->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy) {
        m_error->setStyleSheet(QString());
        m_error->setText(tr("Checking the password…"));
        m_error->setVisible(true);
    }
}

void SupervisorOverrideDialog::accept()
{
    if (m_runner->isRunning())
        return;
    const QString username = StaffDirectory::normalizedUsername(m_supervisor->text());
    QString missing;
    if (username.isEmpty())
        missing = tr("Enter the supervisor's username.");
    else if (m_password->text().isEmpty())
        missing = tr("The supervisor enters their password.");
    else if (m_reason->text().trimmed().isEmpty())
        missing = tr("Give the reason the identifier is accepted.");
    if (!missing.isEmpty()) {
        m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_error->setText(missing);
        m_error->setVisible(true);
        return;
    }
    setBusy(true);
    m_runner->start(m_session.workstationDir, username, m_password->text());
}

void SupervisorOverrideDialog::onChecked(const UnlockResult& result)
{
    setBusy(false);
    m_password->clear();
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    if (!result.ok()) {
        m_error->setText(result.status.message);
        m_password->setFocus();
        return;
    }
    if (!roleAllows(result.role, Permission::SignOverride)) {
        m_error->setText(tr("%1 may not sign identifier overrides: a supervisor must sign.").arg(result.username));
        m_supervisor->setFocus();
        m_supervisor->selectAll();
        return;
    }
    m_override.identifier = m_check.normalised;
    m_override.supervisor = result.username;
    m_override.reason = m_reason->text().trimmed();
    m_override.signedAt = QDateTime::currentDateTimeUtc();
    QDialog::accept();
}
