#include "SubjectSearchModel.h"

#include <QColor>

#include "domain/CreditTypes.h"

SubjectSearchModel::SubjectSearchModel(const QSqlDatabase& db, IdentifierDisplay display, QObject* parent)
    : QAbstractTableModel(parent)
    , m_search(db)
    , m_display(display)
{}

QString displayName(SubjectMatch match)
{
    switch (match) {
    case SubjectMatch::Identifier:
        return SubjectSearchModel::tr("Identifier");
    case SubjectMatch::ExactName:
        return SubjectSearchModel::tr("Exact name");
    case SubjectMatch::NamePrefix:
        return SubjectSearchModel::tr("Name starts with");
    case SubjectMatch::Fragment:
        return SubjectSearchModel::tr("Name contains");
    }
    return QString();
}

void SubjectSearchModel::search(const QString& text)
{
    // Views (and QAbstractItemModelTester) may ask for more from a slot of modelReset or rowsInserted; rows
    // inserted then would nest inside the change being signalled, so fetchMore() waits until it is over.
    m_changing = true;
    beginResetModel();
    m_hits.clear();
    m_error.clear();
    m_search.start(text, m_today.isValid() ? m_today : QDate::currentDate());
    QList<SubjectHit> page;
    if (!m_search.fetch(PageSize, &page, &m_error))
        page.clear();
    m_hits = std::move(page);
    endResetModel();
    m_changing = false;
    if (!m_error.isEmpty())
        emit searchFailed(m_error);
    emit searched(int(m_hits.size()), !m_search.atEnd());
}

void SubjectSearchModel::clear()
{
    m_changing = true;
    beginResetModel();
    m_hits.clear();
    m_search.clear();
    m_error.clear();
    endResetModel();
    m_changing = false;
}

qint64 SubjectSearchModel::subjectId(int row) const
{
    const SubjectHit* h = hit(row);
    return h ? h->id : 0;
}

const SubjectHit* SubjectSearchModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int SubjectSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SubjectSearchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubjectSearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const SubjectHit& h = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return h.name;
        case IdentifierColumn:
            // Masked in the list (copying a row copies what is shown), unless it is the number typed in full; the
            // subject page shows it whole, to the roles that need it, once opened with a basis.
            return SubjectSearches::listedIdentifier(h, m_display);
        case KindColumn:
            return displayName(h.kind);
        case DistrictColumn:
            return XiamenDistricts::displayName(h.district);
        case MatchColumn:
            return displayName(h.match);
        case StatusColumn:
            return h.objectionPending ? tr("under objection") : QString();
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && h.origin == RecordOrigin::Local)
            return tr("Entered at this workstation; not yet confirmed by the platform.");
        return QVariant();
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && h.objectionPending)
            return QColor(0xa8, 0x5d, 0x00);
        return QVariant();
    case ObjectionPendingRole:
        return h.objectionPending;
    case SubjectIdRole:
        return h.id;
    case KindKeyRole:
        return toKey(h.kind);
    case MatchRole:
        return int(h.match);
    case OriginKeyRole:
        return toKey(h.origin);
    default:
        return QVariant();
    }
}

QVariant SubjectSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdentifierColumn:
        return tr("Identifier");
    case KindColumn:
        return tr("Kind");
    case DistrictColumn:
        return tr("District");
    case MatchColumn:
        return tr("Match");
    case StatusColumn:
        return tr("Status");
    default:
        return QVariant();
    }
}

bool SubjectSearchModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_changing && !m_search.atEnd();
}

void SubjectSearchModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_changing || m_search.atEnd())
        return;
    QList<SubjectHit> page;
    QString error;
    const bool ok = m_search.fetch(PageSize, &page, &error);
    if (!page.isEmpty()) {
        const int first = int(m_hits.size());
        m_changing = true;
        beginInsertRows(QModelIndex(), first, first + int(page.size()) - 1);
        m_hits.append(page);
        endInsertRows();
        m_changing = false;
    }
    if (!ok) {
        m_error = error;
        emit searchFailed(error);
    }
}
