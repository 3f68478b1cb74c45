#include "CasesPage.h"

#include "MessageBoxes.h"
#include "ScanViewer.h"
#include "UiFonts.h"

#include "ErrorLabel.h"

#include "cases/CaseReceipt.h"
#include "cases/CaseWorkflow.h"
#include "domain/Identifiers.h"
#include "domain/PolicyProfile.h"
#include "itemmodels/CaseQueueModel.h"
#include "storage/Staff.h"
#include "sync/Outbox.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

CasesPage::CasesPage(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar,
                     QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_policies(policies)
    , m_calendar(calendar)
    , m_repository(m_session, m_policies, m_calendar)
    , m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("casesPage"));
    auto* layout = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout;
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("scopeCombo"));
    m_scope->addItem(tr("My cases"), int(CaseRepository::Scope::Mine));
    if (session.can(Permission::ReviewCase) || session.can(Permission::SuperviseCases))
        m_scope->addItem(tr("Unassigned"), int(CaseRepository::Scope::Unassigned));
    m_scope->addItem(tr("All open cases"), int(CaseRepository::Scope::Open));
    m_scope->addItem(tr("Closed cases"), int(CaseRepository::Scope::Closed));
    // A supervisor starts from every open case, the others from their own.
    if (session.can(Permission::SuperviseCases))
        m_scope->setCurrentIndex(m_scope->findData(int(CaseRepository::Scope::Open)));
    auto* scopeLabel = new QLabel(tr("&Queue:"), this);
    scopeLabel->setBuddy(m_scope);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->addItem(tr("Repairs and objections"), QString());
    m_kind->addItem(displayName(CaseKind::Repair), toKey(CaseKind::Repair));
    m_kind->addItem(displayName(CaseKind::Objection), toKey(CaseKind::Objection));
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter: case number, subject, applicant, staff (Ctrl+K)"));
    m_filterEdit->setClearButtonEnabled(true);
    auto* refreshButton = new QPushButton(tr("Refresh (F5)"), this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    bar->addWidget(scopeLabel);
    bar->addWidget(m_scope);
    bar->addWidget(m_kind);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(refreshButton);
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    m_model = new CaseQueueModel(this);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CaseQueueModel::DueColumn, Qt::AscendingOrder);
    m_model->setRepository(&m_repository); // after the first sort: nothing is read before the page is shown
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);

    auto* detailHost = new QWidget(splitter);
    auto* detailLayout = new QVBoxLayout(detailHost);
    detailLayout->setContentsMargins(6, 0, 0, 0);
    m_empty = new QLabel(tr("Choose a case in the queue (Enter opens it)."), detailHost);
    m_empty->setObjectName(QStringLiteral("caseEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    detailLayout->addWidget(m_empty, 1);
    m_detail = new QWidget(detailHost);
    detailLayout->addWidget(m_detail, 1);
    auto* detail = new QVBoxLayout(m_detail);
    detail->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(m_detail);
    m_title->setObjectName(QStringLiteral("caseTitleLabel"));
    UiFonts::relative(m_title, 1.3, true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail->addWidget(m_title);
    m_platformProblem = new QLabel(m_detail);
    m_platformProblem->setObjectName(QStringLiteral("casePlatformProblemLabel"));
    m_platformProblem->setWordWrap(true);
    m_platformProblem->setTextFormat(Qt::PlainText);
    m_platformProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_platformProblem->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8c1d18; border: 1px solid "
                                                    "#f2b8b5; border-radius: 4px; padding: 6px; }"));
    m_platformProblem->hide();
    detail->addWidget(m_platformProblem);
    m_details = new QLabel(m_detail);
    m_details->setObjectName(QStringLiteral("caseDetailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail->addWidget(m_details);
    detail->addWidget(new QLabel(tr("Timeline"), m_detail));
    m_timeline = new QTreeWidget(m_detail);
    m_timeline->setObjectName(QStringLiteral("timelineView"));
    m_timeline->setHeaderLabels({tr("Day"), tr("Who"), tr("What"), tr("Note")});
    m_timeline->setRootIsDecorated(false);
    detail->addWidget(m_timeline, 2);
    detail->addWidget(new QLabel(tr("Materials"), m_detail));
    m_materials = new QListWidget(m_detail);
    m_materials->setObjectName(QStringLiteral("materialsList"));
    // Enter (or a double click) on a received material shows its scan, from the database, in memory only.
    connect(m_materials, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const qint64 attachment = item->data(Qt::UserRole).toLongLong();
        if (attachment <= 0)
            return;
        auto* viewer = new ScanViewer(m_session, attachment, this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        if (!viewer->ok()) {
            MessageBoxes::warning(this, tr("Scan"), viewer->error());
            delete viewer;
            return;
        }
        viewer->open();
    });
    detail->addWidget(m_materials, 1);

    auto* form = new QFormLayout;
    m_note = new QPlainTextEdit(m_detail);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("Reason or decision text (required to decide, reject, reopen or reassign)"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(70);
    auto* noteLabel = new QLabel(tr("N&ote:"), m_detail);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);
    m_assignee = new QComboBox(m_detail);
    m_assignee->setObjectName(QStringLiteral("assigneeCombo"));
    auto* assigneeLabel = new QLabel(tr("Re&viewer:"), m_detail);
    assigneeLabel->setBuddy(m_assignee);
    form->addRow(assigneeLabel, m_assignee);
    if (session.can(Permission::SuperviseCases)) {
        QList<StaffMember> staff;
        StaffDirectory::list(m_session.database(), &staff);
        for (const StaffMember& member : staff) {
            if (member.active && member.role == Role::Reviewer)
                m_assignee->addItem(QStringLiteral("%1 (%2)").arg(member.displayName, member.username),
                                    member.username);
        }
    } else {
        m_assignee->hide();
        assigneeLabel->hide();
    }
    detail->addLayout(form);

    m_actionsBox = new QWidget(m_detail);
    m_actionsBox->setObjectName(QStringLiteral("actionsBox"));
    m_actionsLayout = new QHBoxLayout(m_actionsBox);
    m_actionsLayout->setContentsMargins(0, 0, 0, 0);
    detail->addWidget(m_actionsBox);
    m_receipt = new QPushButton(tr("&Print Acceptance Receipt…"), m_detail);
    m_receipt->setObjectName(QStringLiteral("receiptButton"));
    detail->addWidget(m_receipt);
    m_error = new ErrorLabel(m_detail);
    m_error->setObjectName(QStringLiteral("caseError"));
    detail->addWidget(m_error);
    m_detail->hide();
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({820, 480});
    // The clock's state is in the colour and the time left; the column is for sorting and screen readers.
    m_view->setColumnHidden(CaseQueueModel::ClockColumn, true);

    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    // The filter is applied by the database: once typing pauses, not at every key.
    auto* typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(200);
    connect(m_filterEdit, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(typing, &QTimer::timeout, this, [this] { refresh(); });
    connect(refreshButton, &QPushButton::clicked, this, &CasesPage::refresh);
    connect(m_receipt, &QPushButton::clicked, this, &CasesPage::printReceipt);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    openCase(current.data(CaseQueueModel::CaseNoRole).toString());
            });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        openCase(index.data(CaseQueueModel::CaseNoRole).toString());
        m_note->setFocus();
    });
    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_F5), [this] { refresh(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    for (int i = 0; i < 4; ++i) {
        shortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), [this, i] {
            if (i < m_scope->count())
                m_scope->setCurrentIndex(i);
            m_view->setFocus();
        });
    }
    // The queue is read when the page is shown (WindowPages), not when the window is built at login.
}

CaseRepository::Scope CasesPage::scope() const
{
    return CaseRepository::Scope(m_scope->currentData().toInt());
}

void CasesPage::setToday(const QDate& today)
{
    m_today = today;
    refresh();
}

void CasesPage::refresh()
{
    CaseQueueQuery::Spec spec = m_model->spec();
    spec.scope = scope();
    spec.me = m_session.username;
    spec.kind = m_kind->currentData().toString();
    spec.text = m_filterEdit->text();
    m_model->setSpec(spec);
    m_model->setAsOf(m_today);
    // Names for the queue and the case's history, with the staff directory as the last sync left it.
    m_model->setStaffNames(CaseQueueModel::staffNames(m_session.database()));
    const QString keep = m_current.caseNo;
    if (!m_model->reload()) {
        m_error->showMessage(m_model->lastError());
        return;
    }
    if (!m_sized && m_model->rowCount() > 0) {
        // Sized to the first rows once (sizing to every row would read the whole queue).
        m_view->resizeColumnsToContents();
        m_sized = true;
    }
    if (!keep.isEmpty())
        openCase(keep);
}

bool CasesPage::openCase(const QString& caseNo)
{
    CaseRecord record;
    QString error;
    if (!m_repository.find(caseNo, &record, &error)) {
        m_error->showMessage(error.isEmpty() ? tr("There is no case %1.").arg(caseNo) : error);
        return false;
    }
    m_current = record;
    const int row = m_model->indexOfCase(caseNo);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.isValid() && m_view->currentIndex().row() != index.row()) {
            const QSignalBlocker block(m_view->selectionModel());
            m_view->setCurrentIndex(index);
        }
    }
    showCase();
    emit caseChanged(caseNo);
    return true;
}

void CasesPage::showCase()
{
    const CaseRecord& r = m_current;
    m_empty->hide();
    m_detail->show();
    m_error->clearMessage();
    m_title->setText(QStringLiteral("%1  %2 · %3%4")
                         .arg(r.caseNo, displayName(r.kind), CaseWorkflow::stateName(r.kind, r.state),
                              r.paused ? tr(" · waiting for supplementary materials") : QString()));
    CaseTimer::Status timer;
    QString error;
    const bool timed = m_repository.timer(r, m_today, &timer, &error);
    QStringList lines;
    lines << tr("Subject: %1 (%2)").arg(r.subjectName, Identifiers::mask(r.subjectIdentifier));
    lines << tr("Applicant: %1, %2").arg(r.applicant.name, Identifiers::mask(r.applicant.idNumber));
    QStringList items;
    for (qint64 id : r.itemIds)
        items << QString::number(id);
    lines << tr("Credit items: %1").arg(items.join(QStringLiteral(", ")));
    if (r.kind == CaseKind::Objection)
        lines << tr("Grounds: %1. %2").arg(ObjectionGrounds::displayName(r.grounds), r.statement);
    lines << tr("Received %1 by %2; reviewer: %3")
                 .arg(r.receivedOn.toString(Qt::ISODate), r.intakeBy,
                      r.assignedTo.isEmpty() ? tr("not assigned") : r.assignedTo);
    if (timed)
        lines << tr("Clock: %1 (due %2)")
                     .arg(CaseQueueModel::clockText(timer),
                          timer.current.dueDate.isValid() ? timer.current.dueDate.toString(Qt::ISODate) : tr("—"));
    else
        lines << error;
    if (!r.outcome.isEmpty())
        lines << tr("Decision: %1").arg(r.outcome);
    m_details->setText(lines.join(QLatin1Char('\n')));

    // A move of this case the platform did not take: it moved on at another window (or the platform refused it).
    // The platform's version stands; the local attempt stays in the timeline, marked.
    QList<OutboxProblem> problems;
    QHash<qint64, OutboxProblem> problemOf;
    if (Outbox::problems(m_session.database(), &problems, r.id, 20, &error) && !problems.isEmpty()) {
        const OutboxProblem& newest = problems.constFirst();
        const QString attempt = newest.localAction == QLatin1String("intake")
                                    ? tr("the intake")
                                    : CaseWorkflow::actionName(newest.localAction);
        m_platformProblem->setText(
            newest.outcome == QLatin1String("conflict")
                ? (newest.platformState.isEmpty()
                       ? tr("The platform did not take %1 of this case: %2. The platform's version stands; this "
                            "window's attempt stays in the timeline, marked.")
                             .arg(attempt, newest.reason)
                       : tr("The platform did not take %1 of this case: it moved on at another window and the platform "
                            "holds it as \"%2\". The platform's version stands; this window's attempt stays in the "
                            "timeline, marked.")
                             .arg(attempt, CaseWorkflow::stateName(r.kind, newest.platformState)))
                : tr("The platform refused %1 of this case: %2").arg(attempt, newest.reason));
        m_platformProblem->show();
        for (const OutboxProblem& p : problems)
            problemOf.insert(p.localId, p);
    } else {
        m_platformProblem->hide();
    }

    m_timeline->clear();
    QList<CaseEventRecord> events;
    if (m_repository.events(r.id, &events, &error)) {
        // Who: this window's staff by name, other windows' and the platform's by the city's directory.
        const QHash<QString, QString>& names = m_model->names();
        for (const CaseEventRecord& e : events) {
            QString what = e.action == QLatin1String("intake") ? tr("received") : CaseWorkflow::actionName(e.action);
            if (problemOf.contains(e.id))
                what = problemOf.value(e.id).outcome == QLatin1String("conflict")
                           ? tr("%1 (not taken by the platform: conflict)").arg(what)
                           : tr("%1 (refused by the platform)").arg(what);
            const QString actor = names.contains(e.actor) && names.value(e.actor) != e.actor
                                      ? tr("%1 (%2)").arg(names.value(e.actor), e.actor)
                                      : e.actor;
            auto* row = new QTreeWidgetItem({e.onDate.toString(Qt::ISODate), actor, what, e.note});
            if (problemOf.contains(e.id))
                for (int column = 0; column < 4; ++column)
                    row->setForeground(column, QColor(0x8c, 0x1d, 0x18));
            m_timeline->addTopLevelItem(row);
        }
        m_timeline->resizeColumnToContents(0);
        m_timeline->resizeColumnToContents(1);
        m_timeline->resizeColumnToContents(2);
    }
    m_materials->clear();
    QList<CaseMaterialRecord> materials;
    QStringList present;
    if (m_repository.materials(r.id, &materials, &error)) {
        // The policy's names of the materials, in the interface language.
        QMap<QString, QString> labels;
        if (const PolicyProfilePtr profile = m_policies.profileOn(r.receivedOn)) {
            for (const PolicyMaterial& m : profile->materials(r.kind, true))
                labels.insert(m.term.key, m.term.label());
        }
        for (const CaseMaterialRecord& m : materials) {
            present << m.key;
            auto* item = new QListWidgetItem(
                tr("✓ %1: %2 (SHA-256 %3…)").arg(labels.value(m.key, m.key), m.fileName, m.sha256.left(12)),
                m_materials);
            item->setData(Qt::UserRole, m.attachmentId);
            item->setToolTip(tr("Enter or double-click: view the scan"));
        }
        for (const QString& key : m_repository.missingMaterials(r.kind, r.applicant.viaAgent(), r.receivedOn, present))
            m_materials->addItem(tr("✗ %1: missing").arg(labels.value(key, key)));
    }

    // One button per action the user may take now.
    while (QLayoutItem* item = m_actionsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const CaseWorkflow::CaseFacts facts{r.kind, r.state, r.paused, r.intakeBy, r.assignedTo, r.decidedFrom};
    for (const QString& action : CaseWorkflow::available(facts, m_session.role, m_session.username)) {
        if (action == QLatin1String("reassign") && m_assignee->count() == 0)
            continue;
        QString label = CaseWorkflow::actionName(action);
        label[0] = label[0].toUpper();
        auto* button = new QPushButton(label, m_actionsBox);
        button->setObjectName(QStringLiteral("action_") + action);
        m_actionsLayout->addWidget(button);
        button->show();
        connect(button, &QPushButton::clicked, this, [this, action] { takeAction(action); });
    }
    m_actionsLayout->addStretch(1);
    m_receipt->setEnabled(true);
}

bool CasesPage::takeAction(const QString& action)
{
    if (m_current.caseNo.isEmpty())
        return false;
    CaseRepository::ActionInput input;
    input.note = m_note->toPlainText();
    input.assignee = m_assignee->currentData().toString();
    CaseRecord after;
    const CaseRepository::Result result = m_repository.act(m_current.caseNo, action, input, m_today, &after);
    if (!result.ok()) {
        m_error->showMessage(result.message);
        return false;
    }
    m_note->clear();
    m_current = after;
    refresh();
    openCase(after.caseNo);
    emit caseMoved(after.caseNo);
    return true;
}

bool CasesPage::writeReceiptPdf(const QString& path, QString* error)
{
    CaseReceipt::Content content;
    QString why;
    if (m_current.caseNo.isEmpty() ||
        !CaseReceipt::gather(m_repository, m_policies, m_current.caseNo, m_today, m_session.workstationName,
                             m_session.displayName, &content, &why) ||
        !CaseReceipt::writePdf(content, path, &why)) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

void CasesPage::printReceipt()
{
    CaseReceipt::Content content;
    QString error;
    if (!CaseReceipt::gather(m_repository, m_policies, m_current.caseNo, m_today, m_session.workstationName,
                             m_session.displayName, &content, &error)) {
        m_error->showMessage(error);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(tr("Acceptance receipt %1").arg(m_current.caseNo));
    QPrintPreviewDialog preview(&printer, this);
    preview.setObjectName(QStringLiteral("receiptPreview"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&content](QPrinter* target) {
        QTextDocument document;
        CaseReceipt::setUp(&document, content);
        document.print(target);
    });
    preview.exec();
}
