-- 0008 sync (issue 11, first part): the platform this workstation is enrolled with, and how far each stream of the
-- platform's signed feed has been applied. models/sync (FeedApplier, SyncEnrolment) is the only SQL for these
-- tables; each change is audited in the same transaction. The protocol: models/sync/PROTOCOL.md.
--
-- Guards: the enrolment is written once and never changed, replaced or deleted (a new key would let anyone who
-- holds it publish "platform" records); a stream's row is never deleted or replaced, and each update counts one more
-- page, so a cursor cannot be put back without it showing; applied pages are kept for good. All three are sealed (models/storage/RowSeals): a row
-- changed outside the program shows at the next login and in `xmcredit-admin check`.

CREATE TABLE sync_enrolment (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    platform_id  TEXT NOT NULL,
    public_key   TEXT NOT NULL CHECK (length(public_key) = 64), -- Ed25519, hex
    platform_url TEXT,
    enrolled_by  TEXT NOT NULL,
    enrolled_at  TEXT NOT NULL
);

CREATE TABLE sync_streams (
    stream     TEXT PRIMARY KEY,
    cursor     TEXT NOT NULL,
    pages      INTEGER NOT NULL CHECK (pages >= 1),
    updated_at TEXT NOT NULL
);

-- Every page applied: so a page delivered again (a package imported twice, a retried download) is recognised and
-- skipped, and a different page claiming a cursor already used is refused.
CREATE TABLE sync_pages (
    id         INTEGER PRIMARY KEY,
    stream     TEXT NOT NULL,
    after      TEXT NOT NULL,
    cursor     TEXT NOT NULL,
    sha256     TEXT NOT NULL,                -- of the page's signed bytes
    changes    INTEGER NOT NULL,
    applied_by TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    UNIQUE (stream, cursor)
);

CREATE TRIGGER sync_pages_no_delete BEFORE DELETE ON sync_pages
BEGIN
    SELECT RAISE(ABORT, 'applied pages are never forgotten');
END;

CREATE TRIGGER sync_pages_no_update BEFORE UPDATE ON sync_pages
BEGIN
    SELECT RAISE(ABORT, 'applied pages never change');
END;

CREATE TRIGGER sync_pages_no_replace BEFORE INSERT ON sync_pages
WHEN EXISTS (SELECT 1 FROM sync_pages WHERE id = NEW.id OR (stream = NEW.stream AND cursor = NEW.cursor))
BEGIN
    SELECT RAISE(ABORT, 'applied pages are never replaced');
END;

CREATE TRIGGER sync_enrolment_no_delete BEFORE DELETE ON sync_enrolment
BEGIN
    SELECT RAISE(ABORT, 'the enrolment is never deleted');
END;

CREATE TRIGGER sync_enrolment_no_update BEFORE UPDATE ON sync_enrolment
BEGIN
    SELECT RAISE(ABORT, 'the enrolment never changes');
END;

CREATE TRIGGER sync_enrolment_no_replace BEFORE INSERT ON sync_enrolment
WHEN EXISTS (SELECT 1 FROM sync_enrolment)
BEGIN
    SELECT RAISE(ABORT, 'the enrolment is never replaced');
END;

CREATE TRIGGER sync_streams_no_delete BEFORE DELETE ON sync_streams
BEGIN
    SELECT RAISE(ABORT, 'sync cursors are never deleted');
END;

CREATE TRIGGER sync_streams_no_replace BEFORE INSERT ON sync_streams
WHEN EXISTS (SELECT 1 FROM sync_streams WHERE stream = NEW.stream) OR NEW.pages <> 1
BEGIN
    SELECT RAISE(ABORT, 'sync cursors are never replaced');
END;

CREATE TRIGGER sync_streams_forward BEFORE UPDATE ON sync_streams
WHEN NEW.stream IS NOT OLD.stream OR NEW.pages <> OLD.pages + 1
BEGIN
    SELECT RAISE(ABORT, 'a sync cursor only moves on, one page at a time');
END;
