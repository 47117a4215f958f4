import { describe, expect, it } from "vitest";
import { DOSSIER_STATES, officerEditableCriteria } from "./dossier-states";

describe("what the unit's officer may change", () => {
  it("every criterion while self-assessing, the flagged ones after a return, nothing in any other state", () => {
    expect(officerEditableCriteria("SELF_ASSESSMENT", ["XA-1"])).toBe("ALL");
    expect([...(officerEditableCriteria("RETURNED", ["XA-1", "XA-3"]) as ReadonlySet<string>)]).toEqual(["XA-1", "XA-3"]);
    for (const state of DOSSIER_STATES.filter((s) => s !== "SELF_ASSESSMENT" && s !== "RETURNED")) {
      expect(officerEditableCriteria(state, ["XA-1"]), state).toEqual(new Set());
    }
  });
});
