/**
 * What every benchmark script shares: the nearest-rank percentile they all report, a timer, and
 * signing in over HTTP as the login form does (the page and load benchmarks measure what a browser
 * gets, so they hold a real next-auth session cookie).
 */
import { DEMO_PASSWORD } from "../prisma/seed/demo-data";

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Milliseconds one call takes. */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function keepCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

/**
 * Signs in through next-auth's credentials endpoint (CSRF token, then the callback), as the login
 * form does; returns the Cookie header a browser would then send. Throws when no session cookie comes back.
 */
export async function signInOverHttp(base: string, username: string, password = process.env.BENCH_PASSWORD ?? DEMO_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true", callbackUrl: `${base}/` }),
  });
  keepCookies(jar, response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`Sign-in as ${username} failed (HTTP ${response.status}): no session cookie. Is the demo province loaded (seed:scale --with-demo)?`);
  }
  return header();
}

/** The sorted timings of a use-case and of its raw-SQL twin, measured side by side. */
export type Paired = { useCase: number[]; raw: number[] };

/**
 * Times `useCase` and `raw` `warmup + runs` times each, interleaved and alternating which goes
 * first, so neither always runs on a just-warmed connection or cache; keeps the last `runs` of
 * each, sorted ascending for `percentile`.
 */
export async function timePaired(useCase: () => Promise<unknown>, raw: () => Promise<unknown>, warmup: number, runs: number): Promise<Paired> {
  const out: Paired = { useCase: [], raw: [] };
  for (let i = 0; i < warmup + runs; i++) {
    let ta: number, tb: number;
    if (i % 2 === 0) {
      ta = await timeMs(useCase);
      tb = await timeMs(raw);
    } else {
      tb = await timeMs(raw);
      ta = await timeMs(useCase);
    }
    if (i >= warmup) {
      out.useCase.push(ta);
      out.raw.push(tb);
    }
  }
  out.useCase.sort((x, y) => x - y);
  out.raw.sort((x, y) => x - y);
  return out;
}

/** Runs a script's main: its result is the exit code; an error is printed and exits 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
