#include "ReportBuilder.h"

#include "domain/Identifiers.h"
#include "domain/PolicyProfile.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

QString iso(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("-");
}

int rank(DisclosureMode mode)
{
    switch (mode) {
    case DisclosureMode::Social:
        return 0;
    case DisclosureMode::Authorised:
        return 1;
    case DisclosureMode::Government:
        return 2;
    }
    return 2;
}

QString typeName(const CreditItem& item)
{
    ItemType type;
    return ItemTypes::find(item.itemType, &type) ? type.displayName() : item.itemType;
}

QString orDash(const QString& text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("-") : text.trimmed();
}

// The items of a category the report shows, newest decision first.
QList<const ItemAssessment*> shownItems(const SubjectProfile& profile, ItemCategory category, DisclosureMode mode)
{
    QList<const ItemAssessment*> out;
    for (const ItemAssessment* a : profile.itemsOf(category)) {
        if (a->disclosure.shown() && ReportBuilder::modeShows(mode, a->item.disclosureMode))
            out << a;
    }
    std::stable_sort(out.begin(), out.end(), [](const ItemAssessment* x, const ItemAssessment* y) {
        if (x->item.decisionDate != y->item.decisionDate)
            return x->item.decisionDate > y->item.decisionDate;
        return x->item.id > y->item.id;
    });
    return out;
}

QString statusCell(const ItemAssessment& a)
{
    return a.disclosure.status == DisclosureStatus::UnderObjection
               ? QCoreApplication::translate("ReportBuilder", "Under objection")
               : QCoreApplication::translate("ReportBuilder", "Disclosed");
}

QString gradeCell(const CreditItem& item)
{
    return item.listKind != ListKind::None ? displayName(item.listKind) : displayName(item.severity);
}

ReportTable dishonestTable(const QString& key, const QString& title, const QList<const ItemAssessment*>& items)
{
    ReportTable t;
    t.key = key;
    t.title = title;
    t.columns = QStringList{QCoreApplication::translate("ReportBuilder", "No."),
                            QCoreApplication::translate("ReportBuilder", "Decided"),
                            QCoreApplication::translate("ReportBuilder", "Type"),
                            QCoreApplication::translate("ReportBuilder", "Severity or list"),
                            QCoreApplication::translate("ReportBuilder", "Matter"),
                            QCoreApplication::translate("ReportBuilder", "Document"),
                            QCoreApplication::translate("ReportBuilder", "Department"),
                            QCoreApplication::translate("ReportBuilder", "Disclosed until"),
                            QCoreApplication::translate("ReportBuilder", "Status")};
    t.widths = {5, 10, 10, 10, 17, 16, 13, 11, 8};
    int n = 0;
    for (const ItemAssessment* a : items) {
        const CreditItem& i = a->item;
        t.rows << QStringList{QString::number(++n),
                              iso(i.decisionDate),
                              typeName(i),
                              gradeCell(i),
                              orDash(i.title),
                              orDash(i.legalDocumentNumber),
                              orDash(i.sourceDepartment),
                              a->disclosure.timeLimited ? iso(a->disclosure.lastDay)
                                                        : QCoreApplication::translate("ReportBuilder", "No limit"),
                              statusCell(*a)};
    }
    t.emptyText = QCoreApplication::translate("ReportBuilder", "No dishonest information in its disclosure period.");
    return t;
}

ReportTable otherTable(const QString& key, const QString& title, const QString& emptyText,
                       const QList<const ItemAssessment*>& items)
{
    ReportTable t;
    t.key = key;
    t.title = title;
    t.columns = QStringList{QCoreApplication::translate("ReportBuilder", "No."),
                            QCoreApplication::translate("ReportBuilder", "Date"),
                            QCoreApplication::translate("ReportBuilder", "Type"),
                            QCoreApplication::translate("ReportBuilder", "Matter"),
                            QCoreApplication::translate("ReportBuilder", "Document"),
                            QCoreApplication::translate("ReportBuilder", "Department"),
                            QCoreApplication::translate("ReportBuilder", "Status")};
    t.widths = {6, 11, 15, 26, 14, 20, 8};
    int n = 0;
    for (const ItemAssessment* a : items) {
        const CreditItem& i = a->item;
        t.rows << QStringList{QString::number(++n),          iso(i.decisionDate),        typeName(i),   orDash(i.title),
                              orDash(i.legalDocumentNumber), orDash(i.sourceDepartment), statusCell(*a)};
    }
    t.emptyText = emptyText;
    return t;
}

QList<QPair<QString, QString>> subjectRows(const Subject& s, DisclosureMode mode, const PolicyProfile* profile)
{
    QList<QPair<QString, QString>> rows;
    rows.append({QCoreApplication::translate("ReportBuilder", "Name"), s.name});
    rows.append({QCoreApplication::translate("ReportBuilder", "Kind"), displayName(s.kind)});
    rows.append({s.isNaturalPerson() ? QCoreApplication::translate("ReportBuilder", "Resident ID number")
                                     : QCoreApplication::translate("ReportBuilder", "Unified social credit code"),
                 Identifiers::mask(s.identifier)});
    if (s.isNaturalPerson()) {
        // A person's address is personal data: only government sharing may print it.
        if (mode == DisclosureMode::Government && !s.registeredAddress.isEmpty())
            rows.append({QCoreApplication::translate("ReportBuilder", "Address"), s.registeredAddress});
        return rows;
    }
    if (!s.legalRepresentative.isEmpty())
        rows.append({QCoreApplication::translate("ReportBuilder", "Legal representative"), s.legalRepresentative});
    if (s.establishedOn.isValid())
        rows.append({QCoreApplication::translate("ReportBuilder", "Established"), iso(s.establishedOn)});
    if (!s.status.isEmpty())
        rows.append({QCoreApplication::translate("ReportBuilder", "Registration status"),
                     RegistrationStatus::displayName(s.status)});
    if (!s.industry.isEmpty())
        rows.append({QCoreApplication::translate("ReportBuilder", "Industry"),
                     profile ? profile->label(PolicyProfile::Catalogue::Field, s.industry) : s.industry});
    if (!s.registeredAddress.isEmpty())
        rows.append({QCoreApplication::translate("ReportBuilder", "Registered address"), s.registeredAddress});
    if (!s.district.isEmpty())
        rows.append(
            {QCoreApplication::translate("ReportBuilder", "District"), XiamenDistricts::displayName(s.district)});
    return rows;
}

} // namespace

namespace ReportBuilder {

bool modeShows(DisclosureMode reportMode, DisclosureMode itemMode)
{
    return rank(itemMode) <= rank(reportMode);
}

ReportContent build(const SubjectProfile& profile, const ReportRequest& request, const ReportHeader& header,
                    const PolicyRegistry& policies)
{
    const PolicyProfilePtr policy = policies.profileOn(profile.assessedOn);
    const DisclosureMode mode = request.basis.mode();
    ReportContent c;
    c.kind = request.kind;
    c.title = request.kind == ReportKind::Public
                  ? QCoreApplication::translate("ReportBuilder", "Public Credit Information Report")
                  : QCoreApplication::translate("ReportBuilder", "Special Credit Report");
    c.centre = QCoreApplication::translate("ReportBuilder", "Xiamen Public Credit Information Centre");
    c.number = header.number;
    c.code = header.code;
    c.generatedAt = header.generatedAt;
    c.asOf = profile.assessedOn;
    c.workstation = header.workstation;
    c.operatorName = header.operatorName;
    c.mode = mode;
    c.modeText = displayName(mode);
    c.basisText = request.basis.printedBasis();
    c.purposeText = request.basis.printedPurpose();
    c.subject = subjectRows(profile.subject, mode, policy.get());
    if (profile.showsWarning())
        c.warning = profile.warningText();

    const QList<const ItemAssessment*> basic = shownItems(profile, ItemCategory::Basic, mode);
    const QList<const ItemAssessment*> trustworthy = shownItems(profile, ItemCategory::Trustworthy, mode);
    const QList<const ItemAssessment*> dishonest = shownItems(profile, ItemCategory::Dishonest, mode);
    const QString citation = policy ? policy->citation() : QString();

    if (request.kind == ReportKind::Public) {
        int general = 0, serious = 0, joint = 0, keyAttention = 0, warning = 0, objection = 0;
        for (const ItemAssessment* a : dishonest) {
            (a->item.severity == Severity::Serious ? serious : general) += 1;
            joint += a->item.listKind == ListKind::JointPunishment ? 1 : 0;
            keyAttention += a->item.listKind == ListKind::KeyAttention ? 1 : 0;
            warning += a->item.listKind == ListKind::CreditWarning ? 1 : 0;
        }
        for (const auto* list : {&basic, &trustworthy, &dishonest}) {
            for (const ItemAssessment* a : *list)
                objection += a->disclosure.status == DisclosureStatus::UnderObjection ? 1 : 0;
        }
        ReportTable summary;
        summary.key = QStringLiteral("summary");
        summary.title = QCoreApplication::translate("ReportBuilder", "Summary");
        summary.columns = QStringList{QCoreApplication::translate("ReportBuilder", "Information"),
                                      QCoreApplication::translate("ReportBuilder", "Items")};
        summary.widths = {70, 30};
        auto add = [&summary](const QString& label, int count) {
            summary.rows << QStringList{label, QString::number(count)};
        };
        add(displayName(ItemCategory::Basic), int(basic.size()));
        add(displayName(ItemCategory::Trustworthy), int(trustworthy.size()));
        add(displayName(ItemCategory::Dishonest), int(dishonest.size()));
        add(QCoreApplication::translate("ReportBuilder", "of which: %1").arg(displayName(Severity::General)), general);
        add(QCoreApplication::translate("ReportBuilder", "of which: %1").arg(displayName(Severity::Serious)), serious);
        add(QCoreApplication::translate("ReportBuilder", "of which: %1").arg(displayName(ListKind::JointPunishment)),
            joint);
        add(QCoreApplication::translate("ReportBuilder", "of which: %1").arg(displayName(ListKind::KeyAttention)),
            keyAttention);
        add(QCoreApplication::translate("ReportBuilder", "of which: %1").arg(displayName(ListKind::CreditWarning)),
            warning);
        add(QCoreApplication::translate("ReportBuilder", "Under objection"), objection);
        c.tables << summary;
        c.tables << otherTable(
            QStringLiteral("basic"), QCoreApplication::translate("ReportBuilder", "1. Basic information"),
            QCoreApplication::translate("ReportBuilder", "No basic information in its disclosure period."), basic);
        c.tables << otherTable(
            QStringLiteral("trustworthy"), QCoreApplication::translate("ReportBuilder", "2. Trustworthy information"),
            QCoreApplication::translate("ReportBuilder", "No trustworthy information in its disclosure period."),
            trustworthy);
        c.tables << dishonestTable(QStringLiteral("dishonest"),
                                   QCoreApplication::translate("ReportBuilder", "3. Dishonest information"), dishonest);
        c.notes << QCoreApplication::translate(
                       "ReportBuilder",
                       "This report lists the basic, trustworthy and dishonest information of the subject that is in "
                       "its disclosure period on %1, as the %2 allows. Repaired, withdrawn and expired information "
                       "is not listed.")
                       .arg(iso(c.asOf), c.modeText);
    } else {
        const SpecialScope& scope = request.scope;
        QStringList fieldNames;
        for (const QString& field : scope.fields)
            fieldNames << (policy ? policy->label(PolicyProfile::Catalogue::Field, field) : field);
        c.scopeText = QCoreApplication::translate("ReportBuilder", "From %1 to %2; fields: %3")
                          .arg(iso(scope.from), iso(scope.to),
                               fieldNames.join(QCoreApplication::translate("ReportBuilder", ", ", "list separator")));
        ReportTable summary;
        summary.key = QStringLiteral("summary");
        summary.title = QCoreApplication::translate("ReportBuilder", "Summary");
        summary.columns = QStringList{QCoreApplication::translate("ReportBuilder", "Field"),
                                      QCoreApplication::translate("ReportBuilder", "Dishonest records")};
        summary.widths = {70, 30};
        QList<ReportTable> sections;
        for (int f = 0; f < scope.fields.size(); ++f) {
            QList<const ItemAssessment*> found;
            for (const ItemAssessment* a : dishonest) {
                if (a->item.fieldKey == scope.fields.at(f) && a->item.decisionDate >= scope.from &&
                    a->item.decisionDate <= scope.to)
                    found << a;
            }
            const QString name = fieldNames.at(f);
            summary.rows << QStringList{name, found.isEmpty() ? QCoreApplication::translate("ReportBuilder", "None")
                                                              : QString::number(found.size())};
            ReportTable section = dishonestTable(QStringLiteral("field.") + scope.fields.at(f),
                                                 QStringLiteral("%1. %2").arg(f + 1).arg(name), found);
            section.statement =
                found.isEmpty()
                    ? QCoreApplication::translate(
                          "ReportBuilder", "No dishonest record of the subject in the field of %1 between %2 and %3.")
                          .arg(name, iso(scope.from), iso(scope.to))
                    : QCoreApplication::translate(
                          "ReportBuilder",
                          "%n dishonest record(s) of the subject in the field of %1 between %2 and %3, listed below.",
                          nullptr, int(found.size()))
                          .arg(name, iso(scope.from), iso(scope.to));
            section.emptyText = QCoreApplication::translate("ReportBuilder", "None.");
            sections << section;
        }
        c.tables << summary << sections;
        c.notes << QCoreApplication::translate(
                       "ReportBuilder",
                       "This special credit report states, for each field listed, whether the subject has dishonest "
                       "information decided in the period that is in its disclosure period on %1, as the %2 allows. "
                       "Repaired, withdrawn and expired information is not listed. It may be used where a "
                       "certificate of no violations of law is asked for, as the rules of Fujian Province allow.")
                       .arg(iso(c.asOf), c.modeText);
    }
    c.notes << QCoreApplication::translate(
        "ReportBuilder", "Items marked \"under objection\" are being checked after an objection of the subject; the "
                         "outcome of the objection prevails.");
    if (!citation.isEmpty())
        c.notes << QCoreApplication::translate(
                       "ReportBuilder",
                       "Issued under %1 from the public credit information collected by the Xiamen public credit "
                       "information platform; the departments that provided the information answer for it.")
                       .arg(citation);
    c.notes << QCoreApplication::translate(
        "ReportBuilder", "This report is for the stated purpose only and may not be passed to anyone else without the "
                         "subject's consent.");
    c.notes << QCoreApplication::translate(
        "ReportBuilder", "Check that this report is genuine with its number and verification code at the Xiamen Public "
                         "Credit Information Centre, or by scanning its QR code.");
    return c;
}

} // namespace ReportBuilder
