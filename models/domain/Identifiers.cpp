#include "Identifiers.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <array>
#include <string>

namespace {

constexpr int IdentifierLength = 18;

// GB 32100-2015: the 31 characters of a unified social credit code; a character's value is its index.
constexpr char CreditCodeAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> CreditCodeWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// GB 11714-1997: organisation code weights; digits are worth 0-9 and letters A-Z 10-35.
constexpr std::array<int, 8> OrganisationCodeWeights{3, 7, 9, 10, 5, 8, 4, 2};
// GB 11643-1999: ISO 7064 MOD 11-2 weights and the check character for each remainder.
constexpr std::array<int, 17> ResidentIdWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char ResidentIdCheckCharacters[] = "10X98765432";

// First two digits of a resident ID: the provinces, autonomous regions and municipalities of GB/T 2260, plus
// 71 (Taiwan), 81 (Hong Kong), 82 (Macao) and 83 (residence permits of Taiwan residents).
constexpr std::array<int, 35> ProvinceCodes{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                            44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

// Birth dates before this are taken for typing errors rather than people.
const QDate EarliestBirthDate(1900, 1, 1);

int creditCodeValue(QChar c)
{
    if (c.unicode() > 0x7f)
        return -1;
    const char* found = std::char_traits<char>::find(CreditCodeAlphabet, 31, c.toLatin1());
    return found ? int(found - CreditCodeAlphabet) : -1;
}

int organisationCodeValue(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        return c.unicode() - 'A' + 10;
    return -1;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Applies a supplied override to a check that failed or passed, recording whether and why it was (not) used.
void applyOverride(IdentifierCheck* result, const IdentifierOverride* override)
{
    if (!override)
        return;
    if (result->valid()) {
        result->overrideRefusal = OverrideRefusal::NotNeeded;
        return;
    }
    if (!result->isChecksumFailure()) {
        result->overrideRefusal = OverrideRefusal::NotOverridable;
        return;
    }
    if (!override->isComplete()) {
        result->overrideRefusal = OverrideRefusal::Incomplete;
        return;
    }
    if (Identifiers::normalise(override->identifier) != result->normalised) {
        result->overrideRefusal = OverrideRefusal::OtherIdentifier;
        return;
    }
    result->overrideUsed = true;
    result->overrideRefusal = OverrideRefusal::None;
    result->usedOverride = *override;
}

// Empty, length and the position of the first character outside the allowed set; true when all pass.
template<typename Allowed> bool checkShape(IdentifierCheck* result, Allowed allowed)
{
    const QString& text = result->normalised;
    if (text.isEmpty()) {
        result->problem = IdentifierProblem::Empty;
        return false;
    }
    // The length comes first: with a character missing or doubled, every later position is off by one and a
    // complaint about "character N" would point at the wrong place.
    if (text.size() != IdentifierLength) {
        result->problem = IdentifierProblem::WrongLength;
        result->length = int(text.size());
        return false;
    }
    for (int i = 0; i < text.size(); ++i) {
        if (!allowed(i, text.at(i))) {
            result->problem = IdentifierProblem::InvalidCharacter;
            result->position = i + 1;
            result->actual = text.at(i);
            return false;
        }
    }
    return true;
}

} // namespace

QString toKey(IdentifierKind kind)
{
    switch (kind) {
    case IdentifierKind::Unknown:
        return QStringLiteral("unknown");
    case IdentifierKind::CreditCode:
        return QStringLiteral("credit_code");
    case IdentifierKind::ResidentId:
        return QStringLiteral("resident_id");
    }
    return QString();
}

bool fromKey(const QString& key, IdentifierKind* kind)
{
    for (IdentifierKind k : {IdentifierKind::Unknown, IdentifierKind::CreditCode, IdentifierKind::ResidentId}) {
        if (toKey(k) == key) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString toKey(IdentifierProblem problem)
{
    switch (problem) {
    case IdentifierProblem::None:
        return QStringLiteral("none");
    case IdentifierProblem::Empty:
        return QStringLiteral("empty");
    case IdentifierProblem::WrongLength:
        return QStringLiteral("wrong_length");
    case IdentifierProblem::InvalidCharacter:
        return QStringLiteral("invalid_character");
    case IdentifierProblem::InvalidAreaCode:
        return QStringLiteral("invalid_area_code");
    case IdentifierProblem::InvalidRegistration:
        return QStringLiteral("invalid_registration");
    case IdentifierProblem::InvalidBirthDate:
        return QStringLiteral("invalid_birth_date");
    case IdentifierProblem::BirthDateInFuture:
        return QStringLiteral("birth_date_in_future");
    case IdentifierProblem::OrganisationCodeMismatch:
        return QStringLiteral("organisation_code_mismatch");
    case IdentifierProblem::CheckCharacterMismatch:
        return QStringLiteral("check_character_mismatch");
    }
    return QString();
}

QString toKey(OverrideRefusal refusal)
{
    switch (refusal) {
    case OverrideRefusal::None:
        return QStringLiteral("none");
    case OverrideRefusal::NotNeeded:
        return QStringLiteral("not_needed");
    case OverrideRefusal::NotOverridable:
        return QStringLiteral("not_overridable");
    case OverrideRefusal::Incomplete:
        return QStringLiteral("incomplete");
    case OverrideRefusal::OtherIdentifier:
        return QStringLiteral("other_identifier");
    }
    return QString();
}

bool IdentifierOverride::isComplete() const
{
    return !identifier.trimmed().isEmpty() && !supervisor.trimmed().isEmpty() && !reason.trimmed().isEmpty() &&
           signedAt.isValid();
}

bool IdentifierCheck::isChecksumFailure() const
{
    return problem == IdentifierProblem::OrganisationCodeMismatch ||
           problem == IdentifierProblem::CheckCharacterMismatch;
}

QString IdentifierCheck::message() const
{
    const bool code = kind == IdentifierKind::CreditCode;
    QString text;
    if (ambiguous && problem == IdentifierProblem::None)
        return QCoreApplication::translate("Identifiers",
                                           "This number is valid both as a resident ID number and as a unified social "
                                           "credit code: ask whether it names a person or an organisation.");
    switch (problem) {
    case IdentifierProblem::None:
        return code ? QCoreApplication::translate("Identifiers", "The unified social credit code is valid.")
                    : QCoreApplication::translate("Identifiers", "The resident ID number is valid.");
    case IdentifierProblem::Empty:
        return QCoreApplication::translate("Identifiers", "No identifier was entered.");
    case IdentifierProblem::WrongLength:
        if (kind == IdentifierKind::Unknown) {
            text = QCoreApplication::translate("Identifiers",
                                               "Resident ID numbers and unified social credit codes have 18 "
                                               "characters, but this identifier has %1.")
                       .arg(length);
            break;
        }
        text = code ? QCoreApplication::translate(
                          "Identifiers", "A unified social credit code has 18 characters, but this one has %1.")
                    : QCoreApplication::translate("Identifiers",
                                                  "A resident ID number has 18 characters, but this one has %1.");
        text = text.arg(length);
        break;
    case IdentifierProblem::InvalidCharacter:
        text = code ? QCoreApplication::translate("Identifiers",
                                                  "Character %1 ('%2') cannot appear in a unified social credit "
                                                  "code: only digits and the capital letters A-Y without I, O, S, "
                                                  "V and Z are used.")
                    : QCoreApplication::translate("Identifiers",
                                                  "Character %1 ('%2') cannot appear there in a resident ID number: "
                                                  "the first 17 characters are digits and the last is a digit or X.");
        text = text.arg(position).arg(actual);
        break;
    case IdentifierProblem::InvalidAreaCode:
        if (code && position > 0) {
            text = QCoreApplication::translate("Identifiers",
                                               "Characters 3 to 8 of a unified social credit code are the "
                                               "administrative area code and must be digits, but character %1 is "
                                               "'%2'.")
                       .arg(position)
                       .arg(actual);
        } else if (code) {
            text = QCoreApplication::translate("Identifiers",
                                               "Characters 3 to 8 of a unified social credit code are the "
                                               "administrative area code, but %1 does not begin with the code of a "
                                               "province, region or municipality.")
                       .arg(normalised.mid(2, 6));
        } else {
            text = QCoreApplication::translate("Identifiers",
                                               "The area code %1 at the start of the resident ID number does not "
                                               "belong to any province, region or municipality.")
                       .arg(normalised.left(6));
        }
        break;
    case IdentifierProblem::InvalidRegistration:
        text = QCoreApplication::translate("Identifiers",
                                           "Characters 1 and 2 of a unified social credit code name the registration "
                                           "authority and the kind of body it registered, but '%1' is not one of "
                                           "them (GB 32100, e.g. 91 for an enterprise, 92 for an individual "
                                           "business, 51 for a social organisation).")
                   .arg(normalised.left(2));
        break;
    case IdentifierProblem::InvalidBirthDate:
        text = QCoreApplication::translate("Identifiers",
                                           "Characters 7 to 14 of the resident ID number (%1) are not a valid "
                                           "birth date.")
                   .arg(normalised.mid(6, 8));
        break;
    case IdentifierProblem::BirthDateInFuture:
        text = QCoreApplication::translate("Identifiers",
                                           "The birth date %1 in the resident ID number is after today (%2).")
                   .arg(birthDate.toString(Qt::ISODate), today.toString(Qt::ISODate));
        break;
    case IdentifierProblem::OrganisationCodeMismatch:
        text = QCoreApplication::translate("Identifiers",
                                           "The check character of the organisation code inside the unified social "
                                           "credit code (character 17) should be %1 but is %2.")
                   .arg(expected)
                   .arg(actual);
        break;
    case IdentifierProblem::CheckCharacterMismatch:
        text = code ? QCoreApplication::translate("Identifiers",
                                                  "The check character of the unified social credit code (character "
                                                  "18) should be %1 but is %2.")
                    : QCoreApplication::translate("Identifiers",
                                                  "The check character of the resident ID number (character 18) "
                                                  "should be %1 but is %2.");
        text = text.arg(expected).arg(actual);
        break;
    }
    if (overrideUsed) {
        return QCoreApplication::translate("Identifiers",
                                           "%1 It is accepted on the override signed by supervisor %2 on %3: %4")
            .arg(text, usedOverride.supervisor,
                 QLocale().toString(usedOverride.signedAt.toLocalTime(), QLocale::ShortFormat), usedOverride.reason);
    }
    return text;
}

namespace Identifiers {

QString normalise(const QString& input)
{
    QString out;
    out.reserve(input.size());
    for (QChar c : input) {
        char16_t u = c.unicode();
        // Full-width forms U+FF01..U+FF5E map onto ASCII 0x21..0x7E; U+3000 is the ideographic space.
        if (u >= 0xFF01 && u <= 0xFF5E)
            u = char16_t(u - 0xFEE0);
        const QChar mapped(u);
        if (mapped.isSpace() || u == 0x3000 || u == 0x200B || u == 0xFEFF)
            continue;
        out.append(mapped.toUpper());
    }
    return out;
}

QChar creditCodeCheckCharacter(const QString& first17)
{
    if (first17.size() < 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int value = creditCodeValue(first17.at(i));
        if (value < 0)
            return QChar();
        sum += value * CreditCodeWeights[std::size_t(i)];
    }
    return QLatin1Char(CreditCodeAlphabet[(31 - sum % 31) % 31]);
}

QChar organisationCodeCheckCharacter(const QString& first8)
{
    if (first8.size() < 8)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const int value = organisationCodeValue(first8.at(i));
        if (value < 0)
            return QChar();
        sum += value * OrganisationCodeWeights[std::size_t(i)];
    }
    const int check = 11 - sum % 11;
    if (check == 10)
        return QLatin1Char('X');
    if (check == 11)
        return QLatin1Char('0');
    return QLatin1Char(char('0' + check));
}

QChar residentIdCheckCharacter(const QString& first17)
{
    if (first17.size() < 17)
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        if (!isAsciiDigit(first17.at(i)))
            return QChar();
        sum += (first17.at(i).unicode() - '0') * ResidentIdWeights[std::size_t(i)];
    }
    return QLatin1Char(ResidentIdCheckCharacters[sum % 11]);
}

// GB 32100-2015: the registration authority (character 1) and the kinds of body it registers (character 2).
static bool isRegistration(QChar authority, QChar kind)
{
    static const QHash<QChar, QString> kinds{
        {QLatin1Char('1'), QStringLiteral("1239")},    // institutional staffing: organs, public institutions, groups
        {QLatin1Char('2'), QStringLiteral("19")},      // foreign affairs
        {QLatin1Char('3'), QStringLiteral("1234569")}, // justice: law firms, notaries, … arbitration
        {QLatin1Char('4'), QStringLiteral("19")},      // culture
        {QLatin1Char('5'), QStringLiteral("1239")},    // civil affairs: social organisations, private non-enterprises
        {QLatin1Char('6'), QStringLiteral("129")},     // tourism
        {QLatin1Char('7'), QStringLiteral("129")},     // religion
        {QLatin1Char('8'), QStringLiteral("19")},      // trade unions
        {QLatin1Char('9'), QStringLiteral("123")},     // market regulation: enterprises, individual businesses, coops
        {QLatin1Char('A'), QStringLiteral("19")},      // military
        {QLatin1Char('N'), QStringLiteral("1239")},    // agriculture: collective economic organisations
        {QLatin1Char('Y'), QStringLiteral("1")},       // others
    };
    const auto it = kinds.constFind(authority);
    return it != kinds.constEnd() && it->contains(kind);
}

IdentifierCheck checkCreditCode(const QString& input, const IdentifierOverride* override)
{
    IdentifierCheck result;
    result.kind = IdentifierKind::CreditCode;
    result.input = input;
    result.normalised = normalise(input);
    const QString& text = result.normalised;
    if (checkShape(&result, [](int, QChar c) { return creditCodeValue(c) >= 0; })) {
        if (!isRegistration(text.at(0), text.at(1))) {
            result.problem = IdentifierProblem::InvalidRegistration;
            result.position = 1;
        }
        for (int i = 2; result.problem == IdentifierProblem::None && i < 8; ++i) {
            if (!isAsciiDigit(text.at(i))) {
                result.problem = IdentifierProblem::InvalidAreaCode;
                result.position = i + 1;
                result.actual = text.at(i);
            }
        }
        // The area code's first two digits name a province, region or municipality (the rest is not checked: no
        // list of every county ships with the program).
        if (result.problem == IdentifierProblem::None &&
            std::find(ProvinceCodes.begin(), ProvinceCodes.end(), text.mid(2, 2).toInt()) == ProvinceCodes.end())
            result.problem = IdentifierProblem::InvalidAreaCode;
    }
    if (result.problem == IdentifierProblem::None) {
        const QChar orgCheck = organisationCodeCheckCharacter(text.mid(8, 8));
        const QChar check = creditCodeCheckCharacter(text.left(17));
        if (orgCheck != text.at(16)) {
            result.problem = IdentifierProblem::OrganisationCodeMismatch;
            result.expected = orgCheck;
            result.actual = text.at(16);
        } else if (check != text.at(17)) {
            result.problem = IdentifierProblem::CheckCharacterMismatch;
            result.expected = check;
            result.actual = text.at(17);
        }
    }
    applyOverride(&result, override);
    return result;
}

IdentifierCheck checkResidentId(const QString& input, const QDate& today, const IdentifierOverride* override)
{
    IdentifierCheck result;
    result.kind = IdentifierKind::ResidentId;
    result.input = input;
    result.normalised = normalise(input);
    result.today = today;
    const QString& text = result.normalised;
    const bool shapeOk = checkShape(&result, [](int i, QChar c) {
        return isAsciiDigit(c) || (i == IdentifierLength - 1 && c == QLatin1Char('X'));
    });
    if (shapeOk) {
        const int province = text.left(2).toInt();
        if (std::find(ProvinceCodes.begin(), ProvinceCodes.end(), province) == ProvinceCodes.end())
            result.problem = IdentifierProblem::InvalidAreaCode;
    }
    if (result.problem == IdentifierProblem::None) {
        const QDate birth = QDate::fromString(text.mid(6, 8), QStringLiteral("yyyyMMdd"));
        if (!birth.isValid() || birth < EarliestBirthDate) {
            result.problem = IdentifierProblem::InvalidBirthDate;
        } else {
            result.birthDate = birth;
            if (today.isValid() && birth > today)
                result.problem = IdentifierProblem::BirthDateInFuture;
        }
    }
    if (result.problem == IdentifierProblem::None) {
        result.male = (text.at(16).unicode() - '0') % 2 == 1;
        const QChar check = residentIdCheckCharacter(text.left(17));
        if (check != text.at(17)) {
            result.problem = IdentifierProblem::CheckCharacterMismatch;
            result.expected = check;
            result.actual = text.at(17);
        }
    }
    applyOverride(&result, override);
    return result;
}

IdentifierCheck check(const QString& input, IdentifierKind kind, const QDate& today, const IdentifierOverride* override)
{
    switch (kind) {
    case IdentifierKind::CreditCode:
        return checkCreditCode(input, override);
    case IdentifierKind::ResidentId:
        return checkResidentId(input, today, override);
    case IdentifierKind::Unknown:
        break;
    }
    IdentifierCheck asId = checkResidentId(input, today, override);
    const IdentifierCheck asCode = checkCreditCode(input, override);
    if (asId.valid()) {
        // Both readings hold: say so, so that the caller asks which was meant.
        asId.ambiguous = asCode.valid();
        return asId;
    }
    if (asCode.valid())
        return asCode;
    const QString text = normalise(input);
    bool looksLikeId = text.size() == IdentifierLength;
    for (int i = 0; looksLikeId && i < IdentifierLength; ++i)
        looksLikeId = isAsciiDigit(text.at(i)) || (i == IdentifierLength - 1 && text.at(i) == QLatin1Char('X'));
    IdentifierCheck result = looksLikeId ? asId : asCode;
    if (result.problem == IdentifierProblem::Empty || result.problem == IdentifierProblem::WrongLength)
        result.kind = IdentifierKind::Unknown;
    return result;
}

QString mask(const QString& identifier)
{
    const int n = int(identifier.size());
    if (n == IdentifierLength)
        return identifier.left(6) + QString(8, QLatin1Char('*')) + identifier.right(4);
    if (n <= 2)
        return QString(n, QLatin1Char('*'));
    const int keep = n / 4;
    return identifier.left(keep) + QString(n - 2 * keep, QLatin1Char('*')) + identifier.right(keep);
}

} // namespace Identifiers
