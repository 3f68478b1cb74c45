#pragma once

#include "records/SubjectProfile.h"

#include <QAbstractItemModel>

// The subject view's items as a tree: one top-level row per category (basic, trustworthy, dishonest — always
// present, with their counts) and, when there are any, one for the local entries awaiting the platform; the items
// are their children. Columns give each item's status today and, for dishonest items, its repair eligibility; the
// tooltip of those two columns is the rule's full reason, for the clerk to read out.
//
//   SubjectProfile profile;
//   if (SubjectProfiles::open(session, id, basis, QDate::currentDate(), policies, &profile, &error))
//       itemsModel->setProfile(profile);   // banner: profile.showsWarning(), profile.warningText()
class SubjectItemsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        TypeColumn,
        DecisionDateColumn,
        DepartmentColumn,
        DocumentColumn,
        StatusColumn, // status today (in disclosure until …, repaired on …, under objection, expired …)
        RepairColumn, // repair eligibility (dishonest items)
        ColumnCount
    };
    Q_ENUM(Column)

    enum RowKind { GroupRow, ItemRow, SubmissionRow };
    Q_ENUM(RowKind)

    enum ItemRole {
        RowKindRole = Qt::UserRole + 1, // int(RowKind)
        ItemIdRole,                     // qint64, item rows
        SubmissionIdRole,               // qint64, submission rows
        CategoryKeyRole,                // ItemCategory key (group and item rows); "submissions" for that group
        DisclosureStatusKeyRole,        // DisclosureStatus key (item rows)
        ShownRole,                      // bool: shown on a report today (item rows)
        RepairCodeKeyRole,              // RepairEligibilityCode key (item rows)
        SubmissionStatusKeyRole,        // SubmissionStatus key (submission rows)
    };

    explicit SubjectItemsModel(QObject* parent = nullptr);

    void setProfile(const SubjectProfile& profile);
    void clear();
    const SubjectProfile& profile() const { return m_profile; }
    // The assessment behind an item row, or null.
    const ItemAssessment* assessment(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        bool submissions = false;
        ItemCategory category = ItemCategory::Basic;
        QList<int> rows; // indices into m_profile.items or m_profile.submissions
    };
    QVariant groupData(const Group& group, int column, int role) const;
    QVariant itemData(const ItemAssessment& a, int column, int role) const;
    QVariant submissionData(const RecordSubmission& s, int column, int role) const;

    SubjectProfile m_profile;
    QList<Group> m_groups;
};
