#pragma once

#include <QDate>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <functional>

// A deterministic, realistic demo city (xmcredit-admin demo-city, installer/dev.sh run, the search benchmark):
// subjects of every kind with valid identifiers of Xiamen's districts (real birth dates; GB 32100 codes with
// valid check characters, computed by the domain), plausible Chinese names, and items of every category and type
// in realistic proportions and states: expired, repaired, withdrawn, corrected, under objection; some
// organisations with a social credit warning (key attention listings in 3 fields within 12 months) and some with
// a non-repairable penalty. The same seed gives the same city (identifiers, names, items).
//
// Speed: one transaction under a platform write permit (the city is platform data), one prepared statement per
// table, and the secondary indexes, the FTS bigram index and its triggers dropped before and rebuilt after the
// bulk load (several times faster than loading into indexed tables).
struct DemoCityOptions
{
    qint64 subjects = 1000;
    quint32 seed = 1;
    double itemsPerSubject = 5.0; // average over all subjects
    QDate today;                  // decisions spread over the six years before it; invalid = the current date
    QString actor = QStringLiteral("system"); // audited as the one who generated it
    // Called every few thousand subjects and at the end.
    std::function<void(qint64 subjectsDone, qint64 itemsDone)> progress;
};

struct DemoCityReport
{
    qint64 subjects = 0;
    qint64 items = 0;
    QMap<QString, qint64> subjectsByKind;  // SubjectKind key -> count
    QMap<QString, qint64> itemsByCategory; // ItemCategory key -> count
    QMap<QString, qint64> itemsByType;     // item type key -> count
    QMap<QString, qint64> itemsByStatus;   // ItemStatus key -> count
    qint64 objectionsPending = 0;
    qint64 warningSubjects = 0;    // organisations given 3+ key attention listings in 12 months
    qint64 nonRepairableItems = 0; // penalties no repair can lift
    qint64 loadMs = 0;             // inserting rows
    qint64 indexMs = 0;            // rebuilding the secondary indexes and the FTS bigram index
    qint64 searchIndexMs = 0;      // no longer measured apart (within indexMs); kept for the report's form
    qint64 totalMs = 0;
};

namespace DemoCity {

// Whether the records tables (subjects, credit_items) are empty. False with *error set on an SQL failure.
bool recordsEmpty(const QSqlDatabase& db, bool* empty, QString* error = nullptr);

// Generates the city into db, whose records tables must be empty (refused otherwise: a demo city never mixes with
// real data). All or nothing.
bool generate(QSqlDatabase& db, const DemoCityOptions& options, DemoCityReport* report = nullptr,
              QString* error = nullptr);

// Identifier builders (check characters from the domain's functions), used by the generator and by tests.
// A resident ID from an area code, a birth date and a 3-digit sequence number (odd for men).
QString residentId(const QString& area, const QDate& birthDate, int sequence);
// A unified social credit code from the registration authority and type ("91", "92", "51", …), the 6-digit area
// code and the first 8 characters of the organisation code.
QString creditCode(const QString& authorityAndType, const QString& area, const QString& organisationBody);

} // namespace DemoCity
