#include "SubjectItemsModel.h"

namespace {

// Child indexes carry their group's row + 1 as internal id; top-level indexes carry 0.
constexpr quintptr TopLevel = 0;

QString groupTitle(ItemCategory category, int count)
{
    switch (category) {
    case ItemCategory::Basic:
        return SubjectItemsModel::tr("Basic information (%1)").arg(count);
    case ItemCategory::Trustworthy:
        return SubjectItemsModel::tr("Trustworthy information (%1)").arg(count);
    case ItemCategory::Dishonest:
        return SubjectItemsModel::tr("Dishonest information (%1)").arg(count);
    }
    return QString();
}

} // namespace

SubjectItemsModel::SubjectItemsModel(QObject* parent)
    : QAbstractItemModel(parent)
{}

void SubjectItemsModel::setProfile(const SubjectProfile& profile)
{
    beginResetModel();
    m_profile = profile;
    m_groups.clear();
    for (ItemCategory category : {ItemCategory::Basic, ItemCategory::Trustworthy, ItemCategory::Dishonest}) {
        Group group;
        group.category = category;
        for (int i = 0; i < m_profile.items.size(); ++i) {
            if (m_profile.items.at(i).item.category == category)
                group.rows.append(i);
        }
        m_groups.append(group);
    }
    if (!m_profile.submissions.isEmpty()) {
        Group group;
        group.submissions = true;
        for (int i = 0; i < m_profile.submissions.size(); ++i)
            group.rows.append(i);
        m_groups.append(group);
    }
    endResetModel();
}

void SubjectItemsModel::clear()
{
    beginResetModel();
    m_profile = SubjectProfile();
    m_groups.clear();
    endResetModel();
}

const ItemAssessment* SubjectItemsModel::assessment(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == TopLevel)
        return nullptr;
    const Group& group = m_groups.at(int(index.internalId() - 1));
    if (group.submissions)
        return nullptr;
    return &m_profile.items.at(group.rows.at(index.row()));
}

QModelIndex SubjectItemsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return QModelIndex();
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, TopLevel) : QModelIndex();
    if (parent.internalId() != TopLevel || parent.row() >= m_groups.size())
        return QModelIndex();
    if (row >= m_groups.at(parent.row()).rows.size())
        return QModelIndex();
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex SubjectItemsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return QModelIndex();
    return createIndex(int(child.internalId() - 1), 0, TopLevel);
}

int SubjectItemsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != TopLevel || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row()).rows.size());
}

int SubjectItemsModel::columnCount(const QModelIndex& /*parent*/) const
{
    return ColumnCount;
}

QVariant SubjectItemsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    if (index.internalId() == TopLevel)
        return groupData(m_groups.at(index.row()), index.column(), role);
    const Group& group = m_groups.at(int(index.internalId() - 1));
    const int row = group.rows.at(index.row());
    if (group.submissions)
        return submissionData(m_profile.submissions.at(row), index.column(), role);
    return itemData(m_profile.items.at(row), index.column(), role);
}

QVariant SubjectItemsModel::groupData(const Group& group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column != TitleColumn)
            return QVariant();
        if (group.submissions)
            return tr("Entered here, awaiting the platform (%1)").arg(group.rows.size());
        return groupTitle(group.category, int(group.rows.size()));
    case RowKindRole:
        return int(GroupRow);
    case CategoryKeyRole:
        return group.submissions ? QStringLiteral("submissions") : toKey(group.category);
    default:
        return QVariant();
    }
}

QVariant SubjectItemsModel::itemData(const ItemAssessment& a, int column, int role) const
{
    const CreditItem& item = a.item;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn:
            return item.title;
        case TypeColumn: {
            ItemType type;
            return ItemTypes::find(item.itemType, &type) ? type.displayName() : item.itemType;
        }
        case DecisionDateColumn:
            return item.decisionDate.toString(Qt::ISODate);
        case DepartmentColumn:
            return item.sourceDepartment;
        case DocumentColumn:
            return item.legalDocumentNumber;
        case StatusColumn:
            return a.statusText();
        case RepairColumn:
            return item.category == ItemCategory::Dishonest ? a.repairText() : QString();
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (column == StatusColumn)
            return a.disclosure.reason;
        if (column == RepairColumn && item.category == ItemCategory::Dishonest)
            return a.repair.reason;
        if (column == TitleColumn && !item.content.isEmpty())
            return item.content;
        return QVariant();
    case RowKindRole:
        return int(ItemRow);
    case ItemIdRole:
        return item.id;
    case CategoryKeyRole:
        return toKey(item.category);
    case DisclosureStatusKeyRole:
        return toKey(a.disclosure.status);
    case ShownRole:
        return a.disclosure.shown();
    case RepairCodeKeyRole:
        return toKey(a.repair.code);
    default:
        return QVariant();
    }
}

QVariant SubjectItemsModel::submissionData(const RecordSubmission& s, int column, int role) const
{
    const bool isItem = s.kind == SubmissionKind::Item;
    const QJsonObject body = s.payload.value(isItem ? QStringLiteral("item") : QStringLiteral("subject")).toObject();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn:
            return isItem ? body.value(QStringLiteral("title")).toString()
                          : tr("New subject: %1").arg(body.value(QStringLiteral("name")).toString());
        case TypeColumn: {
            if (!isItem)
                return tr("Subject");
            ItemType type;
            const QString key = body.value(QStringLiteral("item_type")).toString();
            return ItemTypes::find(key, &type) ? type.displayName() : key;
        }
        case DecisionDateColumn:
            return body.value(QStringLiteral("decision_date")).toString();
        case DepartmentColumn:
            return body.value(QStringLiteral("source_department")).toString();
        case DocumentColumn:
            return body.value(QStringLiteral("legal_document_number")).toString();
        case StatusColumn:
            return displayName(s.status);
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (column == StatusColumn) {
            if (s.status == SubmissionStatus::Rejected && !s.statusReason.isEmpty())
                return s.statusReason;
            return tr("Entered by %1 on %2.").arg(s.createdBy, s.createdAt.toLocalTime().toString(Qt::ISODate));
        }
        return QVariant();
    case RowKindRole:
        return int(SubmissionRow);
    case SubmissionIdRole:
        return s.id;
    case CategoryKeyRole:
        return isItem ? body.value(QStringLiteral("category")).toString() : QString();
    case SubmissionStatusKeyRole:
        return toKey(s.status);
    default:
        return QVariant();
    }
}

QVariant SubjectItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Item");
    case TypeColumn:
        return tr("Type");
    case DecisionDateColumn:
        return tr("Decided on");
    case DepartmentColumn:
        return tr("Source department");
    case DocumentColumn:
        return tr("Document number");
    case StatusColumn:
        return tr("Status today");
    case RepairColumn:
        return tr("Credit repair");
    default:
        return QVariant();
    }
}
