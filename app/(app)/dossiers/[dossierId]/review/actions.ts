"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { agreeRemainingCriteria, proposeDossier, refuseDossier, returnDossier, reviewCriterion } from "@/lib/dossiers/dossier-actions";
import { criterionReviewSchema, dossierVersionSchema, refusalSchema } from "@/lib/dossiers/dossier-schemas";
import { runAction } from "@/lib/validation/run-action";

const done = <T extends { ok: boolean }>(r: T) => {
  if (r.ok) revalidatePath("/", "layout");
  return r;
};

export async function reviewCriterionAction(input: unknown) {
  return done(await runAction(criterionReviewSchema, input, getActor, (actor, data) => reviewCriterion(getPrisma(), actor, data)));
}
export async function agreeRemainingAction(input: unknown) {
  return done(
    await runAction(dossierVersionSchema, input, getActor, async (actor, data) => {
      const r = await agreeRemainingCriteria(getPrisma(), actor, data);
      return { ...r, notice: `Đã thống nhất ${r.agreed.length} tiêu chí còn lại.` };
    }),
  );
}
export async function returnAction(input: unknown) {
  return done(await runAction(dossierVersionSchema, input, getActor, (actor, data) => returnDossier(getPrisma(), actor, data)));
}
export async function proposeAction(input: unknown) {
  return done(await runAction(dossierVersionSchema, input, getActor, (actor, data) => proposeDossier(getPrisma(), actor, data)));
}
export async function refuseAction(input: unknown) {
  return done(await runAction(refusalSchema, input, getActor, (actor, data) => refuseDossier(getPrisma(), actor, data)));
}
