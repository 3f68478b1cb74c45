#pragma once

#include "storage/SecureBytes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

// One page of the platform's signed change feed (PROTOCOL.md, "Pages"): parsed and verified before anything of it
// is used. Hostile input is refused with a reason: wrong signature, invalid UTF-8, nesting too deep, fields of the
// wrong type or too long, unknown streams.
struct FeedPage
{
    QString platform;
    QString stream;
    QString after;  // the cursor this page continues from
    QString cursor; // the cursor after it
    QString issuedAt;
    QJsonArray changes;
    QString sha256; // of the page's signed bytes
};

// What a sync needs of a page as it arrives, to ask for the one after it.
struct FeedPageHeader
{
    QString platform;
    QString stream;
    QString after;
    QString cursor;
};

namespace FeedPages {

constexpr qsizetype MaxLineBytes = 32 * 1024 * 1024;
constexpr int MaxDepth = 32;
constexpr int MaxChanges = 5000;
constexpr int MaxCursorLength = 200;

// The streams the protocol defines, and those this workstation applies.
QStringList knownStreams();
QStringList appliedStreams();

// What the platform signs: the context line and the page's exact bytes.
QByteArray signedMessage(const QByteArray& pageBytes);

// One signed line: {"page": base64(pageBytes), "signature": base64(sig)} (no trailing newline).
QByteArray signLine(const QByteArray& pageBytes, const SecureBytes& platformSeed);

// Checks a line's signature under the pinned key and parses the page. platformId must match the page's.
// *badSignature (when given) tells a signature that does not verify from a line of the wrong form.
bool verifyLine(const QByteArray& line, const QByteArray& publicKey, const QString& platformId, FeedPage* page,
                QString* error, bool* badSignature = nullptr);

// The same checks of the line and its signature as verifyLine, but of the page only its top-level fields, read
// without parsing the changes (a sync verifies each page it receives for the cursor of its next request, and the
// applier verifies and parses the whole page again before anything of it is applied, on the other cores).
bool verifyHeader(const QByteArray& line, const QByteArray& publicKey, const QString& platformId,
                  FeedPageHeader* header, QString* error, bool* badSignature = nullptr);

// Text checks shared with the applier: valid UTF-8, nesting no deeper than MaxDepth (outside strings).
bool isValidUtf8(const QByteArray& bytes);
int nestingDepth(const QByteArray& json);

} // namespace FeedPages
