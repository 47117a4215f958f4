/**
 * The reminder scan (issue 13 §1, §4): who must be reminded of what today. It RETURNS intents;
 * it writes nothing. The caller (the scheduled job) turns each intent into a notification keyed by
 * its `dedupeKey`, so a rerun the same day, a restart in the middle of a run or a second instance
 * running the same scan produces the same keys and nobody is told twice.
 *
 * Recipients come from the permission function (lib/auth/permissions.ts `unitScope`) and the
 * competence table of the year (who reviews which kind): the scan never decides access itself. Each
 * account's scope is sent to the database as rows, and one set-based statement per due deadline
 * matches them against the units or dossiers concerned (no loop per unit).
 *
 * Who hears what:
 * - registration / self-assessment (units that have not registered by the quarter I deadline, or
 *   not submitted before their window's deadline): the officers who may act for the unit
 *   (`unit.update`), one intent per unit — except the khu dân cư seen by a commune-wide scope:
 *   the commune's officers and the commune's police reviewer (`dossier.review`) get ONE intent per
 *   commune listing them;
 * - decision (dossiers submitted, under review or proposed, not yet decided): each reviewer
 *   competent for them (`dossier.review`), one intent with the count;
 * - Monday: a weekly digest for each reviewer with a province-wide review scope (queue size and
 *   overdue dossiers), when the queue is not empty.
 * - unit report (plan 195/KH-UBND §VI.6, 15/11; issue 14 §4): the officers (`unit.update`) of each
 *   reporting unit (XA, CQ, DN, CSGD: a khu dân cư reports through its commune) whose movement
 *   report of the year is not SUBMITTED, one intent per unit (ADR 0032-movement-reports).
 * The province's own report deadline (20/11) concerns the provincial police as a body, not an
 * account the scan could pick: no intent.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ReviewerLevel, Role } from "@/lib/generated/prisma/enums";
import { unitScope, type ScopeSubject, type UnitScope } from "@/lib/auth/permissions";
import { UNIT_KINDS, type UnitKind } from "@/lib/domain/vocabulary";
import { competenceTableFor, decisionDeadlineOf, reviewerLevels } from "@/lib/rules/competence";
import { loadCompetenceRows } from "@/lib/rules/competence-store";
import { AWAITING_REVIEW_STATES, type DossierState } from "@/lib/workflow/dossier-states";
import { loadCycleCalendars } from "@/lib/rules/cycle-calendar-store";
import { REPORTING_UNIT_KINDS } from "@/lib/movement/report-rules";
import { digestDue, dueReminders, isoWeek, type DueReminder, type ReminderStage } from "./due";

/** Deadline fields every deadline reminder carries. */
type DeadlineParams = { year: number; date: string; stage: ReminderStage; daysLeft: number; label: string };

export type ReminderParams = {
  /** One unit has not registered / not submitted: to its officers. */
  "reminder.unitDeadline": DeadlineParams & { deadline: "registration" | "selfAssessmentKdc" | "selfAssessment" | "unitReport"; unitId: string; unitName: string; unitKind: UnitKind };
  /** The units of a commune (its khu dân cư) that have not registered / not submitted: to the commune's officers and police reviewer. */
  "reminder.communePending": DeadlineParams & {
    deadline: "registration" | "selfAssessmentKdc" | "selfAssessment";
    communeId: string;
    communeName: string;
    count: number;
    /** The first COMMUNE_LIST_LIMIT units by name; `count` is all of them. */
    units: { id: string; name: string; kind: UnitKind }[];
  };
  /** Dossiers the reviewer is competent for, still undecided, before (or just after) the decision deadline. */
  "reminder.decisionDeadline": DeadlineParams & { deadline: "decision"; kinds: UnitKind[]; count: number };
  /** Monday digest of a province-wide reviewer: the queue and its overdue part. */
  "digest.reviewerWeekly": { year: number; week: string; queue: number; overdue: number };
};
export type ReminderKind = keyof ReminderParams;
export const REMINDER_KINDS = ["reminder.unitDeadline", "reminder.communePending", "reminder.decisionDeadline", "digest.reviewerWeekly"] as const satisfies readonly ReminderKind[];

export type ReminderIntent = {
  [K in ReminderKind]: {
    userId: string;
    kind: K;
    /**
     * Stable across reruns, restarts and instances: `reminder:<year>:<deadline>:<stage>:<userId>[:<unitId> | :commune:<communeId>]`
     * or `digest:<iso week>:<userId>`. Never contains today's date or a clock.
     */
    dedupeKey: string;
    params: ReminderParams[K];
    /** The page where the person acts (a path of this app). */
    link: string;
  };
}[ReminderKind];

/** How many units a commune's message names (the count is always complete). */
export const COMMUNE_LIST_LIMIT = 30;

/** A unit has not registered: no dossier for the year, or one still NOT_REGISTERED. */
const NOT_REGISTERED_STATES: readonly DossierState[] = ["NOT_REGISTERED"];
/** A unit has not (re)submitted: registered or not, self-assessing, or returned to it. */
const NOT_SUBMITTED_STATES: readonly DossierState[] = ["NOT_REGISTERED", "REGISTERED", "SELF_ASSESSMENT", "RETURNED"];
/** Undecided dossiers a reviewer has to act on before the decision deadline (review, then decide). */
const UNDECIDED_STATES: readonly DossierState[] = [...AWAITING_REVIEW_STATES, "PROPOSED"];

type Account = { id: string; role: Role; unitId: string | null; areaId: string | null; reviewerLevel: ReviewerLevel | null };
type ScopeRow = { userId: string; unitId: string | null; communeId: string | null; kinds: readonly UnitKind[] | null };

/** The scopes of some accounts for an action, from the permission function; accounts with none are left out. */
function scopesOf(accounts: readonly Account[], action: "unit.update" | "dossier.review", competence: Readonly<Record<UnitKind, ReviewerLevel>>): ScopeRow[] {
  const out: ScopeRow[] = [];
  for (const a of accounts) {
    const subject: ScopeSubject = { role: a.role, unitId: a.unitId, areaId: a.areaId, reviewerLevel: a.reviewerLevel, competence };
    const scope: UnitScope = unitScope(subject, action);
    if (scope === null) continue;
    if (scope.all) out.push({ userId: a.id, unitId: null, communeId: null, kinds: null });
    else out.push({ userId: a.id, unitId: scope.unitId ?? null, communeId: scope.communeId ?? null, kinds: scope.kinds ?? null });
  }
  return out;
}

const isCommuneWide = (s: ScopeRow) => s.unitId === null && s.communeId !== null;
const isProvinceWide = (s: ScopeRow) => s.unitId === null && s.communeId === null;

/**
 * The scopes as one SQL relation s(user_id, unit_id, commune_id, kinds). Four comma-joined
 * parameters, whatever the number of accounts; each element is prefixed with "x" so an empty
 * value survives string_to_array.
 */
function scopeRelation(scopes: readonly ScopeRow[]): Prisma.Sql {
  const col = (f: (s: ScopeRow) => string) => scopes.map((s) => `x${f(s)}`).join(",");
  return Prisma.sql`
    SELECT substr(t.u, 2)::uuid AS user_id, NULLIF(substr(t.unit, 2), '')::uuid AS unit_id, NULLIF(substr(t.commune, 2), '')::uuid AS commune_id,
           CASE WHEN t.kinds = 'x*' THEN NULL ELSE string_to_array(substr(t.kinds, 2), '|') END AS kinds
      FROM unnest(string_to_array(${col((s) => s.userId)}, ','), string_to_array(${col((s) => s.unitId ?? "")}, ','),
                  string_to_array(${col((s) => s.communeId ?? "")}, ','), string_to_array(${col((s) => (s.kinds ? s.kinds.join("|") : "*"))}, ',')) AS t(u, unit, commune, kinds)`;
}

/**
 * Matches scopes against a relation p(id, kind, "communeId", …) of units: by unit id, by commune,
 * or (province-wide scopes, a handful of accounts) by kind alone. Three branches, each over its
 * own accounts so each is planned as a hash join on its key — one relation of every scope with an
 * OR join (or one CTE filtered per branch) made PostgreSQL compare every account with every unit
 * (3 s at 1×).
 */
function matchScopes(scopes: readonly ScopeRow[], pending: Prisma.Sql, select: Prisma.Sql): Prisma.Sql {
  const byUnit = scopes.filter((s) => s.unitId !== null);
  const byCommune = scopes.filter(isCommuneWide);
  const byKind = scopes.filter(isProvinceWide);
  const branches: Prisma.Sql[] = [];
  if (byUnit.length) branches.push(Prisma.sql`SELECT ${select} FROM (${scopeRelation(byUnit)}) s JOIN p ON p.id = s.unit_id WHERE s.kinds IS NULL OR p.kind = ANY(s.kinds)`);
  if (byCommune.length) branches.push(Prisma.sql`SELECT ${select} FROM (${scopeRelation(byCommune)}) s JOIN p ON p."communeId" = s.commune_id WHERE s.kinds IS NULL OR p.kind = ANY(s.kinds)`);
  if (byKind.length) branches.push(Prisma.sql`SELECT ${select} FROM (${scopeRelation(byKind)}) s JOIN p ON s.kinds IS NULL OR p.kind = ANY(s.kinds)`);
  if (branches.length === 0) branches.push(Prisma.sql`SELECT ${select} FROM (${scopeRelation([])}) s JOIN p ON false`);
  return Prisma.sql`WITH p AS MATERIALIZED (${pending}) ${Prisma.join(branches, " UNION ALL ")}`;
}

const csv = (values: readonly string[]) => values.join(",");

/** Units (active, not excluded) of some kinds whose dossier of the year is missing or in one of `states`. */
function pendingUnits(year: number, kinds: readonly UnitKind[], states: readonly DossierState[]): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.name, u.kind::text AS kind, u."communeId"
      FROM "Unit" u LEFT JOIN "Dossier" d ON d."unitId" = u.id AND d.year = ${year}
     WHERE u."isActive" AND u."exclusionReason" IS NULL AND u.kind::text = ANY(string_to_array(${csv(kinds)}, ','))
       AND (d.id IS NULL OR d.state::text = ANY(string_to_array(${csv(states)}, ',')))`;
}

/** Dossiers of the year in some states and kinds, as units p(id, kind, "communeId", overdue). */
function dossiersIn(year: number, kinds: readonly UnitKind[], states: readonly DossierState[], overdueKinds: readonly UnitKind[] = []): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.kind::text AS kind, u."communeId", (u.kind::text = ANY(string_to_array(${csv(overdueKinds)}, ',')))::int AS overdue
      FROM "Dossier" d JOIN "Unit" u ON u.id = d."unitId"
     WHERE d.year = ${year} AND d.state::text = ANY(string_to_array(${csv(states)}, ',')) AND u.kind::text = ANY(string_to_array(${csv(kinds)}, ','))`;
}

const deadlineParams = (due: DueReminder): DeadlineParams => ({ year: due.year, date: due.date, stage: due.stage, daysLeft: due.daysLeft, label: due.label });

type PendingMatch = { userId: string; id: string; name: string; kind: UnitKind; communeId: string; communeWide: boolean };

async function unitDeadlineIntents(prisma: PrismaClient, due: DueReminder & { deadline: "registration" | "selfAssessmentKdc" | "selfAssessment" }, officers: ScopeRow[], communeReviewers: ScopeRow[]): Promise<ReminderIntent[]> {
  const scopes = [...officers, ...communeReviewers];
  if (scopes.length === 0) return [];
  const states = due.deadline === "registration" ? NOT_REGISTERED_STATES : NOT_SUBMITTED_STATES;
  const rows = await prisma.$queryRaw<PendingMatch[]>(
    matchScopes(scopes, pendingUnits(due.year, due.kinds, states), Prisma.sql`s.user_id::text AS "userId", p.id::text AS id, p.name, p.kind, p."communeId"::text AS "communeId", (s.unit_id IS NULL AND s.commune_id IS NOT NULL) AS "communeWide"`),
  );
  const reviewerIds = new Set(communeReviewers.map((s) => s.userId));
  const out: ReminderIntent[] = [];
  // (user, commune) → the units the commune-wide message lists.
  const communes = new Map<string, { userId: string; communeId: string; units: { id: string; name: string; kind: UnitKind }[] }>();
  for (const r of rows) {
    // A commune-wide scope hears about the khu dân cư together; a reviewer never per unit.
    if (r.communeWide && (r.kind === "KDC" || reviewerIds.has(r.userId))) {
      const key = `${r.userId}:${r.communeId}`;
      let c = communes.get(key);
      if (!c) communes.set(key, (c = { userId: r.userId, communeId: r.communeId, units: [] }));
      c.units.push({ id: r.id, name: r.name, kind: r.kind });
      continue;
    }
    if (reviewerIds.has(r.userId)) continue;
    out.push({
      userId: r.userId,
      kind: "reminder.unitDeadline",
      dedupeKey: `reminder:${due.id}:${r.userId}:${r.id}`,
      params: { ...deadlineParams(due), deadline: due.deadline, unitId: r.id, unitName: r.name, unitKind: r.kind },
      link: `/units/${r.id}/dossier?year=${due.year}`,
    });
  }
  if (communes.size) {
    const names = new Map((await prisma.administrativeArea.findMany({ where: { id: { in: [...new Set([...communes.values()].map((c) => c.communeId))] } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]));
    for (const c of communes.values()) {
      c.units.sort((a, b) => a.name.localeCompare(b.name, "vi") || (a.id < b.id ? -1 : 1));
      out.push({
        userId: c.userId,
        kind: "reminder.communePending",
        dedupeKey: `reminder:${due.id}:${c.userId}:commune:${c.communeId}`,
        params: { ...deadlineParams(due), deadline: due.deadline, communeId: c.communeId, communeName: names.get(c.communeId) ?? "", count: c.units.length, units: c.units.slice(0, COMMUNE_LIST_LIMIT) },
        link: `/units?communeId=${c.communeId}`,
      });
    }
  }
  return out;
}

/** Reporting units (active, not excluded) whose movement report of the year is not SUBMITTED (issue 14 §4). */
function pendingReportUnits(year: number): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.name, u.kind::text AS kind, u."communeId"
      FROM "Unit" u
     WHERE u."isActive" AND u."exclusionReason" IS NULL AND u.kind::text = ANY(string_to_array(${csv(REPORTING_UNIT_KINDS)}, ','))
       AND NOT EXISTS (SELECT 1 FROM "MovementReport" r WHERE r."unitId" = u.id AND r.year = ${year} AND r.state = 'SUBMITTED')`;
}

/** The unit-report deadline: one intent per unit and officer who may write its report. */
async function unitReportIntents(prisma: PrismaClient, due: DueReminder, officers: ScopeRow[]): Promise<ReminderIntent[]> {
  if (officers.length === 0) return [];
  const rows = await prisma.$queryRaw<PendingMatch[]>(
    matchScopes(officers, pendingReportUnits(due.year), Prisma.sql`s.user_id::text AS "userId", p.id::text AS id, p.name, p.kind, p."communeId"::text AS "communeId", false AS "communeWide"`),
  );
  return rows.map((r) => ({
    userId: r.userId,
    kind: "reminder.unitDeadline" as const,
    dedupeKey: `reminder:${due.id}:${r.userId}:${r.id}`,
    params: { ...deadlineParams(due), deadline: "unitReport" as const, unitId: r.id, unitName: r.name, unitKind: r.kind },
    link: `/units/${r.id}/movement-report?year=${due.year}`,
  }));
}

async function decisionIntents(prisma: PrismaClient, due: DueReminder, reviewers: ScopeRow[]): Promise<ReminderIntent[]> {
  if (reviewers.length === 0) return [];
  const rows = await prisma.$queryRaw<{ userId: string; count: number }[]>(
    Prisma.sql`SELECT m."userId", count(*)::int AS count FROM (${matchScopes(reviewers, dossiersIn(due.year, due.kinds, UNDECIDED_STATES), Prisma.sql`s.user_id::text AS "userId"`)}) m GROUP BY m."userId"`,
  );
  return rows.map((r) => ({
    userId: r.userId,
    kind: "reminder.decisionDeadline" as const,
    dedupeKey: `reminder:${due.id}:${r.userId}`,
    params: { ...deadlineParams(due), deadline: "decision" as const, kinds: [...due.kinds], count: r.count },
    link: due.stage === "overdue" ? "/?deadline=OVERDUE" : "/",
  }));
}

async function digestIntents(prisma: PrismaClient, year: number, today: string, reviewers: ScopeRow[], decisionDates: Readonly<Record<UnitKind, string>>): Promise<ReminderIntent[]> {
  if (reviewers.length === 0) return [];
  // The queue and "overdue" as the reviewer's home counts them (lib/reviews/review-queue.ts).
  const overdueKinds = UNIT_KINDS.filter((k) => decisionDates[k] < today);
  const rows = await prisma.$queryRaw<{ userId: string; queue: number; overdue: number }[]>(
    Prisma.sql`SELECT m."userId", count(*)::int AS queue, sum(m.overdue)::int AS overdue
                 FROM (${matchScopes(reviewers, dossiersIn(year, UNIT_KINDS, AWAITING_REVIEW_STATES, overdueKinds), Prisma.sql`s.user_id::text AS "userId", p.overdue`)}) m GROUP BY m."userId"`,
  );
  const week = isoWeek(today);
  return rows.map((r) => ({
    userId: r.userId,
    kind: "digest.reviewerWeekly" as const,
    dedupeKey: `digest:${week}:${r.userId}`,
    params: { year, week, queue: r.queue, overdue: r.overdue },
    link: r.overdue > 0 ? "/?deadline=OVERDUE" : "/",
  }));
}

/**
 * Who must be reminded of what on `today` (yyyy-mm-dd, Việt Nam: todayInVietnam()). Reads the
 * calendars of the years around today, the competence table and the active accounts once; then
 * one statement per due deadline (a handful a year) and, on Mondays, one for the digest.
 * Deterministic for a given database state and day: same intents, same keys, same order.
 */
export async function scanReminders(prisma: PrismaClient, today: string): Promise<ReminderIntent[]> {
  const year = Number(today.slice(0, 4));
  // A deadline early in January has its "14 days before" in December; one just before New Year
  // is overdue in January.
  const years = [year - 1, year, year + 1];
  const [calendars, competenceRows] = await Promise.all([loadCycleCalendars(prisma, years), loadCompetenceRows(prisma)]);
  const perYear = years.map((y) => {
    const table = competenceTableFor(competenceRows, y);
    const decisionDates = Object.fromEntries(UNIT_KINDS.map((k) => [k, decisionDeadlineOf(table[k], y)])) as Record<UnitKind, string>;
    return { year: y, competence: reviewerLevels(table), decisionDates, due: dueReminders(calendars.get(y)!, decisionDates, today) };
  });
  const withDigest = digestDue(today);
  if (!withDigest && perYear.every((y) => y.due.length === 0)) return [];

  const accounts = await prisma.user.findMany({
    where: { isActive: true, role: { in: ["UNIT_OFFICER", "REVIEWER"] } },
    select: { id: true, role: true, unitId: true, areaId: true, reviewerLevel: true },
    orderBy: { id: "asc" },
  });
  const out: ReminderIntent[] = [];
  for (const y of perYear) {
    if (y.due.length === 0 && !(withDigest && y.year === year)) continue;
    const officers = scopesOf(accounts, "unit.update", y.competence);
    const reviewers = scopesOf(accounts, "dossier.review", y.competence);
    const communeReviewers = reviewers.filter(isCommuneWide);
    for (const due of y.due) {
      switch (due.deadline) {
        case "registration":
        case "selfAssessmentKdc":
        case "selfAssessment":
          out.push(...(await unitDeadlineIntents(prisma, { ...due, deadline: due.deadline }, officers, communeReviewers)));
          break;
        case "decision":
          out.push(...(await decisionIntents(prisma, due, reviewers)));
          break;
        case "unitReport":
          out.push(...(await unitReportIntents(prisma, due, officers)));
          break;
        // provinceReport: the provincial police as a body (see the module comment).
        default:
          break;
      }
    }
    if (withDigest && y.year === year) out.push(...(await digestIntents(prisma, year, today, reviewers.filter(isProvinceWide), y.decisionDates)));
  }
  out.sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  return out;
}

