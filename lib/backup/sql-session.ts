/**
 * One database connection for backup and restore, the same operations on both databases:
 * plain queries, and table data in PostgreSQL's COPY text format streamed out and in.
 *
 * - PostgreSQL: one `pg` client (a single session, so one snapshot and one transaction span every
 *   table) with pg-copy-streams: `COPY … TO STDOUT` / `COPY … FROM STDIN`, constant memory.
 * - PGlite: COPY through its virtual `/dev/blob` file, a bounded chunk at a time: out by ranges of
 *   heap pages (`ctid` range scans), in by runs of whole lines — constant memory too.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { Database } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/app-role";

export type CopyOut = { stream: Readable; rows(): number };

export interface SqlSession {
  readonly kind: "postgres" | "pglite";
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The table's rows (these columns) in COPY text format; rows() is final once the stream ended. */
  copyOut(table: string, columns: readonly string[]): CopyOut;
  /** Loads COPY text into the table; returns the number of rows loaded. */
  copyIn(table: string, columns: readonly string[], source: Readable): Promise<number>;
  close(): Promise<void>;
}

/**
 * Settings that make COPY's text the same whatever the server's defaults (as pg_dump sets them):
 * times in UTC with ISO dates, floats with every digit, UTF-8.
 */
const SESSION_SETTINGS = [
  "SET client_encoding = 'UTF8'",
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 3",
];

const columnList = (columns: readonly string[]) => columns.map(quoteIdent).join(", ");

/** PGlite: heap pages per COPY chunk out (8 KB each) and bytes per COPY chunk in. */
const PGLITE_PAGES_PER_CHUNK = 1024;
const PGLITE_BYTES_PER_CHUNK = 8 * 1024 * 1024;

/** Opens a dedicated session on the database `db` points at (PostgreSQL: its own connection). */
export async function openSqlSession(db: Pick<Database, "config" | "pglite">): Promise<SqlSession> {
  const session = db.config.kind === "postgres" ? await postgresSession(db.config.url) : pgliteSession(requirePglite(db));
  for (const sql of SESSION_SETTINGS) await session.query(sql);
  return session;
}

function requirePglite(db: Pick<Database, "pglite">): PGlite {
  if (!db.pglite) throw new Error("An embedded database without its PGlite instance");
  return db.pglite;
}

async function postgresSession(url: string): Promise<SqlSession> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: "postgres",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    copyOut(table, columns) {
      const stream = client.query(copyTo(`COPY ${quoteIdent(table)} (${columnList(columns)}) TO STDOUT`));
      return { stream, rows: () => stream.rowCount };
    },
    async copyIn(table, columns, source) {
      const sink = client.query(copyFrom(`COPY ${quoteIdent(table)} (${columnList(columns)}) FROM STDIN`));
      await pipeline(source, sink);
      return sink.rowCount;
    },
    close: () => client.end(),
  };
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function pgliteSession(pglite: PGlite): SqlSession {
  return {
    kind: "pglite",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    copyOut(table, columns) {
      let rows = 0;
      async function* chunks() {
        const [size] = (await pglite.query<{ pages: number }>(`SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages`, [quoteIdent(table)])).rows;
        const pages = size?.pages ?? 0;
        // A TID range scan reads only the chunk's pages; on a table the planner thinks small it
        // would rather scan everything each time (quadratic). For this transaction only.
        if (pages > PGLITE_PAGES_PER_CHUNK) await pglite.query("SET LOCAL enable_seqscan = off");
        for (let from = 0; from < pages; from += PGLITE_PAGES_PER_CHUNK) {
          const to = from + PGLITE_PAGES_PER_CHUNK;
          const result = await pglite.query(
            `COPY (SELECT ${columnList(columns)} FROM ${quoteIdent(table)} WHERE ctid >= '(${from},0)'::tid AND ctid < '(${to},0)'::tid) TO '/dev/blob'`,
          );
          if (!result.blob) continue;
          const bytes = new Uint8Array(await result.blob.arrayBuffer());
          rows += countLines(bytes);
          if (bytes.length) yield bytes;
        }
      }
      return { stream: Readable.from(chunks(), { objectMode: false }), rows: () => rows };
    },
    async copyIn(table, columns, source) {
      const sql = `COPY ${quoteIdent(table)} (${columnList(columns)}) FROM '/dev/blob'`;
      let rows = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (bytes: Buffer) => {
        if (!bytes.length) return;
        await pglite.query(sql, [], { blob: new Blob([new Uint8Array(bytes)]) });
        rows += countLines(bytes);
      };
      for await (const chunk of source as AsyncIterable<Buffer>) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < PGLITE_BYTES_PER_CHUNK) continue;
        // A row is one line in the text format: cut after the last whole line.
        const joined = Buffer.concat(pending);
        const cut = joined.lastIndexOf(10) + 1;
        await flush(joined.subarray(0, cut));
        pending = [joined.subarray(cut)];
        pendingBytes = pending[0]!.length;
      }
      await flush(Buffer.concat(pending));
      return rows;
    },
    // The PGlite instance belongs to the caller's Database, which closes it.
    close: async () => {},
  };
}
