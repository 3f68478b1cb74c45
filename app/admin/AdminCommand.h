#pragma once

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <vector>

// Exit codes of xmcredit-admin: scripts tell each failure apart by them.
namespace ExitCode {
enum : int {
    Ok = 0,
    Failure = 1,          // an unexpected failure (I/O error, bug)
    Usage = 2,            // unknown command, missing or bad option
    InvalidInput = 3,     // input data is invalid (an identifier, a date, a field)
    AuthFailed = 4,       // wrong password or unknown user (deliberately the same code)
    FileProblem = 5,      // a missing, truncated or corrupted vault or database file
    WrongWorkstation = 6, // the vault and database belong to different workstations
    Denied = 7,           // the user's role does not allow it
    SchemaTooNew = 8,     // the database was written by a newer program
    Exists = 9,           // the thing to create already exists
    NotFound = 10,        // the thing named does not exist
    Rejected = 11,        // a rule refused the request (e.g. not eligible, collection refused)
    Throttled = 12,       // too many failed logins: wait and retry
    AuditBroken = 13,     // the audit trail, its head or the signed staff list does not hold: tampering
    RolledBack = 14,      // the database is older than the audit anchor in the key vault: an old copy was put back
    Unreachable = 15,     // the platform could not be reached, or answered with an error (sync, enrol)
};
}

// Streams and switches shared by every command.
struct AdminIo
{
    QTextStream& out;
    QTextStream& err;
    QTextStream& in;
};

// A group of admin sub-commands ("staff", "check-id", "workdays", …). Each lives in its own .cpp file and
// registers itself with XMCREDIT_ADMIN_COMMAND, so groups can be added without touching main.cpp.
struct AdminCommand
{
    QString name;
    // Source text in the "xmcredit-admin" context, marked with QT_TRANSLATE_NOOP: commands register before the
    // translator is installed, so the summary is translated when it is printed.
    const char* summary;
    // args[0] is "xmcredit-admin <name>", the rest are the command's own arguments.
    std::function<int(const QStringList& args, AdminIo& io)> run;
};

std::vector<AdminCommand>& adminCommands();

struct AdminCommandRegistrar
{
    explicit AdminCommandRegistrar(AdminCommand command) { adminCommands().push_back(std::move(command)); }
};

#define XMCREDIT_ADMIN_CONCAT_(a, b) a##b
#define XMCREDIT_ADMIN_CONCAT(a, b) XMCREDIT_ADMIN_CONCAT_(a, b)
#define XMCREDIT_ADMIN_COMMAND(...)                                                                                    \
    static const AdminCommandRegistrar XMCREDIT_ADMIN_CONCAT(s_adminCommand, __LINE__)(AdminCommand{__VA_ARGS__})

// Helpers every command uses.
namespace AdminCli {
// Adds --help and --json (when withJson) and parses; on a parse error prints it and returns false with exitCode set.
bool parse(QCommandLineParser& parser, const QStringList& args, AdminIo& io, int* exitCode);
// Prints a JSON object compactly on one line followed by a newline.
void printJson(AdminIo& io, const QJsonObject& object);
// Prints "xmcredit-admin: <message>" on stderr (or {"error":…,"code":…} on stdout with --json) and returns code.
// The message is made printable (control and bidirectional characters shown as "?") and cut at 2,000 characters.
int fail(AdminIo& io, bool json, int code, const QString& message);
QString printable(const QString& message);
// Pads text with spaces to columns terminal columns, counting East Asian wide characters (Chinese) as two, so that
// tables line up in the Chinese interface too. Longer text is returned unchanged.
QString padded(const QString& text, int columns);
} // namespace AdminCli
