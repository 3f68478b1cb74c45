#include "EntryFields.h"

#include <QCalendarWidget>
#include <QKeyEvent>
#include <QLineEdit>

KeyComboBox::KeyComboBox(QWidget* parent)
    : QComboBox(parent)
{
    connect(this, &QComboBox::currentIndexChanged, this, [this] { emit currentKeyChanged(currentKey()); });
}

QString KeyComboBox::currentKey() const
{
    return currentIndex() < 0 ? QString() : currentData().toString();
}

void KeyComboBox::setCurrentKey(const QString& keyOrLabel)
{
    int i = findData(keyOrLabel);
    if (i < 0 && !keyOrLabel.isEmpty())
        i = findText(keyOrLabel, Qt::MatchExactly);
    setCurrentIndex(i);
}

bool KeyComboBox::setChoices(const QList<QPair<QString, QString>>& choices)
{
    bool same = count() == choices.size();
    for (int i = 0; same && i < count(); ++i)
        same = itemData(i).toString() == choices.at(i).first && itemText(i) == choices.at(i).second;
    if (same)
        return false;
    const QString key = currentKey();
    const bool hadSelection = currentIndex() >= 0;
    QSignalBlocker blocker(this);
    clear();
    for (const auto& choice : choices)
        addItem(choice.second, choice.first);
    setCurrentIndex(hadSelection ? findData(key) : -1);
    blocker.unblock();
    emit currentKeyChanged(currentKey());
    return true;
}

OptionalDateEdit::OptionalDateEdit(QWidget* parent)
    : QDateEdit(parent)
{
    setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    setCalendarPopup(true);
    setMinimumDate(QDate(1900, 1, 1));
    setMaximumDate(QDate(2999, 12, 31));
    setSpecialValueText(tr("(not set)"));
    setDate(minimumDate());
    connect(this, &QDateEdit::dateChanged, this, [this] { emit optionalDateChanged(optionalDate()); });
}

QDate OptionalDateEdit::optionalDate() const
{
    return isEmpty() ? QDate() : date();
}

void OptionalDateEdit::setOptionalDate(const QDate& value)
{
    setDate(value.isValid() && value > minimumDate() ? value : minimumDate());
}

bool OptionalDateEdit::focusNextPrevChild(bool next)
{
    return QWidget::focusNextPrevChild(next);
}

void OptionalDateEdit::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    const bool digit = key >= Qt::Key_0 && key <= Qt::Key_9 && !(event->modifiers() & ~Qt::KeypadModifier);
    if (isEmpty() &&
        (digit || key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown)) {
        // Start from today instead of stepping away from the "empty" minimum date.
        setDate(QDate::currentDate());
        setSelectedSection(QDateTimeEdit::YearSection);
        if (!digit) {
            event->accept();
            return;
        }
    } else if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && !isEmpty() &&
               lineEdit()->selectedText() == lineEdit()->text()) {
        clearDate();
        event->accept();
        return;
    }
    QDateEdit::keyPressEvent(event);
}
