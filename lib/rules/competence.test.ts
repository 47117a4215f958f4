import { describe, expect, it } from "vitest";
import {
  BUILT_IN_COMPETENCE,
  competenceRuleFor,
  competenceTableFor,
  decisionDeadlineOf,
  earliestNewEffectiveFrom,
  isApplied,
  isDayOfEveryYear,
  referenceDate,
  reviewerLevels,
  type CompetenceRow,
} from "./competence";
import { competenceRuleSchema } from "./rule-schemas";
import { deadlinesFor } from "@/lib/workflow/deadlines";
import { defaultCycleCalendar } from "@/lib/workflow/cycle-calendar";

const row = (over: Partial<CompetenceRow>): CompetenceRow => ({ ...BUILT_IN_COMPETENCE.XA, id: "r", provisional: false, note: null, ...over });

const XA_2022 = row({ id: "xa-2022", effectiveFrom: "2022-02-10", reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineDay: 20 });
const XA_2025 = row({ id: "xa-2025", effectiveFrom: "2025-07-01", reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineDay: 25 });
const XA_2026_LATE = row({ id: "xa-2026-12", effectiveFrom: "2026-12-01", reviewerLevel: "COMMUNE_POLICE", deciderKind: "UBND_XA", decisionDeadlineDay: 30 });
const ROWS = [XA_2026_LATE, XA_2022, XA_2025];

describe("competenceRuleFor: the latest row effective on 15/11 of the evaluation year", () => {
  it("reads the row valid on the reference day, whatever the order of the rows", () => {
    expect(referenceDate(2026)).toBe("2026-11-15");
    expect(competenceRuleFor(ROWS, "XA", 2024).id).toBe("xa-2022");
    expect(competenceRuleFor(ROWS, "XA", 2025).id).toBe("xa-2025");
    // Effective 1/12/2026: after 15/11/2026, so it governs 2027 onwards, never 2026.
    expect(competenceRuleFor(ROWS, "XA", 2026).id).toBe("xa-2025");
    expect(competenceRuleFor(ROWS, "XA", 2027).id).toBe("xa-2026-12");
  });

  it("a row effective exactly on the reference day governs that year", () => {
    const onTheDay = row({ id: "on", effectiveFrom: "2026-11-15" });
    expect(competenceRuleFor([XA_2025, onTheDay], "XA", 2026).id).toBe("on");
  });

  it("falls back to the built-in default for a kind without rows, or before its first row", () => {
    expect(competenceRuleFor(ROWS, "KDC", 2026)).toBe(BUILT_IN_COMPETENCE.KDC);
    expect(competenceRuleFor([XA_2025], "XA", 2024)).toBe(BUILT_IN_COMPETENCE.XA);
    expect(BUILT_IN_COMPETENCE.KDC).toMatchObject({ reviewerLevel: "COMMUNE_POLICE", deciderKind: "UBND_XA", decisionDeadlineMonth: 11, decisionDeadlineDay: 15 });
    expect(BUILT_IN_COMPETENCE.CQ).toMatchObject({ reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineDay: 20 });
  });

  it("a table gives every kind; reviewer levels and deadlines come from it", () => {
    const table = competenceTableFor(ROWS, 2027);
    expect(reviewerLevels(table)).toEqual({ KDC: "COMMUNE_POLICE", XA: "COMMUNE_POLICE", CQ: "PROVINCIAL_POLICE", DN: "PROVINCIAL_POLICE", CSGD: "PROVINCIAL_POLICE" });
    expect(decisionDeadlineOf(table.XA, 2027)).toBe("2027-11-30");
    expect(deadlinesFor("XA", defaultCycleCalendar(2027), table.XA).decision).toBe("2027-11-30");
    expect(deadlinesFor("KDC", defaultCycleCalendar(2027)).decision).toBe("2027-11-15");
  });
});

describe("what may change", () => {
  it("a new row must start after the reference day of the latest decided year", () => {
    expect(earliestNewEffectiveFrom(null)).toBeNull();
    expect(earliestNewEffectiveFrom(2026)).toBe("2026-11-16");
    expect(earliestNewEffectiveFrom(2025)).toBe("2025-11-16");
  });

  it("a row is applied when it may govern a decided year", () => {
    expect(isApplied(XA_2025, null)).toBe(false);
    expect(isApplied(XA_2025, 2025)).toBe(true);
    expect(isApplied(XA_2026_LATE, 2026)).toBe(false);
    expect(isApplied(row({ effectiveFrom: "2026-11-15" }), 2026)).toBe(true);
    expect(isApplied(row({ effectiveFrom: "2026-11-16" }), 2026)).toBe(false);
  });

  it("the deadline is a day that exists every year", () => {
    expect(isDayOfEveryYear(11, 20)).toBe(true);
    expect(isDayOfEveryYear(2, 28)).toBe(true);
    expect(isDayOfEveryYear(2, 29)).toBe(false);
    expect(isDayOfEveryYear(4, 31)).toBe(false);
    expect(isDayOfEveryYear(13, 1)).toBe(false);
    expect(isDayOfEveryYear(0, 1)).toBe(false);
    expect(isDayOfEveryYear(12, 31)).toBe(true);
  });

  it("the form schema refuses a deadline that is not a day of every year and unknown values, in Vietnamese", () => {
    const ok = { unitKind: "XA", effectiveFrom: "01/01/2027", reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineDay: "20", decisionDeadlineMonth: "11", note: "" };
    expect(competenceRuleSchema.parse(ok)).toMatchObject({ effectiveFrom: "2027-01-01", decisionDeadlineDay: 20, decisionDeadlineMonth: 11, provisional: false, note: null });
    const bad = competenceRuleSchema.safeParse({ ...ok, decisionDeadlineDay: "30", decisionDeadlineMonth: "2" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain("không có trong mọi năm");
    expect(competenceRuleSchema.safeParse({ ...ok, deciderKind: "BO_CONG_AN" }).success).toBe(false);
    expect(competenceRuleSchema.safeParse({ ...ok, reviewerLevel: "X" }).success).toBe(false);
    expect(competenceRuleSchema.safeParse({ ...ok, effectiveFrom: "31/02/2027" }).success).toBe(false);
  });
});
