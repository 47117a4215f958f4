"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { registerDossier, startSelfAssessment } from "@/lib/dossiers/dossier-actions";
import { revokeRecognition } from "@/lib/dossiers/decisions";
import { dossierVersionSchema, registrationFormSchema, revocationSchema } from "@/lib/dossiers/dossier-schemas";
import { runAction } from "@/lib/validation/run-action";

export async function registerAction(input: unknown) {
  const result = await runAction(registrationFormSchema, input, getActor, (actor, data) => registerDossier(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function startSelfAssessmentAction(input: unknown) {
  const result = await runAction(dossierVersionSchema, input, getActor, (actor, data) => startSelfAssessment(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function revokeAction(input: unknown) {
  const result = await runAction(revocationSchema, input, getActor, (actor, data) => revokeRecognition(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
