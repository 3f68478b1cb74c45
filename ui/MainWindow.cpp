#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AppController.h"
#include "HomePage.h"
#include "IdleWatcher.h"
#ifdef XMCREDIT_HAVE_DBUS
#include "DesktopLockWatcher.h"
#endif
#include "LockScreen.h"
#include "MessageBoxes.h"

#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>

#include <algorithm>

MainWindow::MainWindow(const Session& session, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
    , m_session(session)
    , m_idle(new IdleWatcher(this))
{
    m_ui->setupUi(this);

    m_ui->lockScreen->setSession(session);
    connect(m_ui->lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    connect(m_ui->lockScreen, &LockScreen::logoutRequested, this, &MainWindow::logoutRequested);

    connect(m_ui->actionLock, &QAction::triggered, this, &MainWindow::lock);
    connect(m_ui->actionLogout, &QAction::triggered, this, &MainWindow::logoutRequested);
    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_lockableActions << m_ui->actionLock;

    m_pagesEnd = m_ui->menuView->addSeparator();
    setUpIdleLockMenu();
    setUpLanguageMenu();
    setUpTextSizeMenu();

    m_ui->pageList->setStyleSheet(QStringLiteral("QListWidget#pageList::item { padding: 6px 10px; }"));
    connect(m_ui->pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_pages.size())
            showPage(m_pages.at(row).page);
    });

    m_home = new HomePage(session);
    insertPage(m_home, tr("Home"), QKeySequence(), {}, m_ui->actionHome);
    m_home->setCommands({m_ui->actionLock, m_ui->actionLogout, m_ui->actionQuit});

    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userStatusLabel"));
    m_workstationLabel = new QLabel(this);
    m_workstationLabel->setObjectName(QStringLiteral("workstationStatusLabel"));
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatusLabel"));
    m_lockLabel = new QLabel(tr("Locked"), this);
    m_lockLabel->setObjectName(QStringLiteral("lockStatusLabel"));
    QFont bold = m_lockLabel->font();
    bold.setBold(true);
    m_lockLabel->setFont(bold);
    statusBar()->addPermanentWidget(m_lockLabel);
    bool first = true;
    for (QLabel* label : {m_userLabel, m_workstationLabel, m_databaseLabel}) {
        if (!first) {
            auto* separator = new QFrame(this);
            separator->setFrameShape(QFrame::VLine);
            separator->setFrameShadow(QFrame::Sunken);
            statusBar()->addPermanentWidget(separator);
        }
        first = false;
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(label);
    }
    updateStatusBar();
    if (session.readOnly) {
        // An auditor let in to examine a database that failed its integrity check: nothing can be written, and the
        // reason stays in view.
        auto* banner = new QLabel(tr("Read-only: this database failed its integrity check. %1 Run xmcredit-admin "
                                     "check for the full report.")
                                      .arg(session.integrityProblem),
                                  this);
        banner->setObjectName(QStringLiteral("integrityBanner"));
        banner->setWordWrap(true);
        banner->setStyleSheet(QStringLiteral("QLabel { background: #b3261e; color: white; padding: 6px; }"));
        statusBar()->addWidget(banner, 1);
    }

    m_ui->rootStack->setCurrentWidget(m_ui->workspacePage);
    showPage(m_home);
    connect(m_idle, &IdleWatcher::idleTimedOut, this, [this] { lockFor(QStringLiteral("idle")); });
#ifdef XMCREDIT_HAVE_DBUS
    // The desktop locks (the clerk pressed Super+L, the screen saver started): so does the window, at once.
    m_desktopLock = new DesktopLockWatcher(this);
    connect(m_desktopLock, &DesktopLockWatcher::desktopLocked, this, [this] { lockFor(QStringLiteral("desktop")); });
    m_desktopLock->watch(QDBusConnection::sessionBus(), QDBusConnection::systemBus());
#endif
    m_idle->start();
}

MainWindow::~MainWindow()
{
    // Windows hidden by a lock stay hidden: after a logout they must not show the next user what they held.
    uncoverOtherWindows(false);
}

QAction* MainWindow::addPage(QWidget* page, const QString& title, const QKeySequence& shortcut,
                             const QList<Permission>& tasks)
{
    return insertPage(page, title, shortcut, tasks, nullptr);
}

QAction* MainWindow::insertPage(QWidget* page, const QString& title, const QKeySequence& shortcut,
                                const QList<Permission>& tasks, QAction* action)
{
    Q_ASSERT(page);
    if (!action) {
        action = new QAction(title, this);
        action->setShortcut(shortcut);
        m_ui->menuView->insertAction(m_pagesEnd, action);
    }
    connect(action, &QAction::triggered, this, [this, p = QPointer<QWidget>(page)] { showPage(p); });
    m_lockableActions << action;
    action->setEnabled(!m_locked);

    // Each page scrolls when the window is smaller than the page needs (a 1366 x 768 screen at 150% has 911 x 512
    // pixels for the whole window): the window itself can always be made that small.
    auto* scroll = new QScrollArea(m_ui->pageStack);
    scroll->setObjectName(page->objectName() + QStringLiteral("Scroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(page);
    m_ui->pageStack->addWidget(scroll);
    auto* item = new QListWidgetItem(title, m_ui->pageList);
    if (!action->shortcut().isEmpty())
        item->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
    m_pages.append(PageEntry{page, title, tasks, action});
    updateHomeLinks();
    return action;
}

void MainWindow::showPage(QWidget* page)
{
    if (m_locked || !page)
        return;
    for (int row = 0; row < m_pages.size(); ++row) {
        if (m_pages.at(row).page != page)
            continue;
        m_ui->pageStack->setCurrentWidget(page->parentWidget() ? page->parentWidget()->parentWidget() : page);
        {
            const QSignalBlocker blocker(m_ui->pageList);
            m_ui->pageList->setCurrentRow(row);
        }
        page->setFocus();
        emit pageShown(page);
        return;
    }
}

QWidget* MainWindow::currentPage() const
{
    auto* scroll = qobject_cast<QScrollArea*>(m_ui->pageStack->currentWidget());
    return scroll ? scroll->widget() : m_ui->pageStack->currentWidget();
}

QList<QWidget*> MainWindow::pages() const
{
    QList<QWidget*> result;
    for (const PageEntry& entry : m_pages)
        result << entry.page.data();
    return result;
}

void MainWindow::setPreviousLogin(const QDateTime& when)
{
    m_home->setPreviousLogin(when);
}

QStringList MainWindow::desktopLockSources() const
{
#ifdef XMCREDIT_HAVE_DBUS
    return m_desktopLock->watching();
#else
    return {};
#endif
}

void MainWindow::lock()
{
    lockFor(QStringLiteral("command"));
}

void MainWindow::lockFor(const QString& reason)
{
    if (m_locked)
        return;
    // The window locks even when the entry cannot be written: leaving it open would be worse.
    WorkstationStatus audited;
    if (!Workstation::auditLock(m_session, reason, &audited))
        qWarning("%s", qPrintable(audited.message));
    m_locked = true;
    m_idle->stop();
    m_ui->rootStack->setCurrentWidget(m_ui->lockScreen);
    m_ui->lockScreen->reset();
    setCommandsLocked(true);
    coverOtherWindows();
    updateStatusBar();
    emit lockedChanged(true);
}

void MainWindow::unlock()
{
    if (!m_locked)
        return;
    WorkstationStatus audited;
    if (!Workstation::auditUnlock(m_session, &audited))
        qWarning("%s", qPrintable(audited.message));
    m_locked = false;
    uncoverOtherWindows(true);
    m_ui->lockScreen->reset();
    m_ui->rootStack->setCurrentWidget(m_ui->workspacePage);
    setCommandsLocked(false);
    updateStatusBar();
    if (QWidget* page = currentPage())
        page->setFocus();
    m_idle->start();
    emit lockedChanged(false);
}

void MainWindow::setCommandsLocked(bool locked)
{
    for (QAction* action : std::as_const(m_lockableActions))
        action->setEnabled(!locked);
}

void MainWindow::coverOtherWindows()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget* window : windows) {
        if (window == this || !window->isVisible())
            continue;
        const Qt::WindowType type = window->windowType();
        if (type == Qt::Popup || type == Qt::ToolTip) {
            window->close();
            continue;
        }
        if (!window->isModal()) {
            window->hide();
            m_hiddenWindows << window;
            continue;
        }
        // A modal dialog cannot be hidden without ending its exec() (and losing what was typed into it), and it
        // blocks input to this window: so it is covered by its own lock screen, which unlocks everything.
        Cover cover;
        cover.window = window;
        cover.originalSize = window->size();
        auto* screen = new LockScreen(window);
        screen->setObjectName(QStringLiteral("lockCover"));
        screen->setAutoFillBackground(true);
        screen->setSession(m_session);
        cover.screen = screen;
        const QList<QWidget*> children = window->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly);
        for (QWidget* child : children) {
            if (child != screen && !child->isWindow() && child->isEnabled()) {
                child->setEnabled(false);
                cover.disabled << child;
            }
        }
        window->resize(window->size().expandedTo(screen->sizeHint()));
        screen->setGeometry(window->rect());
        screen->raise();
        screen->show();
        screen->reset();
        window->installEventFilter(this);
        connect(screen, &LockScreen::unlocked, this, &MainWindow::unlock);
        connect(screen, &LockScreen::logoutRequested, this, &MainWindow::logoutRequested);
        m_covers << cover;
    }
}

void MainWindow::uncoverOtherWindows(bool reshow)
{
    for (const Cover& cover : std::as_const(m_covers)) {
        if (cover.screen) {
            cover.screen->hide();
            // deleteLater: unlock() may be running inside this very screen's signal.
            cover.screen->deleteLater();
        }
        for (const QPointer<QWidget>& child : cover.disabled) {
            if (child)
                child->setEnabled(true);
        }
        if (cover.window) {
            cover.window->removeEventFilter(this);
            cover.window->resize(cover.originalSize);
        }
    }
    m_covers.clear();
    for (const QPointer<QWidget>& window : std::as_const(m_hiddenWindows)) {
        if (window && reshow)
            window->show();
    }
    m_hiddenWindows.clear();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    for (const Cover& cover : std::as_const(m_covers)) {
        if (cover.window != watched)
            continue;
        if (event->type() == QEvent::Resize && cover.screen) {
            cover.screen->setGeometry(cover.window->rect());
        } else if (event->type() == QEvent::Close && m_locked) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Closing the window is quitting: the owner closes the session and then deletes the window.
    event->ignore();
    emit quitRequested();
}

void MainWindow::updateStatusBar()
{
    m_userLabel->setText(tr("%1 · %2").arg(m_session.displayName, Roles::displayName(m_session.role)));
    m_userLabel->setToolTip(tr("Logged in as %1").arg(m_session.username));
    m_workstationLabel->setText(tr("Workstation: %1").arg(m_session.workstationName));
    m_workstationLabel->setToolTip(QDir::toNativeSeparators(m_session.workstationDir));
    const QString cipher = cipherVersion();
    m_databaseLabel->setText(cipher.isEmpty() ? tr("Database closed")
                                              : tr("Encrypted database open · SQLCipher %1").arg(cipher));
    m_databaseLabel->setToolTip(QDir::toNativeSeparators(m_session.databasePath));
    m_lockLabel->setVisible(m_locked);
}

void MainWindow::updateHomeLinks()
{
    if (!m_home)
        return;
    QList<HomePage::PageLink> links;
    for (const PageEntry& entry : std::as_const(m_pages)) {
        if (entry.page && entry.page != m_home)
            links.append(HomePage::PageLink{entry.title, entry.tasks, entry.action});
    }
    m_home->setPages(links);
}

void MainWindow::setUpIdleLockMenu()
{
    QMenu* menu = m_ui->menuView->addMenu(tr("Lock When &Idle"));
    menu->setObjectName(QStringLiteral("menuIdleLock"));
    auto* group = new QActionGroup(this);
    const int configured = IdleWatcher::configuredMinutes();
    for (int minutes : IdleWatcher::choicesInMinutes()) {
        QAction* action = menu->addAction(minutes == 1 ? tr("After 1 Minute") : tr("After %1 Minutes").arg(minutes));
        action->setCheckable(true);
        action->setChecked(minutes == configured);
        group->addAction(action);
        m_lockableActions << action;
        connect(action, &QAction::triggered, this, [this, minutes] {
            IdleWatcher::setConfiguredMinutes(minutes);
            m_idle->setInterval(std::chrono::minutes(minutes));
        });
    }
}

void MainWindow::setUpLanguageMenu()
{
    QMenu* menu = m_ui->menuView->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto* group = new QActionGroup(this);
    // The language in use (the setting may be absent, or overridden by --lang or XMCREDIT_LANG).
    const QString current = QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
    // Each language is named in itself, so that whoever needs it can find it.
    const QList<QPair<QString, QString>> languages = {{QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")},
                                                      {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto& [code, name] : languages) {
        QAction* action = menu->addAction(name);
        action->setObjectName(QStringLiteral("language_%1").arg(code));
        action->setData(code);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, group, language = code, current] {
            if (language == current)
                return;
            QSettings().setValue(QStringLiteral("ui/language"), language);
            // The window is built again in the new language, on the home page: what is typed on a page and not
            // yet saved would be lost, so the clerk chooses.
            const auto answer = MessageBoxes::question(
                this, tr("Language"),
                tr("Switch the window to the new language now? Every page opens again from the home page: anything "
                   "typed and not yet saved is lost.\n\nOtherwise the new language is used from the next start."),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
            if (answer == QMessageBox::Yes) {
                emit languageChangeRequested(language);
            } else {
                for (QAction* other : group->actions())
                    other->setChecked(other->data().toString() == current);
            }
        });
    }
}

void MainWindow::setUpTextSizeMenu()
{
    // A larger text for a long day at the window, applied at once to every page (Ctrl++ and Ctrl+- step through the
    // sizes, Ctrl+0 goes back to normal) and kept for the next start.
    QMenu* menu = m_ui->menuView->addMenu(tr("&Text Size"));
    menu->setObjectName(QStringLiteral("menuTextSize"));
    auto* group = new QActionGroup(this);
    const QList<int> scales = AppController::textScales();
    for (int percent : scales) {
        QAction* action = menu->addAction(percent == 100 ? tr("Normal (100%)") : tr("%1%").arg(percent));
        action->setObjectName(QStringLiteral("textSize%1").arg(percent));
        action->setCheckable(true);
        action->setChecked(percent == AppController::textScale());
        group->addAction(action);
        connect(action, &QAction::triggered, this, [percent] { AppController::setTextScale(percent); });
    }
    auto step = [this, scales, group](int direction) {
        const int at = int(scales.indexOf(AppController::textScale()));
        const int next = direction == 0 ? 0 : std::clamp(at + direction, 0, int(scales.size()) - 1);
        AppController::setTextScale(scales.at(next));
        for (QAction* action : group->actions())
            action->setChecked(action->objectName() == QStringLiteral("textSize%1").arg(scales.at(next)));
        statusBar()->showMessage(tr("Text size: %1%").arg(scales.at(next)), 3000);
    };
    menu->addSeparator();
    QAction* larger = menu->addAction(tr("Larger"));
    larger->setObjectName(QStringLiteral("textLarger"));
    larger->setShortcuts({QKeySequence(tr("Ctrl+=")), QKeySequence(tr("Ctrl++"))});
    connect(larger, &QAction::triggered, this, [step] { step(+1); });
    QAction* smaller = menu->addAction(tr("Smaller"));
    smaller->setObjectName(QStringLiteral("textSmaller"));
    smaller->setShortcut(QKeySequence(tr("Ctrl+-")));
    connect(smaller, &QAction::triggered, this, [step] { step(-1); });
    QAction* normal = menu->addAction(tr("Normal Size"));
    normal->setObjectName(QStringLiteral("textNormal"));
    normal->setShortcut(QKeySequence(tr("Ctrl+0")));
    connect(normal, &QAction::triggered, this, [step] { step(0); });
}

void MainWindow::showAbout()
{
    QString sqlite;
    if (auto* driver = qobject_cast<SqlCipherDriver*>(m_session.database().driver()))
        sqlite = driver->sqliteVersion();
    const QString text =
        tr("<h3>Xiamen Public Credit Information Workstation</h3>"
           "<p>Version %1</p>"
           "<p>Encrypted database: SQLCipher %2 on SQLite %3<br>Qt %4</p>"
           "<p>Workstation: %5<br>%6</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped(), cipherVersion().toHtmlEscaped(),
                 sqlite.toHtmlEscaped(), QString::fromLatin1(qVersion()), m_session.workstationName.toHtmlEscaped(),
                 QDir::toNativeSeparators(m_session.databasePath).toHtmlEscaped());
    MessageBoxes::information(this, tr("About"), text);
}

QString MainWindow::cipherVersion() const
{
    if (auto* driver = qobject_cast<SqlCipherDriver*>(m_session.database().driver()))
        return driver->cipherVersion();
    return QString();
}

void MainWindow::addFileAction(QAction* action)
{
    m_ui->menuFile->insertAction(m_ui->actionLock, action);
    m_ui->menuFile->insertSeparator(m_ui->actionLock);
    connect(this, &MainWindow::lockedChanged, action, [action](bool locked) { action->setEnabled(!locked); });
}
