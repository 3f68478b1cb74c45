-- Subjects, credit items, attachments and local record submissions (issue 4).
--
-- Records that came from the platform (origin = 'platform') change only through the sync applier and the case
-- workflow. Both open a write permit for the length of their transaction (PlatformWritePermit in
-- models/records); the guard triggers below refuse every other insert or change of a platform row, whoever
-- issues it, and nothing in these tables is ever physically deleted.
--
-- Why a main-schema table for the permit and not a TEMP table or a per-connection SQL function. Triggers of the
-- main schema cannot see TEMP tables (SQLite resolves their table names in their own schema only, verified on
-- 3.15.2), and a TEMP trigger would protect only the connections that created it. A row in platform_write_permit
-- is inserted and deleted inside one savepoint of the writer's transaction, so it is never committed and never
-- visible to another connection (WAL readers see committed data only).
--
-- Keys of kinds, categories, severities and lists are those of models/domain/CreditTypes (toKey); dates are ISO
-- yyyy-MM-dd; timestamps are UTC ISO 8601 with milliseconds. CHECK constraints spell value lists out with OR
-- because SQLite 3.15 evaluates a constant IN list of three or more through a temporary b-tree built for every
-- row inserted, which made bulk loads a quarter slower.

-- A permit row can never be committed: its deferred foreign key points into a table that is always empty, so a
-- COMMIT while the row exists fails, and the permit must end (delete its row) before the transaction commits.
CREATE TABLE platform_write_permit_release (
    id INTEGER PRIMARY KEY
);

CREATE TABLE platform_write_permit (
    actor      TEXT NOT NULL,
    purpose    TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    released   INTEGER NOT NULL DEFAULT 1
                   REFERENCES platform_write_permit_release(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TRIGGER platform_write_permit_release_stays_empty BEFORE INSERT ON platform_write_permit_release
BEGIN
    SELECT RAISE(ABORT, 'platform_write_permit_release must stay empty');
END;

CREATE TABLE subjects (
    id                   INTEGER PRIMARY KEY,
    kind                 TEXT NOT NULL CHECK (kind = 'natural_person' OR kind = 'legal_person'
                                              OR kind = 'unincorporated_organisation' OR kind = 'individual_business'),
    -- Normalised (Identifiers normalise), 18 characters for valid ones.
    identifier           TEXT NOT NULL,
    -- A supervisor's override (JSON) when the identifier fails its checksum but is real; NULL otherwise.
    identifier_override  TEXT,
    name                 TEXT NOT NULL,
    -- The name as overlapping two-character tokens separated by spaces (SubjectNameIndex), kept here as the
    -- external content of subject_name_fts so that the index does not store the text a second time.
    name_bigrams         TEXT NOT NULL DEFAULT '',
    legal_representative TEXT,
    registered_address   TEXT,
    -- Date of establishment (organisations) or of birth (natural persons).
    established_on       TEXT,
    industry             TEXT,
    -- Administrative division code of the district, e.g. 350203.
    district             TEXT,
    -- Registration status key, e.g. in_business, deregistered, revoked (empty for natural persons).
    status               TEXT,
    origin               TEXT NOT NULL CHECK (origin = 'platform' OR origin = 'local'),
    platform_id          TEXT,
    platform_version     INTEGER,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (origin = 'local' OR platform_id IS NOT NULL)
);

CREATE TABLE credit_items (
    id                    INTEGER PRIMARY KEY,
    subject_id            INTEGER NOT NULL REFERENCES subjects(id),
    category              TEXT NOT NULL
                              CHECK (category = 'basic' OR category = 'trustworthy' OR category = 'dishonest'),
    item_type             TEXT NOT NULL,
    severity              TEXT NOT NULL DEFAULT 'general' CHECK (severity = 'general' OR severity = 'serious'),
    list_kind             TEXT NOT NULL DEFAULT 'none'
                              CHECK (list_kind = 'none' OR list_kind = 'joint_punishment'
                                     OR list_kind = 'key_attention' OR list_kind = 'credit_warning'),
    field_key             TEXT,
    penalty_kind_key      TEXT,
    cause_key             TEXT,
    source_department     TEXT,
    legal_document_number TEXT,
    decision_date         TEXT NOT NULL,
    disclosure_mode       TEXT NOT NULL DEFAULT 'social'
                              CHECK (disclosure_mode = 'social' OR disclosure_mode = 'authorised'
                                     OR disclosure_mode = 'government'),
    status                TEXT NOT NULL DEFAULT 'active'
                              CHECK (status = 'active' OR status = 'repaired' OR status = 'withdrawn'
                                     OR status = 'corrected'),
    objection_pending     INTEGER NOT NULL DEFAULT 0 CHECK (objection_pending = 0 OR objection_pending = 1),
    repaired_on           TEXT,
    withdrawn_on          TEXT,
    -- Set when a law, regulation or rule declares the item non-repairable; quoted to the applicant.
    non_repairable_basis  TEXT,
    title                 TEXT NOT NULL,
    content               TEXT,
    origin                TEXT NOT NULL CHECK (origin = 'platform' OR origin = 'local'),
    platform_id           TEXT,
    platform_version      INTEGER,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    CHECK (origin = 'local' OR platform_id IS NOT NULL),
    CHECK (category <> 'dishonest' OR length(coalesce(legal_document_number, '')) > 0),
    CHECK (status <> 'repaired' OR repaired_on IS NOT NULL),
    CHECK (status <> 'withdrawn' OR withdrawn_on IS NOT NULL)
);

-- Scans (applications, consent forms, ID copies) kept inside the encrypted database with their SHA-256.
CREATE TABLE attachments (
    id         INTEGER PRIMARY KEY,
    owner_type TEXT NOT NULL,
    owner_id   INTEGER NOT NULL,
    file_name  TEXT NOT NULL,
    mime_type  TEXT NOT NULL,
    bytes      BLOB NOT NULL,
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size = length(bytes)),
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL
);

-- Subjects and items entered at this workstation, awaiting the platform. The payload (JSON) is what was entered
-- and never changes; only the status moves on.
CREATE TABLE record_submissions (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind = 'subject' OR kind = 'item'),
    subject_id    INTEGER NOT NULL REFERENCES subjects(id),
    payload       TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status = 'pending' OR status = 'sent' OR status = 'acknowledged'
                             OR status = 'rejected'),
    status_reason TEXT,
    platform_id   TEXT,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Secondary indexes. The demo city generator drops and recreates every index of these tables around its bulk
-- load (from their definitions in sqlite_master), so an index added here is recreated there too.
CREATE UNIQUE INDEX subjects_identifier ON subjects(identifier);
CREATE INDEX subjects_name ON subjects(name);
CREATE UNIQUE INDEX subjects_platform_id ON subjects(platform_id);
CREATE INDEX credit_items_subject ON credit_items(subject_id, category);
CREATE UNIQUE INDEX credit_items_platform_id ON credit_items(platform_id);
CREATE INDEX attachments_owner ON attachments(owner_type, owner_id);
CREATE INDEX record_submissions_subject ON record_submissions(subject_id, status);
CREATE INDEX record_submissions_status ON record_submissions(status);

-- Chinese name fragments. SQLite 3.15 has FTS3/4 but no FTS5 and no CJK tokenizer, and its simple tokenizer
-- takes a run of non-ASCII characters for one token. So each name is stored as its overlapping character bigrams
-- ("厦门鑫源" -> "厦门 门鑫 鑫源"), and a fragment of two or more characters is looked up as the phrase of its own
-- bigrams, which matches exactly the names that contain the fragment. A bigram index answers in well under a
-- millisecond where LIKE with a leading wildcard scans every row (hundreds of milliseconds at city scale);
-- unigrams would need a phrase of single characters with long, common doclists.
CREATE VIRTUAL TABLE subject_name_fts USING fts4(content="subjects", name_bigrams, tokenize=simple);

-- Bigrams so common (厦门, 有限, 公司 …) that loading their doclists costs tens of milliseconds at city scale. A
-- fragment search leaves them out of its MATCH when the fragment has rarer bigrams, and checks the whole fragment
-- against name_bigrams instead (SubjectNameIndex). Derived data, refreshed after bulk loads from fts4aux.
CREATE TABLE subject_name_common_bigrams (
    bigram    TEXT NOT NULL PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER subjects_fts_insert AFTER INSERT ON subjects
BEGIN
    INSERT INTO subject_name_fts(docid, name_bigrams) VALUES (NEW.id, NEW.name_bigrams);
END;

CREATE TRIGGER subjects_fts_before_update BEFORE UPDATE OF name_bigrams ON subjects
BEGIN
    DELETE FROM subject_name_fts WHERE docid = OLD.id;
END;

CREATE TRIGGER subjects_fts_after_update AFTER UPDATE OF name_bigrams ON subjects
BEGIN
    INSERT INTO subject_name_fts(docid, name_bigrams) VALUES (NEW.id, NEW.name_bigrams);
END;

-- Guards. Platform rows are inserted and changed only under a write permit; nothing is deleted.
CREATE TRIGGER subjects_platform_insert_guard BEFORE INSERT ON subjects
WHEN NEW.origin = 'platform' AND NOT EXISTS (SELECT 1 FROM platform_write_permit)
BEGIN
    SELECT RAISE(ABORT, 'subjects from the platform are read-only here: they change only through sync');
END;

CREATE TRIGGER subjects_platform_update_guard BEFORE UPDATE ON subjects
WHEN (OLD.origin = 'platform' OR NEW.origin = 'platform') AND NOT EXISTS (SELECT 1 FROM platform_write_permit)
BEGIN
    SELECT RAISE(ABORT, 'subjects from the platform are read-only here: they change only through sync');
END;

CREATE TRIGGER subjects_no_delete BEFORE DELETE ON subjects
BEGIN
    SELECT RAISE(ABORT, 'subjects are never physically deleted');
END;

CREATE TRIGGER credit_items_platform_insert_guard BEFORE INSERT ON credit_items
WHEN NEW.origin = 'platform' AND NOT EXISTS (SELECT 1 FROM platform_write_permit)
BEGIN
    SELECT RAISE(ABORT, 'credit items from the platform are read-only here: they change only through sync and cases');
END;

CREATE TRIGGER credit_items_platform_update_guard BEFORE UPDATE ON credit_items
WHEN (OLD.origin = 'platform' OR NEW.origin = 'platform') AND NOT EXISTS (SELECT 1 FROM platform_write_permit)
BEGIN
    SELECT RAISE(ABORT, 'credit items from the platform are read-only here: they change only through sync and cases');
END;

CREATE TRIGGER credit_items_no_delete BEFORE DELETE ON credit_items
BEGIN
    SELECT RAISE(ABORT, 'credit items are never physically deleted: withdrawal is a status');
END;

CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN
    SELECT RAISE(ABORT, 'attachments never change once stored');
END;

CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN
    SELECT RAISE(ABORT, 'attachments are never physically deleted');
END;

CREATE TRIGGER record_submissions_payload_guard BEFORE UPDATE OF kind, subject_id, payload, created_by, created_at
ON record_submissions
WHEN NEW.kind IS NOT OLD.kind OR NEW.subject_id IS NOT OLD.subject_id OR NEW.payload IS NOT OLD.payload
     OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'a record submission never changes once saved: only its status moves on');
END;

CREATE TRIGGER record_submissions_final_status_guard BEFORE UPDATE OF status ON record_submissions
WHEN OLD.status IN ('acknowledged', 'rejected') AND NEW.status IS NOT OLD.status
BEGIN
    SELECT RAISE(ABORT, 'an acknowledged or rejected record submission keeps its status');
END;

CREATE TRIGGER record_submissions_no_delete BEFORE DELETE ON record_submissions
BEGIN
    SELECT RAISE(ABORT, 'record submissions are never physically deleted');
END;
