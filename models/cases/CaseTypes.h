#pragma once

#include "domain/CreditTypes.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// Values of the case workflow (the tables of 0006_cases.sql).

// Who applies at the window, and how their identity was checked.
struct Applicant
{
    QString capacity; // "self" (the subject in person), "representative" (its legal representative), "agent"
    QString name;
    QString idType;    // "resident_id" (the only kind checked by its standard) or another document's name
    QString idNumber;  // normalised
    QString idChecked; // how the document was checked: "reader" (ID card reader), "visual", "online" …

    bool viaAgent() const { return capacity == QLatin1String("agent"); }
    QJsonObject toJson() const;
    static Applicant fromJson(const QJsonObject& json);
};

// A scan of one material of the policy's checklist.
struct MaterialScan
{
    QString key; // the policy's material key, e.g. "credit_commitment_letter"
    QString fileName;
    QString mimeType;
    QByteArray bytes;
};

struct CaseRecord
{
    qint64 id = 0;
    QString caseNo;
    CaseKind kind = CaseKind::Repair;
    qint64 subjectId = 0;
    QString subjectName;
    QString subjectIdentifier;
    QString state;
    bool paused = false;
    QDate receivedOn;
    QString intakeBy;
    QString assignedTo;
    Applicant applicant;
    QString grounds;
    QString statement;
    QString decidedFrom;
    QString outcome;
    QList<qint64> itemIds;
    QDateTime updatedAt;
    qint64 lastEventId = 0; // the event that last moved it (optimistic concurrency)
};

struct CaseEventRecord
{
    qint64 id = 0;
    QDateTime at;
    QDate onDate;
    QString actor;
    QString action;
    QString fromState;
    QString toState;
    QString note;
    QJsonObject details;
};

struct CaseMaterialRecord
{
    qint64 id = 0;
    QString key;
    qint64 attachmentId = 0;
    QString fileName;
    QString sha256;
    QString addedBy;
};

// Objection grounds (DOMAIN.md): error, omission, trade secret, privacy, other lawful rights.
namespace ObjectionGrounds {
QStringList keys();
QString displayName(const QString& key);
} // namespace ObjectionGrounds
