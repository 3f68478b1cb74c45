#pragma once

#include "domain/PolicyRegistry.h"
#include "records/RecordTypes.h"
#include "reports/ReportRepository.h"
#include "storage/Session.h"

#include <QDialog>

class KeyComboBox;
class OptionalDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QWidget;

// Asks for a report about the subject at the window: the kind (public, or special for a period and fields), and the
// basis first, "no basis, no report": the subject itself or its legal representative (identity document, its number
// and how it was checked), a third party with the subject's written authorisation (scanned, with its validity), or a
// government agency (its document and one of the six purposes). The basis decides the disclosure mode. Refusals
// (ReportBases::problems) show in errorLabel with the focus on the first field to fix; on acceptance the report is
// issued (stored and audited) and reportIssued() carries it.
//
// Keyboard: every field has a mnemonic; Enter issues, Escape cancels. Object names for tests: kindCombo, basisCombo,
// capacityCombo, applicantEdit, documentCombo, documentNumberEdit, verifiedByCombo, authorisationRefEdit,
// validFromEdit, validUntilEdit, scanButton, scanLabel, agencyEdit, agencyDocumentEdit, purposeCombo,
// purposeRuleEdit, fromEdit, toEdit, fieldsList, errorLabel, issueButton.
class ReportRequestDialog : public QDialog
{
    Q_OBJECT
public:
    ReportRequestDialog(const Session& session, const PolicyRegistry& policies, const Subject& subject, const QDate& on,
                        QWidget* parent = nullptr);

    // The request as the form stands (scan included).
    ReportRequest request() const;
    // Attaches the scanned authorisation from a file (the Scan button asks for it); false with errorLabel set when
    // it cannot be read.
    bool attachAuthorisation(const QString& path);

public slots:
    void accept() override;

signals:
    void reportIssued(const IssuedReport& report);

private:
    void showError(const QString& text, QWidget* focus);

    Session m_session;
    PolicyRegistry m_policies; // a copy: the dialog may outlive the caller's registry
    Subject m_subject;
    QDate m_on;
    KeyComboBox* m_kind = nullptr;
    KeyComboBox* m_basis = nullptr;
    QStackedWidget* m_pages = nullptr;
    KeyComboBox* m_capacity = nullptr;
    QLineEdit* m_applicant = nullptr;
    KeyComboBox* m_document = nullptr;
    QLineEdit* m_documentNumber = nullptr;
    KeyComboBox* m_verifiedBy = nullptr;
    QWidget* m_authorisationBox = nullptr;
    QLineEdit* m_authorisationRef = nullptr;
    OptionalDateEdit* m_validFrom = nullptr;
    OptionalDateEdit* m_validUntil = nullptr;
    QPushButton* m_scanButton = nullptr;
    QLabel* m_scanLabel = nullptr;
    QByteArray m_scan;
    QString m_scanFileName;
    QString m_scanMimeType;
    QLineEdit* m_agency = nullptr;
    QLineEdit* m_agencyDocument = nullptr;
    KeyComboBox* m_purpose = nullptr;
    QLineEdit* m_purposeRule = nullptr;
    QWidget* m_specialBox = nullptr;
    OptionalDateEdit* m_from = nullptr;
    OptionalDateEdit* m_to = nullptr;
    QListWidget* m_fields = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_issue = nullptr;
};
