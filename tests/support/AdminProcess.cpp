#include "AdminProcess.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace AdminProcess {

QProcessEnvironment environment(const QString& stateDir, const QString& dataHome)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XMCREDIT_KDF_FAST"), QStringLiteral("1"));
    env.insert(QStringLiteral("XMCREDIT_STATE_DIR"), stateDir);
    env.insert(QStringLiteral("XMCREDIT_LANG"), QStringLiteral("en"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    return env;
}

Result runAs(const QString& workstation, const QString& user, const QStringList& args, const QString& stateDir,
             const QString& dataHome)
{
    return run(args + QStringList{QStringLiteral("--workstation"), workstation, QStringLiteral("--user"), user,
                                  QStringLiteral("--password-stdin"), QStringLiteral("--json")},
               user + QStringLiteral("-demo\n"), stateDir, dataHome);
}

Result run(const QStringList& args, const QString& input, const QString& stateDir, const QString& dataHome,
           int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment(stateDir, dataHome));
    process.start(QStringLiteral(XMCREDIT_ADMIN_BIN), args);
    if (!process.waitForStarted())
        return {};
    process.write(input.toUtf8());
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace AdminProcess
