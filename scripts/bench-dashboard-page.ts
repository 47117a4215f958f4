/**
 * The /dashboard PAGE as a browser gets it, against a running server (`next start` on a
 * province-sized database): signs in as the demo leader through next-auth's credentials flow, then
 * fetches the page N times one after another, reading the whole body (HTML, which carries the
 * server-components payload inline). Prints p50/p95 time and the page's size. Goal (issue 12 §1,
 * at 8×): p95 < 300 ms and < 500 KB.
 *
 *   npm run build && DATABASE_URL=postgresql://…/h_8 PORT=3181 npm run start &
 *   BASE_URL=http://127.0.0.1:3181 npm run bench:dashboard-page -- --runs 30 [--path "/dashboard?year=2026"]
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { percentile, signInOverHttp, runMain } from "./bench-support";

const P95_GOAL_MS = 300;
const SIZE_GOAL_BYTES = 500 * 1024;


async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "30" },
      warmup: { type: "string", default: "3" },
      path: { type: "string", default: "/dashboard" },
      user: { type: "string", default: "lanhdao" },
    },
  });
  const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
  let cookie: string;
  try {
    cookie = await signInOverHttp(base, values.user);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }

  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${values.path}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    status = response.status;
    bytes = body.byteLength;
    if (status !== 200) {
      console.error(`GET ${values.path} answered HTTP ${status}`);
      return 1;
    }
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const ok = p95 < P95_GOAL_MS && bytes < SIZE_GOAL_BYTES;
  console.log(`${base}${values.path} as ${values.user}; ${cpus().length} CPU, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}; warm-up ${warmup}, ${runs} runs.`);
  console.log(`[page] p50 ${p50.toFixed(1)} ms p95 ${p95.toFixed(1)} ms | ${(bytes / 1024).toFixed(1)} KB ${ok ? "✓" : `✗ goal: p95 < ${P95_GOAL_MS} ms and < ${SIZE_GOAL_BYTES / 1024} KB`}`);
  return ok ? 0 : 1;
}

runMain(main);
