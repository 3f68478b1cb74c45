#include "PolicyRegistry.h"

#include "JsonFiles.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>

PolicyRegistry PolicyRegistry::builtIn(QString* error)
{
    PolicyRegistry registry;
    const QDir dir(QStringLiteral(":/xmcredit/policy"));
    QStringList problems;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QString problem;
        if (!registry.addFile(dir.filePath(name), &problem))
            problems.append(problem);
    }
    if (registry.isEmpty() && problems.isEmpty())
        problems.append(QCoreApplication::translate("PolicyRegistry", "No policy profile is built into the program."));
    if (error)
        *error = problems.join(QLatin1Char('\n'));
    return registry;
}

bool PolicyRegistry::addJson(const QByteArray& json, QString* error, QString* id)
{
    auto profile = std::make_shared<PolicyProfile>();
    if (!PolicyProfile::fromJson(json, profile.get(), error))
        return false;
    QVector<PolicyProfilePtr> updated;
    for (const PolicyProfilePtr& existing : m_profiles) {
        if (existing->id() == profile->id())
            continue;
        if (existing->effectiveFrom() == profile->effectiveFrom()) {
            if (error)
                *error = QCoreApplication::translate("PolicyRegistry",
                                                     "Policy profile '%1' takes effect on %2, the same day as profile "
                                                     "'%3'; one of them must be withdrawn first.")
                             .arg(profile->id(), profile->effectiveFrom().toString(Qt::ISODate), existing->id());
            return false;
        }
        updated.append(existing);
    }
    updated.append(profile);
    std::sort(updated.begin(), updated.end(), [](const PolicyProfilePtr& a, const PolicyProfilePtr& b) {
        return a->effectiveFrom() < b->effectiveFrom();
    });
    m_profiles = updated;
    if (id)
        *id = profile->id();
    return true;
}

bool PolicyRegistry::addFile(const QString& path, QString* error)
{
    return JsonFiles::loadFile(
        path, QCoreApplication::translate("PolicyRegistry", "Cannot read the policy profile %1: %2"),
        [this](const QByteArray& json, QString* problem) { return addJson(json, problem); }, error);
}

bool PolicyRegistry::addDirectory(const QString& path, QString* error)
{
    return JsonFiles::loadFolder(
        path, QCoreApplication::translate("PolicyRegistry", "The policy folder %1 does not exist."),
        [this](const QString& file, QString* problem) { return addFile(file, problem); }, error);
}

PolicyProfilePtr PolicyRegistry::profile(const QString& id) const
{
    for (const PolicyProfilePtr& p : m_profiles) {
        if (p->id() == id)
            return p;
    }
    return nullptr;
}

PolicyProfilePtr PolicyRegistry::profileOn(const QDate& date) const
{
    if (!date.isValid())
        return nullptr;
    PolicyProfilePtr found;
    for (const PolicyProfilePtr& p : m_profiles) {
        if (p->effectiveFrom() > date)
            break;
        found = p;
    }
    return found;
}

PolicyProfilePtr PolicyRegistry::profileFor(const QDate& decidedOn, const QDate& assessedOn) const
{
    PolicyProfilePtr p = profileOn(assessedOn);
    while (p && p->transition() == PolicyTransition::NewDecisions && decidedOn.isValid() &&
           decidedOn < p->effectiveFrom())
        p = profileOn(p->effectiveFrom().addDays(-1));
    return p;
}
