#pragma once

#include "storage/Roles.h"
#include "storage/SecureBytes.h"
#include "storage/SqlCipherDriver.h"

#include <QByteArray>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>

// A throw-away encrypted database for tests: a temporary directory, a random 32-byte key in SqlCipherKeyRing,
// Database::open applied (every migration), on a connection with a unique name in the calling thread.
// Everything is closed and removed when the object goes.
//
//   TestDatabase tdb;
//   QVERIFY2(tdb.isValid(), qPrintable(tdb.errorString()));
//   QSqlQuery q(tdb.database());
class TestDatabase
{
public:
    explicit TestDatabase(bool migrate = true);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    QSqlDatabase database() const;
    QString connectionName() const { return m_connectionName; }
    QString path() const { return m_path; }
    QString directory() const { return m_dir.path(); }
    const SecureBytes& key() const { return m_key; }
    SqlCipherDriver* driver() const;

    // Runs raw SQL (several statements allowed, no placeholders) through SqlCipherDriver::executeScript, as an
    // attacker with the key would: no audit, no checks. Returns false with error set on failure.
    bool exec(const QString& sql, QString* error = nullptr) const;
    // The first column of the first row of a query (invalid QVariant on error or no row).
    QVariant scalar(const QString& sql) const;

    // Enrols username as an active member of staff with role, as the trust model needs of every audit actor: a
    // signing key (held in SignerRing for this file) and a staff row signed by the fixture's staff authority key.
    // An existing row gets the role. Any actor a test audits as without enrolling is enrolled as a clerk on first
    // use. Raw SQL, nothing audited: this is the fixture, not the program.
    bool enrol(const QString& username, Role role, QString* error = nullptr) const;
    const SecureBytes& authoritySeed() const { return m_authority; }

    // Closes the connection (the file and key stay), and reopens it with Database::open.
    void close();
    bool reopen();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_connectionName;
    SecureBytes m_key;
    SecureBytes m_authority;
    bool m_valid = false;
    QString m_error;
};

namespace TestFiles {
// SHA-256 of every file below dir (recursively), by path relative to dir: compare before and after an operation
// to prove it changed nothing.
QMap<QString, QByteArray> digests(const QString& dir);
// Human-readable difference of two digests maps ("changed: credit.db; added: x"), empty when equal.
QString describeDifference(const QMap<QString, QByteArray>& before, const QMap<QString, QByteArray>& after);
} // namespace TestFiles
