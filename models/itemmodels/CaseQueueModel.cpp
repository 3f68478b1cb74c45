#include "CaseQueueModel.h"

#include "storage/Staff.h"

#include "cases/CaseWorkflow.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

CaseQueueModel::CaseQueueModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void CaseQueueModel::setRows(const QList<CaseRepository::QueueRow>& rows, const QDate& asOf)
{
    beginResetModel();
    m_rows = rows;
    m_asOf = asOf;
    endResetModel();
}

int CaseQueueModel::indexOfCase(const QString& caseNo) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).record.caseNo == caseNo)
            return i;
    }
    return -1;
}

int CaseQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseQueueModel::clockStateName(DeadlineState state)
{
    switch (state) {
    case DeadlineState::OnTime:
        return QCoreApplication::translate("CaseQueueModel", "on time");
    case DeadlineState::AtRisk:
        return QCoreApplication::translate("CaseQueueModel", "at risk");
    case DeadlineState::DueToday:
        return QCoreApplication::translate("CaseQueueModel", "due today");
    case DeadlineState::Overdue:
        return QCoreApplication::translate("CaseQueueModel", "overdue");
    case DeadlineState::Paused:
        return QCoreApplication::translate("CaseQueueModel", "paused (supplement)");
    case DeadlineState::Completed:
        return QCoreApplication::translate("CaseQueueModel", "completed in time");
    case DeadlineState::CompletedLate:
        return QCoreApplication::translate("CaseQueueModel", "completed late");
    }
    return {};
}

QString CaseQueueModel::clockText(const CaseTimer::Status& timer)
{
    const DeadlineStatus& s = timer.current;
    QString text;
    switch (s.state) {
    case DeadlineState::OnTime:
    case DeadlineState::AtRisk:
        text = QCoreApplication::translate("CaseQueueModel", "%n working day(s) left", nullptr, s.remaining);
        break;
    case DeadlineState::DueToday:
        text = QCoreApplication::translate("CaseQueueModel", "due today");
        break;
    case DeadlineState::Overdue:
        text = QCoreApplication::translate("CaseQueueModel", "overdue by %n working day(s)", nullptr, s.overdueBy);
        break;
    case DeadlineState::Paused:
        text = QCoreApplication::translate("CaseQueueModel", "paused: %n working day(s) left", nullptr, s.remaining);
        break;
    case DeadlineState::Completed:
        text = QCoreApplication::translate("CaseQueueModel", "completed in time");
        break;
    case DeadlineState::CompletedLate:
        text = QCoreApplication::translate("CaseQueueModel", "completed %n working day(s) late", nullptr, s.overdueBy);
        break;
    }
    if (timer.estimated)
        text += QCoreApplication::translate("CaseQueueModel", " (estimated)");
    return text;
}

QVariant CaseQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CaseRepository::QueueRow& row = m_rows.at(index.row());
    const CaseRecord& r = row.record;
    const DeadlineStatus& clock = row.timer.current;
    switch (role) {
    case CaseNoRole:
        return r.caseNo;
    case KindKeyRole:
        return toKey(r.kind);
    case StateKeyRole:
        return r.state;
    case ClockStateKeyRole:
        return row.timed ? toKey(clock.state) : QString();
    case FilterRole:
        return QStringList{r.caseNo, r.subjectName, r.subjectIdentifier, r.applicant.name, r.assignedTo, r.intakeBy}
            .join(QLatin1Char(' '));
    default:
        break;
    }
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case CaseNoColumn:
            return r.caseNo;
        case KindColumn:
            return displayName(r.kind);
        case SubjectColumn:
            return r.subjectName;
        case StageColumn:
            return CaseWorkflow::stateName(r.kind, r.state);
        case AssigneeColumn:
            return sort ? QVariant(r.assignedTo) : QVariant(m_names.value(r.assignedTo, r.assignedTo));
        case ReceivedColumn:
            return sort ? QVariant(r.receivedOn) : QVariant(r.receivedOn.toString(Qt::ISODate));
        case DueColumn:
            if (!row.timed || !clock.dueDate.isValid())
                return sort ? QVariant(QDate(9999, 12, 31)) : QVariant(QString());
            return sort ? QVariant(clock.dueDate) : QVariant(clock.dueDate.toString(Qt::ISODate));
        case LeftColumn:
            if (!row.timed)
                return sort ? QVariant(1000000) : QVariant(row.timerError);
            if (sort)
                return clock.state == DeadlineState::Overdue ? -clock.overdueBy : clock.remaining;
            return clockText(row.timer);
        case ClockColumn:
            return row.timed ? clockStateName(clock.state) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() >= DueColumn)
        return row.timed ? clock.reason : row.timerError;
    if (role == Qt::ForegroundRole && row.timed && index.column() >= DueColumn) {
        switch (clock.state) {
        case DeadlineState::Overdue:
        case DeadlineState::CompletedLate:
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        case DeadlineState::DueToday:
        case DeadlineState::AtRisk:
            return QBrush(QColor(0xa8, 0x5d, 0x00));
        case DeadlineState::Paused:
            return QBrush(QColor(0x55, 0x55, 0x99));
        default:
            return QBrush(QColor(0x1e, 0x6b, 0x33));
        }
    }
    if (role == Qt::BackgroundRole && row.timed &&
        (clock.state == DeadlineState::Overdue || clock.state == DeadlineState::DueToday))
        return QBrush(clock.state == DeadlineState::Overdue ? QColor(0xfd, 0xe7, 0xe5) : QColor(0xff, 0xf4, 0xdc));
    return {};
}

QVariant CaseQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CaseNoColumn:
        return QCoreApplication::translate("CaseQueueModel", "Case");
    case KindColumn:
        return QCoreApplication::translate("CaseQueueModel", "Kind");
    case SubjectColumn:
        return QCoreApplication::translate("CaseQueueModel", "Subject");
    case StageColumn:
        return QCoreApplication::translate("CaseQueueModel", "Stage");
    case AssigneeColumn:
        return QCoreApplication::translate("CaseQueueModel", "Reviewer");
    case ReceivedColumn:
        return QCoreApplication::translate("CaseQueueModel", "Received");
    case DueColumn:
        return QCoreApplication::translate("CaseQueueModel", "Due");
    case LeftColumn:
        return QCoreApplication::translate("CaseQueueModel", "Time left");
    case ClockColumn:
        return QCoreApplication::translate("CaseQueueModel", "Clock");
    default:
        return {};
    }
}

QHash<QString, QString> CaseQueueModel::staffNames(const QSqlDatabase& db)
{
    QHash<QString, QString> names;
    QList<StaffMember> members;
    if (StaffDirectory::list(db, &members)) {
        for (const StaffMember& m : members)
            names.insert(m.username, m.displayName.isEmpty() ? m.username : m.displayName);
    }
    return names;
}
