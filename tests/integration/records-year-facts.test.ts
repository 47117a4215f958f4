import { describe, expect, it } from "vitest";
import { saveYearFacts } from "../../lib/records/year-facts";
import { yearFactsSchema } from "../../lib/records/year-facts-schemas";
import { STALE_MESSAGE } from "../../lib/records/unit-access";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { INVALID_INPUT_MESSAGE } from "../../lib/validation/action-result";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const YEAR = 2026;

const save = (actor: Actor | null, input: unknown) => runAction(yearFactsSchema, input, async () => actor, (a, d) => saveYearFacts(t.prisma, a, d));

async function setup() {
  const world = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
  const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: world.communeA.id });
  return { world, officer, communeOfficer };
}

describe("saveYearFacts", () => {
  it("the first save creates the year's row (version 1); the next one updates it (version 2), both audited", async () => {
    const { world, officer } = await setup();
    const first = await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 0, staffTotal: "40", staffBriefed: "38", staffCommitted: "40", staffLaoDongTienTien: "30", staffChienSiThiDua: "5" });
    expect(first).toMatchObject({ ok: true, data: { version: 1 } });
    const created = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.year_facts.created" } });
    expect(created).toMatchObject({ entityType: "UnitYearFacts", unitId: world.agencyA.id, before: null });
    expect(created.after).toMatchObject({ staffTotal: 40, staffBriefed: 38, version: 1 });

    const second = await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 1, staffTotal: "40", staffBriefed: "40", staffCommitted: "40", staffLaoDongTienTien: "", staffChienSiThiDua: "" });
    expect(second).toMatchObject({ ok: true, data: { version: 2 } });
    const row = await t.prisma.unitYearFacts.findUniqueOrThrow({ where: { unitId_year: { unitId: world.agencyA.id, year: YEAR } } });
    expect(row).toMatchObject({ staffBriefed: 40, staffLaoDongTienTien: null, staffChienSiThiDua: null, version: 2 });
    const updated = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.year_facts.updated" } });
    expect(updated.before).toMatchObject({ staffBriefed: 38, staffLaoDongTienTien: 30, version: 1 });
    expect(updated.after).toMatchObject({ staffBriefed: 40, staffLaoDongTienTien: null, version: 2 });
  });

  it("briefed > total is a Vietnamese error on the briefed field; nothing is written or audited", async () => {
    const { world, officer } = await setup();
    const result = await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 0, staffTotal: "20", staffBriefed: "25" });
    expect(result).toMatchObject({ ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: { staffBriefed: ["Số đã được phổ biến không được lớn hơn tổng số cán bộ, người lao động."] } });
    expect(await t.prisma.unitYearFacts.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("counts must be non-negative integers; parts need their whole; CSTĐCS ≤ LĐTT", async () => {
    const { world, officer } = await setup();
    const result = await save(officer, {
      unitId: world.agencyA.id,
      year: YEAR,
      version: 0,
      staffTotal: "-1",
      staffCommitted: "2,5",
      staffLaoDongTienTien: "abc",
      learnersBriefed: "10",
      staffChienSiThiDua: "3",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      staffTotal: ["Vui lòng nhập số nguyên không âm."],
      staffCommitted: ["Vui lòng nhập số nguyên không âm."],
      staffLaoDongTienTien: ["Vui lòng nhập số nguyên không âm."],
    });
    const second = await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 0, learnersBriefed: "10", staffTotal: "10", staffLaoDongTienTien: "4", staffChienSiThiDua: "5" });
    expect(second).toMatchObject({
      ok: false,
      fieldErrors: { learnersTotal: ["Vui lòng nhập tổng số người học."], staffChienSiThiDua: ["Số “Chiến sĩ thi đua cơ sở” không được lớn hơn số “Lao động tiên tiến”."] },
    });
    expect(await t.prisma.unitYearFacts.count()).toBe(0);
  });

  it("a residential area: registered households ≤ resident households; only KDC fields are written", async () => {
    const { world, communeOfficer } = await setup();
    const bad = await save(communeOfficer, { unitId: world.kdcA.id, year: YEAR, version: 0, householdsResident: "120", householdsRegistered: "121" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { householdsRegistered: ["Số hộ đăng ký không được lớn hơn số hộ đang cư trú."] } });
    const ok = await save(communeOfficer, { unitId: world.kdcA.id, year: YEAR, version: 0, householdsResident: "120", householdsRegistered: "120", crimeCount: "0", staffTotal: "99", securityForceRating: "HTTNV" });
    expect(ok.ok).toBe(true);
    const row = await t.prisma.unitYearFacts.findUniqueOrThrow({ where: { unitId_year: { unitId: world.kdcA.id, year: YEAR } } });
    expect(row).toMatchObject({ householdsResident: 120, householdsRegistered: 120, crimeCount: 0, securityForceRating: "HTTNV", staffTotal: null });
    // …and the commune itself, with the commune's fields.
    expect((await save(communeOfficer, { unitId: world.xaA.id, year: YEAR, version: 0, staffTotal: "30", crimeCount: "4", securityForceRating: "HTTNV" })).ok).toBe(true);
  });

  it("a stale version is refused and nothing is overwritten", async () => {
    const { world, officer } = await setup();
    expect((await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 0, staffTotal: "40" })).ok).toBe(true);
    expect((await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 1, staffTotal: "41" })).ok).toBe(true);
    const events = await t.prisma.auditEvent.count();
    // A second tab still holding version 1, and one that never saw the row (version 0).
    expect(await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 1, staffTotal: "99" })).toEqual({ ok: false, message: STALE_MESSAGE });
    expect(await save(officer, { unitId: world.agencyA.id, year: YEAR, version: 0, staffTotal: "98" })).toEqual({ ok: false, message: STALE_MESSAGE });
    const row = await t.prisma.unitYearFacts.findUniqueOrThrow({ where: { unitId_year: { unitId: world.agencyA.id, year: YEAR } } });
    expect(row).toMatchObject({ staffTotal: 41, version: 2 });
    expect(await t.prisma.auditEvent.count()).toBe(events);
  });

  it("officers of another unit or commune, leaders and reviewers are denied", async () => {
    const { world, officer, communeOfficer } = await setup();
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const reviewer = await makeUser(t.prisma, "thamdinh.xa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: world.communeA.id });
    const input = (unitId: string) => ({ unitId, year: YEAR, version: 0, staffTotal: "10", householdsResident: "10" });
    expect(await save(officer, input(world.agencyB.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await save(communeOfficer, input(world.kdcB.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await save(communeOfficer, input(world.agencyA.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await save(leader, input(world.agencyA.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await save(reviewer, input(world.kdcA.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.unitYearFacts.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});
