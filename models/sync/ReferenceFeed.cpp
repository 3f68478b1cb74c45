#include "ReferenceFeed.h"

#include "FeedPage.h"
#include "records/CreditItemRepository.h"
#include "records/RecordJson.h"
#include "records/SubjectRepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace ReferenceFeed {

namespace {
QString cursorOf(const QString& stream, int page)
{
    return page == 0 ? QString() : QStringLiteral("%1/%2").arg(stream).arg(page, 6, 10, QLatin1Char('0'));
}
} // namespace

bool cityChanges(const QSqlDatabase& db, QJsonArray* subjects, QJsonArray* items, QString* error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id FROM subjects ORDER BY id"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    SubjectRepository subjectRepository(db);
    CreditItemRepository itemRepository(db);
    for (qint64 id : ids) {
        Subject s;
        if (!subjectRepository.findById(id, &s, error))
            return false;
        subjects->append(RecordJson::toJson(s));
        QList<CreditItem> list;
        if (!itemRepository.itemsOfSubject(s.id, &list, error))
            return false;
        for (const CreditItem& item : list) {
            QJsonObject change = RecordJson::toJson(item);
            change.insert(QStringLiteral("subject_platform_id"), s.platformId);
            items->append(change);
        }
    }
    return true;
}

QList<QByteArray> signedPages(const QString& platform, const QString& stream, const QJsonArray& changes, int perPage,
                              int firstPage, const SecureBytes& seed, const QString& issuedAtGiven)
{
    QList<QByteArray> lines;
    int number = firstPage;
    const QString issuedAt =
        issuedAtGiven.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) : issuedAtGiven;
    for (qsizetype i = 0; i < changes.size(); i += perPage) {
        QJsonArray chunk;
        for (qsizetype j = i; j < qMin(changes.size(), i + perPage); ++j)
            chunk.append(changes.at(j));
        const QJsonObject page{{QStringLiteral("format"), QStringLiteral("xmcredit-feed")},
                               {QStringLiteral("version"), 1},
                               {QStringLiteral("platform"), platform},
                               {QStringLiteral("stream"), stream},
                               {QStringLiteral("after"), cursorOf(stream, number - 1)},
                               {QStringLiteral("cursor"), cursorOf(stream, number)},
                               {QStringLiteral("issuedAt"), issuedAt},
                               {QStringLiteral("changes"), chunk}};
        lines << FeedPages::signLine(QJsonDocument(page).toJson(QJsonDocument::Compact), seed);
        ++number;
    }
    return lines;
}

} // namespace ReferenceFeed
