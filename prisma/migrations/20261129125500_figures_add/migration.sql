-- One writer of the unit figures (ADR 0025 and its addendum): `figures_add` adds signed unit
-- counts to UnitFigure and its province rollup ProvinceFigure. The two apply functions
-- (placements, dossiers) each ended with the same delta → upsert UnitFigure → upsert
-- ProvinceFigure tail; they now compute their signed terms and hand them to it. Hand-written (no
-- schema change); the bodies of the earlier migrations are replaced, never edited.
--
-- The locking order is unchanged: one statement (a data-modifying CTE) upserts both tables, each in
-- key order, from the same grouped deltas, so a transition still takes its province-wide locks in
-- one sorted pass.

-- A signed count of units in one bucket of UnitFigure (its key, then +n / -n).
CREATE TYPE "figure_unit_term" AS ("year" int, "communeId" uuid, "kind" "UnitKind", "sector" "Sector", "excluded" boolean, "state" "DossierState", "returned" boolean, "late" boolean, "units" int);

CREATE FUNCTION "figures_add"(terms "figure_unit_term"[]) RETURNS void LANGUAGE plpgsql AS $$
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
  )
  INSERT INTO "ProvinceFigure" ("year", "kind", "sector", "excluded", "state", "returned", "late", "units")
  SELECT "year", "kind", "sector", "excluded", "state", "returned", "late", sum("units")::int
  FROM delta GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("units") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("year", "kind", "sector", "excluded", "state", "returned", "late")
    DO UPDATE SET "units" = "ProvinceFigure"."units" + EXCLUDED."units";
END $$;

-- Placements added (+1) or removed (-1): each counts for the years whose 15/11 it covers.
CREATE OR REPLACE FUNCTION "figures_apply_placements"(changes "figure_placement_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN RETURN; END IF;
  PERFORM "figures_add"(ARRAY(
    SELECT ROW(y."year",
      CASE WHEN d."id" IS NULL THEN c."communeId" ELSE d."communeId" END,
      CASE WHEN d."id" IS NULL THEN c."kind" ELSE d."kind" END,
      CASE WHEN d."id" IS NULL THEN c."sector" ELSE d."sector" END,
      CASE WHEN d."id" IS NULL THEN c."excluded" ELSE d."exclusionReason" IS NOT NULL END,
      d."state",
      coalesce(d."state" = 'RETURNED' OR d."reviewRound" > 1, false),
      coalesce(d."registrationLate" OR d."submissionLate", false),
      c."sign")::"figure_unit_term"
    FROM unnest(changes) c
    CROSS JOIN "FigureRange" r
    CROSS JOIN LATERAL generate_series(greatest(r."fromYear", extract(year FROM c."effectiveFrom")::int),
      least(r."toYear", coalesce(extract(year FROM c."effectiveTo")::int, r."toYear"))) AS y("year")
    LEFT JOIN "Dossier" d ON d."unitId" = c."unitId" AND d."year" = y."year"
    WHERE c."isActive" AND make_date(y."year", 11, 15) >= c."effectiveFrom"
      AND (c."effectiveTo" IS NULL OR make_date(y."year", 11, 15) <= c."effectiveTo")));
END $$;

-- Dossiers as they were (-1) and as they are (+1). A (unit, year) that had no dossier before, or
-- has none after, counted / counts where its placement puts it: that term is moved too.
CREATE OR REPLACE FUNCTION "figures_apply_dossiers"(changes "figure_dossier_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN RETURN; END IF;
  PERFORM "figures_add"(ARRAY(
    WITH c AS (
      SELECT c.* FROM unnest(changes) c CROSS JOIN "FigureRange" r WHERE c."year" BETWEEN r."fromYear" AND r."toYear"
    ), pairs AS (
      SELECT c."unitId", c."year", bool_or(c."sign" < 0) AS "had", bool_or(c."sign" > 0) AS "has" FROM c GROUP BY 1, 2
    ), placed AS (
      SELECT pr."unitId", pr."year", pr."had", pr."has", p."communeId", p."kind", p."sector", p."exclusionReason" IS NOT NULL AS "excluded"
      FROM pairs pr
      JOIN "UnitPlacement" p ON p."unitId" = pr."unitId" AND p."isActive" AND p."effectiveFrom" <= make_date(pr."year", 11, 15)
        AND (p."effectiveTo" IS NULL OR p."effectiveTo" >= make_date(pr."year", 11, 15))
    )
    SELECT ROW(c."year", c."communeId", c."kind", c."sector", c."excluded", c."state", c."returned", c."late", c."sign")::"figure_unit_term"
    FROM c JOIN placed p ON p."unitId" = c."unitId" AND p."year" = c."year"
    UNION ALL
    SELECT ROW(p."year", p."communeId", p."kind", p."sector", p."excluded", NULL::"DossierState", false, false, CASE WHEN p."had" THEN 1 ELSE -1 END)::"figure_unit_term"
    FROM placed p WHERE p."had" <> p."has"));
END $$;
