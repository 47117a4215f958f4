/**
 * Per-evaluation preparation: the window, and the incidents and discipline records that fall in
 * it, classified and grouped once so every criterion reads them without re-scanning the input.
 */
import { INCIDENT_CATALOGUE, classifyIncident, type IncidentGroup } from "./catalogue";
import type { ClassifiedIncident, EvaluationContext, RuleParameters } from "./criterion";
import type { DisciplineRecord, Incident } from "./schema";
import type { CriteriaKind, IsoDate } from "./types";
import { formatDateVi, isWithin, type YearFacts } from "./window";
import { INCIDENT_CODE_LABELS } from "../domain/vocabulary";

const EMPTY_DISCIPLINES: readonly DisciplineRecord[] = Object.freeze([]);

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface PreparedContext {
  readonly ctx: EvaluationContext;
  /** Facts the engine set aside (outside the window, not in this kind's catalogue). */
  readonly notes: readonly string[];
}

export function prepareContext(
  kind: CriteriaKind,
  year: number,
  facts: YearFacts,
  incidents: readonly Incident[] | undefined,
  disciplines: readonly DisciplineRecord[] | undefined,
  params: RuleParameters,
  asOf: IsoDate | undefined,
): PreparedContext {
  const window = facts.window;
  const windowText = facts.windowText;
  const catalogue = INCIDENT_CATALOGUE[kind];
  let notes: string[] | undefined;

  const incidentsByGroup: Partial<Record<IncidentGroup, ClassifiedIncident[]>> = {};
  if (incidents !== undefined) {
    const ordered = incidents.length > 1 ? [...incidents].sort(byDateThenId) : incidents;
    for (const incident of ordered) {
      if (!isWithin(incident.date, window)) {
        (notes ??= []).push(
          `Vụ việc ${incident.id} (ngày ${formatDateVi(incident.date)}) nằm ngoài kỳ đánh giá ${windowText}, không xét.`,
        );
        continue;
      }
      const entry = catalogue[incident.code];
      if (entry === undefined) {
        (notes ??= []).push(
          `Vụ việc ${incident.id} (${INCIDENT_CODE_LABELS[incident.code]}) không thuộc danh mục tiêu chí của loại đơn vị này, không xét.`,
        );
        continue;
      }
      const list = (incidentsByGroup[entry.group] ??= []);
      list.push({ incident, entry, classification: classifyIncident(incident) });
    }
  }

  let inWindow: readonly DisciplineRecord[] = EMPTY_DISCIPLINES;
  if (disciplines !== undefined && disciplines.length > 0) {
    const kept: DisciplineRecord[] = [];
    for (const record of disciplines) {
      if (isWithin(record.date, window)) kept.push(record);
      else {
        (notes ??= []).push(
          `Quyết định kỷ luật ${record.id} (ngày ${formatDateVi(record.date)}) nằm ngoài kỳ đánh giá ${windowText}, không xét.`,
        );
      }
    }
    if (kept.length > 1) kept.sort(byDateThenId);
    inWindow = kept;
  }

  const ctx: EvaluationContext = {
    kind,
    year,
    window,
    windowText,
    q1Deadline: facts.q1Deadline,
    q1DeadlineText: facts.q1DeadlineText,
    asOf,
    params,
    incidentsProvided: incidents !== undefined,
    incidentsByGroup,
    disciplinesProvided: disciplines !== undefined,
    disciplines: inWindow,
  };
  if (notes !== undefined && notes.length > 1) notes.sort(compareStrings);
  return { ctx, notes: notes ?? [] };
}
