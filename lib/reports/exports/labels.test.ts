import { describe, expect, it } from "vitest";
import { percentText, ratio, scopeLine } from "./labels";
import { dashboardFixture } from "./test-fixtures";

describe("percentText", () => {
  it("rounds to one decimal with a Vietnamese comma", () => {
    expect(percentText(31, 32)).toBe("96,9%");
    expect(percentText(2, 3)).toBe("66,7%");
    expect(percentText(4, 5)).toBe("80%");
    expect(percentText(7, 10)).toBe("70%");
    expect(percentText(0, 9)).toBe("0%");
  });

  it("never prints a share below an XA-4 threshold as reaching it", () => {
    expect(percentText(6998, 10000)).toBe("69,9%"); // 69,98 % would round to 70 %
    expect(percentText(9996, 10000)).toBe("99,9%"); // 99,96 % would round to 100 %
    expect(percentText(6996, 10000)).toBe("69,9%");
    expect(percentText(7004, 10000)).toBe("70%");
  });

  it("prints a dash, and ratio gives null, for a zero denominator", () => {
    expect(percentText(0, 0)).toBe("—");
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});

describe("scopeLine", () => {
  it("names the year and the province, or the filters", () => {
    expect(scopeLine(dashboardFixture())).toBe("năm 2026 – Toàn tỉnh");
    expect(scopeLine(dashboardFixture({ filters: { year: 2026, communeId: "c-bat-xat", kind: "KDC" } }))).toBe(
      "năm 2026 – Xã Bát Xát – Khu dân cư",
    );
    expect(scopeLine(dashboardFixture({ filters: { year: 2026, communeId: "missing" } }), "Xã A Mú Sung")).toBe("năm 2026 – Xã A Mú Sung");
  });
});
