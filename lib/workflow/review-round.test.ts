/** Where each criterion stands in a review round: judged now, carried forward, or still to judge. */
import { describe, expect, it } from "vitest";
import { carriedCriteria, carriedLabel, roundStanding, unjudgedCriteria, type VerdictRow } from "./review-round";

const C = ["CQDN-1", "CQDN-2", "CQDN-3", "CQDN-4", "CQDN-5"];
const v = (criterionId: string, round: number, status: VerdictRow["status"], comment: string | null = null): VerdictRow => ({ criterionId, round, status, comment });

describe("roundStanding", () => {
  it("round 1, nothing judged: every criterion needs a verdict", () => {
    expect(unjudgedCriteria(roundStanding(C, [], 1))).toEqual(C);
  });

  it("round 1, all judged: nothing left", () => {
    const s = roundStanding(C, C.map((id) => v(id, 1, "ACCEPTED")), 1);
    expect(unjudgedCriteria(s)).toEqual([]);
    expect(s.every((x) => x.kind === "JUDGED")).toBe(true);
  });

  it("round 2 after a return: round-1 agreements are carried, the returned criterion needs a new verdict", () => {
    const verdicts = [...C.filter((id) => id !== "CQDN-2").map((id) => v(id, 1, "ACCEPTED")), v("CQDN-2", 1, "FLAGGED", "Bổ sung báo cáo")];
    const s = roundStanding(C, verdicts, 2);
    expect(unjudgedCriteria(s)).toEqual(["CQDN-2"]);
    expect(carriedCriteria(s)).toEqual(["CQDN-1", "CQDN-3", "CQDN-4", "CQDN-5"]);
    expect(s.find((x) => x.criterionId === "CQDN-1")).toEqual({ criterionId: "CQDN-1", kind: "CARRIED", round: 1, comment: null });
  });

  it("the bug of the walk-through: round 1 judged one criterion only, so round 2 has four never judged", () => {
    const s = roundStanding(C, [v("CQDN-2", 1, "FLAGGED", "x"), v("CQDN-2", 2, "ACCEPTED")], 2);
    expect(unjudgedCriteria(s)).toEqual(["CQDN-1", "CQDN-3", "CQDN-4", "CQDN-5"]);
  });

  it("carries from the latest earlier verdict: accepted in 1, still carried in 3; flagged in 2 after accepted in 1 is not", () => {
    const verdicts = [v("CQDN-1", 1, "ACCEPTED"), v("CQDN-3", 1, "ACCEPTED"), v("CQDN-3", 2, "FLAGGED", "y"), v("CQDN-4", 2, "ACCEPTED")];
    const s = roundStanding(["CQDN-1", "CQDN-3", "CQDN-4"], verdicts, 3);
    expect(s).toEqual([
      { criterionId: "CQDN-1", kind: "CARRIED", round: 1, comment: null },
      { criterionId: "CQDN-3", kind: "UNJUDGED" },
      { criterionId: "CQDN-4", kind: "CARRIED", round: 2, comment: null },
    ]);
  });

  it("a verdict of the current round wins over a carried one (the reviewer looked again)", () => {
    const s = roundStanding(["CQDN-1"], [v("CQDN-1", 1, "ACCEPTED"), v("CQDN-1", 2, "FLAGGED", "Phát hiện vụ việc mới")], 2);
    expect(s).toEqual([{ criterionId: "CQDN-1", kind: "JUDGED", status: "FLAGGED", comment: "Phát hiện vụ việc mới", round: 2 }]);
  });

  it("ignores verdicts of later rounds and of criteria not in the round (a retired extra criterion)", () => {
    const s = roundStanding(["CQDN-1"], [v("CQDN-1", 3, "ACCEPTED"), v("TINH-9", 1, "ACCEPTED")], 2);
    expect(s).toEqual([{ criterionId: "CQDN-1", kind: "UNJUDGED" }]);
  });

  it("an extra criterion new in this round has nothing to carry", () => {
    expect(unjudgedCriteria(roundStanding(["CQDN-1", "TINH-1"], [v("CQDN-1", 1, "ACCEPTED")], 2))).toEqual(["TINH-1"]);
  });

  it("keeps the order of the criteria given", () => {
    expect(roundStanding(["B", "A"], [], 1).map((s) => s.criterionId)).toEqual(["B", "A"]);
  });

  it("is labelled the same way for the reviewer and the unit", () => {
    expect(carriedLabel(1)).toBe("Đã thống nhất ở vòng 1");
  });
});
