#pragma once

#include "RecordEntryModel.h"
#include "domain/CollectionRules.h"
#include "domain/PolicyRegistry.h"
#include "records/RecordTypes.h"
#include "storage/Session.h"

// The entry form for a credit item handed over on paper (see RecordEntryModel for the contract). Each change is
// checked with the domain's collection rules for the subject the item concerns:
//   - personal data a natural person's item would record: prohibited data is refused at PersonalDataColumn with
//     the rule's reason; consent-bound data needs ConsentRecordedColumn ticked and the signed form's reference in
//     ConsentReferenceColumn (both stored with the submission);
//   - a natural person's penalty under the simplified procedure, for a minor violation or actively remedied is
//     excluded (error at that flag) unless OverridingLegalBasisColumn names the law, regulation or rule that
//     requires collection;
//   - a dishonest item needs its legal document number (error at LegalDocumentNumberColumn);
//   - keys of field, penalty kind and cause must be the policy's; the list kind follows the item type; the
//     decision date may not be in the future.
// save() stores a record submission awaiting the platform (never a platform item), audited "record.submit".
class CreditItemEntryModel : public RecordEntryModel
{
    Q_OBJECT
public:
    enum Column {
        CategoryColumn,
        ItemTypeColumn,
        SeverityColumn,
        ListKindColumn,
        FieldColumn,
        PenaltyKindColumn,
        CauseColumn,
        SourceDepartmentColumn,
        LegalDocumentNumberColumn,
        DecisionDateColumn,
        DisclosureModeColumn,
        TitleColumn,
        ContentColumn,
        PersonalDataColumn,
        ConsentRecordedColumn,
        ConsentReferenceColumn,
        SimplifiedProcedureColumn,
        MinorViolationColumn,
        ActivelyRemediedColumn,
        OverridingLegalBasisColumn,
        BasisColumn, // the paper it came from (transfer letter, decision document …): the audit's basis
        ColumnCount
    };
    Q_ENUM(Column)

    CreditItemEntryModel(const Session& session, const PolicyRegistry& policies, QObject* parent = nullptr);

    // The subject the item is for (its kind decides which collection rules apply). Required before save().
    void setSubject(const Subject& subject);
    const Subject& subject() const { return m_subject; }
    bool hasSubject() const { return m_subject.id > 0; }

    QList<Option> options(int column) const override;
    bool save(QString* error = nullptr) override;

    // The collection decisions behind the current errors (for a summary line in the form).
    CollectionDecision itemDecision() const { return m_itemDecision; }
    CollectionDecision personalDataDecision() const { return m_attributeDecision; }
    // The draft as the repository will store it.
    CreditItem draft() const;

protected:
    QMap<int, QString> validate() const override;
    void valueChanged(int column) override;

private:
    PolicyProfilePtr profile() const;
    QList<Option> catalogueOptions(PolicyProfile::Catalogue catalogue) const;

    Session m_session;
    PolicyRegistry m_policies;
    Subject m_subject;
    mutable CollectionDecision m_itemDecision;
    mutable CollectionDecision m_attributeDecision;
};
