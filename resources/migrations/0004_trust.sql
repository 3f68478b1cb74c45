-- 0004 trust model (issue 8, first part): the holes an outside probe found with one clerk's password, the files and
-- the official sqlcipher tool. The tool does not turn recursive_triggers on, so a REPLACE there deletes the old row
-- without firing any DELETE trigger: every guarded table therefore refuses an INSERT whose key exists already, in a
-- BEFORE INSERT trigger, which fires before the conflict is resolved. These triggers are only the first fence:
-- whoever holds the database key can drop them. What makes tampering visible is cryptography that person lacks:
--   - staff rows are signed by the staff authority key (only administrators' vault slots open it), checked at every
--     login (StaffDirectory::verifyRoster);
--   - every audit entry is signed by its actor's own key (each person's slot holds it), checked by AuditLog::verify;
--   - the audit head is kept in the vault too and compared at login (a rolled-back database), and is never rebuilt
--     when it is missing (AuditLog::append refuses).

-- Staff: signing_key is the person's Ed25519 public key (hex); signature is the authority's signature (hex) of the
-- row's canonical form (StaffDirectory::canonicalRow).
ALTER TABLE staff ADD COLUMN signing_key TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN signature TEXT NOT NULL DEFAULT '';
-- Signing keys the person had before an administrator reset their password (JSON [{"key": hex, "until": seq}]):
-- their entries up to that audit entry still verify under the old key, and none after it.
ALTER TABLE staff ADD COLUMN retired_keys TEXT NOT NULL DEFAULT '[]';

-- Audit entries: the actor's signature (hex) of the entry's hash.
ALTER TABLE audit_log ADD COLUMN signature TEXT NOT NULL DEFAULT '';

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be replaced');
END;

CREATE TRIGGER staff_no_replace BEFORE INSERT ON staff
WHEN EXISTS (SELECT 1 FROM staff WHERE username = NEW.username)
BEGIN
    SELECT RAISE(ABORT, 'staff rows are never replaced: usernames are not reused');
END;

CREATE TRIGGER staff_identity_fixed BEFORE UPDATE OF username, created_at, created_by ON staff
WHEN NEW.username IS NOT OLD.username OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN
    SELECT RAISE(ABORT, 'a staff row keeps its username and creation');
END;

CREATE TRIGGER staff_removal_final BEFORE UPDATE OF active ON staff
WHEN OLD.active = 0 AND NEW.active <> 0
BEGIN
    SELECT RAISE(ABORT, 'a removed member of staff is never reinstated');
END;

CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta
BEGIN
    SELECT RAISE(ABORT, 'workstation facts are never deleted');
END;

CREATE TRIGGER meta_no_replace BEFORE INSERT ON meta
WHEN EXISTS (SELECT 1 FROM meta WHERE key = NEW.key)
BEGIN
    SELECT RAISE(ABORT, 'workstation facts are never replaced');
END;

CREATE TRIGGER meta_fixed_facts BEFORE UPDATE ON meta
WHEN OLD.key IN ('workstation_id', 'created_at', 'staff_authority_key') OR NEW.key IS NOT OLD.key
BEGIN
    SELECT RAISE(ABORT, 'this workstation fact never changes');
END;

CREATE TRIGGER schema_migrations_no_delete BEFORE DELETE ON schema_migrations
BEGIN
    SELECT RAISE(ABORT, 'applied migrations are never forgotten');
END;

CREATE TRIGGER schema_migrations_no_update BEFORE UPDATE ON schema_migrations
BEGIN
    SELECT RAISE(ABORT, 'applied migrations are never changed');
END;

CREATE TRIGGER schema_migrations_no_replace BEFORE INSERT ON schema_migrations
WHEN EXISTS (SELECT 1 FROM schema_migrations WHERE version = NEW.version)
BEGIN
    SELECT RAISE(ABORT, 'applied migrations are never replaced');
END;

CREATE TRIGGER subjects_no_replace BEFORE INSERT ON subjects
WHEN EXISTS (SELECT 1 FROM subjects WHERE id = NEW.id OR identifier = NEW.identifier
                                          OR (NEW.platform_id IS NOT NULL AND platform_id = NEW.platform_id))
BEGIN
    SELECT RAISE(ABORT, 'subjects are never replaced');
END;

CREATE TRIGGER credit_items_no_replace BEFORE INSERT ON credit_items
WHEN EXISTS (SELECT 1 FROM credit_items WHERE id = NEW.id
                                              OR (NEW.platform_id IS NOT NULL AND platform_id = NEW.platform_id))
BEGIN
    SELECT RAISE(ABORT, 'credit items are never replaced');
END;

CREATE TRIGGER attachments_no_replace BEFORE INSERT ON attachments
WHEN EXISTS (SELECT 1 FROM attachments WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'attachments are never replaced');
END;

CREATE TRIGGER record_submissions_no_replace BEFORE INSERT ON record_submissions
WHEN EXISTS (SELECT 1 FROM record_submissions WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'record submissions are never replaced');
END;
