#pragma once

#include "ReportContent.h"

#include <QDateTime>
#include <QImage>
#include <QString>

class QPagedPaintDevice;
class QTextDocument;

// Lays a report out as an official A4 document, one path for the print preview, any printer and PDF files: title
// block with the QR code, the subject, the summary and the sections (tables whose header rows repeat on every page),
// the notes; on every page a header with the centre and the report number, a footer with the verification code and
// 第 X 页 共 Y 页, and a watermark naming the operator and the time it was printed. Text is set in WenQuanYi Micro
// Hei, whose glyphs map back to the right characters (pdftotext extracts exactly the Chinese printed; Noto CJK maps
// some ideographs onto Kangxi radicals).
namespace ReportRenderer {

// One copy put on paper or into a PDF. Copies after the first are marked as reprints on every page.
struct Copy
{
    int number = 1;
    QString printedBy; // display name
    QDateTime printedAt;
};

// What the QR code carries: everything verification needs, "XMCR1;N=<number>;C=<code>;H=<sha256>;S=<signature,
// base64url>". The signature is the issuer's (ReportRepository::signedMessage).
QString qrPayload(const ReportContent& content, const QString& sha256, const QByteArray& signature);
// The QR code of a payload, one pixel per module plus a quiet zone of 4 modules; null when it cannot be encoded.
QImage qrImage(const QString& payload);

// The body of the report (without the running header, footer and watermark) as a QTextDocument laid out for the
// device's page (Qt rich text; the QR code is the resource "xmcredit:qr").
QString html(const ReportContent& content, const Copy& copy, int qrPixels);

// Renders every page on device (a QPrinter or a QPdfWriter, already set to A4). Returns the number of pages, or 0
// with *error set.
int render(const ReportContent& content, const QString& qrPayload, const Copy& copy, QPagedPaintDevice* device,
           QString* error);

// Writes an A4 PDF at path. *pages gets the page count.
bool writePdf(const ReportContent& content, const QString& qrPayload, const Copy& copy, const QString& path, int* pages,
              QString* error);

} // namespace ReportRenderer
