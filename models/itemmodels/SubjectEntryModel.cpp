#include "SubjectEntryModel.h"

#include "domain/TextRules.h"

#include <algorithm>

#include "records/SubjectRepository.h"
#include "storage/Staff.h"

#include <QJsonObject>

SubjectEntryModel::SubjectEntryModel(const Session& session, QObject* parent)
    : RecordEntryModel(parent)
    , m_session(session)
{
    setFields({
        {QStringLiteral("kind"), tr("Kind of subject"), FieldType::Choice, true, toKey(SubjectKind::LegalPerson)},
        {QStringLiteral("identifier"), tr("Identifier"), FieldType::Text, true, QString()},
        {QStringLiteral("name"), tr("Name"), FieldType::Text, true, QString()},
        {QStringLiteral("legal_representative"), tr("Legal representative"), FieldType::Text, false, QString()},
        {QStringLiteral("registered_address"), tr("Registered address"), FieldType::Text, false, QString()},
        {QStringLiteral("established_on"), tr("Established or born on"), FieldType::Date, false, QDate()},
        {QStringLiteral("industry"), tr("Industry"), FieldType::Text, false, QString()},
        {QStringLiteral("district"), tr("District"), FieldType::Choice, false, QString()},
        {QStringLiteral("status"), tr("Registration status"), FieldType::Choice, false, QString()},
        {QStringLiteral("identifier_override"), tr("Identifier override"), FieldType::Text, false, QString()},
        {QStringLiteral("basis"), tr("Entered from"), FieldType::Text, true, QString()},
    });
    revalidate();
}

SubjectKind SubjectEntryModel::kind() const
{
    SubjectKind k = SubjectKind::LegalPerson;
    fromKey(text(KindColumn), &k);
    return k;
}

QList<RecordEntryModel::Option> SubjectEntryModel::options(int column) const
{
    QList<Option> list;
    switch (column) {
    case KindColumn:
        for (SubjectKind k : {SubjectKind::NaturalPerson, SubjectKind::LegalPerson,
                              SubjectKind::UnincorporatedOrganisation, SubjectKind::IndividualBusiness})
            list.append({toKey(k), displayName(k)});
        return list;
    case DistrictColumn: {
        list.append({QString(), tr("(outside Xiamen or unknown)")});
        const QStringList codes = XiamenDistricts::codes();
        for (const QString& code : codes)
            list.append({code, XiamenDistricts::displayName(code)});
        // A district derived from an identifier of another city is kept as its code.
        const QString current = text(DistrictColumn);
        if (!current.isEmpty() && !codes.contains(current))
            list.append({current, current});
        return list;
    }
    case StatusColumn: {
        list.append({QString(), tr("(none)")});
        const QStringList keys = RegistrationStatus::keys();
        for (const QString& key : keys)
            list.append({key, RegistrationStatus::displayName(key)});
        return list;
    }
    default:
        return list;
    }
}

Qt::ItemFlags SubjectEntryModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = RecordEntryModel::flags(index);
    if (index.isValid() && index.column() == IdentifierOverrideColumn)
        f &= ~Qt::ItemIsEditable;
    return f;
}

void SubjectEntryModel::setIdentifierOverride(const IdentifierOverride& override)
{
    m_override = override;
    m_hasOverride = true;
    storeValue(IdentifierOverrideColumn,
               tr("Signed by %1 on %2: %3")
                   .arg(override.supervisor, override.signedAt.toLocalTime().toString(Qt::ISODate), override.reason));
    fillFromIdentifier();
    revalidate();
}

void SubjectEntryModel::clearIdentifierOverride()
{
    m_override = IdentifierOverride();
    m_hasOverride = false;
    storeValue(IdentifierOverrideColumn, QString());
    revalidate();
}

IdentifierCheck SubjectEntryModel::identifierCheck() const
{
    const IdentifierKind idKind =
        kind() == SubjectKind::NaturalPerson ? IdentifierKind::ResidentId : IdentifierKind::CreditCode;
    return Identifiers::check(text(IdentifierColumn), idKind, today(), m_hasOverride ? &m_override : nullptr);
}

void SubjectEntryModel::valueChanged(int column)
{
    if (column == IdentifierColumn || column == KindColumn) {
        if (column == IdentifierColumn && m_hasOverride &&
            Identifiers::normalise(text(IdentifierColumn)) != Identifiers::normalise(m_override.identifier)) {
            m_override = IdentifierOverride();
            m_hasOverride = false;
            storeValue(IdentifierOverrideColumn, QString());
        }
        fillFromIdentifier();
    }
}

void SubjectEntryModel::fillFromIdentifier()
{
    const IdentifierCheck check = identifierCheck();
    if (!check.accepted())
        return;
    const QString id = check.normalised;
    if (text(DistrictColumn).isEmpty())
        storeValue(DistrictColumn, check.kind == IdentifierKind::ResidentId ? id.left(6) : id.mid(2, 6));
    if (check.kind == IdentifierKind::ResidentId && !date(EstablishedOnColumn).isValid())
        storeValue(EstablishedOnColumn, check.birthDate);
}

Subject SubjectEntryModel::draft() const
{
    Subject s;
    s.kind = kind();
    s.identifier = Identifiers::normalise(text(IdentifierColumn));
    s.hasIdentifierOverride = m_hasOverride;
    s.identifierOverride = m_override;
    s.name = text(NameColumn);
    s.legalRepresentative = text(LegalRepresentativeColumn);
    s.registeredAddress = text(RegisteredAddressColumn);
    s.establishedOn = date(EstablishedOnColumn);
    s.industry = text(IndustryColumn);
    s.district = text(DistrictColumn);
    s.status = text(StatusColumn);
    s.origin = RecordOrigin::Local;
    return s;
}

QMap<int, QString> SubjectEntryModel::validate() const
{
    QMap<int, QString> errors;
    SubjectKind k;
    if (!fromKey(text(KindColumn), &k))
        errors.insert(KindColumn, tr("Choose the kind of subject."));

    const QString typed = text(IdentifierColumn);
    if (!typed.isEmpty()) {
        const IdentifierCheck check = identifierCheck();
        if (!check.accepted()) {
            errors.insert(IdentifierColumn, check.message());
        } else if (check.overrideUsed) {
            StaffMember supervisor;
            if (!StaffDirectory::find(m_session.database(), StaffDirectory::normalizedUsername(m_override.supervisor),
                                      &supervisor) ||
                !supervisor.active || !roleAllows(supervisor.role, Permission::SignOverride))
                errors.insert(IdentifierColumn,
                              tr("The identifier override must be signed by an active supervisor; %1 may not sign it.")
                                  .arg(m_override.supervisor));
        }
        if (!errors.contains(IdentifierColumn)) {
            Subject existing;
            if (SubjectRepository(m_session.database()).findByIdentifier(check.normalised, &existing))
                errors.insert(IdentifierColumn,
                              tr("A subject with this identifier is known already: %1.").arg(existing.name));
            else if (check.kind == IdentifierKind::ResidentId && date(EstablishedOnColumn).isValid() &&
                     check.birthDate.isValid() && date(EstablishedOnColumn) != check.birthDate)
                errors.insert(EstablishedOnColumn, tr("The birth date does not match the one in the identifier (%1).")
                                                       .arg(check.birthDate.toString(Qt::ISODate)));
        }
    }
    if (date(EstablishedOnColumn).isValid() && date(EstablishedOnColumn) > today() &&
        !errors.contains(EstablishedOnColumn))
        errors.insert(EstablishedOnColumn, tr("The date cannot be in the future."));
    if (k == SubjectKind::NaturalPerson && !text(StatusColumn).isEmpty())
        errors.insert(StatusColumn, tr("A natural person has no registration status."));
    if (!text(StatusColumn).isEmpty() && !RegistrationStatus::keys().contains(text(StatusColumn)))
        errors.insert(StatusColumn,
                      tr("\"%1\" is not a registration status.").arg(TextRules::shown(text(StatusColumn))));
    // A name has letters or digits (punctuation alone names nobody).
    const QString name = text(NameColumn);
    if (!name.isEmpty() && std::none_of(name.cbegin(), name.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
        errors.insert(NameColumn, tr("A name needs letters or digits."));
    // Typed text: no control characters, unreadable characters, direction overrides or oversized values.
    for (const auto& [column, limit] :
         {std::pair{int(NameColumn), 200}, std::pair{int(LegalRepresentativeColumn), 200},
          std::pair{int(RegisteredAddressColumn), 400}, std::pair{int(BasisColumn), 400}}) {
        const QString problem = TextRules::problem(raw(column).toString(), fieldLabel(column), limit);
        if (!problem.isEmpty())
            errors.insert(column, problem);
    }
    return errors;
}

bool SubjectEntryModel::save(QString* error)
{
    showAllErrors();
    if (!isValid()) {
        if (error)
            *error = firstError();
        return false;
    }
    Subject subject = draft();
    qint64 submissionId = 0;
    QString why;
    if (!SubjectRepository(m_session.database())
             .submitLocal(m_session, &subject, text(BasisColumn), QJsonObject(), &submissionId, &why)) {
        if (error)
            *error = why;
        return false;
    }
    m_lastSubjectId = subject.id;
    setLastSubmissionId(submissionId);
    emit saved(submissionId);
    return true;
}
