#include "SubjectProfile.h"

#include "CreditItemRepository.h"
#include "RecordSubmissionRepository.h"
#include "SubjectRepository.h"
#include "storage/AuditLog.h"
#include "storage/Session.h"

#include <QCoreApplication>

namespace {

QString iso(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

QString ItemAssessment::statusText() const
{
    const DisclosureAssessment& d = disclosure;
    switch (d.status) {
    case DisclosureStatus::InDisclosure:
        return d.timeLimited
                   ? QCoreApplication::translate("SubjectProfile", "In disclosure until %1").arg(iso(d.lastDay))
                   : QCoreApplication::translate("SubjectProfile", "Disclosed (no time limit)");
    case DisclosureStatus::UnderObjection:
        return d.timeLimited ? QCoreApplication::translate("SubjectProfile", "Under objection (in disclosure until %1)")
                                   .arg(iso(d.lastDay))
                             : QCoreApplication::translate("SubjectProfile", "Under objection");
    case DisclosureStatus::NotYetDisclosed:
        return QCoreApplication::translate("SubjectProfile", "Not yet disclosed (decided on %1)").arg(iso(d.start));
    case DisclosureStatus::Expired:
        return QCoreApplication::translate("SubjectProfile", "Expired on %1").arg(iso(d.lastDay));
    case DisclosureStatus::Repaired:
        return QCoreApplication::translate("SubjectProfile", "Repaired on %1").arg(iso(item.repairedOn));
    case DisclosureStatus::Withdrawn:
        return QCoreApplication::translate("SubjectProfile", "Withdrawn on %1").arg(iso(item.withdrawnOn));
    case DisclosureStatus::Undetermined:
        return QCoreApplication::translate("SubjectProfile", "Status undetermined");
    }
    return QString();
}

QString ItemAssessment::repairText() const
{
    switch (repair.code) {
    case RepairEligibilityCode::Eligible:
        return QCoreApplication::translate("SubjectProfile", "Eligible");
    case RepairEligibilityCode::NotYet:
        return QCoreApplication::translate("SubjectProfile", "Eligible from %1").arg(iso(repair.earliestDate));
    case RepairEligibilityCode::Never:
        return QCoreApplication::translate("SubjectProfile", "Never repairable");
    case RepairEligibilityCode::NotApplicable:
        return QCoreApplication::translate("SubjectProfile", "Not applicable");
    case RepairEligibilityCode::Undetermined:
        return QCoreApplication::translate("SubjectProfile", "Undetermined");
    }
    return QString();
}

QList<const ItemAssessment*> SubjectProfile::itemsOf(ItemCategory category) const
{
    QList<const ItemAssessment*> list;
    for (const ItemAssessment& a : items) {
        if (a.item.category == category)
            list.append(&a);
    }
    return list;
}

QString SubjectProfile::warningText() const
{
    if (hasWarningInForce) {
        return QCoreApplication::translate("SubjectProfile",
                                           "Social credit warning: listed in the key attention lists of %n industries "
                                           "or fields between %1 and %2; disclosed until %3.",
                                           nullptr, int(warningInForce.fieldKeys.size()))
            .arg(iso(warningInForce.windowStart), iso(warningInForce.raisedOn), iso(warningInForce.disclosureLastDay));
    }
    if (hasPlatformWarningItem)
        return QCoreApplication::translate(
            "SubjectProfile", "Social credit warning: the platform lists this subject with a social credit warning.");
    return QString();
}

namespace SubjectProfiles {

SubjectProfile assess(const Subject& subject, const QList<CreditItem>& items,
                      const QList<RecordSubmission>& submissions, const QDate& on, const PolicyRegistry& policies)
{
    SubjectProfile p;
    p.subject = subject;
    p.assessedOn = on;
    p.submissions = submissions;
    QVector<KeyAttentionListing> listings;
    // Grouped by category in the order of the measures, keeping the repository's order inside a category.
    for (ItemCategory category : {ItemCategory::Basic, ItemCategory::Trustworthy, ItemCategory::Dishonest}) {
        for (const CreditItem& item : items) {
            if (item.category != category)
                continue;
            ItemAssessment a;
            a.item = item;
            const CreditItemFacts facts = item.facts(subject.kind);
            a.disclosure = Disclosure::assess(facts, on, policies);
            a.repair = RepairRules::assess(facts, on, policies);
            if (item.category == ItemCategory::Dishonest && item.listKind == ListKind::KeyAttention &&
                item.status != ItemStatus::Withdrawn)
                listings.append({item.decisionDate, item.fieldKey, QString::number(item.id)});
            if (item.listKind == ListKind::CreditWarning && a.disclosure.shown())
                p.hasPlatformWarningItem = true;
            p.items.append(a);
        }
    }
    p.warnings = CreditWarnings::detect(listings, policies);
    if (const CreditWarning* w = CreditWarnings::inForce(p.warnings, on)) {
        p.hasWarningInForce = true;
        p.warningInForce = *w;
    }
    return p;
}

bool open(const Session& session, qint64 subjectId, const QString& basis, const QDate& on,
          const PolicyRegistry& policies, SubjectProfile* profile, QString* error)
{
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!session.can(Permission::QuerySubject))
        return refuse(QCoreApplication::translate("SubjectProfile", "Your role does not allow querying subjects."));
    if (basis.trimmed().isEmpty())
        return refuse(QCoreApplication::translate(
            "SubjectProfile", "State the basis of the query (its purpose or legal basis) before opening a subject."));
    QSqlDatabase db = session.database();
    Subject subject;
    QString why;
    if (!SubjectRepository(db).findById(subjectId, &subject, &why))
        return refuse(why.isEmpty()
                          ? QCoreApplication::translate("SubjectProfile", "There is no subject %1.").arg(subjectId)
                          : why);

    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("subject.open");
    entry.objectType = QStringLiteral("subject");
    entry.objectId = QString::number(subjectId);
    entry.basis = basis.trimmed();
    entry.details.insert(QStringLiteral("identifier"), Identifiers::mask(subject.identifier));
    if (!AuditLog::append(db, entry, error))
        return false;

    QList<CreditItem> items;
    QList<RecordSubmission> submissions;
    if (!CreditItemRepository(db).itemsOfSubject(subjectId, &items, error) ||
        !RecordSubmissionRepository(db).ofSubject(subjectId, &submissions, error))
        return false;
    *profile = assess(subject, items, submissions, on, policies);
    return true;
}

} // namespace SubjectProfiles
