#include "DemoCases.h"

#include "CaseRepository.h"
#include "domain/RepairEligibility.h"
#include "records/CreditItemRepository.h"
#include "records/DemoCity.h"
#include "records/SubjectRepository.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace DemoCases {

namespace {

struct Candidate
{
    Subject subject;
    CreditItem item;
};

QList<MaterialScan> scans(const PolicyRegistry& policies, CaseKind kind, const QDate& on, bool dropOne, int n)
{
    QList<MaterialScan> out;
    const PolicyProfilePtr profile = policies.profileOn(on);
    if (!profile)
        return out;
    const QVector<PolicyMaterial> materials = profile->materials(kind, false);
    for (int i = 0; i < materials.size(); ++i) {
        if (dropOne && i == materials.size() - 1)
            continue;
        MaterialScan scan;
        scan.key = materials.at(i).term.key;
        scan.fileName = QStringLiteral("scan-%1-%2.pdf").arg(n).arg(scan.key);
        scan.mimeType = QStringLiteral("application/pdf");
        scan.bytes = "%PDF-1.4\n% demo scan " + scan.key.toUtf8() + " " + QByteArray::number(n) + "\n%%EOF\n";
        out.append(scan);
    }
    return out;
}

} // namespace

bool generate(const DemoCaseActors& actors, const PolicyRegistry& policies, const WorkingCalendar& calendar, int count,
              quint32 seed, const QDate& today, DemoCasesReport* report, QString* error)
{
    QRandomGenerator random(seed);
    QSqlDatabase db = actors.clerk.database();
    SubjectRepository subjects(db);
    CreditItemRepository items(db);

    // Dishonest items that can be repaired as of a month ago (so every received date works), and other items for
    // objections, spread over the city.
    QList<Candidate> repairable;
    QList<Candidate> objectable;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, subject_id FROM credit_items WHERE status = 'active' AND "
                                 "objection_pending = 0 AND category = 'dishonest' ORDER BY (id * 7919) % 10007 "
                                 "LIMIT ?"));
        q.addBindValue(std::max(5000, count * 4));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        const QDate earliest = calendar.addWorkingDays(today, -40);
        QSet<qint64> usedSubjects;
        while (q.next() && (repairable.size() < count || objectable.size() < count)) {
            Candidate c;
            if (!items.findById(q.value(0).toLongLong(), &c.item) || !subjects.findById(c.item.subjectId, &c.subject))
                continue;
            if (usedSubjects.contains(c.subject.id))
                continue;
            usedSubjects.insert(c.subject.id);
            // Eligible on the first and the last day a case may be received, so on every day between.
            if (RepairRules::assess(c.item.facts(c.subject.kind), earliest, policies).eligible() &&
                RepairRules::assess(c.item.facts(c.subject.kind), today, policies).eligible())
                repairable.append(c);
            else
                objectable.append(c);
        }
    }

    CaseRepository clerk(actors.clerk, policies, calendar);
    CaseRepository reviewer(actors.reviewer, policies, calendar);
    CaseRepository supervisor(actors.supervisor, policies, calendar);
    DemoCasesReport result;
    for (int n = 0; n < count; ++n) {
        // A repair needs a repairable item; an objection takes any item. When the repairable ones run out, the rest
        // are objections.
        bool objection = n % 3 == 2 || repairable.isEmpty();
        QList<Candidate>* pool = objection ? (objectable.isEmpty() ? &repairable : &objectable) : &repairable;
        if (pool->isEmpty())
            break;
        const Candidate c = pool->takeFirst();
        // Received 0 to 12 working days ago; each later step 1 to 3 working days after the one before.
        const int age = int(random.bounded(13));
        QDate day = calendar.addWorkingDays(today, -age);
        auto next = [&]() {
            const QDate candidate = calendar.addWorkingDays(day, 1 + int(random.bounded(3)));
            if (candidate > today)
                return false;
            day = candidate;
            return true;
        };
        Applicant applicant;
        applicant.capacity =
            c.subject.kind == SubjectKind::NaturalPerson ? QStringLiteral("self") : QStringLiteral("representative");
        applicant.name = c.subject.kind == SubjectKind::NaturalPerson ? c.subject.name : c.subject.legalRepresentative;
        if (applicant.name.isEmpty())
            applicant.name = QStringLiteral("陈伟");
        applicant.idType = QStringLiteral("resident_id");
        applicant.idNumber =
            DemoCity::residentId(QStringLiteral("350203"), QDate(1970 + n % 30, 1 + n % 12, 1 + n % 28), n % 999 + 1);
        applicant.idChecked = QStringLiteral("reader");
        const bool missing = random.bounded(6) == 0;
        CaseRecord created;
        CaseRepository::Result r;
        if (objection) {
            CaseRepository::ObjectionIntake intake{
                c.subject.id,
                c.item.id,
                QStringList{QStringLiteral("error"), QStringLiteral("omission"), QStringLiteral("privacy")}.at(
                    int(random.bounded(3))),
                QStringLiteral("申请人称该记录与实际情况不符。"),
                applicant,
                scans(policies, CaseKind::Objection, day, missing, n)};
            r = clerk.intakeObjection(intake, day, &created);
        } else {
            CaseRepository::RepairIntake intake{
                c.subject.id, {c.item.id}, applicant, QString(), scans(policies, CaseKind::Repair, day, missing, n)};
            r = clerk.intakeRepair(intake, day, &created);
        }
        if (!r.ok()) {
            *error = QStringLiteral("%1 %2: %3")
                         .arg(objection ? QStringLiteral("objection") : QStringLiteral("repair"))
                         .arg(c.item.id)
                         .arg(r.message);
            return false;
        }
        auto act = [&](CaseRepository& who, const QString& action, const QString& note) {
            CaseRepository::ActionInput input;
            input.note = note;
            const CaseRepository::Result moved = who.act(created.caseNo, action, input, day, &created);
            if (!moved.ok())
                *error = QStringLiteral("%1 %2: %3").arg(created.caseNo, action, moved.message);
            return moved.ok();
        };
        // How far this case goes: 0 stays received, then one more step each, until the dates run out.
        const int target = int(random.bounded(objection ? 4 : 5));
        if (created.paused) {
            if (target == 0 || !next())
                goto done;
            if (!act(clerk, QStringLiteral("receive_materials"), QString()))
                return false;
        }
        if (target >= 1 && next()) {
            if (!act(reviewer, objection ? QStringLiteral("start_verification") : QStringLiteral("start_review"),
                     QString()))
                return false;
            if (target >= 2 && next()) {
                if (objection) {
                    const QString outcome = target == 2 ? QStringLiteral("maintain") : QStringLiteral("withdraw_item");
                    if (!act(reviewer, outcome, QStringLiteral("来源部门复核结果：%1").arg(created.caseNo)))
                        return false;
                } else if (target == 4 && random.bounded(2) == 0) {
                    if (!act(reviewer, QStringLiteral("reject_municipal"),
                             QStringLiteral("申请人未履行法定义务，不予修复。")))
                        return false;
                } else {
                    if (!act(reviewer, QStringLiteral("submit_to_platform"), QString()))
                        return false;
                    if (target >= 3 && next()) {
                        const bool approve = random.bounded(4) != 0;
                        if (!act(reviewer,
                                 approve ? QStringLiteral("record_approval") : QStringLiteral("record_rejection"),
                                 approve ? QStringLiteral("省级审核通过（闽信修〔%1〕号）").arg(n)
                                         : QStringLiteral("省级审核不予通过：证明材料不足")))
                            return false;
                    }
                }
            }
        }
        if (created.state == QLatin1String("received") && !created.paused && random.bounded(8) == 0 && next()) {
            if (!act(clerk, QStringLiteral("withdraw"), QStringLiteral("申请人书面撤回申请")))
                return false;
        }
    done:
        ++result.cases;
        result.byState[created.paused ? QStringLiteral("paused") : created.state] += 1;
    }
    Q_UNUSED(supervisor);
    if (report)
        *report = result;
    return true;
}

} // namespace DemoCases
