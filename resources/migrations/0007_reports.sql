-- 0007 reports (issue 10): every public credit report issued at the window, every copy printed of it, and every
-- attempt to verify a presented report. ReportRepository (models/reports) is the only SQL for these tables; each
-- row it writes is audited in the same transaction.
--
-- Guards (the pattern of 0004 and 0006): nothing is ever deleted, replaced or changed. A report is written once,
-- complete: its content (canonical JSON, inside the encrypted database), the SHA-256 of that content and its
-- issuer's Ed25519 signature of number, hash and time (ReportRepository::signedMessage), so a report altered in the
-- file no longer matches its hash or its signature. All three tables are sealed (models/storage/RowSeals): a row
-- added or changed outside the program shows at the next login and in `xmcredit-admin check`.

CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,
    -- XMR20261204-1A2B-0001: date issued, the workstation's short id, number within the workstation and day.
    number        TEXT NOT NULL UNIQUE,
    code          TEXT NOT NULL,             -- the verification code printed on the report
    kind          TEXT NOT NULL CHECK (kind = 'public' OR kind = 'special'),
    subject_id    INTEGER NOT NULL REFERENCES subjects(id),
    basis_kind    TEXT NOT NULL CHECK (basis_kind IN ('self', 'authorised', 'agency')),
    basis         TEXT NOT NULL,             -- the recorded basis (JSON)
    mode          TEXT NOT NULL CHECK (mode IN ('social', 'authorised', 'government')),
    authorisation_id INTEGER REFERENCES attachments(id), -- the scanned authorisation (basis 'authorised')
    as_of         TEXT NOT NULL,             -- the day the rules were applied for (yyyy-MM-dd)
    issued_by     TEXT NOT NULL,
    issued_at     TEXT NOT NULL,             -- UTC timestamp
    content       TEXT NOT NULL,             -- what the report says (canonical JSON, ReportContent)
    sha256        TEXT NOT NULL,             -- of content
    signature     TEXT NOT NULL              -- issuer's signature (hex)
);

-- Each copy put on paper or saved as PDF. Copy 1 is the original; every later copy is printed marked as a reprint.
CREATE TABLE report_prints (
    id         INTEGER PRIMARY KEY,
    report_id  INTEGER NOT NULL REFERENCES reports(id),
    copy_no    INTEGER NOT NULL CHECK (copy_no >= 1),
    output     TEXT NOT NULL CHECK (output = 'printer' OR output = 'pdf'),
    printed_by TEXT NOT NULL,
    printed_at TEXT NOT NULL,
    UNIQUE (report_id, copy_no)
);

-- Each verification of a presented report: the number asked about, the outcome, who asked. Wrong codes are
-- throttled from these rows.
CREATE TABLE report_verifications (
    id       INTEGER PRIMARY KEY,
    number   TEXT NOT NULL,
    result   TEXT NOT NULL CHECK (result IN ('genuine', 'wrong_code', 'unknown', 'damaged')),
    asked_by TEXT NOT NULL,
    at       TEXT NOT NULL
);

CREATE INDEX reports_subject ON reports (subject_id);
CREATE INDEX reports_issued ON reports (issued_at);
CREATE INDEX report_verifications_at ON report_verifications (at, result);

CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN
    SELECT RAISE(ABORT, 'reports are never deleted');
END;

CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports
BEGIN
    SELECT RAISE(ABORT, 'an issued report never changes');
END;

CREATE TRIGGER reports_no_replace BEFORE INSERT ON reports
WHEN EXISTS (SELECT 1 FROM reports WHERE id = NEW.id OR number = NEW.number)
BEGIN
    SELECT RAISE(ABORT, 'reports are never replaced');
END;

CREATE TRIGGER report_prints_no_delete BEFORE DELETE ON report_prints
BEGIN
    SELECT RAISE(ABORT, 'report prints are never deleted');
END;

CREATE TRIGGER report_prints_no_update BEFORE UPDATE ON report_prints
BEGIN
    SELECT RAISE(ABORT, 'report prints never change');
END;

-- Copies are numbered in order: the next copy is one more than the last.
CREATE TRIGGER report_prints_in_order BEFORE INSERT ON report_prints
WHEN EXISTS (SELECT 1 FROM report_prints WHERE id = NEW.id)
     OR NEW.copy_no <> 1 + coalesce((SELECT max(copy_no) FROM report_prints WHERE report_id = NEW.report_id), 0)
BEGIN
    SELECT RAISE(ABORT, 'report copies are numbered in order and never replaced');
END;

CREATE TRIGGER report_verifications_no_delete BEFORE DELETE ON report_verifications
BEGIN
    SELECT RAISE(ABORT, 'report verifications are never deleted');
END;

CREATE TRIGGER report_verifications_no_update BEFORE UPDATE ON report_verifications
BEGIN
    SELECT RAISE(ABORT, 'report verifications never change');
END;

CREATE TRIGGER report_verifications_no_replace BEFORE INSERT ON report_verifications
WHEN EXISTS (SELECT 1 FROM report_verifications WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'report verifications are never replaced');
END;
