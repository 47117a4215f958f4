/**
 * Vietnamese wording shared by the dashboard exports (Excel workbook, year-end Word report): labels the
 * domain vocabulary does not carry yet, the scope line of the filters, percentages and the generation time.
 */
import type { Sector } from "@/lib/generated/prisma/enums";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatDateTime } from "@/lib/format";
import type { DashboardData } from "@/lib/reports/dashboard-types";

/**
 * Sector (lĩnh vực) of a unit. Not in lib/domain/vocabulary.ts yet, which is where it belongs; kept here,
 * as a Record over the Prisma enum so that a new sector fails type checking until it has a label.
 */
export const SECTOR_LABELS: Record<Sector, string> = {
  STATE_ADMINISTRATION: "Cơ quan hành chính nhà nước",
  PUBLIC_SERVICE_UNIT: "Đơn vị sự nghiệp công lập",
  PARTY_MASS_ORGANISATION: "Cơ quan Đảng, Mặt trận, đoàn thể",
  STATE_OWNED_ENTERPRISE: "Doanh nghiệp nhà nước",
  PRIVATE_ENTERPRISE: "Doanh nghiệp ngoài nhà nước",
  FOREIGN_INVESTED_ENTERPRISE: "Doanh nghiệp có vốn đầu tư nước ngoài",
  EDUCATION: "Giáo dục, đào tạo",
  LOCAL_GOVERNMENT: "Chính quyền cơ sở",
  RESIDENTIAL: "Khu dân cư",
};

/** Every sector, in the labels' order (a non-empty tuple, for `z.enum`). */
export const SECTORS = Object.keys(SECTOR_LABELS) as [Sector, ...Sector[]];

/** Verdict of XA-4 as printed in the communes tables. */
export const XA4_MET = "Đạt";
export const XA4_NOT_MET = "Chưa đạt";

export function xa4Label(meets: boolean): string {
  return meets ? XA4_MET : XA4_NOT_MET;
}

/**
 * The share `numerator / denominator` as a fraction (0.857…) for a percent-formatted cell, or null when
 * the denominator is 0: an empty cell, never a division by zero or a misleading 0 %.
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

const percentFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** Shares at which a verdict turns (XA-4: 100 % registered, ≥ 70 % recognised), in tenths of a percent. */
const THRESHOLDS_IN_TENTHS = [700, 1000] as const;

/**
 * "85,7%", rounded to one decimal, except that a share below a threshold of XA-4 is never printed as
 * reaching it: 69,96 % prints "69,9%", not "70%", next to "Chưa đạt"; 99,96 %
 * prints "99,9%". "—" when the denominator is 0.
 */
export function percentText(numerator: number, denominator: number): string {
  if (denominator <= 0) return "—";
  let tenths = Math.round((numerator * 1000) / denominator);
  for (const threshold of THRESHOLDS_IN_TENTHS) {
    // Compared in integers: numerator / denominator < threshold / 1000.
    if (numerator * 1000 < threshold * denominator && tenths >= threshold) tenths = threshold - 1;
  }
  return `${percentFormat.format(tenths / 10)}%`;
}

const numberFormat = new Intl.NumberFormat("vi-VN");

/** "1.234": Vietnamese thousands separator. */
export function numberText(value: number): string {
  return numberFormat.format(value);
}

/** "14:30 20/11/2026" in Vietnam's time; the text as given when it is not a date-time. */
export function generatedAtText(generatedAt: string): string {
  const date = new Date(generatedAt);
  return Number.isNaN(date.getTime()) ? generatedAt : formatDateTime(date);
}

/** The generation time as a Date, when `generatedAt` is one (workbook properties). */
export function generatedAtDate(generatedAt: string): Date | undefined {
  const date = new Date(generatedAt);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** What the filters restrict the figures to, one label per filter; "Toàn tỉnh", "Tất cả" when unset. */
export interface ScopeLabels {
  area: string;
  kind: string;
  sector: string;
  /** True when any filter restricts the figures below the whole province. */
  restricted: boolean;
}

/**
 * The commune filter is an id: its name is taken from `communeName` (the drill-down's), else from the
 * communes table, else the id itself is shown (DashboardFilters carries no commune name).
 */
export function scopeLabels(data: DashboardData, communeName?: string): ScopeLabels {
  const { communeId, kind, sector } = data.filters;
  const area = communeId
    ? (communeName ?? data.communes.find((row) => row.communeId === communeId)?.name ?? communeId)
    : "Toàn tỉnh";
  return {
    area,
    kind: kind ? UNIT_KIND_LABELS[kind] : "Tất cả",
    sector: sector ? SECTOR_LABELS[sector] : "Tất cả",
    restricted: Boolean(communeId || kind || sector),
  };
}

/** "năm 2026 – Toàn tỉnh" or "năm 2026 – Phường Lào Cai – Doanh nghiệp – Doanh nghiệp nhà nước". */
export function scopeLine(data: DashboardData, communeName?: string): string {
  const scope = scopeLabels(data, communeName);
  const parts = [`năm ${data.filters.year}`, scope.area];
  if (data.filters.kind) parts.push(scope.kind);
  if (data.filters.sector) parts.push(scope.sector);
  return parts.join(" – ");
}
