#include "Staff.h"

#include "AuditLog.h"
#include "Signing.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace StaffDirectory {

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime fromText(const QVariant& value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

StaffMember fromQuery(const QSqlQuery& query)
{
    StaffMember member;
    member.username = query.value(0).toString();
    member.displayName = query.value(1).toString();
    Roles::fromName(query.value(2).toString(), &member.role);
    member.active = query.value(3).toInt() == 1;
    member.createdAt = fromText(query.value(4));
    member.createdBy = query.value(5).toString();
    member.deactivatedAt = fromText(query.value(6));
    member.deactivatedBy = query.value(7).toString();
    member.signingKey = QByteArray::fromHex(query.value(8).toString().toLatin1());
    return member;
}

const char* const SelectColumns =
    "SELECT username, display_name, role, active, created_at, created_by, deactivated_at, deactivated_by, signing_key, "
    "signature, retired_keys FROM staff";

QByteArray canonicalOf(const QSqlQuery& query)
{
    return canonicalRow(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toInt(), query.value(4).toString(), query.value(5).toString(),
                        query.value(6).toString(), query.value(7).toString(), query.value(8).toString(),
                        query.value(10).toString());
}

// Signs the row as it now stands in the database with the authority key this process holds for the database.
bool resign(QSqlDatabase& db, const QString& username, QString* error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QLatin1String(SelectColumns) + QStringLiteral(" WHERE username = ?"));
    query.addBindValue(username);
    if (!query.exec() || !query.next()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    QByteArray signature;
    if (!SignerRing::sign(db.databaseName(), SignerRing::AuthorityName, canonicalOf(query), &signature)) {
        if (error)
            *error = QCoreApplication::translate("StaffDirectory",
                                                 "Only an administrator's session can sign changes to the staff list.");
        return false;
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE staff SET signature = ? WHERE username = ?"));
    update.addBindValue(QString::fromLatin1(signature.toHex()));
    update.addBindValue(username);
    if (!update.exec()) {
        if (error)
            *error = update.lastError().text();
        return false;
    }
    return true;
}

// Runs body inside a savepoint: its own transaction when the caller has none, nested otherwise.
template<typename Body> bool inSavepoint(QSqlDatabase& db, QString* error, Body body)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SAVEPOINT staff_change"))) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    if (!body()) {
        query.exec(QStringLiteral("ROLLBACK TO staff_change"));
        query.exec(QStringLiteral("RELEASE staff_change"));
        return false;
    }
    if (!query.exec(QStringLiteral("RELEASE staff_change"))) {
        if (error)
            *error = query.lastError().text();
        query.exec(QStringLiteral("ROLLBACK TO staff_change"));
        query.exec(QStringLiteral("RELEASE staff_change"));
        return false;
    }
    return true;
}

} // namespace

bool isValidUsername(const QString& username)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9._-]{0,31}$"));
    return pattern.match(username).hasMatch();
}

QString normalizedUsername(const QString& typed)
{
    return typed.trimmed().toLower();
}

bool find(const QSqlDatabase& db, const QString& username, StaffMember* member, QString* error)
{
    if (error)
        error->clear();
    QSqlQuery query(db);
    query.prepare(QLatin1String(SelectColumns) + QStringLiteral(" WHERE username = ?"));
    query.addBindValue(username);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    if (!query.next())
        return false;
    if (member)
        *member = fromQuery(query);
    return true;
}

bool list(const QSqlDatabase& db, QList<StaffMember>* members, QString* error)
{
    members->clear();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String(SelectColumns) + QStringLiteral(" ORDER BY username"))) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    while (query.next())
        members->append(fromQuery(query));
    return true;
}

bool insert(QSqlDatabase& db, const StaffMember& member, const QString& actor, QString* error)
{
    if (!isValidUsername(member.username)) {
        if (error)
            *error =
                QCoreApplication::translate("StaffDirectory", "The username %1 is not valid.").arg(member.username);
        return false;
    }
    if (member.signingKey.size() != Signing::PublicKeyBytes) {
        if (error)
            *error = QCoreApplication::translate("StaffDirectory", "%1 has no signing key.").arg(member.username);
        return false;
    }
    return inSavepoint(db, error, [&] {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO staff (username, display_name, role, active, created_at, "
                                     "created_by, signing_key) VALUES (?, ?, ?, 1, ?, ?, ?)"));
        query.addBindValue(member.username);
        query.addBindValue(member.displayName.trimmed());
        query.addBindValue(Roles::name(member.role));
        query.addBindValue(nowText());
        query.addBindValue(actor);
        query.addBindValue(QString::fromLatin1(member.signingKey.toHex()));
        if (!query.exec()) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
        if (!resign(db, member.username, error))
            return false;
        AuditEntry entry;
        entry.actor = actor;
        entry.action = QStringLiteral("staff.add");
        entry.objectType = QStringLiteral("staff");
        entry.objectId = member.username;
        entry.basis = QStringLiteral("staff administration");
        entry.details = QJsonObject{{QStringLiteral("role"), Roles::name(member.role)},
                                    {QStringLiteral("displayName"), member.displayName.trimmed()}};
        return AuditLog::append(db, entry, error);
    });
}

bool deactivate(QSqlDatabase& db, const QString& username, const QString& actor, QString* error)
{
    return inSavepoint(db, error, [&] {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE staff SET active = 0, deactivated_at = ?, deactivated_by = ? "
                                     "WHERE username = ? AND active = 1"));
        query.addBindValue(nowText());
        query.addBindValue(actor);
        query.addBindValue(username);
        if (!query.exec()) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
        if (query.numRowsAffected() != 1) {
            if (error)
                *error = QCoreApplication::translate("StaffDirectory", "There is no active member of staff named %1.")
                             .arg(username);
            return false;
        }
        if (!resign(db, username, error))
            return false;
        AuditEntry entry;
        entry.actor = actor;
        entry.action = QStringLiteral("staff.remove");
        entry.objectType = QStringLiteral("staff");
        entry.objectId = username;
        entry.basis = QStringLiteral("staff administration");
        return AuditLog::append(db, entry, error);
    });
}

bool setSigningKey(QSqlDatabase& db, const QString& username, const QByteArray& signingKey, QString* error)
{
    if (signingKey.size() != Signing::PublicKeyBytes) {
        if (error)
            *error = QCoreApplication::translate("StaffDirectory", "%1 has no signing key.").arg(username);
        return false;
    }
    return inSavepoint(db, error, [&] {
        // The old key stays valid for the entries already signed with it, and for no later one.
        QSqlQuery current(db);
        current.prepare(QStringLiteral("SELECT signing_key, retired_keys, (SELECT coalesce(max(seq), 0) FROM "
                                       "audit_log) FROM staff WHERE username = ?"));
        current.addBindValue(username);
        if (!current.exec() || !current.next()) {
            if (error)
                *error = current.lastError().isValid()
                             ? current.lastError().text()
                             : QCoreApplication::translate("StaffDirectory", "There is no member of staff named %1.")
                                   .arg(username);
            return false;
        }
        QJsonArray retired = QJsonDocument::fromJson(current.value(1).toString().toUtf8()).array();
        if (!current.value(0).toString().isEmpty())
            retired.append(QJsonObject{{QStringLiteral("key"), current.value(0).toString()},
                                       {QStringLiteral("until"), double(current.value(2).toLongLong())}});
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE staff SET signing_key = ?, retired_keys = ? WHERE username = ?"));
        query.addBindValue(QString::fromLatin1(signingKey.toHex()));
        query.addBindValue(QString::fromUtf8(QJsonDocument(retired).toJson(QJsonDocument::Compact)));
        query.addBindValue(username);
        if (!query.exec() || query.numRowsAffected() != 1) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
        return resign(db, username, error);
    });
}

QByteArray canonicalRow(const QString& username, const QString& displayName, const QString& role, int active,
                        const QString& createdAt, const QString& createdBy, const QString& deactivatedAt,
                        const QString& deactivatedBy, const QString& signingKeyHex, const QString& retiredKeysJson)
{
    QJsonArray fields{username,      displayName,   role,         QString::number(active), createdAt, createdBy,
                      deactivatedAt, deactivatedBy, signingKeyHex};
    // Rows without retired keys sign as they did before the column existed.
    if (!retiredKeysJson.isEmpty() && retiredKeysJson != QLatin1String("[]"))
        fields.append(retiredKeysJson);
    return QByteArrayLiteral("xmcredit-staff-row-v1\n") + QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

bool verifyRoster(const QSqlDatabase& db, const QByteArray& authorityPublicKey, QString* problem, QStringList* failing)
{
    problem->clear();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String(SelectColumns) + QStringLiteral(" ORDER BY username"))) {
        *problem = QCoreApplication::translate("StaffDirectory", "The staff list cannot be read: %1")
                       .arg(query.lastError().text());
        return false;
    }
    while (query.next()) {
        const QByteArray signature = QByteArray::fromHex(query.value(9).toString().toLatin1());
        if (!Signing::verify(authorityPublicKey, canonicalOf(query), signature)) {
            if (problem->isEmpty())
                *problem = QCoreApplication::translate("StaffDirectory",
                                                       "The staff row of %1 is not signed by an administrator of this "
                                                       "workstation: it was added or changed outside the program.")
                               .arg(query.value(0).toString());
            if (!failing)
                return false;
            failing->append(query.value(0).toString());
        }
    }
    return problem->isEmpty();
}

} // namespace StaffDirectory
