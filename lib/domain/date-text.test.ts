import { describe, expect, it } from "vitest";
import { isoToDateText, maskDateTyping, normaliseDateText } from "./date-text";
import { toIsoDate } from "@/lib/validation/input-rules";

describe("isoToDateText", () => {
  it("shows a stored date as Vietnamese write it", () => {
    expect(isoToDateText("2026-03-05")).toBe("05/03/2026");
    expect(isoToDateText("")).toBe("");
    expect(isoToDateText(null)).toBe("");
    expect(isoToDateText("05/03/2026")).toBe("05/03/2026");
  });
});

describe("maskDateTyping", () => {
  /** Types the characters one by one, as a person does. */
  const type = (text: string) => [...text].reduce((shown, ch) => maskDateTyping(shown, shown + ch), "");

  it("puts the slashes in while digits are typed", () => {
    expect(type("05032026")).toBe("05/03/2026");
    expect(type("0503")).toBe("05/03/");
    expect(type("05")).toBe("05/");
  });
  it("keeps slashes the person types", () => {
    expect(type("05/03/2026")).toBe("05/03/2026");
    expect(type("5/3/2026")).toBe("5/3/2026");
  });
  it("leaves deleting and editing inside alone", () => {
    expect(maskDateTyping("05/", "05")).toBe("05");
    expect(maskDateTyping("05/03/2026", "05/0/2026")).toBe("05/0/2026");
    expect(maskDateTyping("05/03/2026", "15/03/2026")).toBe("15/03/2026");
  });
  it("does not reshape letters or other text", () => {
    expect(maskDateTyping("", "h")).toBe("h");
    expect(maskDateTyping("2026-0", "2026-03")).toBe("2026-03");
  });
});

describe("normaliseDateText", () => {
  it.each([
    ["5/3/2026", "05/03/2026"],
    ["05.03.2026", "05/03/2026"],
    ["05032026", "05/03/2026"],
    [" 05/03/2026 ", "05/03/2026"],
    ["2026-03-05", "05/03/2026"],
    ["31/02/2026", "31/02/2026"],
    ["hôm qua", "hôm qua"],
  ])("%s → %s", (typed, shown) => {
    expect(normaliseDateText(typed)).toBe(shown);
  });

  it("gives the schemas text they read as the same day", () => {
    expect(toIsoDate(normaliseDateText("5/3/2026"))).toBe("2026-03-05");
    expect(toIsoDate(normaliseDateText("31/02/2026"))).toBeNull();
  });
});

describe("one way to write a date and one year boundary (issue 11 §6)", () => {
  it("formats ISO dates and UTC-midnight dates alike, as dd/MM/yyyy", async () => {
    const { formatIsoDate } = await import("./date-text");
    expect(formatIsoDate("2026-03-05")).toBe("05/03/2026");
    expect(formatIsoDate(new Date("2026-12-31T00:00:00.000Z"))).toBe("31/12/2026");
    const { formatDate } = await import("@/lib/format");
    const { formatDayMonthYear } = await import("@/lib/registry/import/cells");
    const { formatShortDate } = await import("@/lib/documents/vietnamese-date");
    const { formatDateVi } = await import("@/lib/criteria/window");
    const day = new Date("2026-01-09T00:00:00.000Z");
    expect([formatDate(day), formatDayMonthYear(day), formatShortDate("2026-01-09"), formatDateVi("2026-01-09")]).toEqual(Array(4).fill("09/01/2026"));
  });

  it("every module counts a year on the same day, the end of the Đ8 k2 window", async () => {
    const { yearReferenceDate, evaluationWindow } = await import("@/lib/criteria/window");
    const { referenceDate } = await import("@/lib/rules/competence");
    const placement = await import("@/lib/registry/placement-rules");
    expect(yearReferenceDate(2026)).toBe("2026-11-15");
    expect(referenceDate(2026)).toBe(yearReferenceDate(2026));
    expect(placement.yearReferenceDate(2026)).toBe(yearReferenceDate(2026));
    expect(evaluationWindow("CQDN", 2026).to).toBe(yearReferenceDate(2026));
  });

  it("the current evaluation year is Việt Nam's calendar year, whatever the server's zone", async () => {
    const { currentEvaluationYear } = await import("./evaluation-year");
    expect(currentEvaluationYear(new Date("2026-12-31T16:59:59Z"))).toBe(2026);
    expect(currentEvaluationYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
  });
});
