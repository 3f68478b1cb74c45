#pragma once

#include "storage/Roles.h"
#include "storage/Session.h"

#include <QList>
#include <QString>
#include <QVariant>

// A member of staff as a test enrols them.
struct StaffLogin
{
    QString username;
    QString displayName;
    Role role = Role::Clerk;
    QString password;
};

// Real workstations for the tests that drive the application the way it is used: created, unlocked and opened
// through Workstation, as xmcredit-admin and the login dialog do. Each returns false with *error set on failure.
namespace WorkstationFixture {

// Unlocks the workstation in dir as username and opens its session in this thread as connectionName.
bool openSession(const QString& dir, const QString& username, const QString& password, const QString& connectionName,
                 Session* session, QString* error);

// Creates a workstation in dir named name whose first administrator is admin, and enrols staff through the
// administrator's session. With adminSession, that session is left open for the caller (to fill records, say),
// who closes it with Workstation::closeSession; without, it is closed.
bool create(const QString& dir, const QString& name, const StaffLogin& admin, const QList<StaffLogin>& staff,
            QString* error, Session* adminSession = nullptr);

// The first column of the first row of sql, read straight from the workstation's database with the key from
// username's slot: no session, nothing written, nothing audited (how the command-line tests look behind the
// commands). An invalid QVariant when the unlock, the open or the query fails.
QVariant peek(const QString& dir, const QString& username, const QString& password, const QString& sql);

} // namespace WorkstationFixture
