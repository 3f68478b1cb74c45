#pragma once

#include "Roles.h"

#include <QSqlDatabase>
#include <QString>

// Who is logged in on which workstation, and the name of the QSqlDatabase connection opened for them.
// A plain value: copy it freely. The connection it names belongs to the thread that called
// Workstation::openSession(); worker threads make their own with QSqlDatabase::cloneDatabase(connectionName, …)
// (the key is in SqlCipherKeyRing, so clones open without it).
struct Session
{
    QString workstationDir;  // the workstation directory (absolute)
    QString workstationId;   // UUID of the workstation, as in workstation.json, the vault and the database
    QString workstationName; // human name of the workstation
    QString databasePath;    // absolute path of credit.db
    QString username;
    QString displayName;
    Role role = Role::Clerk;
    QString connectionName; // QSqlDatabase connection name, open in the thread that opened the session
    // An auditor let in to examine a database that failed its integrity check: nothing may be written.
    bool readOnly = false;
    QString integrityProblem; // what the check found, for readOnly sessions

    bool isValid() const { return !connectionName.isEmpty(); }
    bool can(Permission permission) const { return isValid() && roleAllows(role, permission); }
    // The session's connection (only in the thread that opened it).
    QSqlDatabase database() const { return QSqlDatabase::database(connectionName, false); }
};
