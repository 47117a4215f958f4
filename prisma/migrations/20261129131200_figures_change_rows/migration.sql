-- The figures' trigger functions (ADR 0025) wrote each table's change row out by hand: the
-- UnitPlacement and Incident ones three times each (inserted, deleted, updated). Like the Dossier
-- triggers' `figures_dossier_change_of`, one function per table now builds the row, and the
-- trigger functions only say which rows and which sign. Transition tables are per event (an INSERT
-- trigger has no OLD TABLE), so the three functions per table stay. Same rows, same calls.

CREATE FUNCTION "figures_placement_change_of"(sign int, p "UnitPlacement") RETURNS "figure_placement_change" LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(sign, p."unitId", p."effectiveFrom", p."effectiveTo", p."communeId", p."kind", p."sector", p."exclusionReason" IS NOT NULL, p."isActive")::"figure_placement_change"
$$;

CREATE FUNCTION "figures_incident_change_of"(sign int, i "Incident") RETURNS "figure_incident_change" LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(sign, i."unitId", i."communeId", i."code", i."occurredOn")::"figure_incident_change"
$$;

CREATE OR REPLACE FUNCTION "figures_placement_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_placements"(ARRAY(SELECT "figures_placement_change_of"(1, n) FROM new_rows n));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION "figures_placement_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_placements"(ARRAY(SELECT "figures_placement_change_of"(-1, o) FROM old_rows o));
  RETURN NULL;
END $$;
-- UnitPlacement: the columns a year's count reads; an UPDATE that changes none of them moves nothing.
CREATE OR REPLACE FUNCTION "figures_placement_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_placements"(ARRAY(
    WITH changed AS (
      SELECT o."id" AS old_id, n."id" AS new_id, "figures_placement_change_of"(-1, o) AS old_c, "figures_placement_change_of"(1, n) AS new_c
      FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id"
    ), differing AS (
      SELECT * FROM changed
      WHERE old_id IS NULL OR new_id IS NULL
        OR ((old_c)."unitId", (old_c)."effectiveFrom", (old_c)."effectiveTo", (old_c)."communeId", (old_c)."kind", (old_c)."sector", (old_c)."excluded", (old_c)."isActive")
           IS DISTINCT FROM ((new_c)."unitId", (new_c)."effectiveFrom", (new_c)."effectiveTo", (new_c)."communeId", (new_c)."kind", (new_c)."sector", (new_c)."excluded", (new_c)."isActive")
    )
    -- By id, not "old_c IS NOT NULL": a row value with any null field (an open effectiveTo) is not "NOT NULL".
    SELECT old_c FROM differing WHERE old_id IS NOT NULL
    UNION ALL
    SELECT new_c FROM differing WHERE new_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "figures_incident_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_incidents"(ARRAY(SELECT "figures_incident_change_of"(1, n) FROM new_rows n));
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION "figures_incident_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_incidents"(ARRAY(SELECT "figures_incident_change_of"(-1, o) FROM old_rows o));
  RETURN NULL;
END $$;
-- Incident: edited (date, code, commune or unit) moves its count; any other edit moves nothing.
CREATE OR REPLACE FUNCTION "figures_incident_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_incidents"(ARRAY(
    WITH changed AS (
      SELECT o."id" AS old_id, n."id" AS new_id, "figures_incident_change_of"(-1, o) AS old_c, "figures_incident_change_of"(1, n) AS new_c
      FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id"
      WHERE o."id" IS NULL OR n."id" IS NULL
        OR (o."unitId", o."communeId", o."code", o."occurredOn") IS DISTINCT FROM (n."unitId", n."communeId", n."code", n."occurredOn")
    )
    SELECT old_c FROM changed WHERE old_id IS NOT NULL
    UNION ALL
    SELECT new_c FROM changed WHERE new_id IS NOT NULL));
  RETURN NULL;
END $$;
