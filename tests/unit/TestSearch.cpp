#include "RecordsTestFixtures.h"

#include "itemmodels/SubjectSearchModel.h"
#include "records/SubjectNameIndex.h"
#include "records/SubjectSearch.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>
#include <QtTest>

// The one search box: identifiers (normalised, as typed or read from an ID card), exact names, name prefixes and
// Chinese fragments through the bigram index, exact matches first; lazy paging without duplicates; identifiers
// masked for roles that may not see them in full.
class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void bigrams_data();
    void bigrams();
    void classify_data();
    void classify();
    void identifierExactFirst_data();
    void identifierExactFirst();
    void invalidIdentifierExplained();
    void nameRanking();
    void oneCharacterFallsBackToPrefix();
    void fragmentNeedsContiguousCharacters();
    void noResult();
    void pagingHasNoDuplicates();
    void modelIsLazyAndConsistent();
    void maskingByRole_data();
    void maskingByRole();
    void renamedSubjectIsFoundByItsNewName();
    void matchWithCommonBigrams_data();
    void matchWithCommonBigrams();
    void commonBigramsKeepResultsExact();

private:
    QList<qint64> search(const QString& text, QList<SubjectMatch>* matches = nullptr, int page = 1000);

    QScopedPointer<TestDatabase> m_tdb;
    QMap<QString, qint64> m_ids; // name -> id
    Subject m_person;
};

void TestSearch::initTestCase()
{
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    const QStringList names{
        QStringLiteral("陈伟"),
        QStringLiteral("陈伟强"),
        QStringLiteral("陈伟明"),
        QStringLiteral("林陈伟"),
        QStringLiteral("厦门陈伟科技有限公司"),
        QStringLiteral("陈小伟"),
        QStringLiteral("厦门鑫源科技有限公司"),
        QStringLiteral("厦门市鑫源贸易有限公司"),
        QStringLiteral("鑫源五金店"),
        QStringLiteral("厦门（鑫源）物流有限公司"),
        QStringLiteral("阿不都·热合曼"),
        QStringLiteral("厦门ABC科技有限公司"),
    };
    QList<Subject> subjects;
    int n = 1;
    for (const QString& name : names)
        subjects.append(RecordsFixture::company(name, n++));
    m_person = RecordsFixture::person(QStringLiteral("黄丽"), QDate(1990, 1, 1), 1);
    subjects.append(m_person);
    // 150 names sharing a prefix, for paging.
    for (int i = 0; i < 150; ++i)
        subjects.append(
            RecordsFixture::company(QStringLiteral("厦门翔鹭%1号有限公司").arg(i, 3, 10, QLatin1Char('0')), n++));
    QList<Subject*> pointers;
    for (Subject& s : subjects)
        pointers.append(&s);
    QString error;
    QVERIFY2(RecordsFixture::insertPlatformSubjects(*m_tdb, pointers, &error), qPrintable(error));
    for (const Subject& s : subjects)
        m_ids.insert(s.name, s.id);
    m_person.id = m_ids.value(m_person.name);
}

void TestSearch::cleanupTestCase()
{
    m_tdb.reset();
}

QList<qint64> TestSearch::search(const QString& text, QList<SubjectMatch>* matches, int page)
{
    SubjectSearch s(m_tdb->database());
    s.start(text, QDate(2025, 6, 15));
    QList<SubjectHit> hits;
    QString error;
    while (!s.atEnd()) {
        if (!s.fetch(page, &hits, &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
    }
    QList<qint64> ids;
    for (const SubjectHit& h : hits) {
        ids.append(h.id);
        if (matches)
            matches->append(h.match);
    }
    return ids;
}

void TestSearch::bigrams_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("bigrams");
    QTest::addColumn<QString>("match");
    QTest::newRow("company") << QStringLiteral("厦门鑫源") << QStringLiteral("厦门 门鑫 鑫源")
                             << QStringLiteral("\"厦门 门鑫 鑫源\"");
    QTest::newRow("two") << QStringLiteral("陈伟") << QStringLiteral("陈伟") << QStringLiteral("\"陈伟\"");
    QTest::newRow("one") << QStringLiteral("陈") << QStringLiteral("陈") << QString();
    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("brackets and dot dropped")
        << QStringLiteral("（鑫源）·物流") << QStringLiteral("鑫源 源物 物流") << QStringLiteral("\"鑫源 源物 物流\"");
    QTest::newRow("full-width and case folded")
        << QStringLiteral("ＡＢＣ科技") << QStringLiteral("ab bc c科 科技") << QStringLiteral("\"ab bc c科 科技\"");
    QTest::newRow("quotes cannot break the query")
        << QStringLiteral("鑫\"源*") << QStringLiteral("鑫源") << QStringLiteral("\"鑫源\"");
}

void TestSearch::bigrams()
{
    QFETCH(QString, name);
    QFETCH(QString, bigrams);
    QFETCH(QString, match);
    QCOMPARE(SubjectNameIndex::bigrams(name), bigrams);
    QCOMPARE(SubjectNameIndex::matchExpression(name), match);
}

void TestSearch::classify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("empty") << QStringLiteral("  ") << int(SearchInputKind::Empty) << QString();
    QTest::newRow("resident id") << QStringLiteral("350203199001010018") << int(SearchInputKind::Identifier)
                                 << QStringLiteral("350203199001010018");
    QTest::newRow("id-card reader with Enter")
        << QStringLiteral("350203199001010018\r\n") << int(SearchInputKind::Identifier)
        << QStringLiteral("350203199001010018");
    QTest::newRow("lower-case x, spaces") << QStringLiteral("110105 19491231 002x") << int(SearchInputKind::Identifier)
                                          << QStringLiteral("11010519491231002X");
    QTest::newRow("full-width code") << QStringLiteral("９１３５０２００ＭＡ２Ｙ００００１Ｎ")
                                     << int(SearchInputKind::Identifier) << QStringLiteral("91350200MA2Y00001N");
    QTest::newRow("mistyped id still an id") << QStringLiteral("350203199001010019") << int(SearchInputKind::Identifier)
                                             << QStringLiteral("350203199001010019");
    QTest::newRow("chinese name") << QStringLiteral(" 陈伟 ") << int(SearchInputKind::Name) << QStringLiteral("陈伟");
    QTest::newRow("latin name") << QStringLiteral("ABC") << int(SearchInputKind::Name) << QStringLiteral("ABC");
    QTest::newRow("short digits") << QStringLiteral("350203") << int(SearchInputKind::Name) << QStringLiteral("350203");
}

void TestSearch::classify()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, normalised);
    const SearchInput input = SubjectSearch::classify(text, QDate(2025, 6, 15));
    QCOMPARE(int(input.kind), kind);
    QCOMPARE(input.text, normalised);
}

void TestSearch::identifierExactFirst_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("as stored") << RecordsFixture::companyCode(7);
    QTest::newRow("lower case with spaces") << RecordsFixture::companyCode(7).toLower().insert(8, QLatin1Char(' '));
}

void TestSearch::identifierExactFirst()
{
    QFETCH(QString, typed);
    QList<SubjectMatch> matches;
    const QList<qint64> ids = search(typed, &matches);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids.first(), m_ids.value(QStringLiteral("厦门鑫源科技有限公司")));
    QCOMPARE(matches.first(), SubjectMatch::Identifier);

    const QList<qint64> person = search(m_person.identifier);
    QCOMPARE(person, QList<qint64>{m_person.id});
}

void TestSearch::invalidIdentifierExplained()
{
    // One wrong check character: nothing found, and the domain says what is wrong.
    QString wrong = m_person.identifier;
    wrong[17] = wrong[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    SubjectSearchModel model(m_tdb->database(), IdentifierDisplay::Full);
    model.setToday(QDate(2025, 6, 15));
    model.search(wrong);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.input().kind, SearchInputKind::Identifier);
    QVERIFY(!model.input().check.valid());
    QCOMPARE(model.input().check.problem, IdentifierProblem::CheckCharacterMismatch);
    QVERIFY(!model.input().check.message().isEmpty());
}

void TestSearch::nameRanking()
{
    QList<SubjectMatch> matches;
    const QList<qint64> ids = search(QStringLiteral("陈伟"), &matches);
    // Exact name, then prefixes in name order, then names containing it elsewhere.
    QCOMPARE(ids.size(), 5);
    QCOMPARE(ids.at(0), m_ids.value(QStringLiteral("陈伟")));
    QCOMPARE(matches.at(0), SubjectMatch::ExactName);
    QCOMPARE(QSet<qint64>({ids.at(1), ids.at(2)}),
             QSet<qint64>({m_ids.value(QStringLiteral("陈伟强")), m_ids.value(QStringLiteral("陈伟明"))}));
    QCOMPARE(matches.at(1), SubjectMatch::NamePrefix);
    QCOMPARE(matches.at(2), SubjectMatch::NamePrefix);
    QVERIFY(QStringLiteral("陈伟强") < QStringLiteral("陈伟明") ? ids.at(1) == m_ids.value(QStringLiteral("陈伟强"))
                                                                : ids.at(1) == m_ids.value(QStringLiteral("陈伟明")));
    QCOMPARE(QSet<qint64>({ids.at(3), ids.at(4)}), QSet<qint64>({m_ids.value(QStringLiteral("林陈伟")),
                                                                 m_ids.value(QStringLiteral("厦门陈伟科技有限公司"))}));
    QCOMPARE(matches.at(3), SubjectMatch::Fragment);
    QCOMPARE(matches.at(4), SubjectMatch::Fragment);
    // "陈小伟" holds both characters but not the fragment.
    QVERIFY(!ids.contains(m_ids.value(QStringLiteral("陈小伟"))));

    // Fragments through brackets and in longer names; three characters are a phrase of two bigrams.
    const QList<qint64> xinyuan = search(QStringLiteral("鑫源"));
    QCOMPARE(xinyuan.size(), 4);
    QCOMPARE(xinyuan.first(), m_ids.value(QStringLiteral("鑫源五金店")));
    QVERIFY(xinyuan.contains(m_ids.value(QStringLiteral("厦门（鑫源）物流有限公司"))));
    QCOMPARE(search(QStringLiteral("鑫源贸易")), QList<qint64>{m_ids.value(QStringLiteral("厦门市鑫源贸易有限公司"))});
    QCOMPARE(search(QStringLiteral("都热合")), QList<qint64>{m_ids.value(QStringLiteral("阿不都·热合曼"))});
    QCOMPARE(search(QStringLiteral("abc科技")), QList<qint64>{m_ids.value(QStringLiteral("厦门ABC科技有限公司"))});
}

void TestSearch::oneCharacterFallsBackToPrefix()
{
    QList<SubjectMatch> matches;
    const QList<qint64> ids = search(QStringLiteral("陈"), &matches);
    // Names starting with 陈 only, never "林陈伟".
    QCOMPARE(ids.size(), 4);
    for (SubjectMatch m : matches)
        QCOMPARE(m, SubjectMatch::NamePrefix);
    QVERIFY(!ids.contains(m_ids.value(QStringLiteral("林陈伟"))));
}

void TestSearch::fragmentNeedsContiguousCharacters()
{
    QVERIFY(search(QStringLiteral("源鑫")).isEmpty());
    QVERIFY(search(QStringLiteral("门鑫源科")).size() == 1);
}

void TestSearch::noResult()
{
    QVERIFY(search(QStringLiteral("不存在的名字")).isEmpty());
    QVERIFY(search(QStringLiteral("350203199001019999")).isEmpty());
    QVERIFY(search(QString()).isEmpty());
    QVERIFY(search(QStringLiteral("\"*-")).isEmpty());
}

void TestSearch::pagingHasNoDuplicates()
{
    for (int page : {1, 7, 64, 1000}) {
        QList<SubjectMatch> matches;
        const QList<qint64> ids = search(QStringLiteral("厦门"), &matches, page);
        QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), ids.size());
        // Every subject whose name contains 厦门: the prefixed ones, then the fragment ones.
        QCOMPARE(ids.size(), 150 + 5);
        const qsizetype firstFragment = matches.indexOf(SubjectMatch::Fragment);
        QCOMPARE(firstFragment, -1); // all start with 厦门
    }
    const QList<qint64> paged = search(QStringLiteral("翔鹭"), nullptr, 64);
    QCOMPARE(paged.size(), 150);
}

void TestSearch::modelIsLazyAndConsistent()
{
    SubjectSearchModel model(m_tdb->database(), IdentifierDisplay::Full);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy searched(&model, &SubjectSearchModel::searched);
    model.search(QStringLiteral("厦门翔鹭"));
    QCOMPARE(searched.size(), 1);
    QCOMPARE(model.rowCount(), SubjectSearchModel::PageSize);
    QVERIFY(model.canFetchMore(QModelIndex()));
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 150);
    QCOMPARE(model.data(model.index(0, SubjectSearchModel::NameColumn)).toString(),
             QStringLiteral("厦门翔鹭000号有限公司"));
    QCOMPARE(model.data(model.index(149, SubjectSearchModel::NameColumn)).toString(),
             QStringLiteral("厦门翔鹭149号有限公司"));
    QCOMPARE(model.subjectId(0), m_ids.value(QStringLiteral("厦门翔鹭000号有限公司")));
    QCOMPARE(model.data(model.index(0, 0), SubjectSearchModel::SubjectIdRole).toLongLong(), model.subjectId(0));

    model.search(QStringLiteral("陈伟"));
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(model.data(model.index(0, SubjectSearchModel::MatchColumn), SubjectSearchModel::MatchRole).toInt(),
             int(SubjectMatch::ExactName));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSearch::maskingByRole_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("full");
    QTest::newRow("clerk") << int(Role::Clerk) << true;
    QTest::newRow("supervisor") << int(Role::Supervisor) << true;
    QTest::newRow("reviewer") << int(Role::Reviewer) << false;
    QTest::newRow("auditor") << int(Role::Auditor) << false;
    QTest::newRow("administrator") << int(Role::Administrator) << false;
}

void TestSearch::maskingByRole()
{
    QFETCH(int, role);
    QFETCH(bool, full);
    SubjectSearchModel model(m_tdb->database(), identifierDisplayFor(Role(role)));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.search(m_person.identifier);
    QCOMPARE(model.rowCount(), 1);
    const QString shown = model.data(model.index(0, SubjectSearchModel::IdentifierColumn)).toString();
    if (full) {
        // The number typed in full is shown as typed ...
        QCOMPARE(shown, m_person.identifier);
        // ... but found by name, in a list, it is masked for every role: the full number only on the subject's page.
        model.search(m_person.name);
        QVERIFY(model.rowCount() >= 1);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.data(model.index(row, SubjectSearchModel::IdentifierColumn)).toString() !=
                    m_person.identifier);
    } else {
        QCOMPARE(shown, Identifiers::mask(m_person.identifier));
        QCOMPARE(shown.size(), 18);
        QVERIFY(shown.contains(QStringLiteral("********")));
        // No role of a masked model gives the identifier away.
        for (int r = 0; r < SubjectSearchModel::OriginKeyRole + 10; ++r) {
            for (int c = 0; c < model.columnCount(); ++c)
                QVERIFY(model.data(model.index(0, c), r).toString() != m_person.identifier);
        }
    }
}

void TestSearch::renamedSubjectIsFoundByItsNewName()
{
    Subject renamed;
    QString error;
    QVERIFY(SubjectRepository(m_tdb->database()).findById(m_ids.value(QStringLiteral("鑫源五金店")), &renamed, &error));
    renamed.name = QStringLiteral("湖里鹭岛五金店");
    renamed.platformVersion = 2;
    {
        PlatformWritePermit permit(m_tdb->database(), QStringLiteral("system"), QStringLiteral("sync.apply"));
        bool applied = false;
        QVERIFY2(SubjectRepository(m_tdb->database()).applyPlatform(permit, &renamed, &applied, &error),
                 qPrintable(error));
        QVERIFY(applied);
        QVERIFY2(permit.commit(&error), qPrintable(error));
    }
    QCOMPARE(search(QStringLiteral("鹭岛")), QList<qint64>{renamed.id});
    QVERIFY(!search(QStringLiteral("鑫源")).contains(renamed.id));
}

void TestSearch::matchWithCommonBigrams_data()
{
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<QStringList>("common");
    QTest::addColumn<QString>("match");
    QTest::newRow("none common") << QStringLiteral("厦门市凤明") << QStringList{}
                                 << QStringLiteral("\"厦门 门市 市凤 凤明\"");
    QTest::newRow("leading common") << QStringLiteral("厦门市凤明")
                                    << QStringList{QStringLiteral("厦门"), QStringLiteral("门市")}
                                    << QStringLiteral("\"市凤 凤明\"");
    QTest::newRow("split runs") << QStringLiteral("厦门市凤明") << QStringList{QStringLiteral("门市")}
                                << QStringLiteral("\"厦门\" \"市凤 凤明\"");
    QTest::newRow("all common") << QStringLiteral("有限公司")
                                << QStringList{QStringLiteral("有限"), QStringLiteral("限公"), QStringLiteral("公司")}
                                << QStringLiteral("\"有限 限公 公司\"");
}

void TestSearch::matchWithCommonBigrams()
{
    QFETCH(QString, fragment);
    QFETCH(QStringList, common);
    QFETCH(QString, match);
    QCOMPARE(SubjectNameIndex::matchExpression(fragment, QSet<QString>(common.cbegin(), common.cend())), match);
}

void TestSearch::commonBigramsKeepResultsExact()
{
    const QStringList queries{QStringLiteral("陈伟"),     QStringLiteral("鑫源"),     QStringLiteral("鑫源贸易"),
                              QStringLiteral("厦门"),     QStringLiteral("厦门翔鹭"), QStringLiteral("翔鹭0"),
                              QStringLiteral("门鑫源科"), QStringLiteral("有限公司"), QStringLiteral("都热合"),
                              QStringLiteral("abc科技"),  QStringLiteral("门市鑫"),   QStringLiteral("科技有限")};
    QMap<QString, QList<qint64>> before;
    for (const QString& q : queries)
        before.insert(q, search(q));
    QSqlDatabase db = m_tdb->database();
    QString error;
    QVERIFY2(SubjectNameIndex::refreshCommonBigrams(db, 3, &error), qPrintable(error));
    QSet<QString> common;
    QVERIFY(SubjectNameIndex::loadCommonBigrams(db, &common, &error));
    QVERIFY(common.contains(QStringLiteral("厦门")));
    QVERIFY(common.contains(QStringLiteral("有限")));
    QVERIFY(common.contains(QStringLiteral("鑫源")));
    QVERIFY(!common.contains(QStringLiteral("源贸")));
    for (const QString& q : queries)
        QCOMPARE(search(q), before.value(q));
    QVERIFY(m_tdb->exec(QStringLiteral("DELETE FROM subject_name_common_bigrams")));
}

QTEST_GUILESS_MAIN(TestSearch)
#include "TestSearch.moc"
