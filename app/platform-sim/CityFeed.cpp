#include "CityFeed.h"

#include "records/DemoCity.h"
#include "storage/Database.h"
#include "storage/SecureBytes.h"
#include "storage/Signing.h"
#include "storage/SqlCipherDriver.h"
#include "sync/ReferenceFeed.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QTemporaryDir>

namespace CityFeed {

bool generate(int subjects, quint32 seed, const QDate& today, QJsonArray* subjectChanges, QJsonArray* itemChanges,
              QString* error)
{
    // Generated into a scratch database with this program's schema, then read back as changes.
    SqlCipherDriver::registerDriver();
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        *error = scratch.errorString();
        return false;
    }
    const QString path = scratch.filePath(QStringLiteral("city.db"));
    const QString connection = QStringLiteral("city-feed");
    SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
    SignerRing::setKey(path, QStringLiteral("platform"), SecureBytes::random(Signing::SeedBytes));
    const Database::OpenResult opened = Database::open(path, connection, Database::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        *error = opened.message;
        return false;
    }
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::database(connection);
        DemoCityOptions options;
        options.subjects = subjects;
        options.seed = seed;
        options.actor = QStringLiteral("platform");
        options.today = today;
        ok = DemoCity::generate(db, options, nullptr, error) &&
             ReferenceFeed::cityChanges(db, subjectChanges, itemChanges, error);
    }
    Database::close(connection);
    SignerRing::removeAll(path);
    return ok;
}

QJsonArray laterChanges(const QJsonArray& items, int count, quint32 seed, const QDate& today,
                        QHash<QString, int>* versions)
{
    QRandomGenerator random(seed);
    QJsonArray later;
    for (int n = 0; n < count && !items.isEmpty(); ++n) {
        QJsonObject change = items.at(random.bounded(int(items.size()))).toObject();
        const QString id = change.value(QStringLiteral("platform_id")).toString();
        const int version =
            std::max(versions->value(id), change.value(QStringLiteral("platform_version")).toInt(1)) + 1;
        versions->insert(id, version);
        change.insert(QStringLiteral("platform_version"), version);
        if (n % 2 == 0) {
            change.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
            change.insert(QStringLiteral("withdrawn_on"), today.toString(Qt::ISODate));
        } else {
            change.insert(QStringLiteral("title"),
                          change.value(QStringLiteral("title")).toString() + QStringLiteral("（更正）"));
            change.insert(QStringLiteral("status"), QStringLiteral("corrected"));
        }
        later.append(change);
    }
    return later;
}

} // namespace CityFeed
