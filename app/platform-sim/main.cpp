// xmcredit-platform-sim: the reference platform the workstation is developed and tested against (issue 11). It
// holds a platform signing key and a generated city (the demo city generator) and publishes it as the protocol's
// signed pages (models/sync/PROTOCOL.md): offline exchange packages, and the HTTPS server on loopback.
//
//   xmcredit-platform-sim keygen --out DIR
//   xmcredit-platform-sim package --key DIR --out FILE [--subjects N] [--seed S] [--page-size N]
//                                 [--update N [--update-seed S]] [--platform-id ID]
//   xmcredit-platform-sim serve --key DIR [--port N] [--code CODE]... [--subjects N] [--seed S] [--page-size N]
//                               [--publish-every SECONDS [--publish-changes N]] [--fault KIND [--fault-every N]]

#include "CityFeed.h"
#include "PlatformServer.h"
#include "TlsFiles.h"

#include "storage/SecureBytes.h"
#include "storage/Signing.h"
#include "sync/FeedApplier.h"
#include "sync/FeedPage.h"
#include "sync/ReferenceFeed.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

namespace {

const QString DefaultPlatform = QStringLiteral("xm-credit-platform");

int fail(const QString& message, int code)
{
    QTextStream(stderr) << "xmcredit-platform-sim: " << message << Qt::endl;
    return code;
}

int keygen(const QString& dir)
{
    if (dir.isEmpty())
        return fail(QStringLiteral("keygen needs --out DIR"), 2);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("platform.seed"));
    if (QFile::exists(path))
        return fail(QStringLiteral("%1 exists already: a platform key is never overwritten").arg(path), 9);
    const SecureBytes seed = SecureBytes::random(Signing::SeedBytes);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString(), 5);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QByteArray(reinterpret_cast<const char*>(seed.data()), qsizetype(seed.size())).toHex());
    if (!file.commit())
        return fail(file.errorString(), 5);
    // The TLS identity the HTTPS server presents, and the CA certificate workstations pin at enrolment.
    QString error;
    if (!TlsFiles::ensure(dir, &error))
        return fail(error, 5);
    QTextStream(stdout) << QJsonDocument(QJsonObject{{QStringLiteral("publicKey"),
                                                      QString::fromLatin1(Signing::publicKey(seed).toHex())},
                                                     {QStringLiteral("seedFile"), path},
                                                     {QStringLiteral("ca"), TlsFiles::caPath(dir)}})
                               .toJson(QJsonDocument::Compact)
                        << Qt::endl;
    return 0;
}

bool readSeed(const QString& dir, SecureBytes* seed, QString* error)
{
    QFile file(QDir(dir).filePath(QStringLiteral("platform.seed")));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QByteArray raw = QByteArray::fromHex(file.readAll().trimmed());
    if (raw.size() != Signing::SeedBytes) {
        *error = QStringLiteral("the platform seed must be 32 bytes");
        return false;
    }
    *seed = SecureBytes::fromView(raw);
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xmcredit-platform-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XMCREDIT_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The reference platform for xmcredit workstations: a platform key and a generated city, published as signed "
        "pages (models/sync/PROTOCOL.md).\n"
        "  keygen --out DIR                 make the platform's signing key (DIR/platform.seed, owner-only)\n"
        "  package --key DIR --out FILE     write an offline exchange package of the generated city\n"
        "      [--subjects N] [--seed S] [--page-size N] [--platform-id ID]\n"
        "      [--update N [--update-seed S]]  instead: N later changes to the city's items, continuing its cursor\n"
        "  serve --key DIR [--port N]       serve the city over HTTPS on 127.0.0.1 (port 0: any free port; the\n"
        "      [--code CODE]...             address and the CA file are printed as one JSON line); each --code is a\n"
        "      [--subjects N] [--seed S]    single-use enrolment code\n"
        "      [--publish-every SECONDS [--publish-changes N]]  publish later changes to items over time\n"
        "      [--fault KIND [--fault-every N] [--slow-ms N]]  every Nth page request (default 3) gets a fault: drop,\n"
        "                                   500, slow, stall, bad-signature, truncated, duplicate, out-of-order;\n"
        "                                   every Nth push to the outbox: drop, 500 or lost-answer (taken, "
        "unanswered)\n"
        "It also takes the window's pushes (POST /v1/outbox, kept in DIR/outbox.json) and, for tests and demos,\n"
        "moves a case as another window would: POST /v1/sim/case-move?case=NO&state=STATE&action=ACTION."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("keygen or package"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output directory or file."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Directory of the platform key."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption subjects(QStringLiteral("subjects"),
                                      QStringLiteral("Subjects in the city (default 1000)."), QStringLiteral("N"),
                                      QStringLiteral("1000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("The city's seed (default 2021)."),
                                  QStringLiteral("S"), QStringLiteral("2021"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("Changes per page (default 1000)."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption update(QStringLiteral("update"),
                                    QStringLiteral("Publish N later changes to items instead of the city."),
                                    QStringLiteral("N"));
    const QCommandLineOption updateSeed(QStringLiteral("update-seed"), QStringLiteral("Seed of the changes."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption platformId(QStringLiteral("platform-id"), QStringLiteral("The platform's id."),
                                        QStringLiteral("ID"), DefaultPlatform);
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("serve: the port (default 0, any free)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("serve: a single-use enrolment code."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption publishEvery(QStringLiteral("publish-every"),
                                          QStringLiteral("serve: publish later changes every SECONDS."),
                                          QStringLiteral("SECONDS"));
    const QCommandLineOption publishChanges(QStringLiteral("publish-changes"),
                                            QStringLiteral("serve: changes per publication (default 20)."),
                                            QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption fault(QStringLiteral("fault"), QStringLiteral("serve: a fault to inject."),
                                   QStringLiteral("KIND"));
    const QCommandLineOption faultEvery(QStringLiteral("fault-every"),
                                        QStringLiteral("serve: every Nth page request gets the fault (default 3)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption slowMs(QStringLiteral("slow-ms"), QStringLiteral("serve: the delay of a slow answer."),
                                    QStringLiteral("MS"), QStringLiteral("3000"));
    parser.addOptions({out, key, subjects, seed, pageSize, update, updateSeed, platformId, port, code, publishEvery,
                       publishChanges, fault, faultEvery, slowMs});
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    if (command == QLatin1String("keygen"))
        return keygen(parser.value(out));
    if (command != QLatin1String("package") && command != QLatin1String("serve"))
        return fail(QStringLiteral("unknown command \"%1\": keygen, package or serve").arg(command), 2);

    SecureBytes platformSeed;
    QString error;
    if (!readSeed(parser.value(key), &platformSeed, &error))
        return fail(QStringLiteral("cannot read the platform key: %1").arg(error), 5);
    bool ok1 = false, ok2 = false, ok3 = false;
    const int subjectCount = parser.value(subjects).toInt(&ok1);
    const int cityseed = parser.value(seed).toInt(&ok2);
    const int perPage = parser.value(pageSize).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || subjectCount < 1 || perPage < 1 || perPage > FeedPages::MaxChanges)
        return fail(QStringLiteral("--subjects, --seed and --page-size take positive numbers (page size at most %1)")
                        .arg(FeedPages::MaxChanges),
                    3);
    if (command == QLatin1String("serve")) {
        bool portOk = false, everyOk = true, changesOk = false, faultEveryOk = false, slowOk = false;
        const uint portNumber = parser.value(port).toUInt(&portOk);
        const int every = parser.isSet(publishEvery) ? parser.value(publishEvery).toInt(&everyOk) : 0;
        const int perPublication = parser.value(publishChanges).toInt(&changesOk);
        PlatformServer::Options options;
        options.dir = parser.value(key);
        options.platformId = parser.value(platformId);
        options.enrolmentCodes = parser.values(code);
        options.perPage = perPage;
        options.fault = parser.value(fault);
        options.faultEvery = parser.value(faultEvery).toInt(&faultEveryOk);
        options.slowMs = parser.value(slowMs).toInt(&slowOk);
        if (!portOk || portNumber > 65535 || !everyOk || every < 0 || !changesOk || perPublication < 1 ||
            !faultEveryOk || options.faultEvery < 1 || !slowOk || options.slowMs < 0)
            return fail(QStringLiteral("--port, --publish-every, --publish-changes, --fault-every and --slow-ms take "
                                       "non-negative numbers"),
                        3);
        if (!options.fault.isEmpty() && !PlatformServer::faults().contains(options.fault))
            return fail(QStringLiteral("unknown fault \"%1\": %2")
                            .arg(options.fault, PlatformServer::faults().join(QStringLiteral(", "))),
                        3);
        const QDate today = QDate::currentDate();
        QJsonArray subjectChanges;
        QJsonArray itemChanges;
        if (!CityFeed::generate(subjectCount, quint32(cityseed), today, &subjectChanges, &itemChanges, &error))
            return fail(error, 1);
        PlatformServer server(options, platformSeed, subjectChanges, itemChanges, today);
        if (!server.start(quint16(portNumber), &error))
            return fail(error, 5);
        QTimer publisher;
        if (every > 0) {
            QObject::connect(&publisher, &QTimer::timeout, &server,
                             [&server, perPublication] { server.publish(perPublication); });
            publisher.start(every * 1000);
        }
        QTextStream(stdout) << QJsonDocument(
                                   QJsonObject{{QStringLiteral("url"),
                                                QStringLiteral("https://127.0.0.1:%1").arg(server.port())},
                                               {QStringLiteral("port"), server.port()},
                                               {QStringLiteral("ca"), TlsFiles::caPath(options.dir)},
                                               {QStringLiteral("platform"), options.platformId},
                                               {QStringLiteral("publicKey"),
                                                QString::fromLatin1(Signing::publicKey(platformSeed).toHex())}})
                                   .toJson(QJsonDocument::Compact)
                            << Qt::endl;
        return app.exec();
    }
    if (parser.value(out).isEmpty())
        return fail(QStringLiteral("package needs --out FILE"), 2);

    QList<QByteArray> lines;
    {
        const QDate today = QDate::currentDate();
        QJsonArray subjectChanges;
        QJsonArray itemChanges;
        if (!CityFeed::generate(subjectCount, quint32(cityseed), today, &subjectChanges, &itemChanges, &error))
            return fail(error, 1);
        const QString platform = parser.value(platformId);
        auto paginate = [&](const QString& stream, const QJsonArray& changes, int firstPage) {
            // The same city and seed give the same pages, byte for byte (a page never changes once published).
            lines << ReferenceFeed::signedPages(platform, stream, changes, perPage, firstPage, platformSeed,
                                                today.toString(Qt::ISODate) + QStringLiteral("T00:00:00.000Z"));
        };
        if (!parser.isSet(update)) {
            paginate(QStringLiteral("subjects"), subjectChanges, 1);
            paginate(QStringLiteral("credit_items"), itemChanges, 1);
        } else {
            // Later changes continue the items' cursor after the city's last page: withdrawals and corrections with
            // a new version, as the platform publishes them over time.
            const int changes = parser.value(update).toInt();
            if (changes < 1)
                return fail(QStringLiteral("--update takes a positive number"), 3);
            const int cityPages = int((itemChanges.size() + perPage - 1) / perPage);
            QHash<QString, int> versions;
            const QJsonArray later = CityFeed::laterChanges(
                itemChanges, changes, quint32(parser.value(updateSeed).toUInt()), today, &versions);
            paginate(QStringLiteral("credit_items"), later, cityPages + 1);
        }
    }
    const QByteArray package = FeedApplier::makePackage(parser.value(platformId), lines, platformSeed);
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly) || file.write(package) != package.size() || !file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(parser.value(out), file.errorString()), 5);
    QTextStream(stdout) << QJsonDocument(QJsonObject{{QStringLiteral("pages"), int(lines.size())},
                                                     {QStringLiteral("bytes"), package.size()},
                                                     {QStringLiteral("out"), parser.value(out)}})
                               .toJson(QJsonDocument::Compact)
                        << Qt::endl;
    return 0;
}
