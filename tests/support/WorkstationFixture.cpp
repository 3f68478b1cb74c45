#include "WorkstationFixture.h"

#include "storage/Workstation.h"

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

} // namespace WorkstationFixture
