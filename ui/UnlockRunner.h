#pragma once

#include "storage/Workstation.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

// Runs Workstation::unlock() in a worker thread and reports back on the GUI thread. Argon2id takes about a second
// by design: run on the GUI thread it would freeze the window and make the login look dead.
class UnlockRunner : public QObject
{
    Q_OBJECT
public:
    explicit UnlockRunner(QObject* parent = nullptr);
    ~UnlockRunner() override;

    // Starts checking the password; ignored (returns false) while a check is already running.
    bool start(const QString& workstationDir, const QString& username, const QString& password);
    bool isRunning() const;

signals:
    // Emitted on the thread that owns the runner (the GUI thread) when the check is done.
    void finished(const UnlockResult& result);

private:
    QFutureWatcher<UnlockResult> m_watcher;
};
