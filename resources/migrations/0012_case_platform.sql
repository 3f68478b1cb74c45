-- 0012 cases across windows (issue 11, the case_moves stream): which event of a case is which of the platform's.
-- The platform numbers each case's events 0 (the intake), 1, 2, … in the order it took them, from every window. A
-- row here says that the platform's event `seq` of a case is this workstation's event `event_id`: written when the
-- platform accepts an event this window pushed (source 'pushed') or when this window applies one the platform
-- published (source 'pulled', models/cases/CaseReplica). The next event the platform expects of a case is one past
-- its highest row here; an event of this window that the platform did not take (a conflict) has no row.
--
-- Guards: rows are never deleted, changed or replaced; a row names an event of its own case. The table is sealed
-- (models/storage/RowSeals) and its rows are written in the transaction of the push's or the page's audit entry.

CREATE TABLE case_platform_events (
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    seq         INTEGER NOT NULL CHECK (seq >= 0),
    event_id    INTEGER NOT NULL UNIQUE REFERENCES case_events(id),
    source      TEXT NOT NULL CHECK (source IN ('pushed', 'pulled')),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

CREATE TRIGGER case_platform_events_no_delete BEFORE DELETE ON case_platform_events
BEGIN
    SELECT RAISE(ABORT, 'case platform events are never deleted');
END;

CREATE TRIGGER case_platform_events_no_update BEFORE UPDATE ON case_platform_events
BEGIN
    SELECT RAISE(ABORT, 'case platform events never change');
END;

CREATE TRIGGER case_platform_events_no_replace BEFORE INSERT ON case_platform_events
WHEN EXISTS (SELECT 1 FROM case_platform_events
             WHERE (case_id = NEW.case_id AND seq = NEW.seq) OR event_id = NEW.event_id)
BEGIN
    SELECT RAISE(ABORT, 'case platform events are never replaced');
END;

CREATE TRIGGER case_platform_events_own_case BEFORE INSERT ON case_platform_events
WHEN NOT EXISTS (SELECT 1 FROM case_events WHERE id = NEW.event_id AND case_id = NEW.case_id)
BEGIN
    SELECT RAISE(ABORT, 'a case platform event names an event of its own case');
END;
