#pragma once

#include "storage/Session.h"

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class SubjectSearchModel;

// The clerk's first screen: one search box for an identifier (typed, or by an ID-card reader that types the
// number and Enter), a name prefix or a 2+ character fragment of a Chinese name. Results stream into a table as
// it scrolls (SubjectSearchModel fetches a page at a time), exact matches first; identifiers are masked for roles
// that may not see them in full.
//
// Keyboard: the box's text is selected whenever the page is shown and after each search, so a scan replaces it;
// Enter in the box searches (Enter again, unchanged, opens the highlighted result); Down moves into
// the results; Enter on a result opens it; Up on the first result or Escape goes back to the box.
//
// Object names for tests: searchEdit, resultsView, messageLabel.
class SearchPage : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPage(const Session& session, QWidget* parent = nullptr);

    SubjectSearchModel* model() const { return m_model; }
    QLineEdit* searchEdit() const { return m_edit; }
    QTableView* resultsView() const { return m_view; }

public slots:
    void search();
    // Focuses the box with its text selected, so typing or scanning replaces it (the window calls it whenever the
    // page is shown).
    void focusSearch();
    // Empties the box and the results (e.g. after the applicant has been served) and focuses the box.
    void reset();

signals:
    // The clerk chose a result: caption is its name and identifier as shown.
    void subjectChosen(qint64 subjectId, const QString& caption);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitColumns();
    void openRow(int row);
    void showOutcome(int rows, bool more);

    Session m_session;
    QLineEdit* m_edit = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_message = nullptr;
    SubjectSearchModel* m_model = nullptr;
    QString m_lastSearch;
};
