#include "CaseIntakeDialog.h"

#include "ErrorLabel.h"

#include "domain/Identifiers.h"
#include "domain/PolicyProfile.h"
#include "domain/RepairEligibility.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
const char* const ScannerFolderKey = "cases/scannerFolder";
}

CaseIntakeDialog::CaseIntakeDialog(const Session& session, const PolicyRegistry& policies,
                                   const WorkingCalendar& calendar, CaseKind kind, const Subject& subject,
                                   const CreditItem& item, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_policies(policies)
    , m_calendar(calendar)
    , m_kind(kind)
    , m_subject(subject)
    , m_item(item)
{
    setObjectName(QStringLiteral("caseIntakeDialog"));
    setWindowTitle(kind == CaseKind::Repair ? tr("Credit Repair Application") : tr("Objection"));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(tr("%1 (%2)\nItem %3: %4, decided %5")
                                   .arg(subject.name, Identifiers::mask(subject.identifier))
                                   .arg(item.id)
                                   .arg(item.title, item.decisionDate.toString(Qt::ISODate)),
                               this);
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    m_eligibility = new QLabel(this);
    m_eligibility->setObjectName(QStringLiteral("eligibilityLabel"));
    m_eligibility->setWordWrap(true);
    layout->addWidget(m_eligibility);

    auto* form = new QFormLayout;
    m_capacity = new QComboBox(this);
    m_capacity->setObjectName(QStringLiteral("capacityCombo"));
    m_capacity->addItem(tr("The subject in person"), QStringLiteral("self"));
    m_capacity->addItem(tr("Its legal representative"), QStringLiteral("representative"));
    m_capacity->addItem(tr("An agent with a power of attorney"), QStringLiteral("agent"));
    if (subject.kind != SubjectKind::NaturalPerson)
        m_capacity->setCurrentIndex(1);
    form->addRow(tr("&Applicant is:"), m_capacity);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("applicantNameEdit"));
    if (subject.kind == SubjectKind::NaturalPerson)
        m_name->setText(subject.name);
    else
        m_name->setText(subject.legalRepresentative);
    form->addRow(tr("Applicant's &name:"), m_name);
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("applicantIdEdit"));
    m_id->setPlaceholderText(tr("Resident ID number (an ID card reader types it here)"));
    form->addRow(tr("Applicant's &ID number:"), m_id);
    m_checked = new QComboBox(this);
    m_checked->setObjectName(QStringLiteral("idCheckedCombo"));
    m_checked->addItem(tr("ID card reader"), QStringLiteral("reader"));
    m_checked->addItem(tr("Checked by sight against the holder"), QStringLiteral("visual"));
    m_checked->addItem(tr("Online identity verification"), QStringLiteral("online"));
    form->addRow(tr("Identity &checked by:"), m_checked);
    if (kind == CaseKind::Objection) {
        m_grounds = new QComboBox(this);
        m_grounds->setObjectName(QStringLiteral("groundsCombo"));
        for (const QString& key : ObjectionGrounds::keys())
            m_grounds->addItem(ObjectionGrounds::displayName(key), key);
        form->addRow(tr("&Grounds:"), m_grounds);
    }
    m_statement = new QPlainTextEdit(this);
    m_statement->setObjectName(QStringLiteral("statementEdit"));
    m_statement->setTabChangesFocus(true);
    m_statement->setMaximumHeight(80);
    m_statement->setPlaceholderText(kind == CaseKind::Objection ? tr("What is wrong, and why (required)")
                                                                : tr("The applicant's statement (optional)"));
    form->addRow(tr("&Statement:"), m_statement);
    layout->addLayout(form);

    layout->addWidget(new QLabel(tr("Materials (attach each scan; missing ones put the case into supplement):"), this));
    m_materials = new QTableWidget(0, 3, this);
    m_materials->setObjectName(QStringLiteral("materialsTable"));
    m_materials->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_materials->setHorizontalHeaderLabels({tr("Material"), tr("Scan"), QString()});
    m_materials->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_materials->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_materials->verticalHeader()->hide();
    m_materials->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_materials, 1);

    auto* scannerRow = new QHBoxLayout;
    m_scanner = new QLabel(this);
    m_scanner->setObjectName(QStringLiteral("scannerFolderLabel"));
    m_scanner->setWordWrap(true);
    auto* chooseFolder = new QPushButton(tr("Scanner &Folder…"), this);
    m_folderButton = chooseFolder;
    scannerRow->addWidget(m_scanner, 1);
    scannerRow->addWidget(chooseFolder);
    layout->addLayout(scannerRow);

    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("intakeError"));
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Receive"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("receiveButton"));
    layout->addWidget(buttons);

    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &CaseIntakeDialog::scanFolder);
    connect(chooseFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Scanner Folder"), m_folder);
        if (!folder.isEmpty())
            watchScannerFolder(folder);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &CaseIntakeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CaseIntakeDialog::reject);
    connect(m_capacity, &QComboBox::currentIndexChanged, this, &CaseIntakeDialog::rebuildMaterials);

    rebuildMaterials();
    updateEligibility();
    const QString folder = QSettings().value(QLatin1String(ScannerFolderKey)).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        watchScannerFolder(folder);
    else
        m_scanner->setText(tr("No scanner folder is watched: attach scans from files."));
    resize(720, 640);
    m_id->setFocus();
}

void CaseIntakeDialog::updateEligibility()
{
    if (m_kind != CaseKind::Repair) {
        m_eligibility->setText(tr("From the moment the objection is received, the item shows as under objection "
                                  "(异议处理中). Decision due within 6 working days."));
        return;
    }
    const RepairEligibility e = RepairRules::assess(m_item.facts(m_subject.kind), QDate::currentDate(), m_policies);
    m_eligible = e.eligible();
    const QString colour = m_eligible ? QStringLiteral("#1e6b33") : QStringLiteral("#b3261e");
    QString text;
    switch (e.code) {
    case RepairEligibilityCode::Eligible:
        text = tr("Eligible for credit repair. %1").arg(e.reason);
        break;
    case RepairEligibilityCode::NotYet:
        text =
            tr("Not yet: an application is accepted from %1. %2").arg(e.earliestDate.toString(Qt::ISODate), e.reason);
        break;
    case RepairEligibilityCode::Never:
        text = tr("Never repairable: %1").arg(e.reason);
        break;
    default:
        text = e.reason;
        break;
    }
    m_eligibility->setText(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text.toHtmlEscaped()));
}

void CaseIntakeDialog::rebuildMaterials()
{
    m_materials->setRowCount(0);
    const PolicyProfilePtr profile = m_policies.profileOn(QDate::currentDate());
    if (!profile)
        return;
    const bool agent = m_capacity->currentData().toString() == QLatin1String("agent");
    for (const PolicyMaterial& material : profile->materials(m_kind, agent)) {
        const int row = m_materials->rowCount();
        m_materials->insertRow(row);
        auto* label = new QTableWidgetItem(material.term.label());
        label->setData(Qt::UserRole, material.term.key);
        m_materials->setItem(row, 0, label);
        const auto scan = m_scans.constFind(material.term.key);
        m_materials->setItem(
            row, 1, new QTableWidgetItem(scan == m_scans.constEnd() ? tr("missing") : tr("✓ %1").arg(scan->fileName)));
        auto* attach = new QPushButton(tr("Attach…"), m_materials);
        attach->setObjectName(QStringLiteral("attach_") + material.term.key);
        const QString key = material.term.key;
        connect(attach, &QPushButton::clicked, this, [this, key] {
            const QString path = QFileDialog::getOpenFileName(this, tr("Scan of the Material"), m_folder,
                                                              tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"));
            QString error;
            if (!path.isEmpty() && !attachFile(key, path, &error))
                m_error->showMessage(error);
        });
        m_materials->setCellWidget(row, 2, attach);
    }
    // Tab: the table, each row's Attach in order, then the scanner folder and the buttons (the Attach buttons are
    // made after them, and would come last).
    QWidget* previous = m_materials;
    for (int row = 0; row < m_materials->rowCount(); ++row) {
        if (QWidget* attach = m_materials->cellWidget(row, 2)) {
            QWidget::setTabOrder(previous, attach);
            previous = attach;
        }
    }
    if (m_folderButton)
        QWidget::setTabOrder(previous, m_folderButton);
}

QStringList CaseIntakeDialog::missingMaterials() const
{
    QStringList missing;
    for (int row = 0; row < m_materials->rowCount(); ++row) {
        const QString key = m_materials->item(row, 0)->data(Qt::UserRole).toString();
        if (!m_scans.contains(key))
            missing << key;
    }
    return missing;
}

bool CaseIntakeDialog::attachFile(const QString& materialKey, const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The scan %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    static const QMimeDatabase mimes;
    MaterialScan scan;
    scan.key = materialKey;
    scan.bytes = file.readAll();
    scan.fileName = QFileInfo(path).fileName();
    scan.mimeType = mimes.mimeTypeForFileNameAndData(path, scan.bytes).name();
    if (scan.bytes.isEmpty()) {
        if (error)
            *error = tr("The scan %1 is empty.").arg(scan.fileName);
        return false;
    }
    m_scans.insert(materialKey, scan);
    m_seenFiles.insert(QFileInfo(path).absoluteFilePath());
    rebuildMaterials();
    return true;
}

void CaseIntakeDialog::watchScannerFolder(const QString& folder)
{
    if (!m_folder.isEmpty())
        m_watcher->removePath(m_folder);
    m_folder = folder;
    QSettings().setValue(QLatin1String(ScannerFolderKey), folder);
    // Scans already there belong to earlier applicants: only new files are offered.
    for (const QFileInfo& info : QDir(folder).entryInfoList(QDir::Files))
        m_seenFiles.insert(info.absoluteFilePath());
    m_watcher->addPath(folder);
    m_scanner->setText(tr("Watching the scanner folder %1: a new scan is attached to the next missing material.")
                           .arg(QDir::toNativeSeparators(folder)));
}

void CaseIntakeDialog::scanFolder()
{
    const QFileInfoList files = QDir(m_folder).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo& info : files) {
        if (m_seenFiles.contains(info.absoluteFilePath()) || info.size() == 0)
            continue;
        const QString key = missingMaterials().value(0);
        if (key.isEmpty())
            return;
        QString label = key;
        for (int row = 0; row < m_materials->rowCount(); ++row) {
            if (m_materials->item(row, 0)->data(Qt::UserRole).toString() == key)
                label = m_materials->item(row, 0)->text();
        }
        QString error;
        if (attachFile(key, info.absoluteFilePath(), &error))
            m_scanner->setText(tr("Attached the new scan %1 as: %2").arg(info.fileName(), label));
        else
            m_error->showMessage(error);
    }
}

void CaseIntakeDialog::accept()
{
    if (m_kind == CaseKind::Repair && !m_eligible) {
        m_error->showMessage(tr("This item cannot be repaired now: see above."));
        return;
    }
    Applicant applicant;
    applicant.capacity = m_capacity->currentData().toString();
    applicant.name = m_name->text().trimmed();
    applicant.idType = QStringLiteral("resident_id");
    applicant.idNumber = Identifiers::normalise(m_id->text());
    applicant.idChecked = m_checked->currentData().toString();
    CaseRepository repository(m_session, m_policies, m_calendar);
    CaseRepository::Result result;
    if (m_kind == CaseKind::Repair) {
        CaseRepository::RepairIntake intake{
            m_subject.id, {m_item.id}, applicant, m_statement->toPlainText(), m_scans.values()};
        result = repository.intakeRepair(intake, QDate::currentDate(), &m_created);
    } else {
        CaseRepository::ObjectionIntake intake{
            m_subject.id, m_item.id,       m_grounds->currentData().toString(), m_statement->toPlainText(),
            applicant,    m_scans.values()};
        result = repository.intakeObjection(intake, QDate::currentDate(), &m_created);
    }
    if (!result.ok()) {
        m_error->showMessage(result.message);
        return;
    }
    emit caseReceived(m_created.caseNo);
    QDialog::accept();
}
