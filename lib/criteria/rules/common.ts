/**
 * Checks shared by several criteria. Each adds one sentence of the reason, its facts and the
 * "still needed" items to the criterion's VerdictBuilder, so readiness comes from the same code
 * path as the verdict.
 *
 * Missing vs failing, everywhere: a fact that was never provided (undefined) → MISSING_DATA;
 * a fact provided and failing (false, null document, short count) → NOT_MET.
 */
import { DISCIPLINE_LEVEL_LABELS, DISCIPLINE_RANK, EMULATION_RESULT_LABELS, type EmulationResult } from "../../domain/vocabulary";
import type { IncidentGroup } from "../catalogue";
import type { EvaluationContext, VerdictBuilder } from "../criterion";
import { formatPercent, formatThreshold, meetsRatio, requiredNumerator, ALL, type Threshold } from "../ratio";
import type { DisciplineRecord, DocumentFact, LawAndOrder, MovementModel, SecurityForce, SubUnit } from "../schema";
import type { Facts } from "../types";
import { formatDateVi } from "../window";

/** A noun phrase used both inside a sentence and at its start. */
export interface Phrase {
  readonly lower: string;
  readonly upper: string;
}

/** Built once at module load, so no sentence ever needs capitalising at run time. */
export function phrase(lower: string): Phrase {
  return Object.freeze({ lower, upper: lower.charAt(0).toUpperCase() + lower.slice(1) });
}

/**
 * Sentences that depend only on a call site's constant wording and the (kind, year) window are
 * built once: most units have no incident and no discipline, and these are their sentences.
 */
const noIncidentSentences = new Map<string, Map<string, string>>();
const noDisciplineSentences = new Map<string, Map<string, string>>();

function cached(cache: Map<string, Map<string, string>>, outer: string, inner: string): string | undefined {
  return cache.get(outer)?.get(inner);
}

function remember(cache: Map<string, Map<string, string>>, outer: string, inner: string, sentence: string): string {
  let byInner = cache.get(outer);
  if (byInner === undefined) {
    byInner = new Map();
    cache.set(outer, byInner);
  }
  byInner.set(inner, sentence);
  return sentence;
}

function noIncidentSentence(scope: string, windowText: string): string {
  return (
    cached(noIncidentSentences, scope, windowText) ??
    remember(noIncidentSentences, scope, windowText, `Không xảy ra ${scope} trong kỳ ${windowText}.`)
  );
}

function noDisciplineSentence(scope: string, barText: string): string {
  return (
    cached(noDisciplineSentences, scope, barText) ??
    remember(noDisciplineSentences, scope, barText, `Không có cá nhân ${scope} ${barText} trong kỳ.`)
  );
}

/** At most `limit` ids in a reason; the facts always carry the full list. */
export function listIds(ids: readonly string[], limit = 10): string {
  if (ids.length <= limit) return ids.join(", ");
  return `${ids.slice(0, limit).join(", ")} và ${ids.length - limit} trường hợp khác`;
}

export function quarterPassed(ctx: EvaluationContext): boolean {
  return ctx.asOf !== undefined && ctx.asOf > ctx.q1Deadline;
}

// --- Documents due in quý I -------------------------------------------------------------------

/**
 * A registration-dossier document (Đ9 k2 a) due "trong quý I": on or before 31/03 of year Y,
 * and not older than the window's start (an older one belongs to the previous year's dossier).
 */
export function q1DocumentCheck(
  b: VerdictBuilder,
  doc: DocumentFact | undefined,
  label: Phrase,
  factKey: string,
  ctx: EvaluationContext,
): void {
  const year = ctx.year;
  if (doc === undefined) {
    b.fact(factKey, null);
    b.add("MISSING_DATA", `Chưa có thông tin về ${label.lower}.`);
    b.need("DATA", `Khai ${label.lower} (ngày, số hiệu) hoặc xác nhận là chưa có`);
    return;
  }
  if (doc === null) {
    b.fact(factKey, null);
    b.add("NOT_MET", `Chưa có ${label.lower}.`);
    if (quarterPassed(ctx)) b.need("BLOCKER", `Không có ${label.lower} trong quý I/${year}: không thể đáp ứng tiêu chí năm ${year}`);
    else b.need("ACTION", `Còn thiếu ${label.lower} quý I/${year} (hạn chót ${ctx.q1DeadlineText})`);
    return;
  }
  b.fact(factKey, doc.date);
  const dateText = formatDateVi(doc.date);
  const refText = doc.ref !== undefined && doc.ref !== "" ? ` số ${doc.ref}` : "";
  if (doc.date > ctx.q1Deadline) {
    b.add(
      "NOT_MET",
      `${label.upper}${refText} ngày ${dateText}, sau quý I (hạn ${ctx.q1DeadlineText}): không đáp ứng yêu cầu “trong quý I”.`,
    );
    b.need("BLOCKER", `${label.upper} lập sau quý I/${year} (ngày ${dateText}): không thể đáp ứng yêu cầu “trong quý I” năm ${year}`);
    return;
  }
  if (doc.date < ctx.window.from) {
    b.add(
      "NOT_MET",
      `${label.upper}${refText} ngày ${dateText}, trước kỳ đánh giá năm ${year} (từ ${formatDateVi(ctx.window.from)}): không phải văn bản của năm ${year}.`,
    );
    if (quarterPassed(ctx)) b.need("BLOCKER", `Không có ${label.lower} của năm ${year} trong quý I: không thể đáp ứng tiêu chí năm ${year}`);
    else b.need("ACTION", `Cần ${label.lower} của năm ${year} (hạn chót ${ctx.q1DeadlineText}); văn bản hiện có thuộc kỳ trước`);
    return;
  }
  b.met(`${label.upper}${refText} ngày ${dateText} (trong quý I).`);
}

// --- Declarations -------------------------------------------------------------------------------

export interface DeclarationTexts {
  /** Full sentences. */
  readonly met: string;
  readonly notMet: string;
  readonly missing: string;
  /** Readiness item when false, and (prefixed "Xác nhận: ") when missing. */
  readonly action: string;
}

export function declarationCheck(b: VerdictBuilder, value: boolean | undefined, factKey: string, texts: DeclarationTexts): void {
  if (value === undefined) {
    b.fact(factKey, null);
    b.add("MISSING_DATA", texts.missing);
    b.need("DATA", `Xác nhận: ${texts.action.charAt(0).toLowerCase()}${texts.action.slice(1)}`);
    return;
  }
  b.fact(factKey, value);
  if (!value) {
    b.add("NOT_MET", texts.notMet);
    b.need("ACTION", texts.action);
    return;
  }
  b.met(texts.met);
}

// --- Incidents ----------------------------------------------------------------------------------

const NO_IDS: readonly string[] = Object.freeze([]);

/** Plain comparison: ids are opaque strings, and Array#sort's default ToString path is slower. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NO_DISCIPLINE_FACTS: Facts = Object.freeze({ disciplineIds: NO_IDS, belowThresholdDisciplineIds: NO_IDS });
const ALL_RULES_FACTS: Facts = Object.freeze({ internalRulesAbsent: NO_IDS, internalRulesUndeclared: NO_IDS });

const NO_INCIDENT_FACTS: Facts = Object.freeze({
  incidentIds: NO_IDS,
  exemptIncidentIds: NO_IDS,
  notCountedIncidentIds: NO_IDS,
  undeterminedIncidentIds: NO_IDS,
});

/**
 * "Không để xảy ra …": NOT_MET when a counted incident is in the window, MISSING_DATA when the
 * list was never given or an incident lacks the fact that decides whether it counts.
 * `scope` is a plural noun phrase such as "vụ việc thuộc Điều 4 khoản 3 (điểm a–g)".
 */
export function incidentGroupCheck(b: VerdictBuilder, ctx: EvaluationContext, group: IncidentGroup, scope: string): void {
  if (!ctx.incidentsProvided) {
    b.shareFacts(NO_INCIDENT_FACTS);
    b.add("MISSING_DATA", `Chưa có danh sách vụ việc trong kỳ để xét ${scope}.`);
    b.need("DATA", "Cập nhật danh sách vụ việc trong kỳ (hoặc xác nhận không có vụ việc nào)");
    return;
  }
  const list = ctx.incidentsByGroup[group];
  if (list === undefined) {
    b.shareFacts(NO_INCIDENT_FACTS);
    b.met(noIncidentSentence(scope, ctx.windowText));
    return;
  }
  let disqualifying: string[] | undefined;
  let disqualifyingIds: string[] | undefined;
  let undetermined: string[] | undefined;
  let undeterminedIds: string[] | undefined;
  let setAside: string[] | undefined;
  let exemptIds: string[] | undefined;
  let notCountedIds: string[] | undefined;
  for (const { incident, entry, classification } of list) {
    switch (classification.cls) {
      case "DISQUALIFYING":
        (disqualifying ??= []).push(`${incident.id} – ${entry.label} (${entry.ref}), ngày ${formatDateVi(incident.date)}`);
        (disqualifyingIds ??= []).push(incident.id);
        break;
      case "UNDETERMINED":
        (undetermined ??= []).push(`${incident.id} (${entry.label}) ${classification.why}`);
        (undeterminedIds ??= []).push(incident.id);
        break;
      case "EXEMPT":
        (setAside ??= []).push(`${incident.id}: ${classification.why}`);
        (exemptIds ??= []).push(incident.id);
        break;
      case "NOT_COUNTED":
        (setAside ??= []).push(`${incident.id}: ${classification.why}`);
        (notCountedIds ??= []).push(incident.id);
        break;
    }
  }
  b.fact("incidentIds", disqualifyingIds ?? NO_IDS);
  b.fact("exemptIncidentIds", exemptIds ?? NO_IDS);
  b.fact("notCountedIncidentIds", notCountedIds ?? NO_IDS);
  b.fact("undeterminedIncidentIds", undeterminedIds ?? NO_IDS);
  const setAsideText = setAside === undefined ? "" : ` (không tính ${setAside.join("; ")})`;
  if (disqualifying !== undefined) {
    b.add("NOT_MET", `Xảy ra ${disqualifying.length} ${scope} trong kỳ ${ctx.windowText}: ${disqualifying.join("; ")}${setAsideText}.`);
    b.need("BLOCKER", `Đã xảy ra ${scope} trong kỳ (${listIds(disqualifyingIds ?? NO_IDS)}): không thể khắc phục trong năm ${ctx.year}`);
    return;
  }
  if (undetermined !== undefined) {
    b.add("MISSING_DATA", `Chưa đủ dữ kiện để xét ${undetermined.join("; ")}${setAsideText}.`);
    for (const text of undetermined) b.need("DATA", `Bổ sung dữ kiện cho vụ ${text}`);
    return;
  }
  b.met(`Không xảy ra ${scope} trong kỳ ${ctx.windowText}${setAsideText}.`);
}

// --- Discipline ---------------------------------------------------------------------------------

const CANH_CAO_TEXT = `bị kỷ luật từ hình thức ${DISCIPLINE_LEVEL_LABELS.CANH_CAO.toLowerCase()} trở lên`;

/** How a discipline bar is worded: rank 1 = any discipline, 2 = "từ cảnh cáo trở lên". */
export function disciplineBarText(minRank: number): string {
  return minRank <= 1 ? "bị xử lý kỷ luật" : CANH_CAO_TEXT;
}

/**
 * `minRank` is a position on DISCIPLINE_RANK: 1 = any discipline ("bị xử lý kỷ luật"),
 * 2 = "từ cảnh cáo trở lên". Records below the bar are named in the reason but never fail it.
 * `barText` overrides the wording (plan targets use other anchors, e.g. khiển trách).
 */
export function disciplineCheck(
  b: VerdictBuilder,
  ctx: EvaluationContext,
  inScope: (record: DisciplineRecord) => boolean,
  minRank: number,
  scope: string,
  barText: string = disciplineBarText(minRank),
): void {
  if (!ctx.disciplinesProvided) {
    b.shareFacts(NO_DISCIPLINE_FACTS);
    b.add("MISSING_DATA", `Chưa có danh sách kỷ luật trong kỳ để xét cá nhân ${scope}.`);
    b.need("DATA", "Cập nhật danh sách quyết định kỷ luật trong kỳ (hoặc xác nhận không có)");
    return;
  }
  let offending: DisciplineRecord[] | undefined;
  let below: DisciplineRecord[] | undefined;
  for (const record of ctx.disciplines) {
    if (!inScope(record)) continue;
    if (DISCIPLINE_RANK[record.level] >= minRank) (offending ??= []).push(record);
    else (below ??= []).push(record);
  }
  if (offending === undefined && below === undefined) {
    b.shareFacts(NO_DISCIPLINE_FACTS);
    b.met(noDisciplineSentence(scope, barText));
    return;
  }
  const offendingIds = offending === undefined ? NO_IDS : offending.map((r) => r.id);
  const belowIds = below === undefined ? NO_IDS : below.map((r) => r.id);
  b.fact("disciplineIds", offendingIds);
  b.fact("belowThresholdDisciplineIds", belowIds);
  if (offending !== undefined) {
    const described = offending.map((r) => `${r.id} (${DISCIPLINE_LEVEL_LABELS[r.level]}, ${formatDateVi(r.date)})`);
    b.add("NOT_MET", `Có ${offending.length} cá nhân ${scope} ${barText} trong kỳ: ${listIds(described)}.`);
    b.need("BLOCKER", `Đã có cá nhân ${scope} ${barText} trong kỳ (${listIds(offendingIds)}): không thể khắc phục trong năm ${ctx.year}`);
    return;
  }
  if (below === undefined) {
    b.met(noDisciplineSentence(scope, barText));
    return;
  }
  const belowKind = below.length === 1 ? DISCIPLINE_LEVEL_LABELS[below[0]!.level].toLowerCase() : "dưới ngưỡng";
  b.met(`Không có cá nhân ${scope} ${barText} trong kỳ (${below.length} trường hợp ${belowKind}: ${listIds(belowIds)}, dưới ngưỡng nên không tính).`);
}

// --- Emulation results --------------------------------------------------------------------------

/**
 * TTLĐTT is a title, the others a rating; the title presupposes "hoàn thành tốt nhiệm vụ"
 * (Luật Thi đua, khen thưởng 2022), so it satisfies both bars below.
 */
export function meetsGoodOrBetter(result: EmulationResult): boolean {
  return result === "TTLDTT" || result === "HTXSNV" || result === "HTTNV";
}

export function meetsCompletedOrBetter(result: EmulationResult): boolean {
  return result !== "KHTNV";
}

export const GOOD_OR_BETTER_TEXT = "“Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên";
export const COMPLETED_OR_BETTER_TEXT = "“Hoàn thành nhiệm vụ” trở lên";

export function forceRatingCheck(b: VerdictBuilder, force: SecurityForce | undefined, minimum: "HTNV" | "HTTNV", forceLabel: Phrase): void {
  if (force?.eligibleForRating === false) {
    b.fact("securityForceResult", null);
    b.add("NOT_APPLICABLE", `${forceLabel.upper} không thuộc diện bình xét thi đua, không xét phần xếp loại.`);
    return;
  }
  const requirement = minimum === "HTNV" ? COMPLETED_OR_BETTER_TEXT : GOOD_OR_BETTER_TEXT;
  const result = force?.result;
  if (result === undefined) {
    b.fact("securityForceResult", null);
    b.add("MISSING_DATA", `Chưa có kết quả đánh giá, xếp loại của ${forceLabel.lower}.`);
    b.need("DATA", `Cập nhật kết quả đánh giá của ${forceLabel.lower} (cần ${requirement})`);
    return;
  }
  b.fact("securityForceResult", result);
  const ok = minimum === "HTNV" ? meetsCompletedOrBetter(result) : meetsGoodOrBetter(result);
  if (!ok) {
    b.add("NOT_MET", `${forceLabel.upper} được đánh giá “${EMULATION_RESULT_LABELS[result]}”, cần ${requirement}.`);
    b.need("BLOCKER", `${forceLabel.upper} chỉ đạt “${EMULATION_RESULT_LABELS[result]}” (cần ${requirement})`);
    return;
  }
  b.met(`${forceLabel.upper} đạt “${EMULATION_RESULT_LABELS[result]}”.`);
}

// --- Sub-unit share -----------------------------------------------------------------------------

export interface SubUnitCount {
  /** Denominator: sub-units eligible for emulation rating (eligibleForRating !== false). */
  readonly eligible: number;
  readonly meeting: number;
  /** Eligible but not yet rated. */
  readonly pending: number;
  readonly notEligible: number;
  readonly belowIds: readonly string[];
}

export function countSubUnits(subUnits: readonly SubUnit[], meets: (r: EmulationResult) => boolean): SubUnitCount {
  let eligible = 0;
  let meeting = 0;
  let pending = 0;
  let notEligible = 0;
  let belowIds: string[] | undefined;
  for (const unit of subUnits) {
    if (unit.eligibleForRating === false) {
      notEligible++;
      continue;
    }
    eligible++;
    if (unit.result === undefined) pending++;
    else if (meets(unit.result)) meeting++;
    else (belowIds ??= []).push(unit.id);
  }
  if (belowIds !== undefined && belowIds.length > 1) belowIds.sort(compareIds);
  return { eligible, meeting, pending, notEligible, belowIds: belowIds ?? NO_IDS };
}

export interface ShareWording {
  /** Plural noun, e.g. "phòng, ban, tổ, đội". */
  readonly noun: string;
  /** e.g. "đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên". */
  readonly achievement: string;
  /** Short form for to-do items, e.g. "TTLĐTT hoặc HTTNV trở lên". */
  readonly shortAchievement: string;
  /** "cần" for the law, "chỉ tiêu" for a plan. */
  readonly requirementWord: string;
}

/**
 * Share of eligible sub-units meeting the bar, with pending results handled monotonically:
 * MET if already enough, NOT_MET if not enough even if every pending one succeeds,
 * MISSING_DATA in between. No eligible sub-unit at all → NOT_APPLICABLE (decision Q4).
 */
export function shareCheck(b: VerdictBuilder, count: SubUnitCount, threshold: Threshold, wording: ShareWording, year: number): void {
  const { eligible, meeting, pending, notEligible } = count;
  const required = eligible === 0 ? 0 : requiredNumerator(eligible, threshold);
  b.fact("subUnitsEligible", eligible);
  b.fact("subUnitsMeeting", meeting);
  b.fact("subUnitsPending", pending);
  b.fact("subUnitsNotEligible", notEligible);
  b.fact("subUnitsRequired", required);
  b.fact("subUnitIdsBelow", count.belowIds);
  const thresholdText = formatThreshold(threshold);
  const excludedText = notEligible > 0 ? ` (không tính ${notEligible} đơn vị không đủ điều kiện bình xét)` : "";
  const { noun } = wording;
  if (eligible === 0) {
    b.add("NOT_APPLICABLE", `Không có ${noun} nào đủ điều kiện bình xét danh hiệu thi đua, không xét tỷ lệ ${thresholdText}${excludedText}.`);
    return;
  }
  const base = `Có ${meeting}/${eligible} ${noun} ${wording.achievement} (${formatPercent(meeting, eligible, threshold)}), ${wording.requirementWord} ${thresholdText}`;
  if (meetsRatio(meeting, eligible, threshold)) {
    b.met(`${base}${excludedText}.`);
    return;
  }
  if (meetsRatio(meeting + pending, eligible, threshold)) {
    b.add("MISSING_DATA", `${base}; còn ${pending} ${noun} chưa có kết quả bình xét${excludedText}.`);
    b.need("ACTION", `Cần thêm ${required - meeting} ${noun} đạt ${wording.shortAchievement} (hiện ${meeting}/${eligible}, cần ${required}/${eligible})`);
    return;
  }
  const pendingText = pending > 0 ? `; kể cả ${pending} ${noun} chưa có kết quả cũng không đủ` : "";
  b.add("NOT_MET", `${base}${pendingText}${excludedText}.`);
  b.need(
    "BLOCKER",
    `Chỉ còn tối đa ${meeting + pending}/${eligible} ${noun} có thể đạt ${wording.shortAchievement}, cần ${required}/${eligible} (${thresholdText}) trong năm ${year}`,
  );
}

// --- 100 % coverage -----------------------------------------------------------------------------

export interface CoverageWording {
  /** "hộ gia đình đang cư trú". */
  readonly population: string;
  /** "đã đăng ký tham gia". */
  readonly done: string;
  /** To-do noun: "hộ gia đình đăng ký tham gia …". */
  readonly actionNoun: string;
  /** Fact keys, spelled out (not built from a prefix) so no key string is created per call. */
  readonly totalKey: string;
  readonly doneKey: string;
}

export function fullCoverageCheck(b: VerdictBuilder, done: number | undefined, total: number | undefined, w: CoverageWording): void {
  b.fact(w.totalKey, total ?? null);
  b.fact(w.doneKey, done ?? null);
  if (done === undefined || total === undefined) {
    b.add("MISSING_DATA", `Chưa có số liệu ${w.population} ${w.done}.`);
    b.need("DATA", `Cập nhật tổng số ${w.population} và số ${w.done}`);
    return;
  }
  if (done >= total) {
    b.met(`${total}/${total} ${w.population} ${w.done} (100%).`);
    return;
  }
  b.add("NOT_MET", `${done}/${total} ${w.population} ${w.done} (${formatPercent(done, total, ALL)}), cần 100%.`);
  b.need("ACTION", `Cần thêm ${total - done} ${w.actionNoun}`);
}

// --- Models, internal rules, previous-year comparison ---------------------------------------------

const MODEL = "mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc";

export function movementModelCheck(b: VerdictBuilder, models: readonly MovementModel[] | undefined): void {
  if (models === undefined) {
    b.fact("effectiveModelIds", NO_IDS);
    b.add("MISSING_DATA", `Chưa có thông tin về ${MODEL}.`);
    b.need("DATA", `Khai các ${MODEL} (hoặc xác nhận chưa có)`);
    return;
  }
  let effective: string[] | undefined;
  for (const m of models) if (m.effective) (effective ??= []).push(m.id);
  if (effective === undefined) {
    b.fact("effectiveModelIds", NO_IDS);
    b.add(
      "NOT_MET",
      models.length === 0 ? `Chưa có ${MODEL} nào.` : `Có ${models.length} mô hình nhưng chưa có mô hình nào hoạt động hiệu quả.`,
    );
    b.need("ACTION", `Xây dựng, củng cố hoặc duy trì ít nhất 01 ${MODEL} hoạt động hiệu quả`);
    return;
  }
  if (effective.length > 1) effective.sort(compareIds);
  b.fact("effectiveModelIds", effective);
  b.met(`Có ${effective.length} ${MODEL} hoạt động hiệu quả (${listIds(effective)}).`);
}

export function internalRulesCheck<K extends string>(
  b: VerdictBuilder,
  rules: Partial<Record<K, boolean>> | undefined,
  topics: readonly (readonly [K, string])[],
  allTopicsText: string,
): void {
  let undeclared: string[] | undefined;
  let absent: string[] | undefined;
  for (const [key, label] of topics) {
    const value = rules?.[key];
    if (value === undefined) (undeclared ??= []).push(label);
    else if (!value) (absent ??= []).push(label);
  }
  if (absent === undefined && undeclared === undefined) {
    b.shareFacts(ALL_RULES_FACTS);
    b.met(`Có đủ nội quy, quy định về ${allTopicsText}.`);
    return;
  }
  b.fact("internalRulesAbsent", absent ?? NO_IDS);
  b.fact("internalRulesUndeclared", undeclared ?? NO_IDS);
  if (absent !== undefined) {
    b.add("NOT_MET", `Chưa có nội quy, quy định về ${absent.join(", ")}.`);
    b.need("ACTION", `Ban hành nội quy, quy định về ${absent.join(", ")}`);
    return;
  }
  if (undeclared !== undefined) {
    b.add("MISSING_DATA", `Chưa khai nội quy, quy định về ${undeclared.join(", ")}.`);
    b.need("DATA", `Xác nhận đã có nội quy, quy định về ${undeclared.join(", ")}`);
    return;
  }
  b.met(`Có đủ nội quy, quy định về ${allTopicsText}.`);
}

/**
 * Đ4 k4 a "kiềm chế, kéo giảm so với năm trước", decided per category (decision Q3): each of
 * crimes, social evils and other violations must not exceed the previous year's figure.
 * Equal counts — including zero in both years — are "kiềm chế" and pass.
 */
export function lawAndOrderTrendCheck(b: VerdictBuilder, data: LawAndOrder | undefined): void {
  const current = data?.current;
  const previous = data?.previous;
  b.fact("crimes", current?.crimes ?? null);
  b.fact("socialEvils", current?.socialEvils ?? null);
  b.fact("otherViolations", current?.otherViolations ?? null);
  b.fact("crimesPrevious", previous?.crimes ?? null);
  b.fact("socialEvilsPrevious", previous?.socialEvils ?? null);
  b.fact("otherViolationsPrevious", previous?.otherViolations ?? null);
  if (current === undefined) {
    b.add("MISSING_DATA", "Chưa có số liệu tội phạm, tệ nạn xã hội, vi phạm pháp luật khác trong kỳ.");
    b.need("DATA", "Cập nhật số liệu tội phạm, tệ nạn xã hội, vi phạm pháp luật khác trong kỳ");
    return;
  }
  if (previous === undefined) {
    if (data?.noPreviousYear === true) {
      b.add(
        "NOT_APPLICABLE",
        "Đơn vị không có số liệu năm trước để so sánh (mới thành lập hoặc sắp xếp lại), không xét nội dung kiềm chế, kéo giảm.",
      );
      return;
    }
    b.add("MISSING_DATA", "Chưa có số liệu năm trước để so sánh.");
    b.need("DATA", "Cập nhật số liệu tội phạm, tệ nạn xã hội, vi phạm pháp luật khác của năm trước");
    return;
  }
  const summary =
    `Tội phạm ${current.crimes} (năm trước ${previous.crimes}), tệ nạn xã hội ${current.socialEvils} (năm trước ${previous.socialEvils}), ` +
    `vi phạm pháp luật khác ${current.otherViolations} (năm trước ${previous.otherViolations})`;
  let increased: string[] | undefined;
  if (current.crimes > previous.crimes) (increased ??= []).push(`tội phạm ${current.crimes} > ${previous.crimes}`);
  if (current.socialEvils > previous.socialEvils) (increased ??= []).push(`tệ nạn xã hội ${current.socialEvils} > ${previous.socialEvils}`);
  if (current.otherViolations > previous.otherViolations) {
    (increased ??= []).push(`vi phạm pháp luật khác ${current.otherViolations} > ${previous.otherViolations}`);
  }
  if (increased !== undefined) {
    b.add("NOT_MET", `${summary}: tăng so với năm trước (${increased.join("; ")}).`);
    b.need("BLOCKER", `Số liệu đã tăng so với năm trước (${increased.join("; ")})`);
    return;
  }
  b.met(`${summary}: không tăng so với năm trước.`);
}
