import { describe, expect, it } from "vitest";
import type { MovementEvaluationState } from "@/lib/generated/prisma/enums";
import {
  allowedMovementActions,
  checkMovementTransition,
  MOVEMENT_ACTIONS,
  MOVEMENT_STATE_LABELS,
  MOVEMENT_TRANSITIONS,
  reviewerMayReview,
  scorerEditableLines,
  submitActionFrom,
  type MovementSide,
} from "./evaluation-workflow";

const STATES = Object.keys(MOVEMENT_STATE_LABELS) as MovementEvaluationState[];
const SIDE_SETS: MovementSide[][] = [[], ["SCORER"], ["REVIEWER"], ["SCORER", "REVIEWER"]];

describe("movement evaluation workflow", () => {
  it("is exactly DRAFT→SUBMITTED, RETURNED→SUBMITTED by the scorer; SUBMITTED→RETURNED, SUBMITTED→CLASSIFIED by the reviewer", () => {
    const edges = MOVEMENT_ACTIONS.map((a) => `${MOVEMENT_TRANSITIONS[a].from}→${MOVEMENT_TRANSITIONS[a].to}:${MOVEMENT_TRANSITIONS[a].side}`).sort();
    expect(edges).toEqual(["DRAFT→SUBMITTED:SCORER", "RETURNED→SUBMITTED:SCORER", "SUBMITTED→CLASSIFIED:REVIEWER", "SUBMITTED→RETURNED:REVIEWER"]);
  });

  it("allows every (action, state, sides) combination exactly when the table says so", () => {
    for (const action of MOVEMENT_ACTIONS)
      for (const state of STATES)
        for (const sides of SIDE_SETS) {
          const t = MOVEMENT_TRANSITIONS[action];
          const expected = t.from === state && sides.includes(t.side);
          const check = checkMovementTransition(action, state, sides);
          expect(check.allowed, `${action} ${state} ${sides.join("+")}`).toBe(expected);
          if (check.allowed) expect(check.to).toBe(t.to);
          else expect(check.reason).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặêếềểễệôốồổỗộơớờởỡợưứừửữựđ]/);
          expect(allowedMovementActions(state, sides).includes(action)).toBe(expected);
        }
  });

  it("nothing leaves CLASSIFIED", () => {
    expect(allowedMovementActions("CLASSIFIED", ["SCORER", "REVIEWER"])).toEqual([]);
  });

  it("says why a refused action is refused", () => {
    expect(checkMovementTransition("CLASSIFY", "SUBMITTED", ["SCORER"])).toEqual({ allowed: false, reason: "Chỉ cán bộ thẩm định có thẩm quyền mới thực hiện được thao tác này." });
    expect(checkMovementTransition("SUBMIT", "DRAFT", ["REVIEWER"])).toEqual({ allowed: false, reason: "Chỉ đơn vị được chấm mới thực hiện được thao tác này." });
    expect(checkMovementTransition("RETURN", "CLASSIFIED", ["REVIEWER"])).toEqual({ allowed: false, reason: 'Không thể "trả lại để chấm lại" khi kết quả đang ở trạng thái "Đã xếp loại".' });
  });

  it("submits from a draft, resubmits after a return, and nothing else", () => {
    expect(STATES.map(submitActionFrom)).toEqual(STATES.map((s) => (s === "DRAFT" ? "SUBMIT" : s === "RETURNED" ? "RESUBMIT" : null)));
  });

  it("the scorer edits every line of a draft, only the flagged lines after a return, none otherwise", () => {
    expect(scorerEditableLines("DRAFT", ["a"])).toBe("ALL");
    expect([...(scorerEditableLines("RETURNED", ["a", "b"]) as Set<string>)]).toEqual(["a", "b"]);
    expect([...(scorerEditableLines("SUBMITTED", ["a"]) as Set<string>)]).toEqual([]);
    expect([...(scorerEditableLines("CLASSIFIED", ["a"]) as Set<string>)]).toEqual([]);
    expect(STATES.filter(reviewerMayReview)).toEqual(["SUBMITTED"]);
  });
});
