/**
 * The leadership dashboard's data, as one typed contract between the queries
 * (lib/reports/dashboard-queries.ts), the pages and the exports (lib/reports/exports/*).
 * Every figure is computed in the database; these types only carry the results.
 */
import type { DossierState, Sector, UnitKind } from "@/lib/generated/prisma/enums";
import type { IncidentCode } from "@/lib/domain/vocabulary";

export type DashboardFilters = {
  year: number;
  /** Restrict to one commune (drill-down). */
  communeId?: string;
  kind?: UnitKind;
  sector?: Sector;
};

export type HeadlineFigures = {
  unitsByKind: Record<UnitKind, number>;
  /** Units that must take part (active, not excluded). */
  eligible: number;
  excluded: number;
  registered: number;
  submitted: number;
  recognised: number;
  notRecognised: number;
  revoked: number;
  /** Registered after quarter I, or submitted after the self-assessment deadline. */
  late: number;
};

/** registered → submitted → returned (at least once) → recognised. */
export type Funnel = { registered: number; submitted: number; returned: number; recognised: number };

export type CommuneRow = {
  communeId: string;
  name: string;
  /** Managed units of the commune counted for XA-4 (KDC, CQ, DN, CSGD located there, not excluded). */
  kdc: number;
  cq: number;
  dn: number;
  csgd: number;
  eligible: number;
  registered: number;
  recognised: number;
  /** XA-4: 100 % registered and ≥ 70 % recognised (integers, no rounding). */
  meetsCommuneCriterion: boolean;
  /** Sort key: communes furthest from the criterion first. */
  atRisk: boolean;
};

export type IncidentCount = { code: IncidentCode; communeId: string; communeName: string; count: number };

export type TrendPoint = { year: number; eligible: number; registered: number; recognised: number };

export type DashboardData = {
  filters: DashboardFilters;
  generatedAt: string;
  headline: HeadlineFigures;
  funnel: Funnel;
  communes: CommuneRow[];
  incidents: IncidentCount[];
  /** The five years ending with filters.year. */
  trend: TrendPoint[];
};

/** One unit in a commune drill-down, with its dossier for the year. */
export type DrilldownUnit = {
  unitId: string;
  name: string;
  kind: UnitKind;
  sector: Sector | null;
  excluded: boolean;
  dossierId: string | null;
  state: DossierState;
  registrationLate: boolean;
  decisionNumber: string | null;
};
