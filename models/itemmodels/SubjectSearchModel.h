#pragma once

#include "records/SubjectSearch.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

// The search box's results: a table filled lazily, a page at a time (canFetchMore/fetchMore, which views call
// as the user scrolls), ranked exact matches first (see SubjectSearch). Identifiers are shown in full or masked
// as the display mode says (identifierDisplayFor(role) for the logged-in member of staff); the full identifier
// is never available from a masked model, under any role.
//
//   SubjectSearchModel model(session.database(), identifierDisplayFor(session.role));
//   view->setModel(&model);
//   model.search(lineEdit->text());            // e.g. on returnPressed: an ID-card reader types digits + Enter
//   qint64 id = model.subjectId(view->currentIndex().row());
class SubjectSearchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, IdentifierColumn, KindColumn, DistrictColumn, MatchColumn, StatusColumn, ColumnCount };
    enum ItemRole {
        SubjectIdRole = Qt::UserRole + 1, // qint64
        KindKeyRole,                      // SubjectKind key
        MatchRole,                        // int(SubjectMatch)
        OriginKeyRole,                    // "platform" or "local"
        ObjectionPendingRole,             // bool: an item of the subject is under objection
    };
    Q_ENUM(Column)

    // Rows read per search() and fetchMore(): about one screenful. Views ask for the next page as the user
    // scrolls; each row costs about 1.5 µs in the driver and the model, so a first page larger than the screen
    // only delays the answer.
    static constexpr int PageSize = 32;

    SubjectSearchModel(const QSqlDatabase& db, IdentifierDisplay display, QObject* parent = nullptr);

    // Starts a new search (resets the model) and reads the first page, so an exact identifier or name match is
    // on row 0 at once. An empty text clears the results.
    void search(const QString& text);
    void clear();

    // How the text was understood (identifier / name), and for an identifier the domain's check of it: when no
    // subject is found, input().check.message() tells the clerk what is wrong with a mistyped identifier.
    const SearchInput& input() const { return m_search.input(); }
    // The last SQL error, empty when none.
    QString errorString() const { return m_error; }

    IdentifierDisplay identifierDisplay() const { return m_display; }
    qint64 subjectId(int row) const;
    const SubjectHit* hit(int row) const;

    // The date identifiers are checked against (tests fix it).
    void setToday(const QDate& today) { m_today = today; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // After each search() with the number of rows of its first page and whether more can be fetched.
    void searched(int firstPageRows, bool more);
    void searchFailed(const QString& error);

private:
    SubjectSearch m_search;
    IdentifierDisplay m_display;
    QList<SubjectHit> m_hits;
    QString m_error;
    QDate m_today;
    bool m_changing = false; // a reset or an insertion is being signalled
};

// Translated labels for SubjectMatch ("Identifier", "Exact name", "Name starts with", "Name contains").
QString displayName(SubjectMatch match);
