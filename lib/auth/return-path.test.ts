import { describe, expect, it } from "vitest";
import { loginPathFor, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    "/",
    "/dashboard",
    "/dashboard?year=2026&commune=3f2a",
    "/dossiers/3f2a7c1e-0000-4000-8000-000000000000/review#tieu-chi",
    "/units?q=l%C3%A0o%20cai",
  ])("keeps a path on this site: %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ["another site", "https://evil.example/"],
    ["a scheme", "javascript:alert(1)"],
    ["protocol-relative", "//evil.example"],
    ["backslash host", "/\\evil.example"],
    ["encoded protocol-relative", "/%2F%2Fevil.example".replace("/%2F", "%2F")],
    ["encoded double slash after decoding", "%2F%2Fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["a relative path", "dashboard"],
    ["a control character", "/dashboard\n"],
    ["an encoded control character", "/dashboard%0d%0aSet-Cookie:x"],
    ["malformed escapes", "/%E0%A4%A"],
    ["the login page (a loop)", "/login?next=/dashboard"],
    ["the password change page", "/change-password"],
    ["an API route", "/api/health"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2_100)}`],
    ["not a string", 42],
  ])("refuses %s", (_label, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it("does not refuse pages that merely start with the same letters", () => {
    expect(safeReturnPath("/login-help")).toBe("/login-help");
    expect(safeReturnPath("/apikeys")).toBe("/apikeys");
  });
});

describe("loginPathFor", () => {
  it("carries the page asked for, encoded", () => {
    expect(loginPathFor("/dashboard?year=2026&kind=CQ")).toBe("/login?next=%2Fdashboard%3Fyear%3D2026%26kind%3DCQ");
  });
  it("needs nothing for the home page or an unsafe path", () => {
    expect(loginPathFor("/")).toBe("/login");
    expect(loginPathFor("//evil.example")).toBe("/login");
    expect(loginPathFor(null)).toBe("/login");
  });
});
