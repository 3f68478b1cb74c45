#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class KeyComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

// The recorded basis of a query (every query of a subject's credit information has one, DOMAIN.md "Public credit
// reports" and "Information security"). kind is a stable key; details are stable keys or what the clerk typed.
struct QueryBasis
{
    // self_query (identity verified), authorised_query (the subject's written authorisation), government_query
    // (an agency, for one of the six purposes), record_entry (a record handed over on paper), case_handling
    // (a repair or objection case).
    QString kind;
    QList<QPair<QString, QString>> details; // in order, e.g. {"document", "resident_id_card"}

    bool isValid() const { return !kind.isEmpty(); }
    // What the audit trail records: "self_query: document=resident_id_card; verified_by=card_reader". Stable keys,
    // so the trail reads the same whatever the interface language was.
    QString auditText() const;
    // A translated sentence for the screen.
    QString displayText() const;

    static QStringList kinds();
    static QString kindLabel(const QString& kind);
    // The six purposes of a government agency's query, and the labels of keys used in details.
    static QList<QPair<QString, QString>> governmentPurposes();
    static QList<QPair<QString, QString>> identityDocuments();
    static QList<QPair<QString, QString>> verificationMethods();
};

// Asks, before a subject is opened, why: keyboard first (the basis combo has the focus, Tab walks the fields of the
// chosen basis, Enter accepts, Escape cancels). A basis whose required fields are empty is refused in errorLabel
// and the focus moves to the first of them.
//
// Object names for tests: basisCombo, documentCombo, verifiedByCombo, authorisationEdit, applicantEdit,
// agencyEdit, purposeCombo, purposeRuleEdit, entryDocumentEdit, caseNumberEdit, errorLabel, buttonBox.
class QueryBasisDialog : public QDialog
{
    Q_OBJECT
public:
    // subjectCaption names the subject ("厦门某某有限公司 91350200MA2Y00001N") in the dialog's heading. kinds limits
    // the bases offered (empty = all).
    explicit QueryBasisDialog(const QString& subjectCaption, const QStringList& kinds = {}, QWidget* parent = nullptr);

    QueryBasis basis() const;
    void setBasisKind(const QString& kind);

public slots:
    void accept() override;

private:
    // The first required answer missing (and its field), empty when complete.
    QString requiredMissing(QWidget** field) const;

    KeyComboBox* m_basis = nullptr;
    QStackedWidget* m_pages = nullptr;
    KeyComboBox* m_document = nullptr;
    KeyComboBox* m_verifiedBy = nullptr;
    QLineEdit* m_authorisation = nullptr;
    QLineEdit* m_applicant = nullptr;
    QLineEdit* m_agency = nullptr;
    KeyComboBox* m_purpose = nullptr;
    QLineEdit* m_purposeRule = nullptr;
    QLineEdit* m_entryDocument = nullptr;
    QLineEdit* m_caseNumber = nullptr;
    QLabel* m_error = nullptr;
};
