/**
 * The movement evaluation's workflow (issue 14 §2, ADR 0030): ONE transition table, read by the
 * pages (which buttons to show) and by the use-cases (what to allow). Pure: no I/O.
 *
 * Two sides act on an evaluation: the SCORER (the unit's officers, the "unit.update" scope; for a
 * participant without accounts, the provincial police on its behalf) and the REVIEWER (whoever
 * reviews the unit's TT124 dossier; the provincial police for participants).
 */
import type { MovementEvaluationState } from "@/lib/generated/prisma/enums";

export type MovementSide = "SCORER" | "REVIEWER";
export type MovementAction = "SUBMIT" | "RESUBMIT" | "RETURN" | "CLASSIFY";

export type MovementTransition = { from: MovementEvaluationState; to: MovementEvaluationState; side: MovementSide; label: string };

export const MOVEMENT_TRANSITIONS: Readonly<Record<MovementAction, MovementTransition>> = {
  SUBMIT: { from: "DRAFT", to: "SUBMITTED", side: "SCORER", label: "Gửi kết quả tự chấm" },
  RESUBMIT: { from: "RETURNED", to: "SUBMITTED", side: "SCORER", label: "Gửi lại kết quả tự chấm" },
  RETURN: { from: "SUBMITTED", to: "RETURNED", side: "REVIEWER", label: "Trả lại để chấm lại" },
  CLASSIFY: { from: "SUBMITTED", to: "CLASSIFIED", side: "REVIEWER", label: "Xếp loại" },
};

export const MOVEMENT_ACTIONS = Object.keys(MOVEMENT_TRANSITIONS) as MovementAction[];

export const MOVEMENT_STATE_LABELS: Readonly<Record<MovementEvaluationState, string>> = {
  DRAFT: "Đang tự chấm",
  SUBMITTED: "Chờ thẩm định",
  RETURNED: "Bị trả lại để chấm lại",
  CLASSIFIED: "Đã xếp loại",
};

export const MOVEMENT_STATE_TONES: Readonly<Record<MovementEvaluationState, "slate" | "blue" | "amber" | "green">> = {
  DRAFT: "slate",
  SUBMITTED: "blue",
  RETURNED: "amber",
  CLASSIFIED: "green",
};

/** The actions the holder of these sides may take from this state, in table order. */
export function allowedMovementActions(state: MovementEvaluationState, sides: readonly MovementSide[]): MovementAction[] {
  return MOVEMENT_ACTIONS.filter((a) => MOVEMENT_TRANSITIONS[a].from === state && sides.includes(MOVEMENT_TRANSITIONS[a].side));
}

/** The submitting action from this state (SUBMIT from a draft, RESUBMIT after a return), if any. */
export function submitActionFrom(state: MovementEvaluationState): "SUBMIT" | "RESUBMIT" | null {
  return state === "DRAFT" ? "SUBMIT" : state === "RETURNED" ? "RESUBMIT" : null;
}

export type MovementCheck = { allowed: true; to: MovementEvaluationState } | { allowed: false; reason: string };

/** Whether the action is allowed from the state for these sides; the reason in Vietnamese when not. */
export function checkMovementTransition(action: MovementAction, state: MovementEvaluationState, sides: readonly MovementSide[]): MovementCheck {
  const t = MOVEMENT_TRANSITIONS[action];
  if (!sides.includes(t.side)) {
    return { allowed: false, reason: t.side === "SCORER" ? "Chỉ đơn vị được chấm mới thực hiện được thao tác này." : "Chỉ cán bộ thẩm định có thẩm quyền mới thực hiện được thao tác này." };
  }
  if (t.from !== state) {
    return { allowed: false, reason: `Không thể "${t.label.toLowerCase()}" khi kết quả đang ở trạng thái "${MOVEMENT_STATE_LABELS[state]}".` };
  }
  return { allowed: true, to: t.to };
}

/** The scorer edits the self scores in a draft, and after a return only the lines the reviewer flagged. */
export function scorerEditableLines(state: MovementEvaluationState, flaggedCriterionIds: readonly string[]): "ALL" | ReadonlySet<string> {
  if (state === "DRAFT") return "ALL";
  if (state === "RETURNED") return new Set(flaggedCriterionIds);
  return new Set();
}

/** The reviewer adjusts scores, comments and flags while the evaluation waits for review. */
export function reviewerMayReview(state: MovementEvaluationState): boolean {
  return state === "SUBMITTED";
}
