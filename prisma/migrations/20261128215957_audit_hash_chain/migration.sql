-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");

-- The canonical content of an event: a JSON array in a fixed order (jsonb's text form is
-- deterministic: keys sorted, no insignificant spaces), time in UTC to the millisecond.
CREATE FUNCTION "audit_event_canonical"(e "AuditEvent") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(
    e."id"::text,
    to_char(e."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e."actorId", e."actorUsername", e."action", e."entityType", e."entityId", e."unitId",
    e."before", e."after", e."meta"
  )::text
$$;

CREATE FUNCTION "audit_event_hash"(prev text, e "AuditEvent") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || "audit_event_canonical"(e), 'UTF8')), 'hex')
$$;

-- Links each new event to the last one. The advisory lock (held to the end of the transaction)
-- makes the chain follow commit order: two transactions never both link to the same predecessor.
CREATE FUNCTION "audit_event_chain"() RETURNS trigger AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(724120211);
  SELECT "chainSeq", "hash" INTO last_seq, last_hash FROM "AuditEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1;
  NEW."chainSeq" := coalesce(last_seq, 0) + 1;
  NEW."prevHash" := coalesce(last_hash, repeat('0', 64));
  NEW."hash" := "audit_event_hash"(NEW."prevHash", NEW);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- Chain the events written before this migration, in the order they were written.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DO $$
DECLARE
  r "AuditEvent";
  seq bigint := 0;
  prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY "id" LOOP
    seq := seq + 1;
    UPDATE "AuditEvent" SET "chainSeq" = seq, "prevHash" = prev, "hash" = "audit_event_hash"(prev, r) WHERE "id" = r."id";
    prev := "audit_event_hash"(prev, r);
  END LOOP;
END $$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

CREATE TRIGGER "AuditEvent_chain"
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_chain"();

-- TRUNCATE erased the whole log although UPDATE and DELETE were refused.
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
