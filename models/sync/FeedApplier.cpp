#include "FeedApplier.h"

#include "CalendarYears.h"
#include "PlatformStaff.h"
#include "PolicyProfiles.h"

#include "cases/CaseReplica.h"

#include "records/BulkLoad.h"
#include "records/CreditItemRepository.h"
#include "records/PlatformWritePermit.h"
#include "records/RecordJson.h"
#include "records/SubjectRepository.h"
#include "storage/AuditLog.h"
#include "storage/Signing.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <numeric>

namespace {

using Failure = FeedApplier::Failure;

FeedApplier::Result failure(Failure kind, const QString& message)
{
    return {kind, message};
}

// Text limits of a change (PROTOCOL.md, "Verification").
bool withinLimits(const QJsonObject& change, QString* field)
{
    static const QStringList shortFields{QStringLiteral("name"),
                                         QStringLiteral("title"),
                                         QStringLiteral("identifier"),
                                         QStringLiteral("platform_id"),
                                         QStringLiteral("subject_platform_id"),
                                         QStringLiteral("legal_representative")};
    for (auto it = change.begin(); it != change.end(); ++it) {
        if (it.value().isObject() || it.value().isArray()) {
            *field = it.key();
            return false;
        }
        if (!it.value().isString())
            continue;
        // A policy profile travels whole in its definition (a profile of the built-in kind is about 7,000 characters).
        const qsizetype limit = shortFields.contains(it.key())            ? 200
                                : it.key() == QLatin1String("definition") ? 65536
                                                                          : 4000;
        if (it.value().toString().size() > limit) {
            *field = it.key();
            return false;
        }
    }
    return true;
}

QString tooLong(qsizetype change, const QString& stream, const QString& field)
{
    return QCoreApplication::translate("FeedApplier",
                                       "Change %1 of a %2 page: the field \"%3\" is too long or not plain text. "
                                       "Nothing was applied.")
        .arg(change + 1)
        .arg(stream, field.left(80));
}

} // namespace

// The subjects or credit items of a page, read from their JSON and checked against the text limits where the page
// is verified (on the other cores), so that the applying thread only writes them. Reading stops at the first change
// refused; the applying thread meets the refusal at that change, so a page fails with the message it would have
// failed with read change by change.
struct FeedApplier::ReadRecords
{
    QList<Subject> subjects;
    QList<CreditItem> items;
    QStringList owners; // each item's subject_platform_id
    qsizetype refusedAt = -1;
    QString refusal;

    void read(const FeedPage& page)
    {
        const bool isSubjects = page.stream == QLatin1String("subjects");
        if (!isSubjects && page.stream != QLatin1String("credit_items"))
            return;
        (isSubjects ? subjects.reserve(page.changes.size()) : items.reserve(page.changes.size()));
        for (qsizetype i = 0; i < page.changes.size(); ++i) {
            const QJsonObject change = page.changes.at(i).toObject();
            QString field;
            if (!withinLimits(change, &field)) {
                refuse(i, tooLong(i, page.stream, field));
                return;
            }
            QString error;
            if (isSubjects) {
                Subject s;
                if (!RecordJson::fromJson(change, &s, &error) || s.platformId.isEmpty() || s.platformVersion < 1) {
                    refuse(i, QCoreApplication::translate("FeedApplier", "Change %1 of a subjects page is not a "
                                                                         "platform subject: %2 Nothing was applied.")
                                  .arg(i + 1)
                                  .arg(error.isEmpty() ? QCoreApplication::translate(
                                                             "FeedApplier", "its platform id or version is missing.")
                                                       : error));
                    return;
                }
                s.origin = RecordOrigin::Platform;
                subjects << s;
            } else {
                CreditItem item;
                if (!RecordJson::fromJson(change, &item, &error) || item.platformId.isEmpty() ||
                    item.platformVersion < 1) {
                    refuse(i, QCoreApplication::translate("FeedApplier", "Change %1 of a credit_items page is not a "
                                                                         "platform item: %2 Nothing was applied.")
                                  .arg(i + 1)
                                  .arg(error.isEmpty() ? QCoreApplication::translate(
                                                             "FeedApplier", "its platform id or version is missing.")
                                                       : error));
                    return;
                }
                items << item;
                owners << change.value(QLatin1String("subject_platform_id")).toString();
            }
        }
    }
    void refuse(qsizetype at, const QString& message)
    {
        refusedAt = at;
        refusal = message;
    }
};

namespace SyncEnrolment {

bool read(const QSqlDatabase& db, SyncEnrolmentInfo* info, QString* error)
{
    *info = {};
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT platform_id, public_key, platform_url, enrolled_by, enrolled_at FROM "
                               "sync_enrolment WHERE id = 1"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (q.next()) {
        info->enrolled = true;
        info->platformId = q.value(0).toString();
        info->publicKey = QByteArray::fromHex(q.value(1).toString().toLatin1());
        info->url = q.value(2).toString();
        info->enrolledBy = q.value(3).toString();
        info->enrolledAt = q.value(4).toString();
    }
    return true;
}

bool enrol(const Session& session, const QString& platformId, const QByteArray& publicKey, const QString& url,
           QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!session.can(Permission::ConfigureSync))
        return fail(QCoreApplication::translate("FeedApplier", "A %1 may not enrol the workstation with the platform.")
                        .arg(Roles::displayName(session.role)));
    if (publicKey.size() != 32)
        return fail(
            QCoreApplication::translate("FeedApplier", "The platform's key must be 32 bytes (64 hexadecimal digits)."));
    if (platformId.trimmed().isEmpty() || platformId.size() > 100)
        return fail(QCoreApplication::translate("FeedApplier", "The platform's id must be 1 to 100 characters."));
    QSqlDatabase db = session.database();
    SyncEnrolmentInfo existing;
    if (!read(db, &existing, error))
        return false;
    if (existing.enrolled)
        return fail(QCoreApplication::translate("FeedApplier",
                                                "This workstation is enrolled with platform %1 already (since %2).")
                        .arg(existing.platformId, existing.enrolledAt));
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_enrolment (id, platform_id, public_key, platform_url, enrolled_by, "
                             "enrolled_at) VALUES (1, ?, ?, ?, ?, ?)"));
    q.addBindValue(platformId.trimmed());
    q.addBindValue(QString::fromLatin1(publicKey.toHex()));
    q.addBindValue(url.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(url));
    q.addBindValue(session.username);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("sync.enrol");
    entry.objectType = QStringLiteral("platform");
    entry.objectId = platformId.trimmed();
    entry.details = {{QStringLiteral("publicKey"), QString::fromLatin1(publicKey.toHex())},
                     {QStringLiteral("url"), url}};
    QString why;
    if (!q.exec() || !AuditLog::append(db, entry, &why) || !db.commit()) {
        const QString message = !why.isEmpty()                    ? why
                                : !q.lastError().text().isEmpty() ? q.lastError().text()
                                                                  : db.lastError().text();
        db.rollback();
        return fail(message);
    }
    return true;
}

} // namespace SyncEnrolment

FeedApplier::FeedApplier(const Session& session)
    : m_session(session)
{}

QByteArray FeedApplier::makePackage(const QString& platformId, const QList<QByteArray>& signedLines,
                                    const SecureBytes& platformSeed)
{
    QByteArray body;
    for (const QByteArray& line : signedLines)
        body += line + '\n';
    const QJsonObject header{{QStringLiteral("format"), QStringLiteral("xmcredit-package")},
                             {QStringLiteral("version"), 1},
                             {QStringLiteral("platform"), platformId},
                             {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                             {QStringLiteral("pages"), int(signedLines.size())},
                             {QStringLiteral("sha256"), QString::fromLatin1(Signing::sha256(body).toHex())}};
    return FeedPages::signLine(QJsonDocument(header).toJson(QJsonDocument::Compact), platformSeed) + '\n' + body;
}

FeedApplier::Result FeedApplier::applyPackage(const QByteArray& bytes, SyncReport* report)
{
    *report = {};
    if (!m_session.can(Permission::ConfigureSync))
        return failure(Failure::Denied,
                       QCoreApplication::translate("FeedApplier", "A %1 may not import an exchange package.")
                           .arg(Roles::displayName(m_session.role)));
    if (bytes.size() > MaxPackageBytes)
        return failure(Failure::Malformed,
                       QCoreApplication::translate("FeedApplier", "The package is larger than %1 MiB.")
                           .arg(MaxPackageBytes >> 20));
    const qsizetype end = bytes.indexOf('\n');
    if (end <= 0)
        return failure(Failure::Malformed, QCoreApplication::translate(
                                               "FeedApplier", "The package has no header line: it is empty or not a "
                                                              "package."));
    // The header is signed by the platform: nobody else can announce fewer pages (to hold back the newest) or splice
    // pages from elsewhere, because its hash covers every page line.
    SyncEnrolmentInfo enrolment;
    QString error;
    if (!SyncEnrolment::read(m_session.database(), &enrolment, &error))
        return failure(Failure::Storage, error);
    if (!enrolment.enrolled)
        return failure(Failure::NotEnrolled,
                       QCoreApplication::translate("FeedApplier", "This workstation is not enrolled with a "
                                                                  "platform: enrol it first (xmcredit-admin "
                                                                  "enrol)."));
    QByteArray headerBytes;
    {
        const QJsonObject envelope = QJsonDocument::fromJson(bytes.left(end)).object();
        const auto page = QByteArray::fromBase64Encoding(envelope.value(QLatin1String("page")).toString().toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
        const auto signature = QByteArray::fromBase64Encoding(
            envelope.value(QLatin1String("signature")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (envelope.size() != 2 || !page || !signature)
            return failure(Failure::Malformed,
                           QCoreApplication::translate("FeedApplier", "The file is not an xmcredit exchange package "
                                                                      "(version 1)."));
        if (!Signing::verify(enrolment.publicKey, FeedPages::signedMessage(*page), *signature))
            return failure(Failure::Signature,
                           QCoreApplication::translate("FeedApplier",
                                                       "The package's header is not signed by the platform this "
                                                       "workstation is enrolled with. Nothing was applied."));
        headerBytes = *page;
    }
    QJsonParseError parse;
    const QJsonObject h = QJsonDocument::fromJson(headerBytes, &parse).object();
    if (parse.error != QJsonParseError::NoError ||
        h.value(QLatin1String("format")).toString() != QLatin1String("xmcredit-package") ||
        h.value(QLatin1String("version")).toInt() != 1 ||
        h.value(QLatin1String("platform")).toString() != enrolment.platformId)
        return failure(Failure::Malformed, QCoreApplication::translate(
                                               "FeedApplier", "The file is not an xmcredit exchange package (version "
                                                              "1) of this workstation's platform."));
    const QByteArrayView body = QByteArrayView(bytes).sliced(end + 1);
    const QString expected = h.value(QLatin1String("sha256")).toString();
    const int pages = h.value(QLatin1String("pages")).toInt(-1);
    QList<QByteArray> lines;
    qsizetype from = 0;
    while (from < body.size()) {
        const qsizetype next = body.indexOf('\n', from);
        if (next < 0)
            break;
        lines << body.sliced(from, next - from).toByteArray();
        from = next + 1;
    }
    if (pages < 0 || lines.size() != pages || from != body.size() ||
        QString::fromLatin1(Signing::sha256(body).toHex()) != expected)
        return failure(Failure::Malformed,
                       QCoreApplication::translate("FeedApplier",
                                                   "The package is truncated or was altered: it holds %1 page "
                                                   "line(s) where its header announces %2, or its content does not "
                                                   "match the header's hash. Nothing was applied.")
                           .arg(lines.size())
                           .arg(pages));
    return applyLines(lines, report);
}

FeedApplier::~FeedApplier()
{
    // The caller's report may be gone already (declared after the applier): it is left alone.
    m_report = nullptr;
    if (m_permit)
        undo({});
}

FeedApplier::Result FeedApplier::applyLines(const QList<QByteArray>& lines, SyncReport* report)
{
    Result r = begin(lines.size() > 1, report);
    if (r.ok())
        r = add(lines);
    if (r.ok())
        r = finish();
    return r;
}

FeedApplier::Result FeedApplier::undo(const Result& r)
{
    m_bulk = nullptr;
    m_bulkLoad.reset();
    if (m_permit)
        m_permit->rollback();
    m_permit.reset();
    if (m_report)
        *m_report = {};
    m_report = nullptr;
    return r;
}

FeedApplier::Result FeedApplier::begin(bool bulkAllowed, SyncReport* report)
{
    m_timer.start();
    *report = {};
    if (m_permit)
        return failure(Failure::Storage, QStringLiteral("FeedApplier::begin: an import is in progress already"));
    // Pages pulled from the platform: every role that works at the window (the background sync runs in its
    // session); an exchange package is an administrator's import (applyPackage).
    if (!m_session.can(Permission::PullSync) && !m_session.can(Permission::ConfigureSync))
        return failure(Failure::Denied,
                       QCoreApplication::translate("FeedApplier", "A %1 may not import the platform's records.")
                           .arg(Roles::displayName(m_session.role)));
    if (m_session.readOnly)
        return failure(Failure::Denied, QCoreApplication::translate("FeedApplier", "This session is read-only: %1")
                                            .arg(m_session.integrityProblem));
    QSqlDatabase db = m_session.database();
    QString error;
    if (!SyncEnrolment::read(db, &m_enrolment, &error))
        return failure(Failure::Storage, error);
    if (!m_enrolment.enrolled)
        return failure(Failure::NotEnrolled,
                       QCoreApplication::translate("FeedApplier",
                                                   "This workstation is not enrolled with a platform: enrol it first "
                                                   "(xmcredit-admin enrol)."));
    m_permit = std::make_unique<PlatformWritePermit>(db, m_session.username, QStringLiteral("sync.apply"));
    if (!m_permit->isActive()) {
        const QString why = m_permit->errorString();
        m_permit.reset();
        return failure(Failure::Storage, why);
    }
    m_report = report;
    m_pagesSeen = 0;
    m_bulk = nullptr;
    m_usedBulk = false;
    m_subjectIds.clear();
    m_itemIds.clear();
    m_ownerIds.clear();
    // A first sync into empty tables takes the bulk path (PROTOCOL.md leaves it to the workstation): plain inserts
    // with the indexes and triggers dropped inside this transaction, made again before it commits.
    QSqlQuery empty(db);
    if (!empty.exec(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM subjects) AND NOT EXISTS (SELECT 1 FROM "
                                   "credit_items) AND NOT EXISTS (SELECT 1 FROM sync_streams)")) ||
        !empty.next())
        return undo(failure(Failure::Storage, empty.lastError().text()));
    const bool firstSync = empty.value(0).toBool();
    empty.finish(); // an open statement on the tables would lock them against the drops
    if (firstSync && bulkAllowed) {
        m_bulkLoad = std::make_unique<BulkLoad>(db);
        if (!m_bulkLoad->begin(&error))
            return undo(failure(Failure::Storage, error));
        m_bulk = m_bulkLoad.get();
        m_usedBulk = true;
    }
    return {};
}

FeedApplier::Result FeedApplier::add(const QList<QByteArray>& lines)
{
    if (!m_permit)
        return failure(Failure::Storage, QStringLiteral("FeedApplier::add: no import in progress"));
    // Every page verified before anything of it is applied; the signatures and the parsing, page by page, on the
    // other cores while this thread applies the pages verified already (a first sync verifies thousands of pages).
    // A page that fails undoes the whole import, the pages before it included: nothing is applied.
    struct Verified
    {
        FeedPage page;
        ReadRecords records;
        QString error;
        bool ok = false;
        bool badSignature = false;
    };
    QList<int> indexes(lines.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    const QByteArray publicKey = m_enrolment.publicKey;
    const QString platformId = m_enrolment.platformId;
    // A pool of their own: the caller may be a thread of the global pool itself (the window's background sync), and
    // this thread waits for the results, so pages queued behind it on a full global pool would never be verified.
    static QThreadPool verifiers;
    QFuture<Verified> verifying = QtConcurrent::mapped(&verifiers, indexes, [&lines, publicKey, platformId](int i) {
        Verified v;
        v.ok = FeedPages::verifyLine(lines.at(i), publicKey, platformId, &v.page, &v.error, &v.badSignature);
        if (v.ok)
            v.records.read(v.page);
        return v;
    });
    const auto stopVerifying = qScopeGuard([&verifying] {
        verifying.cancel();
        verifying.waitForFinished();
    });
    for (int i = 0; i < lines.size(); ++i) {
        const Verified v = verifying.resultAt(i);
        const int number = ++m_pagesSeen;
        if (!v.ok)
            return undo(failure(v.badSignature ? Failure::Signature : Failure::Malformed,
                                QCoreApplication::translate("FeedApplier", "Page %1: %2 Nothing was applied.")
                                    .arg(number)
                                    .arg(v.error)));
        if (!FeedPages::appliedStreams().contains(v.page.stream))
            return undo(failure(Failure::Malformed,
                                QCoreApplication::translate("FeedApplier",
                                                            "Page %1 belongs to stream %2, which this version of the "
                                                            "workstation does not apply yet. Nothing was applied.")
                                    .arg(number)
                                    .arg(v.page.stream)));
        const Result r = applyPage(v.page, v.records, *m_permit, m_report);
        if (!r.ok())
            return undo(r);
    }
    return {};
}

FeedApplier::Result FeedApplier::finish()
{
    if (!m_permit)
        return failure(Failure::Storage, QStringLiteral("FeedApplier::finish: no import in progress"));
    QSqlDatabase db = m_session.database();
    QString error;
    if (m_bulk) {
        if (!endBulk(&error))
            return undo(failure(Failure::Storage, error));
    }
    m_bulkLoad.reset();
    if (m_usedBulk) {
        // The seals were summed again after the pages' entries: one more entry records them as they now are, so the
        // audit head and the seals agree at the next login.
        AuditEntry loaded;
        loaded.actor = m_session.username;
        loaded.action = QStringLiteral("sync.bulk_load");
        loaded.objectType = QStringLiteral("workstation");
        loaded.objectId = m_session.workstationId;
        loaded.details = {{QStringLiteral("subjects"), int(m_subjectIds.size())},
                          {QStringLiteral("items"), int(m_itemIds.size())}};
        if (!AuditLog::append(db, loaded, &error))
            return undo(failure(Failure::Storage, error));
    }
    const bool committed = m_permit->commit(&error);
    m_permit.reset();
    SyncReport* report = m_report;
    m_report = nullptr;
    if (!committed) {
        *report = {};
        return failure(Failure::Storage, error);
    }
    report->durationMs = m_timer.elapsed();
    return {};
}

bool FeedApplier::endBulk(QString* error)
{
    if (!m_bulk)
        return true;
    BulkLoad* bulk = m_bulk;
    m_bulk = nullptr;
    return bulk->finish(error);
}

FeedApplier::Result FeedApplier::applyPage(const FeedPage& page, const ReadRecords& read, PlatformWritePermit& permit,
                                           SyncReport* report)
{
    QSqlDatabase db = m_session.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT cursor, pages FROM sync_streams WHERE stream = ?"));
    q.addBindValue(page.stream);
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    const bool known = q.next();
    const QString stored = known ? q.value(0).toString() : QString();
    const int storedPages = known ? q.value(1).toInt() : 0;
    q.finish();
    // A page applied before (this package imported again, a download retried) is skipped; a different page that
    // claims a cursor already used is refused.
    q.prepare(QStringLiteral("SELECT sha256 FROM sync_pages WHERE stream = ? AND cursor = ?"));
    q.addBindValue(page.stream);
    q.addBindValue(page.cursor);
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    if (q.next()) {
        if (q.value(0).toString() != page.sha256)
            return failure(Failure::OutOfOrder,
                           QCoreApplication::translate("FeedApplier",
                                                       "A page of stream %1 claims cursor \"%2\", which a different "
                                                       "page already took. Nothing was applied.")
                               .arg(page.stream, page.cursor.left(80)));
        ++report->pagesSkipped;
        report->cursors.insert(page.stream, stored);
        return {};
    }
    q.finish();
    if (page.after != stored)
        return failure(Failure::OutOfOrder,
                       QCoreApplication::translate(
                           "FeedApplier",
                           "A page of stream %1 continues from \"%2\", but this workstation stands at \"%3\": it is "
                           "a replay of an older page or a page is missing. Nothing was applied.")
                           .arg(page.stream, page.after.left(80),
                                stored.isEmpty() ? QCoreApplication::translate("FeedApplier", "the start") : stored));

    SubjectRepository subjects(db);
    CreditItemRepository items(db);
    int applied = 0, unchanged = 0;
    QString error;
    QList<CreditItem> batch;
    const bool records = page.stream == QLatin1String("subjects") || page.stream == QLatin1String("credit_items");
    for (int i = 0; i < page.changes.size(); ++i) {
        if (i == read.refusedAt)
            return failure(Failure::Malformed, read.refusal);
        // Subjects and items were read where the page was verified; the other streams' changes are read here.
        const QJsonObject change = records ? QJsonObject() : page.changes.at(i).toObject();
        QString field;
        if (!records && !withinLimits(change, &field))
            return failure(Failure::Malformed, tooLong(i, page.stream, field));
        bool written = false;
        if (page.stream == QLatin1String("calendar")) {
            if (m_bulk && !endBulk(&error))
                return failure(Failure::Storage, error);
            bool malformed = false;
            if (!CalendarYears::apply(db, change, m_session.username, &written, &error, &malformed))
                return failure(
                    malformed ? Failure::Malformed : Failure::Storage,
                    QCoreApplication::translate("FeedApplier", "Change %1 of a calendar page: %2 Nothing was applied.")
                        .arg(i + 1)
                        .arg(error));
        } else if (page.stream == QLatin1String("policy") || page.stream == QLatin1String("staff")) {
            if (m_bulk && !endBulk(&error))
                return failure(Failure::Storage, error);
            bool malformed = false;
            const bool policy = page.stream == QLatin1String("policy");
            if (!(policy ? PolicyProfiles::apply(db, change, m_session.username, &written, &error, &malformed)
                         : PlatformStaff::apply(db, change, m_session.username, &written, &error, &malformed)))
                return failure(malformed ? Failure::Malformed : Failure::Storage,
                               QCoreApplication::translate("FeedApplier", "Change %1 of a %2 page: %3 Nothing was "
                                                                          "applied.")
                                   .arg(i + 1)
                                   .arg(page.stream, error));
        } else if (page.stream == QLatin1String("case_moves")) {
            // Cases are this window's records, not the platform's: no permit, the bulk path left first.
            if (m_bulk && !endBulk(&error))
                return failure(Failure::Storage, error);
            PlatformCaseMove move;
            if (!CaseReplica::parse(change, &move, &error))
                return failure(Failure::Malformed,
                               QCoreApplication::translate("FeedApplier",
                                                           "Change %1 of a case_moves page: %2 Nothing was applied.")
                                   .arg(i + 1)
                                   .arg(error));
            CaseReplica::Outcome outcome = CaseReplica::Outcome::AlreadyHeld;
            bool malformed = false;
            if (!CaseReplica::apply(db, m_session.workstationId, move, &outcome, &error, &malformed))
                return failure(malformed ? Failure::OutOfOrder : Failure::Storage,
                               QCoreApplication::translate("FeedApplier",
                                                           "Change %1 of a case_moves page: %2 Nothing was applied.")
                                   .arg(i + 1)
                                   .arg(error));
            written = outcome == CaseReplica::Outcome::Applied;
        } else if (page.stream == QLatin1String("subjects")) {
            Subject s = read.subjects.at(i);
            if (m_bulk && m_subjectIds.contains(s.platformId) && !endBulk(&error))
                return failure(Failure::Storage, error);
            if (m_bulk) {
                if (!subjects.insertPlatform(permit, &s, &error))
                    return failure(Failure::Storage, error);
                m_subjectIds.insert(s.platformId, s.id);
                written = true;
            } else if (!subjects.applyPlatform(permit, &s, &written, &error)) {
                return failure(Failure::Storage, error);
            }
        } else {
            CreditItem item = read.items.at(i);
            const QString& ownerId = read.owners.at(i);
            if (m_bulk && m_itemIds.contains(qHash(item.platformId)) && !endBulk(&error))
                return failure(Failure::Storage, error);
            if (m_bulk) {
                // The tables held nothing before this import: an item's subject came with it.
                const auto owned = m_subjectIds.constFind(ownerId);
                if (owned == m_subjectIds.constEnd())
                    return failure(Failure::Malformed,
                                   QCoreApplication::translate("FeedApplier",
                                                               "Change %1 of a credit_items page names subject \"%2\", "
                                                               "which this workstation does not hold. Nothing was "
                                                               "applied.")
                                       .arg(i + 1)
                                       .arg(ownerId.left(80)));
                item.subjectId = owned.value();
                if (!items.insertPlatform(permit, &item, &error))
                    return failure(Failure::Storage, error);
                m_itemIds.insert(qHash(item.platformId));
                ++applied;
                continue;
            }
            qint64 ownerRowId = m_ownerIds.value(ownerId, 0);
            if (ownerRowId == 0 && subjects.idByPlatformId(ownerId, &ownerRowId, &error))
                m_ownerIds.insert(ownerId, ownerRowId);
            if (ownerRowId == 0)
                return error.isEmpty()
                           ? failure(Failure::Malformed,
                                     QCoreApplication::translate(
                                         "FeedApplier", "Change %1 of a credit_items page names subject \"%2\", which "
                                                        "this workstation does not hold. Nothing was applied.")
                                         .arg(i + 1)
                                         .arg(ownerId.left(80)))
                           : failure(Failure::Storage, error);
            item.subjectId = ownerRowId;
            // Written with the rest of the page after the loop (CreditItemRepository::applyPlatformBatch).
            batch << item;
            continue;
        }
        (written ? applied : unchanged) += 1;
    }
    if (!batch.isEmpty()) {
        int written = 0, kept = 0;
        if (!items.applyPlatformBatch(permit, batch, &written, &kept, &error))
            return failure(Failure::Storage, error);
        applied += written;
        unchanged += kept;
    }
    q.prepare(known
                  ? QStringLiteral("UPDATE sync_streams SET cursor = ?, pages = ?, updated_at = ? WHERE stream = ?")
                  : QStringLiteral("INSERT INTO sync_streams (cursor, pages, updated_at, stream) VALUES (?, ?, ?, ?)"));
    q.addBindValue(page.cursor);
    q.addBindValue(storedPages + 1);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(page.stream);
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    q.prepare(QStringLiteral("INSERT INTO sync_pages (stream, after, cursor, sha256, changes, applied_by, applied_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(page.stream);
    q.addBindValue(page.after);
    q.addBindValue(page.cursor);
    q.addBindValue(page.sha256);
    q.addBindValue(int(page.changes.size()));
    q.addBindValue(m_session.username);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = QStringLiteral("sync.page");
    entry.objectType = QStringLiteral("stream");
    entry.objectId = page.stream;
    entry.details = {{QStringLiteral("after"), page.after},       {QStringLiteral("cursor"), page.cursor},
                     {QStringLiteral("applied"), applied},        {QStringLiteral("unchanged"), unchanged},
                     {QStringLiteral("issuedAt"), page.issuedAt}, {QStringLiteral("sha256"), page.sha256}};
    if (!AuditLog::append(db, entry, &error))
        return failure(Failure::Storage, error);
    ++report->pagesApplied;
    report->applied[page.stream] += applied;
    report->unchanged[page.stream] += unchanged;
    report->cursors.insert(page.stream, page.cursor);
    return {};
}
