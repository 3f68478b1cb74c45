#pragma once

#include "storage/Session.h"

#include <QScopedPointer>
#include <QWidget>

namespace Ui {
class LockScreen;
}
class UnlockRunner;
struct UnlockResult;

// What a locked main window shows instead of its contents: only the person who is logged in can unlock it, with
// their password (checked off the GUI thread, like the login); anyone else may log them out instead.
//
// Object names for tests: lockPasswordEdit, unlockButton, lockLogoutButton, lockErrorLabel, lockBusyIndicator.
class LockScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LockScreen(QWidget* parent = nullptr);
    ~LockScreen() override;

    // Whose password unlocks the screen.
    void setSession(const Session& session);
    // Resets the form (no message, empty password) and puts the focus on the password.
    void reset();
    bool isBusy() const;

signals:
    // The password was right: the window may show its contents again.
    void unlocked();
    // Someone chose to log the locked-out user out (after confirming).
    void logoutRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void tryUnlock();
    void onUnlockFinished(const UnlockResult& result);
    void confirmLogout();
    void setBusy(bool busy);

    QScopedPointer<Ui::LockScreen> m_ui;
    UnlockRunner* m_runner = nullptr;
    Session m_session;
    bool m_busy = false; // from submitting until the result has been handled (the worker may be done earlier)
};
