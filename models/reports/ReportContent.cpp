#include "ReportContent.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonArray strings(const QStringList& list)
{
    QJsonArray out;
    for (const QString& s : list)
        out.append(s);
    return out;
}

QStringList stringsOf(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

} // namespace

QJsonObject ReportContent::toJson() const
{
    QJsonArray subjectRows;
    for (const auto& [label, value] : subject)
        subjectRows.append(QJsonArray{label, value});
    QJsonArray tableArray;
    for (const ReportTable& t : tables) {
        QJsonArray rowArray;
        for (const QStringList& row : t.rows)
            rowArray.append(strings(row));
        QJsonArray widthArray;
        for (int w : t.widths)
            widthArray.append(w);
        tableArray.append(QJsonObject{{QStringLiteral("key"), t.key},
                                      {QStringLiteral("title"), t.title},
                                      {QStringLiteral("statement"), t.statement},
                                      {QStringLiteral("columns"), strings(t.columns)},
                                      {QStringLiteral("widths"), widthArray},
                                      {QStringLiteral("rows"), rowArray},
                                      {QStringLiteral("emptyText"), t.emptyText}});
    }
    return {{QStringLiteral("format"), format},
            {QStringLiteral("kind"), toKey(kind)},
            {QStringLiteral("title"), title},
            {QStringLiteral("centre"), centre},
            {QStringLiteral("number"), number},
            {QStringLiteral("code"), code},
            {QStringLiteral("generatedAt"), generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))},
            {QStringLiteral("asOf"), asOf.toString(Qt::ISODate)},
            {QStringLiteral("workstation"), workstation},
            {QStringLiteral("operator"), operatorName},
            {QStringLiteral("mode"), toKey(mode)},
            {QStringLiteral("modeText"), modeText},
            {QStringLiteral("basis"), basisText},
            {QStringLiteral("purpose"), purposeText},
            {QStringLiteral("subject"), subjectRows},
            {QStringLiteral("warning"), warning},
            {QStringLiteral("scope"), scopeText},
            {QStringLiteral("tables"), tableArray},
            {QStringLiteral("notes"), strings(notes)}};
}

bool ReportContent::fromJson(const QJsonObject& json, ReportContent* content, QString* error)
{
    ReportContent c;
    c.format = json.value(QLatin1String("format")).toInt();
    if (c.format != 1 || !fromKey(json.value(QLatin1String("kind")).toString(), &c.kind) ||
        !fromKey(json.value(QLatin1String("mode")).toString(), &c.mode)) {
        if (error)
            *error = QCoreApplication::translate("ReportContent", "The stored report is not in a format this program "
                                                                  "reads.");
        return false;
    }
    auto get = [&json](const char* key) { return json.value(QLatin1String(key)).toString(); };
    c.title = get("title");
    c.centre = get("centre");
    c.number = get("number");
    c.code = get("code");
    c.generatedAt = QDateTime::fromString(get("generatedAt"), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    c.asOf = QDate::fromString(get("asOf"), Qt::ISODate);
    c.workstation = get("workstation");
    c.operatorName = get("operator");
    c.modeText = get("modeText");
    c.basisText = get("basis");
    c.purposeText = get("purpose");
    for (const QJsonValue& row : json.value(QLatin1String("subject")).toArray()) {
        const QJsonArray pair = row.toArray();
        c.subject.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    c.warning = get("warning");
    c.scopeText = get("scope");
    for (const QJsonValue& value : json.value(QLatin1String("tables")).toArray()) {
        const QJsonObject t = value.toObject();
        ReportTable table;
        table.key = t.value(QLatin1String("key")).toString();
        table.title = t.value(QLatin1String("title")).toString();
        table.statement = t.value(QLatin1String("statement")).toString();
        table.columns = stringsOf(t.value(QLatin1String("columns")));
        for (const QJsonValue& w : t.value(QLatin1String("widths")).toArray())
            table.widths << w.toInt();
        for (const QJsonValue& row : t.value(QLatin1String("rows")).toArray())
            table.rows << stringsOf(row);
        table.emptyText = t.value(QLatin1String("emptyText")).toString();
        c.tables << table;
    }
    c.notes = stringsOf(json.value(QLatin1String("notes")));
    *content = c;
    return true;
}

QByteArray ReportContent::canonical() const
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

QString ReportContent::sha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(canonical(), QCryptographicHash::Sha256).toHex());
}

QString ReportContent::toText() const
{
    QString out;
    auto line = [&out](const QString& text) {
        out += text;
        out += QLatin1Char('\n');
    };
    auto field = [&line](const QString& label, const QString& value) { line(label + QStringLiteral(": ") + value); };
    line(QStringLiteral("# ") + title);
    field(QCoreApplication::translate("ReportContent", "Issued by"), centre);
    field(QCoreApplication::translate("ReportContent", "Report number"), number);
    field(QCoreApplication::translate("ReportContent", "Verification code"), code);
    field(QCoreApplication::translate("ReportContent", "Generated"),
          generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    field(QCoreApplication::translate("ReportContent", "Disclosure mode"), modeText);
    field(QCoreApplication::translate("ReportContent", "Basis"), basisText);
    field(QCoreApplication::translate("ReportContent", "Purpose"), purposeText);
    field(QCoreApplication::translate("ReportContent", "Operator"), operatorName + QStringLiteral(" @ ") + workstation);
    line(QString());
    line(QStringLiteral("## ") + QCoreApplication::translate("ReportContent", "Subject"));
    for (const auto& [label, value] : subject)
        field(label, value);
    if (!scopeText.isEmpty())
        field(QCoreApplication::translate("ReportContent", "Scope"), scopeText);
    if (!warning.isEmpty())
        field(QCoreApplication::translate("ReportContent", "Warning"), warning);
    for (const ReportTable& t : tables) {
        line(QString());
        line(QStringLiteral("## ") + t.title);
        if (!t.statement.isEmpty())
            line(t.statement);
        if (t.rows.isEmpty()) {
            line(t.emptyText);
            continue;
        }
        line(t.columns.join(QStringLiteral(" | ")));
        for (const QStringList& row : t.rows)
            line(row.join(QStringLiteral(" | ")));
    }
    line(QString());
    for (const QString& note : notes)
        line(QStringLiteral("* ") + note);
    return out;
}
