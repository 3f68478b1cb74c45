#include "AdminCommand.h"

#include "storage/SqlCipherDriver.h"
#include "storage/Translations.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <QJsonDocument>
#include <memory>

#include <algorithm>
#include <cstdio>
#include <memory>

std::vector<AdminCommand>& adminCommands()
{
    static std::vector<AdminCommand> commands;
    return commands;
}

namespace AdminCli {

bool parse(QCommandLineParser& parser, const QStringList& args, AdminIo& io, int* exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        io.err << "xmcredit-admin: " << parser.errorText() << Qt::endl;
        *exitCode = ExitCode::Usage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        io.out << parser.helpText();
        io.out.flush();
        *exitCode = ExitCode::Ok;
        return false;
    }
    return true;
}

void printJson(AdminIo& io, const QJsonObject& object)
{
    io.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

// What a refusal says back is bounded and inert: messages quote what was given (a name, a path, a number), and
// input can be anything, so control characters, bidirectional overrides and invalid text are shown as "?" and a
// long message is cut, never echoed whole into a terminal or a log.
QString printable(const QString& message)
{
    constexpr qsizetype Limit = 2000;
    QString out;
    out.reserve(qMin(message.size(), Limit) + 1);
    for (const QChar c : message) {
        if (out.size() >= Limit) {
            out += QChar(0x2026);
            break;
        }
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n') || u == 0x7f || (u >= 0x80 && u < 0xa0) ||
                             (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0xfffd ||
                             c.isSurrogate();
        out += control ? QLatin1Char('?') : c;
    }
    return out;
}

int fail(AdminIo& io, bool json, int code, const QString& message)
{
    const QString shown = printable(message);
    if (json)
        printJson(io, QJsonObject{{QStringLiteral("ok"), false},
                                  {QStringLiteral("error"), shown},
                                  {QStringLiteral("exitCode"), code}});
    io.err << "xmcredit-admin: " << shown << Qt::endl;
    return code;
}

QString padded(const QString& text, int columns)
{
    int width = 0;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        // CJK ideographs, CJK punctuation and full-width forms take two columns in a terminal.
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                          (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                          (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) || (u >= 0xFFE0 && u <= 0xFFE6);
        width += wide ? 2 : 1;
    }
    return width >= columns ? text : text + QString(columns - width, QLatin1Char(' '));
}

} // namespace AdminCli

static void printUsage(QTextStream& out)
{
    out << QCoreApplication::translate("xmcredit-admin", "Usage: xmcredit-admin <command> [options]") << "\n\n"
        << QCoreApplication::translate("xmcredit-admin", "Commands:") << "\n";
    auto commands = adminCommands();
    std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& command : commands)
        out << "  " << AdminCli::padded(command.name, 16)
            << QCoreApplication::translate("xmcredit-admin", command.summary) << "\n";
    out << "\n"
        << QCoreApplication::translate("xmcredit-admin", "Run 'xmcredit-admin <command> --help' for its options.")
        << "\n";
}

int main(int argc, char* argv[])
{
    // Commands that lay out documents (receipts, reports) need fonts, which only a QGuiApplication provides; it runs on
    // the offscreen platform, so the CLI still needs no display.
    bool rendersDocuments = false;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "receipt") == 0 || qstrcmp(argv[i], "report") == 0)
            rendersDocuments = true;
    }
    if (rendersDocuments && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(rendersDocuments ? new QGuiApplication(argc, argv)
                                                                   : new QCoreApplication(argc, argv));
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("xmcredit"));
    QCoreApplication::setOrganizationName(QStringLiteral("xmcredit"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XMCREDIT_VERSION));
    Translations::install(Translations::languageFromEnvironment());
    SqlCipherDriver::registerDriver();

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    AdminIo io{out, err, in};

    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h") ||
        args.at(1) == QLatin1String("help")) {
        printUsage(out);
        return args.size() < 2 ? ExitCode::Usage : ExitCode::Ok;
    }
    if (args.at(1) == QLatin1String("--version") || args.at(1) == QLatin1String("-v")) {
        out << "xmcredit-admin " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitCode::Ok;
    }
    const QString name = args.at(1);
    for (const auto& command : adminCommands()) {
        if (command.name == name) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("xmcredit-admin ") + name);
            const int code = command.run(rest, io);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << "xmcredit-admin: "
        << QCoreApplication::translate("xmcredit-admin", "unknown command '%1' (see xmcredit-admin --help)").arg(name)
        << Qt::endl;
    return ExitCode::Usage;
}
