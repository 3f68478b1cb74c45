#include "Disclosure.h"

#include <QCoreApplication>

namespace {

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

QString toKey(DisclosureStatus status)
{
    switch (status) {
    case DisclosureStatus::InDisclosure:
        return QStringLiteral("in_disclosure");
    case DisclosureStatus::UnderObjection:
        return QStringLiteral("under_objection");
    case DisclosureStatus::NotYetDisclosed:
        return QStringLiteral("not_yet_disclosed");
    case DisclosureStatus::Expired:
        return QStringLiteral("expired");
    case DisclosureStatus::Repaired:
        return QStringLiteral("repaired");
    case DisclosureStatus::Withdrawn:
        return QStringLiteral("withdrawn");
    case DisclosureStatus::Undetermined:
        return QStringLiteral("undetermined");
    }
    return QString();
}

namespace Disclosure {

QDate lastDay(const PolicyProfile& profile, DisclosureKind kind, const QDate& decisionDate)
{
    return profile.disclosurePeriod(kind).after(decisionDate);
}

DisclosureAssessment assess(const CreditItemFacts& facts, const QDate& on, const PolicyRegistry& policies)
{
    DisclosureAssessment a;
    a.start = facts.decisionDate;
    a.timeLimited = disclosureKindOf(facts, &a.kind);

    // A withdrawal or a repair ends disclosure whatever the policy says, so they come first.
    if (facts.withdrawnOn.isValid() && facts.withdrawnOn <= on) {
        a.status = DisclosureStatus::Withdrawn;
        a.rule = QStringLiteral("disclosure.withdrawn");
        a.reason = QCoreApplication::translate("Disclosure",
                                               "The item was withdrawn on %1 after an objection, so it is no longer "
                                               "disclosed; it is kept with its history.")
                       .arg(isoDate(facts.withdrawnOn));
        return a;
    }
    if (facts.repairedOn.isValid() && facts.repairedOn <= on) {
        a.status = DisclosureStatus::Repaired;
        a.rule = QStringLiteral("disclosure.repaired");
        a.reason = QCoreApplication::translate("Disclosure",
                                               "The item was repaired on %1: its disclosure stopped and it is no "
                                               "longer shared; it is kept, marked as repaired.")
                       .arg(isoDate(facts.repairedOn));
        return a;
    }
    if (!facts.decisionDate.isValid()) {
        a.rule = QStringLiteral("disclosure.no_decision_date");
        a.reason = QCoreApplication::translate(
            "Disclosure", "The item has no decision date, so its disclosure period cannot be worked out.");
        return a;
    }
    const PolicyProfilePtr profile = policies.profileFor(facts.decisionDate, on);
    if (!profile) {
        a.rule = QStringLiteral("policy.none");
        a.reason = QCoreApplication::translate("Disclosure",
                                               "No credit policy in force on %1 covers this item, so its disclosure "
                                               "period cannot be worked out.")
                       .arg(isoDate(on));
        return a;
    }
    a.policyId = profile->id();
    if (on < facts.decisionDate) {
        a.status = DisclosureStatus::NotYetDisclosed;
        a.rule = QStringLiteral("disclosure.not_yet_decided");
        a.reason = QCoreApplication::translate("Disclosure",
                                               "The item was decided on %1, after %2, so it was not disclosed yet on "
                                               "that date.")
                       .arg(isoDate(facts.decisionDate), isoDate(on));
        return a;
    }
    if (!a.timeLimited) {
        a.status = facts.objectionPending ? DisclosureStatus::UnderObjection : DisclosureStatus::InDisclosure;
        a.rule = QStringLiteral("disclosure.not_time_limited");
        a.reason = facts.objectionPending
                       ? QCoreApplication::translate("Disclosure",
                                                     "%1 has no disclosure period under %2; an objection to the item "
                                                     "is being handled, so reports mark it as under objection.")
                             .arg(displayName(facts.category), profile->citation())
                       : QCoreApplication::translate("Disclosure",
                                                     "%1 has no disclosure period under %2; it is disclosed until it "
                                                     "is corrected or withdrawn.")
                             .arg(displayName(facts.category), profile->citation());
        return a;
    }

    a.period = profile->disclosurePeriod(a.kind);
    a.lastDay = a.period.after(facts.decisionDate);
    if (on > a.lastDay) {
        a.status = DisclosureStatus::Expired;
        a.rule = QStringLiteral("disclosure.expired");
        a.reason = QCoreApplication::translate("Disclosure",
                                               "%1 is disclosed for %2 from its decision date under %3; this item's "
                                               "period ended on %4, so it is no longer shown.")
                       .arg(displayName(a.kind), a.period.describe(), profile->citation(), isoDate(a.lastDay));
        return a;
    }
    if (facts.objectionPending) {
        a.status = DisclosureStatus::UnderObjection;
        a.rule = QStringLiteral("disclosure.under_objection");
        a.reason = QCoreApplication::translate("Disclosure",
                                               "%1 is disclosed for %2 from its decision date under %3, so this item "
                                               "until %4; an objection to it is being handled, so reports mark it as "
                                               "under objection.")
                       .arg(displayName(a.kind), a.period.describe(), profile->citation(), isoDate(a.lastDay));
        return a;
    }
    a.status = DisclosureStatus::InDisclosure;
    a.rule = QStringLiteral("disclosure.period.") + toKey(a.kind);
    a.reason = QCoreApplication::translate("Disclosure",
                                           "%1 is disclosed for %2 from its decision date under %3, so this item is "
                                           "disclosed until %4.")
                   .arg(displayName(a.kind), a.period.describe(), profile->citation(), isoDate(a.lastDay));
    return a;
}

} // namespace Disclosure
