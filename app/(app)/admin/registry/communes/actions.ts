"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createCommune, setCommuneActive, updateCommune } from "@/lib/registry/areas-authorities";
import { mergeCommune } from "@/lib/registry/commune-merger";
import { createCommuneSchema, mergeCommuneSchema, setCommuneActiveSchema, updateCommuneSchema } from "@/lib/registry/area-authority-schemas";
import { runAction } from "@/lib/validation/run-action";

const LIST = "/admin/registry/communes";

export async function createCommuneAction(input: unknown) {
  const result = await runAction(createCommuneSchema, input, getActor, (actor, data) => createCommune(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateCommuneAction(input: unknown) {
  const result = await runAction(updateCommuneSchema, input, getActor, (actor, data) => updateCommune(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}

export async function setCommuneActiveAction(input: unknown) {
  const result = await runAction(setCommuneActiveSchema, input, getActor, (actor, data) => setCommuneActive(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}

/** Sáp nhập xã: the units, the registry lists and the dashboards all change. */
export async function mergeCommuneAction(input: unknown) {
  const result = await runAction(mergeCommuneSchema, input, getActor, (actor, data) => mergeCommune(getPrisma(), actor, data));
  if (result.ok) {
    revalidatePath(LIST, "layout");
    revalidatePath("/admin/registry/units", "layout");
    revalidatePath("/dashboard", "layout");
  }
  return result;
}
