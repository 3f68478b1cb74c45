#include "Staff.h"

#include "AuditLog.h"

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
    return member;
}

const char* const SelectColumns =
    "SELECT username, display_name, role, active, created_at, created_by, deactivated_at, deactivated_by FROM staff";

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
    return inSavepoint(db, error, [&] {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO staff (username, display_name, role, active, created_at, "
                                     "created_by) VALUES (?, ?, ?, 1, ?, ?)"));
        query.addBindValue(member.username);
        query.addBindValue(member.displayName.trimmed());
        query.addBindValue(Roles::name(member.role));
        query.addBindValue(nowText());
        query.addBindValue(actor);
        if (!query.exec()) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
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
        AuditEntry entry;
        entry.actor = actor;
        entry.action = QStringLiteral("staff.remove");
        entry.objectType = QStringLiteral("staff");
        entry.objectId = username;
        entry.basis = QStringLiteral("staff administration");
        return AuditLog::append(db, entry, error);
    });
}

} // namespace StaffDirectory
