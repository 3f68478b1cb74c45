#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// xmcredit-admin run as a separate process, the way deployment scripts and installer/dev.sh run it.
namespace AdminProcess {

struct Result
{
    int code = -1; // -1: it did not start, crashed or ran out of time (no test expects that code)
    QString out;
    QString err;
};

// Runs XMCREDIT_ADMIN_BIN with args and input on its standard input, in English, with fast key derivation, its
// login throttle state in stateDir and its data (the default workstation) under dataHome.
Result run(const QStringList& args, const QString& input, const QString& stateDir, const QString& dataHome,
           int timeoutMs = 120000);

// A command on a demo workstation as one of its demo logins (password "<user>-demo"), with --json.
Result runAs(const QString& workstation, const QString& user, const QStringList& args, const QString& stateDir,
             const QString& dataHome);

// The environment run() gives the program, for tests that start it themselves (to kill it mid-way).
QProcessEnvironment environment(const QString& stateDir, const QString& dataHome);

} // namespace AdminProcess
