#include "TestDatabase.h"

#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/KeyVault.h"
#include "storage/LoginThrottle.h"
#include "storage/Workstation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent>
#include <QtTest>

// Workstations end to end in-process: create, unlock (also from a worker thread), sessions, every kind of damaged
// or foreign file (each with its own error, leaving every file byte-for-byte unchanged), staff changes, rekeying
// with data, crash recovery of a rekey, and the login throttle.
class TestWorkstation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void createAndLogIn();
    void unlockInWorkerThread();
    void createRefusesExistingAndBadInput();
    void failuresLeaveFilesUnchanged_data();
    void failuresLeaveFilesUnchanged();
    void damagedPageFailsLoginCleanly();
    void schemaTooNewRefused();
    void rekeyKeepsDataAndLogins();
    void rekeyInterruptedBeforeDatabaseRewrite();
    void removeRevokesLogin();
    void removeWithoutRekeyStillRevokes();
    void removeWithRekeyWhileDatabaseInUseChangesNothing();
    void staffRulesEnforcedInModels();
    void auditVerifyNeedsReadAudit();
    void changePassword();
    void changePasswordCommitFailureRestoresVault();
    void throttleSlowsRepeatedFailures();
    void failedLoginsReachTheAuditTrail();

private:
    static constexpr const char* AdminPassword = "admin-password";
    static constexpr const char* ClerkPassword = "clerk-password";
    // Creates a workstation with admin and clerk in dir.
    static bool makeWorkstation(const QString& dir);
    static bool logIn(const QString& dir, const QString& user, const QString& password, Session* session,
                      const QString& connection = QStringLiteral("test-session"));
    QTemporaryDir m_state;
};

void TestWorkstation::initTestCase()
{
    qputenv("XMCREDIT_KDF_FAST", "1");
    qputenv("XMCREDIT_STATE_DIR", m_state.path().toUtf8());
}

void TestWorkstation::init()
{
    QDir(m_state.path()).removeRecursively();
    QDir().mkpath(m_state.path());
}

bool TestWorkstation::makeWorkstation(const QString& dir)
{
    WorkstationStatus status = Workstation::create(dir, QStringLiteral("Window 3"), QStringLiteral("admin"),
                                                   QStringLiteral("陈管理"), QLatin1String(AdminPassword));
    if (!status.ok()) {
        qWarning() << status.message;
        return false;
    }
    Session session;
    if (!logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &session))
        return false;
    status = Workstation::addStaff(session, QStringLiteral("clerk"), QStringLiteral("林窗口"), Role::Clerk,
                                   QLatin1String(ClerkPassword));
    Workstation::closeSession(session);
    if (!status.ok())
        qWarning() << status.message;
    return status.ok();
}

bool TestWorkstation::logIn(const QString& dir, const QString& user, const QString& password, Session* session,
                            const QString& connection)
{
    const UnlockResult unlocked = Workstation::unlock(dir, user, password);
    if (!unlocked.ok()) {
        qWarning() << unlocked.status.message;
        return false;
    }
    const WorkstationStatus status = Workstation::openSession(unlocked, connection, session);
    if (!status.ok())
        qWarning() << status.message;
    return status.ok();
}

void TestWorkstation::createAndLogIn()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("ws"));
    QVERIFY(makeWorkstation(dir));
    QVERIFY(QFile::exists(Workstation::metadataPath(dir)));
    QVERIFY(QFile::exists(Workstation::vaultPath(dir)));
    QFile db(Workstation::databasePath(dir));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.read(16).startsWith("SQLite format 3"));
    WorkstationInfo info;
    QVERIFY(Workstation::readInfo(dir, &info).ok());
    QCOMPARE(info.name, QStringLiteral("Window 3"));
    QVERIFY(!info.demo);

    const UnlockResult unlocked = Workstation::unlock(dir, QStringLiteral(" Admin "), QLatin1String(AdminPassword));
    QVERIFY2(unlocked.ok(), qPrintable(unlocked.status.message));
    QCOMPARE(unlocked.username, QStringLiteral("admin"));
    QCOMPARE(unlocked.displayName, QStringLiteral("陈管理"));
    QCOMPARE(unlocked.role, Role::Administrator);
    QCOMPARE(unlocked.workstationId, info.id);
    QVERIFY(unlocked.databaseKey && unlocked.databaseKey->size() == 32);

    Session session;
    QVERIFY(Workstation::openSession(unlocked, QStringLiteral("s1"), &session).ok());
    QCOMPARE(session.workstationName, QStringLiteral("Window 3"));
    QCOMPARE(session.role, Role::Administrator);
    QVERIFY(session.can(Permission::ManageStaff));
    QVERIFY(!session.can(Permission::QuerySubject));
    QSqlDatabase sdb = session.database();
    QVERIFY(sdb.isOpen());
    QCOMPARE(Database::metaValue(sdb, QStringLiteral("workstation_id")), info.id);
    QList<StaffMember> staff;
    WorkstationStatus status;
    QVERIFY2(Workstation::listStaff(session, &staff, &status), qPrintable(status.message));
    QCOMPARE(staff.size(), 2);
    QCOMPARE(staff[1].username, QStringLiteral("clerk"));
    QCOMPARE(staff[1].role, Role::Clerk);
    QVERIFY(staff[1].hasSlot && staff[1].active);
    QCOMPARE(staff[1].createdBy, QStringLiteral("admin"));
    // Creation, staff changes, logins and logouts are all in an intact audit chain.
    const AuditVerifyResult audit = AuditLog::verify(sdb);
    QVERIFY2(audit.ok, qPrintable(audit.message));
    QSqlQuery actions(sdb);
    QVERIFY(actions.exec(QStringLiteral("SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log "
                                        "ORDER BY seq)")));
    QVERIFY(actions.next());
    QCOMPARE(actions.value(0).toString(),
             QStringLiteral("workstation.create staff.add session.login staff.add session.logout session.login "
                            "staff.list"));
    sdb = QSqlDatabase();
    Workstation::closeSession(session);
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("s1")));
    QVERIFY(!SqlCipherKeyRing::hasKey(Workstation::databasePath(dir)));
}

void TestWorkstation::unlockInWorkerThread()
{
    QTemporaryDir tmp;
    QVERIFY(makeWorkstation(tmp.path()));
    const QString dir = tmp.path();
    QFuture<UnlockResult> good = QtConcurrent::run(
        [dir] { return Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword)); });
    QFuture<UnlockResult> bad = QtConcurrent::run(
        [dir] { return Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("nope1234")); });
    const UnlockResult unlocked = good.result();
    QVERIFY2(unlocked.ok(), qPrintable(unlocked.status.message));
    QCOMPARE(bad.result().status.error, WorkstationError::WrongPassword);
    // The key crosses threads; the connection is opened in this one.
    Session session;
    QVERIFY(Workstation::openSession(unlocked, QStringLiteral("gui"), &session).ok());
    QCOMPARE(session.role, Role::Clerk);
    QVERIFY(session.can(Permission::QuerySubject));
    Workstation::closeSession(session);
}

void TestWorkstation::createRefusesExistingAndBadInput()
{
    QTemporaryDir tmp;
    QVERIFY(makeWorkstation(tmp.path()));
    const auto before = TestFiles::digests(tmp.path());
    QCOMPARE(Workstation::create(tmp.path(), QStringLiteral("x"), QStringLiteral("admin2"), QStringLiteral("x"),
                                 QStringLiteral("password-2"))
                 .error,
             WorkstationError::Exists);
    QVERIFY(before == TestFiles::digests(tmp.path()));

    QTemporaryDir empty;
    const QString dir = empty.filePath(QStringLiteral("new"));
    QCOMPARE(Workstation::create(dir, QStringLiteral("x"), QStringLiteral("Bad Name!"), QStringLiteral("x"),
                                 QStringLiteral("password-2"))
                 .error,
             WorkstationError::InvalidInput);
    QCOMPARE(Workstation::create(dir, QStringLiteral("x"), QStringLiteral("admin"), QStringLiteral("x"),
                                 QStringLiteral("short"))
                 .error,
             WorkstationError::InvalidInput);
    QVERIFY(!QFileInfo::exists(dir));
}

enum class Damage {
    WrongPassword,
    UnknownUser,
    MetadataMissing,
    VaultMissing,
    VaultTruncated,
    VaultCorrupt,
    VaultFromOtherWorkstation,
    DatabaseMissing,
    DatabaseEmpty,
    DatabaseTruncated,
    DatabaseTruncatedAtPage,
    DatabaseCorruptFirstPage,
    DatabaseCorruptLastPage,
    DatabaseFromOtherWorkstation,
    NotADirectory,
};

void TestWorkstation::failuresLeaveFilesUnchanged_data()
{
    QTest::addColumn<Damage>("damage");
    QTest::addColumn<WorkstationError>("expected");
    QTest::newRow("wrong password") << Damage::WrongPassword << WorkstationError::WrongPassword;
    QTest::newRow("unknown user") << Damage::UnknownUser << WorkstationError::UnknownUser;
    QTest::newRow("metadata missing") << Damage::MetadataMissing << WorkstationError::MetadataDamaged;
    QTest::newRow("vault missing") << Damage::VaultMissing << WorkstationError::VaultMissing;
    QTest::newRow("vault truncated") << Damage::VaultTruncated << WorkstationError::VaultTruncated;
    QTest::newRow("vault corrupt") << Damage::VaultCorrupt << WorkstationError::VaultCorrupt;
    QTest::newRow("vault of another workstation")
        << Damage::VaultFromOtherWorkstation << WorkstationError::WrongWorkstation;
    QTest::newRow("database missing") << Damage::DatabaseMissing << WorkstationError::DatabaseMissing;
    QTest::newRow("database empty") << Damage::DatabaseEmpty << WorkstationError::DatabaseTruncated;
    QTest::newRow("database truncated") << Damage::DatabaseTruncated << WorkstationError::DatabaseTruncated;
    QTest::newRow("database truncated at a page")
        << Damage::DatabaseTruncatedAtPage << WorkstationError::DatabaseTruncated;
    QTest::newRow("database corrupt (first page)")
        << Damage::DatabaseCorruptFirstPage << WorkstationError::DatabaseCorrupt;
    QTest::newRow("database corrupt (last page)")
        << Damage::DatabaseCorruptLastPage << WorkstationError::DatabaseCorrupt;
    QTest::newRow("database of another workstation")
        << Damage::DatabaseFromOtherWorkstation << WorkstationError::WrongWorkstation;
    QTest::newRow("no workstation") << Damage::NotADirectory << WorkstationError::NoWorkstation;
}

static void flipByte(const QString& path, qint64 offset)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(offset));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(offset));
    QVERIFY(file.putChar(char(byte ^ 0x5a)));
}

static void truncateTo(const QString& path, qint64 size)
{
    QFile file(path);
    QVERIFY(file.resize(size));
}

void TestWorkstation::failuresLeaveFilesUnchanged()
{
    QFETCH(Damage, damage);
    QFETCH(WorkstationError, expected);
    QTemporaryDir tmp;
    QTemporaryDir otherTmp;
    const QString dir = tmp.filePath(QStringLiteral("ws"));
    QVERIFY(makeWorkstation(dir));
    const QString dbPath = Workstation::databasePath(dir);
    const QString vault = Workstation::vaultPath(dir);
    const qint64 dbSize = QFileInfo(dbPath).size();
    QVERIFY(dbSize > 4 * 4096);
    QString user = QStringLiteral("clerk");
    QString password = QLatin1String(ClerkPassword);
    QString openDir = dir;

    switch (damage) {
    case Damage::WrongPassword:
        password = QStringLiteral("clerk-passwore");
        break;
    case Damage::UnknownUser:
        user = QStringLiteral("nobody");
        break;
    case Damage::MetadataMissing:
        QVERIFY(QFile::remove(Workstation::metadataPath(dir)));
        break;
    case Damage::VaultMissing:
        QVERIFY(QFile::remove(vault));
        break;
    case Damage::VaultTruncated:
        truncateTo(vault, QFileInfo(vault).size() - 40);
        break;
    case Damage::VaultCorrupt:
        flipByte(vault, QFileInfo(vault).size() / 2);
        break;
    case Damage::VaultFromOtherWorkstation:
    case Damage::DatabaseFromOtherWorkstation: {
        QVERIFY(makeWorkstation(otherTmp.path()));
        const QString file = damage == Damage::VaultFromOtherWorkstation ? vault : dbPath;
        const QString other = damage == Damage::VaultFromOtherWorkstation ? Workstation::vaultPath(otherTmp.path())
                                                                          : Workstation::databasePath(otherTmp.path());
        QVERIFY(QFile::remove(file));
        QVERIFY(QFile::copy(other, file));
        break;
    }
    case Damage::DatabaseMissing:
        QVERIFY(QFile::remove(dbPath));
        break;
    case Damage::DatabaseEmpty:
        truncateTo(dbPath, 0);
        break;
    case Damage::DatabaseTruncated:
        truncateTo(dbPath, dbSize / 2 + 123);
        break;
    case Damage::DatabaseTruncatedAtPage:
        truncateTo(dbPath, dbSize - 2 * 4096);
        break;
    case Damage::DatabaseCorruptFirstPage:
        flipByte(dbPath, 100);
        break;
    case Damage::DatabaseCorruptLastPage:
        flipByte(dbPath, dbSize - 1000);
        break;
    case Damage::NotADirectory:
        openDir = tmp.filePath(QStringLiteral("elsewhere"));
        break;
    }

    const auto before = TestFiles::digests(tmp.path());
    const UnlockResult result = Workstation::unlock(openDir, user, password);
    const auto after = TestFiles::digests(tmp.path());
    QVERIFY2(before == after, qPrintable(TestFiles::describeDifference(before, after)));
    QVERIFY(!result.ok());
    QVERIFY(!result.databaseKey);
    QVERIFY(!result.status.message.isEmpty());
    qInfo("%s", qPrintable(result.status.message));
    QCOMPARE(result.status.error, expected);
    QVERIFY(!SqlCipherKeyRing::hasKey(dbPath));
    QVERIFY2(QSqlDatabase::connectionNames().isEmpty(),
             qPrintable(QSqlDatabase::connectionNames().join(QLatin1Char(','))));
}

static bool copyWorkstation(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString& name :
         {QStringLiteral("workstation.json"), QStringLiteral("vault.xmv"), QStringLiteral("credit.db")}) {
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

void TestWorkstation::damagedPageFailsLoginCleanly()
{
    // A damaged page anywhere in the database: the login (unlock, then openSession, which writes "session.login")
    // fails with DatabaseCorrupt wherever the damage is met, changes no file, leaves no connection or key behind and
    // makes Qt warn about nothing (no connection removed while still in use).
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    QTemporaryDir tmp;
    const QString master = tmp.filePath(QStringLiteral("master"));
    QVERIFY(makeWorkstation(master));
    {
        // Some data, so that the audit trail spans several pages.
        Session admin;
        QVERIFY(logIn(master, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
        QList<StaffMember> staff;
        for (int i = 0; i < 150; ++i)
            QVERIFY(Workstation::listStaff(admin, &staff, nullptr));
        Workstation::closeSession(admin);
    }
    const qint64 pages = QFileInfo(Workstation::databasePath(master)).size() / SqlCipherDriver::CipherPageSize;
    QVERIFY(pages > 8);
    int failedInOpenSession = 0;
    int failedInUnlock = 0;
    for (qint64 page = 2; page <= pages; ++page) {
        const QString dir = tmp.filePath(QStringLiteral("page-%1").arg(page));
        QVERIFY(copyWorkstation(master, dir));
        const QString dbPath = Workstation::databasePath(dir);
        for (int offset : {100, 1000, 2000, 3000})
            flipByte(dbPath, (page - 1) * SqlCipherDriver::CipherPageSize + offset);
        const auto before = TestFiles::digests(dir);
        const UnlockResult unlocked = Workstation::unlock(dir, QStringLiteral("admin"), QLatin1String(AdminPassword));
        WorkstationStatus status = unlocked.status;
        Session session;
        if (unlocked.ok()) {
            status = Workstation::openSession(unlocked, QStringLiteral("damaged"), &session);
            if (status.ok()) {
                Workstation::closeSession(session);
                continue; // a page the login does not read
            }
            ++failedInOpenSession;
        } else {
            ++failedInUnlock;
        }
        const QString where = QStringLiteral("page %1: %2").arg(page).arg(status.message);
        QVERIFY2(status.error == WorkstationError::DatabaseCorrupt, qPrintable(where));
        QVERIFY2(status.message.contains(QStringLiteral("credit.db")), qPrintable(where));
        const auto after = TestFiles::digests(dir);
        QVERIFY2(before == after, qPrintable(where + QLatin1Char(' ') + TestFiles::describeDifference(before, after)));
        QVERIFY(!session.isValid());
        QVERIFY2(QSqlDatabase::connectionNames().isEmpty(),
                 qPrintable(QSqlDatabase::connectionNames().join(QLatin1Char(','))));
        QVERIFY(!SqlCipherKeyRing::hasKey(dbPath));
    }
    qInfo("%lld pages: the login failed in unlock on %d, in openSession on %d", pages, failedInUnlock,
          failedInOpenSession);
    QVERIFY(failedInOpenSession > 0);
}

void TestWorkstation::schemaTooNewRefused()
{
    QTemporaryDir tmp;
    QVERIFY(makeWorkstation(tmp.path()));
    Session session;
    QVERIFY(logIn(tmp.path(), QStringLiteral("admin"), QLatin1String(AdminPassword), &session));
    {
        QSqlQuery query(session.database());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (9000, 'future', 'now', 'x')")));
    }
    Workstation::closeSession(session);
    const auto before = TestFiles::digests(tmp.path());
    const UnlockResult result = Workstation::unlock(tmp.path(), QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QCOMPARE(result.status.error, WorkstationError::SchemaTooNew);
    QVERIFY(result.status.message.contains(QStringLiteral("9000")));
    QVERIFY(before == TestFiles::digests(tmp.path()));
}

void TestWorkstation::rekeyKeepsDataAndLogins()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    QVERIFY(Workstation::addStaff(admin, QStringLiteral("auditor"), QStringLiteral("王审计"), Role::Auditor,
                                  QStringLiteral("auditor-password"))
                .ok());
    {
        QSqlQuery query(admin.database());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE sample (id INTEGER PRIMARY KEY, name TEXT)")));
        QVERIFY(admin.database().transaction());
        query.prepare(QStringLiteral("INSERT INTO sample (name) VALUES (?)"));
        for (int i = 0; i < 5000; ++i) {
            query.addBindValue(QStringLiteral("厦门市思明区 %1").arg(i));
            QVERIFY(query.exec());
        }
        QVERIFY(admin.database().commit());
    }
    const UnlockResult old = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QVERIFY(old.ok());
    auto fileSalt = [&dir] {
        QFile file(Workstation::databasePath(dir));
        return file.open(QIODevice::ReadOnly) ? file.read(16) : QByteArray();
    };
    const QByteArray saltBefore = fileSalt();
    QElapsedTimer timer;
    timer.start();
    const WorkstationStatus status = Workstation::rekey(admin);
    QVERIFY2(status.ok(), qPrintable(status.message));
    qInfo("rekey of a %lld-byte database: %lld ms", QFileInfo(Workstation::databasePath(dir)).size(), timer.elapsed());
    Workstation::closeSession(admin);
    // The vault keeps the salt it recorded (it tells "another workstation" from "damaged"): rekey must not move it.
    QCOMPARE(fileSalt(), saltBefore);

    // The old key no longer opens the file.
    SqlCipherKeyRing::setKey(Workstation::databasePath(dir), *old.databaseKey);
    const Database::OpenResult withOld = Database::open(Workstation::databasePath(dir), QStringLiteral("old"));
    QCOMPARE(withOld.failure, Database::OpenFailure::NotDatabase);
    SqlCipherKeyRing::removeKey(Workstation::databasePath(dir));

    // Everybody logs in with their unchanged password and gets the new key; the data is all there.
    for (const auto& [user, password] : {std::pair{"admin", AdminPassword}, std::pair{"clerk", ClerkPassword},
                                         std::pair{"auditor", "auditor-password"}}) {
        const UnlockResult unlocked = Workstation::unlock(dir, QLatin1String(user), QLatin1String(password));
        QVERIFY2(unlocked.ok(), qPrintable(unlocked.status.message));
        QVERIFY(!unlocked.databaseKey->equals(*old.databaseKey));
    }
    Session auditor;
    QVERIFY(logIn(dir, QStringLiteral("auditor"), QStringLiteral("auditor-password"), &auditor));
    {
        QSqlQuery count(auditor.database());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*), max(name) FROM sample")) && count.next());
        QCOMPARE(count.value(0).toInt(), 5000);
        QCOMPARE(count.value(1).toString(), QStringLiteral("厦门市思明区 999"));
    }
    QSqlDatabase db = auditor.database();
    const AuditVerifyResult audit = AuditLog::verify(db);
    QVERIFY2(audit.ok, qPrintable(audit.message));
    QSqlQuery rekeyed(db);
    QVERIFY(rekeyed.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'workstation.rekey'")));
    QVERIFY(rekeyed.next());
    QCOMPARE(rekeyed.value(0).toInt(), 1);
    rekeyed.finish();
    db = QSqlDatabase();
    Workstation::closeSession(auditor);

    KeyVault vault;
    QCOMPARE(KeyVault::load(Workstation::vaultPath(dir), &vault), VaultError::None);
    QCOMPARE(vault.keyGeneration, 2);
    for (const VaultSlot& slot : vault.keySlots)
        QVERIFY(slot.sealedPreviousKey.isEmpty());
}

void TestWorkstation::rekeyInterruptedBeforeDatabaseRewrite()
{
    // A crash after the vault got the new key but before PRAGMA rekey ran: the database still has the old key,
    // which the vault keeps as the previous key. Logging in must still work.
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    const UnlockResult before = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QVERIFY(before.ok());
    KeyVault vault;
    QCOMPARE(KeyVault::load(Workstation::vaultPath(dir), &vault), VaultError::None);
    const SecureBytes unused = SecureBytes::random(32);
    for (VaultSlot& slot : vault.keySlots) {
        slot.sealedPreviousKey = slot.sealedKey;
        QVERIFY(KeyVault::sealKey(slot, unused, &slot.sealedKey));
    }
    QVERIFY(vault.save(Workstation::vaultPath(dir)));

    const UnlockResult after = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QVERIFY2(after.ok(), qPrintable(after.status.message));
    QVERIFY(after.databaseKey->equals(*before.databaseKey));

    // The next rekey finishes the job.
    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    QVERIFY(Workstation::rekey(admin).ok());
    Workstation::closeSession(admin);
    QVERIFY(Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword)).ok());
}

void TestWorkstation::removeRevokesLogin()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("ws"));
    QVERIFY(makeWorkstation(dir));
    QVERIFY(Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword)).ok());
    QTemporaryDir copies;
    QVERIFY(QFile::copy(Workstation::vaultPath(dir), copies.filePath(QStringLiteral("old-vault"))));

    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    const WorkstationStatus removed = Workstation::removeStaff(admin, QStringLiteral("clerk"), true);
    QVERIFY2(removed.ok(), qPrintable(removed.message));
    QList<StaffMember> staff;
    QVERIFY(Workstation::listStaff(admin, &staff, nullptr));
    QCOMPARE(staff[1].username, QStringLiteral("clerk"));
    QVERIFY(!staff[1].active && !staff[1].hasSlot);
    QCOMPARE(staff[1].deactivatedBy, QStringLiteral("admin"));
    QVERIFY(staff[1].deactivatedAt.isValid());
    // The name is never reused.
    QCOMPARE(Workstation::addStaff(admin, QStringLiteral("clerk"), QStringLiteral("x"), Role::Clerk,
                                   QStringLiteral("password-9"))
                 .error,
             WorkstationError::Exists);
    Workstation::closeSession(admin);

    QCOMPARE(Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword)).status.error,
             WorkstationError::UnknownUser);
    // A copy of the old vault kept by the removed clerk holds only the old key, which the rotation made useless.
    QVERIFY(QFile::remove(Workstation::vaultPath(dir)));
    QVERIFY(QFile::copy(copies.filePath(QStringLiteral("old-vault")), Workstation::vaultPath(dir)));
    const UnlockResult withOldVault = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QVERIFY(!withOldVault.ok());
    QVERIFY(withOldVault.status.error == WorkstationError::DatabaseCorrupt ||
            withOldVault.status.error == WorkstationError::WrongWorkstation);
}

void TestWorkstation::removeWithoutRekeyStillRevokes()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    QTemporaryDir copies;
    QVERIFY(QFile::copy(Workstation::vaultPath(dir), copies.filePath(QStringLiteral("old-vault"))));
    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    QVERIFY(Workstation::removeStaff(admin, QStringLiteral("clerk"), false).ok());
    Workstation::closeSession(admin);
    // Even with the old slot put back, the deactivated staff row refuses the login.
    QVERIFY(QFile::remove(Workstation::vaultPath(dir)));
    QVERIFY(QFile::copy(copies.filePath(QStringLiteral("old-vault")), Workstation::vaultPath(dir)));
    const auto before = TestFiles::digests(dir);
    const UnlockResult result = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QCOMPARE(result.status.error, WorkstationError::AccountDisabled);
    QVERIFY(before == TestFiles::digests(dir));
}

void TestWorkstation::removeWithRekeyWhileDatabaseInUseChangesNothing()
{
    // The rotation needs the database to itself. While another connection holds it (the xmcredit window, say), a
    // removal with rotation must fail as a whole: the person stays, the key stays, and the message says so.
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    // A second connection to the file that has read from it (in another process it would be the same).
    {
        QSqlDatabase other = QSqlDatabase::cloneDatabase(admin.connectionName, QStringLiteral("other"));
        QVERIFY(other.open());
        QSqlQuery read(other);
        QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM staff")) && read.next());
    }
    QList<StaffMember> staff;
    const QByteArray vaultBefore = TestFiles::digests(dir).value(QStringLiteral("vault.xmv"));
    QVERIFY(!vaultBefore.isEmpty());

    const WorkstationStatus refused = Workstation::removeStaff(admin, QStringLiteral("clerk"), true);
    QVERIFY(!refused.ok());
    qInfo("%s", qPrintable(refused.message));
    QVERIFY2(refused.message.contains(QStringLiteral("clerk")) &&
                 refused.message.contains(QStringLiteral("Nothing was changed")),
             qPrintable(refused.message));
    QCOMPARE(TestFiles::digests(dir).value(QStringLiteral("vault.xmv")), vaultBefore);
    QVERIFY(Workstation::listStaff(admin, &staff, nullptr));
    QCOMPARE(staff[1].username, QStringLiteral("clerk"));
    QVERIFY(staff[1].active && staff[1].hasSlot);
    {
        QSqlQuery removed(admin.database());
        QVERIFY(removed.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN ('staff.remove', "
                                            "'workstation.rekey')")));
        QVERIFY(removed.next());
        QCOMPARE(removed.value(0).toInt(), 0);
    }
    const UnlockResult stillIn = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QVERIFY2(stillIn.ok(), qPrintable(stillIn.status.message));

    // Once the other connection is gone, the same command does both.
    Database::close(QStringLiteral("other"));
    const WorkstationStatus removed = Workstation::removeStaff(admin, QStringLiteral("clerk"), true);
    QVERIFY2(removed.ok(), qPrintable(removed.message));
    QVERIFY(Workstation::listStaff(admin, &staff, nullptr));
    QVERIFY(!staff[1].active && !staff[1].hasSlot);
    Workstation::closeSession(admin);
    QCOMPARE(Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword)).status.error,
             WorkstationError::UnknownUser);
    const UnlockResult adminAgain = Workstation::unlock(dir, QStringLiteral("admin"), QLatin1String(AdminPassword));
    QVERIFY2(adminAgain.ok(), qPrintable(adminAgain.status.message));
    QVERIFY(!adminAgain.databaseKey->equals(*stillIn.databaseKey));
    KeyVault vault;
    QCOMPARE(KeyVault::load(Workstation::vaultPath(dir), &vault), VaultError::None);
    QCOMPARE(vault.keyGeneration, 2);
    QCOMPARE(vault.keySlots.size(), 1);
    QVERIFY(vault.keySlots[0].sealedPreviousKey.isEmpty());
}

void TestWorkstation::staffRulesEnforcedInModels()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    Session clerk;
    QVERIFY(logIn(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword), &clerk));
    QCOMPARE(Workstation::addStaff(clerk, QStringLiteral("friend"), QStringLiteral("x"), Role::Administrator,
                                   QStringLiteral("password-1"))
                 .error,
             WorkstationError::Denied);
    QCOMPARE(Workstation::removeStaff(clerk, QStringLiteral("admin"), false).error, WorkstationError::Denied);
    QCOMPARE(Workstation::rekey(clerk).error, WorkstationError::Denied);
    QCOMPARE(Workstation::changePassword(clerk, QStringLiteral("admin"), QStringLiteral("password-1")).error,
             WorkstationError::Denied);
    {
        QSqlQuery denied(clerk.database());
        QVERIFY(denied.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND "
                                           "actor = 'clerk'")));
        QVERIFY(denied.next());
        QCOMPARE(denied.value(0).toInt(), 4);
    }
    Workstation::closeSession(clerk);

    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    QCOMPARE(Workstation::removeStaff(admin, QStringLiteral("admin"), false).error, WorkstationError::Rejected);
    QCOMPARE(Workstation::removeStaff(admin, QStringLiteral("ghost"), false).error, WorkstationError::NotFound);
    QCOMPARE(Workstation::addStaff(admin, QStringLiteral("9lives"), QStringLiteral("x"), Role::Clerk,
                                   QStringLiteral("password-1"))
                 .error,
             WorkstationError::InvalidInput);
    QCOMPARE(Workstation::addStaff(admin, QStringLiteral("weak"), QStringLiteral("x"), Role::Clerk,
                                   QStringLiteral("1234567"))
                 .error,
             WorkstationError::InvalidInput);
    QVERIFY(Workstation::addStaff(admin, QStringLiteral("admin2"), QStringLiteral("x"), Role::Administrator,
                                  QStringLiteral("password-2"))
                .ok());
    Workstation::closeSession(admin);
    // With two administrators, one may remove the other, but not the last one left.
    Session admin2;
    QVERIFY(logIn(dir, QStringLiteral("admin2"), QStringLiteral("password-2"), &admin2));
    QVERIFY(Workstation::removeStaff(admin2, QStringLiteral("admin"), false).ok());
    Workstation::closeSession(admin2);
}

void TestWorkstation::auditVerifyNeedsReadAudit()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    Session clerk;
    QVERIFY(logIn(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword), &clerk));
    AuditVerifyResult result;
    result.entries = -42;
    WorkstationStatus status;
    QVERIFY(!Workstation::verifyAudit(clerk, &result, &status));
    QCOMPARE(status.error, WorkstationError::Denied);
    QVERIFY2(status.message.contains(QStringLiteral("audit trail")), qPrintable(status.message));
    QCOMPARE(result.entries, qint64(-42));
    {
        QSqlQuery denied(clerk.database());
        QVERIFY(denied.exec(QStringLiteral("SELECT object_id FROM audit_log WHERE action = 'access.denied' AND "
                                           "actor = 'clerk'")));
        QVERIFY(denied.next());
        QCOMPARE(denied.value(0).toString(), Roles::permissionName(Permission::ReadAudit));
        QVERIFY(!denied.next());
    }
    Workstation::closeSession(clerk);

    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    QVERIFY(Workstation::verifyAudit(admin, &result, &status));
    QVERIFY(status.ok());
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(result.entries > 5);
    Workstation::closeSession(admin);
    QVERIFY(!Workstation::verifyAudit(Session(), &result, &status));
    QCOMPARE(status.error, WorkstationError::Denied);
}

void TestWorkstation::changePassword()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    Session clerk;
    QVERIFY(logIn(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword), &clerk));
    QVERIFY(Workstation::changePassword(clerk, QStringLiteral("clerk"), QStringLiteral("new-clerk-pw")).ok());
    Workstation::closeSession(clerk);
    QCOMPARE(Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword)).status.error,
             WorkstationError::WrongPassword);
    QVERIFY(Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("new-clerk-pw")).ok());

    Session admin;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &admin));
    QVERIFY(Workstation::changePassword(admin, QStringLiteral("clerk"), QStringLiteral("reset-by-admin")).ok());
    Workstation::closeSession(admin);
    QVERIFY(Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("reset-by-admin")).ok());
    QVERIFY(Workstation::unlock(dir, QStringLiteral("admin"), QLatin1String(AdminPassword)).ok());
}

void TestWorkstation::changePasswordCommitFailureRestoresVault()
{
    // The vault is written before the COMMIT: when the COMMIT fails, the old slot must be put back, or the new
    // password would work although the change was rolled back (and its audit entry lost).
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    QVERIFY(makeWorkstation(dir));
    Session clerk;
    QVERIFY(logIn(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword), &clerk));
    {
        // Without the write-ahead log a reader in a transaction makes a writer's COMMIT fail ("database is
        // locked"); the short busy timeout makes it fail at once.
        QSqlQuery pragma(clerk.database());
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && pragma.next());
        QCOMPARE(pragma.value(0).toString(), QStringLiteral("delete"));
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA busy_timeout = 50")));
    }
    {
        QSqlDatabase reader = QSqlDatabase::cloneDatabase(clerk.connectionName, QStringLiteral("reader"));
        // (Read-only: a connection opened for writing would switch the write-ahead log back on.)
        reader.setConnectOptions(QStringLiteral("QSQLCIPHER_OPEN_READONLY"));
        QVERIFY(reader.open());
        QSqlQuery read(reader);
        QVERIFY(read.exec(QStringLiteral("BEGIN")));
        QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM staff")) && read.next());
    }
    const auto before = TestFiles::digests(dir);
    const WorkstationStatus status =
        Workstation::changePassword(clerk, QStringLiteral("clerk"), QStringLiteral("new-clerk-pw"));
    QVERIFY(!status.ok());
    qInfo("%s", qPrintable(status.message));
    Database::close(QStringLiteral("reader"));
    QCOMPARE(TestFiles::digests(dir).value(QStringLiteral("vault.xmv")), before.value(QStringLiteral("vault.xmv")));
    {
        QSqlQuery passwd(clerk.database());
        QVERIFY(passwd.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staff.passwd'")));
        QVERIFY(passwd.next());
        QCOMPARE(passwd.value(0).toInt(), 0);
    }
    Workstation::closeSession(clerk);
    QVERIFY(Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword)).ok());
    QCOMPARE(Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("new-clerk-pw")).status.error,
             WorkstationError::WrongPassword);
}

void TestWorkstation::throttleSlowsRepeatedFailures()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("ws"));
    QVERIFY(makeWorkstation(dir));
    const auto before = TestFiles::digests(tmp.path());
    for (int i = 0; i < LoginThrottle::FreeAttempts; ++i)
        QCOMPARE(Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("guess-%1").arg(i)).status.error,
                 WorkstationError::WrongPassword);
    // Now even the right password is not checked until the delay has passed.
    const UnlockResult throttled = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QCOMPARE(throttled.status.error, WorkstationError::Throttled);
    QVERIFY(throttled.status.retryAfterSeconds > 0);
    QVERIFY(throttled.status.retryAfterSeconds <= LoginThrottle::FirstDelaySeconds);
    QVERIFY2(throttled.status.message.contains(QStringLiteral("clerk")), qPrintable(throttled.status.message));
    // Others are not affected; unknown names are throttled as well.
    QVERIFY(Workstation::unlock(dir, QStringLiteral("admin"), QLatin1String(AdminPassword)).ok());
    for (int i = 0; i < LoginThrottle::FreeAttempts; ++i)
        QCOMPARE(Workstation::unlock(dir, QStringLiteral("ghost"), QStringLiteral("guess")).status.error,
                 WorkstationError::UnknownUser);
    QCOMPARE(Workstation::unlock(dir, QStringLiteral("ghost"), QStringLiteral("guess")).status.error,
             WorkstationError::Throttled);
    // The workstation's files never changed; the state lives outside.
    const auto after = TestFiles::digests(tmp.path());
    QVERIFY2(before == after, qPrintable(TestFiles::describeDifference(before, after)));
    const LoginThrottle throttle(dir);
    QVERIFY(throttle.stateFilePath().startsWith(m_state.path()));
    QCOMPARE(throttle.failures(QStringLiteral("clerk")), LoginThrottle::FreeAttempts);
    // After the delay (simulated by moving the last failure back) the right password works and resets the count.
    LoginThrottle(dir).recordFailure(QStringLiteral("clerk"),
                                     QDateTime::currentDateTimeUtc().addSecs(-LoginThrottle::MaxDelaySeconds));
    const UnlockResult later = Workstation::unlock(dir, QStringLiteral("clerk"), QLatin1String(ClerkPassword));
    QVERIFY2(later.ok(), qPrintable(later.status.message));
    QCOMPARE(throttle.failures(QStringLiteral("clerk")), 0);
}

void TestWorkstation::failedLoginsReachTheAuditTrail()
{
    // Failed logins change no file of the workstation; the next successful login writes them into the audit trail
    // (who, when, whether the name was staff, the names only as keyed tags) and they are not written twice.
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("ws"));
    QVERIFY(makeWorkstation(dir));
    QCOMPARE(Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("guess")).status.error,
             WorkstationError::WrongPassword);
    QCOMPARE(Workstation::unlock(dir, QStringLiteral("clerk"), QStringLiteral("guess again")).status.error,
             WorkstationError::WrongPassword);
    const QString typedSecret = QStringLiteral("hunter2-typed-in-the-user-field");
    QCOMPARE(Workstation::unlock(dir, typedSecret, QStringLiteral("x")).status.error, WorkstationError::UnknownUser);
    const LoginThrottle throttle(dir);
    QCOMPARE(throttle.pendingFailures().size(), 3);
    Session session;
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &session));
    QSqlQuery q(session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, details FROM audit_log WHERE action = 'login.failures'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("admin"));
    const QString details = q.value(1).toString();
    const QJsonObject o = QJsonDocument::fromJson(details.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("count")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("unknownNames")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("forThisUser")).toInt(), 0);
    const QJsonArray attempts = o.value(QStringLiteral("attempts")).toArray();
    QCOMPARE(attempts.size(), 3);
    // The two attempts at one name carry one tag; what was typed is nowhere.
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("name")),
             attempts.at(1).toObject().value(QStringLiteral("name")));
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("name")).toString(),
             LoginThrottle::nameTag(QStringLiteral("clerk")));
    QVERIFY(!details.contains(typedSecret));
    QVERIFY(!details.contains(QStringLiteral("clerk")));
    QVERIFY(!q.next());
    Workstation::closeSession(session);
    QVERIFY(throttle.pendingFailures().isEmpty());
    // The next login finds nothing to write.
    QVERIFY(logIn(dir, QStringLiteral("admin"), QLatin1String(AdminPassword), &session, QStringLiteral("again")));
    QSqlQuery again(session.database());
    QVERIFY(again.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'login.failures'")) &&
            again.next());
    QCOMPARE(again.value(0).toInt(), 1);
    Workstation::closeSession(session);
}

QTEST_GUILESS_MAIN(TestWorkstation)
#include "TestWorkstation.moc"
