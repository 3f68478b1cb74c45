// `xmcredit-admin case` on a demo workstation moved through time with --on: a repair case and an objection from
// intake to decision, each wrong role and wrong move refused with its exit code, bad input refused, and the outcome
// on the credit record and the audit trail checked in the database afterwards.

#include "AdminProcess.h"
#include "TestDatabase.h"
#include "WorkstationFixture.h"

#include "domain/PolicyRegistry.h"
#include "domain/RepairEligibility.h"
#include "records/CreditItemRepository.h"
#include "records/SubjectRepository.h"
#include "storage/AuditLog.h"
#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestCaseCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void repairFromIntakeToApproval();
    void objectionFromIntakeToOutcome();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void onIsForDemoWorkstationsOnly();
    void demoCasesRefusesBadInput();
    void listShowsEveryOpenCaseWithItsClock();
    void receiptPdfReadsBack();
    void caseTablesRefuseDeleteAndReplace();
    void auditTrailHoldsEveryMove();

private:
    using Result = AdminProcess::Result;
    // Runs `case ARGS --user USER --password-stdin --json` with USER's demo password.
    Result caseAs(const QString& user, const QStringList& args) const;
    QJsonObject json(const Result& r) const { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
    QString scan(const QString& name);
    // Reads the database directly with the key from the administrator's slot (no session, nothing written).
    QVariant scalar(const QString& sql) const;

    QTemporaryDir m_tmp;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    QString m_dir;
    QString m_subject; // identifier of a subject with two repairable dishonest items
    QString m_repairItem;
    QString m_objectionItem;
    QString m_repairCase;
    QString m_window; // the workstation's short id in its case numbers (XF2025-1A2B-000001)
};

namespace {
const QString Applicant = QStringLiteral("350203199001010018");
QString passwordOf(const QString& user)
{
    return user + QStringLiteral("-demo");
}
} // namespace

void TestCaseCli::initTestCase()
{
    qputenv("XMCREDIT_KDF_FAST", "1");
    qputenv("XMCREDIT_STATE_DIR", m_state.path().toUtf8());
    m_dir = m_tmp.filePath(QStringLiteral("demo"));
    QCOMPARE(AdminProcess::run({QStringLiteral("demo-init"), QStringLiteral("--workstation"), m_dir}, {},
                               m_state.path(), m_home.path())
                 .code,
             0);
    const Result city =
        AdminProcess::run({QStringLiteral("demo-city"), QStringLiteral("--workstation"), m_dir,
                           QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password-stdin"),
                           QStringLiteral("--subjects"), QStringLiteral("400"), QStringLiteral("--seed"),
                           QStringLiteral("9"), QStringLiteral("--today"), QStringLiteral("2025-06-15")},
                          QStringLiteral("admin-demo\n"), m_state.path(), m_home.path());
    QVERIFY2(city.code == 0, qPrintable(city.err));

    // A subject with two dishonest items a repair can be accepted for on 2025-09-25.
    const UnlockResult unlocked = Workstation::unlock(m_dir, QStringLiteral("admin"), QStringLiteral("admin-demo"));
    QVERIFY2(unlocked.ok(), qPrintable(unlocked.status.message));
    const QString path = Workstation::databasePath(m_dir);
    SqlCipherKeyRing::setKey(path, *unlocked.databaseKey);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), QStringLiteral("find"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QString error;
        const PolicyRegistry policies = PolicyRegistry::builtIn(&error);
        SubjectRepository subjects(db);
        CreditItemRepository items(db);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT subject_id FROM credit_items WHERE category = 'dishonest' AND "
                                      "status = 'active' AND objection_pending = 0 GROUP BY subject_id HAVING "
                                      "count(*) >= 2 ORDER BY subject_id")));
        while (q.next() && m_subject.isEmpty()) {
            Subject subject;
            QVERIFY(subjects.findById(q.value(0).toLongLong(), &subject));
            QList<CreditItem> list;
            QVERIFY(items.itemsOfSubject(subject.id, &list));
            QStringList eligible;
            for (const CreditItem& item : list) {
                if (!item.objectionPending &&
                    RepairRules::assess(item.facts(subject.kind), QDate(2025, 9, 25), policies).eligible())
                    eligible << QString::number(item.id);
            }
            if (eligible.size() >= 2) {
                m_subject = subject.identifier;
                m_repairItem = eligible[0];
                m_objectionItem = eligible[1];
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("find"));
    SqlCipherKeyRing::removeKey(path);
    QVERIFY2(!m_subject.isEmpty(), "the demo city has a subject with two repairable items");
}

TestCaseCli::Result TestCaseCli::caseAs(const QString& user, const QStringList& args) const
{
    return AdminProcess::run(QStringList{QStringLiteral("case")} + args +
                                 QStringList{QStringLiteral("--workstation"), m_dir, QStringLiteral("--user"), user,
                                             QStringLiteral("--password-stdin"), QStringLiteral("--json")},
                             passwordOf(user) + QLatin1Char('\n'), m_state.path(), m_home.path());
}

QString TestCaseCli::scan(const QString& name)
{
    const QString path = m_tmp.filePath(name + QStringLiteral(".pdf"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("%PDF-1.4\n% scan of " + name.toUtf8() + "\n");
    return path;
}

QVariant TestCaseCli::scalar(const QString& sql) const
{
    return WorkstationFixture::peek(m_dir, QStringLiteral("admin"), QStringLiteral("admin-demo"), sql);
}

void TestCaseCli::repairFromIntakeToApproval()
{
    // Intake on Thu 2025-09-25 without the proof of fulfilment: received, and paused for it at once.
    Result r = caseAs(QStringLiteral("clerk"),
                      {QStringLiteral("intake"),
                       QStringLiteral("repair"),
                       QStringLiteral("--subject"),
                       m_subject,
                       QStringLiteral("--item"),
                       m_repairItem,
                       QStringLiteral("--applicant-name"),
                       QStringLiteral("陈伟"),
                       QStringLiteral("--applicant-id"),
                       Applicant,
                       QStringLiteral("--capacity"),
                       QStringLiteral("representative"),
                       QStringLiteral("--material"),
                       QStringLiteral("application_form=") + scan(QStringLiteral("application")),
                       QStringLiteral("--material"),
                       QStringLiteral("credit_commitment_letter=") + scan(QStringLiteral("commitment")),
                       QStringLiteral("--material"),
                       QStringLiteral("licence_or_id_copy=") + scan(QStringLiteral("id")),
                       QStringLiteral("--on"),
                       QStringLiteral("2025-09-25")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QJsonObject c = json(r);
    m_repairCase = c.value(QLatin1String("caseNo")).toString();
    // Kind, year, this workstation's short id (no two windows give the same number), number.
    QVERIFY2(QRegularExpression(QStringLiteral("^XF2025-[0-9A-F]{4}-000001$")).match(m_repairCase).hasMatch(),
             qPrintable(m_repairCase));
    m_window = m_repairCase.mid(7, 4);
    QCOMPARE(c.value(QLatin1String("stage")).toString(), QStringLiteral("received"));
    QVERIFY(c.value(QLatin1String("paused")).toBool());
    QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("paused"));

    // The same item cannot be in two open repair cases.
    r = caseAs(QStringLiteral("clerk"),
               {QStringLiteral("intake"), QStringLiteral("repair"), QStringLiteral("--subject"), m_subject,
                QStringLiteral("--item"), m_repairItem, QStringLiteral("--applicant-name"), QStringLiteral("陈伟"),
                QStringLiteral("--applicant-id"), Applicant, QStringLiteral("--on"), QStringLiteral("2025-09-25")});
    QCOMPARE(r.code, 11);

    // The materials arrive on Fri 09-26: the intake day counted, the days up to the materials' arrival did not, so
    // the 3 working days are 09-28 (a make-up Sunday), 09-29 and 09-30.
    r = caseAs(QStringLiteral("clerk"), {QStringLiteral("resume"), m_repairCase, QStringLiteral("--material"),
                                         QStringLiteral("proof_of_fulfilment=") + scan(QStringLiteral("receipt")),
                                         QStringLiteral("--on"), QStringLiteral("2025-09-26")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    c = json(r);
    QVERIFY(!c.value(QLatin1String("paused")).toBool());
    QCOMPARE(c.value(QLatin1String("dueDate")).toString(), QStringLiteral("2025-09-30"));

    // The clerk may not start the review (exit 7); a stage that does not follow is refused (exit 11).
    r = caseAs(QStringLiteral("clerk"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("municipal_review"),
                QStringLiteral("--on"), QStringLiteral("2025-09-26")});
    QCOMPARE(r.code, 7);
    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("approved"),
                QStringLiteral("--note"), QStringLiteral("x"), QStringLiteral("--on"), QStringLiteral("2025-09-26")});
    QCOMPARE(r.code, 11);

    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("municipal_review"),
                QStringLiteral("--on"), QStringLiteral("2025-09-28")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QLatin1String("assignedTo")).toString(), QStringLiteral("reviewer"));
    // Not before the last event.
    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("platform_review"),
                QStringLiteral("--on"), QStringLiteral("2025-09-20")});
    QCOMPARE(r.code, 11);
    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("platform_review"),
                QStringLiteral("--on"), QStringLiteral("2025-09-29")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    c = json(r);
    QCOMPARE(c.value(QLatin1String("clock")).toString(), QStringLiteral("platform"));
    // 7 working days from 09-29: 09-30, then after National Day 10-09, 10-10, 10-11 (make-up), 10-13, 14, 15.
    QCOMPARE(c.value(QLatin1String("dueDate")).toString(), QStringLiteral("2025-10-15"));

    // The platform's decision, recorded from its written decision: needs the decision's text.
    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("approved"),
                QStringLiteral("--on"), QStringLiteral("2025-10-14")});
    QCOMPARE(r.code, 11);
    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("approved"),
                QStringLiteral("--note"), QStringLiteral("闽信修〔2025〕123号"), QStringLiteral("--on"),
                QStringLiteral("2025-10-14")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(json(r).value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT status || ' ' || repaired_on FROM credit_items WHERE id = %1").arg(m_repairItem))
            .toString(),
        QStringLiteral("repaired 2025-10-14"));

    // An approved repair changed the record: it cannot be reopened.
    r = caseAs(QStringLiteral("supervisor"),
               {QStringLiteral("move"), m_repairCase, QStringLiteral("--action"), QStringLiteral("reopen"),
                QStringLiteral("--note"), QStringLiteral("why"), QStringLiteral("--on"), QStringLiteral("2025-10-15")});
    QCOMPARE(r.code, 11);

    r = caseAs(QStringLiteral("auditor"), {QStringLiteral("show"), m_repairCase});
    QCOMPARE(r.code, 0); // reading a case is allowed to whoever can log in; every action is not
    c = json(r);
    QCOMPARE(c.value(QLatin1String("events")).toArray().size(), 6);
    QCOMPARE(c.value(QLatin1String("materials")).toArray().size(), 4);
    QVERIFY(c.value(QLatin1String("missing")).toArray().isEmpty());
}

void TestCaseCli::objectionFromIntakeToOutcome()
{
    // Received on Thu 2026-02-12: the item shows as under objection at once; due 6 working days later, 02-27.
    Result r =
        caseAs(QStringLiteral("clerk"), {QStringLiteral("intake"),
                                         QStringLiteral("objection"),
                                         QStringLiteral("--subject"),
                                         m_subject,
                                         QStringLiteral("--item"),
                                         m_objectionItem,
                                         QStringLiteral("--grounds"),
                                         QStringLiteral("error"),
                                         QStringLiteral("--statement"),
                                         QStringLiteral("罚款已于2025年缴清，记录有误"),
                                         QStringLiteral("--applicant-name"),
                                         QStringLiteral("陈伟"),
                                         QStringLiteral("--applicant-id"),
                                         Applicant,
                                         QStringLiteral("--material"),
                                         QStringLiteral("objection_application=") + scan(QStringLiteral("objection")),
                                         QStringLiteral("--material"),
                                         QStringLiteral("supporting_evidence=") + scan(QStringLiteral("evidence")),
                                         QStringLiteral("--material"),
                                         QStringLiteral("licence_or_id_copy=") + scan(QStringLiteral("id2")),
                                         QStringLiteral("--on"),
                                         QStringLiteral("2026-02-12")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QString caseNo = json(r).value(QLatin1String("caseNo")).toString();
    QCOMPARE(caseNo, QStringLiteral("YY2026-%1-000001").arg(m_window));
    QCOMPARE(json(r).value(QLatin1String("dueDate")).toString(), QStringLiteral("2026-02-27"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT objection_pending FROM credit_items WHERE id = %1").arg(m_objectionItem)).toInt(),
        1);
    // A second objection to the same item is refused.
    r = caseAs(QStringLiteral("clerk"),
               {QStringLiteral("intake"), QStringLiteral("objection"), QStringLiteral("--subject"), m_subject,
                QStringLiteral("--item"), m_objectionItem, QStringLiteral("--grounds"), QStringLiteral("omission"),
                QStringLiteral("--statement"), QStringLiteral("again"), QStringLiteral("--applicant-name"),
                QStringLiteral("陈伟"), QStringLiteral("--applicant-id"), Applicant, QStringLiteral("--on"),
                QStringLiteral("2026-02-12")});
    QCOMPARE(r.code, 11);

    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), caseNo, QStringLiteral("--to"), QStringLiteral("verifying"),
                QStringLiteral("--on"), QStringLiteral("2026-02-13")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), caseNo, QStringLiteral("--to"), QStringLiteral("maintained"),
                QStringLiteral("--note"), QStringLiteral("来源部门复核：记录准确"), QStringLiteral("--on"),
                QStringLiteral("2026-02-26")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(
        scalar(QStringLiteral("SELECT objection_pending FROM credit_items WHERE id = %1").arg(m_objectionItem)).toInt(),
        0);

    // The supervisor reopens it with a reason (the item is under objection again) and gives it to another
    // reviewer, who withdraws the item.
    r = caseAs(QStringLiteral("supervisor"),
               {QStringLiteral("move"), caseNo, QStringLiteral("--to"), QStringLiteral("verifying"),
                QStringLiteral("--on"), QStringLiteral("2026-02-27")});
    QCOMPARE(r.code, 11); // a reason is required
    r = caseAs(QStringLiteral("supervisor"),
               {QStringLiteral("move"), caseNo, QStringLiteral("--to"), QStringLiteral("verifying"),
                QStringLiteral("--note"), QStringLiteral("申请人提交新证据"), QStringLiteral("--on"),
                QStringLiteral("2026-02-27")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(
        scalar(QStringLiteral("SELECT objection_pending FROM credit_items WHERE id = %1").arg(m_objectionItem)).toInt(),
        1);
    r = caseAs(QStringLiteral("supervisor"),
               {QStringLiteral("assign"), caseNo, QStringLiteral("--to"), QStringLiteral("clerk"),
                QStringLiteral("--note"), QStringLiteral("x"), QStringLiteral("--on"), QStringLiteral("2026-02-27")});
    QCOMPARE(r.code, 11); // cases go to reviewers
    r = caseAs(QStringLiteral("supervisor"),
               {QStringLiteral("assign"), caseNo, QStringLiteral("--to"), QStringLiteral("nobody"),
                QStringLiteral("--note"), QStringLiteral("x"), QStringLiteral("--on"), QStringLiteral("2026-02-27")});
    QCOMPARE(r.code, 10);
    r = caseAs(QStringLiteral("reviewer"),
               {QStringLiteral("move"), caseNo, QStringLiteral("--to"), QStringLiteral("item_withdrawn"),
                QStringLiteral("--note"), QStringLiteral("来源部门撤回该处罚"), QStringLiteral("--on"),
                QStringLiteral("2026-03-02")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(scalar(QStringLiteral("SELECT status || ' ' || objection_pending FROM credit_items WHERE id = %1")
                        .arg(m_objectionItem))
                 .toString(),
             QStringLiteral("withdrawn 0"));
}

void TestCaseCli::badInputIsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    const QString subject = QStringLiteral("--subject");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2;
    QTest::newRow("intake of what") << QStringList{QStringLiteral("intake"), QStringLiteral("appeal")} << 2;
    QTest::newRow("unknown case") << QStringList{QStringLiteral("show"), QStringLiteral("XF1999-000001")} << 10;
    QTest::newRow("injection as case number")
        << QStringList{QStringLiteral("show"), QStringLiteral("' OR 1=1 --")} << 10;
    QTest::newRow("bad date") << QStringList{QStringLiteral("list"), QStringLiteral("--on"),
                                             QStringLiteral("2025-13-45")}
                              << 3;
    QTest::newRow("unknown subject") << QStringList{QStringLiteral("intake"),
                                                    QStringLiteral("repair"),
                                                    subject,
                                                    QStringLiteral("91350200MA2Y00001N"),
                                                    QStringLiteral("--item"),
                                                    QStringLiteral("1")}
                                     << 10;
    QTest::newRow("invalid applicant id") << QStringList{QStringLiteral("intake"),
                                                         QStringLiteral("objection"),
                                                         subject,
                                                         QStringLiteral("1"),
                                                         QStringLiteral("--item"),
                                                         QStringLiteral("__ITEM__"),
                                                         QStringLiteral("--grounds"),
                                                         QStringLiteral("error"),
                                                         QStringLiteral("--statement"),
                                                         QStringLiteral("s"),
                                                         QStringLiteral("--applicant-name"),
                                                         QStringLiteral("x"),
                                                         QStringLiteral("--applicant-id"),
                                                         QStringLiteral("350203199001010019")}
                                          << 3;
    QTest::newRow("unknown grounds")
        << QStringList{QStringLiteral("intake"),      QStringLiteral("objection"), subject,
                       QStringLiteral("__SUBJECT__"), QStringLiteral("--item"),    QStringLiteral("__ITEM__"),
                       QStringLiteral("--grounds"),   QStringLiteral("dislike")}
        << 3;
    QTest::newRow("unknown material") << QStringList{QStringLiteral("intake"),
                                                     QStringLiteral("repair"),
                                                     subject,
                                                     QStringLiteral("__SUBJECT__"),
                                                     QStringLiteral("--item"),
                                                     QStringLiteral("__ITEM__"),
                                                     QStringLiteral("--applicant-name"),
                                                     QStringLiteral("x"),
                                                     QStringLiteral("--applicant-id"),
                                                     Applicant,
                                                     QStringLiteral("--material"),
                                                     QStringLiteral("photo=/etc/hostname")}
                                      << 3;
    QTest::newRow("material file missing") << QStringList{QStringLiteral("intake"),
                                                          QStringLiteral("repair"),
                                                          subject,
                                                          QStringLiteral("__SUBJECT__"),
                                                          QStringLiteral("--item"),
                                                          QStringLiteral("__ITEM__"),
                                                          QStringLiteral("--material"),
                                                          QStringLiteral("application_form=/nonexistent/scan.pdf")}
                                           << 10;
    QTest::newRow("control characters in the name") << QStringList{QStringLiteral("intake"),
                                                                   QStringLiteral("repair"),
                                                                   subject,
                                                                   QStringLiteral("__SUBJECT__"),
                                                                   QStringLiteral("--item"),
                                                                   QStringLiteral("__ITEM__"),
                                                                   QStringLiteral("--applicant-name"),
                                                                   QStringLiteral("\x01\x02"),
                                                                   QStringLiteral("--applicant-id"),
                                                                   QStringLiteral("bad")}
                                                    << 3;
    QTest::newRow("stage of another kind")
        << QStringList{QStringLiteral("move"), m_repairCase, QStringLiteral("--to"), QStringLiteral("verifying")} << 3;
}

void TestCaseCli::badInputIsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    args.replaceInStrings(QStringLiteral("__SUBJECT__"), m_subject);
    args.replaceInStrings(QStringLiteral("__ITEM__"), m_objectionItem);
    const QVariant casesBefore = scalar(QStringLiteral("SELECT count(*) FROM cases"));
    const Result r = caseAs(QStringLiteral("clerk"), args);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2 %3").arg(r.code).arg(r.out, r.err)));
    QVERIFY2(!json(r).value(QLatin1String("error")).toString().isEmpty(), qPrintable(r.out));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")), casesBefore);
}

void TestCaseCli::onIsForDemoWorkstationsOnly()
{
    const QString real = m_tmp.filePath(QStringLiteral("real"));
    QCOMPARE(AdminProcess::run({QStringLiteral("init"), QStringLiteral("--workstation"), real,
                                QStringLiteral("--admin"), QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                               QStringLiteral("admin-password\n"), m_state.path(), m_home.path())
                 .code,
             0);
    const Result r =
        AdminProcess::run({QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--on"),
                           QStringLiteral("2025-01-01"), QStringLiteral("--workstation"), real,
                           QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                          QStringLiteral("admin-password\n"), m_state.path(), m_home.path());
    QCOMPARE(r.code, 11);
    QVERIFY2(r.err.contains(QStringLiteral("demo")), qPrintable(r.err));
}

void TestCaseCli::demoCasesRefusesBadInput()
{
    auto demoCases = [this](const QStringList& args, const QString& dir) {
        return AdminProcess::run(
            QStringList{QStringLiteral("demo-cases"), QStringLiteral("--workstation"), dir, QStringLiteral("--json")} +
                args,
            {}, m_state.path(), m_home.path());
    };
    QCOMPARE(demoCases({QStringLiteral("--count"), QStringLiteral("-5")}, m_dir).code, 3);
    QCOMPARE(demoCases({QStringLiteral("--count"), QStringLiteral("many")}, m_dir).code, 3);
    QCOMPARE(demoCases({QStringLiteral("--seed"), QStringLiteral("x")}, m_dir).code, 3);
    QCOMPARE(demoCases({}, m_tmp.filePath(QStringLiteral("nowhere"))).code, 10);
    // Cases exist already on the demo workstation.
    const Result again = demoCases({QStringLiteral("--count"), QStringLiteral("2")}, m_dir);
    QCOMPARE(again.code, 9);
    QVERIFY2(json(again).value(QLatin1String("error")).toString().contains(QStringLiteral("cases")),
             qPrintable(again.out));
    // Not a demo workstation (made by onIsForDemoWorkstationsOnly).
    QCOMPARE(demoCases({}, m_tmp.filePath(QStringLiteral("real"))).code, 11);
}

void TestCaseCli::listShowsEveryOpenCaseWithItsClock()
{
    // A new repair case (on another day), listed with its clock as of a later day.
    Result r = caseAs(QStringLiteral("clerk"),
                      {QStringLiteral("intake"), QStringLiteral("objection"), QStringLiteral("--subject"), m_subject,
                       QStringLiteral("--item"), m_repairItem, QStringLiteral("--grounds"), QStringLiteral("privacy"),
                       QStringLiteral("--statement"), QStringLiteral("含个人隐私"), QStringLiteral("--applicant-name"),
                       QStringLiteral("陈伟"), QStringLiteral("--applicant-id"), Applicant, QStringLiteral("--on"),
                       QStringLiteral("2026-04-02")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = caseAs(QStringLiteral("supervisor"),
               {QStringLiteral("list"), QStringLiteral("--on"), QStringLiteral("2026-04-10")});
    QCOMPARE(r.code, 0);
    const QJsonArray cases = json(r).value(QLatin1String("cases")).toArray();
    QCOMPARE(cases.size(), 1);
    const QJsonObject c = cases.first().toObject();
    QCOMPARE(c.value(QLatin1String("caseNo")).toString(), QStringLiteral("YY2026-%1-000002").arg(m_window));
    // Missing materials: paused from the intake day, so nothing counts yet.
    QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("paused"));
    QVERIFY(c.contains(QLatin1String("estimated")));
    QCOMPARE(caseAs(QStringLiteral("supervisor"), {QStringLiteral("list"), QStringLiteral("--all")}).code, 0);
}

// The acceptance receipt as a PDF, in Chinese: pdftotext reads back its title, case number and due date.
void TestCaseCli::receiptPdfReadsBack()
{
    const QString pdf = m_tmp.filePath(QStringLiteral("receipt.pdf"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XMCREDIT_KDF_FAST"), QStringLiteral("1"));
    env.insert(QStringLiteral("XMCREDIT_STATE_DIR"), m_state.path());
    env.insert(QStringLiteral("XMCREDIT_LANG"), QStringLiteral("zh_CN"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(XMCREDIT_ADMIN_BIN),
                  {QStringLiteral("case"), QStringLiteral("receipt"), QStringLiteral("YY2026-%1-000001").arg(m_window),
                   QStringLiteral("--pdf"), pdf, QStringLiteral("--workstation"), m_dir, QStringLiteral("--user"),
                   QStringLiteral("clerk"), QStringLiteral("--password-stdin"), QStringLiteral("--on"),
                   QStringLiteral("2026-02-12")});
    QVERIFY(process.waitForStarted());
    process.write("clerk-demo\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    file.close();
    const QString dir = qEnvironmentVariable("XMCREDIT_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QFile::remove(QDir(dir).filePath(QStringLiteral("receipt-zh_CN.pdf")));
        QFile::copy(pdf, QDir(dir).filePath(QStringLiteral("receipt-zh_CN.pdf")));
    }
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(text.waitForFinished(30000), "pdftotext (poppler-utils) is installed by installer/dev.sh");
    const QString extracted = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(extracted.contains(QStringLiteral("YY2026-%1-000001").arg(m_window)), qPrintable(extracted));
    // The clock as the case now stands: maintained on 02-26 and reopened on 02-27, so that day did not count; the
    // sixth working day is then Saturday 02-28, a make-up working day.
    QVERIFY2(extracted.contains(QStringLiteral("2026-02-28")), qPrintable(extracted));
    QVERIFY2(extracted.contains(QStringLiteral("受理回执")), qPrintable(extracted));
    // Identifiers are masked on the receipt.
    QVERIFY2(!extracted.contains(Applicant), qPrintable(extracted));
    // A case that does not exist, and a missing --pdf.
    QCOMPARE(caseAs(QStringLiteral("clerk"),
                    {QStringLiteral("receipt"), QStringLiteral("YY2026-999999"), QStringLiteral("--pdf"), pdf})
                 .code,
             10);
    QCOMPARE(
        caseAs(QStringLiteral("clerk"), {QStringLiteral("receipt"), QStringLiteral("YY2026-%1-000001").arg(m_window)})
            .code,
        2);
}

// Even with the database key and the program's own driver (its seal functions registered): no case, event, item link
// or material is deleted or replaced, and an update of a case without its event is refused.
void TestCaseCli::caseTablesRefuseDeleteAndReplace()
{
    const UnlockResult unlocked = Workstation::unlock(m_dir, QStringLiteral("admin"), QStringLiteral("admin-demo"));
    QVERIFY(unlocked.ok());
    const QString path = Workstation::databasePath(m_dir);
    SqlCipherKeyRing::setKey(path, *unlocked.databaseKey);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QStringList counts{QStringLiteral("cases"), QStringLiteral("case_items"), QStringLiteral("case_events"),
                                 QStringLiteral("case_materials")};
        auto count = [&q](const QString& table) {
            return q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && q.next() ? q.value(0).toInt() : -1;
        };
        for (const QString& table : counts) {
            const int before = count(table);
            QVERIFY2(before > 0, qPrintable(table));
            QVERIFY2(!q.exec(QStringLiteral("DELETE FROM %1").arg(table)), qPrintable(table));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("never")), qPrintable(q.lastError().text()));
            QCOMPARE(count(table), before);
        }
        QVERIFY(!q.exec(QStringLiteral("INSERT OR REPLACE INTO cases SELECT * FROM cases WHERE id = 1")));
        QVERIFY(!q.exec(QStringLiteral("INSERT OR REPLACE INTO case_events SELECT * FROM case_events WHERE id = 1")));
        QVERIFY(!q.exec(QStringLiteral("UPDATE case_events SET note = 'x' WHERE id = 1")));
        QVERIFY(!q.exec(QStringLiteral("UPDATE cases SET state = 'approved' WHERE id = 1")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("moves only with the event")),
                 qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    SqlCipherKeyRing::removeKey(path);
}

void TestCaseCli::auditTrailHoldsEveryMove()
{
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'case.%'")).toInt() >= 11);
    const Result verify =
        AdminProcess::run({QStringLiteral("check"), QStringLiteral("--workstation"), m_dir, QStringLiteral("--user"),
                           QStringLiteral("auditor"), QStringLiteral("--password-stdin"), QStringLiteral("--json")},
                          QStringLiteral("auditor-demo\n"), m_state.path(), m_home.path());
    QVERIFY2(verify.code == 0, qPrintable(verify.out + verify.err));
}

QTEST_GUILESS_MAIN(TestCaseCli)
#include "TestCaseCli.moc"
