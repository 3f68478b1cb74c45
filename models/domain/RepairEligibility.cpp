#include "RepairEligibility.h"

#include "domain/Disclosure.h"

#include <QCoreApplication>

namespace {

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

QString toKey(RepairEligibilityCode code)
{
    switch (code) {
    case RepairEligibilityCode::Eligible:
        return QStringLiteral("eligible");
    case RepairEligibilityCode::NotYet:
        return QStringLiteral("not_yet");
    case RepairEligibilityCode::Never:
        return QStringLiteral("never");
    case RepairEligibilityCode::NotApplicable:
        return QStringLiteral("not_applicable");
    case RepairEligibilityCode::Undetermined:
        return QStringLiteral("undetermined");
    }
    return QString();
}

QString toKey(RepairRule rule)
{
    switch (rule) {
    case RepairRule::MinimumPeriodMet:
        return QStringLiteral("repair.minimum_period_met");
    case RepairRule::MinimumPeriodNotMet:
        return QStringLiteral("repair.minimum_period_not_met");
    case RepairRule::NonRepairableField:
        return QStringLiteral("repair.never.field");
    case RepairRule::NonRepairableCause:
        return QStringLiteral("repair.never.cause");
    case RepairRule::DeclaredNonRepairable:
        return QStringLiteral("repair.never.declared");
    case RepairRule::NotDishonest:
        return QStringLiteral("repair.not_dishonest");
    case RepairRule::AlreadyRepaired:
        return QStringLiteral("repair.already_repaired");
    case RepairRule::Withdrawn:
        return QStringLiteral("repair.withdrawn");
    case RepairRule::Expired:
        return QStringLiteral("repair.expired");
    case RepairRule::NoDecisionDate:
        return QStringLiteral("repair.no_decision_date");
    case RepairRule::NoPolicy:
        return QStringLiteral("policy.none");
    }
    return QString();
}

namespace RepairRules {

RepairEligibility assess(const CreditItemFacts& facts, const QDate& on, const PolicyRegistry& policies)
{
    RepairEligibility r;
    auto result = [&r](RepairEligibilityCode code, RepairRule rule, const QString& reason) {
        r.code = code;
        r.rule = rule;
        r.reason = reason;
        return r;
    };

    if (facts.category != ItemCategory::Dishonest)
        return result(RepairEligibilityCode::NotApplicable, RepairRule::NotDishonest,
                      QCoreApplication::translate("RepairEligibility",
                                                  "Only dishonest information can be repaired; this item is %1.")
                          .arg(displayName(facts.category)));

    const DisclosureAssessment disclosure = Disclosure::assess(facts, on, policies);
    r.policyId = disclosure.policyId;
    r.disclosureLastDay = disclosure.lastDay;
    switch (disclosure.status) {
    case DisclosureStatus::Withdrawn:
        return result(RepairEligibilityCode::NotApplicable, RepairRule::Withdrawn,
                      QCoreApplication::translate("RepairEligibility",
                                                  "The item was withdrawn on %1, so there is nothing to repair.")
                          .arg(isoDate(facts.withdrawnOn)));
    case DisclosureStatus::Repaired:
        return result(RepairEligibilityCode::NotApplicable, RepairRule::AlreadyRepaired,
                      QCoreApplication::translate("RepairEligibility", "The item was already repaired on %1.")
                          .arg(isoDate(facts.repairedOn)));
    case DisclosureStatus::Undetermined:
        return result(RepairEligibilityCode::Undetermined,
                      facts.decisionDate.isValid() ? RepairRule::NoPolicy : RepairRule::NoDecisionDate,
                      disclosure.reason);
    case DisclosureStatus::Expired:
        return result(RepairEligibilityCode::NotApplicable, RepairRule::Expired,
                      QCoreApplication::translate("RepairEligibility",
                                                  "The item's disclosure period ended on %1, so it is no longer shown "
                                                  "and needs no repair.")
                          .arg(isoDate(disclosure.lastDay)));
    case DisclosureStatus::NotYetDisclosed:
    case DisclosureStatus::InDisclosure:
    case DisclosureStatus::UnderObjection:
        break;
    }

    const PolicyProfilePtr profile = policies.profile(disclosure.policyId);
    const QString citation = profile->citation();
    if (facts.declaredNonRepairable) {
        const QString basis = facts.nonRepairableBasis.trimmed();
        return result(RepairEligibilityCode::Never, RepairRule::DeclaredNonRepairable,
                      basis.isEmpty()
                          ? QCoreApplication::translate("RepairEligibility",
                                                        "The item can never be repaired: it is recorded as declared "
                                                        "non-repairable by a law, regulation or rule, which %1 "
                                                        "respects. The basis was not recorded.")
                                .arg(citation)
                          : QCoreApplication::translate("RepairEligibility",
                                                        "The item can never be repaired: %1 declares it "
                                                        "non-repairable, and %2 excludes such items from credit "
                                                        "repair.")
                                .arg(basis, citation));
    }
    if (profile->isNonRepairablePenaltyKind(facts.penaltyKindKey)) {
        const QString penalty = profile->label(PolicyProfile::Catalogue::PenaltyKind, facts.penaltyKindKey);
        if (profile->isNonRepairableField(facts.fieldKey)) {
            r.penaltyKindKey = facts.penaltyKindKey;
            r.fieldKey = facts.fieldKey;
            return result(RepairEligibilityCode::Never, RepairRule::NonRepairableField,
                          QCoreApplication::translate("RepairEligibility",
                                                      "The item can never be repaired: under %1, a penalty of %2 "
                                                      "in the field of %3 is not repairable.")
                              .arg(citation, penalty, profile->label(PolicyProfile::Catalogue::Field, facts.fieldKey)));
        }
        if (profile->isNonRepairableCause(facts.causeKey)) {
            r.penaltyKindKey = facts.penaltyKindKey;
            r.causeKey = facts.causeKey;
            return result(RepairEligibilityCode::Never, RepairRule::NonRepairableCause,
                          QCoreApplication::translate("RepairEligibility",
                                                      "The item can never be repaired: under %1, a penalty of %2 "
                                                      "imposed for %3 is not repairable.")
                              .arg(citation, penalty, profile->label(PolicyProfile::Catalogue::Cause, facts.causeKey)));
        }
    }

    const PolicyPeriod minimum = profile->repairMinimum(facts.severity);
    r.earliestDate = minimum.after(facts.decisionDate);
    if (on < r.earliestDate)
        return result(RepairEligibilityCode::NotYet, RepairRule::MinimumPeriodNotMet,
                      QCoreApplication::translate("RepairEligibility",
                                                  "%1 can be repaired once it has been disclosed for %2 under %3: "
                                                  "an application for this item is accepted from %4.")
                          .arg(displayName(facts.severity), minimum.describe(), citation, isoDate(r.earliestDate)));
    return result(RepairEligibilityCode::Eligible, RepairRule::MinimumPeriodMet,
                  QCoreApplication::translate("RepairEligibility",
                                              "The item has been disclosed for at least %1, the minimum for %2 under "
                                              "%3, so a repair application can be accepted once the subject has "
                                              "corrected the behaviour and removed its adverse effects.")
                      .arg(minimum.describe(), displayName(facts.severity), citation));
}

} // namespace RepairRules
