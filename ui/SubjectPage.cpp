#include "SubjectPage.h"

#include "MessageBoxes.h"
#include "UiFonts.h"

#include "itemmodels/SubjectItemsModel.h"
#include "records/RecordSubmissionRepository.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Group rows bold (the dishonest group red when it has items); items no longer shown on reports (expired, repaired,
// withdrawn) greyed; a dishonest item that can never be repaired in dark red, so the clerk sees it before the applicant
// asks.
class SubjectItemsDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int kind = index.data(SubjectItemsModel::RowKindRole).toInt();
        if (kind == SubjectItemsModel::GroupRow) {
            option->font.setBold(true);
            if (index.data(SubjectItemsModel::CategoryKeyRole).toString() == toKey(ItemCategory::Dishonest) &&
                index.model()->rowCount(index.siblingAtColumn(0)) > 0)
                option->palette.setColor(QPalette::Text, QColor(0xb7, 0x1c, 0x1c));
            return;
        }
        if (kind == SubjectItemsModel::SubmissionRow) {
            option->font.setItalic(true);
            return;
        }
        if (!index.data(SubjectItemsModel::ShownRole).toBool())
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
        else if (index.column() == SubjectItemsModel::RepairColumn &&
                 index.data(SubjectItemsModel::RepairCodeKeyRole).toString() == toKey(RepairEligibilityCode::Never))
            option->palette.setColor(QPalette::Text, QColor(0xb7, 0x1c, 0x1c));
    }
};

} // namespace

SubjectPage::SubjectPage(const Session& session, const PolicyRegistry& policies, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_policies(policies)
{
    setObjectName(QStringLiteral("subjectPage"));
    auto* layout = new QVBoxLayout(this);

    m_empty = new QLabel(tr("No subject is open. Find the subject first."), this);
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty, 1);

    m_content = new QWidget(this);
    auto* content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_content, 1);

    m_name = new QLabel(m_content);
    m_name->setObjectName(QStringLiteral("nameLabel"));
    m_name->setTextFormat(Qt::PlainText);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    UiFonts::relative(m_name, 1.5, true);
    content->addWidget(m_name);

    m_identifier = new QLabel(m_content);
    m_identifier->setObjectName(QStringLiteral("identifierLabel"));
    m_identifier->setTextFormat(Qt::PlainText);
    m_identifier->setTextInteractionFlags(Qt::TextSelectableByMouse);
    UiFonts::relative(m_identifier, 1.15);
    content->addWidget(m_identifier);

    m_details = new QLabel(m_content);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    content->addWidget(m_details);

    m_basisLabel = new QLabel(m_content);
    m_basisLabel->setObjectName(QStringLiteral("basisLabel"));
    m_basisLabel->setTextFormat(Qt::PlainText);
    m_basisLabel->setWordWrap(true);
    m_basisLabel->setStyleSheet(QStringLiteral("color: palette(mid);"));
    content->addWidget(m_basisLabel);

    m_banner = new QLabel(m_content);
    m_banner->setObjectName(QStringLiteral("warningBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel#warningBanner { background: #c62828; color: white; "
                                           "font-weight: bold; padding: 8px 12px; border-radius: 3px; }"));
    m_banner->setVisible(false);
    content->addWidget(m_banner);

    m_model = new SubjectItemsModel(this);
    m_view = new QTreeView(m_content);
    m_view->setObjectName(QStringLiteral("itemsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SubjectItemsDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SubjectItemsModel::TitleColumn, QHeaderView::Stretch);
    content->addWidget(m_view, 1);

    auto* buttons = new QHBoxLayout;
    m_enterRecord = new QPushButton(tr("&Enter a Record for This Subject"), m_content);
    m_enterRecord->setObjectName(QStringLiteral("enterRecordButton"));
    m_enterRecord->setVisible(session.can(Permission::EnterRecord));
    m_find = new QPushButton(tr("Find &Another Subject"), m_content);
    m_find->setObjectName(QStringLiteral("findButton"));
    buttons->addWidget(m_enterRecord);
    // Intake at the window: for the item selected in the view.
    auto* repair = new QPushButton(tr("Credit &Repair Application…"), m_content);
    repair->setObjectName(QStringLiteral("repairButton"));
    auto* objection = new QPushButton(tr("O&bjection…"), m_content);
    objection->setObjectName(QStringLiteral("objectionButton"));
    for (QPushButton* button : {repair, objection}) {
        button->setVisible(session.can(Permission::IntakeCase));
        buttons->addWidget(button);
    }
    auto* report = new QPushButton(tr("Credit Re&port…"), m_content);
    report->setObjectName(QStringLiteral("reportButton"));
    report->setVisible(session.can(Permission::PrintReport));
    buttons->addWidget(report);
    connect(report, &QPushButton::clicked, this, &SubjectPage::reportRequested);
    connect(repair, &QPushButton::clicked, this, [this] {
        if (const qint64 item = selectedItemId())
            emit caseIntakeRequested(CaseKind::Repair, item);
    });
    connect(objection, &QPushButton::clicked, this, [this] {
        if (const qint64 item = selectedItemId())
            emit caseIntakeRequested(CaseKind::Objection, item);
    });
    buttons->addStretch(1);
    buttons->addWidget(m_find);
    content->addLayout(buttons);
    connect(m_enterRecord, &QPushButton::clicked, this, [this] {
        if (m_enterRecordAction)
            m_enterRecordAction->trigger();
    });
    connect(m_find, &QPushButton::clicked, this, [this] {
        if (m_findAction)
            m_findAction->trigger();
    });

    m_content->setVisible(false);
    setFocusProxy(m_view);
}

qint64 SubjectPage::selectedItemId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.data(SubjectItemsModel::RowKindRole).toInt() != SubjectItemsModel::ItemRow)
        return 0;
    return current.data(SubjectItemsModel::ItemIdRole).toLongLong();
}

const SubjectProfile& SubjectPage::profile() const
{
    return m_model->profile();
}

void SubjectPage::setEnterRecordAction(QAction* action)
{
    m_enterRecordAction = action;
    if (action && !action->shortcut().isEmpty())
        m_enterRecord->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
}

void SubjectPage::setFindAction(QAction* action)
{
    m_findAction = action;
    if (action && !action->shortcut().isEmpty()) {
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        m_find->setToolTip(keys);
        m_empty->setText(tr("No subject is open. Find the subject first (%1).").arg(keys));
    }
}

void SubjectPage::openSubject(qint64 subjectId, const QString& caption)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    QStringList kinds = QueryBasis::kinds();
    if (!m_session.can(Permission::EnterRecord))
        kinds.removeAll(QStringLiteral("record_entry"));
    m_dialog = new QueryBasisDialog(caption, kinds, window());
    m_dialog->setObjectName(QStringLiteral("queryBasisDialog"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, subjectId, dialog = m_dialog] {
        if (dialog)
            openSubject(subjectId, dialog->basis());
    });
    // Window-modal and not exec(): the GUI keeps running (idle lock, tests) while the clerk answers.
    m_dialog->open();
}

bool SubjectPage::openSubject(qint64 subjectId, const QueryBasis& basis, QString* error)
{
    SubjectProfile profile;
    QString why;
    if (!SubjectProfiles::open(m_session, subjectId, basis.auditText(), QDate::currentDate(), m_policies, &profile,
                               &why)) {
        if (why.isEmpty())
            why = tr("The subject could not be found.");
        if (error)
            *error = why;
        MessageBoxes::warning(this, tr("Open Subject"), tr("The subject could not be opened: %1").arg(why));
        emit openFailed(why);
        return false;
    }
    m_basis = basis;
    m_open = true;
    m_model->setProfile(profile);
    showProfile();
    emit subjectOpened(profile.subject);
    return true;
}

void SubjectPage::refreshSubmissions()
{
    if (!m_open)
        return;
    const SubjectProfile& current = m_model->profile();
    QList<RecordSubmission> submissions;
    QString error;
    if (!RecordSubmissionRepository(m_session.database()).ofSubject(current.subject.id, &submissions, &error)) {
        MessageBoxes::warning(this, tr("Open Subject"),
                              tr("The entries awaiting the platform could not be read: %1").arg(error));
        return;
    }
    QList<CreditItem> items;
    for (const ItemAssessment& a : current.items)
        items.append(a.item);
    const SubjectProfile profile =
        SubjectProfiles::assess(current.subject, items, submissions, current.assessedOn, m_policies);
    m_model->setProfile(profile);
    showProfile();
    if (!submissions.isEmpty())
        selectSubmission(submissions.first().id);
}

void SubjectPage::showProfile()
{
    const SubjectProfile& p = m_model->profile();
    const Subject& s = p.subject;
    m_empty->setVisible(false);
    m_content->setVisible(true);

    m_name->setText(s.name);
    const IdentifierDisplay display = identifierDisplayFor(m_session.role);
    m_identifier->setText(
        display == IdentifierDisplay::Full
            ? tr("Identifier: %1").arg(s.identifier)
            : tr("Identifier: %1 (masked for your role)").arg(displayIdentifier(s.identifier, display)));

    QStringList details;
    details << displayName(s.kind);
    if (!s.district.isEmpty())
        details << XiamenDistricts::displayName(s.district);
    if (s.establishedOn.isValid())
        details
            << (s.isNaturalPerson() ? tr("born %1") : tr("established %1")).arg(s.establishedOn.toString(Qt::ISODate));
    if (!s.status.isEmpty())
        details << RegistrationStatus::displayName(s.status);
    if (!s.legalRepresentative.isEmpty())
        details << tr("legal representative %1").arg(s.legalRepresentative);
    if (s.origin == RecordOrigin::Local)
        details << tr("entered at this workstation, not yet confirmed by the platform");
    m_details->setText(details.join(QStringLiteral(" · ")));

    m_basisLabel->setText(tr("Opened on %1 for: %2").arg(p.assessedOn.toString(Qt::ISODate), m_basis.displayText()));

    m_banner->setVisible(p.showsWarning());
    m_banner->setText(p.warningText());

    m_view->expandAll();
    // Every column but the title fits its contents (a subject has tens of items, not thousands).
    const int cap = m_view->fontMetrics().averageCharWidth() * 40;
    for (int c = SubjectItemsModel::TypeColumn; c < SubjectItemsModel::ColumnCount; ++c) {
        m_view->resizeColumnToContents(c);
        m_view->setColumnWidth(c, qMin(m_view->columnWidth(c), cap));
    }
    const QModelIndex first = m_model->index(0, 0);
    m_view->setCurrentIndex(first);
}

void SubjectPage::selectSubmission(qint64 submissionId)
{
    for (int g = 0; g < m_model->rowCount(); ++g) {
        const QModelIndex group = m_model->index(g, 0);
        for (int r = 0; r < m_model->rowCount(group); ++r) {
            const QModelIndex row = m_model->index(r, 0, group);
            if (row.data(SubjectItemsModel::RowKindRole).toInt() == SubjectItemsModel::SubmissionRow &&
                row.data(SubjectItemsModel::SubmissionIdRole).toLongLong() == submissionId) {
                m_view->setCurrentIndex(row);
                m_view->scrollTo(row);
                return;
            }
        }
    }
}
