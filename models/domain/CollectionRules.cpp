#include "CollectionRules.h"

#include <QCoreApplication>

QString toKey(CollectionOutcome outcome)
{
    switch (outcome) {
    case CollectionOutcome::Accepted:
        return QStringLiteral("accepted");
    case CollectionOutcome::NeedsConsent:
        return QStringLiteral("needs_consent");
    case CollectionOutcome::Refused:
        return QStringLiteral("refused");
    case CollectionOutcome::Excluded:
        return QStringLiteral("excluded");
    case CollectionOutcome::Undetermined:
        return QStringLiteral("undetermined");
    }
    return QString();
}

QString toKey(CollectionRule rule)
{
    switch (rule) {
    case CollectionRule::Ordinary:
        return QStringLiteral("collection.ordinary");
    case CollectionRule::ProhibitedPersonalData:
        return QStringLiteral("collection.prohibited_personal_data");
    case CollectionRule::ConsentRequired:
        return QStringLiteral("collection.consent_required");
    case CollectionRule::ConsentRecorded:
        return QStringLiteral("collection.consent_recorded");
    case CollectionRule::MissingLegalDocument:
        return QStringLiteral("collection.missing_legal_document");
    case CollectionRule::SimplifiedProcedure:
        return QStringLiteral("collection.excluded.simplified_procedure");
    case CollectionRule::MinorViolation:
        return QStringLiteral("collection.excluded.minor_violation");
    case CollectionRule::ActivelyRemedied:
        return QStringLiteral("collection.excluded.actively_remedied");
    case CollectionRule::LegalBasisOverride:
        return QStringLiteral("collection.legal_basis_override");
    case CollectionRule::NoPolicy:
        return QStringLiteral("policy.none");
    }
    return QString();
}

namespace {

CollectionDecision decision(CollectionOutcome outcome, CollectionRule rule, const PolicyProfilePtr& profile,
                            const QString& reason)
{
    CollectionDecision d;
    d.outcome = outcome;
    d.rule = rule;
    d.policyId = profile ? profile->id() : QString();
    d.reason = reason;
    return d;
}

CollectionDecision noPolicy(const QDate& on)
{
    return decision(CollectionOutcome::Undetermined, CollectionRule::NoPolicy, nullptr,
                    QCoreApplication::translate("CollectionRules",
                                                "No credit policy is in force on %1, so collection cannot be decided.")
                        .arg(on.toString(Qt::ISODate)));
}

} // namespace

namespace CollectionRules {

CollectionDecision assessAttribute(const CollectionAttribute& attribute, const QDate& on,
                                   const PolicyRegistry& policies)
{
    const PolicyProfilePtr profile = policies.profileOn(on);
    if (!profile)
        return noPolicy(on);
    const QString citation = profile->citation();
    const QString label = profile->label(PolicyProfile::Catalogue::PersonalData, attribute.attributeKey);
    if (attribute.subjectKind == SubjectKind::NaturalPerson) {
        if (profile->isProhibitedPersonalData(attribute.attributeKey))
            return decision(CollectionOutcome::Refused, CollectionRule::ProhibitedPersonalData, profile,
                            QCoreApplication::translate("CollectionRules",
                                                        "Information on a natural person's %1 must never be "
                                                        "collected under %2.")
                                .arg(label, citation));
        if (profile->needsWrittenConsent(attribute.attributeKey)) {
            if (attribute.writtenConsentRecorded)
                return decision(CollectionOutcome::Accepted, CollectionRule::ConsentRecorded, profile,
                                QCoreApplication::translate("CollectionRules",
                                                            "Information on a natural person's %1 may be collected "
                                                            "because the person's written consent, given after being "
                                                            "told the possible adverse consequences, is recorded, as "
                                                            "%2 requires.")
                                    .arg(label, citation));
            return decision(CollectionOutcome::NeedsConsent, CollectionRule::ConsentRequired, profile,
                            QCoreApplication::translate("CollectionRules",
                                                        "Information on a natural person's %1 may be collected only "
                                                        "with the person's written consent, after telling them the "
                                                        "possible adverse consequences (%2). Record the consent "
                                                        "first.")
                                .arg(label, citation));
        }
    }
    return decision(
        CollectionOutcome::Accepted, CollectionRule::Ordinary, profile,
        QCoreApplication::translate("CollectionRules", "No collection restriction of %1 applies to this information.")
            .arg(citation));
}

CollectionDecision assessItem(const CollectionItem& item, const QDate& on, const PolicyRegistry& policies)
{
    const PolicyProfilePtr profile = policies.profileOn(on);
    if (!profile)
        return noPolicy(on);
    const QString citation = profile->citation();
    const CreditItemFacts& facts = item.facts;
    if (facts.category == ItemCategory::Dishonest && facts.legalDocumentNumber.trimmed().isEmpty())
        return decision(CollectionOutcome::Refused, CollectionRule::MissingLegalDocument, profile,
                        QCoreApplication::translate("CollectionRules",
                                                    "Dishonest information must rest on a legally effective document "
                                                    "under %1; enter the document number.")
                            .arg(citation));

    if (facts.subjectKind == SubjectKind::NaturalPerson && facts.category == ItemCategory::Dishonest) {
        CollectionRule exclusion = CollectionRule::Ordinary;
        QString reason;
        if (item.simplifiedProcedure) {
            exclusion = CollectionRule::SimplifiedProcedure;
            reason = QCoreApplication::translate("CollectionRules",
                                                 "An administrative penalty imposed on a natural person under the "
                                                 "simplified procedure is not collected under %1, unless a law, "
                                                 "regulation or rule provides otherwise.")
                         .arg(citation);
        } else if (item.minorViolation) {
            exclusion = CollectionRule::MinorViolation;
            reason = QCoreApplication::translate("CollectionRules",
                                                 "An administrative penalty for a natural person's minor violation "
                                                 "is not collected under %1, unless a law, regulation or rule "
                                                 "provides otherwise.")
                         .arg(citation);
        } else if (item.activelyRemedied) {
            exclusion = CollectionRule::ActivelyRemedied;
            reason = QCoreApplication::translate("CollectionRules",
                                                 "An administrative penalty where the natural person actively "
                                                 "eliminated or mitigated the harm is not collected under %1, unless "
                                                 "a law, regulation or rule provides otherwise.")
                         .arg(citation);
        }
        if (exclusion != CollectionRule::Ordinary) {
            const QString basis = item.overridingLegalBasis.trimmed();
            if (basis.isEmpty())
                return decision(CollectionOutcome::Excluded, exclusion, profile, reason);
            CollectionDecision d =
                decision(CollectionOutcome::Accepted, CollectionRule::LegalBasisOverride, profile,
                         QCoreApplication::translate("CollectionRules", "%1 Here %2 provides otherwise, so it is "
                                                                        "collected.")
                             .arg(reason, basis));
            d.overriddenRule = exclusion;
            return d;
        }
    }
    return decision(
        CollectionOutcome::Accepted, CollectionRule::Ordinary, profile,
        QCoreApplication::translate("CollectionRules", "No collection restriction of %1 applies to this item.")
            .arg(citation));
}

} // namespace CollectionRules
