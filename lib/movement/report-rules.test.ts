import { describe, expect, it } from "vitest";
import { defaultCycleCalendar } from "@/lib/workflow/cycle-calendar";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { REPORTING_GROUPS, reportGroupOfKind, reportLate, reportsOnItsOwn, submitProblems, trackingStatus } from "./report-rules";

describe("who reports (plan 195 §VI.6)", () => {
  it("every kind but the khu dân cư reports on its own, in its movement group", () => {
    expect(UNIT_KINDS.filter(reportsOnItsOwn)).toEqual(["XA", "CQ", "DN", "CSGD"]);
    expect(reportGroupOfKind("XA")).toBe("COMMUNE");
    for (const k of ["CQ", "DN", "CSGD"] as const) expect(reportGroupOfKind(k)).toBe("AGENCY_ENTERPRISE");
    expect(REPORTING_GROUPS).not.toContain("RESIDENTIAL_AREA");
    expect(REPORTING_GROUPS).not.toContain("INDIVIDUAL");
  });
});

describe("reportLate", () => {
  const calendar = defaultCycleCalendar(2026);
  it("15/11 itself is on time, 16/11 is late", () => {
    expect(calendar.unitReportEnd).toBe("2026-11-15");
    expect(reportLate("2026-11-15", calendar)).toBe(false);
    expect(reportLate("2026-11-16", calendar)).toBe(true);
    expect(reportLate("2027-01-02", calendar)).toBe(true);
  });
  it("follows the year's calendar when an administrator moved the deadline", () => {
    expect(reportLate("2026-11-16", { unitReportEnd: "2026-11-18" })).toBe(false);
  });
});

describe("trackingStatus", () => {
  it("only a SUBMITTED report counts; a draft or a returned report is not submitted", () => {
    expect(trackingStatus(null)).toBe("NOT_SUBMITTED");
    expect(trackingStatus({ state: "DRAFT", late: false })).toBe("NOT_SUBMITTED");
    expect(trackingStatus({ state: "RETURNED", late: true })).toBe("NOT_SUBMITTED");
    expect(trackingStatus({ state: "SUBMITTED", late: false })).toBe("ON_TIME");
    expect(trackingStatus({ state: "SUBMITTED", late: true })).toBe("LATE");
  });
});

describe("submitProblems", () => {
  it("needs the results achieved, nothing else", () => {
    expect(submitProblems({ results: "  " })).toEqual([{ field: "results", message: "Vui lòng nêu kết quả đạt được trước khi gửi báo cáo." }]);
    expect(submitProblems({ results: null })).toHaveLength(1);
    expect(submitProblems({ results: "Đạt", difficulties: null })).toEqual([]);
  });
});
