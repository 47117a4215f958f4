/**
 * The year-end report (.docx) on a real PostgreSQL holding a province-sized dataset, and what it does
 * to the rest of the server while it builds: the bench serves /api/health (the app's health report:
 * a database round trip and the evidence store) from this process over HTTP, and a separate process
 * polls it every 20 ms; the report is built through the route's own logic (`reportDownload` +
 * `yearEndDocxFile`, the response body read to its end). Printed beside: reading the report's data
 * alone (its SQL through Prisma, the floor of any build), and the health check with nothing building.
 *
 * Goals (issue 12 §3): the report at 8× in < 1 s, the health check's worst answer while any document
 * builds < 100 ms.
 *
 *   createdb -h 127.0.0.1 -p 55480 -U antt -T scale8 h_me_8
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55480/h_me_8 npm run bench:documents
 *
 * Options: --runs 5 --warmup 1 --year 2026 (default: the dataset's last year and the one before).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Actor } from "../lib/auth/actor";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { evidenceStorage } from "../lib/dossiers/evidence-storage";
import { healthReport } from "../lib/health/health-report";
import { yearEndReportInput } from "../lib/reports/year-end-report-queries";
import { reportDownload, yearEndDocxFile } from "../app/api/reports/report-files";
import { percentile, runMain } from "./bench-support";

const LEADER: Actor = { userId: "00000000-0000-4000-8000-000000000000", username: "bench", fullName: "Benchmark", role: "LEADER", unitId: null, areaId: null, reviewerLevel: null, authorityId: null };
const BUILD_GOAL_MS = 1_000;
const HEALTH_GOAL_MS = 100;

/** The poller: its own process, so a blocked server cannot hide its own lateness. */
const POLLER = `
const url = process.argv[1];
const probes = [];
let stop = false;
process.stdin.on("data", () => { stop = true; });
(async () => {
  while (!stop) {
    const sent = Date.now();
    const t = performance.now();
    try { const r = await fetch(url); await r.arrayBuffer(); probes.push([sent, performance.now() - t, r.status]); }
    catch { probes.push([sent, performance.now() - t, 0]); }
    await new Promise((r) => setTimeout(r, 20));
  }
  process.stdout.write(JSON.stringify(probes));
  process.exit(0);
})();
`;


const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, warmup: { type: "string", default: "1" }, year: { type: "string" } } });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const config = databaseConfig();
  if (config.kind !== "postgres") {
    console.error("bench:documents measures a real PostgreSQL server, not the embedded PGlite: set DATABASE_URL to a province-sized copy (see the header of scripts/bench-documents.ts).");
    return 2;
  }
  const db = openDatabase(config);
  const storage = evidenceStorage();
  const server = createServer((req, res) => {
    if (req.url !== "/api/health") {
      res.writeHead(404).end();
      return;
    }
    healthReport(db.prisma, storage).then(
      (report) => res.writeHead(report.status === "ok" ? 200 : 503, { "Content-Type": "application/json" }).end(JSON.stringify(report)),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
  const poller = spawn(process.execPath, ["-e", POLLER, url], { stdio: ["pipe", "pipe", "inherit"] });
  let pollerOutput = "";
  poller.stdout.on("data", (chunk: Buffer) => (pollerOutput += chunk.toString()));
  const windows: { year: number; start: number; end: number }[] = [];

  try {
    const [counts] = await db.prisma.$queryRaw<{ units: number; dossiers: number; communes: number; last: number }[]>`
      SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "Dossier")::int AS dossiers,
             (SELECT count(*) FROM "AdministrativeArea" WHERE level = 'COMMUNE')::int AS communes, (SELECT max(year) FROM "Dossier")::int AS last`;
    const years = values.year ? [Number(values.year)] : [counts!.last, counts!.last - 1];
    console.log(
      `PostgreSQL at ${new URL(config.url).host}; ${counts!.communes} communes, ${counts!.units} units, ${counts!.dossiers} dossiers; ` +
        `${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}; warm-up ${warmup}, ${runs} measured runs per year.`,
    );
    // Idle health first (after the poller and the connections have started): the check with nothing building.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleUntil = Date.now();

    const results: string[] = [];
    let missed = false;
    // The floor first, on its own: reading a report's data decodes tens of thousands of rows on
    // this thread, which a server building the report never does (the worker reads them) — done
    // between builds, it held up the health probes and the event loop the builds are judged by.
    const floors = new Map<number, { rows: string; reads: number[] }>();
    for (const year of years) {
      const input = await yearEndReportInput(db.prisma, LEADER, year);
      const reads: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const r0 = performance.now();
        await yearEndReportInput(db.prisma, LEADER, year);
        if (i >= warmup) reads.push(performance.now() - r0);
      }
      reads.sort((a, b) => a - b);
      floors.set(year, { rows: `${input.recognised.length} recognised + ${input.notRecognised.length} refused units, ${input.data.communes.length} communes`, reads });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    // How long this process's event loop (the request thread) was stuck while the reports built.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    for (const year of years) {
      const { rows, reads } = floors.get(year)!;
      const totals: number[] = [];
      const firstBytes: number[] = [];
      let size = 0;
      for (let i = 0; i < warmup + runs; i++) {
        const start = Date.now();
        const t0 = performance.now();
        const response = await reportDownload(LEADER, (actor) => yearEndDocxFile(db, actor, year));
        const t1 = performance.now();
        if (response.status !== 200) throw new Error(`year ${year}: HTTP ${response.status} ${await response.text()}`);
        size = (await response.arrayBuffer()).byteLength;
        const t2 = performance.now();
        windows.push({ year, start, end: Date.now() });
        if (i >= warmup) {
          totals.push(t2 - t0);
          firstBytes.push(t1 - t0);
        }
      }
      for (const list of [totals, firstBytes]) list.sort((a, b) => a - b);
      const ok = percentile(totals, 50) < BUILD_GOAL_MS;
      missed ||= !ok;
      results.push(
        `[year ${year}: ${rows}; ${(size / 1024).toFixed(0)} KB] report p50 ${ms(percentile(totals, 50))} max ${ms(totals.at(-1)!)} ` +
          `(first byte p50 ${ms(percentile(firstBytes, 50))}) | reading its data alone p50 ${ms(percentile(reads, 50))} | ` +
          `ratio ${(percentile(totals, 50) / percentile(reads, 50)).toFixed(2)}× ${ok ? "✓" : `✗ goal < ${BUILD_GOAL_MS} ms`}`,
      );
    }

    loopDelay.disable();
    poller.stdin.end("stop");
    await new Promise((resolve) => poller.once("exit", resolve));
    const probes = JSON.parse(pollerOutput) as [number, number, number][];
    const idle = probes.filter(([sent]) => sent >= idleFrom && sent < idleUntil).map(([, t]) => t).sort((a, b) => a - b);
    const during = probes
      .filter(([sent, t]) => windows.some((w) => sent + t >= w.start && sent <= w.end))
      .map(([, t]) => t)
      .sort((a, b) => a - b);
    const failed = probes.filter(([, , status]) => status !== 200).length;
    for (const line of results) console.log(line);
    const healthOk = during.length > 0 && during.at(-1)! < HEALTH_GOAL_MS && failed === 0;
    missed ||= !healthOk;
    console.log(
      `[/api/health while reports build: ${during.length} probes] p50 ${ms(percentile(during, 50))} p95 ${ms(percentile(during, 95))} max ${ms(during.at(-1) ?? NaN)} | ` +
        `idle p50 ${ms(percentile(idle, 50))} p95 ${ms(percentile(idle, 95))} | failed ${failed} ${healthOk ? "✓" : `✗ goal: max < ${HEALTH_GOAL_MS} ms`}`,
    );
    console.log(`[event loop of the request thread while reports build] p99 delay ${ms(loopDelay.percentile(99) / 1e6)} max ${ms(loopDelay.max / 1e6)}`);
    console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    return missed ? 1 : 0;
  } finally {
    poller.kill();
    server.close();
    await db.close();
    // The worker pool exists only in builds that write documents off the request thread.
    const pool = (await import("../lib/documents/document-pool").catch(() => null)) as { closeDocumentPool?: () => Promise<void> } | null;
    await pool?.closeDocumentPool?.();
  }
}

runMain(main);
