#include "CaseQueueModel.h"

#include "storage/Staff.h"
#include "sync/PlatformStaff.h"

#include "cases/CaseClocks.h"
#include "cases/CaseWorkflow.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

CaseQueueModel::CaseQueueModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

bool CaseQueueModel::reload()
{
    beginResetModel();
    m_ids.clear();
    m_pages.clear();
    m_pageOrder.clear();
    m_error.clear();
    bool ok = m_repository != nullptr;
    if (!ok)
        m_error = QStringLiteral("CaseQueueModel: no repository");
    int refreshed = 0;
    if (ok)
        ok = CaseClocks::refreshStale(m_repository->session(), m_repository->policies(), m_repository->calendar(),
                                      &refreshed, &m_error);
    if (ok)
        ok = CaseQueueQuery::ids(m_repository->session().database(), m_spec, m_asOf, m_repository->calendar(), &m_ids,
                                 &m_error);
    if (!ok)
        m_ids.clear();
    endResetModel();
    return ok;
}

void CaseQueueModel::sort(int column, Qt::SortOrder order)
{
    using Sort = CaseQueueQuery::Sort;
    static const Sort byColumn[ColumnCount] = {Sort::CaseNo,   Sort::Kind, Sort::Subject, Sort::Stage, Sort::Assignee,
                                               Sort::Received, Sort::Due,  Sort::Due,     Sort::Clock};
    if (column < 0 || column >= ColumnCount)
        return;
    m_spec.sort = byColumn[column];
    m_spec.order = order;
    if (m_repository)
        reload();
}

const QList<CaseRepository::QueueRow>* CaseQueueModel::page(int number) const
{
    const auto it = m_pages.constFind(number);
    if (it != m_pages.constEnd())
        return &it.value();
    if (!m_repository)
        return nullptr;
    const QVector<qint64> ids = m_ids.mid(qsizetype(number) * PageSize, PageSize);
    QList<CaseRepository::QueueRow> rows;
    if (!m_repository->rows(ids, m_asOf, &rows, &m_error))
        return nullptr;
    if (rows.size() != ids.size()) {
        // A case listed a moment ago cannot vanish (cases are never deleted): keep the rows aligned anyway.
        QHash<qint64, int> at;
        for (int i = 0; i < rows.size(); ++i)
            at.insert(rows.at(i).record.id, i);
        QList<CaseRepository::QueueRow> aligned;
        for (qint64 id : ids) {
            CaseRepository::QueueRow row = at.contains(id) ? rows.at(at.value(id)) : CaseRepository::QueueRow{};
            aligned.append(row);
        }
        rows = aligned;
    }
    if (m_pageOrder.size() >= MaxPages)
        m_pages.remove(m_pageOrder.takeFirst());
    m_pageOrder.append(number);
    return &m_pages.insert(number, rows).value();
}

const CaseRepository::QueueRow* CaseQueueModel::row(int index) const
{
    if (index < 0 || index >= m_ids.size())
        return nullptr;
    const QList<CaseRepository::QueueRow>* rows = page(index / PageSize);
    if (!rows || index % PageSize >= rows->size())
        return nullptr;
    return &rows->at(index % PageSize);
}

int CaseQueueModel::indexOfCase(const QString& caseNo) const
{
    if (!m_repository)
        return -1;
    CaseRecord record;
    if (!m_repository->find(caseNo, &record))
        return -1;
    return int(m_ids.indexOf(record.id));
}

int CaseQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
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
    if (!index.isValid())
        return {};
    const CaseRepository::QueueRow* found = row(index.row());
    if (!found)
        return {};
    const CaseRepository::QueueRow& row = *found;
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
    default:
        break;
    }
    if (role == Qt::DisplayRole) {
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
            return m_names.value(r.assignedTo, r.assignedTo);
        case ReceivedColumn:
            return r.receivedOn.toString(Qt::ISODate);
        case DueColumn:
            return row.timed && clock.dueDate.isValid() ? clock.dueDate.toString(Qt::ISODate) : QString();
        case LeftColumn:
            return row.timed ? clockText(row.timer) : row.timerError;
        case ClockColumn:
            return row.timed ? clockStateName(clock.state) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == AssigneeColumn)
        return r.assignedTo;
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
    // Actors of other windows and of the platform by the city's directory (the staff stream); this window's own staff
    // by its staff list.
    QHash<QString, QString> names = PlatformStaff::names(db);
    QList<StaffMember> members;
    if (StaffDirectory::list(db, &members)) {
        for (const StaffMember& m : members)
            names.insert(m.username, m.displayName.isEmpty() ? m.username : m.displayName);
    }
    return names;
}
