#include "RecordEntryForm.h"

#include "EntryFormBinder.h"
#include "EntryFormFooter.h"
#include "UiFonts.h"

#include "itemmodels/CreditItemEntryModel.h"
#include "records/RecordSubmissionRepository.h"

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

RecordEntryForm::RecordEntryForm(const Session& session, const PolicyRegistry& policies, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CreditItemEntryModel(session, policies, this))
{
    setObjectName(QStringLiteral("recordEntryForm"));
    auto* layout = new QVBoxLayout(this);

    m_subjectLabel = new QLabel(this);
    m_subjectLabel->setObjectName(QStringLiteral("subjectLabel"));
    m_subjectLabel->setTextFormat(Qt::PlainText);
    m_subjectLabel->setWordWrap(true);
    UiFonts::relative(m_subjectLabel, 1.2, true);
    layout->addWidget(m_subjectLabel);

    // No scroll area: the two columns need about 760 x 510 pixels, which a 1366 x 768 screen has, and a scroll
    // area's height-for-width handling of the wrapped error labels made it scroll sideways.
    m_fields = new QWidget(this);
    layout->addWidget(m_fields, 1);

    m_binder = new EntryFormBinder(m_model, m_fields);
    using C = CreditItemEntryModel;
    auto* columns = new QHBoxLayout(m_fields);
    columns->setContentsMargins(0, 0, 0, 0);

    auto* itemBox = new QGroupBox(tr("Item"), m_fields);
    auto* item = new QFormLayout(itemBox);
    item->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_binder->addField(item, C::CategoryColumn, tr("&Category:"));
    m_binder->addField(item, C::ItemTypeColumn, tr("Item &type:"));
    m_binder->addField(item, C::SeverityColumn, tr("Severit&y:"));
    m_binder->addField(item, C::ListKindColumn, tr("&List:"));
    m_binder->addField(item, C::FieldColumn, tr("&Industry or field:"));
    m_binder->addField(item, C::PenaltyKindColumn, tr("Penalty &kind:"));
    m_binder->addField(item, C::CauseColumn, tr("Ca&use:"));
    m_binder->addField(item, C::SourceDepartmentColumn, tr("Source de&partment:"));
    m_binder->addField(item, C::LegalDocumentNumberColumn, tr("Legal document &number:"));
    m_binder->addField(item, C::DecisionDateColumn, tr("Decision &date:"));
    m_binder->addField(item, C::DisclosureModeColumn, tr("Disclosure &mode:"));
    m_binder->addField(item, C::TitleColumn, tr("Titl&e:"));
    m_binder->addField(item, C::ContentColumn, tr("C&ontent:"), EntryFormBinder::Editor::TextArea);
    columns->addWidget(itemBox, 3);

    auto* right = new QVBoxLayout;
    auto* checkBox = new QGroupBox(tr("Collection rules"), m_fields);
    auto* checks = new QFormLayout(checkBox);
    checks->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* checksHint = new QLabel(tr("Personal data of a natural person the item would record, and the "
                                     "circumstances of a penalty that decide whether it may be collected."),
                                  checkBox);
    checksHint->setWordWrap(true);
    checks->addRow(checksHint);
    m_binder->addField(checks, C::PersonalDataColumn, tr("Personal dat&a recorded:"));
    QWidget* consent = m_binder->addField(checks, C::ConsentRecordedColumn, tr("Written con&sent recorded"));
    consent->setToolTip(tr("The person consented in writing after being told the adverse consequences."));
    m_binder->addField(checks, C::ConsentReferenceColumn, tr("Consent form &reference:"));
    m_binder->addField(checks, C::SimplifiedProcedureColumn, tr("Penalty under the simplified procedure"));
    m_binder->addField(checks, C::MinorViolationColumn, tr("Minor violation"));
    m_binder->addField(checks, C::ActivelyRemediedColumn, tr("Harm actively eliminated or miti&gated"));
    m_binder->addField(checks, C::OverridingLegalBasisColumn, tr("Legal &basis requiring collection:"));
    right->addWidget(checkBox);

    auto* paperBox = new QGroupBox(tr("Paper"), m_fields);
    auto* paper = new QFormLayout(paperBox);
    paper->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_binder->addField(paper, C::BasisColumn, tr("Handed over &with:"));
    right->addWidget(paperBox);
    right->addStretch(1);
    columns->addLayout(right, 2);

    auto* backButton = new QPushButton(tr("Back to Subject"), this);
    backButton->setObjectName(QStringLiteral("backButton"));
    backButton->setToolTip(QKeySequence(QKeySequence::Back).toString(QKeySequence::NativeText));
    m_footer = new EntryFormFooter(this, layout, tr("Save Entry"), {backButton});

    connect(m_footer, &EntryFormFooter::saveRequested, this, &RecordEntryForm::save);
    connect(m_footer, &EntryFormFooter::clearRequested, this, &RecordEntryForm::clear);
    auto back = [this] {
        if (m_backAction)
            m_backAction->trigger();
    };
    connect(backButton, &QPushButton::clicked, this, back);
    auto* backShortcut = new QShortcut(QKeySequence::Back, this);
    backShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backShortcut, &QShortcut::activated, this, back);

    setFocusProxy(m_binder->editor(C::CategoryColumn));
    setSubject(Subject());
}

void RecordEntryForm::setSubject(const Subject& subject)
{
    const bool other = subject.id != m_subject.id;
    m_subject = subject;
    if (other) {
        m_model->revert();
        m_footer->clearStatus();
    }
    m_model->setSubject(subject);
    const bool open = subject.id > 0;
    m_fields->setEnabled(open);
    m_footer->saveButton()->setEnabled(open);
    m_footer->clearButton()->setEnabled(open);
    if (!open) {
        m_subjectLabel->setText(tr("Open the subject the paper is about first: find it, then choose \"Enter a "
                                   "Record for This Subject\"."));
        return;
    }
    const QString identifier = displayIdentifier(subject.identifier, identifierDisplayFor(m_session.role));
    m_subjectLabel->setText(tr("New item for %1 (%2, %3)").arg(subject.name, identifier, displayName(subject.kind)));
}

bool RecordEntryForm::save()
{
    if (m_subject.id <= 0) {
        m_footer->showStatus(tr("Open the subject the item is for first."), true);
        return false;
    }
    m_binder->commitAll();
    QString error;
    if (!m_model->save(&error)) {
        m_footer->showNotSaved(error, m_binder);
        return false;
    }
    const qint64 id = m_model->lastSubmissionId();
    RecordSubmission stored;
    QString readError;
    const QString status = RecordSubmissionRepository(m_session.database()).findById(id, &stored, &readError)
                               ? displayName(stored.status)
                               : displayName(SubmissionStatus::Pending);
    m_footer->showStatus(tr("Saved as local entry %1 (%2): it awaits the platform and becomes a credit item when the "
                            "platform accepts it.")
                             .arg(id)
                             .arg(status),
                         false);
    // The next item usually comes with the same paper: keep it.
    const QVariant paper = m_model->value(CreditItemEntryModel::BasisColumn);
    m_model->revert();
    m_model->setValue(CreditItemEntryModel::BasisColumn, paper);
    emit saved(m_subject.id, id);
    if (QWidget* first = m_binder->editor(CreditItemEntryModel::CategoryColumn))
        first->setFocus();
    return true;
}

void RecordEntryForm::clear()
{
    m_model->revert();
    m_footer->clearStatus();
    if (QWidget* first = m_binder->editor(CreditItemEntryModel::CategoryColumn))
        first->setFocus();
}
