/**
 * Who may read the dashboard (province.read: leaders, administrators, the provincial police) and
 * the commune drill-down over the demo province: exactly the commune's units, each with its
 * dossier of the year (NOT_REGISTERED when there is none) and its decision number.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { UNIT_KINDS } from "../../lib/domain/vocabulary";
import { loadUserActor } from "../../lib/users/load-actor";
import { getCommuneDrilldown, getDashboard } from "../../lib/reports/dashboard-queries";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ keepData: true, setup: async (prisma) => void (await seedDemoProvince(prisma)) });

async function demoActor(username: string): Promise<Actor> {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadUserActor(t.prisma, user.id);
  if (!actor) throw new Error(username);
  return actor;
}
const communeId = (code: string) => t.prisma.administrativeArea.findUniqueOrThrow({ where: { code } }).then((a) => a.id);

describe("who may read the dashboard", () => {
  it.each(["lanhdao", "admin", "thamdinh.tinh"])("%s (leader, admin, provincial reviewer) reads the dashboard and the drill-down", async (username) => {
    const actor = await demoActor(username);
    const d = await getDashboard(t.prisma, actor, { year: DEMO_YEAR });
    expect(d.headline.eligible).toBeGreaterThan(0);
    expect((await getCommuneDrilldown(t.prisma, actor, { year: DEMO_YEAR, communeId: await communeId("LCI-P01") })).length).toBeGreaterThan(0);
  });

  it.each(["canbo.sotuphap", "canbo.truongchuyen", "canbo.phuonglaocai", "thamdinh.xa"])("%s (unit officer, commune officer, commune reviewer) is refused", async (username) => {
    const actor = await demoActor(username);
    // Even the drill-down of the officer's or reviewer's own commune.
    const own = actor.areaId ?? (await communeId("LCI-P01"));
    await expect(getDashboard(t.prisma, actor, { year: DEMO_YEAR })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDashboard(t.prisma, actor, { year: DEMO_YEAR, communeId: own })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCommuneDrilldown(t.prisma, actor, { year: DEMO_YEAR, communeId: own })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an anonymous caller is refused", async () => {
    await expect(getDashboard(t.prisma, null, { year: DEMO_YEAR })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCommuneDrilldown(t.prisma, null, { year: DEMO_YEAR, communeId: await communeId("LCI-P01") })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("commune drill-down", () => {
  it.each(["LCI-P01", "LCI-P02", "LCI-X03", "LCI-X07"])("%s: exactly the commune's active units, with this year's and last year's dossier", async (code) => {
    const leader = await demoActor("lanhdao");
    const id = await communeId(code);
    const units = await t.prisma.unit.findMany({ where: { communeId: id, isActive: true }, include: { dossiers: { include: { decision: true } } } });
    for (const year of [DEMO_YEAR - 1, DEMO_YEAR]) {
      const rows = await getCommuneDrilldown(t.prisma, leader, { year, communeId: id });
      expect(rows.map((r) => r.unitId).sort()).toEqual(units.map((u) => u.id).sort());
      for (const row of rows) {
        const unit = units.find((u) => u.id === row.unitId)!;
        const dossier = unit.dossiers.find((d) => d.year === year) ?? null;
        expect(row).toEqual({
          unitId: unit.id,
          name: unit.name,
          kind: unit.kind,
          sector: unit.sector,
          excluded: unit.exclusionReason !== null,
          dossierId: dossier?.id ?? null,
          state: dossier?.state ?? "NOT_REGISTERED",
          registrationLate: dossier?.registrationLate ?? false,
          decisionNumber: dossier?.state === "RECOGNISED" ? dossier.decision!.number : null,
        });
      }
      // Sorted by kind (KDC, XA, CQ, DN, CSGD), then by name in Vietnamese order.
      const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1]!, rows[i]!];
        const byKind = UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind);
        expect(byKind <= 0 && (byKind < 0 || collator.compare(a.name, b.name) <= 0), `${a.name} before ${b.name}`).toBe(true);
      }
    }
  });

  it("recognised units carry their decision number; excluded units appear flagged, unregistered", async () => {
    const leader = await demoActor("lanhdao");
    const rows = await getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR - 1, communeId: await communeId("LCI-P01") });
    expect(rows.some((r) => r.state === "RECOGNISED" && /^\d+\/QĐ-UBND$/.test(r.decisionNumber ?? ""))).toBe(true);
    const excluded = rows.filter((r) => r.excluded);
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.every((r) => r.state === "NOT_REGISTERED" && r.dossierId === null)).toBe(true);
    expect(rows.filter((r) => r.state !== "RECOGNISED").every((r) => r.decisionNumber === null)).toBe(true);
  });

  it("kind and sector narrow the list", async () => {
    const leader = await demoActor("lanhdao");
    const id = await communeId("LCI-P01");
    const kdc = await getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR, communeId: id, kind: "KDC" });
    expect(kdc.map((r) => r.unitId).sort()).toEqual((await t.prisma.unit.findMany({ where: { communeId: id, kind: "KDC", isActive: true } })).map((u) => u.id).sort());
    const edu = await getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR, communeId: id, sector: "EDUCATION" });
    expect(edu.length).toBeGreaterThan(0);
    expect(edu.every((r) => r.kind === "CSGD" && r.sector === "EDUCATION")).toBe(true);
    expect(await getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR, communeId: id, kind: "KDC", sector: "EDUCATION" })).toEqual([]);
    // The unregistered agency of the README walkthrough shows as NOT_REGISTERED this year.
    const cq = await getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR, communeId: id, kind: "CQ" });
    expect(cq.find((r) => r.name === "Sở Tư pháp tỉnh Lào Cai")?.state).toBe("NOT_REGISTERED");
  });

  it("refuses a missing or malformed commune rather than listing the province", async () => {
    const leader = await demoActor("lanhdao");
    await expect(getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR, communeId: "" })).rejects.toBeInstanceOf(RangeError);
    await expect(getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR, communeId: undefined as never })).rejects.toBeInstanceOf(RangeError);
    await expect(getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR, communeId: "LCI-P01" })).rejects.toBeInstanceOf(RangeError);
  });

  it("a commune's drill-down agrees with its row of the communes table", async () => {
    const leader = await demoActor("lanhdao");
    const d = await getDashboard(t.prisma, leader, { year: DEMO_YEAR - 1 });
    for (const row of d.communes) {
      const units = (await getCommuneDrilldown(t.prisma, leader, { year: DEMO_YEAR - 1, communeId: row.communeId })).filter((u) => u.kind !== "XA" && !u.excluded);
      expect(units.length, row.name).toBe(row.eligible);
      expect(units.filter((u) => u.state !== "NOT_REGISTERED").length, row.name).toBe(row.registered);
      expect(units.filter((u) => u.state === "RECOGNISED").length, row.name).toBe(row.recognised);
    }
  });
});
