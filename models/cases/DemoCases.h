#pragma once

#include "domain/PolicyRegistry.h"
#include "domain/WorkingCalendar.h"
#include "storage/Session.h"

#include <QDate>
#include <QMap>
#include <QString>

// Cases for the demo city (installer/dev.sh run): repair applications and objections received over the last weeks
// and moved on by the demo staff, so the queues and the dashboard open with cases in every stage and every clock
// state (on time, at risk, due today, overdue, paused, decided). Deterministic for a seed. Each action goes through
// CaseRepository as the person who would take it, so every case event is a signed audit entry of that person (the
// caller holds their signing keys: xmcredit-admin demo-cases unlocks the demo logins).
struct DemoCaseActors
{
    Session clerk;
    Session reviewer;
    Session supervisor;
};

struct DemoCasesReport
{
    int cases = 0;
    QMap<QString, int> byState; // case state key -> count
};

namespace DemoCases {
bool generate(const DemoCaseActors& actors, const PolicyRegistry& policies, const WorkingCalendar& calendar, int count,
              quint32 seed, const QDate& today, DemoCasesReport* report, QString* error);
}
