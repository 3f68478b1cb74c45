#pragma once

#include <QSortFilterProxyModel>
#include <QString>

// Sorts a CaseQueueModel by its SortRole and filters it by kind ("repair", "objection" or empty for both) and by
// free text matched against the case number, subject, identifier, applicant and staff (case-insensitive).
class CaseQueueFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CaseQueueFilter(QObject* parent = nullptr);

    void setKind(const QString& kindKey);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_kind;
    QString m_text;
};
