#include "SubjectEntryForm.h"

#include "EntryFields.h"
#include "EntryFormBinder.h"
#include "EntryFormFooter.h"
#include "SupervisorOverrideDialog.h"

#include "itemmodels/SubjectEntryModel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SubjectEntryForm::SubjectEntryForm(const Session& session, const PolicyRegistry& policies, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SubjectEntryModel(session, this))
{
    setObjectName(QStringLiteral("subjectEntryForm"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A person or organisation that is not on the platform yet. It is kept here as a local "
                                "subject and sent to the platform, which confirms it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* box = new QGroupBox(tr("New Subject"), this);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_binder = new EntryFormBinder(m_model, box);
    using C = SubjectEntryModel;
    m_binder->addField(form, C::KindColumn, tr("&Kind of subject:"));
    m_binder->addField(form, C::IdentifierColumn, tr("&Identifier:"));

    m_override = new QPushButton(tr("Supervisor &Override…"), box);
    m_override->setObjectName(QStringLiteral("overrideButton"));
    m_override->setEnabled(false);
    m_override->setToolTip(tr("For a real identifier that fails only its check character: a supervisor signs it."));
    auto* overrideRow = new QHBoxLayout;
    overrideRow->addWidget(m_override);
    overrideRow->addStretch(1);
    form->addRow(QString(), overrideRow);
    m_binder->addField(form, C::IdentifierOverrideColumn, tr("Override:"));
    if (auto* summary = qobject_cast<QLineEdit*>(m_binder->editor(C::IdentifierOverrideColumn))) {
        summary->setReadOnly(true);
        summary->setFocusPolicy(Qt::NoFocus);
        summary->setPlaceholderText(tr("(none)"));
    }

    m_binder->addField(form, C::NameColumn, tr("&Name:"));
    m_binder->addField(form, C::LegalRepresentativeColumn, tr("&Legal representative:"));
    m_binder->addField(form, C::RegisteredAddressColumn, tr("Registered &address:"));
    m_binder->addField(form, C::EstablishedOnColumn, tr("&Established or born on:"));
    // The industry is a field key of the policy in force, offered as a list, so the model stores the key.
    QList<QPair<QString, QString>> fields;
    if (const PolicyProfilePtr profile = policies.profileOn(QDate::currentDate())) {
        const QVector<PolicyTerm> terms = profile->catalogue(PolicyProfile::Catalogue::Field);
        for (const PolicyTerm& term : terms)
            fields.append({term.key, term.label()});
    }
    m_binder->addField(form, C::IndustryColumn, tr("Ind&ustry:"), EntryFormBinder::Editor::Default, fields);
    m_binder->addField(form, C::DistrictColumn, tr("&District:"));
    m_binder->addField(form, C::StatusColumn, tr("Registration s&tatus:"));
    m_binder->addField(form, C::BasisColumn, tr("Ente&red from:"));
    if (auto* basis = qobject_cast<QLineEdit*>(m_binder->editor(C::BasisColumn)))
        basis->setPlaceholderText(tr("The document the subject was entered from, e.g. a registration certificate"));
    layout->addWidget(box);
    layout->addStretch(1);

    m_open = new QPushButton(tr("Open This Subject"), this);
    m_open->setObjectName(QStringLiteral("openButton"));
    m_open->setVisible(false);
    m_footer = new EntryFormFooter(this, layout, tr("Save Subject"), {m_open});

    connect(m_footer, &EntryFormFooter::saveRequested, this, &SubjectEntryForm::save);
    connect(m_footer, &EntryFormFooter::clearRequested, this, &SubjectEntryForm::clear);
    connect(m_override, &QPushButton::clicked, this, &SubjectEntryForm::askOverride);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_savedSubjectId > 0)
            emit openRequested(m_savedSubjectId, m_savedCaption);
    });
    connect(m_model, &RecordEntryModel::fieldErrorChanged, this, &SubjectEntryForm::updateOverrideButton);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SubjectEntryForm::updateOverrideButton);

    setFocusProxy(m_binder->editor(C::KindColumn));
    updateOverrideButton();
}

void SubjectEntryForm::updateOverrideButton()
{
    const IdentifierCheck check = m_model->identifierCheck();
    m_override->setEnabled(!m_model->hasIdentifierOverride() && check.isChecksumFailure());
}

void SubjectEntryForm::askOverride()
{
    if (m_overrideDialog)
        return;
    m_binder->commitAll();
    const IdentifierCheck check = m_model->identifierCheck();
    if (!check.isChecksumFailure())
        return;
    m_overrideDialog = new SupervisorOverrideDialog(m_session, check, window());
    m_overrideDialog->setObjectName(QStringLiteral("supervisorOverrideDialog"));
    m_overrideDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_overrideDialog, &QDialog::accepted, this, [this, dialog = m_overrideDialog] {
        if (!dialog)
            return;
        m_model->setIdentifierOverride(dialog->identifierOverride());
        m_footer->showStatus(tr("Identifier accepted on %1's override.").arg(dialog->identifierOverride().supervisor),
                             false);
        if (QWidget* name = m_binder->editor(SubjectEntryModel::NameColumn))
            name->setFocus();
    });
    m_overrideDialog->open();
}

bool SubjectEntryForm::save()
{
    m_binder->commitAll();
    QString error;
    if (!m_model->save(&error)) {
        m_footer->showNotSaved(error, m_binder);
        return false;
    }
    const Subject entered = m_model->draft();
    m_savedSubjectId = m_model->lastSubjectId();
    m_savedCaption = QStringLiteral("%1 %2").arg(
        entered.name, displayIdentifier(entered.identifier, identifierDisplayFor(m_session.role)));
    m_footer->showStatus(tr("Saved %1 as a local subject (entry %2, awaiting the platform).")
                             .arg(entered.name)
                             .arg(m_model->lastSubmissionId()),
                         false);
    emit saved(m_savedSubjectId, m_model->lastSubmissionId());
    m_model->revert();
    m_model->clearIdentifierOverride();
    m_open->setVisible(true);
    m_open->setFocus();
    return true;
}

void SubjectEntryForm::clear()
{
    m_model->revert();
    m_model->clearIdentifierOverride();
    m_footer->clearStatus();
    m_open->setVisible(false);
    if (QWidget* first = m_binder->editor(SubjectEntryModel::KindColumn))
        first->setFocus();
}
