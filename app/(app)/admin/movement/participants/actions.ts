"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createParticipant, setParticipantActive, updateParticipant } from "@/lib/movement/participants";
import { createParticipantSchema, setParticipantActiveSchema, updateParticipantSchema } from "@/lib/movement/sheet-schemas";
import { runAction } from "@/lib/validation/run-action";

const LIST = "/admin/movement/participants";

export async function createParticipantAction(input: unknown) {
  const result = await runAction(createParticipantSchema, input, getActor, (actor, data) => createParticipant(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data!.id } } : result;
}

export async function updateParticipantAction(input: unknown) {
  const result = await runAction(updateParticipantSchema, input, getActor, (actor, data) => updateParticipant(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data!.id, version: result.data!.version } } : result;
}

export async function setParticipantActiveAction(input: unknown) {
  const result = await runAction(setParticipantActiveSchema, input, getActor, (actor, data) => setParticipantActive(getPrisma(), actor, data));
  if (result.ok) revalidatePath(LIST, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}
