/**
 * The movement's groups (plan 195/KH-UBND §III.1, seed 003) and how TT124 units fall into them.
 * Pure: no I/O.
 */
import type { MovementGroup, UnitKind } from "@/lib/generated/prisma/enums";

/** TT124 units take part as themselves: XA is a commune, KDC a residential area, the rest agencies. */
export const GROUP_OF_UNIT_KIND: Readonly<Record<UnitKind, MovementGroup>> = {
  XA: "COMMUNE",
  KDC: "RESIDENTIAL_AREA",
  CQ: "AGENCY_ENTERPRISE",
  DN: "AGENCY_ENTERPRISE",
  CSGD: "AGENCY_ENTERPRISE",
};

/** Groups whose members are MovementParticipant rows, not TT124 units. */
export const PARTICIPANT_GROUPS = ["PROVINCIAL_DEPARTMENT", "FRONT_ORGANISATION"] as const satisfies readonly MovementGroup[];
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

/** Groups scored on a sheet (individuals are only nominated for awards). */
export const SCORED_GROUPS = [
  "PROVINCIAL_DEPARTMENT",
  "COMMUNE",
  "FRONT_ORGANISATION",
  "AGENCY_ENTERPRISE",
  "RESIDENTIAL_AREA",
] as const satisfies readonly MovementGroup[];
export type ScoredGroup = (typeof SCORED_GROUPS)[number];

/** As the plan names them, for headings, filters and exports. */
export const MOVEMENT_GROUP_LABEL: Readonly<Record<MovementGroup, string>> = {
  PROVINCIAL_DEPARTMENT: "Sở, ban, ngành và tương đương cấp tỉnh",
  COMMUNE: "Ủy ban nhân dân xã, phường",
  FRONT_ORGANISATION: "Mặt trận Tổ quốc, tổ chức chính trị - xã hội",
  AGENCY_ENTERPRISE: "Cơ quan, tổ chức, doanh nghiệp, cơ sở giáo dục",
  RESIDENTIAL_AREA: "Thôn, tổ dân phố",
  INDIVIDUAL: "Cá nhân",
};

export function isParticipantGroup(group: MovementGroup): group is ParticipantGroup {
  return (PARTICIPANT_GROUPS as readonly MovementGroup[]).includes(group);
}

/**
 * QĐ 510 Đ11 (domain spec §5.1): classification finished before 20/11 for a khu dân cư and before
 * 30/11 for the others (the huyện level's 15/12 is gone since 2025). An ISO date (YYYY-MM-DD), to
 * compare with `todayInVietnam()` and print with `isoToDateText`.
 */
export function classificationDeadline(group: MovementGroup, year: number): string {
  return `${year}-11-${group === "RESIDENTIAL_AREA" ? "20" : "30"}`;
}
