#include "PackageImport.h"

#include "MainWindow.h"
#include "MessageBoxes.h"

#include <QAction>
#include <QAtomicInt>
#include <QFile>
#include <QFileDialog>
#include <QSqlError>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

PackageImport::PackageImport(MainWindow* window, QAction* action)
    : QObject(window)
    , m_window(window)
    , m_action(action)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &PackageImport::done);
}

PackageImport* PackageImport::install(MainWindow* window)
{
    if (!window->session().can(Permission::ConfigureSync))
        return nullptr;
    auto* action = new QAction(tr("&Import Exchange Package…"), window);
    action->setObjectName(QStringLiteral("actionImportPackage"));
    action->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    action->setStatusTip(tr("Apply the platform's signed records from an offline exchange package"));
    window->addFileAction(action);
    auto* import = new PackageImport(window, action);
    connect(action, &QAction::triggered, import, [import, window] {
        const QString path = QFileDialog::getOpenFileName(window, tr("Import Exchange Package"), QString(),
                                                          tr("Exchange packages (*.pkg *.xmpkg);;All files (*)"));
        if (!path.isEmpty())
            import->importFile(path);
    });
    return import;
}

void PackageImport::importFile(const QString& path)
{
    if (m_watcher.isRunning())
        return;
    m_action->setEnabled(false);
    m_window->statusBar()->showMessage(tr("Importing the exchange package %1…").arg(path));
    const Session session = m_window->session();
    static QAtomicInt counter;
    const QString connection = QStringLiteral("xmcredit-import-%1").arg(counter.fetchAndAddRelaxed(1));
    m_watcher.setFuture(QtConcurrent::run([session, connection, path]() {
        // A connection of the worker's own, cloned by name (the key is in the key ring, so it opens without it).
        QSqlDatabase::cloneDatabase(session.connectionName, connection);
        Outcome outcome;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            outcome.result = {FeedApplier::Failure::Malformed,
                              tr("The package %1 cannot be read: %2").arg(path, file.errorString())};
        } else {
            const QByteArray bytes = file.readAll();
            {
                QSqlDatabase db = QSqlDatabase::database(connection);
                if (!db.isOpen()) {
                    outcome.result = {FeedApplier::Failure::Storage, db.lastError().text()};
                } else {
                    Session worker = session;
                    worker.connectionName = connection;
                    outcome.result = FeedApplier(worker).applyPackage(bytes, &outcome.report);
                    db.close();
                }
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return outcome;
    }));
}

void PackageImport::done()
{
    const Outcome outcome = m_watcher.result();
    m_action->setEnabled(!m_window->isLocked());
    QString message;
    if (outcome.result.ok()) {
        QStringList counts;
        for (auto it = outcome.report.applied.cbegin(); it != outcome.report.applied.cend(); ++it)
            counts << tr("%1: %2").arg(it.key()).arg(it.value());
        message = tr("Exchange package applied: %1 page(s) new, %2 applied before (%3) in %4 ms.")
                      .arg(outcome.report.pagesApplied)
                      .arg(outcome.report.pagesSkipped)
                      .arg(counts.isEmpty() ? tr("nothing new") : counts.join(QStringLiteral(", ")))
                      .arg(outcome.report.durationMs);
        m_window->statusBar()->showMessage(message, 15000);
    } else {
        message = tr("The exchange package was not applied: %1").arg(outcome.result.message);
        m_window->statusBar()->showMessage(message, 15000);
    }
    emit finished(outcome.result.ok(), message);
}
