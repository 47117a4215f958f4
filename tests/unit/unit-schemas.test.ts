import { describe, expect, it } from "vitest";
import { createUnitSchema, setUnitActiveSchema, unitColumns, unitListFiltersSchema, updateUnitSchema } from "@/lib/registry/unit-schemas";
import { parseSearchParams } from "@/lib/validation/input-rules";

const ID = "3f0c6a52-8d1b-4e7a-9c2f-5b1e0d9a7c44";
const base = { code: "CQ-STP", name: "Sở Tư pháp tỉnh Lào Cai", kind: "CQ", communeId: ID, managingAuthorityId: ID, sector: "STATE_ADMINISTRATION", residentialAreaType: "", educationLevel: "", exclusionReason: "", hasPartyOrganisation: true, hasSecurityForce: false, address: "" };
const errorsOf = (input: unknown, schema: typeof createUnitSchema | typeof updateUnitSchema = createUnitSchema) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("createUnitSchema", () => {
  it("accepts an agency and turns empty choices into null", () => {
    const parsed = createUnitSchema.parse(base);
    expect(parsed).toMatchObject({ code: "CQ-STP", sector: "STATE_ADMINISTRATION", educationLevel: null, exclusionReason: null, address: null, hasPartyOrganisation: true });
  });

  it.each([
    [{ code: "" }, "code", "Vui lòng nhập mã."],
    [{ code: "CQ STP" }, "code", "Mã chỉ gồm chữ không dấu, chữ số và các ký tự - _ . /"],
    [{ code: "Sở-TP" }, "code", "Mã chỉ gồm chữ không dấu, chữ số và các ký tự - _ . /"],
    [{ name: "" }, "name", "Vui lòng nhập tên đơn vị."],
    [{ kind: "" }, "kind", "Vui lòng chọn loại đơn vị."],
    [{ communeId: "" }, "communeId", "Vui lòng chọn xã, phường, đặc khu."],
    [{ managingAuthorityId: "x" }, "managingAuthorityId", "Vui lòng chọn cơ quan quản lý."],
    [{ sector: "" }, "sector", "Vui lòng chọn lĩnh vực của cơ quan, doanh nghiệp."],
    [{ kind: "KDC", sector: "RESIDENTIAL" }, "residentialAreaType", "Vui lòng chọn loại khu dân cư (thôn, bản, tổ dân phố…)."],
    [{ kind: "CSGD", sector: "EDUCATION" }, "educationLevel", "Vui lòng chọn cấp học của cơ sở giáo dục."],
    [{ exclusionReason: "PRIMARY_OR_PRESCHOOL" }, "exclusionReason", 'Lý do không thuộc diện này không áp dụng cho loại "Cơ quan".'],
    [{ kind: "XA", exclusionReason: "ARMED_FORCES" }, "exclusionReason", 'Lý do không thuộc diện này không áp dụng cho loại "Xã, phường, đặc khu".'],
  ])("%o → %s: %s", (override, field, message) => {
    expect(errorsOf({ ...base, ...override })[field]).toBe(message);
  });

  it("reports the kind's rules together with other errors", () => {
    expect(Object.keys(errorsOf({ ...base, name: "", kind: "KDC" }))).toEqual(expect.arrayContaining(["name", "residentialAreaType"]));
  });
});

describe("unitColumns: what the kind does not use is cleared", () => {
  it("a KDC keeps its residential-area type and loses an education level", () => {
    const v = createUnitSchema.parse({ ...base, kind: "KDC", sector: "RESIDENTIAL", residentialAreaType: "THON", educationLevel: "THPT" });
    expect(unitColumns(v)).toMatchObject({ kind: "KDC", residentialAreaType: "THON", educationLevel: null, exclusionReason: null });
  });
  it("a school keeps its education level and loses a residential-area type", () => {
    const v = createUnitSchema.parse({ ...base, kind: "CSGD", sector: "EDUCATION", residentialAreaType: "THON", educationLevel: "TIEU_HOC", exclusionReason: "PRIMARY_OR_PRESCHOOL" });
    expect(unitColumns(v)).toMatchObject({ residentialAreaType: null, educationLevel: "TIEU_HOC", exclusionReason: "PRIMARY_OR_PRESCHOOL" });
  });
});

describe("updateUnitSchema and setUnitActiveSchema", () => {
  it("need the unit and a saved version", () => {
    expect(errorsOf({ ...base, unitId: ID, version: 0 }, updateUnitSchema).version).toBe("Phiên bản dữ liệu không hợp lệ; vui lòng tải lại trang.");
    expect(updateUnitSchema.parse({ ...base, unitId: ID, version: "3" }).version).toBe(3);
  });
  it("a status change needs a reason", () => {
    const r = setUnitActiveSchema.safeParse({ unitId: ID, version: 1, active: false, reason: "  " });
    expect(r.success).toBe(false);
    expect(setUnitActiveSchema.parse({ unitId: ID, version: 1, active: "false", reason: "Giải thể theo quyết định" }).active).toBe(false);
  });
});

describe("unitListFiltersSchema", () => {
  it("drops bad values one by one and defaults to active units by code", () => {
    const f = parseSearchParams(unitListFiltersSchema, { q: "lao cai", kind: "NOPE", communeId: "x", status: "deleted", sort: "id", dir: "up", page: "-2" });
    expect(f).toEqual({ q: "lao cai", kind: undefined, communeId: undefined, status: "active", sort: "code", dir: "asc", page: 1 });
    expect(parseSearchParams(unitListFiltersSchema, { q: "a\u0000", status: "all", sort: "commune", dir: "desc", page: "3" })).toMatchObject({ q: undefined, status: "all", sort: "commune", dir: "desc", page: 3 });
  });
});
