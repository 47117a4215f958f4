/**
 * The figures of the province's movement report (issue 14 §4–5, ADR 0032-movement-reports), from ONE
 * typed function, `provinceMovementFigures(db, year)`, read by the page, the .docx, the .xlsx and the
 * dashboard, so they can never disagree. Every count is a GROUP BY in the database (set-based,
 * a handful of statements whatever the size of the province):
 * - participation and reports received per group: units of the year (the dashboard's headline per
 *   kind: `dashboardStatements`, maintained figures where held) and active participants; SUBMITTED
 *   reports of the year, on time and late;
 * - classification per group and class: MovementEvaluation rows of the year in state CLASSIFIED,
 *   by (group, classRank, classCode, className) as frozen when classified; evaluations by state;
 * - TT124 results of the year per kind: the dashboard's headline (eligible, registered, recognised),
 *   never re-derived here;
 * - models: MovementModel rows of the year (effective or not) by the unit's kind, and the models the
 *   submitted reports declare;
 * - awards: an extension point (`AwardCountsSource`) the commendations part plugs in; null until then.
 *
 * Authorisation is the caller's (`province.read` on the pages and routes): the function reads
 * province-wide figures and nothing personal.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MovementEvaluationState, MovementGroup, UnitKind } from "@/lib/generated/prisma/enums";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { dashboardStatements, figureYears, TREND_YEARS } from "@/lib/reports/dashboard-queries";
import { loadCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import { GROUP_OF_UNIT_KIND, MOVEMENT_GROUP_LABEL, SCORED_GROUPS, isParticipantGroup, type ScoredGroup } from "./groups";
import { REPORTING_GROUPS } from "./report-rules";

export const EVALUATION_STATES = ["DRAFT", "SUBMITTED", "RETURNED", "CLASSIFIED"] as const satisfies readonly MovementEvaluationState[];

/** One class reached, as frozen on the evaluations (rank 1 the best). */
export type ClassCount = { rank: number; code: string; name: string; count: number };

export type GroupFigures = {
  group: ScoredGroup;
  label: string;
  /** Units of the year of the group's kinds that take part (not excluded), or active participants. */
  participants: number;
  /** Null for khu dân cư: they report through their commune. */
  reports: { expected: number; submitted: number; onTime: number; late: number } | null;
  evaluations: Record<MovementEvaluationState, number>;
  /** CLASSIFIED evaluations by class, best first. */
  classes: ClassCount[];
  classified: number;
};

export type Tt124KindFigures = { eligible: number; registered: number; recognised: number };

/**
 * Award counts per group and title, as the commendations part (issue 14 §3) will provide them. The
 * coordinator wires a source in `provinceMovementFigures(db, year, { awards })`; until then null.
 */
export type AwardCount = { group: MovementGroup; title: string; collective: boolean; count: number };
export type AwardCountsSource = (prisma: PrismaClient, year: number) => Promise<AwardCount[]>;

export type ProvinceMovementFigures = {
  year: number;
  generatedAt: string;
  deadlines: { unitReportEnd: string; provinceReportEnd: string };
  groups: GroupFigures[];
  tt124: { byKind: Record<UnitKind, Tt124KindFigures>; total: Tt124KindFigures };
  models: { byKind: Record<UnitKind, { models: number; effective: number }>; total: number; effective: number; declaredInReports: number };
  awards: AwardCount[] | null;
};

type HeadlineRow = { eligible: number; registered: number; recognised: number };

/** The dashboard's headline for one kind (eligible, registered, recognised), over the maintained figures where held. */
async function tt124ByKind(prisma: PrismaClient, year: number): Promise<Record<UnitKind, Tt124KindFigures>> {
  const range = await figureYears(prisma);
  const rows = await Promise.all(UNIT_KINDS.map((kind) => prisma.$queryRaw<HeadlineRow[]>(dashboardStatements({ year, kind }, range).headline)));
  return Object.fromEntries(
    UNIT_KINDS.map((kind, i) => {
      const r = rows[i]![0]!;
      return [kind, { eligible: Number(r.eligible), registered: Number(r.registered), recognised: Number(r.recognised) }];
    }),
  ) as Record<UnitKind, Tt124KindFigures>;
}

const zeroStates = (): Record<MovementEvaluationState, number> => ({ DRAFT: 0, SUBMITTED: 0, RETURNED: 0, CLASSIFIED: 0 });
const sumKinds = (byKind: Record<UnitKind, Tt124KindFigures>, kinds: readonly UnitKind[]) =>
  kinds.reduce((s, k) => ({ eligible: s.eligible + byKind[k].eligible, registered: s.registered + byKind[k].registered, recognised: s.recognised + byKind[k].recognised }), { eligible: 0, registered: 0, recognised: 0 });

/** The TT124 kinds of a group (none for the participant groups). */
export function kindsOfGroup(group: MovementGroup): UnitKind[] {
  return UNIT_KINDS.filter((k) => GROUP_OF_UNIT_KIND[k] === group);
}

export async function provinceMovementFigures(prisma: PrismaClient, year: number, options: { awards?: AwardCountsSource; now?: Date } = {}): Promise<ProvinceMovementFigures> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Năm không hợp lệ: ${year}`);
  const [calendar, byKind, participantRows, reportRows, evaluationRows, classRows, modelRows, declared, awards] = await Promise.all([
    loadCycleCalendar(prisma, year),
    tt124ByKind(prisma, year),
    prisma.$queryRaw<{ group: MovementGroup; n: number }[]>`
      SELECT "group"::text AS "group", count(*)::int AS n FROM "MovementParticipant" WHERE "isActive" GROUP BY "group"`,
    prisma.$queryRaw<{ group: MovementGroup; onTime: number; late: number }[]>`
      SELECT "group"::text AS "group", count(*) FILTER (WHERE NOT "late")::int AS "onTime", count(*) FILTER (WHERE "late")::int AS "late"
        FROM "MovementReport" WHERE "year" = ${year}::int AND "state" = 'SUBMITTED' GROUP BY "group"`,
    prisma.$queryRaw<{ group: MovementGroup; state: MovementEvaluationState; n: number }[]>`
      SELECT "group"::text AS "group", "state"::text AS "state", count(*)::int AS n FROM "MovementEvaluation" WHERE "year" = ${year}::int GROUP BY "group", "state"`,
    prisma.$queryRaw<{ group: MovementGroup; rank: number; code: string; name: string; n: number }[]>`
      SELECT "group"::text AS "group", "classRank" AS "rank", "classCode" AS "code", "className" AS "name", count(*)::int AS n
        FROM "MovementEvaluation" WHERE "year" = ${year}::int AND "state" = 'CLASSIFIED'
       GROUP BY "group", "classRank", "classCode", "className"`,
    prisma.$queryRaw<{ kind: UnitKind; models: number; effective: number }[]>`
      SELECT u."kind"::text AS "kind", count(*)::int AS "models", count(*) FILTER (WHERE m."isEffective")::int AS "effective"
        FROM "MovementModel" m JOIN "Unit" u ON u."id" = m."unitId" WHERE m."year" = ${year}::int GROUP BY u."kind"`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT coalesce(sum("modelsCount"), 0)::int AS n FROM "MovementReport" WHERE "year" = ${year}::int AND "state" = 'SUBMITTED'`,
    options.awards ? options.awards(prisma, year) : Promise.resolve(null),
  ]);

  const participantsOf = new Map(participantRows.map((r) => [r.group, Number(r.n)]));
  const reportsOf = new Map(reportRows.map((r) => [r.group, { onTime: Number(r.onTime), late: Number(r.late) }]));
  const groups: GroupFigures[] = SCORED_GROUPS.map((group) => {
    const participants = isParticipantGroup(group) ? (participantsOf.get(group) ?? 0) : sumKinds(byKind, kindsOfGroup(group)).eligible;
    const r = reportsOf.get(group) ?? { onTime: 0, late: 0 };
    const evaluations = zeroStates();
    for (const row of evaluationRows) if (row.group === group) evaluations[row.state] = Number(row.n);
    const classes = classRows
      .filter((c) => c.group === group)
      .map((c) => ({ rank: Number(c.rank), code: c.code, name: c.name, count: Number(c.n) }))
      .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    return {
      group,
      label: MOVEMENT_GROUP_LABEL[group],
      participants,
      reports: (REPORTING_GROUPS as readonly string[]).includes(group) ? { expected: participants, submitted: r.onTime + r.late, onTime: r.onTime, late: r.late } : null,
      evaluations,
      classes,
      classified: evaluations.CLASSIFIED,
    };
  });

  const modelsByKind = Object.fromEntries(UNIT_KINDS.map((k) => [k, { models: 0, effective: 0 }])) as Record<UnitKind, { models: number; effective: number }>;
  for (const m of modelRows) modelsByKind[m.kind] = { models: Number(m.models), effective: Number(m.effective) };

  return {
    year,
    generatedAt: (options.now ?? new Date()).toISOString(),
    deadlines: { unitReportEnd: calendar.unitReportEnd, provinceReportEnd: calendar.provinceReportEnd },
    groups,
    tt124: { byKind, total: sumKinds(byKind, UNIT_KINDS) },
    models: {
      byKind: modelsByKind,
      total: UNIT_KINDS.reduce((s, k) => s + modelsByKind[k].models, 0),
      effective: UNIT_KINDS.reduce((s, k) => s + modelsByKind[k].effective, 0),
      declaredInReports: Number(declared[0]?.n ?? 0),
    },
    awards,
  };
}

// ───────────── Five-year summary (plan 195: 2026–2030) and the dashboard's trend ─────────────

export const PLAN_FIRST_YEAR = 2026;
export const PLAN_LAST_YEAR = 2030;

export type SummaryYear = {
  year: number;
  /** CLASSIFIED evaluations by class, best first; `evaluated`: evaluations of the year in any state. */
  classes: ClassCount[];
  classified: number;
  evaluated: number;
  /** TT124 for the group's kinds (null for the participant groups, which are not TT124 units). */
  tt124: Tt124KindFigures | null;
};
export type GroupSummary = { group: ScoredGroup; label: string; years: SummaryYear[] };

/**
 * Per group and year of `[from, to]`: classification counts and the TT124 recognition (eligible,
 * recognised) of the group's kinds. Two statements for the evaluations; the TT124 part is the
 * dashboard's trend per kind (five years per statement), never re-derived.
 */
export async function movementSummary(prisma: PrismaClient, from: number, to: number): Promise<GroupSummary[]> {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || to - from >= 10 || from < 2000 || to > 2100) throw new RangeError("Khoảng năm không hợp lệ.");
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const range = await figureYears(prisma);
  // The dashboard's trend covers TREND_YEARS years ending at its year: one statement per kind and window.
  const windows: number[] = [];
  for (let end = to; end >= from; end -= TREND_YEARS) windows.push(end);
  const [classRows, evaluatedRows, trendRows] = await Promise.all([
    prisma.$queryRaw<{ year: number; group: MovementGroup; rank: number; code: string; name: string; n: number }[]>`
      SELECT "year", "group"::text AS "group", "classRank" AS "rank", "classCode" AS "code", "className" AS "name", count(*)::int AS n
        FROM "MovementEvaluation" WHERE "year" BETWEEN ${from}::int AND ${to}::int AND "state" = 'CLASSIFIED'
       GROUP BY "year", "group", "classRank", "classCode", "className"`,
    prisma.$queryRaw<{ year: number; group: MovementGroup; n: number }[]>`
      SELECT "year", "group"::text AS "group", count(*)::int AS n FROM "MovementEvaluation" WHERE "year" BETWEEN ${from}::int AND ${to}::int GROUP BY "year", "group"`,
    Promise.all(
      UNIT_KINDS.flatMap((kind) =>
        windows.map(async (end) => ({ kind, rows: await prisma.$queryRaw<{ year: number; eligible: number; registered: number; recognised: number }[]>(dashboardStatements({ year: end, kind }, range).trend) })),
      ),
    ),
  ]);
  const tt = new Map<string, Tt124KindFigures>();
  for (const { kind, rows } of trendRows) {
    for (const r of rows) tt.set(`${kind}:${Number(r.year)}`, { eligible: Number(r.eligible), registered: Number(r.registered), recognised: Number(r.recognised) });
  }
  return SCORED_GROUPS.map((group) => ({
    group,
    label: MOVEMENT_GROUP_LABEL[group],
    years: years.map((year) => {
      const classes = classRows
        .filter((c) => c.group === group && Number(c.year) === year)
        .map((c) => ({ rank: Number(c.rank), code: c.code, name: c.name, count: Number(c.n) }))
        .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
      const kinds = kindsOfGroup(group);
      const tt124 = kinds.length
        ? kinds.reduce(
            (s, k) => {
              const f = tt.get(`${k}:${year}`) ?? { eligible: 0, registered: 0, recognised: 0 };
              return { eligible: s.eligible + f.eligible, registered: s.registered + f.registered, recognised: s.recognised + f.recognised };
            },
            { eligible: 0, registered: 0, recognised: 0 },
          )
        : null;
      return {
        year,
        classes,
        classified: classes.reduce((s, c) => s + c.count, 0),
        evaluated: Number(evaluatedRows.find((r) => r.group === group && Number(r.year) === year)?.n ?? 0),
        tt124,
      };
    }),
  }));
}

// ───────────── Dashboard §5: classification by commune ─────────────

export type CommuneClassRow = { communeId: string; name: string; evaluated: number; classified: number; best: number; classes: ClassCount[] };

/**
 * CLASSIFIED evaluations of the year by the commune frozen on them (units only; participants have
 * none), with their classes; every commune area listed, even with none. Sorted by the share of
 * evaluations in the best class (rank 1) descending, then name. One statement.
 */
export async function movementByCommune(prisma: PrismaClient, year: number): Promise<CommuneClassRow[]> {
  const rows = await prisma.$queryRaw<{ communeId: string; name: string; evaluated: number; rank: number | null; code: string | null; className: string | null; n: number }[]>(Prisma.sql`
    WITH e AS (
      SELECT "communeId", "state", "classRank", "classCode", "className" FROM "MovementEvaluation"
       WHERE "year" = ${year}::int AND "communeId" IS NOT NULL
    ), totals AS (
      SELECT "communeId", count(*)::int AS evaluated FROM e GROUP BY "communeId"
    ), classes AS (
      SELECT "communeId", "classRank", "classCode", "className", count(*)::int AS n FROM e WHERE "state" = 'CLASSIFIED'
       GROUP BY "communeId", "classRank", "classCode", "className"
    )
    SELECT a."id"::text AS "communeId", a."name", coalesce(t.evaluated, 0) AS evaluated,
           c."classRank" AS "rank", c."classCode" AS "code", c."className" AS "className", coalesce(c.n, 0) AS n
      FROM "AdministrativeArea" a
      LEFT JOIN totals t ON t."communeId" = a."id"
      LEFT JOIN classes c ON c."communeId" = a."id"
     WHERE a."level" = 'COMMUNE'`);
  const byCommune = new Map<string, CommuneClassRow>();
  for (const r of rows) {
    let row = byCommune.get(r.communeId);
    if (!row) byCommune.set(r.communeId, (row = { communeId: r.communeId, name: r.name, evaluated: Number(r.evaluated), classified: 0, best: 0, classes: [] }));
    if (r.rank === null || r.code === null) continue;
    const n = Number(r.n);
    row.classes.push({ rank: Number(r.rank), code: r.code, name: r.className ?? r.code, count: n });
    row.classified += n;
    if (Number(r.rank) === 1) row.best += n;
  }
  const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
  return [...byCommune.values()]
    .map((r) => ({ ...r, classes: r.classes.sort((a, b) => a.rank - b.rank) }))
    .sort((a, b) => {
      if ((a.classified === 0) !== (b.classified === 0)) return a.classified === 0 ? 1 : -1;
      const diff = b.best * a.classified - a.best * b.classified;
      return diff !== 0 ? diff : collator.compare(a.name, b.name);
    });
}
