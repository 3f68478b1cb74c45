// Scans are viewable: an image and a two-page PDF stored in the encrypted database are shown from memory by the
// scan viewer (the case page opens it on Enter), each viewing is audited, and a damaged or unreadable scan is
// refused with a reason.

#include "GuiTestHelpers.h"
#include "ScanViewer.h"
#include "TestDatabase.h"

#include "records/AttachmentStore.h"
#include "storage/Session.h"

#include <QBuffer>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

class TestGuiScanViewer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void imageAndPdfAreShownAndAudited();
    void unreadableScansAreRefused();

private:
    qint64 store(const QString& name, const QString& mime, const QByteArray& bytes);
    int views() const
    {
        return m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'attachment.view'")).toInt();
    }

    QTemporaryDir m_tmp;
    QScopedPointer<TestDatabase> m_tdb;
    Session m_clerk;
    QString m_language;
};

void TestGuiScanViewer::initTestCase()
{
    m_language = GuiTest::setUpApplication(m_tmp.path());
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    QVERIFY(m_tdb->enrol(QStringLiteral("clerk1"), Role::Clerk));
    m_clerk.workstationDir = m_tdb->directory();
    m_clerk.databasePath = m_tdb->path();
    m_clerk.username = QStringLiteral("clerk1");
    m_clerk.displayName = QStringLiteral("李娜");
    m_clerk.role = Role::Clerk;
    m_clerk.connectionName = m_tdb->connectionName();
}

qint64 TestGuiScanViewer::store(const QString& name, const QString& mime, const QByteArray& bytes)
{
    qint64 id = 0;
    QString error;
    AttachmentStore attachments(m_tdb->database());
    if (!attachments.store(QStringLiteral("case"), 1, name, mime, bytes, m_clerk.username, &id, &error))
        qWarning("%s", qPrintable(error));
    return id;
}

void TestGuiScanViewer::imageAndPdfAreShownAndAudited()
{
    QImage image(600, 800, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.drawText(QRect(0, 0, 600, 100), Qt::AlignCenter, QStringLiteral("Credit commitment letter"));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    const qint64 imageId = store(QStringLiteral("letter.png"), QStringLiteral("image/png"), png);
    QVERIFY(imageId > 0);

    QByteArray pdf;
    QBuffer pdfBuffer(&pdf);
    pdfBuffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdfBuffer);
        writer.setResolution(72);
        QPainter painter(&writer);
        QFont font = painter.font();
        font.setPointSize(28);
        painter.setFont(font);
        painter.drawText(QPointF(72, 120), QStringLiteral("Proof of payment, page one"));
        writer.newPage();
        painter.drawText(QPointF(72, 120), QStringLiteral("Proof of payment, page two"));
    }
    if (qEnvironmentVariableIsSet("XMCREDIT_SCREENSHOT_DIR")) {
        QFile copy(QDir(qEnvironmentVariable("XMCREDIT_SCREENSHOT_DIR")).filePath(QStringLiteral("scan-proof.pdf")));
        if (copy.open(QIODevice::WriteOnly))
            copy.write(pdf);
    }
    const qint64 pdfId = store(QStringLiteral("proof.pdf"), QStringLiteral("application/pdf"), pdf);
    QVERIFY(pdfId > 0);

    const int before = views();
    ScanViewer viewer(m_clerk, imageId);
    QVERIFY2(viewer.ok(), qPrintable(viewer.error()));
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QVERIFY(!viewer.findChild<QLabel*>(QStringLiteral("pageLabel"))->pixmap().isNull());
    QCOMPARE(viewer.pageCount(), 1);

    ScanViewer pages(m_clerk, pdfId);
    QVERIFY2(pages.ok(), qPrintable(pages.error()));
    QCOMPARE(pages.pageCount(), 2);
    pages.resize(900, 700);
    pages.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pages));
    QTest::keyClick(&pages, Qt::Key_PageDown);
    QCOMPARE(pages.findChild<QSpinBox*>(QStringLiteral("pageSpin"))->value(), 2);
    QVERIFY(!pages.findChild<QLabel*>(QStringLiteral("pageLabel"))->pixmap().isNull());
    GuiTest::grab(&pages, QStringLiteral("scan-viewer"), m_language);
    QCOMPARE(views(), before + 2);
}

void TestGuiScanViewer::unreadableScansAreRefused()
{
    const qint64 junk = store(QStringLiteral("junk.pdf"), QStringLiteral("application/pdf"), "%PDF-1.4 not really");
    ScanViewer viewer(m_clerk, junk);
    QVERIFY(!viewer.ok());
    QVERIFY(!viewer.error().isEmpty());
    // A scan whose bytes no longer match their SHA-256 is not shown at all.
    QString error;
    QVERIFY2(m_tdb->exec(QStringLiteral("DROP TRIGGER attachments_no_update; DROP TRIGGER attachments_seal_update; "
                                        "UPDATE attachments SET bytes = zeroblob(length(bytes)) WHERE id = %1")
                             .arg(junk),
                         &error),
             qPrintable(error));
    ScanViewer damaged(m_clerk, junk);
    QVERIFY(!damaged.ok());
    // A role that may not look at applicants' documents is refused.
    Session admin = m_clerk;
    admin.role = Role::Administrator;
    ScanViewer refused(admin, store(QStringLiteral("x.png"), QStringLiteral("image/png"), "x"));
    QVERIFY(!refused.ok());
}

QTEST_MAIN(TestGuiScanViewer)
#include "TestGuiScanViewer.moc"
