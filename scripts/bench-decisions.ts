/**
 * Decisions for many units at once on a real PostgreSQL holding a province-sized dataset (issue 12
 * §2): issuing one decision for N units (default 500), cancelling it, and revoking the recognition
 * of N units — each through its use-case (lib/dossiers), timed, with the number of SQL statements
 * it sent (Prisma query events, BEGIN/COMMIT included), beside its raw-SQL twin (the same
 * set-based statements through a plain `pg` client, rolled back). Warm-up 2, then 10 measured
 * cycles; each twin runs just before its use-case, on the same rows. Goal: p95 < 300 ms
 * for 500 units.
 *
 * IT WRITES: every cycle issues, cancels, issues again, revokes, and then puts the N dossiers back
 * to PROPOSED directly (untimed). Run it on a throwaway copy, never on a real province:
 *
 *   createdb -h 127.0.0.1 -p 55480 -U antt -T scale8 h_bench_8
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55480/h_bench_8 npm run bench:decisions
 *   dropdb -h 127.0.0.1 -p 55480 -U antt h_bench_8
 *
 * Options: --units 500 --runs 10 --warmup 2 --year 2026. The N dossiers are the latest year's
 * dossiers of units UBND tỉnh recognises (not khu dân cư), PROPOSED ones first; others are set to
 * PROPOSED directly before the first cycle.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { Actor } from "../lib/auth/actor";
import { databaseConfig } from "../lib/db/config";
import { issueDecision, revokeRecognitions } from "../lib/dossiers/decisions";
import { applyMigrations } from "../lib/db/migrations";
import { cancelDecision } from "../lib/dossiers/decision-corrections";
import { verifyAuditChain } from "../lib/audit/audit-chain";
import { decisionRawSql } from "./bench-decisions.raw";
import { percentile, runMain } from "./bench-support";

const P95_GOAL_MS = 300;


async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { units: { type: "string", default: "500" }, runs: { type: "string", default: "10" }, warmup: { type: "string", default: "2" }, year: { type: "string" } },
  });
  const n = Number(values.units);
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error("bench:decisions measures a real PostgreSQL server: set DATABASE_URL to a throwaway copy of a scale database (see the header).");
    return 2;
  }
  await applyMigrations(config);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url }), log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  prisma.$on("query", () => {
    statements++;
  });
  const raw = new pg.Client({ connectionString: config.url });
  await raw.connect();
  try {
    const year = values.year ? Number(values.year) : ((await prisma.dossier.aggregate({ _max: { year: true } }))._max.year ?? 2026);
    const admin = await prisma.user.findFirst({ where: { role: "ADMIN", isActive: true }, orderBy: { username: "asc" } });
    if (!admin) throw new Error("No active administrator in the database (seed:scale --with-demo).");
    const actor: Actor = { userId: admin.id, username: admin.username, fullName: admin.fullName, role: "ADMIN", unitId: null, areaId: null, reviewerLevel: null, authorityId: null };
    const authority = await prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
    const chosen = await prisma.$queryRaw<{ id: string }[]>`
      SELECT d."id"::text AS id FROM "Dossier" d JOIN "Unit" u ON u."id" = d."unitId"
      WHERE d."year" = ${year} AND u."kind" <> 'KDC'
      ORDER BY (d."state" = 'PROPOSED') DESC, d."id" LIMIT ${n}`;
    if (chosen.length < n) throw new Error(`Only ${chosen.length} dossiers of ${year} for UBND tỉnh: not a province-sized dataset.`);
    const ids = chosen.map((r) => r.id);
    // Untimed: the N dossiers awaiting a decision, as a reviewer's proposal leaves them.
    const reset = () => prisma.$executeRaw`
      UPDATE "Dossier" SET "state" = 'PROPOSED', "decisionId" = NULL, "decidedAt" = NULL, "revokedAt" = NULL, "revocationReason" = NULL, "revocationRef" = NULL,
        "proposedAt" = coalesce("proposedAt", now()), "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = ANY(${ids}::uuid[])`;
    await reset();
    const versions = async () => (await prisma.dossier.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } })).map((d) => ({ dossierId: d.id, version: d.version }));
    const decisionInput = async () => ({ authorityId: authority.id, year, issuedOn: `${year}-11-20`, signerName: "Nguyễn Văn Bình", signerTitle: "Chủ tịch", dossiers: await versions() });

    const [counts] = await prisma.$queryRaw<{ units: number; dossiers: number; events: number }[]>`
      SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "Dossier")::int AS dossiers, (SELECT count(*) FROM "AuditEvent")::int AS events`;
    const version = (await raw.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    console.log(
      `PostgreSQL ${version} at ${new URL(config.url).host}; ${counts!.units} units, ${counts!.dossiers} dossiers, ${counts!.events} audit events; year ${year}; ${n} units per decision; ` +
        `${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}; warm-up ${warmup}, ${runs} measured cycles.`,
    );

    type Sample = { ms: number; statements: number };
    const measure = async (fn: () => Promise<unknown>): Promise<Sample> => {
      const before = statements;
      const start = process.hrtime.bigint();
      await fn();
      return { ms: Number(process.hrtime.bigint() - start) / 1e6, statements: statements - before };
    };
    const rawTime = async (fn: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const samples = { issue: [] as Sample[], cancel: [] as Sample[], revoke: [] as Sample[] };
    const twins = { issue: [] as number[], cancel: [] as number[], revoke: [] as number[] };
    const twin = decisionRawSql(raw, { actor, authorityId: authority.id, year, ids });

    for (let i = 0; i < warmup + runs; i++) {
      const keep = i >= warmup;
      // Each twin runs just before its use-case, on the same state (it rolls back).
      // Issue, then cancel that decision (its units go back to PROPOSED).
      const input = await decisionInput();
      twins.issue.push(await rawTime(twin.issue));
      let decision!: { id: string; textVersion: number };
      const issued = await measure(async () => (decision = await issueDecision(prisma, actor, input)));
      twins.cancel.push(await rawTime(() => twin.cancel(decision.id)));
      const cancelled = await measure(() => cancelDecision(prisma, actor, { decisionId: decision.id, textVersion: decision.textVersion, reason: "Ban hành nhầm danh sách đơn vị (đo hiệu năng).", reference: "99/QĐ-UBND" }));
      // Issue again (untimed), then revoke every unit's recognition.
      await issueDecision(prisma, actor, await decisionInput());
      const recognised = await versions();
      twins.revoke.push(await rawTime(twin.revoke));
      const revoked = await measure(() => revokeRecognitions(prisma, actor, { dossiers: recognised, reason: "Để xảy ra vụ việc nghiêm trọng (đo hiệu năng).", reference: "98/QĐ-UBND" }));
      await reset();
      if (keep) {
        samples.issue.push(issued);
        samples.cancel.push(cancelled);
        samples.revoke.push(revoked);
      }
    }

    let missed = false;
    for (const op of ["issue", "cancel", "revoke"] as const) {
      const ms = samples[op].map((s) => s.ms).sort((a, b) => a - b);
      const tw = twins[op].slice(warmup).sort((a, b) => a - b);
      const stmts = [...new Set(samples[op].map((s) => s.statements))].join("/");
      const p50 = percentile(ms, 50), p95 = percentile(ms, 95), r50 = percentile(tw, 50), r95 = percentile(tw, 95);
      const ok = p95 < P95_GOAL_MS;
      missed ||= !ok;
      console.log(
        `[${op} ${n} units] use-case p50 ${p50.toFixed(1)} ms p95 ${p95.toFixed(1)} ms, ${stmts} statements | raw SQL p50 ${r50.toFixed(1)} ms p95 ${r95.toFixed(1)} ms | ratio p95 ${(p95 / r95).toFixed(2)}× ${ok ? "✓" : `✗ goal: p95 < ${P95_GOAL_MS} ms`}`,
      );
    }
    const chain = await verifyAuditChain(prisma);
    console.log(chain.ok ? `Audit chain verifies: ${chain.events} events.` : `AUDIT CHAIN BROKEN at event ${chain.first.id} (${chain.first.problem}).`);
    console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    return missed || !chain.ok ? 1 : 0;
  } finally {
    await raw.end();
    await prisma.$disconnect();
  }
}

runMain(main);
