#pragma once

#include <QList>
#include <QObject>
#include <QString>

class EntryFormBinder;
class QBoxLayout;
class QLabel;
class QPushButton;
class QWidget;

// The bottom of both record entry forms: a status line (green for what was done, red for a problem), the row of
// buttons (the form's own first, then Clear Form and the save button) and Ctrl+S, which saves from any field of the
// form. The widgets are children of the form, named statusLabel, clearButton and saveButton for tests.
class EntryFormFooter : public QObject
{
    Q_OBJECT
public:
    // Adds the status line and the button row to layout. leading are the form's own buttons, created before the
    // footer so that Tab reaches them first.
    EntryFormFooter(QWidget* form, QBoxLayout* layout, const QString& saveText,
                    const QList<QPushButton*>& leading = {});

    QPushButton* saveButton() const { return m_save; }
    QPushButton* clearButton() const { return m_clear; }

    void showStatus(const QString& text, bool problem);
    void clearStatus();
    // A save the model refused: its reason in the status line, and the focus on the first field showing an error.
    void showNotSaved(const QString& error, const EntryFormBinder* binder);

signals:
    void saveRequested(); // the save button or Ctrl+S
    void clearRequested();

private:
    QLabel* m_status = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_save = nullptr;
};
