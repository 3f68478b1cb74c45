#include "ReportRequestDialog.h"

#include "EntryFields.h"

#include "domain/Identifiers.h"
#include "domain/PolicyProfile.h"
#include "records/AttachmentStore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

QLabel* buddyLabel(const QString& text, QWidget* field, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(field);
    return label;
}

} // namespace

ReportRequestDialog::ReportRequestDialog(const Session& session, const PolicyRegistry& policies, const Subject& subject,
                                         const QDate& on, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_policies(policies)
    , m_subject(subject)
    , m_on(on)
{
    setWindowTitle(tr("Credit Report"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("Report about %1 %2. The basis comes first: it is recorded, printed on the report "
                                  "and decides what the report may show.")
                                   .arg(subject.name, Identifiers::mask(subject.identifier)),
                               this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto* top = new QFormLayout;
    m_kind = new KeyComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->setChoices({{toKey(ReportKind::Public), displayName(ReportKind::Public)},
                        {toKey(ReportKind::Special), displayName(ReportKind::Special)}});
    m_kind->setCurrentIndex(0);
    top->addRow(buddyLabel(tr("&Report:"), m_kind, this), m_kind);
    m_basis = new KeyComboBox(this);
    m_basis->setObjectName(QStringLiteral("basisCombo"));
    m_basis->setChoices({{toKey(ReportBasisKind::Self), displayName(ReportBasisKind::Self)},
                         {toKey(ReportBasisKind::Authorised), displayName(ReportBasisKind::Authorised)},
                         {toKey(ReportBasisKind::Agency), displayName(ReportBasisKind::Agency)}});
    m_basis->setCurrentIndex(0);
    top->addRow(buddyLabel(tr("&Basis:"), m_basis, this), m_basis);
    layout->addLayout(top);

    // The person at the window (self and authorised): one set of fields, shown for both.
    auto* person = new QGroupBox(tr("Applicant at the window"), this);
    person->setObjectName(QStringLiteral("applicantBox"));
    auto* personForm = new QFormLayout(person);
    m_capacity = new KeyComboBox(person);
    m_capacity->setObjectName(QStringLiteral("capacityCombo"));
    m_capacity->setChoices({{QStringLiteral("self"), tr("The subject in person")},
                            {QStringLiteral("representative"), tr("Its legal representative")}});
    m_capacity->setCurrentKey(subject.isNaturalPerson() ? QStringLiteral("self") : QStringLiteral("representative"));
    auto* capacityLabel = buddyLabel(tr("&Capacity:"), m_capacity, person);
    personForm->addRow(capacityLabel, m_capacity);
    m_applicant = new QLineEdit(person);
    m_applicant->setObjectName(QStringLiteral("applicantEdit"));
    m_applicant->setText(subject.isNaturalPerson() ? subject.name : subject.legalRepresentative);
    personForm->addRow(buddyLabel(tr("&Name:"), m_applicant, person), m_applicant);
    m_document = new KeyComboBox(person);
    m_document->setObjectName(QStringLiteral("documentCombo"));
    m_document->setChoices(ReportBases::identityDocuments());
    m_document->setCurrentIndex(0);
    personForm->addRow(buddyLabel(tr("Identity &document:"), m_document, person), m_document);
    m_documentNumber = new QLineEdit(person);
    m_documentNumber->setObjectName(QStringLiteral("documentNumberEdit"));
    m_documentNumber->setMaxLength(40);
    personForm->addRow(buddyLabel(tr("Document n&umber:"), m_documentNumber, person), m_documentNumber);
    m_verifiedBy = new KeyComboBox(person);
    m_verifiedBy->setObjectName(QStringLiteral("verifiedByCombo"));
    m_verifiedBy->setChoices(ReportBases::verificationMethods());
    m_verifiedBy->setCurrentIndex(0);
    personForm->addRow(buddyLabel(tr("&Verified by:"), m_verifiedBy, person), m_verifiedBy);

    m_authorisationBox = new QWidget(person);
    auto* authorisationForm = new QFormLayout(m_authorisationBox);
    authorisationForm->setContentsMargins(0, 0, 0, 0);
    m_authorisationRef = new QLineEdit(m_authorisationBox);
    m_authorisationRef->setObjectName(QStringLiteral("authorisationRefEdit"));
    authorisationForm->addRow(buddyLabel(tr("&Authorisation (date or number):"), m_authorisationRef, this),
                              m_authorisationRef);
    m_validFrom = new OptionalDateEdit(m_authorisationBox);
    m_validFrom->setObjectName(QStringLiteral("validFromEdit"));
    m_validUntil = new OptionalDateEdit(m_authorisationBox);
    m_validUntil->setObjectName(QStringLiteral("validUntilEdit"));
    auto* validity = new QHBoxLayout;
    validity->addWidget(m_validFrom);
    validity->addWidget(new QLabel(tr("to"), m_authorisationBox));
    validity->addWidget(m_validUntil);
    authorisationForm->addRow(buddyLabel(tr("Valid &from:"), m_validFrom, this), validity);
    m_scanButton = new QPushButton(tr("&Scan of the Authorisation…"), m_authorisationBox);
    m_scanButton->setObjectName(QStringLiteral("scanButton"));
    m_scanLabel = new QLabel(tr("No scan attached."), m_authorisationBox);
    m_scanLabel->setObjectName(QStringLiteral("scanLabel"));
    auto* scanRow = new QHBoxLayout;
    scanRow->addWidget(m_scanButton);
    scanRow->addWidget(m_scanLabel, 1);
    authorisationForm->addRow(scanRow);
    personForm->addRow(m_authorisationBox);
    connect(m_scanButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Scan of the Authorisation"), QString(),
                                                          tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"));
        if (!path.isEmpty())
            attachAuthorisation(path);
    });

    auto* agency = new QGroupBox(tr("Government agency"), this);
    agency->setObjectName(QStringLiteral("agencyBox"));
    auto* agencyForm = new QFormLayout(agency);
    m_agency = new QLineEdit(agency);
    m_agency->setObjectName(QStringLiteral("agencyEdit"));
    agencyForm->addRow(buddyLabel(tr("A&gency:"), m_agency, agency), m_agency);
    m_agencyDocument = new QLineEdit(agency);
    m_agencyDocument->setObjectName(QStringLiteral("agencyDocumentEdit"));
    agencyForm->addRow(buddyLabel(tr("Its &letter or request No.:"), m_agencyDocument, agency), m_agencyDocument);
    m_purpose = new KeyComboBox(agency);
    m_purpose->setObjectName(QStringLiteral("purposeCombo"));
    m_purpose->setChoices(ReportBases::purposes());
    m_purpose->setCurrentIndex(0);
    agencyForm->addRow(buddyLabel(tr("&Purpose:"), m_purpose, agency), m_purpose);
    m_purposeRule = new QLineEdit(agency);
    m_purposeRule->setObjectName(QStringLiteral("purposeRuleEdit"));
    m_purposeRule->setPlaceholderText(tr("For purpose (6): the rule that sets it"));
    agencyForm->addRow(buddyLabel(tr("Rule for purpose &6:"), m_purposeRule, agency), m_purposeRule);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(person);
    m_pages->addWidget(agency);
    layout->addWidget(m_pages);

    m_specialBox = new QGroupBox(tr("Special report: period and fields"), this);
    m_specialBox->setObjectName(QStringLiteral("specialBox"));
    auto* specialForm = new QFormLayout(m_specialBox);
    m_from = new OptionalDateEdit(m_specialBox);
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_from->setOptionalDate(on.addYears(-3));
    m_to = new OptionalDateEdit(m_specialBox);
    m_to->setObjectName(QStringLiteral("toEdit"));
    m_to->setOptionalDate(on);
    auto* period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), m_specialBox));
    period->addWidget(m_to);
    specialForm->addRow(buddyLabel(tr("P&eriod:"), m_from, m_specialBox), period);
    m_fields = new QListWidget(m_specialBox);
    m_fields->setObjectName(QStringLiteral("fieldsList"));
    if (const PolicyProfilePtr profile = policies.profileOn(on)) {
        for (const PolicyTerm& term : profile->catalogue(PolicyProfile::Catalogue::Field)) {
            auto* item = new QListWidgetItem(term.label(), m_fields);
            item->setData(Qt::UserRole, term.key);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_fields->setMaximumHeight(fontMetrics().height() * 7);
    specialForm->addRow(buddyLabel(tr("Fields (Space &ticks):"), m_fields, m_specialBox), m_fields);
    layout->addWidget(m_specialBox);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_issue = buttons->addButton(tr("&Issue and Preview"), QDialogButtonBox::AcceptRole);
    m_issue->setObjectName(QStringLiteral("issueButton"));
    m_issue->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportRequestDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto sync = [this, capacityLabel] {
        const QString basis = m_basis->currentKey();
        const bool agencyBasis = basis == toKey(ReportBasisKind::Agency);
        const bool selfBasis = basis == toKey(ReportBasisKind::Self);
        m_pages->setCurrentIndex(agencyBasis ? 1 : 0);
        m_capacity->setVisible(selfBasis);
        capacityLabel->setVisible(selfBasis);
        m_authorisationBox->setVisible(basis == toKey(ReportBasisKind::Authorised));
        m_specialBox->setVisible(m_kind->currentKey() == toKey(ReportKind::Special));
        m_error->setVisible(false);
        adjustSize();
    };
    connect(m_basis, &KeyComboBox::currentKeyChanged, this, sync);
    connect(m_kind, &KeyComboBox::currentKeyChanged, this, sync);
    connect(m_basis, &KeyComboBox::currentKeyChanged, this, [this](const QString& key) {
        // A third party is someone else: the subject's own name is not theirs.
        if (key == toKey(ReportBasisKind::Authorised) &&
            (m_applicant->text() == m_subject.name || m_applicant->text() == m_subject.legalRepresentative))
            m_applicant->clear();
    });
    sync();
    m_basis->setFocus();
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
}

bool ReportRequestDialog::attachAuthorisation(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("The scan %1 cannot be read: %2").arg(path, file.errorString()), m_scanButton);
        return false;
    }
    if (file.size() <= 0 || file.size() > AttachmentStore::MaximumSize) {
        showError(tr("The scan %1 is empty or larger than %2 MB.").arg(path).arg(AttachmentStore::MaximumSize >> 20),
                  m_scanButton);
        return false;
    }
    m_scan = file.readAll();
    m_scanFileName = QFileInfo(path).fileName();
    m_scanMimeType = QMimeDatabase().mimeTypeForFileNameAndData(path, m_scan).name();
    m_scanLabel->setText(tr("✓ %1 (%2 KB)").arg(m_scanFileName).arg((m_scan.size() + 1023) / 1024));
    m_error->setVisible(false);
    return true;
}

ReportRequest ReportRequestDialog::request() const
{
    ReportRequest r;
    r.subjectId = m_subject.id;
    fromKey(m_kind->currentKey(), &r.kind);
    ReportBasis& b = r.basis;
    fromKey(m_basis->currentKey(), &b.kind);
    if (b.kind == ReportBasisKind::Agency) {
        b.agency = m_agency->text().trimmed();
        b.agencyDocument = m_agencyDocument->text().trimmed();
        b.purpose = m_purpose->currentKey();
        b.purposeRule = m_purposeRule->text().trimmed();
    } else {
        if (b.kind == ReportBasisKind::Self)
            b.capacity = m_capacity->currentKey();
        b.applicantName = m_applicant->text().trimmed();
        b.documentType = m_document->currentKey();
        b.documentNumber = m_documentNumber->text().trimmed();
        b.verifiedBy = m_verifiedBy->currentKey();
        if (b.kind == ReportBasisKind::Authorised) {
            b.authorisationRef = m_authorisationRef->text().trimmed();
            b.validFrom = m_validFrom->optionalDate();
            b.validUntil = m_validUntil->optionalDate();
            b.scan = m_scan;
            b.scanFileName = m_scanFileName;
            b.scanMimeType = m_scanMimeType;
        }
    }
    if (r.kind == ReportKind::Special) {
        r.scope.from = m_from->optionalDate();
        r.scope.to = m_to->optionalDate();
        for (int i = 0; i < m_fields->count(); ++i) {
            if (m_fields->item(i)->checkState() == Qt::Checked)
                r.scope.fields << m_fields->item(i)->data(Qt::UserRole).toString();
        }
    }
    return r;
}

void ReportRequestDialog::showError(const QString& text, QWidget* focus)
{
    m_error->setText(text);
    m_error->setVisible(true);
    if (focus)
        focus->setFocus(Qt::OtherFocusReason);
}

void ReportRequestDialog::accept()
{
    const ReportRequest r = request();
    // The first thing to fix gets the focus.
    const QStringList problems = ReportBases::problems(r.basis, m_subject, m_on);
    if (!problems.isEmpty()) {
        QWidget* focus = m_basis;
        const ReportBasis& b = r.basis;
        if (b.kind == ReportBasisKind::Agency)
            focus = b.agency.isEmpty() ? m_agency : b.agencyDocument.isEmpty() ? m_agencyDocument : m_purposeRule;
        else if (b.applicantName.isEmpty())
            focus = m_applicant;
        else if (b.documentNumber.isEmpty() || b.kind == ReportBasisKind::Self)
            focus = m_documentNumber;
        else if (b.authorisationRef.isEmpty())
            focus = m_authorisationRef;
        else if (!b.validFrom.isValid() || !b.validUntil.isValid())
            focus = m_validFrom;
        else
            focus = m_scanButton;
        showError(tr("No report: %1").arg(problems.join(QLatin1Char(' '))), focus);
        return;
    }
    ReportRepository reports(m_session, m_policies);
    IssuedReport issued;
    const ReportRepository::Result result = reports.issue(r, m_on, &issued);
    if (!result.ok()) {
        showError(result.message, r.kind == ReportKind::Special ? static_cast<QWidget*>(m_fields) : m_basis);
        return;
    }
    emit reportIssued(issued);
    QDialog::accept();
}
