// Sync over HTTPS against the reference platform on loopback (xmcredit-platform-sim serve, TLS with its own CA):
// online enrolment with a single-use code and the pinned CA, a first pull and an incremental one after the platform
// publishes changes, each injected fault (dropped connections, 500s, slow and stalled answers, a wrong signature, a
// truncated page, a duplicated and an out-of-order page), a wrong CA, a refused token, an unreachable platform, bad
// input, and pulls killed with SIGKILL at random moments: every workstation ends holding exactly what an
// uninterrupted import of the same city holds (`xmcredit-admin digest`). And the audit head as anchor: an older copy
// of both files put back is refused at the next sync.

#include "AdminProcess.h"
#include "PlatformSim.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

class TestSyncHttps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void enrolOnlineAndPull();
    void incrementalPullAfterPublication();
    void enrolmentCodeIsSingleUse();
    void wrongCertificateAuthority();
    void badInput_data();
    void badInput();
    void faults_data();
    void faults();
    void refusedToken();
    void unreachablePlatform();
    void killedPullsConverge();
    void olderCopyOfBothFilesIsCaught();

private:
    using Result = AdminProcess::Result;
    using Sim = PlatformSim;
    Result admin(const QString& workstation, const QStringList& args, const QString& user = QStringLiteral("admin"))
    {
        return AdminProcess::runAs(workstation, user, args, m_state.path(), m_home.path());
    }
    static QJsonObject json(const Result& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
    // Starts `serve` on a free port with the city every test shares; extra arguments add codes and faults.
    bool startSim(const QString& keyDir, const QStringList& extra, Sim* sim);
    QString newWorkstation(const QString& name);
    QString enrolled(const QString& name, const Sim& sim, const QString& code);
    QString digest(const QString& workstation)
    {
        return json(admin(workstation, {QStringLiteral("digest")})).value(QStringLiteral("digest")).toString();
    }
    QString nextCode() { return QStringLiteral("CODE-%1").arg(m_codes++); }
    QStringList codes() const
    {
        QStringList list;
        for (int i = 0; i < 150; ++i)
            list << QStringLiteral("--code") << QStringLiteral("CODE-%1").arg(i);
        return list;
    }

    QTemporaryDir m_tmp;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    QString m_keys;
    Sim m_sim;
    QString m_reference; // digest of the city imported from a package
    QString m_main;
    int m_codes = 0;
};

bool TestSyncHttps::startSim(const QString& keyDir, const QStringList& extra, Sim* sim)
{
    return sim->start(keyDir, QStringList{QStringLiteral("--subjects"), QStringLiteral("300"), QStringLiteral("--seed"),
                                          QStringLiteral("4"), QStringLiteral("--page-size"), QStringLiteral("100")} +
                                  codes() + extra);
}

QString TestSyncHttps::newWorkstation(const QString& name)
{
    const QString dir = m_tmp.filePath(name);
    if (AdminProcess::run({QStringLiteral("demo-init"), QStringLiteral("--workstation"), dir}, {}, m_state.path(),
                          m_home.path())
            .code != 0)
        return {};
    return dir;
}

QString TestSyncHttps::enrolled(const QString& name, const Sim& sim, const QString& code)
{
    const QString dir = newWorkstation(name);
    if (dir.isEmpty())
        return {};
    const Result r = admin(dir, {QStringLiteral("enrol"), QStringLiteral("--platform"), sim.url,
                                 QStringLiteral("--code"), code, QStringLiteral("--ca-cert"), sim.ca});
    if (r.code != 0) {
        qWarning("enrol: %s %s", qPrintable(r.out), qPrintable(r.err));
        return {};
    }
    return dir;
}

void TestSyncHttps::initTestCase()
{
    m_keys = m_tmp.filePath(QStringLiteral("platform"));
    QString key;
    QVERIFY(PlatformSim::keygen(m_keys, &key));
    // The reference: the same city as an exchange package, imported by a workstation enrolled offline.
    const QString package = m_tmp.filePath(QStringLiteral("city.pkg"));
    QProcess make;
    make.start(QStringLiteral(XMCREDIT_PLATFORM_SIM_BIN),
               {QStringLiteral("package"), QStringLiteral("--key"), m_keys, QStringLiteral("--out"), package,
                QStringLiteral("--subjects"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("4"),
                QStringLiteral("--page-size"), QStringLiteral("100")});
    QVERIFY(make.waitForFinished(120000) && make.exitCode() == 0);
    const QString offline = newWorkstation(QStringLiteral("offline"));
    QCOMPARE(admin(offline, {QStringLiteral("enrol"), QStringLiteral("--platform-key"), key}).code, 0);
    QCOMPARE(admin(offline, {QStringLiteral("sync"), QStringLiteral("--package"), package}).code, 0);
    m_reference = digest(offline);
    QCOMPARE(m_reference.size(), 64);
    QVERIFY(startSim(m_keys, {}, &m_sim));
    QVERIFY(m_sim.url.startsWith(QLatin1String("https://127.0.0.1:")));
}

void TestSyncHttps::cleanupTestCase()
{
    m_sim.stop();
}

void TestSyncHttps::enrolOnlineAndPull()
{
    m_main = enrolled(QStringLiteral("main"), m_sim, nextCode());
    QVERIFY(!m_main.isEmpty());
    Result r = admin(m_main, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QStringLiteral("source")).toString(), QStringLiteral("network"));
    QCOMPARE(o.value(QStringLiteral("applied")).toObject().value(QStringLiteral("subjects")).toInt(), 300);
    QCOMPARE(digest(m_main), m_reference);
    // Where the pull stood, on the error stream: the pages waiting as the platform announced them (GET /v1/streams),
    // then all of them applied.
    const int pages = o.value(QStringLiteral("pagesApplied")).toInt();
    QVERIFY(pages > 3);
    QVERIFY2(r.err.contains(QStringLiteral("Sync: 0 of %1 pages (0%)").arg(pages)), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("Sync: %1 of %1 pages (100%)").arg(pages)), qPrintable(r.err));
    // Nothing newer: a second pull applies nothing.
    r = admin(m_main, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("pagesApplied")).toInt(), 0);
    // The token is in the database only: not in any file of the workstation in clear.
    r = admin(m_main, {QStringLiteral("check")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QFile devices(QDir(m_keys).filePath(QStringLiteral("devices.json")));
    QVERIFY(devices.open(QIODevice::ReadOnly));
    QVERIFY(devices.readAll().contains("tokenHashes"));
    for (const QString& name : QDir(m_main).entryList(QDir::Files)) {
        QFile f(QDir(m_main).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("BEGIN CERTIFICATE"), qPrintable(name));
    }
}

void TestSyncHttps::incrementalPullAfterPublication()
{
    QVERIFY(!m_main.isEmpty());
    // The platform publishes 15 changes (the simulator's own command).
    QCOMPARE(m_sim.post(QStringLiteral("/v1/sim/publish?changes=15")), 200);
    const Result r = admin(m_main, {QStringLiteral("sync")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("credit_items")).toInt(), 15);
    QCOMPARE(json(r).value(QStringLiteral("pagesApplied")).toInt(), 1);
    QVERIFY(digest(m_main) != m_reference);
}

void TestSyncHttps::enrolmentCodeIsSingleUse()
{
    const QString code = nextCode();
    QVERIFY(!enrolled(QStringLiteral("first-with-code"), m_sim, code).isEmpty());
    const QString second = newWorkstation(QStringLiteral("second-with-code"));
    const Result r = admin(second, {QStringLiteral("enrol"), QStringLiteral("--platform"), m_sim.url,
                                    QStringLiteral("--code"), code, QStringLiteral("--ca-cert"), m_sim.ca});
    QCOMPARE(r.code, 4);
    QVERIFY(!json(r).value(QStringLiteral("error")).toString().isEmpty());
    // Nothing pinned: a sync says so.
    QCOMPARE(admin(second, {QStringLiteral("sync")}).code, 11);
}

void TestSyncHttps::wrongCertificateAuthority()
{
    // Another platform's CA: the loopback server cannot prove it is the pinned platform.
    const QString other = m_tmp.filePath(QStringLiteral("other-platform"));
    QVERIFY(PlatformSim::keygen(other));
    const QString ws = newWorkstation(QStringLiteral("wrong-ca"));
    const QString code = nextCode();
    Result r = admin(ws, {QStringLiteral("enrol"), QStringLiteral("--platform"), m_sim.url, QStringLiteral("--code"),
                          code, QStringLiteral("--ca-cert"), QDir(other).filePath(QStringLiteral("ca.pem"))});
    QCOMPARE(r.code, 13);
    // The code was not spent on the impostor: the right CA enrols with it.
    r = admin(ws, {QStringLiteral("enrol"), QStringLiteral("--platform"), m_sim.url, QStringLiteral("--code"), code,
                   QStringLiteral("--ca-cert"), m_sim.ca});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
}

void TestSyncHttps::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    const QString ca = m_sim.ca;
    QTest::newRow("http address") << QStringList{QStringLiteral("enrol"),
                                                 QStringLiteral("--platform"),
                                                 QStringLiteral("http://127.0.0.1:1"),
                                                 QStringLiteral("--code"),
                                                 QStringLiteral("ABCD"),
                                                 QStringLiteral("--ca-cert"),
                                                 ca}
                                  << 3;
    QTest::newRow("no code") << QStringList{QStringLiteral("enrol"), QStringLiteral("--platform"), m_sim.url,
                                            QStringLiteral("--ca-cert"), ca}
                             << 2;
    QTest::newRow("code with a quote")
        << QStringList{QStringLiteral("enrol"),     QStringLiteral("--platform"), m_sim.url, QStringLiteral("--code"),
                       QStringLiteral("AB'; DROP"), QStringLiteral("--ca-cert"),  ca}
        << 3;
    QTest::newRow("missing CA file")
        << QStringList{QStringLiteral("enrol"),           QStringLiteral("--platform"), m_sim.url,
                       QStringLiteral("--code"),          QStringLiteral("ABCD"),       QStringLiteral("--ca-cert"),
                       QStringLiteral("/nonexistent.pem")}
        << 5;
    QTest::newRow("CA file not PEM")
        << QStringList{QStringLiteral("enrol"),           QStringLiteral("--platform"), m_sim.url,
                       QStringLiteral("--code"),          QStringLiteral("ABCD"),       QStringLiteral("--ca-cert"),
                       QStringLiteral(XMCREDIT_ADMIN_BIN)}
        << 5;
    QTest::newRow("timeout zero") << QStringList{QStringLiteral("sync"), QStringLiteral("--timeout"),
                                                 QStringLiteral("0")}
                                  << 3;
}

void TestSyncHttps::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const QString ws =
        newWorkstation(QStringLiteral("bad-") +
                       QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    const Result r = admin(ws, args);
    QCOMPARE(r.code, code);
    QVERIFY(!json(r).value(QStringLiteral("error")).toString().isEmpty() || code == 2);
    QCOMPARE(json(admin(ws, {QStringLiteral("digest")}))
                 .value(QStringLiteral("rows"))
                 .toObject()
                 .value(QStringLiteral("subjects")),
             QJsonValue(0));
}

void TestSyncHttps::faults_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("refusal"); // 0: the pull gets through in one run; else each refused run's exit code
    QTest::newRow("dropped connections") << "drop" << 0;
    QTest::newRow("500s") << "500" << 0;
    QTest::newRow("slow answers") << "slow" << 0;
    QTest::newRow("stalled answers") << "stall" << 0;
    QTest::newRow("duplicated page") << "duplicate" << 0;
    QTest::newRow("wrong signature") << "bad-signature" << 13;
    QTest::newRow("truncated page") << "truncated" << 3;
    QTest::newRow("out-of-order page") << "out-of-order" << 11;
}

void TestSyncHttps::faults()
{
    QFETCH(QString, fault);
    QFETCH(int, refusal);
    Sim faulty;
    QVERIFY(startSim(m_keys,
                     {QStringLiteral("--fault"), fault, QStringLiteral("--fault-every"), QStringLiteral("2"),
                      QStringLiteral("--slow-ms"), QStringLiteral("300")},
                     &faulty));
    const QString ws = enrolled(QStringLiteral("fault-") + fault, faulty, nextCode());
    QVERIFY(!ws.isEmpty());
    int runs = 0;
    int refusals = 0;
    for (; runs < 60; ++runs) {
        const Result r = admin(ws, {QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("1")});
        if (r.code == 0)
            break;
        QVERIFY2(r.code == refusal,
                 qPrintable(QStringLiteral("run %1: exit %2: %3 %4").arg(runs).arg(r.code).arg(r.out, r.err)));
        ++refusals;
    }
    faulty.stop();
    if (refusal == 0)
        QCOMPARE(refusals, 0);
    else
        QVERIFY(refusals > 0);
    QCOMPARE(digest(ws), m_reference);
    const Result check = admin(ws, {QStringLiteral("check")});
    QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
    if (refusal != 0) {
        // Each refused page is in the audit trail.
        const Result log = admin(ws, {QStringLiteral("audit"), QStringLiteral("verify")}, QStringLiteral("auditor"));
        QCOMPARE(log.code, 0);
    }
}

void TestSyncHttps::refusedToken()
{
    // The platform forgot this workstation (its device list lost): the token is refused, nothing applied.
    const QString copy = m_tmp.filePath(QStringLiteral("platform-forgetful"));
    QDir().mkpath(copy);
    for (const QString& name : QDir(m_keys).entryList(QDir::Files)) {
        if (name != QLatin1String("devices.json"))
            QVERIFY(QFile::copy(QDir(m_keys).filePath(name), QDir(copy).filePath(name)));
    }
    Sim first;
    QVERIFY(startSim(copy, {}, &first));
    const QString ws = enrolled(QStringLiteral("forgotten"), first, nextCode());
    QVERIFY(!ws.isEmpty());
    first.stop();
    QVERIFY(QFile::remove(QDir(copy).filePath(QStringLiteral("devices.json"))));
    Sim forgetful;
    // The same address: the workstation's transport names it.
    QVERIFY(startSim(copy, {QStringLiteral("--port"), QString::number(QUrl(first.url).port())}, &forgetful));
    const Result r = admin(ws, {QStringLiteral("sync")});
    forgetful.stop();
    QCOMPARE(r.code, 4);
    QCOMPARE(json(admin(ws, {QStringLiteral("digest")}))
                 .value(QStringLiteral("rows"))
                 .toObject()
                 .value(QStringLiteral("subjects")),
             QJsonValue(0));
}

void TestSyncHttps::unreachablePlatform()
{
    Sim gone;
    QVERIFY(startSim(m_keys, {}, &gone));
    const QString ws = enrolled(QStringLiteral("unreachable"), gone, nextCode());
    QVERIFY(!ws.isEmpty());
    gone.stop();
    QElapsedTimer timer;
    timer.start();
    const Result r = admin(ws, {QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("1")});
    QCOMPARE(r.code, 15);
    QVERIFY(json(r).value(QStringLiteral("error")).toString().contains(QLatin1String("127.0.0.1")));
}

void TestSyncHttps::killedPullsConverge()
{
    // The reference now includes the 15 published changes: what an uninterrupted pull gives.
    const QString reference = digest(m_main);
    QElapsedTimer timer;
    int pullMs = 0;
    {
        const QString probe = enrolled(QStringLiteral("probe"), m_sim, nextCode());
        QVERIFY(!probe.isEmpty());
        timer.start();
        QCOMPARE(admin(probe, {QStringLiteral("sync")}).code, 0);
        pullMs = int(timer.elapsed());
    }
    QRandomGenerator random(777);
    int killed = 0;
    // Each victim is a workstation of its own (its own token): copies of one workstation sharing a token would look
    // to the platform like a database put back from an older copy, which the anchor refuses.
    for (int round = 0; killed < 20 && round < 50; ++round) {
        const QString victim = enrolled(QStringLiteral("pull-killed-%1").arg(round), m_sim, nextCode());
        QVERIFY(!victim.isEmpty());
        QProcess p;
        p.setProcessEnvironment(AdminProcess::environment(m_state.path(), m_home.path()));
        p.start(QStringLiteral(XMCREDIT_ADMIN_BIN),
                {QStringLiteral("sync"), QStringLiteral("--workstation"), victim, QStringLiteral("--user"),
                 QStringLiteral("admin"), QStringLiteral("--password-stdin"), QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        p.write("admin-demo\n");
        p.closeWriteChannel();
        QTest::qWait(random.bounded(1, qMax(20, pullMs)));
        if (p.state() == QProcess::Running) {
            p.kill();
            ++killed;
        }
        p.waitForFinished(60000);
        const Result r = admin(victim, {QStringLiteral("sync")});
        QVERIFY2(r.code == 0, qPrintable(QStringLiteral("round %1: ").arg(round) + r.out + r.err));
        QCOMPARE(digest(victim), reference);
    }
    QCOMPARE(killed, 20);
}

void TestSyncHttps::olderCopyOfBothFilesIsCaught()
{
    // The hole the workstation cannot close alone: the database and its key vault put back together from an older
    // copy (e.g. to bring back a removed colleague). The platform holds the newest audit head the workstation
    // reported; the next sync finds the copy does not have it, refuses (exit 14) and records why.
    const QString ws = enrolled(QStringLiteral("rolled-back"), m_sim, nextCode());
    QVERIFY(!ws.isEmpty());
    QCOMPARE(admin(ws, {QStringLiteral("sync")}).code, 0);
    const QString backup = m_tmp.filePath(QStringLiteral("rolled-back-copy"));
    QDir().mkpath(backup);
    for (const QString& name : QDir(ws).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(ws).filePath(name), QDir(backup).filePath(name)));
    // Work goes on: more audit entries, and the next sync reports the newer head.
    QCOMPARE(admin(ws, {QStringLiteral("check")}).code, 0);
    QCOMPARE(admin(ws, {QStringLiteral("sync")}).code, 0);
    // The old copy is put back over the workstation.
    for (const QString& name : QDir(ws).entryList(QDir::Files))
        QVERIFY(QFile::remove(QDir(ws).filePath(name)));
    for (const QString& name : QDir(backup).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(backup).filePath(name), QDir(ws).filePath(name)));
    const Result r = admin(ws, {QStringLiteral("sync")});
    QCOMPARE(r.code, 14);
    QVERIFY2(json(r).value(QStringLiteral("error")).toString().contains(QLatin1String("older copy")),
             qPrintable(r.out));
    // The workstation itself logs in (the key vault and the database agree with each other): only the platform knew.
    const Result log = admin(ws, {QStringLiteral("audit"), QStringLiteral("verify")}, QStringLiteral("auditor"));
    QCOMPARE(log.code, 0);
}

QTEST_GUILESS_MAIN(TestSyncHttps)
#include "TestSyncHttps.moc"
