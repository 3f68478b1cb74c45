#include "RecordsTestFixtures.h"

#include "domain/PolicyRegistry.h"
#include "domain/RepairEligibility.h"
#include "records/DemoCity.h"
#include "records/SubjectProfile.h"
#include "records/SubjectSearch.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

// The demo city: deterministic by seed, every identifier valid by the domain's checks, every category and item
// type present in realistic proportions and states, credit warnings and non-repairable penalties present and
// recognised as such by the rules, indexes and search index rebuilt after the bulk load, and never generated
// into a database that holds records.
class TestDemoCity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void identifierBuilders_data();
    void identifierBuilders();
    void everyIdentifierValid();
    void sameSeedSameCity();
    void otherSeedOtherCity();
    void proportionsAndStates();
    void warningsAndNonRepairablePresent();
    void indexesRebuiltAndSearchable();
    void refusesNonEmptyDatabase();
    void audited();

private:
    static QStringList column(const TestDatabase& tdb, const QString& sql);
    static constexpr int Subjects = 3000;
    const QDate m_today{2025, 6, 15};
    QScopedPointer<TestDatabase> m_city;
    DemoCityReport m_report;
};

QStringList TestDemoCity::column(const TestDatabase& tdb, const QString& sql)
{
    QStringList values;
    QSqlQuery q(tdb.database());
    q.setForwardOnly(true);
    if (!q.exec(sql))
        qWarning("%s", qPrintable(q.lastError().text()));
    while (q.next())
        values.append(q.value(0).toString());
    return values;
}

void TestDemoCity::initTestCase()
{
    m_city.reset(new TestDatabase);
    QVERIFY2(m_city->isValid(), qPrintable(m_city->errorString()));
    DemoCityOptions options;
    options.subjects = Subjects;
    options.seed = 7;
    options.today = m_today;
    QSqlDatabase db = m_city->database();
    QString error;
    QVERIFY2(DemoCity::generate(db, options, &m_report, &error), qPrintable(error));
    QCOMPARE(m_report.subjects, Subjects);
    qInfo("demo city of %lld subjects, %lld items: load %lld ms, indexes %lld ms, search index %lld ms",
          m_report.subjects, m_report.items, m_report.loadMs, m_report.indexMs, m_report.searchIndexMs);
}

void TestDemoCity::cleanupTestCase()
{
    m_city.reset();
}

void TestDemoCity::identifierBuilders_data()
{
    QTest::addColumn<QString>("built");
    QTest::addColumn<QString>("expected");
    // The examples of DOMAIN.md rebuilt from their first characters.
    QTest::newRow("resident id") << DemoCity::residentId(QStringLiteral("350203"), QDate(1990, 1, 1), 1)
                                 << QStringLiteral("350203199001010018");
    QTest::newRow("resident id X") << DemoCity::residentId(QStringLiteral("110105"), QDate(1949, 12, 31), 2)
                                   << QStringLiteral("11010519491231002X");
    QTest::newRow("credit code") << DemoCity::creditCode(QStringLiteral("91"), QStringLiteral("350200"),
                                                         QStringLiteral("MA2Y0000"))
                                 << QStringLiteral("91350200MA2Y00001N");
    QTest::newRow("social organisation") << DemoCity::creditCode(QStringLiteral("51"), QStringLiteral("350203"),
                                                                 QStringLiteral("MJ000000"))
                                         << QStringLiteral("51350203MJ000000XK");
}

void TestDemoCity::identifierBuilders()
{
    QFETCH(QString, built);
    QFETCH(QString, expected);
    QCOMPARE(built, expected);
}

void TestDemoCity::everyIdentifierValid()
{
    QSqlQuery q(m_city->database());
    q.setForwardOnly(true);
    QVERIFY(q.exec(QStringLiteral("SELECT kind, identifier, established_on, district FROM subjects")));
    int checked = 0;
    while (q.next()) {
        SubjectKind kind;
        QVERIFY(fromKey(q.value(0).toString(), &kind));
        const QString identifier = q.value(1).toString();
        const IdentifierCheck check = Identifiers::check(
            identifier, kind == SubjectKind::NaturalPerson ? IdentifierKind::ResidentId : IdentifierKind::CreditCode,
            m_today);
        QVERIFY2(check.valid(), qPrintable(identifier + QLatin1Char(' ') + check.message()));
        QVERIFY2(XiamenDistricts::codes().contains(q.value(3).toString()), qPrintable(q.value(3).toString()));
        if (kind == SubjectKind::NaturalPerson) {
            // A real birth date, an adult, the same date as stored, born in a Xiamen district.
            QCOMPARE(check.birthDate, QDate::fromString(q.value(2).toString(), Qt::ISODate));
            QVERIFY(check.birthDate <= m_today.addYears(-18));
            QCOMPARE(identifier.left(6), q.value(3).toString());
        } else {
            QVERIFY(identifier.mid(2, 4) == QLatin1String("3502"));
        }
        ++checked;
    }
    QCOMPARE(checked, Subjects);
    QCOMPARE(column(*m_city, QStringLiteral("SELECT count(DISTINCT identifier) FROM subjects")).value(0).toInt(),
             Subjects);
}

void TestDemoCity::sameSeedSameCity()
{
    TestDatabase again;
    QVERIFY2(again.isValid(), qPrintable(again.errorString()));
    DemoCityOptions options;
    options.subjects = Subjects;
    options.seed = 7;
    options.today = m_today;
    QSqlDatabase db = again.database();
    QString error;
    DemoCityReport report;
    QVERIFY2(DemoCity::generate(db, options, &report, &error), qPrintable(error));
    const QString subjects =
        QStringLiteral("SELECT identifier || '|' || name || '|' || coalesce(registered_address, '') "
                       "FROM subjects ORDER BY id");
    QCOMPARE(column(again, subjects), column(*m_city, subjects));
    const QString items = QStringLiteral("SELECT item_type || '|' || decision_date || '|' || status || '|' || "
                                         "coalesce(legal_document_number, '') FROM credit_items ORDER BY id");
    QCOMPARE(column(again, items), column(*m_city, items));
    QCOMPARE(report.items, m_report.items);
}

void TestDemoCity::otherSeedOtherCity()
{
    TestDatabase other;
    QVERIFY2(other.isValid(), qPrintable(other.errorString()));
    DemoCityOptions options;
    options.subjects = 200;
    options.seed = 8;
    options.today = m_today;
    QSqlDatabase db = other.database();
    QString error;
    QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
    const QStringList theirs = column(other, QStringLiteral("SELECT identifier FROM subjects ORDER BY id"));
    const QStringList ours = column(*m_city, QStringLiteral("SELECT identifier FROM subjects ORDER BY id LIMIT 200"));
    QCOMPARE(theirs.size(), 200);
    QVERIFY(theirs != ours);
}

void TestDemoCity::proportionsAndStates()
{
    // Counts in the report agree with the tables.
    QCOMPARE(column(*m_city, QStringLiteral("SELECT count(*) FROM credit_items")).value(0).toLongLong(),
             m_report.items);
    const double perSubject = double(m_report.items) / Subjects;
    QVERIFY2(perSubject > 4.0 && perSubject < 6.0, qPrintable(QString::number(perSubject)));
    for (const QString& kind : allKeys<SubjectKind>())
        QVERIFY2(m_report.subjectsByKind.value(kind) > 0, qPrintable(kind));
    const double persons = double(m_report.subjectsByKind.value(QStringLiteral("natural_person"))) / Subjects;
    QVERIFY(persons > 0.45 && persons < 0.65);

    // Every type of every category occurs; dishonest information is a minority, basic information the bulk.
    for (const ItemType& type : ItemTypes::all()) {
        const qint64 n =
            column(*m_city, QStringLiteral("SELECT count(*) FROM credit_items WHERE item_type = '%1'").arg(type.key))
                .value(0)
                .toLongLong();
        QVERIFY2(n > 0, qPrintable(type.key));
    }
    const double dishonest = double(m_report.itemsByCategory.value(QStringLiteral("dishonest"))) / m_report.items;
    const double basic = double(m_report.itemsByCategory.value(QStringLiteral("basic"))) / m_report.items;
    QVERIFY2(dishonest > 0.2 && dishonest < 0.45, qPrintable(QString::number(dishonest)));
    QVERIFY2(basic > 0.35 && basic < 0.65, qPrintable(QString::number(basic)));
    for (const char* status : {"active", "repaired", "withdrawn", "corrected"})
        QVERIFY2(m_report.itemsByStatus.value(QLatin1String(status)) > 0, status);
    QVERIFY(m_report.objectionsPending > 0);

    // Every status the rules know shows up today.
    const PolicyRegistry policies = PolicyRegistry::builtIn();
    CreditItemRepository items(m_city->database());
    SubjectRepository subjects(m_city->database());
    QSet<DisclosureStatus> seen;
    for (qint64 id = 1; id <= 300; ++id) {
        Subject s;
        QList<CreditItem> list;
        QVERIFY(subjects.findById(id, &s));
        QVERIFY(items.itemsOfSubject(id, &list));
        const SubjectProfile p = SubjectProfiles::assess(s, list, {}, m_today, policies);
        for (const ItemAssessment& a : p.items)
            seen.insert(a.disclosure.status);
    }
    for (DisclosureStatus status : {DisclosureStatus::InDisclosure, DisclosureStatus::UnderObjection,
                                    DisclosureStatus::Expired, DisclosureStatus::Repaired, DisclosureStatus::Withdrawn})
        QVERIFY2(seen.contains(status), qPrintable(toKey(status)));
}

void TestDemoCity::warningsAndNonRepairablePresent()
{
    QVERIFY(m_report.warningSubjects > 0);
    QVERIFY(m_report.nonRepairableItems > 0);
    const PolicyRegistry policies = PolicyRegistry::builtIn();
    SubjectRepository subjects(m_city->database());
    CreditItemRepository items(m_city->database());
    int warnings = 0;
    int never = 0;
    for (qint64 id = 1; id <= Subjects; ++id) {
        Subject s;
        QList<CreditItem> list;
        QVERIFY(subjects.findById(id, &s));
        QVERIFY(items.itemsOfSubject(id, &list));
        const SubjectProfile p = SubjectProfiles::assess(s, list, {}, m_today, policies);
        if (p.hasWarningInForce)
            ++warnings;
        for (const ItemAssessment& a : p.items) {
            if (a.repair.code == RepairEligibilityCode::Never)
                ++never;
        }
    }
    // Every planted warning is in force today, and the rules agree on every planted non-repairable penalty.
    QVERIFY2(warnings >= m_report.warningSubjects, qPrintable(QString::number(warnings)));
    QVERIFY2(never >= 1, qPrintable(QString::number(never)));
}

void TestDemoCity::indexesRebuiltAndSearchable()
{
    const QStringList indexes = column(*m_city, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                               "AND tbl_name IN ('subjects', 'credit_items')"));
    for (const char* name : {"subjects_identifier", "subjects_name", "subjects_platform_id", "credit_items_subject",
                             "credit_items_platform_id"})
        QVERIFY2(indexes.contains(QLatin1String(name)), name);
    const QStringList triggers =
        column(*m_city,
               QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'subjects_fts_%'"));
    QCOMPARE(triggers.size(), 3);
    QCOMPARE(column(*m_city, QStringLiteral("SELECT count(*) FROM platform_write_permit")).value(0).toInt(), 0);

    // A fragment from the middle of a generated name is found through the bigram index.
    const QStringList names = column(*m_city, QStringLiteral("SELECT name FROM subjects WHERE kind = 'legal_person' "
                                                             "ORDER BY id LIMIT 20"));
    QVERIFY(!names.isEmpty());
    for (const QString& name : names) {
        const QString fragment = name.mid(name.startsWith(QStringLiteral("厦门市")) ? 3 : 2, 2);
        SubjectSearch search(m_city->database());
        search.start(fragment, m_today);
        QList<SubjectHit> hits;
        while (!search.atEnd())
            QVERIFY(search.fetch(500, &hits));
        bool found = false;
        for (const SubjectHit& h : hits) {
            QVERIFY2(h.name.contains(fragment), qPrintable(h.name + QLatin1Char(' ') + fragment));
            found = found || h.name == name;
        }
        QVERIFY2(found, qPrintable(name));
        const qint64 expected =
            column(*m_city, QStringLiteral("SELECT count(*) FROM subjects WHERE instr(name, '%1') > 0").arg(fragment))
                .value(0)
                .toLongLong();
        QCOMPARE(qint64(hits.size()), expected);
    }
}

void TestDemoCity::refusesNonEmptyDatabase()
{
    DemoCityOptions options;
    options.subjects = 10;
    options.today = m_today;
    QSqlDatabase db = m_city->database();
    QString error;
    bool empty = true;
    QVERIFY(DemoCity::recordsEmpty(db, &empty, &error));
    QVERIFY(!empty);
    QVERIFY(!DemoCity::generate(db, options, nullptr, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(column(*m_city, QStringLiteral("SELECT count(*) FROM subjects")).value(0).toInt(), Subjects);
}

void TestDemoCity::audited()
{
    const QStringList details =
        column(*m_city, QStringLiteral("SELECT details FROM audit_log WHERE action = 'demo_city.generate'"));
    QCOMPARE(details.size(), 1);
    QVERIFY(details.first().contains(QLatin1String("\"seed\":7")));
}

QTEST_GUILESS_MAIN(TestDemoCity)
#include "TestDemoCity.moc"
