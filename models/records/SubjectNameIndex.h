#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>

// The character-bigram form of subject names behind the Chinese fragment search (subjects.name_bigrams, indexed
// by the FTS4 table subject_name_fts; see 0002_records.sql for why bigrams).
//
// Both the stored names and the typed fragments go through the same normalisation: compatibility forms folded
// (full-width letters and digits to ASCII, NFKC), ASCII lower-cased, and everything that is not a letter or a
// digit dropped (spaces, brackets, the middle dot of transcribed names), so that FTS4's simple tokenizer never
// splits a bigram and a fragment typed with or without punctuation finds the same names.
namespace SubjectNameIndex {

// The letters and digits of text after normalisation, as above.
QString normalise(const QString& text);

// The space-separated overlapping bigrams of a name ("厦门鑫源" -> "厦门 门鑫 鑫源"); a one-character name gives
// that character, an empty name an empty string.
QString bigrams(const QString& name);

// The FTS4 MATCH expression for a fragment: the phrase of its bigrams ("\"鑫源 源科\""), which matches exactly the
// names containing the fragment. Empty when the fragment has fewer than two characters after normalisation.
// With common bigrams given, those are left out when rarer ones remain: the runs of rare bigrams become phrases
// that must all match ("\"市凤 凤明\"" for 厦门市凤明), a necessary condition that instr(name_bigrams,
// bigrams(fragment)) then makes exact.
QString matchExpression(const QString& fragment, const QSet<QString>& common = {});

// The common bigrams: those in at least minimumDocuments names (default: 2,000 or a 400th of the subjects,
// whichever is more), counted through an fts4aux view of the index. Run after a bulk load or index rebuild.
bool refreshCommonBigrams(const QSqlDatabase& db, qint64 minimumDocuments = -1, QString* error = nullptr);
bool loadCommonBigrams(const QSqlDatabase& db, QSet<QString>* common, QString* error = nullptr);

// Characters of the normalised text (code points, so that a character outside the BMP counts once).
int characterCount(const QString& text);

} // namespace SubjectNameIndex
