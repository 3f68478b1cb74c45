#include "QueryBasisDialog.h"

#include "domain/TextRules.h"

#include "EntryFields.h"

#include "reports/ReportTypes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

const QString SelfQuery = QStringLiteral("self_query");
const QString AuthorisedQuery = QStringLiteral("authorised_query");
const QString GovernmentQuery = QStringLiteral("government_query");
const QString RecordEntry = QStringLiteral("record_entry");
const QString CaseHandling = QStringLiteral("case_handling");
const QString OtherPurpose = QStringLiteral("other");

QString labelOf(const QList<QPair<QString, QString>>& table, const QString& key)
{
    for (const auto& entry : table) {
        if (entry.first == key)
            return entry.second;
    }
    return key;
}

QString detail(const QueryBasis& basis, const char* key)
{
    for (const auto& entry : basis.details) {
        if (entry.first == QLatin1String(key))
            return entry.second;
    }
    return QString();
}

KeyComboBox* comboOf(const QList<QPair<QString, QString>>& choices, QWidget* parent)
{
    auto* combo = new KeyComboBox(parent);
    combo->setChoices(choices);
    combo->setCurrentIndex(0);
    return combo;
}

} // namespace

QStringList QueryBasis::kinds()
{
    return {SelfQuery, AuthorisedQuery, GovernmentQuery, RecordEntry, CaseHandling};
}

QString QueryBasis::kindLabel(const QString& kind)
{
    if (kind == SelfQuery)
        return QueryBasisDialog::tr("Self-query (identity verified)");
    if (kind == AuthorisedQuery)
        return QueryBasisDialog::tr("Query authorised by the subject");
    if (kind == GovernmentQuery)
        return QueryBasisDialog::tr("Government agency query");
    if (kind == RecordEntry)
        return QueryBasisDialog::tr("Entering records handed over on paper");
    if (kind == CaseHandling)
        return QueryBasisDialog::tr("Handling a repair or objection case");
    return kind;
}

// The same lists as the report request's basis: one vocabulary for every recorded basis.
QList<QPair<QString, QString>> QueryBasis::governmentPurposes()
{
    return ReportBases::purposes();
}

QList<QPair<QString, QString>> QueryBasis::identityDocuments()
{
    return ReportBases::identityDocuments();
}

QList<QPair<QString, QString>> QueryBasis::verificationMethods()
{
    return ReportBases::verificationMethods();
}

QString QueryBasis::auditText() const
{
    // key=value; key=value, each value escaped (\\, \; and \=) so that typed text cannot add a field of its own.
    QStringList parts;
    for (const auto& entry : details) {
        if (entry.second.isEmpty())
            continue;
        QString value = entry.second;
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char(';'), QStringLiteral("\\;"))
            .replace(QLatin1Char('='), QStringLiteral("\\="));
        parts << entry.first + QLatin1Char('=') + value;
    }
    return parts.isEmpty() ? kind : kind + QStringLiteral(": ") + parts.join(QStringLiteral("; "));
}

QString QueryBasis::displayText() const
{
    if (kind == SelfQuery)
        return QueryBasisDialog::tr("Self-query; identity document %1, %2.")
            .arg(labelOf(identityDocuments(), detail(*this, "document")),
                 labelOf(verificationMethods(), detail(*this, "verified_by")).toLower());
    if (kind == AuthorisedQuery)
        return QueryBasisDialog::tr("Query by %1, authorised by the subject (authorisation %2).")
            .arg(detail(*this, "applicant"), detail(*this, "authorisation"));
    if (kind == GovernmentQuery) {
        const QString purpose = detail(*this, "purpose");
        const QString rule = detail(*this, "purpose_rule");
        QString text = QueryBasisDialog::tr("Query by %1 for purpose %2.")
                           .arg(detail(*this, "agency"), labelOf(governmentPurposes(), purpose));
        if (!rule.isEmpty())
            text = QueryBasisDialog::tr("Query by %1 for purpose %2 (set by %3).")
                       .arg(detail(*this, "agency"), labelOf(governmentPurposes(), purpose), rule);
        return text;
    }
    if (kind == RecordEntry)
        return QueryBasisDialog::tr("Entering records handed over with %1.").arg(detail(*this, "document"));
    if (kind == CaseHandling)
        return QueryBasisDialog::tr("Handling case %1.").arg(detail(*this, "case"));
    return auditText();
}

QueryBasisDialog::QueryBasisDialog(const QString& subjectCaption, const QStringList& kinds, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Basis of the Query"));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(tr("Why is %1 being looked up? The basis is recorded in the audit trail and printed "
                                  "on reports.")
                                   .arg(subjectCaption),
                               this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);

    auto* top = new QFormLayout;
    m_basis = new KeyComboBox(this);
    m_basis->setObjectName(QStringLiteral("basisCombo"));
    QList<QPair<QString, QString>> offered;
    for (const QString& kind : QueryBasis::kinds()) {
        if (kinds.isEmpty() || kinds.contains(kind))
            offered.append({kind, QueryBasis::kindLabel(kind)});
    }
    m_basis->setChoices(offered);
    m_basis->setCurrentIndex(0);
    auto* basisLabel = new QLabel(tr("&Basis:"), this);
    basisLabel->setBuddy(m_basis);
    top->addRow(basisLabel, m_basis);
    layout->addLayout(top);

    m_pages = new QStackedWidget(this);
    auto addPage = [this](const QString& kind) {
        auto* page = new QWidget(m_pages);
        page->setObjectName(kind + QStringLiteral("Page"));
        auto* form = new QFormLayout(page);
        form->setContentsMargins(0, 0, 0, 0);
        m_pages->addWidget(page);
        return form;
    };
    auto addRow = [this](QFormLayout* form, const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };

    QFormLayout* self = addPage(SelfQuery);
    m_document = comboOf(QueryBasis::identityDocuments(), this);
    m_document->setObjectName(QStringLiteral("documentCombo"));
    addRow(self, tr("Identity &document:"), m_document);
    m_verifiedBy = comboOf(QueryBasis::verificationMethods(), this);
    m_verifiedBy->setObjectName(QStringLiteral("verifiedByCombo"));
    addRow(self, tr("&Verified by:"), m_verifiedBy);

    QFormLayout* authorised = addPage(AuthorisedQuery);
    m_applicant = new QLineEdit(this);
    m_applicant->setObjectName(QStringLiteral("applicantEdit"));
    addRow(authorised, tr("&Applicant:"), m_applicant);
    m_authorisation = new QLineEdit(this);
    m_authorisation->setObjectName(QStringLiteral("authorisationEdit"));
    m_authorisation->setPlaceholderText(tr("Number or date of the signed authorisation"));
    addRow(authorised, tr("A&uthorisation:"), m_authorisation);

    QFormLayout* government = addPage(GovernmentQuery);
    m_agency = new QLineEdit(this);
    m_agency->setObjectName(QStringLiteral("agencyEdit"));
    addRow(government, tr("A&gency:"), m_agency);
    m_purpose = comboOf(QueryBasis::governmentPurposes(), this);
    m_purpose->setObjectName(QStringLiteral("purposeCombo"));
    m_purpose->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_purpose->setMinimumContentsLength(30);
    addRow(government, tr("&Purpose:"), m_purpose);
    m_purposeRule = new QLineEdit(this);
    m_purposeRule->setObjectName(QStringLiteral("purposeRuleEdit"));
    m_purposeRule->setPlaceholderText(tr("For purpose (6): the rule that sets the case"));
    addRow(government, tr("&Rule:"), m_purposeRule);

    QFormLayout* entry = addPage(RecordEntry);
    m_entryDocument = new QLineEdit(this);
    m_entryDocument->setObjectName(QStringLiteral("entryDocumentEdit"));
    m_entryDocument->setPlaceholderText(tr("e.g. the transfer letter's number"));
    addRow(entry, tr("Handed over &with:"), m_entryDocument);

    QFormLayout* caseForm = addPage(CaseHandling);
    m_caseNumber = new QLineEdit(this);
    m_caseNumber->setObjectName(QStringLiteral("caseNumberEdit"));
    addRow(caseForm, tr("&Case number:"), m_caseNumber);

    layout->addWidget(m_pages);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Open Subject"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QueryBasisDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto showPageOf = [this](const QString& kind) {
        const int current = qMax(0, int(QueryBasis::kinds().indexOf(kind)));
        // Only the page shown takes room: the dialog is as tall as the basis chosen needs.
        for (int i = 0; i < m_pages->count(); ++i)
            m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                              i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_pages->setCurrentIndex(current);
        m_error->setVisible(false);
        adjustSize();
    };
    connect(m_basis, &KeyComboBox::currentKeyChanged, this, showPageOf);
    showPageOf(m_basis->currentKey());
    m_basis->setFocus();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

void QueryBasisDialog::setBasisKind(const QString& kind)
{
    m_basis->setCurrentKey(kind);
}

QueryBasis QueryBasisDialog::basis() const
{
    QueryBasis b;
    b.kind = m_basis->currentKey();
    if (b.kind == SelfQuery) {
        b.details = {{QStringLiteral("document"), m_document->currentKey()},
                     {QStringLiteral("verified_by"), m_verifiedBy->currentKey()}};
    } else if (b.kind == AuthorisedQuery) {
        b.details = {{QStringLiteral("applicant"), m_applicant->text().trimmed()},
                     {QStringLiteral("authorisation"), m_authorisation->text().trimmed()}};
    } else if (b.kind == GovernmentQuery) {
        b.details = {{QStringLiteral("agency"), m_agency->text().trimmed()},
                     {QStringLiteral("purpose"), m_purpose->currentKey()},
                     {QStringLiteral("purpose_rule"), m_purposeRule->text().trimmed()}};
    } else if (b.kind == RecordEntry) {
        b.details = {{QStringLiteral("document"), m_entryDocument->text().trimmed()}};
    } else if (b.kind == CaseHandling) {
        b.details = {{QStringLiteral("case"), m_caseNumber->text().trimmed()}};
    }
    return b;
}

QString QueryBasisDialog::requiredMissing(QWidget** field) const
{
    auto missing = [field](QWidget* widget, const QString& message) {
        *field = widget;
        return message;
    };
    const QString kind = m_basis->currentKey();
    if (kind.isEmpty())
        return missing(m_basis, tr("Choose the basis of the query."));
    if (kind == AuthorisedQuery) {
        if (m_applicant->text().trimmed().isEmpty())
            return missing(m_applicant, tr("Enter who is applying on the subject's behalf."));
        if (m_authorisation->text().trimmed().isEmpty())
            return missing(m_authorisation, tr("Enter the reference of the subject's signed authorisation."));
    } else if (kind == GovernmentQuery) {
        if (m_agency->text().trimmed().isEmpty())
            return missing(m_agency, tr("Enter the agency that asks."));
        if (m_purpose->currentKey() == OtherPurpose && m_purposeRule->text().trimmed().isEmpty())
            return missing(m_purposeRule,
                           tr("For another case, enter the rule of the state, the province or the city that sets it."));
    } else if (kind == RecordEntry) {
        if (m_entryDocument->text().trimmed().isEmpty())
            return missing(m_entryDocument, tr("Enter the document the records were handed over with."));
    } else if (kind == CaseHandling) {
        if (m_caseNumber->text().trimmed().isEmpty())
            return missing(m_caseNumber, tr("Enter the case number."));
    }
    // What is typed goes into the audit trail as typed: no control characters, unreadable characters, direction
    // overrides or oversized values.
    for (const auto& [edit, label] :
         {std::pair{m_applicant, tr("The applicant")}, std::pair{m_authorisation, tr("The authorisation's reference")},
          std::pair{m_agency, tr("The agency")}, std::pair{m_purposeRule, tr("The rule")},
          std::pair{m_entryDocument, tr("The document")}, std::pair{m_caseNumber, tr("The case number")}}) {
        const QString problem = TextRules::problem(edit->text(), label, 200);
        if (!problem.isEmpty())
            return missing(edit, problem);
    }
    return QString();
}

void QueryBasisDialog::accept()
{
    QWidget* field = nullptr;
    const QString missing = requiredMissing(&field);
    if (!missing.isEmpty()) {
        m_error->setText(missing);
        m_error->setVisible(true);
        if (field)
            field->setFocus();
        return;
    }
    QDialog::accept();
}
