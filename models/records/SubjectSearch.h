#pragma once

#include "RecordTypes.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

struct Session;

// What the one search box was given.
enum class SearchInputKind {
    Empty,
    Identifier, // 15–20 letters and digits with at least 8 digits after normalisation: looked up exactly
    Name,       // anything else: exact name, then name prefix, then (2+ characters) names containing it
};

// How a hit matched, in ranking order.
enum class SubjectMatch {
    Identifier, // the identifier, exactly
    ExactName,  // the whole name
    NamePrefix, // the name starts with the input
    Fragment,   // the name contains the input elsewhere (two or more characters)
};

struct SearchInput
{
    SearchInputKind kind = SearchInputKind::Empty;
    QString text;            // the normalised identifier, or the trimmed name text
    IdentifierCheck check;   // for Identifier: the domain's verdict on it (shown when nothing is found)
    QString matchExpression; // for Name: the FTS4 query of its bigrams; empty for a one-character input
    QString bigramChain;     // for Name: SubjectNameIndex::bigrams(text), checked against name_bigrams
};

struct SubjectHit
{
    qint64 id = 0;
    SubjectKind kind = SubjectKind::LegalPerson;
    QString identifier; // in full: mask it with displayIdentifier() for roles that may not see it
    QString name;
    QString district; // administrative division code (XiamenDistricts::displayName)
    RecordOrigin origin = RecordOrigin::Platform;
    SubjectMatch match = SubjectMatch::Identifier;
    bool objectionPending = false; // an item of the subject is under objection (异议处理中)
};

// Subject search in tiers, exact matches first: identifier; or exact name, name prefix (in name order), then
// names containing a fragment (through the bigram index). Results come page by page; each page is its own short
// query that continues after the last hit (keyset paging), so no statement stays open between pages and the
// connection never holds an old read snapshot while the user looks at the results.
//
//   SubjectSearch search(db);
//   search.start(text);
//   while (!search.atEnd()) search.fetch(100, &hits);
class SubjectSearch
{
public:
    explicit SubjectSearch(const QSqlDatabase& db);

    // Classifies and normalises a search text (identifier, name, or empty). common: the index's common bigrams
    // (SubjectNameIndex::loadCommonBigrams), left out of the match expression when rarer ones remain.
    static SearchInput classify(const QString& text, const QDate& today = QDate::currentDate(),
                                const QSet<QString>& common = {});

    // Starts a new search; no rows are read until fetch().
    void start(const QString& text, const QDate& today = QDate::currentDate());
    void clear();
    const SearchInput& input() const { return m_input; }

    // Appends up to max further hits to *hits. Returns false with *error on an SQL failure (the search then ends).
    bool fetch(int max, QList<SubjectHit>* hits, QString* error = nullptr);
    bool atEnd() const { return m_tier >= TierCount; }

    // Upper bound of a name range that starts with prefix: name >= prefix AND name < upper.
    static QString prefixUpperBound(const QString& prefix);

    // The SQL of the tiers, in ranking order, with named parameters: identifier (:identifier); exact name
    // (:name, :after = last id, :limit); prefix (:lastName, :upper, :after, :limit; the first page starts with
    // :lastName = the prefix and :after = INT64_MAX); fragment (:match, :chain = bigramChain, :after = last
    // docid, :prefix, :upper, :limit). Each selects id, kind, identifier, name, district, origin. Public for the
    // benchmark, which runs the same statements through the raw SQLite API as its baseline.
    static QStringList tierStatements();

private:
    enum Tier { IdentifierTier, ExactNameTier, PrefixTier, FragmentTier, TierCount };
    bool ensurePrepared(QString* error);
    bool runTier(int max, QList<SubjectHit>* hits, int* got, QString* error);
    SubjectHit readHit(const QSqlQuery& query, SubjectMatch match) const;
    void advanceTier();

    QSqlDatabase m_db;
    bool m_prepared = false;
    QSet<QString> m_commonBigrams; // loaded with the statements
    QSqlQuery m_identifierQuery;
    QSqlQuery m_exactNameQuery;
    QSqlQuery m_prefixQuery;
    QSqlQuery m_fragmentQuery;
    SearchInput m_input;
    QString m_upperBound;
    int m_tier = TierCount;
    // Keyset position inside the current tier.
    QString m_lastName;
    qint64 m_lastId = 0;
};

namespace SubjectSearches {
// A search is a query of credit information: audited as "subject.search" with what was typed (its kind and text)
// and how many hits the first page showed. Needs Permission::QuerySubject. A read-only session records nothing.
bool audit(const Session& session, const SearchInput& input, int hits, QString* error = nullptr);
QString toKey(SubjectMatch match);
// What a list of hits shows of an identifier: masked (350203********0018), for every role, unless the hit matched it
// exactly (the person typed or scanned that very number) and the role sees numbers in full (display, from
// identifierDisplayFor). Anyone else's full number is shown only on the subject's page, opened with a recorded basis.
QString listedIdentifier(const SubjectHit& hit, IdentifierDisplay display);
} // namespace SubjectSearches
