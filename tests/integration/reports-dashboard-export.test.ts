/**
 * The dashboard's Excel export over the seeded demo province, through the route handler's logic
 * (app/api/reports/report-files.ts): the statuses (401, 403 before any lookup, 404), the workbook's
 * figures read back with exceljs against the database, and the URL parsing the page and the route
 * share (components/dashboard/dashboard-params.ts).
 */
import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { loadUserActor } from "../../lib/users/load-actor";
import { COMMUNE_COLUMNS, SHEET_NAMES, UNIT_COLUMNS, XLSX_MIME_TYPE } from "../../lib/reports/exports";
import type { CommuneRow } from "../../lib/reports/dashboard-types";
import { getDashboard } from "../../lib/reports/dashboard-queries";
import { dashboardXlsxFile, reportDownload } from "../../app/api/reports/report-files";
import { dashboardHref, parseDashboardParams, sortCommunes } from "../../components/dashboard/dashboard-params";
import { seedDemoProvince, stableId } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase({ keepData: true, setup: async (prisma) => void (await seedDemoProvince(prisma)) });

const P01 = stableId("area:LCI-P01");

async function demoActor(username: string): Promise<Actor> {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadUserActor(t.prisma, user.id);
  if (!actor) throw new Error(username);
  return actor;
}

async function openWorkbook(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** Data rows of a table sheet (title in row 1, header in row 2), as arrays of cell values from column A. */
function tableRows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`sheet ${name} missing`);
  const rows: unknown[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    if (values.some((v) => v !== null && v !== undefined)) rows.push(values);
  }
  return rows;
}

describe("GET /api/reports/dashboard.xlsx (route logic)", () => {
  it("401 without a session; 403 for those who may not read the province, before any lookup", async () => {
    const build = vi.fn(async () => null);
    expect((await reportDownload(null, build)).status).toBe(401);
    for (const username of ["canbo.sotuphap", "canbo.phuonglaocai", "thamdinh.xa"]) {
      const response = await reportDownload(await demoActor(username), build);
      expect(response.status, username).toBe(403);
    }
    expect(build).not.toHaveBeenCalled();
  });

  it("404 for a commune that does not exist (an id of a unit is not a commune)", async () => {
    const leader = await demoActor("lanhdao");
    for (const communeId of ["00000000-0000-4000-8000-000000000000", stableId("unit:CQ-STP")]) {
      const response = await reportDownload(leader, (a) => dashboardXlsxFile(t.prisma, a, { year: DEMO_YEAR, communeId }));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Không tìm thấy xã, phường.");
    }
  });

  it("the province's workbook: every commune, its counts as in the database", async () => {
    const response = await reportDownload(await demoActor("lanhdao"), (a) => dashboardXlsxFile(t.prisma, a, { year: DEMO_YEAR }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(XLSX_MIME_TYPE);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Tong-hop-ANTT-${DEMO_YEAR}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Tổng hợp ANTT năm ${DEMO_YEAR}.xlsx`)}`,
    );
    const workbook = await openWorkbook(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEET_NAMES.summary, SHEET_NAMES.communes, SHEET_NAMES.incidents, SHEET_NAMES.trend]);

    const communes = tableRows(workbook, SHEET_NAMES.communes);
    expect(communes).toHaveLength(await t.prisma.administrativeArea.count({ where: { level: "COMMUNE" } }));
    const kdcColumn = COMMUNE_COLUMNS.indexOf("Khu dân cư");
    const laoCai = communes.find((row) => row[0] === "Phường Lào Cai")!;
    expect(laoCai[kdcColumn]).toBe(await t.prisma.unit.count({ where: { kind: "KDC", communeId: P01, isActive: true, exclusionReason: null } }));
    const kdcTotal = communes.reduce((n, row) => n + (row[kdcColumn] as number), 0);
    expect(kdcTotal).toBe(await t.prisma.unit.count({ where: { kind: "KDC", isActive: true } }));

    const summary = workbook.getWorksheet(SHEET_NAMES.summary)!;
    let kdcUnits: unknown;
    summary.eachRow((row) => {
      if (row.getCell(1).value === "Số đơn vị: Khu dân cư") kdcUnits = row.getCell(2).value;
    });
    expect(kdcUnits).toBe(72);
  });

  it("with a commune: its units on the 'Đơn vị' sheet, the file named after it", async () => {
    const response = await reportDownload(await demoActor("thamdinh.tinh"), (a) => dashboardXlsxFile(t.prisma, a, { year: DEMO_YEAR, communeId: P01, kind: "KDC" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain(`filename="Tong-hop-ANTT-${DEMO_YEAR}-Phuong-Lao-Cai.xlsx"`);
    const workbook = await openWorkbook(response);
    const units = tableRows(workbook, SHEET_NAMES.units);
    const expected = await t.prisma.unit.findMany({ where: { communeId: P01, kind: "KDC", isActive: true }, select: { name: true } });
    expect(units.map((row) => row[UNIT_COLUMNS.indexOf("Tên đơn vị")]).sort()).toEqual(expected.map((u) => u.name).sort());
    expect(tableRows(workbook, SHEET_NAMES.communes).map((row) => row[0])).toEqual(["Phường Lào Cai"]);
  });
});

describe("dashboard URL (shared by the page and the export)", () => {
  it("keeps valid filters, drops bad ones, defaults the year", () => {
    expect(parseDashboardParams({ year: "2025", communeId: P01, kind: "DN", sector: "PRIVATE_ENTERPRISE", sort: "-kdc" }, 2026)).toEqual({
      filters: { year: 2025, communeId: P01, kind: "DN", sector: "PRIVATE_ENTERPRISE" },
      sort: { key: "kdc", descending: true },
    });
    expect(parseDashboardParams({ year: "abc", communeId: "1; DROP TABLE", kind: "XX", sector: "", sort: "password" }, 2026)).toEqual({ filters: { year: 2026 } });
    expect(parseDashboardParams(new URLSearchParams("year=1999&kind=KDC&kind=CQ"), 2026)).toEqual({ filters: { year: 2026, kind: "KDC" } });
    expect(dashboardHref("/dashboard", { year: 2026, kind: "KDC" }, { key: "name", descending: false })).toBe("/dashboard?year=2026&kind=KDC&sort=name");
  });

  it("sorts the communes by a column, ties and empty communes kept in place", async () => {
    const { communes } = await getDashboard(t.prisma, await demoActor("lanhdao"), { year: DEMO_YEAR });
    // Default: at-risk first (the query's order).
    const risk = communes.map((c) => c.atRisk);
    expect(risk).toEqual([...risk].sort((a, b) => Number(b) - Number(a)));
    expect(sortCommunes(communes)).toEqual(communes);

    const byKdc = sortCommunes(communes, { key: "kdc", descending: true });
    expect(byKdc.map((c) => c.kdc)).toEqual(communes.map((c) => c.kdc).sort((a, b) => b - a));
    const share = (c: CommuneRow) => c.recognised / c.eligible;
    const byRecognised = sortCommunes(communes.filter((c) => c.eligible > 0), { key: "recognised", descending: false });
    for (let i = 1; i < byRecognised.length; i++) expect(share(byRecognised[i]!)).toBeGreaterThanOrEqual(share(byRecognised[i - 1]!));
    const empty: CommuneRow = { ...communes[0]!, communeId: "x", name: "Xã trống", kdc: 0, cq: 0, dn: 0, csgd: 0, eligible: 0, registered: 0, recognised: 0 };
    for (const descending of [false, true]) expect(sortCommunes([empty, ...communes], { key: "registered", descending }).at(-1)).toBe(empty);
    const byName = sortCommunes(communes, { key: "name", descending: false }).map((c) => c.name);
    expect(byName).toEqual([...byName].sort(new Intl.Collator("vi").compare));
  });
});
