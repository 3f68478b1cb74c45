-- 0014 seals kept as bytes (issue 11, sync speed). A seal was 4096 hex digits in a WITHOUT ROWID table, whose rows
-- hold less than a thousand bytes before they spill into overflow pages: every change to a sealed row rewrote a
-- chain of five pages, each copied to the statement journal. As 2048 bytes in an ordinary table the row fits in its
-- page. The values are the same seals (xmc_seal reads the hex digits); RowSeals::stateDigest hashes them in hex as
-- before, so the states recorded by earlier audit entries still compare.
--
-- Guards unchanged: rows are never deleted or replaced; the seal moves only through the triggers (and a recompute
-- after a bulk load); tampering with a seal shows against the state recorded by the last signed audit entry.
CREATE TABLE table_seals_bytes (
    name TEXT NOT NULL UNIQUE,
    seal BLOB NOT NULL CHECK (typeof(seal) = 'blob' AND length(seal) = 2048),
    rows INTEGER NOT NULL CHECK (rows >= 0)
);

INSERT INTO table_seals_bytes (name, seal, rows) SELECT name, xmc_seal(seal), rows FROM table_seals ORDER BY name;

DROP TABLE table_seals;

ALTER TABLE table_seals_bytes RENAME TO table_seals;

CREATE TRIGGER table_seals_no_delete BEFORE DELETE ON table_seals
BEGIN
    SELECT RAISE(ABORT, 'table seals are never deleted');
END;

CREATE TRIGGER table_seals_no_replace BEFORE INSERT ON table_seals
WHEN EXISTS (SELECT 1 FROM table_seals WHERE name = NEW.name)
BEGIN
    SELECT RAISE(ABORT, 'table seals are never replaced');
END;
