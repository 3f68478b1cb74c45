#pragma once

#include "RecordEntryModel.h"
#include "records/RecordTypes.h"
#include "storage/Session.h"

// The entry form for a subject that is not on the platform yet (see RecordEntryModel for the contract).
// The identifier is checked as the subject's kind requires (resident ID for a natural person, unified social
// credit code otherwise) and the domain's message is shown at IdentifierColumn (length, character at position N,
// check character expected X); a known identifier is refused with the name it belongs to. A real identifier that
// fails only its checksum passes with a supervisor's override: the form asks a supervisor to sign (the widget
// authenticates them) and hands the signed override to setIdentifierOverride(); it must name an active member of
// staff whose role may sign overrides, and it is stored and audited with the subject.
// District and, for a natural person, the birth date are filled from the identifier when left empty, as soon as the
// identifier is accepted: when it is entered, or when a supervisor's override accepts it.
// save() inserts the subject as a local one plus a record submission awaiting the platform, audited.
class SubjectEntryModel : public RecordEntryModel
{
    Q_OBJECT
public:
    enum Column {
        KindColumn,
        IdentifierColumn,
        NameColumn,
        LegalRepresentativeColumn,
        RegisteredAddressColumn,
        EstablishedOnColumn, // birth date for a natural person
        IndustryColumn,
        DistrictColumn,
        StatusColumn,             // registration status (organisations)
        IdentifierOverrideColumn, // read-only summary of the signed override, empty when none
        BasisColumn,              // the document the subject was entered from
        ColumnCount
    };
    Q_ENUM(Column)

    explicit SubjectEntryModel(const Session& session, QObject* parent = nullptr);

    // A supervisor's signed acceptance of the identifier as it stands; cleared by clearIdentifierOverride() and
    // whenever the identifier changes.
    void setIdentifierOverride(const IdentifierOverride& override);
    void clearIdentifierOverride();
    bool hasIdentifierOverride() const { return m_hasOverride; }
    // The domain's check of the identifier as it stands (for a detailed message or the override dialog).
    IdentifierCheck identifierCheck() const;

    QList<Option> options(int column) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool save(QString* error = nullptr) override;
    // The local subject created by the last save() (to open it or enter its items), 0 before.
    qint64 lastSubjectId() const { return m_lastSubjectId; }
    Subject draft() const;

protected:
    QMap<int, QString> validate() const override;
    void valueChanged(int column) override;

private:
    SubjectKind kind() const;
    // Fills the empty fields the accepted identifier decides (district; birth date of a natural person).
    void fillFromIdentifier();

    Session m_session;
    IdentifierOverride m_override;
    bool m_hasOverride = false;
    qint64 m_lastSubjectId = 0;
};
