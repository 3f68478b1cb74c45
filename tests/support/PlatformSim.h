#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// The reference platform (xmcredit-platform-sim serve) run as a process on loopback for the sync tests: started with
// its key directory and arguments, it prints its address and CA file as one JSON line; stopped (killed) when it goes.
class PlatformSim
{
public:
    PlatformSim() = default;
    PlatformSim(const PlatformSim&) = delete;
    PlatformSim& operator=(const PlatformSim&) = delete;
    ~PlatformSim() { stop(); }

    // `keygen --out dir`: the platform's signing key and TLS files. *publicKey (hex) when given.
    static bool keygen(const QString& dir, QString* publicKey = nullptr);

    // `serve --key keyDir args…`; false (with a warning) when it did not start within a minute.
    bool start(const QString& keyDir, const QStringList& args);
    void stop();
    bool running() const { return m_process && m_process->state() == QProcess::Running; }

    // POSTs to the platform (its simulator commands), trusting only its CA. The HTTP status, or -1.
    int post(const QString& pathAndQuery, QByteArray* body = nullptr, const QByteArray& payload = {}) const;

    QString dir; // the key directory
    QString url; // https://127.0.0.1:PORT
    QString ca;  // the CA certificate's file (absolute)

private:
    std::unique_ptr<QProcess> m_process;
};
