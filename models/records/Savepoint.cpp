#include "Savepoint.h"

#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace {
std::atomic<quint64> s_savepointCounter{0};
}

Savepoint::Savepoint(const QSqlDatabase& db)
    : m_db(db)
    , m_name(QStringLiteral("records_%1").arg(++s_savepointCounter))
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SAVEPOINT %1").arg(m_name)))
        m_active = true;
    else
        m_error = query.lastError().text();
}

Savepoint::~Savepoint()
{
    rollback();
}

bool Savepoint::release(QString* error)
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("RELEASE %1").arg(m_name))) {
        if (error)
            *error = query.lastError().text();
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Savepoint::rollback()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK TO %1").arg(m_name));
    query.exec(QStringLiteral("RELEASE %1").arg(m_name));
    m_active = false;
}
