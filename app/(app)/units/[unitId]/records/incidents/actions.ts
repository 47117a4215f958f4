"use server";

import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { createIncident, deleteIncident, updateIncident } from "@/lib/records/incidents";
import { createIncidentSchema, deleteIncidentSchema, updateIncidentSchema } from "@/lib/records/incident-schemas";
import { runAction } from "@/lib/validation/run-action";
import { revalidateUnit } from "../page-helpers";

export async function createIncidentAction(input: unknown) {
  const result = await runAction(createIncidentSchema, input, getActor, (actor, data) => createIncident(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}

export async function updateIncidentAction(input: unknown) {
  const result = await runAction(updateIncidentSchema, input, getActor, (actor, data) => updateIncident(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}

export async function deleteIncidentAction(input: unknown) {
  const result = await runAction(deleteIncidentSchema, input, getActor, (actor, data) => deleteIncident(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}
