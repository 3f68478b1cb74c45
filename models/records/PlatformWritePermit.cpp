#include "PlatformWritePermit.h"

#include "RecordTypes.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace {
std::atomic<quint64> s_permitCounter{0};
}

PlatformWritePermit::PlatformWritePermit(const QSqlDatabase& db, const QString& actor, const QString& purpose)
    : m_db(db)
    , m_actor(actor)
    , m_purpose(purpose)
    , m_savepoint(QStringLiteral("platform_write_%1").arg(++s_permitCounter))
{
    if (actor.isEmpty() || purpose.isEmpty()) {
        m_error = QCoreApplication::translate("PlatformWritePermit",
                                              "A platform write permit needs the actor and the purpose.");
        return;
    }
    if (!exec(QStringLiteral("SAVEPOINT %1").arg(m_savepoint), &m_error))
        return;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO platform_write_permit (actor, purpose, granted_at) VALUES (?, ?, ?)"));
    insert.addBindValue(actor);
    insert.addBindValue(purpose);
    insert.addBindValue(RecordFormat::now());
    if (!insert.exec()) {
        m_error = insert.lastError().text();
        exec(QStringLiteral("ROLLBACK TO %1").arg(m_savepoint), nullptr);
        exec(QStringLiteral("RELEASE %1").arg(m_savepoint), nullptr);
        return;
    }
    m_rowId = insert.lastInsertId().toLongLong();
    m_active = true;
}

PlatformWritePermit::~PlatformWritePermit()
{
    if (m_active)
        rollback();
}

bool PlatformWritePermit::covers(const QSqlDatabase& db, QString* error) const
{
    if (covers(db))
        return true;
    if (error)
        *error = QCoreApplication::translate(
            "PlatformWritePermit",
            "Records from the platform can only be written under an active platform write permit of the "
            "same connection.");
    return false;
}

bool PlatformWritePermit::commit(QString* error)
{
    if (!m_active) {
        if (error)
            *error = QCoreApplication::translate("PlatformWritePermit", "The platform write permit is not active.");
        return false;
    }
    QString why;
    // Only this permit's row goes: an enclosing permit (a case outcome applied during sync) stays in force.
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM platform_write_permit WHERE rowid = ?"));
    remove.addBindValue(m_rowId);
    if (!remove.exec())
        why = remove.lastError().text();
    if (!why.isEmpty() || !exec(QStringLiteral("RELEASE %1").arg(m_savepoint), &why)) {
        rollback();
        if (error)
            *error = why;
        return false;
    }
    m_active = false;
    return true;
}

void PlatformWritePermit::rollback()
{
    if (!m_active)
        return;
    exec(QStringLiteral("ROLLBACK TO %1").arg(m_savepoint), nullptr);
    exec(QStringLiteral("RELEASE %1").arg(m_savepoint), nullptr);
    m_active = false;
}

bool PlatformWritePermit::exec(const QString& sql, QString* error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}
