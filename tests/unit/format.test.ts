import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPercent } from "@/lib/format";

describe("format", () => {
  it("formats date-only values as dd/MM/yyyy regardless of the server's time zone", () => {
    expect(formatDate(new Date("2026-03-31T00:00:00Z"))).toBe("31/03/2026");
    expect(formatDate(null)).toBe("—");
  });
  it("shows instants in Vietnam's time (UTC+7) on a UTC server", () => {
    expect(formatDateTime(new Date("2026-11-14T17:30:00Z"))).toBe("00:30 15/11/2026");
    expect(formatDateTime(null)).toBe("—");
  });
  it("formats percentages the Vietnamese way", () => {
    expect(formatPercent(2, 3)).toBe("66,7%");
    expect(formatPercent(1, 0)).toBe("—");
  });
});
