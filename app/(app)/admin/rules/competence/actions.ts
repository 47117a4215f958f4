"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createCompetenceRule, deleteCompetenceRule } from "@/lib/rules/competence-store";
import { competenceRuleSchema, deleteCompetenceRuleSchema } from "@/lib/rules/rule-schemas";
import { runAction } from "@/lib/validation/run-action";

const LIST = "/admin/rules/competence";

export async function createCompetenceRuleAction(input: unknown) {
  const result = await runAction(competenceRuleSchema, input, getActor, (actor, data) => createCompetenceRule(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function deleteCompetenceRuleAction(input: unknown) {
  const result = await runAction(deleteCompetenceRuleSchema, input, getActor, (actor, data) => deleteCompetenceRule(getPrisma(), actor, data.ruleId));
  if (result.ok) revalidatePath(LIST);
  return result.ok ? { ok: true as const, data: null } : result;
}
