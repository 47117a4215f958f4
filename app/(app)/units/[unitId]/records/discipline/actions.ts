"use server";

import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createDisciplineRecord, deleteDisciplineRecord, updateDisciplineRecord } from "@/lib/records/discipline";
import { createDisciplineSchema, deleteDisciplineSchema, updateDisciplineSchema } from "@/lib/records/discipline-schemas";
import { runAction } from "@/lib/validation/run-action";
import { revalidateUnit } from "../page-helpers";

export async function createDisciplineAction(input: unknown) {
  const result = await runAction(createDisciplineSchema, input, getActor, (actor, data) => createDisciplineRecord(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}

export async function updateDisciplineAction(input: unknown) {
  const result = await runAction(updateDisciplineSchema, input, getActor, (actor, data) => updateDisciplineRecord(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}

export async function deleteDisciplineAction(input: unknown) {
  const result = await runAction(deleteDisciplineSchema, input, getActor, (actor, data) => deleteDisciplineRecord(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}
