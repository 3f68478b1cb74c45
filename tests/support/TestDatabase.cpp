#include "TestDatabase.h"

#include "storage/Signing.h"
#include "storage/Staff.h"

#include "storage/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

TestDatabase::TestDatabase(bool migrate)
    : m_path(QDir(m_dir.path()).filePath(QStringLiteral("test.db")))
    , m_connectionName(QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_key(SecureBytes::random(32))
    , m_authority(SecureBytes::random(Signing::SeedBytes))
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return;
    }
    SqlCipherDriver::registerDriver();
    SqlCipherKeyRing::setKey(m_path, m_key);
    if (migrate) {
        const Database::OpenResult result =
            Database::open(m_path, m_connectionName, Database::OpenMode::CreateIfMissing);
        m_valid = result.ok();
        m_error = result.message;
        if (!m_valid)
            return;
        SignerRing::setKey(m_path, SignerRing::AuthorityName, m_authority);
        QSqlQuery meta(database());
        meta.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('staff_authority_key', ?)"));
        meta.addBindValue(QString::fromLatin1(Signing::publicKey(m_authority).toHex()));
        if (!meta.exec()) {
            m_valid = false;
            m_error = meta.lastError().text();
            return;
        }
        SignerRing::setProvisioner(m_path, [this](const QString&, const QString& signer) {
            return signer != SignerRing::AuthorityName && enrol(signer, Role::Clerk);
        });
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), m_connectionName);
    db.setDatabaseName(m_path);
    m_valid = db.open();
    if (!m_valid)
        m_error = db.lastError().text();
}

TestDatabase::~TestDatabase()
{
    close();
    SqlCipherKeyRing::removeKey(m_path);
    SignerRing::removeAll(m_path);
}

bool TestDatabase::enrol(const QString& username, Role role, QString* error) const
{
    auto failed = [error](const QSqlQuery& query) {
        if (error)
            *error = query.lastError().text();
        return false;
    };
    if (!SignerRing::hasKey(m_path, username))
        SignerRing::setKey(m_path, username, SecureBytes::random(Signing::SeedBytes));
    const SecureBytes seed = SignerRing::seed(m_path, username);
    QSqlDatabase db = database();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT count(*) FROM staff WHERE username = ?"));
    query.addBindValue(username);
    if (!query.exec() || !query.next())
        return failed(query);
    const bool exists = query.value(0).toInt() > 0;
    QSqlQuery write(db);
    if (exists) {
        write.prepare(QStringLiteral("UPDATE staff SET role = ? WHERE username = ?"));
        write.addBindValue(Roles::name(role));
        write.addBindValue(username);
    } else {
        write.prepare(QStringLiteral("INSERT INTO staff (username, display_name, role, active, created_at, created_by, "
                                     "signing_key) VALUES (?, ?, ?, 1, ?, 'fixture', ?)"));
        write.addBindValue(username);
        write.addBindValue(username);
        write.addBindValue(Roles::name(role));
        write.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        write.addBindValue(QString::fromLatin1(Signing::publicKey(seed).toHex()));
    }
    if (!write.exec())
        return failed(write);
    QSqlQuery row(db);
    row.prepare(QStringLiteral("SELECT username, display_name, role, active, created_at, created_by, deactivated_at, "
                               "deactivated_by, signing_key FROM staff WHERE username = ?"));
    row.addBindValue(username);
    if (!row.exec() || !row.next())
        return failed(row);
    const QByteArray canonical =
        StaffDirectory::canonicalRow(row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                                     row.value(3).toInt(), row.value(4).toString(), row.value(5).toString(),
                                     row.value(6).toString(), row.value(7).toString(), row.value(8).toString());
    QSqlQuery sign(db);
    sign.prepare(QStringLiteral("UPDATE staff SET signature = ? WHERE username = ?"));
    sign.addBindValue(QString::fromLatin1(Signing::sign(m_authority, canonical).toHex()));
    sign.addBindValue(username);
    if (!sign.exec())
        return failed(sign);
    return true;
}

QSqlDatabase TestDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

SqlCipherDriver* TestDatabase::driver() const
{
    return qobject_cast<SqlCipherDriver*>(database().driver());
}

bool TestDatabase::exec(const QString& sql, QString* error) const
{
    SqlCipherDriver* cipher = driver();
    if (!cipher) {
        if (error)
            *error = QStringLiteral("no open QSQLCIPHER connection");
        return false;
    }
    QSqlError sqlError;
    if (cipher->executeScript(sql, &sqlError))
        return true;
    if (error)
        *error = sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText();
    return false;
}

QVariant TestDatabase::scalar(const QString& sql) const
{
    QSqlQuery query(database());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

void TestDatabase::close()
{
    Database::close(m_connectionName);
}

bool TestDatabase::reopen()
{
    close();
    SqlCipherKeyRing::setKey(m_path, m_key);
    const Database::OpenResult result = Database::open(m_path, m_connectionName, Database::OpenMode::Existing);
    m_error = result.message;
    return result.ok();
}

namespace TestFiles {

QMap<QString, QByteArray> digests(const QString& dir)
{
    QMap<QString, QByteArray> result;
    const QDir root(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        result.insert(root.relativeFilePath(path), hash.result().toHex());
    }
    return result;
}

QString describeDifference(const QMap<QString, QByteArray>& before, const QMap<QString, QByteArray>& after)
{
    QStringList changed;
    QStringList added;
    QStringList removed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            removed << it.key();
        else if (after.value(it.key()) != it.value())
            changed << it.key();
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            added << it.key();
    }
    QStringList parts;
    if (!changed.isEmpty())
        parts << QStringLiteral("changed: ") + changed.join(QStringLiteral(", "));
    if (!added.isEmpty())
        parts << QStringLiteral("added: ") + added.join(QStringLiteral(", "));
    if (!removed.isEmpty())
        parts << QStringLiteral("removed: ") + removed.join(QStringLiteral(", "));
    return parts.join(QStringLiteral("; "));
}

} // namespace TestFiles
