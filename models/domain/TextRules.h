#pragma once

#include <QString>

// What typed text a record, a case or a basis takes, whatever the form or command it comes through (issue 8: hostile
// input). Text is refused, with the reason, when it is longer than its limit, or holds control characters (a line
// takes none; a paragraph takes line breaks and tabs), characters that could not be read (U+FFFD, the mark of invalid
// UTF-8, or a broken UTF-16 surrogate), or the invisible bidirectional overrides that make "invoice<U+202E>fdp.exe"
// read as "invoiceexe.pdf". Everything else, SQL and markup included, is plain text: it is bound, never spliced into
// SQL, and shown as plain text.
namespace TextRules {

enum class Kind { Line, Paragraph };

// Empty when the text is acceptable; otherwise the reason (translated), naming the field as `label`.
QString problem(const QString& text, const QString& label, int maxLength, Kind kind = Kind::Line);

// Typed text quoted back in a message: at most `length` characters (then "…"), control and bidi characters shown as
// spaces.
QString shown(const QString& text, int length = 40);

// The same text as it will read back from storage: broken surrogates replaced (by U+FFFD) and NUL characters removed.
// The audit log hashes what it stores, so it hashes this.
QString canonical(const QString& text);

} // namespace TextRules
