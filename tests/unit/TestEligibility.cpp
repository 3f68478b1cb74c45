#include "domain/RepairEligibility.h"

#include "DomainTestFixtures.h"

#include <QTest>

Q_DECLARE_METATYPE(RepairEligibilityCode)
Q_DECLARE_METATYPE(RepairRule)

namespace {

using DomainFixture::d;

CreditItemFacts penalty(const QString& penaltyKind, const QString& field, const QString& cause,
                        Severity severity = Severity::General, const QDate& decided = QDate(2025, 1, 10))
{
    CreditItemFacts f =
        DomainFixture::facts(ItemCategory::Dishonest, severity, decided, QStringLiteral("厦市监罚〔2025〕12号"));
    f.penaltyKindKey = penaltyKind;
    f.fieldKey = field;
    f.causeKey = cause;
    return f;
}

// The lists of DOMAIN.md, written out here rather than read from the profile, so that a profile that lost an
// entry fails the test.
const QStringList NonRepairablePenalties{QStringLiteral("suspension_of_production_or_business"),
                                         QStringLiteral("permit_revocation"), QStringLiteral("licence_revocation")};
const QStringList NonRepairableFields{QStringLiteral("food"),
                                      QStringLiteral("drugs"),
                                      QStringLiteral("ecological_environment"),
                                      QStringLiteral("construction_quality"),
                                      QStringLiteral("work_safety"),
                                      QStringLiteral("fire_safety"),
                                      QStringLiteral("compulsory_product_certification")};
const QStringList NonRepairableCauses{QStringLiteral("bribery"),
                                      QStringLiteral("tax_evasion_or_fraud"),
                                      QStringLiteral("malicious_debt_evasion"),
                                      QStringLiteral("malicious_payment_arrears"),
                                      QStringLiteral("malicious_wage_arrears"),
                                      QStringLiteral("illegal_fund_raising"),
                                      QStringLiteral("contract_fraud"),
                                      QStringLiteral("pyramid_selling"),
                                      QStringLiteral("unlicensed_operation"),
                                      QStringLiteral("counterfeit_or_shoddy_goods"),
                                      QStringLiteral("wilful_ip_infringement"),
                                      QStringLiteral("qualification_lending_for_bidding"),
                                      QStringLiteral("bid_rigging"),
                                      QStringLiteral("false_advertising"),
                                      QStringLiteral("harming_consumers_or_investors"),
                                      QStringLiteral("disrupting_online_communication_order"),
                                      QStringLiteral("gathering_crowds_disturbing_order")};

} // namespace

// Repair eligibility: each non-repairable field and cause with each non-repairable penalty kind, the same fields and
// causes with other penalties, the 3- and 6-month minimums with the month-end rule, and the not-applicable cases.
class TestEligibility : public QObject
{
    Q_OBJECT

private:
    PolicyRegistry m_policies;

private slots:
    void initTestCase()
    {
        QString error;
        m_policies = DomainFixture::builtInPolicies(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void neverByField_data()
    {
        QTest::addColumn<QString>("penaltyKind");
        QTest::addColumn<QString>("field");
        for (const QString& p : NonRepairablePenalties) {
            for (const QString& f : NonRepairableFields)
                QTest::addRow("%s in %s", qPrintable(p), qPrintable(f)) << p << f;
        }
    }

    void neverByField()
    {
        QFETCH(QString, penaltyKind);
        QFETCH(QString, field);
        const RepairEligibility e =
            RepairRules::assess(penalty(penaltyKind, field, QString()), d("2025-12-01"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Never);
        QCOMPARE(e.rule, RepairRule::NonRepairableField);
        QCOMPARE(e.fieldKey, field);
        QCOMPARE(e.penaltyKindKey, penaltyKind);
        QVERIFY(!e.earliestDate.isValid());
        // The reason quotes the penalty kind and the field by their labels.
        const PolicyProfilePtr p = m_policies.profileOn(d("2025-12-01"));
        QVERIFY2(e.reason.contains(p->label(PolicyProfile::Catalogue::Field, field)), qPrintable(e.reason));
        QVERIFY2(e.reason.contains(p->label(PolicyProfile::Catalogue::PenaltyKind, penaltyKind)), qPrintable(e.reason));
        QVERIFY(e.reason.contains(QStringLiteral("Xiamen Measures")));
        QCOMPARE(toKey(e.rule), QStringLiteral("repair.never.field"));
    }

    void neverByCause_data()
    {
        QTest::addColumn<QString>("penaltyKind");
        QTest::addColumn<QString>("cause");
        for (const QString& p : NonRepairablePenalties) {
            for (const QString& c : NonRepairableCauses)
                QTest::addRow("%s for %s", qPrintable(p), qPrintable(c)) << p << c;
        }
    }

    void neverByCause()
    {
        QFETCH(QString, penaltyKind);
        QFETCH(QString, cause);
        // In a field that is repairable on its own, so that the cause decides.
        const RepairEligibility e = RepairRules::assess(
            penalty(penaltyKind, QStringLiteral("market_regulation"), cause), d("2025-12-01"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Never);
        QCOMPARE(e.rule, RepairRule::NonRepairableCause);
        QCOMPARE(e.causeKey, cause);
        QCOMPARE(e.penaltyKindKey, penaltyKind);
        const PolicyProfilePtr p = m_policies.profileOn(d("2025-12-01"));
        QVERIFY2(e.reason.contains(p->label(PolicyProfile::Catalogue::Cause, cause)), qPrintable(e.reason));
        QVERIFY2(e.reason.contains(p->label(PolicyProfile::Catalogue::PenaltyKind, penaltyKind)), qPrintable(e.reason));
    }

    // Other penalties in the same fields and for the same causes stay repairable: the rule needs both parts.
    void otherPenaltiesStayRepairable_data()
    {
        QTest::addColumn<QString>("penaltyKind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("cause");
        for (const QString& p : {QStringLiteral("fine"), QStringLiteral("warning"), QStringLiteral("order_to_close"),
                                 QStringLiteral("permit_suspension")}) {
            for (const QString& f : NonRepairableFields)
                QTest::addRow("%s in %s", qPrintable(p), qPrintable(f)) << p << f << QString();
            for (const QString& c : NonRepairableCauses)
                QTest::addRow("%s for %s", qPrintable(p), qPrintable(c)) << p << QStringLiteral("taxation") << c;
        }
        for (const QString& p : NonRepairablePenalties)
            QTest::addRow("%s elsewhere", qPrintable(p)) << p << QStringLiteral("transport") << QString();
        QTest::newRow("nothing recorded") << QString() << QString() << QString();
    }

    void otherPenaltiesStayRepairable()
    {
        QFETCH(QString, penaltyKind);
        QFETCH(QString, field);
        QFETCH(QString, cause);
        const RepairEligibility e =
            RepairRules::assess(penalty(penaltyKind, field, cause), d("2025-12-01"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Eligible);
        QCOMPARE(e.rule, RepairRule::MinimumPeriodMet);
    }

    void minimumPeriod_data()
    {
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<QDate>("decided");
        QTest::addColumn<QDate>("earliest");
        const auto g = Severity::General;
        const auto s = Severity::Serious;
        QTest::newRow("general 3 months") << g << d("2025-01-10") << d("2025-04-10");
        QTest::newRow("general from 30 Nov to 28 Feb") << g << d("2024-11-30") << d("2025-02-28");
        QTest::newRow("general from 30 Nov to 29 Feb in a leap year") << g << d("2023-11-30") << d("2024-02-29");
        QTest::newRow("general from 31 May to 31 Aug") << g << d("2025-05-31") << d("2025-08-31");
        QTest::newRow("general from 31 Mar to 30 Jun") << g << d("2025-03-31") << d("2025-06-30");
        QTest::newRow("general over the year end") << g << d("2024-11-15") << d("2025-02-15");
        QTest::newRow("serious 6 months") << s << d("2025-01-10") << d("2025-07-10");
        QTest::newRow("serious from 31 Aug to 28 Feb") << s << d("2024-08-31") << d("2025-02-28");
        QTest::newRow("serious from 31 Dec to 30 Jun") << s << d("2024-12-31") << d("2025-06-30");
    }

    void minimumPeriod()
    {
        QFETCH(Severity, severity);
        QFETCH(QDate, decided);
        QFETCH(QDate, earliest);
        const CreditItemFacts f =
            penalty(QStringLiteral("fine"), QStringLiteral("taxation"), QString(), severity, decided);
        const RepairEligibility before = RepairRules::assess(f, earliest.addDays(-1), m_policies);
        QCOMPARE(before.code, RepairEligibilityCode::NotYet);
        QCOMPARE(before.rule, RepairRule::MinimumPeriodNotMet);
        QCOMPARE(before.earliestDate, earliest);
        QVERIFY2(before.reason.contains(earliest.toString(Qt::ISODate)), qPrintable(before.reason));
        QVERIFY(before.reason.contains(severity == Severity::General ? QStringLiteral("3 months")
                                                                     : QStringLiteral("6 months")));
        const RepairEligibility on = RepairRules::assess(f, earliest, m_policies);
        QCOMPARE(on.code, RepairEligibilityCode::Eligible);
        QCOMPARE(on.earliestDate, earliest);
        QVERIFY(on.eligible());
    }

    void neverComesBeforeNotYet()
    {
        // Decided yesterday, but never repairable: the applicant must not be told to come back later.
        const RepairEligibility e =
            RepairRules::assess(penalty(QStringLiteral("licence_revocation"), QStringLiteral("drugs"), QString()),
                                d("2025-01-11"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Never);
    }

    void fieldRuleQuotedFirst()
    {
        // Both a listed field and a listed cause: the field rule (a) is the one quoted.
        const RepairEligibility e = RepairRules::assess(
            penalty(QStringLiteral("permit_revocation"), QStringLiteral("food"), QStringLiteral("bribery")),
            d("2025-12-01"), m_policies);
        QCOMPARE(e.rule, RepairRule::NonRepairableField);
        QVERIFY(e.causeKey.isEmpty());
    }

    void declaredNonRepairable()
    {
        CreditItemFacts f = penalty(QStringLiteral("fine"), QStringLiteral("taxation"), QString());
        f.declaredNonRepairable = true;
        f.nonRepairableBasis = QStringLiteral("《某某条例》第三十条");
        RepairEligibility e = RepairRules::assess(f, d("2025-12-01"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Never);
        QCOMPARE(e.rule, RepairRule::DeclaredNonRepairable);
        QVERIFY2(e.reason.contains(QStringLiteral("《某某条例》第三十条")), qPrintable(e.reason));
        f.nonRepairableBasis.clear();
        e = RepairRules::assess(f, d("2025-12-01"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Never);
        QVERIFY(e.reason.contains(QStringLiteral("not recorded")));
    }

    void notApplicable_data()
    {
        QTest::addColumn<ItemCategory>("category");
        QTest::addColumn<QDate>("repaired");
        QTest::addColumn<QDate>("withdrawn");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<RepairEligibilityCode>("code");
        QTest::addColumn<RepairRule>("rule");
        const auto na = RepairEligibilityCode::NotApplicable;
        const QDate none;
        QTest::newRow("basic") << ItemCategory::Basic << none << none << d("2025-12-01") << na
                               << RepairRule::NotDishonest;
        QTest::newRow("trustworthy") << ItemCategory::Trustworthy << none << none << d("2025-12-01") << na
                                     << RepairRule::NotDishonest;
        QTest::newRow("already repaired") << ItemCategory::Dishonest << d("2025-06-01") << none << d("2025-12-01") << na
                                          << RepairRule::AlreadyRepaired;
        QTest::newRow("withdrawn") << ItemCategory::Dishonest << none << d("2025-03-01") << d("2025-12-01") << na
                                   << RepairRule::Withdrawn;
        // Decided 2025-01-10, general: disclosed until 2026-01-10.
        QTest::newRow("expired") << ItemCategory::Dishonest << none << none << d("2026-01-11") << na
                                 << RepairRule::Expired;
        QTest::newRow("last day of disclosure") << ItemCategory::Dishonest << none << none << d("2026-01-10")
                                                << RepairEligibilityCode::Eligible << RepairRule::MinimumPeriodMet;
        QTest::newRow("no policy") << ItemCategory::Dishonest << none << none << d("2020-12-01")
                                   << RepairEligibilityCode::Undetermined << RepairRule::NoPolicy;
    }

    void notApplicable()
    {
        QFETCH(ItemCategory, category);
        QFETCH(QDate, repaired);
        QFETCH(QDate, withdrawn);
        QFETCH(QDate, on);
        QFETCH(RepairEligibilityCode, code);
        QFETCH(RepairRule, rule);
        // Penalty kind and field that would make it non-repairable: not-applicable answers come first.
        CreditItemFacts f = penalty(category == ItemCategory::Dishonest && code != RepairEligibilityCode::NotApplicable
                                        ? QStringLiteral("fine")
                                        : QStringLiteral("permit_revocation"),
                                    QStringLiteral("food"), QString());
        f.category = category;
        f.repairedOn = repaired;
        f.withdrawnOn = withdrawn;
        const RepairEligibility e = RepairRules::assess(f, on, m_policies);
        QCOMPARE(e.code, code);
        QCOMPARE(e.rule, rule);
        QVERIFY(!e.reason.isEmpty());
    }

    void noDecisionDate()
    {
        CreditItemFacts f = penalty(QStringLiteral("fine"), QString(), QString());
        f.decisionDate = QDate();
        const RepairEligibility e = RepairRules::assess(f, d("2025-12-01"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Undetermined);
        QCOMPARE(e.rule, RepairRule::NoDecisionDate);
    }

    void listedItemsUseTheirSeverity()
    {
        CreditItemFacts f = penalty(QString(), QStringLiteral("taxation"), QString(), Severity::Serious);
        f.listKind = ListKind::JointPunishment;
        RepairEligibility e = RepairRules::assess(f, d("2025-07-09"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::NotYet);
        QCOMPARE(e.earliestDate, d("2025-07-10"));
        f.listKind = ListKind::KeyAttention;
        f.severity = Severity::General;
        e = RepairRules::assess(f, d("2025-04-10"), m_policies);
        QCOMPARE(e.code, RepairEligibilityCode::Eligible);
    }

    void reasonInChinese()
    {
        DomainFixture::useChinese();
        const RepairEligibility e = RepairRules::assess(
            penalty(QStringLiteral("suspension_of_production_or_business"), QStringLiteral("work_safety"), QString()),
            d("2025-12-01"), m_policies);
        DomainFixture::useEnglish();
        QVERIFY2(e.reason.contains(QStringLiteral("责令停产停业")), qPrintable(e.reason));
        QVERIFY2(e.reason.contains(QStringLiteral("安全生产")), qPrintable(e.reason));
        QVERIFY2(e.reason.contains(QStringLiteral("《厦门市公共信用信息管理办法》")), qPrintable(e.reason));
    }
};

QTEST_GUILESS_MAIN(TestEligibility)
#include "TestEligibility.moc"
