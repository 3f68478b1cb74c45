#pragma once

#include "storage/Session.h"
#include "sync/SyncClient.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

class MainWindow;
class QAction;
class QLabel;

// The window's sync with the city platform: a pull over HTTPS (SyncClient, the same path as `xmcredit-admin sync`)
// in the background every few minutes and on demand (File ▸ Sync Now, F9), on a database connection of its own in a
// worker thread, never on the GUI thread; nothing while the window is locked. One label in the status bar says where
// it stands in words: not enrolled, syncing, the last successful sync and what it brought, or the last error.
//
// Object names for tests: syncStatusLabel, actionSyncNow.
class BackgroundSync : public QObject
{
    Q_OBJECT
public:
    // Installs the label and the action when the session may pull (Permission::PullSync); the first pull follows a
    // few seconds after login. XMCREDIT_SYNC_INTERVAL_SECONDS overrides the interval (default 300 s).
    static BackgroundSync* install(MainWindow* window);
    ~BackgroundSync() override;

    void syncNow();
    bool isRunning() const { return m_watcher.isRunning(); }
    QLabel* label() const { return m_label; }

signals:
    // A pull finished (ok or not); pagesApplied > 0 when records changed.
    void finished(bool ok, int pagesApplied, const QString& message);

private:
    struct Outcome
    {
        SyncClient::Result result;
        SyncReport report;
        bool outboxKnown = false;
    };
    BackgroundSync(MainWindow* window, QAction* action, QLabel* label);
    void done();
    void showProgress(const SyncProgress& progress);
    void showState();
    void showSyncState();

    MainWindow* m_window;
    QAction* m_action;
    QLabel* m_label;
    QTimer m_timer;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<SyncClient> m_client;
    bool m_enrolled = true;
    QDateTime m_lastSuccess;
    int m_lastPages = 0;
    int m_pending = -1; // entries of this window waiting for the platform (-1: not known yet)
    int m_problems = 0; // conflicts and rejections recorded
    QString m_lastError;
    QDateTime m_lastErrorAt;
};
