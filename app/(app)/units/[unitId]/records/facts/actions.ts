"use server";

import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { saveYearFacts } from "@/lib/records/year-facts";
import { yearFactsSchema } from "@/lib/records/year-facts-schemas";
import { runAction } from "@/lib/validation/run-action";
import { revalidateUnit } from "../page-helpers";

export async function saveYearFactsAction(input: unknown) {
  const result = await runAction(yearFactsSchema, input, getActor, (actor, data) => saveYearFacts(getPrisma(), actor, data));
  if (result.ok) revalidateUnit(input);
  return result;
}
