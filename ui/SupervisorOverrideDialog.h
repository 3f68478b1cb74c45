#pragma once

#include "domain/Identifiers.h"
#include "storage/Session.h"
#include "storage/Workstation.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QDialogButtonBox;
class UnlockRunner;

// A supervisor signs an identifier that fails only its checksum but is real (DOMAIN.md "Identifiers"): they
// authenticate here with their own password (checked off the GUI thread, counted by the login throttle like any
// login) and give the reason. The result is an IdentifierOverride for exactly that identifier.
//
// Object names for tests: supervisorEdit, passwordEdit, reasonEdit, errorLabel, buttonBox.
class SupervisorOverrideDialog : public QDialog
{
    Q_OBJECT
public:
    SupervisorOverrideDialog(const Session& session, const IdentifierCheck& check, QWidget* parent = nullptr);
    ~SupervisorOverrideDialog() override;

    // Valid once the dialog was accepted.
    IdentifierOverride identifierOverride() const { return m_override; }

public slots:
    void accept() override;

private:
    void onChecked(const UnlockResult& result);
    void setBusy(bool busy);

    Session m_session;
    IdentifierCheck m_check;
    IdentifierOverride m_override;
    QLineEdit* m_supervisor = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    UnlockRunner* m_runner = nullptr;
};
