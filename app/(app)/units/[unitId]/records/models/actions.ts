"use server";

import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createMovementModel, deleteMovementModel, updateMovementModel } from "@/lib/records/movement-models";
import { createModelSchema, deleteModelSchema, updateModelSchema } from "@/lib/records/movement-model-schemas";
import { runAction } from "@/lib/validation/run-action";
import { revalidateUnit } from "../page-helpers";

export async function createModelAction(input: unknown) {
  const result = await runAction(createModelSchema, input, getActor, (actor, data) => createMovementModel(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}

export async function updateModelAction(input: unknown) {
  const result = await runAction(updateModelSchema, input, getActor, (actor, data) => updateMovementModel(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}

export async function deleteModelAction(input: unknown) {
  const result = await runAction(deleteModelSchema, input, getActor, (actor, data) => deleteMovementModel(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}
