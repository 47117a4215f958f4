"use server";

import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createSubUnit, deleteSubUnit, setSubUnitActive, setSubUnitResult, updateSubUnit } from "@/lib/records/sub-units";
import { createSubUnitSchema, deleteSubUnitSchema, subUnitResultSchema, subUnitStatusSchema, updateSubUnitSchema } from "@/lib/records/sub-unit-schemas";
import { runAction } from "@/lib/validation/run-action";
import { revalidateUnit } from "../page-helpers";

export async function createSubUnitAction(input: unknown) {
  const result = await runAction(createSubUnitSchema, input, getActor, (actor, data) => createSubUnit(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateSubUnitAction(input: unknown) {
  const result = await runAction(updateSubUnitSchema, input, getActor, (actor, data) => updateSubUnit(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function setSubUnitResultAction(input: unknown) {
  const result = await runAction(subUnitResultSchema, input, getActor, (actor, data) => setSubUnitResult(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}

export async function setSubUnitActiveAction(input: unknown) {
  const result = await runAction(subUnitStatusSchema, input, getActor, (actor, data) => setSubUnitActive(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function deleteSubUnitAction(input: unknown) {
  const result = await runAction(deleteSubUnitSchema, input, getActor, (actor, data) => deleteSubUnit(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}
