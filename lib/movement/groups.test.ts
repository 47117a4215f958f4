import { describe, expect, it } from "vitest";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { classificationDeadline, GROUP_OF_UNIT_KIND, isParticipantGroup, SCORED_GROUPS } from "./groups";

describe("movement groups", () => {
  it("puts every TT124 unit kind in a scored group that is not a participants' group", () => {
    for (const kind of UNIT_KINDS) {
      expect(SCORED_GROUPS).toContain(GROUP_OF_UNIT_KIND[kind]);
      expect(isParticipantGroup(GROUP_OF_UNIT_KIND[kind])).toBe(false);
    }
    expect(isParticipantGroup("PROVINCIAL_DEPARTMENT")).toBe(true);
    expect(isParticipantGroup("FRONT_ORGANISATION")).toBe(true);
  });

  it("classifies a khu dân cư by 20/11 and the others by 30/11 (QĐ 510 Đ11)", () => {
    expect(classificationDeadline("RESIDENTIAL_AREA", 2026)).toBe("2026-11-20");
    for (const g of ["COMMUNE", "AGENCY_ENTERPRISE", "PROVINCIAL_DEPARTMENT", "FRONT_ORGANISATION"] as const) expect(classificationDeadline(g, 2027)).toBe("2027-11-30");
  });
});
