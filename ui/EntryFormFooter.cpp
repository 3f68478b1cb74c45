#include "EntryFormFooter.h"

#include "EntryFormBinder.h"

#include <QBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>

EntryFormFooter::EntryFormFooter(QWidget* form, QBoxLayout* layout, const QString& saveText,
                                 const QList<QPushButton*>& leading)
    : QObject(form)
{
    m_status = new QLabel(form);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton* button : leading)
        buttons->addWidget(button);
    m_clear = new QPushButton(tr("Clear Form"), form);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_save = new QPushButton(saveText, form);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setToolTip(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText));
    buttons->addWidget(m_clear);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &EntryFormFooter::saveRequested);
    connect(m_clear, &QPushButton::clicked, this, &EntryFormFooter::clearRequested);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, form);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &EntryFormFooter::saveRequested);
}

void EntryFormFooter::showStatus(const QString& text, bool problem)
{
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #1b5e20;"));
    m_status->setText(text);
}

void EntryFormFooter::clearStatus()
{
    m_status->clear();
}

void EntryFormFooter::showNotSaved(const QString& error, const EntryFormBinder* binder)
{
    showStatus(tr("Not saved: %1").arg(error), true);
    if (QWidget* field = binder->firstEditorWithError())
        field->setFocus();
}
