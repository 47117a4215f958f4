import { describe, expect, it } from "vitest";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import type { AuthorityKind } from "@/lib/generated/prisma/enums";
import { authorityDecidesFor } from "./deciding-authority";

const KINDS: AuthorityKind[] = ["BO_CONG_AN", "UBND_TINH", "CONG_AN_TINH", "UBND_XA", "CONG_AN_XA", "SO_NGANH"];

describe("authorityDecidesFor: a KDC by its commune's UBND, every other kind by UBND tỉnh", () => {
  it.each(UNIT_KINDS)("%s", (unitKind) => {
    const unit = { kind: unitKind, communeId: "c-1" };
    for (const kind of KINDS) {
      for (const areaId of ["c-1", "c-2", null]) {
        const expected = unitKind === "KDC" ? kind === "UBND_XA" && areaId === "c-1" : kind === "UBND_TINH";
        expect(authorityDecidesFor({ kind, areaId }, unit), `${kind} of ${areaId}`).toBe(expected);
      }
    }
  });
});
