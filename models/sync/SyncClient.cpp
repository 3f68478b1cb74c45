#include "SyncClient.h"

#include "FeedPage.h"
#include "Outbox.h"
#include "storage/AuditLog.h"
#include "storage/Roles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <memory>

namespace {

SyncClient::Result failure(SyncClient::Failure kind, const QString& message)
{
    return {kind, FeedApplier::Failure::None, message};
}

// Adds a report of one applied batch to the pull's.
void merge(SyncReport* into, const SyncReport& batch)
{
    into->pagesApplied += batch.pagesApplied;
    into->pagesSkipped += batch.pagesSkipped;
    for (auto it = batch.applied.cbegin(); it != batch.applied.cend(); ++it)
        into->applied[it.key()] += it.value();
    for (auto it = batch.unchanged.cbegin(); it != batch.unchanged.cend(); ++it)
        into->unchanged[it.key()] += it.value();
    for (auto it = batch.cursors.cbegin(); it != batch.cursors.cend(); ++it)
        into->cursors.insert(it.key(), it.value());
}

} // namespace

namespace SyncTransportStore {

bool read(const QSqlDatabase& db, SyncTransport* transport, QString* error)
{
    *transport = {};
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT platform_url, ca_certificate, device_token, set_by, set_at FROM sync_transport "
                               "ORDER BY id DESC LIMIT 1"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (q.next()) {
        transport->present = true;
        transport->url = QUrl(q.value(0).toString());
        transport->caPem = q.value(1).toString().toLatin1();
        transport->token = q.value(2).toString().toLatin1();
        transport->setBy = q.value(3).toString();
        transport->setAt = q.value(4).toString();
    }
    return true;
}

QString caFingerprint(const QByteArray& pem)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        return {};
    return QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex());
}

bool write(const Session& session, const SyncTransport& transport, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!session.can(Permission::ConfigureSync))
        return fail(
            QCoreApplication::translate("SyncClient", "A %1 may not set how the workstation reaches the platform.")
                .arg(Roles::displayName(session.role)));
    if (transport.url.scheme() != QLatin1String("https") || transport.url.host().isEmpty())
        return fail(QCoreApplication::translate("SyncClient", "The platform's address must be an https:// address."));
    const QString fingerprint = caFingerprint(transport.caPem);
    if (fingerprint.isEmpty())
        return fail(
            QCoreApplication::translate("SyncClient", "The platform's CA certificate is not a PEM certificate."));
    QSqlDatabase db = session.database();
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_transport (platform_url, ca_certificate, device_token, set_by, set_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(transport.url.toString());
    q.addBindValue(QString::fromLatin1(transport.caPem.trimmed()));
    q.addBindValue(QString::fromLatin1(transport.token));
    q.addBindValue(session.username);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("sync.transport");
    entry.objectType = QStringLiteral("platform");
    entry.objectId = transport.url.host();
    entry.details = {{QStringLiteral("url"), transport.url.toString()}, {QStringLiteral("caSha256"), fingerprint}};
    QString why;
    if (!q.exec() || !AuditLog::append(db, entry, &why) || !db.commit()) {
        const QString message = why.isEmpty() ? q.lastError().text() : why;
        db.rollback();
        return fail(message);
    }
    return true;
}

} // namespace SyncTransportStore

QString SyncProgress::describe() const
{
    const QLocale locale;
    if (pagesTotal <= 0)
        return QCoreApplication::translate("SyncClient", "%n page(s) pulled", nullptr, pagesDone);
    const QString pages = QCoreApplication::translate("SyncClient", "%1 of %2 pages (%3%)")
                              .arg(locale.toString(pagesDone), locale.toString(pagesTotal))
                              .arg(qint64(pagesDone) * 100 / pagesTotal);
    if (remainingMs < 0 || pagesDone >= pagesTotal)
        return pages;
    const qint64 seconds = (remainingMs + 999) / 1000;
    // (lupdate 6.4 hangs on an arithmetic argument in parentheses after nullptr: the counts are named first.)
    const int secondsLeft = int(seconds);
    const int minutesLeft = int((seconds + 59) / 60);
    QString left;
    if (seconds < 60)
        left = QCoreApplication::translate("SyncClient", "about %n second(s) left", nullptr, secondsLeft);
    else if (seconds < 3600)
        left = QCoreApplication::translate("SyncClient", "about %n minute(s) left", nullptr, minutesLeft);
    else
        left = QCoreApplication::translate("SyncClient", "about %1 h %2 min left")
                   .arg(seconds / 3600)
                   .arg((seconds % 3600 + 59) / 60);
    return QCoreApplication::translate("SyncClient", "%1, %2").arg(pages, left);
}

SyncClient::SyncClient(const Session& session)
    : SyncClient(session, Options())
{}

SyncClient::SyncClient(const Session& session, const Options& options)
    : m_session(session)
    , m_options(options)
{}

SyncClient::Result SyncClient::request(QNetworkAccessManager& network, const QUrl& url, const QByteArray& caPem,
                                       const QByteArray& token, const QByteArray& postBody, Answer* answer)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    // The pinned CA is the only authority trusted: not the system's, not one the platform presents.
    ssl.setCaCertificates(QSslCertificate::fromData(caPem, QSsl::Pem));
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::SecureProtocols);
    int delay = m_options.backoffMs;
    Result last;
    for (int attempt = 1; attempt <= std::max(1, m_options.attempts); ++attempt) {
        if (m_cancelled)
            return failure(Failure::Cancelled, QCoreApplication::translate("SyncClient", "The sync was cancelled."));
        QNetworkRequest request(url);
        request.setSslConfiguration(ssl);
        request.setTransferTimeout(m_options.timeoutMs);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("xmcredit/" XMCREDIT_VERSION));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply = nullptr;
        if (postBody.isNull()) {
            reply = network.get(request);
        } else {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            reply = network.post(request, postBody);
        }
        QEventLoop loop;
        QTimer watch;
        watch.setInterval(50);
        QObject::connect(&watch, &QTimer::timeout, &loop, [this, reply] {
            if (m_cancelled)
                reply->abort();
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        // Bodies are small (a page is at most 32 MiB): anything larger is not the platform's.
        QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [reply](qint64 received, qint64) {
            if (received > FeedPages::MaxLineBytes + 1024)
                reply->abort();
        });
        watch.start();
        loop.exec();
        watch.stop();
        const QNetworkReply::NetworkError error = reply->error();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer->status = status;
        answer->body = reply->isOpen() ? reply->readAll() : QByteArray();
        const QString errorText = reply->errorString();
        reply->deleteLater();
        if (m_cancelled)
            return failure(Failure::Cancelled, QCoreApplication::translate("SyncClient", "The sync was cancelled."));
        if (error == QNetworkReply::SslHandshakeFailedError)
            return failure(Failure::Tls,
                           QCoreApplication::translate(
                               "SyncClient", "The platform at %1 did not prove its identity with a certificate of the "
                                             "pinned CA: %2")
                               .arg(url.host(), errorText));
        // An answer cut off (a timeout, a dropped connection after the headers) is a network failure, whatever
        // status its headers had.
        const bool transport = error != QNetworkReply::NoError && (status == 0 || (status >= 200 && status < 300));
        if (!transport && status >= 200 && status < 300)
            return {};
        if (status == 401 || status == 403)
            return failure(
                Failure::Unauthorized,
                QCoreApplication::translate("SyncClient", "The platform refused this workstation (HTTP %1): %2")
                    .arg(status)
                    .arg(QString::fromUtf8(answer->body.left(300))));
        if (status >= 400 && status < 500)
            return failure(Failure::Platform,
                           QCoreApplication::translate("SyncClient", "The platform answered HTTP %1: %2")
                               .arg(status)
                               .arg(QString::fromUtf8(answer->body.left(300))));
        // A network failure, a timeout or a 5xx answer: retried after a pause that doubles.
        last = failure(
            status >= 500 ? Failure::Platform : Failure::Network,
            status >= 500
                ? QCoreApplication::translate("SyncClient", "The platform answered HTTP %1 %2 times.")
                      .arg(status)
                      .arg(attempt)
                : QCoreApplication::translate("SyncClient", "The platform at %1 could not be reached (%2 attempts): %3")
                      .arg(url.host())
                      .arg(attempt)
                      .arg(errorText));
        if (attempt < m_options.attempts) {
            QEventLoop pause;
            QTimer::singleShot(delay, &pause, &QEventLoop::quit);
            pause.exec();
            delay *= 2;
        }
    }
    return last;
}

SyncClient::Result SyncClient::enrol(const QUrl& url, const QByteArray& caPem, const QString& code,
                                     SyncEnrolmentInfo* enrolment)
{
    if (!m_session.can(Permission::ConfigureSync))
        return failure(Failure::Denied, QCoreApplication::translate(
                                            "SyncClient", "A %1 may not enrol the workstation with the platform.")
                                            .arg(Roles::displayName(m_session.role)));
    if (url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return failure(Failure::Platform, QCoreApplication::translate(
                                              "SyncClient", "The platform's address must be an https:// address."));
    if (SyncTransportStore::caFingerprint(caPem).isEmpty())
        return failure(Failure::Tls, QCoreApplication::translate(
                                         "SyncClient", "The platform's CA certificate is not a PEM certificate."));
    static const QRegularExpression codePattern(QStringLiteral("^[A-Za-z0-9-]{4,64}$"));
    if (!codePattern.match(code).hasMatch())
        return failure(
            Failure::Unauthorized,
            QCoreApplication::translate("SyncClient", "An enrolment code is 4 to 64 letters, digits or hyphens."));
    QUrl endpoint = url;
    endpoint.setPath(QStringLiteral("/v1/enrol"));
    Answer answer;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                      {QStringLiteral("workstation"), m_session.workstationId}})
                                .toJson(QJsonDocument::Compact);
    QNetworkAccessManager network;
    Result r = request(network, endpoint, caPem, QByteArray(), body, &answer);
    if (!r.ok())
        return r;
    const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
    const QString platformId = json.value(QStringLiteral("platformId")).toString();
    const QByteArray key = QByteArray::fromHex(json.value(QStringLiteral("publicKey")).toString().toLatin1());
    const QByteArray token = json.value(QStringLiteral("deviceToken")).toString().toLatin1();
    static const QRegularExpression tokenPattern(QStringLiteral("^[A-Za-z0-9._~-]{32,200}$"));
    if (platformId.isEmpty() || key.size() != 32 || !tokenPattern.match(QString::fromLatin1(token)).hasMatch())
        return failure(Failure::Platform,
                       QCoreApplication::translate("SyncClient",
                                                   "The platform's enrolment answer is not of the protocol's form."));
    QSqlDatabase db = m_session.database();
    SyncEnrolmentInfo pinned;
    QString error;
    if (!SyncEnrolment::read(db, &pinned, &error))
        return failure(Failure::Storage, error);
    if (pinned.enrolled) {
        // Enrolled offline before: the platform must be the one whose key was pinned.
        if (pinned.publicKey != key || pinned.platformId != platformId)
            return failure(Failure::Tls,
                           QCoreApplication::translate(
                               "SyncClient", "The platform at %1 (%2) signs with another key than the platform this "
                                             "workstation is enrolled with (%3): nothing was changed.")
                               .arg(url.host(), platformId, pinned.platformId));
    } else if (!SyncEnrolment::enrol(m_session, platformId, key, url.toString(), &error)) {
        return failure(Failure::Storage, error);
    }
    SyncTransport transport;
    transport.url = url;
    transport.caPem = caPem;
    transport.token = token;
    if (!SyncTransportStore::write(m_session, transport, &error))
        return failure(Failure::Storage, error);
    if (enrolment && !SyncEnrolment::read(db, enrolment, &error))
        return failure(Failure::Storage, error);
    return {};
}

SyncClient::Result SyncClient::refused(const QString& stream, const QString& cursor, const FeedApplier::Result& applied)
{
    // A refused page is a security event: recorded, with why, in its own entry (the batch was rolled back).
    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = QStringLiteral("sync.refused");
    entry.objectType = QStringLiteral("stream");
    entry.objectId = stream;
    entry.details = {{QStringLiteral("after"), cursor}, {QStringLiteral("reason"), applied.message.left(500)}};
    QString error;
    QSqlDatabase db = m_session.database();
    AuditLog::append(db, entry, &error);
    return {Failure::Refused, applied.failure, applied.message};
}

SyncClient::Result SyncClient::checkAnchor(QNetworkAccessManager& network, const SyncTransport& transport)
{
    QUrl url = transport.url;
    url.setPath(QStringLiteral("/v1/anchor"));
    Answer answer;
    Result r = request(network, url, transport.caPem, transport.token, QByteArray(), &answer);
    if (!r.ok() || answer.status == 204)
        return r;
    const QJsonObject held = QJsonDocument::fromJson(answer.body).object();
    const qint64 seq = qint64(held.value(QStringLiteral("seq")).toDouble(-1));
    const QString hash = held.value(QStringLiteral("hash")).toString();
    if (seq < 1 || hash.size() != 64)
        return failure(Failure::Platform,
                       QCoreApplication::translate("SyncClient", "The platform's audit anchor is not of the protocol's "
                                                                 "form."));
    QSqlDatabase db = m_session.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
    q.addBindValue(seq);
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    if (q.next() && q.value(0).toString() == hash)
        return {};
    q.finish();
    const QString message =
        QCoreApplication::translate("SyncClient",
                                    "The platform holds audit entry %1 of this workstation, which this database does "
                                    "not have: the database was put back from an older copy (or rewritten). Nothing "
                                    "was synced; tell the platform's administrators.")
            .arg(seq);
    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = QStringLiteral("sync.rollback");
    entry.objectType = QStringLiteral("workstation");
    entry.objectId = m_session.workstationId;
    entry.details = {{QStringLiteral("platformSeq"), double(seq)}, {QStringLiteral("platformHash"), hash}};
    QString error;
    AuditLog::append(db, entry, &error);
    return failure(Failure::RolledBack, message);
}

SyncClient::Result SyncClient::reportAnchor(QNetworkAccessManager& network, const SyncTransport& transport)
{
    qint64 seq = 0;
    QString hash;
    QString message;
    if (!AuditLog::checkHead(m_session.database(), &seq, &hash, &message))
        return failure(Failure::Storage, message);
    QUrl url = transport.url;
    url.setPath(QStringLiteral("/v1/anchor"));
    Answer answer;
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("seq"), double(seq)}, {QStringLiteral("hash"), hash}})
            .toJson(QJsonDocument::Compact);
    Result r = request(network, url, transport.caPem, transport.token, body, &answer);
    if (r.failure == Failure::Platform && answer.status == 409)
        return failure(Failure::RolledBack,
                       QCoreApplication::translate("SyncClient",
                                                   "The platform holds a newer audit head of this workstation than "
                                                   "this database's (entry %1): the database was put back from an "
                                                   "older copy, or another copy of it syncs with the same token.")
                           .arg(seq));
    return r;
}

SyncClient::Result SyncClient::sync(SyncReport* report)
{
    QElapsedTimer timer;
    timer.start();
    *report = {};
    if (!m_session.can(Permission::PullSync))
        return failure(Failure::Denied,
                       QCoreApplication::translate("SyncClient", "A %1 may not sync with the platform.")
                           .arg(Roles::displayName(m_session.role)));
    if (m_session.readOnly)
        return failure(
            Failure::Denied,
            QCoreApplication::translate("SyncClient", "This session is read-only: %1").arg(m_session.integrityProblem));
    QSqlDatabase db = m_session.database();
    SyncEnrolmentInfo enrolment;
    SyncTransport transport;
    QString error;
    if (!SyncEnrolment::read(db, &enrolment, &error) || !SyncTransportStore::read(db, &transport, &error))
        return failure(Failure::Storage, error);
    if (!enrolment.enrolled || !transport.present)
        return failure(Failure::NotEnrolled,
                       QCoreApplication::translate(
                           "SyncClient",
                           "This workstation is not enrolled online with a platform: enrol it first (xmcredit-admin "
                           "enrol --platform URL --code CODE --ca-cert FILE), or import exchange packages."));
    QNetworkAccessManager network;
    // A database put back from an older copy is found before anything is pulled into it.
    const Result anchored = checkAnchor(network, transport);
    if (!anchored.ok())
        return anchored;
    QHash<QString, QString> cursors;
    QHash<QString, int> held;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT stream, cursor, pages FROM sync_streams")))
            return failure(Failure::Storage, q.lastError().text());
        while (q.next()) {
            cursors.insert(q.value(0).toString(), q.value(1).toString());
            held.insert(q.value(0).toString(), q.value(2).toInt());
        }
    }
    // How many pages wait, for the progress shown (a platform that does not say leaves it unknown).
    SyncProgress progress;
    progress.firstSync = cursors.isEmpty();
    if (m_options.progress) {
        QUrl url = transport.url;
        url.setPath(QStringLiteral("/v1/streams"));
        Answer answer;
        if (request(network, url, transport.caPem, transport.token, QByteArray(), &answer).ok() &&
            answer.status == 200) {
            const QJsonObject streams =
                QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("streams")).toObject();
            qint64 waiting = 0;
            for (const QString& stream : FeedPages::appliedStreams()) {
                const double announced = streams.value(stream).toObject().value(QStringLiteral("pages")).toDouble();
                if (announced > 0 && announced < 1e9)
                    waiting += std::max<qint64>(0, qint64(announced) - held.value(stream));
            }
            progress.pagesTotal = int(std::min<qint64>(waiting, 1000000000));
        }
        m_options.progress(progress);
    }
    int fetched = 0;
    auto reportProgress = [&]() {
        if (!m_options.progress)
            return;
        progress.elapsedMs = timer.elapsed();
        progress.pagesTotal = std::max(progress.pagesTotal, progress.pagesDone);
        progress.remainingMs =
            progress.pagesTotal > 0 && progress.pagesDone >= 3
                ? progress.elapsedMs * (progress.pagesTotal - progress.pagesDone) / progress.pagesDone
                : -1;
        m_options.progress(progress);
    };
    // A first sync is one import in one transaction on the applier's bulk path, the pages applied in batches as
    // they arrive (memory holds a batch, not the city): the indexes, the name index and the seals are made once,
    // after the whole city. Interrupted (a kill, a power cut), it leaves the workstation empty and starts again; a
    // network failure commits what arrived, and the next sync continues from there.
    // The import begins with the first batch, so a platform that cannot be reached never holds the database's write
    // lock while the requests are retried.
    SyncReport firstReport;
    std::unique_ptr<FeedApplier> firstSync;
    const bool firstSyncMode = cursors.isEmpty() && m_options.firstSyncInOneImport;
    const int limit = cursors.isEmpty() ? std::max(m_options.pagesPerBatch, 200) : m_options.pagesPerBatch;
    QList<QByteArray> batch;
    QString batchStream;
    QString batchAfter;
    auto flush = [&]() -> Result {
        if (batch.isEmpty())
            return {};
        SyncReport applied;
        FeedApplier::Result r;
        if (firstSyncMode) {
            if (!firstSync) {
                firstSync = std::make_unique<FeedApplier>(m_session);
                r = firstSync->begin(true, &firstReport);
            }
            if (r.ok())
                r = firstSync->add(batch);
            if (!r.ok())
                firstSync.reset();
        } else {
            FeedApplier applier(m_session);
            r = applier.applyLines(batch, &applied);
        }
        batch.clear();
        if (!r.ok()) {
            if (r.failure == FeedApplier::Failure::Storage || r.failure == FeedApplier::Failure::Denied)
                return failure(r.failure == FeedApplier::Failure::Denied ? Failure::Denied : Failure::Storage,
                               r.message);
            return refused(batchStream, batchAfter, r);
        }
        if (!firstSyncMode)
            merge(report, applied);
        return {};
    };
    // Every end of the pull, a failure's included, applies the batch held and commits the first sync's import.
    auto settle = [&]() -> Result {
        const Result flushed = flush();
        if (!flushed.ok() || !firstSync)
            return flushed;
        const FeedApplier::Result r = firstSync->finish();
        firstSync.reset();
        if (!r.ok())
            return failure(Failure::Storage, r.message);
        merge(report, firstReport);
        return {};
    };
    for (const QString& stream : FeedPages::appliedStreams()) {
        QString cursor = cursors.value(stream);
        int repeats = 0;
        for (;;) {
            QUrl url = transport.url;
            url.setPath(QStringLiteral("/v1/streams/%1/pages").arg(stream));
            url.setQuery(QStringLiteral("after=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
            Answer answer;
            Result r = request(network, url, transport.caPem, transport.token, QByteArray(), &answer);
            if (!r.ok()) {
                // What was fetched before the failure is still applied: the next pull continues after it. A first
                // sync cancelled (a logout, the window closing) is undone instead: making the indexes of what
                // arrived would keep the window waiting.
                if (r.failure == Failure::Cancelled && firstSyncMode) {
                    batch.clear();
                    firstSync.reset();
                    return r;
                }
                const Result flushed = settle();
                return flushed.ok() ? r : flushed;
            }
            if (answer.status == 204)
                break;
            const QByteArray line = answer.body.trimmed();
            // Signed by the platform, and where it leads: the applier parses and checks the whole page on the
            // other cores while it applies the pages before it.
            FeedPageHeader page;
            QString why;
            bool badSignature = false;
            if (!FeedPages::verifyHeader(line, enrolment.publicKey, enrolment.platformId, &page, &why, &badSignature)) {
                const Result flushed = settle();
                if (!flushed.ok())
                    return flushed;
                return refused(
                    stream, cursor,
                    {badSignature ? FeedApplier::Failure::Signature : FeedApplier::Failure::Malformed,
                     QCoreApplication::translate(
                         "SyncClient", "The page after %1 of stream %2 was refused: %3 Nothing of it was applied.")
                         .arg(cursor, stream, why)});
            }
            if (page.stream != stream || (page.after != cursor && page.cursor != cursor)) {
                const Result flushed = settle();
                if (!flushed.ok())
                    return flushed;
                return refused(
                    stream, cursor,
                    {FeedApplier::Failure::OutOfOrder,
                     QCoreApplication::translate(
                         "SyncClient", "The platform answered the request for the page after %1 of stream %2 with the "
                                       "page after %3 of stream %4: refused, nothing of it applied.")
                         .arg(cursor, stream, page.after, page.stream)});
            }
            if (page.cursor == cursor) {
                // The page before again (a retried answer): already held, ask again, but not forever.
                if (++repeats > 3) {
                    const Result flushed = settle();
                    if (!flushed.ok())
                        return flushed;
                    return failure(
                        Failure::Platform,
                        QCoreApplication::translate(
                            "SyncClient", "The platform keeps answering with the page before %1 of stream %2.")
                            .arg(cursor, stream));
                }
                continue;
            }
            repeats = 0;
            if (batch.isEmpty()) {
                batchStream = stream;
                batchAfter = cursor;
            }
            batch << line;
            cursor = page.cursor;
            ++fetched;
            if (batch.size() >= limit) {
                const Result flushed = flush();
                if (!flushed.ok())
                    return flushed;
                // Pages applied, not merely fetched, set the pace: applying is the slow part.
                progress.pagesDone = fetched;
                reportProgress();
            }
        }
    }
    const Result flushed = settle();
    if (!flushed.ok())
        return flushed;
    progress.pagesDone = fetched;
    progress.pagesTotal = fetched;
    reportProgress();
    // Then what this window did; the anchor reported after covers the push's own audit entries.
    const Result pushed = push(network, transport, report);
    if (!pushed.ok())
        return pushed;
    // The platform keeps this workstation's newest audit head: an older copy of the files put back later is found.
    const Result reported = reportAnchor(network, transport);
    report->durationMs = timer.elapsed();
    return reported;
}

SyncClient::Result SyncClient::push(QNetworkAccessManager& network, const SyncTransport& transport, SyncReport* report)
{
    QSqlDatabase db = m_session.database();
    QUrl url = transport.url;
    url.setPath(QStringLiteral("/v1/outbox"));
    QString error;
    // Each round sends the oldest pending entries; every round answers all it sent or the push stops, so the loop
    // ends when nothing is pending (bounded all the same).
    for (int round = 0; round < 100000; ++round) {
        QList<OutboxEntry> entries;
        if (!Outbox::pending(db, m_session.workstationId, Outbox::MaxEntriesPerPush, &entries, &error))
            return failure(Failure::Storage, error);
        if (entries.isEmpty())
            break;
        QJsonArray sent;
        for (const OutboxEntry& e : entries) {
            QJsonObject entry{{QStringLiteral("key"), e.key},
                              {QStringLiteral("kind"), e.kind},
                              {QStringLiteral("sha256"), e.sha256},
                              {QStringLiteral("data"), e.data}};
            if (e.seq >= 0)
                entry.insert(QStringLiteral("seq"), e.seq);
            sent.append(entry);
        }
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("workstation"), m_session.workstationId},
                                                          {QStringLiteral("entries"), sent}})
                                    .toJson(QJsonDocument::Compact);
        Answer answer;
        const Result r = request(network, url, transport.caPem, transport.token, body, &answer);
        if (!r.ok())
            return r; // the entries stay pending: the next sync sends them again under the same keys
        const QJsonDocument document = QJsonDocument::fromJson(answer.body);
        const QJsonArray results = document.object().value(QStringLiteral("results")).toArray();
        QList<OutboxAnswer> answers;
        for (const QJsonValue& v : results) {
            const QJsonObject o = v.toObject();
            OutboxAnswer a;
            a.key = o.value(QStringLiteral("key")).toString();
            a.outcome = o.value(QStringLiteral("outcome")).toString();
            a.platformRef = o.value(QStringLiteral("platformRef")).toString();
            a.reason = o.value(QStringLiteral("reason")).toString();
            a.platform = o.value(QStringLiteral("platform")).toObject();
            answers.append(a);
        }
        bool badAnswer = false;
        if (!Outbox::record(m_session, entries, answers, &error, &badAnswer))
            return failure(
                badAnswer ? Failure::Platform : Failure::Storage,
                QCoreApplication::translate("SyncClient", "The platform's answer to the outbox was not recorded: %1")
                    .arg(error));
        for (const OutboxAnswer& a : answers) {
            if (a.outcome == QLatin1String("accepted"))
                ++report->pushedAccepted;
            else if (a.outcome == QLatin1String("conflict"))
                ++report->pushedConflicts;
            else
                ++report->pushedRejected;
        }
    }
    OutboxCounts counts;
    if (!Outbox::counts(db, &counts, &error))
        return failure(Failure::Storage, error);
    report->pendingOutbox = counts.pending;
    report->outboxConflicts = counts.conflicts + counts.rejected;
    return {};
}
