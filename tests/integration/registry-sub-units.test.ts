/**
 * Sub-units in the registry administration and their import, on a real database (PGlite, and
 * PostgreSQL with TEST_DATABASE_URL): the administrator's use-cases (permissions, audit, the
 * records' rules), and every import rule — preview writes nothing, commit writes all rows or none
 * with one audit event carrying the SHA-256, the same file twice changes nothing, export → import
 * round-trips, the route refuses before reading.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  createRegistrySubUnit,
  deleteRegistrySubUnit,
  getRegistrySubUnits,
  setRegistrySubUnitActive,
  setRegistrySubUnitResult,
  updateRegistrySubUnit,
  UNIT_INACTIVE_FOR_SUB_UNITS,
} from "../../lib/registry/sub-units";
import { createSubUnitSchema, subUnitResultSchema, subUnitStatusSchema, updateSubUnitSchema, deleteSubUnitSchema } from "../../lib/records/sub-unit-schemas";
import { commitSubUnitImport, previewSubUnitImport, SUB_UNIT_IMPORT_MESSAGES, subUnitImportProblemsWorkbook, subUnitWorkbook } from "../../lib/registry/import-sub-units";
import { sha256Of } from "../../lib/registry/import-units";
import { receiveSubUnitImport, subUnitWorkbookDownload } from "../../app/api/registry/sub-units/receive-import";
import { SUB_UNIT_HEADERS, SUB_UNITS_IMPORT_PATH } from "../../lib/registry/import/sub-unit-columns";
import { IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_UPLOAD_BYTES } from "../../lib/registry/import/import-rules";
import { ForbiddenError } from "../../lib/auth/permissions";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const YEAR = 2026;

async function setup() {
  const world = await makeWorld(t.prisma);
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
  const officerB = await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: world.agencyB.id });
  const subA = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng Hành chính", kind: "PHONG" } });
  return { world, admin, leader, officerB, subA };
}

const create = (actor: Actor | null, input: unknown) => runAction(createSubUnitSchema, input, async () => actor, (a, d) => createRegistrySubUnit(t.prisma, a, d));
const update = (actor: Actor | null, input: unknown) => runAction(updateSubUnitSchema, input, async () => actor, (a, d) => updateRegistrySubUnit(t.prisma, a, d));
const setResult = (actor: Actor | null, input: unknown) => runAction(subUnitResultSchema, input, async () => actor, (a, d) => setRegistrySubUnitResult(t.prisma, a, d));
const setActive = (actor: Actor | null, input: unknown) => runAction(subUnitStatusSchema, input, async () => actor, (a, d) => setRegistrySubUnitActive(t.prisma, a, d));
const remove = (actor: Actor | null, input: unknown) => runAction(deleteSubUnitSchema, input, async () => actor, (a, d) => deleteRegistrySubUnit(t.prisma, a, d));

describe("sub-units in the registry (administrator's use-cases)", () => {
  it("an administrator creates, edits, rates, deactivates and reactivates a sub-unit of any unit, each audited", async () => {
    const { world, admin } = await setup();
    const created = await create(admin, { unitId: world.agencyB.id, name: "Tổ Bảo vệ", kind: "TO", eligibleForRating: false, isSecurityForce: true });
    if (!created.ok) throw new Error(created.message);
    const id = created.data!.id;
    expect((await update(admin, { unitId: world.agencyB.id, subUnitId: id, name: "Tổ Bảo vệ cơ quan", kind: "TO", eligibleForRating: true, isSecurityForce: true })).ok).toBe(true);
    expect(await setResult(admin, { unitId: world.agencyB.id, subUnitId: id, year: YEAR, result: "TTLDTT", decisionRef: "12/QĐ" })).toMatchObject({ ok: true });
    expect((await setActive(admin, { unitId: world.agencyB.id, subUnitId: id, active: false })).ok).toBe(true);
    expect((await setActive(admin, { unitId: world.agencyB.id, subUnitId: id, active: true })).ok).toBe(true);
    expect(await t.prisma.subUnit.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Tổ Bảo vệ cơ quan", eligibleForRating: true, isSecurityForce: true, isActive: true });
    expect(await t.prisma.subUnitYearResult.findFirstOrThrow({ where: { subUnitId: id } })).toMatchObject({ year: YEAR, result: "TTLDTT", decisionRef: "12/QĐ" });
    const events = await t.prisma.auditEvent.findMany({ where: { entityId: { not: null } }, orderBy: { id: "asc" }, select: { action: true, actorId: true, unitId: true } });
    expect(events.map((e) => e.action)).toEqual([
      "records.subunit.created",
      "records.subunit.updated",
      "records.subunit_result.set",
      "records.subunit.deactivated",
      "records.subunit.reactivated",
    ]);
    expect(events.every((e) => e.actorId === admin.userId && e.unitId === world.agencyB.id)).toBe(true);
  });

  it("a sub-unit with a result is never deleted (deactivated instead); one entered by mistake may be", async () => {
    const { world, admin, subA } = await setup();
    await t.prisma.subUnitYearResult.create({ data: { subUnitId: subA.id, year: YEAR, result: "HTNV" } });
    expect(await remove(admin, { unitId: world.agencyA.id, subUnitId: subA.id })).toMatchObject({ ok: false, message: expect.stringContaining("không thể xóa") });
    expect(await t.prisma.subUnit.count({ where: { id: subA.id } })).toBe(1);
    const mistake = await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "Phòng Nhập Nhầm", kind: "PHONG" } });
    expect((await remove(admin, { unitId: world.agencyA.id, subUnitId: mistake.id })).ok).toBe(true);
  });

  it("the records' rules hold: a name once per unit, no sub-units for a residential area, no result for a deactivated one", async () => {
    const { world, admin, subA } = await setup();
    expect(await create(admin, { unitId: world.agencyA.id, name: "Phòng Hành chính", kind: "PHONG" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringContaining("cùng tên")] } });
    expect(await create(admin, { unitId: world.kdcA.id, name: "Tổ Một", kind: "TO" })).toMatchObject({ ok: false, message: expect.stringContaining("không khai báo") });
    await setActive(admin, { unitId: world.agencyA.id, subUnitId: subA.id, active: false });
    expect(await setResult(admin, { unitId: world.agencyA.id, subUnitId: subA.id, year: YEAR, result: "HTNV" })).toMatchObject({ ok: false, message: expect.stringContaining("ngừng hoạt động") });
  });

  it("a deactivated unit's sub-units are left as they are", async () => {
    const { world, admin, subA } = await setup();
    await t.prisma.unit.update({ where: { id: world.agencyA.id }, data: { isActive: false } });
    expect(await create(admin, { unitId: world.agencyA.id, name: "Phòng Mới", kind: "PHONG" })).toMatchObject({ ok: false, message: UNIT_INACTIVE_FOR_SUB_UNITS });
    expect(await setActive(admin, { unitId: world.agencyA.id, subUnitId: subA.id, active: false })).toMatchObject({ ok: false, message: UNIT_INACTIVE_FOR_SUB_UNITS });
  });

  it("a sub-unit id of another unit is refused as unknown", async () => {
    const { world, admin, subA } = await setup();
    expect(await update(admin, { unitId: world.agencyB.id, subUnitId: subA.id, name: "Đổi", kind: "PHONG" })).toMatchObject({ ok: false, message: expect.stringContaining("không thuộc đơn vị này") });
  });

  it("a leader reads but changes nothing; an officer (of another unit or not) is refused; the officer's own records side is unchanged", async () => {
    const { world, admin, leader, officerB, subA } = await setup();
    const read = await getRegistrySubUnits(t.prisma, leader, world.agencyA, YEAR);
    expect(read?.subUnits.map((s) => s.name)).toEqual(["Phòng Hành chính"]);
    expect(await getRegistrySubUnits(t.prisma, leader, world.kdcA, YEAR)).toBeNull();
    for (const actor of [leader, officerB, null]) {
      expect(await create(actor, { unitId: world.agencyA.id, name: "Phòng Lạ", kind: "PHONG" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
      expect(await setResult(actor, { unitId: world.agencyA.id, subUnitId: subA.id, year: YEAR, result: "HTNV" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
      expect(await setActive(actor, { unitId: world.agencyA.id, subUnitId: subA.id, active: false })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    }
    // The registry's use-cases ask "registry.manage": the unit's own officer does not pass them either.
    const officerA = await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: world.agencyA.id });
    expect(await create(officerA, { unitId: world.agencyA.id, name: "Phòng Lạ", kind: "PHONG" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    await expect(getRegistrySubUnits(t.prisma, officerB, world.agencyA, YEAR)).rejects.toThrow(ForbiddenError);
    expect(await t.prisma.subUnit.count()).toBe(1);
    expect(await t.prisma.auditEvent.count()).toBe(0);
    expect(admin).toBeDefined();
  });
});

// ───────────── Import ─────────────

// Mã đơn vị, Tên, Loại, Được xếp loại, Bảo vệ, Năm, Kết quả, Số QĐ, Đang theo dõi
type Row = [string, string, string, string, string, string, string, string, string];
const row = (unitCode: string, name: string, result = "", over: Partial<{ kind: string; eligible: string; security: string; year: string; ref: string; active: string }> = {}): Row => [
  unitCode,
  name,
  over.kind ?? "Phòng",
  over.eligible ?? "",
  over.security ?? "",
  over.year ?? String(YEAR),
  result,
  over.ref ?? "",
  over.active ?? "",
];

async function xlsxOf(rows: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Đơn vị trực thuộc");
  sheet.addRow(SUB_UNIT_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const file = (bytes: Uint8Array, fileName = "Đơn vị trực thuộc.xlsx") => ({ bytes, fileName });

describe("sub-units import (use-cases)", () => {
  it("preview counts add / update / leave and writes nothing", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([row("CQ-A", "phong hanh chinh"), row("CQ-A", "Phòng Kế toán", "Hoàn thành tốt nhiệm vụ"), row("CQ-B", "Tổ Bảo vệ", "", { kind: "Tổ", security: "Có", eligible: "Không" })]);
    const outcome = await previewSubUnitImport(t.prisma, admin, file(bytes));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 2, update: 1, unchanged: 0, problems: 0 });
    expect(outcome.data.sha256).toBe(sha256Of(bytes));
    expect(outcome.data.changes.map((c) => [c.rowNumber, c.code, c.name, c.action, c.changed])).toEqual([
      [2, "CQ-A", "phong hanh chinh", "update", ["Tên đơn vị trực thuộc"]],
      [3, "CQ-A", "Phòng Kế toán", "add", []],
      [4, "CQ-B", "Tổ Bảo vệ", "add", []],
    ]);
    expect(await t.prisma.subUnit.count()).toBe(1);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("commit writes sub-units and results with one audit event carrying the SHA-256; the same file again changes nothing", async () => {
    const { world, admin, subA } = await setup();
    const bytes = await xlsxOf([
      row("CQ-A", "Phòng Hành chính", "Tập thể lao động tiên tiến", { ref: "45/QĐ-UBND" }),
      row("CQ-A", "Phòng Kế toán", "Hoàn thành tốt nhiệm vụ"),
      row("CQ-B", "Tổ Bảo vệ", "", { kind: "Tổ", security: "Có", eligible: "Không" }),
    ]);
    const sha256 = sha256Of(bytes);
    const first = await commitSubUnitImport(t.prisma, admin, file(bytes), sha256);
    expect(first).toEqual({ ok: true, data: { sha256, added: 2, updated: 1, unchanged: 0, results: 2 } });
    const ketoan = await t.prisma.subUnit.findFirstOrThrow({ where: { unitId: world.agencyA.id, name: "Phòng Kế toán" }, include: { results: true } });
    expect(ketoan).toMatchObject({ kind: "PHONG", eligibleForRating: true, isSecurityForce: false, isActive: true });
    expect(ketoan.results.map((r) => [r.year, r.result, r.decisionRef])).toEqual([[YEAR, "HTTNV", null]]);
    expect(await t.prisma.subUnitYearResult.findFirstOrThrow({ where: { subUnitId: subA.id } })).toMatchObject({ year: YEAR, result: "TTLDTT", decisionRef: "45/QĐ-UBND" });
    expect(await t.prisma.subUnit.findFirstOrThrow({ where: { unitId: world.agencyB.id } })).toMatchObject({ name: "Tổ Bảo vệ", kind: "TO", eligibleForRating: false, isSecurityForce: true });
    const events = await t.prisma.auditEvent.findMany({ where: { action: "registry.subunits.imported" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.userId, entityType: "SubUnit" });
    expect(events[0]?.meta).toMatchObject({ fileName: "Đơn vị trực thuộc.xlsx", sha256, rows: 3, added: 2, updated: 1, unchanged: 0, results: 2, years: [YEAR], addedSubUnits: ["CQ-A: Phòng Kế toán", "CQ-B: Tổ Bảo vệ"], updatedSubUnits: ["CQ-A: Phòng Hành chính"] });

    const snapshot = async () => ({
      subUnits: await t.prisma.subUnit.findMany({ orderBy: { name: "asc" } }),
      results: await t.prisma.subUnitYearResult.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    const second = await commitSubUnitImport(t.prisma, admin, file(bytes), sha256);
    expect(second).toEqual({ ok: true, data: { sha256, added: 0, updated: 0, unchanged: 3, results: 0 } });
    expect(await snapshot()).toEqual(before);
    expect(await t.prisma.auditEvent.count()).toBe(1);
  });

  it("one bad row writes nothing: the outcome carries every problem by row and column", async () => {
    const { world, admin } = await setup();
    await t.prisma.unit.update({ where: { id: world.agencyB.id }, data: { isActive: false } });
    const bytes = await xlsxOf([
      row("CQ-A", "Phòng Mới", "Hoàn thành nhiệm vụ"),
      row("CQ-KHONG", "Phòng Lạ"),
      row("CQ-B", "Phòng Đóng"),
      row("CQ-A", "PHONG MOI"),
      row("CQ-A", "Phòng Thiếu Loại", "", { kind: "" }),
      row("CQ-A", "Phòng Sai Loại", "", { kind: "Cục" }),
      row("CQ-A", "Phòng Năm Cũ", "Hoàn thành nhiệm vụ", { year: "2020" }),
      row("CQ-A", "Phòng Không Xét", "Hoàn thành nhiệm vụ", { eligible: "Không" }),
      row("KDC-A1", "Tổ Một", "", { kind: "Tổ" }),
    ]);
    const outcome = await commitSubUnitImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: false, message: SUB_UNIT_IMPORT_MESSAGES.hasProblems });
    expect(!outcome.ok && outcome.preview?.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, "Mã đơn vị", "Không tìm thấy đơn vị mã “CQ-KHONG” trong danh mục đơn vị."],
      [4, "Mã đơn vị", "Đơn vị mã “CQ-B” đã ngừng hoạt động; không thể thêm hoặc thay đổi đơn vị trực thuộc của đơn vị này."],
      [5, "Tên đơn vị trực thuộc", "Đơn vị trực thuộc “PHONG MOI” của đơn vị mã “CQ-A” trùng với dòng 2 (không phân biệt chữ hoa, chữ thường và dấu)."],
      [6, "Loại", "Thiếu giá trị bắt buộc ở cột “Loại”."],
      [7, "Loại", expect.stringContaining("Giá trị “Cục” không có trong danh sách cho phép")],
      [8, "Năm", expect.stringMatching(/^Năm 2020 nằm ngoài khoảng cho phép \(từ 2022 đến \d{4}\)\.$/)],
      [9, "Kết quả thi đua", "Đơn vị trực thuộc “Phòng Không Xét” không thuộc diện xếp loại thi đua (cột “Được xếp loại thi đua” là “Không”) nên không ghi kết quả."],
      [10, "Mã đơn vị", "Đơn vị mã “KDC-A1” là khu dân cư, không khai báo đơn vị trực thuộc."],
    ]);
    expect(await t.prisma.subUnit.count()).toBe(1);
    expect(await t.prisma.subUnitYearResult.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("the commit plans again: a sub-unit added since the preview is matched, not duplicated", async () => {
    const { world, admin } = await setup();
    const bytes = await xlsxOf([row("CQ-A", "Phòng Kế toán", "Hoàn thành nhiệm vụ")]);
    const preview = await previewSubUnitImport(t.prisma, admin, file(bytes));
    expect(preview.ok && preview.data.counts.add).toBe(1);
    await t.prisma.subUnit.create({ data: { unitId: world.agencyA.id, name: "PHÒNG KẾ TOÁN", kind: "PHONG" } });
    const outcome = await commitSubUnitImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: true, data: { added: 0, updated: 1, results: 1 } });
    expect(await t.prisma.subUnit.findMany({ where: { unitId: world.agencyA.id }, select: { name: true }, orderBy: { name: "asc" } })).toEqual([{ name: "Phòng Hành chính" }, { name: "Phòng Kế toán" }]);
  });

  it("a unit deactivated between preview and commit is caught at commit", async () => {
    const { world, admin } = await setup();
    const bytes = await xlsxOf([row("CQ-A", "Phòng Mới")]);
    expect((await previewSubUnitImport(t.prisma, admin, file(bytes))).ok).toBe(true);
    await t.prisma.unit.update({ where: { id: world.agencyA.id }, data: { isActive: false } });
    const outcome = await commitSubUnitImport(t.prisma, admin, file(bytes), sha256Of(bytes));
    expect(!outcome.ok && outcome.preview?.problems[0]?.column).toBe("Mã đơn vị");
    expect(await t.prisma.subUnit.count({ where: { name: "Phòng Mới" } })).toBe(0);
  });

  it("a file other than the one previewed is refused", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([row("CQ-A", "Phòng Mới")]);
    expect(await commitSubUnitImport(t.prisma, admin, file(bytes), "0".repeat(64))).toEqual({ ok: false, message: SUB_UNIT_IMPORT_MESSAGES.otherFile });
    expect(await t.prisma.subUnit.count({ where: { name: "Phòng Mới" } })).toBe(0);
  });

  it("a CSV saved by Excel (UTF-8 with BOM, ';' separated) commits like the workbook", async () => {
    const { world, admin } = await setup();
    const lines = [SUB_UNIT_HEADERS, row("CQ-A", "Phòng Tổ chức", "Hoàn thành xuất sắc nhiệm vụ", { ref: "7/QĐ" })].map((r) => r.join(";"));
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
    const outcome = await commitSubUnitImport(t.prisma, admin, file(bytes, "don-vi-truc-thuoc.csv"), sha256Of(bytes));
    expect(outcome).toMatchObject({ ok: true, data: { added: 1, results: 1 } });
    const created = await t.prisma.subUnit.findFirstOrThrow({ where: { unitId: world.agencyA.id, name: "Phòng Tổ chức" }, include: { results: true } });
    expect(created.results[0]).toMatchObject({ year: YEAR, result: "HTXSNV", decisionRef: "7/QĐ" });
  });

  it("export of a year → import round-trips with no change; the template has the columns, drop-downs and instructions", async () => {
    const { world, admin, subA } = await setup();
    const guard = await t.prisma.subUnit.create({ data: { unitId: world.agencyB.id, name: "Tổ Bảo vệ", kind: "TO", isSecurityForce: true, eligibleForRating: false } });
    const closed = await t.prisma.subUnit.create({ data: { unitId: world.agencyB.id, name: "Phòng Cũ", kind: "PHONG", isActive: false } });
    await t.prisma.subUnitYearResult.createMany({
      data: [
        { subUnitId: subA.id, year: YEAR, result: "TTLDTT", decisionRef: "45/QĐ" },
        { subUnitId: guard.id, year: YEAR, result: "HTNV" },
        { subUnitId: closed.id, year: YEAR, result: "KHTNV" },
        { subUnitId: subA.id, year: YEAR - 1, result: "HTNV" },
      ],
    });
    const exported = await subUnitWorkbook(t.prisma, admin, YEAR);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Đơn vị trực thuộc")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SUB_UNIT_HEADERS);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(["CQ-A", "Phòng Hành chính", "Phòng", "Có", "Không", String(YEAR), "Tập thể lao động tiên tiến", "45/QĐ", "Có"]);
    const outcome = await previewSubUnitImport(t.prisma, admin, file(exported, "Đơn vị trực thuộc năm 2026.xlsx"));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.data.counts).toEqual({ add: 0, update: 0, unchanged: 3, problems: 0 });

    const template = new ExcelJS.Workbook();
    await template.xlsx.load(Buffer.from(await subUnitWorkbook(t.prisma, admin, null)) as unknown as ArrayBuffer);
    expect(template.getWorksheet("Đơn vị trực thuộc")!.actualRowCount).toBe(1);
    expect(template.getWorksheet("Hướng dẫn")).toBeDefined();
    const lists = template.getWorksheet("Danh mục")!;
    expect(lists.getColumn(1).values.slice(2)).toEqual(["CQ-A", "CQ-B"]);
  });

  it("the problems workbook marks the bad cells", async () => {
    const { admin } = await setup();
    const bytes = await xlsxOf([row("CQ-KHONG", "Phòng Lạ")]);
    const outcome = await subUnitImportProblemsWorkbook(t.prisma, admin, file(bytes));
    if (!outcome.ok) throw new Error(outcome.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(outcome.data) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet("Đơn vị trực thuộc")!.getCell("A2");
    expect(cell.fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(wb.getWorksheet("Lỗi")!.getRow(2).values).toEqual([undefined, 2, "Mã đơn vị", "Không tìm thấy đơn vị mã “CQ-KHONG” trong danh mục đơn vị."]);
  });

  it("a renamed file is refused with its message and writes nothing", async () => {
    const { admin } = await setup();
    const outcome = await previewSubUnitImport(t.prisma, admin, file(new TextEncoder().encode("không phải bảng tính"), "a.xlsx"));
    expect(outcome.ok).toBe(false);
    expect(await t.prisma.subUnit.count()).toBe(1);
  });

  it.each(["LEADER", "REVIEWER", "UNIT_OFFICER"] as const)("a %s is refused and nothing is written", async (role) => {
    const { world } = await setup();
    const actor = await makeUser(t.prisma, "khongphaiadmin", role, role === "UNIT_OFFICER" ? { unitId: world.agencyA.id } : role === "REVIEWER" ? { reviewerLevel: "PROVINCIAL_POLICE" } : {});
    const bytes = await xlsxOf([row("CQ-A", "Phòng Mới")]);
    await expect(commitSubUnitImport(t.prisma, actor, file(bytes), sha256Of(bytes))).rejects.toThrow(ForbiddenError);
    await expect(previewSubUnitImport(t.prisma, actor, file(bytes))).rejects.toThrow(ForbiddenError);
    await expect(subUnitWorkbook(t.prisma, actor, YEAR)).rejects.toThrow(ForbiddenError);
    expect(await t.prisma.subUnit.count({ where: { name: "Phòng Mới" } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});

function post(params: { mode: string; fileName: string; sha256?: string }, bytes: Uint8Array, length: number = bytes.byteLength) {
  const state = { pulled: 0 };
  let done = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled++;
        if (done) return controller.close();
        controller.enqueue(bytes);
        done = true;
      },
    },
    { highWaterMark: 0 },
  );
  const q = new URLSearchParams({ mode: params.mode, fileName: params.fileName, ...(params.sha256 ? { sha256: params.sha256 } : {}) });
  const headers = new Headers({ host: "antt.test", "content-type": "application/octet-stream", "content-length": String(length) });
  const request = new Request(`http://antt.test${SUB_UNITS_IMPORT_PATH}?${q.toString()}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { request, state };
}

describe("the sub-units import route", () => {
  it("preview then commit through the route", async () => {
    const { admin } = await setup();
    const deps = { prisma: t.prisma, loadActor: async () => admin };
    const bytes = await xlsxOf([row("CQ-A", "Phòng Mới", "Hoàn thành nhiệm vụ")]);
    const preview = await receiveSubUnitImport(post({ mode: "preview", fileName: "a.xlsx" }, bytes).request, deps);
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { ok: true; data: { sha256: string; counts: { add: number } } };
    expect(body.data.counts.add).toBe(1);
    const commit = await receiveSubUnitImport(post({ mode: "commit", fileName: "a.xlsx", sha256: body.data.sha256 }, bytes).request, deps);
    expect(await commit.json()).toMatchObject({ ok: true, data: { added: 1, results: 1 } });
  });

  it("refuses before reading the body: too large, no session, not an administrator, bad parameters", async () => {
    const { world, admin } = await setup();
    const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const bytes = await xlsxOf([row("CQ-A", "Phòng Mới")]);
    const cases: [ReturnType<typeof post>, Actor | null, number, string][] = [
      [post({ mode: "preview", fileName: "a.xlsx" }, bytes, MAX_IMPORT_UPLOAD_BYTES + 1), admin, 413, IMPORT_TOO_LARGE_MESSAGE],
      [post({ mode: "preview", fileName: "a.xlsx" }, bytes), null, 401, "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại."],
      [post({ mode: "commit", fileName: "a.xlsx", sha256: "0".repeat(64) }, bytes), officer, 403, FORBIDDEN_MESSAGE],
      [post({ mode: "commit", fileName: "a.xlsx" }, bytes), admin, 400, "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu."],
    ];
    for (const [{ request, state }, actor, status, message] of cases) {
      const response = await receiveSubUnitImport(request, { prisma: t.prisma, loadActor: async () => actor });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { message: string }).message).toBe(message);
      expect(state.pulled).toBe(0);
    }
    expect(await t.prisma.subUnit.count({ where: { name: "Phòng Mới" } })).toBe(0);
  });

  it("downloads: 401 without a session, 403 for a leader, 400 for a year out of range, the export of a year's file name", async () => {
    const { admin, leader } = await setup();
    const download = (actor: Actor | null, url: string, withRows = true) => subUnitWorkbookDownload(new Request(`http://antt.test${url}`), { prisma: t.prisma, loadActor: async () => actor }, withRows);
    expect((await download(null, "/api/registry/sub-units/export")).status).toBe(401);
    expect((await download(leader, "/api/registry/sub-units/export")).status).toBe(403);
    expect((await download(admin, "/api/registry/sub-units/export?year=1999")).status).toBe(400);
    const ok = await download(admin, `/api/registry/sub-units/export?year=${YEAR}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Disposition")).toContain(`don-vi-truc-thuoc-${YEAR}.xlsx`);
    expect((await download(admin, "/api/registry/sub-units/template", false)).headers.get("Content-Disposition")).toContain("mau-nhap-don-vi-truc-thuoc.xlsx");
  });
});
