import { describe, expect, it } from "vitest";
import { createDisciplineRecord, deleteDisciplineRecord, updateDisciplineRecord } from "../../lib/records/discipline";
import { createDisciplineSchema, deleteDisciplineSchema, updateDisciplineSchema } from "../../lib/records/discipline-schemas";
import { getDisciplinePage } from "../../lib/records/queries";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { INVALID_INPUT_MESSAGE } from "../../lib/validation/action-result";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

const create = (actor: Actor | null, input: unknown) => runAction(createDisciplineSchema, input, async () => actor, (a, d) => createDisciplineRecord(t.prisma, a, d));
const update = (actor: Actor | null, input: unknown) => runAction(updateDisciplineSchema, input, async () => actor, (a, d) => updateDisciplineRecord(t.prisma, a, d));
const remove = (actor: Actor | null, input: unknown) => runAction(deleteDisciplineSchema, input, async () => actor, (a, d) => deleteDisciplineRecord(t.prisma, a, d));

async function setup() {
  const world = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
  const officerB = await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: world.agencyB.id });
  const subA = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng Tổ chức", kind: "PHONG" } });
  const subB = await t.prisma.subUnit.create({ data: { unitId: world.agencyB.id, name: "Phòng Khác", kind: "PHONG" } });
  const personB = await t.prisma.person.create({ data: { unitId: world.agencyB.id, fullName: "Trần Văn Bê", personnelType: "CONG_CHUC" } });
  return { world, officer, officerB, subA, subB, personB };
}

const valid = (unitId: string, extra: object = {}) => ({
  unitId,
  personId: "",
  fullName: "Nguyễn Văn An",
  personnelType: "CONG_CHUC",
  position: "Chuyên viên",
  isSecurityForceMember: false,
  subUnitId: "",
  level: "CANH_CAO",
  decidedOn: "2026-05-20",
  decisionRef: "12/QĐ-STP",
  reason: "Vi phạm quy chế bảo vệ bí mật nhà nước",
  forSocialEvil: false,
  ...extra,
});

describe("createDisciplineRecord", () => {
  it("creates the person and the record (date-only), audited with both", async () => {
    const { world, officer, subA } = await setup();
    const result = await create(officer, valid(world.agencyA.id, { subUnitId: subA.id, decidedOn: "20/05/2026" }));
    expect(result.ok).toBe(true);
    const record = await t.prisma.disciplineRecord.findFirstOrThrow({ where: { unitId: world.agencyA.id }, include: { person: true } });
    expect(record).toMatchObject({ level: "CANH_CAO", decisionRef: "12/QĐ-STP", createdById: officer.userId });
    expect(record.decidedOn.toISOString()).toBe("2026-05-20T00:00:00.000Z");
    expect(record.person).toMatchObject({ unitId: world.agencyA.id, fullName: "Nguyễn Văn An", personnelType: "CONG_CHUC", subUnitId: subA.id });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.discipline.created" } });
    expect(event).toMatchObject({ entityType: "DisciplineRecord", entityId: record.id, unitId: world.agencyA.id, before: null });
    expect(event.after).toMatchObject({ level: "CANH_CAO", decidedOn: "2026-05-20T00:00:00.000Z", person: { fullName: "Nguyễn Văn An" } });
  });

  it("only the levels of the person's ladder are accepted; dates must be real and past", async () => {
    const { world, officer } = await setup();
    const result = await create(officer, valid(world.agencyA.id, { personnelType: "NGUOI_LAO_DONG", level: "CANH_CAO", decidedOn: "31/02/2026", reason: "", fullName: "" }));
    expect(result).toMatchObject({ ok: false, message: INVALID_INPUT_MESSAGE });
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      level: ["Hình thức “Cảnh cáo” không áp dụng cho đối tượng “Người lao động”."],
      decidedOn: ["Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy)."],
      reason: ["Vui lòng nhập lý do kỷ luật."],
      fullName: ["Vui lòng nhập họ và tên."],
    });
    const future = await create(officer, valid(world.agencyA.id, { decidedOn: "2099-01-01" }));
    expect(future).toMatchObject({ ok: false, fieldErrors: { decidedOn: ["Ngày quyết định không được sau ngày hôm nay."] } });
    expect(await t.prisma.disciplineRecord.count()).toBe(0);
    expect(await t.prisma.person.count({ where: { unitId: world.agencyA.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a sub-unit or a person of another unit is refused, nothing written", async () => {
    const { world, officer, subB, personB } = await setup();
    expect(await create(officer, valid(world.agencyA.id, { subUnitId: subB.id }))).toMatchObject({ ok: false, fieldErrors: { subUnitId: [expect.stringContaining("không thuộc đơn vị này")] } });
    expect(await create(officer, valid(world.agencyA.id, { personId: personB.id }))).toMatchObject({ ok: false, fieldErrors: { personId: [expect.stringContaining("không thuộc đơn vị này")] } });
    expect(await t.prisma.disciplineRecord.count()).toBe(0);
    expect((await t.prisma.person.findUniqueOrThrow({ where: { id: personB.id } })).fullName).toBe("Trần Văn Bê");
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("an existing person of the unit gets a second record and is updated", async () => {
    const { world, officer } = await setup();
    expect((await create(officer, valid(world.agencyA.id))).ok).toBe(true);
    const person = await t.prisma.person.findFirstOrThrow({ where: { unitId: world.agencyA.id } });
    const second = await create(officer, valid(world.agencyA.id, { personId: person.id, position: "Phó Trưởng phòng", level: "HA_BAC_LUONG", decidedOn: "2026-09-01" }));
    expect(second.ok).toBe(true);
    expect(await t.prisma.person.count({ where: { unitId: world.agencyA.id } })).toBe(1);
    expect(await t.prisma.disciplineRecord.count({ where: { personId: person.id } })).toBe(2);
    expect((await t.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).position).toBe("Phó Trưởng phòng");
    // Turning them into a worker would orphan their earlier levels, which the workers' ladder lacks.
    const third = await create(officer, valid(world.agencyA.id, { personId: person.id, personnelType: "NGUOI_LAO_DONG", level: "KHIEN_TRACH" }));
    expect(third).toMatchObject({ ok: false, fieldErrors: { personnelType: [expect.stringContaining("không áp dụng cho đối tượng “Người lao động”")] } });
  });

  it("officers of other units, leaders and reviewers cannot record discipline", async () => {
    const { world, officerB } = await setup();
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const reviewer = await makeUser(t.prisma, "thamdinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
    for (const actor of [officerB, leader, reviewer]) {
      expect(await create(actor, valid(world.agencyA.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    }
    expect(await t.prisma.disciplineRecord.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});

describe("updateDisciplineRecord and deleteDisciplineRecord", () => {
  async function withRecord() {
    const s = await setup();
    await create(s.officer, valid(s.world.agencyA.id));
    const record = await t.prisma.disciplineRecord.findFirstOrThrow({ where: { unitId: s.world.agencyA.id } });
    const recordB = await t.prisma.disciplineRecord.create({
      data: { personId: s.personB.id, unitId: s.world.agencyB.id, level: "KHIEN_TRACH", decidedOn: new Date("2026-03-01T00:00:00.000Z"), reason: "Đi muộn" },
    });
    return { ...s, record, recordB };
  }

  it("edits the record and its person, audited with before and after", async () => {
    const { world, officer, record } = await withRecord();
    const result = await update(officer, { ...valid(world.agencyA.id, { fullName: "Nguyễn Văn Anh", level: "KHIEN_TRACH", forSocialEvil: true }), recordId: record.id });
    expect(result.ok).toBe(true);
    const after = await t.prisma.disciplineRecord.findUniqueOrThrow({ where: { id: record.id }, include: { person: true } });
    expect(after).toMatchObject({ level: "KHIEN_TRACH", forSocialEvil: true, person: { fullName: "Nguyễn Văn Anh" } });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.discipline.updated" } });
    expect(event.before).toMatchObject({ level: "CANH_CAO", forSocialEvil: false, person: { fullName: "Nguyễn Văn An" } });
    expect(event.after).toMatchObject({ level: "KHIEN_TRACH", forSocialEvil: true, person: { fullName: "Nguyễn Văn Anh" } });
  });

  it("deleting is audited with the before image", async () => {
    const { world, officer, record } = await withRecord();
    expect((await remove(officer, { unitId: world.agencyA.id, recordId: record.id })).ok).toBe(true);
    expect(await t.prisma.disciplineRecord.count({ where: { id: record.id } })).toBe(0);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.discipline.deleted" } });
    expect(event).toMatchObject({ entityId: record.id, unitId: world.agencyA.id, after: null });
    expect(event.before).toMatchObject({ level: "CANH_CAO", reason: "Vi phạm quy chế bảo vệ bí mật nhà nước", person: { fullName: "Nguyễn Văn An" } });
  });

  it("a record of another unit is refused, whichever unit the request names", async () => {
    const { world, officer, recordB } = await withRecord();
    const events = await t.prisma.auditEvent.count();
    expect(await update(officer, { ...valid(world.agencyA.id), recordId: recordB.id })).toMatchObject({ ok: false, message: expect.stringContaining("không thuộc đơn vị này") });
    expect(await remove(officer, { unitId: world.agencyA.id, recordId: recordB.id })).toMatchObject({ ok: false, message: expect.stringContaining("không thuộc đơn vị này") });
    expect(await update(officer, { ...valid(world.agencyB.id), recordId: recordB.id })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await remove(officer, { unitId: world.agencyB.id, recordId: recordB.id })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.disciplineRecord.findUniqueOrThrow({ where: { id: recordB.id } })).toMatchObject({ level: "KHIEN_TRACH", reason: "Đi muộn" });
    expect(await t.prisma.auditEvent.count()).toBe(events);
  });

  it("a leader can read the list (no edit rights) but cannot delete", async () => {
    const { world, record } = await withRecord();
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const page = await getDisciplinePage(t.prisma, leader, world.agencyA.id, 2026);
    expect(page).toMatchObject({ canEdit: false, records: [{ id: record.id }] });
    expect(await remove(leader, { unitId: world.agencyA.id, recordId: record.id })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.disciplineRecord.count({ where: { id: record.id } })).toBe(1);
  });
});
