"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { issueDecision } from "@/lib/dossiers/decisions";
import { runAction } from "@/lib/validation/run-action";
import { decisionFormSchema } from "@/components/decisions/decision-form-schema";
import { decisionCancellationSchema, decisionCorrectionSchema, decisionRevocationSchema } from "@/components/decisions/decision-change-schema";
import { cancelDecision, correctDecision } from "@/lib/dossiers/decision-corrections";
import { revokeDecisionRecognitions } from "@/lib/dossiers/bulk-revocation";
import { can, ForbiddenError } from "@/lib/auth/permissions";

/**
 * Ban hành quyết định công nhận: the form's schema, then the use-case, which authorizes each unit
 * and checks the deciding authority in its transaction, all or nothing.
 */
export async function issueDecisionAction(input: unknown) {
  const result = await runAction(decisionFormSchema, input, getActor, (actor, data) => issueDecision(getPrisma(), actor, data));
  if (!result.ok) return result;
  revalidatePath("/decisions");
  return { ok: true as const, data: { id: result.data.id, number: result.data.number } };
}

/** Đính chính: a new version of the decision's text under the same number (permission in the use-case). */
export async function correctDecisionAction(input: unknown) {
  const result = await runAction(decisionCorrectionSchema, input, getActor, (actor, data) => correctDecision(getPrisma(), actor, data));
  if (!result.ok) return result;
  revalidatePath("/decisions");
  revalidatePath(`/decisions/${result.data.id}`);
  return { ok: true as const, data: { id: result.data.id, number: result.data.number, textVersion: result.data.textVersion } };
}

/** Hủy quyết định: the decision is void, its units go back to awaiting a decision; the number is not reused. */
export async function cancelDecisionAction(input: unknown) {
  const result = await runAction(decisionCancellationSchema, input, getActor, (actor, data) => cancelDecision(getPrisma(), actor, data));
  if (!result.ok) return result;
  revalidatePath("/decisions");
  revalidatePath(`/decisions/${result.data.id}`);
  return { ok: true as const, data: { id: result.data.id, number: result.data.number, returnedUnits: result.data.returnedUnits } };
}

/**
 * Thu hồi công nhận of several units of one decision: refused outright to whoever may decide for no
 * unit; the use-case then checks each unit as a single revocation would, all or nothing.
 */
export async function revokeRecognitionsAction(input: unknown) {
  const result = await runAction(decisionRevocationSchema, input, getActor, (actor, data) => {
    if (!can(actor, { action: "decision.issue" })) throw new ForbiddenError("decision.issue");
    return revokeDecisionRecognitions(getPrisma(), actor, data);
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ok: true as const, data: result.data };
}
