#include "DemoCity.h"

#include "BulkLoad.h"

#include "CreditItemRepository.h"
#include "PlatformWritePermit.h"
#include "RecordTypes.h"
#include "SubjectNameIndex.h"
#include "SubjectRepository.h"
#include "domain/PolicyRegistry.h"
#include "storage/AuditLog.h"
#include "storage/RowSeals.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

#include <algorithm>

namespace {

// GB 32100's character set; organisation codes drawn from it pass both standards' alphabets.
const char CodeAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr quint64 CodeSpace = 887503681ULL; // 31^6: six characters of the alphabet

// A weighted choice: cumulative weights, picked with one bounded draw.
struct Weighted
{
    QVector<int> cumulative;
    void add(int weight) { cumulative.append((cumulative.isEmpty() ? 0 : cumulative.last()) + qMax(1, weight)); }
    int pick(QRandomGenerator& rng) const
    {
        const int r = int(rng.bounded(quint32(cumulative.last())));
        return int(std::upper_bound(cumulative.cbegin(), cumulative.cend(), r) - cumulative.cbegin());
    }
};

struct Trade
{
    QString word;
    QString industry;
    QString field;
};

struct OrgPattern
{
    QString pattern;
    QString prefix;
    QString industry;
    QString field;
};

struct District
{
    QString code;
    QString name;
    QString shortName;
    QStringList streets;
};

struct Department
{
    QString name;
    QString abbr;
    QStringList fields;
};

struct CityData
{
    QStringList surnames;
    Weighted surnameWeights;
    QStringList givenMale;
    QStringList givenFemale;
    QStringList tradeChars;
    QVector<Trade> trades;
    Weighted tradeWeights;
    QStringList companySuffixes;
    Weighted suffixWeights;
    QVector<Trade> shops;
    QVector<OrgPattern> organisations;
    QVector<District> districts;
    Weighted districtWeights;
    QVector<Department> departments;
    QHash<QString, QStringList> titles;
    QStringList personTypes;
    Weighted personTypeWeights;
    QStringList orgTypes;
    Weighted orgTypeWeights;
    QStringList penaltyKinds;
    Weighted penaltyWeights;
    QStringList personPenaltyKinds;
    Weighted personPenaltyWeights;
    int causeShare = 30;
};

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array)
        list.append(v.toString());
    return list;
}

void weightedPairs(const QJsonValue& value, QStringList* keys, Weighted* weights)
{
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array) {
        const QJsonArray pair = v.toArray();
        keys->append(pair.at(0).toString());
        weights->add(pair.at(1).toInt());
    }
}

bool loadCityData(CityData* d, QString* error)
{
    QFile file(QStringLiteral(":/xmcredit/demo/demo-city.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("DemoCity", "The demo city word lists are missing from the program.");
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(QLatin1String("format")).toInt() != 1) {
        *error = QCoreApplication::translate("DemoCity", "The demo city word lists are damaged: %1")
                     .arg(parseError.errorString());
        return false;
    }
    weightedPairs(root.value(QLatin1String("surnames")), &d->surnames, &d->surnameWeights);
    d->givenMale = strings(root.value(QLatin1String("givenMale")));
    d->givenFemale = strings(root.value(QLatin1String("givenFemale")));
    d->tradeChars = strings(root.value(QLatin1String("tradeChars")));
    for (const QJsonValue& v : root.value(QLatin1String("trades")).toArray()) {
        const QJsonObject o = v.toObject();
        d->trades.append({o.value(QLatin1String("word")).toString(), o.value(QLatin1String("industry")).toString(),
                          o.value(QLatin1String("field")).toString()});
        d->tradeWeights.add(o.value(QLatin1String("weight")).toInt());
    }
    weightedPairs(root.value(QLatin1String("companySuffixes")), &d->companySuffixes, &d->suffixWeights);
    for (const QJsonValue& v : root.value(QLatin1String("shops")).toArray()) {
        const QJsonObject o = v.toObject();
        d->shops.append({o.value(QLatin1String("word")).toString(), o.value(QLatin1String("industry")).toString(),
                         o.value(QLatin1String("field")).toString()});
    }
    for (const QJsonValue& v : root.value(QLatin1String("organisations")).toArray()) {
        const QJsonObject o = v.toObject();
        d->organisations.append(
            {o.value(QLatin1String("pattern")).toString(), o.value(QLatin1String("prefix")).toString(),
             o.value(QLatin1String("industry")).toString(), o.value(QLatin1String("field")).toString()});
    }
    for (const QJsonValue& v : root.value(QLatin1String("districts")).toArray()) {
        const QJsonObject o = v.toObject();
        d->districts.append({o.value(QLatin1String("code")).toString(), o.value(QLatin1String("name")).toString(),
                             o.value(QLatin1String("short")).toString(), strings(o.value(QLatin1String("streets")))});
        d->districtWeights.add(o.value(QLatin1String("weight")).toInt());
    }
    for (const QJsonValue& v : root.value(QLatin1String("departments")).toArray()) {
        const QJsonObject o = v.toObject();
        d->departments.append({o.value(QLatin1String("name")).toString(), o.value(QLatin1String("abbr")).toString(),
                               strings(o.value(QLatin1String("fields")))});
    }
    const QJsonObject titles = root.value(QLatin1String("titles")).toObject();
    for (auto it = titles.constBegin(); it != titles.constEnd(); ++it)
        d->titles.insert(it.key(), strings(it.value()));
    const QJsonObject mix = root.value(QLatin1String("itemMix")).toObject();
    weightedPairs(mix.value(QLatin1String("natural_person")), &d->personTypes, &d->personTypeWeights);
    weightedPairs(mix.value(QLatin1String("organisation")), &d->orgTypes, &d->orgTypeWeights);
    weightedPairs(root.value(QLatin1String("penaltyKinds")), &d->penaltyKinds, &d->penaltyWeights);
    weightedPairs(root.value(QLatin1String("personPenaltyKinds")), &d->personPenaltyKinds, &d->personPenaltyWeights);
    d->causeShare = root.value(QLatin1String("causeShare")).toInt(30);

    // Every item type must be known, or the city would hold rows the application cannot show.
    for (const QStringList* types : {&d->personTypes, &d->orgTypes}) {
        for (const QString& type : *types) {
            if (!ItemTypes::find(type, nullptr) || !d->titles.contains(type)) {
                *error =
                    QCoreApplication::translate("DemoCity", "The demo city word lists name an unknown item type: %1")
                        .arg(type);
                return false;
            }
        }
    }
    if (d->surnames.isEmpty() || d->givenMale.isEmpty() || d->givenFemale.isEmpty() || d->tradeChars.size() < 2 ||
        d->trades.isEmpty() || d->shops.isEmpty() || d->organisations.isEmpty() || d->districts.isEmpty() ||
        d->departments.isEmpty()) {
        *error = QCoreApplication::translate("DemoCity", "The demo city word lists are incomplete.");
        return false;
    }
    return true;
}

QString padded(qint64 value, int width)
{
    return QString::number(value).rightJustified(width, QLatin1Char('0'));
}

class Generator
{
public:
    Generator(QSqlDatabase& db, const DemoCityOptions& options, const CityData& data, PolicyProfilePtr policy,
              const PlatformWritePermit& permit)
        : m_db(db)
        , m_options(options)
        , m_data(data)
        , m_policy(std::move(policy))
        , m_permit(permit)
        , m_rng(options.seed)
        , m_subjects(db)
        , m_items(db)
        , m_today(options.today.isValid() ? options.today : QDate::currentDate())
        , m_generatedAt(QDateTime::currentDateTimeUtc())
    {
        for (const PolicyTerm& term : m_policy->catalogue(PolicyProfile::Catalogue::Field)) {
            m_fields.append(term.key);
            m_zh.insert(term.key, term.zh);
        }
        for (const PolicyTerm& term : m_policy->catalogue(PolicyProfile::Catalogue::PenaltyKind))
            m_zh.insert(term.key, term.zh);
        for (const PolicyTerm& term : m_policy->catalogue(PolicyProfile::Catalogue::Cause)) {
            m_causes.append(term.key);
            m_zh.insert(term.key, term.zh);
        }
        const double personShare = 0.55;
        // Natural persons hold about half the average number of items, organisations the rest.
        m_personMean = options.itemsPerSubject * 0.5;
        m_orgMean = options.itemsPerSubject * (1.0 - personShare * 0.5) / (1.0 - personShare);
    }

    bool run(DemoCityReport* report, QString* error)
    {
        m_report = report;
        for (qint64 i = 0; i < m_options.subjects; ++i) {
            if (!generateSubject(i, error))
                return false;
            if (m_options.progress && (i + 1) % 10000 == 0)
                m_options.progress(i + 1, m_report->items);
        }
        return true;
    }

private:
    int bounded(int n) { return n <= 1 ? 0 : int(m_rng.bounded(quint32(n))); }
    bool percent(int p) { return bounded(100) < p; }
    bool perMille(int p) { return bounded(1000) < p; }
    template<typename T> const T& any(const QVector<T>& list) { return list.at(bounded(int(list.size()))); }
    const QString& any(const QStringList& list) { return list.at(bounded(int(list.size()))); }

    QString personName(bool male)
    {
        QString name = m_data.surnames.at(m_data.surnameWeights.pick(m_rng));
        const QStringList& given = male ? m_data.givenMale : m_data.givenFemale;
        name += any(given);
        if (percent(72))
            name += any(given);
        return name;
    }

    QString tradeName()
    {
        const int a = bounded(int(m_data.tradeChars.size()));
        int b = bounded(int(m_data.tradeChars.size()) - 1);
        if (b >= a)
            ++b;
        return m_data.tradeChars.at(a) + m_data.tradeChars.at(b);
    }

    QString address(const District& district)
    {
        QString text = QStringLiteral("厦门市") + district.name + any(district.streets) +
                       QString::number(1 + bounded(399)) + QStringLiteral("号");
        if (percent(60))
            text += QString::number(1 + bounded(30)) + QStringLiteral("0") + QString::number(1 + bounded(8)) +
                    QStringLiteral("室");
        return text;
    }

    QString nextOrganisationBody(const QString& authorityAndType)
    {
        // A bijection of the counter onto 31^6 codes (the multiplier is prime to 31), so every code is unique
        // and consecutive organisations do not get consecutive codes.
        quint64 v = (quint64(m_orgCounter++) * 1000003ULL + 7777777ULL) % CodeSpace;
        QString tail(6, QLatin1Char('0'));
        for (int i = 5; i >= 0; --i) {
            tail[i] = QLatin1Char(CodeAlphabet[v % 31]);
            v /= 31;
        }
        return (authorityAndType.startsWith(QLatin1Char('5')) ? QStringLiteral("MJ") : QStringLiteral("MA")) + tail;
    }

    bool generateSubject(qint64 index, QString* error)
    {
        Subject s;
        s.platformId = QLatin1Char('S') + padded(index + 1, 10);
        s.platformVersion = 1;
        s.createdAt = m_generatedAt;
        s.updatedAt = m_generatedAt;
        const District& district = m_data.districts.at(m_data.districtWeights.pick(m_rng));
        s.district = district.code;
        QString field;

        const int kindRoll = bounded(100);
        if (kindRoll < 55) {
            s.kind = SubjectKind::NaturalPerson;
            const bool male = bounded(2) == 0;
            s.name = personName(male);
            for (;;) {
                const QDate birth = m_today.addYears(-18).addDays(-bounded(67 * 365));
                const qint64 key = qint64(&district - m_data.districts.constData()) * 10000000LL + birth.toJulianDay();
                int& counter = m_sequences[key * 2 + (male ? 1 : 0)];
                if (counter >= 499)
                    continue;
                const int sequence = counter * 2 + (male ? 1 : 2);
                ++counter;
                s.identifier = DemoCity::residentId(district.code, birth, sequence);
                s.establishedOn = birth;
                break;
            }
            s.registeredAddress = address(district);
        } else {
            QString prefix;
            QString area = percent(30) ? QStringLiteral("350200") : district.code;
            if (kindRoll < 87) {
                s.kind = SubjectKind::LegalPerson;
                const Trade& trade = m_data.trades.at(m_data.tradeWeights.pick(m_rng));
                s.name = (percent(15) ? QStringLiteral("厦门市") : QStringLiteral("厦门")) + tradeName() + trade.word +
                         m_data.companySuffixes.at(m_data.suffixWeights.pick(m_rng));
                s.industry = trade.industry;
                field = trade.field;
                prefix = QStringLiteral("91");
            } else if (kindRoll < 97) {
                s.kind = SubjectKind::IndividualBusiness;
                const Trade& shop = any(m_data.shops);
                s.name = QStringLiteral("厦门市") + district.name + tradeName() + shop.word;
                s.industry = shop.industry;
                field = shop.field;
                prefix = QStringLiteral("92");
                area = district.code;
            } else {
                s.kind = SubjectKind::UnincorporatedOrganisation;
                const OrgPattern& org = any(m_data.organisations);
                s.name = QString(org.pattern)
                             .replace(QStringLiteral("{trade}"), tradeName())
                             .replace(QStringLiteral("{district}"), district.name);
                s.industry = org.industry;
                field = org.field;
                prefix = org.prefix;
            }
            s.identifier = DemoCity::creditCode(prefix, area, nextOrganisationBody(prefix));
            s.legalRepresentative = personName(bounded(3) != 0);
            s.registeredAddress = address(district);
            s.establishedOn = m_today.addDays(-30 - bounded(28 * 365));
            const int statusRoll = bounded(100);
            s.status = statusRoll < 88   ? QStringLiteral("in_business")
                       : statusRoll < 95 ? QStringLiteral("deregistered")
                       : statusRoll < 98 ? QStringLiteral("revoked")
                                         : QStringLiteral("moved_out");
        }
        if (s.identifier.size() != 18) {
            *error = QCoreApplication::translate("DemoCity", "The demo city produced an invalid identifier: %1")
                         .arg(s.identifier);
            return false;
        }
        if (!m_subjects.insertPlatform(m_permit, &s, error))
            return false;
        ++m_report->subjects;
        ++m_report->subjectsByKind[toKey(s.kind)];

        const bool person = s.kind == SubjectKind::NaturalPerson;
        const double mean = person ? m_personMean : m_orgMean;
        // Uniform on 0..2·mean (randomised rounding keeps fractional means exact on average).
        const int upper = int(2.0 * mean) + (bounded(1000) < int((2.0 * mean - int(2.0 * mean)) * 1000) ? 1 : 0);
        const int count = bounded(upper + 1);
        for (int i = 0; i < count; ++i) {
            const QStringList& types = person ? m_data.personTypes : m_data.orgTypes;
            const QString& type = types.at((person ? m_data.personTypeWeights : m_data.orgTypeWeights).pick(m_rng));
            if (!addItem(s, field, type, QDate(), QString(), QString(), error))
                return false;
        }
        if (!person) {
            // Some organisations on the key attention lists of three fields within a year: a credit warning.
            if (perMille(4) && m_fields.size() >= 3) {
                QStringList fields;
                while (fields.size() < 3) {
                    const QString& f = any(m_fields);
                    if (!fields.contains(f))
                        fields.append(f);
                }
                for (const QString& f : fields) {
                    if (!addItem(s, f, QStringLiteral("key_attention_listing"), m_today.addDays(-bounded(300)),
                                 QString(), QString(), error))
                        return false;
                }
                ++m_report->warningSubjects;
            }
            // Some with a penalty no repair can lift (a revocation or suspension in a listed field).
            if (perMille(5)) {
                const QStringList kinds = m_policy->nonRepairablePenaltyKinds();
                const QStringList fields = m_policy->nonRepairableFields();
                if (!kinds.isEmpty() && !fields.isEmpty()) {
                    const QString f = fields.contains(field) ? field : any(fields);
                    if (!addItem(s, f, QStringLiteral("administrative_penalty"), m_today.addDays(-bounded(240)),
                                 any(kinds), QStringLiteral("serious"), error))
                        return false;
                }
            }
        }
        return true;
    }

    const Department& departmentFor(const QString& field)
    {
        for (const Department& d : m_data.departments) {
            if (d.fields.contains(field))
                return d;
        }
        return m_data.departments.first();
    }

    // forcedDate, forcedPenalty, forcedSeverity: fixed by the warning and non-repairable scenarios.
    bool addItem(const Subject& s, const QString& subjectField, const QString& typeKey, const QDate& forcedDate,
                 const QString& forcedPenalty, const QString& forcedSeverity, QString* error)
    {
        ItemType type;
        ItemTypes::find(typeKey, &type);
        CreditItem item;
        item.subjectId = s.id;
        item.category = type.category;
        item.itemType = type.key;
        item.listKind = type.impliedList;
        item.platformId = QLatin1Char('I') + padded(++m_itemCounter, 11);
        item.platformVersion = 1;
        item.createdAt = m_generatedAt;
        item.updatedAt = m_generatedAt;
        item.decisionDate = forcedDate.isValid() ? forcedDate : m_today.addDays(-bounded(6 * 365));
        const bool person = s.kind == SubjectKind::NaturalPerson;
        if (!subjectField.isEmpty() && (forcedDate.isValid() || percent(70)))
            item.fieldKey = subjectField;
        else
            item.fieldKey = any(m_fields);
        const bool court = type.key == QLatin1String("unfulfilled_obligation") ||
                           type.key == QLatin1String("joint_punishment_listing");
        if (type.key == QLatin1String("unpaid_tax"))
            item.fieldKey = QStringLiteral("taxation");
        else if (type.key == QLatin1String("unpaid_social_insurance"))
            item.fieldKey = QStringLiteral("human_resources_social_security");
        const Department& department = departmentFor(item.fieldKey);
        item.sourceDepartment = court ? QStringLiteral("厦门市中级人民法院") : department.name;
        item.title = any(m_data.titles.value(type.key));
        // Built by concatenation: QString::arg() formats through QLocale, slow for ten million rows.
        const QString yearText = QString::number(item.decisionDate.year());
        const QString numberText = QString::number(1 + bounded(2999));
        int disclosureRoll = bounded(100);
        item.disclosureMode = person ? (disclosureRoll < 55   ? DisclosureMode::Authorised
                                        : disclosureRoll < 95 ? DisclosureMode::Social
                                                              : DisclosureMode::Government)
                                     : (disclosureRoll < 85   ? DisclosureMode::Social
                                        : disclosureRoll < 95 ? DisclosureMode::Authorised
                                                              : DisclosureMode::Government);

        bool nonRepairable = false;
        if (item.category == ItemCategory::Dishonest) {
            item.severity = forcedSeverity == QLatin1String("serious") || court || percent(15) ? Severity::Serious
                                                                                               : Severity::General;
            if (court)
                item.legalDocumentNumber =
                    QStringLiteral("（") + yearText + QStringLiteral("）闽02执") + numberText + QStringLiteral("号");
            else
                item.legalDocumentNumber = department.abbr +
                                           (type.isPenalty ? QStringLiteral("罚〔") : QStringLiteral("决〔")) +
                                           yearText + QStringLiteral("〕") + numberText + QStringLiteral("号");
            if (type.isPenalty) {
                item.penaltyKindKey = !forcedPenalty.isEmpty() ? forcedPenalty
                                      : person ? m_data.personPenaltyKinds.at(m_data.personPenaltyWeights.pick(m_rng))
                                               : m_data.penaltyKinds.at(m_data.penaltyWeights.pick(m_rng));
                if (!person && !m_causes.isEmpty() && percent(m_data.causeShare))
                    item.causeKey = any(m_causes);
                const QString cause = item.causeKey.isEmpty() ? QStringLiteral("违反") + m_zh.value(item.fieldKey) +
                                                                    QStringLiteral("管理规定")
                                                              : m_zh.value(item.causeKey);
                const QString penalty = m_zh.value(item.penaltyKindKey);
                item.title = QStringLiteral("行政处罚：") + penalty;
                item.content = QStringLiteral("因") + cause + QStringLiteral("，依法给予") + penalty;
                if (item.penaltyKindKey == QLatin1String("fine"))
                    item.content +=
                        QStringLiteral("人民币") + QString::number((1 + bounded(200)) * 500) + QStringLiteral("元");
                item.content += QStringLiteral("。");
                nonRepairable =
                    m_policy->isNonRepairablePenaltyKind(item.penaltyKindKey) &&
                    (m_policy->isNonRepairableField(item.fieldKey) || m_policy->isNonRepairableCause(item.causeKey));
            }
            const int roll = bounded(1000);
            const QDate repairableFrom = m_policy->repairMinimum(item.severity).after(item.decisionDate);
            if (!forcedDate.isValid() && !nonRepairable && roll < 50 && repairableFrom.isValid() &&
                repairableFrom < m_today) {
                item.status = ItemStatus::Repaired;
                item.repairedOn = std::min(m_today, repairableFrom.addDays(bounded(90)));
            } else if (!forcedDate.isValid() && roll >= 50 && roll < 60) {
                item.status = ItemStatus::Withdrawn;
                item.withdrawnOn = std::min(m_today, item.decisionDate.addDays(10 + bounded(60)));
            } else if (roll >= 60 && roll < 70) {
                item.status = ItemStatus::Corrected;
            }
            if ((item.status == ItemStatus::Active || item.status == ItemStatus::Corrected) && perMille(12))
                item.objectionPending = true;
        } else {
            if (type.key == QLatin1String("administrative_licence") || type.key == QLatin1String("qualification"))
                item.legalDocumentNumber = department.abbr + QStringLiteral("许〔") + yearText + QStringLiteral("〕") +
                                           numberText + QStringLiteral("号");
            if (perMille(2)) {
                item.status = ItemStatus::Withdrawn;
                item.withdrawnOn = std::min(m_today, item.decisionDate.addDays(10 + bounded(60)));
            }
        }
        if (!m_items.insertPlatform(m_permit, &item, error))
            return false;
        ++m_report->items;
        ++m_report->itemsByCategory[toKey(item.category)];
        ++m_report->itemsByType[item.itemType];
        ++m_report->itemsByStatus[toKey(item.status)];
        if (item.objectionPending)
            ++m_report->objectionsPending;
        if (nonRepairable)
            ++m_report->nonRepairableItems;
        return true;
    }

    QSqlDatabase& m_db;
    const DemoCityOptions& m_options;
    const CityData& m_data;
    PolicyProfilePtr m_policy;
    const PlatformWritePermit& m_permit;
    QRandomGenerator m_rng;
    SubjectRepository m_subjects;
    CreditItemRepository m_items;
    QDate m_today;
    QDateTime m_generatedAt;
    QStringList m_fields;
    QStringList m_causes;
    QHash<QString, QString> m_zh;
    QHash<qint64, int> m_sequences;
    qint64 m_orgCounter = 0;
    qint64 m_itemCounter = 0;
    double m_personMean = 2.5;
    double m_orgMean = 8.0;
    DemoCityReport* m_report = nullptr;
};

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

namespace DemoCity {

QString residentId(const QString& area, const QDate& birthDate, int sequence)
{
    const QString first17 = area + birthDate.toString(QStringLiteral("yyyyMMdd")) + padded(sequence, 3);
    const QChar check = Identifiers::residentIdCheckCharacter(first17);
    return check.isNull() ? QString() : first17 + check;
}

QString creditCode(const QString& authorityAndType, const QString& area, const QString& organisationBody)
{
    const QChar orgCheck = Identifiers::organisationCodeCheckCharacter(organisationBody);
    if (orgCheck.isNull())
        return QString();
    const QString first17 = authorityAndType + area + organisationBody + orgCheck;
    const QChar check = Identifiers::creditCodeCheckCharacter(first17);
    return check.isNull() ? QString() : first17 + check;
}

bool recordsEmpty(const QSqlDatabase& db, bool* empty, QString* error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM subjects) OR EXISTS (SELECT 1 FROM credit_items)")) ||
        !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    *empty = !q.value(0).toBool();
    return true;
}

bool generate(QSqlDatabase& db, const DemoCityOptions& options, DemoCityReport* report, QString* error)
{
    QElapsedTimer total;
    total.start();
    DemoCityReport localReport;
    DemoCityReport& r = report ? *report : localReport;
    r = DemoCityReport();
    QString why;
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (options.subjects < 0 || options.itemsPerSubject < 0)
        return fail(QCoreApplication::translate("DemoCity",
                                                "The number of subjects and of items per subject cannot be negative."));

    CityData data;
    if (!loadCityData(&data, &why))
        return fail(why);
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    const PolicyRegistry policies = PolicyRegistry::builtIn(&why);
    const PolicyProfilePtr policy = policies.profileOn(today);
    if (!policy)
        return fail(QCoreApplication::translate(
                        "DemoCity", "No credit policy is in force on %1, so the demo city cannot be generated.")
                        .arg(today.toString(Qt::ISODate)));

    bool empty = false;
    if (!recordsEmpty(db, &empty, &why))
        return fail(why);
    if (!empty)
        return fail(QCoreApplication::translate(
            "DemoCity", "The database holds subjects or items already; a demo city is only generated into an "
                        "empty one."));

    // A large page cache while loading and indexing; the connection's own size is restored after.
    QString oldCacheSize;
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
            oldCacheSize = q.value(0).toString();
    }
    exec(db, QStringLiteral("PRAGMA cache_size = -262144"), nullptr);
    auto restoreCache = qScopeGuard([&] {
        if (!oldCacheSize.isEmpty())
            exec(db, QStringLiteral("PRAGMA cache_size = %1").arg(oldCacheSize.toInt()), nullptr);
    });

    PlatformWritePermit permit(db, options.actor, QStringLiteral("demo_city.generate"));
    if (!permit.isActive())
        return fail(permit.errorString());

    // Indexes and triggers go for the load and come back after (BulkLoad), inside the permit's transaction, so no
    // other connection ever sees the tables unguarded.
    BulkLoad bulk(db);
    if (!bulk.begin(&why))
        return fail(why);

    QElapsedTimer phase;
    phase.start();
    {
        Generator generator(db, options, data, policy, permit);
        if (!generator.run(&r, &why))
            return fail(why);
    }
    r.loadMs = phase.restart();

    if (!bulk.finish(&why))
        return fail(why);
    r.indexMs = phase.restart(); // BulkLoad::finish makes the indexes and the name index together

    AuditEntry entry;
    entry.actor = options.actor;
    entry.action = QStringLiteral("demo_city.generate");
    entry.objectType = QStringLiteral("workstation");
    entry.basis = QStringLiteral("demo data");
    entry.details.insert(QStringLiteral("seed"), qint64(options.seed));
    entry.details.insert(QStringLiteral("subjects"), r.subjects);
    entry.details.insert(QStringLiteral("items"), r.items);
    entry.details.insert(QStringLiteral("today"), today.toString(Qt::ISODate));
    if (!AuditLog::append(db, entry, &why))
        return fail(why);
    if (!permit.commit(&why))
        return fail(why);
    r.totalMs = total.elapsed();
    if (options.progress)
        options.progress(r.subjects, r.items);
    return true;
}

} // namespace DemoCity
