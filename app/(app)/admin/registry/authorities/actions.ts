"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createAuthority, setAuthorityActive, updateAuthority } from "@/lib/registry/areas-authorities";
import { createAuthoritySchema, setAuthorityActiveSchema, updateAuthoritySchema } from "@/lib/registry/area-authority-schemas";
import { runAction } from "@/lib/validation/run-action";

const LIST = "/admin/registry/authorities";

export async function createAuthorityAction(input: unknown) {
  const result = await runAction(createAuthoritySchema, input, getActor, (actor, data) => createAuthority(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateAuthorityAction(input: unknown) {
  const result = await runAction(updateAuthoritySchema, input, getActor, (actor, data) => updateAuthority(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}

export async function setAuthorityActiveAction(input: unknown) {
  const result = await runAction(setAuthorityActiveSchema, input, getActor, (actor, data) => setAuthorityActive(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}
