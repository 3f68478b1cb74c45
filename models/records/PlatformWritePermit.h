#pragma once

#include <QSqlDatabase>
#include <QString>

// The only way to insert or change a record that came from the platform (origin = 'platform').
//
// Guard triggers in the database (0002_records.sql) refuse every insert or change of a platform subject or item
// unless a permit row exists in platform_write_permit. Only the sync applier and the case workflow create a
// permit: it opens a savepoint, inserts its row, and on commit() deletes the row and releases the savepoint, so
// the row never reaches the file and no other connection ever sees it. A deferred foreign key makes a COMMIT fail
// while a permit row exists, so forgetting to end a permit cannot leave the guards open.
//
//   PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("sync.apply"));
//   if (!permit.isActive()) return fail(permit.errorString());
//   ... SubjectRepository / CreditItemRepository platform writes taking the permit ...
//   if (!permit.commit(&error)) return fail(error);
//
// Without commit(), the destructor rolls back every change made under the permit. Inside a transaction the caller
// began (QSqlDatabase::transaction()), the changes become durable with the caller's commit, which must come after
// the permit ended; without one, commit() itself makes them durable. Do not call QSqlDatabase::transaction() while
// a permit is active: the savepoint already holds a transaction.
class PlatformWritePermit
{
public:
    PlatformWritePermit(const QSqlDatabase& db, const QString& actor, const QString& purpose);
    ~PlatformWritePermit();
    PlatformWritePermit(const PlatformWritePermit&) = delete;
    PlatformWritePermit& operator=(const PlatformWritePermit&) = delete;

    bool isActive() const { return m_active; }
    QString errorString() const { return m_error; }
    QString actor() const { return m_actor; }
    QString purpose() const { return m_purpose; }
    // The connection the permit holds; repositories refuse a permit of another connection.
    QString connectionName() const { return m_db.connectionName(); }
    bool covers(const QSqlDatabase& db) const { return m_active && db.connectionName() == m_db.connectionName(); }
    // covers(db), or false with the reason a repository gives for refusing the write.
    bool covers(const QSqlDatabase& db, QString* error) const;

    // Keeps the changes and ends the permit. Returns false (and rolls back) when the permit row cannot be removed.
    bool commit(QString* error = nullptr);
    // Undoes every change made under the permit and ends it.
    void rollback();

private:
    bool exec(const QString& sql, QString* error);

    QSqlDatabase m_db;
    QString m_actor;
    QString m_purpose;
    QString m_savepoint;
    QString m_error;
    qint64 m_rowId = 0;
    bool m_active = false;
};
