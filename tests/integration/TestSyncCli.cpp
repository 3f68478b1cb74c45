// The sync path as deployed: the reference platform (xmcredit-platform-sim) makes its key and an exchange package
// of a generated city; `xmcredit-admin enrol` pins the key and `sync --package` applies it, then a later package of
// changes; importing again changes nothing; a truncated, altered or out-of-order package, an unenrolled
// workstation, a wrong role and bad input are refused with their exit codes and nothing applied; an import killed
// with SIGKILL at random moments (20 times) and then run to the end holds exactly what an uninterrupted import holds
// (`xmcredit-admin digest`).

#include "AdminProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

class TestSyncCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enrolAndImport();
    void importAgainChangesNothing();
    void refusals_data();
    void refusals();
    void killedImportsConverge();

private:
    using Result = AdminProcess::Result;
    Result admin(const QString& workstation, const QStringList& args, const QString& user = QStringLiteral("admin"))
    {
        return AdminProcess::runAs(workstation, user, args, m_state.path(), m_home.path());
    }
    static QJsonObject json(const Result& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
    QString sim(const QStringList& args)
    {
        QProcess p;
        p.start(QStringLiteral(XMCREDIT_PLATFORM_SIM_BIN), args);
        p.waitForFinished(120000);
        return p.exitCode() == 0 ? QString::fromUtf8(p.readAllStandardOutput()) : QString();
    }
    QString newWorkstation(const QString& name, bool enrolled);

    QTemporaryDir m_tmp;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    QString m_key;
    QString m_city;
    QString m_update;
    QString m_main;
    int m_importMs = 500;
};

QString TestSyncCli::newWorkstation(const QString& name, bool enrolled)
{
    const QString dir = m_tmp.filePath(name);
    if (AdminProcess::run({QStringLiteral("demo-init"), QStringLiteral("--workstation"), dir}, {}, m_state.path(),
                          m_home.path())
            .code != 0)
        return {};
    if (enrolled && admin(dir, {QStringLiteral("enrol"), QStringLiteral("--platform-key"), m_key}).code != 0)
        return {};
    return dir;
}

void TestSyncCli::initTestCase()
{
    const QString keys = m_tmp.filePath(QStringLiteral("platform"));
    const QString made = sim({QStringLiteral("keygen"), QStringLiteral("--out"), keys});
    m_key = QJsonDocument::fromJson(made.toUtf8()).object().value(QStringLiteral("publicKey")).toString();
    QCOMPARE(m_key.size(), 64);
    m_city = m_tmp.filePath(QStringLiteral("city.pkg"));
    m_update = m_tmp.filePath(QStringLiteral("update.pkg"));
    QVERIFY(!sim({QStringLiteral("package"), QStringLiteral("--key"), keys, QStringLiteral("--out"), m_city,
                  QStringLiteral("--subjects"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("4"),
                  QStringLiteral("--page-size"), QStringLiteral("100")})
                 .isEmpty());
    QVERIFY(
        !sim({QStringLiteral("package"), QStringLiteral("--key"), keys, QStringLiteral("--out"), m_update,
              QStringLiteral("--subjects"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("4"),
              QStringLiteral("--page-size"), QStringLiteral("100"), QStringLiteral("--update"), QStringLiteral("20")})
             .isEmpty());
    m_main = newWorkstation(QStringLiteral("main"), true);
    QVERIFY(!m_main.isEmpty());
}

void TestSyncCli::enrolAndImport()
{
    QElapsedTimer timer;
    timer.start();
    Result r = admin(m_main, {QStringLiteral("sync"), QStringLiteral("--package"), m_city});
    m_importMs = int(timer.elapsed()); // the whole process, login included: the kill test aims inside it
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QJsonObject o = json(r);
    QCOMPARE(o.value(QStringLiteral("applied")).toObject().value(QStringLiteral("subjects")).toInt(), 300);
    QVERIFY(o.value(QStringLiteral("applied")).toObject().value(QStringLiteral("credit_items")).toInt() > 300);
    QVERIFY(o.value(QStringLiteral("cursors"))
                .toObject()
                .value(QStringLiteral("subjects"))
                .toString()
                .startsWith(QStringLiteral("subjects/")));
    r = admin(m_main, {QStringLiteral("sync"), QStringLiteral("--package"), m_update});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("applied")).toObject().value(QStringLiteral("credit_items")).toInt(), 20);
    // Everything the import wrote holds: pages, staff, audit chain, seals.
    r = admin(m_main, {QStringLiteral("check")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    // The records are the platform's: a clerk finds them.
    r = admin(m_main, {QStringLiteral("search"), QStringLiteral("厦门")}, QStringLiteral("clerk"));
    QVERIFY2(r.code == 0 && json(r).value(QStringLiteral("count")).toInt() > 0, qPrintable(r.out + r.err));
}

void TestSyncCli::importAgainChangesNothing()
{
    const Result before = admin(m_main, {QStringLiteral("digest")});
    QCOMPARE(before.code, 0);
    for (const QString& package : {m_city, m_update}) {
        const Result r = admin(m_main, {QStringLiteral("sync"), QStringLiteral("--package"), package});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(json(r).value(QStringLiteral("pagesApplied")).toInt(), 0);
        QVERIFY(json(r).value(QStringLiteral("pagesSkipped")).toInt() > 0);
    }
    QCOMPARE(json(admin(m_main, {QStringLiteral("digest")})).value(QStringLiteral("digest")),
             json(before).value(QStringLiteral("digest")));
}

void TestSyncCli::refusals_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<int>("code");
    QTest::newRow("truncated package") << "truncated" << 3;
    QTest::newRow("altered page") << "altered" << 3;
    QTest::newRow("header signed by another key") << "forged" << 13;
    QTest::newRow("changes before the city") << "order" << 11;
    QTest::newRow("not enrolled") << "unenrolled" << 11;
    QTest::newRow("a clerk imports") << "clerk" << 7;
    QTest::newRow("missing file") << "missing" << 5;
    QTest::newRow("no package, not enrolled online") << "nopackage" << 11;
    QTest::newRow("enrol twice") << "enroltwice" << 9;
    QTest::newRow("bad key") << "badkey" << 3;
    QTest::newRow("a clerk enrols") << "clerkenrol" << 7;
}

void TestSyncCli::refusals()
{
    QFETCH(QString, which);
    QFETCH(int, code);
    const QString fresh = newWorkstation(QStringLiteral("fresh-") + which, which != QLatin1String("unenrolled"));
    QVERIFY(!fresh.isEmpty());
    QFile city(m_city);
    QVERIFY(city.open(QIODevice::ReadOnly));
    QByteArray bytes = city.readAll();
    const QString broken = m_tmp.filePath(which + QStringLiteral(".pkg"));
    if (which == QLatin1String("truncated")) {
        bytes.chop(1000);
    } else if (which == QLatin1String("altered")) {
        // One page's content changed, its signature kept: the header's hash no longer matches.
        QList<QByteArray> lines = bytes.split('\n');
        QJsonObject line = QJsonDocument::fromJson(lines[1]).object();
        QByteArray page = QByteArray::fromBase64(line.value(QStringLiteral("page")).toString().toLatin1());
        page.replace("\"platform_version\":1", "\"platform_version\":9");
        line.insert(QStringLiteral("page"), QString::fromLatin1(page.toBase64()));
        lines[1] = QJsonDocument(line).toJson(QJsonDocument::Compact);
        bytes = lines.join('\n');
    } else if (which == QLatin1String("forged")) {
        // The header replaced by one that announces only the first page (holding back the rest), signed by another
        // key: only the platform can sign a header.
        const QString otherKeys = m_tmp.filePath(QStringLiteral("other-platform"));
        sim({QStringLiteral("keygen"), QStringLiteral("--out"), otherKeys});
        const QString other = m_tmp.filePath(QStringLiteral("other.pkg"));
        sim({QStringLiteral("package"), QStringLiteral("--key"), otherKeys, QStringLiteral("--out"), other,
             QStringLiteral("--subjects"), QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("4"),
             QStringLiteral("--page-size"), QStringLiteral("100")});
        QFile file(other);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bytes = file.readAll();
    } else if (which == QLatin1String("order")) {
        QFile update(m_update);
        QVERIFY(update.open(QIODevice::ReadOnly));
        bytes = update.readAll();
    }
    QFile out(broken);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    Result r;
    if (which == QLatin1String("clerk"))
        r = admin(fresh, {QStringLiteral("sync"), QStringLiteral("--package"), broken}, QStringLiteral("clerk"));
    else if (which == QLatin1String("missing"))
        r = admin(fresh, {QStringLiteral("sync"), QStringLiteral("--package"), m_tmp.filePath(QStringLiteral("no"))});
    else if (which == QLatin1String("nopackage"))
        r = admin(fresh, {QStringLiteral("sync")});
    else if (which == QLatin1String("enroltwice"))
        r = admin(fresh, {QStringLiteral("enrol"), QStringLiteral("--platform-key"), m_key});
    else if (which == QLatin1String("badkey"))
        r = admin(fresh, {QStringLiteral("enrol"), QStringLiteral("--platform-key"), QStringLiteral("xyz")});
    else if (which == QLatin1String("clerkenrol"))
        r = admin(fresh, {QStringLiteral("enrol"), QStringLiteral("--platform-key"), m_key}, QStringLiteral("clerk"));
    else
        r = admin(fresh, {QStringLiteral("sync"), QStringLiteral("--package"), broken});
    QCOMPARE(r.code, code);
    QVERIFY(!json(r).value(QStringLiteral("error")).toString().isEmpty());
    const Result digest = admin(fresh, {QStringLiteral("digest")});
    QCOMPARE(digest.code, 0);
    QCOMPARE(json(digest).value(QStringLiteral("rows")).toObject().value(QStringLiteral("subjects")).toInt(), 0);
}

void TestSyncCli::killedImportsConverge()
{
    // The reference: an uninterrupted import of the city and its changes.
    const Result reference = admin(m_main, {QStringLiteral("digest")});
    QCOMPARE(reference.code, 0);
    const QString pristine = newWorkstation(QStringLiteral("pristine"), true);
    QVERIFY(!pristine.isEmpty());
    QRandomGenerator random(4242);
    int killedMidway = 0;
    int round = 0;
    // Until 20 imports were killed mid-way (an import that finished before its moment counts too, but not as a kill).
    for (; killedMidway < 20 && round < 60; ++round) {
        // A copy of an enrolled, empty workstation; its import killed (SIGKILL) at a random moment.
        const QString victim = m_tmp.filePath(QStringLiteral("killed-%1").arg(round));
        QDir().mkpath(victim);
        for (const QString& name : QDir(pristine).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(pristine).filePath(name), QDir(victim).filePath(name)));
        QProcess p;
        p.setProcessEnvironment(AdminProcess::environment(m_state.path(), m_home.path()));
        p.start(QStringLiteral(XMCREDIT_ADMIN_BIN),
                {QStringLiteral("sync"), QStringLiteral("--package"), m_city, QStringLiteral("--workstation"), victim,
                 QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password-stdin"),
                 QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        p.write("admin-demo\n");
        p.closeWriteChannel();
        QTest::qWait(random.bounded(1, qMax(20, m_importMs)));
        if (p.state() == QProcess::Running) {
            p.kill();
            ++killedMidway;
        }
        p.waitForFinished(60000);
        // Then run to the end: the city, then its changes. The result is the uninterrupted one, exactly.
        for (const QString& package : {m_city, m_update}) {
            const Result r = admin(victim, {QStringLiteral("sync"), QStringLiteral("--package"), package});
            QVERIFY2(r.code == 0, qPrintable(QStringLiteral("round %1: ").arg(round) + r.out + r.err));
        }
        const Result after = admin(victim, {QStringLiteral("digest")});
        QCOMPARE(json(after).value(QStringLiteral("digest")), json(reference).value(QStringLiteral("digest")));
        if (round % 5 == 0) {
            const Result check = admin(victim, {QStringLiteral("check")});
            QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
        }
    }
    qInfo("%d imports, %d killed mid-way; every one converged on the uninterrupted content", round, killedMidway);
    QCOMPARE(killedMidway, 20);
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "TestSyncCli.moc"
