-- 0011 sync outbox (issue 11, push): what the platform answered for each entry this window sent it. The outbox itself
-- is not a table: its entries are the rows the window already keeps for good (record_submissions, case_events,
-- reports), and an entry is pending for as long as it has no answer here. So nothing can be lost between writing a
-- case move and sending it, and a failed or interrupted push leaves the entry pending for the next one
-- (models/sync/Outbox, PROTOCOL.md section 6).
--
-- Each entry travels with an idempotency key (the workstation's id, the entry's kind and its local id) and the
-- SHA-256 of what was sent; the platform answers accepted, conflict (a case moved on at another window, a case
-- number taken there: the platform's version stands, the local attempt stays in the case's history and is shown to
-- the user) or rejected (with the platform's reason).
--
-- Guards: answers are never deleted, changed or replaced (a key or an entry answered once keeps its answer); an
-- answer names an entry that exists. The table is sealed (models/storage/RowSeals) and each push writes its answers
-- with one signed audit entry (sync.push: counts and the keys), each conflict with its own (sync.conflict).

CREATE TABLE sync_outbox_answers (
    id           INTEGER PRIMARY KEY,
    entry_kind   TEXT NOT NULL CHECK (entry_kind IN ('record_submission', 'case_event', 'report')),
    entry_id     INTEGER NOT NULL,
    idem_key     TEXT NOT NULL UNIQUE CHECK (length(idem_key) BETWEEN 8 AND 200),
    entry_sha256 TEXT NOT NULL CHECK (length(entry_sha256) = 64),
    outcome      TEXT NOT NULL CHECK (outcome IN ('accepted', 'conflict', 'rejected')),
    platform_ref TEXT,                         -- the platform's id for the entry, when it gave one
    answer       TEXT NOT NULL DEFAULT '{}',   -- the platform's answer (JSON): for a conflict, the case as it holds it
    answered_at  TEXT NOT NULL,
    pushed_by    TEXT NOT NULL,
    UNIQUE (entry_kind, entry_id)
);

CREATE TRIGGER sync_outbox_answers_no_delete BEFORE DELETE ON sync_outbox_answers
BEGIN
    SELECT RAISE(ABORT, 'outbox answers are never deleted');
END;

CREATE TRIGGER sync_outbox_answers_no_update BEFORE UPDATE ON sync_outbox_answers
BEGIN
    SELECT RAISE(ABORT, 'outbox answers never change');
END;

CREATE TRIGGER sync_outbox_answers_no_replace BEFORE INSERT ON sync_outbox_answers
WHEN EXISTS (SELECT 1 FROM sync_outbox_answers
             WHERE id = NEW.id OR idem_key = NEW.idem_key
                   OR (entry_kind = NEW.entry_kind AND entry_id = NEW.entry_id))
BEGIN
    SELECT RAISE(ABORT, 'outbox answers are never replaced');
END;

CREATE TRIGGER sync_outbox_answers_entry_exists BEFORE INSERT ON sync_outbox_answers
WHEN NOT ((NEW.entry_kind = 'record_submission' AND EXISTS (SELECT 1 FROM record_submissions WHERE id = NEW.entry_id))
          OR (NEW.entry_kind = 'case_event' AND EXISTS (SELECT 1 FROM case_events WHERE id = NEW.entry_id))
          OR (NEW.entry_kind = 'report' AND EXISTS (SELECT 1 FROM reports WHERE id = NEW.entry_id)))
BEGIN
    SELECT RAISE(ABORT, 'an outbox answer names an entry this workstation holds');
END;
