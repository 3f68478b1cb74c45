// Deterministic mutation fuzzing of the key vault reader. The vault's checksum would catch almost every random
// change before the structure is read, so the mutations here are made to the JSON body and the header is then
// rewritten with a matching length and checksum: what remains to defend against the change is the parser's own
// validation. Every mutant must be refused with an error or read into a vault whose slots then either open with the
// right password and unseal the right key, or are refused — never a crash, a hang or a wrong key.
#include "storage/KeyVault.h"
#include "storage/SecureBytes.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

class TestVaultFuzz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mutatedBodiesAreRefusedOrSafe();

private:
    static QByteArray withHeader(const QByteArray& body);
    static QJsonValue randomValue(QRandomGenerator& rng);
    static QJsonObject mutateObject(QJsonObject object, QRandomGenerator& rng, int depth);
    static QByteArray mutateBytes(QByteArray body, QRandomGenerator& rng);

    KeyVault m_vault;
    SecureBytes m_key;
    QByteArray m_body;
};

void TestVaultFuzz::initTestCase()
{
    QVERIFY(ensureSodiumInitialised());
    qputenv("XMCREDIT_KDF_FAST", "1");
    m_key = SecureBytes::random(KeyVault::DatabaseKeyBytes);
    m_vault.workstationId = QStringLiteral("ws-fuzz");
    m_vault.databaseSalt = QByteArray(KeyVault::DatabaseSaltBytes, 'S');
    for (const char* name : {"alice", "bob"}) {
        VaultSlot slot;
        QVERIFY(KeyVault::makeSlot(m_vault.workstationId, QLatin1String(name),
                                   KeyVault::passwordBytes(QLatin1String(name) + QStringLiteral("-password")), m_key,
                                   KdfParams::defaults(), &slot));
        m_vault.keySlots.append(slot);
    }
    const QByteArray bytes = m_vault.serialize();
    m_body = bytes.mid(48);
    QVERIFY(QJsonDocument::fromJson(m_body).isObject());
    // The helper below rebuilds the original exactly: the header layout is what the reader expects.
    QCOMPARE(withHeader(m_body), bytes);
}

QByteArray TestVaultFuzz::withHeader(const QByteArray& body)
{
    QByteArray out("XMCVAULT");
    uchar numbers[8];
    qToBigEndian<quint32>(KeyVault::FormatVersion, numbers);
    qToBigEndian<quint32>(quint32(body.size()), numbers + 4);
    out.append(reinterpret_cast<const char*>(numbers), sizeof(numbers));
    out += QCryptographicHash::hash(body, QCryptographicHash::Sha256);
    return out + body;
}

QJsonValue TestVaultFuzz::randomValue(QRandomGenerator& rng)
{
    switch (rng.bounded(9)) {
    case 0:
        return QJsonValue();
    case 1:
        return QJsonValue(-1);
    case 2:
        return QJsonValue(1e300);
    case 3:
        return QJsonValue(double(rng.generate64()));
    case 4:
        return QJsonValue(QString());
    case 5:
        return QJsonValue(QStringLiteral("zz-not-hex"));
    case 6:
        return QJsonValue(QString(rng.bounded(1, 200), QLatin1Char('a')));
    case 7:
        return QJsonArray{1, 2, 3};
    default:
        return QJsonObject{{QStringLiteral("x"), 1}};
    }
}

QJsonObject TestVaultFuzz::mutateObject(QJsonObject object, QRandomGenerator& rng, int depth)
{
    const QStringList keys = object.keys();
    if (keys.isEmpty())
        return object;
    const QString key = keys.at(int(rng.bounded(quint32(keys.size()))));
    const QJsonValue value = object.value(key);
    const quint32 action = rng.bounded(10);
    if (action == 0) {
        object.remove(key);
    } else if (value.isArray() && depth < 3) {
        QJsonArray array = value.toArray();
        if (!array.isEmpty() && action < 6) {
            const int i = int(rng.bounded(quint32(array.size())));
            if (array.at(i).isObject())
                array[i] = mutateObject(array.at(i).toObject(), rng, depth + 1);
            else
                array[i] = randomValue(rng);
        } else if (action < 8) {
            array = QJsonArray();
        } else if (!array.isEmpty()) {
            array.append(array.at(0)); // a duplicated slot
        }
        object.insert(key, array);
    } else if (value.isString() && action < 5) {
        QString text = value.toString();
        if (!text.isEmpty())
            text[int(rng.bounded(quint32(text.size())))] = QLatin1Char("0f9aZ"[rng.bounded(5)]);
        object.insert(key, text);
    } else {
        object.insert(key, randomValue(rng));
    }
    return object;
}

QByteArray TestVaultFuzz::mutateBytes(QByteArray body, QRandomGenerator& rng)
{
    const int at = int(rng.bounded(quint32(body.size())));
    switch (rng.bounded(3)) {
    case 0:
        body[at] = char(rng.bounded(256));
        break;
    case 1:
        body.remove(at, int(rng.bounded(1, 40)));
        break;
    default:
        body.insert(at, body.mid(int(rng.bounded(quint32(body.size()))), int(rng.bounded(1, 40))));
        break;
    }
    return body;
}

void TestVaultFuzz::mutatedBodiesAreRefusedOrSafe()
{
    QRandomGenerator rng(20261127);
    const QJsonObject root = QJsonDocument::fromJson(m_body).object();
    int refused = 0;
    int parsed = 0;
    int slotsOpened = 0;
    constexpr int Mutants = 3000;
    for (int n = 0; n < Mutants; ++n) {
        QByteArray body;
        if (n % 3 == 0) {
            body = mutateBytes(m_body, rng);
        } else {
            QJsonObject mutant = root;
            const int changes = int(rng.bounded(1, 4));
            for (int c = 0; c < changes; ++c)
                mutant = mutateObject(mutant, rng, 0);
            body = QJsonDocument(mutant).toJson(QJsonDocument::Compact);
        }
        KeyVault vault;
        QString error;
        const VaultError result = KeyVault::parse(withHeader(body), &vault, &error);
        if (result != VaultError::None) {
            QVERIFY2(!error.isEmpty(), "a refusal always says why");
            ++refused;
            continue;
        }
        ++parsed;
        for (const VaultSlot& slot : vault.keySlots) {
            // The reader accepts cost parameters only within its bounds (at most 16 passes and 2 GiB): an edited
            // vault cannot make a login allocate without limit.
            QVERIFY2(slot.kdf.memLimit <= (quint64(2) << 30) && slot.kdf.opsLimit <= 16, "unbounded KDF cost accepted");
            const bool known = slot.username == QLatin1String("alice") || slot.username == QLatin1String("bob");
            if (!known || slot.kdf.memLimit > KdfParams::defaults().memLimit)
                continue; // a mutant's costlier parameters would only slow the test down
            SecureBytes secret;
            const auto opened =
                KeyVault::openSlot(vault.workstationId, slot,
                                   KeyVault::passwordBytes(slot.username + QStringLiteral("-password")), &secret);
            if (opened != KeyVault::OpenResult::Ok)
                continue;
            SecureBytes unsealed;
            if (KeyVault::unsealKey(slot, secret, slot.sealedKey, &unsealed)) {
                // Whatever opens must be the real key: a mutant can never make a slot yield another key.
                QVERIFY(unsealed.equals(m_key));
                ++slotsOpened;
            }
        }
    }
    qInfo("%d mutants: %d refused with a reason, %d read (%d slots still opened to the right key)", Mutants, refused,
          parsed, slotsOpened);
    QVERIFY(refused > Mutants / 2);
}

QTEST_GUILESS_MAIN(TestVaultFuzz)
#include "TestVaultFuzz.moc"
