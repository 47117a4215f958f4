/** The tracking page's URL filters (/movement/reports), parsed leniently: a bad value drops only itself. */
import { z } from "zod";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { pageSearchFields, uuidCursor } from "@/lib/paging/keyset";
import { MIN_YEAR, parseSearchParams, type SearchParamsInput } from "@/lib/validation/input-rules";
import { REPORTING_GROUPS, TRACKING_STATUSES } from "@/lib/movement/report-rules";

export function parseTrackingParams(params: SearchParamsInput) {
  const current = currentEvaluationYear();
  const schema = z.object({
    year: z.coerce.number().int().min(MIN_YEAR).max(current + 1).catch(current),
    group: z.enum(REPORTING_GROUPS).optional().catch(undefined),
    communeId: z.uuid().optional().catch(undefined),
    status: z.enum(TRACKING_STATUSES).optional().catch(undefined),
    ...pageSearchFields(uuidCursor),
  });
  return parseSearchParams(schema, params);
}

export function yearOnly(params: SearchParamsInput): number {
  return parseTrackingParams(params).year;
}
