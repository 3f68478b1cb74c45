// Ergonomics at the service window (issue 12), offscreen, on a workstation filled with a small demo city and opened
// by a clerk:
//   - an ID-card or barcode reader types into the search box at scanner speed and ends with keypad Enter, also while
//     the results have the focus, with a lowercase check character or with stray spaces; Enter again opens the
//     subject;
//   - Tab walks every form a clerk fills in (the entry pages, the basis of a query, the case intake, the report
//     request, the login) in reading order and reaches each field exactly once;
//   - every page fits a 1366 x 768 screen at 150 % scaling (911 x 512 logical pixels) and at 100 %, with no label or
//     button cut;
//   - View > Text Size applies at once to the open window and is kept in the settings.
//
// Screenshots: with XMCREDIT_SCREENSHOT_DIR set, every page at both screen sizes and the search page with the text
// at 150 % are written as PNG files, in the language given by XMCREDIT_TEST_LANG (default en).

#include "AppController.h"
#include "AuditPage.h"
#include "CaseIntakeDialog.h"
#include "CasesPage.h"
#include "DashboardPage.h"
#include "EntryFields.h"
#include "GuiTestHelpers.h"
#include "HomePage.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "PermissionsPage.h"
#include "QueryBasisDialog.h"
#include "RecordEntryForm.h"
#include "ReportRequestDialog.h"
#include "ReportVerifyPage.h"
#include "SearchPage.h"
#include "SubjectEntryForm.h"
#include "SubjectPage.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"

#include "itemmodels/SubjectItemsModel.h"
#include "itemmodels/SubjectSearchModel.h"
#include "records/CreditItemRepository.h"
#include "records/DemoCity.h"
#include "records/SubjectRepository.h"
#include "storage/Workstation.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeView>

#include <algorithm>
#include <utility>

namespace {
const QString AdminUser = QStringLiteral("admin");
const QString AdminPassword = QStringLiteral("admin password 0");
const QString ClerkUser = QStringLiteral("clerk1");
const QString ClerkPassword = QStringLiteral("clerk password 1");

// The size the window has unless a test changes it: a common service-window screen at 100 %.
const QSize DefaultSize(1366, 768);
// An ID-card or barcode reader in keyboard mode sends a key every 2 ms.
constexpr int ScannerKeyDelay = 2;
// Tab is pressed at most this often while a form is walked.
constexpr int MaxTabPresses = 60;
// A field may keep the focus for this many presses of Tab (a date editor walks its year, month and day first); one
// that keeps it longer traps the clerk.
constexpr int TabPressesInOneField = 3;
// How far (pixels) the next field may sit above the one Tab left and still count as the same row or below it: the
// widgets of one row differ by a few pixels in their tops (a check box beside a line edit, baseline alignment).
constexpr int ReadingOrderSlack = 8;

using GuiTest::child;

QWidget* focused()
{
    return QApplication::focusWidget();
}

// A reader types into whatever has the focus at the moment of each key, so each key goes to the focus widget.
void scanKeys(const QString& text)
{
    for (const QChar c : text)
        QTest::keyClicks(focused(), QString(c), Qt::NoModifier, ScannerKeyDelay);
}

// A whole scan: the keys, then keypad Enter, as many readers end it.
void scan(const QString& text)
{
    scanKeys(text);
    QTest::keyClick(focused(), Qt::Key_Enter, Qt::KeypadModifier);
}

// Lets posted layout requests and the item views' delayed layouts run before anything is measured.
void settle()
{
    QCoreApplication::sendPostedEvents();
    QTest::qWait(50);
}

// The size of a font's text: points, or pixels for a font sized in pixels.
qreal textSize(const QFont& font)
{
    return font.pointSizeF() > 0 ? font.pointSizeF() : qreal(font.pixelSize());
}

// Presses button's mnemonic (Alt and its underlined letter), as a clerk does.
bool pressMnemonic(QWidget* window, const QAbstractButton* button)
{
    const QString text = button->text();
    const int ampersand = int(text.indexOf(QLatin1Char('&')));
    if (ampersand < 0 || ampersand + 1 >= text.size())
        return false;
    QTest::keyClick(window, text.at(ampersand + 1).toLower().toLatin1(), Qt::AltModifier);
    return true;
}

// The dialog of type Dialog that parent opens, once it is shown and active (null when none comes).
template<typename Dialog> Dialog* waitForDialog(QWidget* parent)
{
    Dialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&dialog, parent] {
        dialog = parent->findChild<Dialog*>();
        return dialog && dialog->isVisible();
    });
    return shown && QTest::qWaitForWindowActive(dialog) ? dialog : nullptr;
}

// ---- Tab order ------------------------------------------------------------------------------------------------

// The kinds of widget a clerk types into, chooses in or ticks.
bool isInput(const QWidget* widget)
{
    return qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QComboBox*>(widget) ||
           qobject_cast<const QAbstractSpinBox*>(widget) || qobject_cast<const QPlainTextEdit*>(widget) ||
           qobject_cast<const QTextEdit*>(widget) || qobject_cast<const QAbstractButton*>(widget) ||
           qobject_cast<const QAbstractItemView*>(widget);
}

// Whether widget is a part of another input below root: the line edit of a combo box or a date editor, the
// viewport, headers and index widgets of an item view.
bool insideAnotherInput(const QWidget* widget, const QWidget* root)
{
    for (const QWidget* up = widget->parentWidget(); up && up != root; up = up->parentWidget()) {
        if (isInput(up))
            return true;
    }
    return false;
}

bool insideItemView(const QWidget* widget, const QWidget* root)
{
    for (const QWidget* up = widget->parentWidget(); up && up != root; up = up->parentWidget()) {
        if (qobject_cast<const QAbstractItemView*>(up))
            return true;
    }
    return false;
}

bool inButtonBox(const QWidget* widget)
{
    for (const QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
        if (qobject_cast<const QDialogButtonBox*>(up))
            return true;
    }
    return false;
}

// The inputs of root that Tab has to reach: visible, enabled, taking the focus by Tab, not part of another input.
QList<QWidget*> tabInputs(QWidget* root)
{
    QList<QWidget*> inputs;
    const QList<QWidget*> all = root->findChildren<QWidget*>();
    for (QWidget* widget : all) {
        if (widget->window() != root->window() || !widget->isVisible() || !widget->isEnabled())
            continue;
        if ((int(widget->focusPolicy()) & int(Qt::TabFocus)) == 0 || !isInput(widget) ||
            insideAnotherInput(widget, root))
            continue;
        inputs << widget;
    }
    return inputs;
}

// What a focus widget stands for in the walk: the input it is part of (the combo box of its line edit, the table of
// a button in a cell), else itself.
QWidget* stopOf(QWidget* focus, const QList<QWidget*>& inputs)
{
    for (QWidget* up = focus; up; up = up->parentWidget()) {
        if (inputs.contains(up))
            return up;
    }
    return focus;
}

QRect geometryIn(const QWidget* widget, const QWidget* root)
{
    return QRect(widget->mapTo(root, QPoint(0, 0)), widget->size());
}

QString describe(const QWidget* widget, const QWidget* root)
{
    QString name = widget->objectName();
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        name += QStringLiteral(" \"%1\"").arg(button->text());
    name = name.trimmed();
    if (name.isEmpty())
        name = QStringLiteral("(unnamed)");
    const QRect area = geometryIn(widget, root);
    return QStringLiteral("%1 [%2] at (%3, %4) size %5x%6")
        .arg(name, QString::fromLatin1(widget->metaObject()->className()))
        .arg(area.x())
        .arg(area.y())
        .arg(area.width())
        .arg(area.height());
}

// Walks root with Tab from first, as a clerk goes through a form, and says what is wrong (empty when nothing is):
// an input Tab never reaches or reaches more than once, Tab going back up to an earlier row (unless to the next
// column, on the right), a field that keeps Tab. The buttons of a dialog's button box may or may not be on the way.
// The walk ends when the focus comes back to first or leaves root (a page's last field hands over to the window).
QString tabOrderProblems(const QString& what, QWidget* root, QWidget* first)
{
    const QList<QWidget*> inputs = tabInputs(root);
    if (!first || !inputs.contains(first))
        return QStringLiteral("%1: the first field is missing, hidden, disabled or not reached by Tab").arg(what);
    first->setFocus(Qt::TabFocusReason);
    if (!QTest::qWaitFor([&inputs, first] { return focused() && stopOf(focused(), inputs) == first; }, 2000))
        return QStringLiteral("%1: %2 does not take the focus").arg(what, describe(first, root));

    enum class End { BackToFirst, LeftTheForm, KeptByField, TooLong };
    End end = End::TooLong;
    QList<QWidget*> walk{first};
    QWidget* last = focused();
    int keptFor = 0;
    for (int press = 0; press < MaxTabPresses; ++press) {
        QTest::keyClick(focused(), Qt::Key_Tab);
        QWidget* now = focused();
        if (!now || (now != root && !root->isAncestorOf(now))) {
            end = End::LeftTheForm;
            break;
        }
        QWidget* stop = stopOf(now, inputs);
        if (stop == first) {
            end = End::BackToFirst;
            break;
        }
        if (now == last) {
            // An item view with tab key navigation walks its cells first, a date editor its sections.
            if (!qobject_cast<QAbstractItemView*>(stop) && ++keptFor >= TabPressesInOneField) {
                end = End::KeptByField;
                break;
            }
            continue;
        }
        keptFor = 0;
        last = now;
        if (stop != walk.last())
            walk << stop;
    }

    QStringList problems;
    switch (end) {
    case End::BackToFirst:
    case End::LeftTheForm:
        break;
    case End::KeptByField:
        problems << QStringLiteral("Tab does not leave %1").arg(describe(last, root));
        break;
    case End::TooLong:
        problems << QStringLiteral("after %1 presses of Tab the focus neither came back to the first field nor left "
                                   "the form")
                        .arg(MaxTabPresses);
        break;
    }

    // Each input once (what Tab passed may have enabled or disabled others: only those that stayed count).
    const QList<QWidget*> inputsAfter = tabInputs(root);
    for (QWidget* input : inputs) {
        if (!inputsAfter.contains(input) || inButtonBox(input))
            continue;
        const int times = int(walk.count(input));
        if (times == 0)
            problems << QStringLiteral("Tab never reaches %1").arg(describe(input, root));
        else if (times > 1)
            problems << QStringLiteral("Tab reaches %1 %2 times").arg(describe(input, root)).arg(times);
    }

    // Reading order: down the rows of a column, then on to the next column to the right.
    const QWidget* previous = nullptr;
    for (const QWidget* step : std::as_const(walk)) {
        if (inButtonBox(step))
            continue;
        if (previous) {
            const QRect from = geometryIn(previous, root);
            const QRect to = geometryIn(step, root);
            if (to.top() < from.top() - ReadingOrderSlack && to.left() <= from.left())
                problems << QStringLiteral("Tab goes back up from %1 to %2")
                                .arg(describe(previous, root), describe(step, root));
        }
        previous = step;
    }

    if (problems.isEmpty())
        return QString();
    QStringList lines{QStringLiteral("%1:").arg(what)};
    for (const QString& problem : std::as_const(problems))
        lines << QStringLiteral("  - ") + problem;
    lines << QStringLiteral("  Tab went through:");
    for (int i = 0; i < walk.size(); ++i)
        lines << QStringLiteral("    %1. %2").arg(i + 1).arg(describe(walk.at(i), root));
    switch (end) {
    case End::BackToFirst:
        lines << QStringLiteral("    and back to the first field");
        break;
    case End::LeftTheForm:
        lines << QStringLiteral("    and out of the form");
        break;
    case End::KeptByField:
    case End::TooLong:
        lines << QStringLiteral("    and no further");
        break;
    }
    return lines.join(QLatin1Char('\n'));
}

// ---- Small screens --------------------------------------------------------------------------------------------

QString nameOf(const QLabel* label)
{
    if (!label->objectName().isEmpty())
        return label->objectName();
    if (label->buddy() && !label->buddy()->objectName().isEmpty())
        return QStringLiteral("(label of %1)").arg(label->buddy()->objectName());
    return QStringLiteral("(unnamed label)");
}

// The labels (without word wrap) and push buttons shown on page that are narrower than their text needs.
QStringList cutWidgets(QWidget* page)
{
    QStringList cut;
    const QList<QLabel*> labels = page->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        if (!label->isVisible() || label->wordWrap() || insideItemView(label, page))
            continue;
        // Text elided on purpose (an ellipsis, or a label that may be squeezed) shows its whole text elsewhere.
        const QString text = label->text();
        if (text.trimmed().isEmpty() || text.contains(QChar(u'\u2026')) ||
            label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
            continue;
        const int needed = label->minimumSizeHint().width();
        if (label->width() < needed)
            cut << QStringLiteral("label %1 \"%2\" is %3 px wide and needs %4 px")
                       .arg(nameOf(label), text)
                       .arg(label->width())
                       .arg(needed);
    }
    const QList<QPushButton*> buttons = page->findChildren<QPushButton*>();
    for (const QPushButton* button : buttons) {
        if (!button->isVisible() || insideItemView(button, page))
            continue;
        const int needed = button->minimumSizeHint().width();
        if (button->width() < needed)
            cut << QStringLiteral("button %1 \"%2\" is %3 px wide and needs %4 px")
                       .arg(button->objectName().isEmpty() ? QStringLiteral("(unnamed button)") : button->objectName(),
                            button->text())
                       .arg(button->width())
                       .arg(needed);
    }
    return cut;
}

} // namespace

class TestGuiErgonomics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void scannerTypesIntoTheSearchBox();
    void tabOrderFollowsEveryForm();
    void readableAt1366x768At150Percent_data();
    void readableAt1366x768At150Percent();
    void textSizeAppliesAtOnce();

private:
    void showPage(Qt::Key key);
    bool waitForMainWindow();
    // Opens subject in the subject view with a recorded basis (no dialog) and shows it.
    bool openSubject(const Subject& subject, QString* error);
    // Makes the first credit item of the open subject the current one in the subject view.
    bool selectFirstItem();

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
    Session m_session;
    MainWindow* m_window = nullptr;
    WindowPages m_pages;
    // Natural persons whose identifiers do not end in X, one whose identifier does (id 0 when the city has none),
    // and an organisation with a dishonest item.
    Subject m_person;
    Subject m_otherPerson;
    Subject m_xPerson;
    Subject m_company;
};

void TestGuiErgonomics::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_language = GuiTest::setUpApplication(m_tmp.path());

    // A workstation with an administrator and a clerk, filled with a demo city of 400 subjects.
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    {
        Session setup;
        QString error;
        QVERIFY2(WorkstationFixture::create(m_dir, QStringLiteral("湖里区信用服务点 2 号窗口"),
                                            {AdminUser, QStringLiteral("王芳"), Role::Administrator, AdminPassword},
                                            {{ClerkUser, QStringLiteral("李娜"), Role::Clerk, ClerkPassword}}, &error,
                                            &setup),
                 qPrintable(error));
        DemoCityOptions options;
        options.subjects = 400;
        options.seed = 20250301;
        options.today = QDate::currentDate();
        options.actor = setup.username;
        {
            QSqlDatabase db = setup.database();
            QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
        }
        Workstation::closeSession(setup);
    }

    QString error;
    QVERIFY2(
        WorkstationFixture::openSession(m_dir, ClerkUser, ClerkPassword, QStringLiteral("gui"), &m_session, &error),
        qPrintable(error));

    // The subjects to scan and open, read as the application reads them.
    SubjectRepository subjects(m_session.database());
    CreditItemRepository items(m_session.database());
    const qint64 count = subjects.count();
    QVERIFY(count > 0);
    for (qint64 id = 1; id <= count; ++id) {
        Subject s;
        if (!subjects.findById(id, &s))
            continue;
        if (s.isNaturalPerson() && s.identifier.size() == 18) {
            if (s.identifier.endsWith(QLatin1Char('X'))) {
                if (m_xPerson.id == 0)
                    m_xPerson = s;
            } else if (m_person.id == 0) {
                m_person = s;
            } else if (m_otherPerson.id == 0) {
                m_otherPerson = s;
            }
            continue;
        }
        if (s.isNaturalPerson() || m_company.id != 0)
            continue;
        QList<CreditItem> list;
        QVERIFY(items.itemsOfSubject(s.id, &list));
        for (const CreditItem& item : std::as_const(list)) {
            if (item.category == ItemCategory::Dishonest) {
                m_company = s;
                break;
            }
        }
    }
    QVERIFY(m_person.id > 0);
    QVERIFY(m_otherPerson.id > 0);
    QVERIFY2(m_company.id > 0, "the demo city has no organisation with a dishonest item");

    m_window = new MainWindow(m_session);
    m_pages = installWindowPages(m_window);
    QVERIFY(m_pages.search && m_pages.subject && m_pages.recordEntry && m_pages.subjectEntry);
    m_window->resize(DefaultSize);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestGuiErgonomics::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
}

// The page's shortcut, pressed like a clerk would (Ctrl+F, Ctrl+E, Ctrl+N).
void TestGuiErgonomics::showPage(Qt::Key key)
{
    QTest::keyClick(m_window, key, Qt::ControlModifier);
}

// After a dialog closes a window manager activates its parent; the offscreen platform does not, so the test does.
bool TestGuiErgonomics::waitForMainWindow()
{
    if (!m_window->isActiveWindow())
        m_window->activateWindow();
    return QTest::qWaitForWindowActive(m_window);
}

bool TestGuiErgonomics::openSubject(const Subject& subject, QString* error)
{
    QueryBasis basis;
    basis.kind = QStringLiteral("self_query");
    basis.details = {{QStringLiteral("document"), QStringLiteral("resident_id_card")},
                     {QStringLiteral("verified_by"), QStringLiteral("card_reader")}};
    if (!m_pages.subject->openSubject(subject.id, basis, error))
        return false;
    m_window->showPage(m_pages.subject);
    return true;
}

bool TestGuiErgonomics::selectFirstItem()
{
    QTreeView* view = m_pages.subject->itemsView();
    const QAbstractItemModel* model = view->model();
    for (int group = 0; group < model->rowCount(); ++group) {
        const QModelIndex groupIndex = model->index(group, 0);
        for (int row = 0; row < model->rowCount(groupIndex); ++row) {
            const QModelIndex index = model->index(row, 0, groupIndex);
            if (index.data(SubjectItemsModel::RowKindRole).toInt() != SubjectItemsModel::ItemRow)
                continue;
            view->setFocus();
            view->setCurrentIndex(index);
            return m_pages.subject->selectedItemId() > 0;
        }
    }
    return false;
}

void TestGuiErgonomics::scannerTypesIntoTheSearchBox()
{
    QVERIFY(waitForMainWindow());
    SearchPage* search = m_pages.search;
    QLineEdit* box = search->searchEdit();
    QTableView* results = search->resultsView();
    SubjectSearchModel* model = search->model();

    // (a) Ctrl+F, then a card: the number at scanner speed and keypad Enter. The exact match comes first, and the
    // box keeps the focus with its text selected, ready for the next card.
    showPage(Qt::Key_F);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(search));
    QTRY_COMPARE(focused(), static_cast<QWidget*>(box));
    scan(m_person.identifier);
    QCOMPARE(box->text(), m_person.identifier);
    QVERIFY(model->rowCount() >= 1);
    QCOMPARE(model->subjectId(0), m_person.id);
    QCOMPARE(focused(), static_cast<QWidget*>(box));
    QVERIFY(box->hasSelectedText());
    QCOMPARE(box->selectedText(), box->text());

    // (b) Down into the results; the next card is scanned while the list has the focus. The reader types into the
    // list, which hands every key to the box: the new number replaces the old one, and Enter searches it.
    QTest::keyClick(focused(), Qt::Key_Down);
    QCOMPARE(focused(), static_cast<QWidget*>(results));
    scanKeys(m_otherPerson.identifier);
    QCOMPARE(focused(), static_cast<QWidget*>(box));
    QCOMPARE(box->text(), m_otherPerson.identifier);
    QTest::keyClick(focused(), Qt::Key_Enter, Qt::KeypadModifier);
    QVERIFY(model->rowCount() >= 1);
    QCOMPARE(model->subjectId(0), m_otherPerson.id);
    QCOMPARE(focused(), static_cast<QWidget*>(box));
    QCOMPARE(box->selectedText(), box->text());

    // (c) Readers that send the check character X in lower case, or add spaces around the number.
    if (m_xPerson.id > 0) {
        QString lowercase = m_xPerson.identifier;
        lowercase[17] = QLatin1Char('x');
        scan(lowercase);
        QCOMPARE(box->text(), lowercase);
        QVERIFY(model->rowCount() >= 1);
        QCOMPARE(model->subjectId(0), m_xPerson.id);
    } else {
        // No resident of this demo city has an identifier ending in X (about one in eleven do): the lowercase check
        // character cannot be tried here.
        qInfo("no identifier ending in X in the demo city: the lowercase check character is not tried");
    }
    const QString padded = QStringLiteral(" %1 ").arg(m_person.identifier);
    scan(padded);
    QCOMPARE(box->text(), padded);
    QVERIFY(model->rowCount() >= 1);
    QCOMPARE(model->subjectId(0), m_person.id);

    // (d) Enter again on the unchanged search opens the subject: the basis of the query is asked; Escape cancels.
    QCOMPARE(focused(), static_cast<QWidget*>(box));
    QTest::keyClick(focused(), Qt::Key_Enter, Qt::KeypadModifier);
    QTRY_VERIFY(m_pages.subject->basisDialog() && m_pages.subject->basisDialog()->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(m_pages.subject->basisDialog()));
    QTRY_COMPARE(focused(), child<QWidget>(m_pages.subject->basisDialog(), "basisCombo"));
    QTest::keyClick(focused(), Qt::Key_Escape);
    QTRY_VERIFY(!m_pages.subject->basisDialog());
    QVERIFY(waitForMainWindow());
    QCOMPARE(m_window->currentPage(), static_cast<QWidget*>(search));
}

void TestGuiErgonomics::tabOrderFollowsEveryForm()
{
    QVERIFY(waitForMainWindow());
    QStringList problems;
    const auto note = [&problems](const QString& found) {
        if (!found.isEmpty())
            problems << found;
    };

    // New Subject (Ctrl+N), from its first field.
    showPage(Qt::Key_N);
    SubjectEntryForm* subjectEntry = m_pages.subjectEntry;
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(subjectEntry));
    note(tabOrderProblems(QStringLiteral("New Subject page"), subjectEntry, child<QWidget>(subjectEntry, "kindEdit")));
    subjectEntry->clear();

    // The basis of a query: scan, Enter (search), Enter (open), with the fields of every basis in turn, ending with
    // the self-query, whose default answers then open the subject.
    showPage(Qt::Key_F);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.search));
    m_pages.search->reset();
    QTRY_COMPARE(focused(), static_cast<QWidget*>(m_pages.search->searchEdit()));
    scan(m_person.identifier);
    QVERIFY(m_pages.search->model()->rowCount() >= 1);
    QCOMPARE(m_pages.search->model()->subjectId(0), m_person.id);
    QTest::keyClick(focused(), Qt::Key_Enter, Qt::KeypadModifier);
    QTRY_VERIFY(m_pages.subject->basisDialog() && m_pages.subject->basisDialog()->isVisible());
    QPointer<QueryBasisDialog> basisDialog = m_pages.subject->basisDialog();
    QVERIFY(QTest::qWaitForWindowActive(basisDialog.data()));
    auto* basisCombo = child<KeyComboBox>(basisDialog.data(), "basisCombo");
    QVERIFY(basisCombo);
    QStringList kinds = QueryBasis::kinds();
    std::reverse(kinds.begin(), kinds.end());
    for (const QString& kind : std::as_const(kinds)) {
        if (basisCombo->findData(kind) < 0)
            continue; // not offered to this role
        basisDialog->setBasisKind(kind);
        QCOMPARE(basisDialog->basis().kind, kind);
        settle();
        note(tabOrderProblems(QStringLiteral("Basis of the Query dialog (%1)").arg(kind), basisDialog.data(),
                              basisCombo));
    }
    QCOMPARE(basisDialog->basis().kind, QStringLiteral("self_query"));
    basisCombo->setFocus();
    QTRY_COMPARE(focused(), static_cast<QWidget*>(basisCombo));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.subject));
    QVERIFY(waitForMainWindow());
    QCOMPARE(m_pages.subject->profile().subject.id, m_person.id);

    // Enter a Record (Ctrl+E) for the subject just opened, from its first field.
    showPage(Qt::Key_E);
    RecordEntryForm* recordEntry = m_pages.recordEntry;
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(recordEntry));
    QTRY_COMPARE(recordEntry->subject().id, m_person.id);
    note(tabOrderProblems(QStringLiteral("Enter a Record page"), recordEntry,
                          child<QWidget>(recordEntry, "categoryEdit")));
    recordEntry->clear();

    // An objection taken in from the subject view (the clerk selects an item and presses the button's mnemonic).
    QString error;
    QVERIFY2(openSubject(m_company, &error), qPrintable(error));
    QVERIFY(waitForMainWindow());
    QVERIFY(selectFirstItem());
    auto* objectionButton = child<QPushButton>(m_pages.subject, "objectionButton");
    QVERIFY(objectionButton && objectionButton->isVisible());
    QVERIFY(pressMnemonic(m_window, objectionButton));
    QPointer<CaseIntakeDialog> intake = waitForDialog<CaseIntakeDialog>(m_window);
    QVERIFY(intake);
    note(tabOrderProblems(QStringLiteral("Objection (case intake) dialog"), intake.data(),
                          child<QWidget>(intake.data(), "capacityCombo")));
    intake->reject();
    QTRY_VERIFY(intake.isNull());
    QVERIFY(waitForMainWindow());

    // The credit report request (Alt+P in the subject view): a public report for the subject itself or for an
    // agency, and a special report for a third party with the subject's authorisation.
    auto* reportButton = child<QPushButton>(m_pages.subject, "reportButton");
    QVERIFY(reportButton && reportButton->isVisible());
    m_pages.subject->setFocus();
    QVERIFY(pressMnemonic(m_window, reportButton));
    QPointer<ReportRequestDialog> request = waitForDialog<ReportRequestDialog>(m_window);
    QVERIFY(request);
    auto* reportKind = child<KeyComboBox>(request.data(), "kindCombo");
    auto* reportBasis = child<KeyComboBox>(request.data(), "basisCombo");
    QVERIFY(reportKind && reportBasis);
    const QList<QPair<bool, QString>> requests = {
        {false, QStringLiteral("self")}, {false, QStringLiteral("agency")}, {true, QStringLiteral("authorised")}};
    for (const auto& [special, basis] : requests) {
        if (special)
            reportKind->setCurrentKey(QStringLiteral("special"));
        reportBasis->setCurrentKey(basis);
        QCOMPARE(reportBasis->currentKey(), basis);
        settle();
        note(tabOrderProblems(QStringLiteral("Credit Report dialog (%1, %2)").arg(reportKind->currentKey(), basis),
                              request.data(), reportKind));
    }
    request->reject();
    QTRY_VERIFY(request.isNull());
    QVERIFY(waitForMainWindow());

    // The login dialog of this workstation.
    WorkstationInfo info;
    const WorkstationStatus read = Workstation::readInfo(m_dir, &info);
    QVERIFY2(read.ok(), qPrintable(read.message));
    {
        LoginDialog login(info);
        login.show();
        QVERIFY(QTest::qWaitForWindowActive(&login));
        note(tabOrderProblems(QStringLiteral("Log In dialog"), &login, child<QWidget>(&login, "usernameEdit")));
        login.hide();
    }
    QVERIFY(waitForMainWindow());

    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n\n"))));
}

void TestGuiErgonomics::readableAt1366x768At150Percent_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<QString>("prefix");
    // A 1366 x 768 laptop screen at 150 % gives the window 1366/1.5 x 768/1.5 logical pixels.
    QTest::newRow("1366x768 at 150%") << QSize(911, 512) << QStringLiteral("small-screen");
    QTest::newRow("1366x768 at 100%") << QSize(1366, 768) << QStringLiteral("screen-1366x768");
}

void TestGuiErgonomics::readableAt1366x768At150Percent()
{
    QFETCH(QSize, screen);
    QFETCH(QString, prefix);
    QVERIFY(waitForMainWindow());
    const auto restoreSize = qScopeGuard([this] { m_window->resize(DefaultSize); });

    // A subject open, so that the subject view and the record entry page show what a clerk sees.
    QString error;
    QVERIFY2(openSubject(m_company, &error), qPrintable(error));

    QStringList problems;
    const QSize minimum = m_window->minimumSizeHint();
    if (minimum.width() > screen.width() || minimum.height() > screen.height())
        problems << QStringLiteral("the window needs at least %1x%2").arg(minimum.width()).arg(minimum.height());
    m_window->resize(screen);
    if (!QTest::qWaitFor([this, screen] { return m_window->size() == screen; }, 2000))
        problems << QStringLiteral("the window stays %1x%2").arg(m_window->width()).arg(m_window->height());
    settle();

    struct PageVisit
    {
        QString name;
        QPointer<QAction> action;
        QPointer<QWidget> page;
    };
    const QList<PageVisit> visits = {
        {QStringLiteral("home"), m_window->findChild<QAction*>(QStringLiteral("actionHome")), m_window->homePage()},
        {QStringLiteral("search"), m_pages.searchAction, m_pages.search.data()},
        {QStringLiteral("subject"), m_pages.subjectAction, m_pages.subject.data()},
        {QStringLiteral("record-entry"), m_pages.recordEntryAction, m_pages.recordEntry.data()},
        {QStringLiteral("subject-entry"), m_pages.subjectEntryAction, m_pages.subjectEntry.data()},
        {QStringLiteral("cases"), m_pages.casesAction, m_pages.cases.data()},
        {QStringLiteral("case-timers"), m_pages.dashboardAction, m_pages.dashboard.data()},
        {QStringLiteral("verify-report"), m_pages.reportVerifyAction, m_pages.reportVerify.data()},
        {QStringLiteral("audit"), m_pages.auditAction, m_pages.audit.data()},
        {QStringLiteral("permissions"), m_pages.permissionsAction, m_pages.permissions.data()},
    };
    int visited = 0;
    for (const PageVisit& visit : visits) {
        if (!visit.page || !visit.action)
            continue; // not a page of this role
        ++visited;
        QWidget* page = visit.page.data();
        const QKeySequence shortcut = visit.action->shortcut();
        if (shortcut.isEmpty()) {
            problems << QStringLiteral("%1: the page has no shortcut").arg(visit.name);
            m_window->showPage(page);
        } else {
            QTest::keySequence(m_window, shortcut);
            if (!QTest::qWaitFor([this, page] { return m_window->currentPage() == page; }, 2000)) {
                problems << QStringLiteral("%1: %2 does not show the page")
                                .arg(visit.name, shortcut.toString(QKeySequence::NativeText));
                m_window->showPage(page);
            }
        }
        settle();
        const QStringList cut = cutWidgets(page);
        for (const QString& widget : cut)
            problems << QStringLiteral("%1: %2").arg(visit.name, widget);
        GuiTest::grab(m_window, QStringLiteral("%1-%2").arg(prefix, visit.name), m_language);
    }
    QVERIFY(visited >= 5); // home, search, subject, record entry, new subject at least

    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("In a window of %1x%2:\n").arg(screen.width()).arg(screen.height()) +
                        problems.join(QLatin1Char('\n'))));
}

void TestGuiErgonomics::textSizeAppliesAtOnce()
{
    QVERIFY(waitForMainWindow());
    auto* menu = m_window->findChild<QMenu*>(QStringLiteral("menuTextSize"));
    QVERIFY(menu);
    QHash<QString, QPointer<QAction>> actions;
    for (const char* name :
         {"textSize100", "textSize115", "textSize130", "textSize150", "textLarger", "textSmaller", "textNormal"}) {
        QAction* found = m_window->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(found, name);
        QVERIFY2(menu->actions().contains(found), name);
        actions.insert(QString::fromLatin1(name), found);
    }
    const auto action = [&actions](const char* name) { return actions.value(QString::fromLatin1(name)).data(); };
    QVERIFY(action("textLarger")->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Equal)));
    QVERIFY(action("textLarger")->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Plus)));
    QCOMPARE(action("textSmaller")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QCOMPARE(action("textNormal")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
    // Whatever happens below, later tests get the normal size back.
    const auto restoreText = qScopeGuard([normal = actions.value(QStringLiteral("textNormal"))] {
        if (normal)
            normal->trigger();
        else
            AppController::setTextScale(100);
    });

    showPage(Qt::Key_F);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget*>(m_pages.search));
    auto* message = child<QLabel>(m_pages.search, "messageLabel");
    QVERIFY(message && message->isVisible());
    QCOMPARE(AppController::textScale(), 100);
    QVERIFY(action("textSize100")->isChecked());
    const qreal normalSize = textSize(QApplication::font());
    QVERIFY(normalSize > 0);
    QCOMPARE(textSize(message->font()), normalSize);

    // Ctrl+= twice: larger each time, at once on the page shown, checked in the menu and kept in the settings.
    qreal previous = normalSize;
    for (const int percent : {115, 130}) {
        QTest::keyClick(m_window, Qt::Key_Equal, Qt::ControlModifier);
        const qreal now = textSize(QApplication::font());
        QVERIFY2(now > previous, qPrintable(QStringLiteral("%1 after Ctrl+=, %2 before").arg(now).arg(previous)));
        QCOMPARE(textSize(message->font()), now);
        QCOMPARE(AppController::textScale(), percent);
        QVERIFY(actions.value(QStringLiteral("textSize%1").arg(percent))->isChecked());
        QCOMPARE(QSettings().value(QStringLiteral("ui/textScale")).toInt(), percent);
        previous = now;
    }
    QVERIFY(!action("textSize100")->isChecked());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("130")),
             qPrintable(m_window->statusBar()->currentMessage()));

    // Ctrl+0: the normal size again.
    QTest::keyClick(m_window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(textSize(QApplication::font()), normalSize);
    QCOMPARE(textSize(message->font()), normalSize);
    QCOMPARE(AppController::textScale(), 100);
    QVERIFY(action("textSize100")->isChecked());
    QCOMPARE(QSettings().value(QStringLiteral("ui/textScale")).toInt(), 100);

    // The largest size, chosen in the menu; Ctrl+- steps back down to 130 %.
    action("textSize150")->trigger();
    QCOMPARE(AppController::textScale(), 150);
    const qreal largest = textSize(QApplication::font());
    QVERIFY(largest > previous);
    QCOMPARE(textSize(message->font()), largest);
    settle();
    GuiTest::grab(m_window, QStringLiteral("text-size-150"), m_language);
    QTest::keyClick(m_window, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(AppController::textScale(), 130);
    QVERIFY(action("textSize130")->isChecked());
    QVERIFY(textSize(QApplication::font()) < largest);

    // Back to normal for the tests after this one.
    QTest::keyClick(m_window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(AppController::textScale(), 100);
    QCOMPARE(textSize(QApplication::font()), normalSize);
    QCOMPARE(QSettings().value(QStringLiteral("ui/textScale")).toInt(), 100);
}

QTEST_MAIN(TestGuiErgonomics)
#include "TestGuiErgonomics.moc"
