"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { saveCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import { cycleCalendarSchema } from "@/lib/workflow/cycle-calendar-schema";
import { runAction } from "@/lib/validation/run-action";

/** Saves a year's deadlines (administrators only: checked again by the use-case). */
export async function saveCycleCalendarAction(input: unknown) {
  const result = await runAction(cycleCalendarSchema, input, getActor, (actor, data) => saveCycleCalendar(getPrisma(), actor, data));
  // Every page showing a countdown reads the calendar.
  if (result.ok) revalidatePath("/", "layout");
  return result.ok ? { ok: true as const, data: { version: result.data.version ?? 1 } } : result;
}
