#include "WorkstationFixture.h"

#include "storage/SqlCipherDriver.h"
#include "storage/Workstation.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace WorkstationFixture {

bool openSession(const QString& dir, const QString& username, const QString& password, const QString& connectionName,
                 Session* session, QString* error)
{
    const UnlockResult unlocked = Workstation::unlock(dir, username, password);
    WorkstationStatus status = unlocked.status;
    if (status.ok())
        status = Workstation::openSession(unlocked, connectionName, session);
    if (!status.ok() && error)
        *error = status.message;
    return status.ok();
}

bool create(const QString& dir, const QString& name, const StaffLogin& admin, const QList<StaffLogin>& staff,
            QString* error, Session* adminSession)
{
    const WorkstationStatus created = Workstation::create(dir, name, admin.username, admin.displayName, admin.password);
    if (!created.ok()) {
        if (error)
            *error = created.message;
        return false;
    }
    Session session;
    if (!openSession(dir, admin.username, admin.password, QStringLiteral("setup"), &session, error))
        return false;
    for (const StaffLogin& member : staff) {
        const WorkstationStatus added =
            Workstation::addStaff(session, member.username, member.displayName, member.role, member.password);
        if (!added.ok()) {
            if (error)
                *error = added.message;
            Workstation::closeSession(session);
            return false;
        }
    }
    if (adminSession)
        *adminSession = session;
    else
        Workstation::closeSession(session);
    return true;
}

QVariant peek(const QString& dir, const QString& username, const QString& password, const QString& sql)
{
    const UnlockResult unlocked = Workstation::unlock(dir, username, password);
    if (!unlocked.ok())
        return {};
    const QString path = Workstation::databasePath(dir);
    SqlCipherKeyRing::setKey(path, *unlocked.databaseKey);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QLatin1String(SqlCipherDriver::DriverName), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    SqlCipherKeyRing::removeKey(path);
    return value;
}

} // namespace WorkstationFixture
