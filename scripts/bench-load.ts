/**
 * Load on the running app: signed-in users of every role on a mix of pages, over HTTP, with
 * autocannon (issue 12 §8). Two passes per user count:
 *
 * - "users": each connection is one person who asks for a page every --think seconds (default 2,
 *   a busy person); the goal (p95 < 400 ms, no error) is judged here;
 * - "saturation": the same connections with no think time, for the record: how many pages a
 *   second this one process serves before it queues.
 *
 * Before the passes, a warm-up (--warmup seconds, default 20; 0 skips it) runs the mix with 10
 * connections and no think time, unmeasured: a server that has answered each page once still
 * compiles its code as the first hundreds of requests arrive (V8 optimises hot functions after many
 * calls), and a pass that starts cold measured that — the same build's 100-user p95 swung from
 * 0.26 s to 1.8 s depending on whether another pass had run first. A province's server runs warm.
 *
 * Latency is what the client saw per response, per page and overall (p50/p95/max), and every
 * non-2xx answer or socket error counts as an error (a redirect to /login means a lost session).
 * With --start the script starts `next start` itself (the production build must exist: `npm run
 * build`), samples the server's memory (RSS of its process tree) during and after the run, and
 * stops it. Without --start, --url names a server already running.
 *
 *   npm run build
 *   # PostgreSQL at 1× (the database must hold seed:scale --with-demo; the demo accounts sign in):
 *   DATABASE_URL=postgresql://antt@127.0.0.1:55480/load1 npm run bench:load -- --start
 *   # the embedded database (a fresh one under .data/bench-load, demo province):
 *   npm run bench:load -- --start --embedded
 *   # an embedded database already loaded (e.g. ANTT_DATA_DIR=… npm run seed:scale -- --with-demo); used as is:
 *   npm run bench:load -- --start --embedded --data-dir /tmp/pglite-scale
 *
 *   # two instances on one PostgreSQL (ports 3150 and 3151), each person pinned to one of them:
 *   DATABASE_URL=… npm run bench:load -- --start --instances 2
 *
 * Options: --users 20,100 --duration 30 --think 2 --warmup 20 --port 3150 --url http://127.0.0.1:3150[,http://…]
 *          --instances 1 --no-saturation --data-dir DIR --settle 30 (seconds of idle after the run
 *          before the last memory sample)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { openDatabase } from "../lib/db/client";
import { databaseConfig } from "../lib/db/config";
import { stableId } from "../prisma/seed/demo-province";
import { percentile, signInOverHttp, runMain } from "./bench-support";

const P95_GOAL_MS = 400;

type Role = "leader" | "provincialReviewer" | "communeReviewer" | "communeOfficer" | "unitOfficer" | "anonymous";
const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  leader: "lanhdao",
  provincialReviewer: "thamdinh.tinh",
  communeReviewer: "thamdinh.xa",
  communeOfficer: "canbo.phuonglaocai",
  unitOfficer: "canbo.sotuphap",
};

type Ids = { communeAreaId: string; stpUnitId: string; xaUnitId: string; reviewDossierId: string | null; decisionId: string | null };
type PageSpec = { role: Role; path: string };

/** The mix: what each kind of user opens most, weighted by listing a page more than once. */
function pageMix(ids: Ids): PageSpec[] {
  const pages: PageSpec[] = [
    { role: "leader", path: "/dashboard" },
    { role: "leader", path: "/dashboard" },
    { role: "leader", path: `/dashboard/communes/${ids.communeAreaId}` },
    { role: "leader", path: "/units" },
    { role: "provincialReviewer", path: "/" },
    { role: "provincialReviewer", path: "/" },
    { role: "provincialReviewer", path: "/decisions" },
    { role: "communeReviewer", path: "/" },
    { role: "communeOfficer", path: "/" },
    { role: "communeOfficer", path: "/units" },
    { role: "communeOfficer", path: `/units/${ids.xaUnitId}/dossier` },
    { role: "unitOfficer", path: `/units/${ids.stpUnitId}` },
    { role: "unitOfficer", path: `/units/${ids.stpUnitId}/records` },
    { role: "anonymous", path: "/api/health" },
    { role: "anonymous", path: "/login" },
  ];
  if (ids.reviewDossierId) pages.push({ role: "provincialReviewer", path: `/dossiers/${ids.reviewDossierId}/review` });
  if (ids.decisionId) pages.push({ role: "provincialReviewer", path: `/decisions/${ids.decisionId}` });
  return pages;
}

/** The demo province's rows keep stable ids through its import (ADR 0017). */
function demoIds(): Pick<Ids, "communeAreaId" | "stpUnitId" | "xaUnitId"> {
  return { communeAreaId: stableId("area:LCI-P01"), stpUnitId: stableId("unit:CQ-STP"), xaUnitId: stableId("unit:XA:LCI-P01") };
}

/** The scale seed's dossiers are not all within one reviewer's competence: take ids from their pages. */
async function requireDemoProvince(): Promise<void> {
  const db = openDatabase(databaseConfig());
  try {
    const demo = demoIds();
    if ((await db.prisma.unit.count({ where: { id: { in: [demo.stpUnitId, demo.xaUnitId] } } })) !== 2) {
      throw new Error("The database lacks the demo province (units CQ-STP and XA of LCI-P01): seed it with `seed:scale -- --with-demo`, or use --embedded.");
    }
  } finally {
    await db.close();
  }
}

// ── The server under test ───────────────────────────────────────────────────────────────────────

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parents) if (ppid === out[i]) out.push(pid);
  return out;
}

/** Resident memory of a process and everything it started, in MB. */
function treeRssMb(root: number): number {
  let kb = 0;
  for (const pid of descendants(root)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

async function startServer(port: number, embedded: boolean, dataDir: string | undefined): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", ANTT_DEMO: "1" };
  if (embedded) {
    delete env.DATABASE_URL;
    if (dataDir) env.ANTT_DATA_DIR = path.resolve(dataDir);
    else {
      // A fresh demo database each run, so runs compare.
      env.ANTT_DATA_DIR = path.resolve(".data/bench-load");
      rmSync(env.ANTT_DATA_DIR, { recursive: true, force: true });
      rmSync(`${env.ANTT_DATA_DIR}.lock`, { recursive: true, force: true });
    }
  }
  const child = spawn("npm", ["run", "start", "--", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout!.on("data", (b: Buffer) => (log += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (log += b.toString()));
  // Ready is when it answers: migrations and the demo seed may run first, longer on a busy machine.
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer /api/health within 10 minutes:\n${log}`);
}

function stopServer(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // Already gone.
  }
}

// ── Measuring ───────────────────────────────────────────────────────────────────────────────────


type PassResult = { requests: number; errors: number; errorKinds: Map<string, number>; byPath: Map<string, number[]>; all: number[]; seconds: number; bytes: number };

/**
 * `bases`: one URL per app instance. Each person stays on one instance (a load balancer with sticky
 * sessions, or a round robin over many people): the users are split evenly across them.
 */
async function runPass(bases: string[], pages: PageSpec[], cookies: Map<Role, string>, users: number, duration: number, thinkSeconds: number | null): Promise<PassResult> {
  const result: PassResult = { requests: 0, errors: 0, errorKinds: new Map(), byPath: new Map(), all: [], seconds: duration, bytes: 0 };
  const label = (p: PageSpec) => `${p.role} ${p.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id")}`;
  const error = (kind: string) => {
    result.errors++;
    result.errorKinds.set(kind, (result.errorKinds.get(kind) ?? 0) + 1);
  };
  // Every connection walks the whole mix in turn, each page with its own user's cookie. With a
  // think time the offered rate is users / think pages a second.
  const requests = pages.map((page) => ({ method: "GET" as const, path: page.path, headers: (page.role === "anonymous" ? {} : { cookie: cookies.get(page.role)! }) as Record<string, string> }));
  const key = (r: { path?: string; headers?: Record<string, string> }) => `${r.path} ${r.headers?.cookie ?? ""}`;
  const labelOf = new Map(requests.map((r, i) => [key(r), label(pages[i]!)]));
  let clients = 0;
  const share = (b: number) => Math.round((users * (b + 1)) / bases.length) - Math.round((users * b) / bases.length);
  const run = (base: string, connections: number, rate: number | null) =>
    new Promise<void>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections,
          duration,
          timeout: 30,
          requests,
          // Each person starts at a different page of the mix, as real users would, not all on the first.
          setupClient: (client) => {
            const offset = clients++;
            client.setRequests(requests.map((_, j) => requests[(j + offset) % requests.length]!));
          },
          ...(rate ? { overallRate: rate } : {}),
        },
        (err) => (err ? reject(err) : resolve()),
      );
      instance.on("response", (client, statusCode, resBytes, responseTime) => {
        // The client still points at the request it just got the answer to (it asks for the next one after this event).
        const request = (client as unknown as { requestIterator: { currentRequest: { path?: string; headers?: Record<string, string> } } }).requestIterator.currentRequest;
        const page = labelOf.get(key(request)) ?? "?";
        let times = result.byPath.get(page);
        if (!times) result.byPath.set(page, (times = []));
        result.requests++;
        result.bytes += resBytes;
        times.push(responseTime);
        result.all.push(responseTime);
        if (statusCode < 200 || statusCode >= 300) error(`HTTP ${statusCode} ${page}`);
      });
      instance.on("reqError", (e) => error(e.message));
    });
  if (!thinkSeconds) {
    await Promise.all(bases.map((base, b) => (share(b) > 0 ? run(base, share(b), null) : Promise.resolve())));
    return result;
  }
  // With a think time, people ask independently of each other. autocannon's rate limit refills
  // every client's quota on a one-second timer started when the client is — all at once — so one
  // autocannon with N clients at one page a second sends its N requests together at each second's
  // start: a burst the size of the whole offered rate, no user population does that (measured: 20
  // users' health checks waited p50 152 ms behind their own burst). Instead one stream per page a
  // second of offered rate (users / think), each its own autocannon at one page a second, started
  // 1/rate s apart: the same rate, spread over the second.
  const streams: string[] = [];
  const rates = bases.map((_, b) => Math.max(share(b) > 0 ? 1 : 0, Math.round(share(b) / thinkSeconds)));
  for (let i = 0; i < Math.max(...rates); i++) bases.forEach((base, b) => i < rates[b]! && streams.push(base));
  await Promise.all(
    streams.map(async (base, s) => {
      await new Promise((r) => setTimeout(r, (s * 1000) / streams.length));
      await run(base, 1, 1);
    }),
  );
  return result;
}

function report(title: string, r: PassResult, judge: boolean): boolean {
  const all = [...r.all].sort((a, b) => a - b);
  const p95 = percentile(all, 95);
  const ok = r.errors === 0 && p95 < P95_GOAL_MS;
  console.log(
    `\n[${title}] ${r.requests} responses in ${r.seconds} s (${(r.requests / r.seconds).toFixed(1)}/s, ${(r.bytes / r.seconds / 1024).toFixed(0)} KB/s), errors ${r.errors} | ` +
      `p50 ${percentile(all, 50).toFixed(0)} ms p95 ${p95.toFixed(0)} ms max ${all.at(-1)?.toFixed(0)} ms` +
      (judge ? ` ${ok ? "✓" : `✗ goal: p95 < ${P95_GOAL_MS} ms, no error`}` : " (for the record)"),
  );
  for (const [kind, n] of r.errorKinds) console.log(`    error ×${n}: ${kind}`);
  for (const [page, times] of [...r.byPath].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`    ${page.padEnd(58)} n ${String(sorted.length).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms`);
  }
  return !judge || ok;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "20,100" },
      duration: { type: "string", default: "30" },
      think: { type: "string", default: "2" },
      warmup: { type: "string", default: "20" },
      port: { type: "string", default: "3150" },
      url: { type: "string" },
      start: { type: "boolean", default: false },
      embedded: { type: "boolean", default: false },
      "data-dir": { type: "string" },
      "no-saturation": { type: "boolean", default: false },
      instances: { type: "string", default: "1" },
      settle: { type: "string", default: "30" },
    },
  });
  const userCounts = values.users.split(",").map(Number);
  const duration = Number(values.duration);
  const think = Number(values.think);
  if (userCounts.some((n) => !Number.isInteger(n) || n < 1) || !(duration > 0) || !(think > 0) || !(Number(values.warmup) >= 0)) {
    console.error("Usage: npm run bench:load -- [--start [--embedded]] [--url URL] [--users 20,100] [--duration 30] [--think 2] [--warmup 20]");
    return 2;
  }
  if (!values.start && !values.url) {
    console.error("Give --start (start `next start` here) or --url of a running server.");
    return 2;
  }
  if (values.embedded && !values.start) {
    console.error("--embedded needs --start: the embedded database is locked by the server that holds it.");
    return 2;
  }
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || (instances > 1 && (values.embedded || !values.start))) {
    console.error("--instances N (N ≥ 1) needs --start on PostgreSQL: the embedded database has one server; with --url, give several URLs separated by commas.");
    return 2;
  }

  const servers: ChildProcess[] = [];
  let ids: Ids | undefined;
  if (values.embedded) {
    // The demo ids are stable (prisma/seed): read them after the server has seeded, through pages.
    servers.push(await startServer(Number(values.port), true, values["data-dir"]));
    ids = await resolveIdsOverHttp(`http://127.0.0.1:${values.port}`);
  } else {
    if (databaseConfig().kind !== "postgres") {
      console.error("Set DATABASE_URL (PostgreSQL), or use --start --embedded for the embedded database.");
      return 2;
    }
    await requireDemoProvince();
    // Several instances on one database, as ADR 0022 runs a province (migrated once, by the first).
    if (values.start) for (let i = 0; i < instances; i++) servers.push(await startServer(Number(values.port) + i, false, undefined));
  }
  const bases = values.url ? values.url.split(",") : servers.map((_, i) => `http://127.0.0.1:${Number(values.port) + i}`);
  const base = bases[0]!;
  ids ??= await resolveIdsOverHttp(base);
  const memory: { when: string; mb: number }[] = [];
  const serversRssMb = () => servers.reduce((sum, server) => sum + treeRssMb(server.pid!), 0);
  const sample = (when: string) => servers.length > 0 && memory.push({ when, mb: serversRssMb() });
  let peak = 0;
  const sampler = servers.length > 0 ? setInterval(() => (peak = Math.max(peak, serversRssMb())), 1000) : null;
  try {
    const cookies = new Map<Role, string>();
    for (const [role, username] of Object.entries(ACCOUNTS) as [Role, string][]) cookies.set(role, await signInOverHttp(base, username));
    const pages = pageMix(ids);
    // Every page once per its user, before measuring: a wrong id or a lost session is a setup error.
    for (const page of pages) {
      const response = await fetch(`${base}${page.path}`, { headers: page.role === "anonymous" ? {} : { cookie: cookies.get(page.role)! }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`Setup: ${page.role} ${page.path} answered ${response.status}, not 200.`);
    }
    console.log(
      `bench:load against ${bases.join(", ")} (${databaseConfig().kind === "postgres" && !values.embedded ? `PostgreSQL ${new URL(process.env.DATABASE_URL!).pathname.slice(1)}` : "embedded PGlite"}); ` +
        `${pages.length} pages in the mix, ${Object.keys(ACCOUNTS).length} accounts; think ${think} s; ${duration} s per pass; ${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}.`,
    );
    const warmup = Number(values.warmup);
    if (warmup > 0) {
      const warm = await runPass(bases, pages, cookies, 10 * bases.length, warmup, null);
      console.log(`Warm-up (not measured): ${warm.requests} responses in ${warmup} s, ${warm.errors} errors.`);
    }
    sample("after warm-up");
    let ok = true;
    for (const users of userCounts) {
      ok = report(`${users} users, one page every ${think} s each (${Math.max(1, Math.round(users / think))} pages/s offered)`, await runPass(bases, pages, cookies, users, duration, think), true) && ok;
      sample(`after ${users} users`);
      if (!values["no-saturation"]) {
        report(`${users} connections, no think time (saturation)`, await runPass(bases, pages, cookies, users, duration, null), false);
        sample(`after ${users} connections saturated`);
      }
    }
    if (servers.length > 0) {
      await new Promise((r) => setTimeout(r, Number(values.settle) * 1000));
      sample(`after ${values.settle} s idle`);
      console.log(`\nServer memory (RSS of the process trees of ${servers.length} instance(s)): ${memory.map((m) => `${m.when} ${m.mb.toFixed(0)} MB`).join("; ")}; peak ${peak.toFixed(0)} MB.`);
    }
    return ok ? 0 : 1;
  } finally {
    if (sampler) clearInterval(sampler);
    for (const server of servers) stopServer(server);
  }
}

/** For the embedded database (locked by its server): the demo's stable ids, and a dossier and decision as the pages link them. */
async function resolveIdsOverHttp(base: string): Promise<Ids> {
  const reviewer = await signInOverHttp(base, ACCOUNTS.provincialReviewer);
  const html = async (p: string) => (await fetch(`${base}${p}`, { headers: { cookie: reviewer } })).text();
  const uuid = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
  return {
    ...demoIds(),
    reviewDossierId: new RegExp(`/dossiers/${uuid}/review`).exec(await html("/"))?.[1] ?? null,
    decisionId: new RegExp(`/decisions/${uuid}`).exec(await html("/decisions"))?.[1] ?? null,
  };
}

runMain(main);
