#pragma once

#include "domain/CreditTypes.h"
#include "domain/PolicyRegistry.h"

#include <QDate>
#include <QString>

// What record entry may collect (归集), decided before anything is stored.

enum class CollectionOutcome {
    Accepted,
    NeedsConsent, // collectable only with the person's written consent after being told the consequences
    Refused,      // never collected
    Excluded,     // not collected unless a recorded legal basis says otherwise
    Undetermined, // no policy in force
};

enum class CollectionRule {
    Ordinary,               // nothing restricts it
    ProhibitedPersonalData, // religion, genes, fingerprints, blood type, illness, medical history of a person
    ConsentRequired,
    ConsentRecorded,
    MissingLegalDocument, // a dishonest item must rest on a legally effective document
    SimplifiedProcedure,  // a natural person's penalty under the simplified procedure
    MinorViolation,
    ActivelyRemedied,   // the person eliminated or mitigated the harm
    LegalBasisOverride, // an exclusion lifted by a recorded law, regulation or rule
    NoPolicy,
};

QString toKey(CollectionOutcome outcome);
QString toKey(CollectionRule rule);

// A proposed attribute of a subject (e.g. "income" of a natural person), keyed like the policy's personalData.
struct CollectionAttribute
{
    SubjectKind subjectKind = SubjectKind::NaturalPerson;
    QString attributeKey;
    bool writtenConsentRecorded = false;
};

// A proposed credit item with the circumstances of its penalty.
struct CollectionItem
{
    CreditItemFacts facts;
    bool simplifiedProcedure = false; // 简易程序
    bool minorViolation = false;      // 违法行为轻微
    bool activelyRemedied = false;    // 主动消除、减轻违法行为危害后果
    QString overridingLegalBasis;     // the law, regulation or rule that requires collection anyway
};

struct CollectionDecision
{
    CollectionOutcome outcome = CollectionOutcome::Undetermined;
    CollectionRule rule = CollectionRule::NoPolicy;
    CollectionRule overriddenRule = CollectionRule::Ordinary; // with LegalBasisOverride: the exclusion lifted
    QString policyId;
    QString reason; // translated, names the rule and its source

    // May be stored now.
    bool accepted() const { return outcome == CollectionOutcome::Accepted; }
};

namespace CollectionRules {

// Rules for personal attributes apply to natural persons only; an organisation's figures are ordinary data.
CollectionDecision assessAttribute(const CollectionAttribute& attribute, const QDate& on,
                                   const PolicyRegistry& policies);

// A dishonest item without a legal document number is refused. A natural person's dishonest item under the
// simplified procedure, for a minor violation, or actively remedied is excluded, unless an overriding legal
// basis is recorded (then accepted, naming it). Checked in that order; the first exclusion found is reported.
CollectionDecision assessItem(const CollectionItem& item, const QDate& on, const PolicyRegistry& policies);

} // namespace CollectionRules
