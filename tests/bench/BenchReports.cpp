#include "../unit/RecordsTestFixtures.h"

#include "records/SubjectProfile.h"
#include "reports/ReportBuilder.h"
#include "reports/ReportRenderer.h"
#include "reports/ReportRepository.h"
#include "storage/Translations.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>

// A public credit report of a subject with 500 items: fetching those items raw through the SQLite C API on the same
// connection (the baseline), beside the application's steps: assembling the content (items read through the
// repository, the policy engine's assessment, ReportBuilder), rendering it to an A4 PDF (ReportRenderer::writePdf,
// what a clerk waits for when saving or printing), and issuing it end to end (assess, build, sign, store, audit,
// then render). Prints p50/p95 in ms; the target is a 500-item PDF in under 0.5 s.
//
// The report's cost depends on the subject's items, not on the city's size, so both XMCREDIT_BENCH_SCALE values run
// the same measurement. XMCREDIT_BENCH_RUNS: runs per measurement (default 10). Fails only when a path fails or the
// counts disagree, never on time.
class BenchReports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void measure();

private:
    static double percentile(QList<double> values, double p)
    {
        std::sort(values.begin(), values.end());
        return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
    }
    int rawFetch();

    QScopedPointer<TestDatabase> m_tdb;
    PolicyRegistry m_policies;
    Session m_clerk;
    Subject m_subject;
    int m_runs = 10;
};

void BenchReports::initTestCase()
{
    Translations::install(QStringLiteral("zh_CN"));
    if (qEnvironmentVariableIsSet("XMCREDIT_BENCH_RUNS"))
        m_runs = std::max(3, qEnvironmentVariableIntValue("XMCREDIT_BENCH_RUNS"));
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    m_subject = RecordsFixture::company(QStringLiteral("厦门五百条信息有限公司"), 500);
    QVERIFY2(RecordsFixture::insertPlatformSubjects(*m_tdb, {&m_subject}, &error), qPrintable(error));
    QList<CreditItem> items;
    for (int n = 0; n < 500; ++n) {
        const QString type = n % 5 == 0   ? QStringLiteral("administrative_licence")
                             : n % 5 == 1 ? QStringLiteral("good_grade")
                                          : QStringLiteral("administrative_penalty");
        CreditItem i = RecordsFixture::item(m_subject.id, type, QDate::currentDate().addDays(-300 + n / 2),
                                            QStringLiteral("B%1").arg(n));
        i.title = QStringLiteral("第 %1 项：违反《食品安全法》第三十四条的行为").arg(n + 1);
        items << i;
    }
    QList<CreditItem*> pointers;
    for (CreditItem& i : items)
        pointers << &i;
    QVERIFY2(RecordsFixture::insertPlatformItems(*m_tdb, pointers, &error), qPrintable(error));
    QVERIFY(m_tdb->enrol(QStringLiteral("clerk1"), Role::Clerk, &error));
    m_clerk = RecordsFixture::session(*m_tdb, Role::Clerk, QStringLiteral("clerk1"));
    m_clerk.workstationId = QStringLiteral("b0b0b0b0-0000-4000-8000-000000000000");
    m_clerk.workstationName = QStringLiteral("思明区信用服务点");
}

int BenchReports::rawFetch()
{
    auto* raw = static_cast<sqlite3*>(m_tdb->database().driver()->handle().value<void*>());
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw, "SELECT * FROM credit_items WHERE subject_id = ? ORDER BY id", -1, &stmt, nullptr) !=
        SQLITE_OK)
        return -1;
    sqlite3_bind_int64(stmt, 1, m_subject.id);
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i)
            sqlite3_column_text(stmt, i);
        ++rows;
    }
    sqlite3_finalize(stmt);
    return rows;
}

void BenchReports::measure()
{
    ReportRequest request;
    request.subjectId = m_subject.id;
    request.basis.kind = ReportBasisKind::Agency;
    request.basis.agency = QStringLiteral("厦门市财政局");
    request.basis.agencyDocument = QStringLiteral("厦财采函〔2026〕8号");
    request.basis.purpose = QStringLiteral("procurement_funding_land_research");
    ReportHeader header;
    header.number = QStringLiteral("XMR20260101-BENC-0001");
    header.code = QStringLiteral("ABCD-EFGH-JKLM");
    header.generatedAt = QDateTime::currentDateTime();
    header.workstation = m_clerk.workstationName;
    header.operatorName = m_clerk.displayName;
    QTemporaryDir dir;
    QList<double> raw, assemble, render, issue;
    int rows = 0, listed = 0, pages = 0;
    for (int run = 0; run < m_runs; ++run) {
        QElapsedTimer t;
        t.start();
        rows = rawFetch();
        raw << double(t.nsecsElapsed()) / 1e6;

        t.restart();
        QSqlDatabase db = m_tdb->database();
        QList<CreditItem> items;
        QString error;
        QVERIFY(CreditItemRepository(db).itemsOfSubject(m_subject.id, &items, &error));
        const SubjectProfile profile = SubjectProfiles::assess(m_subject, items, {}, QDate::currentDate(), m_policies);
        const ReportContent content = ReportBuilder::build(profile, request, header, m_policies);
        assemble << double(t.nsecsElapsed()) / 1e6;
        listed = 0;
        for (const ReportTable& table : content.tables)
            listed += table.key == QLatin1String("summary") ? 0 : int(table.rows.size());

        t.restart();
        ReportRenderer::Copy copy;
        copy.printedBy = m_clerk.displayName;
        copy.printedAt = QDateTime::currentDateTime();
        QVERIFY2(ReportRenderer::writePdf(content, QStringLiteral("XMCR1;bench"), copy,
                                          dir.filePath(QStringLiteral("r%1.pdf").arg(run)), &pages, &error),
                 qPrintable(error));
        render << double(t.nsecsElapsed()) / 1e6;

        t.restart();
        ReportRepository reports(m_clerk, m_policies);
        IssuedReport issued;
        const ReportRepository::Result r = reports.issue(request, QDate::currentDate(), &issued);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY2(ReportRenderer::writePdf(issued.content, issued.qrPayload(), copy,
                                          dir.filePath(QStringLiteral("i%1.pdf").arg(run)), &pages, &error),
                 qPrintable(error));
        issue << double(t.nsecsElapsed()) / 1e6;
    }
    QCOMPARE(rows, 500);
    QCOMPARE(listed, 500);
    QString table;
    table += QStringLiteral("\nreport of a subject with %1 items (%2 pages), %3 runs each, ms\n")
                 .arg(rows)
                 .arg(pages)
                 .arg(m_runs);
    table += QStringLiteral("| step | p50 | p95 | p95 / raw fetch p95 |\n|---|---|---|---|\n");
    const double base = percentile(raw, 0.95);
    auto row = [&](const QString& label, const QList<double>& values) {
        table += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                     .arg(label)
                     .arg(percentile(values, 0.5), 0, 'f', 2)
                     .arg(percentile(values, 0.95), 0, 'f', 2)
                     .arg(base > 0 ? percentile(values, 0.95) / base : 0, 0, 'f', 1);
    };
    row(QStringLiteral("raw fetch of the 500 items (SQLite C API)"), raw);
    row(QStringLiteral("assemble: read, assess, build the content"), assemble);
    row(QStringLiteral("render the PDF (target < 500 ms)"), render);
    row(QStringLiteral("issue end to end: assess, build, sign, store, audit, render"), issue);
    table += QStringLiteral("500-item PDF render p95: %1 ms, target < 500 ms: %2\n")
                 .arg(percentile(render, 0.95), 0, 'f', 1)
                 .arg(percentile(render, 0.95) < 500 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    qInfo("%s", qPrintable(table));
}

QTEST_MAIN(BenchReports)
#include "BenchReports.moc"
