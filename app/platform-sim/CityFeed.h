#pragma once

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QString>

// The generated city the reference platform publishes: the demo city generator's subjects and items as changes of
// the protocol's streams, and later changes to its items as the platform would publish them over time.
namespace CityFeed {

// The city of `subjects` subjects made from `seed` on `today`, as changes (subjects first, then items).
bool generate(int subjects, quint32 seed, const QDate& today, QJsonArray* subjectChanges, QJsonArray* itemChanges,
              QString* error);

// `count` later changes to items of `items` (withdrawals and corrections, alternately), each with a version newer
// than any published before for its item (`versions`: platform id -> last version published, kept by the caller).
QJsonArray laterChanges(const QJsonArray& items, int count, quint32 seed, const QDate& today,
                        QHash<QString, int>* versions);

} // namespace CityFeed
