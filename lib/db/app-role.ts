/**
 * The least-privilege PostgreSQL role the running app connects as (ADR 0005).
 *
 * The owner (DATABASE_OWNER_URL) runs migrations and the seed; the app (DATABASE_URL) may only
 * read and write rows: no DDL, no TRUNCATE, and on the audit log only SELECT and INSERT, so
 * nobody who takes over the app process can erase or rewrite the log — the database refuses.
 * Grants are re-applied after every migration run (tables added later get them too, and a grant
 * someone added by hand is taken back).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Tables the app reads and appends to but never changes. */
export const APPEND_ONLY_TABLES = ["AuditEvent"] as const;
/** Tables the app never touches at all. */
export const OWNER_ONLY_TABLES = ["_prisma_migrations"] as const;
/**
 * The job queue's schema (pg-boss, lib/jobs/queue.ts): the app reads and writes its rows and calls
 * its functions, like pg-boss's own role would, but changes no table in it (the migrations do).
 */
export const JOB_QUEUE_SCHEMA = "pgboss";

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The statements that bring `role`'s privileges to exactly what the app needs. Idempotent. */
export function appRoleStatements(role: string): string[] {
  const r = quoteIdent(role);
  return [
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), ${quoteLiteral(role)}); END $$`,
    // Start from nothing, so a privilege granted by hand earlier does not survive.
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    ...APPEND_ONLY_TABLES.map((t) => `REVOKE UPDATE, DELETE ON ${quoteIdent(t)} FROM ${r}`),
    ...OWNER_ONLY_TABLES.map((t) => `REVOKE ALL ON ${quoteIdent(t)} FROM ${r}`),
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    ...jobQueueStatements(r),
  ];
}

function jobQueueStatements(r: string): string[] {
  const q = quoteIdent(JOB_QUEUE_SCHEMA);
  // Only when the queue's migration has run (a database migrated by an older version has no schema).
  const body = [
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${q} FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${q} FROM ${r}`,
    `GRANT USAGE ON SCHEMA ${q} TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${q} TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${q} TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${q} TO ${r}`,
  ];
  const dollar = "$grants$";
  return [
    `DO ${dollar} BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${quoteLiteral(JOB_QUEUE_SCHEMA)}) THEN ${body.map((sql) => `EXECUTE ${quoteLiteral(sql)};`).join(" ")} END IF; END ${dollar}`,
  ];
}

export class AppRoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AppRoleError";
  }
}

type RoleFacts = { exists: boolean; superuser: boolean; bypassRls: boolean; createRole: boolean; ownsTables: number; canCreateInSchema: boolean };

async function roleFacts(owner: PrismaClient, role: string): Promise<RoleFacts> {
  const [row] = await owner.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; owns: bigint; can_create: boolean }[]>`
    SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole,
      (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname) AS owns,
      has_schema_privilege(r.rolname, 'public', 'CREATE') AS can_create
    FROM pg_roles r WHERE r.rolname = ${role}`;
  if (!row) return { exists: false, superuser: false, bypassRls: false, createRole: false, ownsTables: 0, canCreateInSchema: false };
  return { exists: true, superuser: row.rolsuper, bypassRls: row.rolbypassrls, createRole: row.rolcreaterole, ownsTables: Number(row.owns), canCreateInSchema: row.can_create };
}

/**
 * Applies the app role's grants as the owner, after checking that the role really is
 * unprivileged (a superuser or table owner would ignore every grant: least privilege in name only).
 */
export async function grantAppRole(owner: PrismaClient, role: string): Promise<void> {
  const facts = await roleFacts(owner, role);
  if (!facts.exists) {
    throw new AppRoleError(`The app role "${role}" (DATABASE_URL's user) does not exist. Create it as the owner: CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD '…';`);
  }
  const problems = [
    facts.superuser && "is a superuser",
    facts.bypassRls && "bypasses row-level security",
    facts.createRole && "can create roles",
    facts.ownsTables > 0 && `owns ${facts.ownsTables} table(s) in schema public`,
    facts.canCreateInSchema && "may create objects in schema public (REVOKE CREATE ON SCHEMA public FROM PUBLIC, and from the role)",
  ].filter(Boolean);
  if (problems.length) {
    throw new AppRoleError(`The app role "${role}" must be unprivileged, but it ${problems.join(", ")}.`);
  }
  await owner.$transaction(async (tx) => {
    for (const sql of appRoleStatements(role)) await tx.$executeRawUnsafe(sql);
  });
}
