-- 0009 case clocks (issue 9): each case's clocks as they stand after its last event, with what the queues sort and
-- filter by, so that a queue or the supervisor's dashboard over tens of thousands of cases is read from this one
-- narrow table with SQL, not by replaying every case's events nor by joining the cases and subjects tables
-- (models/cases/CaseClocks).
--
-- What a row holds is derived, never entered: CaseTimer computes it from the case's events and the working-day
-- calendar (the same computation the case's own page shows), and CaseRepository writes it in the transaction of
-- the event that moves the case, with the audit entry. The state of a clock on a given day (on time, at risk, due
-- today, overdue, paused) is not stored: it follows from the due date and the day, in the query.
--
-- A row is stale when its case moved without it, or its subject's name or identifier changed (triggers below blank
-- its basis), or when the calendar or the
-- policy limits changed (its basis, a digest of both, differs): stale rows are recomputed before a queue is read,
-- in one audited transaction ("case.clocks_refresh"). A row can never claim to be current for an older event
-- (trigger). Nothing is deleted or replaced; the table is sealed (models/storage/RowSeals), so a row changed
-- outside the program shows at the next login and in `check`, and `check` also recomputes every row from the
-- events and names each case whose stored clocks differ.

CREATE TABLE case_clocks (
    case_id       INTEGER PRIMARY KEY REFERENCES cases(id),
    event_id      INTEGER NOT NULL,           -- the case's last_event_id the row was computed for
    basis         TEXT NOT NULL,              -- digest of the calendar and the policy limits; '' when stale
    kind          TEXT NOT NULL,              -- the case's kind (repair, objection)
    open          INTEGER NOT NULL CHECK (open = 0 OR open = 1),
    decision      INTEGER NOT NULL CHECK (decision = 0 OR decision = 1), -- closed by a decision (not withdrawn)
    clock         TEXT NOT NULL,              -- the clock that matters: municipal, platform, objection; '' untimed
    due_on        TEXT,                       -- that clock's due date; NULL while a supplement request holds it
    final_state   TEXT,                       -- closed: completed or completed_late; 'untimed' when no policy applies
    decided_on    TEXT,                       -- closed: the day of its last event
    first_days    INTEGER,                    -- working days the municipal (or objection) stage used, once decided
    platform_days INTEGER,                    -- working days the platform's review used, once decided
    estimated     INTEGER NOT NULL DEFAULT 0 CHECK (estimated = 0 OR estimated = 1),
    -- Copies of what the queues sort and filter by (cases, subjects), so that no queue joins those wide tables.
    case_no       TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT '',
    assigned_to   TEXT,
    intake_by     TEXT NOT NULL DEFAULT '',
    received_on   TEXT NOT NULL DEFAULT '',
    subject_name  TEXT NOT NULL DEFAULT '',
    -- Lower-case text a queue's filter matches: case number, subject name and identifier, applicant's name and
    -- document number, reviewer and clerk (one per line).
    search_text   TEXT NOT NULL DEFAULT ''
);

-- The queues by due date and the dashboard's overdue and due-today lists (covering: read without the wide rows).
CREATE INDEX case_clocks_due ON case_clocks (open, due_on, clock);
-- Covers the dashboard's count of the open cases by stage, reviewer, clerk and clock state.
CREATE INDEX case_clocks_workload ON case_clocks (open, state, assigned_to, intake_by, clock, due_on);
CREATE INDEX case_clocks_basis ON case_clocks (basis);
CREATE INDEX case_clocks_decided ON case_clocks (decision, decided_on);

-- Every case that exists now gets a stale row: the first queue read after the upgrade computes them.
INSERT INTO case_clocks (case_id, event_id, basis, kind, open, decision, clock)
    SELECT id, -1, '', kind, 0, 0, '' FROM cases;

CREATE TRIGGER case_clocks_no_delete BEFORE DELETE ON case_clocks
BEGIN
    SELECT RAISE(ABORT, 'case clocks are never deleted');
END;

CREATE TRIGGER case_clocks_no_replace BEFORE INSERT ON case_clocks
WHEN EXISTS (SELECT 1 FROM case_clocks WHERE case_id = NEW.case_id)
BEGIN
    SELECT RAISE(ABORT, 'case clocks are never replaced');
END;

CREATE TRIGGER case_clocks_case_fixed BEFORE UPDATE OF case_id, kind ON case_clocks
WHEN NEW.case_id IS NOT OLD.case_id OR NEW.kind IS NOT OLD.kind
BEGIN
    SELECT RAISE(ABORT, 'case clocks keep their case');
END;

-- A current row is computed for the case's last event, never an older one.
CREATE TRIGGER case_clocks_current_insert BEFORE INSERT ON case_clocks
WHEN NEW.basis <> '' AND NEW.event_id IS NOT (SELECT last_event_id FROM cases WHERE id = NEW.case_id)
BEGIN
    SELECT RAISE(ABORT, 'case clocks are computed for the case''s last event');
END;

CREATE TRIGGER case_clocks_current_update BEFORE UPDATE ON case_clocks
WHEN NEW.basis <> '' AND NEW.event_id IS NOT (SELECT last_event_id FROM cases WHERE id = NEW.case_id)
BEGIN
    SELECT RAISE(ABORT, 'case clocks are computed for the case''s last event');
END;

-- A case that moves without its clocks being written leaves them stale.
CREATE TRIGGER cases_clocks_stale AFTER UPDATE OF last_event_id ON cases
BEGIN
    UPDATE case_clocks SET basis = '' WHERE case_id = NEW.id AND event_id IS NOT NEW.last_event_id;
END;

-- A new case starts with a stale row, whoever inserts it.
CREATE TRIGGER cases_clocks_row AFTER INSERT ON cases
BEGIN
    INSERT INTO case_clocks (case_id, event_id, basis, kind, open, decision, clock)
        VALUES (NEW.id, -1, '', NEW.kind, 0, 0, '');
END;

-- A subject renamed (or its identifier corrected) leaves its cases' rows stale: they hold its name for sorting.
CREATE TRIGGER subjects_case_clocks_stale AFTER UPDATE OF name, identifier ON subjects
WHEN NEW.name IS NOT OLD.name OR NEW.identifier IS NOT OLD.identifier
BEGIN
    UPDATE case_clocks SET basis = '' WHERE case_id IN (SELECT id FROM cases WHERE subject_id = NEW.id);
END;
