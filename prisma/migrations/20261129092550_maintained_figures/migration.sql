-- Maintained dashboard figures (ADR 0025). The generated statements first; below them, written by
-- hand: NULLS NOT DISTINCT on the two unique keys, the triggers that keep the figures, the rebuild.

-- CreateTable
CREATE TABLE "UnitFigure" (
    "id" BIGSERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "communeId" UUID NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "sector" "Sector",
    "excluded" BOOLEAN NOT NULL,
    "state" "DossierState",
    "returned" BOOLEAN NOT NULL,
    "late" BOOLEAN NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "UnitFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentFigure" (
    "id" BIGSERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "communeId" UUID NOT NULL,
    "code" "IncidentCode" NOT NULL,
    "unitKind" "UnitKind",
    "unitSector" "Sector",
    "incidents" INTEGER NOT NULL,

    CONSTRAINT "IncidentFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FigureRange" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER NOT NULL,

    CONSTRAINT "FigureRange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitFigure_year_communeId_kind_sector_excluded_state_return_key" ON "UnitFigure"("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late") NULLS NOT DISTINCT;

-- CreateIndex
CREATE UNIQUE INDEX "IncidentFigure_year_communeId_code_unitKind_unitSector_key" ON "IncidentFigure"("year", "communeId", "code", "unitKind", "unitSector") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "UnitFigure" ADD CONSTRAINT "UnitFigure_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdministrativeArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentFigure" ADD CONSTRAINT "IncidentFigure_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdministrativeArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────── Hand-written below (Prisma has no triggers) ─────────────────────────
--
-- What a year counts is lib/reports/dashboard-queries.ts `yearUnits` (ADR 0009): every placement
-- active on the year's reference date 15/11 counts its unit once, where its dossier of the year
-- froze it if it has one, else where the placement puts it. That is a sum over placements, each
-- term depending only on the placement and on the unit's dossier of that year. So a statement
-- that changes placements moves the figures by (terms of its NEW rows) - (terms of its OLD rows),
-- and one that changes dossiers by (terms with the new dossiers) - (terms with the old ones), each
-- read against the other table as it stands: no statement changes both. The triggers compute
-- exactly these deltas, set-based from the statement's transition tables, and add them with
-- INSERT … ON CONFLICT DO UPDATE in key order (a stable lock order between writers).
-- PostgreSQL forbids transition tables on a trigger with several events, hence one trigger per
-- event, each handing its rows to one shared function.

-- One row: the years UnitFigure holds. A placement is open-ended, so the range must be finite;
-- the dashboard counts a year outside it from the base tables (slower, same figures).
ALTER TABLE "FigureRange" ADD CONSTRAINT "FigureRange_one_row" CHECK ("id" = 1 AND "fromYear" <= "toYear");
INSERT INTO "FigureRange" ("id", "fromYear", "toYear") VALUES (1, 2015, 2040);

-- The evaluation year an incident counts in: 16/11 of Y-1 … 15/11 of Y (Đ8 k2, lib/criteria/window.ts).
CREATE FUNCTION "figures_incident_year"(d date) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT extract(year FROM d)::int + CASE WHEN d > make_date(extract(year FROM d)::int, 11, 15) THEN 1 ELSE 0 END
$$;

CREATE TYPE "figure_placement_change" AS ("sign" int, "unitId" uuid, "effectiveFrom" date, "effectiveTo" date, "communeId" uuid, "kind" "UnitKind", "sector" "Sector", "excluded" boolean, "isActive" boolean);
CREATE TYPE "figure_dossier_change" AS ("sign" int, "unitId" uuid, "year" int, "communeId" uuid, "kind" "UnitKind", "sector" "Sector", "excluded" boolean, "state" "DossierState", "returned" boolean, "late" boolean);
CREATE TYPE "figure_incident_change" AS ("sign" int, "unitId" uuid, "communeId" uuid, "code" "IncidentCode", "occurredOn" date);

-- Placements added (+1) or removed (-1): each counts for the years whose 15/11 it covers.
CREATE FUNCTION "figures_apply_placements"(changes "figure_placement_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN RETURN; END IF;
  INSERT INTO "UnitFigure" ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT k."year", k."communeId", k."kind", k."sector", k."excluded", k."state", k."returned", k."late", sum(k."sign")::int
  FROM (
    SELECT c."sign", y."year",
      CASE WHEN d."id" IS NULL THEN c."communeId" ELSE d."communeId" END AS "communeId",
      CASE WHEN d."id" IS NULL THEN c."kind" ELSE d."kind" END AS "kind",
      CASE WHEN d."id" IS NULL THEN c."sector" ELSE d."sector" END AS "sector",
      CASE WHEN d."id" IS NULL THEN c."excluded" ELSE d."exclusionReason" IS NOT NULL END AS "excluded",
      d."state",
      coalesce(d."state" = 'RETURNED' OR d."reviewRound" > 1, false) AS "returned",
      coalesce(d."registrationLate" OR d."submissionLate", false) AS "late"
    FROM unnest(changes) c
    CROSS JOIN "FigureRange" r
    CROSS JOIN LATERAL generate_series(greatest(r."fromYear", extract(year FROM c."effectiveFrom")::int),
      least(r."toYear", coalesce(extract(year FROM c."effectiveTo")::int, r."toYear"))) AS y("year")
    LEFT JOIN "Dossier" d ON d."unitId" = c."unitId" AND d."year" = y."year"
    WHERE c."isActive" AND make_date(y."year", 11, 15) >= c."effectiveFrom"
      AND (c."effectiveTo" IS NULL OR make_date(y."year", 11, 15) <= c."effectiveTo")
  ) k
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(k."sign") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late")
    DO UPDATE SET "units" = "UnitFigure"."units" + EXCLUDED."units";
END $$;

-- Dossiers as they were (-1) and as they are (+1). A (unit, year) that had no dossier before, or
-- has none after, counted / counts where its placement puts it: that term is moved too.
CREATE FUNCTION "figures_apply_dossiers"(changes "figure_dossier_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN RETURN; END IF;
  WITH c AS (
    SELECT c.* FROM unnest(changes) c CROSS JOIN "FigureRange" r WHERE c."year" BETWEEN r."fromYear" AND r."toYear"
  ), pairs AS (
    SELECT c."unitId", c."year", bool_or(c."sign" < 0) AS "had", bool_or(c."sign" > 0) AS "has" FROM c GROUP BY 1, 2
  ), placed AS (
    SELECT pr."unitId", pr."year", pr."had", pr."has", p."communeId", p."kind", p."sector", p."exclusionReason" IS NOT NULL AS "excluded"
    FROM pairs pr
    JOIN "UnitPlacement" p ON p."unitId" = pr."unitId" AND p."isActive" AND p."effectiveFrom" <= make_date(pr."year", 11, 15)
      AND (p."effectiveTo" IS NULL OR p."effectiveTo" >= make_date(pr."year", 11, 15))
  ), k AS (
    SELECT c."sign", c."year", c."communeId", c."kind", c."sector", c."excluded", c."state", c."returned", c."late"
    FROM c JOIN placed p ON p."unitId" = c."unitId" AND p."year" = c."year"
    UNION ALL
    SELECT CASE WHEN p."had" THEN 1 ELSE -1 END, p."year", p."communeId", p."kind", p."sector", p."excluded", NULL::"DossierState", false, false
    FROM placed p WHERE p."had" <> p."has"
  )
  INSERT INTO "UnitFigure" ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT k."year", k."communeId", k."kind", k."sector", k."excluded", k."state", k."returned", k."late", sum(k."sign")::int
  FROM k
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(k."sign") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late")
    DO UPDATE SET "units" = "UnitFigure"."units" + EXCLUDED."units";
END $$;

-- Incidents removed (-1) or added (+1), under the kind and sector of their unit as it is now.
CREATE FUNCTION "figures_apply_incidents"(changes "figure_incident_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN RETURN; END IF;
  INSERT INTO "IncidentFigure" ("year", "communeId", "code", "unitKind", "unitSector", "incidents")
  SELECT "figures_incident_year"(c."occurredOn"), c."communeId", c."code", u."kind", u."sector", sum(c."sign")::int
  FROM unnest(changes) c
  LEFT JOIN "Unit" u ON u."id" = c."unitId"
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c."sign") <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("year", "communeId", "code", "unitKind", "unitSector")
    DO UPDATE SET "incidents" = "IncidentFigure"."incidents" + EXCLUDED."incidents";
END $$;

-- UnitPlacement: the columns a year's count reads; an UPDATE that changes none of them moves nothing.
CREATE FUNCTION "figures_placement_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_placements"(ARRAY(
    SELECT ROW(1, n."unitId", n."effectiveFrom", n."effectiveTo", n."communeId", n."kind", n."sector", n."exclusionReason" IS NOT NULL, n."isActive")::"figure_placement_change" FROM new_rows n));
  RETURN NULL;
END $$;
CREATE FUNCTION "figures_placement_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_placements"(ARRAY(
    SELECT ROW(-1, o."unitId", o."effectiveFrom", o."effectiveTo", o."communeId", o."kind", o."sector", o."exclusionReason" IS NOT NULL, o."isActive")::"figure_placement_change" FROM old_rows o));
  RETURN NULL;
END $$;
CREATE FUNCTION "figures_placement_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_placements"(ARRAY(
    WITH o AS (SELECT o."id", ROW(-1, o."unitId", o."effectiveFrom", o."effectiveTo", o."communeId", o."kind", o."sector", o."exclusionReason" IS NOT NULL, o."isActive")::"figure_placement_change" AS c FROM old_rows o),
         n AS (SELECT n."id", ROW(1, n."unitId", n."effectiveFrom", n."effectiveTo", n."communeId", n."kind", n."sector", n."exclusionReason" IS NOT NULL, n."isActive")::"figure_placement_change" AS c FROM new_rows n),
         changed AS (
           SELECT o."id" AS old_id, n."id" AS new_id, o.c AS old_c, n.c AS new_c FROM o FULL JOIN n ON n."id" = o."id"
           WHERE o."id" IS NULL OR n."id" IS NULL
             OR ((o.c)."unitId", (o.c)."effectiveFrom", (o.c)."effectiveTo", (o.c)."communeId", (o.c)."kind", (o.c)."sector", (o.c)."excluded", (o.c)."isActive")
                IS DISTINCT FROM ((n.c)."unitId", (n.c)."effectiveFrom", (n.c)."effectiveTo", (n.c)."communeId", (n.c)."kind", (n.c)."sector", (n.c)."excluded", (n.c)."isActive"))
    -- By id, not "old_c IS NOT NULL": a row value with any null field (an open effectiveTo) is not "NOT NULL".
    SELECT old_c FROM changed WHERE old_id IS NOT NULL
    UNION ALL
    SELECT new_c FROM changed WHERE new_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER "figures_placement_insert" AFTER INSERT ON "UnitPlacement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_placement_inserted"();
CREATE TRIGGER "figures_placement_update" AFTER UPDATE ON "UnitPlacement" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_placement_updated"();
CREATE TRIGGER "figures_placement_delete" AFTER DELETE ON "UnitPlacement" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_placement_deleted"();

-- Dossier: most updates (answers, declarations, version) change none of the counted columns.
CREATE FUNCTION "figures_dossier_change_of"(sign int, d "Dossier") RETURNS "figure_dossier_change" LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(sign, d."unitId", d."year", d."communeId", d."kind", d."sector", d."exclusionReason" IS NOT NULL, d."state",
    d."state" = 'RETURNED' OR d."reviewRound" > 1, d."registrationLate" OR d."submissionLate")::"figure_dossier_change"
$$;
CREATE FUNCTION "figures_dossier_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_dossiers"(ARRAY(SELECT "figures_dossier_change_of"(1, n) FROM new_rows n));
  RETURN NULL;
END $$;
CREATE FUNCTION "figures_dossier_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_dossiers"(ARRAY(SELECT "figures_dossier_change_of"(-1, o) FROM old_rows o));
  RETURN NULL;
END $$;
CREATE FUNCTION "figures_dossier_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_dossiers"(ARRAY(
    WITH changed AS (
      SELECT "figures_dossier_change_of"(-1, o) AS old_c, "figures_dossier_change_of"(1, n) AS new_c, o."id" AS old_id, n."id" AS new_id
      FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id"
    ), differing AS (
      SELECT * FROM changed
      WHERE old_id IS NULL OR new_id IS NULL
        OR ((old_c)."unitId", (old_c)."year", (old_c)."communeId", (old_c)."kind", (old_c)."sector", (old_c)."excluded", (old_c)."state", (old_c)."returned", (old_c)."late")
           IS DISTINCT FROM ((new_c)."unitId", (new_c)."year", (new_c)."communeId", (new_c)."kind", (new_c)."sector", (new_c)."excluded", (new_c)."state", (new_c)."returned", (new_c)."late")
    )
    SELECT old_c FROM differing WHERE old_id IS NOT NULL
    UNION ALL
    SELECT new_c FROM differing WHERE new_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER "figures_dossier_insert" AFTER INSERT ON "Dossier" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_dossier_inserted"();
CREATE TRIGGER "figures_dossier_update" AFTER UPDATE ON "Dossier" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_dossier_updated"();
CREATE TRIGGER "figures_dossier_delete" AFTER DELETE ON "Dossier" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_dossier_deleted"();

-- Incident: inserted, edited (date, code, commune or unit), deleted.
CREATE FUNCTION "figures_incident_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_incidents"(ARRAY(SELECT ROW(1, n."unitId", n."communeId", n."code", n."occurredOn")::"figure_incident_change" FROM new_rows n));
  RETURN NULL;
END $$;
CREATE FUNCTION "figures_incident_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_incidents"(ARRAY(SELECT ROW(-1, o."unitId", o."communeId", o."code", o."occurredOn")::"figure_incident_change" FROM old_rows o));
  RETURN NULL;
END $$;
CREATE FUNCTION "figures_incident_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "figures_apply_incidents"(ARRAY(
    WITH changed AS (
      SELECT o."id" AS old_id, n."id" AS new_id,
        ROW(-1, o."unitId", o."communeId", o."code", o."occurredOn")::"figure_incident_change" AS old_c,
        ROW(1, n."unitId", n."communeId", n."code", n."occurredOn")::"figure_incident_change" AS new_c
      FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id"
      WHERE o."id" IS NULL OR n."id" IS NULL
        OR (o."unitId", o."communeId", o."code", o."occurredOn") IS DISTINCT FROM (n."unitId", n."communeId", n."code", n."occurredOn")
    )
    SELECT old_c FROM changed WHERE old_id IS NOT NULL
    UNION ALL
    SELECT new_c FROM changed WHERE new_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER "figures_incident_insert" AFTER INSERT ON "Incident" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_incident_inserted"();
CREATE TRIGGER "figures_incident_update" AFTER UPDATE ON "Incident" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_incident_updated"();
CREATE TRIGGER "figures_incident_delete" AFTER DELETE ON "Incident" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_incident_deleted"();

-- Unit: a change of kind or sector moves its incidents between buckets (the incidents' kind and
-- sector filter reads the unit as it is today). Its placements have their own triggers.
CREATE FUNCTION "figures_unit_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IncidentFigure" ("year", "communeId", "code", "unitKind", "unitSector", "incidents")
  SELECT "figures_incident_year"(i."occurredOn"), i."communeId", i."code", x."kind", x."sector", sum(x."sign")::int
  FROM (
    SELECT o."id", -1 AS "sign", o."kind", o."sector" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."kind", o."sector") IS DISTINCT FROM (n."kind", n."sector")
    UNION ALL
    SELECT n."id", 1, n."kind", n."sector" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE (o."kind", o."sector") IS DISTINCT FROM (n."kind", n."sector")
  ) x
  JOIN "Incident" i ON i."unitId" = x."id"
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x."sign") <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("year", "communeId", "code", "unitKind", "unitSector")
    DO UPDATE SET "incidents" = "IncidentFigure"."incidents" + EXCLUDED."incidents";
  RETURN NULL;
END $$;

CREATE TRIGGER "figures_unit_update" AFTER UPDATE ON "Unit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "figures_unit_updated"();

-- Recomputes every figure from the base tables (npm run figures:rebuild), optionally for a new
-- range of years. The EXCLUSIVE lock makes writers' triggers wait: a change committed before it is
-- in the recount, one still running adds its delta to the recount after it commits.
CREATE FUNCTION "figures_rebuild"(from_year int DEFAULT NULL, to_year int DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "UnitFigure", "IncidentFigure", "FigureRange" IN EXCLUSIVE MODE;
  UPDATE "FigureRange" SET "fromYear" = coalesce(from_year, "fromYear"), "toYear" = coalesce(to_year, "toYear") WHERE "id" = 1;
  DELETE FROM "UnitFigure";
  DELETE FROM "IncidentFigure";
  INSERT INTO "UnitFigure" ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT y."year",
    CASE WHEN d."id" IS NULL THEN p."communeId" ELSE d."communeId" END,
    CASE WHEN d."id" IS NULL THEN p."kind" ELSE d."kind" END,
    CASE WHEN d."id" IS NULL THEN p."sector" ELSE d."sector" END,
    CASE WHEN d."id" IS NULL THEN p."exclusionReason" ELSE d."exclusionReason" END IS NOT NULL,
    d."state",
    coalesce(d."state" = 'RETURNED' OR d."reviewRound" > 1, false),
    coalesce(d."registrationLate" OR d."submissionLate", false),
    count(*)::int
  FROM "FigureRange" r
  CROSS JOIN LATERAL generate_series(r."fromYear", r."toYear") AS y("year")
  JOIN "UnitPlacement" p ON p."isActive" AND p."effectiveFrom" <= make_date(y."year", 11, 15)
    AND (p."effectiveTo" IS NULL OR p."effectiveTo" >= make_date(y."year", 11, 15))
  LEFT JOIN "Dossier" d ON d."unitId" = p."unitId" AND d."year" = y."year"
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  -- In key order: a year's rows sit on neighbouring pages, so reading one year touches few.
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO "IncidentFigure" ("year", "communeId", "code", "unitKind", "unitSector", "incidents")
  SELECT "figures_incident_year"(i."occurredOn"), i."communeId", i."code", u."kind", u."sector", count(*)::int
  FROM "Incident" i LEFT JOIN "Unit" u ON u."id" = i."unitId"
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5;
END $$;

SELECT "figures_rebuild"();
ANALYZE "UnitFigure", "IncidentFigure";
