-- 0006 cases (issue 9): credit repair applications and objections taken in at the window, their events and their
-- materials. The workflow's rules live in models/cases/CaseWorkflow; CaseRepository is the only SQL for these
-- tables, and every change it makes is a case event and a signed audit entry in the same transaction.
--
-- Guards (the pattern of 0004): nothing is ever deleted or replaced; events, case items and materials never
-- change once written; a case keeps its number, kind, subject, intake and applicant, and its state moves only
-- together with the event that moves it (the event is written first, the trigger checks it). All four tables are
-- sealed (models/storage/RowSeals): a change made outside the program shows at the next login or in `check`.

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    -- XF2026-000001 (信用修复) or YY2026-000001 (异议): kind prefix, year received, number within kind and year.
    case_no     TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind = 'repair' OR kind = 'objection'),
    subject_id  INTEGER NOT NULL REFERENCES subjects(id),
    state       TEXT NOT NULL,
    paused      INTEGER NOT NULL DEFAULT 0 CHECK (paused = 0 OR paused = 1),
    received_on TEXT NOT NULL,                 -- the working day the case was received (yyyy-MM-dd)
    intake_by   TEXT NOT NULL,                 -- the clerk who took it in
    assigned_to TEXT,                          -- the reviewer working on it; NULL: unassigned
    -- The applicant (JSON): capacity (self, representative, agent), name, idType, idNumber, idChecked.
    applicant   TEXT NOT NULL,
    grounds     TEXT,                          -- objections: error, omission, trade_secret, privacy, other_rights
    statement   TEXT,                          -- the applicant's statement
    decided_from TEXT,                         -- the open state a closed case was decided in (for reopen)
    outcome     TEXT,                          -- the decision's text or reasons, for closed cases
    last_event_id INTEGER NOT NULL DEFAULT 0,  -- the event that last moved it (0: only its intake)
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE case_items (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    item_id INTEGER NOT NULL REFERENCES credit_items(id),
    PRIMARY KEY (case_id, item_id)
) WITHOUT ROWID;

CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    at         TEXT NOT NULL,                  -- when it was recorded (UTC timestamp)
    on_date    TEXT NOT NULL,                  -- the working day it counts for (the clocks use it)
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,                  -- intake or a CaseWorkflow action
    from_state TEXT,
    to_state   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    details    TEXT NOT NULL DEFAULT '{}'
);

-- A scanned material of a case: which item of the policy's checklist it is, and the stored scan.
CREATE TABLE case_materials (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    material_key  TEXT NOT NULL,
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    added_by      TEXT NOT NULL,
    added_at      TEXT NOT NULL
);

CREATE INDEX cases_state ON cases (kind, state);
CREATE INDEX cases_assigned ON cases (assigned_to, state);
CREATE INDEX cases_subject ON cases (subject_id);
CREATE INDEX case_items_item ON case_items (item_id);
CREATE INDEX case_events_case ON case_events (case_id, id);
CREATE INDEX case_materials_case ON case_materials (case_id);

CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
BEGIN
    SELECT RAISE(ABORT, 'cases are never deleted');
END;

CREATE TRIGGER cases_no_replace BEFORE INSERT ON cases
WHEN EXISTS (SELECT 1 FROM cases WHERE id = NEW.id OR case_no = NEW.case_no)
BEGIN
    SELECT RAISE(ABORT, 'cases are never replaced');
END;

CREATE TRIGGER cases_identity_fixed BEFORE UPDATE OF case_no, kind, subject_id, received_on, intake_by, applicant,
    grounds, statement, created_at ON cases
WHEN NEW.case_no IS NOT OLD.case_no OR NEW.kind IS NOT OLD.kind OR NEW.subject_id IS NOT OLD.subject_id
     OR NEW.received_on IS NOT OLD.received_on OR NEW.intake_by IS NOT OLD.intake_by
     OR NEW.applicant IS NOT OLD.applicant OR NEW.grounds IS NOT OLD.grounds OR NEW.statement IS NOT OLD.statement
     OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'a case keeps its number, subject, intake and applicant');
END;

-- A case moves only with the event that records it, written first: the newest event of the case, newer than the one
-- that moved it last, leading from the case's state to the new one. Event ids, not clock times, so a clock set back
-- blocks nothing; and two windows moving the same case cannot both succeed (the second sees a different state).
CREATE TRIGGER cases_move_with_event BEFORE UPDATE OF state, paused, assigned_to, decided_from, outcome, last_event_id
ON cases
WHEN NOT (NEW.last_event_id > OLD.last_event_id
          AND NEW.last_event_id = (SELECT max(id) FROM case_events WHERE case_id = NEW.id)
          AND EXISTS (SELECT 1 FROM case_events e WHERE e.id = NEW.last_event_id AND e.case_id = NEW.id
                      AND e.to_state = NEW.state AND e.from_state IS OLD.state))
BEGIN
    SELECT RAISE(ABORT, 'a case moves only with the event that records it');
END;

CREATE TRIGGER case_items_no_delete BEFORE DELETE ON case_items
BEGIN
    SELECT RAISE(ABORT, 'case items are never deleted');
END;

CREATE TRIGGER case_items_no_update BEFORE UPDATE ON case_items
BEGIN
    SELECT RAISE(ABORT, 'case items never change');
END;

CREATE TRIGGER case_items_no_replace BEFORE INSERT ON case_items
WHEN EXISTS (SELECT 1 FROM case_items WHERE case_id = NEW.case_id AND item_id = NEW.item_id)
BEGIN
    SELECT RAISE(ABORT, 'case items are never replaced');
END;

CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case events are never deleted');
END;

CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case events never change');
END;

CREATE TRIGGER case_events_no_replace BEFORE INSERT ON case_events
WHEN EXISTS (SELECT 1 FROM case_events WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'case events are never replaced');
END;

CREATE TRIGGER case_materials_no_delete BEFORE DELETE ON case_materials
BEGIN
    SELECT RAISE(ABORT, 'case materials are never deleted');
END;

CREATE TRIGGER case_materials_no_update BEFORE UPDATE ON case_materials
BEGIN
    SELECT RAISE(ABORT, 'case materials never change');
END;

CREATE TRIGGER case_materials_no_replace BEFORE INSERT ON case_materials
WHEN EXISTS (SELECT 1 FROM case_materials WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'case materials are never replaced');
END;

