#pragma once

#include "Roles.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// Staff accounts as the database knows them (table staff). The database is the authority for who exists, their
// role and whether they are active; the key vault only holds each person's key slot. A slot whose staff row is
// missing or inactive cannot log in. Staff rows are never deleted (the audit trail refers to them): removing a
// person deactivates the row and deletes their vault slot.
struct StaffMember
{
    QString username;
    QString displayName;
    Role role = Role::Clerk;
    bool active = true;
    QDateTime createdAt; // UTC
    QString createdBy;
    QDateTime deactivatedAt; // UTC; invalid while active
    QString deactivatedBy;
    bool hasSlot = false; // filled in by Workstation::listStaff from the vault
};

namespace StaffDirectory {
// Usernames: 1–32 characters of a-z, 0-9, '.', '_', '-', starting with a letter.
bool isValidUsername(const QString& username);
// The form a typed username is compared in: trimmed and lowercased.
QString normalizedUsername(const QString& typed);

// Reads one row (active or not). Returns false with error empty when there is no such row, or with error set on
// an SQL failure.
bool find(const QSqlDatabase& db, const QString& username, StaffMember* member, QString* error = nullptr);
// Every row, by username.
bool list(const QSqlDatabase& db, QList<StaffMember>* members, QString* error = nullptr);
// Inserts an active row and audits "staff.add" by actor in the same transaction the caller holds (or its own).
bool insert(QSqlDatabase& db, const StaffMember& member, const QString& actor, QString* error = nullptr);
// Deactivates and audits "staff.remove".
bool deactivate(QSqlDatabase& db, const QString& username, const QString& actor, QString* error = nullptr);
} // namespace StaffDirectory
