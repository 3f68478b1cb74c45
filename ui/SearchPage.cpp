#include "SearchPage.h"

#include "UiFonts.h"
#include "domain/TextRules.h"

#include "itemmodels/SubjectSearchModel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

SearchPage::SearchPage(const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("searchPage"));
    auto* layout = new QVBoxLayout(this);

    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("&Search:"), this);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("Identifier, name, or part of a name (2 characters or more)"));
    m_edit->setClearButtonEnabled(true);
    UiFonts::relative(m_edit, 1.25);
    label->setBuddy(m_edit);
    auto* button = new QPushButton(tr("Search"), this);
    button->setObjectName(QStringLiteral("searchButton"));
    button->setFocusPolicy(Qt::NoFocus); // Enter in the box does it; the button is for the mouse
    row->addWidget(label);
    row->addWidget(m_edit, 1);
    row->addWidget(button);
    layout->addLayout(row);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setText(tr("Type or scan an identifier, or type a name, then press Enter."));
    layout->addWidget(m_message);

    // Lists show identifiers masked (a public counter: the screen can be seen), but for the number typed itself.
    m_model = new SubjectSearchModel(session.database(), identifierDisplayFor(session.role), this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("resultsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(SubjectSearchModel::NameColumn, QHeaderView::Stretch);
    fitColumns();
    layout->addWidget(m_view, 1);

    setFocusProxy(m_edit);
    m_edit->installEventFilter(this);
    m_view->installEventFilter(this);

    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        // Enter on an unchanged search opens the highlighted (or first) result: scan, Enter, Enter.
        if (m_edit->text().trimmed() == m_lastSearch && !m_lastSearch.isEmpty() && m_model->rowCount() > 0) {
            const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0;
            openRow(current);
            return;
        }
        search();
    });
    connect(button, &QPushButton::clicked, this, &SearchPage::search);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) { openRow(index.row()); });
    connect(m_model, &SubjectSearchModel::searched, this, &SearchPage::showOutcome);
    connect(m_model, &SubjectSearchModel::searchFailed, this, [this](const QString& error) {
        m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_message->setText(tr("The search failed: %1").arg(error));
    });
}

// Widths from the font, not from the rows (measuring rows would read every fetched page again); again whenever the
// font changes (View > Text Size).
void SearchPage::fitColumns()
{
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView* header = m_view->horizontalHeader();
    const QFontMetrics fm = m_view->fontMetrics();
    header->resizeSection(SubjectSearchModel::IdentifierColumn,
                          fm.horizontalAdvance(QStringLiteral("350203199001010018")) + 24);
    int kindWidth = fm.horizontalAdvance(tr("Kind")) + 24;
    for (const SubjectKind kind : {SubjectKind::NaturalPerson, SubjectKind::LegalPerson,
                                   SubjectKind::UnincorporatedOrganisation, SubjectKind::IndividualBusiness})
        kindWidth = qMax(kindWidth, fm.horizontalAdvance(displayName(kind)) + 24);
    header->resizeSection(SubjectSearchModel::KindColumn, kindWidth);
    int districtWidth = fm.horizontalAdvance(tr("District")) + 24;
    for (const QString& code : XiamenDistricts::codes())
        districtWidth = qMax(districtWidth, fm.horizontalAdvance(XiamenDistricts::displayName(code)) + 24);
    header->resizeSection(SubjectSearchModel::DistrictColumn, districtWidth);
    int matchWidth = fm.horizontalAdvance(tr("Match")) + 24;
    for (const SubjectMatch match :
         {SubjectMatch::Identifier, SubjectMatch::ExactName, SubjectMatch::NamePrefix, SubjectMatch::Fragment})
        matchWidth = qMax(matchWidth, fm.horizontalAdvance(displayName(match)) + 24);
    header->resizeSection(SubjectSearchModel::MatchColumn, matchWidth);
    header->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("MMMM")));
}

void SearchPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange && m_view)
        fitColumns();
    QWidget::changeEvent(event);
}

void SearchPage::search()
{
    const QString text = m_edit->text().trimmed();
    m_lastSearch = text;
    if (text.isEmpty()) {
        m_model->clear();
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Type or scan an identifier, or type a name, then press Enter."));
        return;
    }
    m_model->search(text);
    // Every search is a query of credit information, audited with what was typed (not each keystroke: a search
    // runs on Enter).
    QString auditError;
    if (m_model->errorString().isEmpty() &&
        !SubjectSearches::audit(m_session, m_model->input(), m_model->rowCount(), &auditError)) {
        m_model->clear();
        m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_message->setText(tr("The search could not be recorded in the audit trail: %1").arg(auditError));
        return;
    }
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    // Selected, so the next card scanned or name typed replaces it (Enter again still opens the result).
    m_edit->selectAll();
}

void SearchPage::focusSearch()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchPage::reset()
{
    m_edit->clear();
    m_lastSearch.clear();
    m_model->clear();
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Type or scan an identifier, or type a name, then press Enter."));
    m_edit->setFocus();
}

// Digits and capital letters only, shorter than any identifier: the clerk typed part of an identifier, which is
// only ever looked up whole (a partial identifier search would let anyone enumerate subjects by district code).
static bool looksLikePartialIdentifier(const QString& text)
{
    if (text.size() >= 15)
        return false;
    int digits = 0;
    for (const QChar c : text) {
        if (c.isDigit())
            ++digits;
        else if (!(c >= QLatin1Char('A') && c <= QLatin1Char('Z')) && !(c >= QLatin1Char('a') && c <= QLatin1Char('z')))
            return false;
    }
    return digits >= 4;
}

void SearchPage::showOutcome(int rows, bool more)
{
    if (!m_model->errorString().isEmpty())
        return;
    const SearchInput& input = m_model->input();
    const bool identifier = input.kind == SearchInputKind::Identifier;
    QString text;
    bool problem = false;
    if (rows == 0) {
        problem = true;
        if (identifier)
            text = input.check.valid() ? tr("No subject has the identifier %1 on this workstation. %2")
                                             .arg(TextRules::shown(input.text), input.check.message())
                                       : tr("No subject found. %1").arg(input.check.message());
        else if (looksLikePartialIdentifier(input.text))
            text = tr("\"%1\" is not a whole identifier: identifiers have 18 characters and %2 were entered. Type or "
                      "scan all of it, or type a name.")
                       .arg(TextRules::shown(input.text))
                       .arg(input.text.size());
        else if (input.text.size() < 2)
            text = tr("No name is or starts with \"%1\". Type at least 2 characters to find names containing them.")
                       .arg(TextRules::shown(input.text));
        else
            text = tr("No subject's name contains \"%1\".").arg(TextRules::shown(input.text));
    } else {
        text = more ? tr("The first %n results; scroll for more. Enter opens the highlighted subject.", nullptr, rows)
                    : tr("Results: %n. Enter opens the highlighted subject.", nullptr, rows);
        if (identifier && !input.check.valid()) {
            // A real identifier may fail its checksum (a supervisor override let it in): say so, but show the hit.
            problem = true;
            text = tr("%1 Note: %2").arg(text, input.check.message());
        }
    }
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    m_message->setText(text);
}

void SearchPage::openRow(int row)
{
    const SubjectHit* hit = m_model->hit(row);
    if (!hit)
        return;
    // Before a basis is recorded, the subject is named as the list names it.
    const QString caption =
        QStringLiteral("%1 %2").arg(hit->name, SubjectSearches::listedIdentifier(*hit, m_model->identifierDisplay()));
    emit subjectChosen(hit->id, caption);
}

bool SearchPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_edit && (key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) &&
        m_model->rowCount() > 0) {
        m_view->setFocus();
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, 0));
        m_view->selectRow(m_view->currentIndex().row());
        return true;
    }
    if (watched == m_view) {
        if (key->key() == Qt::Key_Escape ||
            (key->key() == Qt::Key_Up && (!m_view->currentIndex().isValid() || m_view->currentIndex().row() == 0))) {
            m_edit->setFocus();
            m_edit->selectAll();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && m_view->currentIndex().isValid()) {
            openRow(m_view->currentIndex().row());
            return true;
        }
        // A card scanned (or a name typed) while the results have the focus goes to the search box, replacing the
        // last search: a reader types into whatever has the focus, and the list would only jump to a row.
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace() &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
            m_edit->setFocus(Qt::OtherFocusReason);
            m_edit->selectAll();
            QCoreApplication::sendEvent(m_edit, event);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
