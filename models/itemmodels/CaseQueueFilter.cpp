#include "CaseQueueFilter.h"

#include "CaseQueueModel.h"

CaseQueueFilter::CaseQueueFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CaseQueueModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void CaseQueueFilter::setKind(const QString& kindKey)
{
    if (m_kind == kindKey)
        return;
    m_kind = kindKey;
    invalidateFilter();
}

void CaseQueueFilter::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool CaseQueueFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && index.data(CaseQueueModel::KindKeyRole).toString() != m_kind)
        return false;
    return m_text.isEmpty() || index.data(CaseQueueModel::FilterRole).toString().contains(m_text, Qt::CaseInsensitive);
}
