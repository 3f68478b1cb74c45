#include "CaseQueueQuery.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

namespace CaseQueueQuery {

namespace {

// Dates are ISO text from QDate, so they can stand in the SQL as literals.
QString literal(const QDate& date)
{
    return QLatin1Char('\'') + date.toString(Qt::ISODate) + QLatin1Char('\'');
}

// The clock's state key on a day, from the stored row k.
QString stateExpression(const QDate& asOf, const WorkingCalendar& calendar)
{
    const QString today = literal(asOf);
    const QString next = literal(calendar.addWorkingDays(asOf, 1));
    return QStringLiteral("(CASE WHEN k.open = 0 THEN coalesce(k.final_state, '') WHEN k.clock = '' THEN '' "
                          "WHEN k.due_on IS NULL THEN 'paused' WHEN k.due_on < %1 THEN 'overdue' "
                          "WHEN k.due_on = %1 THEN 'due_today' WHEN k.due_on <= %2 THEN 'at_risk' ELSE 'on_time' END)")
        .arg(today, next);
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

bool failed(const QSqlQuery& q, QString* error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

bool run(QSqlQuery& q, const Statement& statement, QString* error)
{
    q.setForwardOnly(true);
    if (!q.prepare(statement.sql))
        return failed(q, error);
    for (const QVariant& v : statement.binds)
        q.addBindValue(v);
    return q.exec() || failed(q, error);
}

double medianOf(const QMap<int, int>& histogram)
{
    int n = 0;
    for (int count : histogram)
        n += count;
    if (n == 0)
        return 0;
    auto nth = [&histogram](int index) {
        for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
            if (index < it.value())
                return it.key();
            index -= it.value();
        }
        return histogram.lastKey();
    };
    return n % 2 == 1 ? nth(n / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2.0;
}

} // namespace

Statement idsStatement(const Spec& spec, const QDate& asOf, const WorkingCalendar& calendar)
{
    Statement s;
    QStringList where;
    switch (spec.scope) {
    case CaseRepository::Scope::Mine:
        where << QStringLiteral("k.open = 1 AND (k.assigned_to = ? OR (k.assigned_to IS NULL AND k.intake_by = ?))");
        s.binds << spec.me << spec.me;
        break;
    case CaseRepository::Scope::Unassigned:
        where << QStringLiteral("k.open = 1 AND k.assigned_to IS NULL");
        break;
    case CaseRepository::Scope::Open:
        where << QStringLiteral("k.open = 1");
        break;
    case CaseRepository::Scope::Closed:
        where << QStringLiteral("k.open = 0");
        break;
    case CaseRepository::Scope::All:
        break;
    }
    if (!spec.kind.isEmpty()) {
        where << QStringLiteral("k.kind = ?");
        s.binds << spec.kind;
    }
    // The two states the dashboard lists are ranges of the due-date index; the others are read from the expression.
    if (spec.clockState == QLatin1String("overdue")) {
        where << QStringLiteral("k.open = 1 AND k.clock <> '' AND k.due_on < %1").arg(literal(asOf));
    } else if (spec.clockState == QLatin1String("due_today")) {
        where << QStringLiteral("k.open = 1 AND k.clock <> '' AND k.due_on = %1").arg(literal(asOf));
    } else if (!spec.clockState.isEmpty()) {
        where << stateExpression(asOf, calendar) + QStringLiteral(" = ?");
        s.binds << spec.clockState;
    }
    const QString text = spec.text.trimmed().toLower();
    if (!text.isEmpty()) {
        // The stored search text, and the reviewer's or clerk's display name.
        where << QStringLiteral("(k.search_text LIKE ? ESCAPE '\\' OR k.assigned_to IN (SELECT username FROM staff "
                                "WHERE display_name LIKE ? ESCAPE '\\') OR k.intake_by IN (SELECT username FROM "
                                "staff WHERE display_name LIKE ? ESCAPE '\\'))");
        for (int i = 0; i < 3; ++i)
            s.binds << likePattern(text);
    }

    const QString direction = spec.order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    QString order;
    switch (spec.sort) {
    case Sort::CaseNo:
        order = QStringLiteral("k.case_no");
        break;
    case Sort::Kind:
        order = QStringLiteral("k.kind");
        break;
    case Sort::Subject:
        order = QStringLiteral("k.subject_name");
        break;
    case Sort::Stage:
        order = QStringLiteral("k.state");
        break;
    case Sort::Assignee:
        order = QStringLiteral("k.assigned_to");
        break;
    case Sort::Received:
        order = QStringLiteral("k.received_on");
        break;
    case Sort::Due:
        // Paused cases (no due date) last; the overdue and due-today lists have none, and read in index order.
        order = spec.clockState == QLatin1String("overdue") || spec.clockState == QLatin1String("due_today")
                    ? QStringLiteral("k.due_on")
                    : QStringLiteral("k.due_on IS NULL") + direction + QStringLiteral(", k.due_on");
        break;
    case Sort::Clock:
        order = QStringLiteral("(CASE %1 WHEN 'overdue' THEN 0 WHEN 'due_today' THEN 1 WHEN 'at_risk' THEN 2 "
                               "WHEN 'on_time' THEN 3 WHEN 'paused' THEN 4 WHEN 'completed_late' THEN 5 "
                               "WHEN 'completed' THEN 6 ELSE 7 END)")
                    .arg(stateExpression(asOf, calendar));
        break;
    }
    order += direction + QStringLiteral(", k.case_id") + direction;

    s.sql = QStringLiteral("SELECT k.case_id FROM case_clocks k");
    if (!where.isEmpty())
        s.sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    s.sql += QStringLiteral(" ORDER BY ") + order;
    return s;
}

bool ids(const QSqlDatabase& db, const Spec& spec, const QDate& asOf, const WorkingCalendar& calendar,
         QVector<qint64>* ids, QString* error)
{
    ids->clear();
    QSqlQuery q(db);
    if (!run(q, idsStatement(spec, asOf, calendar), error))
        return false;
    while (q.next())
        ids->append(q.value(0).toLongLong());
    return true;
}

QList<Statement> statisticsStatements(const QDate& asOf, const WorkingCalendar& calendar, int weeks)
{
    const QDate thisMonday = asOf.addDays(1 - asOf.dayOfWeek());
    const QDate firstMonday = thisMonday.addDays(-7 * (weeks - 1));
    return {
        // Open cases by stage, clock state, reviewer and clerk.
        {QStringLiteral("SELECT k.state, %1, k.assigned_to, k.intake_by, count(*) FROM case_clocks k WHERE k.open = 1 "
                        "AND k.clock <> '' GROUP BY k.state, k.assigned_to, k.intake_by, 2")
             .arg(stateExpression(asOf, calendar)),
         {}},
        // Decisions of the last weeks, on time or late.
        {QStringLiteral("SELECT k.decided_on, k.final_state, count(*) FROM case_clocks k WHERE k.decision = 1 AND "
                        "k.decided_on BETWEEN %1 AND %2 AND k.clock <> '' GROUP BY 1, 2")
             .arg(literal(firstMonday), literal(asOf)),
         {}},
        // Working days used by decided stages, in one pass.
        {QStringLiteral("SELECT k.kind, k.first_days, k.platform_days, count(*) FROM case_clocks k WHERE "
                        "k.first_days IS NOT NULL OR k.platform_days IS NOT NULL GROUP BY 1, 2, 3"),
         {}},
    };
}

bool statistics(const QSqlDatabase& db, const QDate& asOf, const WorkingCalendar& calendar, CaseStatistics* stats,
                QString* error, int weeks)
{
    CaseStatistics s;
    const QDate thisMonday = asOf.addDays(1 - asOf.dayOfWeek());
    for (int i = weeks - 1; i >= 0; --i)
        s.weeks.append({thisMonday.addDays(-7 * i), 0, 0});
    const QDate firstMonday = s.weeks.first().monday;
    const QList<Statement> statements = statisticsStatements(asOf, calendar, weeks);

    QSqlQuery open(db);
    if (!run(open, statements.at(0), error))
        return false;
    while (open.next()) {
        const QString stage = open.value(0).toString();
        const QString clock = open.value(1).toString();
        const QString reviewer = open.value(2).toString();
        const QString clerk = open.value(3).toString();
        const int n = open.value(4).toInt();
        s.open += n;
        s.openByStage[stage][clock] += n;
        if (clock == QLatin1String("overdue"))
            s.overdue += n;
        else if (clock == QLatin1String("due_today"))
            s.dueToday += n;
        else if (clock == QLatin1String("at_risk"))
            s.atRisk += n;
        else if (clock == QLatin1String("paused"))
            s.paused += n;
        if (reviewer.isEmpty())
            s.unassigned += n;
        else
            s.perReviewer[reviewer] += n;
        s.perClerk[clerk] += n;
    }

    QSqlQuery decided(db);
    if (!run(decided, statements.at(1), error))
        return false;
    while (decided.next()) {
        const QDate day = QDate::fromString(decided.value(0).toString(), Qt::ISODate);
        if (!day.isValid() || day < firstMonday)
            continue;
        CaseStatistics::Week& week = s.weeks[int(firstMonday.daysTo(day) / 7)];
        const int n = decided.value(2).toInt();
        week.decided += n;
        if (decided.value(1).toString() == QLatin1String("completed"))
            week.onTime += n;
    }

    QMap<QString, QMap<int, int>> days;
    QSqlQuery stages(db);
    if (!run(stages, statements.at(2), error))
        return false;
    while (stages.next()) {
        const int n = stages.value(3).toInt();
        if (!stages.value(1).isNull()) {
            const QString stage = stages.value(0).toString() == QLatin1String("repair") ? QStringLiteral("municipal")
                                                                                        : QStringLiteral("objection");
            days[stage][stages.value(1).toInt()] += n;
        }
        if (!stages.value(2).isNull())
            days[QStringLiteral("platform")][stages.value(2).toInt()] += n;
    }
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        int n = 0;
        for (int count : it.value())
            n += count;
        s.medianDays.insert(it.key(), medianOf(it.value()));
        s.medianSamples.insert(it.key(), n);
    }
    *stats = s;
    return true;
}

} // namespace CaseQueueQuery
