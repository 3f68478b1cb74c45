#include "RecordsTestFixtures.h"

#include "records/RecordJson.h"
#include "records/RecordSubmissionRepository.h"
#include "records/SubjectNameIndex.h"
#include "records/SubjectSearch.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>

// SubjectRepository: reads by id, identifier (normalised as typed) and platform id; the sync path's versioned
// apply; local subjects entered as audited submissions awaiting the platform, refused for roles, invalid or known
// identifiers, and let through on a checksum override signed by an active member of staff whose role signs
// overrides (checked by the repository against the staff table), which is stored.
class TestSubjects : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void findByIdentifierNormalises_data();
    void findByIdentifierNormalises();
    void storedFieldsRoundTrip();
    void notFoundIsNotAnError();
    void applyPlatformIsVersioned();
    void applyPlatformTakesOverAcknowledgedLocalSubject();
    void submitLocalIsAuditedSubmission();
    void submitLocalRefusals_data();
    void submitLocalRefusals();
    void checksumOverrideStoredAndAudited();
    void checksumOverrideRefusals_data();
    void checksumOverrideRefusals();
    void submissionStatusMovesOn();
    void jsonRoundTrip();

private:
    // A company whose code fails its check character only, with a complete override for it signed by signer.
    static Subject badChecksumCompany(int n, const QString& signer);
    int submissions() const { return m_tdb->scalar(QStringLiteral("SELECT count(*) FROM record_submissions")).toInt(); }

    QScopedPointer<TestDatabase> m_tdb;
    Subject m_company;
    Subject m_person;
};

void TestSubjects::init()
{
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    m_company = RecordsFixture::company(QStringLiteral("厦门鑫源科技有限公司"), 1);
    m_person = RecordsFixture::person(QStringLiteral("黄丽"), QDate(1949, 12, 31), 2);
    QString error;
    QVERIFY2(RecordsFixture::insertPlatformSubjects(*m_tdb, {&m_company, &m_person}, &error), qPrintable(error));
    const QList<QPair<QString, Role>> staff{
        {QStringLiteral("super1"), Role::Supervisor}, {QStringLiteral("super2"), Role::Supervisor},
        {QStringLiteral("clerk1"), Role::Clerk},      {QStringLiteral("review1"), Role::Reviewer},
        {QStringLiteral("audit1"), Role::Auditor},    {QStringLiteral("admin1"), Role::Administrator}};
    for (const auto& member : staff)
        QVERIFY2(RecordsFixture::addStaff(*m_tdb, member.first, member.second, &error), qPrintable(error));
    QSqlDatabase db = m_tdb->database();
    QVERIFY2(StaffDirectory::deactivate(db, QStringLiteral("super2"), QStringLiteral("admin"), &error),
             qPrintable(error));
}

Subject TestSubjects::badChecksumCompany(int n, const QString& signer)
{
    Subject s = RecordsFixture::company(QStringLiteral("厦门真实但校验错有限公司%1").arg(n), n);
    s.identifier[17] = s.identifier[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    s.hasIdentifierOverride = true;
    s.identifierOverride.identifier = s.identifier;
    s.identifierOverride.supervisor = signer;
    s.identifierOverride.reason = QStringLiteral("工商登记原件核对无误");
    s.identifierOverride.signedAt = QDateTime(QDate(2025, 6, 1), QTime(9, 30), Qt::UTC);
    return s;
}

void TestSubjects::cleanup()
{
    m_tdb.reset();
}

void TestSubjects::findByIdentifierNormalises_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("person");
    QTest::newRow("exact") << QStringLiteral("350203194912310027") << true;
    QTest::newRow("id-card reader") << QStringLiteral("350203194912310027\r\n") << true;
    QTest::newRow("spaces and full-width") << QStringLiteral("３５０２０３ １９４９１２３１ ００２７") << true;
    QTest::newRow("code lower case") << RecordsFixture::companyCode(1).toLower() << false;
}

void TestSubjects::findByIdentifierNormalises()
{
    QFETCH(QString, typed);
    QFETCH(bool, person);
    QCOMPARE(m_person.identifier, QStringLiteral("350203194912310027"));
    Subject found;
    QString error;
    QVERIFY2(SubjectRepository(m_tdb->database()).findByIdentifier(typed, &found, &error), qPrintable(error));
    QCOMPARE(found.id, person ? m_person.id : m_company.id);
}

void TestSubjects::storedFieldsRoundTrip()
{
    Subject found;
    QVERIFY(SubjectRepository(m_tdb->database()).findById(m_company.id, &found));
    QCOMPARE(found.kind, SubjectKind::LegalPerson);
    QCOMPARE(found.identifier, m_company.identifier);
    QCOMPARE(found.name, m_company.name);
    QCOMPARE(found.legalRepresentative, m_company.legalRepresentative);
    QCOMPARE(found.registeredAddress, m_company.registeredAddress);
    QCOMPARE(found.establishedOn, m_company.establishedOn);
    QCOMPARE(found.industry, m_company.industry);
    QCOMPARE(found.district, m_company.district);
    QCOMPARE(found.status, m_company.status);
    QCOMPARE(found.origin, RecordOrigin::Platform);
    QCOMPARE(found.platformId, m_company.platformId);
    QCOMPARE(found.platformVersion, 1);
    QVERIFY(found.createdAt.isValid());
    QVERIFY(!found.hasIdentifierOverride);
    // The bigram column behind the fragment search, and SQL NULL (not '') for what a person lacks.
    QCOMPARE(
        m_tdb->scalar(QStringLiteral("SELECT name_bigrams FROM subjects WHERE id = %1").arg(m_company.id)).toString(),
        SubjectNameIndex::bigrams(m_company.name));
    QVERIFY(
        m_tdb
            ->scalar(QStringLiteral("SELECT legal_representative IS NULL FROM subjects WHERE id = %1").arg(m_person.id))
            .toBool());
    Subject byPlatform;
    QVERIFY(SubjectRepository(m_tdb->database()).findByPlatformId(m_person.platformId, &byPlatform));
    QCOMPARE(byPlatform.id, m_person.id);
    QCOMPARE(SubjectRepository(m_tdb->database()).count(), 2);
}

void TestSubjects::notFoundIsNotAnError()
{
    QString error = QStringLiteral("stale");
    QVERIFY(!SubjectRepository(m_tdb->database()).findById(999, nullptr, &error));
    QVERIFY(error.isEmpty());
    QVERIFY(
        !SubjectRepository(m_tdb->database()).findByIdentifier(QStringLiteral("350203199001010018"), nullptr, &error));
    QVERIFY(error.isEmpty());
}

void TestSubjects::applyPlatformIsVersioned()
{
    QSqlDatabase db = m_tdb->database();
    SubjectRepository repository(db);
    PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
    QString error;
    bool applied = true;

    Subject stale = m_company;
    stale.name = QStringLiteral("旧名称有限公司");
    stale.platformVersion = 1; // same version: ignored
    QVERIFY2(repository.applyPlatform(permit, &stale, &applied, &error), qPrintable(error));
    QVERIFY(!applied);
    QCOMPARE(stale.name, m_company.name);

    Subject newer = m_company;
    newer.name = QStringLiteral("厦门鑫源智能科技有限公司");
    newer.platformVersion = 3;
    QVERIFY2(repository.applyPlatform(permit, &newer, &applied, &error), qPrintable(error));
    QVERIFY(applied);
    QCOMPARE(newer.id, m_company.id);

    Subject unknown = RecordsFixture::company(QStringLiteral("厦门新来有限公司"), 5);
    QVERIFY2(repository.applyPlatform(permit, &unknown, &applied, &error), qPrintable(error));
    QVERIFY(applied);
    QVERIFY(unknown.id > 0);

    Subject noId = RecordsFixture::company(QStringLiteral("厦门无编号有限公司"), 6);
    noId.platformId.clear();
    QVERIFY(!repository.applyPlatform(permit, &noId, &applied, &error));
    QVERIFY2(permit.commit(&error), qPrintable(error));

    Subject stored;
    QVERIFY(repository.findById(m_company.id, &stored));
    QCOMPARE(stored.name, QStringLiteral("厦门鑫源智能科技有限公司"));
    QCOMPARE(stored.platformVersion, 3);
    QCOMPARE(repository.count(), 3);
}

void TestSubjects::applyPlatformTakesOverAcknowledgedLocalSubject()
{
    const Session clerk = RecordsFixture::session(*m_tdb);
    Subject local = RecordsFixture::company(QStringLiteral("厦门本地有限公司"), 7);
    qint64 submission = 0;
    QString error;
    QSqlDatabase db = m_tdb->database();
    SubjectRepository repository(db);
    QVERIFY2(repository.submitLocal(clerk, &local, QStringLiteral("营业执照副本"), {}, &submission, &error),
             qPrintable(error));
    QCOMPARE(local.origin, RecordOrigin::Local);

    Subject confirmed = local;
    confirmed.platformId = QStringLiteral("P-77");
    confirmed.platformVersion = 1;
    {
        PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
        bool applied = false;
        QVERIFY2(repository.applyPlatform(permit, &confirmed, &applied, &error), qPrintable(error));
        QVERIFY(applied);
        QVERIFY2(permit.commit(&error), qPrintable(error));
    }
    QCOMPARE(confirmed.id, local.id);
    Subject stored;
    QVERIFY(repository.findById(local.id, &stored));
    QCOMPARE(stored.origin, RecordOrigin::Platform);
    QCOMPARE(stored.platformId, QStringLiteral("P-77"));
    // Now read-only like every platform subject.
    QSqlQuery q(db);
    QVERIFY(!q.exec(QStringLiteral("UPDATE subjects SET name = 'x' WHERE id = %1").arg(local.id)));
}

void TestSubjects::submitLocalIsAuditedSubmission()
{
    const Session clerk = RecordsFixture::session(*m_tdb);
    Subject local = RecordsFixture::company(QStringLiteral("厦门新设有限公司"), 8);
    local.platformId = QStringLiteral("must be cleared");
    qint64 submissionId = 0;
    QString error;
    QSqlDatabase db = m_tdb->database();
    QVERIFY2(SubjectRepository(db).submitLocal(clerk, &local, QStringLiteral("设立登记通知书 2025-018"),
                                               QJsonObject{{QStringLiteral("note"), QStringLiteral("窗口录入")}},
                                               &submissionId, &error),
             qPrintable(error));
    QVERIFY(local.id > 0);
    QVERIFY(submissionId > 0);
    QCOMPARE(local.origin, RecordOrigin::Local);
    QVERIFY(local.platformId.isEmpty());

    RecordSubmission submission;
    QVERIFY(RecordSubmissionRepository(db).findById(submissionId, &submission));
    QCOMPARE(submission.kind, SubmissionKind::Subject);
    QCOMPARE(submission.status, SubmissionStatus::Pending);
    QCOMPARE(submission.subjectId, local.id);
    QCOMPARE(submission.createdBy, QStringLiteral("clerk1"));
    QCOMPARE(submission.payload.value(QStringLiteral("basis")).toString(), QStringLiteral("设立登记通知书 2025-018"));
    QCOMPARE(submission.payload.value(QStringLiteral("note")).toString(), QStringLiteral("窗口录入"));
    QCOMPARE(
        submission.payload.value(QStringLiteral("subject")).toObject().value(QStringLiteral("identifier")).toString(),
        local.identifier);

    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT actor, object_type, object_id, basis, details FROM audit_log "
                                  "WHERE action = 'record.submit'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("clerk1"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("subject"));
    QCOMPARE(q.value(2).toString(), QString::number(local.id));
    QCOMPARE(q.value(3).toString(), QStringLiteral("设立登记通知书 2025-018"));
    QVERIFY(q.value(4).toString().contains(QStringLiteral("\"submission\":%1").arg(submissionId)));
    QVERIFY(!q.next());

    // Found by the search at once, marked as local.
    SubjectSearch search(db);
    search.start(QStringLiteral("新设"));
    QList<SubjectHit> hits;
    QVERIFY(search.fetch(10, &hits));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().origin, RecordOrigin::Local);
}

void TestSubjects::submitLocalRefusals_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("basis");
    QTest::addColumn<QString>("reason");
    const QString valid = RecordsFixture::companyCode(9);
    QString badCheck = valid;
    badCheck[17] = badCheck[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    QTest::newRow("reviewer may not enter") << int(Role::Reviewer) << valid << QStringLiteral("厦门甲有限公司")
                                            << QStringLiteral("执照") << QStringLiteral("role");
    QTest::newRow("auditor may not enter") << int(Role::Auditor) << valid << QStringLiteral("厦门甲有限公司")
                                           << QStringLiteral("执照") << QStringLiteral("role");
    QTest::newRow("check character") << int(Role::Clerk) << badCheck << QStringLiteral("厦门甲有限公司")
                                     << QStringLiteral("执照") << QStringLiteral("check");
    QTest::newRow("too short") << int(Role::Clerk) << valid.left(17) << QStringLiteral("厦门甲有限公司")
                               << QStringLiteral("执照") << QStringLiteral("18");
    QTest::newRow("known identifier") << int(Role::Clerk) << RecordsFixture::companyCode(1)
                                      << QStringLiteral("厦门甲有限公司") << QStringLiteral("执照")
                                      << QStringLiteral("厦门鑫源科技有限公司");
    QTest::newRow("no name") << int(Role::Clerk) << valid << QStringLiteral("  ") << QStringLiteral("执照")
                             << QStringLiteral("name");
    QTest::newRow("no basis") << int(Role::Clerk) << valid << QStringLiteral("厦门甲有限公司") << QString()
                              << QStringLiteral("basis");
}

void TestSubjects::submitLocalRefusals()
{
    QFETCH(int, role);
    QFETCH(QString, identifier);
    QFETCH(QString, name);
    QFETCH(QString, basis);
    QFETCH(QString, reason);
    const Session session = RecordsFixture::session(*m_tdb, Role(role));
    Subject s = RecordsFixture::company(name, 9);
    s.identifier = identifier;
    QString error;
    qint64 submission = 0;
    QVERIFY(!SubjectRepository(m_tdb->database()).submitLocal(session, &s, basis, {}, &submission, &error));
    QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM subjects")).toInt(), 2);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM record_submissions")).toInt(), 0);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'record.submit'")).toInt(), 0);
}

void TestSubjects::checksumOverrideStoredAndAudited()
{
    const Session clerk = RecordsFixture::session(*m_tdb);
    Subject s = badChecksumCompany(10, QStringLiteral("super1"));
    qint64 submission = 0;
    QString error;
    QSqlDatabase db = m_tdb->database();
    QVERIFY2(SubjectRepository(db).submitLocal(clerk, &s, QStringLiteral("执照"), {}, &submission, &error),
             qPrintable(error));
    Subject stored;
    QVERIFY(SubjectRepository(db).findById(s.id, &stored));
    QVERIFY(stored.hasIdentifierOverride);
    QCOMPARE(stored.identifierOverride.supervisor, QStringLiteral("super1"));
    QCOMPARE(stored.identifierOverride.signedAt, s.identifierOverride.signedAt);
    QVERIFY(m_tdb->scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'record.submit'"))
                .toString()
                .contains(QStringLiteral("super1")));

    // The signer's name is compared as a typed username is.
    Subject typed = badChecksumCompany(13, QStringLiteral(" Super1 "));
    QVERIFY2(SubjectRepository(db).submitLocal(clerk, &typed, QStringLiteral("执照"), {}, &submission, &error),
             qPrintable(error));
    QCOMPARE(submissions(), 2);
}

void TestSubjects::checksumOverrideRefusals_data()
{
    QTest::addColumn<QString>("signer");
    QTest::addColumn<QString>("overrideFor"); // "same", "other" identifier or "incomplete"
    QTest::addColumn<QString>("reason");      // empty: the domain's identifier check message
    const QString mayNotSign = QStringLiteral("The identifier override must be signed by an active supervisor; %1 may "
                                              "not sign it.");
    QTest::newRow("unknown signer") << QStringLiteral("nobody") << QStringLiteral("same")
                                    << mayNotSign.arg(QStringLiteral("nobody"));
    QTest::newRow("deactivated supervisor")
        << QStringLiteral("super2") << QStringLiteral("same") << mayNotSign.arg(QStringLiteral("super2"));
    QTest::newRow("clerk signs own entry")
        << QStringLiteral("clerk1") << QStringLiteral("same") << mayNotSign.arg(QStringLiteral("clerk1"));
    QTest::newRow("reviewer") << QStringLiteral("review1") << QStringLiteral("same")
                              << mayNotSign.arg(QStringLiteral("review1"));
    QTest::newRow("auditor") << QStringLiteral("audit1") << QStringLiteral("same")
                             << mayNotSign.arg(QStringLiteral("audit1"));
    QTest::newRow("administrator") << QStringLiteral("admin1") << QStringLiteral("same")
                                   << mayNotSign.arg(QStringLiteral("admin1"));
    QTest::newRow("no signer") << QString() << QStringLiteral("same") << QString();
    // A valid signature does not carry over to another identifier, nor make up for missing parts.
    QTest::newRow("override of another identifier") << QStringLiteral("super1") << QStringLiteral("other") << QString();
    QTest::newRow("incomplete override") << QStringLiteral("super1") << QStringLiteral("incomplete") << QString();
}

void TestSubjects::checksumOverrideRefusals()
{
    QFETCH(QString, signer);
    QFETCH(QString, overrideFor);
    QFETCH(QString, reason);
    Subject s = badChecksumCompany(20, signer);
    if (overrideFor == QLatin1String("other"))
        s.identifierOverride.identifier = badChecksumCompany(21, signer).identifier;
    else if (overrideFor == QLatin1String("incomplete"))
        s.identifierOverride.reason.clear();
    if (reason.isEmpty()) {
        const IdentifierCheck check =
            Identifiers::check(s.identifier, IdentifierKind::CreditCode, QDate::currentDate(), &s.identifierOverride);
        QVERIFY(!check.accepted());
        QVERIFY(check.isChecksumFailure());
        reason = check.message();
    }
    const int subjectsBefore = m_tdb->scalar(QStringLiteral("SELECT count(*) FROM subjects")).toInt();
    const int submissionsBefore = submissions();
    QString error;
    qint64 submission = 0;
    QVERIFY(!SubjectRepository(m_tdb->database())
                 .submitLocal(RecordsFixture::session(*m_tdb), &s, QStringLiteral("执照"), {}, &submission, &error));
    QCOMPARE(error, reason);
    QCOMPARE(submission, qint64(0));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM subjects")).toInt(), subjectsBefore);
    QCOMPARE(submissions(), submissionsBefore);
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'record.submit'")).toInt(), 0);
}

void TestSubjects::submissionStatusMovesOn()
{
    const Session clerk = RecordsFixture::session(*m_tdb);
    Subject s = RecordsFixture::company(QStringLiteral("厦门状态有限公司"), 12);
    qint64 id = 0;
    QString error;
    QSqlDatabase db = m_tdb->database();
    QVERIFY(SubjectRepository(db).submitLocal(clerk, &s, QStringLiteral("执照"), {}, &id, &error));
    RecordSubmissionRepository submissions(db);
    QVERIFY(!submissions.setStatus(id, SubmissionStatus::Acknowledged, {}, {}, &error)); // must be sent first
    QVERIFY2(submissions.setStatus(id, SubmissionStatus::Sent, {}, {}, &error), qPrintable(error));
    QList<RecordSubmission> sent;
    QVERIFY(submissions.withStatus(SubmissionStatus::Sent, &sent));
    QCOMPARE(sent.size(), 1);
    QVERIFY2(submissions.setStatus(id, SubmissionStatus::Rejected, QStringLiteral("重复申报"), {}, &error),
             qPrintable(error));
    QVERIFY(!submissions.setStatus(id, SubmissionStatus::Pending, {}, {}, &error));
    RecordSubmission final;
    QVERIFY(submissions.findById(id, &final));
    QCOMPARE(final.status, SubmissionStatus::Rejected);
    QCOMPARE(final.statusReason, QStringLiteral("重复申报"));
    QList<RecordSubmission> ofSubject;
    QVERIFY(submissions.ofSubject(s.id, &ofSubject));
    QCOMPARE(ofSubject.size(), 1);
}

void TestSubjects::jsonRoundTrip()
{
    Subject s = m_company;
    s.hasIdentifierOverride = true;
    s.identifierOverride = {s.identifier, QStringLiteral("super1"), QStringLiteral("原件核对"),
                            QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC)};
    Subject back;
    QString error;
    QVERIFY2(RecordJson::fromJson(RecordJson::toJson(s), &back, &error), qPrintable(error));
    QCOMPARE(back.identifier, s.identifier);
    QCOMPARE(back.name, s.name);
    QCOMPARE(back.establishedOn, s.establishedOn);
    QCOMPARE(back.platformId, s.platformId);
    QVERIFY(back.hasIdentifierOverride);
    QCOMPARE(back.identifierOverride.signedAt, s.identifierOverride.signedAt);
    QJsonObject broken = RecordJson::toJson(s);
    broken.insert(QStringLiteral("kind"), QStringLiteral("robot"));
    QVERIFY(!RecordJson::fromJson(broken, &back, &error));
    QVERIFY(error.contains(QLatin1String("robot")));
}

QTEST_GUILESS_MAIN(TestSubjects)
#include "TestSubjects.moc"
