import { describe, expect, it } from "vitest";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import type { AuthorityKind } from "@/lib/generated/prisma/enums";
import { BUILT_IN_COMPETENCE, DECIDER_KINDS } from "@/lib/rules/competence";
import { authorityDecidesFor, suggestedDeciderKind } from "./deciding-authority";

const KINDS: AuthorityKind[] = ["BO_CONG_AN", "UBND_TINH", "CONG_AN_TINH", "UBND_XA", "CONG_AN_XA", "SO_NGANH"];

describe("authorityDecidesFor follows the governing competence row", () => {
  it.each(UNIT_KINDS)("built-in default: a KDC by its commune's UBND, every other kind by UBND tỉnh (%s)", (unitKind) => {
    const unit = { kind: unitKind, communeId: "c-1" };
    for (const kind of KINDS) {
      for (const areaId of ["c-1", "c-2", null]) {
        const expected = unitKind === "KDC" ? kind === "UBND_XA" && areaId === "c-1" : kind === "UBND_TINH";
        expect(authorityDecidesFor({ kind, areaId }, unit, BUILT_IN_COMPETENCE[unitKind]), `${kind} of ${areaId}`).toBe(expected);
      }
    }
  });

  it.each(DECIDER_KINDS)("a row naming %s moves the decision for a school there", (deciderKind) => {
    const rule = { ...BUILT_IN_COMPETENCE.CSGD, deciderKind };
    const school = { kind: "CSGD" as const, communeId: "c-1" };
    expect(suggestedDeciderKind(rule)).toBe(deciderKind);
    expect(authorityDecidesFor({ kind: "UBND_TINH", areaId: null }, school, rule)).toBe(deciderKind === "UBND_TINH");
    expect(authorityDecidesFor({ kind: "UBND_XA", areaId: "c-1" }, school, rule)).toBe(deciderKind === "UBND_XA");
    expect(authorityDecidesFor({ kind: "UBND_XA", areaId: "c-2" }, school, rule)).toBe(false);
  });

  it("refuses a row of another kind (a wiring mistake, not a user's)", () => {
    expect(() => authorityDecidesFor({ kind: "UBND_TINH", areaId: null }, { kind: "XA", communeId: "c" }, BUILT_IN_COMPETENCE.KDC)).toThrow();
  });
});
