#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVector>

// The bulk path into the empty records tables (the demo city, the first sync of a new workstation): the indexes and
// triggers of subjects and credit_items are dropped for the load and made again after from their own definitions,
// the name index rebuilt once and the row seals summed again from the rows. Several times faster than loading into
// indexed, triggered tables (each trigger makes SQLite keep a statement journal of every page a row touches).
//
// Use it only inside a transaction the caller holds (a PlatformWritePermit's): no other connection ever sees the
// tables without their guards, and a failure rolls the drop back with everything else. finish() must succeed
// before the transaction commits.
class BulkLoad
{
public:
    explicit BulkLoad(const QSqlDatabase& db);
    // Drops the indexes and triggers; false with *error set on failure.
    bool begin(QString* error);
    // Makes the indexes again, rebuilds the name index, makes the triggers again and recomputes the seals.
    bool finish(QString* error);
    bool isActive() const { return m_active; }

private:
    struct Definition
    {
        QString type;
        QString name;
        QString sql;
    };
    QSqlDatabase m_db;
    QVector<Definition> m_definitions;
    bool m_active = false;
};
