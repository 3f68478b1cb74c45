#include "SubjectNameIndex.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

QList<char32_t> normalisedCodePoints(const QString& text)
{
    const QList<uint> ucs4 = text.normalized(QString::NormalizationForm_KC).toUcs4();
    QList<char32_t> kept;
    kept.reserve(ucs4.size());
    for (uint value : ucs4) {
        const auto c = static_cast<char32_t>(value);
        if (!QChar::isLetterOrNumber(c))
            continue;
        kept.append(c < 0x80 ? QChar::toLower(c) : c);
    }
    return kept;
}

QString fromCodePoints(const char32_t* data, qsizetype count)
{
    return QString::fromUcs4(data, count);
}

QStringList bigramList(const QList<char32_t>& cps)
{
    QStringList list;
    for (qsizetype i = 0; i + 1 < cps.size(); ++i)
        list.append(QString::fromUcs4(cps.constData() + i, 2));
    return list;
}

QString joinedBigrams(const QList<char32_t>& cps)
{
    if (cps.isEmpty())
        return QString();
    if (cps.size() == 1)
        return fromCodePoints(cps.constData(), 1);
    QString out;
    out.reserve(int(cps.size()) * 3);
    for (qsizetype i = 0; i + 1 < cps.size(); ++i) {
        if (i > 0)
            out.append(QLatin1Char(' '));
        out.append(fromCodePoints(cps.constData() + i, 2));
    }
    return out;
}

} // namespace

namespace SubjectNameIndex {

QString normalise(const QString& text)
{
    const QList<char32_t> cps = normalisedCodePoints(text);
    return QString::fromUcs4(cps.constData(), cps.size());
}

QString bigrams(const QString& name)
{
    return joinedBigrams(normalisedCodePoints(name));
}

QString matchExpression(const QString& fragment, const QSet<QString>& common)
{
    const QList<char32_t> cps = normalisedCodePoints(fragment);
    if (cps.size() < 2)
        return QString();
    // Only letters and digits remain, so nothing in a phrase can be taken for FTS query syntax.
    const QStringList all = bigramList(cps);
    QStringList phrases;
    QStringList run;
    for (const QString& bigram : all) {
        if (common.contains(bigram)) {
            if (!run.isEmpty())
                phrases.append(QLatin1Char('"') + run.join(QLatin1Char(' ')) + QLatin1Char('"'));
            run.clear();
        } else {
            run.append(bigram);
        }
    }
    if (!run.isEmpty())
        phrases.append(QLatin1Char('"') + run.join(QLatin1Char(' ')) + QLatin1Char('"'));
    if (phrases.isEmpty()) // only common bigrams: the whole phrase, slow but exact
        return QLatin1Char('"') + all.join(QLatin1Char(' ')) + QLatin1Char('"');
    return phrases.join(QLatin1Char(' '));
}

bool refreshCommonBigrams(const QSqlDatabase& db, qint64 minimumDocuments, QString* error)
{
    QSqlQuery q(db);
    auto fail = [&q, error]() {
        if (error)
            *error = q.lastError().text();
        return false;
    };
    if (minimumDocuments < 0) {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM subjects")) || !q.next())
            return fail();
        minimumDocuments = qMax<qint64>(2000, q.value(0).toLongLong() / 400);
        q.finish();
    }
    // fts4aux reads the index's term statistics; a TEMP view of it leaves the schema alone.
    q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.subject_name_terms"));
    if (!q.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.subject_name_terms USING fts4aux(main, subject_name_fts)")))
        return fail();
    bool ok = q.exec(QStringLiteral("DELETE FROM subject_name_common_bigrams"));
    if (ok) {
        q.prepare(QStringLiteral("INSERT INTO subject_name_common_bigrams (bigram, documents) SELECT term, documents "
                                 "FROM temp.subject_name_terms WHERE col = '*' AND documents >= ?"));
        q.addBindValue(minimumDocuments);
        ok = q.exec();
    }
    const QString why = q.lastError().text();
    QSqlQuery drop(db);
    drop.exec(QStringLiteral("DROP TABLE temp.subject_name_terms"));
    if (!ok && error)
        *error = why;
    return ok;
}

bool loadCommonBigrams(const QSqlDatabase& db, QSet<QString>* common, QString* error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT bigram FROM subject_name_common_bigrams"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    common->clear();
    while (q.next())
        common->insert(q.value(0).toString());
    return true;
}

int characterCount(const QString& text)
{
    return int(normalisedCodePoints(text).size());
}

} // namespace SubjectNameIndex
