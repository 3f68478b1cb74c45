#include "PlatformSim.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

bool PlatformSim::keygen(const QString& dir, QString* publicKey)
{
    QProcess keygen;
    keygen.start(QStringLiteral(XMCREDIT_PLATFORM_SIM_BIN), {QStringLiteral("keygen"), QStringLiteral("--out"), dir});
    if (!keygen.waitForFinished(60000) || keygen.exitCode() != 0)
        return false;
    if (publicKey)
        *publicKey = QJsonDocument::fromJson(keygen.readAllStandardOutput())
                         .object()
                         .value(QStringLiteral("publicKey"))
                         .toString();
    return true;
}

bool PlatformSim::start(const QString& keyDir, const QStringList& args)
{
    stop();
    dir = keyDir;
    m_process = std::make_unique<QProcess>();
    m_process->start(QStringLiteral(XMCREDIT_PLATFORM_SIM_BIN),
                     QStringList{QStringLiteral("serve"), QStringLiteral("--key"), keyDir} + args);
    QElapsedTimer timer;
    timer.start();
    QByteArray line;
    while (timer.elapsed() < 60000 && !line.contains('\n')) {
        if (!m_process->waitForReadyRead(1000) && m_process->state() != QProcess::Running)
            break;
        line += m_process->readAllStandardOutput();
    }
    const QJsonObject started = QJsonDocument::fromJson(line.trimmed()).object();
    url = started.value(QStringLiteral("url")).toString();
    ca = started.value(QStringLiteral("ca")).toString();
    if (!ca.isEmpty() && QDir::isRelativePath(ca))
        ca = QDir::current().filePath(ca);
    if (url.isEmpty())
        qWarning("platform sim: %s %s", line.constData(), m_process->readAllStandardError().constData());
    return !url.isEmpty();
}

void PlatformSim::stop()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished();
        m_process.reset();
    }
}

int PlatformSim::post(const QString& pathAndQuery, QByteArray* body, const QByteArray& payload) const
{
    QFile caFile(ca);
    if (!caFile.open(QIODevice::ReadOnly))
        return -1;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromData(caFile.readAll(), QSsl::Pem));
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(url + pathAndQuery));
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = network.post(request, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (body)
        *body = reply->readAll();
    const int status = reply->error() == QNetworkReply::NoError || reply->error() >= QNetworkReply::ContentAccessDenied
                           ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                           : -1;
    reply->deleteLater();
    return status;
}
