#pragma once

#include "domain/CreditTypes.h"

#include <QByteArray>
#include <QDate>
#include <QMap>
#include <QString>
#include <QVector>

// A length of time counted in calendar months: a period that starts on a date ends on the same day of the month
// that many months later, or on that month's last day when it has no such day (2024-02-29 + 1 year = 2025-02-28).
struct PolicyPeriod
{
    int months = 0;

    QDate after(const QDate& start) const { return start.addMonths(months); }
    bool isValid() const { return months > 0; }
    // ISO 8601 durations of years and months only: "P1Y", "P3M", "P1Y6M".
    static bool fromIso(const QString& text, PolicyPeriod* period);
    QString toIso() const;
    // "1 year", "6 months" (translated).
    QString describe() const;
};

// A machine key with its Chinese and English labels, as written in the profile.
struct PolicyTerm
{
    QString key;
    QString zh;
    QString en;
    // The label in the interface language (Chinese unless the default locale is not Chinese).
    QString label() const;
};

struct PolicyMaterial
{
    PolicyTerm term;
    bool agentOnly = false; // needed only when someone applies on the subject's behalf
};

// How a profile treats items decided before it took effect.
enum class PolicyTransition {
    AllItems,     // the profile governs every assessment made while it is in force ("all_items")
    NewDecisions, // items decided earlier stay under the profile that was in force when they were decided
};

// One version of the credit rules, with the date it takes effect. All the numbers and lists the rules use come
// from here, so a change of law is a new profile (shipped in resources/policy or delivered by sync), not new code.
// The file format is described in resources/policy/README.md.
class PolicyProfile
{
public:
    enum class Catalogue {
        Field,        // industries and fields
        PenaltyKind,  // kinds of administrative penalty
        Cause,        // behaviours penalties are imposed for
        PersonalData, // attributes of natural persons (prohibited or consent-bound)
    };

    // Parses and validates a profile; on failure returns false with a translated reason naming the problem.
    static bool fromJson(const QByteArray& json, PolicyProfile* out, QString* error);

    QString id() const { return m_id; }
    QDate effectiveFrom() const { return m_effectiveFrom; }
    PolicyTransition transition() const { return m_transition; }
    // The title of the regulation to quote in reasons, in the interface language, e.g. 《厦门市公共信用信息管理办法》.
    QString citation() const;
    QByteArray json() const { return m_json; }

    PolicyPeriod disclosurePeriod(DisclosureKind kind) const { return m_disclosure.value(kind); }
    PolicyPeriod repairMinimum(Severity severity) const { return m_repairMinimum.value(severity); }
    int warningDistinctFields() const { return m_warningDistinctFields; }
    PolicyPeriod warningWindow() const { return m_warningWindow; }
    // Working days allowed for a stage.
    int timeLimit(CaseStage stage) const { return m_timeLimits.value(stage); }

    bool isNonRepairablePenaltyKind(const QString& key) const { return m_nonRepairablePenaltyKinds.contains(key); }
    bool isNonRepairableField(const QString& key) const { return m_nonRepairableFields.contains(key); }
    bool isNonRepairableCause(const QString& key) const { return m_nonRepairableCauses.contains(key); }
    QStringList nonRepairablePenaltyKinds() const { return m_nonRepairablePenaltyKinds; }
    QStringList nonRepairableFields() const { return m_nonRepairableFields; }
    QStringList nonRepairableCauses() const { return m_nonRepairableCauses; }

    bool isProhibitedPersonalData(const QString& key) const { return m_prohibitedData.contains(key); }
    bool needsWrittenConsent(const QString& key) const { return m_consentData.contains(key); }
    QStringList prohibitedPersonalData() const { return m_prohibitedData; }
    QStringList consentPersonalData() const { return m_consentData; }

    // Materials an applicant brings; viaAgent adds those needed when someone applies on the subject's behalf.
    QVector<PolicyMaterial> materials(CaseKind kind, bool viaAgent) const;

    QVector<PolicyTerm> catalogue(Catalogue catalogue) const { return m_catalogues.value(catalogue); }
    bool hasTerm(Catalogue catalogue, const QString& key) const;
    // The label of a key in the interface language; the key itself when the catalogue does not know it.
    QString label(Catalogue catalogue, const QString& key) const;

private:
    QString m_id;
    QDate m_effectiveFrom;
    PolicyTransition m_transition = PolicyTransition::AllItems;
    PolicyTerm m_citation;
    QByteArray m_json;
    QMap<DisclosureKind, PolicyPeriod> m_disclosure;
    QMap<Severity, PolicyPeriod> m_repairMinimum;
    int m_warningDistinctFields = 0;
    PolicyPeriod m_warningWindow;
    QMap<CaseStage, int> m_timeLimits;
    QStringList m_nonRepairablePenaltyKinds;
    QStringList m_nonRepairableFields;
    QStringList m_nonRepairableCauses;
    QStringList m_prohibitedData;
    QStringList m_consentData;
    QMap<CaseKind, QVector<PolicyMaterial>> m_materials;
    QMap<Catalogue, QVector<PolicyTerm>> m_catalogues;
};

QString toKey(PolicyTransition transition);
