#include "PolicyProfiles.h"

#include "PlatformRows.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace PolicyProfiles {

namespace {

// The registry with the stored profiles added; skip is a profile id not to add (the one a change is about to replace).
PolicyRegistry withStored(const QSqlDatabase& db, const QString& skip, QStringList* problems)
{
    QString builtInError;
    PolicyRegistry registry = PolicyRegistry::builtIn(&builtInError);
    if (!builtInError.isEmpty())
        problems->append(builtInError);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // A database from before 0015 (an auditor's read-only look at an old file) has no platform profiles.
    if (!q.exec(QStringLiteral("SELECT profile_id, definition FROM policy_profiles ORDER BY rowid")))
        return registry;
    while (q.next()) {
        const QString id = q.value(0).toString();
        if (id == skip)
            continue;
        QString why;
        if (!registry.addJson(q.value(1).toString().toUtf8(), &why))
            problems->append(
                QCoreApplication::translate("PolicyProfiles", "The platform's policy profile %1 cannot be used: %2")
                    .arg(id, why));
    }
    return registry;
}

} // namespace

PolicyRegistry load(const QSqlDatabase& db, QString* error)
{
    QStringList problems;
    PolicyRegistry registry = withStored(db, QString(), &problems);
    if (error)
        *error = problems.join(QLatin1Char('\n'));
    return registry;
}

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
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}$"));
    const QString id = change.value(QLatin1String("profile_id")).toString();
    const int version = change.value(QLatin1String("platform_version")).toInt(0);
    const QString definition = change.value(QLatin1String("definition")).toString();
    if (!idPattern.match(id).hasMatch() || version < 1)
        return refuse(
            QCoreApplication::translate("PolicyProfiles", "A policy change needs its profile id and version."));
    if (change.value(QLatin1String("platform_id")).toString() != QLatin1String("policy/") + id)
        return refuse(
            QCoreApplication::translate("PolicyProfiles", "The policy change's platform id does not name profile %1.")
                .arg(id));
    PolicyProfile parsed;
    QString why;
    if (!PolicyProfile::fromJson(definition.toUtf8(), &parsed, &why))
        return refuse(
            QCoreApplication::translate("PolicyProfiles", "The policy profile %1 does not validate: %2").arg(id, why));
    if (parsed.id() != id)
        return refuse(QCoreApplication::translate("PolicyProfiles", "The policy change for %1 defines profile %2.")
                          .arg(id, parsed.id()));
    int held = 0;
    if (!PlatformRows::storedVersion(db, QStringLiteral("policy_profiles"), QStringLiteral("profile_id"), id, &held,
                                     error))
        return false;
    if (held >= version)
        return true; // an older or the same version: the stored one stands
    // It must fit beside the others: the registry refuses two profiles taking effect on the same day.
    QStringList problems;
    PolicyRegistry registry = withStored(db, id, &problems);
    if (!registry.addJson(definition.toUtf8(), &why))
        return refuse(why);
    if (!PlatformRows::write(db, QStringLiteral("policy_profiles"), QStringLiteral("profile_id"), id, held > 0,
                             {{QStringLiteral("definition"), definition}}, version, actor, error))
        return false;
    *written = true;
    return true;
}

} // namespace PolicyProfiles
