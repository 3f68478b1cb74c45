#pragma once

#include "domain/WorkingCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The auditor's view of the audit trail: entries filtered by person, action, object and period, a subject's whole
// access history, and the patterns an auditor looks for, flagged: one person opening many unrelated subjects in a
// short time, queries with no case (or report) behind them, work outside working hours, repeated failed unlocks.
// Read-only: the filters never write; the page that shows them audits what the auditor looked at.
struct AuditRow
{
    qint64 seq = 0;
    QDateTime at; // UTC
    QString actor;
    QString action;
    QString objectType;
    QString objectId;
    QString basis;
    QJsonObject details;
};

struct AuditFilter
{
    QString actor;      // exact username; empty: everybody
    QString action;     // prefix ("subject.", "case.intake"); empty: every action
    QString objectType; // exact; empty: any
    QString objectId;   // exact; empty: any
    QDate from;         // local days, inclusive; invalid: open
    QDate to;
    int limit = 20000; // newest first beyond that
};

struct AuditFlag
{
    QString kind; // "many_subjects", "no_follow_up", "after_hours", "failed_unlocks", "failed_logins"
    QString actor;
    QDateTime first; // UTC
    QDateTime last;
    int count = 0;
    QString description; // translated
    QList<qint64> seqs;  // the entries behind it
};

struct AuditThresholds
{
    int manySubjects = 15;        // distinct subjects opened by one person …
    int manySubjectsMinutes = 60; // … within this many minutes
    int failedUnlocks = 3;        // failed unlocks by one person in a day
    int failedLogins = 3;         // failed logins written in at one login
    QTime dayStarts = QTime(8, 0);
    QTime dayEnds = QTime(18, 0);
};

namespace AuditReview {
bool query(const QSqlDatabase& db, const AuditFilter& filter, QList<AuditRow>* rows, QString* error = nullptr);
// Flags over rows (oldest first or not: they are sorted by seq first).
QList<AuditFlag> flags(QList<AuditRow> rows, const WorkingCalendar& calendar,
                       const AuditThresholds& thresholds = AuditThresholds());
QString flagName(const QString& kind);
} // namespace AuditReview
