-- Appends READ entries (a jsonb array) to the hash chain in one round trip: the chain's lock, the
-- last hash, the hashes and the inserts all happen here, inside whatever transaction calls it, so
-- a group of entries costs one statement instead of five. The hash is the one the application
-- computes (packages/domain/src/audit/chain.ts): sha256(prev_hash + canonical entry), where the
-- canonical entry is ["audit-v1","<at, ISO 8601 UTC, milliseconds>",<tail>. The caller sends the
-- tail, the rest of the canonical array after the time; the time is taken here, under the lock,
-- so it never runs backwards along the chain. Each statement of a plpgsql function gets a fresh
-- snapshot at READ COMMITTED, so the last hash is read after the lock is held.
CREATE OR REPLACE FUNCTION audit_append(entries jsonb)
RETURNS TABLE (entry_seq bigint, entry_at timestamptz, entry_prev_hash text, entry_hash text)
LANGUAGE plpgsql AS $$
DECLARE
  entry jsonb;
  previous text;
  stamp timestamptz;
  stamp_text text;
BEGIN
  PERFORM pg_advisory_xact_lock(4707744067223310151);
  SELECT l.hash INTO previous FROM audit_log l ORDER BY l.seq DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  stamp := date_trunc('milliseconds', clock_timestamp());
  stamp_text := to_char(stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR entry IN SELECT value FROM jsonb_array_elements(entries) LOOP
    entry_prev_hash := previous;
    entry_hash := encode(
      sha256(convert_to(previous || '["audit-v1","' || stamp_text || '",' || (entry->>'tail'), 'UTF8')),
      'hex'
    );
    INSERT INTO audit_log (
      at, kind, actor, actor_subject, actor_agency, client_id, operation, entity_type, entity_ids,
      before_version, after_version, detail, prev_hash, hash
    ) VALUES (
      stamp,
      (entry->>'kind')::audit_kind,
      entry->>'actor',
      entry->>'actorSubject',
      entry->>'actorAgency',
      entry->>'clientId',
      entry->>'operation',
      entry->>'entityType',
      ARRAY(SELECT jsonb_array_elements_text(entry->'entityIds')),
      (entry->>'beforeVersion')::integer,
      (entry->>'afterVersion')::integer,
      nullif(entry->'detail', 'null'::jsonb),
      entry_prev_hash,
      entry_hash
    ) RETURNING audit_log.seq INTO entry_seq;
    entry_at := stamp;
    previous := entry_hash;
    RETURN NEXT;
  END LOOP;
END;
$$;
