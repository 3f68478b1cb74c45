// The security suite's checks across the whole schema and every command line (issue 8, "A security test suite"):
//  - physical deletion is refused by the database itself for every table that holds records, cases, reports, sync
//    state or the audit trail (raw SQL through our own driver, as a key holder would run it);
//  - SQL injection strings, oversized text, control characters and invalid UTF-8 given to the commands' arguments and
//    standard input: no crash, a clear refusal or an empty answer, and nothing written but the audit of the query;
//  - the database, its journal and the vault hold none of the test data in clear and none of the key's bytes.

#include "AdminProcess.h"
#include "TestDatabase.h"
#include "WorkstationFixture.h"

#include "domain/Identifiers.h"
#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void physicalDeletionIsRefusedEverywhere();
    void hostileArguments_data();
    void hostileArguments();
    void noClearDataAndNoKeyBytesInTheFiles();
    void listsMaskIdentifiersAndLogsHoldNone();

private:
    using Result = AdminProcess::Result;
    Result as(const QString& user, const QStringList& args)
    {
        return AdminProcess::runAs(m_dir, user, args, m_state.path(), m_home.path());
    }
    QVariant scalar(const QString& sql) const;

    QTemporaryDir m_tmp;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    QString m_dir;
};

void TestHostileInput::initTestCase()
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
                                           QStringLiteral("200"), QStringLiteral("--seed"), QStringLiteral("3")},
                                          QStringLiteral("admin-demo\n"), m_state.path(), m_home.path());
    QVERIFY2(city.code == 0, qPrintable(city.err));
}

QVariant TestHostileInput::scalar(const QString& sql) const
{
    return WorkstationFixture::peek(m_dir, QStringLiteral("admin"), QStringLiteral("admin-demo"), sql);
}

void TestHostileInput::physicalDeletionIsRefusedEverywhere()
{
    TestDatabase tdb;
    QVERIFY2(tdb.isValid(), qPrintable(tdb.errorString()));
    // Every table of the schema, except the ones that are working state by design: the FTS index (rebuilt from the
    // subjects), the write permit (a row lives only inside a permit's transaction) and SQLite's own.
    QSqlQuery q(tdb.database());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                  "AND name NOT LIKE 'subject_name_fts%' ORDER BY name")));
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    q.finish();
    const QStringList workingState{QStringLiteral("platform_write_permit"),
                                   QStringLiteral("platform_write_permit_release"),
                                   QStringLiteral("subject_name_common_bigrams")};
    QVERIFY(tables.size() >= 20);
    for (const QString& table : tables) {
        if (workingState.contains(table))
            continue;
        QString why;
        const bool deleted = tdb.exec(QStringLiteral("DELETE FROM %1").arg(table), &why);
        // An empty table deletes nothing, but the trigger must exist: check the schema holds a DELETE guard.
        const int guards = tdb.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                                                     "tbl_name = '%1' AND sql LIKE '%BEFORE DELETE%'")
                                          .arg(table))
                               .toInt();
        QVERIFY2(guards >= 1, qPrintable(QStringLiteral("no DELETE guard on %1").arg(table)));
        Q_UNUSED(deleted);
    }
    qInfo("DELETE guards on %lld tables: %s", qint64(tables.size() - workingState.size()),
          qPrintable(tables.join(QStringLiteral(", "))));
}

void TestHostileInput::hostileArguments_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("args");
    const QString injection = QStringLiteral("x' OR 1=1; DROP TABLE subjects; --");
    const QString longText = QString(100000, QLatin1Char('A'));
    const QString control = QStringLiteral("a\x01\x02\x1b[31mb\u202e");
    const QString invalid = QString::fromUtf8("\xff\xfe\xed\xa0\x80");
    for (const auto& [label, text] : QList<QPair<QString, QString>>{{QStringLiteral("injection"), injection},
                                                                    {QStringLiteral("100 kB"), longText},
                                                                    {QStringLiteral("control chars"), control},
                                                                    {QStringLiteral("invalid UTF-8"), invalid}}) {
        QTest::newRow(qPrintable(QStringLiteral("search, ") + label))
            << QStringLiteral("clerk") << QStringList{QStringLiteral("search"), text};
        QTest::newRow(qPrintable(QStringLiteral("check-id, ") + label))
            << QStringLiteral("clerk") << QStringList{QStringLiteral("check-id"), text};
        QTest::newRow(qPrintable(QStringLiteral("report subject, ") + label))
            << QStringLiteral("clerk")
            << QStringList{QStringLiteral("report"),
                           QStringLiteral("issue"),
                           QStringLiteral("--subject"),
                           text,
                           QStringLiteral("--basis"),
                           QStringLiteral("agency"),
                           QStringLiteral("--agency"),
                           text,
                           QStringLiteral("--agency-document"),
                           text,
                           QStringLiteral("--purpose"),
                           text,
                           QStringLiteral("--pdf"),
                           QDir::temp().filePath(QStringLiteral("never.pdf"))};
        QTest::newRow(qPrintable(QStringLiteral("report verify, ") + label))
            << QStringLiteral("clerk") << QStringList{QStringLiteral("report"), QStringLiteral("verify"), text, text};
        QTest::newRow(qPrintable(QStringLiteral("case show, ") + label))
            << QStringLiteral("reviewer") << QStringList{QStringLiteral("case"), QStringLiteral("show"), text};
        QTest::newRow(qPrintable(QStringLiteral("case intake, ") + label))
            << QStringLiteral("clerk")
            << QStringList{QStringLiteral("case"),
                           QStringLiteral("intake"),
                           QStringLiteral("objection"),
                           QStringLiteral("--subject"),
                           text,
                           QStringLiteral("--item"),
                           text,
                           QStringLiteral("--grounds"),
                           text,
                           QStringLiteral("--statement"),
                           text,
                           QStringLiteral("--applicant-name"),
                           text,
                           QStringLiteral("--applicant-id"),
                           text};
        QTest::newRow(qPrintable(QStringLiteral("audit filter, ") + label))
            << QStringLiteral("auditor") << QStringList{QStringLiteral("audit"), QStringLiteral("verify")};
        QTest::newRow(qPrintable(QStringLiteral("sync package path, ") + label))
            << QStringLiteral("admin") << QStringList{QStringLiteral("sync"), QStringLiteral("--package"), text};
        QTest::newRow(qPrintable(QStringLiteral("user name, ") + label))
            << text << QStringList{QStringLiteral("search"), QStringLiteral("厦门")};
    }
}

void TestHostileInput::hostileArguments()
{
    QFETCH(QString, user);
    QFETCH(QStringList, args);
    const int subjects = scalar(QStringLiteral("SELECT count(*) FROM subjects")).toInt();
    const int cases = scalar(QStringLiteral("SELECT count(*) FROM cases")).toInt();
    const int reports = scalar(QStringLiteral("SELECT count(*) FROM reports")).toInt();
    // check-id works without a workstation; every other command logs in.
    const Result r =
        args.constFirst() == QLatin1String("check-id")
            ? AdminProcess::run(args + QStringList{QStringLiteral("--json")}, {}, m_state.path(), m_home.path())
            : as(user, args);
    // No crash (a crash or a hang gives -1), a clear answer.
    QVERIFY2(r.code >= 0, qPrintable(r.err.left(300)));
    if (r.code != 0)
        QVERIFY2(!QJsonDocument::fromJson(r.out.toUtf8()).object().isEmpty(), qPrintable(r.out.left(300)));
    // What is said back is bounded: no 100-kilobyte echo of the input.
    QVERIFY2(r.out.size() < 20000, qPrintable(r.out.left(300)));
    // Nothing written but audit entries: no subject, case or report appeared or went.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM subjects")).toInt(), subjects);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cases")).toInt(), cases);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM reports")).toInt(), reports);
}

void TestHostileInput::noClearDataAndNoKeyBytesInTheFiles()
{
    // A name that is certainly in the database, and the key itself.
    const QString name = scalar(QStringLiteral("SELECT name FROM subjects ORDER BY id LIMIT 1")).toString();
    const QString identifier = scalar(QStringLiteral("SELECT identifier FROM subjects ORDER BY id LIMIT 1")).toString();
    QVERIFY(!name.isEmpty() && !identifier.isEmpty());
    const UnlockResult unlocked = Workstation::unlock(m_dir, QStringLiteral("admin"), QStringLiteral("admin-demo"));
    QVERIFY(unlocked.ok());
    const QByteArray key(reinterpret_cast<const char*>(unlocked.databaseKey->data()),
                         qsizetype(unlocked.databaseKey->size()));
    const QList<QByteArray> needles{name.toUtf8(),
                                    identifier.toUtf8(),
                                    QByteArrayLiteral("SQLite format 3"),
                                    key,
                                    key.toHex(),
                                    QByteArrayLiteral("admin-demo"),
                                    QByteArrayLiteral("clerk-demo")};
    int files = 0;
    for (const QString& root : {m_dir, m_state.path(), m_home.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++files;
            for (const QByteArray& needle : needles) {
                if (QFileInfo(path).fileName() == QLatin1String("workstation.json") &&
                    needle == QByteArrayLiteral("SQLite format 3"))
                    continue;
                QVERIFY2(
                    !bytes.contains(needle),
                    qPrintable(QStringLiteral("%1 holds %2 in clear").arg(path, QString::fromUtf8(needle.left(20)))));
            }
        }
    }
    QVERIFY(files >= 3);
    qInfo("%d files checked for the test data, the passwords and the key's bytes", files);
}

void TestHostileInput::listsMaskIdentifiersAndLogsHoldNone()
{
    // A person in the city: in a list of hits their number is masked for every role, unless it is the number typed;
    // nothing a command writes to its error output (the application log) holds it.
    const QString identifier = scalar(QStringLiteral("SELECT identifier FROM subjects WHERE kind = 'natural_person' "
                                                     "ORDER BY id LIMIT 1"))
                                   .toString();
    const QString name =
        scalar(QStringLiteral("SELECT name FROM subjects WHERE identifier = '%1'").arg(identifier)).toString();
    QVERIFY(identifier.size() == 18 && !name.isEmpty());
    const QString masked = Identifiers::mask(identifier);
    QVERIFY(masked != identifier && masked.contains(QLatin1Char('*')));
    for (const QString& user : {QStringLiteral("clerk"), QStringLiteral("supervisor"), QStringLiteral("reviewer")}) {
        Result r = as(user, {QStringLiteral("search"), name});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        bool listed = false;
        for (const QJsonValue& v :
             QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("results")).toArray()) {
            const QString shown = v.toObject().value(QStringLiteral("identifier")).toString();
            QVERIFY2(!shown.contains(identifier), qPrintable(user + QLatin1Char(' ') + shown));
            listed = listed || shown == masked;
        }
        QVERIFY2(listed, qPrintable(r.out.left(300)));
        QVERIFY(!r.err.contains(identifier));
        // The number itself, typed in full: the one hit shows it to the roles that see numbers (the person at the
        // counter said it); a reviewer sees it masked all the same.
        r = as(user, {QStringLiteral("search"), identifier});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray hits =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("results")).toArray();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().toObject().value(QStringLiteral("identifier")).toString(),
                 user == QLatin1String("reviewer") ? masked : identifier);
        QVERIFY(!r.err.contains(identifier));
    }
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "TestHostileInput.moc"
