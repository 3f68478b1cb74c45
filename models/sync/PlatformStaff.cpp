#include "PlatformStaff.h"

#include "PlatformRows.h"

#include "domain/TextRules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace PlatformStaff {

bool apply(QSqlDatabase& db, const QJsonObject& change, const QString& actor, bool* written, QString* error,
           bool* malformed)
{
    *written = false;
    *malformed = false;
    auto refuse = [&](const QString& why) {
        *malformed = true;
        if (error)
            *error = why;
        return false;
    };
    static const QRegularExpression userPattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}$"));
    static const QStringList roles{QStringLiteral("clerk"),         QStringLiteral("reviewer"),
                                   QStringLiteral("supervisor"),    QStringLiteral("auditor"),
                                   QStringLiteral("administrator"), QStringLiteral("platform_reviewer")};
    const QString username = change.value(QLatin1String("username")).toString();
    const QString name = change.value(QLatin1String("display_name")).toString().trimmed();
    const QString role = change.value(QLatin1String("role")).toString();
    const QString unit = change.value(QLatin1String("unit")).toString().trimmed();
    const int version = change.value(QLatin1String("platform_version")).toInt(0);
    const QJsonValue active = change.value(QLatin1String("active"));
    if (!userPattern.match(username).hasMatch() || version < 1)
        return refuse(QCoreApplication::translate("PlatformStaff",
                                                  "A directory entry needs a username (lower-case letters, digits, "
                                                  "._-) and its version."));
    if (change.value(QLatin1String("platform_id")).toString() != QLatin1String("staff/") + username)
        return refuse(
            QCoreApplication::translate("PlatformStaff", "The directory entry's platform id does not name %1.")
                .arg(username));
    if (!roles.contains(role))
        return refuse(QCoreApplication::translate("PlatformStaff", "The directory entry of %1 has an unknown role.")
                          .arg(username));
    if (!active.isBool())
        return refuse(
            QCoreApplication::translate("PlatformStaff", "The directory entry of %1 does not say whether it is active.")
                .arg(username));
    QString problem = TextRules::problem(name, QCoreApplication::translate("PlatformStaff", "The name"), 100);
    if (problem.isEmpty())
        problem = TextRules::problem(unit, QCoreApplication::translate("PlatformStaff", "The unit"), 100);
    if (!problem.isEmpty())
        return refuse(
            QCoreApplication::translate("PlatformStaff", "The directory entry of %1: %2").arg(username, problem));
    if (name.isEmpty())
        return refuse(
            QCoreApplication::translate("PlatformStaff", "The directory entry of %1 has no name.").arg(username));
    int held = 0;
    if (!PlatformRows::storedVersion(db, QStringLiteral("platform_staff"), QStringLiteral("username"), username, &held,
                                     error))
        return false;
    if (held >= version)
        return true; // an older or the same version: the stored one stands
    if (!PlatformRows::write(db, QStringLiteral("platform_staff"), QStringLiteral("username"), username, held > 0,
                             {{QStringLiteral("display_name"), name},
                              {QStringLiteral("role"), role},
                              {QStringLiteral("unit"), unit},
                              {QStringLiteral("active"), active.toBool() ? 1 : 0}},
                             version, actor, error))
        return false;
    *written = true;
    return true;
}

QHash<QString, QString> names(const QSqlDatabase& db)
{
    QHash<QString, QString> result;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT username, display_name, unit, active FROM platform_staff")))
        return result;
    while (q.next()) {
        QString shown = q.value(2).toString().isEmpty() ? q.value(1).toString()
                                                        : QCoreApplication::translate("PlatformStaff", "%1 (%2)")
                                                              .arg(q.value(1).toString(), q.value(2).toString());
        if (!q.value(3).toBool())
            shown = QCoreApplication::translate("PlatformStaff", "%1, left").arg(shown);
        result.insert(q.value(0).toString(), shown);
    }
    return result;
}

} // namespace PlatformStaff
