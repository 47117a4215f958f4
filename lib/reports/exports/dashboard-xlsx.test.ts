import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { INCIDENT_CODE_LABELS, UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS } from "@/lib/workflow/dossier-states";
import type { DashboardData } from "@/lib/reports/dashboard-types";
import {
  COMMUNE_COLUMNS,
  INCIDENT_COLUMNS,
  NUMBER_FORMATS,
  SHEET_NAMES,
  SUMMARY_LAYOUT,
  TREND_COLUMNS,
  UNIT_COLUMNS,
  buildDashboardXlsx,
  dashboardXlsxFileName,
} from "./dashboard-xlsx";
import { COMMUNES, DRILLDOWN_UNITS, dashboardFixture, largeProvince } from "./test-fixtures";

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`sheet ${name} missing`);
  return found;
}

function rowValues(ws: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, index) => ws.getCell(row, index + 1).value);
}

/** A numeric cell holding exactly `value`. */
function expectNumber(cell: ExcelJS.Cell, value: number, numFmt: string = NUMBER_FORMATS.integer): void {
  expect(cell.type, `${cell.address} type`).toBe(ExcelJS.ValueType.Number);
  expect(cell.value, cell.address).toBe(value);
  expect(cell.numFmt, `${cell.address} numFmt`).toBe(numFmt);
}

function expectPercent(cell: ExcelJS.Cell, numerator: number, denominator: number): void {
  if (denominator === 0) {
    expect(cell.value, `${cell.address} empty when the denominator is 0`).toBeNull();
  } else {
    expectNumber(cell, numerator / denominator, NUMBER_FORMATS.percent);
  }
  expect(cell.numFmt).toBe(NUMBER_FORMATS.percent);
  expect(cell.numFmt).toContain("%");
}

/** Row of the "Tổng hợp" sheet whose column A reads `label`, after the row `after`. */
function findRow(ws: ExcelJS.Worksheet, label: string, after = 0): number {
  for (let row = after + 1; row <= ws.rowCount; row += 1) if (ws.getCell(row, 1).value === label) return row;
  throw new Error(`row "${label}" not found after ${after}`);
}

function expectTableSheet(ws: ExcelJS.Worksheet, headers: readonly string[], rows: number, freezeColumns = 0): void {
  expect(rowValues(ws, 2, headers.length)).toEqual([...headers]);
  for (let column = 1; column <= headers.length; column += 1) expect(ws.getCell(2, column).font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2, xSplit: freezeColumns });
  const last = String.fromCharCode(64 + headers.length);
  expect(ws.autoFilter).toBe(`A2:${last}${2 + rows}`);
  for (const column of ws.columns) expect(column.width ?? 0).toBeGreaterThanOrEqual(7);
  expect(ws.pageSetup.printTitlesRow).toBe("1:2");
}

describe("buildDashboardXlsx", () => {
  it("returns the bytes of a zip package a Response can carry as is", async () => {
    const bytes = await buildDashboardXlsx(dashboardFixture());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.buffer).toBeInstanceOf(ArrayBuffer);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(new Response(bytes).headers).toBeDefined();
  });

  it("has the four sheets in order without a drill-down, five with one", async () => {
    const without = await open(await buildDashboardXlsx(dashboardFixture()));
    expect(without.worksheets.map((ws) => ws.name)).toEqual(["Tổng hợp", "Xã, phường", "Vụ việc", "Xu hướng 5 năm"]);
    const withUnits = await open(
      await buildDashboardXlsx(dashboardFixture(), { drilldown: { communeName: "Phường Lào Cai", units: DRILLDOWN_UNITS } }),
    );
    expect(withUnits.worksheets.map((ws) => ws.name)).toEqual(["Tổng hợp", "Xã, phường", "Vụ việc", "Xu hướng 5 năm", "Đơn vị"]);
  });

  it("puts the filters and the generation time in the first rows of Tổng hợp", async () => {
    const ws = sheet(await open(await buildDashboardXlsx(dashboardFixture())), SHEET_NAMES.summary);
    expect(ws.getCell("A1").value).toBe('TỔNG HỢP KẾT QUẢ PHONG TRÀO "AN TOÀN VỀ AN NINH, TRẬT TỰ" NĂM 2026');
    expect(ws.getCell("A1").font?.bold).toBe(true);
    const rows = SUMMARY_LAYOUT.scopeRows;
    expect(rowValues(ws, rows.year, 2)).toEqual(["Năm đánh giá", 2026]);
    expect(ws.getCell(rows.year, 2).type).toBe(ExcelJS.ValueType.Number);
    expect(rowValues(ws, rows.area, 2)).toEqual(["Địa bàn", "Toàn tỉnh"]);
    expect(rowValues(ws, rows.kind, 2)).toEqual(["Loại đơn vị", "Tất cả"]);
    expect(rowValues(ws, rows.sector, 2)).toEqual(["Lĩnh vực", "Tất cả"]);
    // 07:30 UTC is 14:30 in Vietnam, whatever the machine's zone.
    expect(rowValues(ws, rows.generatedAt, 2)).toEqual(["Thời điểm lập số liệu (giờ Việt Nam)", "14:30 18/11/2026"]);
  });

  it("names the filtered commune, kind and sector (commune name from the drill-down or the table)", async () => {
    const filters = { year: 2026, communeId: "c-lao-cai", kind: "DN", sector: "FOREIGN_INVESTED_ENTERPRISE" } as const;
    const ws = sheet(await open(await buildDashboardXlsx(dashboardFixture({ filters }))), SHEET_NAMES.summary);
    const rows = SUMMARY_LAYOUT.scopeRows;
    expect(ws.getCell(rows.area, 2).value).toBe("Phường Lào Cai");
    expect(ws.getCell(rows.kind, 2).value).toBe("Doanh nghiệp");
    expect(ws.getCell(rows.sector, 2).value).toBe("Doanh nghiệp có vốn đầu tư nước ngoài");
    const communes = sheet(await open(await buildDashboardXlsx(dashboardFixture({ filters }))), SHEET_NAMES.communes);
    expect(communes.getCell("A1").value).toBe(
      "Kết quả theo xã, phường năm 2026 – Phường Lào Cai – Doanh nghiệp – Doanh nghiệp có vốn đầu tư nước ngoài",
    );

    const named = sheet(
      await open(
        await buildDashboardXlsx(dashboardFixture({ filters: { year: 2026, communeId: "c-unknown" }, communes: [] }), {
          drilldown: { communeName: "Phường Cam Đường", units: [] },
        }),
      ),
      SHEET_NAMES.summary,
    );
    expect(named.getCell(rows.area, 2).value).toBe("Phường Cam Đường");
  });

  it("writes every headline and funnel figure as a number, with its share as a percent cell", async () => {
    const data = dashboardFixture();
    const ws = sheet(await open(await buildDashboardXlsx(data)), SHEET_NAMES.summary);
    const h = data.headline;

    const headlineHeader = findRow(ws, "I. SỐ LIỆU CHÍNH");
    expect(rowValues(ws, headlineHeader, 3)).toEqual(["I. SỐ LIỆU CHÍNH", "Số lượng", "Tỷ lệ so với thuộc diện"]);
    expect(ws.getCell(headlineHeader, 2).font?.bold).toBe(true);
    for (const kind of UNIT_KINDS) {
      expectNumber(ws.getCell(findRow(ws, `Số đơn vị: ${UNIT_KIND_LABELS[kind]}`), 2), h.unitsByKind[kind]);
    }
    expectNumber(ws.getCell(findRow(ws, "Thuộc diện tham gia"), 2), h.eligible);
    expectNumber(ws.getCell(findRow(ws, "Không thuộc diện (Điều 1 khoản 2 điểm b TT 124)"), 2), h.excluded);
    const withShare: [string, number][] = [
      ["Đã đăng ký", h.registered],
      ["Đã nộp hồ sơ", h.submitted],
      ["Được công nhận", h.recognised],
      ["Không được công nhận", h.notRecognised],
    ];
    for (const [label, value] of withShare) {
      const row = findRow(ws, label, headlineHeader);
      expectNumber(ws.getCell(row, 2), value);
      expectPercent(ws.getCell(row, 3), value, h.eligible);
    }
    expectNumber(ws.getCell(findRow(ws, "Bị thu hồi công nhận"), 2), h.revoked);
    expectNumber(ws.getCell(findRow(ws, "Muộn hạn (đăng ký sau quý I hoặc nộp hồ sơ sau thời hạn)"), 2), h.late);

    const funnelHeader = findRow(ws, "II. TIẾN TRÌNH HỒ SƠ");
    const f = data.funnel;
    const funnel: [string, number][] = [
      ["Đã đăng ký", f.registered],
      ["Đã nộp hồ sơ", f.submitted],
      ["Bị trả lại để bổ sung (ít nhất một lần)", f.returned],
      ["Được công nhận", f.recognised],
    ];
    funnel.forEach(([label, value], index) => {
      const row = funnelHeader + 1 + index;
      expect(ws.getCell(row, 1).value).toBe(label);
      expectNumber(ws.getCell(row, 2), value);
      expectPercent(ws.getCell(row, 3), value, f.registered);
    });

    const xa4Header = findRow(ws, "III. XÃ, PHƯỜNG THEO TIÊU CHÍ XA-4");
    expectNumber(ws.getCell(xa4Header + 1, 2), 3);
    expectNumber(ws.getCell(xa4Header + 2, 2), 2);
    expectPercent(ws.getCell(xa4Header + 2, 3), 2, 3);
    expectNumber(ws.getCell(xa4Header + 3, 2), 1);
  });

  it("writes every commune figure in its column, shares as percent cells, XA-4 as Đạt/Chưa đạt", async () => {
    const ws = sheet(await open(await buildDashboardXlsx(dashboardFixture())), SHEET_NAMES.communes);
    expect([...COMMUNE_COLUMNS]).toEqual([
      "Xã, phường",
      "Khu dân cư",
      "Cơ quan",
      "Doanh nghiệp",
      "Cơ sở giáo dục",
      "Thuộc diện",
      "Đã đăng ký",
      "% đăng ký",
      "Đã công nhận",
      "% công nhận",
      "Đạt tiêu chí xã (XA-4)",
    ]);
    expectTableSheet(ws, COMMUNE_COLUMNS, COMMUNES.length, 1);
    expect(ws.getCell("A1").value).toBe("Kết quả theo xã, phường năm 2026 – Toàn tỉnh");

    COMMUNES.forEach((commune, index) => {
      const row = 3 + index;
      expect(ws.getCell(row, 1).value).toBe(commune.name);
      expectNumber(ws.getCell(row, 2), commune.kdc);
      expectNumber(ws.getCell(row, 3), commune.cq);
      expectNumber(ws.getCell(row, 4), commune.dn);
      expectNumber(ws.getCell(row, 5), commune.csgd);
      expectNumber(ws.getCell(row, 6), commune.eligible);
      expectNumber(ws.getCell(row, 7), commune.registered);
      expectPercent(ws.getCell(row, 8), commune.registered, commune.eligible);
      expectNumber(ws.getCell(row, 9), commune.recognised);
      expectPercent(ws.getCell(row, 10), commune.recognised, commune.eligible);
      expect(ws.getCell(row, 11).value).toBe(commune.meetsCommuneCriterion ? "Đạt" : "Chưa đạt");
    });
    expect(ws.getCell(3, 8).value).toBe(31 / 32);
    expect(ws.getCell(4, 10).value).toBe(17 / 21);
    expect(ws.getCell(5, 8).value).toBeNull(); // Xã Y Tý: no unit, no share
    expect(ws.rowCount).toBe(2 + COMMUNES.length);
  });

  it("writes incidents with their Vietnamese type, commune and count", async () => {
    const data = dashboardFixture();
    const ws = sheet(await open(await buildDashboardXlsx(data)), SHEET_NAMES.incidents);
    expectTableSheet(ws, INCIDENT_COLUMNS, data.incidents.length);
    expect(rowValues(ws, 3, 2)).toEqual(["Tội phạm từ nghiêm trọng trở lên", "Xã Bát Xát"]);
    data.incidents.forEach((incident, index) => {
      expect(ws.getCell(3 + index, 1).value).toBe(INCIDENT_CODE_LABELS[incident.code]);
      expect(ws.getCell(3 + index, 2).value).toBe(incident.communeName);
      expectNumber(ws.getCell(3 + index, 3), incident.count);
    });
  });

  it("writes the five-year trend with years as plain numbers", async () => {
    const data = dashboardFixture();
    const ws = sheet(await open(await buildDashboardXlsx(data)), SHEET_NAMES.trend);
    expectTableSheet(ws, TREND_COLUMNS, 5);
    data.trend.forEach((point, index) => {
      const row = 3 + index;
      expectNumber(ws.getCell(row, 1), point.year, NUMBER_FORMATS.year);
      expectNumber(ws.getCell(row, 2), point.eligible);
      expectNumber(ws.getCell(row, 3), point.registered);
      expectPercent(ws.getCell(row, 4), point.registered, point.eligible);
      expectNumber(ws.getCell(row, 5), point.recognised);
      expectPercent(ws.getCell(row, 6), point.recognised, point.eligible);
    });
  });

  it("lists the drill-down's units with Vietnamese kind, sector, state, lateness and decision", async () => {
    const ws = sheet(
      await open(
        await buildDashboardXlsx(dashboardFixture({ filters: { year: 2026, communeId: "c-lao-cai" } }), {
          drilldown: { communeName: "Phường Lào Cai", units: DRILLDOWN_UNITS },
        }),
      ),
      SHEET_NAMES.units,
    );
    expectTableSheet(ws, UNIT_COLUMNS, DRILLDOWN_UNITS.length);
    expect(ws.getCell("A1").value).toBe("Đơn vị trên địa bàn Phường Lào Cai – năm 2026");
    expect(rowValues(ws, 3, 8)).toEqual([1, "Tổ dân phố số 5", "Khu dân cư", "Khu dân cư", "Thuộc diện", "Đã công nhận", null, "15/QĐ-UBND"]);
    expect(rowValues(ws, 4, 8)).toEqual([
      2,
      "Sở Tư pháp tỉnh Lào Cai",
      "Cơ quan",
      "Cơ quan hành chính nhà nước",
      "Thuộc diện",
      DOSSIER_STATE_LABELS.RETURNED,
      "Muộn",
      null,
    ]);
    expect(rowValues(ws, 5, 8)).toEqual([
      3,
      "Công ty TNHH Xuất & Nhập khẩu <Hoàng Liên>",
      "Doanh nghiệp",
      null,
      "Không thuộc diện",
      "Chưa đăng ký",
      null,
      null,
    ]);
    expect(ws.getCell(3, 1).type).toBe(ExcelJS.ValueType.Number);
  });

  it("keeps Vietnamese text intact: composed (NFC), without characters XML cannot carry", async () => {
    const decomposed = "Phường Cam Đường".normalize("NFD");
    expect(decomposed).not.toBe("Phường Cam Đường");
    const data = dashboardFixture({ communes: [{ ...COMMUNES[1]!, name: `${decomposed}\u0007` }] });
    const ws = sheet(await open(await buildDashboardXlsx(data)), SHEET_NAMES.communes);
    expect(ws.getCell("A3").value).toBe("Phường Cam Đường");
    expect(ws.getCell("A2").value).toBe("Xã, phường");
  });

  it("still builds every sheet with empty communes, incidents, trend and drill-down", async () => {
    const data = dashboardFixture({ communes: [], incidents: [], trend: [] });
    const workbook = await open(await buildDashboardXlsx(data, { drilldown: { communeName: "Xã Y Tý", units: [] } }));
    expect(workbook.worksheets).toHaveLength(5);
    const communes = sheet(workbook, SHEET_NAMES.communes);
    expectTableSheet(communes, COMMUNE_COLUMNS, 0, 1);
    expect(communes.rowCount).toBe(2);
    expectTableSheet(sheet(workbook, SHEET_NAMES.units), UNIT_COLUMNS, 0);
    const summary = sheet(workbook, SHEET_NAMES.summary);
    expect(summary.getCell(findRow(summary, "Đạt tiêu chí XA-4"), 3).value).toBeNull();
  });

  it("builds a 100-commune province with a 3,000-unit drill-down", async () => {
    const { data } = largeProvince(100, 3000);
    const units = Array.from({ length: 3000 }, (_, index) => ({ ...DRILLDOWN_UNITS[index % 3]!, unitId: `u-${index}`, name: `Đơn vị ${index + 1}` }));
    const workbook = await open(await buildDashboardXlsx(data, { drilldown: { communeName: "Xã Số 2", units } }));
    const communes = sheet(workbook, SHEET_NAMES.communes);
    expect(communes.rowCount).toBe(102);
    expectNumber(communes.getCell(102, 6), data.communes[99]!.eligible);
    expect(sheet(workbook, SHEET_NAMES.units).getCell(3002, 2).value).toBe("Đơn vị 3000");
  }, 60_000); // functional, not timed: a slow CI machine must not fail it

  it("refuses malformed figures with Vietnamese messages", async () => {
    const data = dashboardFixture();
    const bad = {
      ...data,
      headline: { ...data.headline, registered: -1, eligible: Number.NaN },
      communes: [{ ...COMMUNES[0]!, recognised: "19" }],
    } as unknown as DashboardData;
    const error = await buildDashboardXlsx(bad).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(z.ZodError);
    const messages = Object.fromEntries((error as z.ZodError).issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      "headline.eligible": "Số đơn vị thuộc diện: phải là số.",
      "headline.registered": "Số đơn vị đã đăng ký: không được là số âm.",
      "communes.0.recognised": "Số đơn vị được công nhận của xã, phường: phải là số.",
    });
  });

  it("names the file in ASCII", () => {
    expect(dashboardXlsxFileName(2026)).toBe("Tong-hop-ANTT-2026.xlsx");
    expect(dashboardXlsxFileName(2026, "Phường Lào Cai")).toBe("Tong-hop-ANTT-2026-Phuong-Lao-Cai.xlsx");
  });
});
