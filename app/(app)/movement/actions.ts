"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { runAction } from "@/lib/validation/run-action";
import { classifyEvaluation, openParticipantEvaluation, openUnitEvaluation, returnEvaluation, saveReview, saveSelfScores, submitEvaluation } from "@/lib/movement/evaluations";
import {
  classifyEvaluationSchema,
  evaluationVersionSchema,
  openParticipantEvaluationSchema,
  openUnitEvaluationSchema,
  removeMovementEvidenceSchema,
  returnEvaluationSchema,
  saveReviewSchema,
  saveSelfScoresSchema,
} from "@/lib/movement/evaluation-schemas";
import { formatPoints } from "@/lib/movement/classification";
import { removeMovementEvidence } from "@/lib/movement/evidence";

const done = <T extends { ok: boolean }>(r: T) => {
  if (r.ok) revalidatePath("/", "layout");
  return r;
};

export async function openUnitEvaluationAction(input: unknown) {
  return done(await runAction(openUnitEvaluationSchema, input, getActor, (actor, data) => openUnitEvaluation(getPrisma(), actor, data)));
}

export async function openParticipantEvaluationAction(input: unknown) {
  return done(await runAction(openParticipantEvaluationSchema, input, getActor, (actor, data) => openParticipantEvaluation(getPrisma(), actor, data)));
}

export async function saveSelfScoresAction(input: unknown) {
  return done(
    await runAction(saveSelfScoresSchema, input, getActor, async (actor, data) => {
      const r = await saveSelfScores(getPrisma(), actor, data);
      return { ...r, notice: "Đã lưu điểm tự chấm." };
    }),
  );
}

export async function submitEvaluationAction(input: unknown) {
  return done(
    await runAction(evaluationVersionSchema, input, getActor, async (actor, data) => {
      const r = await submitEvaluation(getPrisma(), actor, data);
      return { ...r, notice: `Đã gửi kết quả tự chấm (${formatPoints(r.selfTotal)} điểm) để thẩm định${r.late ? " — gửi sau thời hạn" : ""}.` };
    }),
  );
}

export async function saveReviewAction(input: unknown) {
  return done(
    await runAction(saveReviewSchema, input, getActor, async (actor, data) => {
      const r = await saveReview(getPrisma(), actor, data);
      return { ...r, notice: "Đã lưu kết quả thẩm định." };
    }),
  );
}

export async function returnEvaluationAction(input: unknown) {
  return done(
    await runAction(returnEvaluationSchema, input, getActor, async (actor, data) => {
      const r = await returnEvaluation(getPrisma(), actor, data);
      return { ...r, notice: "Đã trả lại phiếu chấm điểm cho đơn vị." };
    }),
  );
}

export async function classifyEvaluationAction(input: unknown) {
  return done(
    await runAction(classifyEvaluationSchema, input, getActor, async (actor, data) => {
      const r = await classifyEvaluation(getPrisma(), actor, data);
      return { ...r, notice: r.className ? `Đã xếp loại: ${r.className} (${formatPoints(r.reviewedTotal)} điểm).` : `Đã chốt kết quả: ${formatPoints(r.reviewedTotal)} điểm, không đạt mức xếp loại nào.` };
    }),
  );
}

export async function removeMovementEvidenceAction(input: unknown) {
  return done(
    await runAction(removeMovementEvidenceSchema, input, getActor, async (actor, data) => {
      const r = await removeMovementEvidence(getPrisma(), actor, data);
      return { ...r, notice: "Đã gỡ tệp minh chứng." };
    }),
  );
}
