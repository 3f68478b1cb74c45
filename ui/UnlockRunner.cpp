#include "UnlockRunner.h"

#include <QtConcurrent/QtConcurrentRun>

UnlockRunner::UnlockRunner(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<UnlockResult>::finished, this,
            [this] { emit finished(m_watcher.future().result()); });
}

UnlockRunner::~UnlockRunner()
{
    // A check still running when its window goes (the user cancelled) is left to finish in the pool; its result,
    // key included, is dropped with the future. Waiting here would freeze the GUI for the rest of the Argon2id run.
    m_watcher.disconnect(this);
}

bool UnlockRunner::start(const QString& workstationDir, const QString& username, const QString& password)
{
    if (isRunning())
        return false;
    m_watcher.setFuture(QtConcurrent::run(
        [workstationDir, username, password] { return Workstation::unlock(workstationDir, username, password); }));
    return true;
}

bool UnlockRunner::isRunning() const
{
    return m_watcher.isRunning();
}
