#pragma once

#include "ReportTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// A table of the report: the summary, one category of items, or one field of a special report.
struct ReportTable
{
    QString key;       // "summary", "basic", "trustworthy", "dishonest", "field.<key>"
    QString title;     // the section's heading
    QString statement; // a paragraph above the table (a special report's finding for the field), may be empty
    QStringList columns;
    QList<int> widths; // per column, in percent of the page width
    QList<QStringList> rows;
    QString emptyText; // printed instead of the table when there are no rows
};

// Everything a report says, decided once when it is issued: the renderer lays it out and the verification screen
// shows it again, both from this, so what was printed and what is verified are the same words. It is stored as
// canonical JSON (toJson) whose SHA-256 the report's signature covers.
struct ReportContent
{
    int format = 1;
    ReportKind kind = ReportKind::Public;
    QString title; // 公共信用信息报告 / 专项信用报告
    QString centre;
    QString number;
    QString code;
    QDateTime generatedAt; // local time, to the second
    QDate asOf;            // the day the rules were applied for
    QString workstation;
    QString operatorName; // display name of the clerk who issued it
    DisclosureMode mode = DisclosureMode::Authorised;
    QString modeText;
    QString basisText;
    QString purposeText;
    QList<QPair<QString, QString>> subject; // label, value (identifiers masked; only what the mode allows)
    QString warning;                        // the social credit warning in force, empty when none
    QString scopeText;                      // special reports: the period and fields covered
    QList<ReportTable> tables;              // the summary first, then the sections
    QStringList notes;                      // what the report includes and leaves out, the disclaimer

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, ReportContent* content, QString* error);
    // Compact JSON with sorted keys: what is hashed, signed and stored.
    QByteArray canonical() const;
    // SHA-256 (lowercase hex) of canonical().
    QString sha256() const;
    // The report as plain structured text, one fact per line: the reference files in tests/data/reports and the
    // verification screen's "what it contained".
    QString toText() const;
};
