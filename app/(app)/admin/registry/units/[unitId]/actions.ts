"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createRegistrySubUnit, deleteRegistrySubUnit, setRegistrySubUnitActive, setRegistrySubUnitResult, updateRegistrySubUnit } from "@/lib/registry/sub-units";
import { createSubUnitSchema, deleteSubUnitSchema, subUnitResultSchema, subUnitStatusSchema, updateSubUnitSchema } from "@/lib/records/sub-unit-schemas";
import { runAction } from "@/lib/validation/run-action";

/** The unit's registry page and its records pages (the officers' view of the same sub-units). */
function revalidate(input: unknown) {
  const parsed = z.object({ unitId: z.uuid() }).safeParse(input);
  if (!parsed.success) return;
  revalidatePath(`/admin/registry/units/${parsed.data.unitId}`);
  revalidatePath(`/units/${parsed.data.unitId}`, "layout");
}

export async function createRegistrySubUnitAction(input: unknown) {
  const result = await runAction(createSubUnitSchema, input, getActor, (actor, data) => createRegistrySubUnit(getPrisma(), actor, data));
  if (result.ok) revalidate(input);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateRegistrySubUnitAction(input: unknown) {
  const result = await runAction(updateSubUnitSchema, input, getActor, (actor, data) => updateRegistrySubUnit(getPrisma(), actor, data));
  if (result.ok) revalidate(input);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function setRegistrySubUnitResultAction(input: unknown) {
  const result = await runAction(subUnitResultSchema, input, getActor, (actor, data) => setRegistrySubUnitResult(getPrisma(), actor, data));
  if (result.ok) revalidate(input);
  return result;
}

export async function setRegistrySubUnitActiveAction(input: unknown) {
  const result = await runAction(subUnitStatusSchema, input, getActor, (actor, data) => setRegistrySubUnitActive(getPrisma(), actor, data));
  if (result.ok) revalidate(input);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function deleteRegistrySubUnitAction(input: unknown) {
  const result = await runAction(deleteSubUnitSchema, input, getActor, (actor, data) => deleteRegistrySubUnit(getPrisma(), actor, data));
  if (result.ok) revalidate(input);
  return result;
}
