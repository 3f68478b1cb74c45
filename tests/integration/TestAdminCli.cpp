#include "AdminProcess.h"
#include "TestDatabase.h"

#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/KeyVault.h"
#include "storage/Workstation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

// xmcredit-admin as deployment scripts use it: passwords on stdin, exit codes per failure, --json output, every
// failure leaving the workstation's files byte-for-byte unchanged.
class TestAdminCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void usageErrors();
    void initAndManageStaff();
    void loginFailures_data();
    void loginFailures();
    void rekeyKeepsDataAndLogins();
    void removeRevokesLogin();
    void auditVerify();
    void throttled();
    void demoWorkstation();
    void defaultDirectory();

private:
    using Result = AdminProcess::Result;
    Result admin(const QStringList& args, const QString& input = QString()) const;
    void makeWorkstation(const QString& dir);
    QTemporaryDir m_state;
    QTemporaryDir m_home;
};

void TestAdminCli::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(XMCREDIT_ADMIN_BIN)).isExecutable());
    qputenv("XMCREDIT_KDF_FAST", "1");
    qputenv("XMCREDIT_STATE_DIR", m_state.path().toUtf8());
}

void TestAdminCli::init()
{
    QDir(m_state.path()).removeRecursively();
    QDir().mkpath(m_state.path());
}

TestAdminCli::Result TestAdminCli::admin(const QStringList& args, const QString& input) const
{
    return AdminProcess::run(args, input, m_state.path(), m_home.path(), 60000);
}

void TestAdminCli::makeWorkstation(const QString& dir)
{
    Result r = admin({QStringLiteral("init"), QStringLiteral("--workstation"), dir, QStringLiteral("--admin"),
                      QStringLiteral("boss"), QStringLiteral("--display-name"), QStringLiteral("陈管理"),
                      QStringLiteral("--name"), QStringLiteral("Window 1"), QStringLiteral("--password-stdin")},
                     QStringLiteral("boss-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // This build has the test suite and XMCREDIT_KDF_FAST is set: the weak slots are announced.
    QVERIFY2(r.err.contains(QStringLiteral("XMCREDIT_KDF_FAST")), qPrintable(r.err));
    r = admin({QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("clerk"), QStringLiteral("--role"),
               QStringLiteral("clerk"), QStringLiteral("--workstation"), dir, QStringLiteral("--user"),
               QStringLiteral("boss"), QStringLiteral("--password-stdin")},
              QStringLiteral("boss-password\nclerk-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("XMCREDIT_KDF_FAST")), qPrintable(r.err));
}

void TestAdminCli::usageErrors()
{
    QTemporaryDir tmp;
    Result r = admin({QStringLiteral("init"), QStringLiteral("--workstation"), tmp.path(), QStringLiteral("--admin"),
                      QStringLiteral("boss")},
                     QStringLiteral("boss-password\n"));
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--password-stdin")));
    QVERIFY(QDir(tmp.path()).isEmpty());
    r = admin({QStringLiteral("init"), QStringLiteral("--workstation"), tmp.path(), QStringLiteral("--admin"),
               QStringLiteral("boss"), QStringLiteral("--password-stdin")});
    QCOMPARE(r.code, 2); // stdin ended before the password
    QVERIFY(QDir(tmp.path()).isEmpty());
    QCOMPARE(admin({QStringLiteral("staff"), QStringLiteral("frobnicate")}).code, 2);
    QCOMPARE(admin({QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--workstation"), tmp.path(),
                    QStringLiteral("--password-stdin")},
                   QStringLiteral("x\n"))
                 .code,
             2); // no --user
    r = admin({QStringLiteral("init"), QStringLiteral("--workstation"), tmp.path(), QStringLiteral("--admin"),
               QStringLiteral("boss"), QStringLiteral("--password-stdin")},
              QStringLiteral("short\n"));
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("at least 8")));
    QCOMPARE(admin({QStringLiteral("staff"), QStringLiteral("--help")}).code, 0);
}

void TestAdminCli::initAndManageStaff()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("ws"));
    makeWorkstation(dir);
    const QStringList asBoss{QStringLiteral("--workstation"), dir, QStringLiteral("--user"), QStringLiteral("boss"),
                             QStringLiteral("--password-stdin")};
    // init again: exists.
    QCOMPARE(admin({QStringLiteral("init"), QStringLiteral("--workstation"), dir, QStringLiteral("--admin"),
                    QStringLiteral("boss"), QStringLiteral("--password-stdin")},
                   QStringLiteral("boss-password\n"))
                 .code,
             9);
    Result r = admin(QStringList{QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("clerk"),
                                 QStringLiteral("--role"), QStringLiteral("clerk")} +
                         asBoss,
                     QStringLiteral("boss-password\nanother-password\n"));
    QCOMPARE(r.code, 9);
    r = admin(QStringList{QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("eve"),
                          QStringLiteral("--role"), QStringLiteral("king")} +
                  asBoss,
              QStringLiteral("boss-password\nanother-password\n"));
    QCOMPARE(r.code, 3);
    r = admin(QStringList{QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("rita"),
                          QStringLiteral("--role"), QStringLiteral("reviewer"), QStringLiteral("--display-name"),
                          QStringLiteral("黄初审")} +
                  asBoss,
              QStringLiteral("boss-password\nrita-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));

    r = admin(QStringList{QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--json")} + asBoss,
              QStringLiteral("boss-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(list.value(QLatin1String("ok")).toBool());
    const QJsonArray staff = list.value(QLatin1String("staff")).toArray();
    QCOMPARE(staff.size(), 3);
    QCOMPARE(staff[0].toObject().value(QLatin1String("username")).toString(), QStringLiteral("boss"));
    QCOMPARE(staff[0].toObject().value(QLatin1String("role")).toString(), QStringLiteral("administrator"));
    QCOMPARE(staff[0].toObject().value(QLatin1String("displayName")).toString(), QStringLiteral("陈管理"));
    QCOMPARE(staff[2].toObject().value(QLatin1String("username")).toString(), QStringLiteral("rita"));
    QCOMPARE(staff[2].toObject().value(QLatin1String("displayName")).toString(), QStringLiteral("黄初审"));
    QVERIFY(staff[2].toObject().value(QLatin1String("hasSlot")).toBool());

    // A clerk may not manage staff (checked in models/, exit code Denied), but may change their own password.
    const QStringList asClerk{QStringLiteral("--workstation"), dir, QStringLiteral("--user"), QStringLiteral("clerk"),
                              QStringLiteral("--password-stdin")};
    r = admin(QStringList{QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("mallory"),
                          QStringLiteral("--role"), QStringLiteral("administrator")} +
                  asClerk,
              QStringLiteral("clerk-password\nmallory-password\n"));
    QCOMPARE(r.code, 7);
    r = admin(QStringList{QStringLiteral("staff"), QStringLiteral("passwd"), QStringLiteral("clerk")} + asClerk,
              QStringLiteral("clerk-password\nclerk-password-2\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(admin(QStringList{QStringLiteral("staff"), QStringLiteral("list")} + asClerk,
                   QStringLiteral("clerk-password\n"))
                 .code,
             4);
    QCOMPARE(admin(QStringList{QStringLiteral("staff"), QStringLiteral("list")} + asClerk,
                   QStringLiteral("clerk-password-2\n"))
                 .code,
             0);
}

void TestAdminCli::loginFailures_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong password") << QStringLiteral("password") << 4 << QStringLiteral("password for clerk is wrong");
    QTest::newRow("unknown user") << QStringLiteral("user") << 4 << QStringLiteral("no member of staff named zed");
    QTest::newRow("vault missing") << QStringLiteral("vault-missing") << 5
                                   << QStringLiteral("vault.xmv does not exist");
    QTest::newRow("vault truncated") << QStringLiteral("vault-truncated") << 5
                                     << QStringLiteral("vault.xmv is truncated");
    QTest::newRow("vault corrupt") << QStringLiteral("vault-corrupt") << 5 << QStringLiteral("vault.xmv is damaged");
    QTest::newRow("database missing") << QStringLiteral("db-missing") << 5 << QStringLiteral("credit.db is missing");
    QTest::newRow("database truncated") << QStringLiteral("db-truncated") << 5
                                        << QStringLiteral("credit.db is truncated");
    QTest::newRow("database corrupt") << QStringLiteral("db-corrupt") << 5 << QStringLiteral("credit.db is damaged");
    QTest::newRow("database of another workstation")
        << QStringLiteral("db-foreign") << 6 << QStringLiteral("belongs to another workstation");
    QTest::newRow("schema too new") << QStringLiteral("too-new") << 8 << QStringLiteral("newer version of xmcredit");
    QTest::newRow("no workstation") << QStringLiteral("nothing") << 10 << QStringLiteral("There is no workstation");
}

void TestAdminCli::loginFailures()
{
    QFETCH(QString, damage);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("ws"));
    makeWorkstation(dir);
    const QString db = Workstation::databasePath(dir);
    const QString vault = Workstation::vaultPath(dir);
    QString user = QStringLiteral("clerk");
    QString password = QStringLiteral("clerk-password");
    QString target = dir;
    if (damage == QLatin1String("password")) {
        password = QStringLiteral("Clerk-password");
    } else if (damage == QLatin1String("user")) {
        user = QStringLiteral("zed");
    } else if (damage == QLatin1String("vault-missing")) {
        QVERIFY(QFile::remove(vault));
    } else if (damage == QLatin1String("vault-truncated")) {
        QVERIFY(QFile(vault).resize(QFileInfo(vault).size() - 1));
    } else if (damage == QLatin1String("vault-corrupt")) {
        QFile file(vault);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(60));
        file.putChar('#');
    } else if (damage == QLatin1String("db-missing")) {
        QVERIFY(QFile::remove(db));
    } else if (damage == QLatin1String("db-truncated")) {
        QVERIFY(QFile(db).resize(QFileInfo(db).size() / 3));
    } else if (damage == QLatin1String("db-corrupt")) {
        // Flip the byte (writing a fixed one leaves the page intact whenever it already held that value).
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(2000));
        char byte = 0;
        QVERIFY(file.getChar(&byte) && file.seek(2000));
        file.putChar(char(byte ^ 0x5a));
    } else if (damage == QLatin1String("db-foreign")) {
        const QString other = tmp.filePath(QStringLiteral("other"));
        makeWorkstation(other);
        QVERIFY(QFile::remove(db));
        QVERIFY(QFile::copy(Workstation::databasePath(other), db));
    } else if (damage == QLatin1String("too-new")) {
        const UnlockResult unlocked = Workstation::unlock(dir, QStringLiteral("boss"), QStringLiteral("boss-password"));
        QVERIFY(unlocked.ok());
        Session session;
        QVERIFY(Workstation::openSession(unlocked, QStringLiteral("too-new"), &session).ok());
        {
            QSqlQuery query(session.database());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (4242, 'x', 'now', 'x')")));
        }
        Workstation::closeSession(session);
    } else if (damage == QLatin1String("nothing")) {
        target = tmp.filePath(QStringLiteral("void"));
    }

    const auto before = TestFiles::digests(tmp.path());
    const Result r = admin({QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--workstation"), target,
                            QStringLiteral("--user"), user, QStringLiteral("--password-stdin")},
                           password + QLatin1Char('\n'));
    const auto after = TestFiles::digests(tmp.path());
    QVERIFY2(before == after, qPrintable(TestFiles::describeDifference(before, after)));
    QVERIFY2(r.code == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());

    // The same with --json: the error is data on stdout.
    const Result j = admin({QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--json"),
                            QStringLiteral("--workstation"), target, QStringLiteral("--user"), user,
                            QStringLiteral("--password-stdin")},
                           password + QLatin1Char('\n'));
    QCOMPARE(j.code, exitCode);
    const QJsonObject object = QJsonDocument::fromJson(j.out.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("ok")).toBool(true), false);
    QCOMPARE(object.value(QLatin1String("exitCode")).toInt(), exitCode);
    QVERIFY(object.value(QLatin1String("error")).toString().contains(message));
}

void TestAdminCli::rekeyKeepsDataAndLogins()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    makeWorkstation(dir);
    const UnlockResult before = Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("clerk-password"));
    QVERIFY(before.ok());
    {
        Session session;
        QVERIFY(Workstation::openSession(before, QStringLiteral("data"), &session).ok());
        QSqlDatabase db = session.database();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE sample (id INTEGER PRIMARY KEY, name TEXT)")));
        QVERIFY(db.transaction());
        query.prepare(QStringLiteral("INSERT INTO sample (name) VALUES (?)"));
        for (int i = 0; i < 2000; ++i) {
            query.addBindValue(QStringLiteral("湖里区 %1").arg(i));
            QVERIFY(query.exec());
        }
        QVERIFY(db.commit());
        query.finish();
        db = QSqlDatabase();
        Workstation::closeSession(session);
    }
    const QStringList asBoss{QStringLiteral("--workstation"), dir, QStringLiteral("--user"), QStringLiteral("boss"),
                             QStringLiteral("--password-stdin")};
    QCOMPARE(admin(QStringList{QStringLiteral("rekey")} + QStringList{QStringLiteral("--workstation"), dir,
                                                                      QStringLiteral("--user"), QStringLiteral("clerk"),
                                                                      QStringLiteral("--password-stdin")},
                   QStringLiteral("clerk-password\n"))
                 .code,
             7);
    const Result r = admin(QStringList{QStringLiteral("rekey"), QStringLiteral("--json")} + asBoss,
                           QStringLiteral("boss-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("keyGeneration")).toInt(), 2);

    // The old key is dead.
    SqlCipherKeyRing::setKey(Workstation::databasePath(dir), *before.databaseKey);
    QCOMPARE(Database::open(Workstation::databasePath(dir), QStringLiteral("old")).failure,
             Database::OpenFailure::NotDatabase);
    SqlCipherKeyRing::removeKey(Workstation::databasePath(dir));
    // Everybody still logs in; the data is intact.
    QCOMPARE(
        admin(QStringList{QStringLiteral("staff"), QStringLiteral("list")} + asBoss, QStringLiteral("boss-password\n"))
            .code,
        0);
    const UnlockResult after = Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("clerk-password"));
    QVERIFY2(after.ok(), qPrintable(after.status.message));
    QVERIFY(!after.databaseKey->equals(*before.databaseKey));
    Session session;
    QVERIFY(Workstation::openSession(after, QStringLiteral("after"), &session).ok());
    {
        QSqlQuery query(session.database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*), min(name) FROM sample")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2000);
        QCOMPARE(query.value(1).toString(), QStringLiteral("湖里区 0"));
    }
    Workstation::closeSession(session);
}

void TestAdminCli::removeRevokesLogin()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    makeWorkstation(dir);
    const QStringList clerkList{
        QStringLiteral("staff"),  QStringLiteral("list"),  QStringLiteral("--workstation"),   dir,
        QStringLiteral("--user"), QStringLiteral("clerk"), QStringLiteral("--password-stdin")};
    QCOMPARE(admin(clerkList, QStringLiteral("clerk-password\n")).code, 0);
    const QStringList remove{QStringLiteral("staff"),
                             QStringLiteral("remove"),
                             QStringLiteral("clerk"),
                             QStringLiteral("--workstation"),
                             dir,
                             QStringLiteral("--user"),
                             QStringLiteral("boss"),
                             QStringLiteral("--password-stdin")};
    {
        // While another program has the database open (here this one, as the xmcredit window would), the key
        // cannot be rotated: the removal fails as a whole and says so.
        // (Digests first: closing any handle of credit.db in this process would drop its SQLite locks.)
        // Every login and logout moves the vault's audit anchor (the failed command logs in and out too): what must
        // not change is everything else, the slots and their keys.
        auto vaultDigest = [&dir] {
            KeyVault vault;
            if (KeyVault::load(Workstation::vaultPath(dir), &vault) != VaultError::None)
                return QByteArray();
            vault.auditAnchorSeq = 0;
            vault.auditAnchorHash.clear();
            return QCryptographicHash::hash(vault.serialize(), QCryptographicHash::Sha256).toHex();
        };
        const UnlockResult unlocked = Workstation::unlock(dir, QStringLiteral("boss"), QStringLiteral("boss-password"));
        QVERIFY(unlocked.ok());
        Session session;
        QVERIFY(Workstation::openSession(unlocked, QStringLiteral("window"), &session).ok());
        const QByteArray vaultBefore = vaultDigest();
        const Result busy = admin(remove, QStringLiteral("boss-password\n"));
        QCOMPARE(busy.code, 1);
        QVERIFY2(busy.err.contains(QStringLiteral("clerk has not been removed")) &&
                     busy.err.contains(QStringLiteral("Nothing was changed")),
                 qPrintable(busy.err));
        QCOMPARE(vaultDigest(), vaultBefore);
        Workstation::closeSession(session);
        QCOMPARE(admin(clerkList, QStringLiteral("clerk-password\n")).code, 0);
    }
    const Result r = admin(remove, QStringLiteral("boss-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("rotated")));
    const Result denied = admin(clerkList, QStringLiteral("clerk-password\n"));
    QCOMPARE(denied.code, 4);
    QCOMPARE(admin({QStringLiteral("staff"), QStringLiteral("remove"), QStringLiteral("boss"),
                    QStringLiteral("--workstation"), dir, QStringLiteral("--user"), QStringLiteral("boss"),
                    QStringLiteral("--password-stdin")},
                   QStringLiteral("boss-password\n"))
                 .code,
             11);
    QCOMPARE(admin({QStringLiteral("staff"), QStringLiteral("remove"), QStringLiteral("nobody"),
                    QStringLiteral("--workstation"), dir, QStringLiteral("--user"), QStringLiteral("boss"),
                    QStringLiteral("--password-stdin")},
                   QStringLiteral("boss-password\n"))
                 .code,
             10);
}

void TestAdminCli::auditVerify()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    makeWorkstation(dir);
    const QStringList verify{QStringLiteral("audit"),  QStringLiteral("verify"), QStringLiteral("--workstation"),   dir,
                             QStringLiteral("--user"), QStringLiteral("boss"),   QStringLiteral("--password-stdin")};
    Result r = admin(verify, QStringLiteral("boss-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("intact")));
    r = admin({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workstation"), dir,
               QStringLiteral("--user"), QStringLiteral("clerk"), QStringLiteral("--password-stdin")},
              QStringLiteral("clerk-password\n"));
    QCOMPARE(r.code, 7);
    QVERIFY2(r.err.contains(QStringLiteral("not allowed to read the audit trail")), qPrintable(r.err));
    // The help names the exit code a broken chain really gives.
    r = admin({QStringLiteral("audit"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("13 when it is broken")) && !r.out.contains(QStringLiteral("5 (file")),
             qPrintable(r.out));

    // Tamper with entry 2 through the raw driver, as someone with the key would.
    const UnlockResult unlocked = Workstation::unlock(dir, QStringLiteral("boss"), QStringLiteral("boss-password"));
    QVERIFY(unlocked.ok());
    Session session;
    QVERIFY(Workstation::openSession(unlocked, QStringLiteral("tamper"), &session).ok());
    {
        QSqlDatabase db = session.database();
        auto* driver = qobject_cast<SqlCipherDriver*>(db.driver());
        QVERIFY(driver);
        QVERIFY(driver->executeScript(QStringLiteral("DROP TRIGGER audit_log_no_update; "
                                                     "UPDATE audit_log SET actor = 'nobody' WHERE seq = 2;")));
    }
    Workstation::closeSession(session);
    r = admin(verify, QStringLiteral("boss-password\n"));
    QCOMPARE(r.code, 13); // ExitCode::AuditBroken
    QVERIFY2(r.err.contains(QStringLiteral("entry 2 ")), qPrintable(r.err));
    r = admin(QStringList(verify) << QStringLiteral("--json"), QStringLiteral("boss-password\n"));
    QCOMPARE(r.code, 13); // ExitCode::AuditBroken
    const QJsonObject object = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("ok")).toBool(true), false);
    QCOMPARE(object.value(QLatin1String("firstBrokenSeq")).toInt(), 2);
}

void TestAdminCli::throttled()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    makeWorkstation(dir);
    const QStringList list{QStringLiteral("staff"),  QStringLiteral("list"),  QStringLiteral("--workstation"),   dir,
                           QStringLiteral("--user"), QStringLiteral("clerk"), QStringLiteral("--password-stdin")};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(admin(list, QStringLiteral("guess-%1\n").arg(i)).code, 4);
    const auto before = TestFiles::digests(dir);
    const Result r = admin(list, QStringLiteral("clerk-password\n"));
    QCOMPARE(r.code, 12);
    QVERIFY2(r.err.contains(QStringLiteral("Too many failed logins")), qPrintable(r.err));
    QVERIFY(before == TestFiles::digests(dir));
}

void TestAdminCli::demoWorkstation()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("demo"));
    Result r = admin({QStringLiteral("demo-init"), QStringLiteral("--workstation"), dir});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("admin-demo")));
    QCOMPARE(admin({QStringLiteral("demo-init"), QStringLiteral("--workstation"), dir}).code, 9);
    r = admin({QStringLiteral("demo-logins"), QStringLiteral("--workstation"), dir, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray logins = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("logins")).toArray();
    QCOMPARE(logins.size(), 5);
    QSet<QString> roles;
    for (const QJsonValue& value : logins) {
        const QJsonObject login = value.toObject();
        roles.insert(login.value(QLatin1String("role")).toString());
        const UnlockResult unlocked = Workstation::unlock(dir, login.value(QLatin1String("username")).toString(),
                                                          login.value(QLatin1String("password")).toString());
        QVERIFY2(unlocked.ok(), qPrintable(unlocked.status.message));
        QCOMPARE(Roles::name(unlocked.role), login.value(QLatin1String("role")).toString());
    }
    QCOMPARE(roles.size(), 5);

    const QString real = tmp.filePath(QStringLiteral("real"));
    makeWorkstation(real);
    r = admin({QStringLiteral("demo-logins"), QStringLiteral("--workstation"), real});
    QCOMPARE(r.code, 11);
    QVERIFY(!r.out.contains(QStringLiteral("password")));
}

void TestAdminCli::defaultDirectory()
{
    // Without --workstation the user's data directory is used (XDG_DATA_HOME points into a temporary dir here).
    const Result r = admin({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("boss"),
                            QStringLiteral("--password-stdin"), QStringLiteral("--json")},
                           QStringLiteral("boss-password\n"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString dir = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("dir")).toString();
    QVERIFY2(dir.startsWith(m_home.path()), qPrintable(dir));
    QVERIFY(QFile::exists(Workstation::vaultPath(dir)));
}

QTEST_GUILESS_MAIN(TestAdminCli)
#include "TestAdminCli.moc"
