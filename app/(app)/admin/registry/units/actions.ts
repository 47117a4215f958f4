"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createUnit, setUnitActive, updateUnit } from "@/lib/registry/units";
import { changeUnitPlacement } from "@/lib/registry/placements";
import { createUnitSchema, placementChangeSchema, setUnitActiveSchema, updateUnitSchema } from "@/lib/registry/unit-schemas";
import { runAction } from "@/lib/validation/run-action";

const LIST = "/admin/registry/units";

export async function createUnitAction(input: unknown) {
  const result = await runAction(createUnitSchema, input, getActor, (actor, data) => createUnit(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateUnitAction(input: unknown) {
  const result = await runAction(updateUnitSchema, input, getActor, (actor, data) => updateUnit(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}

/** "Ngừng hoạt động" / "Hoạt động trở lại", with a reason kept in the audit log. */
export async function setUnitActiveAction(input: unknown) {
  const result = await runAction(setUnitActiveSchema, input, getActor, (actor, data) => setUnitActive(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}

/** A dated change of the unit's placement: chuyển xã, đổi cơ quan quản lý, giải thể, hoạt động trở lại. */
export async function changeUnitPlacementAction(input: unknown) {
  const result = await runAction(placementChangeSchema, input, getActor, (actor, data) => changeUnitPlacement(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}
