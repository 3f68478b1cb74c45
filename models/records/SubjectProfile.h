#pragma once

#include "RecordTypes.h"
#include "domain/CreditWarning.h"
#include "domain/Disclosure.h"
#include "domain/PolicyRegistry.h"
#include "domain/RepairEligibility.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

struct Session;

// One item with what the rules say about it on the assessment date.
struct ItemAssessment
{
    CreditItem item;
    DisclosureAssessment disclosure;
    // For dishonest items; code NotApplicable (rule NotDishonest) for the others.
    RepairEligibility repair;

    // "In disclosure until 2026-03-01", "Repaired on …", "Under objection (in disclosure until …)", "Expired on …",
    // "Withdrawn on …", "Disclosed (no time limit)", … (translated).
    QString statusText() const;
    // "Eligible", "Eligible from 2025-09-01", "Never repairable", "Not applicable", … (translated); the full
    // reason is repair.reason.
    QString repairText() const;
};

// What the subject view shows: the subject, its items assessed on a date, the social credit warning in force (if
// any), and its local entries awaiting the platform.
struct SubjectProfile
{
    Subject subject;
    QDate assessedOn;
    QList<ItemAssessment> items;     // basic, trustworthy, dishonest; newest decision first within each
    QVector<CreditWarning> warnings; // every warning the subject's key attention listings raised
    bool hasWarningInForce = false;
    CreditWarning warningInForce; // valid when hasWarningInForce
    // A credit_warning listing delivered by the platform and still disclosed (the platform raises them too).
    bool hasPlatformWarningItem = false;
    QList<RecordSubmission> submissions; // newest first

    QList<const ItemAssessment*> itemsOf(ItemCategory category) const;
    // The banner: a warning in force, computed here or delivered by the platform.
    bool showsWarning() const { return hasWarningInForce || hasPlatformWarningItem; }
    // "Social credit warning: listed in the key attention lists of 3 fields (…) within 12 months; disclosed until
    // …" (translated), empty when no warning shows.
    QString warningText() const;
};

namespace SubjectProfiles {

// Assesses a subject's items on a date (no SQL, no audit): what open() does after reading.
SubjectProfile assess(const Subject& subject, const QList<CreditItem>& items,
                      const QList<RecordSubmission>& submissions, const QDate& on, const PolicyRegistry& policies);

// Opening a subject is a query of personal or business credit information: it needs Permission::QuerySubject and
// a stated basis (the purpose or legal basis, e.g. "self-query, ID card checked"), and is audited as
// "subject.open" (object subject/<id>, with the basis) before anything is read. A subject that does not exist
// gives false with *error set and no audit entry.
bool open(const Session& session, qint64 subjectId, const QString& basis, const QDate& on,
          const PolicyRegistry& policies, SubjectProfile* profile, QString* error = nullptr);

} // namespace SubjectProfiles
