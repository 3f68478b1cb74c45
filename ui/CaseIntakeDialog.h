#pragma once

#include "cases/CaseRepository.h"
#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "records/RecordTypes.h"
#include "storage/Session.h"

#include <QDialog>
#include <QMap>
#include <QSet>

class ErrorLabel;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

// Taking in a credit repair application or an objection at the window, for one subject and item: who applies and
// how their identity was checked, the grounds and statement (objection), and the policy's checklist of materials,
// each ticked by attaching its scan (from a file, or from the watched scanner folder: a new file there is attached
// to the next material still missing). For a repair, the item's eligibility shows live from the policy engine and
// an ineligible item cannot be received. Missing materials do not stop the intake: the case is received and put
// into supplement (补正), its clock paused. The model (CaseRepository) checks everything again.
//
// Object names for tests: caseIntakeDialog, eligibilityLabel, capacityCombo, applicantNameEdit, applicantIdEdit,
// idCheckedCombo, groundsCombo, statementEdit, materialsTable, scannerFolderLabel, intakeError; the OK button is
// "Receive".
class CaseIntakeDialog : public QDialog
{
    Q_OBJECT

public:
    CaseIntakeDialog(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar,
                     CaseKind kind, const Subject& subject, const CreditItem& item, QWidget* parent = nullptr);

    // Attaches a file as the scan of a material (what the row's button and the scanner folder do).
    bool attachFile(const QString& materialKey, const QString& path, QString* error = nullptr);
    // Watches a folder for new scans (remembered in the settings as the scanner folder).
    void watchScannerFolder(const QString& folder);
    QString createdCase() const { return m_created.caseNo; }
    QStringList missingMaterials() const;

signals:
    void caseReceived(const QString& caseNo);

public slots:
    void accept() override;

private:
    void updateEligibility();
    void rebuildMaterials();
    void scanFolder();

    Session m_session;
    PolicyRegistry m_policies;
    WorkingCalendar m_calendar;
    CaseKind m_kind;
    Subject m_subject;
    CreditItem m_item;
    CaseRecord m_created;
    QMap<QString, MaterialScan> m_scans;
    QSet<QString> m_seenFiles;

    QLabel* m_eligibility = nullptr;
    QComboBox* m_capacity = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_id = nullptr;
    QComboBox* m_checked = nullptr;
    QComboBox* m_grounds = nullptr;
    QPlainTextEdit* m_statement = nullptr;
    QTableWidget* m_materials = nullptr;
    QPushButton* m_folderButton = nullptr;
    QLabel* m_scanner = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QString m_folder;
    ErrorLabel* m_error = nullptr;
    bool m_eligible = true;
};
