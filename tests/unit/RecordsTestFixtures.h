#pragma once

// Shared fixtures of the records tests (header only: every Test*.cpp is its own executable).

#include "TestDatabase.h"

#include "records/CreditItemRepository.h"
#include "records/DemoCity.h"
#include "records/PlatformWritePermit.h"
#include "records/RecordTypes.h"
#include "records/SubjectRepository.h"
#include "storage/Session.h"
#include "storage/Staff.h"

#include <QDate>
#include <QString>

namespace RecordsFixture {

inline Session session(const TestDatabase& tdb, Role role = Role::Clerk,
                       const QString& username = QStringLiteral("clerk1"))
{
    Session s;
    s.workstationDir = tdb.directory();
    s.databasePath = tdb.path();
    s.username = username;
    s.displayName = username;
    s.role = role;
    s.connectionName = tdb.connectionName();
    return s;
}

inline bool addStaff(const TestDatabase& tdb, const QString& username, Role role, QString* error)
{
    return tdb.enrol(username, role, error);
}

// A valid unified social credit code of a legal person in Siming, distinct for each n.
inline QString companyCode(int n)
{
    return DemoCity::creditCode(QStringLiteral("91"), QStringLiteral("350203"),
                                QStringLiteral("MA%1").arg(n, 6, 10, QLatin1Char('0')));
}

inline Subject company(const QString& name, int n)
{
    Subject s;
    s.kind = SubjectKind::LegalPerson;
    s.identifier = companyCode(n);
    s.name = name;
    s.legalRepresentative = QStringLiteral("陈伟");
    s.registeredAddress = QStringLiteral("厦门市思明区湖滨南路1号");
    s.establishedOn = QDate(2015, 3, 2);
    s.industry = QStringLiteral("批发和零售业");
    s.district = QStringLiteral("350203");
    s.status = QStringLiteral("in_business");
    s.platformId = QStringLiteral("TS-C%1").arg(n);
    s.platformVersion = 1;
    return s;
}

inline Subject person(const QString& name, const QDate& birth, int sequence)
{
    Subject s;
    s.kind = SubjectKind::NaturalPerson;
    s.identifier = DemoCity::residentId(QStringLiteral("350203"), birth, sequence);
    s.name = name;
    s.establishedOn = birth;
    s.district = QStringLiteral("350203");
    s.platformId = QStringLiteral("TS-P%1-%2").arg(birth.toString(QStringLiteral("yyyyMMdd"))).arg(sequence);
    s.platformVersion = 1;
    return s;
}

// Inserts platform subjects as the sync applier would: under a write permit.
inline bool insertPlatformSubjects(const TestDatabase& tdb, QList<Subject*> subjects, QString* error)
{
    QSqlDatabase db = tdb.database();
    PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("test.sync"));
    if (!permit.isActive()) {
        *error = permit.errorString();
        return false;
    }
    SubjectRepository repository(db);
    for (Subject* s : subjects) {
        if (!repository.insertPlatform(permit, s, error))
            return false;
    }
    return permit.commit(error);
}

inline CreditItem item(qint64 subjectId, const QString& type, const QDate& decided, const QString& platformId)
{
    ItemType t;
    ItemTypes::find(type, &t);
    CreditItem i;
    i.subjectId = subjectId;
    i.category = t.category;
    i.itemType = type;
    i.listKind = t.impliedList;
    i.decisionDate = decided;
    i.sourceDepartment = QStringLiteral("厦门市市场监督管理局");
    i.title = t.displayName();
    i.fieldKey = QStringLiteral("market_regulation");
    if (t.category == ItemCategory::Dishonest)
        i.legalDocumentNumber = QStringLiteral("厦市监罚〔%1〕%2号").arg(decided.year()).arg(platformId);
    if (t.isPenalty)
        i.penaltyKindKey = QStringLiteral("fine");
    i.platformId = platformId;
    i.platformVersion = 1;
    return i;
}

inline bool insertPlatformItems(const TestDatabase& tdb, QList<CreditItem*> items, QString* error)
{
    QSqlDatabase db = tdb.database();
    PlatformWritePermit permit(db, QStringLiteral("system"), QStringLiteral("test.sync"));
    if (!permit.isActive()) {
        *error = permit.errorString();
        return false;
    }
    CreditItemRepository repository(db);
    for (CreditItem* i : items) {
        if (!repository.insertPlatform(permit, i, error))
            return false;
    }
    return permit.commit(error);
}

} // namespace RecordsFixture
