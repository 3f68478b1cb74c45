#pragma once

#include "cases/CaseRepository.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

// A case queue as a table (the queue views and the supervisor's lists): one row per case with its clock as of a
// day, coloured by the clock's state (on time, at risk, due today, overdue, paused). Filled from
// CaseRepository::queue(); a QSortFilterProxyModel sorts it by SortRole and filters it by FilterRole.
class CaseQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CaseNoColumn,
        KindColumn,
        SubjectColumn,
        StageColumn,
        AssigneeColumn,
        ReceivedColumn,
        DueColumn,
        LeftColumn,  // working days left, or overdue by
        ClockColumn, // the clock's state
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        CaseNoRole = Qt::UserRole + 1, // QString
        SortRole,                      // a value that sorts as the column should
        FilterRole,                    // text a filter matches: case number, subject, applicant, assignee
        KindKeyRole,                   // "repair" / "objection"
        StateKeyRole,                  // the case's state key
        ClockStateKeyRole,             // DeadlineState key
    };
    Q_ENUM(Role)

    explicit CaseQueueModel(QObject* parent = nullptr);

    void setRows(const QList<CaseRepository::QueueRow>& rows, const QDate& asOf);
    // Names to show for user names (the assignee column shows "黄初审", its tooltip the user name).
    void setStaffNames(const QHash<QString, QString>& names) { m_names = names; }
    // The user names and display names of the workstation's staff, for setStaffNames().
    static QHash<QString, QString> staffNames(const QSqlDatabase& db);
    const CaseRepository::QueueRow& row(int index) const { return m_rows.at(index); }
    int indexOfCase(const QString& caseNo) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The clock's state in words ("3 working days left", "overdue by 2 working days", "paused"…).
    static QString clockText(const CaseTimer::Status& timer);
    static QString clockStateName(DeadlineState state);

private:
    QList<CaseRepository::QueueRow> m_rows;
    QHash<QString, QString> m_names;
    QDate m_asOf;
};
