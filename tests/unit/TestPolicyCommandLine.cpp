#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Exit codes of xmcredit-admin (app/admin/AdminCommand.h), repeated so that a change there is noticed here.
constexpr int Ok = 0;
constexpr int Usage = 2;
constexpr int InvalidInput = 3;
constexpr int Rejected = 11;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run admin(const QStringList& args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XMCREDIT_LANG"), QStringLiteral("en"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(XMCREDIT_ADMIN_BIN), args);
    Run run;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList split(const char* args)
{
    return QString::fromUtf8(args).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

// The domain commands of xmcredit-admin as a script sees them: JSON output and exit codes.
class TestPolicyCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void commands_data()
    {
        QTest::addColumn<QString>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");

        // check-id
        QTest::newRow("id valid") << "check-id 350203199001010018 --json" << Ok << "masked"
                                  << "350203********0018";
        QTest::newRow("id sex") << "check-id 11010519491231002x --json" << Ok << "sex"
                                << "female";
        QTest::newRow("code valid") << "check-id 91350200MA2Y00001N --json" << Ok << "masked"
                                    << "913502********001N";
        QTest::newRow("code kind") << "check-id 9135020070549838X2 --json" << Ok << "kind"
                                   << "credit_code";
        QTest::newRow("id check char") << "check-id 350203199001010019 --json" << InvalidInput << "expected"
                                       << "8";
        QTest::newRow("id problem key") << "check-id 350203199001010019 --json" << InvalidInput << "problem"
                                        << "check_character_mismatch";
        QTest::newRow("id in future") << "check-id 350203203001010018 --today 2025-06-01 --json" << InvalidInput
                                      << "problem"
                                      << "birth_date_in_future";
        QTest::newRow("code as resident id")
            << "check-id 91350200MA2Y00001N --kind resident_id --json" << InvalidInput << "problem"
            << "invalid_character";
        QTest::newRow("override used") << "check-id 91350200MA2Y00001P --override-supervisor lin "
                                          "--override-reason checked --json"
                                       << Ok << "overrideUsed"
                                       << "true";
        QTest::newRow("override not for length") << "check-id 91350200MA2Y0000 --override-supervisor lin "
                                                    "--override-reason checked --json"
                                                 << InvalidInput << "overrideRefusal"
                                                 << "not_overridable";
        QTest::newRow("bad today") << "check-id 350203199001010018 --today 2025-02-30" << InvalidInput << ""
                                   << "";
        QTest::newRow("two identifiers") << "check-id 1 2" << Usage << ""
                                         << "";
        // workdays
        QTest::newRow("add National Day") << "workdays add 2025-09-26 10 --json" << Ok << "date"
                                          << "2025-10-16";
        QTest::newRow("add Spring Festival") << "workdays add 2026-02-12 6 --json" << Ok << "date"
                                             << "2026-02-27";
        QTest::newRow("add not estimated") << "workdays add 2026-02-12 6 --json" << Ok << "estimated"
                                           << "false";
        QTest::newRow("add estimated") << "workdays add 2026-12-30 2 --json" << Ok << "estimated"
                                       << "true";
        QTest::newRow("between") << "workdays between 2025-09-26 2025-10-16 --json" << Ok << "workingDays"
                                 << "10";
        QTest::newRow("is make-up Sunday") << "workdays is 2025-09-28 --json" << Ok << "workingDay"
                                           << "true";
        QTest::newRow("is holiday") << "workdays is 2026-02-16 --json" << Ok << "holiday"
                                    << "Spring Festival";
        QTest::newRow("bad date") << "workdays add 2025-13-01 3 --json" << InvalidInput << "ok"
                                  << "false";
        QTest::newRow("bad number") << "workdays add 2025-03-01 three" << InvalidInput << ""
                                    << "";
        QTest::newRow("unknown operation") << "workdays sub 2025-03-01 3" << Usage << ""
                                           << "";
        // disclosure
        QTest::newRow("disclosure month end")
            << "disclosure --decided 2024-02-29 --on 2025-01-01 --json" << Ok << "lastDay"
            << "2025-02-28";
        QTest::newRow("disclosure expired")
            << "disclosure --decided 2024-02-29 --on 2025-03-01 --json" << Ok << "status"
            << "expired";
        QTest::newRow("disclosure list") << "disclosure --list joint_punishment --decided 2024-02-29 --on 2025-03-01 "
                                            "--json"
                                         << Ok << "lastDay"
                                         << "2029-02-28";
        QTest::newRow("disclosure objection")
            << "disclosure --decided 2025-01-01 --on 2025-03-01 --objection --json" << Ok << "status"
            << "under_objection";
        QTest::newRow("disclosure bad category")
            << "disclosure --category bad --decided 2025-01-01" << InvalidInput << ""
            << "";
        QTest::newRow("disclosure no date") << "disclosure --category dishonest" << Usage << ""
                                            << "";
        // eligibility
        QTest::newRow("eligible") << "eligibility --decided 2025-01-10 --on 2025-04-10 --penalty fine --json" << Ok
                                  << "eligibility"
                                  << "eligible";
        QTest::newRow("not yet") << "eligibility --decided 2025-01-10 --on 2025-04-09 --json" << Rejected
                                 << "earliestDate"
                                 << "2025-04-10";
        QTest::newRow("never by field") << "eligibility --decided 2025-01-10 --on 2025-12-01 --penalty "
                                           "permit_revocation --field food --json"
                                        << Rejected << "rule"
                                        << "repair.never.field";
        QTest::newRow("never by cause") << "eligibility --decided 2025-01-10 --on 2025-12-01 --penalty "
                                           "licence_revocation --cause bid_rigging --json"
                                        << Rejected << "cause"
                                        << "bid_rigging";
        QTest::newRow("unknown field") << "eligibility --decided 2025-01-10 --field Food" << InvalidInput << ""
                                       << "";
        // collection
        QTest::newRow("prohibited") << "collection --attribute religion --json" << Rejected << "outcome"
                                    << "refused";
        QTest::newRow("consent needed") << "collection --attribute income --json" << Rejected << "outcome"
                                        << "needs_consent";
        QTest::newRow("consent given") << "collection --attribute income --consent --json" << Ok << "rule"
                                       << "collection.consent_recorded";
        QTest::newRow("no document") << "collection --item --decided 2025-01-01 --json" << Rejected << "rule"
                                     << "collection.missing_legal_document";
        QTest::newRow("simplified") << "collection --item --subject natural_person --decided 2025-01-01 "
                                       "--document-number A1 --simplified --json"
                                    << Rejected << "outcome"
                                    << "excluded";
        QTest::newRow("attribute or item") << "collection" << Usage << ""
                                           << "";
        // warning
        QTest::newRow("warning") << "warning --listing 2024-01-15:food --listing 2024-06-01:drugs --listing "
                                    "2025-01-14:taxation --on 2025-06-01 --json"
                                 << Ok << "inForce"
                                 << "true";
        QTest::newRow("no warning") << "warning --listing 2024-01-15:food --listing 2024-06-01:drugs --listing "
                                       "2025-01-15:taxation --json"
                                    << Ok << "inForce"
                                    << "false";
        QTest::newRow("bad listing") << "warning --listing food" << InvalidInput << ""
                                     << "";
    }

    void commands()
    {
        QFETCH(QString, args);
        QFETCH(int, exitCode);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const Run run = admin(args.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        QVERIFY2(run.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1, stdout %2, stderr %3")
                                .arg(run.exitCode)
                                .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err))));
        if (key.isEmpty()) {
            // Refusals without --json still explain themselves on stderr.
            if (exitCode != Ok)
                QVERIFY(!run.err.isEmpty());
            return;
        }
        const QJsonValue found = run.json().value(key);
        const QString text = found.isBool()     ? QString::fromLatin1(found.toBool() ? "true" : "false")
                             : found.isDouble() ? QString::number(found.toInt())
                                                : found.toString();
        QVERIFY2(text == value, qPrintable(QString::fromUtf8(run.out)));
    }

    void warningDetails()
    {
        const Run run = admin(split("warning --listing 2024-01-15:food --listing 2024-06-01:drugs --listing "
                                    "2024-11-30:taxation --json"));
        QCOMPARE(run.exitCode, Ok);
        const QJsonArray warnings = run.json().value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        const QJsonObject w = warnings.first().toObject();
        QCOMPARE(w.value(QStringLiteral("raisedOn")).toString(), QStringLiteral("2024-11-30"));
        QCOMPARE(w.value(QStringLiteral("disclosureLastDay")).toString(), QStringLiteral("2026-11-30"));
        QCOMPARE(w.value(QStringLiteral("listings")).toArray().size(), 3);
    }

    void textOutput()
    {
        const Run run = admin(split("workdays add 2025-09-26 10"));
        QCOMPARE(run.exitCode, Ok);
        QCOMPARE(run.out.trimmed(), QByteArray("2025-10-16"));
        const Run estimated = admin(split("workdays add 2027-03-01 1"));
        QCOMPARE(estimated.out.trimmed(), QByteArray("2027-03-02"));
        QVERIFY(estimated.err.contains("estimated from weekends alone"));
        const Run id = admin(split("check-id 350203199001010019"));
        QCOMPARE(id.exitCode, InvalidInput);
        QVERIFY(id.out.contains("should be 8 but is 9"));
        QVERIFY(id.out.contains("350203********0019"));
    }

    void extraCalendarAndPolicyFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString calendar = dir.filePath(QStringLiteral("cn-2027.json"));
        QFile file(calendar);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(QJsonObject{{QStringLiteral("format"), 1},
                                      {QStringLiteral("year"), 2027},
                                      {QStringLiteral("holidays"),
                                       QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("new_year")},
                                                              {QStringLiteral("zh"), QStringLiteral("元旦")},
                                                              {QStringLiteral("en"), QStringLiteral("New Year")},
                                                              {QStringLiteral("from"), QStringLiteral("2027-01-01")},
                                                              {QStringLiteral("to"), QStringLiteral("2027-01-01")}}}},
                                      {QStringLiteral("workingWeekends"), QJsonArray()}})
                .toJson());
        file.close();
        Run run = admin({QStringLiteral("workdays"), QStringLiteral("add"), QStringLiteral("2026-12-30"),
                         QStringLiteral("2"), QStringLiteral("--calendar"), calendar, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, Ok);
        QCOMPARE(run.json().value(QStringLiteral("date")).toString(), QStringLiteral("2027-01-04"));
        QCOMPARE(run.json().value(QStringLiteral("estimated")).toBool(), false);

        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile brokenFile(broken);
        QVERIFY(brokenFile.open(QIODevice::WriteOnly));
        brokenFile.write("{\"format\": 1, \"id\": \"broken\"}");
        brokenFile.close();
        run = admin({QStringLiteral("disclosure"), QStringLiteral("--decided"), QStringLiteral("2025-01-01"),
                     QStringLiteral("--policy"), broken});
        QCOMPARE(run.exitCode, InvalidInput);
        QVERIFY(run.err.contains("broken"));
    }
};

QTEST_GUILESS_MAIN(TestPolicyCommandLine)
#include "TestPolicyCommandLine.moc"
