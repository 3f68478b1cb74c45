#include "BulkLoad.h"

#include "SubjectNameIndex.h"
#include "storage/RowSeals.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
bool exec(const QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}
} // namespace

BulkLoad::BulkLoad(const QSqlDatabase& db)
    : m_db(db)
{}

bool BulkLoad::begin(QString* error)
{
    m_definitions.clear();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('subjects', "
                               "'credit_items') AND sql IS NOT NULL AND type IN ('index', 'trigger')"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next())
        m_definitions.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    q.finish();
    for (const Definition& d : m_definitions) {
        if (!exec(m_db,
                  QStringLiteral("DROP %1 %2")
                      .arg(d.type == QLatin1String("index") ? QStringLiteral("INDEX") : QStringLiteral("TRIGGER"),
                           d.name),
                  error))
            return false;
    }
    if (!exec(m_db, QStringLiteral("PRAGMA defer_foreign_keys = ON"), error))
        return false;
    m_active = true;
    return true;
}

bool BulkLoad::finish(QString* error)
{
    if (!m_active)
        return true;
    for (const Definition& d : m_definitions) {
        if (d.type == QLatin1String("index") && !exec(m_db, d.sql, error))
            return false;
    }
    if (!exec(m_db, QStringLiteral("INSERT INTO subject_name_fts (subject_name_fts) VALUES ('rebuild')"), error) ||
        !exec(m_db, QStringLiteral("INSERT INTO subject_name_fts (subject_name_fts) VALUES ('optimize')"), error))
        return false;
    if (!SubjectNameIndex::refreshCommonBigrams(m_db, -1, error))
        return false;
    for (const Definition& d : m_definitions) {
        if (d.type == QLatin1String("trigger") && !exec(m_db, d.sql, error))
            return false;
    }
    // The seal triggers were among those dropped: the seals are summed again from the rows.
    for (const QString& table : {QStringLiteral("subjects"), QStringLiteral("credit_items")}) {
        if (!RowSeals::recompute(m_db, table, error))
            return false;
    }
    m_active = false;
    return true;
}
