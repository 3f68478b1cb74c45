#include "ReportRenderer.h"

#include <qrencode.h>

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <memory>

namespace ReportRenderer {

namespace {

const QString FontFamily = QStringLiteral("WenQuanYi Micro Hei");
const QUrl QrResource(QStringLiteral("xmcredit:qr"));

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

double mm(double millimetres, int dpi)
{
    return millimetres / 25.4 * dpi;
}

QString reprintText(const Copy& copy)
{
    return QCoreApplication::translate("ReportRenderer", "Reprint: copy %1").arg(copy.number);
}

void appendTable(QString& out, const ReportTable& t)
{
    out += QStringLiteral("<p style=\"font-size:12pt; font-weight:bold; margin-top:10px\">%1</p>").arg(esc(t.title));
    if (!t.statement.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(esc(t.statement));
    if (t.rows.isEmpty()) {
        out += QStringLiteral("<p>%1</p>").arg(esc(t.emptyText));
        return;
    }
    out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "style=\"border-collapse:collapse; border-color:#444444; font-size:8.5pt\">");
    // <thead>: Qt repeats header rows at the top of every page the table runs onto.
    out += QStringLiteral("<thead><tr>");
    for (int i = 0; i < t.columns.size(); ++i) {
        const int width = i < t.widths.size() ? t.widths.at(i) : 0;
        out +=
            width > 0
                ? QStringLiteral("<th width=\"%1%\" bgcolor=\"#e8e8e8\">%2</th>").arg(width).arg(esc(t.columns.at(i)))
                : QStringLiteral("<th bgcolor=\"#e8e8e8\">%1</th>").arg(esc(t.columns.at(i)));
    }
    out += QStringLiteral("</tr></thead>");
    for (const QStringList& row : t.rows) {
        out += QStringLiteral("<tr>");
        for (const QString& cell : row)
            out += QStringLiteral("<td>%1</td>").arg(esc(cell));
        out += QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table>");
}

// The watermark as filled outlines, not text: it cannot be selected or extracted, and it does not mix into the
// report's text when the PDF is read back.
void drawWatermark(QPainter& painter, const QRectF& page, const QString& text, int dpi)
{
    QFont font(FontFamily);
    font.setPixelSize(int(mm(7, dpi)));
    QPainterPath path;
    path.addText(0, 0, font, text);
    const QRectF bounds = path.boundingRect();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 18));
    for (double y = page.height() * 0.2; y < page.height(); y += page.height() * 0.3) {
        painter.save();
        painter.translate(page.width() / 2, y);
        painter.rotate(-30);
        painter.translate(-bounds.width() / 2, bounds.height() / 2);
        painter.drawPath(path);
        painter.restore();
    }
    painter.restore();
}

} // namespace

QString qrPayload(const ReportContent& content, const QString& sha256, const QByteArray& signature)
{
    return QStringLiteral("XMCR1;N=%1;C=%2;H=%3;S=%4")
        .arg(content.number, content.code, sha256,
             QString::fromLatin1(signature.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
}

QImage qrImage(const QString& payload)
{
    const QByteArray bytes = payload.toUtf8();
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString8bit(bytes.constData(), 0, QR_ECLEVEL_M),
                                                    QRcode_free);
    if (!code)
        return {};
    const int quiet = 4;
    const int side = code->width + 2 * quiet;
    QImage image(side, side, QImage::Format_Mono);
    image.fill(1); // index 1: white in the default mono table set below
    image.setColor(0, qRgb(0, 0, 0));
    image.setColor(1, qRgb(255, 255, 255));
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)
                image.setPixel(x + quiet, y + quiet, 0);
        }
    }
    return image;
}

QString html(const ReportContent& c, const Copy& copy, int qrPixels)
{
    QString out;
    out += QStringLiteral("<html><body style=\"font-size:9.5pt\">");
    // Title block: the centre, the title, the report number; the QR code on the right.
    out += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td valign=\"middle\">");
    out += QStringLiteral("<p align=\"center\" style=\"font-size:11pt\">%1</p>").arg(esc(c.centre));
    out += QStringLiteral("<p align=\"center\" style=\"font-size:20pt; font-weight:bold\">%1</p>").arg(esc(c.title));
    if (copy.number > 1)
        out += QStringLiteral("<p align=\"center\" style=\"font-size:11pt; color:#b00000\">%1</p>")
                   .arg(esc(QCoreApplication::translate("ReportRenderer", "REPRINT (copy %1, printed %2 by %3)")
                                .arg(copy.number)
                                .arg(copy.printedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), copy.printedBy)));
    out += QStringLiteral("</td><td width=\"%1\" align=\"right\"><img src=\"%2\" width=\"%1\" height=\"%1\"/></td>"
                          "</tr></table>")
               .arg(qrPixels)
               .arg(QrResource.toString());

    out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "style=\"border-collapse:collapse; border-color:#444444; margin-top:6px\">");
    auto pair = [&out](const QString& l1, const QString& v1, const QString& l2, const QString& v2) {
        out += QStringLiteral("<tr><td width=\"14%\" bgcolor=\"#f2f2f2\">%1</td><td width=\"36%\">%2</td>"
                              "<td width=\"14%\" bgcolor=\"#f2f2f2\">%3</td><td width=\"36%\">%4</td></tr>")
                   .arg(esc(l1), esc(v1), esc(l2), esc(v2));
    };
    auto wide = [&out](const QString& label, const QString& value) {
        out += QStringLiteral("<tr><td bgcolor=\"#f2f2f2\">%1</td><td colspan=\"3\">%2</td></tr>")
                   .arg(esc(label), esc(value));
    };
    pair(QCoreApplication::translate("ReportRenderer", "Report number"), c.number,
         QCoreApplication::translate("ReportRenderer", "Verification code"), c.code);
    pair(QCoreApplication::translate("ReportRenderer", "Generated"),
         c.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
         QCoreApplication::translate("ReportRenderer", "Information as of"), c.asOf.toString(Qt::ISODate));
    pair(QCoreApplication::translate("ReportRenderer", "Disclosure mode"), c.modeText,
         QCoreApplication::translate("ReportRenderer", "Operator"),
         c.operatorName + QStringLiteral(" (") + c.workstation + QLatin1Char(')'));
    wide(QCoreApplication::translate("ReportRenderer", "Basis"), c.basisText);
    wide(QCoreApplication::translate("ReportRenderer", "Purpose"), c.purposeText);
    if (!c.scopeText.isEmpty())
        wide(QCoreApplication::translate("ReportRenderer", "Scope"), c.scopeText);
    out += QStringLiteral("</table>");

    out += QStringLiteral("<p style=\"font-size:12pt; font-weight:bold; margin-top:10px\">%1</p>")
               .arg(esc(QCoreApplication::translate("ReportRenderer", "Subject")));
    out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "style=\"border-collapse:collapse; border-color:#444444\">");
    for (const auto& [label, value] : c.subject)
        out += QStringLiteral("<tr><td width=\"22%\" bgcolor=\"#f2f2f2\">%1</td><td>%2</td></tr>")
                   .arg(esc(label), esc(value));
    out += QStringLiteral("</table>");
    if (!c.warning.isEmpty())
        out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"5\" "
                              "style=\"border-color:#b00000; margin-top:8px\"><tr><td style=\"color:#b00000\">"
                              "<b>%1</b></td></tr></table>")
                   .arg(esc(c.warning));
    for (const ReportTable& t : c.tables)
        appendTable(out, t);
    out += QStringLiteral("<p style=\"font-size:12pt; font-weight:bold; margin-top:10px\">%1</p>")
               .arg(esc(QCoreApplication::translate("ReportRenderer", "Notes")));
    out += QStringLiteral("<ol style=\"font-size:8.5pt\">");
    for (const QString& note : c.notes)
        out += QStringLiteral("<li>%1</li>").arg(esc(note));
    out += QStringLiteral("</ol>");
    out += QStringLiteral("<p align=\"right\" style=\"margin-top:12px\">%1<br/>%2</p>")
               .arg(esc(c.centre), esc(c.generatedAt.toString(QStringLiteral("yyyy-MM-dd"))));
    out += QStringLiteral("</body></html>");
    return out;
}

int render(const ReportContent& c, const QString& payload, const Copy& copy, QPagedPaintDevice* device, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return 0;
    };
    const QImage qr = qrImage(payload);
    if (qr.isNull())
        return fail(QCoreApplication::translate("ReportRenderer", "The QR code of the report could not be made."));
    QPainter painter;
    if (!painter.begin(device))
        return fail(QCoreApplication::translate("ReportRenderer", "The report cannot be printed on this device."));
    const int dpi = device->logicalDpiY();
    const QRectF page = QRectF(QPointF(0, 0), device->pageLayout().paintRectPixels(dpi).size());
    const double headerHeight = mm(9, dpi);
    const double footerHeight = mm(9, dpi);
    const QRectF body(0, headerHeight, page.width(), page.height() - headerHeight - footerHeight);
    // Rich text sizes images in 96-dpi pixels and scales them to the device; the image itself has the device's
    // resolution, scaled up with no smoothing, so each module stays a sharp square.
    const int qrPixels = int(mm(30, 96));
    const int qrDevicePixels = int(mm(30, dpi));

    QTextDocument document;
    document.documentLayout()->setPaintDevice(device);
    QFont font(FontFamily);
    font.setPointSizeF(9.5);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    document.setPageSize(body.size());
    document.addResource(QTextDocument::ImageResource, QrResource,
                         qr.scaled(qrDevicePixels, qrDevicePixels, Qt::IgnoreAspectRatio, Qt::FastTransformation));
    document.setHtml(html(c, copy, qrPixels));
    const int pages = document.pageCount();

    QFont small(FontFamily);
    small.setPointSizeF(8);
    const QString watermark =
        QCoreApplication::translate("ReportRenderer", "%1  %2  %3")
            .arg(copy.printedBy, copy.printedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), c.workstation);
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !device->newPage()) {
            painter.end();
            return fail(QCoreApplication::translate("ReportRenderer", "A new page could not be started."));
        }
        painter.save();
        painter.translate(body.left(), body.top() - p * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, p * body.height(), body.width(), body.height());
        context.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(context.clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();

        painter.save();
        painter.setFont(small);
        painter.setPen(QColor(60, 60, 60));
        const QRectF header(0, 0, page.width(), headerHeight - mm(2, dpi));
        painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, c.centre + QStringLiteral("  ") + c.title);
        painter.drawText(header, Qt::AlignRight | Qt::AlignBottom,
                         QCoreApplication::translate("ReportRenderer", "Report number: %1").arg(c.number));
        if (copy.number > 1) {
            painter.setPen(QColor(176, 0, 0));
            painter.drawText(header, Qt::AlignHCenter | Qt::AlignTop, reprintText(copy));
            painter.setPen(QColor(60, 60, 60));
        }
        painter.drawLine(QPointF(0, headerHeight - mm(1, dpi)), QPointF(page.width(), headerHeight - mm(1, dpi)));
        const double footerTop = page.height() - footerHeight;
        painter.drawLine(QPointF(0, footerTop + mm(1, dpi)), QPointF(page.width(), footerTop + mm(1, dpi)));
        const QRectF footer(0, footerTop + mm(2, dpi), page.width(), footerHeight - mm(2, dpi));
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop,
                         QCoreApplication::translate("ReportRenderer", "Verification code: %1").arg(c.code));
        painter.drawText(footer, Qt::AlignHCenter | Qt::AlignTop,
                         QCoreApplication::translate("ReportRenderer", "Page %1 of %2").arg(p + 1).arg(pages));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignTop,
                         c.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        painter.restore();

        drawWatermark(painter, page, watermark, dpi);
    }
    painter.end();
    return pages;
}

bool writePdf(const ReportContent& c, const QString& payload, const Copy& copy, const QString& path, int* pages,
              QString* error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(c.title + QLatin1Char(' ') + c.number);
    writer.setCreator(QStringLiteral("xmcredit"));
    const int n = render(c, payload, copy, &writer, error);
    if (pages)
        *pages = n;
    if (n == 0 && error && error->isEmpty())
        *error = QCoreApplication::translate("ReportRenderer", "The PDF %1 cannot be written.").arg(path);
    return n > 0;
}

} // namespace ReportRenderer
