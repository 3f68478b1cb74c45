#include "PlatformServer.h"

#include "domain/PolicyRegistry.h"

#include "CityFeed.h"
#include "TlsFiles.h"

#include "domain/WorkingCalendar.h"
#include "storage/Signing.h"
#include "sync/FeedPage.h"
#include "sync/ReferenceFeed.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    default:
        return "Internal Server Error";
    }
}

QByteArray head(int status, const QByteArray& contentType, qsizetype length)
{
    QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    if (!contentType.isEmpty())
        h += "Content-Type: " + contentType + "\r\n";
    h += "Content-Length: " + QByteArray::number(length) + "\r\nConnection: close\r\n\r\n";
    return h;
}

// Answers on the socket and closes it (one request per connection keeps the simulator simple).
void reply(QTcpSocket* socket, int status, const QByteArray& body = {},
           const QByteArray& contentType = "application/json")
{
    if (!socket)
        return;
    socket->write(head(status, body.isEmpty() ? QByteArray() : contentType, body.size()) + body);
    socket->disconnectFromHost();
}

void replyError(QTcpSocket* socket, int status, const QString& message)
{
    reply(socket, status,
          QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact));
}

QJsonObject pageOf(const QByteArray& line)
{
    const QJsonObject envelope = QJsonDocument::fromJson(line).object();
    const QByteArray page = QByteArray::fromBase64(envelope.value(QStringLiteral("page")).toString().toLatin1());
    return QJsonDocument::fromJson(page).object();
}

QByteArray tokenHash(const QByteArray& token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

} // namespace

const QStringList& PlatformServer::faults()
{
    static const QStringList list{
        QStringLiteral("drop"),      QStringLiteral("500"),           QStringLiteral("slow"),
        QStringLiteral("stall"),     QStringLiteral("bad-signature"), QStringLiteral("truncated"),
        QStringLiteral("duplicate"), QStringLiteral("out-of-order"),  QStringLiteral("lost-answer")};
    return list;
}

PlatformServer::PlatformServer(const Options& options, const SecureBytes& seed, const QJsonArray& subjects,
                               const QJsonArray& items, const QDate& today, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_seed(seed.data(), seed.size())
    , m_items(items)
    , m_today(today)
{
    // The same city gives the same pages, byte for byte, as an exchange package of it (a page never changes once
    // published).
    const QString issuedAt = today.toString(Qt::ISODate) + QStringLiteral("T00:00:00.000Z");
    append(QStringLiteral("subjects"), ReferenceFeed::signedPages(options.platformId, QStringLiteral("subjects"),
                                                                  subjects, options.perPage, 1, seed, issuedAt));
    append(QStringLiteral("credit_items"),
           ReferenceFeed::signedPages(options.platformId, QStringLiteral("credit_items"), items, options.perPage, 1,
                                      seed, issuedAt));
    // The holiday calendar: the years the platform holds (the same schedules the program ships with), version 1.
    QJsonArray years;
    QString error;
    const WorkingCalendar calendar = WorkingCalendar::builtIn(&error);
    for (int year = 2000; year <= 2100; ++year) {
        const CalendarYear* y = calendar.year(year);
        if (!y)
            continue;
        years.append(
            QJsonObject{{QStringLiteral("platform_id"), QStringLiteral("calendar/%1").arg(year)},
                        {QStringLiteral("platform_version"), 1},
                        {QStringLiteral("year"), year},
                        {QStringLiteral("definition"),
                         QString::fromUtf8(QJsonDocument::fromJson(y->toJson()).toJson(QJsonDocument::Compact))}});
    }
    append(QStringLiteral("calendar"), ReferenceFeed::signedPages(options.platformId, QStringLiteral("calendar"), years,
                                                                  options.perPage, 1, seed, issuedAt));
    // The policy profiles the platform holds: the ones the program ships with, version 1 (POST /v1/sim/policy
    // publishes a new profile or a corrected edition).
    QJsonArray profiles;
    const PolicyRegistry policies = PolicyRegistry::builtIn(&error);
    for (const PolicyProfilePtr& profile : policies.profiles()) {
        QFile file(QStringLiteral(":/xmcredit/policy/%1.json").arg(profile->id()));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray compact = QJsonDocument::fromJson(file.readAll()).toJson(QJsonDocument::Compact);
        profiles.append(policyChange(profile->id(), 1, compact));
        m_policyVersions.insert(profile->id(), 1);
    }
    append(QStringLiteral("policy"), ReferenceFeed::signedPages(options.platformId, QStringLiteral("policy"), profiles,
                                                                options.perPage, 1, seed, issuedAt));
    // The city's staff directory: the people behind the case moves of other windows and of the platform (fictional).
    struct Entry
    {
        const char* username;
        const char* name;
        const char* role;
        const char* unit;
        bool active;
    };
    static const Entry directory[] = {
        {"another-window", "陈思明", "reviewer", "思明区政务服务中心信用窗口", true},
        {"huli-clerk", "黄志强", "clerk", "湖里区政务服务中心信用窗口", true},
        {"jimei-clerk", "吴丽华", "clerk", "集美区政务服务中心信用窗口", true},
        {"haicang-clerk", "郑建国", "clerk", "海沧区政务服务中心信用窗口", false},
        {"platform-review", "林海燕", "platform_reviewer", "厦门市公共信用信息平台", true},
    };
    QJsonArray staff;
    for (const Entry& e : directory)
        staff.append(QJsonObject{{QStringLiteral("platform_id"), QStringLiteral("staff/") + QLatin1String(e.username)},
                                 {QStringLiteral("platform_version"), 1},
                                 {QStringLiteral("username"), QLatin1String(e.username)},
                                 {QStringLiteral("display_name"), QString::fromUtf8(e.name)},
                                 {QStringLiteral("role"), QLatin1String(e.role)},
                                 {QStringLiteral("unit"), QString::fromUtf8(e.unit)},
                                 {QStringLiteral("active"), e.active}});
    append(QStringLiteral("staff"), ReferenceFeed::signedPages(options.platformId, QStringLiteral("staff"), staff,
                                                               options.perPage, 1, seed, issuedAt));
}

QJsonObject PlatformServer::policyChange(const QString& id, int version, const QByteArray& compactJson)
{
    return QJsonObject{{QStringLiteral("platform_id"), QStringLiteral("policy/") + id},
                       {QStringLiteral("platform_version"), version},
                       {QStringLiteral("profile_id"), id},
                       {QStringLiteral("definition"), QString::fromUtf8(compactJson)}};
}

void PlatformServer::publishPolicy(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // The body is a profile (resources/policy/README.md): published as it is, the platform's checks being the
    // workstation's to make (a test publishes a broken one to see it refused).
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parse);
    const QString id = doc.object().value(QStringLiteral("id")).toString();
    if (parse.error != QJsonParseError::NoError || id.isEmpty()) {
        replyError(socket, 400, QStringLiteral("the body must be a policy profile with its id"));
        return;
    }
    const int version = m_policyVersions.value(id, 0) + 1;
    m_policyVersions.insert(id, version);
    const QString stream = QStringLiteral("policy");
    const int next = int(m_lines.value(stream).size()) + 1;
    append(stream, ReferenceFeed::signedPages(m_options.platformId, stream,
                                              QJsonArray{policyChange(id, version, doc.toJson(QJsonDocument::Compact))},
                                              FeedPages::MaxChanges, next, m_seed,
                                              QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
    reply(socket, 200,
          QJsonDocument(QJsonObject{{QStringLiteral("cursor"), m_cursors.value(stream).constLast()},
                                    {QStringLiteral("version"), version}})
              .toJson(QJsonDocument::Compact));
}

void PlatformServer::append(const QString& stream, const QList<QByteArray>& lines)
{
    for (const QByteArray& line : lines) {
        const QJsonObject page = pageOf(line);
        m_lines[stream].append(line);
        m_afters[stream].append(page.value(QStringLiteral("after")).toString());
        m_cursors[stream].append(page.value(QStringLiteral("cursor")).toString());
    }
}

QString PlatformServer::publish(int changes)
{
    const QString stream = QStringLiteral("credit_items");
    const QJsonArray later =
        CityFeed::laterChanges(m_items, std::max(1, changes), quint32(1000 + m_published), m_today, &m_versions);
    ++m_published;
    const int next = int(m_lines.value(stream).size()) + 1;
    append(stream, ReferenceFeed::signedPages(m_options.platformId, stream, later, FeedPages::MaxChanges, next, m_seed,
                                              QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
    return m_cursors.value(stream).constLast();
}

bool PlatformServer::start(quint16 port, QString* error)
{
    if (!TlsFiles::ensure(m_options.dir, error))
        return false;
    QFile certFile(TlsFiles::certificatePath(m_options.dir));
    QFile keyFile(TlsFiles::keyPath(m_options.dir));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS files in %1").arg(m_options.dir);
        return false;
    }
    const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (certificate.isNull() || key.isNull()) {
        *error = QStringLiteral("the TLS files in %1 are damaged").arg(m_options.dir);
        return false;
    }
    QFile devices(QDir(m_options.dir).filePath(QStringLiteral("devices.json")));
    if (devices.open(QIODevice::ReadOnly)) {
        const QJsonObject saved = QJsonDocument::fromJson(devices.readAll()).object();
        for (const QJsonValue& v : saved.value(QStringLiteral("usedCodes")).toArray())
            m_usedCodes.insert(v.toString());
        for (const QJsonValue& v : saved.value(QStringLiteral("tokenHashes")).toArray())
            m_tokenHashes.insert(v.toString().toLatin1());
        const QJsonObject anchors = saved.value(QStringLiteral("anchors")).toObject();
        for (auto it = anchors.constBegin(); it != anchors.constEnd(); ++it) {
            const QJsonObject head = it.value().toObject();
            m_anchors.insert(it.key().toLatin1(), {qint64(head.value(QStringLiteral("seq")).toDouble()),
                                                   head.value(QStringLiteral("hash")).toString()});
        }
    }
    QFile outbox(QDir(m_options.dir).filePath(QStringLiteral("outbox.json")));
    if (outbox.open(QIODevice::ReadOnly)) {
        const QJsonObject saved = QJsonDocument::fromJson(outbox.readAll()).object();
        m_answers = saved.value(QStringLiteral("answers")).toObject();
        m_cases = saved.value(QStringLiteral("cases")).toObject();
        m_refs = saved.value(QStringLiteral("refs")).toInt();
        m_pendingMoves = saved.value(QStringLiteral("pendingMoves")).toArray();
        m_moveLines = saved.value(QStringLiteral("moveLines")).toArray();
        QList<QByteArray> lines;
        for (const QJsonValue& line : std::as_const(m_moveLines))
            lines << line.toString().toLatin1();
        append(QStringLiteral("case_moves"), lines);
    }
    sslSetup(certificate, key);
    m_port = listen(QHostAddress::LocalHost, port);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port);
        return false;
    }
    return true;
}

bool PlatformServer::saveDevices(QString* error) const
{
    QJsonArray codes;
    for (const QString& code : m_usedCodes)
        codes.append(code);
    QJsonArray tokens;
    for (const QByteArray& hash : m_tokenHashes)
        tokens.append(QString::fromLatin1(hash));
    QJsonObject anchors;
    for (auto it = m_anchors.cbegin(); it != m_anchors.cend(); ++it)
        anchors.insert(QString::fromLatin1(it.key()), QJsonObject{{QStringLiteral("seq"), double(it.value().first)},
                                                                  {QStringLiteral("hash"), it.value().second}});
    QSaveFile file(QDir(m_options.dir).filePath(QStringLiteral("devices.json")));
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("usedCodes"), codes},
                                                       {QStringLiteral("tokenHashes"), tokens},
                                                       {QStringLiteral("anchors"), anchors}})
                                 .toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool PlatformServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path();
    if (path == QLatin1String("/v1/enrol")) {
        if (request.method() != QHttpServerRequest::Method::Post)
            replyError(socket, 405, QStringLiteral("POST only"));
        else
            enrol(request, socket);
        return true;
    }
    if (path == QLatin1String("/v1/anchor")) {
        anchor(request, socket);
        return true;
    }
    if (path == QLatin1String("/v1/outbox")) {
        if (request.method() != QHttpServerRequest::Method::Post)
            replyError(socket, 405, QStringLiteral("POST only"));
        else
            outbox(request, socket);
        return true;
    }
    if (path == QLatin1String("/v1/sim/case-move") && request.method() == QHttpServerRequest::Method::Post) {
        caseMove(request, socket);
        return true;
    }
    if (path == QLatin1String("/v1/sim/policy") && request.method() == QHttpServerRequest::Method::Post) {
        publishPolicy(request, socket);
        return true;
    }
    if (path == QLatin1String("/v1/sim/publish") && request.method() == QHttpServerRequest::Method::Post) {
        const int changes = QUrlQuery(request.url()).queryItemValue(QStringLiteral("changes")).toInt();
        const QString cursor = publish(changes > 0 ? changes : 10);
        reply(socket, 200,
              QJsonDocument(QJsonObject{{QStringLiteral("cursor"), cursor}}).toJson(QJsonDocument::Compact));
        return true;
    }
    if (path == QLatin1String("/v1/streams")) {
        if (request.method() != QHttpServerRequest::Method::Get)
            replyError(socket, 405, QStringLiteral("GET only"));
        else
            streams(request, socket);
        return true;
    }
    static const QString prefix = QStringLiteral("/v1/streams/");
    if (path.startsWith(prefix) && path.endsWith(QLatin1String("/pages"))) {
        const QString stream = path.mid(prefix.size(), path.size() - prefix.size() - 6);
        if (request.method() != QHttpServerRequest::Method::Get) {
            replyError(socket, 405, QStringLiteral("GET only"));
            return true;
        }
        page(request, stream, socket);
        return true;
    }
    return false;
}

void PlatformServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    replyError(socket, 404, QStringLiteral("no such resource: %1").arg(request.url().path()));
}

void PlatformServer::enrol(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString code = body.value(QStringLiteral("code")).toString();
    if (code.isEmpty() || body.value(QStringLiteral("workstation")).toString().isEmpty()) {
        replyError(socket, 400, QStringLiteral("an enrolment needs a code and the workstation's id"));
        return;
    }
    if (!m_options.enrolmentCodes.contains(code) || m_usedCodes.contains(code)) {
        replyError(socket, 403, QStringLiteral("unknown or used enrolment code"));
        return;
    }
    const SecureBytes random = SecureBytes::random(32);
    const QByteArray token = QByteArray(reinterpret_cast<const char*>(random.data()), qsizetype(random.size())).toHex();
    m_usedCodes.insert(code);
    m_tokenHashes.insert(tokenHash(token));
    QString error;
    if (!saveDevices(&error)) {
        m_usedCodes.remove(code);
        m_tokenHashes.remove(tokenHash(token));
        replyError(socket, 500, error);
        return;
    }
    reply(socket, 200,
          QJsonDocument(
              QJsonObject{{QStringLiteral("platformId"), m_options.platformId},
                          {QStringLiteral("publicKey"), QString::fromLatin1(Signing::publicKey(m_seed).toHex())},
                          {QStringLiteral("deviceToken"), QString::fromLatin1(token)}})
              .toJson(QJsonDocument::Compact));
}

QByteArray PlatformServer::device(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QByteArray authorization = request.value("Authorization");
    const QByteArray hash =
        authorization.startsWith("Bearer ") ? tokenHash(authorization.mid(7).trimmed()) : QByteArray();
    if (hash.isEmpty() || !m_tokenHashes.contains(hash)) {
        replyError(socket, 401, QStringLiteral("a device token is needed"));
        return {};
    }
    return hash;
}

void PlatformServer::anchor(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QByteArray hash = device(request, socket);
    if (hash.isEmpty())
        return;
    if (request.method() == QHttpServerRequest::Method::Get) {
        if (!m_anchors.contains(hash)) {
            reply(socket, 204);
            return;
        }
        const auto head = m_anchors.value(hash);
        reply(socket, 200,
              QJsonDocument(
                  QJsonObject{{QStringLiteral("seq"), double(head.first)}, {QStringLiteral("hash"), head.second}})
                  .toJson(QJsonDocument::Compact));
        return;
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        replyError(socket, 405, QStringLiteral("GET or POST"));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const qint64 seq = qint64(body.value(QStringLiteral("seq")).toDouble(-1));
    const QString headHash = body.value(QStringLiteral("hash")).toString();
    if (seq < 1 || headHash.size() != 64) {
        replyError(socket, 400, QStringLiteral("an audit head is {\"seq\": N, \"hash\": 64 hex digits}"));
        return;
    }
    const auto held = m_anchors.value(hash, {0, QString()});
    if (seq < held.first || (seq == held.first && headHash != held.second)) {
        // An older head than the one reported before: the workstation's files were put back (or rewritten).
        reply(socket, 409,
              QJsonDocument(
                  QJsonObject{{QStringLiteral("error"), QStringLiteral("the platform holds a newer audit head")},
                              {QStringLiteral("seq"), double(held.first)},
                              {QStringLiteral("hash"), held.second}})
                  .toJson(QJsonDocument::Compact));
        return;
    }
    m_anchors.insert(hash, {seq, headHash});
    QString error;
    if (!saveDevices(&error)) {
        replyError(socket, 500, error);
        return;
    }
    reply(socket, 200,
          QJsonDocument(QJsonObject{{QStringLiteral("seq"), double(seq)}, {QStringLiteral("hash"), headHash}})
              .toJson(QJsonDocument::Compact));
}

void PlatformServer::streams(const QHttpServerRequest& request, QTcpSocket* socket)
{
    if (device(request, socket).isEmpty())
        return;
    publishMoves();
    QJsonObject streams;
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        const QStringList& cursors = m_cursors[it.key()];
        streams.insert(it.key(),
                       QJsonObject{{QStringLiteral("pages"), int(it.value().size())},
                                   {QStringLiteral("head"), cursors.isEmpty() ? QString() : cursors.constLast()}});
    }
    reply(socket, 200, QJsonDocument(QJsonObject{{QStringLiteral("streams"), streams}}).toJson(QJsonDocument::Compact));
}

void PlatformServer::page(const QHttpServerRequest& request, const QString& stream, QTcpSocket* socket)
{
    if (device(request, socket).isEmpty())
        return;
    if (stream == QLatin1String("case_moves"))
        publishMoves();
    if (!m_lines.contains(stream) && stream != QLatin1String("case_moves")) {
        replyError(socket, 404, QStringLiteral("unknown stream %1").arg(stream));
        return;
    }
    const QString after = QUrlQuery(request.url()).queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    if (m_lines.value(stream).isEmpty() && after.isEmpty()) {
        reply(socket, 204); // nothing published on the stream yet
        return;
    }
    const QStringList& afters = m_afters[stream];
    const QStringList& cursors = m_cursors[stream];
    const QList<QByteArray>& lines = m_lines[stream];
    int index = int(afters.indexOf(after));
    if (index < 0) {
        if (!cursors.isEmpty() && after == cursors.constLast()) {
            reply(socket, 204);
            return;
        }
        replyError(socket, 404, QStringLiteral("unknown cursor %1").arg(after));
        return;
    }
    QByteArray body = lines.at(index) + '\n';

    const bool faulty = !m_options.fault.isEmpty() && ++m_pageRequests % std::max(1, m_options.faultEvery) == 0;
    if (!faulty) {
        reply(socket, 200, body, "application/x-ndjson");
        return;
    }
    const QString& fault = m_options.fault;
    if (fault == QLatin1String("drop")) {
        socket->abort();
    } else if (fault == QLatin1String("500")) {
        replyError(socket, 500, QStringLiteral("injected failure"));
    } else if (fault == QLatin1String("slow")) {
        QPointer<QTcpSocket> later(socket);
        QTimer::singleShot(m_options.slowMs, this, [later, body] { reply(later, 200, body, "application/x-ndjson"); });
    } else if (fault == QLatin1String("stall")) {
        socket->write(head(200, "application/x-ndjson", body.size()) + body.left(body.size() / 2));
    } else if (fault == QLatin1String("bad-signature")) {
        QJsonObject envelope = QJsonDocument::fromJson(lines.at(index)).object();
        QByteArray signature =
            QByteArray::fromBase64(envelope.value(QStringLiteral("signature")).toString().toLatin1());
        if (!signature.isEmpty())
            signature[0] = char(signature.at(0) ^ 0x01);
        envelope.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()));
        reply(socket, 200, QJsonDocument(envelope).toJson(QJsonDocument::Compact) + '\n', "application/x-ndjson");
    } else if (fault == QLatin1String("truncated")) {
        reply(socket, 200, body.left(body.size() / 2), "application/x-ndjson");
    } else if (fault == QLatin1String("duplicate")) {
        reply(socket, 200, (index > 0 ? lines.at(index - 1) : lines.at(index)) + '\n', "application/x-ndjson");
    } else if (fault == QLatin1String("out-of-order")) {
        reply(socket, 200, (index + 1 < lines.size() ? lines.at(index + 1) : lines.at(index)) + '\n',
              "application/x-ndjson");
    } else {
        reply(socket, 200, body, "application/x-ndjson");
    }
}

bool PlatformServer::saveOutbox(QString* error) const
{
    QSaveFile file(QDir(m_options.dir).filePath(QStringLiteral("outbox.json")));
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("answers"), m_answers},
                                                       {QStringLiteral("cases"), m_cases},
                                                       {QStringLiteral("refs"), m_refs},
                                                       {QStringLiteral("pendingMoves"), m_pendingMoves},
                                                       {QStringLiteral("moveLines"), m_moveLines}})
                                 .toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

QJsonObject PlatformServer::take(const QJsonObject& entry, const QByteArray& device)
{
    const QString key = entry.value(QStringLiteral("key")).toString();
    const QString kind = entry.value(QStringLiteral("kind")).toString();
    const QString sha256 = entry.value(QStringLiteral("sha256")).toString();
    const QJsonObject data = entry.value(QStringLiteral("data")).toObject();
    auto answer = [&](const QString& outcome, const QString& ref, const QString& reason,
                      const QJsonObject& platform = {}) {
        QJsonObject a{{QStringLiteral("key"), key}, {QStringLiteral("outcome"), outcome}};
        if (!ref.isEmpty())
            a.insert(QStringLiteral("platformRef"), ref);
        if (!reason.isEmpty())
            a.insert(QStringLiteral("reason"), reason);
        if (!platform.isEmpty()) {
            QJsonObject shown = platform;
            shown.remove(QStringLiteral("device")); // which window holds it is the platform's business
            a.insert(QStringLiteral("platform"), shown);
        }
        return a;
    };
    // The same key again: the answer given the first time (the entry is applied once), unless its content differs.
    if (m_answers.contains(key)) {
        const QJsonObject held = m_answers.value(key).toObject();
        if (held.value(QStringLiteral("sha256")).toString() != sha256)
            return answer(QStringLiteral("rejected"), QString(),
                          QStringLiteral("the idempotency key %1 was used before for other content").arg(key));
        return held.value(QStringLiteral("answer")).toObject();
    }
    auto keep = [&](const QJsonObject& a) {
        m_answers.insert(key, QJsonObject{{QStringLiteral("sha256"), sha256}, {QStringLiteral("answer"), a}});
        return a;
    };
    if (QString::fromLatin1(
            QCryptographicHash::hash(QJsonDocument(data).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                .toHex()) != sha256)
        return answer(QStringLiteral("rejected"), QString(),
                      QStringLiteral("the entry's SHA-256 does not match its data"));
    if (kind == QLatin1String("record_submission")) {
        if (!data.value(QStringLiteral("payload")).isObject())
            return keep(
                answer(QStringLiteral("rejected"), QString(), QStringLiteral("a submission needs its payload")));
        return keep(answer(QStringLiteral("accepted"), QStringLiteral("SUB-%1").arg(++m_refs, 8, 10, QLatin1Char('0')),
                           QString()));
    }
    if (kind == QLatin1String("report")) {
        if (data.value(QStringLiteral("number")).toString().isEmpty() ||
            data.value(QStringLiteral("sha256")).toString().size() != 64)
            return keep(answer(QStringLiteral("rejected"), QString(),
                               QStringLiteral("a report issuance needs its number and content hash")));
        return keep(answer(QStringLiteral("accepted"), data.value(QStringLiteral("number")).toString(), QString()));
    }
    if (kind != QLatin1String("case_event"))
        return answer(QStringLiteral("rejected"), QString(),
                      QStringLiteral("unknown entry kind %1").arg(kind.left(40)));
    const QString caseNo = data.value(QStringLiteral("caseNo")).toString();
    const int seq = entry.value(QStringLiteral("seq")).toInt(-1);
    const QString from = data.value(QStringLiteral("fromState")).toString();
    const QString to = data.value(QStringLiteral("toState")).toString();
    if (caseNo.isEmpty() || caseNo.size() > 40 || seq < 0 || to.isEmpty())
        return keep(answer(QStringLiteral("rejected"), QString(),
                           QStringLiteral("a case event needs caseNo, seq and toState")));
    const QJsonObject held = m_cases.value(caseNo).toObject();
    const QString deviceTag = QString::fromLatin1(device.left(12));
    QJsonObject moved{{QStringLiteral("state"), to},
                      {QStringLiteral("events"), seq + 1},
                      {QStringLiteral("lastAction"), data.value(QStringLiteral("action")).toString()},
                      {QStringLiteral("movedAt"), data.value(QStringLiteral("at")).toString()},
                      {QStringLiteral("movedBy"), data.value(QStringLiteral("actor")).toString()},
                      {QStringLiteral("device"), deviceTag}};
    if (seq == 0) {
        if (!held.isEmpty())
            return keep(answer(QStringLiteral("conflict"), QString(),
                               QStringLiteral("case number %1 was taken in at another window").arg(caseNo), held));
        if (!data.value(QStringLiteral("case")).isObject())
            return keep(answer(QStringLiteral("rejected"), QString(), QStringLiteral("an intake carries its case")));
        m_cases.insert(caseNo, moved);
        queueMove(key, seq, data);
        return keep(answer(QStringLiteral("accepted"), caseNo, QString()));
    }
    if (held.isEmpty())
        return keep(
            answer(QStringLiteral("conflict"), QString(),
                   QStringLiteral("the platform does not hold case %1 as taken in at this window").arg(caseNo)));
    if (held.value(QStringLiteral("state")).toString() != from || held.value(QStringLiteral("events")).toInt() != seq)
        return keep(answer(QStringLiteral("conflict"), QString(),
                           QStringLiteral("case %1 moved on at another window").arg(caseNo), held));
    m_cases.insert(caseNo, moved);
    queueMove(key, seq, data);
    return keep(answer(QStringLiteral("accepted"), caseNo, QString()));
}

void PlatformServer::queueMove(const QString& origin, int seq, const QJsonObject& data)
{
    // The case_moves change: flat, as every change (PROTOCOL.md section 3).
    QJsonObject change{
        {QStringLiteral("platform_id"),
         data.value(QStringLiteral("caseNo")).toString() + QLatin1Char('#') + QString::number(seq)},
        {QStringLiteral("platform_version"), 1},
        {QStringLiteral("case_no"), data.value(QStringLiteral("caseNo")).toString()},
        {QStringLiteral("case_kind"), data.value(QStringLiteral("caseKind")).toString()},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("origin"), origin},
        {QStringLiteral("at"), data.value(QStringLiteral("at")).toString()},
        {QStringLiteral("on_date"), data.value(QStringLiteral("onDate")).toString()},
        {QStringLiteral("actor"), data.value(QStringLiteral("actor")).toString()},
        {QStringLiteral("action"), data.value(QStringLiteral("action")).toString()},
        {QStringLiteral("from_state"), data.value(QStringLiteral("fromState")).toString()},
        {QStringLiteral("to_state"), data.value(QStringLiteral("toState")).toString()},
        {QStringLiteral("note"), data.value(QStringLiteral("note")).toString()},
        {QStringLiteral("details"),
         QString::fromUtf8(
             QJsonDocument(data.value(QStringLiteral("details")).toObject()).toJson(QJsonDocument::Compact))}};
    const QJsonObject c = data.value(QStringLiteral("case")).toObject();
    if (!c.isEmpty()) {
        QStringList items;
        for (const QJsonValue& item : c.value(QStringLiteral("items")).toArray())
            items << item.toObject().value(QStringLiteral("platformId")).toString();
        change.insert(QStringLiteral("subject_platform_id"), c.value(QStringLiteral("subjectPlatformId")).toString());
        change.insert(QStringLiteral("received_on"), c.value(QStringLiteral("receivedOn")).toString());
        change.insert(QStringLiteral("intake_by"), c.value(QStringLiteral("intakeBy")).toString());
        change.insert(
            QStringLiteral("applicant"),
            QString::fromUtf8(
                QJsonDocument(c.value(QStringLiteral("applicant")).toObject()).toJson(QJsonDocument::Compact)));
        change.insert(QStringLiteral("grounds"), c.value(QStringLiteral("grounds")).toString());
        change.insert(QStringLiteral("statement"), c.value(QStringLiteral("statement")).toString());
        change.insert(QStringLiteral("item_platform_ids"), items.join(QLatin1Char(',')));
    }
    m_pendingMoves.append(change);
}

void PlatformServer::publishMoves()
{
    // Moves taken since the last page become one new page, cut when a window asks past the end (a page never
    // changes once published).
    if (m_pendingMoves.isEmpty())
        return;
    const QString stream = QStringLiteral("case_moves");
    const int next = int(m_lines.value(stream).size()) + 1;
    const QList<QByteArray> lines =
        ReferenceFeed::signedPages(m_options.platformId, stream, m_pendingMoves, FeedPages::MaxChanges, next, m_seed,
                                   QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    append(stream, lines);
    for (const QByteArray& line : lines)
        m_moveLines.append(QString::fromLatin1(line));
    m_pendingMoves = {};
    QString error;
    saveOutbox(&error);
}

void PlatformServer::outbox(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QByteArray device = this->device(request, socket);
    if (device.isEmpty())
        return;
    if (request.body().size() > 16 * 1024 * 1024) {
        replyError(socket, 413, QStringLiteral("a push is at most 16 MiB"));
        return;
    }
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parsed);
    const QJsonArray entries = document.object().value(QStringLiteral("entries")).toArray();
    if (parsed.error != QJsonParseError::NoError || entries.isEmpty() || entries.size() > 500) {
        replyError(socket, 400, QStringLiteral("a push is {\"workstation\", \"entries\": [1 to 500 entries]}"));
        return;
    }
    QSet<QString> keys;
    for (const QJsonValue& v : entries) {
        const QString key = v.toObject().value(QStringLiteral("key")).toString();
        if (key.size() < 8 || key.size() > 200 || keys.contains(key)) {
            replyError(socket, 400, QStringLiteral("every entry needs its own key of 8 to 200 characters"));
            return;
        }
        keys.insert(key);
    }
    // Faults on pushes: dropped or 500 before anything is taken; "lost-answer" takes the entries and keeps them, then
    // drops the connection, so the workstation sends them again and must be answered as the first time; "slow" takes
    // them at once and answers after slowMs.
    const bool faulty = !m_options.fault.isEmpty() && ++m_outboxRequests % std::max(1, m_options.faultEvery) == 0;
    if (faulty && m_options.fault == QLatin1String("drop")) {
        socket->abort();
        return;
    }
    if (faulty && m_options.fault == QLatin1String("500")) {
        replyError(socket, 500, QStringLiteral("injected failure"));
        return;
    }
    const QJsonObject answersBefore = m_answers;
    const QJsonObject casesBefore = m_cases;
    const int refsBefore = m_refs;
    const QJsonArray movesBefore = m_pendingMoves;
    QJsonArray results;
    for (const QJsonValue& v : entries)
        results.append(take(v.toObject(), device));
    QString error;
    if (!saveOutbox(&error)) {
        // Nothing is taken unless it is kept: the workstation sends the same entries again.
        m_answers = answersBefore;
        m_cases = casesBefore;
        m_refs = refsBefore;
        m_pendingMoves = movesBefore;
        replyError(socket, 500, error);
        return;
    }
    if (faulty && m_options.fault == QLatin1String("lost-answer")) {
        socket->abort();
        return;
    }
    const QByteArray answer =
        QJsonDocument(QJsonObject{{QStringLiteral("results"), results}}).toJson(QJsonDocument::Compact);
    if (faulty && m_options.fault == QLatin1String("slow")) {
        // Taken and kept at once, answered later: a window killed meanwhile has lost the answer.
        QPointer<QTcpSocket> later(socket);
        QTimer::singleShot(m_options.slowMs, this, [later, answer] { reply(later, 200, answer); });
        return;
    }
    reply(socket, 200, answer);
}

void PlatformServer::caseMove(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QUrlQuery query(request.url());
    const QString caseNo = query.queryItemValue(QStringLiteral("case"));
    const QString state = query.queryItemValue(QStringLiteral("state"));
    if (!m_cases.contains(caseNo) || state.isEmpty()) {
        replyError(socket, 404, QStringLiteral("the platform holds no case %1").arg(caseNo));
        return;
    }
    QJsonObject held = m_cases.value(caseNo).toObject();
    const QString action = query.queryItemValue(QStringLiteral("action")).isEmpty()
                               ? QStringLiteral("platform_update")
                               : query.queryItemValue(QStringLiteral("action"));
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    queueMove(
        QString(), held.value(QStringLiteral("events")).toInt(),
        QJsonObject{{QStringLiteral("caseNo"), caseNo},
                    {QStringLiteral("caseKind"),
                     caseNo.startsWith(QLatin1String("YY")) ? QStringLiteral("objection") : QStringLiteral("repair")},
                    {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("onDate"), today},
                    {QStringLiteral("actor"), QStringLiteral("another-window")},
                    {QStringLiteral("action"), action},
                    {QStringLiteral("fromState"), held.value(QStringLiteral("state")).toString()},
                    {QStringLiteral("toState"), state},
                    {QStringLiteral("note"), query.queryItemValue(QStringLiteral("note"))}});
    held.insert(QStringLiteral("state"), state);
    held.insert(QStringLiteral("events"), held.value(QStringLiteral("events")).toInt() + 1);
    held.insert(QStringLiteral("lastAction"), action);
    held.insert(QStringLiteral("movedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    held.insert(QStringLiteral("movedBy"), QStringLiteral("another-window"));
    held.insert(QStringLiteral("device"), QStringLiteral("sim"));
    m_cases.insert(caseNo, held);
    QString error;
    if (!saveOutbox(&error)) {
        replyError(socket, 500, error);
        return;
    }
    reply(socket, 200, QJsonDocument(held).toJson(QJsonDocument::Compact));
}
