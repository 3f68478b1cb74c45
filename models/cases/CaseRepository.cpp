#include "CaseRepository.h"

#include "CaseClocks.h"

#include "CaseWorkflow.h"
#include "domain/Identifiers.h"
#include "domain/PolicyProfile.h"
#include "domain/RepairEligibility.h"
#include "domain/TextRules.h"
#include "records/AttachmentStore.h"
#include "records/CreditItemRepository.h"
#include "records/PlatformWritePermit.h"
#include "records/RecordJson.h"
#include "records/Savepoint.h"
#include "records/SubjectRepository.h"
#include "storage/AuditLog.h"
#include "storage/Staff.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

CaseRepository::Result failure(CaseRepository::Failure kind, const QString& message)
{
    return {kind, message};
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Text for a NOT NULL column: a null QString would be bound as SQL NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const char* const CaseColumns =
    "SELECT c.id, c.case_no, c.kind, c.subject_id, s.name, s.identifier, c.state, c.paused, c.received_on, "
    "c.intake_by, c.assigned_to, c.applicant, c.grounds, c.statement, c.decided_from, c.outcome, c.updated_at, "
    "c.last_event_id FROM cases c JOIN subjects s ON s.id = c.subject_id";

CaseRecord caseFrom(const QSqlQuery& q)
{
    CaseRecord r;
    r.id = q.value(0).toLongLong();
    r.caseNo = q.value(1).toString();
    fromKey(q.value(2).toString(), &r.kind);
    r.subjectId = q.value(3).toLongLong();
    r.subjectName = q.value(4).toString();
    r.subjectIdentifier = q.value(5).toString();
    r.state = q.value(6).toString();
    r.paused = q.value(7).toInt() == 1;
    r.receivedOn = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    r.intakeBy = q.value(9).toString();
    r.assignedTo = q.value(10).toString();
    r.applicant = Applicant::fromJson(QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object());
    r.grounds = q.value(12).toString();
    r.statement = q.value(13).toString();
    r.decidedFrom = q.value(14).toString();
    r.outcome = q.value(15).toString();
    r.updatedAt = QDateTime::fromString(q.value(16).toString(), Qt::ISODateWithMs);
    r.lastEventId = q.value(17).toLongLong();
    return r;
}

CaseWorkflow::CaseFacts factsOf(const CaseRecord& r)
{
    return {r.kind, r.state, r.paused, r.intakeBy, r.assignedTo, r.decidedFrom};
}

} // namespace

QJsonObject Applicant::toJson() const
{
    return {{QStringLiteral("capacity"), capacity},
            {QStringLiteral("name"), name},
            {QStringLiteral("idType"), idType},
            {QStringLiteral("idNumber"), idNumber},
            {QStringLiteral("idChecked"), idChecked}};
}

Applicant Applicant::fromJson(const QJsonObject& json)
{
    Applicant a;
    a.capacity = json.value(QLatin1String("capacity")).toString();
    a.name = json.value(QLatin1String("name")).toString();
    a.idType = json.value(QLatin1String("idType")).toString();
    a.idNumber = json.value(QLatin1String("idNumber")).toString();
    a.idChecked = json.value(QLatin1String("idChecked")).toString();
    return a;
}

namespace ObjectionGrounds {
QStringList keys()
{
    return {QStringLiteral("error"), QStringLiteral("omission"), QStringLiteral("trade_secret"),
            QStringLiteral("privacy"), QStringLiteral("other_rights")};
}

QString displayName(const QString& key)
{
    if (key == QLatin1String("error"))
        return QCoreApplication::translate("ObjectionGrounds", "the information is wrong");
    if (key == QLatin1String("omission"))
        return QCoreApplication::translate("ObjectionGrounds", "the information is incomplete");
    if (key == QLatin1String("trade_secret"))
        return QCoreApplication::translate("ObjectionGrounds", "it infringes a trade secret");
    if (key == QLatin1String("privacy"))
        return QCoreApplication::translate("ObjectionGrounds", "it infringes personal privacy");
    if (key == QLatin1String("other_rights"))
        return QCoreApplication::translate("ObjectionGrounds", "it infringes other lawful rights");
    return key;
}
} // namespace ObjectionGrounds

CaseRepository::CaseRepository(const Session& session, const PolicyRegistry& policies, const WorkingCalendar& calendar)
    : m_session(session)
    , m_policies(policies)
    , m_calendar(calendar)
{}

CaseRepository::Result CaseRepository::validateApplicant(const Applicant& applicant, const QDate& on) const
{
    static const QStringList capacities{QStringLiteral("self"), QStringLiteral("representative"),
                                        QStringLiteral("agent")};
    if (!capacities.contains(applicant.capacity))
        return failure(
            Failure::Invalid,
            QCoreApplication::translate("CaseRepository",
                                        "The applicant's capacity must be self, representative or agent, not \"%1\".")
                .arg(applicant.capacity));
    if (applicant.name.trimmed().isEmpty())
        return failure(Failure::Invalid,
                       QCoreApplication::translate("CaseRepository", "The applicant's name is required."));
    for (const auto& [text, label] :
         {std::pair{applicant.name, QCoreApplication::translate("CaseRepository", "The applicant's name")},
          std::pair{applicant.idChecked, QCoreApplication::translate("CaseRepository", "How the ID was checked")},
          std::pair{applicant.idNumber, QCoreApplication::translate("CaseRepository", "The applicant's ID number")}}) {
        const QString problem = TextRules::problem(text, label, 200);
        if (!problem.isEmpty())
            return failure(Failure::Invalid, problem);
    }
    if (applicant.idChecked.trimmed().isEmpty())
        return failure(
            Failure::Invalid,
            QCoreApplication::translate("CaseRepository", "Record how the applicant's identity document was checked."));
    if (applicant.idType == QLatin1String("resident_id") || applicant.idType.isEmpty()) {
        const IdentifierCheck id = Identifiers::check(applicant.idNumber, IdentifierKind::ResidentId, on);
        if (!id.valid())
            return failure(
                Failure::Invalid,
                QCoreApplication::translate("CaseRepository", "The applicant's ID number: %1").arg(id.message()));
    } else if (applicant.idNumber.trimmed().isEmpty()) {
        return failure(Failure::Invalid,
                       QCoreApplication::translate("CaseRepository", "The applicant's document number is required."));
    }
    return {};
}

QStringList CaseRepository::missingMaterials(CaseKind kind, bool viaAgent, const QDate& on,
                                             const QStringList& present) const
{
    QStringList missing;
    const PolicyProfilePtr profile = m_policies.profileOn(on);
    if (!profile)
        return missing;
    for (const PolicyMaterial& material : profile->materials(kind, viaAgent)) {
        if (!present.contains(material.term.key))
            missing << material.term.key;
    }
    return missing;
}

CaseRepository::Result CaseRepository::validateMaterials(CaseKind kind, const Applicant& applicant,
                                                         const QList<MaterialScan>& materials, const QDate& on) const
{
    const PolicyProfilePtr profile = m_policies.profileOn(on);
    if (!profile)
        return failure(Failure::Rule,
                       QCoreApplication::translate("CaseRepository", "No credit policy is in force on %1.")
                           .arg(on.toString(Qt::ISODate)));
    QStringList known;
    for (const PolicyMaterial& material : profile->materials(kind, applicant.viaAgent()))
        known << material.term.key;
    for (const MaterialScan& scan : materials) {
        if (!known.contains(scan.key))
            return failure(Failure::Invalid,
                           QCoreApplication::translate(
                               "CaseRepository", "\"%1\" is not one of the materials this application needs (%2).")
                               .arg(scan.key, known.join(QStringLiteral(", "))));
        if (scan.bytes.isEmpty())
            return failure(Failure::Invalid,
                           QCoreApplication::translate("CaseRepository", "The scan of %1 is empty.").arg(scan.key));
    }
    return {};
}

CaseRepository::Result CaseRepository::intakeRepair(const RepairIntake& intake, const QDate& on, CaseRecord* created)
{
    if (!m_session.can(Permission::IntakeCase))
        return failure(Failure::Denied, QCoreApplication::translate("CaseRepository", "A %1 may not take in cases.")
                                            .arg(Roles::displayName(m_session.role)));
    Result checked = validateApplicant(intake.applicant, on);
    if (!checked.ok())
        return checked;
    checked = validateMaterials(CaseKind::Repair, intake.applicant, intake.materials, on);
    if (!checked.ok())
        return checked;
    if (intake.itemIds.isEmpty())
        return failure(Failure::Invalid, QCoreApplication::translate(
                                             "CaseRepository", "Choose the dishonest item(s) the repair is for."));
    QSqlDatabase db = m_session.database();
    Subject subject;
    QString error;
    if (!SubjectRepository(db).findById(intake.subjectId, &subject, &error))
        return failure(
            error.isEmpty() ? Failure::NotFound : Failure::Storage,
            error.isEmpty()
                ? QCoreApplication::translate("CaseRepository", "There is no subject %1.").arg(intake.subjectId)
                : error);
    CreditItemRepository items(db);
    for (qint64 itemId : intake.itemIds) {
        CreditItem item;
        if (!items.findById(itemId, &item, &error) || item.subjectId != intake.subjectId)
            return failure(
                error.isEmpty() ? Failure::NotFound : Failure::Storage,
                error.isEmpty()
                    ? QCoreApplication::translate("CaseRepository", "The subject has no credit item %1.").arg(itemId)
                    : error);
        const RepairEligibility eligibility = RepairRules::assess(item.facts(subject.kind), on, m_policies);
        if (!eligibility.eligible())
            return failure(Failure::Rule,
                           QCoreApplication::translate("CaseRepository", "Item %1 cannot be repaired now: %2")
                               .arg(itemId)
                               .arg(eligibility.reason));
        QSqlQuery open(db);
        open.prepare(QStringLiteral("SELECT c.case_no FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE "
                                    "ci.item_id = ? AND c.kind = 'repair' AND c.state IN ('received', "
                                    "'municipal_review', 'platform_review')"));
        open.addBindValue(itemId);
        if (!open.exec())
            return failure(Failure::Storage, open.lastError().text());
        if (open.next())
            return failure(Failure::Rule, QCoreApplication::translate("CaseRepository",
                                                                      "Item %1 is already in the open repair case %2.")
                                              .arg(itemId)
                                              .arg(open.value(0).toString()));
    }
    return insertCase(CaseKind::Repair, intake.subjectId, intake.itemIds, intake.applicant, QString(), intake.statement,
                      intake.materials, on, created);
}

CaseRepository::Result CaseRepository::intakeObjection(const ObjectionIntake& intake, const QDate& on,
                                                       CaseRecord* created)
{
    if (!m_session.can(Permission::IntakeCase))
        return failure(Failure::Denied, QCoreApplication::translate("CaseRepository", "A %1 may not take in cases.")
                                            .arg(Roles::displayName(m_session.role)));
    if (!ObjectionGrounds::keys().contains(intake.grounds))
        return failure(Failure::Invalid, QCoreApplication::translate(
                                             "CaseRepository", "The grounds of an objection are one of %1, not \"%2\".")
                                             .arg(ObjectionGrounds::keys().join(QStringLiteral(", ")), intake.grounds));
    if (intake.statement.trimmed().isEmpty())
        return failure(
            Failure::Invalid,
            QCoreApplication::translate("CaseRepository", "Record the applicant's statement: what is wrong and why."));
    if (const QString problem =
            TextRules::problem(intake.statement, QCoreApplication::translate("CaseRepository", "The statement"), 4000,
                               TextRules::Kind::Paragraph);
        !problem.isEmpty())
        return failure(Failure::Invalid, problem);
    Result checked = validateApplicant(intake.applicant, on);
    if (!checked.ok())
        return checked;
    checked = validateMaterials(CaseKind::Objection, intake.applicant, intake.materials, on);
    if (!checked.ok())
        return checked;
    QSqlDatabase db = m_session.database();
    CreditItem item;
    QString error;
    if (!CreditItemRepository(db).findById(intake.itemId, &item, &error) || item.subjectId != intake.subjectId)
        return failure(
            error.isEmpty() ? Failure::NotFound : Failure::Storage,
            error.isEmpty()
                ? QCoreApplication::translate("CaseRepository", "The subject has no credit item %1.").arg(intake.itemId)
                : error);
    if (item.objectionPending)
        return failure(
            Failure::Rule,
            QCoreApplication::translate("CaseRepository", "Item %1 is already under objection.").arg(intake.itemId));
    if (item.status == ItemStatus::Withdrawn)
        return failure(
            Failure::Rule,
            QCoreApplication::translate("CaseRepository", "Item %1 has been withdrawn: there is nothing to object to.")
                .arg(item.id));
    return insertCase(CaseKind::Objection, intake.subjectId, {intake.itemId}, intake.applicant, intake.grounds,
                      intake.statement, intake.materials, on, created);
}

CaseRepository::Result CaseRepository::insertCase(CaseKind kind, qint64 subjectId, const QList<qint64>& itemIds,
                                                  const Applicant& applicant, const QString& grounds,
                                                  const QString& statement, const QList<MaterialScan>& materials,
                                                  const QDate& on, CaseRecord* created)
{
    QSqlDatabase db = m_session.database();
    Savepoint unit(db);
    if (!unit.isActive())
        return failure(Failure::Storage, unit.errorString());
    auto storageFailure = [](const QSqlQuery& q) { return failure(Failure::Storage, q.lastError().text()); };

    // XF2026-1A2B-000001: kind, year received, the workstation's short id (so two windows never give the same
    // number: the platform holds every window's cases), number within kind, year and workstation.
    const QString window =
        m_session.workstationId.isEmpty() ? QString() : m_session.workstationId.left(4).toUpper() + QLatin1Char('-');
    const QString prefix = QStringLiteral("%1%2-%3")
                               .arg(kind == CaseKind::Repair ? QStringLiteral("XF") : QStringLiteral("YY"))
                               .arg(on.year())
                               .arg(window);
    // The highest number of the kind and year so far (an index range, not a count: cheap with many cases).
    QSqlQuery number(db);
    number.prepare(QStringLiteral("SELECT max(case_no) FROM cases WHERE case_no >= ? AND case_no < ?"));
    number.addBindValue(prefix);
    number.addBindValue(prefix + QLatin1Char('~'));
    if (!number.exec() || !number.next())
        return storageFailure(number);
    const qint64 last = number.value(0).toString().mid(prefix.size()).toLongLong();
    const QString caseNo = prefix + QStringLiteral("%1").arg(last + 1, 6, 10, QLatin1Char('0'));

    const QString at = nowText();
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO cases (case_no, kind, subject_id, state, paused, received_on, intake_by, "
                       "applicant, grounds, statement, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, "
                       "?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         {QVariant(caseNo), QVariant(toKey(kind)), QVariant(subjectId), QVariant(CaseWorkflow::initialState()),
          QVariant(on.toString(Qt::ISODate)), QVariant(m_session.username), QVariant(json(applicant.toJson())),
          QVariant(grounds.isEmpty() ? QString() : grounds), QVariant(text(statement)), QVariant(at), QVariant(at)})
        insert.addBindValue(v);
    if (!insert.exec())
        return storageFailure(insert);
    const qint64 caseId = insert.lastInsertId().toLongLong();

    qint64 lastEvent = 0;
    auto addEvent = [&](const QString& action, const QString& from, const QString& to, const QString& note,
                        const QJsonObject& details, const QString& when) {
        QSqlQuery event(db);
        event.prepare(QStringLiteral("INSERT INTO case_events (case_id, at, on_date, actor, action, from_state, "
                                     "to_state, note, details) VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?)"));
        for (const QVariant& v :
             {QVariant(caseId), QVariant(when), QVariant(on.toString(Qt::ISODate)), QVariant(m_session.username),
              QVariant(action), QVariant(from.isEmpty() ? QString() : from), QVariant(to), QVariant(note),
              QVariant(json(details))})
            event.addBindValue(v);
        if (!event.exec())
            return event.lastError().text();
        lastEvent = event.lastInsertId().toLongLong();
        return QString();
    };
    QJsonArray itemArray;
    for (qint64 itemId : itemIds) {
        QSqlQuery link(db);
        link.prepare(QStringLiteral("INSERT INTO case_items (case_id, item_id) VALUES (?, ?)"));
        link.addBindValue(caseId);
        link.addBindValue(itemId);
        if (!link.exec())
            return storageFailure(link);
        itemArray.append(double(itemId));
    }
    QString error = addEvent(QStringLiteral("intake"), QString(), CaseWorkflow::initialState(), QString(),
                             QJsonObject{{QStringLiteral("items"), itemArray}}, at);
    if (!error.isEmpty())
        return failure(Failure::Storage, error);

    AttachmentStore store(db);
    QStringList present;
    for (const MaterialScan& scan : materials) {
        qint64 attachmentId = 0;
        if (!store.store(QStringLiteral("case"), caseId, scan.fileName, scan.mimeType, scan.bytes, m_session.username,
                         &attachmentId, &error))
            return failure(Failure::Invalid, error);
        QSqlQuery material(db);
        material.prepare(QStringLiteral("INSERT INTO case_materials (case_id, material_key, attachment_id, added_by, "
                                        "added_at) VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant& v :
             {QVariant(caseId), QVariant(scan.key), QVariant(attachmentId), QVariant(m_session.username), QVariant(at)})
            material.addBindValue(v);
        if (!material.exec())
            return storageFailure(material);
        present << scan.key;
    }

    // Missing materials do not stop the intake: the case is received and waits for them (补正), its clock paused.
    const QStringList missing = missingMaterials(kind, applicant.viaAgent(), on, present);
    if (!missing.isEmpty()) {
        const QString pausedAt = nowText();
        error =
            addEvent(QStringLiteral("request_supplement"), CaseWorkflow::initialState(), CaseWorkflow::initialState(),
                     QCoreApplication::translate("CaseRepository", "Missing at intake: %1")
                         .arg(missing.join(QStringLiteral(", "))),
                     QJsonObject{{QStringLiteral("missing"), QJsonArray::fromStringList(missing)}}, pausedAt);
        if (!error.isEmpty())
            return failure(Failure::Storage, error);
        QSqlQuery pause(db);
        pause.prepare(QStringLiteral("UPDATE cases SET paused = 1, updated_at = ?, last_event_id = ? WHERE id = ?"));
        pause.addBindValue(pausedAt);
        pause.addBindValue(lastEvent);
        pause.addBindValue(caseId);
        if (!pause.exec())
            return storageFailure(pause);
    }

    // From the moment it is received, an objected item shows as under objection everywhere.
    if (kind == CaseKind::Objection) {
        PlatformWritePermit permit(db, m_session.username, QStringLiteral("case.intake"));
        if (!permit.isActive())
            return failure(Failure::Storage, permit.errorString());
        if (!CreditItemRepository(db).setObjectionPending(permit, itemIds.first(), true, &error) ||
            !permit.commit(&error))
            return failure(Failure::Storage, error);
    }

    if (!CaseClocks::store(db, caseId, m_policies, m_calendar, &error))
        return failure(Failure::Storage, error);

    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = QStringLiteral("case.intake");
    entry.objectType = QStringLiteral("case");
    entry.objectId = caseNo;
    entry.basis = kind == CaseKind::Repair ? QStringLiteral("credit repair application")
                                           : QStringLiteral("objection application");
    entry.details = QJsonObject{{QStringLiteral("kind"), toKey(kind)},
                                {QStringLiteral("subject"), double(subjectId)},
                                {QStringLiteral("items"), itemArray},
                                {QStringLiteral("on"), on.toString(Qt::ISODate)},
                                {QStringLiteral("applicantCapacity"), applicant.capacity},
                                {QStringLiteral("missing"), QJsonArray::fromStringList(missing)}};
    if (!AuditLog::append(db, entry, &error))
        return failure(Failure::Storage, error);
    if (!unit.release(&error))
        return failure(Failure::Storage, error);
    if (created && !find(caseNo, created, &error))
        return failure(Failure::Storage, error);
    return {};
}

CaseRepository::Result CaseRepository::act(const QString& caseNo, const QString& action, const ActionInput& input,
                                           const QDate& on, CaseRecord* after)
{
    CaseRecord record;
    QString error;
    if (!find(caseNo, &record, &error))
        return failure(error.isEmpty() ? Failure::NotFound : Failure::Storage,
                       error.isEmpty()
                           ? QCoreApplication::translate("CaseRepository", "There is no case %1.").arg(caseNo)
                           : error);
    const QStringList known = [&] {
        QStringList keys;
        for (const CaseWorkflow::Transition& t : CaseWorkflow::transitions(record.kind))
            keys << t.action;
        return keys;
    }();
    if (!known.contains(action))
        return failure(Failure::Invalid,
                       QCoreApplication::translate("CaseRepository", "%1 is not an action of a %2 case: use one of %3.")
                           .arg(action, displayName(record.kind), known.join(QStringLiteral(", "))));
    if (!CaseWorkflow::roleMayTake(record.kind, action, m_session.role))
        return failure(Failure::Denied, QCoreApplication::translate("CaseRepository", "A %1 may not %2.")
                                            .arg(Roles::displayName(m_session.role), CaseWorkflow::actionName(action)));
    if (const QString problem = TextRules::problem(
            input.note, QCoreApplication::translate("CaseRepository", "The note"), 4000, TextRules::Kind::Paragraph);
        !problem.isEmpty())
        return failure(Failure::Invalid, problem);
    const CaseWorkflow::Check check =
        CaseWorkflow::check(factsOf(record), action, m_session.role, m_session.username, input.note);
    if (!check.allowed)
        return failure(Failure::Rule, check.reason);

    QList<CaseEventRecord> history;
    if (!events(record.id, &history, &error))
        return failure(Failure::Storage, error);
    if (!history.isEmpty() && on < history.last().onDate)
        return failure(Failure::Rule,
                       QCoreApplication::translate(
                           "CaseRepository", "The case's last event is dated %1: an action cannot be dated before it.")
                           .arg(history.last().onDate.toString(Qt::ISODate)));

    QSqlDatabase db = m_session.database();
    QString assignee = record.assignedTo;
    if (action == QLatin1String("reassign")) {
        StaffMember member;
        if (!StaffDirectory::find(db, input.assignee, &member, &error) || !member.active)
            return failure(Failure::NotFound,
                           QCoreApplication::translate("CaseRepository", "There is no active member of staff named %1.")
                               .arg(input.assignee));
        if (member.role != Role::Reviewer)
            return failure(
                Failure::Rule,
                QCoreApplication::translate("CaseRepository", "%1 is not a reviewer: cases are assigned to reviewers.")
                    .arg(input.assignee));
        if (member.username == record.intakeBy)
            return failure(Failure::Rule,
                           QCoreApplication::translate("CaseRepository", "%1 took this case in and may not decide it.")
                               .arg(input.assignee));
        assignee = member.username;
    } else if ((action == QLatin1String("start_review") || action == QLatin1String("start_verification")) &&
               assignee.isEmpty()) {
        assignee = m_session.username;
    }

    Savepoint unit(db);
    if (!unit.isActive())
        return failure(Failure::Storage, unit.errorString());
    CreditItemRepository items(db);
    QJsonObject details;
    if (action == QLatin1String("reassign"))
        details.insert(QStringLiteral("from"), record.assignedTo);
    if (action == QLatin1String("reassign"))
        details.insert(QStringLiteral("to"), assignee);
    // A correction keeps the item as it was in the event (the event is sealed and never changes).
    CreditItem before;
    if (action == QLatin1String("correct")) {
        if (!items.findById(record.itemIds.value(0), &before, &error))
            return failure(Failure::Storage, error);
        details.insert(QStringLiteral("before"), RecordJson::toJson(before));
    }

    const bool closes = !CaseWorkflow::isOpen(record.kind, check.to);
    const CaseWorkflow::CaseColumns columns = CaseWorkflow::after(factsOf(record), record.outcome, action, check.to,
                                                                  m_session.username, assignee, input.note);
    const QString at = nowText();
    QSqlQuery event(db);
    event.prepare(QStringLiteral("INSERT INTO case_events (case_id, at, on_date, actor, action, from_state, to_state, "
                                 "note, details) VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?)"));
    for (const QVariant& v : {QVariant(record.id), QVariant(at), QVariant(on.toString(Qt::ISODate)),
                              QVariant(m_session.username), QVariant(action), QVariant(record.state),
                              QVariant(check.to), QVariant(text(input.note.trimmed())), QVariant(json(details))})
        event.addBindValue(v);
    if (!event.exec())
        return failure(Failure::Storage, event.lastError().text());
    const qint64 eventId = event.lastInsertId().toLongLong();

    // Only if nobody moved the case since it was read (another window, another reviewer).
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE cases SET state = ?, paused = ?, assigned_to = ?, decided_from = ?, "
                                  "outcome = ?, updated_at = ?, last_event_id = ? WHERE id = ? AND last_event_id = ? "
                                  "AND state = ?"));
    const QVariant null(QMetaType(QMetaType::QString));
    update.addBindValue(columns.state);
    update.addBindValue(columns.paused ? 1 : 0);
    update.addBindValue(columns.assignedTo.isEmpty() ? null : QVariant(columns.assignedTo));
    update.addBindValue(action == QLatin1String("reopen") ? null : QVariant(columns.decidedFrom));
    update.addBindValue(columns.outcome);
    update.addBindValue(at);
    update.addBindValue(eventId);
    update.addBindValue(record.id);
    update.addBindValue(record.lastEventId);
    update.addBindValue(record.state);
    if (!update.exec())
        return failure(Failure::Storage, update.lastError().text());
    if (update.numRowsAffected() != 1)
        return failure(Failure::Rule,
                       QCoreApplication::translate(
                           "CaseRepository", "Case %1 was moved by someone else in the meantime: look at it again.")
                           .arg(record.caseNo));

    // The scans that arrived.
    if (!input.materials.isEmpty()) {
        const Result valid = validateMaterials(record.kind, record.applicant, input.materials, on);
        if (!valid.ok())
            return valid;
        AttachmentStore store(db);
        for (const MaterialScan& scan : input.materials) {
            qint64 attachmentId = 0;
            if (!store.store(QStringLiteral("case"), record.id, scan.fileName, scan.mimeType, scan.bytes,
                             m_session.username, &attachmentId, &error))
                return failure(Failure::Invalid, error);
            QSqlQuery material(db);
            material.prepare(QStringLiteral("INSERT INTO case_materials (case_id, material_key, attachment_id, "
                                            "added_by, added_at) VALUES (?, ?, ?, ?, ?)"));
            for (const QVariant& v : {QVariant(record.id), QVariant(scan.key), QVariant(attachmentId),
                                      QVariant(m_session.username), QVariant(at)})
                material.addBindValue(v);
            if (!material.exec())
                return failure(Failure::Storage, material.lastError().text());
        }
    }

    // The outcome on the credit record.
    const bool objectionEnds = record.kind == CaseKind::Objection && closes;
    const bool objectionReopens = record.kind == CaseKind::Objection && action == QLatin1String("reopen");
    const bool repairs = action == QLatin1String("record_approval");
    if (objectionEnds || objectionReopens || repairs) {
        PlatformWritePermit permit(db, m_session.username, QStringLiteral("case.") + action);
        if (!permit.isActive())
            return failure(Failure::Storage, permit.errorString());
        bool ok = true;
        for (qint64 itemId : record.itemIds) {
            if (repairs) {
                ok = items.markRepaired(permit, itemId, on, &error);
            } else if (objectionReopens) {
                ok = items.setObjectionPending(permit, itemId, true, &error);
            } else if (action == QLatin1String("correct")) {
                CreditItem corrected = before;
                if (!input.correctedTitle.trimmed().isEmpty())
                    corrected.title = input.correctedTitle.trimmed();
                if (!input.correctedContent.trimmed().isEmpty())
                    corrected.content = input.correctedContent.trimmed();
                ok = items.applyCorrection(permit, corrected, &error);
            } else {
                ok = items.setObjectionPending(permit, itemId, false, &error);
                if (ok && action == QLatin1String("withdraw_item"))
                    ok = items.markWithdrawn(permit, itemId, on, &error);
            }
            if (!ok)
                break;
        }
        if (!ok || !permit.commit(&error))
            return failure(Failure::Storage, error);
    }

    if (!CaseClocks::store(db, record.id, m_policies, m_calendar, &error))
        return failure(Failure::Storage, error);

    AuditEntry entry;
    entry.actor = m_session.username;
    entry.action = QStringLiteral("case.") + action;
    entry.objectType = QStringLiteral("case");
    entry.objectId = record.caseNo;
    entry.basis = CaseWorkflow::actionName(action);
    entry.details = QJsonObject{{QStringLiteral("from"), record.state},
                                {QStringLiteral("to"), check.to},
                                {QStringLiteral("on"), on.toString(Qt::ISODate)}};
    if (!assignee.isEmpty() && assignee != record.assignedTo)
        entry.details.insert(QStringLiteral("assignedTo"), assignee);
    if (!AuditLog::append(db, entry, &error))
        return failure(Failure::Storage, error);
    if (!unit.release(&error))
        return failure(Failure::Storage, error);
    if (after && !find(caseNo, after, &error))
        return failure(Failure::Storage, error);
    return {};
}

bool CaseRepository::readCase(const char* where, const QVariant& value, CaseRecord* record, QString* error) const
{
    if (error)
        error->clear();
    QSqlDatabase db = m_session.database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QLatin1String(CaseColumns) + QLatin1String(" WHERE ") + QLatin1String(where));
    q.addBindValue(value);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (!q.next())
        return false;
    CaseRecord r = caseFrom(q);
    QSqlQuery itemsQuery(db);
    itemsQuery.setForwardOnly(true);
    itemsQuery.prepare(QStringLiteral("SELECT item_id FROM case_items WHERE case_id = ? ORDER BY item_id"));
    itemsQuery.addBindValue(r.id);
    if (!itemsQuery.exec()) {
        if (error)
            *error = itemsQuery.lastError().text();
        return false;
    }
    while (itemsQuery.next())
        r.itemIds << itemsQuery.value(0).toLongLong();
    *record = r;
    return true;
}

bool CaseRepository::find(const QString& caseNo, CaseRecord* record, QString* error) const
{
    return readCase("c.case_no = ?", caseNo.trimmed().toUpper(), record, error);
}

bool CaseRepository::events(qint64 caseId, QList<CaseEventRecord>* events, QString* error) const
{
    events->clear();
    QSqlQuery q(m_session.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, on_date, actor, action, from_state, to_state, note, details FROM "
                             "case_events WHERE case_id = ? ORDER BY id"));
    q.addBindValue(caseId);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        CaseEventRecord e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        e.onDate = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        e.actor = q.value(3).toString();
        e.action = q.value(4).toString();
        e.fromState = q.value(5).toString();
        e.toState = q.value(6).toString();
        e.note = q.value(7).toString();
        e.details = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
        events->append(e);
    }
    return true;
}

bool CaseRepository::materials(qint64 caseId, QList<CaseMaterialRecord>* materials, QString* error) const
{
    materials->clear();
    QSqlQuery q(m_session.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.id, m.material_key, m.attachment_id, a.file_name, a.sha256, m.added_by FROM "
                             "case_materials m JOIN attachments a ON a.id = m.attachment_id WHERE m.case_id = ? "
                             "ORDER BY m.id"));
    q.addBindValue(caseId);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next())
        materials->append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                           q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    return true;
}

bool CaseRepository::list(bool includeClosed, QList<CaseRecord>* cases, QString* error) const
{
    cases->clear();
    QSqlQuery q(m_session.database());
    q.setForwardOnly(true);
    QString sql = QLatin1String(CaseColumns);
    if (!includeClosed)
        sql += QStringLiteral(" WHERE c.state IN ('received', 'municipal_review', 'platform_review', 'verifying')");
    sql += QStringLiteral(" ORDER BY c.received_on, c.id");
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next())
        cases->append(caseFrom(q));
    return true;
}

bool CaseRepository::timer(const CaseRecord& record, const QDate& asOf, CaseTimer::Status* status, QString* error) const
{
    QList<CaseEventRecord> history;
    if (!events(record.id, &history, error))
        return false;
    QList<CaseTimer::Event> timed;
    for (const CaseEventRecord& e : history) {
        if (e.action != QLatin1String("intake"))
            timed.append({e.action, e.onDate});
    }
    QString why;
    if (!CaseTimer::compute(record.kind, record.receivedOn, timed, m_policies, m_calendar, asOf, status, &why)) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

bool CaseRepository::queue(Scope scope, const QDate& asOf, QList<QueueRow>* rows, QString* error) const
{
    static const QString open = QStringLiteral("c.state IN ('received', 'municipal_review', 'platform_review', "
                                               "'verifying')");
    QString where;
    switch (scope) {
    case Scope::Mine:
        where = open + QStringLiteral(" AND (c.assigned_to = :me OR (c.assigned_to IS NULL AND c.intake_by = :me))");
        break;
    case Scope::Unassigned:
        where = open + QStringLiteral(" AND c.assigned_to IS NULL");
        break;
    case Scope::Open:
        where = open;
        break;
    case Scope::Closed:
        where = QStringLiteral("NOT (") + open + QLatin1Char(')');
        break;
    case Scope::All:
        where = QStringLiteral("1");
        break;
    }
    return readRows(where, scope == Scope::Mine ? m_session.username : QString(), asOf, rows, error);
}

bool CaseRepository::rows(const QVector<qint64>& ids, const QDate& asOf, QList<QueueRow>* rows, QString* error) const
{
    rows->clear();
    if (ids.isEmpty())
        return true;
    QStringList numbers;
    numbers.reserve(ids.size());
    for (qint64 id : ids)
        numbers << QString::number(id);
    QList<QueueRow> read;
    if (!readRows(QStringLiteral("c.id IN (") + numbers.join(QLatin1Char(',')) + QLatin1Char(')'), QString(), asOf,
                  &read, error))
        return false;
    QHash<qint64, int> index;
    for (int i = 0; i < read.size(); ++i)
        index.insert(read.at(i).record.id, i);
    for (qint64 id : ids) {
        const auto it = index.constFind(id);
        if (it != index.constEnd())
            rows->append(read.at(it.value()));
    }
    return true;
}

bool CaseRepository::readRows(const QString& where, const QString& me, const QDate& asOf, QList<QueueRow>* rows,
                              QString* error) const
{
    rows->clear();
    QSqlDatabase db = m_session.database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QLatin1String(CaseColumns) + QStringLiteral(" WHERE ") + where + QStringLiteral(" ORDER BY c.id"));
    if (!me.isEmpty())
        q.bindValue(QStringLiteral(":me"), me);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    QHash<qint64, int> index;
    while (q.next()) {
        QueueRow row;
        row.record = caseFrom(q);
        index.insert(row.record.id, int(rows->size()));
        rows->append(row);
    }
    if (rows->isEmpty())
        return true;
    // Every event and item of those cases in one pass each (ordered by case, then event): a range of ids for a whole
    // queue, the ids themselves for a page of one.
    const qint64 first = rows->first().record.id;
    const qint64 last = rows->last().record.id;
    const bool few = rows->size() <= 500;
    QString ofCases = QStringLiteral("case_id BETWEEN %1 AND %2").arg(first).arg(last);
    if (few) {
        QStringList numbers;
        for (const QueueRow& row : std::as_const(*rows))
            numbers << QString::number(row.record.id);
        ofCases = QStringLiteral("case_id IN (") + numbers.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    QHash<qint64, QList<CaseTimer::Event>> events;
    QSqlQuery e(db);
    e.setForwardOnly(true);
    if (!e.exec(QStringLiteral("SELECT case_id, action, on_date FROM case_events WHERE ") + ofCases +
                QStringLiteral(" AND action <> 'intake' ORDER BY case_id, id"))) {
        if (error)
            *error = e.lastError().text();
        return false;
    }
    while (e.next()) {
        const qint64 caseId = e.value(0).toLongLong();
        const auto it = index.constFind(caseId);
        if (it == index.constEnd())
            continue;
        const QDate on = QDate::fromString(e.value(2).toString(), Qt::ISODate);
        events[caseId].append({e.value(1).toString(), on});
        (*rows)[it.value()].lastEventOn = on;
    }
    QSqlQuery items(db);
    items.setForwardOnly(true);
    if (!items.exec(QStringLiteral("SELECT case_id, item_id FROM case_items WHERE ") + ofCases)) {
        if (error)
            *error = items.lastError().text();
        return false;
    }
    while (items.next()) {
        const auto it = index.constFind(items.value(0).toLongLong());
        if (it != index.constEnd())
            (*rows)[it.value()].record.itemIds.append(items.value(1).toLongLong());
    }
    for (QueueRow& row : *rows) {
        if (!row.lastEventOn.isValid())
            row.lastEventOn = row.record.receivedOn;
        row.timed = CaseTimer::compute(row.record.kind, row.record.receivedOn, events.value(row.record.id), m_policies,
                                       m_calendar, asOf, &row.timer, &row.timerError);
    }
    return true;
}
