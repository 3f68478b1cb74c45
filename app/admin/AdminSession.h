#pragma once

#include "AdminCommand.h"

#include "storage/Session.h"
#include "storage/Workstation.h"

#include <QDate>
#include <QSqlDatabase>

// What the commands that open a workstation share: the options naming the workstation and the member of staff
// acting, passwords read from standard input (never from the command line, where other users could read them in
// the process list), logging in, and the exit code of a WorkstationStatus.
//
// The functions that take int* exitCode print the reason and set *exitCode when they return false; the command
// returns that code.
namespace AdminSession {

// --workstation DIR, --user NAME, --password-stdin, --json.
const QCommandLineOption& workstationOption();
const QCommandLineOption& userOption();
const QCommandLineOption& passwordStdinOption();
const QCommandLineOption& jsonOption();
// --workstation, or the default directory.
QString workstationDir(const QCommandLineParser& parser);

// The exit code scripts see for a workstation error.
int exitCodeFor(WorkstationError error);
// AdminCli::fail with the status's exit code and message.
int fail(AdminIo& io, bool json, const WorkstationStatus& status);

bool requirePasswordStdin(const QCommandLineParser& parser, AdminIo& io, bool json, int* exitCode);
// --user and --password-stdin are both given.
bool requireLoginOptions(const QCommandLineParser& parser, AdminIo& io, bool json, int* exitCode);
// Reads one password line (without its line end) for whose; fails when standard input ends first.
bool readPassword(AdminIo& io, bool json, const QString& whose, QString* password, int* exitCode);
// Unlocks the workstation of --workstation as --user with the next password line, which is wiped afterwards.
bool unlock(const QCommandLineParser& parser, AdminIo& io, bool json, UnlockResult* unlocked, int* exitCode);
// Opens the session of an unlocked workstation in this thread, as connectionName.
bool openSession(const UnlockResult& unlocked, const QString& connectionName, AdminIo& io, bool json, Session* session,
                 int* exitCode);
// requireLoginOptions, unlock and openSession (connection "xmcredit-admin") in one.
bool login(const QCommandLineParser& parser, AdminIo& io, bool json, Session* session, int* exitCode);

// --on DATE: the day an action happens (cases, reports), on demo workstations only, so demos and tests can move
// through time; *day is today without it. A bad date exits 3, a real workstation 11.
bool demoDay(const QCommandLineParser& parser, const QCommandLineOption& on, AdminIo& io, bool json, QDate* day,
             int* exitCode);
// --subject's value: a subject's number (fewer than 15 digits) or its identifier. 2 when empty, 10 when unknown.
bool resolveSubject(const QSqlDatabase& db, const QString& value, AdminIo& io, bool json, qint64* subjectId,
                    int* exitCode);

// Warns on standard error when the key slots this process writes get the cheap test key derivation
// (KdfParams::fastForTests()), so that nobody mistakes a test build's workstation for a real one.
void warnIfFastKdf(AdminIo& io);

// The documented logins of a demo workstation (demo-init makes them; demo-logins prints them), one per role.
struct DemoLogin
{
    QString username;
    Role role;
    QString displayName;
    QString password;
};
QList<DemoLogin> demoLogins();

// Closes the session when the command returns.
struct SessionGuard
{
    Session& session;
    ~SessionGuard() { Workstation::closeSession(session); }
};

} // namespace AdminSession
