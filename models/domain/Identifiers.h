#pragma once

#include <QChar>
#include <QDate>
#include <QDateTime>
#include <QString>

// Subject identifiers: the unified social credit code (统一社会信用代码, GB 32100-2015, with the embedded
// GB 11714 organisation code) and the resident ID number (居民身份证号码, GB 11643-1999).
//
// Input is normalised first (full-width characters to ASCII, lower case to upper case, every kind of space
// removed); all positions in the answers count characters of the normalised text, from 1.

enum class IdentifierKind {
    Unknown,
    CreditCode, // unified social credit code
    ResidentId, // resident ID number
};

enum class IdentifierProblem {
    None,
    Empty,
    WrongLength,              // length is the number of characters found
    InvalidCharacter,         // position and actual name the first offending character
    InvalidAreaCode,          // resident ID: unknown province; credit code: non-digit or unknown province in 3-8
    InvalidRegistration,      // credit code: characters 1-2 are not a registration authority and its kind of body
    InvalidBirthDate,         // resident ID: characters 7-14 are not a real date (or before 1900)
    BirthDateInFuture,        // resident ID: born after "today"
    OrganisationCodeMismatch, // credit code: check character of the embedded organisation code (character 17)
    CheckCharacterMismatch,   // the final check character
};

// Stable keys of the problems ("wrong_length", …) for JSON and logs.
QString toKey(IdentifierKind kind);
QString toKey(IdentifierProblem problem);
bool fromKey(const QString& key, IdentifierKind* kind);

// A supervisor's signed acceptance of one real identifier whose check character is wrong (it happens in data
// from the registries). It is data that is stored with the record, not a switch: it applies only to the exact
// identifier it names and only to checksum failures, never to a wrong length, character, area or date.
struct IdentifierOverride
{
    QString identifier; // compared after normalisation
    QString supervisor; // the signing supervisor's account
    QString reason;
    QDateTime signedAt;

    // All four parts are filled in.
    bool isComplete() const;
};

// Why a supplied override was not used.
enum class OverrideRefusal {
    None,            // no override given, or it was used
    NotNeeded,       // the identifier is valid
    NotOverridable,  // the problem is not a checksum failure
    Incomplete,      // supervisor, reason or signing time missing
    OtherIdentifier, // the override names a different identifier
};

QString toKey(OverrideRefusal refusal);

struct IdentifierCheck
{
    IdentifierKind kind = IdentifierKind::Unknown;
    QString input;
    QString normalised;
    IdentifierProblem problem = IdentifierProblem::None;
    int length = 0;    // for WrongLength
    int position = 0;  // 1-based, for InvalidCharacter / InvalidAreaCode of a credit code
    QChar expected;    // for the two mismatch problems
    QChar actual;      // for InvalidCharacter and the mismatches
    QDate birthDate;   // resident ID with a real birth date
    bool male = false; // resident ID: the sequence number is odd
    QDate today;       // resident ID: the date the birth date was compared with
    // Read with an unknown kind: the text is valid both as a resident ID number and as a unified social credit
    // code, so the program cannot tell which was meant; the caller must ask (kind is the resident ID reading).
    bool ambiguous = false;
    bool overrideUsed = false;
    OverrideRefusal overrideRefusal = OverrideRefusal::None;
    IdentifierOverride usedOverride; // filled when overrideUsed

    // Passes every check of its standard.
    bool valid() const { return problem == IdentifierProblem::None; }
    // May be stored: valid, or a checksum failure accepted by a matching supervisor override.
    bool accepted() const { return valid() || overrideUsed; }
    bool isChecksumFailure() const;
    // A translated sentence a clerk can read out: what is wrong and where, or that it is valid / accepted on an
    // override.
    QString message() const;
};

namespace Identifiers {

// Full-width to ASCII, upper case, all whitespace (including U+3000 and no-break space) removed.
QString normalise(const QString& input);

// Checks a unified social credit code.
IdentifierCheck checkCreditCode(const QString& input, const IdentifierOverride* override = nullptr);

// Checks a resident ID number; the birth date must not be after today.
IdentifierCheck checkResidentId(const QString& input, const QDate& today, const IdentifierOverride* override = nullptr);

// Checks input as the given kind; with Unknown, decides the kind from the text: the kind that validates wins,
// and when neither does, 17 digits plus a digit or X are taken for a resident ID, anything else for a code.
IdentifierCheck check(const QString& input, IdentifierKind kind, const QDate& today,
                      const IdentifierOverride* override = nullptr);

// The check characters the standards compute from the first 17 characters (from the first 8 of an organisation
// code); a null QChar when the input is too short or holds characters outside the standard's alphabet.
QChar creditCodeCheckCharacter(const QString& first17);
QChar organisationCodeCheckCharacter(const QString& first8);
QChar residentIdCheckCharacter(const QString& first17);

// Display masking. An 18-character identifier keeps its first 6 characters (resident ID: the area; code: the
// registration authority, organisation type and the first four digits of the area), 8 asterisks, and its
// last 4: 350203********0018, 913502********001N. Anything else keeps about a quarter at each end.
QString mask(const QString& identifier);

} // namespace Identifiers
