/**
 * Thu hồi công nhận for several units of one recognition decision (issue 12 §2). TT124 has no
 * revocation clause (domain spec §4.2): like the single revocation on a dossier page, it is a
 * deliberate act with a reason and the reference of the revoking document, never automatic. This
 * use-case only scopes the request to one decision; every unit then passes exactly the checks of a
 * single revocation (`revokeRecognitions`: the decider's permission for its unit, the version seen,
 * lib/workflow's REVOKE transition from RECOGNISED with a reason and a reference), all or nothing,
 * with one audit event per unit.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/validation/action-result";
import type { DecisionRevocationInput } from "@/components/decisions/decision-change-schema";
import { revokeRecognitions } from "./decisions";

export async function revokeDecisionRecognitions(prisma: PrismaClient, actor: Actor | null, input: DecisionRevocationInput, now: Date = new Date()) {
  // Whoever may decide for no unit is refused before anything about the decision is disclosed.
  authorize(actor, { action: "decision.issue" });
  const decision = await prisma.recognitionDecision.findUnique({ where: { id: input.decisionId }, select: { id: true, number: true, cancelledAt: true } });
  if (!decision) throw new UserFacingError("Quyết định không tồn tại.");
  if (decision.cancelledAt) throw new UserFacingError(`Quyết định số ${decision.number} đã bị hủy; không còn đơn vị nào để thu hồi công nhận.`);
  // Read outside the revocation's transaction, and still sound: a dossier leaves its decision
  // only by a transition (a cancelled decision sends it back to PROPOSED), which moves its
  // version, and the revocation matches every dossier on the version the person saw.
  const ids = input.dossiers.map((d) => d.dossierId);
  const rows = await prisma.dossier.findMany({ where: { id: { in: ids } }, select: { id: true, decisionId: true } });
  const ofDecision = new Set(rows.filter((r) => r.decisionId === decision.id).map((r) => r.id));
  if (ids.some((id) => !ofDecision.has(id))) throw new UserFacingError(`Có đơn vị được chọn không được công nhận theo Quyết định số ${decision.number}. Vui lòng tải lại trang.`, "dossiers");
  const states = await revokeRecognitions(prisma, actor, { dossiers: input.dossiers, reason: input.reason, reference: input.reference }, now);
  return { id: decision.id, number: decision.number, revokedUnits: states.length };
}
