/**
 * THE transition table of a unit's yearly dossier. UI buttons and server use-cases both read it;
 * nothing else decides which action may be taken from which state, by whom, under which guard.
 * Pure: the caller supplies the facts the guards need.
 *
 * Who may act on which unit (scope, competence) is the permission function's business
 * (lib/auth/permissions.ts); this table says which *performer* an action needs:
 *   OFFICER  – the unit's own officer (permission "unit.update")
 *   REVIEWER – a reviewer competent for the unit (permission "dossier.review")
 *   DECIDER  – who issues or revokes recognition decisions (permission "dossier.decide")
 */
import type { DossierState } from "./dossier-states";

export const DOSSIER_ACTIONS = [
  "REGISTER",
  "START_SELF_ASSESSMENT",
  "SUBMIT",
  "START_REVIEW",
  "RETURN",
  "PROPOSE",
  "REFUSE",
  "RECOGNISE",
  "REVOKE",
  "CANCEL_DECISION",
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export const PERFORMERS = ["OFFICER", "REVIEWER", "DECIDER"] as const;
export type Performer = (typeof PERFORMERS)[number];

/** Facts a guard may need; each use-case fills what its action's guards read. */
export type GuardFacts = {
  /** REGISTER: the unit has a Party organisation, so its resolution is required (Đ9 k2 a). */
  requiresPartyResolution?: boolean;
  /** REGISTER: KDC registers without an ANTT plan of its own (domain spec §4.1). */
  requiresPlan?: boolean;
  hasPartyResolution?: boolean;
  hasPlan?: boolean;
  hasCommitment?: boolean;
  /** SUBMIT: criteria still lacking a declaration, or evidence/explanation. */
  incompleteCriteria?: readonly string[];
  /** RETURN / PROPOSE: criteria flagged in the current review round, with or without a comment. */
  flaggedCriteria?: readonly { criterionId: string; comment: string | null }[];
  /**
   * PROPOSE: criteria of the round with no verdict in it (accepted ones carried forward from an
   * earlier round count as judged; lib/workflow/review-round.ts). Unknown means refused.
   */
  unjudgedCriteria?: readonly string[];
  /** REFUSE / REVOKE: the reason written by the actor. */
  reason?: string | null;
  /** REVOKE / CANCEL_DECISION: the reference of the revoking or cancelling document. */
  reference?: string | null;
  /** RECOGNISE: the decision that recognises the dossier. */
  decisionId?: string | null;
};

type Guard = (facts: GuardFacts) => string | null;

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

export const GUARDS = {
  registrationDocuments: (f) => {
    const missing: string[] = [];
    if (f.requiresPartyResolution && !f.hasPartyResolution) missing.push("nghị quyết của cấp ủy, chi bộ");
    if (f.requiresPlan && !f.hasPlan) missing.push("kế hoạch bảo đảm an ninh, trật tự");
    if (!f.hasCommitment) missing.push("bản đăng ký phấn đấu");
    return missing.length ? `Còn thiếu ${missing.join(", ")}.` : null;
  },
  selfAssessmentComplete: (f) =>
    f.incompleteCriteria && f.incompleteCriteria.length > 0
      ? `Chưa hoàn thành tự đánh giá các tiêu chí: ${f.incompleteCriteria.join(", ")}.`
      : null,
  flaggedWithReasons: (f) => {
    const flagged = f.flaggedCriteria ?? [];
    if (flagged.length === 0) return "Cần đánh dấu ít nhất một tiêu chí cần bổ sung trước khi trả lại hồ sơ.";
    const silent = flagged.filter((c) => blank(c.comment)).map((c) => c.criterionId);
    return silent.length ? `Cần ghi rõ lý do ở các tiêu chí: ${silent.join(", ")}.` : null;
  },
  noOpenFlags: (f) => {
    const flagged = f.flaggedCriteria ?? [];
    return flagged.length
      ? `Còn ${flagged.length} tiêu chí đang đánh dấu cần bổ sung (${flagged.map((c) => c.criterionId).join(", ")}): hãy trả lại hồ sơ hoặc bỏ đánh dấu.`
      : null;
  },
  everyCriterionJudged: (f) => {
    if (f.unjudgedCriteria === undefined) return "Chưa xác định được các tiêu chí đã thẩm định; vui lòng tải lại trang.";
    const n = f.unjudgedCriteria.length;
    return n
      ? `Còn ${n} tiêu chí chưa thẩm định ở lần nộp này (${f.unjudgedCriteria.join(", ")}): cần thống nhất hoặc yêu cầu bổ sung từng tiêu chí trước khi đề nghị công nhận.`
      : null;
  },
  reasonGiven: (f) => (blank(f.reason) ? "Vui lòng nêu rõ lý do." : null),
  referenceGiven: (f) => (blank(f.reference) ? "Vui lòng ghi số, ký hiệu văn bản thu hồi." : null),
  cancellationReferenceGiven: (f) => (blank(f.reference) ? "Vui lòng ghi số, ký hiệu văn bản hủy quyết định." : null),
  decisionGiven: (f) => (blank(f.decisionId) ? "Cần có quyết định công nhận." : null),
} satisfies Record<string, Guard>;
export type GuardName = keyof typeof GUARDS;

export type Transition = {
  action: DossierAction;
  from: readonly DossierState[];
  to: DossierState;
  performer: Performer;
  guards: readonly GuardName[];
  /** Button label. */
  label: string;
  /** The label when the action is taken from a particular state (e.g. "Nộp lại hồ sơ" after a return). */
  labelFrom?: Partial<Record<DossierState, string>>;
};

export const TRANSITIONS: Record<DossierAction, Transition> = {
  REGISTER: { action: "REGISTER", from: ["NOT_REGISTERED"], to: "REGISTERED", performer: "OFFICER", guards: ["registrationDocuments"], label: "Đăng ký phấn đấu" },
  START_SELF_ASSESSMENT: { action: "START_SELF_ASSESSMENT", from: ["REGISTERED"], to: "SELF_ASSESSMENT", performer: "OFFICER", guards: [], label: "Bắt đầu tự đánh giá" },
  SUBMIT: { action: "SUBMIT", from: ["SELF_ASSESSMENT", "RETURNED"], to: "SUBMITTED", performer: "OFFICER", guards: ["selfAssessmentComplete"], label: "Nộp hồ sơ", labelFrom: { RETURNED: "Nộp lại hồ sơ" } },
  START_REVIEW: { action: "START_REVIEW", from: ["SUBMITTED"], to: "UNDER_REVIEW", performer: "REVIEWER", guards: [], label: "Nhận thẩm định" },
  RETURN: { action: "RETURN", from: ["UNDER_REVIEW"], to: "RETURNED", performer: "REVIEWER", guards: ["flaggedWithReasons"], label: "Trả lại để bổ sung" },
  PROPOSE: { action: "PROPOSE", from: ["UNDER_REVIEW"], to: "PROPOSED", performer: "REVIEWER", guards: ["noOpenFlags", "everyCriterionJudged"], label: "Đề nghị công nhận" },
  REFUSE: { action: "REFUSE", from: ["UNDER_REVIEW"], to: "NOT_RECOGNISED", performer: "REVIEWER", guards: ["reasonGiven"], label: "Không công nhận" },
  RECOGNISE: { action: "RECOGNISE", from: ["PROPOSED"], to: "RECOGNISED", performer: "DECIDER", guards: ["decisionGiven"], label: "Ban hành quyết định công nhận" },
  REVOKE: { action: "REVOKE", from: ["RECOGNISED"], to: "REVOKED", performer: "DECIDER", guards: ["reasonGiven", "referenceGiven"], label: "Thu hồi công nhận" },
  // The decision that recognised the unit is cancelled as issued by mistake (not a revocation):
  // the dossier goes back to awaiting a decision. Taken only through cancelDecision, for every
  // unit of the decision at once, never from the dossier page.
  CANCEL_DECISION: { action: "CANCEL_DECISION", from: ["RECOGNISED"], to: "PROPOSED", performer: "DECIDER", guards: ["reasonGiven", "cancellationReferenceGiven"], label: "Hủy quyết định công nhận" },
};

export type TransitionCheck =
  | { allowed: true; transition: Transition }
  | { allowed: false; transition: Transition; reasons: string[] };

/**
 * May `performers` take `action` on a dossier in `state`, given `facts`? Reasons are Vietnamese
 * and meant for the user. `performers` are the roles the actor holds for this dossier's unit
 * (from the permission function).
 */
export function checkTransition(action: DossierAction, state: DossierState, performers: readonly Performer[], facts: GuardFacts = {}): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(state)) {
    return { allowed: false, transition, reasons: [`Không thể “${transition.label.toLowerCase()}” khi hồ sơ đang ở trạng thái này.`] };
  }
  if (!performers.includes(transition.performer)) {
    return { allowed: false, transition, reasons: ["Bạn không có quyền thực hiện thao tác này đối với hồ sơ."] };
  }
  const reasons = guardReasons(action, facts);
  return reasons.length ? { allowed: false, transition, reasons } : { allowed: true, transition };
}

/** The refusals of the action's guards alone (state and performer aside), for a button that says why it waits. */
export function guardReasons(action: DossierAction, facts: GuardFacts): string[] {
  return TRANSITIONS[action].guards.map((g) => GUARDS[g](facts)).filter((r): r is string => r !== null);
}

/** Actions to offer as buttons: right state and right performer (guards are shown as reasons). */
export function availableActions(state: DossierState, performers: readonly Performer[]): Transition[] {
  return DOSSIER_ACTIONS.map((a) => TRANSITIONS[a]).filter((t) => t.from.includes(state) && performers.includes(t.performer));
}

/** While in these states the officer may edit answers and evidence (RETURNED: flagged criteria only). */
export const OFFICER_EDITABLE_STATES: readonly DossierState[] = ["SELF_ASSESSMENT", "RETURNED"];

/** The button label of `action` taken from `state`. */
export function actionLabel(action: DossierAction, state: DossierState): string {
  const t = TRANSITIONS[action];
  return t.labelFrom?.[state] ?? t.label;
}

/** Is `action` offered (right state and performer) to these performers? */
export function offers(state: DossierState, performers: readonly Performer[], action: DossierAction): boolean {
  return availableActions(state, performers).some((t) => t.action === action);
}

/**
 * While in these states a reviewer records verdicts on criteria: the first verdict starts the
 * review (START_REVIEW), the last one leads to RETURN or PROPOSE. Derived from the table.
 */
export const REVIEWING_STATES: readonly DossierState[] = [...new Set([...TRANSITIONS.START_REVIEW.from, ...TRANSITIONS.PROPOSE.from])];

/** The reviewer's one-click agreement with every criterion not yet judged in the round (not a transition). */
export const AGREE_REMAINING_LABEL = "Thống nhất các tiêu chí còn lại";

/** May these performers record verdicts on a dossier in `state`? */
export function mayJudgeCriteria(state: DossierState, performers: readonly Performer[]): boolean {
  return REVIEWING_STATES.includes(state) && performers.includes("REVIEWER");
}

/** May these performers change the self-assessment now (all criteria, or after a return the returned ones)? */
export function mayEditSelfAssessment(state: DossierState, performers: readonly Performer[]): boolean {
  return OFFICER_EDITABLE_STATES.includes(state) && performers.includes("OFFICER");
}
