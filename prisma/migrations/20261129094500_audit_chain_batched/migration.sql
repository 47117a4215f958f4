-- Bulk use-cases write one audit event per unit in ONE insert (issue 12 §2). The chain stays what
-- ADR 0004 made it — same canonical content, same hash, same order — but linking 500 events cost
-- ~250 ms, most of it not hashing:

-- 1. Honest volatility. Both functions call STABLE functions (to_char, jsonb_build_array,
--    convert_to); declared IMMUTABLE, the planner refused to inline them, and every call ran
--    through the SQL-function executor (audit_event_hash nested a second one): 0.3–0.5 ms per
--    event. STABLE, they are inlined into the trigger's expression and into the verification
--    query (audit:verify ~10× faster). The bodies, and so every hash, are unchanged.
ALTER FUNCTION "audit_event_canonical"("AuditEvent") STABLE;
ALTER FUNCTION "audit_event_hash"(text, "AuditEvent") STABLE;

-- 2. The chain's head, remembered for the rest of the transaction. The advisory lock is still
--    taken for every event (re-taking a lock already held is a local lookup) and held to the end
--    of the transaction, so once a transaction has linked an event no other can link one before
--    it commits: the head it just wrote is the head. It is kept in a transaction-local setting
--    tagged with the transaction's id (a value left by a session-level SET, or by another
--    transaction, is never trusted), which a rolled-back savepoint restores with the rows it
--    discards. Anything else falls back to reading the last event, as before.
CREATE OR REPLACE FUNCTION "audit_event_chain"() RETURNS trigger AS $$
DECLARE
  tx text := txid_current()::text;
  head text := current_setting('antt.audit_chain_head', true);
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(724120211);
  IF head IS NOT NULL AND split_part(head, ':', 1) = tx THEN
    last_seq := split_part(head, ':', 2)::bigint;
    last_hash := split_part(head, ':', 3);
  ELSE
    SELECT "chainSeq", "hash" INTO last_seq, last_hash FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1;
  END IF;
  NEW."chainSeq" := coalesce(last_seq, 0) + 1;
  NEW."prevHash" := coalesce(last_hash, repeat('0', 64));
  NEW."hash" := "audit_event_hash"(NEW."prevHash", NEW);
  PERFORM set_config('antt.audit_chain_head', tx || ':' || NEW."chainSeq" || ':' || NEW."hash", true);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
