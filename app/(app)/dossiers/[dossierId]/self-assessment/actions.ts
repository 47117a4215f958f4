"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { criterionAnswerSchema, saveCriterionAnswer, submitDossier } from "@/lib/dossiers/self-assessment";
import { removeEvidence, uploadEvidence } from "@/lib/dossiers/evidence-files";
import { evidenceStorage } from "@/lib/dossiers/evidence-storage";
import { dossierVersionSchema } from "@/lib/dossiers/dossier-schemas";
import { runAction } from "@/lib/validation/run-action";

export async function saveAnswerAction(input: unknown) {
  const result = await runAction(criterionAnswerSchema, input, getActor, (actor, data) => saveCriterionAnswer(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/dossiers/[dossierId]/self-assessment", "page");
  return result;
}

const uploadSchema = z.object({
  dossierId: z.uuid("Mã hồ sơ không hợp lệ."),
  criterionId: z.string().trim().min(1).max(40),
  file: z.instanceof(File, { error: "Vui lòng chọn tệp minh chứng." }).refine((f) => f.size > 0, "Vui lòng chọn tệp minh chứng."),
});

export async function uploadEvidenceAction(form: FormData) {
  const result = await runAction(uploadSchema, Object.fromEntries(form.entries()), getActor, async (actor, data) => {
    const file = await uploadEvidence(getPrisma(), evidenceStorage(), actor, {
      dossierId: data.dossierId,
      criterionId: data.criterionId,
      fileName: data.file.name,
      bytes: new Uint8Array(await data.file.arrayBuffer()),
    });
    return { id: file.id };
  });
  if (result.ok) revalidatePath("/dossiers/[dossierId]/self-assessment", "page");
  return result;
}

export async function removeEvidenceAction(input: unknown) {
  const result = await runAction(z.object({ evidenceId: z.uuid() }), input, getActor, (actor, data) => removeEvidence(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/dossiers/[dossierId]/self-assessment", "page");
  return result;
}

export async function submitAction(input: unknown) {
  const result = await runAction(dossierVersionSchema, input, getActor, (actor, data) => submitDossier(getPrisma(), actor, data));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
