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
