#pragma once

#include "cases/CaseRepository.h"
#include "cases/CaseStatistics.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "storage/Session.h"

#include <QDate>
#include <QHash>
#include <QWidget>

class CaseQueueFilter;
class CaseQueueModel;
class ErrorLabel;
class QChart;
class QChartView;
class QLabel;
class QTableView;
class QTableWidget;
class QTimer;

// The supervisor's timer dashboard: open cases by stage and clock state (stacked bars), the overdue and due-today
// cases (Enter opens one in the case queues, where it can be reassigned), the workload of each reviewer and clerk,
// the on-time rate of the decisions of the last eight weeks and the median working days per stage. It refreshes
// itself every minute and whenever a case moves in this window. Export writes every open case with its clock to a
// CSV file that names the operator and the time, and is audited ("cases.export").
//
// Object names for tests: summaryLabel, stageChart, weeksChart, stagesChart, overdueView, dueTodayView,
// workloadTable, exportButton, dashboardError.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar,
                  QWidget* parent = nullptr);

    void refresh();
    void setToday(const QDate& today);
    const CaseStatistics& statistics() const { return m_stats; }
    // Writes the open cases as CSV (the export button's path, for tests). Audited.
    bool exportCsv(const QString& path, QString* error = nullptr);

signals:
    // Enter or double-click on a listed case.
    void caseChosen(const QString& caseNo);

private:
    void fillCharts();

    Session m_session;
    PolicyRegistry m_policies;
    WorkingCalendar m_calendar;
    CaseRepository m_repository;
    QDate m_today;
    bool m_sized = false;
    QHash<QString, QString> m_names; // user name -> display name
    CaseStatistics m_stats;

    QLabel* m_summary = nullptr;
    QChartView* m_stageChart = nullptr;
    QChartView* m_weeksChart = nullptr;
    QChartView* m_stagesChart = nullptr;
    CaseQueueModel* m_overdueModel = nullptr;
    CaseQueueModel* m_dueTodayModel = nullptr;
    QTableView* m_overdue = nullptr;
    QTableView* m_dueToday = nullptr;
    QTableWidget* m_workload = nullptr;
    ErrorLabel* m_error = nullptr;
    QTimer* m_timer = nullptr;
};
