#include "CaseWorkflow.h"

#include <QCoreApplication>

#include <algorithm>

namespace CaseWorkflow {

namespace {

const QString Received = QStringLiteral("received");
const QString Withdrawn = QStringLiteral("withdrawn");

QList<Transition> repairTransitions()
{
    const CaseKind k = CaseKind::Repair;
    return {
        {k,
         QStringLiteral("start_review"),
         {Received},
         QStringLiteral("municipal_review"),
         Permission::ReviewCase,
         false,
         true},
        {k,
         QStringLiteral("submit_to_platform"),
         {QStringLiteral("municipal_review")},
         QStringLiteral("platform_review"),
         Permission::ReviewCase,
         false,
         true},
        {k,
         QStringLiteral("reject_municipal"),
         {QStringLiteral("municipal_review")},
         QStringLiteral("rejected"),
         Permission::ReviewCase,
         true,
         true},
        {k,
         QStringLiteral("record_approval"),
         {QStringLiteral("platform_review")},
         QStringLiteral("approved"),
         Permission::ReviewCase,
         true,
         true},
        {k,
         QStringLiteral("record_rejection"),
         {QStringLiteral("platform_review")},
         QStringLiteral("rejected"),
         Permission::ReviewCase,
         true,
         true},
    };
}

QList<Transition> objectionTransitions()
{
    const CaseKind k = CaseKind::Objection;
    return {
        {k,
         QStringLiteral("start_verification"),
         {Received},
         QStringLiteral("verifying"),
         Permission::ReviewCase,
         false,
         true},
        {k,
         QStringLiteral("correct"),
         {QStringLiteral("verifying")},
         QStringLiteral("corrected"),
         Permission::ReviewCase,
         true,
         true},
        {k,
         QStringLiteral("withdraw_item"),
         {QStringLiteral("verifying")},
         QStringLiteral("item_withdrawn"),
         Permission::ReviewCase,
         true,
         true},
        {k,
         QStringLiteral("maintain"),
         {QStringLiteral("verifying")},
         QStringLiteral("maintained"),
         Permission::ReviewCase,
         true,
         true},
    };
}

// Actions of both kinds.
QList<Transition> commonTransitions(CaseKind k)
{
    return {
        {k, QStringLiteral("withdraw"), {}, Withdrawn, Permission::IntakeCase, true, false},
        {k, QStringLiteral("request_supplement"), {}, QString(), Permission::IntakeCase, true, false},
        {k, QStringLiteral("receive_materials"), {}, QString(), Permission::IntakeCase, false, false},
        {k, QStringLiteral("reassign"), {}, QString(), Permission::SuperviseCases, true, false},
        {k, QStringLiteral("reopen"), {}, QString(), Permission::SuperviseCases, true, false},
    };
}

} // namespace

QList<Transition> transitions(CaseKind kind)
{
    QList<Transition> all = kind == CaseKind::Repair ? repairTransitions() : objectionTransitions();
    all += commonTransitions(kind);
    return all;
}

QStringList states(CaseKind kind)
{
    if (kind == CaseKind::Repair)
        return {Received,
                QStringLiteral("municipal_review"),
                QStringLiteral("platform_review"),
                QStringLiteral("approved"),
                QStringLiteral("rejected"),
                Withdrawn};
    return {Received,
            QStringLiteral("verifying"),
            QStringLiteral("corrected"),
            QStringLiteral("item_withdrawn"),
            QStringLiteral("maintained"),
            Withdrawn};
}

bool isKnownState(CaseKind kind, const QString& state)
{
    return states(kind).contains(state);
}

bool isOpen(CaseKind kind, const QString& state)
{
    if (kind == CaseKind::Repair)
        return state == Received || state == QLatin1String("municipal_review") ||
               state == QLatin1String("platform_review");
    return state == Received || state == QLatin1String("verifying");
}

QString initialState()
{
    return Received;
}

Check check(const CaseFacts& facts, const QString& action, Role role, const QString& actor, const QString& note)
{
    Check result;
    const QList<Transition> all = transitions(facts.kind);
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const Transition& t) { return t.action == action; });
    if (it == all.cend()) {
        result.reason = QCoreApplication::translate("CaseWorkflow", "%1 is not an action of a %2 case.")
                            .arg(action, displayName(facts.kind));
        return result;
    }
    const Transition& t = *it;
    // Supplementary materials are asked for at the window (a clerk) or during the review (a reviewer).
    if (!roleMayTake(facts.kind, action, role)) {
        result.reason = QCoreApplication::translate("CaseWorkflow", "A %1 may not %2.")
                            .arg(Roles::displayName(role), actionName(action));
        return result;
    }
    const bool open = isOpen(facts.kind, facts.state);
    if (action == QLatin1String("reopen")) {
        if (open) {
            result.reason = QCoreApplication::translate(
                "CaseWorkflow", "The case is still open: only a decided or withdrawn case can be reopened.");
            return result;
        }
        // A decision that changed the credit record (repaired, corrected, withdrawn) went to the platform: it is
        // undone only by the platform or a new case, never by reopening this one.
        if (facts.state == QLatin1String("approved") || facts.state == QLatin1String("corrected") ||
            facts.state == QLatin1String("item_withdrawn")) {
            result.reason = QCoreApplication::translate(
                                "CaseWorkflow",
                                "The decision (%1) changed the credit record, so the case cannot be reopened: a new "
                                "case or the platform must undo it.")
                                .arg(stateName(facts.kind, facts.state));
            return result;
        }
        if (!isOpen(facts.kind, facts.decidedFrom)) {
            result.reason = QCoreApplication::translate(
                "CaseWorkflow", "The state the case was decided in is not known, so it cannot be reopened.");
            return result;
        }
        result.to = facts.decidedFrom;
    } else if (!open) {
        result.reason = QCoreApplication::translate("CaseWorkflow", "The case is closed (%1): reopen it first.")
                            .arg(stateName(facts.kind, facts.state));
        return result;
    } else if (!t.from.isEmpty() && !t.from.contains(facts.state)) {
        result.reason = QCoreApplication::translate("CaseWorkflow", "%1 is not possible while the case is %2.")
                            .arg(actionName(action), stateName(facts.kind, facts.state));
        return result;
    } else {
        result.to = t.to.isEmpty() ? facts.state : t.to;
    }
    if (action == QLatin1String("request_supplement") && facts.paused) {
        result.reason = QCoreApplication::translate(
            "CaseWorkflow", "Supplementary materials have already been requested: the clock is paused.");
        return result;
    }
    if (action == QLatin1String("receive_materials") && !facts.paused) {
        result.reason = QCoreApplication::translate("CaseWorkflow", "No supplementary materials were requested.");
        return result;
    }
    if (t.isDecision && facts.paused) {
        result.reason = QCoreApplication::translate(
            "CaseWorkflow", "The case waits for supplementary materials: record them before it moves on.");
        return result;
    }
    if (t.isDecision && actor == facts.intakeBy) {
        result.reason = QCoreApplication::translate(
                            "CaseWorkflow", "%1 took this case in and may not decide it: another reviewer must.")
                            .arg(actor);
        return result;
    }
    if (t.needsNote && note.trimmed().isEmpty()) {
        result.reason =
            QCoreApplication::translate("CaseWorkflow", "%1 needs a note: the reason or the decision's text.")
                .arg(actionName(action));
        return result;
    }
    result.allowed = true;
    return result;
}

QList<Permission> permissionsFor(CaseKind kind, const QString& action)
{
    for (const Transition& t : transitions(kind)) {
        if (t.action != action)
            continue;
        // A reviewer who finds a material missing asks for it as the clerk would.
        if (action == QLatin1String("request_supplement"))
            return {t.permission, Permission::ReviewCase};
        return {t.permission};
    }
    return {};
}

bool roleMayTake(CaseKind kind, const QString& action, Role role)
{
    const QList<Permission> permissions = permissionsFor(kind, action);
    return std::any_of(permissions.cbegin(), permissions.cend(), [role](Permission p) { return roleAllows(role, p); });
}

QStringList available(const CaseFacts& facts, Role role, const QString& actor)
{
    QStringList actions;
    for (const Transition& t : transitions(facts.kind)) {
        if (check(facts, t.action, role, actor, QStringLiteral("-")).allowed)
            actions << t.action;
    }
    return actions;
}

QString actionTo(const CaseFacts& facts, const QString& target)
{
    for (const Transition& t : transitions(facts.kind)) {
        if (!t.to.isEmpty() && t.to == target && (t.from.isEmpty() || t.from.contains(facts.state)))
            return t.action;
    }
    if (!isOpen(facts.kind, facts.state) && facts.decidedFrom == target)
        return QStringLiteral("reopen");
    return {};
}

QString stateName(CaseKind kind, const QString& state)
{
    if (state == Received)
        return QCoreApplication::translate("CaseWorkflow", "received");
    if (state == QLatin1String("municipal_review"))
        return QCoreApplication::translate("CaseWorkflow", "in municipal review");
    if (state == QLatin1String("platform_review"))
        return QCoreApplication::translate("CaseWorkflow", "in provincial and national review");
    if (state == QLatin1String("approved"))
        return QCoreApplication::translate("CaseWorkflow", "repair approved");
    if (state == QLatin1String("rejected"))
        return QCoreApplication::translate("CaseWorkflow", "repair rejected");
    if (state == QLatin1String("verifying"))
        return QCoreApplication::translate("CaseWorkflow", "being verified with the source department");
    if (state == QLatin1String("corrected"))
        return QCoreApplication::translate("CaseWorkflow", "corrected");
    if (state == QLatin1String("item_withdrawn"))
        return QCoreApplication::translate("CaseWorkflow", "item withdrawn");
    if (state == QLatin1String("maintained"))
        return QCoreApplication::translate("CaseWorkflow", "item maintained");
    if (state == Withdrawn)
        return kind == CaseKind::Repair ? QCoreApplication::translate("CaseWorkflow", "application withdrawn")
                                        : QCoreApplication::translate("CaseWorkflow", "objection withdrawn");
    return state;
}

QString actionName(const QString& action)
{
    if (action == QLatin1String("start_review"))
        return QCoreApplication::translate("CaseWorkflow", "start the municipal review");
    if (action == QLatin1String("submit_to_platform"))
        return QCoreApplication::translate("CaseWorkflow", "submit to the provincial and national review");
    if (action == QLatin1String("reject_municipal"))
        return QCoreApplication::translate("CaseWorkflow", "reject at the municipal review");
    if (action == QLatin1String("record_approval"))
        return QCoreApplication::translate("CaseWorkflow", "record the platform's approval");
    if (action == QLatin1String("record_rejection"))
        return QCoreApplication::translate("CaseWorkflow", "record the platform's rejection");
    if (action == QLatin1String("start_verification"))
        return QCoreApplication::translate("CaseWorkflow", "start verifying with the source department");
    if (action == QLatin1String("correct"))
        return QCoreApplication::translate("CaseWorkflow", "correct the item");
    if (action == QLatin1String("withdraw_item"))
        return QCoreApplication::translate("CaseWorkflow", "withdraw the item");
    if (action == QLatin1String("maintain"))
        return QCoreApplication::translate("CaseWorkflow", "maintain the item");
    if (action == QLatin1String("withdraw"))
        return QCoreApplication::translate("CaseWorkflow", "record the applicant's withdrawal");
    if (action == QLatin1String("request_supplement"))
        return QCoreApplication::translate("CaseWorkflow", "request supplementary materials");
    if (action == QLatin1String("receive_materials"))
        return QCoreApplication::translate("CaseWorkflow", "record the supplementary materials");
    if (action == QLatin1String("reassign"))
        return QCoreApplication::translate("CaseWorkflow", "reassign the case");
    if (action == QLatin1String("reopen"))
        return QCoreApplication::translate("CaseWorkflow", "reopen the case");
    return action;
}

CaseColumns after(const CaseFacts& facts, const QString& outcome, const QString& action, const QString& to,
                  const QString& actor, const QString& assignee, const QString& note)
{
    CaseColumns c;
    c.state = to;
    c.paused = action == QLatin1String("request_supplement")  ? true
               : action == QLatin1String("receive_materials") ? false
                                                              : facts.paused;
    c.assignedTo = facts.assignedTo;
    if (action == QLatin1String("reassign"))
        c.assignedTo = assignee;
    else if ((action == QLatin1String("start_review") || action == QLatin1String("start_verification")) &&
             c.assignedTo.isEmpty())
        c.assignedTo = actor;
    const bool closes = !isOpen(facts.kind, to);
    const bool reopens = action == QLatin1String("reopen");
    c.decidedFrom = closes ? facts.state : (reopens ? QString() : facts.decidedFrom);
    c.outcome = closes ? note.trimmed() : (reopens ? QString() : outcome);
    return c;
}

} // namespace CaseWorkflow
