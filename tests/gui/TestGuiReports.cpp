// The report printer through the real widgets: a clerk asks for a report from the subject view (Alt+P) on each
// basis, is refused without one (the reason on screen, nothing issued), previews it and saves the PDF through the
// file dialog; the saved PDF reads back with pdftotext; the verification page (Ctrl+Y) says genuine for the
// number and code and refuses a wrong code; a reviewer (who may not print reports) has no report button.

#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "ReportPreviewDialog.h"
#include "ReportRequestDialog.h"
#include "ReportVerifyPage.h"
#include "SubjectPage.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"

#include "EntryFields.h"
#include "QueryBasisDialog.h"
#include "records/DemoCity.h"
#include "records/SubjectRepository.h"
#include "storage/Workstation.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using GuiTest::child;

namespace {
const QString ClerkPassword = QStringLiteral("clerk password 1");
const QString ReviewerPassword = QStringLiteral("reviewer password 2");
} // namespace

class TestGuiReports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void refusedWithoutABasis();
    void agencyReportPreviewedAndSavedAsPdf();
    void selfQueryOfAPerson();
    void authorisedThirdPartyWithTheScan();
    void specialReport();
    void verificationPage();
    void reviewerHasNoReportButton();

private:
    void logIn(const QString& user, const QString& password);
    void openSubject(const Subject& subject);
    ReportRequestDialog* openRequest();
    ReportPreviewDialog* issue(ReportRequestDialog* dialog);
    int reportCount() const;

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
    Session m_session;
    MainWindow* m_window = nullptr;
    WindowPages m_pages;
    Subject m_company;
    Subject m_person;
    QString m_lastNumber;
    QString m_lastCode;
};

void TestGuiReports::initTestCase()
{
    m_language = GuiTest::setUpApplication(m_tmp.path());
    QString error;
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    Session admin;
    QVERIFY2(
        WorkstationFixture::create(
            m_dir, QStringLiteral("思明区信用服务点 3 号窗口"),
            {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, QStringLiteral("admin password 0")},
            {{QStringLiteral("clerk1"), QStringLiteral("李娜"), Role::Clerk, ClerkPassword},
             {QStringLiteral("rev1"), QStringLiteral("黄初审"), Role::Reviewer, ReviewerPassword}},
            &error, &admin),
        qPrintable(error));
    {
        DemoCityOptions options;
        options.subjects = 400;
        options.seed = 31;
        options.today = QDate::currentDate();
        options.actor = admin.username;
        QSqlDatabase db = admin.database();
        QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
        // A company with a recorded legal representative and dishonest items, and a natural person.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT s.id FROM subjects s WHERE s.kind = 'legal_person' AND s.legal_representative <> '' AND "
            "(SELECT count(*) FROM credit_items i WHERE i.subject_id = s.id AND i.category = 'dishonest') >= 2 "
            "ORDER BY s.id LIMIT 1")));
        QVERIFY(q.next());
        QVERIFY(SubjectRepository(db).findById(q.value(0).toLongLong(), &m_company));
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM subjects WHERE kind = 'natural_person' ORDER BY id LIMIT 1")));
        QVERIFY(q.next());
        QVERIFY(SubjectRepository(db).findById(q.value(0).toLongLong(), &m_person));
    }
    Workstation::closeSession(admin);
}

void TestGuiReports::cleanup()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog*>(w))
            w->close();
    }
    delete m_window;
    m_window = nullptr;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
    m_session = {};
}

void TestGuiReports::logIn(const QString& user, const QString& password)
{
    QString error;
    QVERIFY2(WorkstationFixture::openSession(m_dir, user, password, QStringLiteral("gui"), &m_session, &error),
             qPrintable(error));
    m_window = new MainWindow(m_session);
    m_pages = installWindowPages(m_window);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestGuiReports::openSubject(const Subject& subject)
{
    QueryBasis basis;
    basis.kind = QStringLiteral("self_query");
    basis.details = {{QStringLiteral("document"), QStringLiteral("resident_id_card")},
                     {QStringLiteral("verified_by"), QStringLiteral("card_reader")}};
    QString error;
    QVERIFY2(m_pages.subject->openSubject(subject.id, basis, &error), qPrintable(error));
    m_window->showPage(m_pages.subject);
}

ReportRequestDialog* TestGuiReports::openRequest()
{
    auto* button = child<QPushButton>(m_pages.subject, "reportButton");
    if (!button || !button->isVisible())
        return nullptr;
    m_pages.subject->setFocus();
    // The button's mnemonic, as a clerk presses it.
    QTest::keyClick(m_window, Qt::Key_P, Qt::AltModifier);
    ReportRequestDialog* dialog = nullptr;
    for (int waited = 0; !dialog && waited < 5000; waited += 50) {
        QTest::qWait(50);
        dialog = m_window->findChild<ReportRequestDialog*>();
    }
    return dialog && QTest::qWaitForWindowActive(dialog) ? dialog : nullptr;
}

ReportPreviewDialog* TestGuiReports::issue(ReportRequestDialog* dialog)
{
    QTest::keyClick(child<QPushButton>(dialog, "issueButton"), Qt::Key_Return);
    ReportPreviewDialog* preview = nullptr;
    for (int waited = 0; !preview && waited < 5000; waited += 50) {
        QTest::qWait(50);
        preview = m_window->findChild<ReportPreviewDialog*>();
    }
    if (preview) {
        m_lastNumber = preview->report().number;
        m_lastCode = preview->report().code;
    }
    return preview;
}

int TestGuiReports::reportCount() const
{
    QSqlQuery q(m_session.database());
    return q.exec(QStringLiteral("SELECT count(*) FROM reports")) && q.next() ? q.value(0).toInt() : -1;
}

void TestGuiReports::refusedWithoutABasis()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    openSubject(m_company);
    ReportRequestDialog* dialog = openRequest();
    QVERIFY(dialog);
    // The basis combo has the focus: choose the agency, leave its fields empty, press Enter.
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(dialog, "basisCombo"));
    child<KeyComboBox>(dialog, "basisCombo")->setCurrentKey(QStringLiteral("agency"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    auto* error = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(m_language == QLatin1String("en") ? QStringLiteral("Name the government agency")
                                                                      : QStringLiteral("请填写查询的政府部门")),
             qPrintable(error->text()));
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(dialog, "agencyEdit"));
    QVERIFY(dialog->isVisible());
    GuiTest::grab(dialog, QStringLiteral("report-request-refused"), m_language);
    // An organisation cannot come "in person".
    child<KeyComboBox>(dialog, "basisCombo")->setCurrentKey(QStringLiteral("self"));
    child<KeyComboBox>(dialog, "capacityCombo")->setCurrentKey(QStringLiteral("self"));
    child<QLineEdit>(dialog, "documentNumberEdit")->setText(QStringLiteral("350203199001010018"));
    QTest::keyClick(child<QWidget>(dialog, "documentNumberEdit"), Qt::Key_Return);
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(reportCount(), 0);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<ReportRequestDialog*>());
}

void TestGuiReports::agencyReportPreviewedAndSavedAsPdf()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    openSubject(m_company);
    ReportRequestDialog* dialog = openRequest();
    QVERIFY(dialog);
    child<KeyComboBox>(dialog, "basisCombo")->setCurrentKey(QStringLiteral("agency"));
    child<QLineEdit>(dialog, "agencyEdit")->setText(QStringLiteral("厦门市财政局"));
    child<QWidget>(dialog, "agencyDocumentEdit")->setFocus();
    QTest::keyClicks(child<QWidget>(dialog, "agencyDocumentEdit"), QStringLiteral("XCC-2026-8"));
    child<KeyComboBox>(dialog, "purposeCombo")->setCurrentKey(QStringLiteral("procurement_funding_land_research"));
    GuiTest::grab(dialog, QStringLiteral("report-request"), m_language);
    ReportPreviewDialog* preview = issue(dialog);
    QVERIFY(preview);
    QVERIFY(QTest::qWaitForWindowExposed(preview));
    QCOMPARE(reportCount(), 1);
    auto* widget = child<QPrintPreviewWidget>(preview, "preview");
    QTRY_VERIFY(widget->pageCount() >= 1);
    GuiTest::grab(preview, QStringLiteral("report-preview"), m_language);

    // Save as PDF (Ctrl+S): the file dialog asks where; the PDF is written off the GUI thread, then recorded.
    QSignalSpy made(preview, &ReportPreviewDialog::copyMade);
    QTest::keyClick(preview, Qt::Key_S, Qt::ControlModifier);
    QFileDialog* files = nullptr;
    QTRY_VERIFY((files = preview->findChild<QFileDialog*>()) != nullptr);
    const QString pdf = m_tmp.filePath(QStringLiteral("report.pdf"));
    // The clerk types the path into the dialog's file name field and presses Enter.
    auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QTRY_VERIFY(files->isVisible());
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, pdf);
    // Under load the dialog's completer may pop up after the last key and take the Return for itself (as it would
    // for a clerk: Escape closes the list, then Return accepts).
    QTest::qWait(50);
    if (name->completer() && name->completer()->popup() && name->completer()->popup()->isVisible())
        QTest::keyClick(name->completer()->popup(), Qt::Key_Escape);
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(made.count(), 1, 15000);
    QCOMPARE(made.at(0).at(0).toInt(), 1);
    QVERIFY2(QFile::exists(pdf), qPrintable(child<QLabel>(preview, "statusLabel")->text()));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString out = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(out.contains(m_company.name), qPrintable(out));
    QVERIFY(out.contains(m_lastNumber));
    // A second copy is a reprint, and says so.
    preview->savePdf(m_tmp.filePath(QStringLiteral("again.pdf")));
    QTRY_COMPARE_WITH_TIMEOUT(made.count(), 2, 15000);
    QCOMPARE(made.at(1).at(0).toInt(), 2);
    QVERIFY(child<QLabel>(preview, "statusLabel")->text().contains(QStringLiteral("2")));
    QSqlQuery q(m_session.database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'report.reprint'")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestGuiReports::selfQueryOfAPerson()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    openSubject(m_person);
    ReportRequestDialog* dialog = openRequest();
    QVERIFY(dialog);
    QCOMPARE(child<KeyComboBox>(dialog, "basisCombo")->currentKey(), QStringLiteral("self"));
    QCOMPARE(child<QLineEdit>(dialog, "applicantEdit")->text(), m_person.name);
    // Someone else's ID card is refused; the subject's own passes. The card reader types it.
    auto* number = child<QLineEdit>(dialog, "documentNumberEdit");
    number->setFocus();
    QTest::keyClicks(number, DemoCity::residentId(QStringLiteral("350203"), QDate(1970, 5, 5), 9));
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_VERIFY(child<QLabel>(dialog, "errorLabel")->isVisible());
    QCOMPARE(reportCount(), 1);
    number->clear();
    QTest::keyClicks(number, m_person.identifier);
    ReportPreviewDialog* preview = issue(dialog);
    QVERIFY(preview);
    QCOMPARE(reportCount(), 2);
    QCOMPARE(preview->report().mode, DisclosureMode::Authorised);
    QVERIFY(preview->report().content.basisText.contains(m_person.name));
}

void TestGuiReports::authorisedThirdPartyWithTheScan()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    openSubject(m_company);
    ReportRequestDialog* dialog = openRequest();
    QVERIFY(dialog);
    child<KeyComboBox>(dialog, "basisCombo")->setCurrentKey(QStringLiteral("authorised"));
    QVERIFY(child<QLineEdit>(dialog, "applicantEdit")->text().isEmpty());
    child<QLineEdit>(dialog, "applicantEdit")->setText(QStringLiteral("王代理"));
    child<QLineEdit>(dialog, "documentNumberEdit")
        ->setText(DemoCity::residentId(QStringLiteral("350206"), QDate(1988, 8, 8), 31));
    child<QLineEdit>(dialog, "authorisationRefEdit")->setText(QStringLiteral("2026 授权书"));
    child<OptionalDateEdit>(dialog, "validFromEdit")->setOptionalDate(QDate::currentDate().addDays(-3));
    child<OptionalDateEdit>(dialog, "validUntilEdit")->setOptionalDate(QDate::currentDate().addDays(30));
    // Without the scan: refused, the focus on the scan button.
    QTest::keyClick(child<QWidget>(dialog, "authorisationRefEdit"), Qt::Key_Return);
    QTRY_VERIFY(child<QLabel>(dialog, "errorLabel")->isVisible());
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(dialog, "scanButton"));
    const int before = reportCount();
    const QString scan = m_tmp.filePath(QStringLiteral("authorisation.pdf"));
    QFile file(scan);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4\n% the subject's written authorisation\n");
    file.close();
    QVERIFY(!dialog->attachAuthorisation(m_tmp.filePath(QStringLiteral("missing.pdf"))));
    QVERIFY(dialog->attachAuthorisation(scan));
    QVERIFY(child<QLabel>(dialog, "scanLabel")->text().contains(QStringLiteral("authorisation.pdf")));
    ReportPreviewDialog* preview = issue(dialog);
    QVERIFY(preview);
    QCOMPARE(reportCount(), before + 1);
    QVERIFY(preview->report().authorisationId > 0);
}

void TestGuiReports::specialReport()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    openSubject(m_company);
    ReportRequestDialog* dialog = openRequest();
    QVERIFY(dialog);
    child<KeyComboBox>(dialog, "kindCombo")->setCurrentKey(QStringLiteral("special"));
    QVERIFY(child<QWidget>(dialog, "specialBox")->isVisible());
    child<KeyComboBox>(dialog, "basisCombo")->setCurrentKey(QStringLiteral("agency"));
    child<QLineEdit>(dialog, "agencyEdit")->setText(QStringLiteral("厦门市住房和建设局"));
    child<QLineEdit>(dialog, "agencyDocumentEdit")->setText(QStringLiteral("厦建函〔2026〕3号"));
    // No field ticked: refused.
    QTest::keyClick(child<QWidget>(dialog, "agencyDocumentEdit"), Qt::Key_Return);
    QTRY_VERIFY(child<QLabel>(dialog, "errorLabel")->isVisible());
    // Space ticks a field, as a clerk does.
    auto* fields = child<QListWidget>(dialog, "fieldsList");
    fields->setFocus();
    fields->setCurrentRow(0);
    QTest::keyClick(fields, Qt::Key_Space);
    QCOMPARE(fields->item(0)->checkState(), Qt::Checked);
    GuiTest::grab(dialog, QStringLiteral("report-request-special"), m_language);
    ReportPreviewDialog* preview = issue(dialog);
    QVERIFY(preview);
    QCOMPARE(preview->report().kind, ReportKind::Special);
}

void TestGuiReports::verificationPage()
{
    QVERIFY(!m_lastNumber.isEmpty());
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    QVERIFY(m_pages.reportVerify);
    QTest::keyClick(m_window, Qt::Key_Y, Qt::ControlModifier);
    QTRY_VERIFY(m_pages.reportVerify->isVisible());
    auto* number = child<QLineEdit>(m_pages.reportVerify, "numberEdit");
    QTRY_COMPARE(QApplication::focusWidget(), number);
    QTest::keyClicks(number, m_lastNumber);
    QTest::keyClick(number, Qt::Key_Return);
    auto* code = child<QLineEdit>(m_pages.reportVerify, "codeEdit");
    QCOMPARE(QApplication::focusWidget(), code);
    QTest::keyClicks(code, QString(m_lastCode).remove(QLatin1Char('-')).toLower());
    QTest::keyClick(code, Qt::Key_Return);
    auto* result = child<QLabel>(m_pages.reportVerify, "resultLabel");
    QVERIFY2(result->text().contains(m_lastNumber), qPrintable(result->text()));
    QVERIFY(!child<QPlainTextEdit>(m_pages.reportVerify, "contentView")->toPlainText().isEmpty());
    GuiTest::grab(m_window, QStringLiteral("report-verify"), m_language);
    // A wrong code: said so, nothing shown.
    number->setText(m_lastNumber);
    code->setText(QStringLiteral("0000-0000-0000"));
    QTest::keyClick(code, Qt::Key_Return);
    QVERIFY(child<QPlainTextEdit>(m_pages.reportVerify, "contentView")->toPlainText().isEmpty());
    QVERIFY(result->styleSheet().contains(QStringLiteral("c62828")));
}

void TestGuiReports::reviewerHasNoReportButton()
{
    logIn(QStringLiteral("rev1"), ReviewerPassword);
    openSubject(m_company);
    auto* button = child<QPushButton>(m_pages.subject, "reportButton");
    QVERIFY(button);
    QVERIFY(!button->isVisible());
    QTest::keyClick(m_window, Qt::Key_P, Qt::AltModifier);
    QTest::qWait(200);
    QVERIFY(!m_window->findChild<ReportRequestDialog*>());
}

QTEST_MAIN(TestGuiReports)
#include "TestGuiReports.moc"
