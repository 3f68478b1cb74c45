#include "RecordsTestFixtures.h"

#include "domain/CollectionRules.h"
#include "domain/PolicyRegistry.h"
#include "records/AttachmentStore.h"
#include "records/RecordJson.h"
#include "records/RecordSubmissionRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

// CreditItemRepository and AttachmentStore: items of a subject in category order; a paper entry becomes an
// audited record submission and never a credit item; refusals with reasons, including every collection rule
// decided by the repository itself (not only by the entry form); the platform's versioned apply and the case
// outcomes under a permit; scans stored with their SHA-256, verified on every read, audited.
class TestItems : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void itemsOfSubjectInCategoryOrder();
    void fieldsRoundTrip();
    void submitLocalNeverWritesAnItem();
    void submitLocalRefusals_data();
    void submitLocalRefusals();
    void submitLocalCollectionRefusals_data();
    void submitLocalCollectionRefusals();
    void submitLocalRefusedWithoutPolicy();
    void submitLocalRefusesUnknownPersonalData();
    void submitLocalCollectionAccepted_data();
    void submitLocalCollectionAccepted();
    void applyPlatformIsVersioned();
    void caseOutcomes();
    void schemaRefusesDishonestWithoutDocument();
    void attachmentStoredAndVerified();
    void attachmentTamperingDetected();
    void attachmentRefusals();
    void jsonRoundTrip();

private:
    int submissions() const { return m_tdb->scalar(QStringLiteral("SELECT count(*) FROM record_submissions")).toInt(); }
    int submitAudits() const
    {
        return m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'record.submit'")).toInt();
    }

    QScopedPointer<TestDatabase> m_tdb;
    PolicyRegistry m_policies;
    Subject m_subject;
    Subject m_person;
    QList<CreditItem> m_items;
};

void TestItems::init()
{
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    QVERIFY2(!m_policies.isEmpty() && error.isEmpty(), qPrintable(error));
    m_subject = RecordsFixture::company(QStringLiteral("厦门鑫源科技有限公司"), 1);
    m_person = RecordsFixture::person(QStringLiteral("黄丽"), QDate(1980, 4, 12), 3);
    QVERIFY2(RecordsFixture::insertPlatformSubjects(*m_tdb, {&m_subject, &m_person}, &error), qPrintable(error));
    m_items = {
        RecordsFixture::item(m_subject.id, QStringLiteral("administrative_penalty"), QDate(2024, 5, 1),
                             QStringLiteral("I1")),
        RecordsFixture::item(m_subject.id, QStringLiteral("registration"), QDate(2015, 3, 2), QStringLiteral("I2")),
        RecordsFixture::item(m_subject.id, QStringLiteral("good_grade"), QDate(2023, 4, 1), QStringLiteral("I3")),
        RecordsFixture::item(m_subject.id, QStringLiteral("administrative_licence"), QDate(2020, 1, 1),
                             QStringLiteral("I4")),
        RecordsFixture::item(m_subject.id, QStringLiteral("unpaid_tax"), QDate(2025, 1, 1), QStringLiteral("I5")),
    };
    QList<CreditItem*> pointers;
    for (CreditItem& i : m_items)
        pointers.append(&i);
    QVERIFY2(RecordsFixture::insertPlatformItems(*m_tdb, pointers, &error), qPrintable(error));
}

void TestItems::cleanup()
{
    m_tdb.reset();
}

void TestItems::itemsOfSubjectInCategoryOrder()
{
    QList<CreditItem> items;
    QString error;
    QVERIFY2(CreditItemRepository(m_tdb->database()).itemsOfSubject(m_subject.id, &items, &error), qPrintable(error));
    QStringList order;
    for (const CreditItem& i : items)
        order << i.platformId;
    // Basic (newest first), trustworthy, dishonest (newest first).
    QCOMPARE(order, (QStringList{QStringLiteral("I4"), QStringLiteral("I2"), QStringLiteral("I3"), QStringLiteral("I5"),
                                 QStringLiteral("I1")}));
    QVERIFY(CreditItemRepository(m_tdb->database()).itemsOfSubject(999, &items, &error));
    QVERIFY(items.isEmpty());
}

void TestItems::fieldsRoundTrip()
{
    CreditItem full = RecordsFixture::item(m_subject.id, QStringLiteral("key_attention_listing"), QDate(2025, 2, 3),
                                           QStringLiteral("I9"));
    full.severity = Severity::Serious;
    full.causeKey = QStringLiteral("contract_fraud");
    full.disclosureMode = DisclosureMode::Authorised;
    full.nonRepairableBasis = QStringLiteral("《某条例》第十条");
    full.content = QStringLiteral("列入重点关注名单。");
    QString error;
    QVERIFY2(RecordsFixture::insertPlatformItems(*m_tdb, {&full}, &error), qPrintable(error));
    CreditItem back;
    QVERIFY(CreditItemRepository(m_tdb->database()).findById(full.id, &back, &error));
    QCOMPARE(back.subjectId, m_subject.id);
    QCOMPARE(back.category, ItemCategory::Dishonest);
    QCOMPARE(back.itemType, QStringLiteral("key_attention_listing"));
    QCOMPARE(back.listKind, ListKind::KeyAttention);
    QCOMPARE(back.severity, Severity::Serious);
    QCOMPARE(back.fieldKey, full.fieldKey);
    QCOMPARE(back.causeKey, full.causeKey);
    QCOMPARE(back.sourceDepartment, full.sourceDepartment);
    QCOMPARE(back.legalDocumentNumber, full.legalDocumentNumber);
    QCOMPARE(back.decisionDate, QDate(2025, 2, 3));
    QCOMPARE(back.disclosureMode, DisclosureMode::Authorised);
    QCOMPARE(back.status, ItemStatus::Active);
    QCOMPARE(back.nonRepairableBasis, full.nonRepairableBasis);
    QCOMPARE(back.content, full.content);
    QCOMPARE(back.origin, RecordOrigin::Platform);
    const CreditItemFacts facts = back.facts(SubjectKind::LegalPerson);
    QVERIFY(facts.declaredNonRepairable);
    QCOMPARE(facts.listKind, ListKind::KeyAttention);
    CreditItem byPlatform;
    QVERIFY(CreditItemRepository(m_tdb->database()).findByPlatformId(QStringLiteral("I9"), &byPlatform));
    QCOMPARE(byPlatform.id, full.id);
}

void TestItems::submitLocalNeverWritesAnItem()
{
    const Session clerk = RecordsFixture::session(*m_tdb);
    CreditItem entered =
        RecordsFixture::item(0, QStringLiteral("administrative_penalty"), QDate(2025, 5, 20), QString());
    entered.legalDocumentNumber = QStringLiteral("厦市监罚〔2025〕88号");
    entered.title = QStringLiteral("行政处罚：罚款");
    qint64 submissionId = 0;
    QString error;
    QSqlDatabase db = m_tdb->database();
    QVERIFY2(CreditItemRepository(db).submitLocal(clerk, m_subject.id, entered, QStringLiteral("移交函 2025-031"), {},
                                                  m_policies, &submissionId, &error),
             qPrintable(error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM credit_items")).toInt(), m_items.size());
    RecordSubmission s;
    QVERIFY(RecordSubmissionRepository(db).findById(submissionId, &s));
    QCOMPARE(s.kind, SubmissionKind::Item);
    QCOMPARE(s.status, SubmissionStatus::Pending);
    QCOMPARE(s.subjectId, m_subject.id);
    const QJsonObject item = s.payload.value(QStringLiteral("item")).toObject();
    QCOMPARE(item.value(QStringLiteral("legal_document_number")).toString(), QStringLiteral("厦市监罚〔2025〕88号"));
    QCOMPARE(item.value(QStringLiteral("origin")).toString(), QStringLiteral("local"));
    QCOMPARE(s.payload.value(QStringLiteral("subject_identifier")).toString(), m_subject.identifier);
    const QJsonObject collection = s.payload.value(QStringLiteral("collection")).toObject();
    QCOMPARE(collection.value(QStringLiteral("rule")).toString(), QStringLiteral("collection.ordinary"));
    QCOMPARE(collection.value(QStringLiteral("policy")).toString(), QStringLiteral("xiamen-2021"));
    QVERIFY(!s.payload.contains(QStringLiteral("personal_data")));

    QSqlQuery q(db);
    QVERIFY(q.exec(
        QStringLiteral("SELECT actor, basis, object_id, details FROM audit_log WHERE action = 'record.submit'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("clerk1"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("移交函 2025-031"));
    QCOMPARE(q.value(2).toString(), QString::number(m_subject.id));
    QVERIFY(q.value(3).toString().contains(QLatin1String("administrative_penalty")));
}

void TestItems::submitLocalRefusals_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("document");
    QTest::addColumn<qint64>("subject");
    QTest::addColumn<QString>("reason");
    QTest::newRow("reviewer") << int(Role::Reviewer) << QStringLiteral("registration") << int(ItemCategory::Basic)
                              << QString() << qint64(1) << QStringLiteral("role");
    QTest::newRow("supervisor") << int(Role::Supervisor) << QStringLiteral("registration") << int(ItemCategory::Basic)
                                << QString() << qint64(1) << QStringLiteral("role");
    QTest::newRow("dishonest without document")
        << int(Role::Clerk) << QStringLiteral("administrative_penalty") << int(ItemCategory::Dishonest) << QString()
        << qint64(1) << QStringLiteral("document");
    QTest::newRow("type of another category")
        << int(Role::Clerk) << QStringLiteral("registration") << int(ItemCategory::Dishonest) << QStringLiteral("x")
        << qint64(1) << QStringLiteral("category");
    QTest::newRow("unknown type") << int(Role::Clerk) << QStringLiteral("gossip") << int(ItemCategory::Basic)
                                  << QString() << qint64(1) << QStringLiteral("gossip");
    QTest::newRow("unknown subject") << int(Role::Clerk) << QStringLiteral("registration") << int(ItemCategory::Basic)
                                     << QString() << qint64(4242) << QStringLiteral("4242");
}

void TestItems::submitLocalRefusals()
{
    QFETCH(int, role);
    QFETCH(QString, type);
    QFETCH(int, category);
    QFETCH(QString, document);
    QFETCH(qint64, subject);
    QFETCH(QString, reason);
    CreditItem i = RecordsFixture::item(0, QStringLiteral("registration"), QDate(2025, 5, 1), QString());
    i.itemType = type;
    i.category = ItemCategory(category);
    i.legalDocumentNumber = document;
    QString error;
    qint64 id = 0;
    QVERIFY(!CreditItemRepository(m_tdb->database())
                 .submitLocal(RecordsFixture::session(*m_tdb, Role(role)), subject == 1 ? m_subject.id : subject, i,
                              QStringLiteral("移交函"), {}, m_policies, &id, &error));
    QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM record_submissions")).toInt(), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'record.submit'")).toInt(), 0);
}

// Every collection rule refuses at the repository, called directly: the reason is the domain rule's own, and
// nothing is stored or audited. The expected rule is named so that the reason is not merely echoed back.
void TestItems::submitLocalCollectionRefusals_data()
{
    QTest::addColumn<bool>("person");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("document");
    QTest::addColumn<bool>("simplified");
    QTest::addColumn<bool>("minor");
    QTest::addColumn<bool>("remedied");
    QTest::addColumn<QString>("legalBasis");
    QTest::addColumn<QString>("personalData");
    QTest::addColumn<bool>("consent");
    QTest::addColumn<QString>("consentReference");
    QTest::addColumn<int>("rule");

    const QString penalty = QStringLiteral("administrative_penalty");
    const QString document = QStringLiteral("思公（交）决字〔2025〕12号");
    const QString form = QStringLiteral("同意书 2025-07");
    const int prohibited = int(CollectionRule::ProhibitedPersonalData);
    const int consentRequired = int(CollectionRule::ConsentRequired);
    for (const char* key : {"religion", "genes", "fingerprints", "blood_type", "illness", "medical_history"}) {
        QTest::addRow("person %s", key) << true << penalty << document << false << false << false << QString()
                                        << QString::fromLatin1(key) << false << QString() << prohibited;
        QTest::addRow("person %s, consent recorded", key)
            << true << penalty << document << false << false << false << QString() << QString::fromLatin1(key) << true
            << form << prohibited;
    }
    QTest::newRow("person religion on a basic item")
        << true << QStringLiteral("registration") << QString() << false << false << false << QString()
        << QStringLiteral("religion") << false << QString() << prohibited;
    for (const char* key : {"income", "deposits", "securities", "commercial_insurance", "real_estate", "tax_amount"}) {
        QTest::addRow("person %s without consent", key)
            << true << penalty << document << false << false << false << QString() << QString::fromLatin1(key) << false
            << QString() << consentRequired;
        // Consent counts as recorded only with the signed form's reference.
        QTest::addRow("person %s, consent ticked without form", key)
            << true << penalty << document << false << false << false << QString() << QString::fromLatin1(key) << true
            << QStringLiteral("  ") << consentRequired;
        // A reference alone is not the person's consent.
        QTest::addRow("person %s, form without consent", key)
            << true << penalty << document << false << false << false << QString() << QString::fromLatin1(key) << false
            << form << consentRequired;
    }
    QTest::newRow("person simplified procedure")
        << true << penalty << document << true << false << false << QString() << QString() << false << QString()
        << int(CollectionRule::SimplifiedProcedure);
    QTest::newRow("person minor violation") << true << penalty << document << false << true << false << QString()
                                            << QString() << false << QString() << int(CollectionRule::MinorViolation);
    QTest::newRow("person actively remedied")
        << true << penalty << document << false << false << true << QString() << QString() << false << QString()
        << int(CollectionRule::ActivelyRemedied);
    QTest::newRow("person simplified, blank legal basis")
        << true << penalty << document << true << false << false << QStringLiteral(" \t ") << QString() << false
        << QString() << int(CollectionRule::SimplifiedProcedure);
    QTest::newRow("person unpaid tax, minor")
        << true << QStringLiteral("unpaid_tax") << document << false << true << false << QString() << QString() << false
        << QString() << int(CollectionRule::MinorViolation);
    // The exclusion is reported even when personal data would have been fine.
    QTest::newRow("person remedied with consented income")
        << true << penalty << document << false << false << true << QString() << QStringLiteral("income") << true
        << form << int(CollectionRule::ActivelyRemedied);
    QTest::newRow("company dishonest without document")
        << false << penalty << QString() << false << false << false << QString() << QString() << false << QString()
        << int(CollectionRule::MissingLegalDocument);
    QTest::newRow("person dishonest blank document")
        << true << QStringLiteral("unpaid_fees") << QStringLiteral("   ") << false << false << false << QString()
        << QString() << false << QString() << int(CollectionRule::MissingLegalDocument);
    // A legal basis lifts an exclusion, never the need for a legal document.
    QTest::newRow("person simplified with basis, no document")
        << true << penalty << QString() << true << false << false << QStringLiteral("《某条例》第二十条") << QString()
        << false << QString() << int(CollectionRule::MissingLegalDocument);
}

void TestItems::submitLocalCollectionRefusals()
{
    QFETCH(bool, person);
    QFETCH(QString, type);
    QFETCH(QString, document);
    QFETCH(bool, simplified);
    QFETCH(bool, minor);
    QFETCH(bool, remedied);
    QFETCH(QString, legalBasis);
    QFETCH(QString, personalData);
    QFETCH(bool, consent);
    QFETCH(QString, consentReference);
    QFETCH(int, rule);

    const Subject& subject = person ? m_person : m_subject;
    CreditItem i = RecordsFixture::item(0, type, QDate(2025, 5, 1), QString());
    i.legalDocumentNumber = document;
    ItemEntryDetails details;
    details.simplifiedProcedure = simplified;
    details.minorViolation = minor;
    details.activelyRemedied = remedied;
    details.overridingLegalBasis = legalBasis;
    details.personalDataKey = personalData;
    details.writtenConsentRecorded = consent;
    details.consentReference = consentReference;

    // The rule the repository must report, as the domain decides it for this subject.
    const QDate today = QDate::currentDate();
    CollectionItem proposal;
    proposal.facts = i.facts(subject.kind);
    proposal.simplifiedProcedure = simplified;
    proposal.minorViolation = minor;
    proposal.activelyRemedied = remedied;
    proposal.overridingLegalBasis = legalBasis;
    CollectionDecision expected = CollectionRules::assessItem(proposal, today, m_policies);
    if (expected.accepted()) {
        CollectionAttribute attribute;
        attribute.subjectKind = subject.kind;
        attribute.attributeKey = personalData;
        attribute.writtenConsentRecorded = consent && !consentReference.trimmed().isEmpty();
        expected = CollectionRules::assessAttribute(attribute, today, m_policies);
    }
    QCOMPARE(int(expected.rule), rule);
    QVERIFY(!expected.accepted());
    QVERIFY(!expected.reason.isEmpty());

    const int before = submissions();
    QString error;
    qint64 id = 0;
    QVERIFY(!CreditItemRepository(m_tdb->database())
                 .submitLocal(RecordsFixture::session(*m_tdb), subject.id, i, QStringLiteral("移交函"), details,
                              m_policies, &id, &error));
    QCOMPARE(error, expected.reason);
    QCOMPARE(id, qint64(0));
    QCOMPARE(submissions(), before);
    QCOMPARE(submitAudits(), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM credit_items")).toInt(), m_items.size());
}

void TestItems::submitLocalRefusedWithoutPolicy()
{
    // With no policy in force nothing can be decided, so nothing is collected, not even an ordinary item.
    CreditItem i = RecordsFixture::item(0, QStringLiteral("commendation"), QDate(2025, 5, 1), QString());
    const PolicyRegistry none;
    CollectionItem proposal;
    proposal.facts = i.facts(SubjectKind::LegalPerson);
    const CollectionDecision expected = CollectionRules::assessItem(proposal, QDate::currentDate(), none);
    QCOMPARE(expected.rule, CollectionRule::NoPolicy);
    QString error;
    qint64 id = 0;
    QVERIFY(!CreditItemRepository(m_tdb->database())
                 .submitLocal(RecordsFixture::session(*m_tdb), m_subject.id, i, QStringLiteral("表彰文件"), {}, none,
                              &id, &error));
    QCOMPARE(error, expected.reason);
    QCOMPARE(submissions(), 0);
    QCOMPARE(submitAudits(), 0);
}

void TestItems::submitLocalRefusesUnknownPersonalData()
{
    // Personal data outside the policy's catalogue would pass as ordinary data whatever it names, so it is refused.
    CreditItem i = RecordsFixture::item(0, QStringLiteral("administrative_penalty"), QDate(2025, 5, 1), QString());
    i.legalDocumentNumber = QStringLiteral("厦市监罚〔2025〕7号");
    for (const QString& key : {QStringLiteral("Religion"), QStringLiteral("宗教信仰"), QStringLiteral("address")}) {
        ItemEntryDetails details;
        details.personalDataKey = key;
        QString error;
        qint64 id = 0;
        QVERIFY(!CreditItemRepository(m_tdb->database())
                     .submitLocal(RecordsFixture::session(*m_tdb), m_person.id, i, QStringLiteral("移交函"), details,
                                  m_policies, &id, &error));
        QVERIFY2(error.contains(key) && error.contains(QLatin1String("policy")), qPrintable(error));
    }
    QCOMPARE(submissions(), 0);
    QCOMPARE(submitAudits(), 0);
}

// What the rules accept is stored, with the decision it was accepted on.
void TestItems::submitLocalCollectionAccepted_data()
{
    QTest::addColumn<bool>("person");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("simplified");
    QTest::addColumn<QString>("legalBasis");
    QTest::addColumn<QString>("personalData");
    QTest::addColumn<QString>("consentReference");
    QTest::addColumn<QString>("itemRule");
    QTest::addColumn<QString>("dataRule");

    const QString penalty = QStringLiteral("administrative_penalty");
    QTest::newRow("person income with consent")
        << true << penalty << false << QString() << QStringLiteral("income") << QStringLiteral("同意书 2025-07")
        << QStringLiteral("collection.ordinary") << QStringLiteral("collection.consent_recorded");
    QTest::newRow("person simplified with legal basis")
        << true << penalty << true << QStringLiteral("《某条例》第二十条") << QString() << QString()
        << QStringLiteral("collection.legal_basis_override") << QString();
    // Exclusions concern natural persons' dishonest items, personal-data rules natural persons only.
    QTest::newRow("company simplified") << false << penalty << true << QString() << QString() << QString()
                                        << QStringLiteral("collection.ordinary") << QString();
    QTest::newRow("company tax amount") << false << penalty << false << QString() << QStringLiteral("tax_amount")
                                        << QString() << QStringLiteral("collection.ordinary")
                                        << QStringLiteral("collection.ordinary");
    QTest::newRow("person basic item, simplified flag")
        << true << QStringLiteral("administrative_licence") << true << QString() << QString() << QString()
        << QStringLiteral("collection.ordinary") << QString();
}

void TestItems::submitLocalCollectionAccepted()
{
    QFETCH(bool, person);
    QFETCH(QString, type);
    QFETCH(bool, simplified);
    QFETCH(QString, legalBasis);
    QFETCH(QString, personalData);
    QFETCH(QString, consentReference);
    QFETCH(QString, itemRule);
    QFETCH(QString, dataRule);

    const Subject& subject = person ? m_person : m_subject;
    const CreditItem i = RecordsFixture::item(0, type, QDate(2025, 5, 1), QStringLiteral("X1"));
    ItemEntryDetails details;
    details.simplifiedProcedure = simplified;
    details.overridingLegalBasis = legalBasis;
    details.personalDataKey = personalData;
    details.writtenConsentRecorded = !consentReference.isEmpty();
    details.consentReference = consentReference;
    QString error;
    qint64 id = 0;
    QVERIFY2(CreditItemRepository(m_tdb->database())
                 .submitLocal(RecordsFixture::session(*m_tdb), subject.id, i, QStringLiteral("移交函"), details,
                              m_policies, &id, &error),
             qPrintable(error));
    RecordSubmission s;
    QVERIFY(RecordSubmissionRepository(m_tdb->database()).findById(id, &s));
    const QJsonObject collection = s.payload.value(QStringLiteral("collection")).toObject();
    QCOMPARE(collection.value(QStringLiteral("rule")).toString(), itemRule);
    QCOMPARE(collection.value(QStringLiteral("legal_basis")).toString(), legalBasis);
    QCOMPARE(s.payload.value(QStringLiteral("circumstances"))
                 .toObject()
                 .value(QStringLiteral("simplified_procedure"))
                 .toBool(),
             simplified);
    const QJsonObject data = s.payload.value(QStringLiteral("personal_data")).toObject();
    QCOMPARE(data.value(QStringLiteral("key")).toString(), personalData);
    QCOMPARE(data.value(QStringLiteral("rule")).toString(), dataRule);
    const QJsonObject consent = data.value(QStringLiteral("consent")).toObject();
    QCOMPARE(consent.value(QStringLiteral("reference")).toString(), consentReference);
    QCOMPARE(consent.value(QStringLiteral("recorded_by")).toString(),
             consentReference.isEmpty() ? QString() : QStringLiteral("clerk1"));
    const QString audit =
        m_tdb->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'record.submit'")).toString();
    QCOMPARE(audit.contains(QLatin1String("legal_basis_override")), !legalBasis.isEmpty());
    QCOMPARE(submitAudits(), 1);
}

void TestItems::applyPlatformIsVersioned()
{
    QSqlDatabase db = m_tdb->database();
    CreditItemRepository repository(db);
    PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
    CreditItem update = m_items.at(0);
    update.title = QStringLiteral("更正后的标题");
    update.platformVersion = 1;
    bool applied = true;
    QString error;
    QVERIFY2(repository.applyPlatform(permit, &update, &applied, &error), qPrintable(error));
    QVERIFY(!applied);
    update.title = QStringLiteral("更正后的标题");
    update.platformVersion = 2;
    QVERIFY2(repository.applyPlatform(permit, &update, &applied, &error), qPrintable(error));
    QVERIFY(applied);
    CreditItem fresh =
        RecordsFixture::item(m_subject.id, QStringLiteral("commendation"), QDate(2025, 4, 1), QStringLiteral("I-new"));
    QVERIFY2(repository.applyPlatform(permit, &fresh, &applied, &error), qPrintable(error));
    QVERIFY(applied && fresh.id > 0);
    QVERIFY2(permit.commit(&error), qPrintable(error));
    CreditItem stored;
    QVERIFY(repository.findById(m_items.at(0).id, &stored));
    QCOMPARE(stored.title, QStringLiteral("更正后的标题"));
    QCOMPARE(stored.platformVersion, 2);
}

void TestItems::caseOutcomes()
{
    QSqlDatabase db = m_tdb->database();
    CreditItemRepository repository(db);
    const qint64 penalty = m_items.at(0).id;
    const qint64 tax = m_items.at(4).id;
    QString error;
    {
        PlatformWritePermit permit(db, QStringLiteral("reviewer1"), QStringLiteral("case.outcome"));
        QVERIFY2(repository.setObjectionPending(permit, tax, true, &error), qPrintable(error));
        QVERIFY2(repository.markRepaired(permit, penalty, QDate(2025, 6, 1), &error), qPrintable(error));
        QVERIFY(!repository.markRepaired(permit, 4242, QDate(2025, 6, 1), &error));
        QVERIFY2(permit.commit(&error), qPrintable(error));
    }
    CreditItem i;
    QVERIFY(repository.findById(penalty, &i));
    QCOMPARE(i.status, ItemStatus::Repaired);
    QCOMPARE(i.repairedOn, QDate(2025, 6, 1));
    QCOMPARE(i.facts(SubjectKind::LegalPerson).repairedOn, QDate(2025, 6, 1));
    QVERIFY(repository.findById(tax, &i));
    QVERIFY(i.objectionPending);
    {
        PlatformWritePermit permit(db, QStringLiteral("reviewer1"), QStringLiteral("case.outcome"));
        CreditItem corrected = i;
        corrected.title = QStringLiteral("欠缴税款（已更正金额）");
        QVERIFY2(repository.applyCorrection(permit, corrected, &error), qPrintable(error));
        QVERIFY2(repository.markWithdrawn(permit, m_items.at(3).id, QDate(2025, 6, 2), &error), qPrintable(error));
        QVERIFY2(permit.commit(&error), qPrintable(error));
    }
    QVERIFY(repository.findById(tax, &i));
    QCOMPARE(i.status, ItemStatus::Corrected);
    QVERIFY(!i.objectionPending);
    QCOMPARE(i.title, QStringLiteral("欠缴税款（已更正金额）"));
    QCOMPARE(i.origin, RecordOrigin::Platform);
    QVERIFY(repository.findById(m_items.at(3).id, &i));
    QCOMPARE(i.status, ItemStatus::Withdrawn);
    QCOMPARE(i.withdrawnOn, QDate(2025, 6, 2));
}

void TestItems::schemaRefusesDishonestWithoutDocument()
{
    QSqlDatabase db = m_tdb->database();
    PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
    CreditItem bad =
        RecordsFixture::item(m_subject.id, QStringLiteral("unpaid_fees"), QDate(2025, 1, 1), QStringLiteral("I-bad"));
    bad.legalDocumentNumber.clear();
    QString error;
    QVERIFY(!CreditItemRepository(db).insertPlatform(permit, &bad, &error));
    QVERIFY2(error.contains(QLatin1String("CHECK"), Qt::CaseInsensitive), qPrintable(error));
}

void TestItems::attachmentStoredAndVerified()
{
    QByteArray scan(300 * 1024, '\0');
    for (int i = 0; i < scan.size(); ++i)
        scan[i] = char(i * 31 % 251);
    AttachmentStore store(m_tdb->database());
    qint64 id = 0;
    QString error;
    QVERIFY2(store.store(QStringLiteral("record_submission"), 7, QStringLiteral("承诺书.pdf"),
                         QStringLiteral("application/pdf"), scan, QStringLiteral("clerk1"), &id, &error),
             qPrintable(error));
    Attachment a;
    QVERIFY2(store.read(id, &a, &error), qPrintable(error));
    QCOMPARE(a.bytes, scan);
    QCOMPARE(a.sha256, QString::fromLatin1(QCryptographicHash::hash(scan, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(a.size, scan.size());
    QCOMPARE(a.fileName, QStringLiteral("承诺书.pdf"));
    QCOMPARE(a.addedBy, QStringLiteral("clerk1"));
    QList<Attachment> list;
    QVERIFY(store.list(QStringLiteral("record_submission"), 7, &list, &error));
    QCOMPARE(list.size(), 1);
    QVERIFY(list.first().bytes.isEmpty());
    QCOMPARE(list.first().sha256, a.sha256);
    // The digest is in the audit chain.
    QVERIFY(m_tdb->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'attachment.add'"))
                .toString()
                .contains(a.sha256));
}

void TestItems::attachmentTamperingDetected()
{
    AttachmentStore store(m_tdb->database());
    qint64 id = 0;
    QString error;
    QVERIFY(store.store(QStringLiteral("case"), 1, QStringLiteral("id.png"), QStringLiteral("image/png"),
                        QByteArrayLiteral("original scan"), QStringLiteral("clerk1"), &id, &error));
    // Someone with the key drops the guard and swaps the bytes (same size).
    QVERIFY2(m_tdb->exec(QStringLiteral("DROP TRIGGER attachments_no_update; "
                                        "UPDATE attachments SET bytes = CAST('forged!! scan' AS BLOB)"),
                         &error),
             qPrintable(error));
    Attachment a;
    QVERIFY(!store.read(id, &a, &error));
    QVERIFY2(error.contains(QLatin1String("SHA-256")), qPrintable(error));
    QVERIFY(a.bytes.isEmpty());
}

void TestItems::attachmentRefusals()
{
    AttachmentStore store(m_tdb->database());
    qint64 id = 0;
    QString error;
    QVERIFY(!store.store(QStringLiteral("case"), 1, QStringLiteral("empty.png"), QStringLiteral("image/png"),
                         QByteArray(), QStringLiteral("clerk1"), &id, &error));
    QVERIFY(error.contains(QLatin1String("empty")));
    QVERIFY(!store.store(QStringLiteral("case"), 1, QStringLiteral("huge.tif"), QStringLiteral("image/tiff"),
                         QByteArray(AttachmentStore::MaximumSize + 1, 'x'), QStringLiteral("clerk1"), &id, &error));
    QVERIFY(!store.read(4242, nullptr, &error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM attachments")).toInt(), 0);
}

void TestItems::jsonRoundTrip()
{
    CreditItem i = m_items.at(0);
    i.objectionPending = true;
    i.status = ItemStatus::Repaired;
    i.repairedOn = QDate(2025, 6, 1);
    CreditItem back;
    QString error;
    QVERIFY2(RecordJson::fromJson(RecordJson::toJson(i), &back, &error), qPrintable(error));
    QCOMPARE(back.itemType, i.itemType);
    QCOMPARE(back.decisionDate, i.decisionDate);
    QCOMPARE(back.status, ItemStatus::Repaired);
    QCOMPARE(back.repairedOn, i.repairedOn);
    QVERIFY(back.objectionPending);
    QCOMPARE(back.legalDocumentNumber, i.legalDocumentNumber);
    QJsonObject broken = RecordJson::toJson(i);
    broken.remove(QStringLiteral("decision_date"));
    QVERIFY(!RecordJson::fromJson(broken, &back, &error));
    QVERIFY(error.contains(QLatin1String("decision_date")));
}

QTEST_GUILESS_MAIN(TestItems)
#include "TestItems.moc"
