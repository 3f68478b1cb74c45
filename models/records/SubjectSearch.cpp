#include "SubjectSearch.h"

#include "domain/Identifiers.h"

#include "storage/AuditLog.h"
#include "storage/Session.h"

#include "SubjectNameIndex.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QVariant>

#include <limits>

namespace {

// Columns of a hit, in the order readHit() reads them.
// Only what the result list shows: each further column costs a decode and a QVariant per row of every page.
// The last column: whether an item of the subject is under objection (异议处理中), shown with every hit.
#define XM_HIT_COLUMNS                                                                                                 \
    "s.id, s.kind, s.identifier, s.name, s.district, s.origin, EXISTS (SELECT 1 FROM credit_items ci WHERE "           \
    "ci.subject_id = s.id AND ci.objection_pending = 1)"

bool looksLikeIdentifier(const QString& normalised)
{
    if (normalised.size() < 15 || normalised.size() > 20)
        return false;
    int digits = 0;
    for (QChar c : normalised) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            ++digits;
        else if (!(c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            return false;
    }
    return digits >= 8;
}

} // namespace

SubjectSearch::SubjectSearch(const QSqlDatabase& db)
    : m_db(db)
{}

SearchInput SubjectSearch::classify(const QString& text, const QDate& today, const QSet<QString>& common)
{
    SearchInput input;
    const QString normalised = Identifiers::normalise(text);
    if (normalised.isEmpty())
        return input;
    if (looksLikeIdentifier(normalised)) {
        input.kind = SearchInputKind::Identifier;
        input.check = Identifiers::check(normalised, IdentifierKind::Unknown, today);
        input.text = input.check.normalised.isEmpty() ? normalised : input.check.normalised;
        return input;
    }
    input.kind = SearchInputKind::Name;
    input.text = text.trimmed();
    input.matchExpression = SubjectNameIndex::matchExpression(input.text, common);
    if (!input.matchExpression.isEmpty())
        input.bigramChain = SubjectNameIndex::bigrams(input.text);
    return input;
}

QString SubjectSearch::prefixUpperBound(const QString& prefix)
{
    // U+10FFFF sorts after every character in SQLite's BINARY (UTF-8 byte) order.
    return prefix + QString::fromUcs4(U"\U0010FFFF", 1);
}

void SubjectSearch::start(const QString& text, const QDate& today)
{
    // The statements and the common bigrams are read once, on the first search; a failure shows at fetch().
    ensurePrepared(nullptr);
    m_input = classify(text, today, m_commonBigrams);
    m_lastName.clear();
    m_lastId = 0;
    switch (m_input.kind) {
    case SearchInputKind::Empty:
        m_tier = TierCount;
        break;
    case SearchInputKind::Identifier:
        m_tier = IdentifierTier;
        break;
    case SearchInputKind::Name:
        m_tier = ExactNameTier;
        m_upperBound = prefixUpperBound(m_input.text);
        break;
    }
}

void SubjectSearch::clear()
{
    m_input = SearchInput();
    m_tier = TierCount;
}

QStringList SubjectSearch::tierStatements()
{
    return {
        QStringLiteral("SELECT " XM_HIT_COLUMNS " FROM subjects s WHERE s.identifier = :identifier"),
        QStringLiteral("SELECT " XM_HIT_COLUMNS " FROM subjects s WHERE s.name = :name AND s.id > :after "
                       "ORDER BY s.id LIMIT :limit"),
        // (name, id) after the last hit, inside [prefix, upper); the first page starts after the exact matches.
        QStringLiteral("SELECT " XM_HIT_COLUMNS " FROM subjects s WHERE s.name >= :lastName AND s.name < :upper "
                       "AND (s.name > :lastName OR s.id > :after) ORDER BY s.name, s.id LIMIT :limit"),
        // The bigram index drives (CROSS JOIN keeps it outermost); names that start with the input were listed by
        // the prefix tier already.
        QStringLiteral("SELECT " XM_HIT_COLUMNS " FROM subject_name_fts CROSS JOIN subjects s "
                       "ON s.id = subject_name_fts.docid WHERE subject_name_fts MATCH :match "
                       "AND instr(s.name_bigrams, :chain) > 0 AND subject_name_fts.docid > :after "
                       "AND NOT (s.name >= :prefix AND s.name < :upper) ORDER BY subject_name_fts.docid LIMIT :limit"),
    };
}

bool SubjectSearch::ensurePrepared(QString* error)
{
    if (m_prepared)
        return true;
    m_identifierQuery = QSqlQuery(m_db);
    m_exactNameQuery = QSqlQuery(m_db);
    m_prefixQuery = QSqlQuery(m_db);
    m_fragmentQuery = QSqlQuery(m_db);
    const QStringList sql = tierStatements();
    QSqlQuery* const queries[] = {&m_identifierQuery, &m_exactNameQuery, &m_prefixQuery, &m_fragmentQuery};
    for (int i = 0; i < TierCount; ++i) {
        queries[i]->setForwardOnly(true);
        if (!queries[i]->prepare(sql.at(i))) {
            if (error)
                *error = queries[i]->lastError().text();
            return false;
        }
    }
    if (!SubjectNameIndex::loadCommonBigrams(m_db, &m_commonBigrams, error))
        return false;
    m_prepared = true;
    return true;
}

bool SubjectSearch::fetch(int max, QList<SubjectHit>* hits, QString* error)
{
    if (atEnd() || max <= 0)
        return true;
    if (!ensurePrepared(error)) {
        m_tier = TierCount;
        return false;
    }
    int remaining = max;
    while (remaining > 0 && !atEnd()) {
        int got = 0;
        if (!runTier(remaining, hits, &got, error)) {
            m_tier = TierCount;
            return false;
        }
        remaining -= got;
    }
    return true;
}

bool SubjectSearch::runTier(int max, QList<SubjectHit>* hits, int* got, QString* error)
{
    QSqlQuery* query = nullptr;
    SubjectMatch match = SubjectMatch::Identifier;
    switch (m_tier) {
    case IdentifierTier:
        query = &m_identifierQuery;
        query->bindValue(QStringLiteral(":identifier"), m_input.text);
        break;
    case ExactNameTier:
        query = &m_exactNameQuery;
        match = SubjectMatch::ExactName;
        query->bindValue(QStringLiteral(":name"), m_input.text);
        query->bindValue(QStringLiteral(":after"), m_lastId);
        query->bindValue(QStringLiteral(":limit"), max);
        break;
    case PrefixTier:
        query = &m_prefixQuery;
        match = SubjectMatch::NamePrefix;
        query->bindValue(QStringLiteral(":lastName"), m_lastName);
        query->bindValue(QStringLiteral(":upper"), m_upperBound);
        query->bindValue(QStringLiteral(":after"), m_lastId);
        query->bindValue(QStringLiteral(":limit"), max);
        break;
    case FragmentTier:
        query = &m_fragmentQuery;
        match = SubjectMatch::Fragment;
        query->bindValue(QStringLiteral(":match"), m_input.matchExpression);
        query->bindValue(QStringLiteral(":chain"), m_input.bigramChain);
        query->bindValue(QStringLiteral(":after"), m_lastId);
        query->bindValue(QStringLiteral(":prefix"), m_input.text);
        query->bindValue(QStringLiteral(":upper"), m_upperBound);
        query->bindValue(QStringLiteral(":limit"), max);
        break;
    default:
        return true;
    }
    if (!query->exec()) {
        if (error)
            *error = query->lastError().text();
        return false;
    }
    int count = 0;
    while (query->next()) {
        SubjectHit hit = readHit(*query, match);
        m_lastId = hit.id;
        m_lastName = hit.name;
        hits->append(std::move(hit));
        ++count;
    }
    const bool failed = query->lastError().isValid();
    if (failed && error)
        *error = query->lastError().text();
    query->finish();
    if (failed)
        return false;
    *got = count;
    if (m_tier == IdentifierTier || count < max)
        advanceTier();
    return true;
}

void SubjectSearch::advanceTier()
{
    switch (m_tier) {
    case IdentifierTier:
        m_tier = TierCount;
        break;
    case ExactNameTier:
        m_tier = PrefixTier;
        // The prefix tier starts after every exact match: name > text, whatever the id.
        m_lastName = m_input.text;
        m_lastId = std::numeric_limits<qint64>::max();
        break;
    case PrefixTier:
        m_tier = m_input.matchExpression.isEmpty() ? int(TierCount) : int(FragmentTier);
        m_lastId = 0;
        break;
    default:
        m_tier = TierCount;
        break;
    }
}

SubjectHit SubjectSearch::readHit(const QSqlQuery& query, SubjectMatch match) const
{
    SubjectHit hit;
    hit.id = query.value(0).toLongLong();
    fromKey(query.value(1).toString(), &hit.kind);
    hit.identifier = query.value(2).toString();
    hit.name = query.value(3).toString();
    hit.district = query.value(4).toString();
    fromKey(query.value(5).toString(), &hit.origin);
    hit.objectionPending = query.value(6).toInt() == 1;
    hit.match = match;
    return hit;
}

namespace SubjectSearches {

bool audit(const Session& session, const SearchInput& input, int hits, QString* error)
{
    if (!session.can(Permission::QuerySubject)) {
        if (error)
            *error = QCoreApplication::translate("SubjectSearch", "Your role does not allow searching for subjects.");
        return false;
    }
    if (session.readOnly)
        return true;
    QSqlDatabase db = session.database();
    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("subject.search");
    entry.objectType = QStringLiteral("search");
    entry.objectId = input.kind == SearchInputKind::Identifier ? QStringLiteral("identifier") : QStringLiteral("name");
    entry.details = {{QStringLiteral("text"), input.text}, {QStringLiteral("hits"), hits}};
    return AuditLog::append(db, entry, error);
}

QString toKey(SubjectMatch match)
{
    switch (match) {
    case SubjectMatch::Identifier:
        return QStringLiteral("identifier");
    case SubjectMatch::ExactName:
        return QStringLiteral("exact_name");
    case SubjectMatch::NamePrefix:
        return QStringLiteral("name_prefix");
    case SubjectMatch::Fragment:
        return QStringLiteral("fragment");
    }
    return QString();
}

QString listedIdentifier(const SubjectHit& hit, IdentifierDisplay display)
{
    return display == IdentifierDisplay::Full && hit.match == SubjectMatch::Identifier
               ? hit.identifier
               : Identifiers::mask(hit.identifier);
}

} // namespace SubjectSearches
