"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { returnReport, saveParticipantReport } from "@/lib/movement/reports";
import { buildProvinceReport, markProvinceReportSent } from "@/lib/movement/province-report";
import { buildProvinceReportSchema, participantReportSchema, provinceReportSentSchema, returnReportSchema } from "@/lib/movement/report-schemas";
import { runAction } from "@/lib/validation/run-action";

const refresh = () => {
  revalidatePath("/movement/reports", "layout");
  revalidatePath("/units", "layout");
};

/** The provincial police enter a participant's report from its paper copy. */
export async function saveParticipantReportAction(input: unknown) {
  const result = await runAction(participantReportSchema, input, getActor, (actor, data) => saveParticipantReport(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}

/** The provincial police return a submitted report with a reason. */
export async function returnReportAction(input: unknown) {
  const result = await runAction(returnReportSchema, input, getActor, (actor, data) => returnReport(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}

/** The provincial police build the year's report to UBND tỉnh from the figures as they stand. */
export async function buildProvinceReportAction(input: unknown) {
  const result = await runAction(buildProvinceReportSchema, input, getActor, (actor, data) => buildProvinceReport(getPrisma(), actor, data.year));
  if (result.ok) refresh();
  return result;
}

/** The provincial police record the number and date of a report sent to UBND tỉnh. */
export async function markProvinceReportSentAction(input: unknown) {
  const result = await runAction(provinceReportSentSchema, input, getActor, (actor, data) => markProvinceReportSent(getPrisma(), actor, data));
  if (result.ok) refresh();
  return result;
}
