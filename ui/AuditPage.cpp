#include "AuditPage.h"

#include "AuditedExport.h"
#include "ErrorLabel.h"

#include "itemmodels/AuditTrailModel.h"
#include "storage/AuditLog.h"
#include "storage/Workstation.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

AuditPage::AuditPage(const Session& session, const WorkingCalendar& calendar, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_calendar(calendar)
{
    setObjectName(QStringLiteral("auditPage"));
    auto* layout = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout;
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("actorEdit"));
    m_actor->setPlaceholderText(tr("Who (username)"));
    m_action = new QLineEdit(this);
    m_action->setObjectName(QStringLiteral("actionEdit"));
    m_action->setPlaceholderText(tr("Action (e.g. subject.open, case.)"));
    m_object = new QLineEdit(this);
    m_object->setObjectName(QStringLiteral("objectEdit"));
    m_object->setPlaceholderText(tr("Object (e.g. subject 1234, case XF2026-1A2B-000001)"));
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto* applyButton = new QPushButton(tr("&Show"), this);
    applyButton->setObjectName(QStringLiteral("applyButton"));
    applyButton->setDefault(true);
    bar->addWidget(m_actor, 1);
    bar->addWidget(m_action, 1);
    bar->addWidget(m_object, 2);
    bar->addWidget(new QLabel(tr("from"), this));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(tr("to"), this));
    bar->addWidget(m_to);
    bar->addWidget(applyButton);
    layout->addLayout(bar);

    auto* chainBar = new QHBoxLayout;
    m_chain = new QLabel(this);
    m_chain->setObjectName(QStringLiteral("chainLabel"));
    m_chain->setWordWrap(true);
    auto* verify = new QPushButton(tr("&Verify the Chain"), this);
    verify->setObjectName(QStringLiteral("verifyButton"));
    auto* exportButton = new QPushButton(tr("&Export This View (CSV)…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    chainBar->addWidget(m_chain, 1);
    chainBar->addWidget(verify);
    chainBar->addWidget(exportButton);
    layout->addLayout(chainBar);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("auditError"));
    layout->addWidget(m_error);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_model = new AuditTrailModel(this);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("trailView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    auto* flagsBox = new QWidget(splitter);
    auto* flagsLayout = new QVBoxLayout(flagsBox);
    flagsLayout->setContentsMargins(0, 0, 0, 0);
    flagsLayout->addWidget(new QLabel(tr("Worth a look (choose one to mark its entries)"), flagsBox));
    m_flagList = new QListWidget(flagsBox);
    m_flagList->setObjectName(QStringLiteral("flagsList"));
    flagsLayout->addWidget(m_flagList);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    for (QLineEdit* edit : {m_actor, m_action, m_object})
        connect(edit, &QLineEdit::returnPressed, this, &AuditPage::apply);
    connect(applyButton, &QPushButton::clicked, this, &AuditPage::apply);
    connect(verify, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the Audit View"),
                                                          QStringLiteral("audit.csv"), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            m_error->showMessage(error);
    });
    connect(m_flagList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_flags.size())
            return;
        const AuditFlag& flag = m_flags.at(row);
        m_model->setFlagged(flag.seqs);
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (m_model->index(i, 0).data(AuditTrailModel::FlaggedRole).toBool()) {
                m_view->scrollTo(m_model->index(i, 0));
                break;
            }
        }
    });
    if (m_session.readOnly)
        m_chain->setText(tr("Read-only session: %1").arg(m_session.integrityProblem));
    // Read (and audited as looked at) when the page is first shown, not when the window is built at login.
}

void AuditPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        apply();
    }
}

AuditFilter AuditPage::currentFilter() const
{
    AuditFilter filter;
    filter.actor = m_actor->text().trimmed().toLower();
    filter.action = m_action->text().trimmed();
    const QStringList object = m_object->text().trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!object.isEmpty())
        filter.objectType = object.at(0);
    if (object.size() > 1)
        filter.objectId = object.mid(1).join(QLatin1Char(' '));
    filter.from = m_from->date();
    filter.to = m_to->date();
    return filter;
}

void AuditPage::apply()
{
    const AuditFilter filter = currentFilter();
    QList<AuditRow> rows;
    QString error;
    if (!AuditReview::query(m_session.database(), filter, &rows, &error)) {
        m_error->showMessage(error);
        return;
    }
    m_error->clearMessage();
    m_model->setRows(rows);
    m_view->resizeColumnsToContents();
    m_view->scrollToBottom();
    m_flags = AuditReview::flags(rows, m_calendar);
    m_flagList->clear();
    for (const AuditFlag& flag : m_flags)
        m_flagList->addItem(QStringLiteral("%1: %2").arg(AuditReview::flagName(flag.kind), flag.description));
    // What the auditor looked at is itself in the trail.
    if (!m_session.readOnly) {
        AuditEntry entry;
        entry.actor = m_session.username;
        entry.action = QStringLiteral("audit.review");
        entry.objectType = QStringLiteral("audit_log");
        entry.basis = QStringLiteral("audit review");
        entry.details = QJsonObject{{QStringLiteral("actor"), filter.actor},
                                    {QStringLiteral("action"), filter.action},
                                    {QStringLiteral("object"), m_object->text().trimmed()},
                                    {QStringLiteral("from"), filter.from.toString(Qt::ISODate)},
                                    {QStringLiteral("to"), filter.to.toString(Qt::ISODate)},
                                    {QStringLiteral("entries"), int(rows.size())}};
        QSqlDatabase db = m_session.database();
        if (!AuditLog::append(db, entry, &error))
            m_error->showMessage(error);
    }
}

void AuditPage::verifyChain()
{
    AuditVerifyResult result;
    WorkstationStatus status;
    if (!Workstation::verifyAudit(m_session, &result, &status)) {
        m_error->showMessage(status.message);
        return;
    }
    m_chain->setStyleSheet(result.ok ? QStringLiteral("color: #1e6b33") : QStringLiteral("color: #b3261e"));
    m_chain->setText(result.message);
}

bool AuditPage::exportCsv(const QString& path, QString* error)
{
    using AuditedExport::csvField;
    QStringList lines;
    lines << QStringLiteral("# %1").arg(tr("Audit entries exported by %1 (%2) at %3 from %4")
                                            .arg(m_session.displayName, m_session.username,
                                                 QDateTime::currentDateTime().toString(Qt::ISODate),
                                                 m_session.workstationName));
    lines << QStringLiteral("seq,at,actor,action,object_type,object_id,basis");
    for (const AuditRow& r : m_model->rows())
        lines << QStringList{QString::number(r.seq), r.at.toString(Qt::ISODateWithMs), csvField(r.actor),
                             csvField(r.action),     csvField(r.objectType),           csvField(r.objectId),
                             csvField(r.basis)}
                     .join(QLatin1Char(','));
    return AuditedExport::writeCsv(m_session, path, lines, QStringLiteral("audit.export"),
                                   QStringLiteral("audit review"),
                                   QJsonObject{{QStringLiteral("entries"), int(m_model->rows().size())}}, error);
}
