/**
 * The movement's workbooks (exceljs): the province report's figures as built (one sheet per table of
 * the .docx) and the five-year summary 2026–2030. Numbers are written as numbers; a share is the exact
 * fraction in a percent cell, empty when the denominator is 0. Pure: figures in, bytes out.
 */
import ExcelJS from "exceljs";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { MOVEMENT_GROUP_LABEL } from "../groups";
import type { GroupSummary, ProvinceMovementFigures } from "../report-figures";
import { NO_AWARD_FIGURES } from "./province-report-docx";

export type XlsxBytes = Uint8Array<ArrayBuffer>;

export const MOVEMENT_SHEETS = {
  reports: "Báo cáo",
  classification: "Phân loại",
  tt124: "Tiêu chuẩn ANTT",
  models: "Mô hình",
  awards: "Khen thưởng",
  summary: "Tổng hợp 5 năm",
} as const;

type Cell = string | number | null;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], rows: Cell[][], percentColumns: number[] = []) {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true };
  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.eachCell((c) => void (c.fill = HEADER_FILL));
  for (const r of rows) ws.addRow(r);
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(h.length, ...rows.map((r) => String(r[i] ?? "").length));
    col.width = Math.min(60, Math.max(10, longest + 2));
    col.numFmt = percentColumns.includes(i) ? "0.0%" : typeof rows[0]?.[i] === "number" ? "#,##0" : "@";
  });
  ws.views = [{ state: "frozen", ySplit: 2 }];
  if (rows.length) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: headers.length } };
  return ws;
}

export async function buildProvinceMovementXlsx(f: ProvinceMovementFigures): Promise<XlsxBytes> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ANTT";
  wb.created = new Date(f.generatedAt);
  const scope = `năm ${f.year} (số liệu lúc ${f.generatedAt.slice(0, 16).replace("T", " ")} UTC)`;
  sheet(
    wb,
    MOVEMENT_SHEETS.reports,
    `Tham gia phong trào và báo cáo gửi Công an tỉnh ${scope}`,
    ["Nhóm đối tượng", "Số tham gia", "Đã báo cáo", "Đúng hạn", "Muộn", "Chưa báo cáo"],
    f.groups.map((g) => [g.label, g.participants, g.reports?.submitted ?? null, g.reports?.onTime ?? null, g.reports?.late ?? null, g.reports ? Math.max(0, g.reports.expected - g.reports.submitted) : null]),
  );
  sheet(
    wb,
    MOVEMENT_SHEETS.classification,
    `Kết quả phân loại phong trào ${scope}`,
    ["Nhóm đối tượng", "Hạng", "Mã xếp loại", "Xếp loại", "Số lượng", "Tỷ lệ trong nhóm"],
    f.groups.flatMap((g) => g.classes.map((c) => [g.label, c.rank, c.code, c.name, c.count, share(c.count, g.classified)])),
    [5],
  );
  sheet(
    wb,
    MOVEMENT_SHEETS.tt124,
    `Kết quả xây dựng đơn vị đạt tiêu chuẩn "An toàn về an ninh, trật tự" ${scope}`,
    ["Loại đơn vị", "Thuộc diện", "Đã đăng ký", "Được công nhận", "Tỷ lệ công nhận"],
    [...UNIT_KINDS.map((k) => [UNIT_KIND_LABELS[k], f.tt124.byKind[k].eligible, f.tt124.byKind[k].registered, f.tt124.byKind[k].recognised, share(f.tt124.byKind[k].recognised, f.tt124.byKind[k].eligible)] as Cell[]),
      ["Tổng cộng", f.tt124.total.eligible, f.tt124.total.registered, f.tt124.total.recognised, share(f.tt124.total.recognised, f.tt124.total.eligible)]],
    [4],
  );
  sheet(
    wb,
    MOVEMENT_SHEETS.models,
    `Mô hình phong trào ${scope}; báo cáo gửi Công an tỉnh nêu ${f.models.declaredInReports} mô hình đang duy trì`,
    ["Loại đơn vị", "Số mô hình", "Hoạt động hiệu quả"],
    [...UNIT_KINDS.map((k) => [UNIT_KIND_LABELS[k], f.models.byKind[k].models, f.models.byKind[k].effective] as Cell[]), ["Tổng cộng", f.models.total, f.models.effective]],
  );
  sheet(
    wb,
    MOVEMENT_SHEETS.awards,
    f.awards && f.awards.length ? `Khen thưởng ${scope}` : NO_AWARD_FIGURES,
    ["Nhóm đối tượng", "Hình thức khen thưởng", "Tập thể / cá nhân", "Số lượng"],
    (f.awards ?? []).map((a) => [MOVEMENT_GROUP_LABEL[a.group], a.title, a.collective ? "Tập thể" : "Cá nhân", a.count]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer()) as XlsxBytes;
}

/** One row per group and year: evaluations, classes (columns by the best three ranks seen), TT124 recognition. */
export async function buildMovementSummaryXlsx(summary: GroupSummary[], from: number, to: number): Promise<XlsxBytes> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ANTT";
  const rows: Cell[][] = [];
  for (const g of summary) {
    for (const y of g.years) {
      rows.push([
        g.label,
        y.year,
        y.evaluated,
        y.classified,
        y.classes.map((c) => `${c.name}: ${c.count}`).join("; ") || null,
        y.classes.find((c) => c.rank === 1)?.count ?? 0,
        share(y.classes.find((c) => c.rank === 1)?.count ?? 0, y.classified),
        y.tt124?.eligible ?? null,
        y.tt124?.recognised ?? null,
        y.tt124 ? share(y.tt124.recognised, y.tt124.eligible) : null,
      ]);
    }
  }
  const ws = sheet(
    wb,
    MOVEMENT_SHEETS.summary,
    `Tổng hợp phong trào giai đoạn ${from}–${to} theo nhóm đối tượng`,
    ["Nhóm đối tượng", "Năm", "Số được đánh giá", "Đã phân loại", "Xếp loại", "Hạng cao nhất", "Tỷ lệ hạng cao nhất", "Đơn vị thuộc diện (TT124)", "Được công nhận (TT124)", "Tỷ lệ công nhận (TT124)"],
    rows,
    [6, 9],
  );
  ws.getColumn(2).numFmt = "0";
  return new Uint8Array(await wb.xlsx.writeBuffer()) as XlsxBytes;
}
