#include "PolicyProfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace {

constexpr int PolicyFormat = 1;

bool interfaceIsChinese()
{
    return QLocale().language() == QLocale::Chinese;
}

bool isValidKey(const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return pattern.match(key).hasMatch();
}

// Reads the profile section by section; the first problem found stops it with a message naming the section.
class ProfileReader
{
public:
    explicit ProfileReader(const QJsonObject& root)
        : m_root(root)
    {}

    QString error;

    bool failed() const { return !error.isEmpty(); }

    void fail(const QString& message)
    {
        if (error.isEmpty())
            error = message;
    }

    QJsonObject object(const QJsonObject& parent, const QString& name)
    {
        const QJsonValue value = parent.value(name);
        if (!value.isObject())
            fail(QCoreApplication::translate("PolicyProfile", "The section '%1' is missing or is not an object.")
                     .arg(name));
        return value.toObject();
    }

    QJsonArray array(const QJsonObject& parent, const QString& name)
    {
        const QJsonValue value = parent.value(name);
        if (!value.isArray())
            fail(QCoreApplication::translate("PolicyProfile", "The list '%1' is missing or is not a list.").arg(name));
        return value.toArray();
    }

    PolicyPeriod period(const QJsonObject& parent, const QString& section, const QString& name)
    {
        PolicyPeriod result;
        if (!PolicyPeriod::fromIso(parent.value(name).toString(), &result))
            fail(QCoreApplication::translate("PolicyProfile",
                                             "'%1' in section '%2' must be a period such as \"P1Y\" or \"P3M\".")
                     .arg(name, section));
        return result;
    }

    int positive(const QJsonObject& parent, const QString& section, const QString& name)
    {
        const QJsonValue value = parent.value(name);
        const int result = value.toInt(0);
        if (!value.isDouble() || result <= 0 || double(result) != value.toDouble())
            fail(QCoreApplication::translate("PolicyProfile", "'%1' in section '%2' must be a positive whole number.")
                     .arg(name, section));
        return result;
    }

    PolicyTerm term(const QJsonObject& object, const QString& list)
    {
        PolicyTerm t{object.value(QStringLiteral("key")).toString(), object.value(QStringLiteral("zh")).toString(),
                     object.value(QStringLiteral("en")).toString()};
        if (!isValidKey(t.key))
            fail(QCoreApplication::translate("PolicyProfile",
                                             "An entry of '%1' has the key '%2'; keys are lower-case letters, digits "
                                             "and underscores.")
                     .arg(list, t.key));
        else if (t.zh.isEmpty() || t.en.isEmpty())
            fail(QCoreApplication::translate("PolicyProfile", "The entry '%1' of '%2' needs both a Chinese and an "
                                                              "English label.")
                     .arg(t.key, list));
        return t;
    }

    QVector<PolicyTerm> terms(const QJsonObject& parent, const QString& name)
    {
        QVector<PolicyTerm> result;
        QSet<QString> seen;
        for (const QJsonValue& value : array(parent, name)) {
            const PolicyTerm t = term(value.toObject(), name);
            if (seen.contains(t.key))
                fail(QCoreApplication::translate("PolicyProfile", "The key '%1' appears twice in '%2'.")
                         .arg(t.key, name));
            seen.insert(t.key);
            result.append(t);
        }
        if (result.isEmpty())
            fail(QCoreApplication::translate("PolicyProfile", "The list '%1' is empty.").arg(name));
        return result;
    }

    // A list of keys that must all be in the given catalogue.
    QStringList references(const QJsonObject& parent, const QString& section, const QString& name,
                           const QVector<PolicyTerm>& catalogue, const QString& catalogueName)
    {
        QStringList keys;
        for (const QJsonValue& value : array(parent, name)) {
            const QString key = value.toString();
            bool known = false;
            for (const PolicyTerm& t : catalogue)
                known = known || t.key == key;
            if (!known)
                fail(QCoreApplication::translate("PolicyProfile",
                                                 "'%1' in '%2.%3' is not one of the keys listed in '%4'.")
                         .arg(key, section, name, catalogueName));
            keys.append(key);
        }
        if (keys.isEmpty())
            fail(QCoreApplication::translate("PolicyProfile", "The list '%1.%2' is empty.").arg(section, name));
        return keys;
    }

    QVector<PolicyMaterial> materials(const QJsonObject& parent, const QString& name)
    {
        QVector<PolicyMaterial> result;
        QSet<QString> seen;
        for (const QJsonValue& value : array(parent, name)) {
            const QJsonObject object = value.toObject();
            PolicyMaterial material;
            material.term = term(object, name);
            const QString when = object.value(QStringLiteral("when")).toString();
            if (when == QLatin1String("agent"))
                material.agentOnly = true;
            else if (when != QLatin1String("always"))
                fail(QCoreApplication::translate("PolicyProfile",
                                                 "The material '%1' of '%2' must say when it is needed: \"always\" or "
                                                 "\"agent\".")
                         .arg(material.term.key, name));
            if (seen.contains(material.term.key))
                fail(QCoreApplication::translate("PolicyProfile", "The key '%1' appears twice in '%2'.")
                         .arg(material.term.key, name));
            seen.insert(material.term.key);
            result.append(material);
        }
        if (result.isEmpty())
            fail(QCoreApplication::translate("PolicyProfile", "The list '%1' is empty.").arg(name));
        return result;
    }

    const QJsonObject& root() const { return m_root; }

private:
    QJsonObject m_root;
};

} // namespace

bool PolicyPeriod::fromIso(const QString& text, PolicyPeriod* period)
{
    static const QRegularExpression pattern(QStringLiteral("^P(?:(\\d{1,3})Y)?(?:(\\d{1,4})M)?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    const int months = match.captured(1).toInt() * 12 + match.captured(2).toInt();
    if (months <= 0)
        return false;
    period->months = months;
    return true;
}

QString PolicyPeriod::toIso() const
{
    if (months % 12 == 0)
        return QStringLiteral("P%1Y").arg(months / 12);
    if (months > 12)
        return QStringLiteral("P%1Y%2M").arg(months / 12).arg(months % 12);
    return QStringLiteral("P%1M").arg(months);
}

QString PolicyPeriod::describe() const
{
    // No "%n" plural forms: the English source is shown as is, and it must read well for one and for many.
    if (months == 12)
        return QCoreApplication::translate("PolicyProfile", "1 year");
    if (months % 12 == 0)
        return QCoreApplication::translate("PolicyProfile", "%1 years").arg(months / 12);
    if (months == 1)
        return QCoreApplication::translate("PolicyProfile", "1 month");
    return QCoreApplication::translate("PolicyProfile", "%1 months").arg(months);
}

QString PolicyTerm::label() const
{
    return interfaceIsChinese() ? zh : en;
}

QString toKey(PolicyTransition transition)
{
    return transition == PolicyTransition::NewDecisions ? QStringLiteral("new_decisions") : QStringLiteral("all_items");
}

bool PolicyProfile::fromJson(const QByteArray& json, PolicyProfile* out, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(QCoreApplication::translate("PolicyProfile", "The policy profile is not a JSON object: %1")
                        .arg(parseError.errorString()));
    ProfileReader r(doc.object());
    const QJsonObject& root = r.root();
    if (root.value(QStringLiteral("format")).toInt() != PolicyFormat)
        return fail(QCoreApplication::translate("PolicyProfile",
                                                "The policy profile has format %1; this program reads format %2.")
                        .arg(root.value(QStringLiteral("format")).toVariant().toString())
                        .arg(PolicyFormat));

    PolicyProfile p;
    p.m_json = json;
    p.m_id = root.value(QStringLiteral("id")).toString();
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$"));
    if (!idPattern.match(p.m_id).hasMatch())
        return fail(QCoreApplication::translate("PolicyProfile",
                                                "The policy profile needs an id of lower-case letters, digits, '.', "
                                                "'-' and '_'."));
    auto failIn = [&](const QString& message) {
        return fail(QCoreApplication::translate("PolicyProfile", "Policy profile '%1': %2").arg(p.m_id, message));
    };
    p.m_effectiveFrom = QDate::fromString(root.value(QStringLiteral("effectiveFrom")).toString(), Qt::ISODate);
    if (!p.m_effectiveFrom.isValid())
        return failIn(QCoreApplication::translate("PolicyProfile", "'effectiveFrom' must be a date (YYYY-MM-DD)."));
    const QString transition = root.value(QStringLiteral("appliesTo")).toString();
    if (transition == toKey(PolicyTransition::AllItems))
        p.m_transition = PolicyTransition::AllItems;
    else if (transition == toKey(PolicyTransition::NewDecisions))
        p.m_transition = PolicyTransition::NewDecisions;
    else
        return failIn(
            QCoreApplication::translate("PolicyProfile", "'appliesTo' must be \"all_items\" or \"new_decisions\"."));
    const QJsonObject citation = r.object(root, QStringLiteral("citation"));
    p.m_citation = PolicyTerm{QString(), citation.value(QStringLiteral("zh")).toString(),
                              citation.value(QStringLiteral("en")).toString()};
    if (!r.failed() && (p.m_citation.zh.isEmpty() || p.m_citation.en.isEmpty()))
        r.fail(QCoreApplication::translate("PolicyProfile", "'citation' needs both a Chinese and an English text."));

    const QString disclosureName = QStringLiteral("disclosurePeriods");
    const QJsonObject disclosure = r.object(root, disclosureName);
    for (const QString& key : allKeys<DisclosureKind>()) {
        DisclosureKind kind;
        fromKey(key, &kind);
        p.m_disclosure.insert(kind, r.period(disclosure, disclosureName, key));
    }
    const QString minimumName = QStringLiteral("repairMinimums");
    const QJsonObject minimums = r.object(root, minimumName);
    for (const QString& key : allKeys<Severity>()) {
        Severity severity;
        fromKey(key, &severity);
        p.m_repairMinimum.insert(severity, r.period(minimums, minimumName, key));
    }
    const QString warningName = QStringLiteral("creditWarning");
    const QJsonObject warning = r.object(root, warningName);
    p.m_warningDistinctFields = r.positive(warning, warningName, QStringLiteral("distinctFields"));
    p.m_warningWindow = r.period(warning, warningName, QStringLiteral("window"));

    const QString limitsName = QStringLiteral("timeLimits");
    const QJsonObject limits = r.object(root, limitsName);
    for (const QString& key : allKeys<CaseStage>()) {
        CaseStage stage;
        fromKey(key, &stage);
        p.m_timeLimits.insert(stage, r.positive(limits, limitsName, key));
    }
    if (!r.failed() &&
        (p.m_timeLimits.value(CaseStage::RepairTotal) < p.m_timeLimits.value(CaseStage::RepairMunicipal) ||
         p.m_timeLimits.value(CaseStage::RepairTotal) < p.m_timeLimits.value(CaseStage::RepairPlatform)))
        r.fail(QCoreApplication::translate("PolicyProfile",
                                           "The total time limit of a repair cannot be shorter than one of its "
                                           "stages."));

    const QVector<PolicyTerm> fields = r.terms(root, QStringLiteral("fields"));
    const QVector<PolicyTerm> penaltyKinds = r.terms(root, QStringLiteral("penaltyKinds"));
    const QVector<PolicyTerm> causes = r.terms(root, QStringLiteral("causes"));
    const QVector<PolicyTerm> personalData = r.terms(root, QStringLiteral("personalData"));
    p.m_catalogues.insert(Catalogue::Field, fields);
    p.m_catalogues.insert(Catalogue::PenaltyKind, penaltyKinds);
    p.m_catalogues.insert(Catalogue::Cause, causes);
    p.m_catalogues.insert(Catalogue::PersonalData, personalData);

    const QString nonRepairableName = QStringLiteral("nonRepairable");
    const QJsonObject nonRepairable = r.object(root, nonRepairableName);
    p.m_nonRepairablePenaltyKinds = r.references(nonRepairable, nonRepairableName, QStringLiteral("penaltyKinds"),
                                                 penaltyKinds, QStringLiteral("penaltyKinds"));
    p.m_nonRepairableFields =
        r.references(nonRepairable, nonRepairableName, QStringLiteral("fields"), fields, QStringLiteral("fields"));
    p.m_nonRepairableCauses =
        r.references(nonRepairable, nonRepairableName, QStringLiteral("causes"), causes, QStringLiteral("causes"));

    const QString collectionName = QStringLiteral("collection");
    const QJsonObject collection = r.object(root, collectionName);
    p.m_prohibitedData = r.references(collection, collectionName, QStringLiteral("prohibited"), personalData,
                                      QStringLiteral("personalData"));
    p.m_consentData = r.references(collection, collectionName, QStringLiteral("consentRequired"), personalData,
                                   QStringLiteral("personalData"));
    for (const QString& key : p.m_prohibitedData) {
        if (p.m_consentData.contains(key))
            r.fail(QCoreApplication::translate("PolicyProfile",
                                               "'%1' cannot be both prohibited and collectable with consent.")
                       .arg(key));
    }

    const QJsonObject materials = r.object(root, QStringLiteral("materials"));
    p.m_materials.insert(CaseKind::Repair, r.materials(materials, QStringLiteral("repair")));
    p.m_materials.insert(CaseKind::Objection, r.materials(materials, QStringLiteral("objection")));

    if (r.failed())
        return failIn(r.error);
    *out = p;
    return true;
}

QString PolicyProfile::citation() const
{
    return m_citation.label();
}

QVector<PolicyMaterial> PolicyProfile::materials(CaseKind kind, bool viaAgent) const
{
    QVector<PolicyMaterial> result;
    for (const PolicyMaterial& m : m_materials.value(kind)) {
        if (viaAgent || !m.agentOnly)
            result.append(m);
    }
    return result;
}

bool PolicyProfile::hasTerm(Catalogue catalogue, const QString& key) const
{
    for (const PolicyTerm& t : m_catalogues.value(catalogue)) {
        if (t.key == key)
            return true;
    }
    return false;
}

QString PolicyProfile::label(Catalogue catalogue, const QString& key) const
{
    for (const PolicyTerm& t : m_catalogues.value(catalogue)) {
        if (t.key == key)
            return t.label();
    }
    return key;
}
