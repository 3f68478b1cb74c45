#pragma once

#include "records/RecordTypes.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class PolicyProfile;

// Public credit reports (公共信用信息报告) and special credit reports (专项信用报告), DOMAIN.md "Public credit
// reports". Every enum has a stable key for storage, JSON and the command line, and a translated display name.
enum class ReportKind {
    Public,  // every item in its disclosure period, by category
    Special, // 专项信用报告: per chosen field, over a chosen period, whether dishonest records exist
};

// Why the report is asked for; it decides the disclosure mode and so what the page may show.
enum class ReportBasisKind {
    Self,       // the subject in person or its legal representative, identity checked: authorised query
    Authorised, // a third party holding the subject's written authorisation: authorised query
    Agency,     // a government agency for one of the six purposes: government sharing
};

QString toKey(ReportKind value);
QString toKey(ReportBasisKind value);
bool fromKey(const QString& key, ReportKind* value);
bool fromKey(const QString& key, ReportBasisKind* value);
QString displayName(ReportKind value);
QString displayName(ReportBasisKind value);

// The recorded basis of a report request. Only the fields of its kind are used.
struct ReportBasis
{
    ReportBasisKind kind = ReportBasisKind::Self;

    // Self and authorised: the person at the window and their identity document.
    QString applicantName;
    QString capacity;       // self only: "self" (the subject in person) or "representative" (its legal representative)
    QString documentType;   // ReportBases::identityDocuments() key
    QString documentNumber; // the document's number (checked as a resident ID when it is one)
    QString verifiedBy;     // ReportBases::verificationMethods() key

    // Authorised: the subject's written authorisation, scanned.
    QString authorisationRef; // what identifies it (its date or number as written on it)
    QDate validFrom;
    QDate validUntil;
    QByteArray scan; // the scan's bytes (stored as an attachment; never in the JSON)
    QString scanFileName;
    QString scanMimeType;

    // Agency: who asks, under which document, for which of the six purposes.
    QString agency;
    QString agencyDocument;
    QString purpose;     // ReportBases::purposes() key
    QString purposeRule; // purpose "other": the state, provincial or city rule that sets it

    // The disclosure mode the basis allows: government sharing for agencies, authorised query otherwise.
    DisclosureMode mode() const;
    // Stable keys and what was typed, without the scan (identity numbers masked).
    QJsonObject toJson() const;
    static ReportBasis fromJson(const QJsonObject& json);
    // One line for the audit trail: "self: capacity=self; document=resident_id_card; verified_by=card_reader".
    QString auditText() const;
    // The translated basis and purpose as printed on the report.
    QString printedBasis() const;
    QString printedPurpose() const;
};

namespace ReportBases {
// Keys and translated labels, in the order the dialog offers them.
QList<QPair<QString, QString>> identityDocuments();
QList<QPair<QString, QString>> verificationMethods();
// The six purposes a government agency may query for (DOMAIN.md); "other" needs purposeRule.
QList<QPair<QString, QString>> purposes();
QString labelOf(const QList<QPair<QString, QString>>& table, const QString& key);

// What is missing or wrong in a basis for a report about subject on the day on, one translated sentence each;
// empty when the report may be issued. "No basis, no report": the refusal names what is missing.
QStringList problems(const ReportBasis& basis, const Subject& subject, const QDate& on);
} // namespace ReportBases

// The scope of a special credit report: a period and the fields (the policy's Field catalogue keys) it covers.
struct SpecialScope
{
    QDate from;
    QDate to;
    QStringList fields;

    // What is wrong with the scope under a profile (empty when it is usable), translated.
    QStringList problems(const PolicyProfile& profile, const QDate& on) const;
};

struct ReportRequest
{
    qint64 subjectId = 0;
    ReportKind kind = ReportKind::Public;
    ReportBasis basis;
    SpecialScope scope; // special reports only
};
