#include "AuditReview.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace AuditReview {

bool query(const QSqlDatabase& db, const AuditFilter& filter, QList<AuditRow>* rows, QString* error)
{
    rows->clear();
    QStringList where;
    QVariantList values;
    if (!filter.actor.isEmpty()) {
        where << QStringLiteral("actor = ?");
        values << filter.actor;
    }
    if (!filter.action.isEmpty()) {
        // A prefix as a range (uses the index on action), never LIKE with the user's text.
        where << QStringLiteral("action >= ? AND action < ?");
        values << filter.action << filter.action + QChar(0xFFFF);
    }
    if (!filter.objectType.isEmpty()) {
        where << QStringLiteral("object_type = ?");
        values << filter.objectType;
    }
    if (!filter.objectId.isEmpty()) {
        where << QStringLiteral("object_id = ?");
        values << filter.objectId;
    }
    // Local days to UTC timestamps (the log stores UTC ISO 8601, which sorts as text).
    if (filter.from.isValid()) {
        where << QStringLiteral("at >= ?");
        values << QDateTime(filter.from, QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs);
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("at < ?");
        values << QDateTime(filter.to.addDays(1), QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs);
    }
    QString sql =
        QStringLiteral("SELECT seq, at, actor, action, object_type, object_id, basis, details FROM audit_log");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT ?");
    values << std::max(1, filter.limit);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        AuditRow row;
        row.seq = q.value(0).toLongLong();
        row.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        row.at.setTimeSpec(Qt::UTC);
        row.actor = q.value(2).toString();
        row.action = q.value(3).toString();
        row.objectType = q.value(4).toString();
        row.objectId = q.value(5).toString();
        row.basis = q.value(6).toString();
        row.details = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        rows->append(row);
    }
    std::reverse(rows->begin(), rows->end());
    return true;
}

QString flagName(const QString& kind)
{
    if (kind == QLatin1String("many_subjects"))
        return QCoreApplication::translate("AuditReview", "Many subjects in a short time");
    if (kind == QLatin1String("no_follow_up"))
        return QCoreApplication::translate("AuditReview", "Query with no case or report behind it");
    if (kind == QLatin1String("after_hours"))
        return QCoreApplication::translate("AuditReview", "Work outside working hours");
    if (kind == QLatin1String("failed_unlocks"))
        return QCoreApplication::translate("AuditReview", "Repeated failed unlocks");
    if (kind == QLatin1String("failed_logins"))
        return QCoreApplication::translate("AuditReview", "Repeated failed logins");
    return kind;
}

QList<AuditFlag> flags(QList<AuditRow> rows, const WorkingCalendar& calendar, const AuditThresholds& t)
{
    std::sort(rows.begin(), rows.end(), [](const AuditRow& a, const AuditRow& b) { return a.seq < b.seq; });
    QList<AuditFlag> out;

    // 1. One person opening many distinct subjects within a window of minutes (a sliding window per person).
    QHash<QString, QList<const AuditRow*>> opens;
    for (const AuditRow& row : rows) {
        if (row.action == QLatin1String("subject.open"))
            opens[row.actor].append(&row);
    }
    for (auto it = opens.cbegin(); it != opens.cend(); ++it) {
        const QList<const AuditRow*>& list = it.value();
        qsizetype start = 0;
        qsizetype flaggedUpTo = -1;
        for (qsizetype end = 0; end < list.size(); ++end) {
            while (list.at(start)->at.secsTo(list.at(end)->at) > qint64(t.manySubjectsMinutes) * 60)
                ++start;
            QSet<QString> subjects;
            for (qsizetype i = start; i <= end; ++i)
                subjects.insert(list.at(i)->objectId);
            if (subjects.size() >= t.manySubjects && start > flaggedUpTo) {
                AuditFlag flag;
                flag.kind = QStringLiteral("many_subjects");
                flag.actor = it.key();
                flag.first = list.at(start)->at;
                flag.last = list.at(end)->at;
                flag.count = int(subjects.size());
                for (qsizetype i = start; i <= end; ++i)
                    flag.seqs << list.at(i)->seq;
                flag.description = QCoreApplication::translate(
                                       "AuditReview", "%1 opened %2 different subjects within %3 minutes (%4 to %5).")
                                       .arg(flag.actor)
                                       .arg(flag.count)
                                       .arg(t.manySubjectsMinutes)
                                       .arg(flag.first.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                            flag.last.toLocalTime().toString(QStringLiteral("HH:mm")));
                out << flag;
                flaggedUpTo = end;
                start = end + 1 < list.size() ? end + 1 : end;
            }
        }
    }

    // 2. Queries for a walk-in applicant (a self, authorised or government query) with no case taken in for that
    // subject, and no report printed, by the same person on the same day.
    for (const AuditRow& row : rows) {
        if (row.action != QLatin1String("subject.open"))
            continue;
        if (row.basis.startsWith(QLatin1String("case_handling")) || row.basis.startsWith(QLatin1String("record_entry")))
            continue;
        const QDate day = row.at.toLocalTime().date();
        bool followed = false;
        for (const AuditRow& later : rows) {
            if (later.seq <= row.seq || later.actor != row.actor || later.at.toLocalTime().date() != day)
                continue;
            const bool caseForIt =
                later.action == QLatin1String("case.intake") &&
                QString::number(later.details.value(QLatin1String("subject")).toDouble(), 'f', 0) == row.objectId;
            const bool reportForIt =
                later.action.startsWith(QLatin1String("report.")) &&
                (later.objectId == row.objectId ||
                 later.details.value(QLatin1String("subject")).toVariant().toString() == row.objectId);
            if (caseForIt || reportForIt) {
                followed = true;
                break;
            }
        }
        if (followed)
            continue;
        AuditFlag flag;
        flag.kind = QStringLiteral("no_follow_up");
        flag.actor = row.actor;
        flag.first = flag.last = row.at;
        flag.count = 1;
        flag.seqs << row.seq;
        flag.description =
            QCoreApplication::translate("AuditReview", "%1 opened subject %2 (%3) on %4 (basis: %5) and took in no "
                                                       "case and printed no report for it that day.")
                .arg(row.actor, row.objectId, row.details.value(QLatin1String("identifier")).toString(),
                     row.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), row.basis);
        out << flag;
    }

    // 3. Work outside working hours: per person and day, actions on a day off or outside the working day (session
    // events and locking are not work).
    QMap<QPair<QString, QDate>, AuditFlag> afterHours;
    for (const AuditRow& row : rows) {
        if (row.action.startsWith(QLatin1String("session.")))
            continue;
        const QDateTime local = row.at.toLocalTime();
        const bool workingDay = calendar.isWorkingDay(local.date());
        if (workingDay && local.time() >= t.dayStarts && local.time() < t.dayEnds)
            continue;
        AuditFlag& flag = afterHours[{row.actor, local.date()}];
        if (flag.count == 0) {
            flag.kind = QStringLiteral("after_hours");
            flag.actor = row.actor;
            flag.first = row.at;
        }
        flag.last = row.at;
        ++flag.count;
        flag.seqs << row.seq;
    }
    for (AuditFlag& flag : afterHours) {
        const QDate day = flag.first.toLocalTime().date();
        flag.description =
            (calendar.isWorkingDay(day)
                 ? QCoreApplication::translate("AuditReview", "%1 did %2 action(s) outside working hours on %3.")
                 : QCoreApplication::translate("AuditReview", "%1 did %2 action(s) on %3, a day off."))
                .arg(flag.actor)
                .arg(flag.count)
                .arg(day.toString(Qt::ISODate));
        out << flag;
    }

    // 4. Repeated failed unlocks of a locked window, per person and day.
    QMap<QPair<QString, QDate>, AuditFlag> failed;
    for (const AuditRow& row : rows) {
        if (row.action != QLatin1String("session.unlock.failed"))
            continue;
        AuditFlag& flag = failed[{row.actor, row.at.toLocalTime().date()}];
        if (flag.count == 0) {
            flag.kind = QStringLiteral("failed_unlocks");
            flag.actor = row.actor;
            flag.first = row.at;
        }
        flag.last = row.at;
        ++flag.count;
        flag.seqs << row.seq;
    }
    for (AuditFlag& flag : failed) {
        if (flag.count < t.failedUnlocks)
            continue;
        flag.description = QCoreApplication::translate("AuditReview", "%1 failed to unlock the window %2 times on %3.")
                               .arg(flag.actor)
                               .arg(flag.count)
                               .arg(flag.first.toLocalTime().date().toString(Qt::ISODate));
        out << flag;
    }
    // 5. Failed logins (counted outside the workstation, written in at the next login), when there were several.
    for (const AuditRow& row : rows) {
        if (row.action != QLatin1String("login.failures"))
            continue;
        const int count = row.details.value(QLatin1String("count")).toInt();
        if (count < t.failedLogins)
            continue;
        AuditFlag flag;
        flag.kind = QStringLiteral("failed_logins");
        flag.actor = row.actor;
        flag.first = QDateTime::fromString(row.details.value(QLatin1String("first")).toString(), Qt::ISODateWithMs);
        flag.last = QDateTime::fromString(row.details.value(QLatin1String("last")).toString(), Qt::ISODateWithMs);
        if (!flag.first.isValid())
            flag.first = row.at;
        if (!flag.last.isValid())
            flag.last = row.at;
        flag.count = count;
        flag.seqs << row.seq;
        flag.description = QCoreApplication::translate(
                               "AuditReview", "%1 failed logins between %2 and %3 (%4 under names that are not staff), "
                                              "written in when %5 logged in.")
                               .arg(count)
                               .arg(QLocale().toString(flag.first.toLocalTime(), QLocale::ShortFormat),
                                    QLocale().toString(flag.last.toLocalTime(), QLocale::ShortFormat))
                               .arg(row.details.value(QLatin1String("unknownNames")).toInt())
                               .arg(row.actor);
        out << flag;
    }
    std::sort(out.begin(), out.end(), [](const AuditFlag& a, const AuditFlag& b) { return a.first > b.first; });
    return out;
}

} // namespace AuditReview
