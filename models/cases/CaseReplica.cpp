#include "CaseReplica.h"

#include "CaseWorkflow.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QString& json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

bool mapEvent(QSqlDatabase& db, qint64 caseId, int seq, qint64 eventId, const QString& source, QString* error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO case_platform_events (case_id, seq, event_id, source, recorded_at) VALUES "
                             "(?, ?, ?, ?, ?)"));
    for (const QVariant& v : {QVariant(caseId), QVariant(seq), QVariant(eventId), QVariant(source), QVariant(now())})
        q.addBindValue(v);
    if (!q.exec())
        return fail(error, q.lastError().text());
    return true;
}

qint64 insertEvent(QSqlDatabase& db, qint64 caseId, const PlatformCaseMove& move, const QString& from,
                   const QJsonObject& details, QString* error)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO case_events (case_id, at, on_date, actor, action, from_state, to_state, note, "
                       "details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         {QVariant(caseId), QVariant(move.at), QVariant(move.onDate), QVariant(move.actor), QVariant(move.action),
          from.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(from), QVariant(move.toState),
          QVariant(move.note), QVariant(compact(details))})
        q.addBindValue(v);
    if (!q.exec()) {
        fail(error, q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

// A case taken in at another window, created from its intake.
bool createCase(QSqlDatabase& db, const PlatformCaseMove& move, bool* malformed, QString* error)
{
    auto refuse = [&](const QString& why) {
        *malformed = true;
        return fail(error, why);
    };
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM subjects WHERE platform_id = ?"));
    q.addBindValue(move.subjectPlatformId);
    if (!q.exec())
        return fail(error, q.lastError().text());
    if (!q.next())
        return refuse(QCoreApplication::translate("CaseReplica",
                                                  "Case %1 names subject \"%2\", which this workstation does not hold.")
                          .arg(move.caseNo, move.subjectPlatformId.left(80)));
    const qint64 subjectId = q.value(0).toLongLong();
    QList<qint64> items;
    for (const QString& platformId : move.itemPlatformIds) {
        QSqlQuery i(db);
        i.prepare(QStringLiteral("SELECT id FROM credit_items WHERE platform_id = ? AND subject_id = ?"));
        i.addBindValue(platformId);
        i.addBindValue(subjectId);
        if (!i.exec())
            return fail(error, i.lastError().text());
        if (!i.next())
            return refuse(QCoreApplication::translate(
                              "CaseReplica",
                              "Case %1 names credit item \"%2\", which this workstation does not hold for its subject.")
                              .arg(move.caseNo, platformId.left(80)));
        items << i.value(0).toLongLong();
    }
    const QString at = now();
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO cases (case_no, kind, subject_id, state, paused, received_on, intake_by, "
                       "applicant, grounds, statement, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, "
                       "?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         {QVariant(move.caseNo), QVariant(move.caseKind), QVariant(subjectId), QVariant(move.toState),
          QVariant(move.receivedOn), QVariant(move.intakeBy), QVariant(compact(move.applicant)),
          move.grounds.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(move.grounds),
          QVariant(move.statement), QVariant(at), QVariant(at)})
        insert.addBindValue(v);
    if (!insert.exec())
        return fail(error, insert.lastError().text());
    const qint64 caseId = insert.lastInsertId().toLongLong();
    QJsonArray itemArray;
    for (qint64 item : items) {
        QSqlQuery link(db);
        link.prepare(QStringLiteral("INSERT INTO case_items (case_id, item_id) VALUES (?, ?)"));
        link.addBindValue(caseId);
        link.addBindValue(item);
        if (!link.exec())
            return fail(error, link.lastError().text());
        itemArray.append(double(item));
    }
    QJsonObject details = move.details;
    details.insert(QStringLiteral("items"), itemArray);
    details.insert(QStringLiteral("platform"),
                   QJsonObject{{QStringLiteral("seq"), 0}, {QStringLiteral("origin"), move.origin}});
    const qint64 eventId = insertEvent(db, caseId, move, QString(), details, error);
    return eventId > 0 && mapEvent(db, caseId, 0, eventId, QStringLiteral("pulled"), error);
}

} // namespace

namespace CaseReplica {

bool parse(const QJsonObject& c, PlatformCaseMove* move, QString* error)
{
    PlatformCaseMove m;
    auto text = [&c](const char* key) { return c.value(QLatin1String(key)).toString(); };
    m.caseNo = text("case_no");
    m.caseKind = text("case_kind");
    m.seq = c.value(QLatin1String("seq")).isDouble() ? c.value(QLatin1String("seq")).toInt(-1) : -1;
    m.origin = text("origin");
    m.at = text("at");
    m.onDate = text("on_date");
    m.actor = text("actor");
    m.action = text("action");
    m.fromState = text("from_state");
    m.toState = text("to_state");
    m.note = text("note");
    const QString details = text("details");
    m.details = objectOf(details);
    static const QRegularExpression caseNoPattern(QStringLiteral("^(XF|YY)[0-9]{4}-([0-9A-Z]{4}-)?[0-9]{6}$"));
    static const QRegularExpression namePattern(QStringLiteral("^[a-z_]{1,40}$"));
    CaseKind kind;
    if (!caseNoPattern.match(m.caseNo).hasMatch())
        return fail(error, QCoreApplication::translate("CaseReplica",
                                                       "A case move names case \"%1\", which is not a case number.")
                               .arg(m.caseNo.left(40)));
    if (!fromKey(m.caseKind, &kind))
        return fail(error, QCoreApplication::translate("CaseReplica", "A move of case %1 is of an unknown kind \"%2\".")
                               .arg(m.caseNo, m.caseKind.left(40)));
    if (m.seq < 0 || m.seq > 100000)
        return fail(
            error,
            QCoreApplication::translate("CaseReplica", "A move of case %1 has no sequence number.").arg(m.caseNo));
    if (!namePattern.match(m.action).hasMatch() || !CaseWorkflow::isKnownState(kind, m.toState) ||
        (!m.fromState.isEmpty() && !CaseWorkflow::isKnownState(kind, m.fromState)))
        return fail(error,
                    QCoreApplication::translate("CaseReplica", "Move %1 of case %2 names an unknown action or state.")
                        .arg(m.seq)
                        .arg(m.caseNo));
    if (!QDate::fromString(m.onDate, Qt::ISODate).isValid() || m.actor.isEmpty() || m.actor.size() > 64 ||
        m.at.isEmpty() || (!details.isEmpty() && !QJsonDocument::fromJson(details.toUtf8()).isObject()))
        return fail(error, QCoreApplication::translate(
                               "CaseReplica",
                               "Move %1 of case %2 lacks its day, its actor or its time, or its details are not an "
                               "object.")
                               .arg(m.seq)
                               .arg(m.caseNo));
    if ((m.seq == 0) != (m.action == QLatin1String("intake")))
        return fail(error, QCoreApplication::translate(
                               "CaseReplica", "Move %1 of case %2: the intake, and only the intake, is move 0.")
                               .arg(m.seq)
                               .arg(m.caseNo));
    if (m.seq == 0) {
        m.subjectPlatformId = text("subject_platform_id");
        m.receivedOn = text("received_on");
        m.intakeBy = text("intake_by");
        m.applicant = objectOf(text("applicant"));
        m.grounds = text("grounds");
        m.statement = text("statement");
        m.itemPlatformIds = text("item_platform_ids").split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (m.subjectPlatformId.isEmpty() || !QDate::fromString(m.receivedOn, Qt::ISODate).isValid() ||
            m.intakeBy.isEmpty() || m.intakeBy.size() > 64 || m.applicant.isEmpty() || m.itemPlatformIds.isEmpty() ||
            m.itemPlatformIds.size() > 200 || m.toState != CaseWorkflow::initialState())
            return fail(error, QCoreApplication::translate(
                                   "CaseReplica", "The intake of case %1 lacks its subject, items, applicant or day.")
                                   .arg(m.caseNo));
    }
    *move = m;
    return true;
}

bool apply(QSqlDatabase& db, const QString& workstationId, const PlatformCaseMove& move, Outcome* outcome,
           QString* error, bool* malformed)
{
    *malformed = false;
    auto refuse = [&](const QString& why) {
        *malformed = true;
        return fail(error, why);
    };
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, kind, state, paused, intake_by, assigned_to, decided_from, outcome, "
                             "last_event_id FROM cases WHERE case_no = ?"));
    q.addBindValue(move.caseNo);
    if (!q.exec())
        return fail(error, q.lastError().text());
    if (!q.next()) {
        if (move.seq != 0)
            return refuse(QCoreApplication::translate(
                              "CaseReplica",
                              "The platform published move %1 of case %2, which this workstation does not hold: its "
                              "intake is missing.")
                              .arg(move.seq)
                              .arg(move.caseNo));
        q.finish();
        *outcome = Outcome::Applied;
        return createCase(db, move, malformed, error);
    }
    const qint64 caseId = q.value(0).toLongLong();
    CaseWorkflow::CaseFacts facts;
    fromKey(q.value(1).toString(), &facts.kind);
    facts.state = q.value(2).toString();
    facts.paused = q.value(3).toInt() != 0;
    facts.intakeBy = q.value(4).toString();
    facts.assignedTo = q.value(5).toString();
    facts.decidedFrom = q.value(6).toString();
    const QString outcomeText = q.value(7).toString();
    const qint64 lastEventId = q.value(8).toLongLong();
    q.finish();
    if (toKey(facts.kind) != move.caseKind)
        return refuse(
            QCoreApplication::translate("CaseReplica", "Move %1 of case %2 is of another kind than the case held here.")
                .arg(move.seq)
                .arg(move.caseNo));

    q.prepare(QStringLiteral("SELECT coalesce(max(seq), -1) FROM case_platform_events WHERE case_id = ?"));
    q.addBindValue(caseId);
    if (!q.exec() || !q.next())
        return fail(error, q.lastError().text());
    const int held = q.value(0).toInt();
    q.finish();
    if (move.seq <= held) {
        *outcome = Outcome::AlreadyHeld;
        return true;
    }
    if (move.seq > held + 1)
        return refuse(QCoreApplication::translate(
                          "CaseReplica",
                          "The platform published move %1 of case %2, but this workstation holds its moves only up to "
                          "%3: a move is missing.")
                          .arg(move.seq)
                          .arg(move.caseNo)
                          .arg(held));

    // This window's own event coming back: it is the platform's seq now (the push's answer may have been lost).
    const QString ownPrefix = workstationId + QStringLiteral("/case_event/");
    if (!workstationId.isEmpty() && move.origin.startsWith(ownPrefix)) {
        const qint64 own = move.origin.mid(ownPrefix.size()).toLongLong();
        QSqlQuery e(db);
        e.prepare(QStringLiteral("SELECT 1 FROM case_events WHERE id = ? AND case_id = ?"));
        e.addBindValue(own);
        e.addBindValue(caseId);
        if (!e.exec())
            return fail(error, e.lastError().text());
        if (e.next()) {
            e.finish();
            *outcome = Outcome::Own;
            return mapEvent(db, caseId, move.seq, own, QStringLiteral("pushed"), error);
        }
    }

    // Another window's move (or the platform's). Written from the state the case is in here: when this window's own
    // attempt was not taken, that state is not the platform's "from", and the move brings the case to where the
    // platform holds it.
    const QString assignee = move.details.value(QStringLiteral("to")).toString();
    const CaseWorkflow::CaseColumns columns =
        CaseWorkflow::after(facts, outcomeText, move.action, move.toState, move.actor, assignee, move.note);
    QJsonObject details = move.details;
    QJsonObject platform{{QStringLiteral("seq"), move.seq}, {QStringLiteral("origin"), move.origin}};
    if (move.fromState != facts.state)
        platform.insert(QStringLiteral("from"), move.fromState);
    details.insert(QStringLiteral("platform"), platform);
    const qint64 eventId = insertEvent(db, caseId, move, facts.state, details, error);
    if (eventId <= 0)
        return false;
    const QVariant null(QMetaType(QMetaType::QString));
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE cases SET state = ?, paused = ?, assigned_to = ?, decided_from = ?, "
                                  "outcome = ?, updated_at = ?, last_event_id = ? WHERE id = ? AND last_event_id = ?"));
    for (const QVariant& v :
         {QVariant(columns.state), QVariant(columns.paused ? 1 : 0),
          columns.assignedTo.isEmpty() ? null : QVariant(columns.assignedTo),
          move.action == QLatin1String("reopen") ? null : QVariant(columns.decidedFrom), QVariant(columns.outcome),
          QVariant(now()), QVariant(eventId), QVariant(caseId), QVariant(lastEventId)})
        update.addBindValue(v);
    if (!update.exec())
        return fail(error, update.lastError().text());
    if (update.numRowsAffected() != 1)
        return fail(error, QCoreApplication::translate("CaseReplica",
                                                       "Case %1 moved while the platform's move was being written.")
                               .arg(move.caseNo));
    *outcome = Outcome::Applied;
    return mapEvent(db, caseId, move.seq, eventId, QStringLiteral("pulled"), error);
}

} // namespace CaseReplica
