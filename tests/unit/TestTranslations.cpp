// Chinese is the default UI language; English when asked. The catalogue embedded in the binary translates.
#include "domain/CreditTypes.h"
#include "storage/Translations.h"

#include <QCoreApplication>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void languageFromEnvironment_data()
    {
        QTest::addColumn<QByteArray>("xmcreditLang");
        QTest::addColumn<QByteArray>("lang");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing set: Chinese") << QByteArray() << QByteArray() << QStringLiteral("zh_CN");
        QTest::newRow("C locale: Chinese") << QByteArray() << QByteArray("C.UTF-8") << QStringLiteral("zh_CN");
        QTest::newRow("Chinese locale") << QByteArray() << QByteArray("zh_CN.UTF-8") << QStringLiteral("zh_CN");
        QTest::newRow("English locale") << QByteArray() << QByteArray("en_US.UTF-8") << QStringLiteral("en");
        QTest::newRow("setting wins over locale")
            << QByteArray("zh_CN") << QByteArray("en_GB.UTF-8") << QStringLiteral("zh_CN");
        QTest::newRow("setting asks for English")
            << QByteArray("en") << QByteArray("zh_CN.UTF-8") << QStringLiteral("en");
    }

    void languageFromEnvironment()
    {
        QFETCH(QByteArray, xmcreditLang);
        QFETCH(QByteArray, lang);
        QFETCH(QString, expected);
        for (const char* var : {"XMCREDIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
            qunsetenv(var);
        if (!xmcreditLang.isEmpty())
            qputenv("XMCREDIT_LANG", xmcreditLang);
        if (!lang.isEmpty())
            qputenv("LANG", lang);
        QCOMPARE(Translations::languageFromEnvironment(), expected);
    }

    void catalogueTranslates()
    {
        QVERIFY(Translations::install(QStringLiteral("zh_CN")));
        QCOMPARE(displayName(ItemCategory::Dishonest), QStringLiteral("失信信息"));
        QVERIFY(Translations::install(QStringLiteral("en")));
        QCOMPARE(displayName(ItemCategory::Dishonest), QStringLiteral("Dishonest information"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
