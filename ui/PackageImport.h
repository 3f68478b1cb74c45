#pragma once

#include "storage/Session.h"
#include "sync/FeedApplier.h"

#include <QFutureWatcher>
#include <QObject>

class MainWindow;
class QAction;

// Import Exchange Package… (File menu, administrators): an offline package from the platform is verified and applied
// off the GUI thread, on a connection of its own (FeedApplier, the same path as `xmcredit-admin sync --package`),
// while the window stays responsive; the outcome is shown in words and in the status bar.
class PackageImport : public QObject
{
    Q_OBJECT
public:
    // Adds the File menu action to window (only for sessions that may configure sync).
    static PackageImport* install(MainWindow* window);

    // Imports the package at path in the background; finished() follows.
    void importFile(const QString& path);
    bool isRunning() const { return m_watcher.isRunning(); }
    QAction* action() const { return m_action; }

signals:
    void finished(bool ok, const QString& message);

private:
    struct Outcome
    {
        FeedApplier::Result result;
        SyncReport report;
    };
    PackageImport(MainWindow* window, QAction* action);
    void done();

    MainWindow* m_window;
    QAction* m_action;
    QFutureWatcher<Outcome> m_watcher;
};
