/**
 * A dossier history row as people read it: what happened, to which criterion (code and a short
 * title), by whom (full name, not the login). Pure: the caller supplies the criterion titles and
 * the people's names it knows.
 */
import { auditActionLabel } from "@/lib/audit/audit-actions";
import { VERDICT_LABELS } from "@/lib/workflow/review-round";

export type HistoryEvent = { id: bigint | number | string; at: Date; actorId?: string | null; actorUsername: string | null; action: string; before: unknown; after: unknown };
export type HistoryRow = { id: string; at: Date; label: string; actor: string; criteria: { id: string; title: string }[]; detail: string | null };

const SHORT_TITLE_MAX = 60;

/** A long criterion title cut at a word boundary, so a history row stays one line. */
export function shortTitle(title: string, max = SHORT_TITLE_MAX): string {
  const t = title.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

export function describeHistoryEvent(event: HistoryEvent, titles: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): HistoryRow {
  const after = record(event.after);
  const before = record(event.before);
  const ids = [
    ...(typeof after.criterionId === "string" ? [after.criterionId] : []),
    ...(Array.isArray(after.criterionIds) ? after.criterionIds.filter((x): x is string => typeof x === "string") : []),
  ];
  // One or a few criteria are named with their title; a long list (an agreement with all the
  // remaining ones) by code only, so the row stays readable.
  const criteria = ids.map((id) => ({ id, title: ids.length <= 3 ? shortTitle(titles.get(id) ?? "") : "" }));
  let detail: string | null = null;
  if (event.action === "dossier.criterion_reviewed" && (after.status === "ACCEPTED" || after.status === "FLAGGED")) {
    detail = [VERDICT_LABELS[after.status], text(after.comment)].filter(Boolean).join(": ");
  } else if (event.action === "evidence.uploaded") {
    detail = text(after.fileName);
  } else if (event.action === "evidence.removed") {
    detail = text(before.fileName);
  }
  const actor = (event.actorId && names.get(event.actorId)) || event.actorUsername || "Hệ thống";
  return { id: String(event.id), at: event.at, label: auditActionLabel(event.action), actor, criteria, detail };
}
