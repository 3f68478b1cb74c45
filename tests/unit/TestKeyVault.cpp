#include "storage/KeyVault.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>

// The vault's crypto and file format, without a database.
class TestKeyVault : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void slotRoundTrip();
    void wrongPasswordRefused();
    void slotBoundToUsernameAndWorkstation();
    void passwordIsNormalised();
    void fileRoundTrip();
    void truncatedFileDetected_data();
    void truncatedFileDetected();
    void corruptedFileDetected_data();
    void corruptedFileDetected();
    void newerFormatRefused();
    void unacceptableKdfRefused();
    void missingFile();
    void resealWithoutPassword();
    void defaultsAreModerateUnlessFast();

private:
    KeyVault sampleVault(SecureBytes* key);
};

void TestKeyVault::initTestCase()
{
    QVERIFY(ensureSodiumInitialised());
    qputenv("XMCREDIT_KDF_FAST", "1");
}

KeyVault TestKeyVault::sampleVault(SecureBytes* key)
{
    *key = SecureBytes::random(KeyVault::DatabaseKeyBytes);
    KeyVault vault;
    vault.workstationId = QStringLiteral("ws-1");
    vault.databaseSalt = QByteArray(KeyVault::DatabaseSaltBytes, 'S');
    for (const char* name : {"alice", "bob"}) {
        VaultSlot slot;
        if (!KeyVault::makeSlot(vault.workstationId, QLatin1String(name),
                                KeyVault::passwordBytes(QLatin1String(name) + QStringLiteral("-password")), *key,
                                KdfParams::defaults(), &slot))
            qFatal("makeSlot failed");
        vault.keySlots.append(slot);
    }
    return vault;
}

void TestKeyVault::slotRoundTrip()
{
    SecureBytes key;
    const KeyVault vault = sampleVault(&key);
    for (const VaultSlot& slot : vault.keySlots) {
        SecureBytes secret;
        QCOMPARE(KeyVault::openSlot(vault.workstationId, slot,
                                    KeyVault::passwordBytes(slot.username + QStringLiteral("-password")), &secret),
                 KeyVault::OpenResult::Ok);
        SecureBytes unsealed;
        QVERIFY(KeyVault::unsealKey(slot, secret, slot.sealedKey, &unsealed));
        QVERIFY(unsealed.equals(key));
    }
    // Two slots of the same key share nothing visible.
    QVERIFY(vault.keySlots[0].salt != vault.keySlots[1].salt);
    QVERIFY(vault.keySlots[0].publicKey != vault.keySlots[1].publicKey);
    QVERIFY(vault.keySlots[0].sealedKey != vault.keySlots[1].sealedKey);
}

void TestKeyVault::wrongPasswordRefused()
{
    SecureBytes key;
    const KeyVault vault = sampleVault(&key);
    SecureBytes secret;
    QCOMPARE(KeyVault::openSlot(vault.workstationId, vault.keySlots[0],
                                KeyVault::passwordBytes(QStringLiteral("bob-password")), &secret),
             KeyVault::OpenResult::WrongPassword);
    QVERIFY(secret.isEmpty());
    QCOMPARE(KeyVault::openSlot(vault.workstationId, vault.keySlots[0], KeyVault::passwordBytes(QString()), &secret),
             KeyVault::OpenResult::WrongPassword);
}

void TestKeyVault::slotBoundToUsernameAndWorkstation()
{
    SecureBytes key;
    const KeyVault vault = sampleVault(&key);
    const SecureBytes password = KeyVault::passwordBytes(QStringLiteral("alice-password"));
    SecureBytes secret;
    VaultSlot renamed = vault.keySlots[0];
    renamed.username = QStringLiteral("mallory");
    QCOMPARE(KeyVault::openSlot(vault.workstationId, renamed, password, &secret), KeyVault::OpenResult::WrongPassword);
    QCOMPARE(KeyVault::openSlot(QStringLiteral("ws-2"), vault.keySlots[0], password, &secret),
             KeyVault::OpenResult::WrongPassword);
    VaultSlot swappedKey = vault.keySlots[0];
    swappedKey.publicKey = vault.keySlots[1].publicKey;
    QCOMPARE(KeyVault::openSlot(vault.workstationId, swappedKey, password, &secret),
             KeyVault::OpenResult::WrongPassword);
}

void TestKeyVault::passwordIsNormalised()
{
    // "é" precomposed and decomposed give the same bytes.
    const QString composed = QString(QChar(0x00e9)) + QStringLiteral("tudiant-01");
    const QString decomposed = QStringLiteral("e") + QChar(0x0301) + QStringLiteral("tudiant-01");
    QVERIFY(KeyVault::passwordBytes(composed).equals(KeyVault::passwordBytes(decomposed)));
    QVERIFY(!KeyVault::passwordBytes(composed).equals(KeyVault::passwordBytes(QStringLiteral("etudiant-01"))));
}

void TestKeyVault::fileRoundTrip()
{
    SecureBytes key;
    KeyVault vault = sampleVault(&key);
    vault.keyGeneration = 3;
    vault.keySlots[1].sealedPreviousKey = vault.keySlots[1].sealedKey;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.xmv"));
    QString error;
    QVERIFY2(vault.save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("XMCVAULT"));
    // No key material in the clear.
    QVERIFY(!bytes.contains(QByteArray(reinterpret_cast<const char*>(key.data()), int(key.size()))));
    QVERIFY(!bytes.contains(QByteArray(reinterpret_cast<const char*>(key.data()), int(key.size())).toHex()));
    QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());

    KeyVault loaded;
    QCOMPARE(KeyVault::load(path, &loaded, &error), VaultError::None);
    QCOMPARE(loaded.workstationId, vault.workstationId);
    QCOMPARE(loaded.databaseSalt, vault.databaseSalt);
    QCOMPARE(loaded.keyGeneration, 3);
    QCOMPARE(loaded.keySlots.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const VaultSlot& a = vault.keySlots[i];
        const VaultSlot& b = loaded.keySlots[i];
        QCOMPARE(b.username, a.username);
        QCOMPARE(b.kdf.opsLimit, a.kdf.opsLimit);
        QCOMPARE(b.kdf.memLimit, a.kdf.memLimit);
        QCOMPARE(b.salt, a.salt);
        QCOMPARE(b.publicKey, a.publicKey);
        QCOMPARE(b.nonce, a.nonce);
        QCOMPARE(b.encryptedSecret, a.encryptedSecret);
        QCOMPARE(b.sealedKey, a.sealedKey);
        QCOMPARE(b.sealedPreviousKey, a.sealedPreviousKey);
    }
    QCOMPARE(loaded.serialize(), bytes);
    QCOMPARE(loaded.indexOf(QStringLiteral("bob")), 1);
    QVERIFY(!loaded.slot(QStringLiteral("carol")));
}

void TestKeyVault::truncatedFileDetected_data()
{
    QTest::addColumn<int>("keep");
    QTest::newRow("empty") << 0;
    QTest::newRow("inside magic") << 5;
    QTest::newRow("inside header") << 20;
    QTest::newRow("header only") << 48;
    QTest::newRow("half") << -2;
    QTest::newRow("last byte missing") << -1;
}

void TestKeyVault::truncatedFileDetected()
{
    QFETCH(int, keep);
    SecureBytes key;
    const QByteArray bytes = sampleVault(&key).serialize();
    const int length = keep == -1 ? int(bytes.size()) - 1 : keep == -2 ? int(bytes.size()) / 2 : keep;
    KeyVault vault;
    QString error;
    QCOMPARE(KeyVault::parse(bytes.left(length), &vault, &error), VaultError::Truncated);
    QVERIFY(!error.isEmpty());
}

void TestKeyVault::corruptedFileDetected_data()
{
    QTest::addColumn<int>("offset");
    QTest::newRow("magic") << 0;
    QTest::newRow("length") << 15;
    QTest::newRow("checksum") << 20;
    QTest::newRow("body start") << 48;
    QTest::newRow("body middle") << -2;
    QTest::newRow("body end") << -1;
}

void TestKeyVault::corruptedFileDetected()
{
    QFETCH(int, offset);
    SecureBytes key;
    QByteArray bytes = sampleVault(&key).serialize();
    const int at = offset == -1 ? int(bytes.size()) - 1 : offset == -2 ? int(bytes.size()) / 2 : offset;
    bytes[at] = char(bytes[at] ^ 0x20);
    KeyVault vault;
    QString error;
    const VaultError result = KeyVault::parse(bytes, &vault, &error);
    // A damaged length field may make the file look short: that is reported as truncation, which is also right.
    if (offset == 15)
        QVERIFY(result == VaultError::Corrupt || result == VaultError::Truncated);
    else
        QCOMPARE(result, VaultError::Corrupt);
    QVERIFY(!error.isEmpty());

    // Trailing garbage is corruption too.
    QCOMPARE(KeyVault::parse(sampleVault(&key).serialize() + "x", &vault, &error), VaultError::Corrupt);
    QCOMPARE(KeyVault::parse(QByteArray("{\"not\": \"a vault\"}"), &vault, &error), VaultError::Corrupt);
}

void TestKeyVault::newerFormatRefused()
{
    SecureBytes key;
    QByteArray bytes = sampleVault(&key).serialize();
    bytes[11] = char(KeyVault::FormatVersion + 1);
    KeyVault vault;
    QCOMPARE(KeyVault::parse(bytes, &vault), VaultError::Unsupported);
}

void TestKeyVault::unacceptableKdfRefused()
{
    SecureBytes key;
    KeyVault vault = sampleVault(&key);
    vault.keySlots[0].kdf.memLimit = quint64(64) * 1024 * 1024 * 1024; // 64 GiB: a damaged or hostile vault
    KeyVault loaded;
    QCOMPARE(KeyVault::parse(vault.serialize(), &loaded), VaultError::Corrupt);
    vault.keySlots[0].kdf = KdfParams::defaults();
    vault.keySlots[0].kdf.opsLimit = 0;
    QCOMPARE(KeyVault::parse(vault.serialize(), &loaded), VaultError::Corrupt);
}

void TestKeyVault::missingFile()
{
    QTemporaryDir dir;
    KeyVault vault;
    QString error;
    QCOMPARE(KeyVault::load(dir.filePath(QStringLiteral("none.xmv")), &vault, &error), VaultError::Missing);
    QVERIFY(error.contains(QStringLiteral("none.xmv")));
}

void TestKeyVault::resealWithoutPassword()
{
    // Rekeying needs only the public keys: seal a new key to a slot, open it with the slot's password.
    SecureBytes key;
    KeyVault vault = sampleVault(&key);
    const SecureBytes newKey = SecureBytes::random(KeyVault::DatabaseKeyBytes);
    QVERIFY(KeyVault::sealKey(vault.keySlots[1], newKey, &vault.keySlots[1].sealedKey));
    SecureBytes secret;
    QCOMPARE(KeyVault::openSlot(vault.workstationId, vault.keySlots[1],
                                KeyVault::passwordBytes(QStringLiteral("bob-password")), &secret),
             KeyVault::OpenResult::Ok);
    SecureBytes unsealed;
    QVERIFY(KeyVault::unsealKey(vault.keySlots[1], secret, vault.keySlots[1].sealedKey, &unsealed));
    QVERIFY(unsealed.equals(newKey));
    QVERIFY(!unsealed.equals(key));
    // Another slot's secret key does not open it.
    SecureBytes aliceSecret;
    QCOMPARE(KeyVault::openSlot(vault.workstationId, vault.keySlots[0],
                                KeyVault::passwordBytes(QStringLiteral("alice-password")), &aliceSecret),
             KeyVault::OpenResult::Ok);
    QVERIFY(!KeyVault::unsealKey(vault.keySlots[1], aliceSecret, vault.keySlots[1].sealedKey, &unsealed));
}

void TestKeyVault::defaultsAreModerateUnlessFast()
{
    const QByteArray saved = qgetenv("XMCREDIT_KDF_FAST");
    qunsetenv("XMCREDIT_KDF_FAST");
    const KdfParams normal = KdfParams::defaults();
    QCOMPARE(normal.opsLimit, quint64(crypto_pwhash_OPSLIMIT_MODERATE));
    QCOMPARE(normal.memLimit, quint64(crypto_pwhash_MEMLIMIT_MODERATE));
    QVERIFY(normal.isAcceptable());
    qputenv("XMCREDIT_KDF_FAST", saved);
    const KdfParams fast = KdfParams::defaults();
    QCOMPARE(fast.memLimit, quint64(crypto_pwhash_MEMLIMIT_MIN));

    // Measure one real derivation, for the record.
    VaultSlot slot;
    const SecureBytes key = SecureBytes::random(KeyVault::DatabaseKeyBytes);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(KeyVault::makeSlot(QStringLiteral("ws"), QStringLiteral("x"), KeyVault::passwordBytes(QStringLiteral("p")),
                               key, normal, &slot));
    qInfo("Argon2id with the default (MODERATE) limits: %lld ms", timer.elapsed());
}

QTEST_GUILESS_MAIN(TestKeyVault)
#include "TestKeyVault.moc"
