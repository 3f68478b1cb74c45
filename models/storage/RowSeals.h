#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

struct sqlite3;

// Row seals: what makes a change to a record table made outside the program visible (README, "Trust model").
//
// For every sealed table, table_seals holds an LtHash of its rows (a homomorphic multiset hash: each row's SHA-256
// digest expanded to 1024 16-bit words, summed componentwise; order-independent, updated in O(1) per change). Triggers
// keep it current on every INSERT and UPDATE (rows are never deleted); they call SQL functions that only this program's
// driver registers, so the official sqlcipher tool cannot even prepare a write to a sealed table without dropping them
// first. Every audit entry records the digest of all seals at the moment it is written (its "state", covered by its
// hash and its actor's signature), so:
//  - rows changed with the triggers dropped no longer add up to their seal: `xmcredit-admin check` recomputes every
//    seal from the rows;
//  - a seal recomputed by hand no longer matches the state the last signed audit entry recorded: the login checks
//    that cheaply, before it writes anything;
//  - to make both agree the attacker must append an audit entry, which only their own key can sign: the change is
//    then attributed to them, not hidden.
// A new table of records (cases, reports, …) is sealed by adding its name to sealedTables(); its triggers are made
// from its columns when the migrations run.
namespace RowSeals {
QStringList sealedTables();

// Registers xmc_row_digest, xmc_seal_add, xmc_seal_sub and the aggregate xmc_seal_sum on a connection (the driver
// does it at every open).
int registerFunctions(sqlite3* db);

// (Re)creates the seal triggers of every sealed table from its current columns and recomputes every seal. Run in
// the migration's transaction.
bool install(QSqlDatabase& db, QString* error);
// Recomputes one table's seal from its rows (after a bulk load that dropped the triggers).
bool recompute(QSqlDatabase& db, const QString& table, QString* error);
// Recomputes every seal from the rows, without writing, and compares it with table_seals. Returns false with the
// tables that differ in problems (or the SQL error) when they do not hold. Reads every row.
bool verify(const QSqlDatabase& db, QStringList* problems);
// SHA-256 hex over every table's seal and row count, in name order: what an audit entry records. Empty when the
// database has no table_seals (older schema).
QString stateDigest(const QSqlDatabase& db, QString* error = nullptr);
} // namespace RowSeals
