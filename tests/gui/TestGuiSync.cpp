// Import Exchange Package… in the window: an administrator applies the platform's signed package off the GUI thread
// (the window keeps answering), the outcome shows in words; an altered package is refused with nothing applied; a
// clerk has no such command.

#include "GuiTestHelpers.h"
#include "MainWindow.h"
#include "PackageImport.h"
#include "TestDatabase.h"
#include "WindowPages.h"
#include "WorkstationFixture.h"

#include "records/DemoCity.h"
#include "storage/Signing.h"
#include "storage/Workstation.h"
#include "sync/FeedApplier.h"
#include "sync/ReferenceFeed.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString AdminPassword = QStringLiteral("admin password 0");
const QString ClerkPassword = QStringLiteral("clerk password 1");
} // namespace

class TestGuiSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void administratorImportsAPackage();
    void alteredPackageIsRefused();
    void clerkHasNoImport();

private:
    void logIn(const QString& user, const QString& password);
    int subjects() const
    {
        QSqlQuery q(m_session.database());
        return q.exec(QStringLiteral("SELECT count(*) FROM subjects")) && q.next() ? q.value(0).toInt() : -1;
    }

    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_language;
    QString m_package;
    QString m_altered;
    Session m_session;
    MainWindow* m_window = nullptr;
};

void TestGuiSync::initTestCase()
{
    m_language = GuiTest::setUpApplication(m_tmp.path());
    QString error;
    m_dir = m_tmp.filePath(QStringLiteral("ws"));
    Session admin;
    QVERIFY2(WorkstationFixture::create(
                 m_dir, QStringLiteral("思明区信用服务点"),
                 {QStringLiteral("admin"), QStringLiteral("王芳"), Role::Administrator, AdminPassword},
                 {{QStringLiteral("clerk1"), QStringLiteral("李娜"), Role::Clerk, ClerkPassword}}, &error, &admin),
             qPrintable(error));
    const SecureBytes seed = SecureBytes::random(Signing::SeedBytes);
    QVERIFY2(
        SyncEnrolment::enrol(admin, QStringLiteral("xm-credit-platform"), Signing::publicKey(seed), QString(), &error),
        qPrintable(error));
    Workstation::closeSession(admin);

    // The platform's side: a small generated city as signed pages.
    QJsonArray subjectChanges, itemChanges;
    {
        TestDatabase city;
        QVERIFY(city.isValid());
        DemoCityOptions options;
        options.subjects = 300;
        options.seed = 8;
        options.actor = QStringLiteral("platform");
        QSqlDatabase db = city.database();
        QVERIFY2(DemoCity::generate(db, options, nullptr, &error), qPrintable(error));
        QVERIFY(ReferenceFeed::cityChanges(db, &subjectChanges, &itemChanges, &error));
    }
    QList<QByteArray> lines = ReferenceFeed::signedPages(QStringLiteral("xm-credit-platform"),
                                                         QStringLiteral("subjects"), subjectChanges, 100, 1, seed);
    lines << ReferenceFeed::signedPages(QStringLiteral("xm-credit-platform"), QStringLiteral("credit_items"),
                                        itemChanges, 500, 1, seed);
    const QByteArray package = FeedApplier::makePackage(QStringLiteral("xm-credit-platform"), lines, seed);
    m_package = m_tmp.filePath(QStringLiteral("city.pkg"));
    QFile out(m_package);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(package);
    out.close();
    // The same package with one page signed by someone else.
    lines[1] = FeedPages::signLine(QByteArrayLiteral("{}"), SecureBytes::random(Signing::SeedBytes));
    m_altered = m_tmp.filePath(QStringLiteral("altered.pkg"));
    QFile altered(m_altered);
    QVERIFY(altered.open(QIODevice::WriteOnly));
    altered.write(FeedApplier::makePackage(QStringLiteral("xm-credit-platform"), lines, seed));
}

void TestGuiSync::cleanup()
{
    delete m_window;
    m_window = nullptr;
    if (m_session.isValid())
        Workstation::closeSession(m_session);
    m_session = {};
}

void TestGuiSync::logIn(const QString& user, const QString& password)
{
    QString error;
    QVERIFY2(WorkstationFixture::openSession(m_dir, user, password, QStringLiteral("gui"), &m_session, &error),
             qPrintable(error));
    m_window = new MainWindow(m_session);
    installWindowPages(m_window);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestGuiSync::administratorImportsAPackage()
{
    logIn(QStringLiteral("admin"), AdminPassword);
    auto* import = m_window->findChild<PackageImport*>();
    QVERIFY(import);
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("actionImportPackage")));
    QCOMPARE(subjects(), 0);
    QSignalSpy finished(import, &PackageImport::finished);
    import->importFile(m_package);
    // The window keeps answering while the worker applies the package.
    QTest::keyClick(m_window, Qt::Key_U, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(subjects(), 300);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("credit_items")));
    GuiTest::grab(m_window, QStringLiteral("sync-imported"), m_language);
}

void TestGuiSync::alteredPackageIsRefused()
{
    logIn(QStringLiteral("admin"), AdminPassword);
    auto* import = m_window->findChild<PackageImport*>();
    QSignalSpy finished(import, &PackageImport::finished);
    const int before = subjects();
    import->importFile(m_altered);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(!finished.at(0).at(1).toString().isEmpty());
    QCOMPARE(subjects(), before);
}

void TestGuiSync::clerkHasNoImport()
{
    logIn(QStringLiteral("clerk1"), ClerkPassword);
    QVERIFY(!m_window->findChild<PackageImport*>());
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("actionImportPackage")));
}

QTEST_MAIN(TestGuiSync)
#include "TestGuiSync.moc"
