// `xmcredit-admin search` and `xmcredit-admin report` on a demo workstation, as scripts run them: the search finds
// what the window finds and is audited; a report is issued on each basis with its JSON answer, its PDF reads back
// (pdftotext, and its QR code with zbarimg), a reprint is marked, verification answers genuine, wrong code, unknown
// and throttled with their exit codes; every bad input and refused basis exits with its code and issues nothing.

#include "AdminProcess.h"
#include "WorkstationFixture.h"
#include "domain/Identifiers.h"

#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {
// Arguments written as plain literals (the project builds with QT_NO_CAST_FROM_ASCII).
QStringList L(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* s : list)
        out << QString::fromUtf8(s);
    return out;
}
} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void searchIsAudited();
    void searchRefusesBadInput_data();
    void searchRefusesBadInput();
    void issueOnEachBasis();
    void pdfReadsBackAndQrVerifies();
    void reprintIsMarked();
    void verification();
    void refusals_data();
    void refusals();
    void verificationIsThrottled();

private:
    using Result = AdminProcess::Result;
    Result as(const QString& user, const QStringList& args, const QString& password = QString()) const
    {
        return AdminProcess::run(args + QStringList{QStringLiteral("--workstation"), m_dir, QStringLiteral("--user"),
                                                    user, QStringLiteral("--password-stdin"), QStringLiteral("--json")},
                                 (password.isEmpty() ? user + QStringLiteral("-demo") : password) + QLatin1Char('\n'),
                                 m_state.path(), m_home.path());
    }
    static QJsonObject json(const Result& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
    QVariant scalar(const QString& sql) const;
    QStringList agency() const
    {
        return {QStringLiteral("--basis"),           QStringLiteral("agency"),
                QStringLiteral("--agency"),          QStringLiteral("Xiamen Finance Bureau"),
                QStringLiteral("--agency-document"), QStringLiteral("XCC-2026-8"),
                QStringLiteral("--purpose"),         QStringLiteral("procurement_funding_land_research")};
    }
    QString pdf(const QString& name) const { return m_tmp.filePath(name + QStringLiteral(".pdf")); }
    static QString text(const QString& pdfPath)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdfPath, QStringLiteral("-")});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    QTemporaryDir m_tmp;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    QString m_dir;
    QString m_company; // identifier
    QString m_companyName;
    QString m_representative;
    QString m_person;
    QString m_personName;
    QString m_number;
    QString m_code;
};

void TestReportCli::initTestCase()
{
    qputenv("XMCREDIT_KDF_FAST", "1");
    m_dir = m_tmp.filePath(QStringLiteral("demo"));
    QCOMPARE(AdminProcess::run({QStringLiteral("demo-init"), QStringLiteral("--workstation"), m_dir}, {},
                               m_state.path(), m_home.path())
                 .code,
             0);
    const Result city = AdminProcess::run({QStringLiteral("demo-city"), QStringLiteral("--workstation"), m_dir,
                                           QStringLiteral("--user"), QStringLiteral("admin"),
                                           QStringLiteral("--password-stdin"), QStringLiteral("--subjects"),
                                           QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("5")},
                                          QStringLiteral("admin-demo\n"), m_state.path(), m_home.path());
    QVERIFY2(city.code == 0, qPrintable(city.err));
    m_company = scalar(QStringLiteral("SELECT identifier FROM subjects WHERE kind = 'legal_person' AND "
                                      "legal_representative <> '' ORDER BY id LIMIT 1"))
                    .toString();
    m_companyName =
        scalar(QStringLiteral("SELECT name FROM subjects WHERE identifier = '%1'").arg(m_company)).toString();
    m_representative =
        scalar(QStringLiteral("SELECT legal_representative FROM subjects WHERE identifier = '%1'").arg(m_company))
            .toString();
    m_person =
        scalar(QStringLiteral("SELECT identifier FROM subjects WHERE kind = 'natural_person' ORDER BY id LIMIT 1"))
            .toString();
    m_personName = scalar(QStringLiteral("SELECT name FROM subjects WHERE identifier = '%1'").arg(m_person)).toString();
    QVERIFY(!m_company.isEmpty() && !m_person.isEmpty() && !m_representative.isEmpty());
}

QVariant TestReportCli::scalar(const QString& sql) const
{
    return WorkstationFixture::peek(m_dir, QStringLiteral("admin"), QStringLiteral("admin-demo"), sql);
}

void TestReportCli::searchIsAudited()
{
    const Result r = as(QStringLiteral("clerk"), {QStringLiteral("search"), m_companyName});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = json(r);
    QVERIFY(o.value(QStringLiteral("count")).toInt() >= 1);
    const QJsonObject first = o.value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), m_companyName);
    // Found by name, in a list: masked even for a clerk (the full number only on the subject opened with a basis).
    QCOMPARE(first.value(QStringLiteral("identifier")).toString(), Identifiers::mask(m_company));
    // Typed in full by a clerk: shown as typed.
    const Result typed = as(QStringLiteral("clerk"), {QStringLiteral("search"), m_company});
    QCOMPARE(json(typed)
                 .value(QStringLiteral("results"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("identifier"))
                 .toString(),
             m_company);
    QCOMPARE(first.value(QStringLiteral("match")).toString(), QStringLiteral("exact_name"));
    // By identifier; a reviewer sees it masked (only clerks and supervisors see identifiers in full).
    const Result byId = as(QStringLiteral("reviewer"), {QStringLiteral("search"), m_company.toLower()});
    QCOMPARE(byId.code, 0);
    const QJsonObject hit = json(byId).value(QStringLiteral("results")).toArray().first().toObject();
    QVERIFY(hit.value(QStringLiteral("identifier")).toString().contains(QLatin1Char('*')));
    QCOMPARE(json(byId).value(QStringLiteral("input")).toString(), QStringLiteral("identifier"));
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'subject.search'")).toInt() >= 2);
}

void TestReportCli::searchRefusesBadInput_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("no text") << "clerk" << QStringList{QStringLiteral("search")} << 2;
    QTest::newRow("blank text") << "clerk" << QStringList{QStringLiteral("search"), QStringLiteral("   ")} << 3;
    QTest::newRow("too long") << "clerk" << QStringList{QStringLiteral("search"), QString(101, QLatin1Char('x'))} << 3;
    QTest::newRow("limit 0") << "clerk"
                             << QStringList{QStringLiteral("search"), QStringLiteral("厦门"), QStringLiteral("--limit"),
                                            QStringLiteral("0")}
                             << 3;
    QTest::newRow("limit text") << "clerk"
                                << QStringList{QStringLiteral("search"), QStringLiteral("厦门"),
                                               QStringLiteral("--limit"), QStringLiteral("lots")}
                                << 3;
    QTest::newRow("auditor") << "auditor" << QStringList{QStringLiteral("search"), QStringLiteral("厦门")} << 7;
    QTest::newRow("administrator") << "admin" << QStringList{QStringLiteral("search"), QStringLiteral("厦门")} << 7;
}

void TestReportCli::searchRefusesBadInput()
{
    QFETCH(QString, user);
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const Result r = as(user, args);
    QCOMPARE(r.code, code);
    QVERIFY(!json(r).value(QStringLiteral("error")).toString().isEmpty());
}

void TestReportCli::issueOnEachBasis()
{
    Result r = as(QStringLiteral("clerk"),
                  QStringList{QStringLiteral("report"), QStringLiteral("issue"), QStringLiteral("--subject"), m_company,
                              QStringLiteral("--pdf"), pdf(QStringLiteral("agency"))} +
                      agency());
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QJsonObject o = json(r);
    m_number = o.value(QStringLiteral("number")).toString();
    m_code = o.value(QStringLiteral("code")).toString();
    QVERIFY(m_number.startsWith(QStringLiteral("XMR")));
    QCOMPARE(m_code.size(), 14);
    QVERIFY(o.value(QStringLiteral("pages")).toInt() >= 1);
    QCOMPARE(o.value(QStringLiteral("sha256")).toString().size(), 64);
    QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("government"));

    r = as(QStringLiteral("clerk"),
           {QStringLiteral("report"), QStringLiteral("issue"), QStringLiteral("--subject"), m_company,
            QStringLiteral("--basis"), QStringLiteral("self"), QStringLiteral("--capacity"),
            QStringLiteral("representative"), QStringLiteral("--applicant-name"), m_representative,
            QStringLiteral("--id-number"), QStringLiteral("350203199001010018"), QStringLiteral("--pdf"),
            pdf(QStringLiteral("representative"))});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("mode")).toString(), QStringLiteral("authorised"));

    r = as(QStringLiteral("clerk"),
           {QStringLiteral("report"), QStringLiteral("issue"), QStringLiteral("--subject"), m_person,
            QStringLiteral("--basis"), QStringLiteral("self"), QStringLiteral("--applicant-name"), m_personName,
            QStringLiteral("--id-number"), m_person, QStringLiteral("--pdf"), pdf(QStringLiteral("self"))});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

    QFile scan(m_tmp.filePath(QStringLiteral("authorisation.pdf")));
    QVERIFY(scan.open(QIODevice::WriteOnly));
    scan.write("%PDF-1.4\n% written authorisation\n");
    scan.close();
    const QDate today = QDate::currentDate();
    r = as(QStringLiteral("supervisor"), {QStringLiteral("report"),
                                          QStringLiteral("issue"),
                                          QStringLiteral("--subject"),
                                          m_person,
                                          QStringLiteral("--basis"),
                                          QStringLiteral("authorised"),
                                          QStringLiteral("--applicant-name"),
                                          QStringLiteral("Wang"),
                                          QStringLiteral("--id-number"),
                                          QStringLiteral("11010519491231002X"),
                                          QStringLiteral("--authorisation"),
                                          scan.fileName(),
                                          QStringLiteral("--authorisation-ref"),
                                          QStringLiteral("letter of 2026-12-01"),
                                          QStringLiteral("--valid-from"),
                                          today.addDays(-1).toString(Qt::ISODate),
                                          QStringLiteral("--valid-until"),
                                          today.addDays(10).toString(Qt::ISODate),
                                          QStringLiteral("--kind"),
                                          QStringLiteral("special"),
                                          QStringLiteral("--from"),
                                          today.addYears(-2).toString(Qt::ISODate),
                                          QStringLiteral("--to"),
                                          today.toString(Qt::ISODate),
                                          QStringLiteral("--field"),
                                          QStringLiteral("food"),
                                          QStringLiteral("--field"),
                                          QStringLiteral("taxation"),
                                          QStringLiteral("--pdf"),
                                          pdf(QStringLiteral("special"))});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("kind")).toString(), QStringLiteral("special"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM reports")).toInt(), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM reports WHERE authorisation_id IS NOT NULL")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.issue'")).toInt(), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.print'")).toInt(), 4);
}

void TestReportCli::pdfReadsBackAndQrVerifies()
{
    QVERIFY(!m_number.isEmpty());
    const QString out = text(pdf(QStringLiteral("agency")));
    QVERIFY2(out.contains(m_companyName), qPrintable(out));
    QVERIFY(out.contains(m_number));
    QVERIFY(out.contains(QStringLiteral("Page 1 of")));
    const QString png = m_tmp.filePath(QStringLiteral("page"));
    QProcess raster;
    raster.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-f"), QStringLiteral("1"),
                  QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                  pdf(QStringLiteral("agency")), png});
    QVERIFY(raster.waitForFinished(60000));
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"),
               {QStringLiteral("-q"), QStringLiteral("--raw"), png + QStringLiteral(".png")});
    QVERIFY(zbar.waitForFinished(60000));
    const QString payload = QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
    QVERIFY2(payload.startsWith(QStringLiteral("XMCR1;N=") + m_number), qPrintable(payload));
    const Result r = as(QStringLiteral("clerk"),
                        {QStringLiteral("report"), QStringLiteral("verify"), QStringLiteral("--qr"), payload});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("result")).toString(), QStringLiteral("genuine"));
}

void TestReportCli::reprintIsMarked()
{
    const Result r = as(QStringLiteral("clerk"), {QStringLiteral("report"), QStringLiteral("reprint"), m_number,
                                                  QStringLiteral("--pdf"), pdf(QStringLiteral("reprint"))});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QStringLiteral("copy")).toInt(), 2);
    QVERIFY(text(pdf(QStringLiteral("reprint"))).contains(QStringLiteral("REPRINT")));
    QVERIFY(!text(pdf(QStringLiteral("agency"))).contains(QStringLiteral("REPRINT")));
    QCOMPARE(as(QStringLiteral("clerk"),
                {QStringLiteral("report"), QStringLiteral("reprint"), QStringLiteral("XMR19990101-0000-0001"),
                 QStringLiteral("--pdf"), pdf(QStringLiteral("none"))})
                 .code,
             10);
    QCOMPARE(as(QStringLiteral("reviewer"), {QStringLiteral("report"), QStringLiteral("reprint"), m_number,
                                             QStringLiteral("--pdf"), pdf(QStringLiteral("none"))})
                 .code,
             7);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.reprint'")).toInt(), 1);
}

void TestReportCli::verification()
{
    Result r = as(QStringLiteral("reviewer"), {QStringLiteral("report"), QStringLiteral("verify"), m_number, m_code});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QJsonObject o = json(r);
    QCOMPARE(o.value(QStringLiteral("result")).toString(), QStringLiteral("genuine"));
    QVERIFY(o.value(QStringLiteral("content")).toString().contains(m_companyName));
    QCOMPARE(o.value(QStringLiteral("copies")).toInt(), 2);
    r = as(QStringLiteral("auditor"), {QStringLiteral("report"), QStringLiteral("verify"), m_number, m_code});
    QCOMPARE(r.code, 0);
    r = as(QStringLiteral("admin"), {QStringLiteral("report"), QStringLiteral("verify"), m_number, m_code});
    QCOMPARE(r.code, 7);
    r = as(QStringLiteral("clerk"),
           {QStringLiteral("report"), QStringLiteral("verify"), m_number, QStringLiteral("AAAA-BBBB-CCCC")});
    QCOMPARE(r.code, 10);
    QCOMPARE(json(r).value(QStringLiteral("result")).toString(), QStringLiteral("wrong_code"));
    r = as(QStringLiteral("clerk"),
           {QStringLiteral("report"), QStringLiteral("verify"), QStringLiteral("XMR19990101-0000-0001"), m_code});
    QCOMPARE(r.code, 10);
    QCOMPARE(json(r).value(QStringLiteral("result")).toString(), QStringLiteral("unknown"));
    QCOMPARE(as(QStringLiteral("clerk"), {QStringLiteral("report"), QStringLiteral("verify"), m_number}).code, 2);
    r = as(QStringLiteral("clerk"),
           {QStringLiteral("report"), QStringLiteral("verify"), QStringLiteral("--qr"),
            QStringLiteral("XMCR1;N=") + m_number + QStringLiteral(";C=") + m_code + QStringLiteral(";H=") +
                QString(64, QLatin1Char('0')) + QStringLiteral(";S=AAAA")});
    QCOMPARE(r.code, 10);
}

void TestReportCli::refusals_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    const QStringList issue{QStringLiteral("report"), QStringLiteral("issue"), QStringLiteral("--pdf"),
                            m_tmp.filePath(QStringLiteral("refused.pdf"))};
    const QStringList company{QStringLiteral("--subject"), m_company};
    QTest::newRow("no basis") << "clerk" << issue + company << 2 << "no basis, no report";
    QTest::newRow("unknown basis") << "clerk" << issue + company + L({"--basis", "friend"}) << 2 << "--basis";
    QTest::newRow("agency with nothing") << "clerk" << issue + company + L({"--basis", "agency"}) << 11
                                         << "Name the government agency";
    QTest::newRow("organisation in person")
        << "clerk"
        << issue + company + L({"--basis", "self", "--applicant-name", "X", "--id-number", "350203199001010018"}) << 11
        << "cannot appear in person";
    QTest::newRow("someone else's ID") << "clerk"
                                       << issue + QStringList{QStringLiteral("--subject"), m_person} +
                                              L({"--basis", "self", "--applicant-name", "X", "--id-number",
                                                 "11010519491231002X"})
                                       << 11 << "does not belong to the subject";
    QTest::newRow("invalid ID") << "clerk"
                                << issue + QStringList{QStringLiteral("--subject"), m_person} +
                                       L({"--basis", "self", "--applicant-name", "X", "--id-number",
                                          "350203199001010019"})
                                << 11 << "not valid";
    QTest::newRow("authorisation without scan")
        << "clerk"
        << issue + company +
               L({"--basis", "authorised", "--applicant-name", "W", "--id-number", "11010519491231002X",
                  "--authorisation-ref", "x", "--valid-from", "2020-01-01", "--valid-until", "2099-01-01"})
        << 11 << "Scan the subject";
    QTest::newRow("scan missing") << "clerk"
                                  << issue + company +
                                         L({"--basis", "authorised", "--authorisation", "/no/such/scan.pdf"})
                                  << 10 << "cannot be read";
    QTest::newRow("bad date") << "clerk" << issue + company + L({"--basis", "authorised", "--valid-from", "soon"}) << 3
                              << "yyyy-MM-dd";
    QTest::newRow("special without fields")
        << "clerk"
        << issue + company + agency() + L({"--kind", "special", "--from", "2024-01-01", "--to", "2024-12-31"}) << 11
        << "at least one field";
    QTest::newRow("special, unknown field")
        << "clerk"
        << issue + company + agency() +
               L({"--kind", "special", "--from", "2024-01-01", "--to", "2024-12-31", "--field", "astrology"})
        << 11 << "astrology";
    QTest::newRow("bad kind") << "clerk" << issue + company + agency() + L({"--kind", "secret"}) << 2 << "--kind";
    QTest::newRow("unknown subject") << "clerk" << issue + L({"--subject", "91350200MA2Y00001N"}) + agency() << 10
                                     << "no subject";
    QTest::newRow("auditor") << "auditor" << issue + company + agency() << 7 << "may not issue";
    QTest::newRow("reviewer") << "reviewer" << issue + company + agency() << 7 << "may not issue";
    QTest::newRow("no pdf") << "clerk" << L({"report", "issue"}) + company + agency() << 2 << "--pdf";
    QTest::newRow("pdf in a missing folder")
        << "clerk" << L({"report", "issue", "--pdf", "/no/such/folder/r.pdf"}) + company + agency() << 5
        << "cannot be written";
    QTest::newRow("unknown command") << "clerk" << L({"report", "forge"}) << 2 << "Unknown report command";
}

void TestReportCli::refusals()
{
    QFETCH(QString, user);
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    const int before = scalar(QStringLiteral("SELECT count(*) FROM reports")).toInt();
    const Result r = as(user, args);
    QCOMPARE(r.code, code);
    const QString error = json(r).value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(says), qPrintable(error + r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM reports")).toInt(), before);
    QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("refused.pdf"))));
}

void TestReportCli::verificationIsThrottled()
{
    // Wrong codes and unknown numbers so far: two in verification(), one in the QR test.
    for (int i = 0; i < 5; ++i)
        as(QStringLiteral("clerk"),
           {QStringLiteral("report"), QStringLiteral("verify"), m_number, QStringLiteral("0000-0000-0000")});
    const Result r =
        as(QStringLiteral("clerk"), {QStringLiteral("report"), QStringLiteral("verify"), m_number, m_code});
    QCOMPARE(r.code, 12);
    QCOMPARE(json(r).value(QStringLiteral("result")).toString(), QStringLiteral("throttled"));
    // A wrong password is the login's refusal (last: the login throttle then holds the supervisor back a while).
    QCOMPARE(
        as(QStringLiteral("supervisor"), {QStringLiteral("search"), QStringLiteral("厦门")}, QStringLiteral("wrong"))
            .code,
        4);
}

QTEST_GUILESS_MAIN(TestReportCli)
#include "TestReportCli.moc"
