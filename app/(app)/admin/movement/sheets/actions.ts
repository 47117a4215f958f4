"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import {
  addSheetLine,
  copyScoringSheet,
  createScoringSheet,
  moveSheetLine,
  publishScoringSheet,
  removeSheetLine,
  saveSheetClasses,
  updateScoringSheet,
  updateSheetLine,
} from "@/lib/movement/scoring-sheets";
import {
  addLineSchema,
  copySheetSchema,
  createSheetSchema,
  moveLineSchema,
  publishSheetSchema,
  removeLineSchema,
  saveClassesSchema,
  updateLineSchema,
  updateSheetSchema,
} from "@/lib/movement/sheet-schemas";
import { runAction } from "@/lib/validation/run-action";

const LIST = "/admin/movement/sheets";
const refresh = () => revalidatePath(LIST, "layout");

export async function createSheetAction(input: unknown) {
  const result = await runAction(createSheetSchema, input, getActor, (actor, data) => createScoringSheet(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result.ok ? { ok: true as const, data: { id: result.data!.id } } : result;
}

export async function copySheetAction(input: unknown) {
  const result = await runAction(copySheetSchema, input, getActor, (actor, data) => copyScoringSheet(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result.ok ? { ok: true as const, data: { id: result.data!.id } } : result;
}

export async function updateSheetAction(input: unknown) {
  const result = await runAction(updateSheetSchema, input, getActor, (actor, data) => updateScoringSheet(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}

export async function addSheetLineAction(input: unknown) {
  const result = await runAction(addLineSchema, input, getActor, (actor, data) => addSheetLine(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}

export async function updateSheetLineAction(input: unknown) {
  const result = await runAction(updateLineSchema, input, getActor, (actor, data) => updateSheetLine(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}

export async function removeSheetLineAction(input: unknown) {
  const result = await runAction(removeLineSchema, input, getActor, (actor, data) => removeSheetLine(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}

export async function moveSheetLineAction(input: unknown) {
  const result = await runAction(moveLineSchema, input, getActor, (actor, data) => moveSheetLine(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}

export async function saveSheetClassesAction(input: unknown) {
  const result = await runAction(saveClassesSchema, input, getActor, (actor, data) => saveSheetClasses(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}

export async function publishSheetAction(input: unknown) {
  const result = await runAction(publishSheetSchema, input, getActor, (actor, data) => publishScoringSheet(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result.ok ? { ok: true as const, data: { id: result.data.id, version: result.data.version } } : result;
}
