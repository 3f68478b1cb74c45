#pragma once

#include "ReportContent.h"
#include "ReportRenderer.h"
#include "domain/PolicyRegistry.h"
#include "storage/Session.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

// A report as issued and stored (tables reports and report_prints, resources/migrations/0007_reports.sql).
struct IssuedReport
{
    qint64 id = 0;
    QString number;
    QString code;
    ReportKind kind = ReportKind::Public;
    qint64 subjectId = 0;
    ReportBasisKind basisKind = ReportBasisKind::Self;
    QJsonObject basis;
    DisclosureMode mode = DisclosureMode::Authorised;
    qint64 authorisationId = 0; // the scanned authorisation, 0 when none
    QDate asOf;
    QString issuedBy;
    QDateTime issuedAt; // UTC, to the millisecond
    ReportContent content;
    QString sha256;
    QByteArray signature;
    int copies = 0; // copies printed or saved so far

    // What the QR code carries.
    QString qrPayload() const { return ReportRenderer::qrPayload(content, sha256, signature); }
};

// The answer to "is this report genuine?".
struct ReportVerification
{
    enum class Result {
        Genuine,   // the number and code match a stored report whose hash and issuer's signature hold
        WrongCode, // the number exists but the code (or the QR code's hash or signature) does not match
        Unknown,   // no report has this number
        Damaged,   // the stored report no longer matches its hash or its signature: tampering
        Throttled, // too many wrong codes lately: try again later
        Denied,    // the role may not verify reports
    };
    Result result = Result::Unknown;
    QString message;     // translated
    IssuedReport report; // when Genuine (and Damaged: what is stored)
    QString issuerName;  // display name of who issued it
};

QString toKey(ReportVerification::Result result);

// The only SQL for reports: issuing (content assembled by ReportBuilder from the policy engine, stored with its
// SHA-256 and signed by the issuer, audited as report.issue with its basis), recording each copy printed (copy 2 on
// is a reprint, marked on the page and audited as report.reprint), finding and verifying a presented report.
class ReportRepository
{
public:
    enum class Failure {
        None,
        Denied,   // the role may not
        Rule,     // no basis, or the basis does not allow it: the message says what is missing
        Invalid,  // bad input (a scope, a number)
        NotFound, // no such subject or report
        Storage,  // the database failed
    };
    struct Result
    {
        Failure failure = Failure::None;
        QString message;
        bool ok() const { return failure == Failure::None; }
    };

    // Wrong codes (and unknown numbers) allowed per window before verification pauses.
    static constexpr int VerifyAttempts = 5;
    static constexpr int VerifyWindowMinutes = 10;

    ReportRepository(const Session& session, const PolicyRegistry& policies);

    // Issues a report about request.subjectId as of the day on: checks the role and the basis, assesses the
    // subject's items, assembles the content, stores it (with the scanned authorisation) and audits it, in one
    // transaction. Nothing is printed yet: print() does that.
    Result issue(const ReportRequest& request, const QDate& on, IssuedReport* issued);

    Result find(const QString& number, IssuedReport* report) const;
    // The reports issued about a subject, newest first (content included).
    Result ofSubject(qint64 subjectId, QList<IssuedReport>* reports) const;

    // Records the next copy of a report (output "printer" or "pdf") and returns what to print on it: copy 1 is the
    // original, every later copy a reprint. Audited as report.print or report.reprint.
    Result recordCopy(IssuedReport* report, const QString& output, ReportRenderer::Copy* copy);

    // Verifies a presented report by its number and code; recorded (report_verifications) and audited. Repeated
    // wrong codes (and unknown numbers) of the same person are throttled. Staff who query subjects and the auditor may
    // verify; the administrator may not.
    ReportVerification verify(const QString& number, const QString& code);
    // The same from the text of its QR code: the hash and the signature in it must also match.
    ReportVerification verifyPayload(const QString& payload);

    // The report number's and verification code's normal forms (upper case, no spaces; the code grouped by 4).
    static QString normaliseNumber(const QString& text);
    static QString normaliseCode(const QString& text);
    // What the issuer signs: number, content hash and issue time under a fixed context.
    static QByteArray signedMessage(const QString& number, const QString& sha256, const QString& issuedAt);

private:
    // verify() and verifyPayload(): the QR code's hash and signature, when given, must match the stored ones; the
    // outcome is recorded once.
    ReportVerification check(const QString& number, const QString& code, const QString* expectedHash,
                             const QByteArray* expectedSignature);
    bool integrityHolds(const IssuedReport& report, QString* issuerName, QString* problem) const;
    ReportVerification finishVerification(const QString& number, ReportVerification answer);

    Session m_session;
    const PolicyRegistry& m_policies;
};
