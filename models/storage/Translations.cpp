#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

QString languageFromEnvironment()
{
    const QByteArray forced = qgetenv("XMCREDIT_LANG");
    if (!forced.isEmpty())
        return forced.startsWith("en") ? QStringLiteral("en") : QStringLiteral("zh_CN");
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QByteArray value = qgetenv(var);
        if (value.startsWith("en_") || value == "en")
            return QStringLiteral("en");
        if (value.startsWith("zh"))
            return QStringLiteral("zh_CN");
    }
    return QStringLiteral("zh_CN");
}

bool install(const QString& language)
{
    static QTranslator* appTranslator = nullptr;
    static QTranslator* qtTranslator = nullptr;
    if (appTranslator) {
        QCoreApplication::removeTranslator(appTranslator);
        delete appTranslator;
        appTranslator = nullptr;
    }
    if (qtTranslator) {
        QCoreApplication::removeTranslator(qtTranslator);
        delete qtTranslator;
        qtTranslator = nullptr;
    }
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    appTranslator = new QTranslator;
    const bool ok = appTranslator->load(QStringLiteral(":/i18n/xmcredit_%1.qm").arg(language));
    QCoreApplication::installTranslator(appTranslator);
    qtTranslator = new QTranslator;
    if (qtTranslator->load(QStringLiteral("qtbase_%1").arg(language),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    return ok;
}

} // namespace Translations
