// xmcredit: the staff workstation of the Xiamen public credit information centre.

#include "AppController.h"
#include "MessageBoxes.h"

#include "storage/Translations.h"
#include "storage/Workstation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

namespace {

enum ExitCode { Ok = 0, NoWorkstation = 1, Usage = 2 };

struct Options
{
    QCommandLineOption workstation{QStringLiteral("workstation"),
                                   QCoreApplication::translate("main", "Open the workstation in <dir>."),
                                   QStringLiteral("dir"), Workstation::defaultDirectory()};
    QCommandLineOption language{QStringLiteral("lang"),
                                QCoreApplication::translate("main", "User interface language: zh_CN or en."),
                                QStringLiteral("language")};
};

void addOptions(QCommandLineParser& parser, const Options& options)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Staff workstation of the Xiamen public credit information centre."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.workstation);
    parser.addOption(options.language);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    AppController::setUpApplication();

    // The language must be known before the options are described, so that --help is translated too: a first,
    // silent pass finds --lang, the second pass (after the translators are installed) handles everything.
    QString language;
    {
        const Options options;
        QCommandLineParser probe;
        addOptions(probe, options);
        probe.parse(QCoreApplication::arguments());
        language = probe.value(options.language);
    }
    if (!language.isEmpty() && language != QLatin1String("zh_CN") && language != QLatin1String("en")) {
        std::fprintf(
            stderr, "xmcredit: %s\n",
            qUtf8Printable(
                QCoreApplication::translate("main", "Unknown language \"%1\": use zh_CN or en.").arg(language)));
        return Usage;
    }
    Translations::install(AppController::chooseLanguage(language));

    const Options options;
    QCommandLineParser parser;
    addOptions(parser, options);
    parser.process(app); // --help, --version and bad options exit here

    const QString dir = QDir(parser.value(options.workstation)).absolutePath();
    AppController controller(dir);
    QObject::connect(&controller, &AppController::finished, &app, &QCoreApplication::exit);
    QString error;
    if (!controller.start(&error)) {
        std::fprintf(stderr, "xmcredit: %s\n", qUtf8Printable(error));
        // Offscreen (scripts, CI) nobody could close the box: standard error has said it all.
        if (QGuiApplication::platformName() != QLatin1String("offscreen"))
            MessageBoxes::critical(nullptr, QCoreApplication::translate("main", "No Workstation"), error);
        return NoWorkstation;
    }
    return QApplication::exec();
}
