#pragma once

#include <QSqlDatabase>
#include <QString>

// A savepoint that rolls back unless released: the records layer's unit of work. It nests inside a transaction
// the caller holds (then the caller's commit makes it durable) and is its own transaction otherwise, like
// AuditLog::append, so a repository call and its audit entry always land together or not at all.
class Savepoint
{
public:
    explicit Savepoint(const QSqlDatabase& db);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    bool isActive() const { return m_active; }
    QString errorString() const { return m_error; }
    bool release(QString* error = nullptr);
    void rollback();

private:
    QSqlDatabase m_db;
    QString m_name;
    QString m_error;
    bool m_active = false;
};
