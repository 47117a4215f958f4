/**
 * What every records page does first: a valid unit id, the year from ?year= (default: the current
 * evaluation year), and a read use-case whose ForbiddenError becomes the 403 page and whose null
 * becomes the 404 page. Server-only.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { MIN_YEAR, searchParam } from "@/lib/validation/input-rules";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";

/** The year pages offer: from TT124's first year to next year (registration opens in quarter I). */
export function selectableYears(): number[] {
  const last = currentEvaluationYear() + 1;
  return Array.from({ length: last - MIN_YEAR + 1 }, (_, i) => last - i);
}

export async function yearFrom(searchParams: SearchParams): Promise<number> {
  const current = currentEvaluationYear();
  return z.coerce.number().int().min(MIN_YEAR).max(current + 1).catch(current).parse(searchParam(await searchParams, "year") ?? current);
}

/** After a successful write: the unit page and every records page of the unit are stale. */
export function revalidateUnit(input: unknown) {
  const parsed = z.object({ unitId: z.uuid() }).safeParse(input);
  if (parsed.success) revalidatePath(`/units/${parsed.data.unitId}`, "layout");
}
