#pragma once

#include "Roles.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

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
    bool hasSlot = false;        // filled in by Workstation::listStaff from the vault
    QByteArray signingKey;       // the person's Ed25519 public key: their audit entries verify under it
    bool signatureValid = false; // filled in by verifyRoster / list: the authority's signature of the row holds
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
// Inserts an active row signed by the staff authority key (SignerRing::AuthorityName: only an administrator's
// session holds it) and audits "staff.add" by actor in the same transaction the caller holds (or its own).
// member.signingKey must be the new person's public signing key.
bool insert(QSqlDatabase& db, const StaffMember& member, const QString& actor, QString* error = nullptr);
// Deactivates, re-signs and audits "staff.remove".
bool deactivate(QSqlDatabase& db, const QString& username, const QString& actor, QString* error = nullptr);
// Gives a person a new signing key (an administrator reset their password, so their old slot and its key are gone)
// and re-signs the row. Audited by the caller's "staff.passwd" entry.
bool setSigningKey(QSqlDatabase& db, const QString& username, const QByteArray& signingKey, QString* error = nullptr);

// Checks every staff row's signature against the authority's public key. Returns false with problem naming the
// first row that fails (a role, name, key or state changed outside the program, or a row added there).
// failing, when given, gets every username whose row fails.
bool verifyRoster(const QSqlDatabase& db, const QByteArray& authorityPublicKey, QString* problem,
                  QStringList* failing = nullptr);
// What the authority signs for one row.
QByteArray canonicalRow(const QString& username, const QString& displayName, const QString& role, int active,
                        const QString& createdAt, const QString& createdBy, const QString& deactivatedAt,
                        const QString& deactivatedBy, const QString& signingKeyHex,
                        const QString& retiredKeysJson = QStringLiteral("[]"));
} // namespace StaffDirectory
