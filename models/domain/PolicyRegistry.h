#pragma once

#include "domain/PolicyProfile.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QVector>

#include <memory>

using PolicyProfilePtr = std::shared_ptr<const PolicyProfile>;

// The policy profiles the workstation knows, ordered by the date each takes effect. Profiles ship in
// :/xmcredit/policy and more arrive by sync; a profile that fails validation is refused with a reason and never
// used. Profiles are held by shared pointer, so an answer stays valid while new profiles are added.
class PolicyRegistry
{
public:
    PolicyRegistry() = default;

    // A registry with every profile in :/xmcredit/policy. A broken built-in profile is a bug: it is reported
    // through *error and left out.
    static PolicyRegistry builtIn(QString* error = nullptr);

    // Validates and adds a profile. A profile with the id of a known one replaces it (a corrected edition);
    // a different profile taking effect on the same day as a known one is refused, since the choice would be
    // arbitrary. On failure nothing changes.
    bool addJson(const QByteArray& json, QString* error, QString* id = nullptr);
    bool addFile(const QString& path, QString* error);
    // Every *.json of a directory (or resource directory); stops at the first broken file.
    bool addDirectory(const QString& path, QString* error);

    QVector<PolicyProfilePtr> profiles() const { return m_profiles; }
    PolicyProfilePtr profile(const QString& id) const;
    bool isEmpty() const { return m_profiles.isEmpty(); }

    // The profile in force on a date: the latest to take effect on or before it; null before the first one.
    PolicyProfilePtr profileOn(const QDate& date) const;
    // The profile that governs an item decided on decidedOn and assessed on assessedOn: the one in force on
    // assessedOn, unless that one applies only to new decisions and the item is older, in which case the
    // profile in force on the decision date (and so on backwards). Null when none applies.
    PolicyProfilePtr profileFor(const QDate& decidedOn, const QDate& assessedOn) const;

private:
    QVector<PolicyProfilePtr> m_profiles; // ascending effectiveFrom
};
