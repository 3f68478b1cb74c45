#pragma once

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QString>

// Editors of the record entry forms that QDataWidgetMapper can drive through one user property each.

// A combo box of keyed choices: each item's text is the label shown, its data the stored key. The user property
// currentKey reads the key and accepts a key or a label (the entry models give labels through Qt::EditRole and
// take either back). A key that is not among the items leaves the box empty (index -1), so an unset choice never
// looks like the first item.
class KeyComboBox : public QComboBox
{
    Q_OBJECT
    Q_PROPERTY(QString currentKey READ currentKey WRITE setCurrentKey NOTIFY currentKeyChanged USER true)
public:
    explicit KeyComboBox(QWidget* parent = nullptr);

    QString currentKey() const;
    void setCurrentKey(const QString& keyOrLabel);
    // Replaces the items (keys and labels in order) unless they are the same already; keeps the current key when
    // it is still there. Returns true when the items changed.
    bool setChoices(const QList<QPair<QString, QString>>& choices);

signals:
    void currentKeyChanged(const QString& key);
};

// A date editor that can be empty. Empty is shown as specialValueText (the minimum date stands for it, which no
// decision or birth date can be). A digit typed into an empty editor starts from today with the year selected,
// so a clerk types 20250301 and has 2025-03-01; Up/Down start from today too; Delete with everything selected
// empties it again.
class OptionalDateEdit : public QDateEdit
{
    Q_OBJECT
    Q_PROPERTY(QDate optionalDate READ optionalDate WRITE setOptionalDate NOTIFY optionalDateChanged USER true)
public:
    explicit OptionalDateEdit(QWidget* parent = nullptr);

    QDate optionalDate() const;
    void setOptionalDate(const QDate& date);
    bool isEmpty() const { return date() == minimumDate(); }
    void clearDate() { setOptionalDate(QDate()); }

signals:
    void optionalDateChanged(const QDate& date);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    // Tab leaves the field (QDateEdit would step through year, month and day first, and stays put on "(not set)"):
    // the sections are typed through, or reached with the arrow keys.
    bool focusNextPrevChild(bool next) override;
};
