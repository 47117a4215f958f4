"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createProvincialCriterion, retireProvincialCriterion, updateProvincialCriterion } from "@/lib/rules/provincial-criteria-store";
import { createProvincialCriterionSchema, retireProvincialCriterionSchema, updateProvincialCriterionSchema } from "@/lib/rules/rule-schemas";
import { runAction } from "@/lib/validation/run-action";

const LIST = "/admin/rules/criteria";

export async function createProvincialCriterionAction(input: unknown) {
  const result = await runAction(createProvincialCriterionSchema, input, getActor, (actor, data) => createProvincialCriterion(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateProvincialCriterionAction(input: unknown) {
  const result = await runAction(updateProvincialCriterionSchema, input, getActor, (actor, { criterionId, version, ...fields }) =>
    updateProvincialCriterion(getPrisma(), actor, { criterionId, version, fields }),
  );
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}

export async function retireProvincialCriterionAction(input: unknown) {
  const result = await runAction(retireProvincialCriterionSchema, input, getActor, (actor, data) => retireProvincialCriterion(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: null } : result;
}
