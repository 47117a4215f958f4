import { describe, expect, it } from "vitest";
import { createIncident, deleteIncident, updateIncident } from "../../lib/records/incidents";
import { createIncidentSchema, deleteIncidentSchema, incidentCodesFor, updateIncidentSchema } from "../../lib/records/incident-schemas";
import { getIncidentsPage } from "../../lib/records/queries";
import { canRecordPoliceIncident, STALE_MESSAGE } from "../../lib/records/unit-access";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { INVALID_INPUT_MESSAGE } from "../../lib/validation/action-result";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

const create = (actor: Actor | null, input: unknown) => runAction(createIncidentSchema, input, async () => actor, (a, d) => createIncident(t.prisma, a, d));
const update = (actor: Actor | null, input: unknown) => runAction(updateIncidentSchema, input, async () => actor, (a, d) => updateIncident(t.prisma, a, d));
const remove = (actor: Actor | null, input: unknown) => runAction(deleteIncidentSchema, input, async () => actor, (a, d) => deleteIncident(t.prisma, a, d));

async function setup() {
  const world = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
  const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: world.communeA.id });
  const reviewerA = await makeUser(t.prisma, "ca.xa.a", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: world.communeA.id });
  const reviewerB = await makeUser(t.prisma, "ca.xa.b", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: world.communeB.id });
  const provincial = await makeUser(t.prisma, "ca.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const police = await t.prisma.incident.create({
    data: { unitId: world.agencyA.id, communeId: world.communeA.id, code: "SERIOUS_FIRE_EXPLOSION", occurredOn: new Date("2026-06-01T00:00:00.000Z"), title: "Cháy kho", source: "POLICE_RECORDED" },
  });
  return { world, officer, communeOfficer, reviewerA, reviewerB, provincial, police };
}

const declared = (unitId: string, extra: object = {}) => ({
  unitId,
  code: "SERIOUS_CRIME",
  occurredOn: "2026-04-03",
  title: "Trộm cắp tài sản tại kho",
  description: "Phát hiện kịp thời, đã báo Công an phường.",
  severity: "NGHIEM_TRONG",
  forceMajeure: false,
  detectedTimely: true,
  mitigated: true,
  reportedImmediately: true,
  ...extra,
});

describe("the codes a unit may declare", () => {
  it("follow the catalogue of its kind (domain spec §3)", () => {
    const codes = (kind: "KDC" | "XA" | "CQ" | "DN" | "CSGD") => incidentCodesFor(kind).map((e) => e.code);
    expect(codes("KDC")).toEqual(codes("XA"));
    expect(codes("KDC")).toContain("NEW_HOTSPOT");
    expect(codes("KDC")).not.toContain("ILLEGAL_STRIKE");
    expect(codes("CQ")).toEqual(codes("DN"));
    expect(codes("CQ")).toEqual(expect.arrayContaining(["ILLEGAL_STRIKE", "STAFF_ANTT_SANCTION_OR_EVIL"]));
    expect(codes("CSGD")).toEqual(expect.arrayContaining(["SCHOOL_VIOLENCE", "MEMBER_CRIME_OR_EVIL_DISCIPLINED", "SERIOUS_CRIME"]));
    expect(codes("CSGD")).not.toContain("ILLEGAL_STRIKE");
    expect(codes("CSGD")).not.toContain("STAFF_ANTT_SANCTION_OR_EVIL");
  });
});

describe("unit-declared incidents", () => {
  it("an officer declares one: source UNIT_DECLARED, the unit's commune, audited", async () => {
    const { world, officer } = await setup();
    const result = await create(officer, declared(world.agencyA.id, { occurredOn: "03/04/2026" }));
    expect(result.ok).toBe(true);
    const row = await t.prisma.incident.findFirstOrThrow({ where: { unitId: world.agencyA.id, source: "UNIT_DECLARED" } });
    expect(row).toMatchObject({ communeId: world.communeA.id, code: "SERIOUS_CRIME", severity: "NGHIEM_TRONG", detectedTimely: true, recordedById: officer.userId, version: 1 });
    expect(row.occurredOn.toISOString()).toBe("2026-04-03T00:00:00.000Z");
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.incident.declared" } });
    expect(event).toMatchObject({ entityType: "Incident", entityId: row.id, unitId: world.agencyA.id, before: null });
    expect(event.after).toMatchObject({ source: "UNIT_DECLARED", title: "Trộm cắp tài sản tại kho" });
  });

  it("facts that do not apply to the code are cleared (severity, exemptions)", async () => {
    const { world, officer } = await setup();
    expect((await create(officer, declared(world.agencyA.id, { code: "STATE_SECRET_BREACH", forceMajeure: true }))).ok).toBe(true);
    const row = await t.prisma.incident.findFirstOrThrow({ where: { code: "STATE_SECRET_BREACH" } });
    expect(row).toMatchObject({ severity: null, forceMajeure: false, detectedTimely: false, mitigated: false, reportedImmediately: false });
  });

  it("invalid input gives Vietnamese field errors; a code outside the kind's catalogue is refused", async () => {
    const { world, officer } = await setup();
    const before = await t.prisma.incident.count();
    const bad = await create(officer, declared(world.agencyA.id, { title: "", occurredOn: "2099-12-31", code: "" }));
    expect(bad).toMatchObject({
      ok: false,
      message: INVALID_INPUT_MESSAGE,
      fieldErrors: { title: ["Vui lòng nhập tên vụ việc."], occurredOn: ["Ngày xảy ra không được sau ngày hôm nay."], code: ["Vui lòng chọn loại vụ việc."] },
    });
    const wrongKind = await create(officer, declared(world.agencyA.id, { code: "NEW_HOTSPOT" }));
    expect(wrongKind).toMatchObject({ ok: false, fieldErrors: { code: ["Loại vụ việc này không thuộc tiêu chí của cơ quan."] } });
    expect(await t.prisma.incident.count()).toBe(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("updates with the version it loaded; a stale version is refused and nothing is overwritten", async () => {
    const { world, officer } = await setup();
    await create(officer, declared(world.agencyA.id));
    const row = await t.prisma.incident.findFirstOrThrow({ where: { source: "UNIT_DECLARED" } });
    const first = await update(officer, { ...declared(world.agencyA.id, { title: "Trộm cắp (đã xác minh)" }), incidentId: row.id, version: 1 });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.incident.updated" } });
    expect(event.before).toMatchObject({ title: "Trộm cắp tài sản tại kho", version: 1 });
    expect(event.after).toMatchObject({ title: "Trộm cắp (đã xác minh)", version: 2 });

    const stale = await update(officer, { ...declared(world.agencyA.id, { title: "Ghi đè" }), incidentId: row.id, version: 1 });
    expect(stale).toEqual({ ok: false, message: STALE_MESSAGE });
    expect(await remove(officer, { unitId: world.agencyA.id, incidentId: row.id, version: 1 })).toEqual({ ok: false, message: STALE_MESSAGE });
    expect(await t.prisma.incident.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ title: "Trộm cắp (đã xác minh)", version: 2 });

    expect((await remove(officer, { unitId: world.agencyA.id, incidentId: row.id, version: 2 })).ok).toBe(true);
    expect(await t.prisma.incident.count({ where: { id: row.id } })).toBe(0);
    const deleted = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.incident.deleted" } });
    expect(deleted.before).toMatchObject({ title: "Trộm cắp (đã xác minh)", source: "UNIT_DECLARED" });
  });

  it("an officer can never edit or delete a police-recorded incident", async () => {
    const { world, officer, police } = await setup();
    expect(await update(officer, { ...declared(world.agencyA.id, { code: "SERIOUS_FIRE_EXPLOSION", title: "Không cháy", forceMajeure: true }), incidentId: police.id, version: 1 })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await remove(officer, { unitId: world.agencyA.id, incidentId: police.id, version: 1 })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.incident.findUniqueOrThrow({ where: { id: police.id } })).toMatchObject({ title: "Cháy kho", forceMajeure: false, version: 1, source: "POLICE_RECORDED" });
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("an incident of another unit is refused; officers of other units, leaders and admins are denied", async () => {
    const { world, officer, communeOfficer } = await setup();
    const other = await t.prisma.incident.create({
      data: { unitId: world.agencyB.id, communeId: world.communeB.id, code: "ILLEGAL_STRIKE", occurredOn: new Date("2026-05-01T00:00:00.000Z"), title: "Đình công", source: "UNIT_DECLARED" },
    });
    expect(await update(officer, { ...declared(world.agencyA.id), incidentId: other.id, version: 1 })).toMatchObject({ ok: false, message: expect.stringContaining("không thuộc đơn vị này") });
    expect(await remove(officer, { unitId: world.agencyA.id, incidentId: other.id, version: 1 })).toMatchObject({ ok: false, message: expect.stringContaining("không thuộc đơn vị này") });
    expect(await create(officer, declared(world.agencyB.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await create(communeOfficer, declared(world.agencyA.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    for (const role of ["LEADER", "ADMIN"] as const) {
      const actor = await makeUser(t.prisma, `xem.${role.toLowerCase()}`, role);
      expect(await create(actor, declared(world.agencyA.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    }
    expect(await t.prisma.incident.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ title: "Đình công", version: 1 });
    expect(await t.prisma.incident.count({ where: { source: "UNIT_DECLARED", unitId: world.agencyA.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});

describe("police-recorded incidents", () => {
  it("a reviewer whose scope covers the unit records one (POLICE_RECORDED); one whose scope does not is denied", async () => {
    const { world, reviewerA, reviewerB, provincial } = await setup();
    const kdcIncident = declared(world.kdcA.id, { code: "NEW_SOCIAL_EVIL_PERSON", title: "Phát sinh người nghiện mới" });
    expect((await create(reviewerA, kdcIncident)).ok).toBe(true);
    const row = await t.prisma.incident.findFirstOrThrow({ where: { unitId: world.kdcA.id } });
    expect(row).toMatchObject({ source: "POLICE_RECORDED", recordedById: reviewerA.userId, communeId: world.communeA.id });
    expect(await t.prisma.auditEvent.count({ where: { action: "records.incident.police_recorded", entityId: row.id } })).toBe(1);

    expect(await create(reviewerB, kdcIncident)).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.incident.count({ where: { unitId: world.kdcA.id } })).toBe(1);
    // The provincial police covers every unit; reviewing competence does not matter here.
    expect((await create(provincial, kdcIncident)).ok).toBe(true);
    expect(canRecordPoliceIncident(reviewerB, world.kdcA)).toBe(false);
    expect(canRecordPoliceIncident(provincial, world.kdcA)).toBe(true);
  });

  it("a reviewer edits the police record but cannot touch what the unit declared", async () => {
    const { world, officer, provincial, police } = await setup();
    const edited = await update(provincial, { ...declared(world.agencyA.id, { code: "SERIOUS_FIRE_EXPLOSION", title: "Cháy kho lưu trữ", forceMajeure: true }), incidentId: police.id, version: 1 });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await t.prisma.incident.findUniqueOrThrow({ where: { id: police.id } })).toMatchObject({ title: "Cháy kho lưu trữ", forceMajeure: true, source: "POLICE_RECORDED" });

    await create(officer, declared(world.agencyA.id));
    const own = await t.prisma.incident.findFirstOrThrow({ where: { source: "UNIT_DECLARED" } });
    expect(await update(provincial, { ...declared(world.agencyA.id, { title: "Sửa hộ" }), incidentId: own.id, version: 1 })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await remove(provincial, { unitId: world.agencyA.id, incidentId: own.id, version: 1 })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect((await t.prisma.incident.findUniqueOrThrow({ where: { id: own.id } })).title).toBe("Trộm cắp tài sản tại kho");
  });

  it("the unit sees police records read-only alongside its own, within the evaluation window", async () => {
    const { world, officer, police } = await setup();
    await t.prisma.incident.create({
      data: { unitId: world.agencyA.id, communeId: world.communeA.id, code: "SERIOUS_INCIDENT", occurredOn: new Date("2025-11-15T00:00:00.000Z"), title: "Ngoài kỳ", source: "UNIT_DECLARED" },
    });
    await create(officer, declared(world.agencyA.id));
    const page = await getIncidentsPage(t.prisma, officer, world.agencyA.id, 2026);
    expect(page).toMatchObject({ canEdit: true, canRecordPolice: false });
    expect(page?.window.text).toBe("16/11/2025–15/11/2026");
    expect(page?.incidents.map((i) => i.title).sort()).toEqual(["Cháy kho", "Trộm cắp tài sản tại kho"]);
    expect(page?.incidents.find((i) => i.id === police.id)?.source).toBe("POLICE_RECORDED");
  });
});
