#pragma once

#include "RecordTypes.h"

#include <QJsonObject>
#include <QString>

// Subjects and items as JSON objects with the column names of their tables as keys ("identifier", "item_type",
// "decision_date", …): the payload of a record submission, and a plain exchange form for sync and tests.
// Local row ids and timestamps are left out; platform id and version are included when set.
namespace RecordJson {

QJsonObject toJson(const Subject& subject);
QJsonObject toJson(const CreditItem& item);
QJsonObject toJson(const IdentifierOverride& override);

// Each returns false with a reason naming the offending key when a required key is missing or a key holds an
// unknown value; *out is filled only on success.
bool fromJson(const QJsonObject& json, Subject* out, QString* error = nullptr);
bool fromJson(const QJsonObject& json, CreditItem* out, QString* error = nullptr);
bool fromJson(const QJsonObject& json, IdentifierOverride* out, QString* error = nullptr);

} // namespace RecordJson
