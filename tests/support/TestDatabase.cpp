#include "TestDatabase.h"

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
