import { describe, expect, it } from "vitest";
import { recordAudit } from "../../lib/audit/record-audit";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

describe("AuditEvent", () => {
  it("can be written but never updated or deleted", async () => {
    await recordAudit(t.prisma, { actor: null, username: "x", action: "test.event", entityType: "Test", after: { a: 1 } });
    await expect(t.prisma.auditEvent.updateMany({ data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect((await t.prisma.auditEvent.findFirstOrThrow()).action).toBe("test.event");
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
    expect((await listAuditEvents(t.prisma, admin)).map((e) => e.action)).toEqual(["dossier.submit", "auth.login.failed"]);
    expect((await listAuditEvents(t.prisma, admin, { action: "auth." })).map((e) => e.actorUsername)).toEqual(["a"]);
  });
});
