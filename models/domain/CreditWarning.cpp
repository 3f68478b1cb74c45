#include "CreditWarning.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace CreditWarnings {

QVector<CreditWarning> detect(const QVector<KeyAttentionListing>& listings, const PolicyRegistry& policies)
{
    QVector<KeyAttentionListing> sorted;
    for (const KeyAttentionListing& l : listings) {
        if (l.listedOn.isValid() && !l.fieldKey.isEmpty())
            sorted.append(l);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const KeyAttentionListing& a, const KeyAttentionListing& b) {
        return a.listedOn < b.listedOn;
    });

    QVector<CreditWarning> warnings;
    QDate coveredUntil; // last day of the warning in force, if any
    for (int t = 0; t < sorted.size(); ++t) {
        // All listings of the same day count together: take the last of them as the candidate trigger.
        if (t + 1 < sorted.size() && sorted.at(t + 1).listedOn == sorted.at(t).listedOn)
            continue;
        const QDate trigger = sorted.at(t).listedOn;
        if (coveredUntil.isValid() && trigger <= coveredUntil)
            continue;
        const PolicyProfilePtr profile = policies.profileOn(trigger);
        if (!profile)
            continue;
        const PolicyPeriod window = profile->warningWindow();
        // The widest window ending at the trigger starts at the earliest listing less than one window before it.
        int first = 0;
        while (first < t && window.after(sorted.at(first).listedOn) <= trigger)
            ++first;
        QStringList fields;
        QVector<KeyAttentionListing> inWindow;
        for (int i = first; i <= t; ++i) {
            inWindow.append(sorted.at(i));
            if (!fields.contains(sorted.at(i).fieldKey))
                fields.append(sorted.at(i).fieldKey);
        }
        if (fields.size() < profile->warningDistinctFields())
            continue;

        CreditWarning w;
        w.raisedOn = trigger;
        w.windowStart = sorted.at(first).listedOn;
        w.windowLastDay = window.after(w.windowStart).addDays(-1);
        w.listings = inWindow;
        w.fieldKeys = fields;
        const PolicyPeriod period = profile->disclosurePeriod(DisclosureKind::CreditWarning);
        w.disclosureLastDay = period.after(trigger);
        w.policyId = profile->id();
        QStringList labels;
        for (const QString& key : fields)
            labels.append(profile->label(PolicyProfile::Catalogue::Field, key));
        w.reason = QCoreApplication::translate("CreditWarning",
                                               "Between %1 and %2 the subject was put on the key attention lists of "
                                               "%3 industries or fields (%4); under %5, %6 or more within %7 raise a "
                                               "social credit warning, disclosed for %8, until %9.")
                       .arg(w.windowStart.toString(Qt::ISODate), trigger.toString(Qt::ISODate))
                       .arg(fields.size())
                       .arg(QLocale().createSeparatedList(labels), profile->citation())
                       .arg(profile->warningDistinctFields())
                       .arg(window.describe(), period.describe(), w.disclosureLastDay.toString(Qt::ISODate));
        warnings.append(w);
        coveredUntil = w.disclosureLastDay;
    }
    return warnings;
}

const CreditWarning* inForce(const QVector<CreditWarning>& warnings, const QDate& date)
{
    for (const CreditWarning& w : warnings) {
        if (w.inForceOn(date))
            return &w;
    }
    return nullptr;
}

} // namespace CreditWarnings
