// Reports: what a report says for each basis and mode (compared with reference files in tests/data/reports), the
// refusals of a missing or wrong basis, storing, copies, verification (and its throttle) and tampering, and the PDF
// read back with real tools (pdftotext, pdffonts, pdftoppm + zbarimg).
//
// The reference files are regenerated with:  XMCREDIT_UPDATE_REFERENCE=1 build/dev/tests/TestReports
// and reviewed in the diff.

#include "RecordsTestFixtures.h"

#include "reports/ReportBuilder.h"
#include "reports/ReportRenderer.h"
#include "reports/ReportRepository.h"
#include "storage/AuditLog.h"
#include "storage/Translations.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace RecordsFixture;

namespace {

const QDate On(2026, 3, 16);

CreditItem makeItem(qint64 id, qint64 subjectId, const QString& type, const QDate& decided, const QString& field,
                    const QString& title)
{
    CreditItem i = item(subjectId, type, decided, QStringLiteral("P%1").arg(id));
    i.id = id;
    i.fieldKey = field;
    i.title = title;
    return i;
}

ReportHeader header()
{
    ReportHeader h;
    h.number = QStringLiteral("XMR20260316-TEST-0001");
    h.code = QStringLiteral("ABCD-EFGH-JKLM");
    h.generatedAt = QDateTime(On, QTime(10, 30, 0));
    h.workstation = QStringLiteral("思明区信用服务点");
    h.operatorName = QStringLiteral("林窗口");
    return h;
}

ReportBasis selfBasis(const Subject& person)
{
    ReportBasis b;
    b.kind = ReportBasisKind::Self;
    b.capacity = QStringLiteral("self");
    b.applicantName = person.name;
    b.documentType = QStringLiteral("resident_id_card");
    b.documentNumber = person.identifier;
    b.verifiedBy = QStringLiteral("card_reader");
    return b;
}

ReportBasis agencyBasis()
{
    ReportBasis b;
    b.kind = ReportBasisKind::Agency;
    b.agency = QStringLiteral("厦门市财政局");
    b.agencyDocument = QStringLiteral("厦财采函〔2026〕8号");
    b.purpose = QStringLiteral("procurement_funding_land_research");
    return b;
}

ReportBasis authorisedBasis()
{
    ReportBasis b;
    b.kind = ReportBasisKind::Authorised;
    b.applicantName = QStringLiteral("王代理");
    b.documentType = QStringLiteral("resident_id_card");
    b.documentNumber = DemoCity::residentId(QStringLiteral("350206"), QDate(1988, 8, 8), 31);
    b.verifiedBy = QStringLiteral("in_person_comparison");
    b.authorisationRef = QStringLiteral("2026-03-10 授权书");
    b.validFrom = QDate(2026, 3, 10);
    b.validUntil = QDate(2026, 4, 10);
    b.scan = QByteArrayLiteral("%PDF-1.4 scanned authorisation");
    b.scanFileName = QStringLiteral("authorisation.pdf");
    b.scanMimeType = QStringLiteral("application/pdf");
    return b;
}

QString run(const QString& program, const QStringList& args, int* exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reference_data();
    void reference();
    void modeDecidesItemsAndFields();
    void basisRefusals_data();
    void basisRefusals();
    void specialScopeRefusals();
    void issueIsStoredSignedAndAudited();
    void refusedWithoutBasisOrRole();
    void copiesAndReprints();
    void verification();
    void verificationIsThrottled();
    void alteredReportIsDamaged();
    void reportTablesRefuseChange();
    void pdfReadsBackWithRealTools();
    void aRowTallerThanAPageIsNotLost();

private:
    SubjectProfile profileOf(const Subject& subject, const QList<CreditItem>& items) const
    {
        return SubjectProfiles::assess(subject, items, {}, On, m_policies);
    }
    Session sessionFor(const TestDatabase& tdb, Role role, const QString& user) const
    {
        Session s = session(tdb, role, user);
        s.workstationId = QStringLiteral("5a1e0c7d-0000-4000-8000-000000000001");
        s.workstationName = QStringLiteral("思明区信用服务点");
        s.displayName = QStringLiteral("林窗口");
        return s;
    }
    // A database with one company (basic, trustworthy, dishonest and a withdrawn item) for the repository tests.
    bool prepare(TestDatabase& tdb, Subject* company, QString* error);

    PolicyRegistry m_policies;
    Subject m_person;
    Subject m_company;
    QList<CreditItem> m_personItems;
    QList<CreditItem> m_companyItems;
    QList<CreditItem> m_manyItems;
};

void TestReports::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QVERIFY(Translations::install(QStringLiteral("zh_CN")));
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    m_person = person(QStringLiteral("张三"), QDate(1990, 1, 1), 1);
    m_person.id = 1;
    m_person.registeredAddress = QStringLiteral("厦门市思明区莲前西路2号");
    // The person: a licence, a commendation, a general penalty in disclosure, one expired, one repaired, one shown
    // only to government sharing, one under objection.
    m_personItems << makeItem(11, 1, QStringLiteral("administrative_licence"), QDate(2025, 6, 1),
                              QStringLiteral("transport"), QStringLiteral("道路运输从业资格"));
    m_personItems << makeItem(12, 1, QStringLiteral("commendation"), QDate(2024, 11, 20), QStringLiteral("education"),
                              QStringLiteral("厦门市优秀志愿者"));
    CreditItem general = makeItem(13, 1, QStringLiteral("administrative_penalty"), QDate(2025, 9, 3),
                                  QStringLiteral("transport"), QStringLiteral("超限运输罚款"));
    m_personItems << general;
    m_personItems << makeItem(14, 1, QStringLiteral("administrative_penalty"), QDate(2023, 1, 5),
                              QStringLiteral("transport"), QStringLiteral("已过公示期的处罚"));
    CreditItem repaired = makeItem(15, 1, QStringLiteral("administrative_penalty"), QDate(2025, 5, 5),
                                   QStringLiteral("transport"), QStringLiteral("已修复的处罚"));
    repaired.status = ItemStatus::Repaired;
    repaired.repairedOn = QDate(2025, 12, 1);
    m_personItems << repaired;
    CreditItem government =
        makeItem(16, 1, QStringLiteral("unpaid_social_insurance"), QDate(2025, 10, 10),
                 QStringLiteral("human_resources_social_security"), QStringLiteral("欠缴社会保险费"));
    government.disclosureMode = DisclosureMode::Government;
    m_personItems << government;
    CreditItem objection = makeItem(17, 1, QStringLiteral("administrative_penalty"), QDate(2025, 12, 12),
                                    QStringLiteral("transport"), QStringLiteral("违规停车罚款"));
    objection.objectionPending = true;
    m_personItems << objection;

    m_company = company(QStringLiteral("厦门示例贸易有限公司"), 7);
    m_company.id = 2;
    // Key attention listings in three fields within 12 months raise a social credit warning.
    int id = 20;
    for (const auto& [field, date] : QList<QPair<QString, QDate>>{{QStringLiteral("food"), QDate(2025, 6, 1)},
                                                                  {QStringLiteral("taxation"), QDate(2025, 8, 1)},
                                                                  {QStringLiteral("work_safety"), QDate(2025, 11, 1)}})
        m_companyItems << makeItem(++id, 2, QStringLiteral("key_attention_listing"), date, field,
                                   QStringLiteral("列入重点关注名单"));
    CreditItem serious = makeItem(++id, 2, QStringLiteral("administrative_penalty"), QDate(2024, 7, 1),
                                  QStringLiteral("food"), QStringLiteral("销售不符合食品安全标准的食品"));
    serious.severity = Severity::Serious;
    m_companyItems << serious;
    m_companyItems << makeItem(++id, 2, QStringLiteral("registration"), QDate(2015, 3, 2),
                               QStringLiteral("market_regulation"), QStringLiteral("设立登记"));
    m_companyItems << makeItem(++id, 2, QStringLiteral("good_grade"), QDate(2025, 1, 20), QStringLiteral("taxation"),
                               QStringLiteral("纳税信用A级"));

    // 500 items: a subject whose report runs over many pages.
    for (int n = 0; n < 500; ++n) {
        const QString type = n % 5 == 0   ? QStringLiteral("administrative_licence")
                             : n % 5 == 1 ? QStringLiteral("good_grade")
                                          : QStringLiteral("administrative_penalty");
        m_manyItems << makeItem(1000 + n, 2, type, QDate(2025, 4, 1).addDays(n / 2), QStringLiteral("food"),
                                QStringLiteral("事项 %1").arg(n + 1, 3, 10, QLatin1Char('0')));
    }
}

void TestReports::reference_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("person-self") << "person-self";
    QTest::newRow("person-government") << "person-government";
    QTest::newRow("company-warning-agency") << "company-warning-agency";
    QTest::newRow("company-special") << "company-special";
    QTest::newRow("objection-authorised") << "objection-authorised";
    QTest::newRow("many-items") << "many-items";
}

void TestReports::reference()
{
    QFETCH(QString, name);
    ReportRequest request;
    SubjectProfile profile;
    if (name == QLatin1String("person-self")) {
        request.basis = selfBasis(m_person);
        profile = profileOf(m_person, m_personItems);
    } else if (name == QLatin1String("person-government")) {
        request.basis = agencyBasis();
        request.basis.purpose = QStringLiteral("other");
        request.basis.purposeRule = QStringLiteral("《厦门市某某管理规定》第十条");
        profile = profileOf(m_person, m_personItems);
    } else if (name == QLatin1String("company-warning-agency")) {
        request.basis = agencyBasis();
        profile = profileOf(m_company, m_companyItems);
    } else if (name == QLatin1String("company-special")) {
        request.kind = ReportKind::Special;
        request.basis = agencyBasis();
        request.scope.from = QDate(2024, 1, 1);
        request.scope.to = QDate(2025, 12, 31);
        request.scope.fields = QStringList{QStringLiteral("food"), QStringLiteral("fire_safety")};
        profile = profileOf(m_company, m_companyItems);
    } else if (name == QLatin1String("objection-authorised")) {
        request.basis = authorisedBasis();
        profile = profileOf(m_person, m_personItems);
    } else {
        request.basis = agencyBasis();
        profile = profileOf(m_company, m_manyItems);
    }
    const QString text = ReportBuilder::build(profile, request, header(), m_policies).toText();
    const QString path = QStringLiteral(XMCREDIT_TEST_DATA_DIR "/reports/%1.txt").arg(name);
    if (qEnvironmentVariableIntValue("XMCREDIT_UPDATE_REFERENCE") == 1) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(text.toUtf8());
        qInfo("wrote %s", qPrintable(path));
        return;
    }
    QFile in(path);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("missing reference %1").arg(path)));
    const QStringList expected = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    const QStringList actual = text.split(QLatin1Char('\n'));
    for (int i = 0; i < qMin(expected.size(), actual.size()); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
    QCOMPARE(actual.size(), expected.size());
}

void TestReports::modeDecidesItemsAndFields()
{
    ReportRequest self;
    self.basis = selfBasis(m_person);
    const ReportContent authorised =
        ReportBuilder::build(profileOf(m_person, m_personItems), self, header(), m_policies);
    ReportRequest agency;
    agency.basis = agencyBasis();
    const ReportContent government =
        ReportBuilder::build(profileOf(m_person, m_personItems), agency, header(), m_policies);
    QCOMPARE(authorised.mode, DisclosureMode::Authorised);
    QCOMPARE(government.mode, DisclosureMode::Government);
    const QString a = authorised.toText();
    const QString g = government.toText();
    // An item for government sharing only, and a person's address, appear on the government's report only.
    QVERIFY(!a.contains(QStringLiteral("欠缴社会保险费")));
    QVERIFY(g.contains(QStringLiteral("欠缴社会保险费")));
    QVERIFY(!a.contains(m_person.registeredAddress));
    QVERIFY(g.contains(m_person.registeredAddress));
    // Repaired and expired items are never listed; the one under objection is marked.
    for (const QString& text : {a, g}) {
        QVERIFY(!text.contains(QStringLiteral("已修复的处罚")));
        QVERIFY(!text.contains(QStringLiteral("已过公示期的处罚")));
        QVERIFY(text.contains(QStringLiteral("违规停车罚款")));
        QVERIFY(text.contains(QStringLiteral("| 异议处理中")));
        // The identifier is masked everywhere on the page.
        QVERIFY(!text.contains(m_person.identifier));
        QVERIFY(text.contains(Identifiers::mask(m_person.identifier)));
    }
    QVERIFY(ReportBuilder::modeShows(DisclosureMode::Government, DisclosureMode::Social));
    QVERIFY(ReportBuilder::modeShows(DisclosureMode::Authorised, DisclosureMode::Social));
    QVERIFY(!ReportBuilder::modeShows(DisclosureMode::Social, DisclosureMode::Authorised));
    QVERIFY(!ReportBuilder::modeShows(DisclosureMode::Authorised, DisclosureMode::Government));
}

void TestReports::basisRefusals_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("expected");
    QTest::newRow("self without a name") << 0 << "缺少申请人姓名";
    QTest::newRow("self with someone else's ID") << 1 << "身份证件不属于该信用主体";
    QTest::newRow("self with an invalid ID") << 2 << "公民身份号码无效";
    QTest::newRow("self, unchecked document") << 3 << "核验方式";
    QTest::newRow("organisation in person") << 4 << "组织不能“本人”到场";
    QTest::newRow("not the legal representative") << 5 << "不是该主体登记的法定代表人";
    QTest::newRow("authorisation expired") << 6 << "不在有效期内";
    QTest::newRow("authorisation not scanned") << 7 << "请扫描并附上";
    QTest::newRow("authorisation without dates") << 8 << "缺少授权有效期";
    QTest::newRow("agency without purpose") << 9 << "六类用途";
    QTest::newRow("agency purpose 6 without rule") << 10 << "用途（六）";
    QTest::newRow("agency without document") << 11 << "来函或申请文号";
}

void TestReports::basisRefusals()
{
    QFETCH(int, which);
    QFETCH(QString, expected);
    ReportBasis b;
    Subject subject = m_person;
    switch (which) {
    case 0:
        b = selfBasis(m_person);
        b.applicantName.clear();
        break;
    case 1:
        b = selfBasis(m_person);
        b.documentNumber = DemoCity::residentId(QStringLiteral("350203"), QDate(1991, 2, 2), 3);
        break;
    case 2:
        b = selfBasis(m_person);
        b.documentNumber = QStringLiteral("350203199001010019");
        break;
    case 3:
        b = selfBasis(m_person);
        b.verifiedBy = QStringLiteral("looked_at_it");
        break;
    case 4:
        b = selfBasis(m_person);
        subject = m_company;
        break;
    case 5:
        b = selfBasis(m_person);
        b.capacity = QStringLiteral("representative");
        subject = m_company;
        break;
    case 6:
        b = authorisedBasis();
        b.validUntil = QDate(2026, 3, 15);
        break;
    case 7:
        b = authorisedBasis();
        b.scan.clear();
        break;
    case 8:
        b = authorisedBasis();
        b.validFrom = QDate();
        break;
    case 9:
        b = agencyBasis();
        b.purpose.clear();
        break;
    case 10:
        b = agencyBasis();
        b.purpose = QStringLiteral("other");
        break;
    case 11:
        b = agencyBasis();
        b.agencyDocument = QStringLiteral("  ");
        break;
    }
    const QStringList problems = ReportBases::problems(b, subject, On);
    QVERIFY2(problems.join(QLatin1Char(' ')).contains(expected), qPrintable(problems.join(QLatin1Char(' '))));
    // The complete bases pass.
    QVERIFY(ReportBases::problems(selfBasis(m_person), m_person, On).isEmpty());
    QVERIFY(ReportBases::problems(authorisedBasis(), m_person, On).isEmpty());
    QVERIFY(ReportBases::problems(agencyBasis(), m_company, On).isEmpty());
    ReportBasis representative = selfBasis(m_person);
    representative.capacity = QStringLiteral("representative");
    representative.applicantName = m_company.legalRepresentative;
    QVERIFY(ReportBases::problems(representative, m_company, On).isEmpty());
}

void TestReports::specialScopeRefusals()
{
    const PolicyProfilePtr profile = m_policies.profileOn(On);
    QVERIFY(profile);
    SpecialScope scope;
    QCOMPARE(scope.problems(*profile, On).size(), 2); // no period, no field
    scope.from = QDate(2025, 1, 1);
    scope.to = QDate(2024, 1, 1);
    scope.fields = QStringList{QStringLiteral("no_such_field")};
    const QString text = scope.problems(*profile, On).join(QLatin1Char(' '));
    QVERIFY(text.contains(QStringLiteral("截止日早于起始日")));
    QVERIFY(text.contains(QStringLiteral("no_such_field")));
    scope.to = On.addDays(1);
    QVERIFY(scope.problems(*profile, On).join(QLatin1Char(' ')).contains(QStringLiteral("不能晚于今天")));
    scope.to = On;
    scope.fields = QStringList{QStringLiteral("food")};
    QVERIFY(scope.problems(*profile, On).isEmpty());
}

bool TestReports::prepare(TestDatabase& tdb, Subject* subject, QString* error)
{
    if (!tdb.isValid()) {
        *error = tdb.errorString();
        return false;
    }
    *subject = company(QStringLiteral("厦门示例贸易有限公司"), 7);
    if (!insertPlatformSubjects(tdb, {subject}, error))
        return false;
    QList<CreditItem> items;
    for (CreditItem i : m_companyItems) {
        i.id = 0;
        i.subjectId = subject->id;
        items << i;
    }
    QList<CreditItem*> pointers;
    for (CreditItem& i : items)
        pointers << &i;
    return insertPlatformItems(tdb, pointers, error) && tdb.enrol(QStringLiteral("clerk1"), Role::Clerk, error) &&
           tdb.enrol(QStringLiteral("auditor1"), Role::Auditor, error);
}

void TestReports::issueIsStoredSignedAndAudited()
{
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    ReportRepository reports(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis = authorisedBasis();
    IssuedReport issued;
    const ReportRepository::Result r = reports.issue(request, On, &issued);
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(QRegularExpression(QStringLiteral("^XMR\\d{8}-5A1E-0001$")).match(issued.number).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-HJ-NP-RTUWXY]{4}(-[0-9A-HJ-NP-RTUWXY]{4}){2}$"))
                .match(issued.code)
                .hasMatch());
    QCOMPARE(issued.mode, DisclosureMode::Authorised);
    QVERIFY(issued.authorisationId > 0);
    QCOMPARE(issued.sha256, issued.content.sha256());

    IssuedReport stored;
    QVERIFY(reports.find(issued.number, &stored).ok());
    QCOMPARE(stored.content.toText(), issued.content.toText());
    QCOMPARE(stored.signature, issued.signature);
    QCOMPARE(stored.copies, 0);
    // The second report of the day at this workstation gets the next number.
    IssuedReport second;
    QVERIFY(reports.issue(request, On, &second).ok());
    QVERIFY(second.number.endsWith(QStringLiteral("-0002")));

    QSqlQuery q(tdb.database());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, basis, details FROM audit_log WHERE action = 'report.issue' AND "
                                  "object_id = '%1'")
                       .arg(issued.number)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("clerk1"));
    QVERIFY(q.value(1).toString().startsWith(QStringLiteral("authorised: ")));
    QVERIFY(q.value(2).toString().contains(issued.sha256));
    QSqlDatabase db = tdb.database();
    QVERIFY(AuditLog::verify(db).ok);
}

void TestReports::refusedWithoutBasisOrRole()
{
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis.kind = ReportBasisKind::Agency; // nothing filled in
    IssuedReport issued;
    ReportRepository clerk(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRepository::Result r = clerk.issue(request, On, &issued);
    QCOMPARE(r.failure, ReportRepository::Failure::Rule);
    QVERIFY(r.message.contains(QStringLiteral("查询部门")));
    ReportRepository auditor(sessionFor(tdb, Role::Auditor, QStringLiteral("auditor1")), m_policies);
    request.basis = agencyBasis();
    r = auditor.issue(request, On, &issued);
    QCOMPARE(r.failure, ReportRepository::Failure::Denied);
    request.subjectId = 99999;
    r = clerk.issue(request, On, &issued);
    QCOMPARE(r.failure, ReportRepository::Failure::NotFound);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM reports")).toInt(), 0);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.issue'")).toInt(), 0);
}

void TestReports::copiesAndReprints()
{
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    ReportRepository reports(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis = agencyBasis();
    IssuedReport issued;
    QVERIFY(reports.issue(request, On, &issued).ok());
    ReportRenderer::Copy copy;
    QVERIFY(reports.recordCopy(&issued, QStringLiteral("pdf"), &copy).ok());
    QCOMPARE(copy.number, 1);
    QVERIFY(reports.recordCopy(&issued, QStringLiteral("printer"), &copy).ok());
    QCOMPARE(copy.number, 2);
    QCOMPARE(issued.copies, 2);
    QCOMPARE(reports.recordCopy(&issued, QStringLiteral("fax"), &copy).failure, ReportRepository::Failure::Invalid);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.print'")).toInt(), 1);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.reprint'")).toInt(), 1);
    // The reprint is marked on the page.
    const QString html = ReportRenderer::html(issued.content, copy, 100);
    QVERIFY(html.contains(QStringLiteral("补打件（第 2 份")));
    ReportRenderer::Copy first;
    QVERIFY(!ReportRenderer::html(issued.content, first, 100).contains(QStringLiteral("补打件")));
}

void TestReports::verification()
{
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    ReportRepository reports(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis = agencyBasis();
    IssuedReport issued;
    QVERIFY(reports.issue(request, On, &issued).ok());

    // Typed as people type: lower case, spaces, without dashes.
    QString typed = issued.code.toLower();
    typed.remove(QLatin1Char('-'));
    typed.insert(4, QLatin1Char(' '));
    ReportVerification v = reports.verify(issued.number.toLower(), typed);
    QCOMPARE(v.result, ReportVerification::Result::Genuine);
    QCOMPARE(v.report.content.toText(), issued.content.toText());
    QCOMPARE(v.issuerName, QStringLiteral("clerk1"));
    v = reports.verifyPayload(issued.qrPayload());
    QCOMPARE(v.result, ReportVerification::Result::Genuine);

    QString wrong = issued.code;
    wrong[0] = wrong.at(0) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QCOMPARE(reports.verify(issued.number, wrong).result, ReportVerification::Result::WrongCode);
    QCOMPARE(reports.verify(issued.number, QStringLiteral("ABC")).result, ReportVerification::Result::WrongCode);
    QCOMPARE(reports.verify(QStringLiteral("XMR20000101-0000-0001"), issued.code).result,
             ReportVerification::Result::Unknown);
    // A QR code whose hash was changed (a forged paper with a real number and code) is refused.
    QString forged = issued.qrPayload();
    forged.replace(issued.sha256, QString(64, QLatin1Char('0')));
    QCOMPARE(reports.verifyPayload(forged).result, ReportVerification::Result::WrongCode);
    QCOMPARE(reports.verifyPayload(QStringLiteral("hello")).result, ReportVerification::Result::Unknown);
    QCOMPARE(reports.verifyPayload(QString(5000, QLatin1Char('X'))).result, ReportVerification::Result::Unknown);
    // A role without query or audit rights may not verify.
    QVERIFY(tdb.enrol(QStringLiteral("admin1"), Role::Administrator, &error));
    ReportRepository admin(sessionFor(tdb, Role::Administrator, QStringLiteral("admin1")), m_policies);
    QCOMPARE(admin.verify(issued.number, issued.code).result, ReportVerification::Result::Denied);
    // Every verification is recorded and audited.
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM report_verifications")).toInt(), 6);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.verify'")).toInt(), 6);
}

void TestReports::verificationIsThrottled()
{
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    ReportRepository reports(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis = agencyBasis();
    IssuedReport issued;
    QVERIFY(reports.issue(request, On, &issued).ok());
    for (int i = 0; i < ReportRepository::VerifyAttempts; ++i)
        QCOMPARE(reports.verify(issued.number, QStringLiteral("0000-0000-0000")).result,
                 ReportVerification::Result::WrongCode);
    // Now even the right code waits: guessing codes cannot go on.
    const ReportVerification v = reports.verify(issued.number, issued.code);
    QCOMPARE(v.result, ReportVerification::Result::Throttled);
    QVERIFY(v.message.contains(QStringLiteral("稍后再试")));
}

void TestReports::alteredReportIsDamaged()
{
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    ReportRepository reports(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis = agencyBasis();
    IssuedReport issued;
    QVERIFY(reports.issue(request, On, &issued).ok());
    // Someone with the key drops the guard and rewrites what the report said, and even its hash.
    QVERIFY2(tdb.exec(QStringLiteral("DROP TRIGGER reports_no_update; UPDATE reports SET content = "
                                     "replace(content, '纳税信用A级', '纳税信用D级')"),
                      &error),
             qPrintable(error));
    QCOMPARE(reports.verify(issued.number, issued.code).result, ReportVerification::Result::Damaged);
    IssuedReport altered;
    QVERIFY(reports.find(issued.number, &altered).ok());
    QVERIFY2(tdb.exec(QStringLiteral("UPDATE reports SET sha256 = '%1'").arg(altered.content.sha256()), &error),
             qPrintable(error));
    const ReportVerification v = reports.verify(issued.number, issued.code);
    QCOMPARE(v.result, ReportVerification::Result::Damaged);
    QVERIFY(v.message.contains(QStringLiteral("签名")));
}

void TestReports::reportTablesRefuseChange()
{
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    ReportRepository reports(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis = agencyBasis();
    IssuedReport issued;
    QVERIFY(reports.issue(request, On, &issued).ok());
    ReportRenderer::Copy copy;
    QVERIFY(reports.recordCopy(&issued, QStringLiteral("pdf"), &copy).ok());
    reports.verify(issued.number, issued.code);
    const QStringList refused{
        QStringLiteral("DELETE FROM reports"),
        QStringLiteral("UPDATE reports SET code = 'AAAA-AAAA-AAAA'"),
        QStringLiteral("INSERT OR REPLACE INTO reports SELECT * FROM reports"),
        QStringLiteral("DELETE FROM report_prints"),
        QStringLiteral("UPDATE report_prints SET copy_no = 5"),
        QStringLiteral("INSERT OR REPLACE INTO report_prints SELECT * FROM report_prints"),
        QStringLiteral("INSERT INTO report_prints (report_id, copy_no, output, printed_by, printed_at) "
                       "VALUES (%1, 7, 'pdf', 'x', 'now')")
            .arg(issued.id),
        QStringLiteral("DELETE FROM report_verifications"),
        QStringLiteral("UPDATE report_verifications SET result = 'genuine'"),
        QStringLiteral("INSERT OR REPLACE INTO report_verifications SELECT * FROM report_verifications"),
    };
    for (const QString& sql : refused) {
        QString why;
        QVERIFY2(!tdb.exec(sql, &why), qPrintable(sql));
        QVERIFY2(why.contains(QStringLiteral("never")) || why.contains(QStringLiteral("numbered")), qPrintable(why));
    }
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM reports")).toInt(), 1);
    QCOMPARE(tdb.scalar(QStringLiteral("SELECT count(*) FROM report_prints")).toInt(), 1);
}

void TestReports::pdfReadsBackWithRealTools()
{
    for (const char* tool : {"pdftotext", "pdffonts", "pdftoppm", "zbarimg"})
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is missing: installer/dev.sh installs it").arg(QLatin1String(tool))));
    TestDatabase tdb;
    Subject subject;
    QString error;
    QVERIFY2(prepare(tdb, &subject, &error), qPrintable(error));
    // 500 more items, so the report runs over many pages.
    QList<CreditItem> many;
    for (CreditItem i : m_manyItems) {
        i.id = 0;
        i.subjectId = subject.id;
        many << i;
    }
    QList<CreditItem*> pointers;
    for (CreditItem& i : many)
        pointers << &i;
    QVERIFY2(insertPlatformItems(tdb, pointers, &error), qPrintable(error));

    ReportRepository reports(sessionFor(tdb, Role::Clerk, QStringLiteral("clerk1")), m_policies);
    ReportRequest request;
    request.subjectId = subject.id;
    request.basis = agencyBasis();
    IssuedReport issued;
    QVERIFY(reports.issue(request, On, &issued).ok());
    ReportRenderer::Copy copy;
    QVERIFY(reports.recordCopy(&issued, QStringLiteral("pdf"), &copy).ok());
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    int pages = 0;
    QVERIFY2(ReportRenderer::writePdf(issued.content, issued.qrPayload(), copy, pdf, &pages, &error),
             qPrintable(error));
    QVERIFY2(pages >= 10, qPrintable(QString::number(pages)));
    if (qEnvironmentVariableIsSet("XMCREDIT_SCREENSHOT_DIR"))
        QFile::copy(pdf, QDir(qEnvironmentVariable("XMCREDIT_SCREENSHOT_DIR")).filePath(QStringLiteral("report.pdf")));

    // Every page: the exact Chinese of the running header and 第 X 页 共 N 页.
    const QStringList pageTexts = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).split(QLatin1Char('\f'));
    QVERIFY(pageTexts.size() >= pages);
    for (int p = 0; p < pages; ++p) {
        const QString& text = pageTexts.at(p);
        QVERIFY2(text.contains(QStringLiteral("第 %1 页 共 %2 页").arg(p + 1).arg(pages)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("厦门市公共信用信息中心")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("报告编号：%1").arg(issued.number)));
    }
    // Cells wrap: compare without the line breaks.
    const QString all = pageTexts.join(QString()).remove(QRegularExpression(QStringLiteral("\\s")));
    for (const QString& phrase :
         {QStringLiteral("公共信用信息报告"), QStringLiteral("厦门示例贸易有限公司"), QStringLiteral("三、失信信息"),
          QStringLiteral("销售不符合食品安全标准的食品"), QStringLiteral("政务共享"),
          QStringLiteral("（二）政府采购、招标投标、资金和项目安排、国有土地使用权出让、科研管理"),
          QStringLiteral("社会信用预警"), QStringLiteral("事项500")})
        QVERIFY2(all.contains(phrase), qPrintable(phrase));
    // No Kangxi radical stands in for an ideograph.
    QVERIFY(!all.contains(QRegularExpression(QStringLiteral("[\\x{2F00}-\\x{2FDF}]"))));

    // Fonts are embedded.
    const QStringList fonts = run(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(fonts.size() >= 3);
    for (const QString& line : fonts.mid(2))
        QVERIFY2(line.contains(QRegularExpression(QStringLiteral("\\syes\\s"))), qPrintable(line));

    // The QR code decodes from the printed page, and what it carries verifies.
    const QString png = dir.filePath(QStringLiteral("page"));
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
         QStringLiteral("1"), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, png});
    int zbarExit = -1;
    const QString decoded =
        run(QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), png + QStringLiteral(".png")},
            &zbarExit)
            .trimmed();
    QCOMPARE(zbarExit, 0);
    QCOMPARE(decoded, issued.qrPayload());
    QCOMPARE(reports.verifyPayload(decoded).result, ReportVerification::Result::Genuine);
}

void TestReports::aRowTallerThanAPageIsNotLost()
{
    // A matter of 6,000 characters (the feed allows 4,000 per field, and a cell may hold more than one): it runs
    // over pages, with the header repeated, and every part of it is printed.
    CreditItem longItem = m_companyItems.last();
    longItem.id = 999;
    QString text;
    for (int i = 0; i < 600; ++i)
        text += QStringLiteral("第%1段说明。").arg(i, 3, 10, QLatin1Char('0'));
    longItem.title = text + QStringLiteral("结尾标记");
    QList<CreditItem> items = m_companyItems;
    items << longItem;
    ReportRequest request;
    request.basis = agencyBasis();
    const ReportContent content = ReportBuilder::build(profileOf(m_company, items), request, header(), m_policies);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("tall.pdf"));
    int pages = 0;
    QString error;
    ReportRenderer::Copy copy;
    QVERIFY2(ReportRenderer::writePdf(content, QStringLiteral("XMCR1;test"), copy, pdf, &pages, &error),
             qPrintable(error));
    QVERIFY(pages >= 2);
    const QString all =
        run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).remove(QRegularExpression(QStringLiteral("\\s")));
    for (const QString& part : {QStringLiteral("第000段说明。"), QStringLiteral("第300段说明。"),
                                QStringLiteral("第599段说明。"), QStringLiteral("结尾标记")})
        QVERIFY2(all.contains(part), qPrintable(part));
    QVERIFY(all.contains(QStringLiteral("第%1页共%2页").arg(pages).arg(pages)));
}

QTEST_MAIN(TestReports)
#include "TestReports.moc"
