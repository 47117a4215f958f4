/**
 * Pure rules of a unit's history (ADR 0009): the facts a dossier freezes, the reference date a
 * year is counted on, which dossiers a dated change may still re-copy, and the checks of a dated
 * change. No I/O; lib/registry/placements.ts applies them in a transaction.
 */
import type { DossierState, ExclusionReason, Sector, UnitKind } from "@/lib/generated/prisma/enums";
import { yearReferenceDate } from "@/lib/criteria/window";
import { formatIsoDate } from "@/lib/domain/date-text";

/** What a dossier was about, copied from the unit at registration. */
export type DossierFacts = {
  communeId: string;
  managingAuthorityId: string;
  kind: UnitKind;
  sector: Sector | null;
  exclusionReason: ExclusionReason | null;
};

/** The facts a dossier freezes, from a unit row (or a placement). */
export function dossierFactsOf(unit: { communeId: string; managingAuthorityId: string; kind: UnitKind; sector?: Sector | null; exclusionReason?: ExclusionReason | null }): DossierFacts {
  return { communeId: unit.communeId, managingAuthorityId: unit.managingAuthorityId, kind: unit.kind, sector: unit.sector ?? null, exclusionReason: unit.exclusionReason ?? null };
}

/** Where every unit the registry knows without a date has been since (migration backfill). */
export const HISTORY_START = "2022-01-01";

/**
 * The date a year's denominators are counted on: 15/11, the end of the Đ8 k2 evaluation window.
 * A unit counts for year Y where its placement valid on this date puts it.
 */
export { yearReferenceDate };

/** The first evaluation year a change effective on `isoDate` counts in (its reference date ≥ the date). */
export function evaluationYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate <= yearReferenceDate(year) ? year : year + 1;
}

/**
 * Dossiers whose frozen facts a correction or a dated change may still re-copy: never submitted.
 * Once submitted, what was reviewed and decided stays as it was (the database trigger
 * "unit_placement_sync" holds the same list).
 */
export const NOT_YET_SUBMITTED_STATES = ["NOT_REGISTERED", "REGISTERED", "SELF_ASSESSMENT"] as const satisfies readonly DossierState[];

/** Kinds of dated change the registry page offers. */
export const PLACEMENT_CHANGES = ["MOVE", "CHANGE_AUTHORITY", "CLOSE", "REOPEN", "MERGE", "SPLIT"] as const;
export type PlacementChange = (typeof PLACEMENT_CHANGES)[number];

export const PLACEMENT_CHANGE_LABELS: Record<PlacementChange, string> = {
  MOVE: "Chuyển xã, phường, đặc khu",
  CHANGE_AUTHORITY: "Đổi cơ quan quản lý",
  CLOSE: "Giải thể / ngừng hoạt động",
  REOPEN: "Hoạt động trở lại",
  MERGE: "Sáp nhập vào đơn vị khác",
  SPLIT: "Chia, tách thành đơn vị khác",
};

/** Changes that link the unit to others (UnitSuccession): sáp nhập, chia tách. */
export const SUCCESSION_CHANGES = ["MERGE", "SPLIT"] as const satisfies readonly PlacementChange[];
export const isSuccessionChange = (change: PlacementChange): change is (typeof SUCCESSION_CHANGES)[number] => (SUCCESSION_CHANGES as readonly string[]).includes(change);

/** Units a split may form at most in one change. */
export const MAX_SPLIT_SUCCESSORS = 20;

/** A successor as the rules see it: the unit named by its code, with its open placement. */
export type SuccessorFacts = { id: string; code: string; kind: string; isActive: boolean; alreadyLinked: boolean };

/**
 * Why the units named as successors cannot be, in Vietnamese (null when they can): a merger has
 * one successor, a split one or more; each an active unit of the same kind as the predecessor,
 * not the predecessor itself and not already linked to it. `codes` as typed; `found` the units
 * the codes name.
 */
export function successorsProblem(predecessor: { id: string; kind: string }, change: "MERGE" | "SPLIT", codes: readonly string[], found: readonly SuccessorFacts[]): string | null {
  if (codes.length === 0) return change === "MERGE" ? "Vui lòng nhập mã đơn vị tiếp nhận." : "Vui lòng nhập mã các đơn vị được chia, tách ra.";
  if (change === "MERGE" && codes.length > 1) return "Sáp nhập vào một đơn vị: chỉ nhập một mã đơn vị tiếp nhận.";
  if (codes.length > MAX_SPLIT_SUCCESSORS) return `Mỗi lần chia, tách tối đa ${MAX_SPLIT_SUCCESSORS} đơn vị.`;
  const byCode = new Map(found.map((u) => [u.code.toLowerCase(), u]));
  const seen = new Set<string>();
  for (const code of codes) {
    const key = code.toLowerCase();
    if (seen.has(key)) return `Mã “${code}” được nhập hai lần.`;
    seen.add(key);
    const unit = byCode.get(key);
    if (!unit) return `Không có đơn vị mã “${code}”. Đơn vị mới cần được thêm vào danh mục trước.`;
    if (unit.id === predecessor.id) return "Không thể chọn chính đơn vị này.";
    if (unit.kind !== predecessor.kind) return `Đơn vị “${unit.code}” khác loại với đơn vị này.`;
    if (!unit.isActive) return `Đơn vị “${unit.code}” đã ngừng hoạt động.`;
    if (unit.alreadyLinked) return `Đã ghi nhận đơn vị “${unit.code}” kế thừa đơn vị này từ trước.`;
  }
  return null;
}

/** A placement as the rules see it (dates as ISO yyyy-mm-dd). */
export type PlacementFacts = DossierFacts & { effectiveFrom: string; effectiveTo: string | null; isActive: boolean };

/**
 * Why a dated change cannot apply to the current (open) placement, in Vietnamese, with the field
 * it concerns; null when it can. `today` is the Vietnamese calendar date.
 */
export function placementChangeProblem(
  current: PlacementFacts,
  change: { kind: PlacementChange; effectiveFrom: string; communeId?: string; managingAuthorityId?: string; withCommune?: boolean },
  today: string,
): { message: string; field?: "effectiveFrom" | "communeId" | "managingAuthorityId" | "successorCodes" } | null {
  if (change.effectiveFrom > today) {
    return { field: "effectiveFrom", message: "Chưa hỗ trợ thay đổi có hiệu lực trong tương lai: vui lòng chọn ngày hôm nay hoặc một ngày đã qua." };
  }
  if (change.effectiveFrom < current.effectiveFrom) {
    return { field: "effectiveFrom", message: `Ngày hiệu lực không được trước ngày bắt đầu của vị trí hiện tại (${formatIsoDate(current.effectiveFrom)}).` };
  }
  switch (change.kind) {
    case "MOVE":
      if (!current.isActive) return { message: "Đơn vị đã ngừng hoạt động: hãy cho hoạt động trở lại trước khi chuyển xã." };
      if (current.kind === "XA") return { field: "communeId", message: "Đơn vị cấp xã là chính xã đó, không chuyển sang xã khác được." };
      if (!change.communeId) return { field: "communeId", message: "Vui lòng chọn xã, phường, đặc khu chuyển đến." };
      if (change.communeId === current.communeId) return { field: "communeId", message: "Đơn vị đang thuộc xã, phường, đặc khu này." };
      return null;
    case "CHANGE_AUTHORITY":
      if (!current.isActive) return { message: "Đơn vị đã ngừng hoạt động: hãy cho hoạt động trở lại trước khi đổi cơ quan quản lý." };
      if (!change.managingAuthorityId) return { field: "managingAuthorityId", message: "Vui lòng chọn cơ quan quản lý mới." };
      if (change.managingAuthorityId === current.managingAuthorityId) return { field: "managingAuthorityId", message: "Đơn vị đang do cơ quan này quản lý." };
      return null;
    case "CLOSE":
      return current.isActive ? null : { message: "Đơn vị đã ngừng hoạt động từ trước." };
    case "REOPEN":
      return current.isActive ? { message: "Đơn vị đang hoạt động." } : null;
    case "MERGE":
    case "SPLIT":
      if (!current.isActive) return { message: "Đơn vị đã ngừng hoạt động từ trước." };
      // A commune-level unit is the commune itself: it merges with its commune (commune-merger.ts).
      if (current.kind === "XA" && !change.withCommune) return { field: "successorCodes", message: "Đơn vị cấp xã là chính xã đó: hãy sáp nhập xã, phường ở trang của xã, phường trong danh mục." };
      return null;
  }
}

/**
 * The facts after a change (the placement it opens). A merger closes the absorbed unit; a split
 * closes it when it is divided (chia) and changes nothing of it when a part is separated (tách).
 */
export function placementAfter(current: PlacementFacts, change: { kind: PlacementChange; communeId?: string; managingAuthorityId?: string; predecessorContinues?: boolean }): DossierFacts & { isActive: boolean } {
  const { communeId, managingAuthorityId, kind, sector, exclusionReason, isActive } = current;
  const base = { communeId, managingAuthorityId, kind, sector, exclusionReason, isActive };
  switch (change.kind) {
    case "MOVE":
      return { ...base, communeId: change.communeId! };
    case "CHANGE_AUTHORITY":
      return { ...base, managingAuthorityId: change.managingAuthorityId! };
    case "CLOSE":
    case "MERGE":
      return { ...base, isActive: false };
    case "SPLIT":
      return { ...base, isActive: change.predecessorContinues === true };
    case "REOPEN":
      return { ...base, isActive: true };
  }
}

/** The day before an ISO date (the last day of the placement a change closes). */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** dd/MM/yyyy of an ISO date, as the registry prints dates. */
export { formatIsoDate };
