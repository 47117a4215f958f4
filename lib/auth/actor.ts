import type { ReviewerLevel, Role, UnitKind } from "@/lib/generated/prisma/enums";

/** The signed-in user as the permission function sees them; loaded fresh from the database per request. */
export type Actor = {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  /** UNIT_OFFICER of one unit. */
  unitId: string | null;
  /** UNIT_OFFICER of a commune, or a commune-police REVIEWER: the commune's area id. */
  areaId: string | null;
  reviewerLevel: ReviewerLevel | null;
  authorityId: string | null;
  /**
   * Who reviews which unit kind, from the competence table (CompetenceRule) in force today.
   * Absent: the built-in default of lib/auth/permissions.ts.
   */
  competence?: Readonly<Record<UnitKind, ReviewerLevel>>;
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Quản trị hệ thống",
  REVIEWER: "Cán bộ thẩm định",
  UNIT_OFFICER: "Cán bộ đơn vị",
  LEADER: "Lãnh đạo",
};

export const REVIEWER_LEVEL_LABELS: Record<ReviewerLevel, string> = {
  PROVINCIAL_POLICE: "Công an tỉnh",
  COMMUNE_POLICE: "Công an xã, phường, đặc khu",
};
