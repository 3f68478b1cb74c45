#pragma once

#include "audit/AuditReview.h"

#include <QAbstractTableModel>
#include <QSet>

// Audit entries as a table for the auditor's screen; entries behind a selected flag are marked.
class AuditTrailModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SeqColumn,
        TimeColumn,
        ActorColumn,
        ActionColumn,
        ObjectColumn,
        BasisColumn,
        DetailsColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role { SeqRole = Qt::UserRole + 1, FlaggedRole };

    explicit AuditTrailModel(QObject* parent = nullptr);
    void setRows(const QList<AuditRow>& rows);
    const QList<AuditRow>& rows() const { return m_rows; }
    void setFlagged(const QList<qint64>& seqs);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditRow> m_rows;
    QSet<qint64> m_flagged;
};
