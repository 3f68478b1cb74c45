#include "domain/CollectionRules.h"

#include "DomainTestFixtures.h"

#include <QTest>

Q_DECLARE_METATYPE(CollectionOutcome)
Q_DECLARE_METATYPE(CollectionRule)

namespace {

const QDate EntryDay(2025, 6, 2);

} // namespace

// Collection rules at record entry: personal data never collected, data collected only with written consent,
// exclusions for natural persons' minor penalties unless a recorded legal basis overrides, and the legal document
// every dishonest item must rest on.
class TestCollection : public QObject
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

    void attributes_data()
    {
        QTest::addColumn<SubjectKind>("subject");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<bool>("consent");
        QTest::addColumn<CollectionOutcome>("outcome");
        QTest::addColumn<CollectionRule>("rule");
        QTest::addColumn<QString>("inReason");

        const auto person = SubjectKind::NaturalPerson;
        const auto refused = CollectionOutcome::Refused;
        const auto needsConsent = CollectionOutcome::NeedsConsent;
        const auto accepted = CollectionOutcome::Accepted;
        const QStringList prohibited{QStringLiteral("religion"),     QStringLiteral("genes"),
                                     QStringLiteral("fingerprints"), QStringLiteral("blood_type"),
                                     QStringLiteral("illness"),      QStringLiteral("medical_history")};
        const QStringList prohibitedLabels{QStringLiteral("religious belief"), QStringLiteral("genes"),
                                           QStringLiteral("fingerprints"),     QStringLiteral("blood type"),
                                           QStringLiteral("illness"),          QStringLiteral("medical history")};
        for (int i = 0; i < prohibited.size(); ++i) {
            // Consent does not help: these are never collected.
            QTest::addRow("%s refused", qPrintable(prohibited.at(i)))
                << person << prohibited.at(i) << false << refused << CollectionRule::ProhibitedPersonalData
                << prohibitedLabels.at(i);
            QTest::addRow("%s refused even with consent", qPrintable(prohibited.at(i)))
                << person << prohibited.at(i) << true << refused << CollectionRule::ProhibitedPersonalData
                << "must never be collected";
        }
        const QStringList consent{QStringLiteral("income"),      QStringLiteral("deposits"),
                                  QStringLiteral("securities"),  QStringLiteral("commercial_insurance"),
                                  QStringLiteral("real_estate"), QStringLiteral("tax_amount")};
        for (const QString& key : consent) {
            QTest::addRow("%s needs consent", qPrintable(key))
                << person << key << false << needsConsent << CollectionRule::ConsentRequired << "Record the consent";
            QTest::addRow("%s with consent", qPrintable(key))
                << person << key << true << accepted << CollectionRule::ConsentRecorded << "consent";
        }
        // Organisations: the personal-data rules protect natural persons only.
        QTest::newRow("company tax amount") << SubjectKind::LegalPerson << "tax_amount" << false << accepted
                                            << CollectionRule::Ordinary << "No collection restriction";
        QTest::newRow("individual business real estate")
            << SubjectKind::IndividualBusiness << "real_estate" << false << accepted << CollectionRule::Ordinary << "";
        QTest::newRow("person's address") << person << "address" << false << accepted << CollectionRule::Ordinary << "";
    }

    void attributes()
    {
        QFETCH(SubjectKind, subject);
        QFETCH(QString, attribute);
        QFETCH(bool, consent);
        QFETCH(CollectionOutcome, outcome);
        QFETCH(CollectionRule, rule);
        QFETCH(QString, inReason);
        const CollectionDecision decision =
            CollectionRules::assessAttribute({subject, attribute, consent}, EntryDay, m_policies);
        QCOMPARE(decision.outcome, outcome);
        QCOMPARE(decision.rule, rule);
        QCOMPARE(decision.accepted(), outcome == CollectionOutcome::Accepted);
        QCOMPARE(decision.policyId, QStringLiteral("xiamen-2021"));
        QVERIFY2(decision.reason.contains(inReason), qPrintable(decision.reason));
        QVERIFY(decision.reason.contains(QStringLiteral("Xiamen Measures")));
    }

    void items_data()
    {
        QTest::addColumn<SubjectKind>("subject");
        QTest::addColumn<ItemCategory>("category");
        QTest::addColumn<QString>("document");
        QTest::addColumn<bool>("simplified");
        QTest::addColumn<bool>("minor");
        QTest::addColumn<bool>("remedied");
        QTest::addColumn<QString>("legalBasis");
        QTest::addColumn<CollectionOutcome>("outcome");
        QTest::addColumn<CollectionRule>("rule");

        const auto person = SubjectKind::NaturalPerson;
        const auto company = SubjectKind::LegalPerson;
        const auto dishonest = ItemCategory::Dishonest;
        const QString doc = QStringLiteral("思公(交)决字〔2025〕000123号");
        const QString basis = QStringLiteral("《厦门经济特区社会信用条例》");
        using O = CollectionOutcome;
        using R = CollectionRule;
        QTest::newRow("ordinary penalty")
            << person << dishonest << doc << false << false << false << "" << O::Accepted << R::Ordinary;
        QTest::newRow("no document") << company << dishonest << "" << false << false << false << "" << O::Refused
                                     << R::MissingLegalDocument;
        QTest::newRow("blank document") << person << dishonest << "   " << false << false << false << "" << O::Refused
                                        << R::MissingLegalDocument;
        QTest::newRow("no document beats exclusion")
            << person << dishonest << "" << true << false << false << basis << O::Refused << R::MissingLegalDocument;
        QTest::newRow("basic item needs no document")
            << person << ItemCategory::Basic << "" << false << false << false << "" << O::Accepted << R::Ordinary;
        QTest::newRow("trustworthy item needs no document") << company << ItemCategory::Trustworthy << "" << false
                                                            << false << false << "" << O::Accepted << R::Ordinary;
        QTest::newRow("simplified procedure")
            << person << dishonest << doc << true << false << false << "" << O::Excluded << R::SimplifiedProcedure;
        QTest::newRow("minor violation") << person << dishonest << doc << false << true << false << "" << O::Excluded
                                         << R::MinorViolation;
        QTest::newRow("actively remedied")
            << person << dishonest << doc << false << false << true << "" << O::Excluded << R::ActivelyRemedied;
        QTest::newRow("first exclusion reported")
            << person << dishonest << doc << false << true << true << "" << O::Excluded << R::MinorViolation;
        QTest::newRow("simplified with legal basis")
            << person << dishonest << doc << true << false << false << basis << O::Accepted << R::LegalBasisOverride;
        QTest::newRow("remedied with legal basis")
            << person << dishonest << doc << false << false << true << basis << O::Accepted << R::LegalBasisOverride;
        QTest::newRow("blank legal basis is none")
            << person << dishonest << doc << false << true << false << "  " << O::Excluded << R::MinorViolation;
        // The exclusions are for natural persons only.
        QTest::newRow("company, simplified")
            << company << dishonest << doc << true << false << false << "" << O::Accepted << R::Ordinary;
        QTest::newRow("individual business, minor") << SubjectKind::IndividualBusiness << dishonest << doc << false
                                                    << true << false << "" << O::Accepted << R::Ordinary;
    }

    void items()
    {
        QFETCH(SubjectKind, subject);
        QFETCH(ItemCategory, category);
        QFETCH(QString, document);
        QFETCH(bool, simplified);
        QFETCH(bool, minor);
        QFETCH(bool, remedied);
        QFETCH(QString, legalBasis);
        QFETCH(CollectionOutcome, outcome);
        QFETCH(CollectionRule, rule);

        CollectionItem item;
        item.facts.subjectKind = subject;
        item.facts.category = category;
        item.facts.decisionDate = QDate(2025, 5, 20);
        item.facts.legalDocumentNumber = document;
        item.facts.penaltyKindKey = QStringLiteral("fine");
        item.simplifiedProcedure = simplified;
        item.minorViolation = minor;
        item.activelyRemedied = remedied;
        item.overridingLegalBasis = legalBasis;
        const CollectionDecision decision = CollectionRules::assessItem(item, EntryDay, m_policies);
        QCOMPARE(decision.outcome, outcome);
        QCOMPARE(decision.rule, rule);
        QVERIFY(!decision.reason.isEmpty());
        if (rule == CollectionRule::LegalBasisOverride) {
            // The clerk can read out both the rule lifted and the provision that lifted it.
            QVERIFY2(decision.reason.contains(legalBasis), qPrintable(decision.reason));
            QVERIFY(decision.overriddenRule == CollectionRule::SimplifiedProcedure ||
                    decision.overriddenRule == CollectionRule::ActivelyRemedied);
            QVERIFY(decision.reason.contains(simplified ? QStringLiteral("simplified procedure")
                                                        : QStringLiteral("actively eliminated")));
        }
        if (outcome == CollectionOutcome::Excluded)
            QVERIFY(decision.reason.contains(QStringLiteral("unless a law, regulation or rule provides otherwise")));
    }

    void noPolicyBefore2021()
    {
        const CollectionDecision decision = CollectionRules::assessAttribute(
            {SubjectKind::NaturalPerson, QStringLiteral("income"), true}, QDate(2020, 5, 1), m_policies);
        QCOMPARE(decision.outcome, CollectionOutcome::Undetermined);
        QCOMPARE(decision.rule, CollectionRule::NoPolicy);
        QVERIFY(!decision.accepted());
    }

    void ruleKeysAreDistinct()
    {
        QStringList keys;
        for (int i = int(CollectionRule::Ordinary); i <= int(CollectionRule::NoPolicy); ++i)
            keys.append(toKey(CollectionRule(i)));
        for (int i = int(CollectionOutcome::Accepted); i <= int(CollectionOutcome::Undetermined); ++i)
            keys.append(toKey(CollectionOutcome(i)));
        const int all = int(keys.size());
        keys.removeDuplicates();
        QCOMPARE(int(keys.size()), all);
    }

    void reasonInChinese()
    {
        DomainFixture::useChinese();
        const CollectionDecision decision = CollectionRules::assessAttribute(
            {SubjectKind::NaturalPerson, QStringLiteral("blood_type"), false}, EntryDay, m_policies);
        DomainFixture::useEnglish();
        QVERIFY2(decision.reason.contains(QStringLiteral("血型")), qPrintable(decision.reason));
    }
};

QTEST_GUILESS_MAIN(TestCollection)
#include "TestCollection.moc"
