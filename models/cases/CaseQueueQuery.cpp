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
    bool needCase = false;
    bool needSubject = false;
    switch (spec.scope) {
    case CaseRepository::Scope::Mine:
        where << QStringLiteral("k.open = 1 AND (c.assigned_to = ? OR (c.assigned_to IS NULL AND c.intake_by = ?))");
        s.binds << spec.me << spec.me;
        needCase = true;
        break;
    case CaseRepository::Scope::Unassigned:
        where << QStringLiteral("k.open = 1 AND c.assigned_to IS NULL");
        needCase = true;
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
    const QString text = spec.text.trimmed();
    if (!text.isEmpty()) {
        needCase = needSubject = true;
        where << QStringLiteral(
            "(c.case_no LIKE ? ESCAPE '\\' OR s.name LIKE ? ESCAPE '\\' OR s.identifier LIKE ? ESCAPE '\\' OR "
            "c.applicant LIKE ? ESCAPE '\\' OR c.assigned_to LIKE ? ESCAPE '\\' OR c.intake_by LIKE ? ESCAPE '\\' "
            "OR c.assigned_to IN (SELECT username FROM staff WHERE display_name LIKE ? ESCAPE '\\') "
            "OR c.intake_by IN (SELECT username FROM staff WHERE display_name LIKE ? ESCAPE '\\'))");
        for (int i = 0; i < 8; ++i)
            s.binds << likePattern(text);
    }

    QString order;
    switch (spec.sort) {
    case Sort::CaseNo:
        order = QStringLiteral("c.case_no");
        needCase = true;
        break;
    case Sort::Kind:
        order = QStringLiteral("k.kind");
        break;
    case Sort::Subject:
        order = QStringLiteral("s.name");
        needCase = needSubject = true;
        break;
    case Sort::Stage:
        order = QStringLiteral("c.state");
        needCase = true;
        break;
    case Sort::Assignee:
        order = QStringLiteral("c.assigned_to");
        needCase = true;
        break;
    case Sort::Received:
        order = QStringLiteral("c.received_on");
        needCase = true;
        break;
    case Sort::Due:
        order = QStringLiteral("k.due_on IS NULL %1, k.due_on");
        break;
    case Sort::Clock:
        order = QStringLiteral("(CASE %1 WHEN 'overdue' THEN 0 WHEN 'due_today' THEN 1 WHEN 'at_risk' THEN 2 "
                               "WHEN 'on_time' THEN 3 WHEN 'paused' THEN 4 WHEN 'completed_late' THEN 5 "
                               "WHEN 'completed' THEN 6 ELSE 7 END)")
                    .arg(stateExpression(asOf, calendar));
        break;
    }
    const QString direction = spec.order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    if (spec.sort == Sort::Due)
        order = order.arg(direction) + direction;
    else
        order += direction;
    order += QStringLiteral(", k.case_id") + direction;

    s.sql = QStringLiteral("SELECT k.case_id FROM case_clocks k");
    if (needCase)
        s.sql += QStringLiteral(" JOIN cases c ON c.id = k.case_id");
    if (needSubject)
        s.sql += QStringLiteral(" JOIN subjects s ON s.id = c.subject_id");
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
        {QStringLiteral("SELECT c.state, %1, c.assigned_to, c.intake_by, count(*) FROM case_clocks k JOIN cases c ON "
                        "c.id = k.case_id WHERE k.open = 1 AND k.clock <> '' GROUP BY 1, 2, 3, 4")
             .arg(stateExpression(asOf, calendar)),
         {}},
        // Decisions of the last weeks, on time or late.
        {QStringLiteral("SELECT k.decided_on, k.final_state, count(*) FROM case_clocks k WHERE k.decision = 1 AND "
                        "k.decided_on BETWEEN %1 AND %2 AND k.clock <> '' GROUP BY 1, 2")
             .arg(literal(firstMonday), literal(asOf)),
         {}},
        // Working days used by decided stages.
        {QStringLiteral("SELECT k.kind, k.first_days, count(*) FROM case_clocks k WHERE k.first_days IS NOT NULL "
                        "GROUP BY 1, 2"),
         {}},
        {QStringLiteral("SELECT k.platform_days, count(*) FROM case_clocks k WHERE k.platform_days IS NOT NULL "
                        "GROUP BY 1"),
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
    QSqlQuery first(db);
    if (!run(first, statements.at(2), error))
        return false;
    while (first.next()) {
        const QString stage = first.value(0).toString() == QLatin1String("repair") ? QStringLiteral("municipal")
                                                                                   : QStringLiteral("objection");
        days[stage][first.value(1).toInt()] += first.value(2).toInt();
    }
    QSqlQuery platform(db);
    if (!run(platform, statements.at(3), error))
        return false;
    while (platform.next())
        days[QStringLiteral("platform")][platform.value(0).toInt()] += platform.value(1).toInt();
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
