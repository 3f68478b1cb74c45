#pragma once

#include "domain/PolicyRegistry.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

// The policy profiles as this workstation knows them: the built-in profiles (resources/policy), overlaid by the
// profiles the platform published on its policy stream (table policy_profiles, 0015). A published profile with the
// id of a built-in one is its corrected edition and replaces it; a new id adds a profile (the rules from its
// effectiveFrom on). Every assessment of disclosure, repair, collection, warnings and case time limits made in a
// session uses this registry.
namespace PolicyProfiles {

// The built-in registry with the platform's profiles added in the order they arrived. A stored profile that no longer
// validates is left out and named in *error (the others stand).
PolicyRegistry load(const QSqlDatabase& db, QString* error = nullptr);

// Applies one change of the policy stream ({"platform_id": "policy/<id>", "platform_version", "profile_id",
// "definition": the profile's JSON as a string}) in the caller's transaction: written when the profile is new or the
// version newer (*written), skipped otherwise. The profile must validate and fit the registry as it would then be (no
// two profiles taking effect on the same day); *malformed tells such a change from a database failure.
bool apply(QSqlDatabase& db, const QJsonObject& change, const QString& actor, bool* written, QString* error,
           bool* malformed);

} // namespace PolicyProfiles
