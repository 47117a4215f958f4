/** Reading uploaded lists: .xlsx and .csv by content; every bad file refused with its Vietnamese message. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_MESSAGES, MAX_IMPORT_BYTES, csvDelimiter, readSpreadsheet } from "../../lib/registry/import/read-workbook";
import { buildProblemsWorkbook, buildUnitWorkbook } from "../../lib/registry/import/unit-workbook";
import { UNIT_HEADERS, UNIT_SHEET_NAME, unitSheetCells, UNIT_COLUMNS } from "../../lib/registry/import/unit-columns";
import { parseUnitRows, planUnitImport, type ExistingUnit } from "../../lib/registry/import/plan-units";
import { OLE2, PDF, TEXT, zip } from "../support/file-samples";

const unit: ExistingUnit = {
  id: "u-1",
  code: "007",
  name: "Thôn Đông",
  kind: "KDC",
  communeId: "c-1",
  managingAuthorityId: "a-1",
  sector: "RESIDENTIAL",
  residentialAreaType: "THON",
  educationLevel: null,
  exclusionReason: null,
  hasPartyOrganisation: true,
  hasSecurityForce: false,
  address: "Số 1, ngõ 2",
  isActive: true,
};
const context = { units: [unit], communes: [{ id: "c-1", code: "X01", name: "Xã An Bình" }], authorities: [{ id: "a-1", code: "UBND", name: "UBND xã An Bình" }] };

async function workbookWith(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(UNIT_SHEET_NAME);
  sheet.addRow(UNIT_HEADERS);
  fill(sheet);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readSpreadsheet", () => {
  it("export → read → parse → plan: every unit unchanged (leading zeros of codes kept)", async () => {
    const bytes = await buildUnitWorkbook({ rows: [unitSheetCells(unit, "Xã An Bình", "UBND xã An Bình")], communes: ["Xã An Bình"], authorities: ["UBND xã An Bình"] });
    const read = await readSpreadsheet(bytes, "don-vi.xlsx", UNIT_SHEET_NAME);
    if (!read.ok) throw new Error(read.message);
    expect(read.sheet.rows).toHaveLength(1);
    const plan = planUnitImport(parseUnitRows(read.sheet), context);
    expect(plan.problems).toEqual([]);
    expect(plan.unchanged.map((p) => p.values.code)).toEqual(["007"]);
  });

  it("the template has the headers, drop-downs, an instructions sheet and no rows", async () => {
    const bytes = await buildUnitWorkbook({ rows: [], communes: ["Xã An Bình"], authorities: ["UBND xã An Bình"] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Đơn vị", "Danh mục", "Hướng dẫn"]);
    const sheet = wb.getWorksheet("Đơn vị")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADERS);
    const kindColumn = String.fromCharCode(65 + UNIT_COLUMNS.findIndex((c) => c.key === "kind"));
    expect(sheet.getCell(`${kindColumn}2`).dataValidation).toMatchObject({ type: "list" });
    const help = wb.getWorksheet("Hướng dẫn")!;
    const text = help.getSheetValues().flat().join(" ");
    expect(text).toContain("theo tên (chọn trong danh sách thả xuống) hoặc theo mã");
    const read = await readSpreadsheet(bytes, "mau.xlsx", UNIT_SHEET_NAME);
    expect(read.ok && read.sheet.rows).toEqual([]);
  });

  it("CSV (UTF-8 with BOM, ';' or ',' separated) reads like the workbook; dd/MM/yyyy stays text", async () => {
    const line = (sep: string) => [UNIT_HEADERS.map((h) => (h.includes(",") ? `"${h}"` : h)).join(sep), ["008", "Thôn Tây", "Khu dân cư", "Xã An Bình", "UBND", "", "Thôn", "", "", "", "", '"Số 2, ngõ 3"', ""].join(sep)].join("\r\n");
    for (const sep of [",", ";"]) {
      const bytes = new TextEncoder().encode(`\uFEFF${line(sep)}\r\n`);
      const read = await readSpreadsheet(bytes, "don-vi.csv", UNIT_SHEET_NAME);
      if (!read.ok) throw new Error(read.message);
      expect(read.sheet.headers).toEqual(UNIT_HEADERS);
      const plan = planUnitImport(parseUnitRows(read.sheet), context);
      expect(plan.problems).toEqual([]);
      expect(plan.add[0]?.values).toMatchObject({ code: "008", address: "Số 2, ngõ 3", residentialAreaType: "THON" });
    }
    expect(csvDelimiter('"Xã, phường";Tên\n')).toBe(";");
  });

  it("refuses what it cannot read faithfully, each with its message", async () => {
    const cases: [Uint8Array, string, string][] = [
      [new Uint8Array(), "a.xlsx", IMPORT_MESSAGES.empty],
      [PDF, "don-vi.pdf", IMPORT_MESSAGES.extension],
      [PDF, "don-vi.xlsx", IMPORT_MESSAGES.notXlsx],
      [TEXT, "don-vi.xlsx", IMPORT_MESSAGES.notXlsx],
      [OLE2, "co-mat-khau.xlsx", IMPORT_MESSAGES.protected],
      [zip(), "nen.xlsx", IMPORT_MESSAGES.corrupt],
      [PDF, "don-vi.csv", IMPORT_MESSAGES.notCsv],
      [new Uint8Array([0x4d, 0xe3, 0x20, 0x0a]), "windows-1258.csv", IMPORT_MESSAGES.notUtf8],
      [new TextEncoder().encode('a,b\n"chưa đóng,1\n'), "hong.csv", IMPORT_MESSAGES.badCsv("dòng 2")],
    ];
    for (const [bytes, name, message] of cases) expect(await readSpreadsheet(bytes, name, UNIT_SHEET_NAME), name).toEqual({ ok: false, message });
  });

  it("refuses a truncated workbook as corrupt", async () => {
    const bytes = await workbookWith((s) => s.addRow(["1"]));
    const cut = bytes.slice(0, Math.floor(bytes.byteLength * 0.6));
    expect(await readSpreadsheet(cut, "cut.xlsx", UNIT_SHEET_NAME)).toEqual({ ok: false, message: IMPORT_MESSAGES.corrupt });
  });

  it("refuses more than 50 MB before looking at the content", async () => {
    expect(await readSpreadsheet(new Uint8Array(MAX_IMPORT_BYTES + 1), "lon.xlsx", UNIT_SHEET_NAME)).toEqual({ ok: false, message: IMPORT_MESSAGES.tooLarge });
  });

  it("refuses formulas, merged header cells and merged cells", async () => {
    const formula = await workbookWith((s) => s.addRow(["A1", { formula: "1+1", result: 2 }]));
    expect(await readSpreadsheet(formula, "f.xlsx", UNIT_SHEET_NAME)).toEqual({ ok: false, message: IMPORT_MESSAGES.formula("B2") });
    const mergedHeader = await workbookWith((s) => s.mergeCells("A1:B1"));
    expect(await readSpreadsheet(mergedHeader, "m.xlsx", UNIT_SHEET_NAME)).toEqual({ ok: false, message: IMPORT_MESSAGES.mergedHeader("A1:B1") });
    const merged = await workbookWith((s) => {
      s.addRow(["1", "2"]);
      s.mergeCells("A2:A3");
    });
    expect(await readSpreadsheet(merged, "m2.xlsx", UNIT_SHEET_NAME)).toEqual({ ok: false, message: IMPORT_MESSAGES.merged("A2:A3") });
  });

  it("refuses more than 100,000 rows", async () => {
    const header = UNIT_HEADERS.join(";");
    const bytes = new TextEncoder().encode(`${header}\n${"x;y\n".repeat(100_001)}`);
    expect(await readSpreadsheet(bytes, "nhieu.csv", UNIT_SHEET_NAME)).toEqual({ ok: false, message: IMPORT_MESSAGES.tooManyRows });
  }, 30_000);

  it("date cells and serials come through as values the date conversion accepts", async () => {
    const bytes = await workbookWith((s) => s.addRow([new Date(Date.UTC(2026, 1, 10)), 46063, "10/02/2026"]));
    const read = await readSpreadsheet(bytes, "d.xlsx", UNIT_SHEET_NAME);
    if (!read.ok) throw new Error(read.message);
    expect(read.sheet.rows[0]?.cells.slice(0, 3)).toEqual([new Date(Date.UTC(2026, 1, 10)), 46063, "10/02/2026"]);
  });
});

describe("buildProblemsWorkbook", () => {
  it("marks each bad cell red with its message as a comment, and lists every problem", async () => {
    const sheet = { headers: UNIT_HEADERS, rows: [{ rowNumber: 2, cells: ["", "Thôn A"] }] };
    const problems = [
      { row: 2, column: "Mã đơn vị", message: "Thiếu giá trị bắt buộc ở cột “Mã đơn vị”." },
      { row: 1, column: "Ghi chú", message: "Cột “Ghi chú” không thuộc mẫu." },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildProblemsWorkbook(sheet, problems)) as unknown as ArrayBuffer);
    const data = wb.getWorksheet("Đơn vị")!;
    expect(data.getCell("A2").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFC7CE" } });
    expect(JSON.stringify(data.getCell("A2").note)).toContain("Thiếu giá trị bắt buộc");
    expect(data.getCell("B2").value).toBe("Thôn A");
    const list = wb.getWorksheet("Lỗi")!;
    expect(list.rowCount).toBe(3);
    expect(list.getCell("C2").value).toBe("Thiếu giá trị bắt buộc ở cột “Mã đơn vị”.");
  });
});
