-- 0001 foundation: workstation metadata, staff, and the hash-chained audit log.
-- Applied by Database::migrate inside one transaction, recorded in schema_migrations.

-- Key/value facts about this database. Keys used by the program:
--   workstation_id, workstation_name, created_at  (set once by Workstation create)
--   audit_head_seq, audit_head_hash              (the last audit entry, moved with every append so that a
--                                                 deleted tail of the audit log is noticed by AuditLog verify)
CREATE TABLE meta (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('audit_head_seq', '0');
INSERT INTO meta (key, value) VALUES ('audit_head_hash', '0000000000000000000000000000000000000000000000000000000000000000');

-- Staff accounts. The database decides who exists, with which role, and whether they are active; the key
-- vault beside the database only holds each person's key slot. Rows are never deleted, only deactivated,
-- because the audit log refers to them by username.
CREATE TABLE staff (
    username       TEXT NOT NULL PRIMARY KEY
                   CHECK (length(username) BETWEEN 1 AND 32 AND username = lower(username)),
    display_name   TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    role           TEXT NOT NULL
                   CHECK (role IN ('clerk', 'reviewer', 'supervisor', 'auditor', 'administrator')),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    deactivated_at TEXT,
    deactivated_by TEXT
) WITHOUT ROWID;

CREATE TRIGGER staff_never_deleted BEFORE DELETE ON staff
BEGIN
    SELECT RAISE(ABORT, 'staff rows are never deleted; deactivate them');
END;

-- The audit log: append-only and hash-chained. hash = SHA-256 hex of (prev_hash, newline, canonical JSON array
-- of seq, at, actor, action, object_type, object_id, basis, details); see models/storage/AuditLog.cpp.
-- The triggers stop ordinary SQL from changing history; whoever drops them (it takes the database key) is
-- caught by the chain when AuditLog verify runs.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id   TEXT NOT NULL DEFAULT '',
    basis       TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '{}',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

CREATE INDEX audit_log_by_actor ON audit_log (actor, at);
CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_by_action ON audit_log (action, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
