/**
 * Báo cáo kết quả thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm …: the provincial
 * police's report to UBND tỉnh under plan 195/KH-UBND §VI.6 (before 20/11), laid out as a báo cáo of
 * NĐ 30/2020/NĐ-CP with the year-end report's helpers (lib/documents/administrative-layout.ts,
 * lib/reports/exports/year-end-report-docx.ts). Every figure is a field of ProvinceMovementFigures as
 * built (ProvinceMovementReport.figures): the document never counts anything itself.
 */
import { AlignmentType, PageOrientation, Paragraph, type Table } from "docx";
import {
  A4,
  PORTRAIT_MARGINS,
  PORTRAIT_TEXT_WIDTH,
  administrativeDocument,
  centered,
  documentHeader,
  layoutTable,
  pageNumberHeaders,
  paragraph,
  recipientsBlock,
  runs,
  rule,
  signatureBlock,
  toDocxBytes,
  type DocxBytes,
} from "@/lib/documents/administrative-layout";
import { formatPlaceAndDate } from "@/lib/documents/vietnamese-date";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { gridTable, simpleHeader, type GridColumn } from "@/lib/reports/exports/year-end-report-docx";
import { numberText, percentText } from "@/lib/reports/exports/labels";
import { DEFAULT_ADDRESSEE, DEFAULT_REPORTER, DEFAULT_REPORT_AUTHORITY, DEFAULT_SYMBOL } from "@/lib/reports/exports/year-end-report-schema";
import { SIGNER_PLACEHOLDER } from "@/lib/reports/year-end-report-queries";
import { MOVEMENT_GROUP_LABEL } from "../groups";
import type { ProvinceMovementFigures } from "../report-figures";

export const MOVEMENT_REPORT_HEADINGS = {
  reports: "I. TÌNH HÌNH THAM GIA VÀ BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG",
  classification: "II. KẾT QUẢ ĐÁNH GIÁ, PHÂN LOẠI PHONG TRÀO",
  tt124: 'III. KẾT QUẢ XÂY DỰNG ĐƠN VỊ ĐẠT TIÊU CHUẨN "AN TOÀN VỀ AN NINH, TRẬT TỰ"',
  models: "IV. MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN",
  awards: "V. KHEN THƯỞNG",
} as const;

/** Printed when the year has no award recorded yet (or no counts were supplied). */
export const NO_AWARD_FIGURES = "Trong năm chưa có quyết định khen thưởng nào được ghi nhận.";

const BODY = { align: AlignmentType.JUSTIFIED, firstLine: 720, after: 6, lineSpacing: 1.15 } as const;
const BLANK_NUMBER = "\u00A0".repeat(8);
const C = AlignmentType.CENTER;
const L = AlignmentType.LEFT;
const R = AlignmentType.RIGHT;

const body = (text: string) => paragraph(runs(text), BODY);
const heading = (text: string) => paragraph(runs(text, { bold: true }), { ...BODY, before: 6, keepNext: true });
const gap = () => paragraph([], { after: 6 });

export type ProvinceMovementReportInput = {
  figures: ProvinceMovementFigures;
  /** yyyy-mm-dd of the "Lào Cai, ngày …" line. */
  issuedOn: string;
  place: string;
  /** "125/BC-CAT" once numbered; blank for the leader to fill in. */
  number?: string | null;
};

/** Rows of table I, as printed (exported for tests). */
export function reportRowsTexts(f: ProvinceMovementFigures): string[][] {
  return f.groups.map((g, i) => [
    String(i + 1),
    g.label,
    numberText(g.participants),
    g.reports ? numberText(g.reports.submitted) : "Báo cáo qua xã, phường",
    g.reports ? numberText(g.reports.onTime) : "",
    g.reports ? numberText(g.reports.late) : "",
    g.reports ? numberText(Math.max(0, g.reports.expected - g.reports.submitted)) : "",
  ]);
}

/** Rows of table II: one per group and class reached, then the group's unclassified evaluations. */
export function classificationRowsTexts(f: ProvinceMovementFigures): string[][] {
  const rows: string[][] = [];
  for (const g of f.groups) {
    const evaluated = g.evaluations.DRAFT + g.evaluations.SUBMITTED + g.evaluations.RETURNED + g.evaluations.CLASSIFIED;
    if (g.classes.length === 0) rows.push([g.label, "Chưa phân loại", "0", ""]);
    for (const c of g.classes) rows.push([g.label, c.name, numberText(c.count), percentText(c.count, g.classified)]);
    if (evaluated > g.classified) rows.push([g.label, "Đang đánh giá (chưa phân loại)", numberText(evaluated - g.classified), ""]);
  }
  return rows;
}

export function tt124RowsTexts(f: ProvinceMovementFigures): string[][] {
  const rows = UNIT_KINDS.map((k) => {
    const t = f.tt124.byKind[k];
    return [UNIT_KIND_LABELS[k], numberText(t.eligible), numberText(t.registered), numberText(t.recognised), percentText(t.recognised, t.eligible)];
  });
  const t = f.tt124.total;
  rows.push(["Tổng cộng", numberText(t.eligible), numberText(t.registered), numberText(t.recognised), percentText(t.recognised, t.eligible)]);
  return rows;
}

function tables(f: ProvinceMovementFigures): (Paragraph | Table)[] {
  const w = PORTRAIT_TEXT_WIDTH;
  const reportCols: GridColumn[] = [
    { width: 500, align: C },
    { width: w - 500 - 4 * 1100 - 1300, align: L },
    { width: 1300, align: R },
    { width: 1100, align: R },
    { width: 1100, align: R },
    { width: 1100, align: R },
    { width: 1100, align: R },
  ];
  const classCols: GridColumn[] = [
    { width: 3600, align: L },
    { width: w - 3600 - 1200 - 1200, align: L },
    { width: 1200, align: R },
    { width: 1200, align: R },
  ];
  const ttCols: GridColumn[] = [
    { width: w - 4 * 1300, align: L },
    { width: 1300, align: R },
    { width: 1300, align: R },
    { width: 1300, align: R },
    { width: 1300, align: R },
  ];
  const modelCols: GridColumn[] = [
    { width: w - 2 * 1800, align: L },
    { width: 1800, align: R },
    { width: 1800, align: R },
  ];
  const out: (Paragraph | Table)[] = [];
  const totalSubmitted = f.groups.reduce((s, g) => s + (g.reports?.submitted ?? 0), 0);
  const totalExpected = f.groups.reduce((s, g) => s + (g.reports?.expected ?? 0), 0);
  const totalLate = f.groups.reduce((s, g) => s + (g.reports?.late ?? 0), 0);
  out.push(
    heading(MOVEMENT_REPORT_HEADINGS.reports),
    body(
      `Đến thời điểm tổng hợp, Công an tỉnh nhận được ${numberText(totalSubmitted)}/${numberText(totalExpected)} báo cáo của các cơ quan, đơn vị, địa phương ` +
        `(${numberText(totalLate)} báo cáo gửi sau ngày ${f.deadlines.unitReportEnd.slice(8, 10)}/${f.deadlines.unitReportEnd.slice(5, 7)}/${f.year}); khu dân cư báo cáo qua Ủy ban nhân dân xã, phường.`,
    ),
    gridTable(reportCols, simpleHeader(reportCols, ["STT", "Nhóm đối tượng", "Số tham gia", "Đã báo cáo", "Đúng hạn", "Muộn", "Chưa báo cáo"]), reportRowsTexts(f)),
    gap(),
    heading(MOVEMENT_REPORT_HEADINGS.classification),
    body(`Kết quả đánh giá, phân loại phong trào năm ${f.year} theo bảng chấm điểm của từng nhóm đối tượng (các đánh giá đã được Công an tỉnh phân loại):`),
    gridTable(classCols, simpleHeader(classCols, ["Nhóm đối tượng", "Xếp loại", "Số lượng", "Tỷ lệ"]), classificationRowsTexts(f)),
    gap(),
    heading(MOVEMENT_REPORT_HEADINGS.tt124),
    body(
      `Năm ${f.year}, ${numberText(f.tt124.total.registered)}/${numberText(f.tt124.total.eligible)} đơn vị thuộc diện đã đăng ký; ` +
        `${numberText(f.tt124.total.recognised)} đơn vị được công nhận đạt tiêu chuẩn (${percentText(f.tt124.total.recognised, f.tt124.total.eligible)}).`,
    ),
    gridTable(ttCols, simpleHeader(ttCols, ["Loại đơn vị", "Thuộc diện", "Đã đăng ký", "Được công nhận", "Tỷ lệ công nhận"]), tt124RowsTexts(f)),
    gap(),
    heading(MOVEMENT_REPORT_HEADINGS.models),
    body(
      `Các đơn vị ghi nhận ${numberText(f.models.total)} mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${f.year}, ` +
        `trong đó ${numberText(f.models.effective)} mô hình hoạt động hiệu quả; các báo cáo gửi Công an tỉnh nêu ${numberText(f.models.declaredInReports)} mô hình đang duy trì.`,
    ),
    gridTable(
      modelCols,
      simpleHeader(modelCols, ["Loại đơn vị", "Số mô hình", "Hoạt động hiệu quả"]),
      UNIT_KINDS.map((k) => [UNIT_KIND_LABELS[k], numberText(f.models.byKind[k].models), numberText(f.models.byKind[k].effective)]),
    ),
    gap(),
    heading(MOVEMENT_REPORT_HEADINGS.awards),
  );
  if (!f.awards || f.awards.length === 0) out.push(body(NO_AWARD_FIGURES));
  else {
    const awardCols: GridColumn[] = [
      { width: 3600, align: L },
      { width: w - 3600 - 1500, align: L },
      { width: 1500, align: R },
    ];
    out.push(
      gridTable(
        awardCols,
        simpleHeader(awardCols, ["Nhóm đối tượng", "Hình thức khen thưởng", "Số lượng"]),
        f.awards.map((a) => [MOVEMENT_GROUP_LABEL[a.group], `${a.title}${a.collective ? " (tập thể)" : " (cá nhân)"}`, numberText(a.count)]),
      ),
    );
  }
  return out;
}

export function provinceMovementReportTitle(year: number): string {
  return `Kết quả thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm ${year}`;
}

export async function buildProvinceMovementReportDocx(input: ProvinceMovementReportInput): Promise<DocxBytes> {
  const f = input.figures;
  const addressee = DEFAULT_ADDRESSEE;
  const title = provinceMovementReportTitle(f.year);
  const document = administrativeDocument({ title: `Báo cáo ${title.slice(0, 1).toLowerCase()}${title.slice(1)}`, description: `Báo cáo theo Kế hoạch số 195/KH-UBND, năm ${f.year}` }, [
    {
      properties: { titlePage: true, page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: PORTRAIT_MARGINS } },
      headers: pageNumberHeaders(),
      children: [
        documentHeader({
          authority: { ...DEFAULT_REPORT_AUTHORITY },
          number: input.number ?? `${BLANK_NUMBER}/${DEFAULT_SYMBOL}`,
          placeAndDate: formatPlaceAndDate(input.place, input.issuedOn),
          columnWidths: [3600, PORTRAIT_TEXT_WIDTH - 3600],
        }),
        centered("BÁO CÁO", { bold: true }, { before: 24, keepNext: true }),
        centered(title, { bold: true }, { keepNext: true }),
        rule(PORTRAIT_TEXT_WIDTH * 0.25, PORTRAIT_TEXT_WIDTH, 0),
        centered(`Kính gửi: ${addressee}.`, {}, { before: 12, after: 12 }),
        body(
          `Thực hiện Kế hoạch số 195/KH-UBND ngày 17/12/2025 của Ủy ban nhân dân tỉnh về thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc", ` +
            `trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương, ${DEFAULT_REPORTER} báo cáo kết quả năm ${f.year} như sau:`,
        ),
        ...tables(f),
        body(`Trên đây là báo cáo kết quả thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm ${f.year} của ${DEFAULT_REPORTER}, kính báo cáo ${addressee} xem xét, chỉ đạo./.`),
        gap(),
        layoutTable([[recipientsBlock(["Như trên"], "VT"), signatureBlock({ ...SIGNER_PLACEHOLDER }, { signatureSpace: 84 })]], [4400, PORTRAIT_TEXT_WIDTH - 4400]),
      ],
    },
  ]);
  return toDocxBytes(document);
}

/** "Bao-cao-phong-trao-2026.docx": ASCII, for Content-Disposition. */
export function provinceMovementReportFileName(year: number, ext: "docx" | "xlsx"): string {
  return `Bao-cao-phong-trao-${year}.${ext}`;
}
