#pragma once

#include "cases/CaseQueueQuery.h"
#include "cases/CaseRepository.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QVector>

// A case queue as a table (the queue views and the supervisor's lists): one row per case with its clock as of a
// day, coloured by the clock's state (on time, at risk, due today, overdue, paused).
//
// However many cases the queue holds, opening it reads only their ids in order (CaseQueueQuery: filtered and sorted
// by SQL over the stored clocks) and then the rows a view asks for, a page at a time, each with its clocks computed
// from its events (CaseRepository::rows). Sorting a column (QTableView with sorting enabled calls sort()) and
// filtering (setSpec) read the ids again.
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
        KindKeyRole,                   // "repair" / "objection"
        StateKeyRole,                  // the case's state key
        ClockStateKeyRole,             // DeadlineState key
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 100;

    explicit CaseQueueModel(QObject* parent = nullptr);

    // Where the rows come from (not owned; must outlive the model). Nothing is read until reload().
    void setRepository(const CaseRepository* repository) { m_repository = repository; }
    // What the queue holds and how it is ordered; the sort is replaced by sort() calls. Call reload() after.
    void setSpec(const CaseQueueQuery::Spec& spec) { m_spec = spec; }
    CaseQueueQuery::Spec spec() const { return m_spec; }
    void setAsOf(const QDate& asOf) { m_asOf = asOf; }
    QDate asOf() const { return m_asOf; }
    // Brings stale stored clocks up to date (CaseClocks::refreshStale), reads the queue's order and resets the model.
    // On failure the model is empty and lastError() says why.
    bool reload();
    QString lastError() const { return m_error; }

    // Names to show for user names (the assignee column shows "黄初审", its tooltip the user name).
    void setStaffNames(const QHash<QString, QString>& names) { m_names = names; }
    const QHash<QString, QString>& names() const { return m_names; }
    // The user names and display names of the workstation's staff, for setStaffNames().
    static QHash<QString, QString> staffNames(const QSqlDatabase& db);
    // The row (read with its page when it is not in memory); nullptr out of range or when the read failed.
    const CaseRepository::QueueRow* row(int index) const;
    // The row of a case in the queue's order, or -1.
    int indexOfCase(const QString& caseNo) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The clock's state in words ("3 working days left", "overdue by 2 working days", "paused"…).
    static QString clockText(const CaseTimer::Status& timer);
    static QString clockStateName(DeadlineState state);

private:
    const QList<CaseRepository::QueueRow>* page(int number) const;

    const CaseRepository* m_repository = nullptr;
    CaseQueueQuery::Spec m_spec;
    QDate m_asOf = QDate::currentDate();
    QVector<qint64> m_ids;
    // Pages read so far (at most MaxPages kept; the oldest read is dropped first).
    mutable QHash<int, QList<CaseRepository::QueueRow>> m_pages;
    mutable QList<int> m_pageOrder;
    static constexpr int MaxPages = 20;
    QHash<QString, QString> m_names;
    mutable QString m_error;
};
