#pragma once

// Shared fixtures of the domain rule tests (header only: every Test*.cpp is its own executable).

#include "domain/CreditTypes.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"

#include <QDate>
#include <QLocale>
#include <QString>

namespace DomainFixture {

// d("2025-03-01"): a date written the way the measures' examples are.
inline QDate d(const char* iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// The tests compare reasons and labels in English, switching to Chinese only around what they check in Chinese.
inline void useEnglish()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

inline void useChinese()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
}

// The built-in policy registry, with the default locale set to English first (see useEnglish); *error says why
// it did not load.
inline PolicyRegistry builtInPolicies(QString* error)
{
    useEnglish();
    return PolicyRegistry::builtIn(error);
}

// The built-in holiday calendar, with the default locale set to English first; *error says why it did not load.
inline WorkingCalendar builtInCalendar(QString* error)
{
    useEnglish();
    return WorkingCalendar::builtIn(error);
}

// An item decided on decided and resting on the legal document legalDocumentNumber; the rest is left at its default.
inline CreditItemFacts facts(ItemCategory category, Severity severity, const QDate& decided,
                             const QString& legalDocumentNumber)
{
    CreditItemFacts f;
    f.category = category;
    f.severity = severity;
    f.decisionDate = decided;
    f.legalDocumentNumber = legalDocumentNumber;
    return f;
}

} // namespace DomainFixture
