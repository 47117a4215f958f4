import { describe, expect, it } from "vitest";
import { checkCandidate, CANDIDATE_RULES, NATIONAL_RECOGNISED_YEARS, PROVINCIAL_FLAG_RECOGNISED_YEARS, ruleDescription } from "./rules";
import { consecutiveYearsEndingAt, parseRecord, recordLines, yearRanges, type NomineeRecord } from "./record";
import { AWARD_KINDS, AWARD_KIND_LABELS, defaultProposalTitle } from "./kinds";

const cls = (year: number, rank: number, name = rank === 1 ? "Xuất sắc" : "Khá") => ({ year, classCode: rank === 1 ? "XUAT_SAC" : "KHA", className: name, classRank: rank, reviewedTotal: rank === 1 ? "95.50" : "80.00" });
const record = (r: Partial<NomineeRecord>): NomineeRecord => ({ recognisedYears: [], classes: [], awards: [], ...r });

describe("nominee record", () => {
  it("counts consecutive years ending with the year", () => {
    expect(consecutiveYearsEndingAt([2022, 2024, 2025, 2026], 2026)).toBe(3);
    expect(consecutiveYearsEndingAt([2024, 2025], 2026)).toBe(0);
    expect(consecutiveYearsEndingAt([], 2026)).toBe(0);
  });

  it("writes years as runs", () => {
    expect(yearRanges([2026, 2022, 2024, 2025, 2025])).toBe("2022, 2024–2026");
    expect(yearRanges([])).toBe("");
  });

  it("reads as Vietnamese lines: recognition for a TT124 unit, classes with points, awards with their decision", () => {
    const r = record({ recognisedYears: [2025, 2026], classes: [cls(2026, 1)], awards: [{ year: 2025, kind: "GIAY_KHEN", decisionNumber: "12/QĐ-CAT", issuedOn: "2025-12-01" }] });
    expect(recordLines(r, { tt124Unit: true })).toEqual([
      'Đạt tiêu chuẩn "An toàn về an ninh, trật tự": 2025–2026',
      "Xếp loại phong trào: năm 2026 Xuất sắc (95,50 điểm)",
      "Khen thưởng: năm 2025 Giấy khen (Quyết định số 12/QĐ-CAT)",
    ]);
    expect(recordLines(record({}), { tt124Unit: false })).toEqual([]);
    expect(recordLines(record({}), { tt124Unit: true })[0]).toMatch(/^Chưa được công nhận/);
  });

  it("a malformed frozen record reads as none", () => {
    expect(parseRecord(null)).toBeNull();
    expect(parseRecord({ recognisedYears: "2026" })).toBeNull();
    expect(parseRecord({ recognisedYears: [2026, "x"], classes: [], awards: [] })).toEqual(record({ recognisedYears: [2026] }));
  });
});

describe("candidate rules (provisional, as data)", () => {
  it("Giấy khen and Bằng khen: the best class this year", () => {
    for (const kind of ["GIAY_KHEN", "BANG_KHEN_CHU_TICH_UBND_TINH"] as const) {
      expect(checkCandidate(kind, 2026, record({ classes: [cls(2026, 1)] }), { tt124Unit: true }).eligible).toBe(true);
      const khá = checkCandidate(kind, 2026, record({ classes: [cls(2026, 2)], recognisedYears: [2026] }), { tt124Unit: true });
      expect(khá).toEqual({ eligible: false, met: [], missing: ["Xếp loại cao nhất năm 2026"] });
      // Last year's class does not count for this year.
      expect(checkCandidate(kind, 2026, record({ classes: [cls(2025, 1)] }), { tt124Unit: true }).eligible).toBe(false);
    }
  });

  it("Cờ thi đua of the province: the best class and N years of recognition in a row, not asked of a participant", () => {
    const years = Array.from({ length: PROVINCIAL_FLAG_RECOGNISED_YEARS }, (_, i) => 2026 - i);
    expect(checkCandidate("CO_THI_DUA_UBND_TINH", 2026, record({ classes: [cls(2026, 1)], recognisedYears: years }), { tt124Unit: true })).toMatchObject({ eligible: true });
    const gap = checkCandidate("CO_THI_DUA_UBND_TINH", 2026, record({ classes: [cls(2026, 1)], recognisedYears: [2026] }), { tt124Unit: true });
    expect(gap.eligible).toBe(PROVINCIAL_FLAG_RECOGNISED_YEARS <= 1);
    expect(gap.missing.join()).toContain("mới 1 năm");
    expect(checkCandidate("CO_THI_DUA_UBND_TINH", 2026, record({ classes: [cls(2026, 1)] }), { tt124Unit: false }).eligible).toBe(true);
  });

  it("national forms build on an earlier award of the level below, within the years allowed", () => {
    const base = { classes: [cls(2025, 1), cls(2026, 1)], recognisedYears: Array.from({ length: NATIONAL_RECOGNISED_YEARS }, (_, i) => 2026 - i) };
    const prior = { year: 2024, kind: "BANG_KHEN_CHU_TICH_UBND_TINH" as const, decisionNumber: "05/QĐ-UBND", issuedOn: "2024-12-20" };
    expect(checkCandidate("BANG_KHEN_THU_TUONG", 2026, record({ ...base, awards: [prior] }), { tt124Unit: true }).eligible).toBe(true);
    expect(checkCandidate("BANG_KHEN_THU_TUONG", 2026, record(base), { tt124Unit: true }).missing).toEqual(["Đã được tặng Bằng khen UBND tỉnh hoặc Cờ thi đua UBND tỉnh"]);
    // Too old, or given the same year, does not count.
    expect(checkCandidate("BANG_KHEN_THU_TUONG", 2026, record({ ...base, awards: [{ ...prior, year: 2019 }] }), { tt124Unit: true }).eligible).toBe(false);
    expect(checkCandidate("BANG_KHEN_THU_TUONG", 2026, record({ ...base, awards: [{ ...prior, year: 2026 }] }), { tt124Unit: true }).eligible).toBe(false);
    expect(checkCandidate("BANG_KHEN_THU_TUONG", 2026, record({ ...base, classes: [cls(2026, 1)], awards: [prior] }), { tt124Unit: true }).missing).toEqual(["Xếp loại cao nhất 2 năm liên tục (mới 1 năm)"]);
  });

  it("every kind has a rule, a Vietnamese label and description, and a title", () => {
    for (const kind of AWARD_KINDS) {
      expect(CANDIDATE_RULES[kind].topClassYears).toBeGreaterThanOrEqual(1);
      expect(AWARD_KIND_LABELS[kind]).toMatch(/[\u00C0-\u1EF9]/);
      expect(ruleDescription(kind)).toMatch(/^xếp loại cao nhất/);
      expect(defaultProposalTitle(kind, 2026)).toMatch(/năm 2026$/);
    }
  });
});
