#include "CaseClocks.h"

#include "CaseWorkflow.h"
#include "records/Savepoint.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace CaseClocks {

namespace {

QVariant dateOrNull(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QVariant daysOrNull(int days)
{
    return days >= 0 ? QVariant(days) : QVariant(QMetaType(QMetaType::Int));
}

bool failed(const QSqlQuery& q, QString* error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

struct CaseFacts
{
    qint64 id = 0;
    qint64 lastEventId = 0;
    Input input;
};

// Reads the cases matching `where` (on cases c and case_clocks k) with their events, in two queries whatever their
// number, and hands each to `each` in id order.
template<typename Each>
bool forCases(const QSqlDatabase& db, const QString& where, const QVariantList& binds, Each each, QString* error)
{
    QSqlQuery cases(db);
    cases.setForwardOnly(true);
    cases.prepare(QStringLiteral("SELECT c.id, c.kind, c.state, c.received_on, c.last_event_id, c.case_no, "
                                 "c.assigned_to, c.intake_by, c.applicant, s.name, s.identifier FROM cases c JOIN "
                                 "case_clocks k ON k.case_id = c.id JOIN subjects s ON s.id = c.subject_id WHERE ") +
                  where + QStringLiteral(" ORDER BY c.id"));
    for (const QVariant& v : binds)
        cases.addBindValue(v);
    if (!cases.exec())
        return failed(cases, error);
    QList<CaseFacts> facts;
    QHash<qint64, int> index;
    while (cases.next()) {
        CaseFacts f;
        f.id = cases.value(0).toLongLong();
        fromKey(cases.value(1).toString(), &f.input.kind);
        f.input.state = cases.value(2).toString();
        f.input.receivedOn = QDate::fromString(cases.value(3).toString(), Qt::ISODate);
        f.lastEventId = cases.value(4).toLongLong();
        f.input.caseNo = cases.value(5).toString();
        f.input.assignedTo = cases.value(6).toString();
        f.input.intakeBy = cases.value(7).toString();
        f.input.applicant = Applicant::fromJson(QJsonDocument::fromJson(cases.value(8).toString().toUtf8()).object());
        f.input.subjectName = cases.value(9).toString();
        f.input.subjectIdentifier = cases.value(10).toString();
        index.insert(f.id, int(facts.size()));
        facts.append(f);
    }
    cases.finish();
    if (facts.isEmpty())
        return true;
    QSqlQuery events(db);
    events.setForwardOnly(true);
    events.prepare(QStringLiteral("SELECT case_id, action, on_date FROM case_events WHERE case_id BETWEEN ? AND ? AND "
                                  "action <> 'intake' ORDER BY case_id, id"));
    events.addBindValue(facts.first().id);
    events.addBindValue(facts.last().id);
    if (!events.exec())
        return failed(events, error);
    while (events.next()) {
        const auto it = index.constFind(events.value(0).toLongLong());
        if (it != index.constEnd())
            facts[it.value()].input.events.append(
                {events.value(1).toString(), QDate::fromString(events.value(2).toString(), Qt::ISODate)});
    }
    events.finish();
    for (const CaseFacts& f : std::as_const(facts)) {
        if (!each(f))
            return false;
    }
    return true;
}

bool write(QSqlQuery& update, const CaseFacts& f, const Values& v, const QString& basis, QString* error)
{
    update.bindValue(0, f.lastEventId);
    update.bindValue(1, basis);
    update.bindValue(2, v.open ? 1 : 0);
    update.bindValue(3, v.decision ? 1 : 0);
    update.bindValue(4, v.clock.isNull() ? QStringLiteral("") : v.clock);
    update.bindValue(5, dateOrNull(v.dueOn));
    update.bindValue(6, v.finalState.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(v.finalState));
    update.bindValue(7, dateOrNull(v.decidedOn));
    update.bindValue(8, daysOrNull(v.firstDays));
    update.bindValue(9, daysOrNull(v.platformDays));
    update.bindValue(10, v.estimated ? 1 : 0);
    update.bindValue(11, v.caseNo);
    update.bindValue(12, v.state);
    update.bindValue(13, v.assignedTo.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(v.assignedTo));
    update.bindValue(14, v.intakeBy);
    update.bindValue(15, v.receivedOn.toString(Qt::ISODate));
    update.bindValue(16, v.subjectName);
    update.bindValue(17, v.searchText);
    update.bindValue(18, f.id);
    if (!update.exec())
        return failed(update, error);
    if (update.numRowsAffected() != 1) {
        if (error)
            *error = QCoreApplication::translate("CaseClocks", "Case %1 has no row for its clocks.").arg(f.id);
        return false;
    }
    return true;
}

const char* const UpdateSql =
    "UPDATE case_clocks SET event_id = ?, basis = ?, open = ?, decision = ?, clock = ?, due_on = ?, final_state = ?, "
    "decided_on = ?, first_days = ?, platform_days = ?, estimated = ?, case_no = ?, state = ?, assigned_to = ?, "
    "intake_by = ?, received_on = ?, subject_name = ?, search_text = ? WHERE case_id = ?";

Values stored(const QSqlQuery& q, int from)
{
    Values v;
    v.open = q.value(from).toInt() == 1;
    v.decision = q.value(from + 1).toInt() == 1;
    v.clock = q.value(from + 2).toString();
    v.dueOn = QDate::fromString(q.value(from + 3).toString(), Qt::ISODate);
    v.finalState = q.value(from + 4).toString();
    v.decidedOn = QDate::fromString(q.value(from + 5).toString(), Qt::ISODate);
    v.firstDays = q.value(from + 6).isNull() ? -1 : q.value(from + 6).toInt();
    v.platformDays = q.value(from + 7).isNull() ? -1 : q.value(from + 7).toInt();
    v.estimated = q.value(from + 8).toInt() == 1;
    v.caseNo = q.value(from + 9).toString();
    v.state = q.value(from + 10).toString();
    v.assignedTo = q.value(from + 11).toString();
    v.intakeBy = q.value(from + 12).toString();
    v.receivedOn = QDate::fromString(q.value(from + 13).toString(), Qt::ISODate);
    v.subjectName = q.value(from + 14).toString();
    v.searchText = q.value(from + 15).toString();
    return v;
}

} // namespace

QString basis(const PolicyRegistry& policies, const WorkingCalendar& calendar)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("xmcredit case clocks v1\n");
    for (const PolicyProfilePtr& profile : policies.profiles()) {
        hash.addData(
            QStringLiteral("policy %1 %2").arg(profile->id(), profile->effectiveFrom().toString(Qt::ISODate)).toUtf8());
        for (CaseStage stage :
             {CaseStage::RepairMunicipal, CaseStage::RepairPlatform, CaseStage::RepairTotal, CaseStage::Objection})
            hash.addData(QByteArray::number(profile->timeLimit(stage)) + ' ');
        hash.addData("\n");
    }
    for (int year : calendar.coveredYears()) {
        hash.addData(QByteArray::number(year) + '\n');
        hash.addData(calendar.year(year)->toJson());
    }
    return QString::fromLatin1(hash.result().toHex().left(32));
}

Values compute(const Input& input, const PolicyRegistry& policies, const WorkingCalendar& calendar)
{
    const CaseKind kind = input.kind;
    const QString& state = input.state;
    const QDate& receivedOn = input.receivedOn;
    const QList<CaseTimer::Event>& events = input.events;
    Values v;
    v.caseNo = input.caseNo;
    v.state = input.state;
    v.assignedTo = input.assignedTo;
    v.intakeBy = input.intakeBy;
    v.receivedOn = input.receivedOn;
    v.subjectName = input.subjectName;
    v.searchText = QStringList{input.caseNo,         input.subjectName,        input.subjectIdentifier,
                               input.applicant.name, input.applicant.idNumber, input.assignedTo,
                               input.intakeBy}
                       .join(QLatin1Char('\n'))
                       .toLower();
    v.open = CaseWorkflow::isOpen(kind, state);
    v.decision = !v.open && state != QLatin1String("withdrawn");
    QDate last = receivedOn;
    for (const CaseTimer::Event& e : events) {
        if (e.on.isValid() && e.on > last)
            last = e.on;
    }
    CaseTimer::Status timer;
    QString why;
    if (!CaseTimer::compute(kind, receivedOn, events, policies, calendar, last, &timer, &why)) {
        // No policy in force or events out of order: the case has no clock to order by.
        v.finalState = QStringLiteral("untimed");
        if (!v.open)
            v.decidedOn = last;
        return v;
    }
    v.clock = timer.clock;
    v.dueOn = timer.current.dueDate;
    v.estimated = timer.estimated;
    auto done = [](const DeadlineStatus& s) {
        return s.state == DeadlineState::Completed || s.state == DeadlineState::CompletedLate;
    };
    if (!v.open) {
        v.decidedOn = last;
        v.finalState = toKey(timer.current.state);
        if (!done(timer.current)) // closed with a clock still running cannot happen; keep it visible if it does
            v.finalState = QStringLiteral("untimed");
    }
    if (kind == CaseKind::Repair) {
        if (done(timer.first))
            v.firstDays = timer.first.elapsed;
        if (timer.clock == QLatin1String("platform") && done(timer.current))
            v.platformDays = timer.current.elapsed;
    } else if (done(timer.current)) {
        v.firstDays = timer.current.elapsed;
    }
    return v;
}

bool store(QSqlDatabase& db, qint64 caseId, const PolicyRegistry& policies, const WorkingCalendar& calendar,
           QString* error)
{
    const QString current = basis(policies, calendar);
    QSqlQuery update(db);
    update.prepare(QLatin1String(UpdateSql));
    return forCases(
        db, QStringLiteral("c.id = ?"), {caseId},
        [&](const CaseFacts& f) { return write(update, f, compute(f.input, policies, calendar), current, error); },
        error);
}

bool staleCount(const QSqlDatabase& db, const QString& basis, int* count, QString* error)
{
    // Two counts on the basis index (an inequality would scan the table).
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT (SELECT count(*) FROM case_clocks) - (SELECT count(*) FROM case_clocks WHERE "
                             "basis = ?)"));
    q.addBindValue(basis);
    if (!q.exec() || !q.next())
        return failed(q, error);
    *count = q.value(0).toInt();
    return true;
}

bool refreshStale(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar,
                  int* refreshed, QString* error)
{
    *refreshed = 0;
    QSqlDatabase db = session.database();
    const QString current = basis(policies, calendar);
    int stale = 0;
    if (!staleCount(db, current, &stale, error))
        return false;
    if (stale == 0)
        return true;
    Savepoint unit(db);
    if (!unit.isActive()) {
        if (error)
            *error = unit.errorString();
        return false;
    }
    QSqlQuery update(db);
    update.prepare(QLatin1String(UpdateSql));
    int count = 0;
    const bool ok = forCases(
        db, QStringLiteral("k.basis IS NOT ?"), {current},
        [&](const CaseFacts& f) {
            ++count;
            return write(update, f, compute(f.input, policies, calendar), current, error);
        },
        error);
    if (!ok)
        return false;
    AuditEntry entry;
    entry.actor = session.username;
    entry.action = QStringLiteral("case.clocks_refresh");
    entry.objectType = QStringLiteral("case_clocks");
    entry.basis = QStringLiteral("case clocks recomputed from their events");
    entry.details = QJsonObject{{QStringLiteral("cases"), count}, {QStringLiteral("basis"), current}};
    if (!AuditLog::append(db, entry, error) || !unit.release(error))
        return false;
    *refreshed = count;
    return true;
}

bool verify(const QSqlDatabase& db, const PolicyRegistry& policies, const WorkingCalendar& calendar,
            QStringList* problems)
{
    problems->clear();
    const QString current = basis(policies, calendar);
    struct Held
    {
        QString basis;
        qint64 eventId = 0;
        Values values;
    };
    QHash<qint64, Held> rows;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT case_id, event_id, basis, open, decision, clock, due_on, final_state, "
                                   "decided_on, first_days, platform_days, estimated, case_no, state, assigned_to, "
                                   "intake_by, received_on, subject_name, search_text FROM case_clocks"))) {
            problems->append(q.lastError().text());
            return false;
        }
        while (q.next())
            rows.insert(q.value(0).toLongLong(), {q.value(2).toString(), q.value(1).toLongLong(), stored(q, 3)});
    }
    QString error;
    const bool ok = forCases(
        db, QStringLiteral("1"), {},
        [&](const CaseFacts& f) {
            const Held& held = rows[f.id];
            // A stale row is recomputed before any queue reads it: not a problem.
            if (held.basis != current || held.eventId != f.lastEventId)
                return true;
            const Values expected = compute(f.input, policies, calendar);
            if (!(expected == held.values))
                problems->append(QCoreApplication::translate("CaseClocks",
                                                             "Case %1: its stored queue row differs from what its "
                                                             "events and records give (stored due %2, computed %3).")
                                     .arg(f.input.caseNo, held.values.dueOn.toString(Qt::ISODate),
                                          expected.dueOn.toString(Qt::ISODate)));
            return true;
        },
        &error);
    if (!ok) {
        problems->append(error);
        return false;
    }
    int cases = 0;
    QSqlQuery count(db);
    if (count.exec(QStringLiteral("SELECT count(*) FROM cases")) && count.next())
        cases = count.value(0).toInt();
    if (cases != rows.size())
        problems->append(QCoreApplication::translate("CaseClocks", "%1 cases have no row for their clocks.")
                             .arg(cases - int(rows.size())));
    return problems->isEmpty();
}

} // namespace CaseClocks
