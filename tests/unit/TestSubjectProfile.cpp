#include "RecordsTestFixtures.h"

#include "itemmodels/SubjectItemsModel.h"
#include "records/SubjectProfile.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QtTest>

// The subject view's data: each item's status today and repair eligibility from the domain engine, the social
// credit warning when 3+ key attention listings in distinct fields fall within 12 months, local entries awaiting
// the platform, and opening a subject as an audited query with its basis. SubjectItemsModel under
// QAbstractItemModelTester.
class TestSubjectProfile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void statusToday_data();
    void statusToday();
    void warningRaised();
    void noWarningWithTwoFields();
    void openIsAudited();
    void openRefusals_data();
    void openRefusals();
    void itemsModelGroups();

private:
    const ItemAssessment* find(const QString& platformId) const;

    const QDate m_today{2025, 6, 15};
    PolicyRegistry m_policies;
    QScopedPointer<TestDatabase> m_tdb;
    Subject m_company;
    Subject m_other;
    SubjectProfile m_profile;
};

void TestSubjectProfile::initTestCase()
{
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    QVERIFY2(!m_policies.isEmpty(), qPrintable(error));
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    m_company = RecordsFixture::company(QStringLiteral("厦门鑫源食品有限公司"), 1);
    m_other = RecordsFixture::company(QStringLiteral("厦门两域贸易有限公司"), 2);
    QVERIFY2(RecordsFixture::insertPlatformSubjects(*m_tdb, {&m_company, &m_other}, &error), qPrintable(error));

    using RecordsFixture::item;
    const qint64 s = m_company.id;
    QList<CreditItem> items{
        item(s, QStringLiteral("administrative_penalty"), QDate(2025, 1, 10), QStringLiteral("eligible")),
        item(s, QStringLiteral("administrative_penalty"), QDate(2025, 5, 1), QStringLiteral("not-yet")),
        item(s, QStringLiteral("administrative_penalty"), QDate(2023, 1, 1), QStringLiteral("expired")),
        item(s, QStringLiteral("administrative_penalty"), QDate(2025, 3, 1), QStringLiteral("never")),
        item(s, QStringLiteral("unpaid_tax"), QDate(2025, 2, 1), QStringLiteral("objection")),
        item(s, QStringLiteral("administrative_penalty"), QDate(2024, 10, 1), QStringLiteral("repaired")),
        item(s, QStringLiteral("false_materials"), QDate(2025, 1, 5), QStringLiteral("withdrawn")),
        item(s, QStringLiteral("registration"), QDate(2015, 3, 2), QStringLiteral("basic")),
        item(s, QStringLiteral("commendation"), QDate(2024, 12, 1), QStringLiteral("trustworthy")),
        item(s, QStringLiteral("key_attention_listing"), QDate(2024, 9, 1), QStringLiteral("ka-1")),
        item(s, QStringLiteral("key_attention_listing"), QDate(2025, 1, 15), QStringLiteral("ka-2")),
        item(s, QStringLiteral("key_attention_listing"), QDate(2025, 5, 10), QStringLiteral("ka-3")),
        item(m_other.id, QStringLiteral("key_attention_listing"), QDate(2025, 1, 15), QStringLiteral("o-1")),
        item(m_other.id, QStringLiteral("key_attention_listing"), QDate(2025, 3, 15), QStringLiteral("o-2")),
        item(m_other.id, QStringLiteral("key_attention_listing"), QDate(2025, 5, 15), QStringLiteral("o-3")),
    };
    items[3].penaltyKindKey = QStringLiteral("permit_revocation");
    items[3].fieldKey = QStringLiteral("food");
    items[3].severity = Severity::Serious;
    items[4].objectionPending = true;
    items[5].status = ItemStatus::Repaired;
    items[5].repairedOn = QDate(2025, 5, 20);
    items[6].status = ItemStatus::Withdrawn;
    items[6].withdrawnOn = QDate(2025, 3, 1);
    items[9].fieldKey = QStringLiteral("food");
    items[10].fieldKey = QStringLiteral("taxation");
    items[11].fieldKey = QStringLiteral("transport");
    items[12].fieldKey = QStringLiteral("food");
    items[13].fieldKey = QStringLiteral("food");
    items[14].fieldKey = QStringLiteral("taxation");
    QList<CreditItem*> pointers;
    for (CreditItem& i : items)
        pointers.append(&i);
    QVERIFY2(RecordsFixture::insertPlatformItems(*m_tdb, pointers, &error), qPrintable(error));

    QVERIFY2(SubjectProfiles::open(RecordsFixture::session(*m_tdb), m_company.id,
                                   QStringLiteral("本人查询，已核验身份证"), m_today, m_policies, &m_profile, &error),
             qPrintable(error));
}

void TestSubjectProfile::cleanupTestCase()
{
    m_tdb.reset();
}

const ItemAssessment* TestSubjectProfile::find(const QString& platformId) const
{
    for (const ItemAssessment& a : m_profile.items) {
        if (a.item.platformId == platformId)
            return &a;
    }
    return nullptr;
}

void TestSubjectProfile::statusToday_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("repair");
    QTest::addColumn<QString>("repairText");
    QTest::newRow("in disclosure, eligible") << QStringLiteral("eligible") << int(DisclosureStatus::InDisclosure)
                                             << QStringLiteral("In disclosure until 2026-01-10")
                                             << int(RepairEligibilityCode::Eligible) << QStringLiteral("Eligible");
    QTest::newRow("not yet repairable") << QStringLiteral("not-yet") << int(DisclosureStatus::InDisclosure)
                                        << QStringLiteral("In disclosure until 2026-05-01")
                                        << int(RepairEligibilityCode::NotYet)
                                        << QStringLiteral("Eligible from 2025-08-01");
    QTest::newRow("expired") << QStringLiteral("expired") << int(DisclosureStatus::Expired)
                             << QStringLiteral("Expired on 2024-01-01") << int(RepairEligibilityCode::NotApplicable)
                             << QStringLiteral("Not applicable");
    QTest::newRow("never repairable") << QStringLiteral("never") << int(DisclosureStatus::InDisclosure)
                                      << QStringLiteral("In disclosure until 2028-03-01")
                                      << int(RepairEligibilityCode::Never) << QStringLiteral("Never repairable");
    QTest::newRow("under objection") << QStringLiteral("objection") << int(DisclosureStatus::UnderObjection)
                                     << QStringLiteral("Under objection (in disclosure until 2026-02-01)")
                                     << int(RepairEligibilityCode::Eligible) << QStringLiteral("Eligible");
    QTest::newRow("repaired") << QStringLiteral("repaired") << int(DisclosureStatus::Repaired)
                              << QStringLiteral("Repaired on 2025-05-20") << int(RepairEligibilityCode::NotApplicable)
                              << QStringLiteral("Not applicable");
    QTest::newRow("withdrawn") << QStringLiteral("withdrawn") << int(DisclosureStatus::Withdrawn)
                               << QStringLiteral("Withdrawn on 2025-03-01") << int(RepairEligibilityCode::NotApplicable)
                               << QStringLiteral("Not applicable");
    QTest::newRow("basic, no time limit")
        << QStringLiteral("basic") << int(DisclosureStatus::InDisclosure) << QStringLiteral("Disclosed (no time limit)")
        << int(RepairEligibilityCode::NotApplicable) << QStringLiteral("Not applicable");
}

void TestSubjectProfile::statusToday()
{
    QFETCH(QString, item);
    QFETCH(int, status);
    QFETCH(QString, text);
    QFETCH(int, repair);
    QFETCH(QString, repairText);
    const ItemAssessment* a = find(item);
    QVERIFY(a);
    QCOMPARE(int(a->disclosure.status), status);
    QCOMPARE(a->statusText(), text);
    QVERIFY(!a->disclosure.reason.isEmpty());
    QCOMPARE(int(a->repair.code), repair);
    QCOMPARE(a->repairText(), repairText);
    QVERIFY(!a->repair.reason.isEmpty());
}

void TestSubjectProfile::warningRaised()
{
    QVERIFY(m_profile.hasWarningInForce);
    QVERIFY(m_profile.showsWarning());
    QCOMPARE(m_profile.warningInForce.raisedOn, QDate(2025, 5, 10));
    QCOMPARE(m_profile.warningInForce.fieldKeys.size(), 3);
    QVERIFY(m_profile.warningText().contains(QLatin1String("2025-05-10")));
    QCOMPARE(m_profile.itemsOf(ItemCategory::Basic).size(), 1);
    QCOMPARE(m_profile.itemsOf(ItemCategory::Trustworthy).size(), 1);
    QCOMPARE(m_profile.itemsOf(ItemCategory::Dishonest).size(), 10);
}

void TestSubjectProfile::noWarningWithTwoFields()
{
    SubjectProfile other;
    QString error;
    QVERIFY2(SubjectProfiles::open(RecordsFixture::session(*m_tdb), m_other.id, QStringLiteral("授权查询"), m_today,
                                   m_policies, &other, &error),
             qPrintable(error));
    QCOMPARE(other.items.size(), 3);
    QVERIFY(!other.hasWarningInForce);
    QVERIFY(!other.showsWarning());
    QVERIFY(other.warningText().isEmpty());
}

void TestSubjectProfile::openIsAudited()
{
    QSqlQuery q(m_tdb->database());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, object_type, object_id, basis FROM audit_log "
                                  "WHERE action = 'subject.open' ORDER BY seq")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("clerk1"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("subject"));
    QCOMPARE(q.value(2).toString(), QString::number(m_company.id));
    QCOMPARE(q.value(3).toString(), QStringLiteral("本人查询，已核验身份证"));
}

void TestSubjectProfile::openRefusals_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("basis");
    QTest::addColumn<qint64>("subject");
    QTest::newRow("auditor") << int(Role::Auditor) << QStringLiteral("审计") << qint64(1);
    QTest::newRow("administrator") << int(Role::Administrator) << QStringLiteral("维护") << qint64(1);
    QTest::newRow("no basis") << int(Role::Clerk) << QStringLiteral("  ") << qint64(1);
    QTest::newRow("no such subject") << int(Role::Clerk) << QStringLiteral("本人查询") << qint64(4242);
}

void TestSubjectProfile::openRefusals()
{
    QFETCH(int, role);
    QFETCH(QString, basis);
    QFETCH(qint64, subject);
    const int before = m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
    SubjectProfile p;
    QString error;
    QVERIFY(!SubjectProfiles::open(RecordsFixture::session(*m_tdb, Role(role)), subject == 1 ? m_company.id : subject,
                                   basis, m_today, m_policies, &p, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), before);
}

void TestSubjectProfile::itemsModelGroups()
{
    // A local entry for the subject shows in its own group.
    CreditItem entered = RecordsFixture::item(0, QStringLiteral("commendation"), QDate(2025, 6, 1), QString());
    entered.title = QStringLiteral("厦门市文明单位");
    QString error;
    qint64 submission = 0;
    QVERIFY2(CreditItemRepository(m_tdb->database())
                 .submitLocal(RecordsFixture::session(*m_tdb), m_company.id, entered, QStringLiteral("表彰文件"), {},
                              m_policies, &submission, &error),
             qPrintable(error));
    SubjectProfile profile;
    QVERIFY(SubjectProfiles::open(RecordsFixture::session(*m_tdb), m_company.id, QStringLiteral("本人查询"), m_today,
                                  m_policies, &profile, &error));

    SubjectItemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfile(profile);
    QCOMPARE(model.rowCount(), 4);
    const QModelIndex basic = model.index(0, 0);
    const QModelIndex trustworthy = model.index(1, 0);
    const QModelIndex dishonest = model.index(2, 0);
    const QModelIndex submissions = model.index(3, 0);
    QCOMPARE(model.data(basic, SubjectItemsModel::CategoryKeyRole).toString(), QStringLiteral("basic"));
    QCOMPARE(model.rowCount(basic), 1);
    QCOMPARE(model.rowCount(trustworthy), 1);
    QCOMPARE(model.rowCount(dishonest), 10);
    QCOMPARE(model.rowCount(submissions), 1);
    QCOMPARE(model.data(dishonest).toString(), QStringLiteral("Dishonest information (10)"));

    // Each dishonest row: status today and repair, with the reasons as tooltips.
    bool sawNever = false;
    for (int r = 0; r < model.rowCount(dishonest); ++r) {
        const QModelIndex status = model.index(r, SubjectItemsModel::StatusColumn, dishonest);
        const QModelIndex repair = model.index(r, SubjectItemsModel::RepairColumn, dishonest);
        QVERIFY(!model.data(status).toString().isEmpty());
        QVERIFY(!model.data(status, Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!model.data(repair).toString().isEmpty());
        QCOMPARE(model.data(status, SubjectItemsModel::RowKindRole).toInt(), int(SubjectItemsModel::ItemRow));
        const ItemAssessment* a = model.assessment(status);
        QVERIFY(a);
        QCOMPARE(model.data(status, SubjectItemsModel::ItemIdRole).toLongLong(), a->item.id);
        if (model.data(repair, SubjectItemsModel::RepairCodeKeyRole).toString() == QLatin1String("never")) {
            sawNever = true;
            // The rule names what it matched: a permit revocation in the food field.
            QCOMPARE(a->repair.rule, RepairRule::NonRepairableField);
            QCOMPARE(a->repair.fieldKey, QStringLiteral("food"));
            QCOMPARE(a->repair.penaltyKindKey, QStringLiteral("permit_revocation"));
            QCOMPARE(model.data(repair, Qt::ToolTipRole).toString(), a->repair.reason);
        }
    }
    QVERIFY(sawNever);
    // Basic items have no repair column text.
    QVERIFY(model.data(model.index(0, SubjectItemsModel::RepairColumn, basic)).toString().isEmpty());
    const QModelIndex pending = model.index(0, SubjectItemsModel::StatusColumn, submissions);
    QCOMPARE(model.data(pending, SubjectItemsModel::RowKindRole).toInt(), int(SubjectItemsModel::SubmissionRow));
    QCOMPARE(model.data(pending, SubjectItemsModel::SubmissionIdRole).toLongLong(), submission);
    QCOMPARE(model.data(pending, SubjectItemsModel::SubmissionStatusKeyRole).toString(), QStringLiteral("pending"));
    QCOMPARE(model.data(model.index(0, SubjectItemsModel::TitleColumn, submissions)).toString(),
             QStringLiteral("厦门市文明单位"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestSubjectProfile)
#include "TestSubjectProfile.moc"
