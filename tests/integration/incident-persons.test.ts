/**
 * Issue 9 §4 "Incidents that say who": person, basis and discipline on incidents reach the
 * criteria engine, a crime by a school's own people reaches Đ7 k4 from the one record, and a unit
 * created in the year can say it has no previous year (KDC-4a).
 */
import { describe, expect, it } from "vitest";
import { createIncident, updateIncident } from "../../lib/records/incidents";
import { createIncidentSchema, updateIncidentSchema } from "../../lib/records/incident-schemas";
import { saveYearFacts } from "../../lib/records/year-facts";
import { yearFactsSchema } from "../../lib/records/year-facts-schemas";
import { buildCriteriaInput, evaluateUnitFromDatabase } from "../../lib/dossiers/criteria-input";
import { runAction } from "../../lib/validation/run-action";
import { INVALID_INPUT_MESSAGE } from "../../lib/validation/action-result";
import type { CriterionVerdict, EvaluationResult } from "../../lib/criteria";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const YEAR = 2026;

const create = (actor: Actor | null, input: unknown) => runAction(createIncidentSchema, input, async () => actor, (a, d) => createIncident(t.prisma, a, d));
const update = (actor: Actor | null, input: unknown) => runAction(updateIncidentSchema, input, async () => actor, (a, d) => updateIncident(t.prisma, a, d));
const saveFacts = (actor: Actor | null, input: unknown) => runAction(yearFactsSchema, input, async () => actor, (a, d) => saveYearFacts(t.prisma, a, d));

function criterion(result: EvaluationResult, id: string): CriterionVerdict {
  const find = (list: readonly CriterionVerdict[]): CriterionVerdict | undefined => {
    for (const c of list) {
      if (c.id === id) return c;
      const inner = c.parts ? find(c.parts) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const found = find(result.criteria);
  if (!found) throw new Error(`${id} not in ${result.unitName}`);
  return found;
}

async function setup() {
  const world = await makeWorld(t.prisma);
  const ubnd = await t.prisma.authority.findFirstOrThrow();
  const school = await t.prisma.unit.create({
    data: { code: "CSGD-A", name: "Trường THPT An", kind: "CSGD", educationLevel: "THPT", communeId: world.communeA.id, managingAuthorityId: ubnd.id },
  });
  const agencyOfficer = await makeUser(t.prisma, "canbo.cq", "UNIT_OFFICER", { unitId: world.agencyA.id });
  const schoolOfficer = await makeUser(t.prisma, "canbo.truong", "UNIT_OFFICER", { unitId: school.id });
  const kdcOfficer = await makeUser(t.prisma, "canbo.kdc", "UNIT_OFFICER", { unitId: world.kdcA.id });
  return { world, school, agencyOfficer, schoolOfficer, kdcOfficer };
}

const incident = (unitId: string, extra: object) => ({ unitId, occurredOn: "2026-03-02", title: "Vụ việc có người vi phạm", description: "", ...extra });

describe("CQDN-3 (Đ6 k3 h) with who and on what basis", () => {
  it("is refused without who and on what basis (which left CQDN-3 'thiếu dữ liệu' for ever)", async () => {
    const { world, agencyOfficer } = await setup();
    const refused = await create(agencyOfficer, incident(world.agencyA.id, { code: "STAFF_ANTT_SANCTION_OR_EVIL" }));
    expect(refused).toMatchObject({ ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: { personRole: [expect.stringMatching(/Vui lòng chọn người vi phạm/)], personBasis: [expect.any(String)] } });
  });

  it("a staff member fined in the ANTT field fails CQDN-3 (not 'thiếu dữ liệu'), audited with the person", async () => {
    const { world, agencyOfficer } = await setup();
    const result = await create(agencyOfficer, incident(world.agencyA.id, { code: "STAFF_ANTT_SANCTION_OR_EVIL", title: "Cán bộ bị xử phạt đánh bạc", personRole: "STAFF", personBasis: "ANTT_ADMIN_SANCTION" }));
    expect(result.ok).toBe(true);
    const row = await t.prisma.incident.findFirstOrThrow({ where: { unitId: world.agencyA.id } });
    expect(row).toMatchObject({ personRole: "STAFF", personBasis: "ANTT_ADMIN_SANCTION", disciplineLevel: null });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.incident.declared", entityId: row.id } });
    expect(event.after).toMatchObject({ personRole: "STAFF", personBasis: "ANTT_ADMIN_SANCTION" });

    const built = await buildCriteriaInput(t.prisma, world.agencyA.id, YEAR);
    expect(built.incidents).toEqual([expect.objectContaining({ code: "STAFF_ANTT_SANCTION_OR_EVIL", personBasis: "ANTT_ADMIN_SANCTION" })]);
    const { result: verdict } = await evaluateUnitFromDatabase(t.prisma, world.agencyA.id, YEAR);
    expect(criterion(verdict, "CQDN-3").status).toBe("NOT_MET");
  });

  it("a social evil with khiển trách does not disqualify; raising it to cảnh cáo does (update audited)", async () => {
    const { world, agencyOfficer } = await setup();
    expect((await create(agencyOfficer, incident(world.agencyA.id, { code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "STAFF", personBasis: "SOCIAL_EVIL", disciplineLevel: "KHIEN_TRACH" }))).ok).toBe(true);
    const cqdn3 = async () => criterion((await evaluateUnitFromDatabase(t.prisma, world.agencyA.id, YEAR)).result, "CQDN-3");
    expect((await cqdn3()).status).toBe("MET");

    const row = await t.prisma.incident.findFirstOrThrow({ where: { unitId: world.agencyA.id } });
    const raised = await update(agencyOfficer, { ...incident(world.agencyA.id, { code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "STAFF", personBasis: "SOCIAL_EVIL", disciplineLevel: "CANH_CAO" }), incidentId: row.id, version: row.version });
    expect(raised).toMatchObject({ ok: true, data: { version: 2 } });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.incident.updated", entityId: row.id } });
    expect(event.before).toMatchObject({ disciplineLevel: "KHIEN_TRACH" });
    expect(event.after).toMatchObject({ disciplineLevel: "CANH_CAO" });
    expect((await cqdn3()).status).toBe("NOT_MET");
  });
});

describe("CSGD-4 (Đ7 k4) from the one SERIOUS_CRIME record", () => {
  it("a serious crime by a learner fails CSGD-4 as well as CSGD-3, with no second record", async () => {
    const { school, schoolOfficer } = await setup();
    const created = await create(schoolOfficer, incident(school.id, { code: "SERIOUS_CRIME", title: "Học sinh cướp giật tài sản", severity: "NGHIEM_TRONG", personRole: "LEARNER" }));
    expect(created.ok).toBe(true);
    expect(await t.prisma.incident.count({ where: { unitId: school.id } })).toBe(1);

    const { input, result } = await evaluateUnitFromDatabase(t.prisma, school.id, YEAR);
    expect((input.incidents ?? []).map((i) => i.code)).toEqual(["SERIOUS_CRIME", "MEMBER_CRIME_OR_EVIL_DISCIPLINED"]);
    expect(criterion(result, "CSGD-3").status).toBe("NOT_MET");
    const csgd4 = criterion(result, "CSGD-4");
    expect(csgd4.status).toBe("NOT_MET");
    expect(String(csgd4.facts.incidentIds)).toContain("Học sinh cướp giật tài sản (02/03/2026)");
  });

  it("the crime's exemptions close Đ6 k3 đ but not Đ7 k4; a crime with no school person stays out of CSGD-4", async () => {
    const { school, schoolOfficer } = await setup();
    const handled = { code: "SERIOUS_CRIME", severity: "NGHIEM_TRONG", detectedTimely: true, mitigated: true, reportedImmediately: true };
    expect((await create(schoolOfficer, incident(school.id, { ...handled, title: "Giáo viên phạm tội", personRole: "TEACHER" }))).ok).toBe(true);
    let { result } = await evaluateUnitFromDatabase(t.prisma, school.id, YEAR);
    expect(criterion(result, "CSGD-3").status).toBe("MET");
    expect(criterion(result, "CSGD-4").status).toBe("NOT_MET");

    await t.prisma.incident.updateMany({ where: { unitId: school.id }, data: { personRole: "RESIDENT" } });
    ({ result } = await evaluateUnitFromDatabase(t.prisma, school.id, YEAR));
    expect(criterion(result, "CSGD-4").status).toBe("MET");
  });
});

describe("KDC-4a for a unit created in the year (noPreviousYear)", () => {
  const facts = (unitId: string, extra: object = {}) => ({
    unitId,
    year: YEAR,
    version: 0,
    householdsResident: "120",
    householdsRegistered: "120",
    crimeCount: "1",
    socialEvilCount: "0",
    violationCount: "2",
    ...extra,
  });

  it("without it KDC-4a is 'thiếu dữ liệu'; with it KDC-4a is decided (not applicable), saved and audited", async () => {
    const { world, kdcOfficer } = await setup();
    expect((await saveFacts(kdcOfficer, facts(world.kdcA.id))).ok).toBe(true);
    const kdc4a = async () => criterion((await evaluateUnitFromDatabase(t.prisma, world.kdcA.id, YEAR)).result, "KDC-4a");
    expect((await kdc4a()).status).toBe("MISSING_DATA");

    expect(await saveFacts(kdcOfficer, facts(world.kdcA.id, { version: 1, noPreviousYear: true }))).toMatchObject({ ok: true, data: { version: 2 } });
    const row = await t.prisma.unitYearFacts.findUniqueOrThrow({ where: { unitId_year: { unitId: world.kdcA.id, year: YEAR } } });
    expect(row.noPreviousYear).toBe(true);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.year_facts.updated" } });
    expect(event.before).toMatchObject({ noPreviousYear: false });
    expect(event.after).toMatchObject({ noPreviousYear: true });
    const verdict = await kdc4a();
    expect(verdict.status).toBe("NOT_APPLICABLE");
    expect(verdict.status).not.toBe("MISSING_DATA");
  });

  it("is refused, writing nothing, when the register shows the unit in the previous year", async () => {
    const { world, kdcOfficer } = await setup();
    await t.prisma.unitYearFacts.create({ data: { unitId: world.kdcA.id, year: YEAR - 1, crimeCount: 2, socialEvilCount: 0, violationCount: 3 } });
    const refused = await saveFacts(kdcOfficer, facts(world.kdcA.id, { noPreviousYear: true }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { noPreviousYear: [expect.stringContaining("năm 2025")] } });
    expect(await t.prisma.unitYearFacts.count({ where: { year: YEAR } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("is ignored for kinds without KDC-4a (an agency's facts keep false)", async () => {
    const { world, agencyOfficer } = await setup();
    expect((await saveFacts(agencyOfficer, { unitId: world.agencyA.id, year: YEAR, version: 0, staffTotal: "10", noPreviousYear: true })).ok).toBe(true);
    expect((await t.prisma.unitYearFacts.findFirstOrThrow({ where: { unitId: world.agencyA.id } })).noPreviousYear).toBe(false);
  });
});

describe("validation refusals write nothing", () => {
  it("person, basis and discipline errors: no incident, no audit event", async () => {
    const { world, school, agencyOfficer, schoolOfficer } = await setup();
    const attempts = [
      [agencyOfficer, incident(world.agencyA.id, { code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "STAFF", personBasis: "SOCIAL_EVIL" }), "disciplineLevel"],
      [agencyOfficer, incident(world.agencyA.id, { code: "STAFF_ANTT_SANCTION_OR_EVIL", personRole: "LEARNER", personBasis: "ANTT_ADMIN_SANCTION" }), "personRole"],
      [schoolOfficer, incident(school.id, { code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", personRole: "LEARNER", personBasis: "ANTT_ADMIN_SANCTION" }), "personBasis"],
      [schoolOfficer, incident(school.id, { code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED", personRole: "LEARNER", personBasis: "CRIME", severity: "RAT_NGHIEM_TRONG" }), "severity"],
    ] as const;
    for (const [actor, input, field] of attempts) {
      const result = await create(actor, input);
      expect(result, field).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
    }
    expect(await t.prisma.incident.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});
