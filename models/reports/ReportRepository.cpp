#include "ReportRepository.h"

#include "ReportBuilder.h"
#include "domain/Identifiers.h"
#include "records/AttachmentStore.h"
#include "records/CreditItemRepository.h"
#include "records/RecordSubmissionRepository.h"
#include "records/Savepoint.h"
#include "records/SubjectRepository.h"
#include "storage/AuditLog.h"
#include "storage/Signing.h"
#include "storage/Staff.h"

#include <sodium.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {

using Failure = ReportRepository::Failure;

ReportRepository::Result failure(Failure kind, const QString& message)
{
    return {kind, message};
}

// The unified social credit code's alphabet: no I, O, S, V, Z, so a code read aloud or typed is unambiguous.
const char CodeAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

QString newCode()
{
    QString code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(CodeAlphabet[randombytes_uniform(sizeof(CodeAlphabet) - 1)]);
    }
    return code;
}

const char* SelectColumns = "SELECT id, number, code, kind, subject_id, basis_kind, basis, mode, authorisation_id, "
                            "as_of, issued_by, issued_at, content, sha256, signature, "
                            "(SELECT count(*) FROM report_prints p WHERE p.report_id = reports.id) FROM reports ";

bool readReport(const QSqlQuery& q, IssuedReport* r, QString* error)
{
    r->id = q.value(0).toLongLong();
    r->number = q.value(1).toString();
    r->code = q.value(2).toString();
    fromKey(q.value(3).toString(), &r->kind);
    r->subjectId = q.value(4).toLongLong();
    fromKey(q.value(5).toString(), &r->basisKind);
    r->basis = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    fromKey(q.value(7).toString(), &r->mode);
    r->authorisationId = q.value(8).toLongLong();
    r->asOf = QDate::fromString(q.value(9).toString(), Qt::ISODate);
    r->issuedBy = q.value(10).toString();
    r->issuedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    r->sha256 = q.value(13).toString();
    r->signature = QByteArray::fromHex(q.value(14).toString().toLatin1());
    r->copies = q.value(15).toInt();
    QJsonParseError parse;
    const QJsonDocument content = QJsonDocument::fromJson(q.value(12).toString().toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError || !content.isObject()) {
        if (error)
            *error = QCoreApplication::translate("ReportRepository", "The stored content of report %1 cannot be read.")
                         .arg(r->number);
        return false;
    }
    return ReportContent::fromJson(content.object(), &r->content, error);
}

} // namespace

QString toKey(ReportVerification::Result result)
{
    switch (result) {
    case ReportVerification::Result::Genuine:
        return QStringLiteral("genuine");
    case ReportVerification::Result::WrongCode:
        return QStringLiteral("wrong_code");
    case ReportVerification::Result::Unknown:
        return QStringLiteral("unknown");
    case ReportVerification::Result::Damaged:
        return QStringLiteral("damaged");
    case ReportVerification::Result::Throttled:
        return QStringLiteral("throttled");
    case ReportVerification::Result::Denied:
        return QStringLiteral("denied");
    }
    return QString();
}

ReportRepository::ReportRepository(const Session& session, const PolicyRegistry& policies)
    : m_session(session)
    , m_policies(policies)
{}

QString ReportRepository::normaliseNumber(const QString& text)
{
    return Identifiers::normalise(text);
}

QString ReportRepository::normaliseCode(const QString& text)
{
    QString plain = Identifiers::normalise(text).remove(QLatin1Char('-'));
    QString out;
    for (int i = 0; i < plain.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += QLatin1Char('-');
        out += plain.at(i);
    }
    return out;
}

QByteArray ReportRepository::signedMessage(const QString& number, const QString& sha256, const QString& issuedAt)
{
    return QByteArrayLiteral("xmcredit report v1\n") + number.toUtf8() + '\n' + sha256.toLatin1() + '\n' +
           issuedAt.toLatin1();
}

ReportRepository::Result ReportRepository::issue(const ReportRequest& request, const QDate& on, IssuedReport* issued)
{
    if (!m_session.can(Permission::PrintReport))
        return failure(Failure::Denied,
                       QCoreApplication::translate("ReportRepository", "A %1 may not issue credit reports.")
                           .arg(Roles::displayName(m_session.role)));
    if (m_session.readOnly)
        return failure(Failure::Denied, QCoreApplication::translate("ReportRepository", "This session is read-only: %1")
                                            .arg(m_session.integrityProblem));
    QSqlDatabase db = m_session.database();
    Subject subject;
    QString error;
    if (!SubjectRepository(db).findById(request.subjectId, &subject, &error))
        return error.isEmpty() ? failure(Failure::NotFound,
                                         QCoreApplication::translate("ReportRepository", "There is no subject %1.")
                                             .arg(request.subjectId))
                               : failure(Failure::Storage, error);
    QStringList problems = ReportBases::problems(request.basis, subject, on);
    const PolicyProfilePtr policy = m_policies.profileOn(on);
    if (!policy)
        return failure(Failure::Rule,
                       QCoreApplication::translate("ReportRepository", "No credit policy is in force on %1.")
                           .arg(on.toString(Qt::ISODate)));
    if (request.kind == ReportKind::Special)
        problems << request.scope.problems(*policy, on);
    if (!problems.isEmpty())
        return failure(
            Failure::Rule,
            QCoreApplication::translate("ReportRepository", "No report: %1").arg(problems.join(QLatin1Char(' '))));

    QList<CreditItem> items;
    QList<RecordSubmission> submissions;
    if (!CreditItemRepository(db).itemsOfSubject(subject.id, &items, &error) ||
        !RecordSubmissionRepository(db).ofSubject(subject.id, &submissions, &error))
        return failure(Failure::Storage, error);
    const SubjectProfile profile = SubjectProfiles::assess(subject, items, submissions, on, m_policies);

    Savepoint unit(db);
    if (!unit.isActive())
        return failure(Failure::Storage, unit.errorString());
    QSqlQuery q(db);
    // Write first, read after (as AuditLog::append): the write lock is taken before the numbers are read, so two
    // windows on the same file can never compute the same report number or id.
    if (!q.exec(QStringLiteral("UPDATE meta SET value = value WHERE key = 'audit_head_seq'")))
        return failure(Failure::Storage, q.lastError().text());
    // The number: issue date, the workstation's short id, the next number of the day at this workstation.
    const QDateTime now = QDateTime::currentDateTime();
    const QString prefix =
        QStringLiteral("XMR%1-%2-")
            .arg(now.date().toString(QStringLiteral("yyyyMMdd")), m_session.workstationId.left(4).toUpper());
    // Numerically: after …-9999 comes …-10000.
    q.prepare(QStringLiteral("SELECT max(CAST(substr(number, ?) AS INTEGER)), (SELECT coalesce(max(id), 0) FROM "
                             "reports) FROM reports WHERE number >= ? AND number < ?"));
    q.addBindValue(int(prefix.size()) + 1);
    q.addBindValue(prefix);
    q.addBindValue(prefix + QStringLiteral("~"));
    if (!q.exec() || !q.next())
        return failure(Failure::Storage, q.lastError().text());
    const qint64 sequence = q.value(0).isNull() ? 1 : q.value(0).toLongLong() + 1;
    const qint64 id = q.value(1).toLongLong() + 1;
    q.finish();

    IssuedReport r;
    r.id = id;
    r.number = prefix + QStringLiteral("%1").arg(sequence, 4, 10, QLatin1Char('0'));
    r.code = newCode();
    r.kind = request.kind;
    r.subjectId = subject.id;
    r.basisKind = request.basis.kind;
    r.basis = request.basis.toJson();
    r.mode = request.basis.mode();
    r.asOf = on;
    r.issuedBy = m_session.username;
    r.issuedAt = QDateTime::currentDateTimeUtc();
    if (request.basis.kind == ReportBasisKind::Authorised) {
        AttachmentStore store(db);
        if (!store.store(QStringLiteral("report"), id, request.basis.scanFileName, request.basis.scanMimeType,
                         request.basis.scan, m_session.username, &r.authorisationId, &error))
            return failure(Failure::Invalid, error);
    }
    ReportHeader header;
    header.number = r.number;
    header.code = r.code;
    header.generatedAt = QDateTime(now.date(), QTime(now.time().hour(), now.time().minute(), now.time().second()));
    header.workstation = m_session.workstationName;
    header.operatorName = m_session.displayName;
    r.content = ReportBuilder::build(profile, request, header, m_policies);
    r.sha256 = r.content.sha256();
    const QString issuedAt = r.issuedAt.toString(Qt::ISODateWithMs);
    if (!SignerRing::sign(m_session.databasePath, m_session.username, signedMessage(r.number, r.sha256, issuedAt),
                          &r.signature))
        return failure(Failure::Denied,
                       QCoreApplication::translate("ReportRepository",
                                                   "Your signing key is not available in this session: log in again."));

    q.prepare(QStringLiteral("INSERT INTO reports (id, number, code, kind, subject_id, basis_kind, basis, mode, "
                             "authorisation_id, as_of, issued_by, issued_at, content, sha256, signature) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.id);
    q.addBindValue(r.number);
    q.addBindValue(r.code);
    q.addBindValue(toKey(r.kind));
    q.addBindValue(r.subjectId);
    q.addBindValue(toKey(r.basisKind));
    q.addBindValue(QString::fromUtf8(QJsonDocument(r.basis).toJson(QJsonDocument::Compact)));
    q.addBindValue(toKey(r.mode));
    q.addBindValue(r.authorisationId > 0 ? QVariant(r.authorisationId) : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(on.toString(Qt::ISODate));
    q.addBindValue(r.issuedBy);
    q.addBindValue(issuedAt);
    q.addBindValue(QString::fromUtf8(r.content.canonical()));
    q.addBindValue(r.sha256);
    q.addBindValue(QString::fromLatin1(r.signature.toHex()));
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());

    int shownItems = 0;
    for (const ReportTable& t : r.content.tables) {
        if (t.key != QLatin1String("summary"))
            shownItems += int(t.rows.size());
    }
    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = QStringLiteral("report.issue");
    entry.objectType = QStringLiteral("report");
    entry.objectId = r.number;
    entry.basis = request.basis.auditText();
    entry.details = {{QStringLiteral("subject"), QString::number(subject.id)},
                     {QStringLiteral("identifier"), Identifiers::mask(subject.identifier)},
                     {QStringLiteral("kind"), toKey(r.kind)},
                     {QStringLiteral("mode"), toKey(r.mode)},
                     {QStringLiteral("asOf"), on.toString(Qt::ISODate)},
                     {QStringLiteral("items"), shownItems},
                     {QStringLiteral("sha256"), r.sha256}};
    if (r.authorisationId > 0)
        entry.details.insert(QStringLiteral("authorisation"), r.authorisationId);
    if (!AuditLog::append(db, entry, &error))
        return failure(Failure::Storage, error);
    if (!unit.release(&error))
        return failure(Failure::Storage, error);
    *issued = r;
    return {};
}

ReportRepository::Result ReportRepository::find(const QString& number, IssuedReport* report) const
{
    QSqlQuery q(m_session.database());
    q.prepare(QLatin1String(SelectColumns) + QStringLiteral("WHERE number = ?"));
    q.addBindValue(normaliseNumber(number));
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    if (!q.next())
        return failure(Failure::NotFound,
                       QCoreApplication::translate("ReportRepository", "There is no report %1.").arg(number));
    QString error;
    if (!readReport(q, report, &error))
        return failure(Failure::Storage, error);
    return {};
}

ReportRepository::Result ReportRepository::ofSubject(qint64 subjectId, QList<IssuedReport>* reports) const
{
    QSqlQuery q(m_session.database());
    q.setForwardOnly(true);
    q.prepare(QLatin1String(SelectColumns) + QStringLiteral("WHERE subject_id = ? ORDER BY id DESC"));
    q.addBindValue(subjectId);
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    QString error;
    while (q.next()) {
        IssuedReport r;
        if (!readReport(q, &r, &error))
            return failure(Failure::Storage, error);
        reports->append(r);
    }
    return {};
}

ReportRepository::Result ReportRepository::recordCopy(IssuedReport* report, const QString& output,
                                                      ReportRenderer::Copy* copy)
{
    if (!m_session.can(Permission::PrintReport))
        return failure(Failure::Denied,
                       QCoreApplication::translate("ReportRepository", "A %1 may not print credit reports.")
                           .arg(Roles::displayName(m_session.role)));
    if (output != QLatin1String("printer") && output != QLatin1String("pdf"))
        return failure(
            Failure::Invalid,
            QCoreApplication::translate("ReportRepository", "A report is printed on a printer or saved as a PDF."));
    QSqlDatabase db = m_session.database();
    Savepoint unit(db);
    if (!unit.isActive())
        return failure(Failure::Storage, unit.errorString());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce(max(copy_no), 0) FROM report_prints WHERE report_id = ?"));
    q.addBindValue(report->id);
    if (!q.exec() || !q.next())
        return failure(Failure::Storage, q.lastError().text());
    const int number = q.value(0).toInt() + 1;
    q.finish();
    const QDateTime at = QDateTime::currentDateTimeUtc();
    q.prepare(QStringLiteral("INSERT INTO report_prints (report_id, copy_no, output, printed_by, printed_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(report->id);
    q.addBindValue(number);
    q.addBindValue(output);
    q.addBindValue(m_session.username);
    q.addBindValue(at.toString(Qt::ISODateWithMs));
    if (!q.exec())
        return failure(Failure::Storage, q.lastError().text());
    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = number == 1 ? QStringLiteral("report.print") : QStringLiteral("report.reprint");
    entry.objectType = QStringLiteral("report");
    entry.objectId = report->number;
    entry.basis = QString::fromUtf8(QJsonDocument(report->basis).toJson(QJsonDocument::Compact));
    entry.details = {{QStringLiteral("copy"), number},
                     {QStringLiteral("output"), output},
                     {QStringLiteral("sha256"), report->sha256}};
    QString error;
    if (!AuditLog::append(db, entry, &error) || !unit.release(&error))
        return failure(Failure::Storage, error);
    report->copies = number;
    copy->number = number;
    copy->printedBy = m_session.displayName;
    copy->printedAt = at.toLocalTime();
    return {};
}

bool ReportRepository::integrityHolds(const IssuedReport& r, QString* issuerName, QString* problem) const
{
    // The row's number and code are those the signed content states.
    if (r.content.number != r.number || r.content.code != r.code) {
        *problem = QCoreApplication::translate("ReportRepository",
                                               "The number or code stored for report %1 differs from what the report "
                                               "states.")
                       .arg(r.number);
        return false;
    }
    if (r.content.sha256() != r.sha256) {
        *problem = QCoreApplication::translate("ReportRepository",
                                               "The stored content of report %1 no longer matches its hash.")
                       .arg(r.number);
        return false;
    }
    QSqlQuery q(m_session.database());
    q.prepare(QStringLiteral("SELECT display_name, signing_key, retired_keys FROM staff WHERE username = ?"));
    q.addBindValue(r.issuedBy);
    if (!q.exec() || !q.next()) {
        *problem =
            QCoreApplication::translate("ReportRepository", "The issuer of report %1 (%2) is not on the staff list.")
                .arg(r.number, r.issuedBy);
        return false;
    }
    *issuerName = q.value(0).toString();
    QList<QByteArray> keys{QByteArray::fromHex(q.value(1).toString().toLatin1())};
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
        keys << QByteArray::fromHex(v.toObject().value(QLatin1String("key")).toString().toLatin1());
    const QByteArray message = signedMessage(r.number, r.sha256, r.issuedAt.toString(Qt::ISODateWithMs));
    for (const QByteArray& key : keys) {
        if (Signing::verify(key, message, r.signature))
            return true;
    }
    *problem = QCoreApplication::translate("ReportRepository", "The issuer's signature of report %1 does not hold.")
                   .arg(r.number);
    return false;
}

ReportVerification ReportRepository::finishVerification(const QString& number, ReportVerification answer)
{
    if (m_session.readOnly || answer.result == ReportVerification::Result::Throttled ||
        answer.result == ReportVerification::Result::Denied)
        return answer;
    QSqlDatabase db = m_session.database();
    Savepoint unit(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO report_verifications (number, result, asked_by, at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(number);
    q.addBindValue(toKey(answer.result));
    q.addBindValue(m_session.username);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QString error;
    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = QStringLiteral("report.verify");
    entry.objectType = QStringLiteral("report");
    entry.objectId = number;
    entry.details = {{QStringLiteral("result"), toKey(answer.result)}};
    if (!unit.isActive() || !q.exec() || !AuditLog::append(db, entry, &error) || !unit.release(&error)) {
        answer.result = ReportVerification::Result::Damaged;
        answer.message = QCoreApplication::translate("ReportRepository", "The verification could not be recorded: %1")
                             .arg(error.isEmpty() ? q.lastError().text() : error);
        answer.report = {};
    }
    return answer;
}

ReportVerification ReportRepository::verify(const QString& numberText, const QString& codeText)
{
    return check(numberText, codeText, nullptr, nullptr);
}

ReportVerification ReportRepository::check(const QString& numberText, const QString& codeText,
                                           const QString* expectedHash, const QByteArray* expectedSignature)
{
    ReportVerification answer;
    // What a report said is credit information: those who serve the public, and the auditor, may read it back;
    // the administrator (who holds the keys, not the window) may not.
    if (!m_session.can(Permission::QuerySubject) && m_session.role != Role::Auditor) {
        answer.result = ReportVerification::Result::Denied;
        answer.message = QCoreApplication::translate("ReportRepository", "A %1 may not verify reports.")
                             .arg(Roles::displayName(m_session.role));
        return answer;
    }
    const QString number = normaliseNumber(numberText);
    const QString code = normaliseCode(codeText);
    // Throttle: this person's wrong codes and unknown numbers in the last minutes. A failed count refuses (it never
    // lets guessing go on unchecked).
    QSqlQuery q(m_session.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM report_verifications WHERE at >= ? AND asked_by = ? AND result IN "
                             "('wrong_code', 'unknown', 'damaged')"));
    q.addBindValue(QDateTime::currentDateTimeUtc().addSecs(-60 * VerifyWindowMinutes).toString(Qt::ISODateWithMs));
    q.addBindValue(m_session.username);
    if (!q.exec() || !q.next() || q.value(0).toInt() >= VerifyAttempts) {
        answer.result = ReportVerification::Result::Throttled;
        answer.message = QCoreApplication::translate("ReportRepository",
                                                     "Too many wrong report numbers or codes in the last %1 minutes: "
                                                     "try again later.")
                             .arg(VerifyWindowMinutes);
        return answer;
    }
    q.finish();
    // Only what could be a report number is looked up, recorded or repeated back (no control characters, no
    // 100-kilobyte echoes); anything else is simply not a report of ours, and counts as a wrong guess.
    static const QRegularExpression numberPattern(QStringLiteral("^XMR\\d{8}-[0-9A-F]{1,8}-\\d{1,8}$"));
    if (!numberPattern.match(number).hasMatch()) {
        answer.result = ReportVerification::Result::Unknown;
        answer.message =
            QCoreApplication::translate("ReportRepository", "That is not a report number: a report number reads like "
                                                            "XMR20261204-1A2B-0001.");
        QString shown;
        for (const QChar c : number.left(40)) {
            if ((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c.isDigit() || c == QLatin1Char('-'))
                shown += c;
        }
        return finishVerification(shown.isEmpty() ? QStringLiteral("-") : shown, answer);
    }
    IssuedReport report;
    const Result found = find(number, &report);
    if (found.failure == Failure::NotFound) {
        answer.result = ReportVerification::Result::Unknown;
        answer.message =
            QCoreApplication::translate("ReportRepository", "No report was issued with the number %1.").arg(number);
        return finishVerification(number, answer);
    }
    if (!found.ok()) {
        answer.result = ReportVerification::Result::Damaged;
        answer.message = found.message;
        return finishVerification(number, answer);
    }
    // The code's length is public (14 characters), so comparing lengths first leaks nothing; the characters are then
    // compared in constant time.
    const QByteArray stored = report.code.toLatin1();
    const QByteArray typed = code.toLatin1();
    if (typed.size() != stored.size() ||
        sodium_memcmp(stored.constData(), typed.constData(), size_t(stored.size())) != 0) {
        answer.result = ReportVerification::Result::WrongCode;
        answer.message = QCoreApplication::translate("ReportRepository",
                                                     "The verification code does not match report %1: the report is "
                                                     "not genuine, or the code was mistyped.")
                             .arg(number);
        return finishVerification(number, answer);
    }
    QString problem;
    answer.report = report;
    if (!integrityHolds(report, &answer.issuerName, &problem)) {
        answer.result = ReportVerification::Result::Damaged;
        answer.message = problem;
        return finishVerification(number, answer);
    }
    // From a QR code: what it carries must be what is stored, or the paper was altered.
    if ((expectedHash && *expectedHash != report.sha256) ||
        (expectedSignature && *expectedSignature != report.signature)) {
        answer.result = ReportVerification::Result::WrongCode;
        answer.message = QCoreApplication::translate("ReportRepository",
                                                     "The QR code does not match the stored report %1: the printed "
                                                     "report was altered.")
                             .arg(report.number);
        answer.report = {};
        return finishVerification(number, answer);
    }
    answer.result = ReportVerification::Result::Genuine;
    answer.message =
        QCoreApplication::translate("ReportRepository", "Report %1 is genuine: issued on %2 by %3.")
            .arg(number, report.issuedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), answer.issuerName);
    return finishVerification(number, answer);
}

ReportVerification ReportRepository::verifyPayload(const QString& payload)
{
    static const QRegularExpression pattern(
        QStringLiteral("^XMCR1;N=([A-Z0-9-]{1,40});C=([A-Z0-9-]{1,20});H=([0-9a-f]{64});S=([A-Za-z0-9_-]{1,100})$"));
    const QRegularExpressionMatch m = pattern.match(payload.trimmed());
    if (!m.hasMatch()) {
        ReportVerification answer;
        answer.result = ReportVerification::Result::Unknown;
        answer.message = QCoreApplication::translate("ReportRepository",
                                                     "This is not the QR code of a Xiamen public credit report.");
        return answer;
    }
    const QString hash = m.captured(3);
    const QByteArray signature = QByteArray::fromBase64(m.captured(4).toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return check(m.captured(1), m.captured(2), &hash, &signature);
}
