#pragma once

#include "ReportContent.h"
#include "records/SubjectProfile.h"

// Assembles what a report says from a subject's profile (the policy engine's assessment on the report's day), the
// request and its basis. No SQL, no rendering, no clock: the same input gives the same content, which is what
// the reference files in tests/data/reports compare.
struct ReportHeader
{
    QString number;
    QString code;
    QDateTime generatedAt; // local time
    QString workstation;
    QString operatorName;
};

namespace ReportBuilder {

// Whether an item whose own disclosure mode is itemMode may appear on a report in reportMode: items for social
// disclosure appear on every report, items for authorised query on authorised-query and government-sharing
// reports, items for government sharing only on government-sharing reports.
bool modeShows(DisclosureMode reportMode, DisclosureMode itemMode);

// The content of the report. profile must be assessed on the report's day (profile.assessedOn).
ReportContent build(const SubjectProfile& profile, const ReportRequest& request, const ReportHeader& header,
                    const PolicyRegistry& policies);

} // namespace ReportBuilder
