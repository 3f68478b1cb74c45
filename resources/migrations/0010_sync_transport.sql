-- 0010 sync transport (issue 11): how this workstation reaches the platform over HTTPS, as the online enrolment
-- gave it (models/sync/SyncClient, PROTOCOL.md section 5): the platform's address, its CA certificate (the only
-- certificate authority trusted for it: pinned) and the device token the platform issued for this workstation. The
-- token lives only here, inside the encrypted database.
--
-- Guards: rows are never deleted, changed or replaced; a new enrolment (a new address, a new token) appends a row and
-- the newest is the one in force, so the history stays. The table is sealed (models/storage/RowSeals) and every row
-- is written with a signed audit entry (sync.transport: the address and the CA's SHA-256, never the token).

CREATE TABLE sync_transport (
    id             INTEGER PRIMARY KEY,
    platform_url   TEXT NOT NULL CHECK (platform_url LIKE 'https://%'),
    ca_certificate TEXT NOT NULL CHECK (ca_certificate LIKE '-----BEGIN CERTIFICATE-----%'),
    device_token   TEXT NOT NULL CHECK (length(device_token) BETWEEN 32 AND 200),
    set_by         TEXT NOT NULL,
    set_at         TEXT NOT NULL
);

CREATE TRIGGER sync_transport_no_delete BEFORE DELETE ON sync_transport
BEGIN
    SELECT RAISE(ABORT, 'the sync transport is never deleted');
END;

CREATE TRIGGER sync_transport_no_update BEFORE UPDATE ON sync_transport
BEGIN
    SELECT RAISE(ABORT, 'the sync transport never changes: enrol again to append a new one');
END;

CREATE TRIGGER sync_transport_no_replace BEFORE INSERT ON sync_transport
WHEN EXISTS (SELECT 1 FROM sync_transport WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the sync transport is never replaced');
END;
