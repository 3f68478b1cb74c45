// The auditor's flags (models/audit/AuditReview) on made-up trails: each pattern found when it is there and not when
// it is not.

#include "audit/AuditReview.h"
#include "domain/WorkingCalendar.h"

#include <QtTest>

class TestAuditReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void manySubjectsInAShortTime();
    void queriesWithoutFollowUp();
    void workOutsideWorkingHours();
    void repeatedFailedUnlocks();
    void failedLoginsWrittenInAtALogin();

private:
    AuditRow row(const QString& actor, const QString& action, const QDateTime& localTime, const QString& objectId = {},
                 const QString& basis = {}, const QJsonObject& details = {});
    QList<AuditFlag> of(const QList<AuditFlag>& flags, const QString& kind);

    WorkingCalendar m_calendar;
    qint64 m_seq = 0;
};

void TestAuditReview::initTestCase()
{
    QString error;
    m_calendar = WorkingCalendar::builtIn(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

AuditRow TestAuditReview::row(const QString& actor, const QString& action, const QDateTime& localTime,
                              const QString& objectId, const QString& basis, const QJsonObject& details)
{
    AuditRow r;
    r.seq = ++m_seq;
    r.at = localTime.toUTC();
    r.actor = actor;
    r.action = action;
    r.objectType = objectId.isEmpty() ? QString() : QStringLiteral("subject");
    r.objectId = objectId;
    r.basis = basis;
    r.details = details;
    return r;
}

QList<AuditFlag> TestAuditReview::of(const QList<AuditFlag>& flags, const QString& kind)
{
    QList<AuditFlag> out;
    for (const AuditFlag& f : flags)
        if (f.kind == kind)
            out << f;
    return out;
}

void TestAuditReview::manySubjectsInAShortTime()
{
    // Tue 2026-03-03 at 10:00 local, a working day.
    const QDateTime start(QDate(2026, 3, 3), QTime(10, 0));
    QList<AuditRow> rows;
    for (int i = 0; i < 15; ++i)
        rows << row(QStringLiteral("lin"), QStringLiteral("subject.open"), start.addSecs(i * 180),
                    QString::number(100 + i), QStringLiteral("case_handling: x"));
    QList<AuditFlag> flags = of(AuditReview::flags(rows, m_calendar), QStringLiteral("many_subjects"));
    QCOMPARE(flags.size(), 1);
    QCOMPARE(flags.first().actor, QStringLiteral("lin"));
    QCOMPARE(flags.first().count, 15);
    QCOMPARE(flags.first().seqs.size(), 15);
    // The same person opening the same subject 15 times, or 15 subjects over a whole day, is not that pattern.
    rows.clear();
    for (int i = 0; i < 15; ++i)
        rows << row(QStringLiteral("lin"), QStringLiteral("subject.open"), start.addSecs(i * 60), QStringLiteral("7"),
                    QStringLiteral("case_handling: x"));
    QVERIFY(of(AuditReview::flags(rows, m_calendar), QStringLiteral("many_subjects")).isEmpty());
    rows.clear();
    for (int i = 0; i < 15; ++i)
        rows << row(QStringLiteral("lin"), QStringLiteral("subject.open"), start.addSecs(i * 1800),
                    QString::number(200 + i), QStringLiteral("case_handling: x"));
    QVERIFY(of(AuditReview::flags(rows, m_calendar), QStringLiteral("many_subjects")).isEmpty());
}

void TestAuditReview::queriesWithoutFollowUp()
{
    const QDateTime t(QDate(2026, 3, 3), QTime(9, 30));
    const QList<AuditRow> rows{
        row(QStringLiteral("lin"), QStringLiteral("subject.open"), t, QStringLiteral("11"),
            QStringLiteral("self_query: document=resident_id_card")),
        row(QStringLiteral("lin"), QStringLiteral("case.intake"), t.addSecs(600), {}, {},
            QJsonObject{{QStringLiteral("subject"), 11.0}}),
        row(QStringLiteral("lin"), QStringLiteral("subject.open"), t.addSecs(900), QStringLiteral("12"),
            QStringLiteral("self_query: document=resident_id_card")),
        row(QStringLiteral("lin"), QStringLiteral("subject.open"), t.addSecs(1000), QStringLiteral("13"),
            QStringLiteral("record_entry: form=x")),
    };
    const QList<AuditFlag> flags = of(AuditReview::flags(rows, m_calendar), QStringLiteral("no_follow_up"));
    QCOMPARE(flags.size(), 1);
    QCOMPARE(flags.first().seqs, QList<qint64>{rows.at(2).seq});
}

void TestAuditReview::workOutsideWorkingHours()
{
    const QList<AuditRow> rows{
        row(QStringLiteral("wu"), QStringLiteral("case.maintain"), QDateTime(QDate(2026, 3, 3), QTime(22, 15))),
        row(QStringLiteral("wu"), QStringLiteral("case.correct"), QDateTime(QDate(2026, 3, 3), QTime(22, 40))),
        // National Day, a day off, in office hours.
        row(QStringLiteral("wu"), QStringLiteral("subject.open"), QDateTime(QDate(2026, 10, 2), QTime(10, 0)),
            QStringLiteral("5"), QStringLiteral("case_handling: x")),
        // A working Saturday (make-up day) in office hours is not flagged; nor is logging in late.
        row(QStringLiteral("wu"), QStringLiteral("case.maintain"), QDateTime(QDate(2026, 2, 28), QTime(10, 0))),
        row(QStringLiteral("wu"), QStringLiteral("session.login"), QDateTime(QDate(2026, 3, 4), QTime(23, 0))),
    };
    const QList<AuditFlag> flags = of(AuditReview::flags(rows, m_calendar), QStringLiteral("after_hours"));
    QCOMPARE(flags.size(), 2);
    int total = 0;
    for (const AuditFlag& f : flags)
        total += f.count;
    QCOMPARE(total, 3);
}

void TestAuditReview::repeatedFailedUnlocks()
{
    const QDateTime t(QDate(2026, 3, 3), QTime(11, 0));
    QList<AuditRow> rows;
    for (int i = 0; i < 2; ++i)
        rows << row(QStringLiteral("lin"), QStringLiteral("session.unlock.failed"), t.addSecs(i * 30));
    QVERIFY(of(AuditReview::flags(rows, m_calendar), QStringLiteral("failed_unlocks")).isEmpty());
    rows << row(QStringLiteral("lin"), QStringLiteral("session.unlock.failed"), t.addSecs(90));
    QCOMPARE(of(AuditReview::flags(rows, m_calendar), QStringLiteral("failed_unlocks")).size(), 1);
}

void TestAuditReview::failedLoginsWrittenInAtALogin()
{
    const QDateTime t(QDate(2026, 3, 3), QTime(9, 0));
    AuditRow two = row(QStringLiteral("admin"), QStringLiteral("login.failures"), t);
    two.details = {{QStringLiteral("count"), 2}, {QStringLiteral("unknownNames"), 0}};
    QVERIFY(of(AuditReview::flags({two}, m_calendar), QStringLiteral("failed_logins")).isEmpty());
    AuditRow five = row(QStringLiteral("admin"), QStringLiteral("login.failures"), t.addSecs(600));
    five.details = {{QStringLiteral("count"), 5},
                    {QStringLiteral("unknownNames"), 4},
                    {QStringLiteral("first"), t.toUTC().addSecs(-3600).toString(Qt::ISODateWithMs)},
                    {QStringLiteral("last"), t.toUTC().toString(Qt::ISODateWithMs)}};
    const QList<AuditFlag> flags = of(AuditReview::flags({two, five}, m_calendar), QStringLiteral("failed_logins"));
    QCOMPARE(flags.size(), 1);
    QCOMPARE(flags.first().count, 5);
    QCOMPARE(flags.first().seqs, QList<qint64>{five.seq});
    QVERIFY2(flags.first().description.contains(QStringLiteral("4")), qPrintable(flags.first().description));
    QCOMPARE(flags.first().first, t.toUTC().addSecs(-3600));
}

QTEST_GUILESS_MAIN(TestAuditReview)
#include "TestAuditReview.moc"
