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
