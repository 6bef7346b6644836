-- audit_log is append-only. The application only ever INSERTs; these triggers refuse UPDATE,
-- DELETE and TRUNCATE through ordinary SQL, so an entry cannot be edited or removed by mistake
-- or by a casual statement. A superuser or the table owner can still get past them
-- (`ALTER TABLE audit_log DISABLE TRIGGER ...`, `SET session_replication_role = replica`):
-- that is exactly what the hash chain catches, because `npm run audit:verify` recomputes every
-- entry's hash and names the first entry that was altered, removed or reordered.
CREATE OR REPLACE FUNCTION audit_log_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only'
    USING HINT = 'Audit entries are never changed or removed; append a new entry instead.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
