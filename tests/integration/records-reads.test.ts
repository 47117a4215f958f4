import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../../lib/auth/permissions";
import { getDisciplinePage, getIncident, getRecordsOverview, getSubUnitsPage, getYearFactsPage, recordsWindow } from "../../lib/records/queries";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const YEAR = 2026;
const MISSING = "00000000-0000-4000-8000-000000000000";

describe("records read use-cases", () => {
  it("an unknown unit is null (404); a unit outside the actor's scope is ForbiddenError (403)", async () => {
    const world = await makeWorld(t.prisma);
    const officer = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const reviewerB = await makeUser(t.prisma, "ca.xa.b", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: world.communeB.id });
    expect(await getRecordsOverview(t.prisma, officer, MISSING, YEAR)).toBeNull();
    await expect(getSubUnitsPage(t.prisma, officer, world.agencyB.id, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getYearFactsPage(t.prisma, reviewerB, world.kdcA.id, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDisciplinePage(t.prisma, null, world.agencyA.id, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("says who may change what: officers edit, leaders and admins only read, covering reviewers record police incidents", async () => {
    const world = await makeWorld(t.prisma);
    const officer = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const provincial = await makeUser(t.prisma, "ca.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
    const flags = async (actor: Awaited<ReturnType<typeof makeUser>>) => {
      const page = await getSubUnitsPage(t.prisma, actor, world.agencyA.id, YEAR);
      return { canEdit: page?.canEdit, canRecordPolice: page?.canRecordPolice };
    };
    expect(await flags(officer)).toEqual({ canEdit: true, canRecordPolice: false });
    expect(await flags(leader)).toEqual({ canEdit: false, canRecordPolice: false });
    expect(await flags(admin)).toEqual({ canEdit: false, canRecordPolice: false });
    expect(await flags(provincial)).toEqual({ canEdit: false, canRecordPolice: true });
  });

  it("the commune officer's commune lists its residential areas; the selects of a read-only page stay empty", async () => {
    const world = await makeWorld(t.prisma);
    const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: world.communeA.id });
    const overview = await getRecordsOverview(t.prisma, communeOfficer, world.xaA.id, YEAR);
    expect(overview?.residentialAreas.map((k) => k.id)).toEqual([world.kdcA.id]);
    expect(overview?.canEdit).toBe(true);

    await t.prisma.person.create({ data: { unitId: world.agencyA.id, fullName: "Lê Thị Cúc", personnelType: "VIEN_CHUC" } });
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const page = await getDisciplinePage(t.prisma, leader, world.agencyA.id, YEAR);
    expect(page).toMatchObject({ canEdit: false, people: [], subUnits: [] });
  });

  it("lists discipline and incidents by the evaluation window of the unit's kind (Đ8 k2)", async () => {
    const world = await makeWorld(t.prisma);
    const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: world.communeA.id });
    expect(recordsWindow("KDC", YEAR).text).toBe("01/11/2025–31/10/2026");
    expect(recordsWindow("DN", YEAR).text).toBe("16/11/2025–15/11/2026");
    const person = await t.prisma.person.create({ data: { unitId: world.kdcA.id, fullName: "Vàng A Páo", personnelType: "LUC_LUONG_CO_SO", isSecurityForceMember: true } });
    const decided = (iso: string, reason: string) =>
      t.prisma.disciplineRecord.create({ data: { personId: person.id, unitId: world.kdcA.id, level: "KHIEN_TRACH", decidedOn: new Date(`${iso}T00:00:00.000Z`), reason } });
    await decided("2025-10-31", "trước kỳ");
    await decided("2025-11-01", "đầu kỳ");
    await decided("2026-10-31", "cuối kỳ");
    await decided("2026-11-01", "sau kỳ");
    const page = await getDisciplinePage(t.prisma, communeOfficer, world.kdcA.id, YEAR);
    expect(page?.records.map((r) => r.reason).sort()).toEqual(["cuối kỳ", "đầu kỳ"]);
  });

  it("an incident is found only under its own unit", async () => {
    const world = await makeWorld(t.prisma);
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const incident = await t.prisma.incident.create({
      data: { unitId: world.agencyB.id, communeId: world.communeB.id, code: "ILLEGAL_STRIKE", occurredOn: new Date("2026-05-01T00:00:00.000Z"), title: "Đình công", source: "UNIT_DECLARED" },
    });
    expect(await getIncident(t.prisma, leader, world.agencyA.id, incident.id, YEAR)).toBeNull();
    expect((await getIncident(t.prisma, leader, world.agencyB.id, incident.id, YEAR))?.incident.title).toBe("Đình công");
  });
});
