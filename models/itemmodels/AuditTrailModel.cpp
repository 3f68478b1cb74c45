#include "AuditTrailModel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QJsonDocument>

AuditTrailModel::AuditTrailModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void AuditTrailModel::setRows(const QList<AuditRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void AuditTrailModel::setFlagged(const QList<qint64>& seqs)
{
    m_flagged = QSet<qint64>(seqs.cbegin(), seqs.cend());
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

int AuditTrailModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTrailModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTrailModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AuditRow& r = m_rows.at(index.row());
    if (role == SeqRole)
        return r.seq;
    if (role == FlaggedRole)
        return m_flagged.contains(r.seq);
    if (role == Qt::BackgroundRole && m_flagged.contains(r.seq))
        return QBrush(QColor(0xff, 0xf0, 0xc8));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SeqColumn:
        return r.seq;
    case TimeColumn:
        return r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ActorColumn:
        return r.actor;
    case ActionColumn:
        return r.action;
    case ObjectColumn:
        return r.objectType.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(r.objectType, r.objectId);
    case BasisColumn:
        return r.basis;
    case DetailsColumn:
        return QString::fromUtf8(QJsonDocument(r.details).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return QCoreApplication::translate("AuditTrailModel", "No.");
    case TimeColumn:
        return QCoreApplication::translate("AuditTrailModel", "Time");
    case ActorColumn:
        return QCoreApplication::translate("AuditTrailModel", "Who");
    case ActionColumn:
        return QCoreApplication::translate("AuditTrailModel", "Action");
    case ObjectColumn:
        return QCoreApplication::translate("AuditTrailModel", "Object");
    case BasisColumn:
        return QCoreApplication::translate("AuditTrailModel", "Basis");
    case DetailsColumn:
        return QCoreApplication::translate("AuditTrailModel", "Details");
    default:
        return {};
    }
}
