/**
 * What the product suggests for the lines of a movement sheet it can answer from its own data
 * (issue 14 §2; keys in lib/movement/prefill-keys.ts). Pure: the facts are read by
 * lib/movement/prefill-facts.ts in a constant number of queries.
 *
 * A suggestion is the line's full maximum or 0 — the sheets' lines are met or not — with a
 * Vietnamese sentence stating the facts it rests on, and `known: false` where the product does not
 * hold the answer (a fact not recorded, a decision still pending): then no score is pre-set and
 * the officer scores the line from their own knowledge.
 */
import type { DisciplineLevel, DossierState, EmulationResult } from "@/lib/generated/prisma/enums";
import { DISCIPLINE_LEVEL_LABELS, EMULATION_RESULT_LABELS } from "@/lib/domain/vocabulary";
import { formatIsoDate } from "@/lib/domain/date-text";
import { formatPoints } from "./classification";
import { isPrefillKey, type PrefillKey } from "./prefill-keys";

/** The unit's TT124 dossier of the year, as far as the movement needs it (dates as "yyyy-mm-dd"). */
export type DossierFacts = {
  state: DossierState;
  registeredOn: string | null;
  registrationLate: boolean;
  partyResolutionRef: string | null;
  partyResolutionOn: string | null;
  planRef: string | null;
  planOn: string | null;
};

export type PrefillFacts = {
  year: number;
  /** Null when the unit has no dossier for the year. */
  dossier: DossierFacts | null;
  /** MovementModel rows of the year with isEffective. */
  effectiveModels: number;
  /** Discipline decisions of the year (decidedOn in the year), their levels. */
  disciplineLevels: readonly DisciplineLevel[];
  /** Active sub-units eligible for rating, and the results of the year of those that have one. */
  subUnits: { eligible: number; results: readonly EmulationResult[] };
  /** UnitYearFacts of the year, null when not recorded. */
  yearFacts: {
    staffTotal: number | null;
    staffBriefed: number | null;
    householdsResident: number | null;
    householdsRegistered: number | null;
    securityForceRating: EmulationResult | null;
  } | null;
  /** For a commune: its KDC, agencies, enterprises and schools in the standard (not excluded), and their dossiers' states. */
  communeUnits: { total: number; registered: number; recognised: number; pending: number } | null;
};

export type PrefillSuggestion = { points: number; reason: string; known: boolean };

/** Registration and decision states: the dossier is still in the year's course (no outcome yet). */
const PENDING_STATES: readonly DossierState[] = ["REGISTERED", "SELF_ASSESSMENT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED"];
/** "Tập thể lao động tiên tiến" or "Hoàn thành tốt nhiệm vụ" and above (seed 004 d). */
const GOOD_RESULTS: readonly EmulationResult[] = ["TTLDTT", "HTXSNV", "HTTNV"];
/** "Hoàn thành nhiệm vụ" and above. */
const DONE_RESULTS: readonly EmulationResult[] = ["TTLDTT", "HTXSNV", "HTTNV", "HTNV"];

const quarterIEnd = (year: number) => `${year}-03-31`;
const inQuarterI = (iso: string, year: number) => iso >= `${year}-01-01` && iso <= quarterIEnd(year);
const percent = (part: number, whole: number) => `${Math.floor((part * 100) / whole)}%`;
/** part / whole ≥ 70 %, in integers. */
const seventyPercent = (part: number, whole: number) => part * 10 >= whole * 7;
const registered = (d: DossierFacts | null): d is DossierFacts => d !== null && d.state !== "NOT_REGISTERED";

type Verdict = { met: boolean | null; reason: string };

function verdict(key: PrefillKey, f: PrefillFacts): Verdict {
  const y = f.year;
  const d = f.dossier;
  switch (key) {
    case "registeredInQuarterI":
      if (!registered(d) || !d.registeredOn) return { met: false, reason: `Đơn vị chưa đăng ký phấn đấu năm ${y} trên hệ thống.` };
      if (d.registrationLate || !inQuarterI(d.registeredOn, y))
        return { met: false, reason: `Đơn vị đăng ký phấn đấu ngày ${formatIsoDate(d.registeredOn)}, sau quý I năm ${y}.` };
      return { met: true, reason: `Đơn vị đăng ký phấn đấu ngày ${formatIsoDate(d.registeredOn)}, trong quý I năm ${y}.` };
    case "partyResolutionInQuarterI":
      if (!registered(d) || !d.partyResolutionOn) return { met: null, reason: `Hồ sơ đăng ký năm ${y} chưa ghi nghị quyết của tổ chức Đảng.` };
    {
      const text = `Nghị quyết ${d.partyResolutionRef?.trim() ? `số ${d.partyResolutionRef.trim()} ` : ""}ngày ${formatIsoDate(d.partyResolutionOn)}`;
      return inQuarterI(d.partyResolutionOn, y) ? { met: true, reason: `${text}, trong quý I năm ${y}.` } : { met: false, reason: `${text}, không trong quý I năm ${y}.` };
    }
    case "unitPlan":
      if (!registered(d) || !d.planRef?.trim()) return { met: null, reason: `Hồ sơ đăng ký năm ${y} chưa ghi kế hoạch bảo đảm an ninh, trật tự.` };
      return { met: true, reason: `Có Kế hoạch số ${d.planRef.trim()}${d.planOn ? ` ngày ${formatIsoDate(d.planOn)}` : ""}.` };
    case "recognisedUnderTt124":
      if (!registered(d)) return { met: false, reason: `Đơn vị không đăng ký phấn đấu năm ${y} nên không được xét công nhận.` };
      if (d.state === "RECOGNISED") return { met: true, reason: `Đơn vị được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm ${y}.` };
      if (d.state === "NOT_RECOGNISED") return { met: false, reason: `Đơn vị không được công nhận đạt tiêu chuẩn năm ${y}.` };
      if (d.state === "REVOKED") return { met: false, reason: `Công nhận năm ${y} của đơn vị đã bị thu hồi.` };
      return { met: null, reason: `Hồ sơ công nhận năm ${y} đang được xét, chưa có quyết định.` };
    case "effectiveModel":
      return f.effectiveModels > 0
        ? { met: true, reason: `Đơn vị có ${f.effectiveModels} mô hình hoạt động hiệu quả trong năm ${y}.` }
        : { met: false, reason: `Chưa ghi nhận mô hình phong trào hoạt động hiệu quả nào của đơn vị trong năm ${y}.` };
    case "noDiscipline":
      return f.disciplineLevels.length === 0
        ? { met: true, reason: `Không có quyết định kỷ luật nào trong năm ${y}.` }
        : { met: false, reason: `Có ${f.disciplineLevels.length} quyết định kỷ luật trong năm ${y} (${levelList(f.disciplineLevels)}).` };
    case "noDisciplineFromWarning": {
      const serious = f.disciplineLevels.filter((l) => l !== "KHIEN_TRACH");
      if (serious.length > 0) return { met: false, reason: `Có ${serious.length} quyết định kỷ luật từ cảnh cáo trở lên trong năm ${y} (${levelList(serious)}).` };
      return f.disciplineLevels.length === 0
        ? { met: true, reason: `Không có quyết định kỷ luật nào trong năm ${y}.` }
        : { met: true, reason: `Trong năm ${y} chỉ có ${f.disciplineLevels.length} quyết định kỷ luật khiển trách, không có hình thức từ cảnh cáo trở lên.` };
    }
    case "subUnitsSeventyPercent": {
      const { eligible, results } = f.subUnits;
      if (eligible === 0) return { met: null, reason: "Đơn vị chưa khai báo đầu mối trực thuộc được xếp loại thi đua." };
      const good = results.filter((r) => GOOD_RESULTS.includes(r)).length;
      const facts = `${good}/${eligible} đầu mối trực thuộc (${percent(good, eligible)}) đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên năm ${y}`;
      if (seventyPercent(good, eligible)) return { met: true, reason: `${facts}.` };
      // Not yet rated sub-units could still bring the share to 70 %.
      if (results.length < eligible && seventyPercent(good + eligible - results.length, eligible))
        return { met: null, reason: `${facts}; còn ${eligible - results.length} đầu mối chưa có kết quả xếp loại.` };
      return { met: false, reason: `${facts}, dưới 70%.` };
    }
    case "staffBriefed": {
      const t = f.yearFacts;
      if (!t || t.staffTotal === null || t.staffBriefed === null || t.staffTotal === 0)
        return { met: null, reason: `Chưa có số liệu cán bộ, người lao động được phổ biến năm ${y}.` };
      return t.staffBriefed >= t.staffTotal
        ? { met: true, reason: `${t.staffBriefed}/${t.staffTotal} cán bộ, người lao động được phổ biến, quán triệt (100%).` }
        : { met: false, reason: `${t.staffBriefed}/${t.staffTotal} cán bộ, người lao động được phổ biến, quán triệt (${percent(t.staffBriefed, t.staffTotal)}), chưa đạt 100%.` };
    }
    case "communeUnitsSeventyPercent": {
      const c = f.communeUnits;
      if (!c || c.total === 0) return { met: null, reason: "Trên địa bàn chưa có khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục nào thuộc diện đánh giá." };
      const facts = `${c.registered}/${c.total} khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký; ${c.recognised}/${c.total} (${percent(c.recognised, c.total)}) được công nhận năm ${y}`;
      if (c.registered < c.total) return { met: false, reason: `${facts}: chưa đủ 100% đăng ký.` };
      if (seventyPercent(c.recognised, c.total)) return { met: true, reason: `${facts}.` };
      if (c.pending > 0 && seventyPercent(c.recognised + c.pending, c.total)) return { met: null, reason: `${facts}; còn ${c.pending} hồ sơ chưa có quyết định.` };
      return { met: false, reason: `${facts}, dưới 70%.` };
    }
    case "householdsRegistered": {
      const t = f.yearFacts;
      if (!t || t.householdsResident === null || t.householdsRegistered === null || t.householdsResident === 0)
        return { met: null, reason: `Chưa có số liệu hộ gia đình cư trú và đăng ký tham gia năm ${y}.` };
      return t.householdsRegistered >= t.householdsResident
        ? { met: true, reason: `${t.householdsRegistered}/${t.householdsResident} hộ gia đình đang cư trú đăng ký tham gia (100%).` }
        : { met: false, reason: `${t.householdsRegistered}/${t.householdsResident} hộ gia đình đang cư trú đăng ký tham gia (${percent(t.householdsRegistered, t.householdsResident)}), chưa đạt 100%.` };
    }
    case "securityForceRated": {
      const r = f.yearFacts?.securityForceRating ?? null;
      if (!r) return { met: null, reason: `Chưa có kết quả đánh giá lực lượng bảo vệ an ninh, trật tự ở cơ sở năm ${y}.` };
      return DONE_RESULTS.includes(r)
        ? { met: true, reason: `Lực lượng bảo vệ an ninh, trật tự ở cơ sở được đánh giá “${EMULATION_RESULT_LABELS[r]}” năm ${y}.` }
        : { met: false, reason: `Lực lượng bảo vệ an ninh, trật tự ở cơ sở được đánh giá “${EMULATION_RESULT_LABELS[r]}” năm ${y}.` };
    }
  }
}

function levelList(levels: readonly DisciplineLevel[]): string {
  const counts = new Map<DisciplineLevel, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([l, n]) => `${n} ${DISCIPLINE_LEVEL_LABELS[l].toLowerCase()}`).join(", ");
}

/** The suggestion for one line: its full maximum when the fact holds, 0 when it does not. */
export function suggestion(key: PrefillKey, facts: PrefillFacts, maxPoints: number): PrefillSuggestion {
  const v = verdict(key, facts);
  if (v.met === null) return { points: 0, reason: `${v.reason} Đơn vị tự chấm điểm tiêu chí này.`, known: false };
  return { points: v.met ? maxPoints : 0, reason: `${v.reason} Gợi ý: ${formatPoints(v.met ? maxPoints : 0)} điểm.`, known: true };
}

/** Suggestions for the lines of a sheet that name a known prefill key (others are absent from the map). */
export function suggestions(
  lines: readonly { criterionId: string; prefillKey: string | null; maxPoints: number }[],
  facts: PrefillFacts,
): Map<string, PrefillSuggestion & { key: PrefillKey }> {
  const out = new Map<string, PrefillSuggestion & { key: PrefillKey }>();
  for (const line of lines) {
    if (line.prefillKey && isPrefillKey(line.prefillKey)) out.set(line.criterionId, { key: line.prefillKey, ...suggestion(line.prefillKey, facts, line.maxPoints) });
  }
  return out;
}

/** Whether the dossier's state says the unit is recognised for the year (classify's TT124 condition). */
export function recognisedFromDossierState(state: DossierState | null | undefined): boolean {
  return state === "RECOGNISED";
}

export { PENDING_STATES as DOSSIER_PENDING_STATES };
