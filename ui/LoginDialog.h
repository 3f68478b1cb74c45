#pragma once

#include "storage/Session.h"
#include "storage/Workstation.h"

#include <QDialog>
#include <QScopedPointer>

namespace Ui {
class LoginDialog;
}
class UnlockRunner;

// Asks for a username and password and opens a session on the workstation. The password check (Argon2id) runs
// in a worker thread while the form shows a busy indicator; the session's database connection is then opened on
// the GUI thread, which owns it. A failure leaves the dialog open with the reason in errorLabel.
//
// Object names for tests: usernameEdit, passwordEdit, errorLabel, busyIndicator, buttonBox, workstationLabel.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(const WorkstationInfo& workstation, QWidget* parent = nullptr);
    ~LoginDialog() override;

    // The session opened by the successful login (valid once sessionOpened() has been emitted).
    const Session& session() const { return m_session; }
    // True while the password is being checked.
    bool isBusy() const;

    // The username last used on this workstation (QSettings), or empty.
    static QString rememberedUsername(const QString& workstationId);

public slots:
    // Enter and OK: starts the login (the dialog is accepted only once the session is open).
    void accept() override;

signals:
    // The session is open: the caller now owns it and must close it with Workstation::closeSession().
    void sessionOpened(const Session& session);

private:
    void onUnlockFinished(const UnlockResult& result);
    void setBusy(bool busy);
    void showFailure(const WorkstationStatus& status);

    QScopedPointer<Ui::LoginDialog> m_ui;
    WorkstationInfo m_workstation;
    UnlockRunner* m_runner = nullptr;
    Session m_session;
    bool m_busy = false; // from submitting until the result has been handled (the worker may be done earlier)
};
