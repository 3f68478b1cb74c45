#include "domain/Identifiers.h"

#include <QLocale>
#include <QTest>

Q_DECLARE_METATYPE(IdentifierKind)
Q_DECLARE_METATYPE(IdentifierProblem)
Q_DECLARE_METATYPE(OverrideRefusal)

namespace {

const QDate Today(2025, 6, 1);

IdentifierOverride signedOverride(const QString& identifier)
{
    return IdentifierOverride{identifier, QStringLiteral("supervisor.lin"),
                              QStringLiteral("Registry certificate checked: the code is real."),
                              QDateTime(QDate(2025, 5, 30), QTime(10, 15))};
}

} // namespace

// GB 32100 / GB 11714 / GB 11643 check characters, the normalisation of typed input, every kind of failure with
// its position and expected character, masking, and supervisor overrides that apply only to checksum failures.
class TestIdentifiers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void checkCharacters()
    {
        // The worked examples of DOMAIN.md: each check character computed from the characters before it.
        QCOMPARE(Identifiers::creditCodeCheckCharacter(QStringLiteral("91350200MA2Y00001")), QLatin1Char('N'));
        QCOMPARE(Identifiers::creditCodeCheckCharacter(QStringLiteral("9135020070549838X")), QLatin1Char('2'));
        QCOMPARE(Identifiers::creditCodeCheckCharacter(QStringLiteral("51350203MJ000000X")), QLatin1Char('K'));
        QCOMPARE(Identifiers::organisationCodeCheckCharacter(QStringLiteral("MA2Y0000")), QLatin1Char('1'));
        QCOMPARE(Identifiers::organisationCodeCheckCharacter(QStringLiteral("70549838")), QLatin1Char('X'));
        QCOMPARE(Identifiers::organisationCodeCheckCharacter(QStringLiteral("MJ000000")), QLatin1Char('X'));
        QCOMPARE(Identifiers::residentIdCheckCharacter(QStringLiteral("35020319900101001")), QLatin1Char('8'));
        QCOMPARE(Identifiers::residentIdCheckCharacter(QStringLiteral("11010519491231002")), QLatin1Char('X'));
        // 11 − Σ mod 11 = 11 maps to '0' (Σ ≡ 0): "00000000" sums to 0.
        QCOMPARE(Identifiers::organisationCodeCheckCharacter(QStringLiteral("00000000")), QLatin1Char('0'));
        QVERIFY(Identifiers::creditCodeCheckCharacter(QStringLiteral("9135")).isNull());
        QVERIFY(Identifiers::creditCodeCheckCharacter(QStringLiteral("91350200MA2Y0000I")).isNull());
    }

    // Characters 1-2 of a credit code: a registration authority and a kind of body it registers; characters 3-4: a
    // province. Each broken code below gets correct check characters, so that only the rule under test fails.
    void registrationAndArea_data()
    {
        QTest::addColumn<QString>("first8");
        QTest::addColumn<QString>("problem");
        QTest::newRow("enterprise") << "91350200"
                                    << "none";
        QTest::newRow("individual business") << "92350203"
                                             << "none";
        QTest::newRow("social organisation") << "51350203"
                                             << "none";
        QTest::newRow("others") << "Y1350203"
                                << "none";
        QTest::newRow("authority 0") << "01350200"
                                     << "invalid_registration";
        QTest::newRow("market regulation kind 4") << "94350200"
                                                  << "invalid_registration";
        QTest::newRow("others kind 2") << "Y2350200"
                                       << "invalid_registration";
        QTest::newRow("letter authority B") << "B1350200"
                                            << "invalid_registration";
        QTest::newRow("province 99") << "91990200"
                                     << "invalid_area_code";
        QTest::newRow("province 00") << "91000000"
                                     << "invalid_area_code";
    }

    void registrationAndArea()
    {
        QFETCH(QString, first8);
        QFETCH(QString, problem);
        const QString body = first8 + QStringLiteral("MA2Y0000");
        const QString first17 = body + Identifiers::organisationCodeCheckCharacter(body.mid(8, 8));
        const QString code = first17 + Identifiers::creditCodeCheckCharacter(first17);
        const IdentifierCheck check = Identifiers::checkCreditCode(code);
        QCOMPARE(toKey(check.problem), problem);
        if (problem != QLatin1String("none")) {
            QVERIFY(!check.message().isEmpty());
            QCOMPARE(Identifiers::check(code, IdentifierKind::Unknown, QDate(2026, 1, 1)).valid(), false);
        }
    }

    // An 18-digit number valid both ways: read with an unknown kind, it says so and asks, instead of deciding.
    void ambiguousReadingIsReported()
    {
        QString found;
        for (int day = 0; day < 3650 && found.isEmpty(); ++day) {
            const QString date = QDate(1960, 1, 1).addDays(day).toString(QStringLiteral("yyyyMMdd"));
            for (int seq = 1; seq < 1000 && found.isEmpty(); seq += 7) {
                const QString first17 =
                    QStringLiteral("351101") + date + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0'));
                const QString id = first17 + Identifiers::residentIdCheckCharacter(first17);
                if (Identifiers::checkCreditCode(id).valid() &&
                    Identifiers::checkResidentId(id, QDate(2026, 1, 1)).valid())
                    found = id;
            }
        }
        QVERIFY2(!found.isEmpty(), "a number valid both ways exists");
        const IdentifierCheck check = Identifiers::check(found, IdentifierKind::Unknown, QDate(2026, 1, 1));
        QVERIFY(check.valid());
        QVERIFY(check.ambiguous);
        QVERIFY2(check.message().contains(QStringLiteral("ask")), qPrintable(check.message()));
        // Named explicitly, it is not ambiguous.
        QVERIFY(!Identifiers::check(found, IdentifierKind::ResidentId, QDate(2026, 1, 1)).ambiguous);
        // A resident ID that is not a credit code (its first two digits are no registration authority) is not either.
        QVERIFY(!Identifiers::check(QStringLiteral("11010519491231002X"), IdentifierKind::Unknown, QDate(2026, 1, 1))
                     .ambiguous);
    }

    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierKind>("kind");
        QTest::addColumn<QString>("normalised");
        QTest::addColumn<QString>("masked");

        const auto code = IdentifierKind::CreditCode;
        const auto id = IdentifierKind::ResidentId;
        QTest::newRow("code MA2Y") << "91350200MA2Y00001N" << code << "91350200MA2Y00001N"
                                   << "913502********001N";
        QTest::newRow("code org X") << "9135020070549838X2" << code << "9135020070549838X2"
                                    << "913502********38X2";
        QTest::newRow("code civil") << "51350203MJ000000XK" << code << "51350203MJ000000XK"
                                    << "513502********00XK";
        QTest::newRow("id") << "350203199001010018" << id << "350203199001010018"
                            << "350203********0018";
        QTest::newRow("id X") << "11010519491231002X" << id << "11010519491231002X"
                              << "110105********002X";
        QTest::newRow("lower case") << "91350200ma2y00001n" << code << "91350200MA2Y00001N"
                                    << "913502********001N";
        QTest::newRow("lower x") << "11010519491231002x" << id << "11010519491231002X"
                                 << "110105********002X";
        QTest::newRow("full width") << QStringLiteral("９１３５０２００ＭＡ２Ｙ００００１Ｎ") << code
                                    << "91350200MA2Y00001N"
                                    << "913502********001N";
        QTest::newRow("full-width lower")
            << QStringLiteral("１１０１０５１９４９１２３１００２ｘ") << id << "11010519491231002X"
            << "110105********002X";
        QTest::newRow("spaces") << " 9135 0200 MA2Y 0000 1N " << code << "91350200MA2Y00001N"
                                << "913502********001N";
        QTest::newRow("ideographic space and tab")
            << QStringLiteral("350203\u30001990\t0101 0018") << id << "350203199001010018"
            << "350203********0018";
        QTest::newRow("no-break space") << QStringLiteral("350203\u00a0199001010018") << id << "350203199001010018"
                                        << "350203********0018";
    }

    void valid()
    {
        QFETCH(QString, input);
        QFETCH(IdentifierKind, kind);
        QFETCH(QString, normalised);
        QFETCH(QString, masked);

        const IdentifierCheck result = Identifiers::check(input, kind, Today);
        QVERIFY2(result.valid(), qPrintable(result.message()));
        QVERIFY(result.accepted());
        QVERIFY(!result.overrideUsed);
        QCOMPARE(result.kind, kind);
        QCOMPARE(result.normalised, normalised);
        QCOMPARE(Identifiers::mask(result.normalised), masked);
        // The kind is found from the text alone as well.
        const IdentifierCheck detected = Identifiers::check(input, IdentifierKind::Unknown, Today);
        QVERIFY(detected.valid());
        QCOMPARE(detected.kind, kind);
    }

    void residentIdDetails()
    {
        const IdentifierCheck man = Identifiers::checkResidentId(QStringLiteral("350203199001010018"), Today);
        QCOMPARE(man.birthDate, QDate(1990, 1, 1));
        QVERIFY(man.male); // sequence 001 is odd
        const IdentifierCheck woman = Identifiers::checkResidentId(QStringLiteral("11010519491231002X"), Today);
        QCOMPARE(woman.birthDate, QDate(1949, 12, 31));
        QVERIFY(!woman.male); // sequence 002 is even
        // Born today is fine: only a date after today is refused.
        const QString first17 = QStringLiteral("35020320250601003");
        const QString bornToday = first17 + Identifiers::residentIdCheckCharacter(first17);
        QVERIFY(Identifiers::checkResidentId(bornToday, Today).valid());
        QCOMPARE(Identifiers::checkResidentId(bornToday, Today.addDays(-1)).problem,
                 IdentifierProblem::BirthDateInFuture);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierKind>("kind");
        QTest::addColumn<IdentifierProblem>("problem");
        QTest::addColumn<int>("number");    // length or position, 0 when not reported
        QTest::addColumn<QString>("chars"); // expected + actual, or actual
        QTest::addColumn<QString>("inMessage");

        const auto code = IdentifierKind::CreditCode;
        const auto id = IdentifierKind::ResidentId;
        using P = IdentifierProblem;
        QTest::newRow("id empty") << "" << id << P::Empty << 0 << ""
                                  << "No identifier";
        QTest::newRow("id only spaces") << QStringLiteral(" \u3000 ") << id << P::Empty << 0 << ""
                                        << "No identifier";
        QTest::newRow("id 15 digits (first generation)") << "350203900101001" << id << P::WrongLength << 15 << ""
                                                         << "has 15";
        QTest::newRow("id 17") << "35020319900101001" << id << P::WrongLength << 17 << ""
                               << "has 17";
        QTest::newRow("id 19") << "3502031990010100180" << id << P::WrongLength << 19 << ""
                               << "has 19";
        QTest::newRow("id letter O") << "3502031990O1010018" << id << P::InvalidCharacter << 11 << "O"
                                     << "Character 11 ('O')";
        QTest::newRow("id X not last") << "X50203199001010018" << id << P::InvalidCharacter << 1 << "X"
                                       << "Character 1 ('X')";
        QTest::newRow("id last A") << "35020319900101001A" << id << P::InvalidCharacter << 18 << "A"
                                   << "Character 18 ('A')";
        QTest::newRow("id hyphen") << "350203-99001010018" << id << P::InvalidCharacter << 7 << "-"
                                   << "Character 7 ('-')";
        QTest::newRow("id province 99") << "990203199001010018" << id << P::InvalidAreaCode << 0 << ""
                                        << "area code 990203";
        QTest::newRow("id province 00") << "000000199001010018" << id << P::InvalidAreaCode << 0 << ""
                                        << "area code 000000";
        QTest::newRow("id 30 February") << "350203199002300018" << id << P::InvalidBirthDate << 0 << ""
                                        << "(19900230)";
        QTest::newRow("id month 13") << "350203199013010018" << id << P::InvalidBirthDate << 0 << ""
                                     << "(19901301)";
        QTest::newRow("id 29 February 1900") << "350203190002290018" << id << P::InvalidBirthDate << 0 << ""
                                             << "(19000229)";
        QTest::newRow("id before 1900") << "350203189912310018" << id << P::InvalidBirthDate << 0 << ""
                                        << "(18991231)";
        QTest::newRow("id born in future") << "350203203001010018" << id << P::BirthDateInFuture << 0 << ""
                                           << "2030-01-01 in the resident ID number is after today (2025-06-01)";
        QTest::newRow("id check 9 not 8") << "350203199001010019" << id << P::CheckCharacterMismatch << 0 << "89"
                                          << "should be 8 but is 9";
        QTest::newRow("id check 0 not X") << "110105194912310020" << id << P::CheckCharacterMismatch << 0 << "X0"
                                          << "should be X but is 0";
        QTest::newRow("id swapped digits") << "350203199001010081" << id << P::CheckCharacterMismatch << 0 << "51"
                                           << "(character 18) should be 5 but is 1";

        QTest::newRow("code empty") << "" << code << P::Empty << 0 << ""
                                    << "No identifier";
        QTest::newRow("code 17") << "91350200MA2Y00001" << code << P::WrongLength << 17 << ""
                                 << "A unified social credit code has 18 characters, but this one has 17.";
        QTest::newRow("code 20") << "91350200MA2Y00001NN1" << code << P::WrongLength << 20 << ""
                                 << "has 20";
        QTest::newRow("code letter I") << "91350200MA2Y0000IN" << code << P::InvalidCharacter << 17 << "I"
                                       << "Character 17 ('I')";
        QTest::newRow("code letter O") << "9135020OMA2Y00001N" << code << P::InvalidCharacter << 8 << "O"
                                       << "Character 8 ('O')";
        QTest::newRow("code letter Z") << "91350200MA2Z00001N" << code << P::InvalidCharacter << 12 << "Z"
                                       << "Character 12 ('Z')";
        QTest::newRow("code letter S") << "S1350200MA2Y00001N" << code << P::InvalidCharacter << 1 << "S"
                                       << "Character 1 ('S')";
        QTest::newRow("code letter V") << "91350200MA2Y00001V" << code << P::InvalidCharacter << 18 << "V"
                                       << "Character 18 ('V')";
        QTest::newRow("code Chinese char") << QStringLiteral("91350200MA2Y0000一N") << code << P::InvalidCharacter << 17
                                           << QStringLiteral("一") << "Character 17";
        QTest::newRow("code letter in area") << "91A50200MA2Y00001N" << code << P::InvalidAreaCode << 3 << "A"
                                             << "character 3 is 'A'";
        QTest::newRow("code org check 2 not 1")
            << "91350200MA2Y00002N" << code << P::OrganisationCodeMismatch << 0 << "12"
            << "(character 17) should be 1 but is 2";
        QTest::newRow("code org check 0 not X")
            << "91350200705498380N" << code << P::OrganisationCodeMismatch << 0 << "X0"
            << "should be X but is 0";
        QTest::newRow("code check P not N") << "91350200MA2Y00001P" << code << P::CheckCharacterMismatch << 0 << "NP"
                                            << "(character 18) should be N but is P";
        QTest::newRow("code check 3 not 2") << "9135020070549838X3" << code << P::CheckCharacterMismatch << 0 << "23"
                                            << "should be 2 but is 3";
        QTest::newRow("code swapped area") << "91530200MA2Y00001N" << code << P::CheckCharacterMismatch << 0 << "UN"
                                           << "should be U but is N";
    }

    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(IdentifierKind, kind);
        QFETCH(IdentifierProblem, problem);
        QFETCH(int, number);
        QFETCH(QString, chars);
        QFETCH(QString, inMessage);

        const IdentifierCheck result = Identifiers::check(input, kind, Today);
        QCOMPARE(result.problem, problem);
        QVERIFY(!result.valid());
        QVERIFY(!result.accepted());
        if (problem == IdentifierProblem::WrongLength)
            QCOMPARE(result.length, number);
        else if (number > 0)
            QCOMPARE(result.position, number);
        if (problem == IdentifierProblem::CheckCharacterMismatch ||
            problem == IdentifierProblem::OrganisationCodeMismatch) {
            QCOMPARE(QString(result.expected) + QString(result.actual), chars);
            QVERIFY(result.isChecksumFailure());
        } else {
            if (!chars.isEmpty())
                QCOMPARE(QString(result.actual), chars);
            QVERIFY(!result.isChecksumFailure());
        }
        QVERIFY2(result.message().contains(inMessage), qPrintable(result.message()));
    }

    void unknownKind()
    {
        // Neither valid: 17 digits + digit/X are reported as a resident ID, anything else as a code.
        const IdentifierCheck digits =
            Identifiers::check(QStringLiteral("350203199001010019"), IdentifierKind::Unknown, Today);
        QCOMPARE(digits.kind, IdentifierKind::ResidentId);
        QCOMPARE(digits.problem, IdentifierProblem::CheckCharacterMismatch);
        const IdentifierCheck letters =
            Identifiers::check(QStringLiteral("91350200MA2Y00001P"), IdentifierKind::Unknown, Today);
        QCOMPARE(letters.kind, IdentifierKind::CreditCode);
        QCOMPARE(letters.problem, IdentifierProblem::CheckCharacterMismatch);
        const IdentifierCheck shortOne = Identifiers::check(QStringLiteral("1234"), IdentifierKind::Unknown, Today);
        QCOMPARE(shortOne.kind, IdentifierKind::Unknown);
        QCOMPARE(shortOne.problem, IdentifierProblem::WrongLength);
        QVERIFY(shortOne.message().contains(QStringLiteral("has 4")));
    }

    void overrides_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<IdentifierKind>("kind");
        QTest::addColumn<QString>("overrideFor");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<OverrideRefusal>("refusal");

        const auto code = IdentifierKind::CreditCode;
        const auto id = IdentifierKind::ResidentId;
        using R = OverrideRefusal;
        QTest::newRow("code check char") << "91350200MA2Y00001P" << code << "91350200MA2Y00001P" << true << true
                                         << R::None;
        QTest::newRow("code org check") << "91350200MA2Y00002N" << code << "91350200MA2Y00002N" << true << true
                                        << R::None;
        QTest::newRow("id check char") << "350203199001010019" << id << "350203199001010019" << true << true << R::None;
        QTest::newRow("typed differently, same identifier")
            << "91350200ma2y00001p" << code << QStringLiteral("９１３５０２００ＭＡ２Ｙ００００１Ｐ") << true << true
            << R::None;
        QTest::newRow("other identifier")
            << "91350200MA2Y00001P" << code << "91350200MA2Y00001Q" << true << false << R::OtherIdentifier;
        QTest::newRow("prefix only") << "350203199001010019" << id << "35020319900101" << true << false
                                     << R::OtherIdentifier;
        QTest::newRow("unsigned") << "91350200MA2Y00001P" << code << "91350200MA2Y00001P" << false << false
                                  << R::Incomplete;
        QTest::newRow("wrong length") << "91350200MA2Y00001" << code << "91350200MA2Y00001" << true << false
                                      << R::NotOverridable;
        QTest::newRow("bad character") << "91350200MA2Y0000IN" << code << "91350200MA2Y0000IN" << true << false
                                       << R::NotOverridable;
        QTest::newRow("bad area") << "990203199001010018" << id << "990203199001010018" << true << false
                                  << R::NotOverridable;
        QTest::newRow("bad birth date") << "350203199002300018" << id << "350203199002300018" << true << false
                                        << R::NotOverridable;
        QTest::newRow("future birth date")
            << "350203203001010018" << id << "350203203001010018" << true << false << R::NotOverridable;
        QTest::newRow("valid needs none")
            << "350203199001010018" << id << "350203199001010018" << true << true << R::NotNeeded;
    }

    void overrides()
    {
        QFETCH(QString, input);
        QFETCH(IdentifierKind, kind);
        QFETCH(QString, overrideFor);
        QFETCH(bool, complete);
        QFETCH(bool, accepted);
        QFETCH(OverrideRefusal, refusal);

        IdentifierOverride override = signedOverride(overrideFor);
        if (!complete)
            override.supervisor.clear();
        const IdentifierCheck result = Identifiers::check(input, kind, Today, &override);
        QCOMPARE(result.accepted(), accepted);
        QCOMPARE(result.overrideRefusal, refusal);
        const bool used = refusal == OverrideRefusal::None;
        QCOMPARE(result.overrideUsed, used);
        if (used) {
            // The failure is still reported: the override accepts it, it does not hide it.
            QVERIFY(!result.valid());
            QVERIFY(result.isChecksumFailure());
            QCOMPARE(result.usedOverride.supervisor, QStringLiteral("supervisor.lin"));
            QVERIFY2(result.message().contains(QStringLiteral("supervisor.lin")), qPrintable(result.message()));
            QVERIFY(result.message().contains(QStringLiteral("Registry certificate checked")));
        }
        // Without the override the same input is not accepted unless it is valid.
        QCOMPARE(Identifiers::check(input, kind, Today).accepted(), refusal == OverrideRefusal::NotNeeded);
    }

    void overrideCompleteness()
    {
        IdentifierOverride o = signedOverride(QStringLiteral("91350200MA2Y00001P"));
        QVERIFY(o.isComplete());
        o.reason = QStringLiteral("  ");
        QVERIFY(!o.isComplete());
        o = signedOverride(QStringLiteral("91350200MA2Y00001P"));
        o.signedAt = QDateTime();
        QVERIFY(!o.isComplete());
        o = signedOverride(QString());
        QVERIFY(!o.isComplete());
    }

    void normalise()
    {
        QCOMPARE(Identifiers::normalise(QStringLiteral("ａｂｃ－１２３")), QStringLiteral("ABC-123"));
        QCOMPARE(Identifiers::normalise(QStringLiteral(" a\u3000b\u00a0c\n")), QStringLiteral("ABC"));
        QCOMPARE(Identifiers::normalise(QString()), QString());
    }

    void maskOtherLengths()
    {
        QCOMPARE(Identifiers::mask(QStringLiteral("12345678")), QStringLiteral("12****78"));
        QCOMPARE(Identifiers::mask(QStringLiteral("AB")), QStringLiteral("**"));
        QCOMPARE(Identifiers::mask(QString()), QString());
        // Never shows more than half of any identifier.
        const QString s = QStringLiteral("350203900101001");
        QCOMPARE(Identifiers::mask(s).count(QLatin1Char('*')), 9);
    }

    void keysAreDistinct()
    {
        QStringList keys;
        for (int i = int(IdentifierProblem::None); i <= int(IdentifierProblem::CheckCharacterMismatch); ++i)
            keys.append(toKey(IdentifierProblem(i)));
        keys.removeDuplicates();
        QCOMPARE(keys.size(), int(IdentifierProblem::CheckCharacterMismatch) + 1);
        IdentifierKind kind = IdentifierKind::Unknown;
        QVERIFY(fromKey(QStringLiteral("credit_code"), &kind));
        QCOMPARE(kind, IdentifierKind::CreditCode);
        QVERIFY(!fromKey(QStringLiteral("passport"), &kind));
    }
};

QTEST_GUILESS_MAIN(TestIdentifiers)
#include "TestIdentifiers.moc"
