/**
 * The order the year-end report prints its unit lists in: by commune, then kind (KDC, XA, CQ, DN,
 * CSGD), then name, in Vietnamese collation. Pure: the document worker sorts a province's 30,000
 * units (ADR 0021) rather than the request thread.
 */
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import type { NotRecognisedUnitInput, RecognisedUnitInput, YearEndReportInput } from "./year-end-report-schema";

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const KIND_ORDER = new Map<string, number>(UNIT_KINDS.map((k, i) => [k, i]));

type Listed = RecognisedUnitInput | NotRecognisedUnitInput;

/** What is printed after the name: the decision, or the reason; a last tie-break so the order is stable. */
const detail = (unit: Listed): string => ("decisionNumber" in unit ? unit.decisionNumber : unit.reason);

export function compareReportUnits(a: Listed, b: Listed): number {
  return (
    collator.compare(a.commune, b.commune) ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    collator.compare(a.name, b.name) ||
    detail(a).localeCompare(detail(b))
  );
}

/** `input` with both lists in print order. */
export function sortYearEndReportUnits(input: YearEndReportInput): YearEndReportInput {
  return { ...input, recognised: [...input.recognised].sort(compareReportUnits), notRecognised: [...input.notRecognised].sort(compareReportUnits) };
}
