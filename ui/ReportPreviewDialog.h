#pragma once

#include "domain/PolicyRegistry.h"
#include "reports/ReportRepository.h"
#include "storage/Session.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPrintPreviewWidget;
class QPrinter;
class QPushButton;

// The print preview of an issued report (Qt PrintSupport's QPrintPreviewWidget), drawn by the same renderer as
// printed pages and PDF files, showing the copy that will be made next (copy 2 on are marked as reprints). Print…
// (Ctrl+P) asks for a printer and prints; Save as PDF… (Ctrl+S) writes the PDF off the GUI thread. Each copy is
// recorded and audited (ReportRepository::recordCopy) once it has been made.
//
// Object names for tests: preview, printButton, pdfButton, statusLabel.
class ReportPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    ReportPreviewDialog(const Session& session, const PolicyRegistry& policies, const IssuedReport& report,
                        QWidget* parent = nullptr);
    ~ReportPreviewDialog() override;

    const IssuedReport& report() const { return m_report; }
    // Writes the next copy to path in the background and records it; copyMade() or failed() follows.
    void savePdf(const QString& path);
    bool isBusy() const { return m_busy; }

signals:
    void copyMade(int copy, const QString& output);
    void failed(const QString& message);

private:
    ReportRenderer::Copy nextCopy() const;
    void print();
    void choosePdf();
    void pdfWritten();
    void setBusy(bool busy, const QString& status);
    void showStatus(const QString& text, bool problem);

    Session m_session;
    PolicyRegistry m_policies; // a copy: the dialog may outlive the caller's registry
    IssuedReport m_report;
    QPrintPreviewWidget* m_preview = nullptr;
    QPrinter* m_previewPrinter = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_pdf = nullptr;
    QLabel* m_status = nullptr;
    bool m_busy = false;
    QFutureWatcher<QString> m_watcher;
    QString m_pendingPath;
    ReportRenderer::Copy m_pendingCopy;
};
