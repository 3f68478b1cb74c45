#pragma once

#include <QString>

// Loads the application's catalogue (:/i18n/xmcredit_<lang>.qm) and Qt's own for the chosen language.
// Chinese is the default; English when the setting, XMCREDIT_LANG or the locale asks for it.
namespace Translations {
// "zh_CN" or "en": XMCREDIT_LANG if set, else English when LANGUAGE/LC_ALL/LC_MESSAGES/LANG start with "en",
// else zh_CN.
QString languageFromEnvironment();
// Installs the translators on the running QCoreApplication (replacing earlier ones). Returns false if the
// catalogue for a non-English language could not be loaded.
bool install(const QString& language);
} // namespace Translations
