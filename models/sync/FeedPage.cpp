#include "FeedPage.h"

#include "storage/Signing.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace FeedPages {

namespace {
bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

// The envelope as the platform writes it, QJsonDocument's compact form: {"page":"…","signature":"…"}, each value
// base64, which holds no character JSON escapes. A first sync reads thousands of lines of about a megabyte: this
// spelling is read without a JSON parser and without turning the page into UTF-16 and back. Any other spelling of
// an envelope (spaces, keys in another order, escapes), and anything whose base64 does not decode, goes through the
// parser and its checks.
bool readCompactEnvelope(const QByteArray& line, QByteArray* page, QByteArray* signature)
{
    constexpr QByteArrayView head("{\"page\":\"");
    constexpr QByteArrayView middle("\",\"signature\":\"");
    constexpr QByteArrayView tail("\"}");
    const QByteArrayView view(line);
    if (!view.startsWith(head) || !view.endsWith(tail))
        return false;
    const qsizetype split = view.indexOf(middle, head.size());
    if (split < 0)
        return false;
    const QByteArrayView pageText = view.sliced(head.size(), split - head.size());
    const qsizetype signatureAt = split + middle.size();
    const QByteArrayView signatureText = view.sliced(signatureAt, view.size() - tail.size() - signatureAt);
    // Decoding stops at any character outside base64 (a quote, a backslash, a brace): such a line is no envelope of
    // this form, and the parser says what it is.
    const auto decodedPage = QByteArray::fromBase64Encoding(QByteArray::fromRawData(pageText.data(), pageText.size()),
                                                            QByteArray::AbortOnBase64DecodingErrors);
    const auto decodedSignature = QByteArray::fromBase64Encoding(
        QByteArray::fromRawData(signatureText.data(), signatureText.size()), QByteArray::AbortOnBase64DecodingErrors);
    if (!decodedPage || !decodedSignature)
        return false;
    *page = *decodedPage;
    *signature = *decodedSignature;
    return true;
}

bool printableAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}
} // namespace

QStringList knownStreams()
{
    return {QStringLiteral("subjects"),  QStringLiteral("credit_items"), QStringLiteral("staff"),
            QStringLiteral("calendar"),  QStringLiteral("policy"),       QStringLiteral("case_decisions"),
            QStringLiteral("case_moves")};
}

QStringList appliedStreams()
{
    // In this order: a case names its subject and items, and its clock counts with the calendar.
    return {QStringLiteral("subjects"), QStringLiteral("credit_items"), QStringLiteral("calendar"),
            QStringLiteral("policy"),   QStringLiteral("staff"),        QStringLiteral("case_moves")};
}

QByteArray signedMessage(const QByteArray& pageBytes)
{
    return QByteArrayLiteral("xmcredit feed v1\n") + pageBytes;
}

QByteArray signLine(const QByteArray& pageBytes, const SecureBytes& platformSeed)
{
    const QByteArray signature = Signing::sign(platformSeed, signedMessage(pageBytes));
    QJsonObject line{{QStringLiteral("page"), QString::fromLatin1(pageBytes.toBase64())},
                     {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

bool isValidUtf8(const QByteArray& bytes)
{
    return QByteArrayView(bytes).isValidUtf8();
}

int nestingDepth(const QByteArray& json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            deepest = qMax(deepest, ++depth);
        else if (c == '}' || c == ']')
            --depth;
    }
    return deepest;
}

namespace {

// The page's bytes out of a signed line, once its signature verifies under publicKey and they are valid UTF-8 and
// not nested too deep.
bool openLine(const QByteArray& line, const QByteArray& publicKey, QByteArray* pageBytes, QString* error,
              bool* badSignature)
{
    if (badSignature)
        *badSignature = false;
    if (line.size() > MaxLineBytes)
        return fail(error, QCoreApplication::translate("FeedPage", "A page is larger than the protocol allows."));
    if (!isValidUtf8(line))
        return fail(error, QCoreApplication::translate("FeedPage", "A page is not valid UTF-8."));
    QJsonParseError parse;
    QByteArray bytes;
    QByteArray signature;
    // The compact envelope nests one level deep by its form.
    if (!readCompactEnvelope(line, &bytes, &signature)) {
        if (nestingDepth(line) > 2)
            return fail(error,
                        QCoreApplication::translate("FeedPage", "A signed page line is not of the protocol's form."));
        const QJsonDocument envelope = QJsonDocument::fromJson(line, &parse);
        if (parse.error != QJsonParseError::NoError || !envelope.isObject())
            return fail(error, QCoreApplication::translate("FeedPage", "A signed page line is not valid JSON: %1")
                                   .arg(parse.errorString()));
        const QJsonObject outer = envelope.object();
        const QJsonValue pageValue = outer.value(QLatin1String("page"));
        const QJsonValue signatureValue = outer.value(QLatin1String("signature"));
        if (!pageValue.isString() || !signatureValue.isString() || outer.size() != 2)
            return fail(error, QCoreApplication::translate(
                                   "FeedPage", "A signed page line needs exactly \"page\" and \"signature\"."));
        const auto decodedPage =
            QByteArray::fromBase64Encoding(pageValue.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        const auto decodedSignature = QByteArray::fromBase64Encoding(signatureValue.toString().toLatin1(),
                                                                     QByteArray::AbortOnBase64DecodingErrors);
        if (!decodedPage || !decodedSignature)
            return fail(error, QCoreApplication::translate("FeedPage", "A page or its signature is not valid base64."));
        bytes = *decodedPage;
        signature = *decodedSignature;
    }
    // The signature first: nothing an unknown signer wrote is even parsed.
    if (publicKey.size() != Signing::PublicKeyBytes || !Signing::verify(publicKey, signedMessage(bytes), signature)) {
        if (badSignature)
            *badSignature = true;
        return fail(error, QCoreApplication::translate(
                               "FeedPage",
                               "A page's signature does not verify under the platform's key: it was altered or not "
                               "written by the platform this workstation is enrolled with."));
    }
    if (!isValidUtf8(bytes))
        return fail(error, QCoreApplication::translate("FeedPage", "A page is not valid UTF-8."));
    if (nestingDepth(bytes) > MaxDepth)
        return fail(error,
                    QCoreApplication::translate("FeedPage", "A page nests deeper than %1 levels.").arg(MaxDepth));
    *pageBytes = bytes;
    return true;
}

bool parsePage(const QByteArray& bytes, const QString& platformId, FeedPage* page, QString* error)
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError || !document.isObject())
        return fail(error,
                    QCoreApplication::translate("FeedPage", "A page is not valid JSON: %1").arg(parse.errorString()));
    const QJsonObject o = document.object();
    if (o.value(QLatin1String("format")).toString() != QLatin1String("xmcredit-feed") ||
        o.value(QLatin1String("version")).toInt() != 1)
        return fail(error,
                    QCoreApplication::translate("FeedPage", "A page is not of the xmcredit feed format, version 1."));
    FeedPage p;
    p.platform = o.value(QLatin1String("platform")).toString();
    p.stream = o.value(QLatin1String("stream")).toString();
    p.after = o.value(QLatin1String("after")).toString();
    p.cursor = o.value(QLatin1String("cursor")).toString();
    p.issuedAt = o.value(QLatin1String("issuedAt")).toString();
    p.sha256 = QString::fromLatin1(Signing::sha256(bytes).toHex());
    if (p.platform != platformId)
        return fail(error, QCoreApplication::translate(
                               "FeedPage",
                               "A page comes from platform \"%1\", not from \"%2\" this workstation is enrolled with.")
                               .arg(p.platform.left(80), platformId));
    if (!knownStreams().contains(p.stream))
        return fail(error, QCoreApplication::translate("FeedPage", "A page belongs to an unknown stream \"%1\".")
                               .arg(p.stream.left(80)));
    if (!o.value(QLatin1String("after")).isString() || !o.value(QLatin1String("cursor")).isString() ||
        p.cursor.isEmpty() || p.cursor.size() > MaxCursorLength || p.after.size() > MaxCursorLength ||
        !printableAscii(p.cursor) || !printableAscii(p.after) || p.cursor == p.after)
        return fail(error, QCoreApplication::translate("FeedPage",
                                                       "A page's cursors are missing or not of the protocol's form."));
    const QJsonValue changes = o.value(QLatin1String("changes"));
    if (!changes.isArray() || changes.toArray().size() > MaxChanges)
        return fail(
            error,
            QCoreApplication::translate("FeedPage", "A page's changes are missing or more than %1.").arg(MaxChanges));
    p.changes = changes.toArray();
    for (const QJsonValue& change : p.changes) {
        if (!change.isObject())
            return fail(
                error,
                QCoreApplication::translate("FeedPage", "A change of stream %1 is not an object.").arg(p.stream));
    }
    *page = p;
    return true;
}

// The string values of a page's top-level keys without parsing the page: the value of a key at depth 1 when it is a
// string without escapes (any other value, an array of changes included, is skipped over).
QHash<QByteArrayView, QByteArrayView> topLevelStrings(QByteArrayView json)
{
    QHash<QByteArrayView, QByteArrayView> strings;
    int depth = 0;
    bool valueNext = false;
    QByteArrayView key;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json[i];
        if (c == '"') {
            const qsizetype start = ++i;
            bool escaped = false;
            while (i < n && json[i] != '"') {
                if (json[i] == '\\') {
                    escaped = true;
                    ++i;
                }
                ++i;
            }
            if (i >= n)
                return {};
            const QByteArrayView text = json.sliced(start, i - start);
            if (depth == 1) {
                if (!valueNext)
                    key = escaped ? QByteArrayView() : text;
                else if (!escaped && !key.isNull())
                    strings.insert(key, text);
                valueNext = false;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (depth == 1 && c == ':') {
            valueNext = true;
        } else if (depth == 1 && c == ',') {
            valueNext = false;
        }
    }
    return strings;
}

} // namespace

bool verifyLine(const QByteArray& line, const QByteArray& publicKey, const QString& platformId, FeedPage* page,
                QString* error, bool* badSignature)
{
    QByteArray bytes;
    return openLine(line, publicKey, &bytes, error, badSignature) && parsePage(bytes, platformId, page, error);
}

bool verifyHeader(const QByteArray& line, const QByteArray& publicKey, const QString& platformId,
                  FeedPageHeader* header, QString* error, bool* badSignature)
{
    QByteArray bytes;
    if (!openLine(line, publicKey, &bytes, error, badSignature))
        return false;
    const QHash<QByteArrayView, QByteArrayView> fields = topLevelStrings(bytes);
    auto field = [&fields](const char* name, QString* value) {
        const auto found = fields.constFind(QByteArrayView(name));
        if (found == fields.constEnd())
            return false;
        *value = QString::fromUtf8(*found);
        return true;
    };
    FeedPageHeader h;
    if (field("platform", &h.platform) && field("stream", &h.stream) && field("after", &h.after) &&
        field("cursor", &h.cursor) && h.platform == platformId && knownStreams().contains(h.stream) &&
        !h.cursor.isEmpty() && h.cursor.size() <= MaxCursorLength && h.after.size() <= MaxCursorLength &&
        printableAscii(h.cursor) && printableAscii(h.after) && h.cursor != h.after) {
        *header = h;
        return true;
    }
    // Anything else is read by the parser, which says what is wrong with it (or reads what the scan could not).
    FeedPage page;
    if (!parsePage(bytes, platformId, &page, error))
        return false;
    *header = {page.platform, page.stream, page.after, page.cursor};
    return true;
}

} // namespace FeedPages
