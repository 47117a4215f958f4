/**
 * Server time of the long lists (issue 12 §4) on a real PostgreSQL holding a province-sized
 * dataset: each list's use-case (authorization, Prisma, mapping) for its first page and for a
 * deep page (about 90 % of the way down), beside a raw-SQL twin of the same page through a plain
 * `pg` pool (keyset with a row comparison, plus the capped count). Warm-up 3, then 30 measured
 * runs of each, interleaved so load on the machine hits both alike. Goal (ADR 0024-keyset-paging):
 * every page p95 < 100 ms, the deep page within 2× of the first, and ≤ 3× the raw SQL.
 *
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55480/h_paging_8 npm run bench:lists
 *
 * Options: --runs 30 --warmup 3 --year 2026 --explain (EXPLAIN ANALYZE each twin statement once).
 * It also prints the rows a page returns and the bytes of its rows as JSON (what the page
 * serialises into its HTML and server-components payload grows with it).
 *
 * The same file runs against the code before paging (git archive of an older commit): a use-case
 * that returns a bare array is timed as it is (the whole list for any page), a `page` number is
 * passed for the old offset-paged unit list and `before` (an id) for the old audit log.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Actor } from "../lib/auth/actor";
import { unitScope } from "../lib/auth/permissions";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { listUnits } from "../lib/units/unit-queries";
import { listDecisions } from "../lib/dossiers/decision-queries";
import { reviewQueue } from "../lib/reviews/review-queue";
import { listAuditEvents } from "../lib/audit/audit-queries";
import { listUsers } from "../lib/users/manage-users";
import { percentile, timePaired, runMain } from "./bench-support";

const ID = "00000000-0000-4000-8000-000000000000";
const base = { userId: ID, username: "bench", fullName: "Benchmark", unitId: null, areaId: null, reviewerLevel: null, authorityId: null };
const ADMIN: Actor = { ...base, role: "ADMIN" };
const LEADER: Actor = { ...base, role: "LEADER" };
const PROVINCE_REVIEWER: Actor = { ...base, role: "REVIEWER", reviewerLevel: "PROVINCIAL_POLICE" };

const PAGE = 50;
const CAP = 10_000;
const P95_GOAL_MS = 100;
const RAW_RATIO_GOAL = 3;



/** The rows of a use-case's answer, whatever its shape (array before paging, { rows } after). */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  const r = result as { rows?: unknown[]; units?: unknown[] };
  return r.rows ?? r.units ?? [];
}

type Scenario = {
  label: string;
  /** How many rows the whole list holds (raw count), and the page size the list uses. */
  count: number;
  size: number;
  /** The use-case for the first page and for the deep page. */
  first: () => Promise<unknown>;
  deep: () => Promise<unknown>;
  raw: { first: () => Promise<unknown>; deep: () => Promise<unknown> };
  explain: { text: string; values: unknown[] }[];
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "30" }, warmup: { type: "string", default: "3" }, year: { type: "string" }, explain: { type: "boolean", default: false } },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error("bench:lists measures a real PostgreSQL server, not the embedded PGlite: set DATABASE_URL (see scripts/bench-dashboard.ts).");
    return 2;
  }
  const db = openDatabase(config);
  const prisma = db.prisma;
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  const q = async (text: string, params: unknown[] = []) => (await pool.query(text, params)).rows;
  try {
    const year = values.year ? Number(values.year) : ((await prisma.dossier.aggregate({ _max: { year: true } }))._max.year ?? new Date().getFullYear());
    const reviewScope = unitScope(PROVINCE_REVIEWER, "dossier.review");
    const reviewKinds = reviewScope && !reviewScope.all ? (reviewScope.kinds ?? []) : [];
    const [counts] = await q(
      `SELECT (SELECT count(*) FROM "Unit")::int AS units,
              (SELECT count(*) FROM "RecognitionDecision" WHERE year = $1)::int AS decisions,
              (SELECT count(*) FROM "Dossier" d JOIN "Unit" u ON u.id = d."unitId" WHERE d.year = $1 AND d.state IN ('SUBMITTED', 'UNDER_REVIEW') AND u.kind::text = ANY($2))::int AS queue,
              (SELECT count(*) FROM "AuditEvent")::int AS audit, (SELECT count(*) FROM "User")::int AS users`,
      [year, reviewKinds],
    );
    const version = (await q("SHOW server_version"))[0]!.server_version;
    console.log(
      `PostgreSQL ${version} at ${new URL(config.url).host}; ${counts.units} units, ${counts.decisions} decisions in ${year}, ${counts.queue} dossiers in the provincial queue, ` +
        `${counts.audit} audit events, ${counts.users} users; ${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}; warm-up ${warmup}, ${runs} runs each.`,
    );
    /** The id at 90 % of a list (in the list's order), for the deep page. */
    const deepIndex = (n: number) => Math.max(0, Math.floor(n * 0.9) - 1);

    // ── units (ADMIN, the whole province) ──
    const unitOrder = `a.name, u.kind, u.name, u.id`;
    const unitCols = `u.id, u.code, u.name, u.kind, u."exclusionReason", a.id AS "communeId", a.name AS "communeName"`;
    const unitDeep = (await q(`SELECT u.id, a.name AS c, u.kind::text AS k, u.name AS n FROM "Unit" u JOIN "AdministrativeArea" a ON a.id = u."communeId" ORDER BY ${unitOrder} OFFSET $1 LIMIT 1`, [deepIndex(counts.units)]))[0];
    const unitPageSql = `SELECT ${unitCols} FROM "Unit" u JOIN "AdministrativeArea" a ON a.id = u."communeId" WHERE (a.name, u.kind, u.name, u.id) > ($1, $2::"UnitKind", $3, $4::uuid) ORDER BY ${unitOrder} LIMIT ${PAGE + 1}`;
    const cappedSql = (from: string) => `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} LIMIT ${CAP + 1}) s`;
    const units: Scenario = {
      label: "units (admin, province)",
      count: counts.units,
      size: PAGE,
      first: () => listUnits(prisma, ADMIN, {}),
      deep: () => listUnits(prisma, ADMIN, { after: unitDeep?.id, from: deepIndex(counts.units) + 2, page: Math.ceil((deepIndex(counts.units) + 2) / PAGE) } as never),
      raw: {
        first: () => Promise.all([q(cappedSql(`"Unit"`)), q(`SELECT ${unitCols} FROM "Unit" u JOIN "AdministrativeArea" a ON a.id = u."communeId" ORDER BY ${unitOrder} LIMIT ${PAGE + 1}`)]),
        deep: () => Promise.all([q(cappedSql(`"Unit"`)), q(unitPageSql, [unitDeep?.c, unitDeep?.k, unitDeep?.n, unitDeep?.id])]),
      },
      explain: [{ text: unitPageSql, values: [unitDeep?.c, unitDeep?.k, unitDeep?.n, unitDeep?.id] }],
    };

    // ── decisions of the year (LEADER) ──
    const decCols = `d.id, d.number, d.year, d."issuedOn", d."signerName", d."signerTitle", d."revokedAt", d."cancelledAt", d."textVersion", au.id AS "authorityId", au.name AS "authorityName", au.kind AS "authorityKind"`;
    const decDeep = (await q(`SELECT id, "issuedOn", number FROM "RecognitionDecision" WHERE year = $1 ORDER BY "issuedOn" DESC, number, id OFFSET $2 LIMIT 1`, [year, deepIndex(counts.decisions)]))[0];
    const decPageSql = `SELECT ${decCols} FROM "RecognitionDecision" d JOIN "Authority" au ON au.id = d."authorityId"
      WHERE d.year = $1 AND d."issuedOn" <= $2 AND (d."issuedOn" < $2 OR (d.number, d.id) > ($3, $4::uuid)) ORDER BY d."issuedOn" DESC, d.number, d.id LIMIT ${PAGE + 1}`;
    const decCounts = async (rows: { id: string }[]) => {
      const ids = rows.map((r) => r.id);
      return Promise.all([
        q(`SELECT "decisionId", count(*)::int FROM "DecisionRecognition" WHERE "decisionId" = ANY($1::uuid[]) GROUP BY 1`, [ids]),
        q(`SELECT "decisionId", count(*)::int FROM "Dossier" WHERE "decisionId" = ANY($1::uuid[]) AND state = 'REVOKED' GROUP BY 1`, [ids]),
      ]);
    };
    const decisions: Scenario = {
      label: `decisions ${year} (leader)`,
      count: counts.decisions,
      size: PAGE,
      first: () => listDecisions(prisma, LEADER, { year }),
      deep: () => listDecisions(prisma, LEADER, { year, after: decDeep?.id, from: deepIndex(counts.decisions) + 2 }),
      raw: {
        first: async () => {
          const [c, rows] = await Promise.all([q(cappedSql(`"RecognitionDecision" WHERE year = ${year}`)), q(`SELECT ${decCols} FROM "RecognitionDecision" d JOIN "Authority" au ON au.id = d."authorityId" WHERE d.year = $1 ORDER BY d."issuedOn" DESC, d.number, d.id LIMIT ${PAGE + 1}`, [year])]);
          return [c, await decCounts(rows)];
        },
        deep: async () => {
          const [c, rows] = await Promise.all([q(cappedSql(`"RecognitionDecision" WHERE year = ${year}`)), q(decPageSql, [year, decDeep?.issuedOn, decDeep?.number, decDeep?.id])]);
          return [c, await decCounts(rows)];
        },
      },
      explain: [{ text: decPageSql, values: [year, decDeep?.issuedOn, decDeep?.number, decDeep?.id] }],
    };

    // ── the provincial police's review queue ──
    const queueFrom = `"Dossier" d JOIN "Unit" u ON u.id = d."unitId" WHERE d.year = ${year} AND d.state IN ('SUBMITTED', 'UNDER_REVIEW') AND u.kind = ANY('{${reviewKinds.join(",")}}'::"UnitKind"[])`;
    const queueCols = `d.id, d.state, d."submittedAt", d."submissionLate", d."reviewRound", u.id AS "unitId", u.name, u.kind, a.id AS "communeId", a.name AS "communeName"`;
    const queueDeep = (await q(`SELECT d.id, d."submittedAt" FROM ${queueFrom} ORDER BY d."submittedAt", d.id OFFSET $1 LIMIT 1`, [deepIndex(counts.queue)]))[0];
    const queuePageSql = `SELECT ${queueCols} FROM ${queueFrom.replace(`WHERE`, `JOIN "AdministrativeArea" a ON a.id = u."communeId" WHERE`)} AND (d."submittedAt", d.id) > ($1, $2::uuid) ORDER BY d."submittedAt", d.id LIMIT ${PAGE + 1}`;
    const queue: Scenario = {
      label: `review queue ${year} (provincial police)`,
      count: counts.queue,
      size: PAGE,
      first: () => reviewQueue(prisma, PROVINCE_REVIEWER, year),
      deep: () => reviewQueue(prisma, PROVINCE_REVIEWER, year, { after: queueDeep?.id, from: deepIndex(counts.queue) + 2 }),
      raw: {
        first: () => Promise.all([q(cappedSql(queueFrom)), q(cappedSql(queueFrom)), q(`SELECT ${queueCols} FROM ${queueFrom.replace(`WHERE`, `JOIN "AdministrativeArea" a ON a.id = u."communeId" WHERE`)} ORDER BY d."submittedAt", d.id LIMIT ${PAGE + 1}`)]),
        deep: () => Promise.all([q(cappedSql(queueFrom)), q(cappedSql(queueFrom)), q(queuePageSql, [queueDeep?.submittedAt, queueDeep?.id])]),
      },
      explain: [{ text: queuePageSql, values: [queueDeep?.submittedAt, queueDeep?.id] }],
    };

    // ── the audit log (ADMIN) and the accounts (ADMIN) ──
    const auditDeep = (await q(`SELECT id::text FROM "AuditEvent" ORDER BY id DESC OFFSET $1 LIMIT 1`, [deepIndex(counts.audit)]))[0];
    const audit: Scenario = {
      label: "audit log (admin)",
      count: counts.audit,
      size: 100,
      first: () => listAuditEvents(prisma, ADMIN, {}),
      deep: () => listAuditEvents(prisma, ADMIN, { after: auditDeep?.id, from: deepIndex(counts.audit) + 2, ...({ before: auditDeep ? BigInt(auditDeep.id) : undefined } as object) } as never),
      raw: {
        first: () => Promise.all([q(cappedSql(`"AuditEvent"`)), q(`SELECT * FROM "AuditEvent" ORDER BY id DESC LIMIT 101`)]),
        deep: () => Promise.all([q(cappedSql(`"AuditEvent"`)), q(`SELECT * FROM "AuditEvent" WHERE id < $1 ORDER BY id DESC LIMIT 101`, [auditDeep?.id ?? "0"])]),
      },
      explain: [],
    };
    const userCols = `u.id, u.username, u."fullName", u.role, u."reviewerLevel", u."unitId", u."areaId", u."isActive", u."lockedUntil", u."lastLoginAt", un.name AS "unitName", ar.name AS "areaName"`;
    const userFrom = `"User" u LEFT JOIN "Unit" un ON un.id = u."unitId" LEFT JOIN "AdministrativeArea" ar ON ar.id = u."areaId"`;
    const userDeep = (await q(`SELECT id, role::text AS role, username FROM "User" ORDER BY role, username, id OFFSET $1 LIMIT 1`, [deepIndex(counts.users)]))[0];
    const users: Scenario = {
      label: "users (admin)",
      count: counts.users,
      size: PAGE,
      first: () => listUsers(prisma, ADMIN),
      deep: () => (listUsers as (...a: unknown[]) => Promise<unknown>)(prisma, ADMIN, { after: userDeep?.id, from: deepIndex(counts.users) + 2 }),
      raw: {
        first: () => Promise.all([q(cappedSql(`"User"`)), q(`SELECT ${userCols} FROM ${userFrom} ORDER BY u.role, u.username, u.id LIMIT ${PAGE + 1}`)]),
        deep: () => Promise.all([q(cappedSql(`"User"`)), q(`SELECT ${userCols} FROM ${userFrom} WHERE (u.role, u.username, u.id) > ($1::"Role", $2, $3::uuid) ORDER BY u.role, u.username, u.id LIMIT ${PAGE + 1}`, [userDeep?.role, userDeep?.username, userDeep?.id])]),
      },
      explain: [],
    };

    const scenarios = [units, decisions, queue, audit, users];
    if (values.explain) {
      for (const s of scenarios) {
        for (const e of s.explain) {
          const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${e.text}`, e.values);
          console.log(`\n── ${s.label} (deep page, raw)\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
        }
      }
      console.log("");
    }

    let missed = false;
    for (const s of scenarios) {
      const measured: Record<"first" | "deep", number> = { first: 0, deep: 0 };
      for (const which of ["first", "deep"] as const) {
        let sample: unknown = null;
        const { useCase, raw } = await timePaired(
          async () => (sample = await s[which]()),
          () => s.raw[which](),
          warmup,
          runs,
        );
        const u50 = percentile(useCase, 50), u95 = percentile(useCase, 95), r95 = percentile(raw, 95);
        const rows = rowsOf(sample);
        const bytes = Buffer.byteLength(JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)));
        const ratio = u95 / r95;
        const ok = u95 < P95_GOAL_MS && ratio <= RAW_RATIO_GOAL;
        measured[which] = u95;
        missed ||= !ok;
        console.log(
          `[${s.label}] ${which === "first" ? "first page" : `deep page (row ${deepIndex(s.count) + 2} of ${s.count})`}: p50 ${u50.toFixed(1)} ms p95 ${u95.toFixed(1)} ms | raw SQL p95 ${r95.toFixed(1)} ms | ratio ${ratio.toFixed(2)}× | ${rows.length} rows, ${(bytes / 1024).toFixed(1)} KB ${ok ? "✓" : `✗ goal: p95 < ${P95_GOAL_MS} ms and ≤ ${RAW_RATIO_GOAL}× raw`}`,
        );
      }
      const depth = measured.deep / measured.first;
      if (depth > 2 && measured.deep > 20) missed = true;
      console.log(`[${s.label}] deep / first p95: ${depth.toFixed(2)}×`);
    }
    return missed ? 1 : 0;
  } finally {
    await pool.end();
    await db.close();
  }
}

runMain(main);
