import { describe, expect, it } from "vitest";
import { openDocx } from "@/lib/documents/docx-test-helpers";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import type { ProvinceMovementFigures } from "../report-figures";
import { buildProvinceMovementReportDocx, classificationRowsTexts, MOVEMENT_REPORT_HEADINGS, NO_AWARD_FIGURES, reportRowsTexts, tt124RowsTexts } from "./province-report-docx";

const figures = (over: Partial<ProvinceMovementFigures> = {}): ProvinceMovementFigures => ({
  year: 2026,
  generatedAt: "2026-11-18T02:00:00.000Z",
  deadlines: { unitReportEnd: "2026-11-15", provinceReportEnd: "2026-11-20" },
  groups: [
    { group: "COMMUNE", label: "Ủy ban nhân dân xã, phường", participants: 1200, reports: { expected: 1200, submitted: 1100, onTime: 1000, late: 100 }, evaluations: { DRAFT: 0, SUBMITTED: 5, RETURNED: 0, CLASSIFIED: 10 }, classes: [{ rank: 1, code: "XS", name: "Xuất sắc", count: 3 }, { rank: 2, code: "KHA", name: "Khá", count: 7 }], classified: 10 },
    { group: "RESIDENTIAL_AREA", label: "Thôn, tổ dân phố", participants: 40, reports: null, evaluations: { DRAFT: 0, SUBMITTED: 0, RETURNED: 0, CLASSIFIED: 0 }, classes: [], classified: 0 },
  ],
  tt124: { byKind: Object.fromEntries(UNIT_KINDS.map((k) => [k, { eligible: 10, registered: 9, recognised: 7 }])) as ProvinceMovementFigures["tt124"]["byKind"], total: { eligible: 50, registered: 45, recognised: 35 } },
  models: { byKind: Object.fromEntries(UNIT_KINDS.map((k) => [k, { models: 2, effective: 1 }])) as ProvinceMovementFigures["models"]["byKind"], total: 10, effective: 5, declaredInReports: 12 },
  awards: null,
  ...over,
});

describe("province movement report rows", () => {
  it("prints the counts with Vietnamese separators; a KDC group says it reports through its commune", () => {
    expect(reportRowsTexts(figures())).toEqual([
      ["1", "Ủy ban nhân dân xã, phường", "1.200", "1.100", "1.000", "100", "100"],
      ["2", "Thôn, tổ dân phố", "40", "Báo cáo qua xã, phường", "", "", ""],
    ]);
    expect(classificationRowsTexts(figures())).toEqual([
      ["Ủy ban nhân dân xã, phường", "Xuất sắc", "3", "30%"],
      ["Ủy ban nhân dân xã, phường", "Khá", "7", "70%"],
      ["Ủy ban nhân dân xã, phường", "Đang đánh giá (chưa phân loại)", "5", ""],
      ["Thôn, tổ dân phố", "Chưa phân loại", "0", ""],
    ]);
    expect(tt124RowsTexts(figures()).at(-1)).toEqual(["Tổng cộng", "50", "45", "35", "70%"]);
  });
});

describe("buildProvinceMovementReportDocx", () => {
  it("is a báo cáo to UBND tỉnh with every section, the blank number, and awards when given", async () => {
    const doc = await openDocx(await buildProvinceMovementReportDocx({ figures: figures(), issuedOn: "2026-11-18", place: "Lào Cai" }));
    const text = doc.paragraphs.join("\n");
    for (const h of Object.values(MOVEMENT_REPORT_HEADINGS)) expect(text).toContain(h);
    expect(text).toContain(NO_AWARD_FIGURES);
    expect(text).toContain("Lào Cai, ngày 18 tháng 11 năm 2026");
    expect(doc.tables[0]!.flat().join(" ")).toMatch(/Số:\s+\/BC-CAT/);
    const withAwards = await openDocx(await buildProvinceMovementReportDocx({ figures: figures({ awards: [{ group: "COMMUNE", title: "Cờ thi đua", collective: true, count: 2 }] }), issuedOn: "2026-11-18", place: "Lào Cai", number: "125/BC-CAT" }));
    expect(withAwards.paragraphs.join("\n")).not.toContain(NO_AWARD_FIGURES);
    expect(withAwards.tables.some((tb) => tb.some((r) => r.includes("Cờ thi đua (tập thể)") && r.includes("2")))).toBe(true);
  });
});
