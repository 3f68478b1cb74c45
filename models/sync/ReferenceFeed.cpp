#include "ReferenceFeed.h"

#include "FeedPage.h"
#include "records/CreditItemRepository.h"
#include "records/RecordJson.h"
#include "records/SubjectRepository.h"

#include <QDateTime>
#include <QHash>
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

bool changesAfter(const QSqlDatabase& db, const QString& stream, qint64* afterId, int limit, QJsonArray* changes,
                  QString* error)
{
    *changes = QJsonArray();
    if (stream == QLatin1String("subjects")) {
        QList<Subject> subjects;
        if (!SubjectRepository(db).pageAfter(*afterId, limit, &subjects, error))
            return false;
        for (const Subject& s : std::as_const(subjects)) {
            changes->append(RecordJson::toJson(s));
            *afterId = s.id;
        }
        return true;
    }
    QList<CreditItem> items;
    if (!CreditItemRepository(db).pageAfter(*afterId, limit, &items, error))
        return false;
    SubjectRepository subjects(db);
    QHash<qint64, QString> owners;
    for (const CreditItem& item : std::as_const(items)) {
        auto owner = owners.constFind(item.subjectId);
        if (owner == owners.constEnd()) {
            Subject s;
            if (!subjects.findById(item.subjectId, &s, error))
                return false;
            owner = owners.insert(item.subjectId, s.platformId);
        }
        QJsonObject change = RecordJson::toJson(item);
        change.insert(QStringLiteral("subject_platform_id"), owner.value());
        changes->append(change);
        *afterId = item.id;
    }
    return true;
}

QByteArray signedPage(const QString& platform, const QString& stream, const QJsonArray& changes, int number,
                      const SecureBytes& seed, const QString& issuedAt)
{
    const QJsonObject page{{QStringLiteral("format"), QStringLiteral("xmcredit-feed")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("platform"), platform},
                           {QStringLiteral("stream"), stream},
                           {QStringLiteral("after"), cursorOf(stream, number - 1)},
                           {QStringLiteral("cursor"), cursorOf(stream, number)},
                           {QStringLiteral("issuedAt"), issuedAt},
                           {QStringLiteral("changes"), changes}};
    return FeedPages::signLine(QJsonDocument(page).toJson(QJsonDocument::Compact), seed);
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
        lines << signedPage(platform, stream, chunk, number, seed, issuedAt);
        ++number;
    }
    return lines;
}

} // namespace ReferenceFeed
