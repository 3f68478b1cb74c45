#pragma once

#include "domain/PolicyRegistry.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

// Social credit warning (社会信用预警): a subject listed in the key attention lists of 3 or more distinct
// industries or fields within 12 months gets a warning, raised automatically and disclosed for 2 years (numbers
// from the policy profile in force on the day the warning is raised).

// One key attention listing of the subject (a dishonest item with ListKind::KeyAttention, not withdrawn).
struct KeyAttentionListing
{
    QDate listedOn;
    QString fieldKey;
    QString reference; // e.g. the item's id, passed through to the answer
};

struct CreditWarning
{
    QDate raisedOn;                        // the day of the listing that completed the count
    QDate windowStart;                     // the first listing in the window
    QDate windowLastDay;                   // windowStart + window - 1 day: the window's last day
    QVector<KeyAttentionListing> listings; // every listing in the window up to raisedOn, by date
    QStringList fieldKeys;                 // the distinct fields among them, in order of first appearance
    QDate disclosureLastDay;               // raisedOn + the warning's disclosure period
    QString policyId;
    QString reason; // translated

    bool inForceOn(const QDate& date) const { return date >= raisedOn && date <= disclosureLastDay; }
};

namespace CreditWarnings {

// Finds the warnings in a subject's listings (any order). A window is half-open, [start, start + window): with
// a 12-month window, listings on 2024-01-15 and 2025-01-14 share one, 2024-01-15 and 2025-01-15 do not. While
// a warning is in force, further listings do not raise another; after it ends a new qualifying window raises a
// new warning. Listings on days with no policy in force are skipped.
QVector<CreditWarning> detect(const QVector<KeyAttentionListing>& listings, const PolicyRegistry& policies);

// The warning in force on a date, or null.
const CreditWarning* inForce(const QVector<CreditWarning>& warnings, const QDate& date);

} // namespace CreditWarnings
