#include "BackgroundSync.h"

#include "MainWindow.h"

#include "sync/Outbox.h"

#include <QAction>
#include <QLabel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

BackgroundSync::BackgroundSync(MainWindow* window, QAction* action, QLabel* label)
    : QObject(window)
    , m_window(window)
    , m_action(action)
    , m_label(label)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &BackgroundSync::done);
    connect(&m_timer, &QTimer::timeout, this, &BackgroundSync::syncNow);
}

BackgroundSync::~BackgroundSync()
{
    // A logout or quit while a pull runs: it is cancelled (its batch rolls back or commits whole) and waited for, so
    // the worker's connection is gone before the session's.
    if (m_client)
        m_client->cancel();
    m_watcher.waitForFinished();
}

BackgroundSync* BackgroundSync::install(MainWindow* window)
{
    const Session& session = window->session();
    if (!session.can(Permission::PullSync) || session.readOnly)
        return nullptr;
    auto* action = new QAction(tr("S&ync Now"), window);
    action->setObjectName(QStringLiteral("actionSyncNow"));
    action->setShortcut(QKeySequence(Qt::Key_F9));
    action->setStatusTip(
        tr("Sync with the city platform now: pull its new signed records and send this window's work"));
    window->addFileAction(action);
    auto* label = new QLabel(window);
    label->setObjectName(QStringLiteral("syncStatusLabel"));
    label->setContentsMargins(6, 0, 6, 0);
    window->statusBar()->addPermanentWidget(label);
    auto* sync = new BackgroundSync(window, action, label);
    connect(action, &QAction::triggered, sync, &BackgroundSync::syncNow);
    connect(window, &MainWindow::lockedChanged, sync, [sync](bool locked) { sync->m_action->setEnabled(!locked); });
    int interval = qEnvironmentVariableIntValue("XMCREDIT_SYNC_INTERVAL_SECONDS");
    if (interval <= 0)
        interval = 300;
    sync->m_timer.start(interval * 1000);
    QTimer::singleShot(3000, sync, &BackgroundSync::syncNow);
    sync->showState();
    return sync;
}

void BackgroundSync::syncNow()
{
    if (m_watcher.isRunning() || m_window->isLocked() || !m_enrolled)
        return;
    m_label->setText(tr("Platform: syncing…"));
    const Session session = m_window->session();
    static QAtomicInt counter;
    const QString connection = QStringLiteral("xmcredit-sync-%1").arg(counter.fetchAndAddRelaxed(1));
    Session worker = session;
    worker.connectionName = connection;
    SyncClient::Options options;
    // The window keeps writing (every query is audited): a first sync here commits batch by batch.
    options.firstSyncInOneImport = false;
    // From the worker thread; shown by this object's thread. The destructor waits for the worker, and a call queued
    // for an object destroyed since is dropped.
    options.progress = [this](const SyncProgress& progress) {
        QMetaObject::invokeMethod(
            this, [this, progress] { showProgress(progress); }, Qt::QueuedConnection);
    };
    m_client = std::make_shared<SyncClient>(worker, options);
    const std::shared_ptr<SyncClient> client = m_client;
    m_watcher.setFuture(QtConcurrent::run([session, connection, client]() {
        // A connection of the worker's own, cloned by name (the key is in the key ring, so it opens without it).
        QSqlDatabase::cloneDatabase(session.connectionName, connection);
        Outcome outcome;
        {
            QSqlDatabase db = QSqlDatabase::database(connection);
            if (!db.isOpen()) {
                outcome.result = {SyncClient::Failure::Storage, FeedApplier::Failure::None, db.lastError().text()};
            } else {
                outcome.result = client->sync(&outcome.report);
                // What waits for the platform, whatever became of the sync (counted here, off the GUI thread).
                OutboxCounts counts;
                if (Outbox::counts(db, &counts)) {
                    outcome.report.pendingOutbox = counts.pending;
                    outcome.report.outboxConflicts = counts.conflicts + counts.rejected;
                    outcome.outboxKnown = true;
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return outcome;
    }));
}

void BackgroundSync::showProgress(const SyncProgress& progress)
{
    if (!m_watcher.isRunning() || (progress.pagesTotal <= 0 && progress.pagesDone <= 0))
        return;
    m_label->setText(progress.firstSync ? tr("Platform: first sync, %1").arg(progress.describe())
                                        : tr("Platform: syncing, %1").arg(progress.describe()));
}

void BackgroundSync::done()
{
    const Outcome outcome = m_watcher.result();
    m_client.reset();
    if (outcome.outboxKnown) {
        m_pending = outcome.report.pendingOutbox;
        m_problems = outcome.report.outboxConflicts;
    }
    QString message;
    if (outcome.result.failure == SyncClient::Failure::NotEnrolled) {
        m_enrolled = false; // nothing to pull from until an administrator enrols the workstation online
        m_action->setEnabled(false);
    } else if (outcome.result.ok()) {
        m_lastSuccess = QDateTime::currentDateTime();
        m_lastPages = outcome.report.pagesApplied;
        m_lastError.clear();
        message = tr("Synced with the platform: %n new page(s) of records.", nullptr, m_lastPages);
    } else if (outcome.result.failure != SyncClient::Failure::Cancelled) {
        m_lastError = outcome.result.message;
        m_lastErrorAt = QDateTime::currentDateTime();
        m_lastPages = outcome.report.pagesApplied;
        message = tr("The sync with the platform failed: %1").arg(m_lastError);
    }
    showState();
    if (!message.isEmpty())
        m_window->statusBar()->showMessage(message, 10000);
    // Not enrolled online is no failure of the sync: there is nothing to pull from.
    emit finished(outcome.result.ok() || outcome.result.failure == SyncClient::Failure::NotEnrolled,
                  outcome.report.pagesApplied, message);
}

void BackgroundSync::showState()
{
    showSyncState();
    if (!m_enrolled || m_pending < 0)
        return;
    // The outbox after the sync state: what waits to be sent, and what the platform did not take.
    QStringList parts{m_label->text()};
    if (m_pending > 0)
        parts << tr("%n to send", nullptr, m_pending);
    if (m_problems > 0)
        parts << tr("%n not taken by the platform", nullptr, m_problems);
    m_label->setText(parts.join(QStringLiteral(" · ")));
    if (m_problems > 0) {
        m_label->setToolTip(m_label->toolTip() + QLatin1Char('\n') +
                            tr("%n of this window's case moves or entries were not taken by the platform (a case moved "
                               "on at another window, or a refusal): the case page shows each; xmcredit-admin outbox "
                               "lists them.",
                               nullptr, m_problems));
        m_label->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    }
}

void BackgroundSync::showSyncState()
{
    const QString last =
        m_lastSuccess.isValid() ? QLocale().toString(m_lastSuccess.time(), QLocale::ShortFormat) : QString();
    if (!m_enrolled) {
        m_label->setText(tr("Platform: not enrolled online"));
        m_label->setToolTip(tr("An administrator enrols this workstation with xmcredit-admin enrol --platform URL "
                               "--code CODE --ca-cert FILE."));
        m_label->setStyleSheet(QString());
    } else if (!m_lastError.isEmpty()) {
        m_label->setText(
            last.isEmpty()
                ? tr("Platform: sync failed at %1").arg(QLocale().toString(m_lastErrorAt.time(), QLocale::ShortFormat))
                : tr("Platform: sync failed at %1 (last synced %2)")
                      .arg(QLocale().toString(m_lastErrorAt.time(), QLocale::ShortFormat), last));
        m_label->setToolTip(m_lastError);
        m_label->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    } else if (m_lastSuccess.isValid()) {
        m_label->setText(tr("Platform: synced %1").arg(last));
        m_label->setToolTip(tr("The last sync brought %n new page(s) of records.", nullptr, m_lastPages));
        m_label->setStyleSheet(QString());
    } else {
        m_label->setText(tr("Platform: not synced yet"));
        m_label->setToolTip(QString());
        m_label->setStyleSheet(QString());
    }
}
