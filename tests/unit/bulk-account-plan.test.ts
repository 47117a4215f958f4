import { describe, expect, it } from "vitest";
import { bulkAccountsSchema, proposeAccounts, usernamePart } from "../../lib/users/bulk-account-plan";
import { usernameSchema } from "../../lib/users/user-schemas";

describe("accounts in bulk: the plan", () => {
  it("names each account after its unit's or commune's code, within the username alphabet", () => {
    expect(usernamePart("LCI-P01")).toBe("lci-p01");
    expect(usernamePart("  Đội 3 / Tổ 5 ")).toBe("doi-3-to-5");
    const [unit] = proposeAccounts("UNIT_OFFICERS", [{ id: "u1", code: "CQ-STP", name: "Sở Tư pháp" }], new Set());
    expect(unit).toEqual({ username: "cb.cq-stp", fullName: "Cán bộ phụ trách Sở Tư pháp", role: "UNIT_OFFICER", unitId: "u1", areaId: null, reviewerLevel: null, scopeName: "Sở Tư pháp" });
    const [reviewer] = proposeAccounts("COMMUNE_REVIEWERS", [{ id: "a1", code: "LCI-P01", name: "Phường Lào Cai" }], new Set());
    expect(reviewer).toMatchObject({ username: "ca.lci-p01", role: "REVIEWER", areaId: "a1", reviewerLevel: "COMMUNE_POLICE", fullName: "Công an Phường Lào Cai" });
    const [officer] = proposeAccounts("COMMUNE_OFFICERS", [{ id: "a1", code: "LCI-P01", name: "Phường Lào Cai" }], new Set());
    expect(officer).toMatchObject({ username: "cbxa.lci-p01", role: "UNIT_OFFICER", unitId: null, areaId: "a1" });
    for (const a of [unit, reviewer, officer]) expect(usernameSchema.safeParse(a!.username).success).toBe(true);
  });

  it("never reuses a username, taken before or within the run", () => {
    const accounts = proposeAccounts(
      "UNIT_OFFICERS",
      [
        { id: "1", code: "A", name: "Một" },
        { id: "2", code: "a", name: "Hai" },
        { id: "3", code: "A!", name: "Ba" },
      ],
      new Set(["cb.a"]),
    );
    expect(accounts.map((a) => a.username)).toEqual(["cb.a-2", "cb.a-3", "cb.a-4"]);
  });

  it("keeps a very long code within 50 characters", () => {
    const [a] = proposeAccounts("UNIT_OFFICERS", [{ id: "1", code: "X".repeat(80), name: "Dài" }], new Set());
    expect(a!.username.length).toBeLessThanOrEqual(50);
  });

  it("accepts only known targets, kinds other than the commune, and a uuid commune", () => {
    expect(bulkAccountsSchema.safeParse({ target: "UNIT_OFFICERS", kind: "", communeId: "" }).success).toBe(true);
    expect(bulkAccountsSchema.safeParse({ target: "UNIT_OFFICERS", kind: "XA" }).success).toBe(false);
    expect(bulkAccountsSchema.safeParse({ target: "ADMINS" }).success).toBe(false);
    expect(bulkAccountsSchema.safeParse({ target: "COMMUNE_REVIEWERS", communeId: "khong-phai-uuid" }).success).toBe(false);
  });
});
