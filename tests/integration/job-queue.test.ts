/**
 * The job queue (pg-boss, ADR 0026-job-queue) on the app's own database: the schema comes from the
 * migrations, jobs run once, a "stately" queue keeps one waiting copy, schedules are rows in
 * Vietnam's time, and on PostgreSQL the whole thing runs as the least-privilege app role (ADR 0005).
 */
import { afterEach, describe, expect, it } from "vitest";
import { grantAppRole } from "../../lib/db/app-role";
import type { Database } from "../../lib/db/client";
import { openDatabase } from "../../lib/db/client";
import { enqueue, JOB_SCHEMA, JobsNotStartedError, jobsRunning, schedule, startJobs, stopJobs, type JobHandlers } from "../../lib/jobs/queue";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

afterEach(async () => {
  await stopJobs();
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

function recorder() {
  const seen: { name: string; data: unknown }[] = [];
  const handlers: JobHandlers = {
    "test.echo": async (data, job) => {
      seen.push({ name: job.name, data });
    },
    "test.wake": { policy: "stately", handler: async (data) => void seen.push({ name: "test.wake", data }) },
  };
  return { seen, handlers };
}

describe("the job queue", () => {
  it("refuses to enqueue before it runs, and starting twice in a process is one runner", async () => {
    expect(jobsRunning()).toBe(false);
    await expect(enqueue("test.echo", {})).rejects.toThrow(JobsNotStartedError);
    const { handlers } = recorder();
    await Promise.all([startJobs(t.db, handlers, { pollingIntervalSeconds: 0.5 }), startJobs(t.db, handlers, { pollingIntervalSeconds: 0.5 })]);
    expect(jobsRunning()).toBe(true);
    await expect(enqueue("test.unknown", {})).rejects.toThrow(/No handler/);
    await stopJobs();
    expect(jobsRunning()).toBe(false);
    await stopJobs();
  });

  it("runs each job once, with its data; a later job waits for its time", async () => {
    const { seen, handlers } = recorder();
    await startJobs(t.db, handlers, { pollingIntervalSeconds: 0.5 });
    await enqueue("test.echo", { n: 1, text: "Nhắc hạn nộp hồ sơ" });
    await enqueue("test.echo", { n: 2 });
    await enqueue("test.echo", { n: 3 }, { startAfter: 3600 });
    await until(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 1200));
    expect(seen.map((s) => s.data).sort((a, b) => (a as { n: number }).n - (b as { n: number }).n)).toEqual([{ n: 1, text: "Nhắc hạn nộp hồ sơ" }, { n: 2 }]);
  });

  it("keeps one waiting copy of a 'stately' job", async () => {
    const { handlers } = recorder();
    // Supervision off and workers not yet polling matter little: the second send is refused at insert.
    await startJobs(t.db, { "test.wake": handlers["test.wake"]! }, { pollingIntervalSeconds: 30 });
    const first = await enqueue("test.wake", {}, { startAfter: 60 });
    const second = await enqueue("test.wake", {}, { startAfter: 60 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
  });

  it("keeps a schedule as one row in Vietnam's time, however often it is declared", async () => {
    const { handlers } = recorder();
    await startJobs(t.db, handlers, { pollingIntervalSeconds: 0.5 });
    await schedule("test.echo", "0 7 * * *", { kind: "digest" });
    await schedule("test.echo", "0 7 * * 1", { kind: "digest" });
    const rows = await t.prisma.$queryRawUnsafe<{ name: string; cron: string; timezone: string }[]>(`SELECT name, cron, timezone FROM ${JOB_SCHEMA}.schedule`);
    expect(rows).toEqual([{ name: "test.echo", cron: "0 7 * * 1", timezone: "Asia/Ho_Chi_Minh" }]);
  });

  it("starts without DDL: on PostgreSQL as the least-privilege app role, on PGlite creating no object", async () => {
    // Everything the queue needs comes from the migrations (ADR 0026); starting it creates nothing.
    const objects = async () =>
      (await t.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${JOB_SCHEMA}' ORDER BY 1`)).map((r) => r.name);
    const before = await objects();
    expect(before.length).toBeGreaterThan(0);
    if (t.db.config.kind !== "postgres") {
      const { seen, handlers } = recorder();
      await startJobs(t.db, { "test.fresh": handlers["test.echo"]! }, { pollingIntervalSeconds: 0.5 });
      await schedule("test.fresh", "*/5 * * * *");
      await enqueue("test.fresh", { as: "pglite" });
      await until(() => seen.length >= 1);
      expect(seen[0]!.data).toEqual({ as: "pglite" });
      expect(await objects()).toEqual(before);
      return;
    }
    const role = "antt_jobs_probe";
    await t.prisma.$executeRawUnsafe(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN; END IF; END $$`);
    await grantAppRole(t.prisma, role);
    const url = new URL(t.db.config.url);
    url.username = role;
    url.password = "";
    const app: Database = openDatabase({ kind: "postgres", url: url.toString() });
    try {
      const { seen, handlers } = recorder();
      await startJobs(app, handlers, { pollingIntervalSeconds: 0.5 });
      await schedule("test.echo", "*/5 * * * *");
      await enqueue("test.echo", { as: role });
      await until(() => seen.length >= 1);
      expect(seen[0]!.data).toEqual({ as: role });
      const [who] = await t.prisma.$queryRawUnsafe<{ ddl: boolean }[]>(`SELECT has_schema_privilege('${role}', '${JOB_SCHEMA}', 'CREATE') AS ddl`);
      expect(who!.ddl).toBe(false);
      expect(await objects()).toEqual(before);
    } finally {
      await stopJobs();
      await app.close();
    }
  });
});
