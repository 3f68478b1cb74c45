// The push half of sync over HTTPS against the reference platform (xmcredit-platform-sim serve): what this window
// did (its cases and their moves) is sent under idempotency keys and marked when the platform answers; a push whose
// answer is lost, dropped or answered 500 is sent again and taken once; a case that moved on at another window is a
// conflict, resolved in the platform's favour, kept on the case and shown (`case show`, `outbox`); `outbox` refuses
// bad input.

#include "AdminProcess.h"
#include "PlatformSim.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

class TestSyncOutbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pushAfterWork();
    void answersLostOrRefusedAreTakenOnce_data();
    void answersLostOrRefusedAreTakenOnce();
    void killedPushesLoseNothingAndSendNothingTwice();
    void caseMovedAtAnotherWindowIsAConflict();
    void twoWindowsSeeEachOthersCaseMoves();
    void outboxBadInput_data();
    void outboxBadInput();
    // Last: it leaves the platform publishing a page every window refuses.
    void policyFromThePlatform();

private:
    using Result = AdminProcess::Result;
    using Sim = PlatformSim;
    Result admin(const QString& workstation, const QStringList& args, const QString& user = QStringLiteral("admin"))
    {
        return AdminProcess::runAs(workstation, user, args, m_state.path(), m_home.path());
    }
    static QJsonObject json(const Result& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
    bool startSim(const QString& name, const QStringList& extra, Sim* sim);
    QString enrolledWithCases(const QString& name, const Sim& sim, int cases);
    // The entries the platform holds answers for (its outbox.json).
    static int platformAnswers(const Sim& sim);

    QTemporaryDir m_tmp;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    Sim m_sim;
    QString m_main;
    int m_mainEvents = 0;
};

bool TestSyncOutbox::startSim(const QString& name, const QStringList& extra, Sim* sim)
{
    const QString dir = m_tmp.filePath(name);
    if (!PlatformSim::keygen(dir))
        return false;
    QStringList args{QStringLiteral("--subjects"), QStringLiteral("200"),         QStringLiteral("--seed"),
                     QStringLiteral("6"),          QStringLiteral("--page-size"), QStringLiteral("100")};
    for (int i = 0; i < 10; ++i)
        args << QStringLiteral("--code") << QStringLiteral("CODE-%1").arg(i);
    return sim->start(dir, args + extra);
}

QString TestSyncOutbox::enrolledWithCases(const QString& name, const Sim& sim, int cases)
{
    const QString dir = m_tmp.filePath(name);
    if (AdminProcess::run({QStringLiteral("demo-init"), QStringLiteral("--workstation"), dir}, {}, m_state.path(),
                          m_home.path())
            .code != 0)
        return {};
    Result r = admin(dir, {QStringLiteral("enrol"), QStringLiteral("--platform"), sim.url, QStringLiteral("--code"),
                           QStringLiteral("CODE-0"), QStringLiteral("--ca-cert"), sim.ca});
    if (r.code == 0)
        r = admin(dir, {QStringLiteral("sync")});
    if (r.code == 0)
        r = AdminProcess::run({QStringLiteral("demo-cases"), QStringLiteral("--workstation"), dir,
                               QStringLiteral("--count"), QString::number(cases), QStringLiteral("--json")},
                              {}, m_state.path(), m_home.path());
    if (r.code != 0) {
        qWarning("%s %s", qPrintable(r.out), qPrintable(r.err));
        return {};
    }
    return dir;
}

int TestSyncOutbox::platformAnswers(const Sim& sim)
{
    QFile file(QDir(sim.dir).filePath(QStringLiteral("outbox.json")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("answers")).toObject().size());
}

void TestSyncOutbox::initTestCase()
{
    QVERIFY(m_tmp.isValid() && m_state.isValid() && m_home.isValid());
    QVERIFY(startSim(QStringLiteral("platform"), {}, &m_sim));
}

void TestSyncOutbox::cleanupTestCase()
{
    m_sim.stop();
}

void TestSyncOutbox::pushAfterWork()
{
    m_main = enrolledWithCases(QStringLiteral("main"), m_sim, 12);
    QVERIFY(!m_main.isEmpty());
    Result r = admin(m_main, {QStringLiteral("outbox")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    m_mainEvents = json(r).value(QStringLiteral("pending")).toInt();
    QVERIFY(m_mainEvents > 12); // every case's intake and its moves
    QCOMPARE(json(r).value(QStringLiteral("accepted")).toInt(), 0);

    r = admin(m_main, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonObject pushed = json(r).value(QStringLiteral("pushed")).toObject();
    QCOMPARE(pushed.value(QStringLiteral("accepted")).toInt(), m_mainEvents);
    QCOMPARE(pushed.value(QStringLiteral("conflicts")).toInt(), 0);
    QCOMPARE(json(r).value(QStringLiteral("pendingOutbox")).toInt(), 0);
    QCOMPARE(platformAnswers(m_sim), m_mainEvents);

    // Nothing is sent twice.
    r = admin(m_main, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("pushed")).toObject().value(QStringLiteral("accepted")).toInt(), 0);
    QCOMPARE(platformAnswers(m_sim), m_mainEvents);
    r = admin(m_main, {QStringLiteral("outbox")}, QStringLiteral("auditor"));
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("accepted")).toInt(), m_mainEvents);
    QCOMPARE(json(r).value(QStringLiteral("pending")).toInt(), 0);
    // The answers are sealed and audited like every record: the integrity check holds.
    r = admin(m_main, {QStringLiteral("check")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
}

void TestSyncOutbox::answersLostOrRefusedAreTakenOnce_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("answer lost after the platform took the entries") << QStringLiteral("lost-answer");
    QTest::newRow("connection dropped before") << QStringLiteral("drop");
    QTest::newRow("HTTP 500") << QStringLiteral("500");
}

void TestSyncOutbox::answersLostOrRefusedAreTakenOnce()
{
    QFETCH(QString, fault);
    // Every second request fails (pages and pushes alike); 100 cases make more than one batch of 100 entries (how many
    // more depends on the day the test runs: a case's later steps are dated on working days up to today).
    Sim sim;
    QVERIFY(startSim(QStringLiteral("faulty-") + fault,
                     {QStringLiteral("--fault"), fault, QStringLiteral("--fault-every"), QStringLiteral("2")}, &sim));
    const QString ws = enrolledWithCases(QStringLiteral("faulty-ws-") + fault, sim, 100);
    QVERIFY(!ws.isEmpty());
    Result r = admin(ws, {QStringLiteral("outbox")});
    const int entries = json(r).value(QStringLiteral("pending")).toInt();
    QVERIFY2(entries > 100, qPrintable(r.out));
    r = admin(ws, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("pushed")).toObject().value(QStringLiteral("accepted")).toInt(), entries);
    QCOMPARE(json(r).value(QStringLiteral("pushed")).toObject().value(QStringLiteral("conflicts")).toInt(), 0);
    QCOMPARE(json(r).value(QStringLiteral("pendingOutbox")).toInt(), 0);
    // The platform holds each entry once, however often it was sent.
    QCOMPARE(platformAnswers(sim), entries);
}

void TestSyncOutbox::killedPushesLoseNothingAndSendNothingTwice()
{
    // kill -9 of `xmcredit-admin sync` at random moments of its push, then syncs run to the end: the platform holds
    // every entry exactly once (a second copy of a case move would be a conflict), the workstation has an answer for
    // each, and its database holds up.
    // Every request of the platform answered 300 ms late (the entries of a push taken at once): a sync takes long
    // enough to be killed in its pull, between its batches and while an answer is on its way.
    Sim sim;
    QVERIFY(startSim(QStringLiteral("killed-push"),
                     {QStringLiteral("--fault"), QStringLiteral("slow"), QStringLiteral("--fault-every"),
                      QStringLiteral("1"), QStringLiteral("--slow-ms"), QStringLiteral("300")},
                     &sim));
    const QString ws = enrolledWithCases(QStringLiteral("killed-push-ws"), sim, 100);
    QVERIFY(!ws.isEmpty());
    const int entries = json(admin(ws, {QStringLiteral("outbox")})).value(QStringLiteral("pending")).toInt();
    QVERIFY(entries > 100); // more than one push batch, on any day of the week
    QRandomGenerator random(20261204);
    int killed = 0;
    int killedWithWorkLeft = 0;
    for (int round = 0; round < 20; ++round) {
        const int before = json(admin(ws, {QStringLiteral("outbox")})).value(QStringLiteral("pending")).toInt();
        if (before == 0)
            break; // all sent: nothing left to interrupt
        QProcess p;
        p.setProcessEnvironment(AdminProcess::environment(m_state.path(), m_home.path()));
        p.start(QStringLiteral(XMCREDIT_ADMIN_BIN),
                {QStringLiteral("sync"), QStringLiteral("--workstation"), ws, QStringLiteral("--user"),
                 QStringLiteral("admin"), QStringLiteral("--password-stdin"), QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        p.write("admin-demo\n");
        p.closeWriteChannel();
        QTest::qWait(random.bounded(50, 1000));
        if (p.state() == QProcess::Running) {
            p.kill();
            ++killed;
            killedWithWorkLeft += before > 0 ? 1 : 0;
        }
        p.waitForFinished(60000);
    }
    QVERIFY2(killedWithWorkLeft >= 2,
             qPrintable(QStringLiteral("%1 kills, %2 with entries pending").arg(killed).arg(killedWithWorkLeft)));
    const Result r = admin(ws, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonObject outbox = json(admin(ws, {QStringLiteral("outbox")}));
    QCOMPARE(outbox.value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(outbox.value(QStringLiteral("accepted")).toInt(), entries);
    QCOMPARE(outbox.value(QStringLiteral("conflicts")).toInt(), 0);
    QCOMPARE(platformAnswers(sim), entries);
    const Result check = admin(ws, {QStringLiteral("check")});
    QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
    qInfo("%d syncs killed, %d of them with entries still to send (%d entries)", killed, killedWithWorkLeft, entries);
}

void TestSyncOutbox::caseMovedAtAnotherWindowIsAConflict()
{
    QVERIFY(!m_main.isEmpty());
    // A case the reviewer can move on, that the platform holds in the same state.
    const Result list = admin(m_main, {QStringLiteral("case"), QStringLiteral("list")});
    QString caseNo;
    for (const QJsonValue& v : json(list).value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("stage")).toString() == QLatin1String("municipal_review") &&
            c.value(QStringLiteral("assignedTo")).toString() == QLatin1String("reviewer")) {
            caseNo = c.value(QStringLiteral("caseNo")).toString();
            break;
        }
    }
    QVERIFY2(!caseNo.isEmpty(), qPrintable(list.out));
    // Another window rejects it at the platform; this window's reviewer, not knowing, sends it on.
    QByteArray body;
    QCOMPARE(m_sim.post(QStringLiteral("/v1/sim/case-move?case=%1&state=rejected&action=municipal_reject").arg(caseNo),
                        &body),
             200);
    Result r = admin(m_main,
                     {QStringLiteral("case"), QStringLiteral("move"), caseNo, QStringLiteral("--to"),
                      QStringLiteral("platform_review")},
                     QStringLiteral("reviewer"));
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = admin(m_main, {QStringLiteral("sync")}, QStringLiteral("clerk"));
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("pushed")).toObject().value(QStringLiteral("conflicts")).toInt(), 1);
    QCOMPARE(json(r).value(QStringLiteral("outboxProblems")).toInt(), 1);
    // Kept on the case and shown: what was not taken, and the state the platform holds it in.
    r = admin(m_main, {QStringLiteral("case"), QStringLiteral("show"), caseNo}, QStringLiteral("reviewer"));
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonArray problems = json(r).value(QStringLiteral("platformProblems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("conflict"));
    QCOMPARE(problems.first().toObject().value(QStringLiteral("platformState")).toString(), QStringLiteral("rejected"));
    QCOMPARE(problems.first().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("submit_to_platform"));
    // Resolved in the platform's favour: the sync pulled the other window's move before it pushed, so the case is
    // now as the platform holds it (rejected, by the other window), and the local attempt stays in its history.
    QCOMPARE(json(r).value(QStringLiteral("stage")).toString(), QStringLiteral("rejected"));
    const QJsonArray events = json(r).value(QStringLiteral("events")).toArray();
    QCOMPARE(events.last().toObject().value(QStringLiteral("action")).toString(), QStringLiteral("municipal_reject"));
    QCOMPARE(events.last().toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("another-window"));
    // Named by the city's directory, which the staff stream brought.
    QVERIFY2(
        events.last().toObject().value(QStringLiteral("actorName")).toString().startsWith(QStringLiteral("陈思明")),
        qPrintable(r.out));
    QCOMPARE(events.at(events.size() - 2).toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("submit_to_platform"));
    r = admin(m_main, {QStringLiteral("outbox")}, QStringLiteral("auditor"));
    QCOMPARE(json(r).value(QStringLiteral("conflicts")).toInt(), 1);
    QCOMPARE(json(r)
                 .value(QStringLiteral("problems"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("entry"))
                 .toString(),
             caseNo);
    // Not sent again: the conflict is an answer.
    r = admin(m_main, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("pushed")).toObject().value(QStringLiteral("conflicts")).toInt(), 0);
    QCOMPARE(json(r).value(QStringLiteral("pendingOutbox")).toInt(), 0);
    // The simulator's own command refuses a case it does not hold.
    QCOMPARE(m_sim.post(QStringLiteral("/v1/sim/case-move?case=XF1999-000001&state=rejected")), 404);
}

void TestSyncOutbox::twoWindowsSeeEachOthersCaseMoves()
{
    QVERIFY(!m_main.isEmpty());
    auto stages = [this](const QString& ws) {
        QMap<QString, QString> map;
        const Result r = admin(ws, {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--all")});
        for (const QJsonValue& v : json(r).value(QStringLiteral("cases")).toArray())
            map.insert(v.toObject().value(QStringLiteral("caseNo")).toString(),
                       v.toObject().value(QStringLiteral("stage")).toString());
        return map;
    };
    // A second window enrols and syncs: it holds every case of the first, in the same stage.
    const QString second = m_tmp.filePath(QStringLiteral("second"));
    QCOMPARE(AdminProcess::run({QStringLiteral("demo-init"), QStringLiteral("--workstation"), second}, {},
                               m_state.path(), m_home.path())
                 .code,
             0);
    Result r =
        admin(second, {QStringLiteral("enrol"), QStringLiteral("--platform"), m_sim.url, QStringLiteral("--code"),
                       QStringLiteral("CODE-1"), QStringLiteral("--ca-cert"), m_sim.ca});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = admin(second, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("case_moves")).toInt() >
            m_mainEvents);
    // The platform's holiday calendar came too (the years it holds).
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("calendar")).toInt(), 2);
    // And its policy profiles (the built-in one, as the platform holds it) and the city's staff directory.
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("policy")).toInt(), 1);
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("staff")).toInt(), 5);
    // Nothing of what it pulled goes back.
    QCOMPARE(json(r).value(QStringLiteral("pendingOutbox")).toInt(), 0);
    const QMap<QString, QString> first = stages(m_main);
    QCOMPARE(first.size(), 12);
    QCOMPARE(stages(second), first);

    // The second window's reviewer moves a case on; the first window sees it after both have synced.
    QString moved;
    QString to;
    for (auto it = first.cbegin(); it != first.cend() && moved.isEmpty(); ++it) {
        for (const QString& target : {QStringLiteral("municipal_review"), QStringLiteral("platform_review"),
                                      QStringLiteral("verifying"), QStringLiteral("maintained")}) {
            if (admin(second,
                      {QStringLiteral("case"), QStringLiteral("move"), it.key(), QStringLiteral("--to"), target,
                       QStringLiteral("--note"), QStringLiteral("第二窗口办理")},
                      QStringLiteral("reviewer"))
                    .code == 0) {
                moved = it.key();
                to = target;
                break;
            }
        }
    }
    QVERIFY2(!moved.isEmpty(), "no case the second window's reviewer could move");
    r = admin(second, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("pushed")).toObject().value(QStringLiteral("accepted")).toInt(), 1);
    r = admin(m_main, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("case_moves")).toInt(), 1);
    r = admin(m_main, {QStringLiteral("case"), QStringLiteral("show"), moved}, QStringLiteral("reviewer"));
    QCOMPARE(json(r).value(QStringLiteral("stage")).toString(), to);
    const QJsonObject last = json(r).value(QStringLiteral("events")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("note")).toString(), QStringLiteral("第二窗口办理"));
    QCOMPARE(stages(m_main), stages(second));
    // Both databases hold up: seals, chain, clocks.
    for (const QString& ws : {m_main, second}) {
        r = admin(ws, {QStringLiteral("check")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    }
    // And again: nothing more moves either way.
    r = admin(second, {QStringLiteral("sync")});
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("case_moves")).toInt(), 0);
    QCOMPARE(json(r).value(QStringLiteral("pushed")).toObject().value(QStringLiteral("accepted")).toInt(), 0);
}

void TestSyncOutbox::outboxBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("exit");
    const QString right = QStringLiteral("admin-demo");
    QTest::newRow("limit not a number") << QStringList{QStringLiteral("--limit"), QStringLiteral("ten")} << right << 3;
    QTest::newRow("limit zero") << QStringList{QStringLiteral("--limit"), QStringLiteral("0")} << right << 3;
    QTest::newRow("limit too large") << QStringList{QStringLiteral("--limit"), QStringLiteral("10001")} << right << 3;
    QTest::newRow("SQL in the limit") << QStringList{QStringLiteral("--limit"), QStringLiteral("1; DROP TABLE x")}
                                      << right << 3;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--everything")} << right << 2;
    QTest::newRow("wrong password") << QStringList{} << QStringLiteral("not-the-password") << 4;
}

void TestSyncOutbox::outboxBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, password);
    QFETCH(int, exit);
    QVERIFY(!m_main.isEmpty());
    const Result r = AdminProcess::run(QStringList{QStringLiteral("outbox"), QStringLiteral("--workstation"), m_main,
                                                   QStringLiteral("--user"), QStringLiteral("admin"),
                                                   QStringLiteral("--password-stdin"), QStringLiteral("--json")} +
                                           args,
                                       password + QLatin1Char('\n'), m_state.path(), m_home.path());
    QCOMPARE(r.code, exit);
    // Nothing changed: the answers are as before.
    QCOMPARE(json(admin(m_main, {QStringLiteral("outbox")})).value(QStringLiteral("accepted")).toInt(), m_mainEvents);
}

QTEST_GUILESS_MAIN(TestSyncOutbox)

void TestSyncOutbox::policyFromThePlatform()
{
    QVERIFY(!m_main.isEmpty());
    QFile builtIn(QStringLiteral(":/xmcredit/policy/xiamen-2021.json"));
    QVERIFY(builtIn.open(QIODevice::ReadOnly));
    QJsonObject profile = QJsonDocument::fromJson(builtIn.readAll()).object();
    // A new profile from 2027 on (made up for the test), published by the platform: every window takes it.
    profile.insert(QStringLiteral("id"), QStringLiteral("xiamen-2027"));
    profile.insert(QStringLiteral("effectiveFrom"), QStringLiteral("2027-01-01"));
    QCOMPARE(m_sim.post(QStringLiteral("/v1/sim/policy"), nullptr, QJsonDocument(profile).toJson()), 200);
    Result r = admin(m_main, {QStringLiteral("sync")}, QStringLiteral("clerk"));
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("policy")).toInt(), 1);
    r = admin(m_main, {QStringLiteral("check")}, QStringLiteral("auditor"));
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    // A broken one (taking effect the same day as the other: which applies would be arbitrary) is refused whole, with
    // the reason, and refused again until the platform corrects it; the window keeps working on what it holds.
    profile.insert(QStringLiteral("id"), QStringLiteral("xiamen-2027-bis"));
    QCOMPARE(m_sim.post(QStringLiteral("/v1/sim/policy"), nullptr, QJsonDocument(profile).toJson()), 200);
    for (int attempt = 0; attempt < 2; ++attempt) {
        r = admin(m_main, {QStringLiteral("sync")}, QStringLiteral("clerk"));
        QCOMPARE(r.code, 3);
        QVERIFY2((r.out + r.err).contains(QStringLiteral("xiamen-2027")), qPrintable(r.out + r.err));
    }
    r = admin(m_main, {QStringLiteral("check")}, QStringLiteral("auditor"));
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
}

#include "TestSyncOutbox.moc"
