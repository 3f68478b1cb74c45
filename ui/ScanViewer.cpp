#include "ScanViewer.h"

#include "storage/Session.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPdfDocument>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

ScanViewer::ScanViewer(const Session& session, qint64 attachmentId, QWidget* parent)
    : QDialog(parent)
{
    AttachmentStore store(session.database());
    if (!store.view(session, attachmentId, &m_attachment, &m_error))
        return;
    setWindowTitle(tr("Scan: %1").arg(m_attachment.fileName));
    auto* layout = new QVBoxLayout(this);
    auto* info = new QLabel(tr("%1 · %2 KB · added by %3 on %4 · SHA-256 %5 (checked)")
                                .arg(m_attachment.fileName)
                                .arg((m_attachment.size + 1023) / 1024)
                                .arg(m_attachment.addedBy,
                                     m_attachment.addedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                     m_attachment.sha256.left(16) + QStringLiteral("…")),
                            this);
    info->setObjectName(QStringLiteral("infoLabel"));
    info->setWordWrap(true);
    layout->addWidget(info);

    if (m_attachment.mimeType == QLatin1String("application/pdf") || m_attachment.bytes.startsWith("%PDF")) {
        m_pdf = new QPdfDocument(this);
        auto* buffer = new QBuffer(this);
        buffer->setData(m_attachment.bytes);
        buffer->open(QIODevice::ReadOnly);
        m_pdf->load(buffer);
        if (m_pdf->status() != QPdfDocument::Status::Ready || m_pdf->pageCount() < 1) {
            m_error = tr("The scan %1 is not a PDF this program can show.").arg(m_attachment.fileName);
            return;
        }
    } else if (!m_image.loadFromData(m_attachment.bytes)) {
        m_error = tr("The scan %1 is not an image or a PDF this program can show.").arg(m_attachment.fileName);
        return;
    }

    m_scroll = new QScrollArea(this);
    m_page = new QLabel(m_scroll);
    m_page->setObjectName(QStringLiteral("pageLabel"));
    m_page->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_page);
    // The page keeps its own size (a resizable widget would be squeezed to the view and show the page's middle).
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    layout->addWidget(m_scroll, 1);

    auto* controls = new QHBoxLayout;
    m_pageSpin = new QSpinBox(this);
    m_pageSpin->setObjectName(QStringLiteral("pageSpin"));
    m_pageSpin->setRange(1, pageCount());
    m_pageSpin->setPrefix(tr("Page "));
    m_pageSpin->setSuffix(tr(" of %1").arg(pageCount()));
    controls->addWidget(m_pageSpin);
    auto* zoomIn = new QPushButton(tr("Zoom &In"), this);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    auto* zoomOut = new QPushButton(tr("Zoom &Out"), this);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    controls->addWidget(zoomIn);
    controls->addWidget(zoomOut);
    controls->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    controls->addWidget(buttons);
    layout->addLayout(controls);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pageSpin, &QSpinBox::valueChanged, this, &ScanViewer::showPage);
    connect(zoomIn, &QPushButton::clicked, this, [this] {
        m_zoom = qMin(4.0, m_zoom * 1.25);
        showPage();
    });
    connect(zoomOut, &QPushButton::clicked, this, [this] {
        m_zoom = qMax(0.25, m_zoom / 1.25);
        showPage();
    });
    auto* next = new QShortcut(QKeySequence(Qt::Key_PageDown), this);
    connect(next, &QShortcut::activated, this, [this] { m_pageSpin->setValue(m_pageSpin->value() + 1); });
    auto* previous = new QShortcut(QKeySequence(Qt::Key_PageUp), this);
    connect(previous, &QShortcut::activated, this, [this] { m_pageSpin->setValue(m_pageSpin->value() - 1); });
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 45);
    m_ok = true;
    showPage();
}

int ScanViewer::pageCount() const
{
    return m_pdf ? m_pdf->pageCount() : 1;
}

void ScanViewer::showPage()
{
    // Fit the page's width to the view, then zoom.
    const int width = int(qMax(200, m_scroll->viewport()->width() - 20) * m_zoom);
    QImage image;
    if (m_pdf) {
        const int page = m_pageSpin->value() - 1;
        const QSizeF points = m_pdf->pagePointSize(page);
        const QSize size(width, int(width * points.height() / qMax(1.0, points.width())));
        // Pages render on a transparent background: put them on paper.
        const QImage rendered = m_pdf->render(page, size);
        image = QImage(rendered.size(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.drawImage(0, 0, rendered);
    } else {
        image = m_image.scaledToWidth(width, Qt::SmoothTransformation);
    }
    m_page->setPixmap(QPixmap::fromImage(image));
    m_page->adjustSize();
}
