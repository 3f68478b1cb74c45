#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

class QDataWidgetMapper;
class QFormLayout;
class QLabel;
class QWidget;
class RecordEntryModel;

// Binds the fields of a RecordEntryModel to editors through a QDataWidgetMapper (the model's contract, see
// RecordEntryModel.h), so both entry forms behave alike:
//   - one editor per field, chosen by its type: QLineEdit, QPlainTextEdit (asked for), KeyComboBox filled from
//     the model's options (refilled when they change, e.g. the item types of another category), OptionalDateEdit,
//     QCheckBox;
//   - under each editor a red label showing the field's error as the model reports it (hidden when none);
//   - text is committed when the editor loses focus or on Enter (the mapper's auto-submit), choices, dates and
//     flags as soon as they change (by key, mouse or popup), so the errors of the fields they decide update at once.
// Object names: "<field>Edit" for the editor and "<field>Error" for its error label, where <field> is the model's
// field key in camelCase (legal_document_number -> legalDocumentNumberEdit, legalDocumentNumberError).
class EntryFormBinder : public QObject
{
    Q_OBJECT
public:
    EntryFormBinder(RecordEntryModel* model, QWidget* form);

    enum class Editor { Default, TextArea };

    // Creates the editor of column and its error label and adds them as a row of layout, labelled labelText (with
    // its mnemonic; a flag's label is the check box's own text). Rows are added in tab order. A text field given
    // choices (key, label) gets a KeyComboBox of them (with a leading "none"), so it stores a key.
    QWidget* addField(QFormLayout* layout, int column, const QString& labelText, Editor editor = Editor::Default,
                      const QList<QPair<QString, QString>>& choices = {});

    QWidget* editor(int column) const { return m_editors.value(column); }
    QLabel* errorLabel(int column) const { return m_errors.value(column); }
    RecordEntryModel* model() const { return m_model; }
    QDataWidgetMapper* mapper() const { return m_mapper; }

    // Writes every editor's value into the model (the editor with the focus may hold uncommitted text).
    void commitAll();
    // The first editor (in form order) whose field shows an error, or null.
    QWidget* firstEditorWithError() const;
    // Reloads every editor and error label from the model (after a reset).
    void reload();

    static QString objectBaseName(const QString& fieldKey);

signals:
    // A field's shown error changed (after the label was updated).
    void fieldErrorShown(int column, const QString& error);

private:
    void refreshChoices();
    void showError(int column, const QString& error);
    void commitIfChanged(int column);
    QVariant editorValue(int column) const;
    QList<QPair<QString, QString>> optionsOf(int column) const;

    RecordEntryModel* m_model = nullptr;
    QPointer<QWidget> m_form;
    QDataWidgetMapper* m_mapper = nullptr;
    QHash<int, QWidget*> m_editors;
    QHash<int, QLabel*> m_errors;
    QList<int> m_order;
    QList<int> m_fixedChoices; // text fields offered as a fixed list of keys
    bool m_refreshing = false;
};
