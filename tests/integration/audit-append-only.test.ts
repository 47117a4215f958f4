import { describe, expect, it } from "vitest";
import { describeAuditChain, verifyAuditChain } from "../../lib/audit/audit-chain";
import { recordAudit } from "../../lib/audit/record-audit";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

/** Writes n events as the application does. */
async function writeEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(t.prisma, { actor: null, username: `u${i}`, action: "auth.login.failed", entityType: "User", meta: { attempt: i, note: "Đăng nhập sai" } });
  }
}

/** What only a database superuser could do behind the application's back: triggers off. */
async function tamper(sql: string) {
  await t.prisma.$transaction([t.prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`), t.prisma.$executeRawUnsafe(sql)]);
}

describe("AuditEvent", () => {
  it("can be written but never updated, deleted or truncated", async () => {
    await recordAudit(t.prisma, { actor: null, username: "x", action: "auth.login.failed", entityType: "User", after: { a: 1 } });
    await expect(t.prisma.auditEvent.updateMany({ data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect((await t.prisma.auditEvent.findFirstOrThrow()).action).toBe("auth.login.failed");
  });
});

describe("the audit hash chain", () => {
  it("links every event to the one before, in the order written, also when written concurrently", async () => {
    await writeEvents(3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => recordAudit(t.prisma, { actor: null, username: `p${i}`, action: "auth.logout", entityType: "User" })));
    const events = await t.prisma.auditEvent.findMany({ orderBy: { chainSeq: "asc" } });
    expect(events.map((e) => Number(e.chainSeq))).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(events[0]!.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(new Set(events.map((e) => e.hash)).size).toBe(11);
    expect(await verifyAuditChain(t.prisma)).toEqual({ ok: true, events: 11, headSeq: 11, headHash: events[10]!.hash });
  });

  it("detects an edited event", async () => {
    await writeEvents(5);
    await tamper(`UPDATE "AuditEvent" SET "actorUsername" = 'nguoi-khac' WHERE "chainSeq" = 3`);
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: false, events: 5, first: { chainSeq: 3, problem: "edited" } });
  });

  it("detects an edited event whose own hash was recomputed: the next link no longer matches", async () => {
    await writeEvents(5);
    await tamper(`UPDATE "AuditEvent" SET meta = '{"attempt": 99}' WHERE "chainSeq" = 2`);
    await tamper(`UPDATE "AuditEvent" e SET hash = "audit_event_hash"(e."prevHash", e) WHERE "chainSeq" = 2`);
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: false, first: { chainSeq: 3, problem: "missing_before" } });
  });

  it("detects a deleted event", async () => {
    await writeEvents(5);
    await tamper(`DELETE FROM "AuditEvent" WHERE "chainSeq" = 4`);
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: false, events: 4, first: { chainSeq: 5, problem: "missing_before" } });
  });

  it("detects reordered events", async () => {
    await writeEvents(5);
    await tamper(`UPDATE "AuditEvent" SET "chainSeq" = -"chainSeq" WHERE "chainSeq" IN (2, 3)`);
    await tamper(`UPDATE "AuditEvent" SET "chainSeq" = CASE "chainSeq" WHEN -2 THEN 3 ELSE 2 END WHERE "chainSeq" IN (-2, -3)`);
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: false, first: { chainSeq: 2, problem: "missing_before" } });
  });

  it("detects an event written around the chain", async () => {
    await writeEvents(2);
    await tamper(`INSERT INTO "AuditEvent" (action, "entityType") VALUES ('auth.logout', 'User')`);
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: false, events: 3, first: { chainSeq: null, problem: "unchained" } });
  });

  it("is described to the administrator in Vietnamese", async () => {
    await writeEvents(2);
    expect(describeAuditChain(await verifyAuditChain(t.prisma))).toMatch(/^Chuỗi nhật ký toàn vẹn: 2 sự kiện, mã băm cuối [0-9a-f]{16}… \(sự kiện thứ 2\)\.$/);
    await tamper(`DELETE FROM "AuditEvent" WHERE "chainSeq" = 1`);
    expect(describeAuditChain(await verifyAuditChain(t.prisma))).toMatch(/^Chuỗi nhật ký bị phá vỡ tại sự kiện #2 \(vị trí 2 trong chuỗi\): thiếu hoặc bị đảo thứ tự sự kiện ngay trước nó\./);
  });
});

describe("the global audit log", () => {
  it("is for administrators only, newest first, filterable", async () => {
    const { makeUser } = await import("./fixtures");
    const { listAuditEvents } = await import("../../lib/audit/audit-queries");
    const { ForbiddenError } = await import("../../lib/auth/permissions");
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    for (const role of ["LEADER", "UNIT_OFFICER", "REVIEWER"] as const) {
      const other = await makeUser(t.prisma, `khac-${role.toLowerCase()}`, role, role === "REVIEWER" ? { reviewerLevel: "PROVINCIAL_POLICE" } : {});
      await expect(listAuditEvents(t.prisma, other)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await recordAudit(t.prisma, { actor: null, username: "a", action: "auth.login.failed", entityType: "User" });
    await recordAudit(t.prisma, { actor: null, username: "b", action: "dossier.submit", entityType: "Dossier" });
    expect((await listAuditEvents(t.prisma, admin)).rows.map((e) => e.action)).toEqual(["dossier.submit", "auth.login.failed"]);
    expect((await listAuditEvents(t.prisma, admin, { action: "auth." })).rows.map((e) => e.actorUsername)).toEqual(["a"]);
  });
});
