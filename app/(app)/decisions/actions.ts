"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { issueDecision } from "@/lib/dossiers/decisions";
import { runAction } from "@/lib/validation/run-action";
import { decisionFormSchema } from "@/components/decisions/decision-form-schema";

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
