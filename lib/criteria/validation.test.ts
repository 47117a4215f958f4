import { describe, expect, it } from "vitest";
import { passingAgency, passingKdc } from "./__fixtures__/units";
import { parseEvaluationRequest, parseExtraCriteria, parseUnitInput } from "./validation";

describe("input validation with Vietnamese messages", () => {
  it("accepts the fixtures as they are", () => {
    expect(parseUnitInput(passingKdc()).ok).toBe(true);
    expect(parseUnitInput(passingAgency()).ok).toBe(true);
  });

  it.each([
    { name: "unknown kind", raw: { ...passingKdc(), kind: "THON" }, path: "kind", message: /Loại đơn vị \(kind\) không hợp lệ/ },
    { name: "missing year", raw: (({ year: _y, ...rest }) => rest)(passingKdc()), path: "year", message: /^Thiếu trường bắt buộc$/ },
    { name: "year before TT124", raw: { ...passingKdc(), year: 2021 }, path: "year", message: /từ 2022 \(Thông tư 124\/2021\/TT-BCA có hiệu lực từ 10\/02\/2022\)/ },
    { name: "non-integer year", raw: { ...passingKdc(), year: 2026.5 }, path: "year", message: /^Phải là số nguyên$/ },
    {
      name: "impossible date",
      raw: { ...passingKdc(), incidents: [{ id: "V1", code: "SEPARATISM", date: "2026-02-30" }] },
      path: "incidents[0].date",
      message: /Ngày không hợp lệ: cần dạng yyyy-mm-dd/,
    },
    {
      name: "date in another format",
      raw: { ...passingKdc(), incidents: [{ id: "V1", code: "SEPARATISM", date: "30/01/2026" }] },
      path: "incidents[0].date",
      message: /Ngày không hợp lệ/,
    },
    {
      name: "typo in a flag",
      raw: { ...passingKdc(), incidents: [{ id: "V1", code: "SERIOUS_CRIME", date: "2026-01-30", forcemajeure: true }] },
      path: "incidents[0]",
      message: /Trường không được hỗ trợ: forcemajeure \(kiểm tra lỗi chính tả\)/,
    },
    {
      name: "unknown incident code",
      raw: { ...passingKdc(), incidents: [{ id: "V1", code: "THEFT", date: "2026-01-30" }] },
      path: "incidents[0].code",
      message: /Giá trị không hợp lệ: phải là một trong "ANTI_PARTY_GOV"/,
    },
    {
      name: "discipline form outside the person's ladder",
      raw: {
        ...passingKdc(),
        disciplines: [{ id: "K1", personnelType: "NGUOI_LAO_DONG", level: "CANH_CAO", date: "2026-01-30", inSecurityForce: false }],
      },
      path: "disciplines[0].level",
      message: /Hình thức “Cảnh cáo” không áp dụng cho đối tượng “Người lao động”/,
    },
    {
      name: "more briefed than staff",
      raw: { ...passingAgency(), staff: { total: 10, briefed: 11 } },
      path: "staff.briefed",
      message: /Không được lớn hơn tổng số \(10\)/,
    },
    {
      name: "duplicate incident id",
      raw: {
        ...passingKdc(),
        incidents: [
          { id: "V1", code: "SEPARATISM", date: "2026-01-30" },
          { id: "V1", code: "PROLONGED_DISPUTE", date: "2026-02-01" },
        ],
      },
      path: "incidents[1].id",
      message: /Mã “V1” bị trùng trong danh sách/,
    },
    { name: "negative count", raw: { ...passingAgency(), staff: { total: -1 } }, path: "staff.total", message: /Giá trị phải ≥ 0/ },
    { name: "missing subtype", raw: (({ subtype: _s, ...rest }) => rest)(passingAgency()), path: "subtype", message: /^Thiếu trường bắt buộc/ },
    { name: "wrong type", raw: { ...passingKdc(), declarations: { implementsPolicies: "có" } }, path: "declarations.implementsPolicies", message: /Sai kiểu dữ liệu: cần true\/false, nhận được chuỗi/ },
    {
      name: "“trên 100%” plan target",
      raw: { ...passingAgency(), planTargets: { targets: [{ metric: "STAFF_BRIEFED", comparator: ">", percent: 100 }] } },
      path: "planTargets.targets[0].percent",
      message: /“Trên 100%” không thể đạt/,
    },
  ])("$name → $path", ({ raw, path, message }) => {
    const parsed = parseUnitInput(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const issue = parsed.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(parsed.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it("accepts the envelope form and reports its paths under unit.*", () => {
    expect(parseEvaluationRequest({ unit: passingKdc(), asOf: "2026-03-01" })).toMatchObject({ ok: true, value: { asOf: "2026-03-01" } });
    const bad = parseEvaluationRequest({ unit: { ...passingKdc(), year: "2026" } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toEqual({ path: "unit.year", message: "Sai kiểu dữ liệu: cần số, nhận được chuỗi" });
  });

  it("wraps a bare unit into the envelope", () => {
    const parsed = parseEvaluationRequest(passingKdc());
    expect(parsed.ok && parsed.value.unit.kind).toBe("KDC");
  });

  it("reports a non-object document at the root", () => {
    const parsed = parseEvaluationRequest([1, 2]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.path).toBe("(gốc)");
  });

  it("validates provincial criteria", () => {
    const parsed = parseExtraCriteria([{ id: "lc 1", title: "x", legalBasis: "y", appliesTo: ["XA"], test: { type: "VOTE" } }]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues.map((i) => i.path)).toEqual(["[0].id", "[0].test.type"]);
      expect(parsed.issues[1]?.message).toMatch(/Loại kiểm tra \(type\) không hợp lệ/);
    }
  });
});
