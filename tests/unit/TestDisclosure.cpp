#include "domain/Disclosure.h"

#include "DomainTestFixtures.h"

#include <QTest>

Q_DECLARE_METATYPE(DisclosureStatus)

namespace {

using DomainFixture::d;

CreditItemFacts item(ItemCategory category, Severity severity, ListKind list, const QDate& decided)
{
    CreditItemFacts f = DomainFixture::facts(category, severity, decided, QStringLiteral("厦税罚〔2024〕7号"));
    f.listKind = list;
    return f;
}

} // namespace

// Disclosure periods of the Xiamen profile (general 1y, serious 3y, joint punishment list 5y, key attention list
// 1y, warning 2y) counted in calendar months with the month-end rule, and the status of an item on a date.
class TestDisclosure : public QObject
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

    void lastDay_data()
    {
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<ListKind>("list");
        QTest::addColumn<QDate>("decided");
        QTest::addColumn<QDate>("lastDay");
        QTest::addColumn<QString>("kind");

        const auto g = Severity::General;
        const auto s = Severity::Serious;
        QTest::newRow("general 1y") << g << ListKind::None << d("2024-03-01") << d("2025-03-01") << "general";
        QTest::newRow("general from 29 Feb") << g << ListKind::None << d("2024-02-29") << d("2025-02-28") << "general";
        QTest::newRow("general from 28 Feb") << g << ListKind::None << d("2023-02-28") << d("2024-02-28") << "general";
        QTest::newRow("general from 31 Jan") << g << ListKind::None << d("2025-01-31") << d("2026-01-31") << "general";
        QTest::newRow("general from 31 Dec") << g << ListKind::None << d("2024-12-31") << d("2025-12-31") << "general";
        QTest::newRow("serious 3y") << s << ListKind::None << d("2022-05-10") << d("2025-05-10") << "serious";
        QTest::newRow("serious from 29 Feb") << s << ListKind::None << d("2024-02-29") << d("2027-02-28") << "serious";
        QTest::newRow("joint punishment 5y")
            << s << ListKind::JointPunishment << d("2021-07-01") << d("2026-07-01") << "joint_punishment_list";
        QTest::newRow("joint punishment from 29 Feb")
            << s << ListKind::JointPunishment << d("2024-02-29") << d("2029-02-28") << "joint_punishment_list";
        QTest::newRow("joint punishment general severity still 5y")
            << g << ListKind::JointPunishment << d("2022-01-15") << d("2027-01-15") << "joint_punishment_list";
        QTest::newRow("key attention 1y")
            << g << ListKind::KeyAttention << d("2024-02-29") << d("2025-02-28") << "key_attention_list";
        QTest::newRow("key attention serious still 1y")
            << s << ListKind::KeyAttention << d("2024-06-30") << d("2025-06-30") << "key_attention_list";
        QTest::newRow("credit warning 2y")
            << g << ListKind::CreditWarning << d("2024-02-29") << d("2026-02-28") << "credit_warning";
        QTest::newRow("credit warning from 28 Feb into a leap year stays on the 28th")
            << g << ListKind::CreditWarning << d("2026-02-28") << d("2028-02-28") << "credit_warning";
    }

    void lastDay()
    {
        QFETCH(Severity, severity);
        QFETCH(ListKind, list);
        QFETCH(QDate, decided);
        QFETCH(QDate, lastDay);
        QFETCH(QString, kind);
        const CreditItemFacts f = item(ItemCategory::Dishonest, severity, list, decided);
        // Shown up to and including the last day, taken down the day after.
        const DisclosureAssessment onLast = Disclosure::assess(f, lastDay, m_policies);
        QCOMPARE(onLast.status, DisclosureStatus::InDisclosure);
        QCOMPARE(onLast.lastDay, lastDay);
        QCOMPARE(toKey(onLast.kind), kind);
        QCOMPARE(onLast.rule, QStringLiteral("disclosure.period.") + kind);
        QVERIFY(onLast.shown());
        QVERIFY2(onLast.reason.contains(lastDay.toString(Qt::ISODate)), qPrintable(onLast.reason));
        QVERIFY2(onLast.reason.contains(QStringLiteral("Xiamen Measures")), qPrintable(onLast.reason));
        const DisclosureAssessment after = Disclosure::assess(f, lastDay.addDays(1), m_policies);
        QCOMPARE(after.status, DisclosureStatus::Expired);
        QVERIFY(!after.shown());
        QCOMPARE(after.rule, QStringLiteral("disclosure.expired"));
        // The same answer from the lower-level function.
        const PolicyProfilePtr profile = m_policies.profileOn(lastDay);
        QCOMPARE(Disclosure::lastDay(*profile, onLast.kind, decided), lastDay);
    }

    void status_data()
    {
        QTest::addColumn<ItemCategory>("category");
        QTest::addColumn<QDate>("repaired");
        QTest::addColumn<QDate>("withdrawn");
        QTest::addColumn<bool>("objection");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<DisclosureStatus>("status");
        QTest::addColumn<QString>("rule");

        const auto dishonest = ItemCategory::Dishonest;
        const QDate none;
        // A general dishonest item decided 2024-03-01, disclosed until 2025-03-01.
        QTest::newRow("in disclosure") << dishonest << none << none << false << d("2024-09-01")
                                       << DisclosureStatus::InDisclosure << "disclosure.period.general";
        QTest::newRow("decision day") << dishonest << none << none << false << d("2024-03-01")
                                      << DisclosureStatus::InDisclosure << "disclosure.period.general";
        QTest::newRow("before decision") << dishonest << none << none << false << d("2024-02-29")
                                         << DisclosureStatus::NotYetDisclosed << "disclosure.not_yet_decided";
        QTest::newRow("expired") << dishonest << none << none << false << d("2025-03-02") << DisclosureStatus::Expired
                                 << "disclosure.expired";
        QTest::newRow("under objection") << dishonest << none << none << true << d("2024-09-01")
                                         << DisclosureStatus::UnderObjection << "disclosure.under_objection";
        QTest::newRow("objection after expiry is moot") << dishonest << none << none << true << d("2025-06-01")
                                                        << DisclosureStatus::Expired << "disclosure.expired";
        QTest::newRow("repaired") << dishonest << d("2024-07-01") << none << false << d("2024-09-01")
                                  << DisclosureStatus::Repaired << "disclosure.repaired";
        QTest::newRow("repaired later") << dishonest << d("2024-10-01") << none << false << d("2024-09-01")
                                        << DisclosureStatus::InDisclosure << "disclosure.period.general";
        QTest::newRow("repaired on that day") << dishonest << d("2024-09-01") << none << false << d("2024-09-01")
                                              << DisclosureStatus::Repaired << "disclosure.repaired";
        QTest::newRow("withdrawn") << dishonest << none << d("2024-05-01") << true << d("2024-09-01")
                                   << DisclosureStatus::Withdrawn << "disclosure.withdrawn";
        QTest::newRow("withdrawn wins over repaired")
            << dishonest << d("2024-07-01") << d("2024-08-01") << false << d("2024-09-01")
            << DisclosureStatus::Withdrawn << "disclosure.withdrawn";
        QTest::newRow("withdrawn after expiry") << dishonest << none << d("2025-04-01") << false << d("2025-05-01")
                                                << DisclosureStatus::Withdrawn << "disclosure.withdrawn";
        QTest::newRow("basic: no time limit") << ItemCategory::Basic << none << none << false << d("2034-01-01")
                                              << DisclosureStatus::InDisclosure << "disclosure.not_time_limited";
        QTest::newRow("trustworthy under objection")
            << ItemCategory::Trustworthy << none << none << true << d("2030-01-01") << DisclosureStatus::UnderObjection
            << "disclosure.not_time_limited";
        QTest::newRow("basic withdrawn") << ItemCategory::Basic << none << d("2025-01-01") << false << d("2025-01-02")
                                         << DisclosureStatus::Withdrawn << "disclosure.withdrawn";
        QTest::newRow("no policy yet") << dishonest << none << none << false << d("2020-06-01")
                                       << DisclosureStatus::Undetermined << "policy.none";
    }

    void status()
    {
        QFETCH(ItemCategory, category);
        QFETCH(QDate, repaired);
        QFETCH(QDate, withdrawn);
        QFETCH(bool, objection);
        QFETCH(QDate, on);
        QFETCH(DisclosureStatus, status);
        QFETCH(QString, rule);
        CreditItemFacts f = item(category, Severity::General, ListKind::None, d("2024-03-01"));
        f.repairedOn = repaired;
        f.withdrawnOn = withdrawn;
        f.objectionPending = objection;
        const DisclosureAssessment a = Disclosure::assess(f, on, m_policies);
        QCOMPARE(a.status, status);
        QCOMPARE(a.rule, rule);
        QCOMPARE(a.timeLimited, category == ItemCategory::Dishonest);
        QVERIFY(!a.reason.isEmpty());
        QCOMPARE(a.shown(), status == DisclosureStatus::InDisclosure || status == DisclosureStatus::UnderObjection);
    }

    void noDecisionDate()
    {
        CreditItemFacts f = item(ItemCategory::Dishonest, Severity::Serious, ListKind::None, QDate());
        const DisclosureAssessment a = Disclosure::assess(f, d("2025-01-01"), m_policies);
        QCOMPARE(a.status, DisclosureStatus::Undetermined);
        QCOMPARE(a.rule, QStringLiteral("disclosure.no_decision_date"));
        QVERIFY(a.reason.contains(QStringLiteral("no decision date")));
    }

    void statusKeysAreDistinct()
    {
        QStringList keys;
        for (int i = int(DisclosureStatus::InDisclosure); i <= int(DisclosureStatus::Undetermined); ++i)
            keys.append(toKey(DisclosureStatus(i)));
        keys.removeDuplicates();
        QCOMPARE(keys.size(), 7);
    }

    void reasonInChinese()
    {
        DomainFixture::useChinese();
        const DisclosureAssessment a =
            Disclosure::assess(item(ItemCategory::Dishonest, Severity::Serious, ListKind::None, d("2024-02-29")),
                               d("2025-01-01"), m_policies);
        DomainFixture::useEnglish();
        // The regulation is named by its Chinese title when the interface is Chinese.
        QVERIFY2(a.reason.contains(QStringLiteral("《厦门市公共信用信息管理办法》")), qPrintable(a.reason));
    }
};

QTEST_GUILESS_MAIN(TestDisclosure)
#include "TestDisclosure.moc"
