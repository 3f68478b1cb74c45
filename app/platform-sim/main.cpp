// xmcredit-platform-sim: the reference platform the workstation is developed and tested against (issue 11). It
// holds a platform signing key and a generated city (the demo city generator) and publishes it as the protocol's
// signed pages (models/sync/PROTOCOL.md). This version writes offline exchange packages; the HTTPS server is to come.
//
//   xmcredit-platform-sim keygen --out DIR
//   xmcredit-platform-sim package --key DIR --out FILE [--subjects N] [--seed S] [--page-size N]
//                                 [--update N [--update-seed S]] [--platform-id ID]

#include "records/DemoCity.h"
#include "storage/Database.h"
#include "storage/SecureBytes.h"
#include "storage/Signing.h"
#include "storage/SqlCipherDriver.h"
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
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

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
    QTextStream(stdout) << QJsonDocument(QJsonObject{{QStringLiteral("publicKey"),
                                                      QString::fromLatin1(Signing::publicKey(seed).toHex())},
                                                     {QStringLiteral("seedFile"), path}})
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
        "      [--update N [--update-seed S]]  instead: N later changes to the city's items, continuing its cursor"));
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
    parser.addOptions({out, key, subjects, seed, pageSize, update, updateSeed, platformId});
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    if (command == QLatin1String("keygen"))
        return keygen(parser.value(out));
    if (command != QLatin1String("package"))
        return fail(QStringLiteral("unknown command \"%1\": keygen or package").arg(command), 2);

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
    if (parser.value(out).isEmpty())
        return fail(QStringLiteral("package needs --out FILE"), 2);

    // The city, generated into a scratch database with this program's schema.
    SqlCipherDriver::registerDriver();
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("city.db"));
    SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
    SignerRing::setKey(path, QStringLiteral("platform"), SecureBytes::random(Signing::SeedBytes));
    const Database::OpenResult opened =
        Database::open(path, QStringLiteral("city"), Database::OpenMode::CreateIfMissing);
    if (!opened.ok())
        return fail(opened.message, 1);
    QList<QByteArray> lines;
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("city"));
        DemoCityOptions options;
        options.subjects = subjectCount;
        options.seed = quint32(cityseed);
        options.actor = QStringLiteral("platform");
        options.today = QDate::currentDate();
        if (!DemoCity::generate(db, options, nullptr, &error))
            return fail(error, 1);
        const QString platform = parser.value(platformId);
        QJsonArray subjectChanges;
        QJsonArray itemChanges;
        if (!ReferenceFeed::cityChanges(db, &subjectChanges, &itemChanges, &error))
            return fail(error, 1);
        auto paginate = [&](const QString& stream, const QJsonArray& changes, int firstPage) {
            // The same city and seed give the same pages, byte for byte (a page never changes once published).
            lines << ReferenceFeed::signedPages(platform, stream, changes, perPage, firstPage, platformSeed,
                                                options.today.toString(Qt::ISODate) + QStringLiteral("T00:00:00.000Z"));
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
            QRandomGenerator random(quint32(parser.value(updateSeed).toUInt()));
            QJsonArray later;
            for (int n = 0; n < changes && !itemChanges.isEmpty(); ++n) {
                QJsonObject change = itemChanges.at(random.bounded(int(itemChanges.size()))).toObject();
                change.insert(QStringLiteral("platform_version"),
                              change.value(QStringLiteral("platform_version")).toInt(1) + 1 + n);
                if (n % 2 == 0) {
                    change.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
                    change.insert(QStringLiteral("withdrawn_on"), QDate::currentDate().toString(Qt::ISODate));
                } else {
                    change.insert(QStringLiteral("title"),
                                  change.value(QStringLiteral("title")).toString() + QStringLiteral("（更正）"));
                    change.insert(QStringLiteral("status"), QStringLiteral("corrected"));
                }
                later.append(change);
            }
            paginate(QStringLiteral("credit_items"), later, cityPages + 1);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("city"));
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
