/**
 * The job queue: pg-boss on the app's own database (ADR 0026-job-queue), on PostgreSQL and on the
 * embedded PGlite alike. Jobs and schedules are rows, so work survives a restart, each job runs
 * once however many app instances poll, and a schedule fires once per tick across instances.
 *
 * One queue runner per process (kept on globalThis: Next.js may evaluate this module in several
 * bundles). The web server starts it from instrumentation.ts; tests and scripts call startJobs and
 * stopJobs themselves. The schema is the migrations' (the app role has no DDL, ADR 0005): pg-boss
 * runs with `migrate: false` and refuses to start if the installed pg-boss wants another version.
 */
import { PgBoss, fromPglite, type QueuePolicy } from "pg-boss";
import type { Database } from "@/lib/db/client";

/** The PostgreSQL schema holding pg-boss's tables (prisma/migrations/*_job_queue). */
export const JOB_SCHEMA = "pgboss";
/** Schedules are read in Vietnam's time: "0 7 * * *" is 07:00 in Hà Nội, whatever the server's zone. */
export const JOB_TIME_ZONE = "Asia/Ho_Chi_Minh";

export type JobContext = {
  id: string;
  name: string;
  /** Aborted when stopJobs() begins: a long handler stops taking new work and returns. */
  signal: AbortSignal;
};

export type JobHandler<T = unknown> = (data: T, job: JobContext) => Promise<void>;

export type JobDefinition<T = unknown> = {
  handler: JobHandler<T>;
  /**
   * "standard" (default): every job sent runs. "stately": at most one waiting and one running —
   * for "wake up and look at the table" jobs, where a second waiting copy would add nothing.
   */
  policy?: Extract<QueuePolicy, "standard" | "stately" | "singleton" | "short">;
  /** Runs after the first that threw (pg-boss retries with backoff). Default 2. */
  retryLimit?: number;
  /** A running job not finished by then is failed (and retried). Default 15 minutes. */
  expireInSeconds?: number;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of different data types share one map
export type JobHandlers = Record<string, JobHandler<any> | JobDefinition<any>>;

export type StartJobsOptions = {
  /** How often an idle worker looks for new jobs. Default 2 s (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Run maintenance and fire schedules in this process. Default true. */
  supervise?: boolean;
};

type Runner = { boss: PgBoss; abort: AbortController; names: Set<string> };
const state = globalThis as unknown as { __anttJobs?: Runner; __anttJobsStarting?: Promise<void> };

export class JobsNotStartedError extends Error {
  constructor() {
    super("The job queue is not running in this process (startJobs was not called, or stopJobs was).");
    this.name = "JobsNotStartedError";
  }
}

function createBoss(db: Database, supervise: boolean): PgBoss {
  const common = {
    schema: JOB_SCHEMA,
    // The owner's migrations create and upgrade the schema; the app role could not anyway.
    migrate: false,
    createSchema: false,
    supervise,
    schedule: supervise,
    // REINDEX needs ownership of the tables, which the app role does not have.
    reindex: false,
    instanceName: "antt-web",
  } as const;
  if (db.config.kind === "postgres") {
    // A small pool of its own next to Prisma's: workers poll while requests run, and neither should
    // wait for the other's connections.
    return new PgBoss({ ...common, connectionString: db.config.url, max: 4, application_name: "antt-jobs" });
  }
  if (!db.pglite) throw new Error("An embedded database without its PGlite instance");
  // The same in-process PGlite the app's Prisma uses (one process may open the folder). PGlite runs
  // one statement or transaction at a time, so pg-boss's statements queue behind a Prisma transaction
  // and never land inside it.
  return new PgBoss({ ...common, db: fromPglite(db.pglite), backend: "pglite" });
}

/**
 * Starts the queue runner and one worker per handler. Idempotent per process: a second call while
 * running is ignored (instrumentation's register() may be evaluated more than once).
 */
export async function startJobs(db: Database, handlers: JobHandlers, options: StartJobsOptions = {}): Promise<void> {
  if (state.__anttJobs) return;
  if (state.__anttJobsStarting) return state.__anttJobsStarting;
  state.__anttJobsStarting = (async () => {
    const boss = createBoss(db, options.supervise ?? true);
    // Without a listener an "error" event would throw and take the web server down.
    boss.on("error", (error) => console.error("[jobs]", error));
    await boss.start();
    const abort = new AbortController();
    const names = new Set<string>();
    try {
      for (const [name, entry] of Object.entries(handlers)) {
        const definition: JobDefinition = typeof entry === "function" ? { handler: entry } : entry;
        // Inserting the queue's row is all pg-boss does for an unpartitioned queue: allowed to the app role.
        await boss.createQueue(name, {
          policy: definition.policy ?? "standard",
          retryLimit: definition.retryLimit ?? 2,
          retryBackoff: true,
          retryDelay: 30,
          expireInSeconds: definition.expireInSeconds ?? 15 * 60,
        });
        await boss.work(name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
          for (const job of jobs) await definition.handler(job.data, { id: job.id, name, signal: abort.signal });
        });
        names.add(name);
      }
    } catch (error) {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      throw error;
    }
    state.__anttJobs = { boss, abort, names };
  })();
  try {
    await state.__anttJobsStarting;
  } finally {
    state.__anttJobsStarting = undefined;
  }
}

/**
 * Stops taking jobs, tells running handlers to finish (their signal aborts) and waits for them up
 * to `timeoutMs`; closes pg-boss's own connections (never the app's PGlite). Safe when not running.
 */
export async function stopJobs(options: { timeoutMs?: number } = {}): Promise<void> {
  if (state.__anttJobsStarting) await state.__anttJobsStarting.catch(() => undefined);
  const runner = state.__anttJobs;
  if (!runner) return;
  state.__anttJobs = undefined;
  runner.abort.abort();
  await runner.boss.stop({ graceful: true, close: true, timeout: options.timeoutMs ?? 30_000 });
}

export function jobsRunning(): boolean {
  return state.__anttJobs !== undefined;
}

function runner(): Runner {
  if (!state.__anttJobs) throw new JobsNotStartedError();
  return state.__anttJobs;
}

function knownQueue(r: Runner, name: string) {
  if (!r.names.has(name)) throw new Error(`No handler is registered for the job "${name}" (startJobs).`);
}

export type EnqueueOptions = {
  /** With a "stately"/"singleton" queue: one job per key. */
  singletonKey?: string;
  /** Not before this moment (a Date) or this many seconds from now. */
  startAfter?: Date | number;
};

/**
 * Adds a job. Call it after the transaction that made the job necessary has committed (a job sent
 * inside a rolled-back change would run on nothing). Returns the job's id, or null when the queue's
 * policy already holds an equivalent job.
 */
export async function enqueue<T extends object>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
  const r = runner();
  knownQueue(r, name);
  return r.boss.send(name, data, {
    ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
  });
}

/**
 * Runs the job `name` on a cron schedule in Vietnam's time. The schedule is a row: re-declaring it
 * (every start of every instance) updates it, and only one instance fires each tick.
 */
export async function schedule<T extends object>(name: string, cron: string, data?: T): Promise<void> {
  const r = runner();
  knownQueue(r, name);
  await r.boss.schedule(name, cron, data ?? {}, { tz: JOB_TIME_ZONE });
}

export async function unschedule(name: string): Promise<void> {
  await runner().boss.unschedule(name);
}
