"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { issueDecision } from "@/lib/dossiers/decisions";
import { assertDecidingAuthority } from "@/lib/dossiers/decision-queries";
import { runAction } from "@/lib/validation/run-action";
import { decisionFormSchema } from "@/components/decisions/decision-form-schema";

/** Ban hành quyết định công nhận: the form's schema, then the use-case (which authorizes each unit, all or nothing). */
export async function issueDecisionAction(input: unknown) {
  const result = await runAction(decisionFormSchema, input, getActor, async (actor, data) => {
    const prisma = getPrisma();
    await assertDecidingAuthority(prisma, actor, data);
    return issueDecision(prisma, actor, data);
  });
  if (!result.ok) return result;
  revalidatePath("/decisions");
  return { ok: true as const, data: { id: result.data.id, number: result.data.number } };
}
