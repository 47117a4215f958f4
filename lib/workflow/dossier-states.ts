/** Dossier states and their Vietnamese names. The transition table will live beside this file. */
export const DOSSIER_STATES = [
  "NOT_REGISTERED",
  "REGISTERED",
  "SELF_ASSESSMENT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "RETURNED",
  "PROPOSED",
  "RECOGNISED",
  "NOT_RECOGNISED",
  "REVOKED",
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const DOSSIER_STATE_LABELS: Record<DossierState, string> = {
  NOT_REGISTERED: "Chưa đăng ký",
  REGISTERED: "Đã đăng ký",
  SELF_ASSESSMENT: "Đang tự đánh giá",
  SUBMITTED: "Đã nộp hồ sơ",
  UNDER_REVIEW: "Đang thẩm định",
  RETURNED: "Trả lại để bổ sung",
  PROPOSED: "Đề nghị công nhận",
  RECOGNISED: "Đã công nhận",
  NOT_RECOGNISED: "Không công nhận",
  REVOKED: "Đã thu hồi",
};

export const DOSSIER_STATE_TONES: Record<DossierState, "slate" | "green" | "red" | "amber" | "blue"> = {
  NOT_REGISTERED: "slate",
  REGISTERED: "blue",
  SELF_ASSESSMENT: "blue",
  SUBMITTED: "amber",
  UNDER_REVIEW: "amber",
  RETURNED: "red",
  PROPOSED: "amber",
  RECOGNISED: "green",
  NOT_RECOGNISED: "red",
  REVOKED: "red",
};

/** States that count as "registered" for the year (everything past registration). */
export const REGISTERED_STATES: readonly DossierState[] = DOSSIER_STATES.filter((s) => s !== "NOT_REGISTERED");

/** States a reviewer has to act on. */
export const AWAITING_REVIEW_STATES: readonly DossierState[] = ["SUBMITTED", "UNDER_REVIEW"];

/** States a dossier can only reach by having been submitted at least once. */
export const SUBMITTED_STATES = ["SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED", "RECOGNISED", "NOT_RECOGNISED", "REVOKED"] as const satisfies readonly DossierState[];

/** States in which the year's outcome is settled (a decision, a refusal, a revocation). */
export const DECIDED_STATES = ["RECOGNISED", "NOT_RECOGNISED", "REVOKED"] as const satisfies readonly DossierState[];

/** States in which the unit has a self-assessment to show (started, at least). */
export const SELF_ASSESSED_STATES: readonly DossierState[] = ["SELF_ASSESSMENT", ...SUBMITTED_STATES];

export const isRegistered = (state: DossierState) => state !== "NOT_REGISTERED";
export const isSubmitted = (state: DossierState) => (SUBMITTED_STATES as readonly DossierState[]).includes(state);
export const isDecided = (state: DossierState) => (DECIDED_STATES as readonly DossierState[]).includes(state);

/**
 * The year's recognition as a managing commune's criterion counts it (XA-4): recognised, not
 * (not registered, refused, revoked), or still open (undefined).
 */
export function recognitionOutcome(state: DossierState | undefined): boolean | undefined {
  if (state === "RECOGNISED") return true;
  if (state === undefined || !isRegistered(state) || state === "NOT_RECOGNISED" || state === "REVOKED") return false;
  return undefined;
}

/** What the unit's officer is told about the dossier's state on the self-assessment screen. */
export const OFFICER_STATE_NOTICES: Partial<Record<DossierState, string>> = {
  RETURNED: "Hồ sơ đã được trả lại để bổ sung. Chỉ sửa được các tiêu chí có yêu cầu của cán bộ thẩm định (đánh dấu đỏ); các tiêu chí đã thống nhất được giữ nguyên. Sau đó nộp lại.",
};

/**
 * The criteria the unit's officer may change in a state: every one while self-assessing, only those
 * the reviewer flagged in the round that returned it, none otherwise (submitted or decided).
 */
export function officerEditableCriteria(state: DossierState, flaggedInRound: readonly string[]): "ALL" | ReadonlySet<string> {
  if (state === "SELF_ASSESSMENT") return "ALL";
  if (state === "RETURNED") return new Set(flaggedInRound);
  return new Set();
}
