#include "domain/CreditWarning.h"

#include "DomainTestFixtures.h"
#include "domain/Disclosure.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

using DomainFixture::d;

// "2024-01-15:food,2024-06-01:drugs" -> listings, each referenced by its own text.
QVector<KeyAttentionListing> listings(const QString& text)
{
    QVector<KeyAttentionListing> result;
    if (text.isEmpty())
        return result;
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QStringList pieces = part.split(QLatin1Char(':'));
        result.append({QDate::fromString(pieces.at(0), Qt::ISODate), pieces.at(1), part});
    }
    return result;
}

QStringList references(const QVector<KeyAttentionListing>& list)
{
    QStringList r;
    for (const KeyAttentionListing& l : list)
        r.append(l.reference);
    return r;
}

} // namespace

// Social credit warnings: 3 or more distinct fields within any 12-month window of key attention listings raise a
// warning on the day of the listing that completes the count, disclosed for 2 years; the window is half-open and
// follows the month-end rule; a warning in force is not raised twice.
class TestCreditWarning : public QObject
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

    void detect_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDate>("raisedOn"); // invalid: no warning
        QTest::addColumn<QDate>("windowStart");
        QTest::addColumn<QString>("triggering"); // references of the listings in the window
        QTest::addColumn<QString>("fields");

        QTest::newRow("three fields in a year")
            << "2024-01-15:food,2024-06-01:drugs,2024-11-30:taxation" << d("2024-11-30") << d("2024-01-15")
            << "2024-01-15:food,2024-06-01:drugs,2024-11-30:taxation"
            << "food,drugs,taxation";
        QTest::newRow("last day of the window")
            << "2024-01-15:food,2024-06-01:drugs,2025-01-14:taxation" << d("2025-01-14") << d("2024-01-15")
            << "2024-01-15:food,2024-06-01:drugs,2025-01-14:taxation"
            << "food,drugs,taxation";
        QTest::newRow("one day too late")
            << "2024-01-15:food,2024-06-01:drugs,2025-01-15:taxation" << QDate() << QDate() << ""
            << "";
        QTest::newRow("only two distinct fields")
            << "2024-01-15:food,2024-03-01:drugs,2024-05-01:food" << QDate() << QDate() << ""
            << "";
        QTest::newRow("two listings") << "2024-01-15:food,2024-03-01:drugs" << QDate() << QDate() << ""
                                      << "";
        QTest::newRow("none") << "" << QDate() << QDate() << ""
                              << "";
        QTest::newRow("repeated field counted once, still in the window")
            << "2024-01-15:food,2024-02-01:food,2024-06-01:drugs,2024-07-01:taxation" << d("2024-07-01")
            << d("2024-01-15") << "2024-01-15:food,2024-02-01:food,2024-06-01:drugs,2024-07-01:taxation"
            << "food,drugs,taxation";
        // The window slides: the first listing falls out before the third field arrives, the fourth completes it.
        QTest::newRow("sliding window") << "2023-01-10:food,2023-11-01:drugs,2024-02-01:taxation,2024-03-01:food"
                                        << d("2024-03-01") << d("2023-11-01")
                                        << "2023-11-01:drugs,2024-02-01:taxation,2024-03-01:food"
                                        << "drugs,taxation,food";
        QTest::newRow("same day counts together")
            << "2024-05-20:food,2024-05-20:customs,2024-05-20:transport" << d("2024-05-20") << d("2024-05-20")
            << "2024-05-20:food,2024-05-20:customs,2024-05-20:transport"
            << "food,customs,transport";
        QTest::newRow("any order") << "2024-11-30:taxation,2024-01-15:food,2024-06-01:drugs" << d("2024-11-30")
                                   << d("2024-01-15") << "2024-01-15:food,2024-06-01:drugs,2024-11-30:taxation"
                                   << "food,drugs,taxation";
        // Month-end: a window from 29 Feb 2024 ends before 28 Feb 2025.
        QTest::newRow("month end inside") << "2024-02-29:food,2024-08-01:drugs,2025-02-27:taxation" << d("2025-02-27")
                                          << d("2024-02-29") << "2024-02-29:food,2024-08-01:drugs,2025-02-27:taxation"
                                          << "food,drugs,taxation";
        QTest::newRow("month end outside")
            << "2024-02-29:food,2024-08-01:drugs,2025-02-28:taxation" << QDate() << QDate() << ""
            << "";
        QTest::newRow("before any policy")
            << "2020-01-15:food,2020-06-01:drugs,2020-11-30:taxation" << QDate() << QDate() << ""
            << "";
    }

    void detect()
    {
        QFETCH(QString, input);
        QFETCH(QDate, raisedOn);
        QFETCH(QDate, windowStart);
        QFETCH(QString, triggering);
        QFETCH(QString, fields);

        const QVector<CreditWarning> warnings = CreditWarnings::detect(listings(input), m_policies);
        if (!raisedOn.isValid()) {
            QVERIFY(warnings.isEmpty());
            return;
        }
        QCOMPARE(warnings.size(), 1);
        const CreditWarning& w = warnings.first();
        QCOMPARE(w.raisedOn, raisedOn);
        QCOMPARE(w.windowStart, windowStart);
        QCOMPARE(w.windowLastDay, windowStart.addMonths(12).addDays(-1));
        QCOMPARE(references(w.listings).join(QLatin1Char(',')), triggering);
        QCOMPARE(w.fieldKeys.join(QLatin1Char(',')), fields);
        QCOMPARE(w.disclosureLastDay, raisedOn.addYears(2));
        QCOMPARE(w.policyId, QStringLiteral("xiamen-2021"));
        QVERIFY2(w.reason.contains(raisedOn.toString(Qt::ISODate)), qPrintable(w.reason));
        QVERIFY(w.reason.contains(w.disclosureLastDay.toString(Qt::ISODate)));
        QVERIFY(w.reason.contains(QStringLiteral("2 years")));
    }

    void inForceForTwoYears()
    {
        const QVector<CreditWarning> warnings = CreditWarnings::detect(
            listings(QStringLiteral("2024-02-29:food,2024-08-01:drugs,2024-12-31:taxation")), m_policies);
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().disclosureLastDay, d("2026-12-31"));
        QVERIFY(!CreditWarnings::inForce(warnings, d("2024-12-30")));
        QVERIFY(CreditWarnings::inForce(warnings, d("2024-12-31")));
        QVERIFY(CreditWarnings::inForce(warnings, d("2026-12-31")));
        QVERIFY(!CreditWarnings::inForce(warnings, d("2027-01-01")));
        // The same period as a warning recorded as an item.
        CreditItemFacts item;
        item.category = ItemCategory::Dishonest;
        item.listKind = ListKind::CreditWarning;
        item.decisionDate = d("2024-12-31");
        QCOMPARE(Disclosure::assess(item, d("2025-01-01"), m_policies).lastDay, d("2026-12-31"));
    }

    void notRaisedTwiceWhileInForce()
    {
        // Three more fields a few months later: the subject is already warned until 2026-11-30.
        const QString first = QStringLiteral("2024-01-15:food,2024-06-01:drugs,2024-11-30:taxation");
        QVector<CreditWarning> warnings = CreditWarnings::detect(
            listings(first + QStringLiteral(",2025-03-01:customs,2025-04-01:transport,2025-05-01:finance")),
            m_policies);
        QCOMPARE(warnings.size(), 1);
        // After the first warning ends, a new qualifying window raises a new one.
        warnings = CreditWarnings::detect(
            listings(first + QStringLiteral(",2026-12-01:customs,2027-01-01:transport,2027-02-01:finance")),
            m_policies);
        QCOMPARE(warnings.size(), 2);
        QCOMPARE(warnings.at(1).raisedOn, d("2027-02-01"));
        QCOMPARE(warnings.at(1).windowStart, d("2026-12-01"));
        QCOMPARE(warnings.at(1).fieldKeys,
                 (QStringList{QStringLiteral("customs"), QStringLiteral("transport"), QStringLiteral("finance")}));
        QCOMPARE(CreditWarnings::inForce(warnings, d("2027-06-01")), &warnings.at(1));
        QVERIFY(!CreditWarnings::inForce(warnings, d("2026-12-15")));
    }

    void ignoresIncompleteListings()
    {
        QVector<KeyAttentionListing> list = listings(QStringLiteral("2024-01-15:food,2024-06-01:drugs"));
        list.append({QDate(), QStringLiteral("taxation"), QStringLiteral("no date")});
        list.append({d("2024-07-01"), QString(), QStringLiteral("no field")});
        QVERIFY(CreditWarnings::detect(list, m_policies).isEmpty());
    }

    void thresholdFromPolicy()
    {
        // A fictional profile from 2027 that warns at 2 fields.
        QFile file(QStringLiteral(":/xmcredit/policy/xiamen-2021.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject p = QJsonDocument::fromJson(file.readAll()).object();
        p.insert(QStringLiteral("id"), QStringLiteral("fictional-2027"));
        p.insert(QStringLiteral("effectiveFrom"), QStringLiteral("2027-01-01"));
        QJsonObject warning = p.value(QStringLiteral("creditWarning")).toObject();
        warning.insert(QStringLiteral("distinctFields"), 2);
        p.insert(QStringLiteral("creditWarning"), warning);
        PolicyRegistry registry = m_policies;
        QString error;
        QVERIFY2(registry.addJson(QJsonDocument(p).toJson(), &error), qPrintable(error));
        QVERIFY(
            CreditWarnings::detect(listings(QStringLiteral("2026-10-01:food,2026-12-31:drugs")), registry).isEmpty());
        const QVector<CreditWarning> warnings =
            CreditWarnings::detect(listings(QStringLiteral("2026-10-01:food,2027-01-01:drugs")), registry);
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().policyId, QStringLiteral("fictional-2027"));
        QCOMPARE(warnings.first().windowStart, d("2026-10-01"));
    }

    void reasonNamesTheFields()
    {
        DomainFixture::useChinese();
        const QVector<CreditWarning> warnings = CreditWarnings::detect(
            listings(QStringLiteral("2024-01-15:food,2024-06-01:fire_safety,2024-11-30:taxation")), m_policies);
        DomainFixture::useEnglish();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().reason.contains(QStringLiteral("消防安全")), qPrintable(warnings.first().reason));
        QVERIFY(warnings.first().reason.contains(QStringLiteral("《厦门市公共信用信息管理办法》")));
    }
};

QTEST_GUILESS_MAIN(TestCreditWarning)
#include "TestCreditWarning.moc"
