#include "AdminProcess.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace AdminProcess {

Result run(const QStringList& args, const QString& input, const QString& stateDir, const QString& dataHome,
           int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XMCREDIT_KDF_FAST"), QStringLiteral("1"));
    env.insert(QStringLiteral("XMCREDIT_STATE_DIR"), stateDir);
    env.insert(QStringLiteral("XMCREDIT_LANG"), QStringLiteral("en"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    process.setProcessEnvironment(env);
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
