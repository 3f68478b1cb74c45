#pragma once

#include <QCoreApplication>
#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>

// The one table behind an enum's toKey/fromKey/allKeys/displayName (CreditTypes, RecordTypes): key, value and
// display name side by side, so that the four cannot drift apart. Display names are marked with
// QT_TRANSLATE_NOOP(context, text) in the table, so lupdate finds them under the table's context.
template<typename Enum> struct KeyEntry
{
    Enum value;
    const char* key;                   // stable machine key: stored rows and synced feeds refer to it
    const char* displayName = nullptr; // untranslated source text, or nullptr for an enum shown by key only
};

template<typename Enum, std::size_t N> struct KeyTable
{
    const char* context; // translation context of the display names
    std::array<KeyEntry<Enum>, N> entries;

    // True when the entries list the enum's values 0, 1, 2, … in declaration order (a static_assert per table:
    // allKeys promises declaration order, and a value left out or listed twice is caught at compile time).
    constexpr bool inDeclarationOrder() const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (static_cast<std::size_t>(entries[i].value) != i)
                return false;
        }
        return true;
    }

    QString toKey(Enum value) const
    {
        for (const KeyEntry<Enum>& entry : entries) {
            if (entry.value == value)
                return QString::fromLatin1(entry.key);
        }
        return QString();
    }

    // False (and *value left alone) when key is not one of the table's keys.
    bool fromKey(const QString& key, Enum* value) const
    {
        for (const KeyEntry<Enum>& entry : entries) {
            if (key == QLatin1String(entry.key)) {
                *value = entry.value;
                return true;
            }
        }
        return false;
    }

    QStringList keys() const
    {
        QStringList result;
        result.reserve(qsizetype(N));
        for (const KeyEntry<Enum>& entry : entries)
            result.append(QString::fromLatin1(entry.key));
        return result;
    }

    // The translated display name; empty for a value without one.
    QString displayName(Enum value) const
    {
        for (const KeyEntry<Enum>& entry : entries) {
            if (entry.value == value)
                return entry.displayName ? QCoreApplication::translate(context, entry.displayName) : QString();
        }
        return QString();
    }
};
