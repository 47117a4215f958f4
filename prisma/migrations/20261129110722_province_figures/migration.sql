-- The province rollup of UnitFigure (ADR 0025, issue 12 §1): the generated statements first, then
-- by hand: NULLS NOT DISTINCT on its key, the two apply functions now writing UnitFigure AND
-- ProvinceFigure in ONE statement from the same deltas, and the rebuild filling it too.

-- CreateTable
CREATE TABLE "ProvinceFigure" (
    "id" BIGSERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "sector" "Sector",
    "excluded" BOOLEAN NOT NULL,
    "state" "DossierState",
    "returned" BOOLEAN NOT NULL,
    "late" BOOLEAN NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "ProvinceFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProvinceFigure_year_kind_sector_excluded_state_returned_lat_key" ON "ProvinceFigure"("year", "kind", "sector", "excluded", "state", "returned", "late") NULLS NOT DISTINCT;

-- ───────────────────────── Hand-written below ─────────────────────────
--
-- Why one statement: ProvinceFigure's rows are shared by every writer of the province. Each apply
-- function adds its deltas to both tables in a single INSERT … ON CONFLICT per table inside one
-- statement (a data-modifying CTE), each in key order, so every transition takes its province
-- locks in one sorted pass. Feeding ProvinceFigure from triggers on UnitFigure instead would fire
-- two statement triggers per upsert (inserted rows, updated rows), and two writers moving in
-- opposite directions could lock two buckets in crossed order.

CREATE OR REPLACE FUNCTION "figures_apply_placements"(changes "figure_placement_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN RETURN; END IF;
  WITH k AS (
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
  ), delta AS (
    SELECT k."year", k."communeId", k."kind", k."sector", k."excluded", k."state", k."returned", k."late", sum(k."sign")::int AS "units"
    FROM k GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(k."sign") <> 0
  ), unit_rows AS (
    INSERT INTO "UnitFigure" ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late", "units")
    SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late")
      DO UPDATE SET "units" = "UnitFigure"."units" + EXCLUDED."units"
  )
  INSERT INTO "ProvinceFigure" ("year", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT "year", "kind", "sector", "excluded", "state", "returned", "late", sum("units")::int
  FROM delta GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("units") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("year", "kind", "sector", "excluded", "state", "returned", "late")
    DO UPDATE SET "units" = "ProvinceFigure"."units" + EXCLUDED."units";
END $$;

CREATE OR REPLACE FUNCTION "figures_apply_dossiers"(changes "figure_dossier_change"[]) RETURNS void LANGUAGE plpgsql AS $$
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
  ), delta AS (
    SELECT k."year", k."communeId", k."kind", k."sector", k."excluded", k."state", k."returned", k."late", sum(k."sign")::int AS "units"
    FROM k GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(k."sign") <> 0
  ), unit_rows AS (
    INSERT INTO "UnitFigure" ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late", "units")
    SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late")
      DO UPDATE SET "units" = "UnitFigure"."units" + EXCLUDED."units"
  )
  INSERT INTO "ProvinceFigure" ("year", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT "year", "kind", "sector", "excluded", "state", "returned", "late", sum("units")::int
  FROM delta GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("units") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("year", "kind", "sector", "excluded", "state", "returned", "late")
    DO UPDATE SET "units" = "ProvinceFigure"."units" + EXCLUDED."units";
END $$;

-- The rebuild as before, then the province rollup summed from the fresh UnitFigure.
CREATE OR REPLACE FUNCTION "figures_rebuild"(from_year int DEFAULT NULL, to_year int DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "UnitFigure", "ProvinceFigure", "IncidentFigure", "FigureRange" IN EXCLUSIVE MODE;
  UPDATE "FigureRange" SET "fromYear" = coalesce(from_year, "fromYear"), "toYear" = coalesce(to_year, "toYear") WHERE "id" = 1;
  DELETE FROM "UnitFigure";
  DELETE FROM "ProvinceFigure";
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
  INSERT INTO "ProvinceFigure" ("year", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT "year", "kind", "sector", "excluded", "state", "returned", "late", sum("units")::int
  FROM "UnitFigure" GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO "IncidentFigure" ("year", "communeId", "code", "unitKind", "unitSector", "incidents")
  SELECT "figures_incident_year"(i."occurredOn"), i."communeId", i."code", u."kind", u."sector", count(*)::int
  FROM "Incident" i LEFT JOIN "Unit" u ON u."id" = i."unitId"
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5;
END $$;

-- Fill the rollup from what UnitFigure holds now (it is exact: the triggers kept it).
INSERT INTO "ProvinceFigure" ("year", "kind", "sector", "excluded", "state", "returned", "late", "units")
SELECT "year", "kind", "sector", "excluded", "state", "returned", "late", sum("units")::int
FROM "UnitFigure" GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7;
ANALYZE "ProvinceFigure";
