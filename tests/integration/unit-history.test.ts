/**
 * A unit's history (ADR 0009) on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * past years' figures stay the same when a unit moves or changes authority today; the Unit row
 * always equals today's placement; dated changes close and open placements, re-copy only the
 * dossiers not yet submitted, are audited and refuse bad dates and targets; the database itself
 * refuses two placements valid on the same day.
 */
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/auth/actor";
import { getCommuneDrilldown, getDashboard } from "../../lib/reports/dashboard-queries";
import type { DashboardData } from "../../lib/reports/dashboard-types";
import { provinceFigures } from "../../lib/reports/province-figures";
import { yearEndReportInput } from "../../lib/reports/year-end-report-queries";
import { changeUnitPlacement, unitPlacementHistory, unitSuccessions } from "../../lib/registry/placements";
import { evaluationYearOf, HISTORY_START } from "../../lib/registry/placement-rules";
import { placementChangeSchema } from "../../lib/registry/unit-schemas";
import { setUnitActive } from "../../lib/registry/units";
import { todayInVietnam } from "../../lib/validation/input-rules";
import { loadUserActor } from "../../lib/users/load-actor";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ setup: async (prisma) => void (await seedDemoProvince(prisma)) });

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function demoActor(username: string): Promise<Actor> {
  const user = await t.prisma.user.findFirstOrThrow({ where: { role: username === "admin" ? "ADMIN" : "LEADER" } });
  const actor = await loadUserActor(t.prisma, user.id);
  if (!actor) throw new Error(username);
  return actor;
}

/** The dashboard without its generation time: what must be identical across runs. */
async function figures(prisma: PrismaClient, actor: Actor, year: number): Promise<Omit<DashboardData, "generatedAt">> {
  const { generatedAt: _ignored, ...rest } = await getDashboard(prisma, actor, { year });
  return rest;
}

/** Everything a year reports: dashboard, one commune's drill-down, province figures, year-end lists. */
async function everything(actor: Actor, year: number, communeIds: string[]) {
  const { issuedOn: _i, data: _d, ...report } = await yearEndReportInput(t.prisma, actor, year, `${year}-12-31`);
  return {
    dashboard: await figures(t.prisma, actor, year),
    drilldowns: await Promise.all(communeIds.map((communeId) => getCommuneDrilldown(t.prisma, actor, { year, communeId }))),
    province: await provinceFigures(t.prisma, actor, year),
    report,
  };
}

async function change(actor: Actor, input: Record<string, unknown>, today = todayInVietnam()) {
  const unit = await t.prisma.unit.findUniqueOrThrow({ where: { id: input.unitId as string } });
  return changeUnitPlacement(t.prisma, actor, placementChangeSchema.parse({ version: unit.version, reason: "Theo quyết định số 12/QĐ-UBND", ...input }), today);
}

/** Two active communes of the demo and an eligible managed unit of the first with a dossier last year. */
async function pickMove() {
  const dossier = await t.prisma.dossier.findFirstOrThrow({
    where: { year: DEMO_YEAR - 1, state: "RECOGNISED", kind: { in: ["KDC", "CQ"] }, exclusionReason: null },
    orderBy: { id: "asc" },
  });
  const to = await t.prisma.administrativeArea.findFirstOrThrow({ where: { level: "COMMUNE", isActive: true, id: { not: dossier.communeId } }, orderBy: { code: "asc" } });
  return { unitId: dossier.unitId, from: dossier.communeId, to: to.id };
}

describe("past years do not change when the registry changes", () => {
  it("moving a unit and changing another's authority today leaves every past year identical; the year the change counts in reflects it", async () => {
    const leader = await demoActor("leader");
    const admin = await demoActor("admin");
    const today = todayInVietnam();
    const counted = evaluationYearOf(today); // the first year whose 15/11 is on or after today
    const move = await pickMove();
    const pastYears = [DEMO_YEAR - 1, DEMO_YEAR].filter((y) => y < counted);
    expect(pastYears).toContain(DEMO_YEAR - 1);

    // An excluded unit has no dossier: only its placement says where it was in a past year.
    const excluded = await t.prisma.unit.findFirstOrThrow({ where: { isActive: true, NOT: { exclusionReason: null }, kind: { not: "XA" }, dossiers: { none: {} } }, orderBy: { code: "asc" } });
    const excludedTo = await t.prisma.administrativeArea.findFirstOrThrow({ where: { level: "COMMUNE", isActive: true, id: { not: excluded.communeId } }, orderBy: { code: "desc" } });
    const communes = [move.from, move.to, excluded.communeId, excludedTo.id];
    const before = new Map<number, Awaited<ReturnType<typeof everything>>>();
    for (const y of pastYears) before.set(y, await everything(leader, y, communes));
    const currentBefore = await figures(t.prisma, leader, counted);

    await change(admin, { unitId: move.unitId, change: "MOVE", effectiveFrom: today, communeId: move.to });
    const other = await t.prisma.unit.findFirstOrThrow({ where: { kind: "CQ", isActive: true, id: { not: move.unitId } }, orderBy: { code: "asc" } });
    const authority = await t.prisma.authority.findFirstOrThrow({ where: { isActive: true, id: { not: other.managingAuthorityId } }, orderBy: { code: "asc" } });
    await change(admin, { unitId: other.id, change: "CHANGE_AUTHORITY", effectiveFrom: today, managingAuthorityId: authority.id });
    await change(admin, { unitId: excluded.id, change: "MOVE", effectiveFrom: today, communeId: excludedTo.id });

    for (const y of pastYears) expect(await everything(leader, y, communes)).toEqual(before.get(y));
    const excludedIn = async (year: number, communeId: string) => (await getCommuneDrilldown(t.prisma, leader, { year, communeId })).some((u) => u.unitId === excluded.id);
    expect(await excludedIn(DEMO_YEAR - 1, excluded.communeId)).toBe(true);
    expect(await excludedIn(counted, excludedTo.id)).toBe(true);
    expect(await excludedIn(counted, excluded.communeId)).toBe(false);

    // The year the move counts in: the unit has left its old commune's row for the new one's.
    const currentAfter = await figures(t.prisma, leader, counted);
    const row = (d: typeof currentAfter, id: string) => d.communes.find((c) => c.communeId === id)!;
    expect(row(currentAfter, move.from).eligible).toBe(row(currentBefore, move.from).eligible - 1);
    expect(row(currentAfter, move.to).eligible).toBe(row(currentBefore, move.to).eligible + 1);
    expect(currentAfter.headline.eligible).toBe(currentBefore.headline.eligible);
    const drill = await getCommuneDrilldown(t.prisma, leader, { year: counted, communeId: move.to });
    expect(drill.some((u) => u.unitId === move.unitId)).toBe(true);
  });

  it("closing a unit today keeps it in the past years it was active in", async () => {
    const leader = await demoActor("leader");
    const admin = await demoActor("admin");
    const counted = evaluationYearOf(todayInVietnam());
    const unit = await t.prisma.unit.findFirstOrThrow({ where: { kind: "DN", isActive: true, exclusionReason: null }, orderBy: { code: "asc" } });
    const last = await figures(t.prisma, leader, DEMO_YEAR - 1);
    const currentBefore = await figures(t.prisma, leader, counted);
    await setUnitActive(t.prisma, admin, { unitId: unit.id, version: unit.version, active: false, reason: "Giải thể theo quyết định" });
    expect(await figures(t.prisma, leader, DEMO_YEAR - 1)).toEqual(last);
    expect((await figures(t.prisma, leader, counted)).headline.unitsByKind.DN).toBe(currentBefore.headline.unitsByKind.DN - 1);
  });
});

describe("the Unit row and today's placement agree", () => {
  it("for every unit of the demo province, after the seed and after dated changes", async () => {
    const admin = await demoActor("admin");
    const check = async () => {
      const today = todayInVietnam();
      const units = await t.prisma.unit.findMany({ include: { placements: true } });
      expect(units.length).toBeGreaterThan(50);
      for (const u of units) {
        const valid = u.placements.filter((p) => iso(p.effectiveFrom)! <= today && (p.effectiveTo === null || iso(p.effectiveTo)! >= today));
        expect(valid, u.code).toHaveLength(1);
        const p = valid[0]!;
        expect({ communeId: p.communeId, managingAuthorityId: p.managingAuthorityId, kind: p.kind, sector: p.sector, exclusionReason: p.exclusionReason, isActive: p.isActive }, u.code).toEqual({
          communeId: u.communeId,
          managingAuthorityId: u.managingAuthorityId,
          kind: u.kind,
          sector: u.sector,
          exclusionReason: u.exclusionReason,
          isActive: u.isActive,
        });
      }
    };
    await check();
    const move = await pickMove();
    await change(admin, { unitId: move.unitId, change: "MOVE", effectiveFrom: `${DEMO_YEAR}-06-01`, communeId: move.to });
    const closing = await t.prisma.unit.findFirstOrThrow({ where: { kind: "CSGD", isActive: true }, orderBy: { code: "asc" } });
    await change(admin, { unitId: closing.id, change: "CLOSE", effectiveFrom: `${DEMO_YEAR}-09-30` });
    // A correction through the registry's edit path (the Unit row only) rewrites the open placement.
    await t.prisma.unit.update({ where: { id: move.unitId }, data: { sector: "STATE_ADMINISTRATION" } });
    await check();
  });
});

describe("dated changes", () => {
  it("a back-dated move closes the placement the day before, re-copies the dossier not yet submitted and keeps the submitted one; audited with before and after", async () => {
    const admin = await demoActor("admin");
    const move = await pickMove();
    const unitId = move.unitId;
    // This year's dossier in REGISTERED; last year's was decided.
    await t.prisma.dossier.update({ where: { unitId_year: { unitId, year: DEMO_YEAR } }, data: { state: "REGISTERED" } });
    const effectiveFrom = `${DEMO_YEAR}-06-01`;
    const result = await change(admin, { unitId, change: "MOVE", effectiveFrom, communeId: move.to });
    expect(result).toMatchObject({ communeId: move.to, isActive: true });

    const history = await unitPlacementHistory(t.prisma, admin, unitId);
    expect(history.map((h) => [h.effectiveFrom, h.effectiveTo, h.communeId])).toEqual([
      [effectiveFrom, null, move.to],
      [HISTORY_START, `${DEMO_YEAR}-05-31`, move.from],
    ]);
    const dossiers = await t.prisma.dossier.findMany({ where: { unitId }, orderBy: { year: "asc" } });
    expect(dossiers.map((d) => [d.year, d.communeId])).toEqual([
      [DEMO_YEAR - 1, move.from], // decided: frozen
      [DEMO_YEAR, move.to], // not yet submitted, counts on 15/11 after the move: re-copied
    ]);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: unitId, action: "registry.unit.moved" } });
    expect(event.before).toMatchObject({ placement: { communeId: move.from, effectiveFrom: HISTORY_START } });
    expect(event.after).toMatchObject({ placement: { communeId: move.to, effectiveFrom }, closedPlacement: { effectiveTo: `${DEMO_YEAR}-05-31` } });
    expect(event.meta).toMatchObject({ reason: "Theo quyết định số 12/QĐ-UBND", effectiveFrom, recopiedDossiers: [{ year: DEMO_YEAR }] });
  });

  it("a submitted dossier keeps its frozen facts even when the change counts in its year", async () => {
    const admin = await demoActor("admin");
    const move = await pickMove();
    await t.prisma.dossier.update({ where: { unitId_year: { unitId: move.unitId, year: DEMO_YEAR } }, data: { state: "SUBMITTED", reviewRound: 1 } });
    await change(admin, { unitId: move.unitId, change: "MOVE", effectiveFrom: `${DEMO_YEAR}-06-01`, communeId: move.to });
    expect(await t.prisma.dossier.findUniqueOrThrow({ where: { unitId_year: { unitId: move.unitId, year: DEMO_YEAR } } })).toMatchObject({ communeId: move.from });
  });

  it("refuses a date before the current placement, a future date, the same commune, an inactive commune or authority, a stale version; nothing is written", async () => {
    const admin = await demoActor("admin");
    const move = await pickMove();
    const today = todayInVietnam();
    await change(admin, { unitId: move.unitId, change: "MOVE", effectiveFrom: `${DEMO_YEAR}-06-01`, communeId: move.to });
    const placements = await t.prisma.unitPlacement.count();
    const audits = await t.prisma.auditEvent.count();
    const refused = async (input: Record<string, unknown>, message: RegExp, todayIs = today) => {
      await expect(change(admin, { unitId: move.unitId, ...input }, todayIs)).rejects.toThrow(message);
    };
    await refused({ change: "MOVE", effectiveFrom: `${DEMO_YEAR}-05-31`, communeId: move.from }, /không được trước ngày bắt đầu của vị trí hiện tại \(01\/06\/2026\)/);
    await refused({ change: "MOVE", effectiveFrom: "2099-01-01", communeId: move.from }, /tương lai/);
    await refused({ change: "MOVE", effectiveFrom: today, communeId: move.to }, /đang thuộc xã/);
    const closedCommune = await t.prisma.administrativeArea.create({ data: { code: "X-CU", name: "Xã Cũ", level: "COMMUNE", communeKind: "XA", isActive: false } });
    await refused({ change: "MOVE", effectiveFrom: today, communeId: closedCommune.id }, /đã ngừng hoạt động/);
    const oldAuthority = await t.prisma.authority.create({ data: { code: "SO-CU", name: "Sở cũ", kind: "SO_NGANH", documentSymbol: "SC", placeName: "Lào Cai", isActive: false } });
    await refused({ change: "CHANGE_AUTHORITY", effectiveFrom: today, managingAuthorityId: oldAuthority.id }, /đã ngừng hoạt động/);
    await refused({ change: "REOPEN", effectiveFrom: today }, /đang hoạt động/);
    const unit = await t.prisma.unit.findUniqueOrThrow({ where: { id: move.unitId } });
    await expect(
      changeUnitPlacement(t.prisma, admin, placementChangeSchema.parse({ unitId: unit.id, version: unit.version - 1, change: "CLOSE", effectiveFrom: today, reason: "Giải thể đơn vị" })),
    ).rejects.toThrow(/tải lại trang/);
    expect(await t.prisma.unitPlacement.count()).toBe(placements);
    expect(await t.prisma.auditEvent.count()).toBe(audits);
  });

  it("a leader may read the history but not change it", async () => {
    const leader = await demoActor("leader");
    const move = await pickMove();
    expect(await unitPlacementHistory(t.prisma, leader, move.unitId)).toHaveLength(1);
    await expect(change(leader, { unitId: move.unitId, change: "CLOSE", effectiveFrom: todayInVietnam() })).rejects.toThrow();
  });

  it("the database refuses two placements of a unit valid on the same day", async () => {
    const move = await pickMove();
    const open = await t.prisma.unitPlacement.findFirstOrThrow({ where: { unitId: move.unitId } });
    const { id: _id, createdAt: _c, ...copy } = open;
    await expect(t.prisma.unitPlacement.create({ data: { ...copy, effectiveFrom: new Date(`${DEMO_YEAR}-03-01T00:00:00Z`) } })).rejects.toThrow(/placement valid|23P01|UnitPlacement_no_overlap/);
    await expect(t.prisma.unitPlacement.create({ data: { ...copy, effectiveFrom: new Date(`${DEMO_YEAR}-03-01T00:00:00Z`), effectiveTo: new Date(`${DEMO_YEAR}-02-01T00:00:00Z`) } })).rejects.toThrow();
    // A placement that ends before the open one starts is accepted.
    await t.prisma.unitPlacement.update({ where: { id: open.id }, data: { effectiveFrom: new Date(`${DEMO_YEAR}-01-01T00:00:00Z`) } });
    await t.prisma.unitPlacement.create({ data: { ...copy, effectiveFrom: new Date("2023-01-01T00:00:00Z"), effectiveTo: new Date(`${DEMO_YEAR - 1}-12-31T00:00:00Z`) } });
    expect(await t.prisma.unitPlacement.count({ where: { unitId: move.unitId } })).toBe(2);
  });
});

describe("sáp nhập and chia, tách", () => {
  async function twoOfAKind(kind: "CQ" | "DN" | "CSGD") {
    const [a, b, c] = await t.prisma.unit.findMany({ where: { kind, isActive: true, exclusionReason: null }, orderBy: { code: "asc" }, take: 3 });
    return { a: a!, b: b!, c: c! };
  }

  it("a merger closes the absorbed unit from its date, links it to the receiving one, is audited, and leaves past years identical", async () => {
    const leader = await demoActor("leader");
    const admin = await demoActor("admin");
    const today = todayInVietnam();
    const counted = evaluationYearOf(today);
    const { a, b } = await twoOfAKind("CQ");
    const past = await figures(t.prisma, leader, DEMO_YEAR - 1);
    const currentBefore = await figures(t.prisma, leader, counted);

    await change(admin, { unitId: a.id, change: "MERGE", effectiveFrom: today, successorCodes: b.code.toLowerCase(), reason: "Theo Quyết định số 45/QĐ-UBND về sáp nhập" });

    const absorbed = await t.prisma.unit.findUniqueOrThrow({ where: { id: a.id } });
    expect(absorbed.isActive).toBe(false);
    expect((await unitPlacementHistory(t.prisma, leader, a.id))[0]).toMatchObject({ effectiveFrom: today, effectiveTo: null, isActive: false });
    expect(await unitSuccessions(t.prisma, leader, a.id)).toEqual([
      expect.objectContaining({ direction: "to", kind: "MERGE", effectiveOn: today, other: { id: b.id, code: b.code, name: b.name } }),
    ]);
    expect(await unitSuccessions(t.prisma, leader, b.id)).toEqual([expect.objectContaining({ direction: "from", kind: "MERGE", other: { id: a.id, code: a.code, name: a.name } })]);
    expect((await t.prisma.unit.findUniqueOrThrow({ where: { id: b.id } })).isActive).toBe(true);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "registry.unit.merged", entityId: a.id } });
    expect(event.meta).toMatchObject({ effectiveFrom: today, successors: [{ id: b.id, code: b.code, name: b.name }], predecessorContinues: false });

    expect(await figures(t.prisma, leader, DEMO_YEAR - 1)).toEqual(past);
    expect((await figures(t.prisma, leader, counted)).headline.unitsByKind.CQ).toBe(currentBefore.headline.unitsByKind.CQ - 1);
    // Merged once: the absorbed unit cannot merge again.
    const again = await t.prisma.unit.findUniqueOrThrow({ where: { id: a.id } });
    await expect(changeUnitPlacement(t.prisma, admin, placementChangeSchema.parse({ unitId: a.id, version: again.version, change: "MERGE", effectiveFrom: today, successorCodes: b.code, reason: "Sáp nhập lần nữa" }))).rejects.toThrow(/ngừng hoạt động từ trước/);
  });

  it("a part separated (tách) leaves the unit's placement as it is; a division (chia) closes it; each successor once", async () => {
    const admin = await demoActor("admin");
    const today = todayInVietnam();
    const { a, b, c } = await twoOfAKind("DN");
    const placements = await t.prisma.unitPlacement.count({ where: { unitId: a.id } });

    await change(admin, { unitId: a.id, change: "SPLIT", effectiveFrom: today, successorCodes: `${b.code}, ${c.code}`, predecessorContinues: true, reason: "Tách bộ phận sản xuất thành công ty mới" });
    const after = await t.prisma.unit.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.isActive).toBe(true);
    expect(after.version).toBe(a.version + 1);
    expect(await t.prisma.unitPlacement.count({ where: { unitId: a.id } })).toBe(placements);
    expect((await unitSuccessions(t.prisma, admin, a.id)).map((s) => [s.direction, s.kind, s.other.code])).toEqual([["to", "SPLIT", b.code], ["to", "SPLIT", c.code]]);

    await expect(change(admin, { unitId: a.id, change: "SPLIT", effectiveFrom: today, successorCodes: b.code })).rejects.toThrow(`Đã ghi nhận đơn vị “${b.code}” kế thừa đơn vị này từ trước.`);
    await expect(change(admin, { unitId: b.id, change: "SPLIT", effectiveFrom: today, successorCodes: c.code })).resolves.toMatchObject({ isActive: false });
    expect((await unitSuccessions(t.prisma, admin, c.id)).map((s) => [s.direction, s.other.code])).toEqual([["from", a.code], ["from", b.code]]);
  });

  it("refuses another kind, an unknown code, the unit itself and a commune-level unit; nothing is written", async () => {
    const admin = await demoActor("admin");
    const today = todayInVietnam();
    const { a } = await twoOfAKind("CQ");
    const school = await t.prisma.unit.findFirstOrThrow({ where: { kind: "CSGD", isActive: true }, orderBy: { code: "asc" } });
    const commune = await t.prisma.unit.findFirstOrThrow({ where: { kind: "XA", isActive: true }, orderBy: { code: "asc" } });
    const audits = await t.prisma.auditEvent.count();
    await expect(change(admin, { unitId: a.id, change: "MERGE", effectiveFrom: today, successorCodes: school.code })).rejects.toThrow("khác loại");
    await expect(change(admin, { unitId: a.id, change: "MERGE", effectiveFrom: today, successorCodes: "KHONG-CO" })).rejects.toThrow("Không có đơn vị mã “KHONG-CO”");
    await expect(change(admin, { unitId: a.id, change: "SPLIT", effectiveFrom: today, successorCodes: a.code })).rejects.toThrow("chính đơn vị này");
    await expect(change(admin, { unitId: commune.id, change: "MERGE", effectiveFrom: today, successorCodes: a.code })).rejects.toThrow("Đơn vị cấp xã là chính xã đó");
    expect(await t.prisma.unitSuccession.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(audits);
    // The database refuses a unit succeeding itself.
    await expect(t.prisma.unitSuccession.create({ data: { predecessorId: a.id, successorId: a.id, kind: "MERGE", effectiveOn: new Date(`${today}T00:00:00Z`), reason: "x" } })).rejects.toThrow();
  });
});
