-- 0015 policy profiles and the staff directory from the platform (issue 11, the policy and staff streams;
-- PROTOCOL.md section 3).
--
-- policy_profiles: each credit policy profile the platform published (models/sync/PolicyProfiles): a new id adds a
-- profile from its effectiveFrom on, a built-in id is its corrected edition. Guards: a profile is never deleted or
-- replaced; it changes only to a newer platform version of the same id. Sealed (models/storage/RowSeals); every row
-- arrives with the signed page's audit entry.
CREATE TABLE policy_profiles (
    profile_id       TEXT NOT NULL UNIQUE CHECK (length(profile_id) BETWEEN 1 AND 64),
    definition       TEXT NOT NULL,            -- the profile's JSON, as resources/policy/README.md describes it
    platform_version INTEGER NOT NULL CHECK (platform_version >= 1),
    applied_by       TEXT NOT NULL,
    applied_at       TEXT NOT NULL
);

CREATE TRIGGER policy_profiles_no_delete BEFORE DELETE ON policy_profiles
BEGIN
    SELECT RAISE(ABORT, 'policy profiles are never deleted');
END;

CREATE TRIGGER policy_profiles_no_replace BEFORE INSERT ON policy_profiles
WHEN EXISTS (SELECT 1 FROM policy_profiles WHERE profile_id = NEW.profile_id)
BEGIN
    SELECT RAISE(ABORT, 'policy profiles are never replaced: a newer version updates the profile');
END;

CREATE TRIGGER policy_profiles_only_newer BEFORE UPDATE ON policy_profiles
WHEN NEW.profile_id IS NOT OLD.profile_id OR NEW.platform_version <= OLD.platform_version
BEGIN
    SELECT RAISE(ABORT, 'a policy profile changes only to a newer platform version of the same id');
END;

-- platform_staff: the city's staff directory as the platform publishes it (models/sync/PlatformStaff): who the
-- actors named on case moves from other windows and from the platform are (their name, role and window), shown on
-- case timelines. It grants nothing: logins at this window come only from the local staff table, signed by this
-- window's administrators (README, "Trust model"). Guards: an entry is never deleted or replaced (a member who leaves
-- is a newer version with active = 0); it changes only to a newer platform version of the same username. Sealed.
CREATE TABLE platform_staff (
    username         TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
    display_name     TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role             TEXT NOT NULL CHECK (role IN ('clerk', 'reviewer', 'supervisor', 'auditor', 'administrator',
                                                   'platform_reviewer')),
    unit             TEXT NOT NULL DEFAULT '',  -- the window or office
    active           INTEGER NOT NULL CHECK (active IN (0, 1)),
    platform_version INTEGER NOT NULL CHECK (platform_version >= 1),
    applied_by       TEXT NOT NULL,
    applied_at       TEXT NOT NULL
);

CREATE TRIGGER platform_staff_no_delete BEFORE DELETE ON platform_staff
BEGIN
    SELECT RAISE(ABORT, 'directory entries are never deleted');
END;

CREATE TRIGGER platform_staff_no_replace BEFORE INSERT ON platform_staff
WHEN EXISTS (SELECT 1 FROM platform_staff WHERE username = NEW.username)
BEGIN
    SELECT RAISE(ABORT, 'directory entries are never replaced: a newer version updates the entry');
END;

CREATE TRIGGER platform_staff_only_newer BEFORE UPDATE ON platform_staff
WHEN NEW.username IS NOT OLD.username OR NEW.platform_version <= OLD.platform_version
BEGIN
    SELECT RAISE(ABORT, 'a directory entry changes only to a newer platform version of the same username');
END;
