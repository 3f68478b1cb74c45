-- 0005 row seals (issue 8): a change to a record table made outside the program becomes visible. See
-- models/storage/RowSeals.h. The seal triggers themselves are generated from each sealed table's columns by
-- RowSeals::install, which Database::migrate runs after the scripts in the same transaction.

-- One row per sealed table: an LtHash of its rows (1024 16-bit words, the componentwise sum of each row's expanded
-- SHA-256 digest; 4096 hex digits) and its row count.
-- Rows are never deleted or replaced; the seal moves only through the triggers (and a recompute after a bulk
-- load). Tampering with a seal shows against the state recorded by the last signed audit entry.
CREATE TABLE table_seals (
    name TEXT NOT NULL PRIMARY KEY,
    seal TEXT NOT NULL CHECK (length(seal) = 4096),
    rows INTEGER NOT NULL CHECK (rows >= 0)
) WITHOUT ROWID;

CREATE TRIGGER table_seals_no_delete BEFORE DELETE ON table_seals
BEGIN
    SELECT RAISE(ABORT, 'table seals are never deleted');
END;

CREATE TRIGGER table_seals_no_replace BEFORE INSERT ON table_seals
WHEN EXISTS (SELECT 1 FROM table_seals WHERE name = NEW.name)
BEGIN
    SELECT RAISE(ABORT, 'table seals are never replaced');
END;

-- The digest of every seal when the entry was written (RowSeals::stateDigest), covered by the entry's hash and
-- signature; empty for entries written before this migration.
ALTER TABLE audit_log ADD COLUMN state TEXT NOT NULL DEFAULT '';
