import { describe, expect, it } from "vitest";
import { createSubUnit, deleteSubUnit, setSubUnitActive, setSubUnitResult, updateSubUnit } from "../../lib/records/sub-units";
import { createSubUnitSchema, deleteSubUnitSchema, subUnitResultSchema, subUnitStatusSchema, updateSubUnitSchema } from "../../lib/records/sub-unit-schemas";
import { getSubUnitsPage } from "../../lib/records/queries";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { INVALID_INPUT_MESSAGE } from "../../lib/validation/action-result";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

const create = (actor: Actor | null, input: unknown) => runAction(createSubUnitSchema, input, async () => actor, (a, d) => createSubUnit(t.prisma, a, d));
const update = (actor: Actor | null, input: unknown) => runAction(updateSubUnitSchema, input, async () => actor, (a, d) => updateSubUnit(t.prisma, a, d));
const setResult = (actor: Actor | null, input: unknown) => runAction(subUnitResultSchema, input, async () => actor, (a, d) => setSubUnitResult(t.prisma, a, d));
const setActive = (actor: Actor | null, input: unknown) => runAction(subUnitStatusSchema, input, async () => actor, (a, d) => setSubUnitActive(t.prisma, a, d));
const remove = (actor: Actor | null, input: unknown) => runAction(deleteSubUnitSchema, input, async () => actor, (a, d) => deleteSubUnit(t.prisma, a, d));

async function setup() {
  const world = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
  const officerB = await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: world.agencyB.id });
  const subB = await t.prisma.subUnit.create({ data: { unitId: world.agencyB.id, name: "Phòng Hành chính", kind: "PHONG" } });
  return { world, officer, officerB, subB };
}

const YEAR = 2026;

describe("createSubUnit", () => {
  it("an officer adds a sub-unit to their unit; the event is audited with the row after", async () => {
    const { world, officer } = await setup();
    const result = await create(officer, { unitId: world.agencyA.id, name: "  Phòng Tổ chức  ", kind: "PHONG", eligibleForRating: true, isSecurityForce: false });
    expect(result.ok).toBe(true);
    const row = await t.prisma.subUnit.findFirstOrThrow({ where: { unitId: world.agencyA.id } });
    expect(row).toMatchObject({ name: "Phòng Tổ chức", kind: "PHONG", eligibleForRating: true, isSecurityForce: false, isActive: true });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.subunit.created" } });
    expect(event).toMatchObject({ actorId: officer.userId, entityType: "SubUnit", entityId: row.id, unitId: world.agencyA.id, before: null });
    expect(event.after).toMatchObject({ name: "Phòng Tổ chức", kind: "PHONG" });
  });

  it("invalid input returns Vietnamese field errors and writes nothing", async () => {
    const { world, officer } = await setup();
    const before = await t.prisma.subUnit.count();
    const result = await create(officer, { unitId: world.agencyA.id, name: " ", kind: "" });
    expect(result).toMatchObject({ ok: false, message: INVALID_INPUT_MESSAGE });
    if (result.ok) return;
    expect(result.fieldErrors?.name?.[0]).toBe("Vui lòng nhập tên đơn vị trực thuộc.");
    expect(result.fieldErrors?.kind?.[0]).toBe("Vui lòng chọn loại đơn vị trực thuộc.");
    expect(await t.prisma.subUnit.count()).toBe(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a duplicate name is a field error, not a crash", async () => {
    const { world, officer } = await setup();
    const input = { unitId: world.agencyA.id, name: "Phòng Kế toán", kind: "PHONG" };
    expect((await create(officer, input)).ok).toBe(true);
    expect(await create(officer, input)).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringContaining("cùng tên")] } });
    expect(await t.prisma.subUnit.count({ where: { unitId: world.agencyA.id } })).toBe(1);
  });

  it("an officer of another unit is denied and nothing is written", async () => {
    const { world, officerB } = await setup();
    const result = await create(officerB, { unitId: world.agencyA.id, name: "Phòng Lạ", kind: "PHONG" });
    expect(result).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.subUnit.count({ where: { unitId: world.agencyA.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it.each([
    ["LEADER", {}],
    ["REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }],
    ["ADMIN", {}],
  ] as const)("a %s (read-only) cannot write", async (role, scope) => {
    const { world } = await setup();
    const actor = await makeUser(t.prisma, "chixem", role, scope);
    expect(await create(actor, { unitId: world.agencyA.id, name: "Phòng Xem", kind: "PHONG" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await create(null, { unitId: world.agencyA.id, name: "Phòng Xem", kind: "PHONG" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.subUnit.count({ where: { unitId: world.agencyA.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a residential area has no sub-units: refused for the commune officer", async () => {
    const { world } = await setup();
    const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: world.communeA.id });
    const result = await create(communeOfficer, { unitId: world.kdcA.id, name: "Tổ 1", kind: "TO" });
    expect(result).toMatchObject({ ok: false, message: "Khu dân cư không khai báo phòng, ban, tổ trực thuộc." });
    expect(await t.prisma.subUnit.count({ where: { unitId: world.kdcA.id } })).toBe(0);
  });
});

describe("updateSubUnit, setSubUnitActive, deleteSubUnit", () => {
  it("renames and re-flags a sub-unit, audited with before and after", async () => {
    const { world, officer } = await setup();
    const sub = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Tổ Bảo vệ", kind: "TO" } });
    const result = await update(officer, { unitId: world.agencyA.id, subUnitId: sub.id, name: "Đội Bảo vệ", kind: "DOI", eligibleForRating: false, isSecurityForce: true });
    expect(result.ok).toBe(true);
    expect(await t.prisma.subUnit.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ name: "Đội Bảo vệ", kind: "DOI", eligibleForRating: false, isSecurityForce: true });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.subunit.updated" } });
    expect(event.before).toMatchObject({ name: "Tổ Bảo vệ", eligibleForRating: true, isSecurityForce: false });
    expect(event.after).toMatchObject({ name: "Đội Bảo vệ", eligibleForRating: false, isSecurityForce: true });
  });

  it("a sub-unit id of another unit is refused and left unchanged", async () => {
    const { world, officer, subB } = await setup();
    const result = await update(officer, { unitId: world.agencyA.id, subUnitId: subB.id, name: "Chiếm đoạt", kind: "PHONG" });
    expect(result).toMatchObject({ ok: false, message: "Đơn vị trực thuộc không tồn tại hoặc không thuộc đơn vị này." });
    expect((await t.prisma.subUnit.findUniqueOrThrow({ where: { id: subB.id } })).name).toBe("Phòng Hành chính");
    // Naming one's own unit while pointing at another unit's sub-unit does not help either.
    expect(await setActive(officer, { unitId: world.agencyA.id, subUnitId: subB.id, active: false })).toMatchObject({ ok: false });
    expect(await remove(officer, { unitId: world.agencyA.id, subUnitId: subB.id })).toMatchObject({ ok: false });
    expect(await setResult(officer, { unitId: world.agencyA.id, subUnitId: subB.id, year: YEAR, result: "TTLDTT" })).toMatchObject({ ok: false, fieldErrors: { result: [expect.any(String)] } });
    expect(await t.prisma.subUnit.findUniqueOrThrow({ where: { id: subB.id } })).toMatchObject({ isActive: true });
    expect(await t.prisma.subUnitYearResult.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a sub-unit with results is deactivated, never deleted; one without results may be deleted", async () => {
    const { world, officer } = await setup();
    const rated = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng Đã xếp loại", kind: "PHONG", results: { create: { year: YEAR - 1, result: "HTTNV" } } } });
    const mistake = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng Nhập nhầm", kind: "PHONG" } });

    const refused = await remove(officer, { unitId: world.agencyA.id, subUnitId: rated.id });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("Ngừng hoạt động") });
    expect(await t.prisma.subUnit.count({ where: { id: rated.id } })).toBe(1);

    expect((await setActive(officer, { unitId: world.agencyA.id, subUnitId: rated.id, active: false })).ok).toBe(true);
    expect((await t.prisma.subUnit.findUniqueOrThrow({ where: { id: rated.id } })).isActive).toBe(false);
    expect(await t.prisma.subUnitYearResult.count({ where: { subUnitId: rated.id } })).toBe(1);
    const deactivated = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.subunit.deactivated" } });
    expect(deactivated.before).toMatchObject({ isActive: true });
    expect(deactivated.after).toMatchObject({ isActive: false });

    expect((await setActive(officer, { unitId: world.agencyA.id, subUnitId: rated.id, active: true })).ok).toBe(true);
    expect(await t.prisma.auditEvent.count({ where: { action: "records.subunit.reactivated" } })).toBe(1);

    expect((await remove(officer, { unitId: world.agencyA.id, subUnitId: mistake.id })).ok).toBe(true);
    expect(await t.prisma.subUnit.count({ where: { id: mistake.id } })).toBe(0);
    const deleted = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.subunit.deleted" } });
    expect(deleted).toMatchObject({ entityId: mistake.id, after: null });
    expect(deleted.before).toMatchObject({ name: "Phòng Nhập nhầm" });
  });
});

describe("setSubUnitResult and the share", () => {
  it("sets, changes and clears a result; the share counts eligible, active sub-units other than the security force", async () => {
    const { world, officer } = await setup();
    const mk = (name: string, extra: object = {}) => t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name, kind: "PHONG", ...extra } });
    const a = await mk("Phòng A");
    const b = await mk("Phòng B");
    await mk("Phòng Không xét", { eligibleForRating: false, results: { create: { year: YEAR, result: "KHTNV" } } });
    await mk("Tổ Bảo vệ", { isSecurityForce: true, results: { create: { year: YEAR, result: "HTTNV" } } });
    await mk("Phòng Cũ", { isActive: false, results: { create: { year: YEAR, result: "KHTNV" } } });

    expect((await setResult(officer, { unitId: world.agencyA.id, subUnitId: a.id, year: String(YEAR), result: "HTNV" })).ok).toBe(true);
    let page = await getSubUnitsPage(t.prisma, officer, world.agencyA.id, YEAR);
    expect(page?.share).toMatchObject({ good: 0, total: 2, unrated: 1 });

    expect((await setResult(officer, { unitId: world.agencyA.id, subUnitId: a.id, year: YEAR, result: "TTLDTT" })).ok).toBe(true);
    expect((await setResult(officer, { unitId: world.agencyA.id, subUnitId: b.id, year: YEAR, result: "HTTNV" })).ok).toBe(true);
    page = await getSubUnitsPage(t.prisma, officer, world.agencyA.id, YEAR);
    expect(page?.share).toMatchObject({ good: 2, total: 2, unrated: 0, meetsSeventyPercent: true });

    const changed = await t.prisma.auditEvent.findMany({ where: { action: "records.subunit_result.set", entityType: "SubUnitYearResult" }, orderBy: { id: "asc" } });
    expect(changed).toHaveLength(3);
    expect(changed[1]?.before).toMatchObject({ result: "HTNV", year: YEAR });
    expect(changed[1]?.after).toMatchObject({ result: "TTLDTT", year: YEAR });

    expect((await setResult(officer, { unitId: world.agencyA.id, subUnitId: b.id, year: YEAR, result: "" })).ok).toBe(true);
    expect(await t.prisma.subUnitYearResult.count({ where: { subUnitId: b.id } })).toBe(0);
    const cleared = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.subunit_result.cleared" } });
    expect(cleared.before).toMatchObject({ result: "HTTNV" });
  });

  it("an unknown result, or a year before TT124, is a Vietnamese field error", async () => {
    const { world, officer } = await setup();
    const a = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng A", kind: "PHONG" } });
    const result = await setResult(officer, { unitId: world.agencyA.id, subUnitId: a.id, year: 2019, result: "XUAT_SAC" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { result: ["Kết quả xếp loại không hợp lệ."], year: ["Năm đánh giá từ 2022 trở đi."] } });
    expect(await t.prisma.subUnitYearResult.count()).toBe(0);
  });

  it("a deactivated sub-unit cannot be rated", async () => {
    const { world, officer } = await setup();
    const old = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng Cũ", kind: "PHONG", isActive: false } });
    expect(await setResult(officer, { unitId: world.agencyA.id, subUnitId: old.id, year: YEAR, result: "TTLDTT" })).toMatchObject({ ok: false, fieldErrors: { result: [expect.stringContaining("ngừng hoạt động")] } });
  });

  it("the officer of another unit cannot rate this unit's sub-units", async () => {
    const { world, officerB } = await setup();
    const a = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng A", kind: "PHONG" } });
    expect(await setResult(officerB, { unitId: world.agencyA.id, subUnitId: a.id, year: YEAR, result: "TTLDTT" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await setResult(officerB, { unitId: world.agencyB.id, subUnitId: a.id, year: YEAR, result: "TTLDTT" })).toMatchObject({ ok: false });
    expect(await t.prisma.subUnitYearResult.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});
