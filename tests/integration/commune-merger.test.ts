/**
 * Sáp nhập xã as one dated operation (ADR 0009) on a real database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): every unit of the absorbed commune moves, those its UBND or police managed
 * pass to the receiving commune's, its commune-level unit merges into the other's, the commune and
 * its authorities stop; past years' figures stay identical; a merger that cannot finish writes
 * nothing.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { getDashboard } from "../../lib/reports/dashboard-queries";
import { mergeCommune } from "../../lib/registry/commune-merger";
import { mergeCommuneSchema } from "../../lib/registry/area-authority-schemas";
import { unitSuccessions } from "../../lib/registry/placements";
import { evaluationYearOf } from "../../lib/registry/placement-rules";
import { todayInVietnam } from "../../lib/domain/vietnam-today";
import { loadUserActor } from "../../lib/users/load-actor";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ setup: async (prisma) => void (await seedDemoProvince(prisma)) });

async function actorOf(role: "ADMIN" | "LEADER"): Promise<Actor> {
  const user = await t.prisma.user.findFirstOrThrow({ where: { role, isActive: true }, orderBy: { username: "asc" } });
  return (await loadUserActor(t.prisma, user.id))!;
}

async function figures(actor: Actor, year: number) {
  const { generatedAt: _ignored, ...rest } = await getDashboard(t.prisma, actor, { year });
  return rest;
}

const communeByCode = (code: string) => t.prisma.administrativeArea.findUniqueOrThrow({ where: { code } });

describe("sáp nhập xã", () => {
  it("moves every unit, hands the commune's units to the receiving UBND, merges the commune-level unit, stops the commune; past years identical", async () => {
    const admin = await actorOf("ADMIN");
    const leader = await actorOf("LEADER");
    const today = todayInVietnam();
    const from = await communeByCode("LCI-X04");
    const into = await communeByCode("LCI-X03");
    const before = await t.prisma.unit.findMany({ where: { communeId: from.id, isActive: true }, select: { id: true, kind: true, managingAuthority: { select: { areaId: true, kind: true } } } });
    expect(before.some((u) => u.kind === "KDC" && u.managingAuthority.areaId === from.id)).toBe(true);
    const pastYear = await figures(leader, DEMO_YEAR - 1);
    const counted = evaluationYearOf(today);
    const countedBefore = await figures(leader, counted);

    const result = await mergeCommune(t.prisma, admin, mergeCommuneSchema.parse({ areaId: from.id, version: from.version, intoAreaId: into.id, effectiveFrom: today, reason: "Theo Nghị quyết số 1674/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã" }), today);

    expect(result.movedUnits).toBe(before.length - 1);
    expect(result.mergedCommuneUnit).toBe("XA-LCI-X04");
    const after = await t.prisma.unit.findMany({ where: { id: { in: before.map((u) => u.id) } }, select: { id: true, kind: true, communeId: true, isActive: true, managingAuthority: { select: { areaId: true, kind: true } } } });
    for (const unit of after.filter((u) => u.kind !== "XA")) {
      expect(unit).toMatchObject({ communeId: into.id, isActive: true });
      expect(unit.managingAuthority.areaId).not.toBe(from.id);
    }
    const handed = after.filter((u) => u.kind !== "XA" && before.find((b) => b.id === u.id)!.managingAuthority.areaId === from.id);
    expect(handed.length).toBe(result.reassignedUnits);
    for (const unit of handed) expect(unit.managingAuthority).toEqual({ areaId: into.id, kind: before.find((b) => b.id === unit.id)!.managingAuthority.kind });
    const communeUnit = after.find((u) => u.kind === "XA")!;
    expect(communeUnit.isActive).toBe(false);
    expect((await unitSuccessions(t.prisma, admin, communeUnit.id)).map((s) => [s.kind, s.other.code])).toEqual([["MERGE", "XA-LCI-X03"]]);

    expect((await t.prisma.administrativeArea.findUniqueOrThrow({ where: { id: from.id } })).isActive).toBe(false);
    expect(await t.prisma.authority.count({ where: { areaId: from.id, isActive: true } })).toBe(0);
    expect(result.deactivatedAuthorities.length).toBeGreaterThan(0);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "registry.commune.merged", entityId: from.id } });
    expect(event.meta).toMatchObject({ into: { id: into.id }, effectiveFrom: today, movedUnits: result.movedUnits });

    // Past years keep the commune as it was; the year the date counts in has the units under the receiving one.
    expect(await figures(leader, DEMO_YEAR - 1)).toEqual(pastYear);
    const countedAfter = await figures(leader, counted);
    const row = (data: typeof countedAfter, id: string) => data.communes.find((c) => c.communeId === id);
    expect(row(countedAfter, from.id)?.eligible ?? 0).toBe(0);
    expect(row(countedAfter, into.id)!.eligible).toBeGreaterThan(row(countedBefore, into.id)!.eligible);
  });

  it("refuses a receiving commune without a UBND to take the units, a stopped one, a future date, a stale version; nothing is written", async () => {
    const admin = await actorOf("ADMIN");
    const today = todayInVietnam();
    const from = await communeByCode("LCI-X05");
    const bare = await t.prisma.administrativeArea.create({ data: { code: "LCI-X99", name: "Xã Mới Lập", level: "COMMUNE", communeKind: "XA" } });
    const stopped = await t.prisma.administrativeArea.create({ data: { code: "LCI-X98", name: "Xã Cũ", level: "COMMUNE", communeKind: "XA", isActive: false } });
    const audits = await t.prisma.auditEvent.count();
    const placements = await t.prisma.unitPlacement.count();
    const merge = (over: Record<string, unknown>) =>
      mergeCommune(t.prisma, admin, mergeCommuneSchema.parse({ areaId: from.id, version: from.version, intoAreaId: bare.id, effectiveFrom: today, reason: "Sắp xếp đơn vị hành chính", ...over }), today);
    await expect(merge({})).rejects.toThrow("Xã Mới Lập chưa có đơn vị cấp xã đang hoạt động");
    await expect(merge({ intoAreaId: stopped.id })).rejects.toThrow("Xã, phường tiếp nhận đã ngừng hoạt động.");
    await expect(merge({ intoAreaId: (await communeByCode("LCI-X06")).id, effectiveFrom: "2099-01-01" })).rejects.toThrow("tương lai");
    await expect(merge({ intoAreaId: (await communeByCode("LCI-X06")).id, version: from.version + 1 })).rejects.toThrow("vừa được người khác thay đổi");
    expect(() => mergeCommuneSchema.parse({ areaId: from.id, version: 1, intoAreaId: from.id, effectiveFrom: today, reason: "Sắp xếp" })).toThrow("Vui lòng chọn một xã, phường khác.");
    expect(await t.prisma.auditEvent.count()).toBe(audits);
    expect(await t.prisma.unitPlacement.count()).toBe(placements);
    expect((await t.prisma.administrativeArea.findUniqueOrThrow({ where: { id: from.id } })).isActive).toBe(true);
  });

  it("a leader may not merge communes", async () => {
    const leader = await actorOf("LEADER");
    const from = await communeByCode("LCI-X04");
    const into = await communeByCode("LCI-X03");
    await expect(mergeCommune(t.prisma, leader, mergeCommuneSchema.parse({ areaId: from.id, version: from.version, intoAreaId: into.id, effectiveFrom: todayInVietnam(), reason: "Sắp xếp đơn vị" }))).rejects.toThrow();
  });
});
