-- 0013 calendar years from the platform (issue 11, the calendar stream): each year of the State Council's holiday
-- schedule as the platform published it (models/sync/FeedApplier, PROTOCOL.md section 3). The State Council publishes
-- next year's schedule in November; the platform signs it, every window applies it, and the working-day clocks
-- follow (WorkingCalendar::forDatabase: the built-in years, overlaid by these). The case clocks' basis includes the
-- calendar, so a new or corrected year turns them stale and the next queue read recomputes them, audited.
--
-- Guards: a year is never deleted or replaced; it changes only to a newer platform version of the same year. The
-- table is sealed (models/storage/RowSeals) and every row arrives with the signed page's audit entry.

CREATE TABLE calendar_years (
    year             INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    definition       TEXT NOT NULL,            -- the year as resources/calendar/cn-<year>.json writes it
    platform_version INTEGER NOT NULL CHECK (platform_version >= 1),
    applied_by       TEXT NOT NULL,
    applied_at       TEXT NOT NULL
);

CREATE TRIGGER calendar_years_no_delete BEFORE DELETE ON calendar_years
BEGIN
    SELECT RAISE(ABORT, 'calendar years are never deleted');
END;

CREATE TRIGGER calendar_years_no_replace BEFORE INSERT ON calendar_years
WHEN EXISTS (SELECT 1 FROM calendar_years WHERE year = NEW.year)
BEGIN
    SELECT RAISE(ABORT, 'calendar years are never replaced: a newer version updates the year');
END;

CREATE TRIGGER calendar_years_only_newer BEFORE UPDATE ON calendar_years
WHEN NEW.year IS NOT OLD.year OR NEW.platform_version <= OLD.platform_version
BEGIN
    SELECT RAISE(ABORT, 'a calendar year changes only to a newer platform version of the same year');
END;
