#include "ReportRenderer.h"

#include <qrencode.h>

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <functional>

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
    // The summary is short: it stays in the front matter. The item sections are laid out row by row (render()).
    for (const ReportTable& t : c.tables) {
        if (t.key == QLatin1String("summary"))
            appendTable(out, t);
    }
    out += QStringLiteral("</body></html>");
    return out;
}

namespace {

QString notesHtml(const ReportContent& c)
{
    QString out = QStringLiteral("<html><body style=\"font-size:9.5pt\">");
    out += QStringLiteral("<p style=\"font-size:12pt; font-weight:bold\">%1</p>")
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

} // namespace

namespace {

// A piece of the page flow: where it landed and how to draw it there.
struct Piece
{
    int page = 0;
    double y = 0;
    std::function<void(QPainter&, double)> draw; // draws at the given y of its page's body
};

// Places pieces down the body of successive pages.
class Flow
{
public:
    explicit Flow(double height)
        : m_height(height)
    {}
    bool fits(double h) const { return m_y + h <= m_height + 0.5; }
    // A piece that does not fit moves to the next page (one taller than a page gets a page of its own).
    void place(double h, std::function<void(QPainter&, double)> draw)
    {
        if (m_y > 0 && !fits(h))
            newPage();
        m_pieces.append({m_page, m_y, std::move(draw)});
        m_y += h;
    }
    void space(double h) { m_y = qMin(m_y + h, m_height); }
    void newPage()
    {
        ++m_page;
        m_y = 0;
    }
    bool atTop() const { return m_y == 0; }
    double remaining() const { return m_height - m_y; }
    double height() const { return m_height; }
    int pages() const { return m_page + 1; }
    const QList<Piece>& pieces() const { return m_pieces; }

private:
    double m_height;
    double m_y = 0;
    int m_page = 0;
    QList<Piece> m_pieces;
};

// A rich-text part (the front matter, the notes) laid out at the body's width and placed page by page.
void placeDocument(Flow& flow, const std::shared_ptr<QTextDocument>& document, const QSizeF& body)
{
    document->setPageSize(QSizeF(body.width(), body.height()));
    const int pages = document->pageCount();
    const double total = document->documentLayout()->documentSize().height();
    for (int p = 0; p < pages; ++p) {
        const double top = p * body.height();
        const double height = qMin(body.height(), total - top);
        if (p > 0 || !flow.fits(height))
            flow.newPage();
        flow.place(height, [document, top, height, width = body.width()](QPainter& painter, double y) {
            painter.save();
            painter.translate(0, y - top);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, top, width, height);
            context.palette.setColor(QPalette::Text, Qt::black);
            painter.setClipRect(context.clip);
            document->documentLayout()->draw(&painter, context);
            painter.restore();
        });
    }
}

// The fonts and measures of the item tables, on the device.
struct TableStyle
{
    QFont cell;
    QFont header;
    QFont title;
    QFont paragraph;
    double padding = 0;
    double line = 0;
    double gap = 0;
    // Measured with the painter that draws: the same font engine and the same line breaks as drawText.
    QPainter* painter = nullptr;
    static constexpr int Flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;

    double textHeight(const QFont& font, const QString& text, double width) const
    {
        painter->setFont(font);
        return painter->boundingRect(QRectF(0, 0, width, 1e7), Flags, text).height();
    }
};

QList<double> columnWidths(const ReportTable& t, double width)
{
    QList<double> widths;
    int total = 0;
    for (int i = 0; i < t.columns.size(); ++i)
        total += i < t.widths.size() ? t.widths.at(i) : 10;
    for (int i = 0; i < t.columns.size(); ++i)
        widths << width * (i < t.widths.size() ? t.widths.at(i) : 10) / qMax(1, total);
    return widths;
}

double rowHeight(const TableStyle& style, const QFont& font, const QStringList& cells, const QList<double>& widths)
{
    double height = 0;
    for (int i = 0; i < cells.size() && i < widths.size(); ++i)
        height = qMax(height, style.textHeight(font, cells.at(i), widths.at(i) - 2 * style.padding));
    return height + 2 * style.padding;
}

void drawRow(QPainter& painter, const TableStyle& style, const QFont& font, const QStringList& cells,
             const QList<double>& widths, double y, double height, bool header)
{
    painter.save();
    painter.setFont(font);
    painter.setPen(QPen(QColor(0x44, 0x44, 0x44), style.line));
    double x = 0;
    for (int i = 0; i < widths.size(); ++i) {
        const QRectF cell(x, y, widths.at(i), height);
        if (header)
            painter.fillRect(cell, QColor(0xe8, 0xe8, 0xe8));
        painter.drawRect(cell);
        painter.setPen(Qt::black);
        painter.drawText(cell.adjusted(style.padding, style.padding, -style.padding, -style.padding),
                         header ? (Qt::TextWordWrap | Qt::AlignCenter)
                                : (Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter),
                         cells.value(i));
        painter.setPen(QPen(QColor(0x44, 0x44, 0x44), style.line));
        x += widths.at(i);
    }
    painter.restore();
}

void placeParagraph(Flow& flow, const TableStyle& style, const QFont& font, const QString& text, double width)
{
    const double height = style.textHeight(font, text, width) + style.gap / 2;
    flow.place(height, [font, text, width, height](QPainter& painter, double y) {
        painter.save();
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, y, width, height), TableStyle::Flags, text);
        painter.restore();
    });
}

// A section: its heading kept with the start of its table; rows never split; the header row repeated at the top of
// every page the table runs onto.
void placeTable(Flow& flow, const TableStyle& style, const ReportTable& t, double width)
{
    const QList<double> widths = columnWidths(t, width);
    const double titleHeight = style.textHeight(style.title, t.title, width) + style.gap / 2;
    const double statementHeight =
        t.statement.isEmpty() ? 0 : style.textHeight(style.paragraph, t.statement, width) + style.gap / 2;
    const double headerHeight = rowHeight(style, style.header, t.columns, widths);
    const double firstRow = t.rows.isEmpty() ? style.textHeight(style.paragraph, t.emptyText, width)
                                             : headerHeight + rowHeight(style, style.cell, t.rows.first(), widths);
    if (!flow.atTop())
        flow.space(style.gap);
    if (!flow.atTop() && !flow.fits(titleHeight + statementHeight + firstRow))
        flow.newPage();
    placeParagraph(flow, style, style.title, t.title, width);
    if (!t.statement.isEmpty())
        placeParagraph(flow, style, style.paragraph, t.statement, width);
    if (t.rows.isEmpty()) {
        placeParagraph(flow, style, style.paragraph, t.emptyText, width);
        return;
    }
    auto header = [&style, &t, widths, headerHeight](QPainter& painter, double y) {
        drawRow(painter, style, style.header, t.columns, widths, y, headerHeight, true);
    };
    flow.place(headerHeight, header);
    const double room = flow.height() - headerHeight; // under the repeated header on a fresh page
    for (const QStringList& row : t.rows) {
        const double height = rowHeight(style, style.cell, row, widths);
        if (height <= room) {
            if (!flow.fits(height)) {
                flow.newPage();
                flow.place(headerHeight, header);
            }
            flow.place(height, [&style, &row, widths, height](QPainter& painter, double y) {
                drawRow(painter, style, style.cell, row, widths, y, height, false);
            });
            continue;
        }
        // A row taller than a page (a very long text): drawn in slices, each clipped to its page, the header
        // repeated above each continuation; nothing of it is lost.
        double done = 0;
        while (done < height) {
            if (flow.remaining() < headerHeight) {
                flow.newPage();
                flow.place(headerHeight, header);
            }
            const double slice = qMin(flow.remaining(), height - done);
            flow.place(slice, [&style, &row, widths, height, done, slice, width](QPainter& painter, double y) {
                painter.save();
                painter.setClipRect(QRectF(0, y, width, slice), Qt::IntersectClip);
                drawRow(painter, style, style.cell, row, widths, y - done, height, false);
                painter.restore();
            });
            done += slice;
            if (done < height) {
                flow.newPage();
                flow.place(headerHeight, header);
            }
        }
    }
}

// The watermark, drawn once into an image that every page shows (a PDF holds it once): it names the operator and
// the time of printing, cannot be selected or extracted, and does not mix into the report's text when read back.
QImage watermarkImage(const QSizeF& page, int dpi, const QString& text)
{
    const double scale = 100.0 / dpi; // 100 dpi is plenty for faint large letters
    QImage image(QSize(int(page.width() * scale), int(page.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font(FontFamily);
    font.setPixelSize(int(mm(7, 100)));
    painter.setFont(font);
    painter.setPen(QColor(0, 0, 0, 26));
    const QRectF bounds = QFontMetricsF(font).boundingRect(text);
    for (double y = image.height() * 0.2; y < image.height(); y += image.height() * 0.3) {
        painter.save();
        painter.translate(image.width() / 2.0, y);
        painter.rotate(-30);
        painter.drawText(QPointF(-bounds.width() / 2, bounds.height() / 2), text);
        painter.restore();
    }
    return image;
}

} // namespace

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
    QFont base(FontFamily);
    base.setPointSizeF(9.5);
    auto makeDocument = [device, &base](const QString& html) {
        auto document = std::make_shared<QTextDocument>();
        document->documentLayout()->setPaintDevice(device);
        document->setDefaultFont(base);
        document->setDocumentMargin(0);
        document->setHtml(html);
        return document;
    };
    auto front = std::make_shared<QTextDocument>();
    front->documentLayout()->setPaintDevice(device);
    front->setDefaultFont(base);
    front->setDocumentMargin(0);
    front->addResource(QTextDocument::ImageResource, QrResource,
                       qr.scaled(qrDevicePixels, qrDevicePixels, Qt::IgnoreAspectRatio, Qt::FastTransformation));
    front->setHtml(html(c, copy, qrPixels));

    TableStyle style;
    style.painter = &painter;
    style.cell = QFont(FontFamily);
    style.cell.setPointSizeF(8.5);
    style.header = style.cell;
    style.header.setBold(true);
    style.title = QFont(FontFamily);
    style.title.setPointSizeF(12);
    style.title.setBold(true);
    style.paragraph = base;
    style.padding = mm(0.8, dpi);
    style.line = mm(0.2, dpi);
    style.gap = mm(3, dpi);

    Flow flow(body.height());
    placeDocument(flow, front, body.size());
    for (const ReportTable& t : c.tables) {
        if (t.key != QLatin1String("summary"))
            placeTable(flow, style, t, body.width());
    }
    flow.space(style.gap);
    placeDocument(flow, makeDocument(notesHtml(c)), body.size());
    const int pages = flow.pages();

    QFont small(FontFamily);
    small.setPointSizeF(8);
    const QImage watermark = watermarkImage(
        page.size(), dpi,
        QCoreApplication::translate("ReportRenderer", "%1  %2  %3")
            .arg(copy.printedBy, copy.printedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), c.workstation));
    const QList<Piece>& pieces = flow.pieces();
    qsizetype next = 0;
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !device->newPage()) {
            painter.end();
            return fail(QCoreApplication::translate("ReportRenderer", "A new page could not be started."));
        }
        painter.save();
        painter.translate(body.topLeft());
        // Nothing of the body reaches the header or the footer.
        painter.setClipRect(QRectF(QPointF(0, 0), body.size()));
        for (; next < pieces.size() && pieces.at(next).page == p; ++next)
            pieces.at(next).draw(painter, pieces.at(next).y);
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
        painter.drawImage(page, watermark);
        painter.restore();
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
