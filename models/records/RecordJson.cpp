#include "RecordJson.h"

#include <QCoreApplication>

namespace {

void putText(QJsonObject& json, const char* key, const QString& value)
{
    if (!value.isEmpty())
        json.insert(QLatin1String(key), value);
}

void putDate(QJsonObject& json, const char* key, const QDate& value)
{
    if (value.isValid())
        json.insert(QLatin1String(key), RecordFormat::date(value));
}

QString text(const QJsonObject& json, const char* key)
{
    return json.value(QLatin1String(key)).toString();
}

bool missingKey(const char* key, QString* error)
{
    if (error)
        *error = QCoreApplication::translate("RecordJson", "The key \"%1\" is missing.").arg(QLatin1String(key));
    return false;
}

bool unknownValue(const char* key, const QString& value, QString* error)
{
    if (error)
        *error = QCoreApplication::translate("RecordJson", "The value of \"%1\" is not known: %2")
                     .arg(QLatin1String(key), value);
    return false;
}

bool readDate(const QJsonObject& json, const char* key, QDate* out, QString* error)
{
    const QString value = text(json, key);
    if (value.isEmpty()) {
        *out = QDate();
        return true;
    }
    *out = RecordFormat::parseDate(value);
    if (out->isValid())
        return true;
    if (error)
        *error = QCoreApplication::translate("RecordJson", "The value of \"%1\" is not a date (yyyy-MM-dd): %2")
                     .arg(QLatin1String(key), value);
    return false;
}

template<typename Enum> bool readKey(const QJsonObject& json, const char* key, Enum* out, bool required, QString* error)
{
    const QString value = text(json, key);
    if (value.isEmpty() && !required)
        return true;
    if (fromKey(value, out))
        return true;
    return value.isEmpty() ? missingKey(key, error) : unknownValue(key, value, error);
}

bool require(const QJsonObject& json, const char* key, QString* error)
{
    return !text(json, key).isEmpty() || missingKey(key, error);
}

// Subjects and items share where they came from: origin, platform id and version (when set).
template<typename Row> void putProvenance(QJsonObject& json, const Row& row)
{
    json.insert(QStringLiteral("origin"), toKey(row.origin));
    putText(json, "platform_id", row.platformId);
    if (row.platformVersion > 0)
        json.insert(QStringLiteral("platform_version"), row.platformVersion);
}

// row->origin keeps its value when the key is absent.
template<typename Row> bool readProvenance(const QJsonObject& json, Row* row, QString* error)
{
    if (!readKey(json, "origin", &row->origin, false, error))
        return false;
    row->platformId = text(json, "platform_id");
    row->platformVersion = qint64(json.value(QLatin1String("platform_version")).toDouble());
    return true;
}

} // namespace

namespace RecordJson {

QJsonObject toJson(const IdentifierOverride& override)
{
    QJsonObject json;
    json.insert(QStringLiteral("identifier"), override.identifier);
    json.insert(QStringLiteral("supervisor"), override.supervisor);
    json.insert(QStringLiteral("reason"), override.reason);
    json.insert(QStringLiteral("signed_at"), RecordFormat::timestamp(override.signedAt));
    return json;
}

bool fromJson(const QJsonObject& json, IdentifierOverride* out, QString* error)
{
    IdentifierOverride value;
    value.identifier = text(json, "identifier");
    value.supervisor = text(json, "supervisor");
    value.reason = text(json, "reason");
    value.signedAt = RecordFormat::parseTimestamp(text(json, "signed_at"));
    if (!value.isComplete()) {
        if (error)
            *error = QCoreApplication::translate(
                "RecordJson",
                "The identifier override is incomplete: it needs the identifier, the supervisor, the reason "
                "and the signing time.");
        return false;
    }
    *out = value;
    return true;
}

QJsonObject toJson(const Subject& subject)
{
    QJsonObject json;
    json.insert(QStringLiteral("kind"), toKey(subject.kind));
    json.insert(QStringLiteral("identifier"), subject.identifier);
    if (subject.hasIdentifierOverride)
        json.insert(QStringLiteral("identifier_override"), toJson(subject.identifierOverride));
    json.insert(QStringLiteral("name"), subject.name);
    putText(json, "legal_representative", subject.legalRepresentative);
    putText(json, "registered_address", subject.registeredAddress);
    putDate(json, "established_on", subject.establishedOn);
    putText(json, "industry", subject.industry);
    putText(json, "district", subject.district);
    putText(json, "status", subject.status);
    putProvenance(json, subject);
    return json;
}

bool fromJson(const QJsonObject& json, Subject* out, QString* error)
{
    Subject s;
    if (!readKey(json, "kind", &s.kind, true, error) || !require(json, "identifier", error) ||
        !require(json, "name", error))
        return false;
    s.identifier = text(json, "identifier");
    if (json.contains(QLatin1String("identifier_override"))) {
        if (!fromJson(json.value(QLatin1String("identifier_override")).toObject(), &s.identifierOverride, error))
            return false;
        s.hasIdentifierOverride = true;
    }
    s.name = text(json, "name");
    s.legalRepresentative = text(json, "legal_representative");
    s.registeredAddress = text(json, "registered_address");
    if (!readDate(json, "established_on", &s.establishedOn, error))
        return false;
    s.industry = text(json, "industry");
    s.district = text(json, "district");
    s.status = text(json, "status");
    s.origin = RecordOrigin::Local;
    if (!readProvenance(json, &s, error))
        return false;
    *out = s;
    return true;
}

QJsonObject toJson(const CreditItem& item)
{
    QJsonObject json;
    json.insert(QStringLiteral("category"), toKey(item.category));
    json.insert(QStringLiteral("item_type"), item.itemType);
    json.insert(QStringLiteral("severity"), toKey(item.severity));
    json.insert(QStringLiteral("list_kind"), toKey(item.listKind));
    putText(json, "field_key", item.fieldKey);
    putText(json, "penalty_kind_key", item.penaltyKindKey);
    putText(json, "cause_key", item.causeKey);
    putText(json, "source_department", item.sourceDepartment);
    putText(json, "legal_document_number", item.legalDocumentNumber);
    putDate(json, "decision_date", item.decisionDate);
    json.insert(QStringLiteral("disclosure_mode"), toKey(item.disclosureMode));
    json.insert(QStringLiteral("status"), toKey(item.status));
    if (item.objectionPending)
        json.insert(QStringLiteral("objection_pending"), true);
    putDate(json, "repaired_on", item.repairedOn);
    putDate(json, "withdrawn_on", item.withdrawnOn);
    putText(json, "non_repairable_basis", item.nonRepairableBasis);
    json.insert(QStringLiteral("title"), item.title);
    putText(json, "content", item.content);
    putProvenance(json, item);
    return json;
}

bool fromJson(const QJsonObject& json, CreditItem* out, QString* error)
{
    CreditItem item;
    if (!readKey(json, "category", &item.category, true, error) || !require(json, "item_type", error) ||
        !readKey(json, "severity", &item.severity, false, error) ||
        !readKey(json, "list_kind", &item.listKind, false, error) ||
        !readDate(json, "decision_date", &item.decisionDate, error) || !require(json, "decision_date", error) ||
        !readKey(json, "disclosure_mode", &item.disclosureMode, false, error) ||
        !readKey(json, "status", &item.status, false, error) ||
        !readDate(json, "repaired_on", &item.repairedOn, error) ||
        !readDate(json, "withdrawn_on", &item.withdrawnOn, error) || !require(json, "title", error))
        return false;
    item.itemType = text(json, "item_type");
    if (!ItemTypes::find(item.itemType, nullptr))
        return unknownValue("item_type", item.itemType, error);
    item.fieldKey = text(json, "field_key");
    item.penaltyKindKey = text(json, "penalty_kind_key");
    item.causeKey = text(json, "cause_key");
    item.sourceDepartment = text(json, "source_department");
    item.legalDocumentNumber = text(json, "legal_document_number");
    item.objectionPending = json.value(QLatin1String("objection_pending")).toBool();
    item.nonRepairableBasis = text(json, "non_repairable_basis");
    item.title = text(json, "title");
    item.content = text(json, "content");
    item.origin = RecordOrigin::Platform;
    if (!readProvenance(json, &item, error))
        return false;
    *out = item;
    return true;
}

} // namespace RecordJson
