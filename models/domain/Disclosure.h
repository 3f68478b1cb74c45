#pragma once

#include "domain/CreditTypes.h"
#include "domain/PolicyRegistry.h"

#include <QDate>
#include <QString>

enum class DisclosureStatus {
    InDisclosure,    // shown
    UnderObjection,  // shown, marked 异议处理中
    NotYetDisclosed, // the date is before the decision
    Expired,         // its period is over: taken down, never deleted
    Repaired,        // disclosure stopped by a granted repair
    Withdrawn,       // withdrawn after an objection (删除 as a status)
    Undetermined,    // no decision date, or no policy in force: see reason
};

QString toKey(DisclosureStatus status);

struct DisclosureAssessment
{
    DisclosureStatus status = DisclosureStatus::Undetermined;
    bool timeLimited = false; // dishonest items; basic and trustworthy items have no period
    DisclosureKind kind = DisclosureKind::General;
    PolicyPeriod period;
    QDate start;   // the decision date
    QDate lastDay; // last day of disclosure (inclusive), for time-limited items
    QString policyId;
    QString rule;   // stable key of the rule applied, e.g. "disclosure.period.serious", "disclosure.repaired"
    QString reason; // translated, names the rule and its source

    // Shown on reports in this state.
    bool shown() const
    {
        return status == DisclosureStatus::InDisclosure || status == DisclosureStatus::UnderObjection;
    }
};

namespace Disclosure {

// The last day an item decided on decisionDate is disclosed under a profile: decisionDate plus the period in
// calendar months (month-end rule). Counting does not include the decision day itself (as for any statutory
// period), so a 1-year item decided on 2024-03-01 is shown up to and including 2025-03-01.
QDate lastDay(const PolicyProfile& profile, DisclosureKind kind, const QDate& decisionDate);

// The item's status on a date, under the profile that governs it on that date (PolicyRegistry::profileFor).
// Precedence: withdrawn, repaired, not yet decided, expired, under objection, in disclosure.
DisclosureAssessment assess(const CreditItemFacts& facts, const QDate& on, const PolicyRegistry& policies);

} // namespace Disclosure
