// The trust model under attack (issue 8, first part). The attacker holds one clerk's password and the workstation's
// files, unwraps the database key from the clerk's slot and edits the database with the official sqlcipher tool,
// which leaves recursive_triggers off. Each of the six holes an outside probe found is a test here; each attack
// must be refused by the database, or be caught at the next login (refused, exit 13 or 14), by `audit verify` and
// by `check`, with an auditor still able to log in read-only to examine it.

#include "AdminProcess.h"
#include "TestDatabase.h"
#include "WorkstationFixture.h"

#include "records/DemoCity.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/KeyVault.h"
#include "storage/LoginThrottle.h"
#include "storage/Signing.h"
#include "storage/Workstation.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString AdminPassword = QStringLiteral("admin-password");
const QString ClerkPassword = QStringLiteral("clerk-password");
const QString AuditorPassword = QStringLiteral("auditor-password");
} // namespace

class TestTrustModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void hole1_roleEditedInSqlIsRefusedAtLogin();
    void hole1_staffRowAddedInSqlIsRefused();
    void hole2_auditHeadCannotBeDeleted();
    void hole2_missingHeadIsNeverRebuilt();
    void hole3_replaceIsRefusedOnEveryGuardedTable_data();
    void hole3_replaceIsRefusedOnEveryGuardedTable();
    void caseTablesRefuseDeleteAndReplace_data();
    void caseTablesRefuseDeleteAndReplace();
    void hole4_forgedRowPastHeadGivesExit13AndReadOnlyAuditor();
    void hole4_headMovedBack();
    void hole4_entryForgedInAnotherPersonsName();
    void hole5_staffTamperedAfterDroppingTriggers();
    void hole5_recordsChangedOutsideTheProgram();
    void hole5_damagedPagesAreFoundByCheck();
    void hole5_olderCopyOfTheDatabaseIsRefused();
    void hole6_throttleStateIsPrivateAndHoldsNoNames();
    void hole6_symlinkedPathSharesTheCounter();
    void checkPassesOnAnIntactWorkstation();
    void vaultAnchorRemovedIsTampering();
    void passwordResetKeepsTheLogVerifiable();

private:
    QString dir() const { return m_tmp.filePath(QStringLiteral("ws")); }
    QString dbPath() const { return Workstation::databasePath(dir()); }
    // Runs SQL through the sqlcipher tool with the database key from the clerk's slot, as the attacker does.
    // Returns the tool's exit code; its stderr in *errors.
    int attack(const QString& sql, QString* errors = nullptr, QString* output = nullptr);
    QString scalar(const QString& sql);
    AdminProcess::Result admin(const QStringList& args, const QString& password);
    UnlockResult unlockAs(const QString& user, const QString& password)
    {
        return Workstation::unlock(dir(), user, password);
    }

    QTemporaryDir m_tmp;
    QTemporaryDir m_state;
    QTemporaryDir m_home;
    QByteArray m_keyHex;
};

void TestTrustModel::initTestCase()
{
    qputenv("XMCREDIT_KDF_FAST", "1");
    qputenv("XMCREDIT_STATE_DIR", m_state.path().toUtf8());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sqlcipher")).isEmpty(),
             "the sqlcipher tool is installed by installer/dev.sh");
}

void TestTrustModel::init()
{
    QString error;
    QVERIFY2(WorkstationFixture::create(
                 dir(), QStringLiteral("Window 1"),
                 {QStringLiteral("admin"), QStringLiteral("管理员"), Role::Administrator, AdminPassword},
                 {{QStringLiteral("clerk"), QStringLiteral("林窗口"), Role::Clerk, ClerkPassword},
                  {QStringLiteral("auditor"), QStringLiteral("王审计"), Role::Auditor, AuditorPassword}},
                 &error),
             qPrintable(error));
    // The attacker's step 1: the clerk's own password unwraps the database key.
    const UnlockResult clerk = unlockAs(QStringLiteral("clerk"), ClerkPassword);
    QVERIFY2(clerk.ok(), qPrintable(clerk.status.message));
    const SecureBytes hex = clerk.databaseKey->toHex();
    m_keyHex = QByteArray(reinterpret_cast<const char*>(hex.data()), int(hex.size()));
}

void TestTrustModel::cleanup()
{
    QDir(dir()).removeRecursively();
    QDir(m_state.path()).removeRecursively();
    QDir().mkpath(m_state.path());
}

int TestTrustModel::attack(const QString& sql, QString* errors, QString* output)
{
    QProcess tool;
    tool.start(QStandardPaths::findExecutable(QStringLiteral("sqlcipher")), {QStringLiteral("-bail"), dbPath()});
    if (!tool.waitForStarted())
        return -1;
    tool.write("PRAGMA key = \"x'" + m_keyHex + "'\";\nPRAGMA cipher_page_size = 4096;\n" + sql.toUtf8() + "\n");
    tool.closeWriteChannel();
    if (!tool.waitForFinished(60000))
        return -1;
    if (errors)
        *errors = QString::fromUtf8(tool.readAllStandardError());
    if (output)
        *output = QString::fromUtf8(tool.readAllStandardOutput()).trimmed();
    // sqlcipher -bail exits 1 on the first failing statement
    return tool.exitCode();
}

QString TestTrustModel::scalar(const QString& sql)
{
    QString out;
    attack(sql, nullptr, &out);
    return out.split(QLatin1Char('\n')).constLast().trimmed();
}

AdminProcess::Result TestTrustModel::admin(const QStringList& args, const QString& password)
{
    return AdminProcess::run(args + QStringList{QStringLiteral("--workstation"), dir(), QStringLiteral("--json")},
                             password + QLatin1Char('\n'), m_state.path(), m_home.path());
}

// 1. UPDATE staff SET role='administrator': accepted by SQLite, but the row no longer carries an administrator's
// signature, so the clerk (and everyone but an auditor) is refused at login and `audit verify` says why.
void TestTrustModel::hole1_roleEditedInSqlIsRefusedAtLogin()
{
    QCOMPARE(attack(QStringLiteral("UPDATE staff SET role = 'administrator' WHERE username = 'clerk';")), 0);
    const UnlockResult clerk = unlockAs(QStringLiteral("clerk"), ClerkPassword);
    QCOMPARE(clerk.status.error, WorkstationError::Tampered);
    QVERIFY2(clerk.status.message.contains(QStringLiteral("clerk")), qPrintable(clerk.status.message));
    QCOMPARE(unlockAs(QStringLiteral("admin"), AdminPassword).status.error, WorkstationError::Tampered);

    const UnlockResult auditor = unlockAs(QStringLiteral("auditor"), AuditorPassword);
    QVERIFY2(auditor.ok(), qPrintable(auditor.status.message));
    QVERIFY(auditor.readOnly);

    const AdminProcess::Result login = admin({QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--user"),
                                              QStringLiteral("clerk"), QStringLiteral("--password-stdin")},
                                             ClerkPassword);
    QCOMPARE(login.code, 13);
    const AdminProcess::Result verify =
        admin({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--user"), QStringLiteral("auditor"),
               QStringLiteral("--password-stdin")},
              AuditorPassword);
    QCOMPARE(verify.code, 13);
    QVERIFY2(verify.out.contains(QStringLiteral("not signed by an administrator")), qPrintable(verify.out));
    // The read-only auditor wrote nothing: the chain has no login of theirs.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'auditor';")), QStringLiteral("0"));
}

// 1b. A whole administrator row (and a slot for it) made by hand: the row has no valid signature.
void TestTrustModel::hole1_staffRowAddedInSqlIsRefused()
{
    const QString key = scalar(QStringLiteral("SELECT signing_key FROM staff WHERE username = 'clerk';"));
    QCOMPARE(attack(QStringLiteral("INSERT INTO staff (username, display_name, role, active, created_at, created_by, "
                                   "signing_key, signature) VALUES ('mallory', 'M', 'administrator', 1, "
                                   "'2026-01-01T00:00:00.000Z', 'admin', '%1', '%2');")
                        .arg(key, QString(128, QLatin1Char('0')))),
             0);
    QCOMPARE(unlockAs(QStringLiteral("clerk"), ClerkPassword).status.error, WorkstationError::Tampered);
}

// 2. The head rows of the audit log cannot be deleted or replaced; dropping the trigger first does not make the
// next login rebuild the head: it is refused, and verify names the problem.
void TestTrustModel::hole2_auditHeadCannotBeDeleted()
{
    QString errors;
    QVERIFY(attack(QStringLiteral("DELETE FROM meta WHERE key = 'audit_head_hash';"), &errors) != 0);
    QVERIFY2(errors.contains(QStringLiteral("never deleted")), qPrintable(errors));
    QVERIFY(attack(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head_seq', '1');"),
                   &errors) != 0);
    QVERIFY(attack(QStringLiteral("UPDATE meta SET value = 'x' WHERE key = 'staff_authority_key';"), &errors) != 0);
    QVERIFY(unlockAs(QStringLiteral("clerk"), ClerkPassword).ok());
}

void TestTrustModel::hole2_missingHeadIsNeverRebuilt()
{
    QCOMPARE(attack(QStringLiteral("DROP TRIGGER meta_no_delete; DELETE FROM meta WHERE key LIKE 'audit_head%';")), 0);
    QCOMPARE(unlockAs(QStringLiteral("clerk"), ClerkPassword).status.error, WorkstationError::Tampered);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'audit_head%';")), QStringLiteral("0"));
    const AdminProcess::Result verify =
        admin({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--user"), QStringLiteral("auditor"),
               QStringLiteral("--password-stdin")},
              AuditorPassword);
    QCOMPARE(verify.code, 13);
    QVERIFY2(verify.out.contains(QStringLiteral("head")), qPrintable(verify.out));
}

// 3. INSERT OR REPLACE with an existing key on every guarded table, with recursive_triggers off as in the tool.
void TestTrustModel::hole3_replaceIsRefusedOnEveryGuardedTable_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("digest"); // a query whose answer must not change
    QTest::newRow("audit_log") << QStringLiteral(
                                      "INSERT OR REPLACE INTO audit_log (seq, at, actor, action, prev_hash, hash) "
                                      "VALUES (1, 'x', 'clerk', 'forged', 'x', 'x');")
                               << QStringLiteral("SELECT group_concat(hash) FROM audit_log;");
    QTest::newRow("staff") << QStringLiteral(
                                  "INSERT OR REPLACE INTO staff (username, display_name, role, created_at, created_by) "
                                  "VALUES ('admin', 'x', 'clerk', 'x', 'x');")
                           << QStringLiteral("SELECT group_concat(role || signature) FROM staff;");
    QTest::newRow("meta") << QStringLiteral("REPLACE INTO meta (key, value) VALUES ('workstation_id', 'other');")
                          << QStringLiteral("SELECT group_concat(value) FROM meta;");
    QTest::newRow("schema_migrations") << QStringLiteral(
                                              "INSERT OR REPLACE INTO schema_migrations VALUES (1, 'x', 'x', 'x');")
                                       << QStringLiteral("SELECT group_concat(checksum) FROM schema_migrations;");
    QTest::newRow("subjects")
        << QStringLiteral("INSERT INTO subjects (id, kind, identifier, name, origin, platform_id, created_at, "
                          "updated_at) VALUES (1, 'natural_person', '350203199001010018', 'A', 'local', NULL, 'x', "
                          "'x'); INSERT OR REPLACE INTO subjects (id, kind, identifier, name, origin, created_at, "
                          "updated_at) VALUES (1, 'natural_person', '350203199001010018', 'B', 'local', 'x', 'x');")
        << QStringLiteral("SELECT group_concat(name) FROM subjects;");
    QTest::newRow("attachments")
        << QStringLiteral("INSERT INTO attachments VALUES (1, 'x', 1, 'a', 'b', x'00', '%1', 1, 'clerk', 'x'); "
                          "INSERT OR REPLACE INTO attachments VALUES (1, 'x', 1, 'z', 'b', x'00', '%1', 1, "
                          "'clerk', 'x');")
               .arg(QString(64, QLatin1Char('a')))
        << QStringLiteral("SELECT group_concat(file_name) FROM attachments;");
}

void TestTrustModel::hole3_replaceIsRefusedOnEveryGuardedTable()
{
    QFETCH(QString, sql);
    QFETCH(QString, digest);
    const QString before = scalar(digest);
    QString errors;
    attack(sql, &errors);
    // Sealed tables (subjects, attachments): the tool cannot even prepare the write, whose seal triggers call
    // functions only the program has.
    QVERIFY2(errors.contains(QStringLiteral("never replaced")) ||
                 errors.contains(QStringLiteral("cannot be replaced")) ||
                 errors.contains(QStringLiteral("no such function: xmc_")),
             qPrintable(errors));
    const QString after = scalar(digest);
    // A first INSERT in the same script may have added a row (subjects, attachments): the replaced row is intact.
    QVERIFY2(after == before || after == QStringLiteral("A") || after == QStringLiteral("a"), qPrintable(after));
    QVERIFY(unlockAs(QStringLiteral("clerk"), ClerkPassword).ok());
}

// The seals' own table: nothing deleted or replaced through the tool (the case tables: TestCaseCli, which has cases).
void TestTrustModel::caseTablesRefuseDeleteAndReplace_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("delete the seals") << QStringLiteral("DELETE FROM table_seals;");
    QTest::newRow("replace a seal") << QStringLiteral(
        "INSERT OR REPLACE INTO table_seals (name, seal, rows) SELECT name, seal, rows FROM table_seals;");
}

void TestTrustModel::caseTablesRefuseDeleteAndReplace()
{
    QFETCH(QString, sql);
    const QString before = scalar(QStringLiteral("SELECT group_concat(name || hex(seal) || rows) FROM table_seals;"));
    QString errors;
    QVERIFY(attack(sql, &errors) != 0);
    QVERIFY2(errors.contains(QStringLiteral("never")) || errors.contains(QStringLiteral("no such function: xmc_")),
             qPrintable(errors));
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(name || hex(seal) || rows) FROM table_seals;")), before);
}

// 4. A forged row past the head: logins are refused with exit 13 (not "UNIQUE constraint failed"), and the auditor
// gets in read-only and can run `audit verify` and `check`.
void TestTrustModel::hole4_forgedRowPastHeadGivesExit13AndReadOnlyAuditor()
{
    QCOMPARE(
        attack(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash) SELECT max(seq) + 1, "
                              "'2026-01-01T00:00:00.000Z', 'admin', 'forged', 'x', 'y' FROM audit_log;")),
        0);
    const AdminProcess::Result clerk = admin({QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--user"),
                                              QStringLiteral("clerk"), QStringLiteral("--password-stdin")},
                                             ClerkPassword);
    QCOMPARE(clerk.code, 13);
    QVERIFY2(clerk.out.contains(QStringLiteral("outside the program")), qPrintable(clerk.out));
    const AdminProcess::Result verify =
        admin({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--user"), QStringLiteral("auditor"),
               QStringLiteral("--password-stdin")},
              AuditorPassword);
    QCOMPARE(verify.code, 13);
    const AdminProcess::Result check = admin({QStringLiteral("check"), QStringLiteral("--user"),
                                              QStringLiteral("auditor"), QStringLiteral("--password-stdin")},
                                             AuditorPassword);
    QCOMPARE(check.code, 13);
    QVERIFY2(check.out.contains(QStringLiteral("\"name\":\"audit\",\"ok\":false")), qPrintable(check.out));
}

void TestTrustModel::hole4_headMovedBack()
{
    QCOMPARE(attack(QStringLiteral("UPDATE meta SET value = CAST(value - 1 AS TEXT) WHERE key = 'audit_head_seq';")),
             0);
    QCOMPARE(unlockAs(QStringLiteral("clerk"), ClerkPassword).status.error, WorkstationError::Tampered);
}

// A clerk who drops the triggers and appends a well-linked entry in the administrator's name, with the hashes and the
// head recomputed, still cannot sign it as the administrator.
void TestTrustModel::hole4_entryForgedInAnotherPersonsName()
{
    const QStringList head = scalar(QStringLiteral("SELECT max(seq) || ' ' || (SELECT hash FROM audit_log WHERE seq = "
                                                   "(SELECT max(seq) FROM audit_log)) FROM audit_log;"))
                                 .split(QLatin1Char(' '));
    QCOMPARE(head.size(), 2);
    const qint64 seq = head[0].toLongLong() + 1;
    const QString at = QStringLiteral("2026-01-01T00:00:00.000Z");
    const QString hash =
        AuditLog::computeHash(head[1], seq, at, QStringLiteral("admin"), QStringLiteral("staff.add"),
                              QStringLiteral("staff"), QStringLiteral("mallory"), QString(), QStringLiteral("{}"));
    QCOMPARE(attack(QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, basis, "
                                   "details, prev_hash, hash, signature) VALUES (%1, '%2', 'admin', 'staff.add', "
                                   "'staff', 'mallory', '', '{}', '%3', '%4', '%5'); UPDATE meta SET value = "
                                   "CASE key WHEN 'audit_head_seq' THEN '%1' ELSE '%4' END WHERE key IN "
                                   "('audit_head_seq', 'audit_head_hash');")
                        .arg(seq)
                        .arg(at, head[1], hash, QString(128, QLatin1Char('1')))),
             0);
    const UnlockResult clerk = unlockAs(QStringLiteral("clerk"), ClerkPassword);
    QCOMPARE(clerk.status.error, WorkstationError::Tampered);
    QVERIFY2(clerk.status.message.contains(QStringLiteral("forged")), qPrintable(clerk.status.message));
}

// 5a. Staff changed with the triggers dropped: the signatures catch it.
void TestTrustModel::hole5_staffTamperedAfterDroppingTriggers()
{
    QCOMPARE(attack(QStringLiteral("DROP TRIGGER staff_removal_final; DROP TRIGGER staff_identity_fixed; "
                                   "UPDATE staff SET display_name = '别人' WHERE username = 'admin';")),
             0);
    QCOMPARE(unlockAs(QStringLiteral("clerk"), ClerkPassword).status.error, WorkstationError::Tampered);
}

// 5b. Records: the tool cannot write a sealed table; with the seal triggers dropped the change is found by `check`;
// with the seal recomputed by hand too, the login sees that the seals are not what the last signed entry recorded.
void TestTrustModel::hole5_recordsChangedOutsideTheProgram()
{
    Session session;
    QString error;
    QVERIFY2(WorkstationFixture::openSession(dir(), QStringLiteral("admin"), AdminPassword, QStringLiteral("a"),
                                             &session, &error),
             qPrintable(error));
    {
        DemoCityOptions options;
        options.subjects = 30;
        options.seed = 7;
        options.today = QDate(2025, 6, 1);
        options.actor = session.username;
        QSqlDatabase db = session.database();
        QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    }
    Workstation::closeSession(session);

    QString errors;
    QVERIFY(attack(QStringLiteral("INSERT INTO platform_write_permit (actor, purpose, granted_at) VALUES ('x', 'y', "
                                  "'z'); UPDATE credit_items SET status = 'withdrawn', withdrawn_on = '2025-01-01' "
                                  "WHERE id = 1;"),
                   &errors) != 0);
    QVERIFY2(errors.contains(QStringLiteral("no such function")), qPrintable(errors));

    QCOMPARE(attack(QStringLiteral("DROP TRIGGER credit_items_seal_update; DROP TRIGGER credit_items_update_guard; "
                                   "UPDATE credit_items SET status = 'withdrawn', withdrawn_on = '2025-01-01' "
                                   "WHERE id = 1;")),
             0);
    const AdminProcess::Result check = admin({QStringLiteral("check"), QStringLiteral("--user"),
                                              QStringLiteral("auditor"), QStringLiteral("--password-stdin")},
                                             AuditorPassword);
    QCOMPARE(check.code, 13);
    QVERIFY2(check.out.contains(QStringLiteral("\"name\":\"records\",\"ok\":false")), qPrintable(check.out));

    // Now the seal made to agree (as if recomputed by hand): the login compares it with the signed head entry.
    QCOMPARE(attack(QStringLiteral("UPDATE table_seals SET seal = zeroblob(2048) WHERE name = 'credit_items';")), 0);
    const UnlockResult clerk = unlockAs(QStringLiteral("clerk"), ClerkPassword);
    QCOMPARE(clerk.status.error, WorkstationError::Tampered);
    QVERIFY2(clerk.status.message.contains(QStringLiteral("records were changed")), qPrintable(clerk.status.message));
}

// 5c. Damaged pages: the login reads only what it needs, but `check` reads every page.
void TestTrustModel::hole5_damagedPagesAreFoundByCheck()
{
    // Make the file larger than the pages the login touches, then damage a page in its middle.
    QCOMPARE(attack(QStringLiteral("CREATE TABLE padding (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT "
                                   "i + 1 FROM n WHERE i < 200) INSERT INTO padding SELECT randomblob(3000) FROM n;")),
             0);
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 pages = file.size() / 4096;
    QVERIFY(pages > 100);
    file.seek((pages / 2) * 4096 + 100);
    file.write(QByteArray(64, '\x5a'));
    file.close();
    const AdminProcess::Result check = admin({QStringLiteral("check"), QStringLiteral("--user"),
                                              QStringLiteral("auditor"), QStringLiteral("--password-stdin")},
                                             AuditorPassword);
    QCOMPARE(check.code, 5);
    QVERIFY2(check.out.contains(QStringLiteral("\"name\":\"pages\",\"ok\":false")), qPrintable(check.out));
}

// 5d. An older copy of the database put back: the vault's anchor has moved past it.
void TestTrustModel::hole5_olderCopyOfTheDatabaseIsRefused()
{
    const QString copy = m_tmp.filePath(QStringLiteral("old.db"));
    QVERIFY(QFile::copy(dbPath(), copy));
    Session session;
    QString error;
    QVERIFY2(WorkstationFixture::openSession(dir(), QStringLiteral("clerk"), ClerkPassword, QStringLiteral("s"),
                                             &session, &error),
             qPrintable(error));
    Workstation::closeSession(session);
    QVERIFY(QFile::remove(dbPath()));
    QVERIFY(QFile::copy(copy, dbPath()));
    const UnlockResult clerk = unlockAs(QStringLiteral("clerk"), ClerkPassword);
    QCOMPARE(clerk.status.error, WorkstationError::RolledBack);
    const AdminProcess::Result login = admin({QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--user"),
                                              QStringLiteral("clerk"), QStringLiteral("--password-stdin")},
                                             ClerkPassword);
    QCOMPARE(login.code, 14);
    const AdminProcess::Result check = admin({QStringLiteral("check"), QStringLiteral("--user"),
                                              QStringLiteral("auditor"), QStringLiteral("--password-stdin")},
                                             AuditorPassword);
    QCOMPARE(check.code, 14);
}

// 6. The throttle's state: owner-only, no typed name in it, one counter whatever path leads to the workstation.
void TestTrustModel::hole6_throttleStateIsPrivateAndHoldsNoNames()
{
    const QString typed = QStringLiteral("MySecretPassw0rd");
    QCOMPARE(unlockAs(typed, QStringLiteral("x")).status.error, WorkstationError::UnknownUser);
    QCOMPARE(unlockAs(QStringLiteral("clerk"), QStringLiteral("wrong-password")).status.error,
             WorkstationError::WrongPassword);
    const LoginThrottle throttle(dir());
    QFile state(throttle.stateFilePath());
    QVERIFY(state.exists());
    QCOMPARE(state.permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(state.open(QIODevice::ReadOnly));
    const QByteArray content = state.readAll();
    QVERIFY2(!content.contains("mysecretpassw0rd") && !content.contains("MySecretPassw0rd") &&
                 !content.contains("clerk"),
             content.constData());
    QCOMPARE(throttle.failures(QStringLiteral("clerk")), 1);
}

void TestTrustModel::hole6_symlinkedPathSharesTheCounter()
{
    const QString link = m_tmp.filePath(QStringLiteral("link"));
    QFile::remove(link);
    QVERIFY(QFile::link(dir(), link));
    for (int i = 0; i < LoginThrottle::FreeAttempts; ++i)
        Workstation::unlock(dir(), QStringLiteral("clerk"), QStringLiteral("wrong-password"));
    const UnlockResult viaLink = Workstation::unlock(link, QStringLiteral("clerk"), ClerkPassword);
    QCOMPARE(viaLink.status.error, WorkstationError::Throttled);
    QFile::remove(link);
}

void TestTrustModel::checkPassesOnAnIntactWorkstation()
{
    const AdminProcess::Result check = admin({QStringLiteral("check"), QStringLiteral("--user"),
                                              QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                                             AdminPassword);
    QCOMPARE(check.code, 0);
    QVERIFY2(check.out.contains(QStringLiteral("\"ok\":true")), qPrintable(check.out));
    const AdminProcess::Result bad = admin({QStringLiteral("check"), QStringLiteral("extra"), QStringLiteral("--user"),
                                            QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                                           AdminPassword);
    QCOMPARE(bad.code, 2);
    const AdminProcess::Result clerk = admin({QStringLiteral("check"), QStringLiteral("--user"),
                                              QStringLiteral("clerk"), QStringLiteral("--password-stdin")},
                                             ClerkPassword);
    QCOMPARE(clerk.code, 7);
}

// The anchor deleted from the vault (to hide an older database): every workstation has one from its creation.
void TestTrustModel::vaultAnchorRemovedIsTampering()
{
    KeyVault vault;
    QCOMPARE(KeyVault::load(Workstation::vaultPath(dir()), &vault), VaultError::None);
    QVERIFY(vault.auditAnchorSeq > 0);
    vault.auditAnchorSeq = 0;
    vault.auditAnchorHash.clear();
    QVERIFY(vault.save(Workstation::vaultPath(dir())));
    const UnlockResult clerk = unlockAs(QStringLiteral("clerk"), ClerkPassword);
    QCOMPARE(clerk.status.error, WorkstationError::Tampered);
    QVERIFY2(clerk.status.message.contains(QStringLiteral("vault")), qPrintable(clerk.status.message));
}

// An administrator resets the clerk's password while the clerk is logged in: the clerk's earlier entries still
// verify (under the retired key), the open session can sign nothing more, and nobody is locked out.
void TestTrustModel::passwordResetKeepsTheLogVerifiable()
{
    Session clerk;
    Session admin;
    QString error;
    QVERIFY2(WorkstationFixture::openSession(dir(), QStringLiteral("clerk"), ClerkPassword, QStringLiteral("c"), &clerk,
                                             &error),
             qPrintable(error));
    QVERIFY2(WorkstationFixture::openSession(dir(), QStringLiteral("admin"), AdminPassword, QStringLiteral("a"), &admin,
                                             &error),
             qPrintable(error));
    QVERIFY(Workstation::auditLock(clerk, QStringLiteral("command")));
    const WorkstationStatus reset =
        Workstation::changePassword(admin, QStringLiteral("clerk"), QStringLiteral("new clerk password"));
    QVERIFY2(reset.ok(), qPrintable(reset.message));
    WorkstationStatus status;
    QVERIFY(!Workstation::auditUnlock(clerk, &status));
    QVERIFY2(status.message.contains(QStringLiteral("log in again")), qPrintable(status.message));
    AuditVerifyResult verified;
    QVERIFY(Workstation::verifyAudit(admin, &verified, &status));
    QVERIFY2(verified.ok, qPrintable(verified.message));
    Workstation::closeSession(clerk);
    Workstation::closeSession(admin);
    QCOMPARE(unlockAs(QStringLiteral("clerk"), ClerkPassword).status.error, WorkstationError::WrongPassword);
    const UnlockResult again = unlockAs(QStringLiteral("clerk"), QStringLiteral("new clerk password"));
    QVERIFY2(again.ok() && !again.readOnly, qPrintable(again.integrity.message + again.status.message));
    QVERIFY(unlockAs(QStringLiteral("admin"), AdminPassword).ok());
}

QTEST_GUILESS_MAIN(TestTrustModel)
#include "TestTrustModel.moc"
