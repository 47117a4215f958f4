/**
 * Who is a candidate for which award (issue 14 §3), as data: each award kind has a rule read from
 * the nominee's record (lib/awards/record.ts). The product proposes candidates; the reviewer still
 * chooses the nominees and writes their achievements.
 *
 * PROVISIONAL. Plan 195/KH-UBND §III.2 b) (seed 003) defers the criteria to the province's own
 * emulation rules and the law on emulation and commendation in force when the proposal is made;
 * those texts are not in our sources. The thresholds below are our reading of the Law on Emulation
 * and Commendation 2022 for collectives, expressed through what the product knows (the movement
 * class and the TT124 recognition), and are named constants so a province can correct them in
 * one place. Pure: no I/O.
 */
import type { AwardKind } from "@/lib/generated/prisma/enums";
import { AWARD_KIND_SHORT_LABELS } from "./kinds";
import { consecutiveYearsEndingAt, type NomineeRecord, yearsAtRank } from "./record";

/** The best class of a sheet (ScoringClass.rank 1: "Xuất sắc" on the 2026 sheets). */
export const TOP_CLASS_RANK = 1;
/** Cờ thi đua of the provincial People's Committee: years of TT124 recognition in a row, ending with the year (provisional). */
export const PROVINCIAL_FLAG_RECOGNISED_YEARS = 2;
/** National forms: years of TT124 recognition in a row, ending with the year (provisional). */
export const NATIONAL_RECOGNISED_YEARS = 5;
/** Bằng khen of the Prime Minister: years in a row in the best class, ending with the year (provisional). */
export const PRIME_MINISTER_TOP_CLASS_YEARS = 2;
/** National forms build on an earlier award of the level below, given within these many years (provisional). */
export const PRIOR_AWARD_WITHIN_YEARS = 5;

export type CandidateRule = {
  /** Years in a row, ending with the proposal's year, in the best class (at least 1). */
  topClassYears: number;
  /** Years in a row, ending with the year, of TT124 recognition; not asked of a participant (not a TT124 unit). */
  recognisedYears: number;
  /** At least one earlier award of one of these kinds, within PRIOR_AWARD_WITHIN_YEARS; [] for none. */
  priorAwardKinds: readonly AwardKind[];
};

export const CANDIDATE_RULES: Record<AwardKind, CandidateRule> = {
  GIAY_KHEN: { topClassYears: 1, recognisedYears: 0, priorAwardKinds: [] },
  BANG_KHEN_CHU_TICH_UBND_TINH: { topClassYears: 1, recognisedYears: 0, priorAwardKinds: [] },
  CO_THI_DUA_UBND_TINH: { topClassYears: 1, recognisedYears: PROVINCIAL_FLAG_RECOGNISED_YEARS, priorAwardKinds: [] },
  BANG_KHEN_THU_TUONG: { topClassYears: PRIME_MINISTER_TOP_CLASS_YEARS, recognisedYears: NATIONAL_RECOGNISED_YEARS, priorAwardKinds: ["BANG_KHEN_CHU_TICH_UBND_TINH", "CO_THI_DUA_UBND_TINH"] },
  HUAN_CHUONG_LAO_DONG: { topClassYears: 1, recognisedYears: NATIONAL_RECOGNISED_YEARS, priorAwardKinds: ["BANG_KHEN_THU_TUONG"] },
  CO_THI_DUA_CHINH_PHU: { topClassYears: 1, recognisedYears: NATIONAL_RECOGNISED_YEARS, priorAwardKinds: ["CO_THI_DUA_UBND_TINH"] },
};

/** The rule in words, for the page ("Đề xuất: …"). */
export function ruleDescription(kind: AwardKind): string {
  const rule = CANDIDATE_RULES[kind];
  const parts = [rule.topClassYears > 1 ? `xếp loại cao nhất ${rule.topClassYears} năm liên tục đến năm đề nghị` : "xếp loại cao nhất (Xuất sắc) trong năm đề nghị"];
  if (rule.recognisedYears > 0) parts.push(`đạt tiêu chuẩn "An toàn về an ninh, trật tự" ${rule.recognisedYears} năm liên tục (đơn vị thuộc diện Thông tư 124)`);
  if (rule.priorAwardKinds.length > 0) parts.push(`đã được tặng ${rule.priorAwardKinds.map((k) => AWARD_KIND_SHORT_LABELS[k]).join(" hoặc ")} trong ${PRIOR_AWARD_WITHIN_YEARS} năm gần đây`);
  return parts.join("; ");
}

export type CandidateCheck = { eligible: boolean; met: string[]; missing: string[] };

/**
 * Whether a collective with this record is a candidate for `kind` in `year`. `tt124Unit` is false
 * for a movement participant, which has no TT124 recognition to show.
 */
export function checkCandidate(kind: AwardKind, year: number, record: NomineeRecord, subject: { tt124Unit: boolean }): CandidateCheck {
  const rule = CANDIDATE_RULES[kind];
  const met: string[] = [];
  const missing: string[] = [];
  const top = consecutiveYearsEndingAt(yearsAtRank(record, TOP_CLASS_RANK), year);
  const topText = rule.topClassYears > 1 ? `Xếp loại cao nhất ${rule.topClassYears} năm liên tục` : `Xếp loại cao nhất năm ${year}`;
  (top >= rule.topClassYears ? met : missing).push(top >= rule.topClassYears || rule.topClassYears === 1 ? topText : `${topText} (mới ${top} năm)`);
  if (rule.recognisedYears > 0 && subject.tt124Unit) {
    const recognised = consecutiveYearsEndingAt(record.recognisedYears, year);
    const text = `Đạt chuẩn ANTT ${rule.recognisedYears} năm liên tục`;
    (recognised >= rule.recognisedYears ? met : missing).push(recognised >= rule.recognisedYears ? text : `${text} (mới ${recognised} năm)`);
  }
  if (rule.priorAwardKinds.length > 0) {
    const prior = record.awards.find((a) => rule.priorAwardKinds.includes(a.kind) && a.year < year && a.year >= year - PRIOR_AWARD_WITHIN_YEARS);
    const text = `Đã được tặng ${rule.priorAwardKinds.map((k) => AWARD_KIND_SHORT_LABELS[k]).join(" hoặc ")}`;
    (prior ? met : missing).push(prior ? `${text} (năm ${prior.year})` : text);
  }
  return { eligible: missing.length === 0, met, missing };
}
