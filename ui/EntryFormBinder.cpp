#include "EntryFormBinder.h"

#include "EntryFields.h"

#include "itemmodels/RecordEntryModel.h"

#include <QCheckBox>
#include <QDataWidgetMapper>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

EntryFormBinder::EntryFormBinder(RecordEntryModel* model, QWidget* form)
    : QObject(form)
    , m_model(model)
    , m_form(form)
    , m_mapper(new QDataWidgetMapper(this))
{
    m_mapper->setModel(model);
    m_mapper->setOrientation(Qt::Horizontal);
    m_mapper->setSubmitPolicy(QDataWidgetMapper::AutoSubmit);

    connect(model, &RecordEntryModel::fieldErrorChanged, this, &EntryFormBinder::showError);
    connect(model, &QAbstractItemModel::dataChanged, this, [this] { refreshChoices(); });
    // A reset (revert()) invalidates the mapper's current index: point it at the row again.
    connect(model, &QAbstractItemModel::modelReset, this, &EntryFormBinder::reload);
}

QString EntryFormBinder::objectBaseName(const QString& fieldKey)
{
    QString name;
    bool upper = false;
    for (const QChar c : fieldKey) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name;
}

QWidget* EntryFormBinder::addField(QFormLayout* layout, int column, const QString& labelText, Editor kind,
                                   const QList<QPair<QString, QString>>& choices)
{
    const QString base = objectBaseName(m_model->fieldKey(column));
    auto* cell = new QWidget(m_form);
    auto* box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);

    QWidget* editor = nullptr;
    QByteArray property;
    const bool fixedChoices = m_model->fieldType(column) == RecordEntryModel::FieldType::Text && !choices.isEmpty();
    switch (fixedChoices ? RecordEntryModel::FieldType::Choice : m_model->fieldType(column)) {
    case RecordEntryModel::FieldType::Text:
        if (kind == Editor::TextArea) {
            auto* area = new QPlainTextEdit(cell);
            area->setTabChangesFocus(true);
            area->setMinimumHeight(area->fontMetrics().lineSpacing() * 3 + 12);
            editor = area;
        } else {
            editor = new QLineEdit(cell);
        }
        break;
    case RecordEntryModel::FieldType::Choice: {
        auto* combo = new KeyComboBox(cell);
        combo->setPlaceholderText(tr("Choose…"));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        editor = combo;
        connect(combo, &KeyComboBox::currentKeyChanged, this, [this, column] { commitIfChanged(column); });
        break;
    }
    case RecordEntryModel::FieldType::Date: {
        auto* date = new OptionalDateEdit(cell);
        editor = date;
        property = "optionalDate";
        break;
    }
    case RecordEntryModel::FieldType::Flag: {
        auto* check = new QCheckBox(labelText, cell);
        editor = check;
        connect(check, &QCheckBox::toggled, this, [this, column] { commitIfChanged(column); });
        break;
    }
    }
    editor->setObjectName(base + QStringLiteral("Edit"));
    editor->setAccessibleName(m_model->fieldLabel(column));
    box->addWidget(editor);

    auto* error = new QLabel(cell);
    error->setObjectName(base + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    error->setVisible(false);
    box->addWidget(error);

    if (m_model->fieldType(column) == RecordEntryModel::FieldType::Flag) {
        layout->addRow(QString(), cell);
    } else {
        auto* label = new QLabel(labelText, m_form);
        label->setBuddy(editor);
        if (m_model->isRequired(column))
            label->setToolTip(tr("Required"));
        layout->addRow(label, cell);
    }

    m_editors.insert(column, editor);
    m_errors.insert(column, error);
    m_order.append(column);
    if (property.isEmpty())
        m_mapper->addMapping(editor, column);
    else
        m_mapper->addMapping(editor, column, property);

    m_refreshing = true;
    if (auto* combo = qobject_cast<KeyComboBox*>(editor)) {
        if (fixedChoices) {
            m_fixedChoices.append(column);
            QList<QPair<QString, QString>> list{{QString(), tr("(none)")}};
            list.append(choices);
            combo->setChoices(list);
            combo->setCurrentIndex(0);
        } else {
            combo->setChoices(optionsOf(column));
        }
    }
    m_mapper->setCurrentIndex(0);
    m_refreshing = false;
    showError(column, m_model->fieldError(column));
    return editor;
}

QList<QPair<QString, QString>> EntryFormBinder::optionsOf(int column) const
{
    QList<QPair<QString, QString>> choices;
    const QList<RecordEntryModel::Option> options = m_model->options(column);
    for (const RecordEntryModel::Option& option : options)
        choices.append({option.key, option.label});
    return choices;
}

QVariant EntryFormBinder::editorValue(int column) const
{
    QWidget* w = m_editors.value(column);
    if (auto* combo = qobject_cast<KeyComboBox*>(w))
        return combo->currentKey();
    if (auto* check = qobject_cast<QCheckBox*>(w))
        return check->isChecked();
    if (auto* date = qobject_cast<OptionalDateEdit*>(w))
        return date->optionalDate();
    if (auto* line = qobject_cast<QLineEdit*>(w))
        return line->text();
    if (auto* area = qobject_cast<QPlainTextEdit*>(w))
        return area->toPlainText();
    return QVariant();
}

void EntryFormBinder::commitIfChanged(int column)
{
    if (m_refreshing)
        return;
    const QVariant now = editorValue(column);
    const QVariant stored = m_model->value(column);
    const bool same = m_model->fieldType(column) == RecordEntryModel::FieldType::Flag
                          ? now.toBool() == stored.toBool()
                          : now.toString() == stored.toString();
    if (!same)
        m_model->setData(m_model->index(0, column), now, RecordEntryModel::ValueRole);
}

void EntryFormBinder::refreshChoices()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        auto* combo = qobject_cast<KeyComboBox*>(it.value());
        if (!combo)
            continue;
        if (!m_fixedChoices.contains(it.key()))
            combo->setChoices(optionsOf(it.key()));
        const QString key = m_model->value(it.key()).toString();
        if (combo->currentKey() != key || (key.isEmpty() && combo->findData(key) < 0))
            combo->setCurrentIndex(combo->findData(key));
    }
    m_refreshing = false;
}

void EntryFormBinder::showError(int column, const QString& error)
{
    QLabel* label = m_errors.value(column);
    if (!label)
        return;
    label->setText(error);
    label->setVisible(!error.isEmpty());
    if (QWidget* editor = m_editors.value(column))
        editor->setAccessibleDescription(error);
    emit fieldErrorShown(column, error);
}

void EntryFormBinder::commitAll()
{
    m_mapper->submit();
}

QWidget* EntryFormBinder::firstEditorWithError() const
{
    for (int column : m_order) {
        if (!m_model->fieldError(column).isEmpty())
            return m_editors.value(column);
    }
    return nullptr;
}

void EntryFormBinder::reload()
{
    m_refreshing = true;
    m_mapper->toFirst();
    m_refreshing = false;
    refreshChoices();
    for (int column : std::as_const(m_order))
        showError(column, m_model->fieldError(column));
}
