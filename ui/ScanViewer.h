#pragma once

#include "records/AttachmentStore.h"

#include <QDialog>

class QLabel;
class QPdfDocument;
class QScrollArea;
class QSpinBox;

// Shows a stored scan (a case's material, a report's authorisation) from the encrypted database, in memory only:
// images directly, PDFs page by page through Qt PDF. Nothing is written to disk. Keyboard: PgUp/PgDn pages, Ctrl+= /
// Ctrl+- zoom, Escape closes. Opening it is audited (AttachmentStore::view).
//
// Object names for tests: pageLabel (the rendered page), pageSpin, infoLabel.
class ScanViewer : public QDialog
{
    Q_OBJECT
public:
    // Reads and audits the scan; check ok() before showing the dialog (error() says why it failed).
    ScanViewer(const Session& session, qint64 attachmentId, QWidget* parent = nullptr);

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    int pageCount() const;

private:
    void showPage();

    Attachment m_attachment;
    bool m_ok = false;
    QString m_error;
    QPdfDocument* m_pdf = nullptr;
    QImage m_image;
    double m_zoom = 1.0;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_page = nullptr;
    QSpinBox* m_pageSpin = nullptr;
};
