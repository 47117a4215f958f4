import { describe, expect, it } from "vitest";
import { formatPlaceAndDate, formatShortDate, formatVietnameseDate, parseIsoDate } from "./vietnamese-date";

describe("formatVietnameseDate (NĐ 30: leading zero for days < 10 and months 1–2)", () => {
  it.each([
    ["2026-02-05", "ngày 05 tháng 02 năm 2026"],
    ["2026-11-20", "ngày 20 tháng 11 năm 2026"],
    ["2026-01-15", "ngày 15 tháng 01 năm 2026"],
    ["2026-03-09", "ngày 09 tháng 3 năm 2026"],
    ["2026-12-31", "ngày 31 tháng 12 năm 2026"],
    ["2024-02-29", "ngày 29 tháng 02 năm 2024"],
  ])("%s → %s", (iso, expected) => {
    expect(formatVietnameseDate(iso)).toBe(expected);
  });

  it("writes the place and date line", () => {
    expect(formatPlaceAndDate("Lào Cai", "2026-11-20")).toBe("Lào Cai, ngày 20 tháng 11 năm 2026");
    expect(formatPlaceAndDate(" Hà Nội ", "2026-02-05")).toBe("Hà Nội, ngày 05 tháng 02 năm 2026");
  });

  it("writes the short form used in references", () => {
    expect(formatShortDate("2026-11-20")).toBe("20/11/2026");
    expect(formatShortDate("2026-02-05")).toBe("05/02/2026");
  });

  it("does not depend on the time zone: the first and last day of the year stay where they are", () => {
    expect(formatVietnameseDate("2026-01-01")).toBe("ngày 01 tháng 01 năm 2026");
    expect(formatVietnameseDate("2025-12-31")).toBe("ngày 31 tháng 12 năm 2025");
  });
});

describe("parseIsoDate", () => {
  it("reads real calendar days", () => {
    expect(parseIsoDate("2026-11-20")).toEqual({ year: 2026, month: 11, day: 20 });
    expect(parseIsoDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each(["2026-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-13-01", "2026-11-00", "2026-2-5", "20/11/2026", "2026-11-20T00:00:00Z", ""])(
    "refuses %j",
    (value) => {
      expect(parseIsoDate(value)).toBeNull();
    },
  );

  it("makes the formatters throw a Vietnamese RangeError on a malformed date", () => {
    expect(() => formatVietnameseDate("2026-02-30")).toThrow(RangeError);
    expect(() => formatShortDate("30/02/2026")).toThrow(/Ngày không hợp lệ/);
  });
});
