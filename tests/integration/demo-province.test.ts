/**
 * Over the seeded demo province: the seed meets the minimums and is idempotent, and the
 * read scope used by list queries agrees with the permission function for every demo account.
 */
import { describe, expect, it } from "vitest";
import { buildDemoProvince, seedDemoProvince, stableId, DEMO_USERS } from "../../prisma/seed/demo-province";
import { DEMO_RESULT_YEARS, DEMO_SEED_ACTOR, demoWorkbooks, readDemoWorkbook } from "../../prisma/seed/demo-workbooks";
import { sha256Of } from "../../lib/registry/import-list";
import { loadUserActor } from "../../lib/users/load-actor";
import { can, unitScopeWhere, reviewScopeWhere, competenceOf, ForbiddenError, UNIT_SCOPED_ACTIONS } from "../../lib/auth/permissions";
import { listUnits, getUnitDetail } from "../../lib/units/unit-queries";
import { provinceFigures } from "../../lib/reports/province-figures";
import { reviewQueue } from "../../lib/reviews/review-queue";
import { authenticate } from "../../lib/users/authenticate";
import { DEMO_PASSWORD, DEMO_YEAR } from "../../prisma/seed/demo-data";
import type { Actor } from "../../lib/auth/actor";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ keepData: true, setup: async (prisma) => void (await seedDemoProvince(prisma)) });

async function demoActor(username: string): Promise<Actor> {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadUserActor(t.prisma, user.id);
  if (!actor) throw new Error(username);
  return actor;
}

async function tableCounts() {
  const p = t.prisma;
  return {
    areas: await p.administrativeArea.count(),
    units: await p.unit.count(),
    subUnits: await p.subUnit.count(),
    results: await p.subUnitYearResult.count(),
    facts: await p.unitYearFacts.count(),
    people: await p.person.count(),
    discipline: await p.disciplineRecord.count(),
    incidents: await p.incident.count(),
    models: await p.movementModel.count(),
    dossiers: await p.dossier.count(),
    decisions: await p.recognitionDecision.count(),
    users: await p.user.count(),
    auditEvents: await p.auditEvent.count(),
  };
}

/** The rows of the queue's first page (the demo's queues fit on one). */
const queueRows = async (...args: Parameters<typeof reviewQueue>) => (await reviewQueue(...args)).rows;

describe("demo province seed", () => {
  it("holds what the issue asks for", async () => {
    const p = t.prisma;
    expect(await p.administrativeArea.count({ where: { level: "COMMUNE" } })).toBeGreaterThanOrEqual(10);
    expect(await p.unit.count({ where: { kind: "KDC" } })).toBeGreaterThanOrEqual(60);
    const orgs = await p.unit.findMany({ where: { kind: { in: ["CQ", "DN", "CSGD"] }, exclusionReason: null }, include: { _count: { select: { subUnits: true } } } });
    expect(orgs.length).toBeGreaterThanOrEqual(30);
    expect(orgs.every((o) => o._count.subUnits > 0)).toBe(true);
    for (const reason of ["ARMED_FORCES", "SMALL_MICRO_ENTERPRISE", "PRIMARY_OR_PRESCHOOL"] as const) {
      expect(await p.unit.count({ where: { exclusionReason: reason } })).toBeGreaterThan(0);
    }
    expect(await p.disciplineRecord.count({ where: { level: "KHIEN_TRACH" } })).toBeGreaterThan(0);
    expect(await p.disciplineRecord.count({ where: { level: { in: ["CANH_CAO", "KEO_DAI_NANG_LUONG"] } } })).toBeGreaterThan(0);
    expect(await p.incident.count({ where: { source: "POLICE_RECORDED" } })).toBeGreaterThan(0);
    expect(await p.incident.count({ where: { source: "UNIT_DECLARED" } })).toBeGreaterThan(0);
    expect(await p.incident.count({ where: { forceMajeure: true } })).toBeGreaterThan(0);
    for (const role of ["ADMIN", "REVIEWER", "UNIT_OFFICER", "LEADER"] as const) {
      expect(await p.user.count({ where: { role } })).toBeGreaterThan(0);
    }
    // Names keep their Vietnamese diacritics.
    expect((await p.unit.findFirstOrThrow({ where: { code: "CQ-STP" } })).name).toBe("Sở Tư pháp tỉnh Lào Cai");
  });

  it("loads the registry from the committed workbooks through the import, with its audit events", async () => {
    const events = await t.prisma.auditEvent.findMany({ where: { actorUsername: DEMO_SEED_ACTOR.username }, orderBy: { id: "asc" }, select: { action: true, meta: true } });
    const files = demoWorkbooks(buildDemoProvince()).map((w) => w.fileName);
    expect(events.map((e) => (e.meta as { fileName: string }).fileName)).toEqual(files);
    expect(events.map((e) => e.action)).toEqual([
      "registry.communes.imported",
      "registry.authorities.imported",
      "registry.units.imported",
      "registry.subunits.imported",
      "registry.subunits.imported",
    ]);
    // Each event carries the SHA-256 of the committed file it imported.
    for (const [i, e] of events.entries()) {
      expect((e.meta as { sha256: string }).sha256).toBe(sha256Of((await readDemoWorkbook({ fileName: files[i]! })).bytes));
    }
    // The registry keeps the demo's stable ids; sub-units carry both years' results.
    expect((await t.prisma.unit.findUniqueOrThrow({ where: { id: stableId("unit:CQ-STP") } })).code).toBe("CQ-STP");
    expect((await t.prisma.administrativeArea.findUniqueOrThrow({ where: { id: stableId("area:LCI-P01") } })).code).toBe("LCI-P01");
    expect((await t.prisma.authority.findUniqueOrThrow({ where: { id: stableId("authority:UBND:LCI-P01") } })).code).toBe("UBND-LCI-P01");
    for (const year of DEMO_RESULT_YEARS) expect(await t.prisma.subUnitYearResult.count({ where: { year } })).toBe(await t.prisma.subUnit.count());
    // People placed in a sub-unit point at the one the import created.
    const placed = await t.prisma.person.findMany({ where: { subUnitId: { not: null } }, select: { unitId: true, subUnit: { select: { unitId: true } } } });
    expect(placed.length).toBeGreaterThan(0);
    for (const p of placed) expect(p.subUnit?.unitId).toBe(p.unitId);
  });

  it("every demo account signs in with the README password", async () => {
    for (const u of DEMO_USERS) {
      expect((await authenticate(t.prisma, { username: u.username, password: DEMO_PASSWORD })).ok, u.username).toBe(true);
    }
  });

  it("is idempotent: a second run adds nothing and keeps changed passwords and registry edits", async () => {
    await t.prisma.user.update({ where: { username: "admin" }, data: { passwordHash: "scrypt$changed" } });
    await t.prisma.unit.update({ where: { code: "CQ-STC" }, data: { name: "Sở Tài chính (đổi tên)" } });
    const before = await tableCounts();
    await seedDemoProvince(t.prisma);
    expect(await tableCounts()).toEqual(before);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { username: "admin" } })).passwordHash).toBe("scrypt$changed");
    expect((await t.prisma.unit.findUniqueOrThrow({ where: { code: "CQ-STC" } })).name).toBe("Sở Tài chính (đổi tên)");
    await t.prisma.unit.update({ where: { code: "CQ-STC" }, data: { name: "Sở Tài chính tỉnh Lào Cai" } });
  });
});

describe("read scope agrees with the permission function", () => {
  it.each(DEMO_USERS.map((u) => u.username))("%s", async (username) => {
    const actor = await demoActor(username);
    const all = await t.prisma.unit.findMany({ select: { id: true, kind: true, communeId: true } });
    const inScope = new Set((await t.prisma.unit.findMany({ where: unitScopeWhere(actor), select: { id: true } })).map((u) => u.id));
    for (const unit of all) {
      expect(inScope.has(unit.id), `${username} / ${unit.id}`).toBe(can(actor, { action: "unit.read", unit }));
    }
    const listed = await listUnits(t.prisma, actor);
    expect(listed.total).toEqual({ count: inScope.size, capped: false });
  });

  it.each(DEMO_USERS.map((u) => u.username))("every unit-scoped action's query scope agrees with can: %s", async (username) => {
    const actor = await demoActor(username);
    const all = await t.prisma.unit.findMany({ select: { id: true, kind: true, communeId: true } });
    for (const action of UNIT_SCOPED_ACTIONS) {
      const inScope = new Set((await t.prisma.unit.findMany({ where: unitScopeWhere(actor, action), select: { id: true } })).map((u) => u.id));
      for (const unit of all) expect(inScope.has(unit.id), `${username} / ${action} / ${unit.id}`).toBe(can(actor, { action, unit }));
    }
  });

  it("an officer of one unit sees exactly that unit and is refused another unit's detail", async () => {
    const officer = await demoActor("canbo.sotuphap");
    const own = await t.prisma.unit.findUniqueOrThrow({ where: { code: "CQ-STP" } });
    const other = await t.prisma.unit.findUniqueOrThrow({ where: { code: "CQ-STC" } });
    expect((await listUnits(t.prisma, officer)).units.map((u) => u.id)).toEqual([own.id]);
    expect((await getUnitDetail(t.prisma, officer, own.id, DEMO_YEAR))?.name).toBe(own.name);
    await expect(getUnitDetail(t.prisma, officer, other.id, DEMO_YEAR)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a commune officer sees the commune and its KDC only", async () => {
    const officer = await demoActor("canbo.phuonglaocai");
    const units = await t.prisma.unit.findMany({ where: unitScopeWhere(officer) });
    expect(units.length).toBe(7);
    expect(new Set(units.map((u) => u.kind))).toEqual(new Set(["XA", "KDC"]));
    expect(new Set(units.map((u) => u.communeId))).toEqual(new Set([officer.areaId]));
  });

  it("review queues hold only dossiers within the reviewer's competence", async () => {
    for (const username of ["thamdinh.tinh", "thamdinh.xa"]) {
      const reviewer = await demoActor(username);
      const queue = await queueRows(t.prisma, reviewer, DEMO_YEAR);
      expect(queue.length).toBeGreaterThan(0);
      for (const d of queue) {
        expect(competenceOf(reviewer)[d.unit.kind]).toBe(reviewer.reviewerLevel);
        const unit = await t.prisma.unit.findUniqueOrThrow({ where: { id: d.unit.id } });
        expect(can(reviewer, { action: "dossier.review", unit })).toBe(true);
      }
      const expected = await t.prisma.dossier.count({ where: { year: DEMO_YEAR, state: { in: ["SUBMITTED", "UNDER_REVIEW"] }, unit: reviewScopeWhere(reviewer) } });
      expect(queue.length).toBe(expected);
    }
    await expect(reviewQueue(t.prisma, await demoActor("lanhdao"), DEMO_YEAR)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("review queue filters", () => {
  it("filter by commune, kind, state and decision deadline, in the query", async () => {
    const reviewer = await demoActor("thamdinh.tinh");
    const all = await queueRows(t.prisma, reviewer, DEMO_YEAR);
    const commune = all[0]!.unit.commune.id;
    const byCommune = await queueRows(t.prisma, reviewer, DEMO_YEAR, { communeId: commune });
    expect(byCommune.length).toBe(all.filter((d) => d.unit.commune.id === commune).length);
    const byKind = await queueRows(t.prisma, reviewer, DEMO_YEAR, { kind: "CSGD" });
    expect(byKind.length).toBe(all.filter((d) => d.unit.kind === "CSGD").length);
    expect(await queueRows(t.prisma, reviewer, DEMO_YEAR, { state: "PROPOSED" })).toEqual([]);
    // 18/11: decisions for KDC (15/11) are overdue, for the others (20/11) not yet.
    const nov18 = new Date("2026-11-18T03:00:00Z");
    expect(await queueRows(t.prisma, reviewer, DEMO_YEAR, { deadline: "OVERDUE" }, nov18)).toEqual([]);
    expect((await queueRows(t.prisma, reviewer, DEMO_YEAR, { deadline: "ON_TIME" }, nov18)).length).toBe(all.length);
    const communePolice = await demoActor("thamdinh.xa");
    const overdueKdc = await queueRows(t.prisma, communePolice, DEMO_YEAR, { deadline: "OVERDUE" }, nov18);
    expect(overdueKdc.length).toBeGreaterThan(0);
    expect(overdueKdc.every((d) => d.overdue && d.decisionDeadline === "2026-11-15")).toBe(true);
  });
});

describe("competence table as data", () => {
  it("the seeded Lào Cai table is what reviewers get, and a new rule moves a kind to another reviewer", async () => {
    const provincial = await demoActor("thamdinh.tinh");
    expect(provincial.competence).toEqual({ KDC: "COMMUNE_POLICE", XA: "PROVINCIAL_POLICE", CQ: "PROVINCIAL_POLICE", DN: "PROVINCIAL_POLICE", CSGD: "PROVINCIAL_POLICE" });
    const school = await t.prisma.unit.findFirstOrThrow({ where: { kind: "CSGD", communeId: provincial.areaId ?? (await demoActor("thamdinh.xa")).areaId!, exclusionReason: null } });
    const communePolice = await demoActor("thamdinh.xa");
    expect(can(communePolice, { action: "dossier.review", unit: school })).toBe(false);

    // Rolled back below: a province decides that commune police review the schools of their commune.
    await t.prisma.$transaction(async (tx) => {
      await tx.competenceRule.create({ data: { unitKind: "CSGD", effectiveFrom: new Date("2026-01-01T00:00:00Z"), reviewerLevel: "COMMUNE_POLICE", deciderKind: "UBND_XA", decisionDeadlineMonth: 11, decisionDeadlineDay: 20 } });
      const user = await tx.user.findUniqueOrThrow({ where: { username: "thamdinh.xa" } });
      const moved = await loadUserActor(tx as never, user.id);
      expect(moved!.competence!.CSGD).toBe("COMMUNE_POLICE");
      expect(can(moved, { action: "dossier.review", unit: school })).toBe(true);
      const future = await tx.competenceRule.create({ data: { unitKind: "XA", effectiveFrom: new Date("2099-01-01T00:00:00Z"), reviewerLevel: "COMMUNE_POLICE", deciderKind: "UBND_TINH", decisionDeadlineMonth: 11, decisionDeadlineDay: 20 } });
      expect((await loadUserActor(tx as never, user.id))!.competence!.XA).toBe("PROVINCIAL_POLICE");
      void future;
      throw new Error("rollback");
    }).catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
    expect(await t.prisma.competenceRule.count({ where: { unitKind: "CSGD" } })).toBe(1);
  });
});

describe("province figures", () => {
  it("equal what raw SQL counts in the database", async () => {
    const leader = await demoActor("lanhdao");
    const f = await provinceFigures(t.prisma, leader, DEMO_YEAR);
    const raw = async (sql: string) => Number((await t.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(sql))[0]!.n);
    expect(f.communes).toBe(await raw(`SELECT count(*) AS n FROM "AdministrativeArea" WHERE level = 'COMMUNE'`));
    expect(f.unitsByKind.KDC).toBe(await raw(`SELECT count(*) AS n FROM "Unit" WHERE kind = 'KDC' AND "isActive"`));
    expect(f.eligibleUnits).toBe(await raw(`SELECT count(*) AS n FROM "Unit" WHERE "exclusionReason" IS NULL AND "isActive"`));
    expect(f.recognised).toBe(await raw(`SELECT count(*) AS n FROM "Dossier" d JOIN "Unit" u ON u.id = d."unitId" WHERE d.year = ${DEMO_YEAR} AND d.state = 'RECOGNISED' AND u."exclusionReason" IS NULL`));
    expect(f.registered).toBe(await raw(`SELECT count(*) AS n FROM "Dossier" d JOIN "Unit" u ON u.id = d."unitId" WHERE d.year = ${DEMO_YEAR} AND d.state <> 'NOT_REGISTERED' AND u."exclusionReason" IS NULL`));
    expect(f.registered).toBeGreaterThan(0);
  });

  it("are refused to unit officers and commune police", async () => {
    for (const u of ["canbo.sotuphap", "thamdinh.xa"]) {
      await expect(provinceFigures(t.prisma, await demoActor(u), DEMO_YEAR)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
