/**
 * The recipients of notify() agree with the permission function over the demo province (as
 * unitScopeWhere does for lists): for every unit, an officer event reaches exactly the accounts
 * for which can(…, "unit.update", unit) holds, and a reviewer event exactly those for which
 * can(…, "dossier.review", unit) holds, each once.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { can } from "../../lib/auth/permissions";
import { loadUserActor } from "../../lib/users/load-actor";
import { notify } from "../../lib/notifications/notify";
import type { NotificationEvent } from "../../lib/notifications/catalogue";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ keepData: true, setup: async (prisma) => void (await seedDemoProvince(prisma)) });

describe("notify's recipients agree with can()", () => {
  it("over every unit and every account of the demo province", async () => {
    const units = await t.prisma.unit.findMany({ select: { id: true, kind: true, communeId: true, name: true } });
    const users = await t.prisma.user.findMany({ where: { isActive: true }, select: { id: true } });
    const actors = (await Promise.all(users.map((u) => loadUserActor(t.prisma, u.id)))).filter((a) => a !== null);
    const events: NotificationEvent[] = units.flatMap((u) => [
      { kind: "DOSSIER_PROPOSED" as const, dossierId: randomUUID(), unitId: u.id, unitName: u.name, year: 2026, round: 1 },
      { kind: "REVIEW_QUEUED" as const, dossierId: randomUUID(), unitId: u.id, unitName: u.name, year: 2026, round: 1 },
    ]);
    const created = await t.prisma.$transaction((tx) => notify(tx, events), { timeout: 60_000 });
    const rows = await t.prisma.notification.findMany({ select: { userId: true, unitId: true, kind: true } });
    expect(rows).toHaveLength(created.length);
    const got = new Set(rows.map((r) => `${r.kind}|${r.unitId}|${r.userId}`));
    expect(got.size).toBe(rows.length);
    const expected = new Set<string>();
    for (const unit of units) {
      for (const actor of actors) {
        if (can(actor, { action: "unit.update", unit })) expected.add(`DOSSIER_PROPOSED|${unit.id}|${actor.userId}`);
        if (can(actor, { action: "dossier.review", unit })) expected.add(`REVIEW_QUEUED|${unit.id}|${actor.userId}`);
      }
    }
    // Both audiences are exercised (officers of units and communes, provincial and commune reviewers).
    expect([...expected].filter((k) => k.startsWith("DOSSIER_PROPOSED")).length).toBeGreaterThan(5);
    expect([...expected].filter((k) => k.startsWith("REVIEW_QUEUED")).length).toBeGreaterThan(5);
    expect([...got].sort()).toEqual([...expected].sort());
  });
});
