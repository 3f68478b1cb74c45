#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QVariant>

// The contract of the record entry forms: a one-row table model whose columns are the form's fields, made for
// QDataWidgetMapper (mapper.setModel(model); mapper.addMapping(widget, column); mapper.toFirst()).
//
// Values by field type, through Qt::EditRole (what the mapper reads and writes):
//   Text   QString        QLineEdit "text", QPlainTextEdit "plainText"
//   Choice QString label   QComboBox "currentText" (fill it from options(column)); setData also takes the key
//   Date   QDate          QDateEdit "date"; setData also takes "yyyy-MM-dd"
//   Flag   bool           QCheckBox "checked"
// ValueRole gives and takes the stored value itself (the key of a choice). FieldErrorRole (and Qt::ToolTipRole)
// give the field's error, to show next to the field: every setData() revalidates the whole entry with the
// domain's rules, and fieldErrorChanged() says which fields' errors changed. A field's error shows once the
// field was edited or submit()/save() was attempted, so an empty form is not covered in errors.
//
// submit() only validates (true when the entry may be saved): views call submit() on their own (e.g. when the
// current row changes), and a submission must never be created by accident. save() creates it.
class RecordEntryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class FieldType { Text, Choice, Date, Flag };
    enum Role {
        ValueRole = Qt::UserRole + 1, // the stored value (choice key, QDate, bool, QString)
        FieldErrorRole,               // QString, empty when the field is fine (or not yet shown)
        FieldKeyRole,                 // the field's stable key ("legal_document_number", …)
        RequiredRole,                 // bool
    };
    struct Option
    {
        QString key;   // stored value; empty for "none"
        QString label; // shown
    };

    explicit RecordEntryModel(QObject* parent = nullptr);

    int fieldCount() const { return int(m_fields.size()); }
    // Column of a field key, -1 when unknown.
    int column(const QString& fieldKey) const;
    QString fieldKey(int column) const;
    QString fieldLabel(int column) const;
    FieldType fieldType(int column) const;
    bool isRequired(int column) const;
    // The choices of a Choice field, in display order (a leading empty key means "none" is allowed).
    virtual QList<Option> options(int column) const;

    QVariant value(int column) const;
    bool setValue(int column, const QVariant& value);

    // The error shown at a field (empty when none or not yet shown), and every shown error by column.
    QString fieldError(int column) const;
    QMap<int, QString> fieldErrors() const;
    // Every error, shown or not: empty when the entry may be saved.
    QMap<int, QString> allErrors() const { return m_errors; }
    bool isValid() const { return m_errors.isEmpty(); }

    // Validates and shows every field's error. Does not save.
    bool submit() override;
    // Empties the form.
    void revert() override;
    // Validates and, when valid, stores the entry as a record submission awaiting the platform (audited).
    // Returns false with *error (the first field error, or the repository's refusal).
    virtual bool save(QString* error = nullptr) = 0;
    qint64 lastSubmissionId() const { return m_lastSubmissionId; }

    // The date rules are applied on (tests fix it).
    void setToday(const QDate& today);
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void fieldErrorChanged(int column, const QString& error);
    void validityChanged(bool valid);
    void saved(qint64 submissionId);

protected:
    struct Field
    {
        QString key;
        QString label;
        FieldType type = FieldType::Text;
        bool required = false;
        QVariant initial; // value after revert()
    };
    void setFields(const QList<Field>& fields);
    // The stored value without conversion: QString (text, choice key), QDate, bool.
    QVariant raw(int column) const { return m_values.value(column); }
    QString text(int column) const { return m_values.value(column).toString().trimmed(); }
    bool flag(int column) const { return m_values.value(column).toBool(); }
    QDate date(int column) const { return m_values.value(column).toDate(); }
    // Stores a value without revalidating (for fields derived from others in valueChanged()).
    void storeValue(int column, const QVariant& value);

    // The entry's errors by column, computed from scratch; "required" errors are added by the base class.
    virtual QMap<int, QString> validate() const = 0;
    // Called after a field changed, before revalidation: derive dependent fields here.
    virtual void valueChanged(int column);
    // Recomputes the errors (after the context changed, e.g. the subject) and emits what changed since
    // shownBefore (default: the errors shown now).
    void revalidate(const QMap<int, QString>* shownBefore = nullptr);
    // Shows a field's error from now on, as if edited: for a field an edit elsewhere makes wrong (the consent a
    // chosen kind of personal data requires).
    void touch(int column);
    void setLastSubmissionId(qint64 id) { m_lastSubmissionId = id; }
    // The first error in column order, for save()'s *error.
    QString firstError() const;
    void showAllErrors();

private:
    QVariant convertIn(int column, const QVariant& value) const;
    QString labelFor(int column, const QString& key) const;

    QList<Field> m_fields;
    QList<QVariant> m_values;
    QMap<int, QString> m_errors;
    QSet<int> m_touched;
    bool m_showAll = false;
    QDate m_today;
    qint64 m_lastSubmissionId = 0;
};
