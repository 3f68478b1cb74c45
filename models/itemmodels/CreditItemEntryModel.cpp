#include "CreditItemEntryModel.h"

#include "domain/TextRules.h"

#include <tuple>

#include "records/CreditItemRepository.h"

CreditItemEntryModel::CreditItemEntryModel(const Session& session, const PolicyRegistry& policies, QObject* parent)
    : RecordEntryModel(parent)
    , m_session(session)
    , m_policies(policies)
{
    // Order and keys follow Column.
    setFields({
        {QStringLiteral("category"), tr("Category"), FieldType::Choice, true, toKey(ItemCategory::Basic)},
        {QStringLiteral("item_type"), tr("Item type"), FieldType::Choice, true, QString()},
        {QStringLiteral("severity"), tr("Severity"), FieldType::Choice, true, toKey(Severity::General)},
        {QStringLiteral("list_kind"), tr("List"), FieldType::Choice, true, toKey(ListKind::None)},
        {QStringLiteral("field_key"), tr("Industry or field"), FieldType::Choice, false, QString()},
        {QStringLiteral("penalty_kind_key"), tr("Penalty kind"), FieldType::Choice, false, QString()},
        {QStringLiteral("cause_key"), tr("Cause"), FieldType::Choice, false, QString()},
        {QStringLiteral("source_department"), tr("Source department"), FieldType::Text, true, QString()},
        {QStringLiteral("legal_document_number"), tr("Legal document number"), FieldType::Text, false, QString()},
        {QStringLiteral("decision_date"), tr("Decision date"), FieldType::Date, true, QDate()},
        {QStringLiteral("disclosure_mode"), tr("Disclosure mode"), FieldType::Choice, true,
         toKey(DisclosureMode::Social)},
        {QStringLiteral("title"), tr("Title"), FieldType::Text, true, QString()},
        {QStringLiteral("content"), tr("Content"), FieldType::Text, false, QString()},
        {QStringLiteral("personal_data_key"), tr("Personal data recorded"), FieldType::Choice, false, QString()},
        {QStringLiteral("consent_recorded"), tr("Written consent recorded"), FieldType::Flag, false, false},
        {QStringLiteral("consent_reference"), tr("Consent form reference"), FieldType::Text, false, QString()},
        {QStringLiteral("simplified_procedure"), tr("Simplified procedure"), FieldType::Flag, false, false},
        {QStringLiteral("minor_violation"), tr("Minor violation"), FieldType::Flag, false, false},
        {QStringLiteral("actively_remedied"), tr("Harm actively eliminated or mitigated"), FieldType::Flag, false,
         false},
        {QStringLiteral("overriding_legal_basis"), tr("Legal basis requiring collection"), FieldType::Text, false,
         QString()},
        {QStringLiteral("basis"), tr("Handed over with"), FieldType::Text, true, QString()},
    });
    revalidate();
}

void CreditItemEntryModel::setSubject(const Subject& subject)
{
    m_subject = subject;
    revalidate();
}

PolicyProfilePtr CreditItemEntryModel::profile() const
{
    return m_policies.profileOn(today());
}

QList<RecordEntryModel::Option> CreditItemEntryModel::catalogueOptions(PolicyProfile::Catalogue catalogue) const
{
    QList<Option> list{{QString(), tr("(none)")}};
    if (const PolicyProfilePtr p = profile()) {
        const QVector<PolicyTerm> terms = p->catalogue(catalogue);
        for (const PolicyTerm& term : terms)
            list.append({term.key, term.label()});
    }
    return list;
}

QList<RecordEntryModel::Option> CreditItemEntryModel::options(int column) const
{
    QList<Option> list;
    switch (column) {
    case CategoryColumn:
        for (ItemCategory c : {ItemCategory::Basic, ItemCategory::Trustworthy, ItemCategory::Dishonest})
            list.append({toKey(c), displayName(c)});
        return list;
    case ItemTypeColumn: {
        ItemCategory category = ItemCategory::Basic;
        fromKey(text(CategoryColumn), &category);
        const QList<ItemType> types = ItemTypes::ofCategory(category);
        for (const ItemType& type : types)
            list.append({type.key, type.displayName()});
        return list;
    }
    case SeverityColumn:
        for (Severity s : {Severity::General, Severity::Serious})
            list.append({toKey(s), displayName(s)});
        return list;
    case ListKindColumn:
        for (ListKind k : {ListKind::None, ListKind::JointPunishment, ListKind::KeyAttention, ListKind::CreditWarning})
            list.append({toKey(k), displayName(k)});
        return list;
    case FieldColumn:
        return catalogueOptions(PolicyProfile::Catalogue::Field);
    case PenaltyKindColumn:
        return catalogueOptions(PolicyProfile::Catalogue::PenaltyKind);
    case CauseColumn:
        return catalogueOptions(PolicyProfile::Catalogue::Cause);
    case PersonalDataColumn:
        return catalogueOptions(PolicyProfile::Catalogue::PersonalData);
    case DisclosureModeColumn:
        for (DisclosureMode m : {DisclosureMode::Social, DisclosureMode::Authorised, DisclosureMode::Government})
            list.append({toKey(m), displayName(m)});
        return list;
    default:
        return list;
    }
}

void CreditItemEntryModel::valueChanged(int column)
{
    // The consent fields answer the personal data chosen: their errors show as soon as it is.
    if (column == PersonalDataColumn) {
        touch(ConsentRecordedColumn);
        touch(ConsentReferenceColumn);
    }
    if (column == ConsentRecordedColumn)
        touch(ConsentReferenceColumn);
    if (column == CategoryColumn) {
        // A type of another category is cleared rather than left to be refused.
        ItemType type;
        ItemCategory category = ItemCategory::Basic;
        if (ItemTypes::find(text(ItemTypeColumn), &type) && fromKey(text(CategoryColumn), &category) &&
            type.category != category)
            storeValue(ItemTypeColumn, QString());
    }
    if (column == ItemTypeColumn || column == CategoryColumn) {
        // The list follows from a listing type; other types record no list.
        ItemType type;
        if (ItemTypes::find(text(ItemTypeColumn), &type))
            storeValue(ListKindColumn, toKey(type.impliedList));
    }
}

CreditItem CreditItemEntryModel::draft() const
{
    CreditItem item;
    item.subjectId = m_subject.id;
    fromKey(text(CategoryColumn), &item.category);
    item.itemType = text(ItemTypeColumn);
    fromKey(text(SeverityColumn), &item.severity);
    fromKey(text(ListKindColumn), &item.listKind);
    item.fieldKey = text(FieldColumn);
    item.penaltyKindKey = text(PenaltyKindColumn);
    item.causeKey = text(CauseColumn);
    item.sourceDepartment = text(SourceDepartmentColumn);
    item.legalDocumentNumber = text(LegalDocumentNumberColumn);
    item.decisionDate = date(DecisionDateColumn);
    fromKey(text(DisclosureModeColumn), &item.disclosureMode);
    item.title = text(TitleColumn);
    item.content = raw(ContentColumn).toString().trimmed();
    item.origin = RecordOrigin::Local;
    return item;
}

QMap<int, QString> CreditItemEntryModel::validate() const
{
    QMap<int, QString> errors;
    auto put = [&errors](int column, const QString& message) {
        if (!errors.contains(column))
            errors.insert(column, message);
    };
    auto knownChoice = [this, &put](int column) {
        const QString key = text(column);
        if (key.isEmpty())
            return true;
        const QList<Option> choices = options(column);
        for (const Option& option : choices) {
            if (option.key == key)
                return true;
        }
        put(column, tr("\"%1\" is not one of the choices for %2.").arg(key, fieldLabel(column)));
        return false;
    };

    for (int c : {int(CategoryColumn), int(SeverityColumn), int(ListKindColumn), int(FieldColumn),
                  int(PenaltyKindColumn), int(CauseColumn), int(PersonalDataColumn), int(DisclosureModeColumn)})
        knownChoice(c);

    const CreditItem item = draft();
    ItemType type;
    const bool typeKnown = ItemTypes::find(item.itemType, &type);
    if (!item.itemType.isEmpty() && (!typeKnown || type.category != item.category))
        put(ItemTypeColumn, tr("Choose an item type of the category \"%1\".").arg(displayName(item.category)));
    if (typeKnown && item.listKind != type.impliedList)
        put(ListKindColumn, type.impliedList == ListKind::None
                                ? tr("Only a listing records a list; this item type records none.")
                                : tr("This item type records the list \"%1\".").arg(displayName(type.impliedList)));
    if (typeKnown && type.isPenalty && item.penaltyKindKey.isEmpty())
        put(PenaltyKindColumn, tr("An administrative penalty needs its penalty kind."));
    if (item.decisionDate.isValid() && item.decisionDate > today())
        put(DecisionDateColumn, tr("The decision date cannot be in the future."));

    const SubjectKind subjectKind = hasSubject() ? m_subject.kind : SubjectKind::NaturalPerson;

    // Collection of the item itself.
    CollectionItem proposal;
    proposal.facts = item.facts(subjectKind);
    proposal.simplifiedProcedure = flag(SimplifiedProcedureColumn);
    proposal.minorViolation = flag(MinorViolationColumn);
    proposal.activelyRemedied = flag(ActivelyRemediedColumn);
    proposal.overridingLegalBasis = text(OverridingLegalBasisColumn);
    m_itemDecision = CollectionRules::assessItem(proposal, today(), m_policies);
    if (!m_itemDecision.accepted()) {
        switch (m_itemDecision.rule) {
        case CollectionRule::MissingLegalDocument:
            put(LegalDocumentNumberColumn, m_itemDecision.reason);
            break;
        case CollectionRule::SimplifiedProcedure:
            put(SimplifiedProcedureColumn, m_itemDecision.reason);
            break;
        case CollectionRule::MinorViolation:
            put(MinorViolationColumn, m_itemDecision.reason);
            break;
        case CollectionRule::ActivelyRemedied:
            put(ActivelyRemediedColumn, m_itemDecision.reason);
            break;
        default:
            put(DecisionDateColumn, m_itemDecision.reason);
            break;
        }
    }

    // Personal data the item would record.
    m_attributeDecision = CollectionDecision();
    const QString personalData = text(PersonalDataColumn);
    if (!personalData.isEmpty()) {
        CollectionAttribute attribute;
        attribute.subjectKind = subjectKind;
        attribute.attributeKey = personalData;
        attribute.writtenConsentRecorded = flag(ConsentRecordedColumn) && !text(ConsentReferenceColumn).isEmpty();
        m_attributeDecision = CollectionRules::assessAttribute(attribute, today(), m_policies);
        if (m_attributeDecision.outcome == CollectionOutcome::Refused ||
            m_attributeDecision.outcome == CollectionOutcome::Undetermined)
            put(PersonalDataColumn, m_attributeDecision.reason);
        else if (m_attributeDecision.outcome == CollectionOutcome::NeedsConsent) {
            if (!flag(ConsentRecordedColumn))
                put(ConsentRecordedColumn, m_attributeDecision.reason);
            else
                put(ConsentReferenceColumn, tr("Record the reference of the signed consent form."));
        }
    }
    if (flag(ConsentRecordedColumn) && text(ConsentReferenceColumn).isEmpty())
        put(ConsentReferenceColumn, tr("Record the reference of the signed consent form."));
    // Typed text: no control characters (but line breaks in the content), unreadable characters, direction overrides
    // or oversized values.
    for (const auto& [column, limit, kind] : {std::tuple{int(SourceDepartmentColumn), 200, TextRules::Kind::Line},
                                              std::tuple{int(LegalDocumentNumberColumn), 200, TextRules::Kind::Line},
                                              std::tuple{int(TitleColumn), 200, TextRules::Kind::Line},
                                              std::tuple{int(ContentColumn), 4000, TextRules::Kind::Paragraph},
                                              std::tuple{int(ConsentReferenceColumn), 200, TextRules::Kind::Line},
                                              std::tuple{int(OverridingLegalBasisColumn), 400, TextRules::Kind::Line},
                                              std::tuple{int(BasisColumn), 400, TextRules::Kind::Line}}) {
        const QString problem = TextRules::problem(raw(column).toString(), fieldLabel(column), limit, kind);
        if (!problem.isEmpty())
            errors.insert(column, problem);
    }
    return errors;
}

bool CreditItemEntryModel::save(QString* error)
{
    showAllErrors();
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!hasSubject())
        return refuse(tr("Choose the subject the item is for before saving it."));
    if (!isValid())
        return refuse(firstError());

    // The repository decides the collection rules again and records the decision with the submission.
    ItemEntryDetails details;
    details.simplifiedProcedure = flag(SimplifiedProcedureColumn);
    details.minorViolation = flag(MinorViolationColumn);
    details.activelyRemedied = flag(ActivelyRemediedColumn);
    details.overridingLegalBasis = text(OverridingLegalBasisColumn);
    details.personalDataKey = text(PersonalDataColumn);
    details.writtenConsentRecorded = flag(ConsentRecordedColumn);
    details.consentReference = text(ConsentReferenceColumn);

    qint64 submissionId = 0;
    QString why;
    if (!CreditItemRepository(m_session.database())
             .submitLocal(m_session, m_subject.id, draft(), text(BasisColumn), details, m_policies, &submissionId,
                          &why))
        return refuse(why);
    setLastSubmissionId(submissionId);
    emit saved(submissionId);
    return true;
}
