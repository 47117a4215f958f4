/**
 * The leadership dashboard's figures (contract: ./dashboard-types.ts), aggregated in the database.
 *
 * Since issue 12 §1 the figures are READ, not recomputed: `UnitFigure` and `IncidentFigure` hold
 * the counts per year, commune, kind, sector, excluded, dossier state and flags, kept by database
 * triggers in the same transaction as every change that moves them (ADR 0025, migration
 * …_maintained_figures). Every dashboard figure is a sum over at most a few thousand of their rows.
 * `liveDashboardStatements` keeps the former statements over the base tables: they count a year
 * the figures do not hold (outside `FigureRange`), and they are the oracle the maintained figures
 * are tested against (tests/integration/maintained-figures.test.ts).
 *
 * `getDashboard` reads the range (one row), then runs FOUR statements, independent of each other
 * and issued in parallel (one per pool connection on PostgreSQL; PGlite serialises them): headline
 * + funnel, the communes table, incidents, the five-year trend. `getCommuneDrilldown` runs ONE,
 * over the base tables (it lists units, which no figure holds). Only the commune rows are sorted
 * here (Vietnamese collation, see below).
 *
 * Every statement is a `Prisma.sql` tagged template: values travel as bind parameters, and the
 * optional filters are composed as parameterised fragments (not `$n IS NULL OR …`, which would
 * stop PostgreSQL's generic plans from using the indexes). `dashboardStatements` is exported so
 * the raw-SQL twin (./dashboard-queries.raw.ts) runs exactly the same text through `pg`, and the
 * benchmark measures only what the use-case adds.
 *
 * Definitions (issue 5; domain spec §1.6, §2.2):
 * - unitsByKind / excluded: ACTIVE units; eligible = active and no exclusion reason. Every dossier
 *   figure counts the dossiers of eligible units only.
 * - registered: the year's dossier in any state but NOT_REGISTERED (no dossier = not registered);
 *   submitted: ever submitted (SUBMITTED … REVOKED, RETURNED included); returned: state RETURNED
 *   or reviewRound > 1 (returned at least once); late: registrationLate OR submissionLate.
 * - communes: every COMMUNE area, even with no unit; it counts the KDC, CQ, DN and CSGD located in
 *   the commune (Unit.communeId), active and not excluded — never the XA unit itself. XA-4 is
 *   `registered = eligible AND recognised*10 >= eligible*7` in integers; a commune with nothing to
 *   count meets it vacuously (0 of 0).
 * - incidents: occurredOn within 16/11 of Y-1 … 15/11 of Y (Đ8 k2 window of XA, CQDN and CSGD),
 *   used for every kind, KDC included, so a count never depends on which unit declared it; all
 *   incidents count (force majeure too: the dashboard shows what happened, the engine judges it).
 *   With a kind or sector filter only incidents attached to a unit of that kind/sector count.
 * - trend: the five years ending at filters.year, each counted like the headline of that year; a
 *   year with no dossier in scope gives all zeros (the cycle was not run in the application then).
 *
 * A year is counted as it was (ADR 0009), never with today's registry: the units of year Y are
 * those whose placement (UnitPlacement) valid on 15/11 of Y — the end of the Đ8 k2 window — is
 * active, each where that placement puts it (commune, kind, sector, exclusion), except that a unit
 * with a dossier of Y counts where its dossier froze it at registration, so a unit is counted once
 * and a commune's numerator never holds a unit its denominator lacks. Moving a unit today changes
 * no figure of a year whose 15/11 has passed.
 */
import { evaluationWindow } from "@/lib/criteria/window";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { Sector as SectorEnum, type Sector, type UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { INCIDENT_CODES, UNIT_KINDS, type IncidentCode } from "@/lib/domain/vocabulary";
import { yearReferenceDate } from "@/lib/registry/placement-rules";
import { DOSSIER_STATES, SUBMITTED_STATES, type DossierState } from "@/lib/workflow/dossier-states";
import type { CommuneRow, DashboardData, DashboardFilters, DrilldownUnit, Funnel, HeadlineFigures, IncidentCount, TrendPoint } from "./dashboard-types";

/** States a dossier can only reach by having been submitted at least once (the transition table's). */
export { SUBMITTED_STATES };
/** Kinds counted in a commune's XA-4 (Đ5 k4): everything the commune manages but itself. */
export const COMMUNE_MANAGED_KINDS = ["KDC", "CQ", "DN", "CSGD"] as const satisfies readonly UnitKind[];
/** Years shown by the trend, ending with the filter year. */
export const TREND_YEARS = 5;

const SECTORS: readonly string[] = Object.values(SectorEnum);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The evaluation window the dashboard counts incidents in, as ISO dates (inclusive). */
export function incidentWindow(year: number): { from: string; to: string } {
  return evaluationWindow("XA", year);
}

/** Refuses filters the database would choke on (a non-uuid commune id, an unknown enum value). */
export function checkFilters(filters: DashboardFilters): void {
  if (!Number.isInteger(filters.year) || filters.year < 2000 || filters.year > 2100) throw new RangeError(`Năm không hợp lệ: ${filters.year}`);
  if (filters.communeId !== undefined && !UUID.test(filters.communeId)) throw new RangeError("Mã xã không hợp lệ.");
  if (filters.kind !== undefined && !UNIT_KINDS.includes(filters.kind)) throw new RangeError(`Loại đơn vị không hợp lệ: ${filters.kind}`);
  if (filters.sector !== undefined && !SECTORS.includes(filters.sector)) throw new RangeError(`Lĩnh vực không hợp lệ: ${filters.sector}`);
}

/**
 * The units of year Y as counted (see above), one row each with its dossier of Y if any:
 * `SELECT … FROM ${yearUnits(Y)} u` exposes id, communeId, kind, sector, exclusionReason,
 * dossierId, state, reviewRound, registrationLate, submissionLate, decisionId.
 */
export function yearUnits(year: number): Prisma.Sql {
  const ref = yearReferenceDate(year);
  return Prisma.sql`(
    SELECT
      p."unitId" AS "id",
      CASE WHEN d."id" IS NULL THEN p."communeId" ELSE d."communeId" END AS "communeId",
      CASE WHEN d."id" IS NULL THEN p."kind" ELSE d."kind" END AS "kind",
      CASE WHEN d."id" IS NULL THEN p."sector" ELSE d."sector" END AS "sector",
      CASE WHEN d."id" IS NULL THEN p."exclusionReason" ELSE d."exclusionReason" END AS "exclusionReason",
      d."id" AS "dossierId", d."state", d."reviewRound", d."registrationLate", d."submissionLate", d."decisionId"
    FROM "UnitPlacement" p
    LEFT JOIN "Dossier" d ON d."unitId" = p."unitId" AND d."year" = ${year}::int
    WHERE p."isActive" AND p."effectiveFrom" <= ${ref}::date AND (p."effectiveTo" IS NULL OR p."effectiveTo" >= ${ref}::date)
  )`;
}

/** `AND …` fragments narrowing units aliased `u` to the filters (commune, kind, sector). */
function unitFilter(filters: Omit<DashboardFilters, "year">): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.communeId) parts.push(Prisma.sql`AND u."communeId" = ${filters.communeId}::uuid`);
  if (filters.kind) parts.push(Prisma.sql`AND u."kind" = ${filters.kind}::"UnitKind"`);
  if (filters.sector) parts.push(Prisma.sql`AND u."sector" = ${filters.sector}::"Sector"`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

const SUBMITTED_SQL = Prisma.raw(SUBMITTED_STATES.map((s) => `'${s}'`).join(", "));
/**
 * Each dossier state as an SQL literal, taken from lib/workflow's list: the statements name
 * `S.RECOGNISED`, never a quoted string, so a state renamed or removed there fails to compile here.
 */
const S = Object.fromEntries(DOSSIER_STATES.map((s) => [s, Prisma.raw(`'${s}'`)])) as Record<DossierState, Prisma.Sql>;

/** The years the maintained figures hold (`FigureRange`); null when it has no row. */
export type FigureYears = { fromYear: number; toYear: number } | null;

export async function figureYears(prisma: PrismaClient): Promise<FigureYears> {
  const rows = await prisma.$queryRaw<{ fromYear: number; toYear: number }[]>`SELECT "fromYear", "toYear" FROM "FigureRange" WHERE "id" = 1`;
  return rows[0] ? { fromYear: Number(rows[0].fromYear), toYear: Number(rows[0].toYear) } : null;
}

/** Whether the maintained figures hold `year`. */
export function figuresHold(range: FigureYears, year: number): boolean {
  return range !== null && year >= range.fromYear && year <= range.toYear;
}

export type DashboardStatements = { headline: Prisma.Sql; communes: Prisma.Sql; incidents: Prisma.Sql; trend: Prisma.Sql };

/**
 * The four statements over the base tables (placements, dossiers, incidents): what the dashboard
 * ran before the figures were maintained, kept as the fallback for years outside `FigureRange`
 * and as the oracle of the equivalence test.
 */
export function liveDashboardStatements(filters: DashboardFilters): DashboardStatements {
  checkFilters(filters);
  const { year } = filters;
  const where = unitFilter(filters);

  // Headline and funnel: every unit of the year in scope, its dossier of the year if any.
  const headline = Prisma.sql`
    SELECT
      count(*) FILTER (WHERE u."kind" = 'KDC')::int AS "KDC",
      count(*) FILTER (WHERE u."kind" = 'XA')::int AS "XA",
      count(*) FILTER (WHERE u."kind" = 'CQ')::int AS "CQ",
      count(*) FILTER (WHERE u."kind" = 'DN')::int AS "DN",
      count(*) FILTER (WHERE u."kind" = 'CSGD')::int AS "CSGD",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL)::int AS "eligible",
      count(*) FILTER (WHERE u."exclusionReason" IS NOT NULL)::int AS "excluded",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL AND u."state" <> ${S.NOT_REGISTERED})::int AS "registered",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL AND u."state" IN (${SUBMITTED_SQL}))::int AS "submitted",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL AND (u."state" = ${S.RETURNED} OR u."reviewRound" > 1))::int AS "returned",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL AND u."state" = ${S.RECOGNISED})::int AS "recognised",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL AND u."state" = ${S.NOT_RECOGNISED})::int AS "notRecognised",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL AND u."state" = ${S.REVOKED})::int AS "revoked",
      count(*) FILTER (WHERE u."exclusionReason" IS NULL AND (u."registrationLate" OR u."submissionLate"))::int AS "late"
    FROM ${yearUnits(year)} u
    WHERE true ${where}`;

  // Communes table: aggregate the managed units per commune, then attach to every commune area.
  const communeArea = filters.communeId ? Prisma.sql`AND a."id" = ${filters.communeId}::uuid` : Prisma.empty;
  const communes = Prisma.sql`
    WITH per_commune AS (
      SELECT
        u."communeId",
        count(*) FILTER (WHERE u."kind" = 'KDC')::int AS "kdc",
        count(*) FILTER (WHERE u."kind" = 'CQ')::int AS "cq",
        count(*) FILTER (WHERE u."kind" = 'DN')::int AS "dn",
        count(*) FILTER (WHERE u."kind" = 'CSGD')::int AS "csgd",
        count(*)::int AS "eligible",
        count(*) FILTER (WHERE u."state" <> ${S.NOT_REGISTERED})::int AS "registered",
        count(*) FILTER (WHERE u."state" = ${S.RECOGNISED})::int AS "recognised"
      FROM ${yearUnits(year)} u
      WHERE u."exclusionReason" IS NULL AND u."kind" IN ('KDC', 'CQ', 'DN', 'CSGD') ${where}
      GROUP BY u."communeId"
    )
    SELECT
      a."id"::text AS "communeId",
      a."name",
      coalesce(p."kdc", 0) AS "kdc",
      coalesce(p."cq", 0) AS "cq",
      coalesce(p."dn", 0) AS "dn",
      coalesce(p."csgd", 0) AS "csgd",
      coalesce(p."eligible", 0) AS "eligible",
      coalesce(p."registered", 0) AS "registered",
      coalesce(p."recognised", 0) AS "recognised",
      (coalesce(p."registered", 0) = coalesce(p."eligible", 0)
        AND coalesce(p."recognised", 0) * 10 >= coalesce(p."eligible", 0) * 7) AS "meetsCommuneCriterion"
    FROM "AdministrativeArea" a
    LEFT JOIN per_commune p ON p."communeId" = a."id"
    WHERE a."level" = 'COMMUNE' ${communeArea}`;

  // Incidents of the year's window by code and commune. Kind/sector need the declaring unit.
  const window = incidentWindow(year);
  const byUnit = filters.kind || filters.sector;
  const incidents = Prisma.sql`
    SELECT i."code", i."communeId"::text AS "communeId", a."name" AS "communeName", count(*)::int AS "count"
    FROM "Incident" i
    JOIN "AdministrativeArea" a ON a."id" = i."communeId"
    ${byUnit ? Prisma.sql`JOIN "Unit" u ON u."id" = i."unitId"` : Prisma.empty}
    WHERE i."occurredOn" BETWEEN ${window.from}::date AND ${window.to}::date
      ${filters.communeId ? Prisma.sql`AND i."communeId" = ${filters.communeId}::uuid` : Prisma.empty}
      ${byUnit ? unitFilter({ kind: filters.kind, sector: filters.sector }) : Prisma.empty}
    GROUP BY i."code", i."communeId", a."name"`;

  // Trend: each year counted like its headline (its own reference date and frozen dossiers).
  const first = year - (TREND_YEARS - 1);
  const years = Array.from({ length: TREND_YEARS }, (_, i) => first + i);
  const perYear = Prisma.join(
    years.map((y) => liveTrendYear(y, where)),
    " UNION ALL ",
  );
  const trend = Prisma.sql`SELECT * FROM (${perYear}) t ORDER BY t."year"`;

  return { headline, communes, incidents, trend };
}

function liveTrendYear(y: number, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT
      ${y}::int AS "year",
      CASE WHEN count(u."dossierId") = 0 THEN 0 ELSE count(*) END::int AS "eligible",
      count(*) FILTER (WHERE u."state" <> ${S.NOT_REGISTERED})::int AS "registered",
      count(*) FILTER (WHERE u."state" = ${S.RECOGNISED})::int AS "recognised"
    FROM ${yearUnits(y)} u
    WHERE u."exclusionReason" IS NULL ${where}`;
}

/** The trend's row for year `y` over the maintained figures (the live row's columns and meaning). */
function figureTrendYear(y: number, where: Prisma.Sql, table: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT
      ${y}::int AS "year",
      CASE WHEN coalesce(sum(u."units") FILTER (WHERE u."state" IS NOT NULL), 0) = 0 THEN 0 ELSE coalesce(sum(u."units"), 0) END::int AS "eligible",
      coalesce(sum(u."units") FILTER (WHERE u."state" <> ${S.NOT_REGISTERED}), 0)::int AS "registered",
      coalesce(sum(u."units") FILTER (WHERE u."state" = ${S.RECOGNISED}), 0)::int AS "recognised"
    FROM ${table} u
    WHERE u."year" = ${y}::int AND NOT u."excluded" ${where}`;
}

/** `coalesce(sum(units) FILTER (WHERE not excluded AND cond), 0)` — a dossier figure of eligible units. */
function eligibleSum(cond: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce(sum(u."units") FILTER (WHERE NOT u."excluded" AND ${cond}), 0)::int`;
}

/**
 * The four statements of `getDashboard`, in a fixed order: over the maintained figures for the
 * years `range` holds, the live statements for a year it does not (the trend year by year).
 * `UnitFigure` is aliased `u` like `yearUnits`, so the filters are the same fragments. A
 * `state` of null is a unit with no dossier of the year: `<>` and `IN` leave it out, as they do
 * the live query's missing dossier.
 */
export function dashboardStatements(filters: DashboardFilters, range: FigureYears): DashboardStatements {
  checkFilters(filters);
  const { year } = filters;
  const where = unitFilter(filters);
  const live = liveDashboardStatements(filters);
  // Without a commune the headline and the trend sum the province rollup (a few hundred rows a
  // year instead of one per commune and bucket): the same columns but the commune (ADR 0025).
  const figureTable = filters.communeId ? Prisma.sql`"UnitFigure"` : Prisma.sql`"ProvinceFigure"`;

  const headline = figuresHold(range, year)
    ? Prisma.sql`
    SELECT
      coalesce(sum(u."units") FILTER (WHERE u."kind" = 'KDC'), 0)::int AS "KDC",
      coalesce(sum(u."units") FILTER (WHERE u."kind" = 'XA'), 0)::int AS "XA",
      coalesce(sum(u."units") FILTER (WHERE u."kind" = 'CQ'), 0)::int AS "CQ",
      coalesce(sum(u."units") FILTER (WHERE u."kind" = 'DN'), 0)::int AS "DN",
      coalesce(sum(u."units") FILTER (WHERE u."kind" = 'CSGD'), 0)::int AS "CSGD",
      coalesce(sum(u."units") FILTER (WHERE NOT u."excluded"), 0)::int AS "eligible",
      coalesce(sum(u."units") FILTER (WHERE u."excluded"), 0)::int AS "excluded",
      ${eligibleSum(Prisma.sql`u."state" <> ${S.NOT_REGISTERED}`)} AS "registered",
      ${eligibleSum(Prisma.sql`u."state" IN (${SUBMITTED_SQL})`)} AS "submitted",
      ${eligibleSum(Prisma.sql`u."returned"`)} AS "returned",
      ${eligibleSum(Prisma.sql`u."state" = ${S.RECOGNISED}`)} AS "recognised",
      ${eligibleSum(Prisma.sql`u."state" = ${S.NOT_RECOGNISED}`)} AS "notRecognised",
      ${eligibleSum(Prisma.sql`u."state" = ${S.REVOKED}`)} AS "revoked",
      ${eligibleSum(Prisma.sql`u."late"`)} AS "late"
    FROM ${figureTable} u
    WHERE u."year" = ${year}::int ${where}`
    : live.headline;

  const communeArea = filters.communeId ? Prisma.sql`AND a."id" = ${filters.communeId}::uuid` : Prisma.empty;
  // Without a kind or sector filter the commune rollup holds the seven counters ready (one row a
  // commune and year instead of ≈ 25 buckets to sum; migration …_commune_figures).
  const perCommune =
    filters.kind || filters.sector
      ? null
      : Prisma.sql`
    SELECT c."communeId", c."kdc", c."cq", c."dn", c."csgd", c."eligible", c."registered", c."recognised"
    FROM "CommuneFigure" c
    WHERE c."year" = ${year}::int ${filters.communeId ? Prisma.sql`AND c."communeId" = ${filters.communeId}::uuid` : Prisma.empty}`;
  const communes = figuresHold(range, year)
    ? Prisma.sql`
    WITH per_commune AS ${perCommune ? Prisma.sql`(${perCommune})` : Prisma.sql`(
      SELECT
        u."communeId",
        coalesce(sum(u."units") FILTER (WHERE u."kind" = 'KDC'), 0)::int AS "kdc",
        coalesce(sum(u."units") FILTER (WHERE u."kind" = 'CQ'), 0)::int AS "cq",
        coalesce(sum(u."units") FILTER (WHERE u."kind" = 'DN'), 0)::int AS "dn",
        coalesce(sum(u."units") FILTER (WHERE u."kind" = 'CSGD'), 0)::int AS "csgd",
        sum(u."units")::int AS "eligible",
        coalesce(sum(u."units") FILTER (WHERE u."state" <> ${S.NOT_REGISTERED}), 0)::int AS "registered",
        coalesce(sum(u."units") FILTER (WHERE u."state" = ${S.RECOGNISED}), 0)::int AS "recognised"
      FROM "UnitFigure" u
      WHERE u."year" = ${year}::int AND NOT u."excluded" AND u."kind" IN ('KDC', 'CQ', 'DN', 'CSGD') ${where}
      GROUP BY u."communeId"
    )`}
    SELECT
      a."id"::text AS "communeId",
      a."name",
      coalesce(p."kdc", 0) AS "kdc",
      coalesce(p."cq", 0) AS "cq",
      coalesce(p."dn", 0) AS "dn",
      coalesce(p."csgd", 0) AS "csgd",
      coalesce(p."eligible", 0) AS "eligible",
      coalesce(p."registered", 0) AS "registered",
      coalesce(p."recognised", 0) AS "recognised",
      (coalesce(p."registered", 0) = coalesce(p."eligible", 0)
        AND coalesce(p."recognised", 0) * 10 >= coalesce(p."eligible", 0) * 7) AS "meetsCommuneCriterion"
    FROM "AdministrativeArea" a
    LEFT JOIN per_commune p ON p."communeId" = a."id"
    WHERE a."level" = 'COMMUNE' ${communeArea}`
    : live.communes;

  // Incidents are kept for every year (a date has exactly one evaluation year): never out of range.
  // A bucket whose incidents were all deleted or moved stays at 0: HAVING leaves it out.
  const incidents = Prisma.sql`
    SELECT i."code", i."communeId"::text AS "communeId", a."name" AS "communeName", sum(i."incidents")::int AS "count"
    FROM "IncidentFigure" i
    JOIN "AdministrativeArea" a ON a."id" = i."communeId"
    WHERE i."year" = ${year}::int
      ${filters.communeId ? Prisma.sql`AND i."communeId" = ${filters.communeId}::uuid` : Prisma.empty}
      ${filters.kind ? Prisma.sql`AND i."unitKind" = ${filters.kind}::"UnitKind"` : Prisma.empty}
      ${filters.sector ? Prisma.sql`AND i."unitSector" = ${filters.sector}::"Sector"` : Prisma.empty}
    GROUP BY i."code", i."communeId", a."name"
    HAVING sum(i."incidents") > 0`;

  const first = year - (TREND_YEARS - 1);
  const perYear = Prisma.join(
    Array.from({ length: TREND_YEARS }, (_, i) => first + i).map((y) => (figuresHold(range, y) ? figureTrendYear(y, where, figureTable) : liveTrendYear(y, where))),
    " UNION ALL ",
  );
  const trend = Prisma.sql`SELECT * FROM (${perYear}) t ORDER BY t."year"`;

  return { headline, communes, incidents, trend };
}

type HeadlineRow = Record<UnitKind, number> & Omit<HeadlineFigures, "unitsByKind"> & { returned: number };
type CommuneSqlRow = Omit<CommuneRow, "atRisk">;

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/**
 * At-risk first, then by recognised share ascending (compared exactly, by cross-multiplication;
 * a commune with nothing to count sorts after the others of its group), then by name.
 */
export function compareCommuneRows(a: CommuneRow, b: CommuneRow): number {
  if (a.atRisk !== b.atRisk) return a.atRisk ? -1 : 1;
  if (a.eligible === 0 || b.eligible === 0) {
    if (a.eligible !== b.eligible) return a.eligible === 0 ? 1 : -1;
  } else {
    const diff = a.recognised * b.eligible - b.recognised * a.eligible;
    if (diff !== 0) return diff;
  }
  return collator.compare(a.name, b.name);
}

const EVERY_YEAR: FigureYears = { fromYear: Number.MIN_SAFE_INTEGER, toYear: Number.MAX_SAFE_INTEGER };

function sameStatements(a: DashboardStatements, b: DashboardStatements): boolean {
  const same = (x: Prisma.Sql, y: Prisma.Sql) => x.sql === y.sql && x.values.length === y.values.length && x.values.every((v, i) => v === y.values[i]);
  return same(a.headline, b.headline) && same(a.communes, b.communes) && same(a.incidents, b.incidents) && same(a.trend, b.trend);
}

/** The whole dashboard for a year and filters; LEADER, ADMIN and the provincial police. */
export async function getDashboard(prisma: PrismaClient, actor: Actor | null, filters: DashboardFilters): Promise<DashboardData> {
  authorize(actor, { action: "province.read" });
  checkFilters(filters);
  const run = (statements: DashboardStatements) =>
    Promise.all([
      prisma.$queryRaw<HeadlineRow[]>(statements.headline),
      prisma.$queryRaw<CommuneSqlRow[]>(statements.communes),
      prisma.$queryRaw<IncidentCount[]>(statements.incidents),
      prisma.$queryRaw<TrendPoint[]>(statements.trend),
    ]);
  // The figures hold every year the product runs, so the maintained statements are asked for in
  // the same round trip as the range that decides between them and the live ones; in the rare
  // case the range says otherwise, the statements it decides are run instead. One round trip
  // fewer: the commune dashboard took 6.6 ms (p95) against 2.5 ms for its raw SQL at 8×.
  const assumed = dashboardStatements(filters, EVERY_YEAR);
  const [range, assumedRows] = await Promise.all([figureYears(prisma), run(assumed)]);
  const statements = dashboardStatements(filters, range);
  const [headlineRows, communeRows, incidentRows, trendRows] = sameStatements(statements, assumed) ? assumedRows : await run(statements);

  const h = headlineRows[0]!;
  const unitsByKind = Object.fromEntries(UNIT_KINDS.map((k) => [k, Number(h[k])])) as Record<UnitKind, number>;
  const headline: HeadlineFigures = {
    unitsByKind,
    eligible: Number(h.eligible),
    excluded: Number(h.excluded),
    registered: Number(h.registered),
    submitted: Number(h.submitted),
    recognised: Number(h.recognised),
    notRecognised: Number(h.notRecognised),
    revoked: Number(h.revoked),
    late: Number(h.late),
  };
  const funnel: Funnel = { registered: headline.registered, submitted: headline.submitted, returned: Number(h.returned), recognised: headline.recognised };

  const communes: CommuneRow[] = communeRows
    .map((r) => ({
      communeId: r.communeId,
      name: r.name,
      kdc: Number(r.kdc),
      cq: Number(r.cq),
      dn: Number(r.dn),
      csgd: Number(r.csgd),
      eligible: Number(r.eligible),
      registered: Number(r.registered),
      recognised: Number(r.recognised),
      meetsCommuneCriterion: r.meetsCommuneCriterion,
      atRisk: !r.meetsCommuneCriterion,
    }))
    .sort(compareCommuneRows);

  const codeOrder = new Map<string, number>(INCIDENT_CODES.map((c, i) => [c, i]));
  const incidents: IncidentCount[] = incidentRows
    .map((r) => ({ code: r.code as IncidentCode, communeId: r.communeId, communeName: r.communeName, count: Number(r.count) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.communeName, b.communeName) || (codeOrder.get(a.code) ?? 0) - (codeOrder.get(b.code) ?? 0));

  const trend: TrendPoint[] = trendRows.map((r) => ({ year: Number(r.year), eligible: Number(r.eligible), registered: Number(r.registered), recognised: Number(r.recognised) }));

  return { filters: { ...filters }, generatedAt: new Date().toISOString(), headline, funnel, communes, incidents, trend };
}

export type DrilldownFilters = { year: number; communeId: string; kind?: UnitKind; sector?: Sector };

const KIND_ORDER = new Map<string, number>(UNIT_KINDS.map((k, i) => [k, i]));

/**
 * The units of the year located in one commune (the XA unit and excluded units included, flagged),
 * each with its dossier of the year — NOT_REGISTERED when it has none — and the number of the
 * decision that recognised it. One statement; sorted by kind (KDC, XA, CQ, DN, CSGD) then name.
 */
export async function getCommuneDrilldown(prisma: PrismaClient, actor: Actor | null, filters: DrilldownFilters): Promise<DrilldownUnit[]> {
  authorize(actor, { action: "province.read" });
  // Without a commune the filter below would list the whole province.
  if (!filters.communeId) throw new RangeError("Chưa chọn xã.");
  checkFilters(filters);
  const rows = await prisma.$queryRaw<DrilldownUnit[]>`
    SELECT
      u."id"::text AS "unitId",
      n."name",
      u."kind"::text AS "kind",
      u."sector"::text AS "sector",
      (u."exclusionReason" IS NOT NULL) AS "excluded",
      u."dossierId"::text AS "dossierId",
      coalesce(u."state"::text, ${S.NOT_REGISTERED}) AS "state",
      coalesce(u."registrationLate", false) AS "registrationLate",
      CASE WHEN u."state" = ${S.RECOGNISED} THEN r."number" END AS "decisionNumber"
    FROM ${yearUnits(filters.year)} u
    JOIN "Unit" n ON n."id" = u."id"
    LEFT JOIN "RecognitionDecision" r ON r."id" = u."decisionId"
    WHERE true ${unitFilter(filters)}`;
  return rows.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || collator.compare(a.name, b.name) || a.unitId.localeCompare(b.unitId));
}
