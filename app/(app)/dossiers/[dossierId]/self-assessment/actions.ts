"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { criterionAnswerSchema, extraAnswerSchema, saveCriterionAnswer, saveExtraAnswer, submitDossier } from "@/lib/dossiers/self-assessment";
import { removeEvidence } from "@/lib/dossiers/evidence-files";
import { dossierVersionSchema } from "@/lib/dossiers/dossier-schemas";
import { idField } from "@/lib/validation/input-rules";
import { runAction } from "@/lib/validation/run-action";

export async function saveAnswerAction(input: unknown) {
  const result = await runAction(criterionAnswerSchema, input, getActor, (actor, data) => saveCriterionAnswer(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/dossiers/[dossierId]/self-assessment", "page");
  return result;
}

/** The officer's answer to one of the province's extra criteria (Đ8 k1). */
export async function saveExtraAnswerAction(input: unknown) {
  const result = await runAction(extraAnswerSchema, input, getActor, (actor, data) => saveExtraAnswer(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/dossiers/[dossierId]/self-assessment", "page");
  return result;
}

export async function removeEvidenceAction(input: unknown) {
  const result = await runAction(z.object({ evidenceId: idField("Tệp minh chứng không hợp lệ.") }), input, getActor, (actor, data) => removeEvidence(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/dossiers/[dossierId]/self-assessment", "page");
  return result;
}

export async function submitAction(input: unknown) {
  const result = await runAction(dossierVersionSchema, input, getActor, (actor, data) => submitDossier(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
