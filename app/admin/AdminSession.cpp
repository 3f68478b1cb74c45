#include "AdminSession.h"

#include "domain/Identifiers.h"
#include "records/SubjectRepository.h"
#include "storage/KeyVault.h"

#include <QCoreApplication>
#include <QDir>

namespace AdminSession {

const QCommandLineOption& workstationOption()
{
    static const QCommandLineOption option(
        QStringLiteral("workstation"),
        QCoreApplication::translate("xmcredit-admin", "The workstation directory (default: %1).")
            .arg(QDir::toNativeSeparators(Workstation::defaultDirectory())),
        QCoreApplication::translate("xmcredit-admin", "DIR"));
    return option;
}

const QCommandLineOption& userOption()
{
    static const QCommandLineOption option(
        QStringLiteral("user"), QCoreApplication::translate("xmcredit-admin", "The member of staff acting (logs in)."),
        QCoreApplication::translate("xmcredit-admin", "NAME"));
    return option;
}

const QCommandLineOption& passwordStdinOption()
{
    static const QCommandLineOption option(
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("xmcredit-admin", "Read passwords from standard input, one per line."));
    return option;
}

const QCommandLineOption& jsonOption()
{
    static const QCommandLineOption option(QStringLiteral("json"),
                                           QCoreApplication::translate("xmcredit-admin", "Print the result as JSON."));
    return option;
}

QString workstationDir(const QCommandLineParser& parser)
{
    return parser.isSet(workstationOption()) ? parser.value(workstationOption()) : Workstation::defaultDirectory();
}

int exitCodeFor(WorkstationError error)
{
    switch (error) {
    case WorkstationError::None:
        return ExitCode::Ok;
    case WorkstationError::NoWorkstation:
    case WorkstationError::NotFound:
        return ExitCode::NotFound;
    case WorkstationError::MetadataDamaged:
    case WorkstationError::VaultMissing:
    case WorkstationError::VaultTruncated:
    case WorkstationError::VaultCorrupt:
    case WorkstationError::DatabaseMissing:
    case WorkstationError::DatabaseTruncated:
    case WorkstationError::DatabaseCorrupt:
        return ExitCode::FileProblem;
    case WorkstationError::WrongWorkstation:
        return ExitCode::WrongWorkstation;
    case WorkstationError::SchemaTooNew:
    case WorkstationError::VaultUnsupported:
        return ExitCode::SchemaTooNew;
    case WorkstationError::UnknownUser:
    case WorkstationError::WrongPassword:
    case WorkstationError::AccountDisabled:
        return ExitCode::AuthFailed;
    case WorkstationError::Throttled:
        return ExitCode::Throttled;
    case WorkstationError::Denied:
        return ExitCode::Denied;
    case WorkstationError::InvalidInput:
        return ExitCode::InvalidInput;
    case WorkstationError::Rejected:
        return ExitCode::Rejected;
    case WorkstationError::Exists:
        return ExitCode::Exists;
    case WorkstationError::Tampered:
        return ExitCode::AuditBroken;
    case WorkstationError::RolledBack:
        return ExitCode::RolledBack;
    case WorkstationError::MigrationFailed:
    case WorkstationError::IoError:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

int fail(AdminIo& io, bool json, const WorkstationStatus& status)
{
    return AdminCli::fail(io, json, exitCodeFor(status.error), status.message);
}

bool requirePasswordStdin(const QCommandLineParser& parser, AdminIo& io, bool json, int* exitCode)
{
    if (parser.isSet(passwordStdinOption()))
        return true;
    *exitCode =
        AdminCli::fail(io, json, ExitCode::Usage,
                       QCoreApplication::translate(
                           "xmcredit-admin", "Passwords are read from standard input only: pass --password-stdin."));
    return false;
}

bool requireLoginOptions(const QCommandLineParser& parser, AdminIo& io, bool json, int* exitCode)
{
    if (!parser.isSet(userOption())) {
        *exitCode = AdminCli::fail(
            io, json, ExitCode::Usage,
            QCoreApplication::translate("xmcredit-admin", "Name the member of staff acting with --user."));
        return false;
    }
    return requirePasswordStdin(parser, io, json, exitCode);
}

bool readPassword(AdminIo& io, bool json, const QString& whose, QString* password, int* exitCode)
{
    QString line = io.in.readLine();
    if (line.isNull()) {
        *exitCode = AdminCli::fail(
            io, json, ExitCode::Usage,
            QCoreApplication::translate("xmcredit-admin", "Standard input ended before the password of %1.")
                .arg(whose));
        return false;
    }
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    *password = line;
    return true;
}

bool unlock(const QCommandLineParser& parser, AdminIo& io, bool json, UnlockResult* unlocked, int* exitCode)
{
    const QString user = parser.value(userOption());
    QString password;
    if (!readPassword(io, json, user, &password, exitCode))
        return false;
    *unlocked = Workstation::unlock(workstationDir(parser), user, password);
    password.fill(QLatin1Char('\0'));
    if (unlocked->ok())
        return true;
    *exitCode = fail(io, json, unlocked->status);
    return false;
}

bool openSession(const UnlockResult& unlocked, const QString& connectionName, AdminIo& io, bool json, Session* session,
                 int* exitCode)
{
    const WorkstationStatus opened = Workstation::openSession(unlocked, connectionName, session);
    if (opened.ok())
        return true;
    *exitCode = fail(io, json, opened);
    return false;
}

bool login(const QCommandLineParser& parser, AdminIo& io, bool json, Session* session, int* exitCode)
{
    UnlockResult unlocked;
    return requireLoginOptions(parser, io, json, exitCode) && unlock(parser, io, json, &unlocked, exitCode) &&
           openSession(unlocked, QStringLiteral("xmcredit-admin"), io, json, session, exitCode);
}

void warnIfFastKdf(AdminIo& io)
{
    if (!KdfParams::fastForTests())
        return;
    io.err << "xmcredit-admin: "
           << QCoreApplication::translate(
                  "xmcredit-admin",
                  "Warning: XMCREDIT_KDF_FAST is set in this test build, so the passwords written now are protected "
                  "by the cheapest key derivation and are easy to guess from a copy of the key vault. Never use "
                  "this workstation for real data.")
           << Qt::endl;
}

QList<DemoLogin> demoLogins()
{
    return {
        {QStringLiteral("admin"), Role::Administrator, QStringLiteral("陈管理 (demo)"), QStringLiteral("admin-demo")},
        {QStringLiteral("clerk"), Role::Clerk, QStringLiteral("林窗口 (demo)"), QStringLiteral("clerk-demo")},
        {QStringLiteral("reviewer"), Role::Reviewer, QStringLiteral("黄初审 (demo)"), QStringLiteral("reviewer-demo")},
        {QStringLiteral("supervisor"), Role::Supervisor, QStringLiteral("张主管 (demo)"),
         QStringLiteral("supervisor-demo")},
        {QStringLiteral("auditor"), Role::Auditor, QStringLiteral("王审计 (demo)"), QStringLiteral("auditor-demo")},
    };
}

bool demoDay(const QCommandLineParser& parser, const QCommandLineOption& on, AdminIo& io, bool json, QDate* day,
             int* exitCode)
{
    *day = QDate::currentDate();
    if (!parser.isSet(on))
        return true;
    *day = QDate::fromString(parser.value(on), Qt::ISODate);
    if (!day->isValid()) {
        *exitCode = AdminCli::fail(io, json, ExitCode::InvalidInput,
                                   QCoreApplication::translate("AdminSession", "--on takes a date as yyyy-MM-dd, not "
                                                                               "\"%1\".")
                                       .arg(parser.value(on)));
        return false;
    }
    WorkstationInfo info;
    const WorkstationStatus read = Workstation::readInfo(workstationDir(parser), &info);
    if (!read.ok()) {
        *exitCode = fail(io, json, read);
        return false;
    }
    if (!info.demo) {
        *exitCode =
            AdminCli::fail(io, json, ExitCode::Rejected,
                           QCoreApplication::translate("AdminSession", "--on is for demo workstations only: on a real "
                                                                       "workstation everything happens today."));
        return false;
    }
    return true;
}

bool resolveSubject(const QSqlDatabase& db, const QString& text, AdminIo& io, bool json, qint64* subjectId,
                    int* exitCode)
{
    const QString value = text.trimmed();
    if (value.isEmpty()) {
        *exitCode = AdminCli::fail(io, json, ExitCode::Usage,
                                   QCoreApplication::translate("AdminSession", "Name the subject with --subject."));
        return false;
    }
    SubjectRepository subjects(db);
    Subject subject;
    QString error;
    bool numeric = false;
    const qint64 id = value.toLongLong(&numeric);
    const bool found = numeric && value.size() < 15
                           ? subjects.findById(id, &subject, &error)
                           : subjects.findByIdentifier(Identifiers::normalise(value), &subject, &error);
    if (!found) {
        *exitCode =
            error.isEmpty()
                ? AdminCli::fail(io, json, ExitCode::NotFound,
                                 QCoreApplication::translate("AdminSession", "There is no subject %1.").arg(value))
                : AdminCli::fail(io, json, ExitCode::Failure, error);
        return false;
    }
    *subjectId = subject.id;
    return true;
}

} // namespace AdminSession
