#include "ReportPreviewDialog.h"

#include "MessageBoxes.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

void setUpPage(QPrinter* printer)
{
    printer->setPageSize(QPageSize(QPageSize::A4));
    printer->setPageOrientation(QPageLayout::Portrait);
    printer->setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter);
}

} // namespace

ReportPreviewDialog::ReportPreviewDialog(const Session& session, const PolicyRegistry& policies,
                                         const IssuedReport& report, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_policies(policies)
    , m_report(report)
{
    setWindowTitle(tr("%1 %2").arg(report.content.title, report.number));
    auto* layout = new QVBoxLayout(this);
    auto* info = new QLabel(tr("Report %1, verification code %2. Give the applicant the printed report; the number "
                               "and code let anyone check it.")
                                .arg(report.number, report.code),
                            this);
    info->setObjectName(QStringLiteral("infoLabel"));
    info->setWordWrap(true);
    info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(info);

    m_previewPrinter = new QPrinter(QPrinter::HighResolution);
    setUpPage(m_previewPrinter);
    m_preview = new QPrintPreviewWidget(m_previewPrinter, this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setViewMode(QPrintPreviewWidget::SinglePageView);
    m_preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, [this](QPrinter* printer) {
        QString error;
        if (ReportRenderer::render(m_report.content, m_report.qrPayload(), nextCopy(), printer, &error) == 0)
            showStatus(error, true);
    });
    layout->addWidget(m_preview, 1);

    auto* buttons = new QHBoxLayout;
    m_print = new QPushButton(tr("&Print…"), this);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_print->setShortcut(QKeySequence::Print);
    m_print->setToolTip(QKeySequence(QKeySequence::Print).toString(QKeySequence::NativeText));
    m_pdf = new QPushButton(tr("Save as P&DF…"), this);
    m_pdf->setObjectName(QStringLiteral("pdfButton"));
    m_pdf->setShortcut(QKeySequence::Save);
    m_pdf->setToolTip(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText));
    auto* zoomIn = new QPushButton(tr("Zoom &In"), this);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    auto* zoomOut = new QPushButton(tr("Zoom &Out"), this);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    auto* previous = new QPushButton(tr("Pre&vious Page"), this);
    previous->setShortcut(QKeySequence(Qt::Key_PageUp));
    auto* next = new QPushButton(tr("&Next Page"), this);
    next->setShortcut(QKeySequence(Qt::Key_PageDown));
    auto* close = new QPushButton(tr("&Close"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    for (QPushButton* button : {m_print, m_pdf, zoomIn, zoomOut, previous, next})
        buttons->addWidget(button);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(m_print, &QPushButton::clicked, this, &ReportPreviewDialog::print);
    connect(m_pdf, &QPushButton::clicked, this, &ReportPreviewDialog::choosePdf);
    connect(zoomIn, &QPushButton::clicked, m_preview, [this] { m_preview->zoomIn(); });
    connect(zoomOut, &QPushButton::clicked, m_preview, [this] { m_preview->zoomOut(); });
    connect(previous, &QPushButton::clicked, m_preview,
            [this] { m_preview->setCurrentPage(qMax(1, m_preview->currentPage() - 1)); });
    connect(next, &QPushButton::clicked, m_preview,
            [this] { m_preview->setCurrentPage(qMin(m_preview->pageCount(), m_preview->currentPage() + 1)); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &ReportPreviewDialog::pdfWritten);

    showStatus(report.copies == 0 ? tr("Not printed yet.") : tr("%n copy(ies) made so far.", nullptr, report.copies),
               false);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 48);
    m_print->setFocus();
}

ReportPreviewDialog::~ReportPreviewDialog()
{
    // A PDF being written finishes first (its copy was recorded before it started).
    m_watcher.waitForFinished();
    delete m_previewPrinter;
}

ReportRenderer::Copy ReportPreviewDialog::nextCopy() const
{
    ReportRenderer::Copy copy;
    copy.number = m_report.copies + 1;
    copy.printedBy = m_session.displayName;
    copy.printedAt = QDateTime::currentDateTime();
    return copy;
}

void ReportPreviewDialog::showStatus(const QString& text, bool problem)
{
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    m_status->setText(text);
}

void ReportPreviewDialog::setBusy(bool busy, const QString& status)
{
    m_busy = busy;
    m_print->setEnabled(!busy);
    m_pdf->setEnabled(!busy);
    showStatus(status, false);
}

void ReportPreviewDialog::print()
{
    if (m_busy)
        return;
    QPrinter printer(QPrinter::HighResolution);
    setUpPage(&printer);
    printer.setDocName(m_report.number);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Report %1").arg(m_report.number));
    if (dialog.exec() != QDialog::Accepted)
        return;
    // One sheet set per print: every further copy is a recorded reprint, marked as such.
    if (printer.copyCount() != 1) {
        showStatus(tr("Print one copy at a time: each further copy is recorded and marked as a reprint."), true);
        return;
    }
    const bool toFile = printer.outputFormat() == QPrinter::PdfFormat || !printer.outputFileName().isEmpty();
    ReportRepository reports(m_session, m_policies);
    ReportRenderer::Copy copy;
    const ReportRepository::Result recorded =
        reports.recordCopy(&m_report, toFile ? QStringLiteral("pdf") : QStringLiteral("printer"), &copy);
    if (!recorded.ok()) {
        showStatus(recorded.message, true);
        emit failed(recorded.message);
        return;
    }
    QString error;
    if (ReportRenderer::render(m_report.content, m_report.qrPayload(), copy, &printer, &error) == 0) {
        showStatus(tr("Copy %1 was recorded but could not be printed: %2").arg(copy.number).arg(error), true);
        emit failed(error);
        return;
    }
    showStatus(copy.number == 1 ? tr("Printed.") : tr("Printed copy %1 (a reprint).").arg(copy.number), false);
    m_preview->updatePreview();
    emit copyMade(copy.number, QStringLiteral("printer"));
}

void ReportPreviewDialog::choosePdf()
{
    if (m_busy)
        return;
    auto* dialog =
        new QFileDialog(this, tr("Save Report as PDF"), QDir::home().filePath(m_report.number + QStringLiteral(".pdf")),
                        tr("PDF files (*.pdf)"));
    dialog->setObjectName(QStringLiteral("pdfFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ReportPreviewDialog::savePdf);
    dialog->open();
}

void ReportPreviewDialog::savePdf(const QString& path)
{
    if (m_busy || path.isEmpty())
        return;
    // The copy is recorded first, then written with its number: no file leaves the program that the records do not
    // know of, even if the window is closed while it is being written.
    ReportRepository reports(m_session, m_policies);
    ReportRenderer::Copy copy;
    const ReportRepository::Result recorded = reports.recordCopy(&m_report, QStringLiteral("pdf"), &copy);
    if (!recorded.ok()) {
        showStatus(recorded.message, true);
        emit failed(recorded.message);
        return;
    }
    m_pendingPath = path;
    m_pendingCopy = copy;
    setBusy(true, tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    const ReportContent content = m_report.content;
    const QString payload = m_report.qrPayload();
    m_watcher.setFuture(QtConcurrent::run([content, payload, copy, path] {
        QString error;
        int pages = 0;
        if (!ReportRenderer::writePdf(content, payload, copy, path, &pages, &error))
            QFile::remove(path);
        return error;
    }));
}

void ReportPreviewDialog::pdfWritten()
{
    const QString error = m_watcher.result();
    const ReportRenderer::Copy copy = m_pendingCopy;
    if (!error.isEmpty()) {
        const QString message =
            tr("Copy %1 was recorded, but its PDF could not be written: %2").arg(copy.number).arg(error);
        setBusy(false, QString());
        showStatus(message, true);
        m_preview->updatePreview();
        emit failed(message);
        return;
    }
    setBusy(false,
            copy.number == 1
                ? tr("Saved %1.").arg(QDir::toNativeSeparators(m_pendingPath))
                : tr("Saved copy %1 (a reprint) as %2.").arg(copy.number).arg(QDir::toNativeSeparators(m_pendingPath)));
    m_preview->updatePreview();
    emit copyMade(copy.number, QStringLiteral("pdf"));
}
