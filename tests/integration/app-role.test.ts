/**
 * The least-privilege role the app runs as (ADR 0005): with its grants, nothing the app process
 * can send erases or rewrites the audit log, changes the schema or turns triggers off — the
 * database itself refuses. Runs on both databases: the owner applies the grants, then each
 * statement runs under `SET LOCAL ROLE`, which PostgreSQL checks exactly as a login as that role.
 * (CI's PostgreSQL end-to-end run also logs the whole app in as such a role.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../lib/audit/record-audit";
import { verifyAuditChain } from "../../lib/audit/audit-chain";
import { AppRoleError, appRoleStatements, grantAppRole } from "../../lib/db/app-role";
import type { Prisma } from "../../lib/generated/prisma/client";
import { setupTestDatabase } from "./test-db";

const ROLE = "antt_app_probe";
const t = setupTestDatabase();

async function ensureRole(name: string, attributes = "LOGIN") {
  await t.prisma.$executeRawUnsafe(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}') THEN CREATE ROLE ${name} ${attributes}; END IF; END $$`);
}

/** Runs `fn` inside one transaction as the app role. */
function asApp<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return t.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL ROLE ${ROLE}`);
    return fn(tx);
  });
}

const asAppSql = (sql: string) => asApp((tx) => tx.$executeRawUnsafe(sql));

beforeAll(async () => {
  await ensureRole(ROLE);
  await grantAppRole(t.prisma, ROLE);
});

describe("the app's least-privilege role", () => {
  it("reads and writes the application's rows, and appends to the audit log through its hash chain", async () => {
    await asApp(async (tx) => {
      expect(await tx.unit.count()).toBe(0);
      await tx.$executeRawUnsafe(`UPDATE "Unit" SET "name" = "name" WHERE false`);
      // The units import locks Unit against other writers for its transaction (ADR 0008).
      await tx.$executeRawUnsafe(`LOCK TABLE "Unit" IN SHARE ROW EXCLUSIVE MODE`);
      // The communes and authorities imports lock their table, and what their plan reads.
      await tx.$executeRawUnsafe(`LOCK TABLE "AdministrativeArea" IN SHARE ROW EXCLUSIVE MODE`);
      await tx.$executeRawUnsafe(`LOCK TABLE "Authority" IN SHARE ROW EXCLUSIVE MODE`);
      await tx.$executeRawUnsafe(`LOCK TABLE "Unit" IN SHARE MODE`);
      await tx.$executeRawUnsafe(`DELETE FROM "UserSession" WHERE false`);
      await recordAudit(tx, { actor: null, username: "ung-dung", action: "auth.login.failed", entityType: "User", meta: { note: "ghi bằng vai trò ứng dụng" } });
      await recordAudit(tx, { actor: null, username: "ung-dung", action: "auth.logout", entityType: "User" });
    });
    expect(await t.prisma.auditEvent.count()).toBe(2);
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true, events: 2 });
  });

  it.each([
    ["update an audit event", `UPDATE "AuditEvent" SET "action" = 'x'`],
    ["delete audit events", `DELETE FROM "AuditEvent"`],
    ["truncate the audit log", `TRUNCATE "AuditEvent"`],
    ["disable the audit log's triggers", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`],
    ["turn every trigger off for its session", `SET LOCAL session_replication_role = replica`],
    ["drop a table", `DROP TABLE "Unit" CASCADE`],
    ["create a table", `CREATE TABLE "Backdoor" (id int)`],
    ["replace the chain's trigger function", `CREATE OR REPLACE FUNCTION "audit_event_chain"() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`],
    ["truncate an application table", `TRUNCATE "UserSession"`],
    ["read the migration history", `SELECT count(*) FROM "_prisma_migrations"`],
  ])("may not %s", async (_what, sql) => {
    await t.prisma.auditEvent.create({ data: { action: "auth.logout", entityType: "User", actorUsername: "truoc" } });
    await expect(asAppSql(sql)).rejects.toThrow(/permission denied|must be owner|append-only/);
    // What was there is still there, and still chained.
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true });
  });

  it("cannot grant itself more (PostgreSQL only warns, and nothing changes)", async () => {
    await asAppSql(`GRANT UPDATE, TRUNCATE ON "AuditEvent" TO ${ROLE}`);
    const [row] = await t.prisma.$queryRaw<{ upd: boolean; trunc: boolean }[]>`
      SELECT has_table_privilege(${ROLE}, '"AuditEvent"', 'UPDATE') AS upd, has_table_privilege(${ROLE}, '"AuditEvent"', 'TRUNCATE') AS trunc`;
    expect(row).toEqual({ upd: false, trunc: false });
  });

  it("re-applying the grants takes back a privilege granted by hand", async () => {
    await t.prisma.$executeRawUnsafe(`GRANT TRUNCATE, UPDATE ON "AuditEvent" TO ${ROLE}`);
    await grantAppRole(t.prisma, ROLE);
    const [row] = await t.prisma.$queryRaw<{ upd: boolean; trunc: boolean; ins: boolean }[]>`
      SELECT has_table_privilege(${ROLE}, '"AuditEvent"', 'UPDATE') AS upd,
             has_table_privilege(${ROLE}, '"AuditEvent"', 'TRUNCATE') AS trunc,
             has_table_privilege(${ROLE}, '"AuditEvent"', 'INSERT') AS ins`;
    expect(row).toEqual({ upd: false, trunc: false, ins: true });
  });

  it("is refused when the role is missing or privileged: least privilege in name only helps no one", async () => {
    await expect(grantAppRole(t.prisma, "antt_no_such_role")).rejects.toThrow(AppRoleError);
    await ensureRole("antt_app_too_strong", "LOGIN SUPERUSER");
    await expect(grantAppRole(t.prisma, "antt_app_too_strong")).rejects.toThrow(/superuser/);
  });

  it("quotes the role name in every statement", () => {
    const statements = appRoleStatements(`evil"; DROP TABLE "Unit"; --`);
    for (const s of statements.filter((s) => !s.startsWith("DO"))) expect(s).toContain(`"evil""; DROP TABLE ""Unit""; --"`);
    expect(statements[0]).toContain(`'evil"; DROP TABLE "Unit"; --'`);
  });
});
