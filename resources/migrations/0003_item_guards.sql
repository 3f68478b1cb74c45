-- Credit items come only from the platform: every insert and every change needs the write permit that only the
-- sync applier and the case workflow hold, whatever origin the row claims. Items entered at the window are record
-- submissions, never credit_items rows, so no local item exists to be written without a permit.
DROP TRIGGER credit_items_platform_insert_guard;
DROP TRIGGER credit_items_platform_update_guard;

CREATE TRIGGER credit_items_insert_guard BEFORE INSERT ON credit_items
WHEN NOT EXISTS (SELECT 1 FROM platform_write_permit)
BEGIN
    SELECT RAISE(ABORT, 'credit items are read-only here: they change only through sync and cases');
END;

CREATE TRIGGER credit_items_update_guard BEFORE UPDATE ON credit_items
WHEN NOT EXISTS (SELECT 1 FROM platform_write_permit)
BEGIN
    SELECT RAISE(ABORT, 'credit items are read-only here: they change only through sync and cases');
END;
