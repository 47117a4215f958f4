/**
 * Where each criterion of a dossier stands in the current review round. Pure: the caller passes
 * the criteria of the round and every verdict recorded on the dossier (all rounds).
 *
 * A criterion accepted in an earlier round, and not judged again since, is carried forward: the
 * unit cannot change it (it may change only what was returned) and the reviewer need not judge it
 * again. Only what was returned (or never judged) needs a verdict in the new round. Nothing is
 * copied in the database: the carry-forward is derived from the rows of earlier rounds, so it
 * cannot drift from them (ADR "judged, not skipped").
 */
export type VerdictStatus = "ACCEPTED" | "FLAGGED";
export type VerdictRow = { criterionId: string; round: number; status: VerdictStatus; comment: string | null };

export type CriterionStanding =
  /** Judged by a reviewer in the current round. */
  | { criterionId: string; kind: "JUDGED"; status: VerdictStatus; comment: string | null; round: number }
  /** Accepted in an earlier round and not judged again since: counts as judged, locked for the unit. */
  | { criterionId: string; kind: "CARRIED"; round: number; comment: string | null }
  /** No verdict in this round and nothing to carry forward. */
  | { criterionId: string; kind: "UNJUDGED" };

export function roundStanding(criterionIds: readonly string[], verdicts: readonly VerdictRow[], currentRound: number): CriterionStanding[] {
  const latestEarlier = new Map<string, VerdictRow>();
  const current = new Map<string, VerdictRow>();
  for (const v of verdicts) {
    if (v.round === currentRound) current.set(v.criterionId, v);
    else if (v.round < currentRound) {
      const seen = latestEarlier.get(v.criterionId);
      if (!seen || seen.round < v.round) latestEarlier.set(v.criterionId, v);
    }
  }
  return criterionIds.map((criterionId): CriterionStanding => {
    const now = current.get(criterionId);
    if (now) return { criterionId, kind: "JUDGED", status: now.status, comment: now.comment, round: now.round };
    const before = latestEarlier.get(criterionId);
    if (before?.status === "ACCEPTED") return { criterionId, kind: "CARRIED", round: before.round, comment: before.comment };
    return { criterionId, kind: "UNJUDGED" };
  });
}

/** Criteria with no verdict in this round (carried ones count as judged). */
export function unjudgedCriteria(standing: readonly CriterionStanding[]): string[] {
  return standing.filter((s) => s.kind === "UNJUDGED").map((s) => s.criterionId);
}

/** Criteria accepted in an earlier round and carried into this one. */
export function carriedCriteria(standing: readonly CriterionStanding[]): string[] {
  return standing.filter((s) => s.kind === "CARRIED").map((s) => s.criterionId);
}

/** How a carried criterion is shown, to the reviewer and to the unit alike. */
export function carriedLabel(round: number): string {
  return `Đã thống nhất ở vòng ${round}`;
}

/** How a verdict is named, to the reviewer and to the unit alike. */
export const VERDICT_LABELS: Record<VerdictStatus, string> = { ACCEPTED: "Thống nhất", FLAGGED: "Yêu cầu bổ sung" };
