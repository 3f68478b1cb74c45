#pragma once

#include "domain/CreditTypes.h"
#include "domain/PolicyRegistry.h"

#include <QDate>
#include <QString>

enum class RepairEligibilityCode {
    Eligible,
    NotYet,        // the minimum disclosure period is not over: see earliestDate
    Never,         // a non-repairable rule applies: see rule and the keys it matched
    NotApplicable, // not a dishonest item, already repaired, withdrawn, or no longer disclosed
    Undetermined,  // no decision date or no policy
};

enum class RepairRule {
    MinimumPeriodMet,
    MinimumPeriodNotMet,
    NonRepairableField,    // (a) penalty kind in a listed field
    NonRepairableCause,    // (b) penalty kind imposed for a listed behaviour
    DeclaredNonRepairable, // (c) a law, regulation or rule says so
    NotDishonest,
    AlreadyRepaired,
    Withdrawn,
    Expired,
    NoDecisionDate,
    NoPolicy,
};

QString toKey(RepairEligibilityCode code);
QString toKey(RepairRule rule);

struct RepairEligibility
{
    RepairEligibilityCode code = RepairEligibilityCode::Undetermined;
    RepairRule rule = RepairRule::NoPolicy;
    QDate earliestDate; // first day an application is accepted (NotYet, Eligible)
    QDate disclosureLastDay;
    QString penaltyKindKey; // Never: what was matched
    QString fieldKey;
    QString causeKey;
    QString policyId;
    QString reason; // translated, for the applicant

    bool eligible() const { return code == RepairEligibilityCode::Eligible; }
};

namespace RepairRules {

// Whether a credit repair application for the item can be accepted on a date. The earliest date is the decision
// date plus the minimum period for the item's severity, in calendar months (a listed item uses the minimum of the
// severity it was recorded with). Checked in this order: not dishonest, withdrawn, already repaired, disclosure
// over, never repairable, minimum period.
RepairEligibility assess(const CreditItemFacts& facts, const QDate& on, const PolicyRegistry& policies);

} // namespace RepairRules
