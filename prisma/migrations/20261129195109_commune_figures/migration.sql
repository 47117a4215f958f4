-- CreateTable
CREATE TABLE "CommuneFigure" (
    "id" BIGSERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "communeId" UUID NOT NULL,
    "kdc" INTEGER NOT NULL,
    "cq" INTEGER NOT NULL,
    "dn" INTEGER NOT NULL,
    "csgd" INTEGER NOT NULL,
    "eligible" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL,
    "recognised" INTEGER NOT NULL,

    CONSTRAINT "CommuneFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommuneFigure_year_communeId_key" ON "CommuneFigure"("year", "communeId");

-- AddForeignKey
ALTER TABLE "CommuneFigure" ADD CONSTRAINT "CommuneFigure_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdministrativeArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────── Hand-written below ─────────────────────────
--
-- The province dashboard's table of communes summed ≈ 20,000 UnitFigure buckets a year at 8×
-- seed:scale (25 ms of the statements' 38 ms p95); its seven counters per commune are kept here
-- instead. `figures_add` writes it in the same statement as UnitFigure and ProvinceFigure, from
-- the same grouped deltas, in key order (the locking order of ADR 0025 stands); a delta that moves
-- none of a commune's counters (a dossier going from REGISTERED to SUBMITTED) takes no lock on it.

CREATE OR REPLACE FUNCTION "figures_add"(terms "figure_unit_term"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(terms) = 0 THEN RETURN; END IF;
  WITH delta AS (
    SELECT t."year", t."communeId", t."kind", t."sector", t."excluded", t."state", t."returned", t."late", sum(t."units")::int AS "units"
    FROM unnest(terms) t GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(t."units") <> 0
  ), unit_rows AS (
    INSERT INTO "UnitFigure" ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late", "units")
    SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("year", "communeId", "kind", "sector", "excluded", "state", "returned", "late")
      DO UPDATE SET "units" = "UnitFigure"."units" + EXCLUDED."units"
  ), commune_delta AS (
    SELECT "year", "communeId",
      coalesce(sum("units") FILTER (WHERE "kind" = 'KDC'), 0)::int AS "kdc",
      coalesce(sum("units") FILTER (WHERE "kind" = 'CQ'), 0)::int AS "cq",
      coalesce(sum("units") FILTER (WHERE "kind" = 'DN'), 0)::int AS "dn",
      coalesce(sum("units") FILTER (WHERE "kind" = 'CSGD'), 0)::int AS "csgd",
      sum("units")::int AS "eligible",
      coalesce(sum("units") FILTER (WHERE "state" <> 'NOT_REGISTERED'), 0)::int AS "registered",
      coalesce(sum("units") FILTER (WHERE "state" = 'RECOGNISED'), 0)::int AS "recognised"
    FROM delta
    WHERE NOT "excluded" AND "kind" IN ('KDC', 'CQ', 'DN', 'CSGD')
    GROUP BY 1, 2
  ), commune_rows AS (
    INSERT INTO "CommuneFigure" ("year", "communeId", "kdc", "cq", "dn", "csgd", "eligible", "registered", "recognised")
    SELECT * FROM commune_delta
    WHERE ("kdc", "cq", "dn", "csgd", "eligible", "registered", "recognised") IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2
    ON CONFLICT ("year", "communeId") DO UPDATE SET
      "kdc" = "CommuneFigure"."kdc" + EXCLUDED."kdc",
      "cq" = "CommuneFigure"."cq" + EXCLUDED."cq",
      "dn" = "CommuneFigure"."dn" + EXCLUDED."dn",
      "csgd" = "CommuneFigure"."csgd" + EXCLUDED."csgd",
      "eligible" = "CommuneFigure"."eligible" + EXCLUDED."eligible",
      "registered" = "CommuneFigure"."registered" + EXCLUDED."registered",
      "recognised" = "CommuneFigure"."recognised" + EXCLUDED."recognised"
  )
  INSERT INTO "ProvinceFigure" ("year", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT "year", "kind", "sector", "excluded", "state", "returned", "late", sum("units")::int
  FROM delta GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("units") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("year", "kind", "sector", "excluded", "state", "returned", "late")
    DO UPDATE SET "units" = "ProvinceFigure"."units" + EXCLUDED."units";
END $$;

-- The commune rollup from UnitFigure, as figures_add would have built it (used by the rebuild and
-- to fill the table once, here).
CREATE FUNCTION "figures_fill_communes"() RETURNS void LANGUAGE sql AS $$
  INSERT INTO "CommuneFigure" ("year", "communeId", "kdc", "cq", "dn", "csgd", "eligible", "registered", "recognised")
  SELECT "year", "communeId",
    coalesce(sum("units") FILTER (WHERE "kind" = 'KDC'), 0)::int,
    coalesce(sum("units") FILTER (WHERE "kind" = 'CQ'), 0)::int,
    coalesce(sum("units") FILTER (WHERE "kind" = 'DN'), 0)::int,
    coalesce(sum("units") FILTER (WHERE "kind" = 'CSGD'), 0)::int,
    sum("units")::int,
    coalesce(sum("units") FILTER (WHERE "state" <> 'NOT_REGISTERED'), 0)::int,
    coalesce(sum("units") FILTER (WHERE "state" = 'RECOGNISED'), 0)::int
  FROM "UnitFigure"
  WHERE NOT "excluded" AND "kind" IN ('KDC', 'CQ', 'DN', 'CSGD')
  GROUP BY 1, 2
  ORDER BY 1, 2;
$$;

CREATE OR REPLACE FUNCTION "figures_rebuild"(from_year int DEFAULT NULL, to_year int DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "UnitFigure", "CommuneFigure", "ProvinceFigure", "IncidentFigure", "FigureRange" IN EXCLUSIVE MODE;
  UPDATE "FigureRange" SET "fromYear" = coalesce(from_year, "fromYear"), "toYear" = coalesce(to_year, "toYear") WHERE "id" = 1;
  DELETE FROM "UnitFigure";
  DELETE FROM "CommuneFigure";
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
  PERFORM "figures_fill_communes"();
  INSERT INTO "ProvinceFigure" ("year", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT "year", "kind", "sector", "excluded", "state", "returned", "late", sum("units")::int
  FROM "UnitFigure" GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO "IncidentFigure" ("year", "communeId", "code", "unitKind", "unitSector", "incidents")
  SELECT "figures_incident_year"(i."occurredOn"), i."communeId", i."code", u."kind", u."sector", count(*)::int
  FROM "Incident" i LEFT JOIN "Unit" u ON u."id" = i."unitId"
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5;
END $$;

SELECT "figures_fill_communes"();
