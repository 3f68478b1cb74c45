#include "CaseReceipt.h"

#include "CaseWorkflow.h"
#include "domain/Identifiers.h"
#include "domain/PolicyProfile.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace CaseReceipt {

namespace {
QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}
} // namespace

bool gather(const CaseRepository& repository, const PolicyRegistry& policies, const QString& caseNo, const QDate& asOf,
            const QString& workstationName, const QString& operatorName, Content* content, QString* error)
{
    Content c;
    if (!repository.find(caseNo, &c.record, error)) {
        if (error && error->isEmpty())
            *error = QCoreApplication::translate("CaseReceipt", "There is no case %1.").arg(caseNo);
        return false;
    }
    if (!repository.timer(c.record, asOf, &c.timer, error) || !repository.materials(c.record.id, &c.materials, error))
        return false;
    QStringList present;
    for (const CaseMaterialRecord& m : c.materials)
        present << m.key;
    if (const PolicyProfilePtr profile = policies.profileOn(c.record.receivedOn)) {
        for (const PolicyMaterial& m : profile->materials(c.record.kind, c.record.applicant.viaAgent())) {
            if (present.contains(m.term.key))
                c.presentLabels << m.term.label();
            else
                c.missingLabels << m.term.label();
        }
    }
    c.workstationName = workstationName;
    c.operatorName = operatorName;
    c.printedAt = QDateTime::currentDateTime();
    *content = c;
    return true;
}

QString html(const Content& c)
{
    const CaseRecord& r = c.record;
    const bool repair = r.kind == CaseKind::Repair;
    QString out;
    out += QStringLiteral("<html><body style=\"font-size:11pt\">");
    out += QStringLiteral("<p align=\"center\" style=\"font-size:13pt\">%1</p>")
               .arg(esc(QCoreApplication::translate("CaseReceipt", "Xiamen Public Credit Information Centre")));
    out += QStringLiteral("<h2 align=\"center\">%1</h2>")
               .arg(esc(
                   repair ? QCoreApplication::translate("CaseReceipt", "Acceptance Receipt: Credit Repair Application")
                          : QCoreApplication::translate("CaseReceipt",
                                                        "Acceptance Receipt: Objection to Public Credit Information")));
    out += QStringLiteral("<p align=\"right\">%1</p>")
               .arg(esc(QCoreApplication::translate("CaseReceipt", "Case number: %1").arg(r.caseNo)));
    out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"6\">");
    auto row = [&out](const QString& label, const QString& value) {
        out += QStringLiteral("<tr><td width=\"28%\">%1</td><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    row(QCoreApplication::translate("CaseReceipt", "Subject"), r.subjectName);
    row(QCoreApplication::translate("CaseReceipt", "Identifier"), Identifiers::mask(r.subjectIdentifier));
    row(QCoreApplication::translate("CaseReceipt", "Applicant"),
        QCoreApplication::translate("CaseReceipt", "%1 (%2)")
            .arg(r.applicant.name, r.applicant.capacity == QLatin1String("self")
                                       ? QCoreApplication::translate("CaseReceipt", "the subject in person")
                                   : r.applicant.capacity == QLatin1String("representative")
                                       ? QCoreApplication::translate("CaseReceipt", "legal representative")
                                       : QCoreApplication::translate("CaseReceipt", "agent with a power of attorney")));
    row(QCoreApplication::translate("CaseReceipt", "Applicant's ID"), Identifiers::mask(r.applicant.idNumber));
    QStringList items;
    for (qint64 id : r.itemIds)
        items << QString::number(id);
    row(QCoreApplication::translate("CaseReceipt", "Credit items"), items.join(QStringLiteral(", ")));
    if (!repair)
        row(QCoreApplication::translate("CaseReceipt", "Grounds"), ObjectionGrounds::displayName(r.grounds));
    row(QCoreApplication::translate("CaseReceipt", "Received on"), r.receivedOn.toString(Qt::ISODate));
    row(QCoreApplication::translate("CaseReceipt", "Materials received"),
        c.presentLabels.isEmpty() ? QCoreApplication::translate("CaseReceipt", "none")
                                  : c.presentLabels.join(QStringLiteral("; ")));
    row(QCoreApplication::translate("CaseReceipt", "Materials to supplement"),
        c.missingLabels.isEmpty() ? QCoreApplication::translate("CaseReceipt", "none")
                                  : c.missingLabels.join(QStringLiteral("; ")));
    const DeadlineStatus& clock = c.timer.current;
    QString due;
    if (r.paused || !clock.dueDate.isValid())
        due = QCoreApplication::translate(
            "CaseReceipt",
            "The time limit starts to run again on the working day after the missing materials are received "
            "(time taken to supplement materials is not counted).");
    else
        due = QCoreApplication::translate("CaseReceipt", "%1 (%2 working days%3)")
                  .arg(clock.dueDate.toString(Qt::ISODate))
                  .arg(clock.limit)
                  .arg(c.timer.estimated ? QCoreApplication::translate("CaseReceipt", ", estimated") : QString());
    row(repair ? QCoreApplication::translate("CaseReceipt", "Municipal review due")
               : QCoreApplication::translate("CaseReceipt", "Decision due"),
        due);
    if (repair && c.timer.total.dueDate.isValid() && !r.paused)
        row(QCoreApplication::translate("CaseReceipt", "Whole procedure due"),
            QCoreApplication::translate("CaseReceipt",
                                        "%1 (10 working days, including the provincial and national review)")
                .arg(c.timer.total.dueDate.toString(Qt::ISODate)));
    out += QStringLiteral("</table>");
    out += QStringLiteral("<p>%1</p>")
               .arg(esc(repair ? QCoreApplication::translate(
                                     "CaseReceipt",
                                     "Your application has been received. Time limits are counted in working days; "
                                     "the day of receipt is not counted. The decision will be notified to you.")
                               : QCoreApplication::translate(
                                     "CaseReceipt",
                                     "Your objection has been received. While it is handled, the item is shown as "
                                     "under objection. The result will be notified to you.")));
    out += QStringLiteral("<p>%1<br/>%2<br/>%3</p>")
               .arg(esc(QCoreApplication::translate("CaseReceipt", "Service window: %1").arg(c.workstationName)),
                    esc(QCoreApplication::translate("CaseReceipt", "Received by: %1").arg(r.intakeBy)),
                    esc(QCoreApplication::translate("CaseReceipt", "Printed by %1 on %2")
                            .arg(c.operatorName, c.printedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")))));
    out += QStringLiteral("</body></html>");
    return out;
}

void setUp(QTextDocument* document, const Content& content)
{
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    font.setPointSizeF(11);
    document->setDefaultFont(font);
    document->setHtml(html(content));
}

bool writePdf(const Content& content, const QString& path, QString* error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QCoreApplication::translate("CaseReceipt", "Acceptance receipt %1").arg(content.record.caseNo));
    writer.setCreator(QStringLiteral("xmcredit"));
    QTextDocument document;
    setUp(&document, content);
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QCoreApplication::translate("CaseReceipt", "The PDF %1 cannot be written.").arg(path);
        return false;
    }
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    document.documentLayout()->setPaintDevice(&writer);
    document.setPageSize(QSizeF(page.width(), page.height()));
    document.drawContents(&painter);
    painter.end();
    return true;
}

} // namespace CaseReceipt
