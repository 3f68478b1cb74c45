// The outbox (models/sync/Outbox, 0011): what this window sends the platform is read from the rows it keeps anyway
// (record submissions, case events, reports), oldest first, each under its idempotency key and content hash; an
// entry stays pending until the platform's answer to it is recorded, and an answer that is not exactly one per entry
// sent records nothing. Conflicts are kept, audited and found again by case. The answers table is guarded (no
// delete, update, replace, or answer for an entry that does not exist) and sealed.

#include "RecordsTestFixtures.h"

#include "cases/CaseRepository.h"
#include "cases/DemoCases.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "records/RecordSubmissionRepository.h"
#include "storage/RowSeals.h"
#include "sync/Outbox.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pendingEntriesInOrder();
    void answersMustMatchWhatWasSent_data();
    void answersMustMatchWhatWasSent();
    void acceptedEntriesAreNotSentAgain();
    void conflictIsKeptAndFoundByCase();
    void submissionStatusFollowsItsAnswer();
    void auditorMayNotRecord();
    void guards();

private:
    Session session(const QString& user, Role role);
    QList<OutboxEntry> pending(int limit = 1000)
    {
        QList<OutboxEntry> entries;
        QString error;
        if (!Outbox::pending(m_tdb->database(), Workstation, limit, &entries, &error))
            qWarning("%s", qPrintable(error));
        return entries;
    }
    static QList<OutboxAnswer> accepted(const QList<OutboxEntry>& entries)
    {
        QList<OutboxAnswer> answers;
        for (const OutboxEntry& e : entries)
            answers.append(
                {e.key, QStringLiteral("accepted"), QStringLiteral("P-") + e.key.section(u'/', -1), QString(), {}});
        return answers;
    }
    int answerRows() const { return m_tdb->scalar(QStringLiteral("SELECT count(*) FROM sync_outbox_answers")).toInt(); }
    int audits() const { return m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(); }

    static inline const QString Workstation = QStringLiteral("5d1c0e0a-0000-4000-8000-00000000abcd");
    QScopedPointer<TestDatabase> m_tdb;
    Session m_clerk;
    Session m_reviewer;
    int m_events = 0;
};

Session TestOutbox::session(const QString& user, Role role)
{
    m_tdb->enrol(user, role);
    Session s = RecordsFixture::session(*m_tdb, role, user);
    s.workstationId = Workstation;
    return s;
}

void TestOutbox::initTestCase()
{
    QString error;
    const PolicyRegistry policies = PolicyRegistry::builtIn(&error);
    const WorkingCalendar calendar = WorkingCalendar::builtIn(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QDate today(2026, 11, 18);
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    DemoCityOptions options;
    options.subjects = 300;
    options.seed = 8;
    options.today = today;
    options.actor = QStringLiteral("admin");
    QSqlDatabase db = m_tdb->database();
    QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    m_clerk = session(QStringLiteral("clerk1"), Role::Clerk);
    m_reviewer = session(QStringLiteral("rev1"), Role::Reviewer);
    const DemoCaseActors actors{m_clerk, m_reviewer, session(QStringLiteral("super1"), Role::Supervisor)};
    DemoCasesReport report;
    QVERIFY2(DemoCases::generate(actors, policies, calendar, 12, 3, today, &report, &error), qPrintable(error));
    m_events = m_tdb->scalar(QStringLiteral("SELECT count(*) FROM case_events")).toInt();
    QVERIFY(m_events > 12);
}

void TestOutbox::pendingEntriesInOrder()
{
    const QList<OutboxEntry> entries = pending();
    QCOMPARE(entries.size(), m_events);
    QSet<QString> keys;
    qint64 last = 0;
    QSet<QString> intakes;
    for (const OutboxEntry& e : entries) {
        QCOMPARE(e.kind, QStringLiteral("case_event"));
        QVERIFY(e.localId > last); // oldest first
        last = e.localId;
        QCOMPARE(e.key, Outbox::keyFor(Workstation, e.kind, e.localId));
        QVERIFY(!keys.contains(e.key));
        keys.insert(e.key);
        QCOMPARE(e.sha256, Outbox::digest(e.data));
        const QString caseNo = e.data.value(QStringLiteral("caseNo")).toString();
        QVERIFY(e.seq >= 0);
        if (e.data.value(QStringLiteral("action")).toString() == QLatin1String("intake")) {
            QCOMPARE(e.seq, 0);
            // The intake comes first and carries the case: subject, items with their platform ids, applicant.
            QVERIFY(!intakes.contains(caseNo));
            intakes.insert(caseNo);
            const QJsonObject c = e.data.value(QStringLiteral("case")).toObject();
            QVERIFY(!c.value(QStringLiteral("subjectPlatformId")).toString().isEmpty());
            QVERIFY(!c.value(QStringLiteral("items")).toArray().isEmpty());
            QVERIFY(!c.value(QStringLiteral("items"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("platformId"))
                         .toString()
                         .isEmpty());
            QVERIFY(!c.value(QStringLiteral("applicant")).toObject().isEmpty());
        } else {
            QVERIFY2(intakes.contains(caseNo), qPrintable(caseNo));
            QVERIFY(!e.data.contains(QStringLiteral("case")));
        }
    }
    QCOMPARE(intakes.size(), 12);
    // A limit takes the oldest.
    const QList<OutboxEntry> first = pending(5);
    QCOMPARE(first.size(), 5);
    QCOMPARE(first.last().localId, entries.at(4).localId);
    OutboxCounts counts;
    QVERIFY(Outbox::counts(m_tdb->database(), &counts));
    QCOMPARE(counts.pending, m_events);
    QCOMPARE(counts.accepted, 0);
}

void TestOutbox::answersMustMatchWhatWasSent_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("one answer missing") << QStringLiteral("missing");
    QTest::newRow("an answer for an entry not sent") << QStringLiteral("extra");
    QTest::newRow("the same entry answered twice") << QStringLiteral("twice");
    QTest::newRow("an outcome not of the protocol") << QStringLiteral("outcome");
    QTest::newRow("no answer at all") << QStringLiteral("none");
}

void TestOutbox::answersMustMatchWhatWasSent()
{
    QFETCH(QString, how);
    const QList<OutboxEntry> sent = pending(4);
    QCOMPARE(sent.size(), 4);
    QList<OutboxAnswer> answers = accepted(sent);
    if (how == QLatin1String("missing"))
        answers.removeLast();
    else if (how == QLatin1String("extra"))
        answers.append({Outbox::keyFor(Workstation, QStringLiteral("case_event"), 999999),
                        QStringLiteral("accepted"),
                        QString(),
                        QString(),
                        {}});
    else if (how == QLatin1String("twice"))
        answers[3] = answers[2];
    else if (how == QLatin1String("outcome"))
        answers[1].outcome = QStringLiteral("maybe");
    else
        answers.clear();
    const int before = audits();
    QString error;
    bool badAnswer = false;
    QVERIFY(!Outbox::record(m_clerk, sent, answers, &error, &badAnswer));
    QVERIFY(badAnswer);
    QVERIFY(!error.isEmpty());
    // Nothing recorded, nothing audited: all four stay pending.
    QCOMPARE(answerRows(), 0);
    QCOMPARE(audits(), before);
    QCOMPARE(pending().size(), m_events);
}

void TestOutbox::acceptedEntriesAreNotSentAgain()
{
    const QList<OutboxEntry> sent = pending(10);
    const int before = audits();
    QString error;
    QVERIFY2(Outbox::record(m_clerk, sent, accepted(sent), &error), qPrintable(error));
    QCOMPARE(answerRows(), 10);
    QCOMPARE(audits(), before + 1); // one sync.push entry for the batch
    const QList<OutboxEntry> rest = pending();
    QCOMPARE(rest.size(), m_events - 10);
    QVERIFY(rest.first().localId > sent.last().localId);
    // The same entries answered again: refused by the table (an entry keeps its first answer).
    QVERIFY(!Outbox::record(m_clerk, sent, accepted(sent), &error));
    QCOMPARE(answerRows(), 10);
    OutboxCounts counts;
    QVERIFY(Outbox::counts(m_tdb->database(), &counts));
    QCOMPARE(counts.accepted, 10);
    QCOMPARE(counts.pending, m_events - 10);
}

void TestOutbox::conflictIsKeptAndFoundByCase()
{
    const QList<OutboxEntry> sent = pending(3);
    QList<OutboxAnswer> answers = accepted(sent);
    answers[1].outcome = QStringLiteral("conflict");
    answers[1].platformRef.clear();
    answers[1].reason = QStringLiteral("case moved on at another window");
    // Only the protocol's fields are kept, each short: a hostile platform cannot fill the database through them.
    answers[1].platform = {{QStringLiteral("state"), QStringLiteral("rejected")},
                           {QStringLiteral("lastAction"), QStringLiteral("municipal_reject")},
                           {QStringLiteral("huge"), QString(100000, QLatin1Char('x'))},
                           {QStringLiteral("movedBy"), QString(5000, QLatin1Char('y'))}};
    QString error;
    QVERIFY2(Outbox::record(m_reviewer, sent, answers, &error), qPrintable(error));
    const QString caseNo = sent.at(1).data.value(QStringLiteral("caseNo")).toString();
    const qint64 caseId =
        m_tdb->scalar(QStringLiteral("SELECT id FROM cases WHERE case_no = '%1'").arg(caseNo)).toLongLong();
    QList<OutboxProblem> problems;
    QVERIFY2(Outbox::problems(m_tdb->database(), &problems, caseId, 20, &error), qPrintable(error));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().outcome, QStringLiteral("conflict"));
    QCOMPARE(problems.first().label, caseNo);
    QCOMPARE(problems.first().platformState, QStringLiteral("rejected"));
    QCOMPARE(problems.first().localAction, sent.at(1).data.value(QStringLiteral("action")).toString());
    QCOMPARE(problems.first().localId, sent.at(1).localId);
    const QString stored = m_tdb
                               ->scalar(QStringLiteral("SELECT answer FROM sync_outbox_answers WHERE outcome = "
                                                       "'conflict'"))
                               .toString();
    QVERIFY(!stored.contains(QStringLiteral("huge")));
    QVERIFY(stored.size() < 1000);
    // Audited on the case, with the platform's state.
    QCOMPARE(m_tdb
                 ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.conflict' AND "
                                         "object_id = '%1' AND actor = 'rev1'")
                              .arg(caseNo))
                 .toInt(),
             1);
    // Another case has none; the whole list has it.
    QVERIFY(Outbox::problems(m_tdb->database(), &problems, caseId + 1000000, 20, &error));
    QVERIFY(problems.isEmpty());
    QVERIFY(Outbox::problems(m_tdb->database(), &problems, 0, 20, &error));
    QCOMPARE(problems.size(), 1);
    OutboxCounts counts;
    QVERIFY(Outbox::counts(m_tdb->database(), &counts));
    QCOMPARE(counts.conflicts, 1);
}

void TestOutbox::submissionStatusFollowsItsAnswer()
{
    // A subject entered at the window goes out before case events, and its submission is acknowledged with the
    // platform's id (or rejected with the reason).
    QString error;
    QSqlDatabase db = m_tdb->database();
    qint64 acceptedId = 0;
    qint64 rejectedId = 0;
    Subject one = RecordsFixture::company(QStringLiteral("厦门出箱测试有限公司"), 900001);
    Subject two = RecordsFixture::company(QStringLiteral("厦门出箱二号有限公司"), 900002);
    QVERIFY2(SubjectRepository(db).submitLocal(m_clerk, &one, QStringLiteral("营业执照副本"), {}, &acceptedId, &error),
             qPrintable(error));
    QVERIFY2(SubjectRepository(db).submitLocal(m_clerk, &two, QStringLiteral("营业执照副本"), {}, &rejectedId, &error),
             qPrintable(error));
    const QList<OutboxEntry> sent = pending(2);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).kind, QStringLiteral("record_submission"));
    QCOMPARE(sent.at(0).localId, acceptedId);
    QCOMPARE(sent.at(0).data.value(QStringLiteral("subjectIdentifier")).toString(), one.identifier);
    QList<OutboxAnswer> answers = accepted(sent);
    answers[1].outcome = QStringLiteral("rejected");
    answers[1].reason = QStringLiteral("the identifier belongs to another subject at the platform");
    QVERIFY2(Outbox::record(m_clerk, sent, answers, &error), qPrintable(error));
    RecordSubmission s;
    RecordSubmissionRepository submissions(db);
    QVERIFY(submissions.findById(acceptedId, &s));
    QCOMPARE(s.status, SubmissionStatus::Acknowledged);
    QCOMPARE(s.platformId, answers.at(0).platformRef);
    QVERIFY(submissions.findById(rejectedId, &s));
    QCOMPARE(s.status, SubmissionStatus::Rejected);
    QCOMPARE(s.statusReason, answers.at(1).reason);
}

void TestOutbox::auditorMayNotRecord()
{
    const Session auditor = session(QStringLiteral("aud1"), Role::Auditor);
    const QList<OutboxEntry> sent = pending(1);
    const int before = answerRows();
    QString error;
    bool badAnswer = true;
    QVERIFY(!Outbox::record(auditor, sent, accepted(sent), &error, &badAnswer));
    QVERIFY(!badAnswer);
    QCOMPARE(answerRows(), before);
}

void TestOutbox::guards()
{
    QString error;
    for (const QString& sql :
         {QStringLiteral("DELETE FROM sync_outbox_answers"),
          QStringLiteral("UPDATE sync_outbox_answers SET outcome = 'accepted'"),
          QStringLiteral("INSERT OR REPLACE INTO sync_outbox_answers SELECT * FROM sync_outbox_answers"),
          // An answer for an entry this workstation does not hold.
          QStringLiteral("INSERT INTO sync_outbox_answers (entry_kind, entry_id, idem_key, entry_sha256, outcome, "
                         "answered_at, pushed_by) VALUES ('report', 424242, 'ws/report/424242', '%1', 'accepted', "
                         "'2026-12-04', 'x')")
              .arg(QString(64, QLatin1Char('a'))),
          // A second answer for an entry answered already, under another key.
          QStringLiteral("INSERT INTO sync_outbox_answers (entry_kind, entry_id, idem_key, entry_sha256, outcome, "
                         "answered_at, pushed_by) SELECT entry_kind, entry_id, idem_key || 'x', entry_sha256, "
                         "'accepted', answered_at, pushed_by FROM sync_outbox_answers LIMIT 1")}) {
        QString why;
        QVERIFY2(!m_tdb->exec(sql, &why), qPrintable(sql));
        QVERIFY2(why.contains(QStringLiteral("never")) || why.contains(QStringLiteral("names an entry")),
                 qPrintable(why));
    }
    // With its triggers dropped (as the sqlcipher tool can), a conflict turned into an acceptance no longer adds up to
    // the table's seal: `check` names the table.
    QVERIFY2(m_tdb->exec(QStringLiteral("DROP TRIGGER sync_outbox_answers_no_update; DROP TRIGGER "
                                        "sync_outbox_answers_seal_update; UPDATE sync_outbox_answers SET outcome = "
                                        "'accepted' WHERE outcome = 'conflict';"),
                         &error),
             qPrintable(error));
    QStringList problems;
    QVERIFY(!RowSeals::verify(m_tdb->database(), &problems));
    QVERIFY2(problems.join(QLatin1Char(' ')).contains(QStringLiteral("sync_outbox_answers")),
             qPrintable(problems.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "TestOutbox.moc"
