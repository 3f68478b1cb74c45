#include "DashboardPage.h"

#include "AuditedExport.h"
#include "ErrorLabel.h"
#include "UiFonts.h"

#include "cases/CaseClocks.h"
#include "cases/CaseQueueQuery.h"
#include "cases/CaseWorkflow.h"
#include "domain/Identifiers.h"
#include "itemmodels/CaseQueueModel.h"
#include "storage/AuditLog.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {

QChartView* chartView(const QString& name, QWidget* parent)
{
    auto* view = new QChartView(new QChart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    return view;
}

QTableView* caseList(const QString& name, CaseQueueModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    for (int column :
         {int(CaseQueueModel::KindColumn), int(CaseQueueModel::ReceivedColumn), int(CaseQueueModel::ClockColumn)})
        view->setColumnHidden(column, true);
    return view;
}

} // namespace

DashboardPage::DashboardPage(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar,
                             QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_policies(policies)
    , m_calendar(calendar)
    , m_repository(m_session, m_policies, m_calendar)
    , m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    UiFonts::relative(m_summary, 1.2);
    m_summary->setWordWrap(true);
    auto* refreshButton = new QPushButton(tr("&Refresh"), this);
    auto* exportButton = new QPushButton(tr("&Export Open Cases (CSV)…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    top->addWidget(m_summary, 1);
    top->addWidget(refreshButton);
    top->addWidget(exportButton);
    layout->addLayout(top);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("dashboardError"));
    layout->addWidget(m_error);

    auto* grid = new QGridLayout;
    m_stageChart = chartView(QStringLiteral("stageChart"), this);
    m_weeksChart = chartView(QStringLiteral("weeksChart"), this);
    m_stagesChart = chartView(QStringLiteral("stagesChart"), this);
    grid->addWidget(m_stageChart, 0, 0);
    grid->addWidget(m_weeksChart, 0, 1);
    grid->addWidget(m_stagesChart, 0, 2);

    m_overdueModel = new CaseQueueModel(this);
    m_dueTodayModel = new CaseQueueModel(this);
    m_names = CaseQueueModel::staffNames(session.database());
    m_overdueModel->setStaffNames(m_names);
    m_dueTodayModel->setStaffNames(m_names);
    // Both lists are read by SQL a page at a time: the most overdue first, the cases due today by number.
    CaseQueueQuery::Spec overdue;
    overdue.clockState = QStringLiteral("overdue");
    m_overdueModel->setSpec(overdue);
    CaseQueueQuery::Spec dueToday;
    dueToday.clockState = QStringLiteral("due_today");
    dueToday.sort = CaseQueueQuery::Sort::CaseNo;
    m_dueTodayModel->setSpec(dueToday);
    m_overdueModel->setRepository(&m_repository);
    m_dueTodayModel->setRepository(&m_repository);
    auto* overdueBox = new QVBoxLayout;
    overdueBox->addWidget(new QLabel(tr("Overdue"), this));
    m_overdue = caseList(QStringLiteral("overdueView"), m_overdueModel, this);
    overdueBox->addWidget(m_overdue);
    auto* todayBox = new QVBoxLayout;
    todayBox->addWidget(new QLabel(tr("Due today"), this));
    m_dueToday = caseList(QStringLiteral("dueTodayView"), m_dueTodayModel, this);
    todayBox->addWidget(m_dueToday);
    auto* workloadBox = new QVBoxLayout;
    workloadBox->addWidget(new QLabel(tr("Workload (open cases)"), this));
    m_workload = new QTableWidget(0, 3, this);
    m_workload->setObjectName(QStringLiteral("workloadTable"));
    m_workload->setHorizontalHeaderLabels({tr("Member of staff"), tr("Reviewing"), tr("Taken in")});
    m_workload->verticalHeader()->hide();
    m_workload->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_workload->horizontalHeader()->setStretchLastSection(true);
    workloadBox->addWidget(m_workload);
    grid->addLayout(overdueBox, 1, 0);
    grid->addLayout(todayBox, 1, 1);
    grid->addLayout(workloadBox, 1, 2);
    layout->addLayout(grid, 1);

    for (QTableView* view : {m_overdue, m_dueToday}) {
        connect(view, &QTableView::activated, this, [this](const QModelIndex& index) {
            emit caseChosen(index.data(CaseQueueModel::CaseNoRole).toString());
        });
    }
    connect(refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Open Cases"),
            QStringLiteral("cases-%1.csv").arg(m_today.toString(QStringLiteral("yyyyMMdd"))), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            m_error->showMessage(error);
    });
    // The clocks move with the day and the cases with other windows: the dashboard looks again every minute.
    m_timer = new QTimer(this);
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();
    // Read when the page is shown (WindowPages), not when the window is built at login.
}

void DashboardPage::setToday(const QDate& today)
{
    m_today = today;
    refresh();
}

void DashboardPage::refresh()
{
    QString error;
    int refreshed = 0;
    // The counts come from SQL aggregates over the stored clocks; stale ones are brought up to date first.
    if (!CaseClocks::refreshStale(m_session, m_policies, m_calendar, &refreshed, &error) ||
        !CaseQueueQuery::statistics(m_session.database(), m_today, m_calendar, &m_stats, &error)) {
        m_error->showMessage(error);
        return;
    }
    m_error->clearMessage();
    m_summary->setText(tr("%1 open cases: %2 overdue, %3 due today, %4 at risk, %5 waiting for supplementary "
                          "materials, %6 not assigned.")
                           .arg(m_stats.open)
                           .arg(m_stats.overdue)
                           .arg(m_stats.dueToday)
                           .arg(m_stats.atRisk)
                           .arg(m_stats.paused)
                           .arg(m_stats.unassigned));
    for (CaseQueueModel* model : {m_overdueModel, m_dueTodayModel}) {
        model->setAsOf(m_today);
        if (!model->reload())
            m_error->showMessage(model->lastError());
    }
    if (!m_sized && m_overdueModel->rowCount() > 0) {
        m_overdue->resizeColumnsToContents();
        m_dueToday->resizeColumnsToContents();
        m_sized = true;
    }

    QStringList people = m_stats.perReviewer.keys() + m_stats.perClerk.keys();
    people.removeDuplicates();
    people.sort();
    m_workload->setRowCount(int(people.size()));
    for (int row = 0; row < people.size(); ++row) {
        const QString& who = people.at(row);
        auto* person = new QTableWidgetItem(m_names.value(who, who));
        person->setToolTip(who);
        m_workload->setItem(row, 0, person);
        m_workload->setItem(row, 1, new QTableWidgetItem(QString::number(m_stats.perReviewer.value(who))));
        m_workload->setItem(row, 2, new QTableWidgetItem(QString::number(m_stats.perClerk.value(who))));
    }
    fillCharts();
}

void DashboardPage::fillCharts()
{
    // Open cases by stage, stacked by clock state.
    {
        QChart* chart = m_stageChart->chart();
        chart->removeAllSeries();
        for (QAbstractAxis* axis : chart->axes())
            chart->removeAxis(axis);
        chart->setTitle(tr("Open cases by stage"));
        const QStringList stages{QStringLiteral("received"), QStringLiteral("municipal_review"),
                                 QStringLiteral("platform_review"), QStringLiteral("verifying")};
        const QList<QPair<DeadlineState, QColor>> states{{DeadlineState::OnTime, QColor(0x1e, 0x6b, 0x33)},
                                                         {DeadlineState::AtRisk, QColor(0xe0, 0xa0, 0x20)},
                                                         {DeadlineState::DueToday, QColor(0xa8, 0x5d, 0x00)},
                                                         {DeadlineState::Overdue, QColor(0xb3, 0x26, 0x1e)},
                                                         {DeadlineState::Paused, QColor(0x55, 0x55, 0x99)}};
        auto* series = new QHorizontalStackedBarSeries;
        int highest = 1;
        for (const auto& [state, colour] : states) {
            auto* set = new QBarSet(CaseQueueModel::clockStateName(state));
            set->setColor(colour);
            for (const QString& stage : stages)
                *set << m_stats.openByStage.value(stage).value(toKey(state));
            series->append(set);
        }
        for (const QString& stage : stages) {
            int sum = 0;
            for (int v : m_stats.openByStage.value(stage))
                sum += v;
            highest = std::max(highest, sum);
        }
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis;
        x->append({CaseWorkflow::stateName(CaseKind::Repair, stages[0]),
                   CaseWorkflow::stateName(CaseKind::Repair, stages[1]),
                   CaseWorkflow::stateName(CaseKind::Repair, stages[2]),
                   CaseWorkflow::stateName(CaseKind::Objection, stages[3])});
        auto* y = new QValueAxis;
        y->setRange(0, highest);
        y->setLabelFormat(QStringLiteral("%d"));
        y->applyNiceNumbers(); // whole numbers on the ticks
        // Horizontal bars: the stages' names read whole on the left.
        chart->addAxis(x, Qt::AlignLeft);
        chart->addAxis(y, Qt::AlignBottom);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    // On-time rate of the decisions, per week.
    {
        QChart* chart = m_weeksChart->chart();
        chart->removeAllSeries();
        for (QAbstractAxis* axis : chart->axes())
            chart->removeAxis(axis);
        chart->setTitle(tr("Decisions on time, per week (%)"));
        auto* set = new QBarSet(tr("on time"));
        set->setColor(QColor(0x1e, 0x6b, 0x33));
        QStringList weeks;
        for (const CaseStatistics::Week& week : m_stats.weeks) {
            *set << (week.decided > 0 ? 100.0 * week.rate() : 0.0);
            weeks << week.monday.toString(QStringLiteral("M/d"));
        }
        auto* series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis;
        x->append(weeks);
        QFont small = x->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        x->setLabelsFont(small); // eight Mondays read whole
        auto* y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->legend()->hide();
    }
    // Median working days per stage, beside the limit.
    {
        QChart* chart = m_stagesChart->chart();
        chart->removeAllSeries();
        for (QAbstractAxis* axis : chart->axes())
            chart->removeAxis(axis);
        chart->setTitle(tr("Median working days per stage"));
        auto* used = new QBarSet(tr("median"));
        auto* limit = new QBarSet(tr("limit"));
        used->setColor(QColor(0x2b, 0x57, 0x9a));
        limit->setColor(QColor(0xbb, 0xbb, 0xbb));
        const QList<QPair<QString, int>> stages{
            {QStringLiteral("municipal"), 3}, {QStringLiteral("platform"), 7}, {QStringLiteral("objection"), 6}};
        QStringList names;
        for (const auto& [stage, days] : stages) {
            *used << m_stats.medianDays.value(stage);
            *limit << days;
            names << (stage == QLatin1String("municipal")  ? tr("Municipal")
                      : stage == QLatin1String("platform") ? tr("Platform")
                                                           : tr("Objection"));
        }
        auto* series = new QBarSeries;
        series->append(used);
        series->append(limit);
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis;
        x->append(names);
        auto* y = new QValueAxis;
        y->setRange(0, 10);
        y->setTickCount(6);
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

bool DashboardPage::exportCsv(const QString& path, QString* error)
{
    QStringList lines;
    // Who exported it and when, in the file itself (a copy that leaves the office names its source).
    lines << QStringLiteral("# %1").arg(tr("Open cases exported by %1 (%2) at %3 from %4")
                                            .arg(m_session.displayName, m_session.username,
                                                 QDateTime::currentDateTime().toString(Qt::ISODate),
                                                 m_session.workstationName));
    lines << QStringList{QStringLiteral("case"),      QStringLiteral("kind"),       QStringLiteral("stage"),
                         QStringLiteral("subject"),   QStringLiteral("identifier"), QStringLiteral("received"),
                         QStringLiteral("reviewer"),  QStringLiteral("due"),        QStringLiteral("clock"),
                         QStringLiteral("remaining"), QStringLiteral("estimated")}
                 .join(QLatin1Char(','));
    // Every open case with its clocks computed from its events (not the stored ones): the file is evidence.
    QList<CaseRepository::QueueRow> rows;
    if (!m_repository.queue(CaseRepository::Scope::Open, m_today, &rows, error))
        return false;
    int count = 0;
    for (const CaseRepository::QueueRow& row : std::as_const(rows)) {
        const CaseRecord& r = row.record;
        if (!CaseWorkflow::isOpen(r.kind, r.state) || !row.timed)
            continue;
        ++count;
        // Identifiers masked, as on every list.
        lines << QStringList{AuditedExport::csvField(r.caseNo),
                             toKey(r.kind),
                             r.state,
                             AuditedExport::csvField(r.subjectName),
                             AuditedExport::csvField(Identifiers::mask(r.subjectIdentifier)),
                             r.receivedOn.toString(Qt::ISODate),
                             AuditedExport::csvField(r.assignedTo),
                             row.timer.current.dueDate.toString(Qt::ISODate),
                             toKey(row.timer.current.state),
                             QString::number(row.timer.current.remaining),
                             row.timer.estimated ? QStringLiteral("1") : QStringLiteral("0")}
                     .join(QLatin1Char(','));
    }
    // Identifiers masked, the operator named in the file; audited before the file appears.
    return AuditedExport::writeCsv(
        m_session, path, lines, QStringLiteral("cases.export"), QStringLiteral("supervision of case time limits"),
        QJsonObject{{QStringLiteral("cases"), count}, {QStringLiteral("format"), QStringLiteral("csv")}}, error);
}
