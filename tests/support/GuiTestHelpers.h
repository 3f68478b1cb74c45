#pragma once

// Helpers of the GUI tests (tests/gui). Header-only: they need QtWidgets and xmcredit_ui, which the gui tests link
// and xmcredit_testsupport does not.

#include "AppController.h"

#include "storage/Translations.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QString>
#include <QTest>
#include <QWidget>

namespace GuiTest {

// The descendant of parent named name (widgets are found by object name, as a person finds them by label).
template<typename T> T* child(QWidget* parent, const QString& name)
{
    return parent ? parent->findChild<T*>(name) : nullptr;
}
template<typename T> T* child(QWidget* parent, const char* name)
{
    return child<T>(parent, QString::fromLatin1(name));
}

// Sets up the application as main() does, with everything it writes outside the workstation (settings, data,
// login throttle state) under dir and fast key derivation, then installs the language of XMCREDIT_TEST_LANG
// (default en) with its locale. Returns that language.
inline QString setUpApplication(const QString& dir)
{
    const QDir root(dir);
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(root.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(root.filePath(QStringLiteral("data"))));
    qputenv("XMCREDIT_STATE_DIR", QFile::encodeName(root.filePath(QStringLiteral("state"))));
    qputenv("XMCREDIT_KDF_FAST", "1");

    AppController::setUpApplication();
    const QString language = qEnvironmentVariable("XMCREDIT_TEST_LANG", QStringLiteral("en"));
    Translations::install(language);
    QLocale::setDefault(language == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                        : QLocale(QLocale::Chinese, QLocale::China));
    return language;
}

// With XMCREDIT_SCREENSHOT_DIR set, saves a screenshot of widget there as <name>-<language>.png.
inline void grab(QWidget* widget, const QString& name, const QString& language)
{
    const QString dir = qEnvironmentVariable("XMCREDIT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // Let deferred layouts (the charts' graphics scenes, item views) settle before the picture is taken.
    QTest::qWait(150);
    const QString path = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, language));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace GuiTest
