#include "domain/Deadlines.h"

#include "DomainTestFixtures.h"
#include "domain/Disclosure.h"
#include "domain/PolicyRegistry.h"
#include "domain/RepairEligibility.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

Q_DECLARE_METATYPE(DisclosureStatus)
Q_DECLARE_METATYPE(RepairEligibilityCode)

namespace {

using DomainFixture::d;

QJsonObject xiamenProfile()
{
    QFile file(QStringLiteral(":/xmcredit/policy/xiamen-2021.json"));
    if (!file.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson();
}

// A fictional reform taking effect on 2027-01-01: shorter periods and minimums, a longer objection limit.
QJsonObject fictionalProfile(const QString& appliesTo)
{
    QJsonObject p = xiamenProfile();
    p.insert(QStringLiteral("id"), QStringLiteral("fictional-2027"));
    p.insert(QStringLiteral("effectiveFrom"), QStringLiteral("2027-01-01"));
    p.insert(QStringLiteral("appliesTo"), appliesTo);
    p.insert(QStringLiteral("citation"),
             QJsonObject{{QStringLiteral("zh"), QStringLiteral("《虚构信用修复办法》")},
                         {QStringLiteral("en"), QStringLiteral("the Fictional Credit Repair Measures")}});
    QJsonObject periods = p.value(QStringLiteral("disclosurePeriods")).toObject();
    periods.insert(QStringLiteral("general"), QStringLiteral("P6M"));
    periods.insert(QStringLiteral("serious"), QStringLiteral("P2Y"));
    p.insert(QStringLiteral("disclosurePeriods"), periods);
    QJsonObject minimums = p.value(QStringLiteral("repairMinimums")).toObject();
    minimums.insert(QStringLiteral("general"), QStringLiteral("P1M"));
    p.insert(QStringLiteral("repairMinimums"), minimums);
    QJsonObject limits = p.value(QStringLiteral("timeLimits")).toObject();
    limits.insert(QStringLiteral("objection"), 8);
    p.insert(QStringLiteral("timeLimits"), limits);
    return p;
}

CreditItemFacts generalItem(const QDate& decided)
{
    CreditItemFacts f = DomainFixture::facts(ItemCategory::Dishonest, Severity::General, decided,
                                             QStringLiteral("厦市监罚〔2026〕1号"));
    f.penaltyKindKey = QStringLiteral("fine");
    f.fieldKey = QStringLiteral("market_regulation");
    return f;
}

using Mutation = std::function<void(QJsonObject&)>;

template<typename Edit> QJsonObject editSection(QJsonObject root, const QString& section, Edit edit)
{
    QJsonObject inner = root.value(section).toObject();
    edit(inner);
    root.insert(section, inner);
    return root;
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

// The policy as data: the built-in Xiamen profile holds the numbers and lists of DOMAIN.md; malformed profiles are
// refused with a reason and never used; the registry picks the profile in force on a date, and a fictional profile
// proves the switch on its effective date, for items decided before and assessed after it in both transition modes.
class TestPolicy : public QObject
{
    Q_OBJECT

private:
    PolicyRegistry m_builtIn;

private slots:
    void initTestCase()
    {
        QString error;
        m_builtIn = DomainFixture::builtInPolicies(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void xiamenProfileHoldsTheMeasures()
    {
        QCOMPARE(m_builtIn.profiles().size(), 1);
        const PolicyProfilePtr p = m_builtIn.profile(QStringLiteral("xiamen-2021"));
        QVERIFY(p);
        QCOMPARE(p->effectiveFrom(), d("2021-01-01"));
        QCOMPARE(p->transition(), PolicyTransition::AllItems);
        QCOMPARE(p->disclosurePeriod(DisclosureKind::General).months, 12);
        QCOMPARE(p->disclosurePeriod(DisclosureKind::Serious).months, 36);
        QCOMPARE(p->disclosurePeriod(DisclosureKind::JointPunishmentList).months, 60);
        QCOMPARE(p->disclosurePeriod(DisclosureKind::KeyAttentionList).months, 12);
        QCOMPARE(p->disclosurePeriod(DisclosureKind::CreditWarning).months, 24);
        QCOMPARE(p->repairMinimum(Severity::General).months, 3);
        QCOMPARE(p->repairMinimum(Severity::Serious).months, 6);
        QCOMPARE(p->warningDistinctFields(), 3);
        QCOMPARE(p->warningWindow().months, 12);
        QCOMPARE(p->timeLimit(CaseStage::RepairMunicipal), 3);
        QCOMPARE(p->timeLimit(CaseStage::RepairPlatform), 7);
        QCOMPARE(p->timeLimit(CaseStage::RepairTotal), 10);
        QCOMPARE(p->timeLimit(CaseStage::Objection), 6);
        QCOMPARE(p->nonRepairablePenaltyKinds(),
                 (QStringList{QStringLiteral("suspension_of_production_or_business"),
                              QStringLiteral("permit_revocation"), QStringLiteral("licence_revocation")}));
        QCOMPARE(p->nonRepairableFields().size(), 7);
        QCOMPARE(p->nonRepairableCauses().size(), 17);
        QCOMPARE(p->prohibitedPersonalData().size(), 6);
        QCOMPARE(p->consentPersonalData().size(), 6);
    }

    void materials()
    {
        const PolicyProfilePtr p = m_builtIn.profileOn(d("2025-01-01"));
        QVERIFY(p);
        auto keys = [](const QVector<PolicyMaterial>& materials) {
            QStringList k;
            for (const PolicyMaterial& m : materials)
                k.append(m.term.key);
            return k;
        };
        QCOMPARE(keys(p->materials(CaseKind::Repair, false)),
                 (QStringList{QStringLiteral("application_form"), QStringLiteral("credit_commitment_letter"),
                              QStringLiteral("proof_of_fulfilment"), QStringLiteral("licence_or_id_copy")}));
        const QStringList viaAgent = keys(p->materials(CaseKind::Repair, true));
        QCOMPARE(viaAgent.size(), 6);
        QVERIFY(viaAgent.contains(QStringLiteral("power_of_attorney")));
        QVERIFY(viaAgent.contains(QStringLiteral("handler_id")));
        const QStringList objection = keys(p->materials(CaseKind::Objection, false));
        QVERIFY(objection.contains(QStringLiteral("objection_application")));
        QVERIFY(!objection.contains(QStringLiteral("power_of_attorney")));
        QCOMPARE(p->materials(CaseKind::Objection, true).size(), 5);
    }

    void labelsFollowTheInterfaceLanguage()
    {
        const PolicyProfilePtr p = m_builtIn.profileOn(d("2025-01-01"));
        QCOMPARE(p->label(PolicyProfile::Catalogue::Cause, QStringLiteral("bid_rigging")),
                 QStringLiteral("bid-rigging"));
        QCOMPARE(p->citation(),
                 QStringLiteral("the Xiamen Measures for the Administration of Public Credit Information"));
        DomainFixture::useChinese();
        QCOMPARE(p->label(PolicyProfile::Catalogue::Cause, QStringLiteral("bid_rigging")), QStringLiteral("围标串标"));
        QCOMPARE(p->label(PolicyProfile::Catalogue::Field, QStringLiteral("fire_safety")), QStringLiteral("消防安全"));
        QCOMPARE(p->citation(), QStringLiteral("《厦门市公共信用信息管理办法》"));
        DomainFixture::useEnglish();
        // Unknown keys show as themselves rather than vanish.
        QCOMPARE(p->label(PolicyProfile::Catalogue::Field, QStringLiteral("space_mining")),
                 QStringLiteral("space_mining"));
        QVERIFY(p->hasTerm(PolicyProfile::Catalogue::PersonalData, QStringLiteral("blood_type")));
        QVERIFY(!p->hasTerm(PolicyProfile::Catalogue::PersonalData, QStringLiteral("shoe_size")));
    }

    void profileInForce()
    {
        QVERIFY(!m_builtIn.profileOn(d("2020-12-31")));
        QCOMPARE(m_builtIn.profileOn(d("2021-01-01"))->id(), QStringLiteral("xiamen-2021"));
        QCOMPARE(m_builtIn.profileOn(d("2030-06-01"))->id(), QStringLiteral("xiamen-2021"));
        QVERIFY(!m_builtIn.profileOn(QDate()));
        // An item decided before the Xiamen profile is judged by it once it is in force (it applies to all items).
        QCOMPARE(m_builtIn.profileFor(d("2019-05-01"), d("2022-01-01"))->id(), QStringLiteral("xiamen-2021"));
    }

    void periods_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("months");
        QTest::newRow("1 year") << "P1Y" << 12;
        QTest::newRow("3 months") << "P3M" << 3;
        QTest::newRow("year and a half") << "P1Y6M" << 18;
        QTest::newRow("12 months") << "P12M" << 12;
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("no P") << "1Y" << 0;
        QTest::newRow("bare P") << "P" << 0;
        QTest::newRow("zero") << "P0Y" << 0;
        QTest::newRow("days are not calendar months") << "P30D" << 0;
        QTest::newRow("time") << "PT1H" << 0;
        QTest::newRow("negative") << "P-1M" << 0;
        QTest::newRow("lower case") << "p1y" << 0;
    }

    void periods()
    {
        QFETCH(QString, text);
        QFETCH(int, months);
        PolicyPeriod period;
        QCOMPARE(PolicyPeriod::fromIso(text, &period), months > 0);
        QCOMPARE(period.months, months);
        if (months > 0) {
            PolicyPeriod again;
            QVERIFY(PolicyPeriod::fromIso(period.toIso(), &again));
            QCOMPARE(again.months, months);
        }
    }

    void periodArithmetic()
    {
        PolicyPeriod year;
        QVERIFY(PolicyPeriod::fromIso(QStringLiteral("P1Y"), &year));
        QCOMPARE(year.after(d("2024-02-29")), d("2025-02-28"));
        QCOMPARE(year.describe(), QStringLiteral("1 year"));
        PolicyPeriod month;
        QVERIFY(PolicyPeriod::fromIso(QStringLiteral("P1M"), &month));
        QCOMPARE(month.after(d("2025-01-31")), d("2025-02-28"));
        QCOMPARE(month.describe(), QStringLiteral("1 month"));
        PolicyPeriod sixMonths;
        QVERIFY(PolicyPeriod::fromIso(QStringLiteral("P6M"), &sixMonths));
        QCOMPARE(sixMonths.describe(), QStringLiteral("6 months"));
        QCOMPARE(sixMonths.after(d("2024-08-31")), d("2025-02-28"));
    }

    void malformedProfilesAreRefused_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("inError");

        auto set = [](const QString& key, const QJsonValue& value) {
            return Mutation([key, value](QJsonObject& p) { p.insert(key, value); });
        };
        auto remove = [](const QString& key) { return Mutation([key](QJsonObject& p) { p.remove(key); }); };
        auto inSection = [](const QString& section, const QString& key, const QJsonValue& value) {
            return Mutation([section, key, value](QJsonObject& p) {
                p = editSection(p, section, [&](QJsonObject& s) {
                    if (value.isUndefined())
                        s.remove(key);
                    else
                        s.insert(key, value);
                });
            });
        };
        auto appendTo = [](const QString& list, const QJsonValue& value) {
            return Mutation([list, value](QJsonObject& p) {
                QJsonArray a = p.value(list).toArray();
                a.append(value);
                p.insert(list, a);
            });
        };

        QTest::newRow("future format") << set(QStringLiteral("format"), 2) << "format 2";
        QTest::newRow("no id") << remove(QStringLiteral("id")) << "needs an id";
        QTest::newRow("id with spaces") << set(QStringLiteral("id"), QStringLiteral("my profile")) << "needs an id";
        QTest::newRow("no effective date") << remove(QStringLiteral("effectiveFrom")) << "'effectiveFrom'";
        QTest::newRow("effective date not a date")
            << set(QStringLiteral("effectiveFrom"), QStringLiteral("2021-02-30")) << "'effectiveFrom'";
        QTest::newRow("bad transition") << set(QStringLiteral("appliesTo"), QStringLiteral("some")) << "'appliesTo'";
        QTest::newRow("citation without English")
            << set(QStringLiteral("citation"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("《办法》")}})
            << "'citation'";
        QTest::newRow("no disclosure periods") << remove(QStringLiteral("disclosurePeriods")) << "'disclosurePeriods'";
        QTest::newRow("missing warning period")
            << inSection(QStringLiteral("disclosurePeriods"), QStringLiteral("credit_warning"), QJsonValue())
            << "'credit_warning' in section 'disclosurePeriods'";
        QTest::newRow("period in days") << inSection(QStringLiteral("disclosurePeriods"), QStringLiteral("general"),
                                                     QStringLiteral("P365D"))
                                        << "'general' in section 'disclosurePeriods'";
        QTest::newRow("period as number") << inSection(QStringLiteral("repairMinimums"), QStringLiteral("serious"), 6)
                                          << "'serious' in section 'repairMinimums'";
        QTest::newRow("zero distinct fields")
            << inSection(QStringLiteral("creditWarning"), QStringLiteral("distinctFields"), 0) << "'distinctFields'";
        QTest::newRow("fractional time limit")
            << inSection(QStringLiteral("timeLimits"), QStringLiteral("objection"), 6.5) << "'objection'";
        QTest::newRow("negative time limit")
            << inSection(QStringLiteral("timeLimits"), QStringLiteral("repair_platform"), -7) << "'repair_platform'";
        QTest::newRow("total shorter than a stage")
            << inSection(QStringLiteral("timeLimits"), QStringLiteral("repair_total"), 5) << "total time limit";
        QTest::newRow("duplicate field key")
            << appendTo(QStringLiteral("fields"), QJsonObject{{QStringLiteral("key"), QStringLiteral("food")},
                                                              {QStringLiteral("zh"), QStringLiteral("食品")},
                                                              {QStringLiteral("en"), QStringLiteral("food")}})
            << "'food' appears twice in 'fields'";
        QTest::newRow("key with capitals")
            << appendTo(QStringLiteral("causes"), QJsonObject{{QStringLiteral("key"), QStringLiteral("Fraud")},
                                                              {QStringLiteral("zh"), QStringLiteral("欺诈")},
                                                              {QStringLiteral("en"), QStringLiteral("fraud")}})
            << "'Fraud'";
        QTest::newRow("label missing") << appendTo(QStringLiteral("causes"),
                                                   QJsonObject{{QStringLiteral("key"), QStringLiteral("fraud")},
                                                               {QStringLiteral("zh"), QStringLiteral("欺诈")}})
                                       << "needs both a Chinese and an English label";
        QTest::newRow("non-repairable field not in catalogue")
            << inSection(QStringLiteral("nonRepairable"), QStringLiteral("fields"),
                         QJsonArray{QStringLiteral("food"), QStringLiteral("medicine")})
            << "'medicine' in 'nonRepairable.fields'";
        QTest::newRow("non-repairable causes empty")
            << inSection(QStringLiteral("nonRepairable"), QStringLiteral("causes"), QJsonArray())
            << "'nonRepairable.causes' is empty";
        QTest::newRow("prohibited and consent at once")
            << inSection(QStringLiteral("collection"), QStringLiteral("consentRequired"),
                         QJsonArray{QStringLiteral("income"), QStringLiteral("genes")})
            << "'genes' cannot be both";
        QTest::newRow("material without when") << Mutation([](QJsonObject& p) {
            p = editSection(p, QStringLiteral("materials"), [](QJsonObject& m) {
                QJsonArray repair = m.value(QStringLiteral("repair")).toArray();
                QJsonObject first = repair.at(0).toObject();
                first.remove(QStringLiteral("when"));
                repair.replace(0, first);
                m.insert(QStringLiteral("repair"), repair);
            });
        }) << "\"always\" or \"agent\"";
        QTest::newRow("no objection materials")
            << inSection(QStringLiteral("materials"), QStringLiteral("objection"), QJsonValue()) << "'objection'";
    }

    void malformedProfilesAreRefused()
    {
        QFETCH(Mutation, mutate);
        QFETCH(QString, inError);
        QJsonObject profile = fictionalProfile(QStringLiteral("all_items"));
        mutate(profile);
        PolicyRegistry registry = m_builtIn;
        QString error;
        QVERIFY(!registry.addJson(toJson(profile), &error));
        QVERIFY2(error.contains(inError), qPrintable(error));
        // The broken profile is not used: the registry still answers with the Xiamen profile.
        QCOMPARE(registry.profiles().size(), 1);
        QCOMPARE(registry.profileOn(d("2027-06-01"))->id(), QStringLiteral("xiamen-2021"));
    }

    void notJsonIsRefused()
    {
        PolicyRegistry registry;
        QString error;
        QVERIFY(!registry.addJson(QByteArray("[1, 2"), &error));
        QVERIFY(error.contains(QStringLiteral("not a JSON object")));
        QVERIFY(registry.isEmpty());
    }

    void sameDayAndSameId()
    {
        PolicyRegistry registry = m_builtIn;
        QString error;
        QString id;
        QVERIFY2(registry.addJson(toJson(fictionalProfile(QStringLiteral("all_items"))), &error, &id),
                 qPrintable(error));
        QCOMPARE(id, QStringLiteral("fictional-2027"));
        // Another profile on the same day would make the choice arbitrary.
        QJsonObject rival = fictionalProfile(QStringLiteral("all_items"));
        rival.insert(QStringLiteral("id"), QStringLiteral("rival-2027"));
        QVERIFY(!registry.addJson(toJson(rival), &error));
        QVERIFY2(error.contains(QStringLiteral("same day")), qPrintable(error));
        // The same id replaces the earlier edition (a corrected profile from sync).
        QJsonObject corrected = fictionalProfile(QStringLiteral("all_items"));
        corrected.insert(QStringLiteral("effectiveFrom"), QStringLiteral("2027-02-01"));
        QVERIFY2(registry.addJson(toJson(corrected), &error), qPrintable(error));
        QCOMPARE(registry.profiles().size(), 2);
        QCOMPARE(registry.profileOn(d("2027-01-15"))->id(), QStringLiteral("xiamen-2021"));
        QCOMPARE(registry.profileOn(d("2027-02-01"))->id(), QStringLiteral("fictional-2027"));
    }

    void loadFromFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("fictional-2027.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(toJson(fictionalProfile(QStringLiteral("all_items"))));
        file.close();
        PolicyRegistry registry = m_builtIn;
        QString error;
        QVERIFY2(registry.addDirectory(dir.path(), &error), qPrintable(error));
        QCOMPARE(registry.profiles().size(), 2);
        QVERIFY(!registry.addFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY(error.contains(QStringLiteral("missing.json")));
        QVERIFY(!registry.addDirectory(dir.filePath(QStringLiteral("nowhere")), &error));
    }

    // All items: from its effective date the new profile judges every item, including one decided before it.
    void switchForAllItems_data()
    {
        QTest::addColumn<QDate>("decided");
        QTest::addColumn<QDate>("assessed");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<DisclosureStatus>("status");
        QTest::addColumn<QDate>("lastDay");

        const auto in = DisclosureStatus::InDisclosure;
        const auto expired = DisclosureStatus::Expired;
        QTest::newRow("old item, day before switch")
            << d("2026-06-15") << d("2026-12-31") << "xiamen-2021" << in << d("2027-06-15");
        QTest::newRow("old item, switch day")
            << d("2026-06-15") << d("2027-01-01") << "fictional-2027" << expired << d("2026-12-15");
        QTest::newRow("recent old item, switch day")
            << d("2026-09-01") << d("2027-01-01") << "fictional-2027" << in << d("2027-03-01");
        QTest::newRow("new item") << d("2027-01-01") << d("2027-07-01") << "fictional-2027" << in << d("2027-07-01");
        QTest::newRow("new item expired")
            << d("2027-01-01") << d("2027-07-02") << "fictional-2027" << expired << d("2027-07-01");
    }

    void switchForAllItems()
    {
        QFETCH(QDate, decided);
        QFETCH(QDate, assessed);
        QFETCH(QString, policy);
        QFETCH(DisclosureStatus, status);
        QFETCH(QDate, lastDay);
        PolicyRegistry registry = m_builtIn;
        QString error;
        QVERIFY2(registry.addJson(toJson(fictionalProfile(QStringLiteral("all_items"))), &error), qPrintable(error));
        const DisclosureAssessment a = Disclosure::assess(generalItem(decided), assessed, registry);
        QCOMPARE(a.policyId, policy);
        QCOMPARE(a.status, status);
        QCOMPARE(a.lastDay, lastDay);
        const QString citation = policy == QLatin1String("xiamen-2021") ? QStringLiteral("Xiamen Measures")
                                                                        : QStringLiteral("Fictional Credit Repair");
        QVERIFY2(a.reason.contains(citation), qPrintable(a.reason));
    }

    // New decisions only: an item decided before the switch keeps the old profile when assessed after it.
    void switchForNewDecisions_data()
    {
        QTest::addColumn<QDate>("decided");
        QTest::addColumn<QDate>("assessed");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QDate>("lastDay");
        QTest::newRow("old item, after switch")
            << d("2026-06-15") << d("2027-03-01") << "xiamen-2021" << d("2027-06-15");
        QTest::newRow("decided on switch day")
            << d("2027-01-01") << d("2027-03-01") << "fictional-2027" << d("2027-07-01");
        QTest::newRow("decided day before") << d("2026-12-31") << d("2027-03-01") << "xiamen-2021" << d("2027-12-31");
    }

    void switchForNewDecisions()
    {
        QFETCH(QDate, decided);
        QFETCH(QDate, assessed);
        QFETCH(QString, policy);
        QFETCH(QDate, lastDay);
        PolicyRegistry registry = m_builtIn;
        QString error;
        QVERIFY2(registry.addJson(toJson(fictionalProfile(QStringLiteral("new_decisions"))), &error),
                 qPrintable(error));
        const DisclosureAssessment a = Disclosure::assess(generalItem(decided), assessed, registry);
        QCOMPARE(a.policyId, policy);
        QCOMPARE(a.lastDay, lastDay);
        QCOMPARE(registry.profileFor(decided, assessed)->id(), policy);
    }

    void switchChangesRepairEligibility_data()
    {
        QTest::addColumn<QString>("appliesTo");
        QTest::addColumn<QDate>("assessed");
        QTest::addColumn<RepairEligibilityCode>("code");
        QTest::addColumn<QDate>("earliest");
        // Decided 2026-11-20, general: 3 months under Xiamen (2027-02-20), 1 month under the fictional profile.
        QTest::newRow("all items, before switch")
            << "all_items" << d("2026-12-31") << RepairEligibilityCode::NotYet << d("2027-02-20");
        QTest::newRow("all items, switch day")
            << "all_items" << d("2027-01-01") << RepairEligibilityCode::Eligible << d("2026-12-20");
        QTest::newRow("new decisions, after switch")
            << "new_decisions" << d("2027-01-01") << RepairEligibilityCode::NotYet << d("2027-02-20");
    }

    void switchChangesRepairEligibility()
    {
        QFETCH(QString, appliesTo);
        QFETCH(QDate, assessed);
        QFETCH(RepairEligibilityCode, code);
        QFETCH(QDate, earliest);
        PolicyRegistry registry = m_builtIn;
        QString error;
        QVERIFY2(registry.addJson(toJson(fictionalProfile(appliesTo)), &error), qPrintable(error));
        const RepairEligibility e = RepairRules::assess(generalItem(d("2026-11-20")), assessed, registry);
        QCOMPARE(e.code, code);
        QCOMPARE(e.earliestDate, earliest);
    }

    void switchChangesStageLimits()
    {
        PolicyRegistry registry = m_builtIn;
        QString error;
        QVERIFY2(registry.addJson(toJson(fictionalProfile(QStringLiteral("all_items"))), &error), qPrintable(error));
        CaseClock clock;
        QVERIFY(CaseClock::forStage(CaseStage::Objection, d("2026-12-31"), registry, &clock, &error));
        QCOMPARE(clock.limit(), 6);
        QVERIFY(CaseClock::forStage(CaseStage::Objection, d("2027-01-01"), registry, &clock, &error));
        QCOMPARE(clock.limit(), 8);
    }

    void keysRoundTrip()
    {
        for (const QString& key : allKeys<DisclosureKind>()) {
            DisclosureKind kind;
            QVERIFY(fromKey(key, &kind));
            QCOMPARE(toKey(kind), key);
        }
        for (const QString& key : allKeys<SubjectKind>()) {
            SubjectKind kind;
            QVERIFY(fromKey(key, &kind));
            QCOMPARE(toKey(kind), key);
            QVERIFY(!displayName(kind).isEmpty());
        }
        for (const QString& key : allKeys<CaseStage>()) {
            CaseStage stage;
            QVERIFY(fromKey(key, &stage));
            QCOMPARE(toKey(stage), key);
        }
        ListKind list = ListKind::None;
        QVERIFY(fromKey(QStringLiteral("key_attention"), &list));
        QCOMPARE(list, ListKind::KeyAttention);
        QVERIFY(!fromKey(QStringLiteral("Key_Attention"), &list));
        QCOMPARE(list, ListKind::KeyAttention);
        QCOMPARE(allKeys<ItemCategory>(),
                 (QStringList{QStringLiteral("basic"), QStringLiteral("trustworthy"), QStringLiteral("dishonest")}));
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "TestPolicy.moc"
