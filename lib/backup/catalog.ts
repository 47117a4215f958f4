/**
 * What the database itself says it holds — read from the catalog, never from a hard-coded list,
 * so a table added by a later migration is backed up and restored without touching this code.
 */
import type { AppliedMigration, BackupColumn } from "./manifest";
import type { SqlSession } from "./sql-session";

/** Prisma's own bookkeeping: recorded in the manifest as the migration set, never copied as data. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

/** Every table of schema public (but the migrations table) with its columns in table order. */
export async function readTables(session: SqlSession): Promise<Map<string, BackupColumn[]>> {
  const rows = await session.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> $1
      ORDER BY c.relname, a.attnum`,
    [MIGRATIONS_TABLE],
  );
  const tables = new Map<string, BackupColumn[]>();
  for (const row of rows) {
    const columns = tables.get(row.table) ?? [];
    columns.push({ name: row.column, type: row.type });
    tables.set(row.table, columns);
  }
  return tables;
}

/** The sequences of schema public (identity and serial columns), by name. */
export async function readSequenceNames(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  return rows.map((r) => r.name);
}

/** Applied migrations, or null when the database has never been migrated. */
export async function readMigrations(session: SqlSession): Promise<AppliedMigration[] | null> {
  const [exists] = await session.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${MIGRATIONS_TABLE}`]);
  if (!exists?.present) return null;
  return session.query<AppliedMigration>(
    `SELECT migration_name AS name, checksum FROM ${MIGRATIONS_TABLE}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

export type Constraint = { table: string; name: string; type: "f" | "p" | "u" | "x"; definition: string };

/**
 * The constraints a load can do without and rebuild set-based afterwards — foreign keys, primary
 * keys, unique and exclusion constraints of schema public — with the SQL that re-creates each.
 * Keys first in the list, foreign keys last (the order to re-create them in).
 */
export async function readConstraints(session: SqlSession): Promise<Constraint[]> {
  return session.query<Constraint>(
    `SELECT c.relname AS "table", k.conname AS name, k.contype::text AS type, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND k.contype IN ('f', 'p', 'u', 'x') AND c.relname <> '${MIGRATIONS_TABLE}'
      ORDER BY k.contype = 'f', c.relname, k.conname`,
  );
}

export async function serverVersion(session: SqlSession): Promise<string> {
  const [row] = await session.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  return row?.v ?? "unknown";
}

/**
 * Backup and restore run as the schema's owner (ADR 0005): the app's own role may not read the
 * migration history, nor switch triggers off and drop foreign keys while loading. Returns a
 * sentence saying what the connected role lacks, or null.
 */
export async function ownerProblem(session: SqlSession, purpose: "backup" | "restore"): Promise<string | null> {
  const [row] = await session.query<{ role: string; superuser: boolean; unreadable: string[]; foreign: string[] }>(
    `SELECT current_user AS role, r.rolsuper AS superuser,
            coalesce(array_agg(t.tablename::text) FILTER (WHERE NOT has_table_privilege(format('%I', t.tablename), 'SELECT')), '{}') AS unreadable,
            coalesce(array_agg(t.tablename::text) FILTER (WHERE t.tableowner <> current_user), '{}') AS foreign
       FROM pg_roles r LEFT JOIN pg_tables t ON t.schemaname = 'public'
      WHERE r.rolname = current_user
      GROUP BY current_user, r.rolsuper`,
  );
  if (!row || row.superuser) return null;
  const lacking = purpose === "backup" ? row.unreadable : row.foreign;
  if (!lacking.length) return null;
  const what = purpose === "backup" ? "may not read" : "does not own";
  return `${purpose} runs as the schema's owner, but the role "${row.role}" ${what} ${lacking.slice(0, 3).join(", ")}${lacking.length > 3 ? ", …" : ""}: set DATABASE_OWNER_URL to the owner's connection (ADR 0005).`;
}

export type Index = { name: string; definition: string };

/**
 * Indexes of schema public that no constraint owns (Prisma's @unique and @@index are plain
 * indexes; primary keys and exclusion constraints own theirs), with the SQL that re-creates each.
 */
export async function readPlainIndexes(session: SqlSession): Promise<Index[]> {
  return session.query<Index>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '${MIGRATIONS_TABLE}'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
      ORDER BY i.relname`,
  );
}
