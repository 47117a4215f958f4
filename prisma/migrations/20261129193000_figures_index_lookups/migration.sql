-- The figures' trigger functions (ADR 0025) looked up the changed units' dossiers and placements
-- with plain joins, and PostgreSQL planned them from two bad estimates: "FigureRange" (one row,
-- never analysed: taken for 2,040 rows) and unnest() of the changes (10 rows). At 8× seed:scale it
-- chose a hash join over a sequential scan of every "Dossier" row (and, the estimate passing
-- jit_above_cost, compiled the query with JIT) for each placement change: 47 ms per unit created or
-- moved, and seed:scale fell from 2,700 to 390 rows/s as the table grew; every dossier transition
-- scanned all of "UnitPlacement" the same way. The range is now read by its key (one row, known to
-- be one) and the per-unit lookups are LATERAL with LIMIT 1 — at most one row each: (unitId, year)
-- is unique on "Dossier" and placements never overlap — so each is an index probe whatever the
-- statistics say. Same rows, same terms.

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
    CROSS JOIN (SELECT "fromYear", "toYear" FROM "FigureRange" WHERE "id" = 1) r
    CROSS JOIN LATERAL generate_series(greatest(r."fromYear", extract(year FROM c."effectiveFrom")::int),
      least(r."toYear", coalesce(extract(year FROM c."effectiveTo")::int, r."toYear"))) AS y("year")
    LEFT JOIN LATERAL (
      SELECT d."id", d."communeId", d."kind", d."sector", d."exclusionReason", d."state", d."reviewRound", d."registrationLate", d."submissionLate"
      FROM "Dossier" d WHERE d."unitId" = c."unitId" AND d."year" = y."year" LIMIT 1
    ) d ON true
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
      SELECT c.* FROM unnest(changes) c
      CROSS JOIN (SELECT "fromYear", "toYear" FROM "FigureRange" WHERE "id" = 1) r
      WHERE c."year" BETWEEN r."fromYear" AND r."toYear"
    ), pairs AS (
      SELECT c."unitId", c."year", bool_or(c."sign" < 0) AS "had", bool_or(c."sign" > 0) AS "has" FROM c GROUP BY 1, 2
    ), placed AS (
      SELECT pr."unitId", pr."year", pr."had", pr."has", p."communeId", p."kind", p."sector", p."excluded"
      FROM pairs pr
      JOIN LATERAL (
        SELECT p."communeId", p."kind", p."sector", p."exclusionReason" IS NOT NULL AS "excluded"
        FROM "UnitPlacement" p
        WHERE p."unitId" = pr."unitId" AND p."isActive" AND p."effectiveFrom" <= make_date(pr."year", 11, 15)
          AND (p."effectiveTo" IS NULL OR p."effectiveTo" >= make_date(pr."year", 11, 15))
        LIMIT 1
      ) p ON true
    )
    SELECT ROW(c."year", c."communeId", c."kind", c."sector", c."excluded", c."state", c."returned", c."late", c."sign")::"figure_unit_term"
    FROM c JOIN placed p ON p."unitId" = c."unitId" AND p."year" = c."year"
    UNION ALL
    SELECT ROW(p."year", p."communeId", p."kind", p."sector", p."excluded", NULL::"DossierState", false, false, CASE WHEN p."had" THEN 1 ELSE -1 END)::"figure_unit_term"
    FROM placed p WHERE p."had" <> p."has"));
END $$;
