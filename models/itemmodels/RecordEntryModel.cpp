#include "RecordEntryModel.h"

RecordEntryModel::RecordEntryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RecordEntryModel::setFields(const QList<Field>& fields)
{
    beginResetModel();
    m_fields = fields;
    m_values.clear();
    for (const Field& field : m_fields)
        m_values.append(field.initial);
    m_touched.clear();
    m_showAll = false;
    endResetModel();
}

int RecordEntryModel::column(const QString& fieldKey) const
{
    for (int i = 0; i < m_fields.size(); ++i) {
        if (m_fields.at(i).key == fieldKey)
            return i;
    }
    return -1;
}

QString RecordEntryModel::fieldKey(int column) const
{
    return column >= 0 && column < m_fields.size() ? m_fields.at(column).key : QString();
}

QString RecordEntryModel::fieldLabel(int column) const
{
    return column >= 0 && column < m_fields.size() ? m_fields.at(column).label : QString();
}

RecordEntryModel::FieldType RecordEntryModel::fieldType(int column) const
{
    return column >= 0 && column < m_fields.size() ? m_fields.at(column).type : FieldType::Text;
}

bool RecordEntryModel::isRequired(int column) const
{
    return column >= 0 && column < m_fields.size() && m_fields.at(column).required;
}

QList<RecordEntryModel::Option> RecordEntryModel::options(int /*column*/) const
{
    return {};
}

QVariant RecordEntryModel::value(int column) const
{
    return m_values.value(column);
}

bool RecordEntryModel::setValue(int column, const QVariant& value)
{
    return setData(index(0, column), value, ValueRole);
}

QString RecordEntryModel::fieldError(int column) const
{
    if (!m_showAll && !m_touched.contains(column))
        return QString();
    return m_errors.value(column);
}

QMap<int, QString> RecordEntryModel::fieldErrors() const
{
    QMap<int, QString> shown;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        if (m_showAll || m_touched.contains(it.key()))
            shown.insert(it.key(), it.value());
    }
    return shown;
}

bool RecordEntryModel::submit()
{
    showAllErrors();
    return isValid();
}

void RecordEntryModel::revert()
{
    beginResetModel();
    for (int i = 0; i < m_fields.size(); ++i)
        m_values[i] = m_fields.at(i).initial;
    m_touched.clear();
    m_showAll = false;
    m_errors.clear();
    endResetModel();
    revalidate();
}

void RecordEntryModel::setToday(const QDate& today)
{
    m_today = today;
    revalidate();
}

int RecordEntryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

int RecordEntryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QString RecordEntryModel::labelFor(int column, const QString& key) const
{
    const QList<Option> choices = options(column);
    for (const Option& option : choices) {
        if (option.key == key)
            return option.label;
    }
    return key;
}

QVariant RecordEntryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const int c = index.column();
    const Field& field = m_fields.at(c);
    const QVariant stored = m_values.at(c);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (field.type) {
        case FieldType::Choice:
            return labelFor(c, stored.toString());
        case FieldType::Date:
            if (role == Qt::DisplayRole)
                return stored.toDate().isValid() ? stored.toDate().toString(Qt::ISODate) : QString();
            return stored.toDate();
        case FieldType::Flag:
            return stored.toBool();
        case FieldType::Text:
            return stored.toString();
        }
        return QVariant();
    case ValueRole:
        return stored;
    case FieldErrorRole:
    case Qt::ToolTipRole:
        return fieldError(c);
    case FieldKeyRole:
        return field.key;
    case RequiredRole:
        return field.required;
    default:
        return QVariant();
    }
}

QVariant RecordEntryModel::convertIn(int column, const QVariant& value) const
{
    switch (fieldType(column)) {
    case FieldType::Choice: {
        const QString text = value.toString().trimmed();
        const QList<Option> choices = options(column);
        for (const Option& option : choices) {
            if (option.key == text || option.label == text)
                return option.key;
        }
        return text; // unknown: kept, and validation says so
    }
    case FieldType::Date:
        if (value.metaType().id() == QMetaType::QDate)
            return value.toDate();
        if (value.metaType().id() == QMetaType::QDateTime)
            return value.toDateTime().date();
        return QDate::fromString(value.toString().trimmed(), Qt::ISODate);
    case FieldType::Flag:
        return value.toBool();
    case FieldType::Text:
        return value.toString();
    }
    return value;
}

bool RecordEntryModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role != Qt::EditRole && role != ValueRole && role != Qt::DisplayRole)
        return false;
    const int c = index.column();
    const QVariant converted = convertIn(c, value);
    // Errors as shown before the edit: a field whose error was hidden until now counts as changed.
    const QMap<int, QString> shownBefore = fieldErrors();
    m_touched.insert(c);
    if (converted != m_values.at(c)) {
        m_values[c] = converted;
        emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, ValueRole});
        valueChanged(c);
    }
    revalidate(&shownBefore);
    return true;
}

Qt::ItemFlags RecordEntryModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant RecordEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return fieldLabel(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

void RecordEntryModel::storeValue(int column, const QVariant& value)
{
    if (column < 0 || column >= m_values.size())
        return;
    const QVariant converted = convertIn(column, value);
    if (converted == m_values.at(column))
        return;
    m_values[column] = converted;
    const QModelIndex i = index(0, column);
    emit dataChanged(i, i, {Qt::DisplayRole, Qt::EditRole, ValueRole});
}

void RecordEntryModel::valueChanged(int /*column*/) {}

void RecordEntryModel::touch(int column)
{
    m_touched.insert(column);
}

void RecordEntryModel::revalidate(const QMap<int, QString>* shownBefore)
{
    const QMap<int, QString> before = shownBefore ? *shownBefore : fieldErrors();
    const bool wasValid = m_errors.isEmpty();
    QMap<int, QString> errors = validate();
    for (int c = 0; c < m_fields.size(); ++c) {
        if (!m_fields.at(c).required || errors.contains(c))
            continue;
        const QVariant v = m_values.at(c);
        const bool empty =
            m_fields.at(c).type == FieldType::Date ? !v.toDate().isValid() : v.toString().trimmed().isEmpty();
        if (empty)
            errors.insert(c, tr("%1 is required.").arg(m_fields.at(c).label));
    }
    m_errors = errors;
    const QMap<int, QString> after = fieldErrors();
    for (int c = 0; c < m_fields.size(); ++c) {
        if (before.value(c) != after.value(c)) {
            const QModelIndex i = index(0, c);
            emit dataChanged(i, i, {FieldErrorRole, Qt::ToolTipRole});
            emit fieldErrorChanged(c, after.value(c));
        }
    }
    if (wasValid != m_errors.isEmpty())
        emit validityChanged(m_errors.isEmpty());
}

QString RecordEntryModel::firstError() const
{
    if (m_errors.isEmpty())
        return QString();
    return m_errors.first();
}

void RecordEntryModel::showAllErrors()
{
    if (m_showAll)
        return;
    const QMap<int, QString> before = fieldErrors();
    m_showAll = true;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        if (!before.contains(it.key())) {
            const QModelIndex i = index(0, it.key());
            emit dataChanged(i, i, {FieldErrorRole, Qt::ToolTipRole});
            emit fieldErrorChanged(it.key(), it.value());
        }
    }
}
