#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

struct Session;

// A scan kept in the encrypted database (table attachments), with the SHA-256 of its bytes.
struct Attachment
{
    qint64 id = 0;
    QString ownerType; // "record_submission", "case", "case_event", "subject", …
    qint64 ownerId = 0;
    QString fileName;
    QString mimeType;
    QByteArray bytes; // empty in list() results
    QString sha256;   // lowercase hex
    qint64 size = 0;
    QString addedBy;
    QDateTime addedAt; // UTC
};

// Stores scans and reads them back verified. An attachment never changes and is never deleted (triggers refuse
// both). Each stored scan is audited ("attachment.add" with its SHA-256), so the audit chain vouches for the
// bytes too.
class AttachmentStore
{
public:
    explicit AttachmentStore(const QSqlDatabase& db);

    // Largest scan accepted (a multi-page A4 scan at 300 dpi stays well below it).
    static constexpr qint64 MaximumSize = 32 * 1024 * 1024;

    // Stores bytes for an owner in the caller's transaction (or its own). Refuses empty and oversized files.
    bool store(const QString& ownerType, qint64 ownerId, const QString& fileName, const QString& mimeType,
               const QByteArray& bytes, const QString& addedBy, qint64* id, QString* error = nullptr);

    // Reads an attachment and checks its bytes against the stored size and SHA-256: a mismatch is an error and no
    // bytes are returned.
    bool read(qint64 id, Attachment* attachment, QString* error = nullptr) const;

    // read() for a member of staff who looks at the scan: looking at an applicant's documents is access to personal
    // data, so it is audited ("attachment.view") before the bytes are returned. A read-only session reads without
    // writing the entry.
    bool view(const Session& session, qint64 id, Attachment* attachment, QString* error = nullptr);

    // The attachments of an owner, oldest first, without their bytes.
    bool list(const QString& ownerType, qint64 ownerId, QList<Attachment>* attachments, QString* error = nullptr) const;

    static QString sha256Hex(const QByteArray& bytes);

private:
    QSqlDatabase m_db;
};
