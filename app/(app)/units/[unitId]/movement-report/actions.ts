"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { saveUnitReport } from "@/lib/movement/reports";
import { unitReportSchema } from "@/lib/movement/report-schemas";
import { runAction } from "@/lib/validation/run-action";
import { revalidateUnit } from "../records/page-helpers";

/** A unit's officer saves (or submits) the unit's plan 195 report of the year. */
export async function saveUnitReportAction(input: unknown) {
  const result = await runAction(unitReportSchema, input, getActor, (actor, data) => saveUnitReport(getPrisma(), actor, data));
  if (result.ok) {
    revalidateUnit(input);
    revalidatePath("/movement/reports", "layout");
  }
  return result;
}
