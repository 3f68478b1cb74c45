#pragma once

#include "CaseRepository.h"

#include <QString>
#include <QTextDocument>

// The acceptance receipt (受理回执) handed to the applicant: case number, what was applied for, the applicant
// (identifier masked), the materials received and those still missing, the due date in working days, the
// workstation, the clerk and the time printed. One rendering path: a QTextDocument that the window prints or
// previews (QPrinter) and that writePdf() turns into an A4 PDF (QPdfWriter) for the CLI and the tests.
namespace CaseReceipt {

struct Content
{
    CaseRecord record;
    CaseTimer::Status timer;
    QList<CaseMaterialRecord> materials;
    QStringList missingLabels; // the policy's names of the materials still missing
    QStringList presentLabels; // the policy's names of those received
    QString workstationName;
    QString operatorName; // who prints it
    QDateTime printedAt;
};

bool gather(const CaseRepository& repository, const PolicyRegistry& policies, const QString& caseNo, const QDate& asOf,
            const QString& workstationName, const QString& operatorName, Content* content, QString* error);
QString html(const Content& content);
// Lays the receipt out on an A4 page size (for print and PDF alike).
void setUp(QTextDocument* document, const Content& content);
bool writePdf(const Content& content, const QString& path, QString* error);

} // namespace CaseReceipt
