#include "TextRules.h"

#include <QCoreApplication>

namespace {

bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isControl(char16_t c, TextRules::Kind kind)
{
    if (kind == TextRules::Kind::Paragraph && (c == u'\n' || c == u'\t' || c == u'\r'))
        return false;
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

} // namespace

namespace TextRules {

QString problem(const QString& text, const QString& label, int maxLength, Kind kind)
{
    if (text.size() > maxLength)
        return QCoreApplication::translate("TextRules", "%1 is longer than %2 characters.").arg(label).arg(maxLength);
    if (!text.isValidUtf16() || text.contains(QChar(QChar::ReplacementCharacter)))
        return QCoreApplication::translate("TextRules",
                                           "%1 holds characters that could not be read (invalid text): type it again.")
            .arg(label);
    for (const QChar c : text) {
        if (isControl(c.unicode(), kind))
            return QCoreApplication::translate("TextRules", "%1 holds control characters.").arg(label);
        if (isBidiControl(c.unicode()))
            return QCoreApplication::translate("TextRules",
                                               "%1 holds invisible direction marks that change how it reads.")
                .arg(label);
    }
    return {};
}

QString shown(const QString& text, int length)
{
    QString out = text.left(length);
    for (QChar& c : out) {
        if (isControl(c.unicode(), Kind::Line) || isBidiControl(c.unicode()) || c.isSurrogate())
            c = QLatin1Char(' ');
    }
    if (text.size() > length)
        out += QChar(0x2026);
    return out;
}

QString canonical(const QString& text)
{
    QString out = text.isValidUtf16() ? text : QString::fromUtf8(text.toUtf8());
    out.remove(QChar(0));
    return out;
}

} // namespace TextRules
