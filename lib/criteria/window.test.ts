import { describe, expect, it } from "vitest";
import { evaluationWindow, evaluationWindowText, firstQuarterDeadline, formatDateVi, isWithin } from "./window";

describe("evaluation window (Đ8 k2)", () => {
  it("KDC runs 01/11 of Y-1 to 31/10 of Y", () => {
    expect(evaluationWindow("KDC", 2026)).toEqual({ from: "2025-11-01", to: "2026-10-31" });
  });

  it.each(["XA", "CQDN", "CSGD"] as const)("%s runs 16/11 of Y-1 to 15/11 of Y", (kind) => {
    expect(evaluationWindow(kind, 2026)).toEqual({ from: "2025-11-16", to: "2026-11-15" });
  });

  it.each([
    { kind: "KDC" as const, date: "2025-10-31", inside: false },
    { kind: "KDC" as const, date: "2025-11-01", inside: true },
    { kind: "KDC" as const, date: "2026-10-31", inside: true },
    { kind: "KDC" as const, date: "2026-11-01", inside: false },
    { kind: "XA" as const, date: "2025-11-15", inside: false },
    { kind: "XA" as const, date: "2025-11-16", inside: true },
    { kind: "XA" as const, date: "2026-11-15", inside: true },
    { kind: "XA" as const, date: "2026-11-16", inside: false },
  ])("$kind 2026: $date inside=$inside (both ends inclusive)", ({ kind, date, inside }) => {
    expect(isWithin(date, evaluationWindow(kind, 2026))).toBe(inside);
  });

  it("writes the window and dates Vietnamese-style", () => {
    expect(evaluationWindowText("CQDN", 2025)).toBe("16/11/2024–15/11/2025");
    expect(formatDateVi("2026-03-31")).toBe("31/03/2026");
  });

  it("puts the quý I deadline on 31/03 of the evaluation year", () => {
    expect(firstQuarterDeadline(2026)).toBe("2026-03-31");
  });
});
