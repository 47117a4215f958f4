/**
 * The dashboard's URL: filters (?year=&communeId=&kind=&sector=) and the communes table's order
 * (?sort=). Shared by the pages and the export route handlers, so a button exports exactly what the
 * page shows. Pure (no server or client imports): a bad value is dropped, never an error page.
 */
import { z } from "zod";
import type { Sector, UnitKind } from "@/lib/generated/prisma/enums";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { parseSearchParams, type SearchParamsInput } from "@/lib/validation/input-rules";
import { SECTORS } from "@/lib/reports/exports/labels";
import type { CommuneRow, DashboardFilters } from "@/lib/reports/dashboard-types";

/** First year the year picker offers (the application's first cycle). */
export const FIRST_YEAR = 2022;

/** Columns of the communes table that can be sorted, as they appear in `?sort=` (`-` = descending). */
export const COMMUNE_SORT_KEYS = ["name", "kdc", "cq", "dn", "csgd", "registered", "recognised", "criterion"] as const;
export type CommuneSortKey = (typeof COMMUNE_SORT_KEYS)[number];
export type CommuneSort = { key: CommuneSortKey; descending: boolean };

type RawParams = SearchParamsInput;

const paramsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  communeId: z.uuid().optional().catch(undefined),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  sector: z.enum(SECTORS).optional().catch(undefined),
  sort: z
    .string()
    .transform((value, ctx): CommuneSort | typeof z.NEVER => {
      const descending = value.startsWith("-");
      const key = (descending ? value.slice(1) : value) as CommuneSortKey;
      if (!COMMUNE_SORT_KEYS.includes(key)) {
        ctx.addIssue({ code: "custom", message: "sort" });
        return z.NEVER;
      }
      return { key, descending };
    })
    .optional()
    .catch(undefined),
});

export type DashboardParams = { filters: DashboardFilters; sort?: CommuneSort };

/** The filters and sort of a dashboard URL; the year defaults to `defaultYear` (the current evaluation year). */
export function parseDashboardParams(params: RawParams, defaultYear: number): DashboardParams {
  const parsed = parseSearchParams(paramsSchema, params);
  const filters: DashboardFilters = { year: parsed.year ?? defaultYear };
  if (parsed.communeId) filters.communeId = parsed.communeId;
  if (parsed.kind) filters.kind = parsed.kind as UnitKind;
  if (parsed.sector) filters.sector = parsed.sector as Sector;
  return parsed.sort ? { filters, sort: parsed.sort } : { filters };
}

/** `?sort=` value of a sort: "kdc", "-recognised". */
export function sortParam(sort: CommuneSort): string {
  return `${sort.descending ? "-" : ""}${sort.key}`;
}

/** A dashboard URL: `path` with the filters (and sort) that are set, in a stable order. */
export function dashboardHref(path: string, filters: Partial<DashboardFilters>, sort?: CommuneSort): string {
  const params = new URLSearchParams();
  if (filters.year !== undefined) params.set("year", String(filters.year));
  if (filters.communeId) params.set("communeId", filters.communeId);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.sector) params.set("sector", filters.sector);
  if (sort) params.set("sort", sortParam(sort));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Years the picker offers: the current one back to FIRST_YEAR, plus the chosen one when outside. */
export function pickerYears(current: number, chosen: number): number[] {
  const years = new Set<number>();
  for (let y = current; y >= FIRST_YEAR; y--) years.add(y);
  years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** a/b vs c/d exactly (cross-multiplied); a share of 0 eligible sorts after every real share. */
function compareShares(an: number, ad: number, bn: number, bd: number): number {
  if (ad === 0 || bd === 0) return ad === bd ? 0 : ad === 0 ? 1 : -1;
  return an * bd - bn * ad;
}

function compareBy(key: CommuneSortKey, a: CommuneRow, b: CommuneRow): number {
  switch (key) {
    case "name":
      return collator.compare(a.name, b.name);
    case "registered":
      return compareShares(a.registered, a.eligible, b.registered, b.eligible);
    case "recognised":
      return compareShares(a.recognised, a.eligible, b.recognised, b.eligible);
    case "criterion":
      return Number(a.meetsCommuneCriterion) - Number(b.meetsCommuneCriterion);
    default:
      return a[key] - b[key];
  }
}

/**
 * The communes in the order asked for; without a sort, as the query gave them (at-risk first).
 * Ties keep the query's order, so at-risk communes stay first among equals. Communes with nothing to
 * count (no share) stay last whatever the direction.
 */
export function sortCommunes(rows: readonly CommuneRow[], sort?: CommuneSort): CommuneRow[] {
  if (!sort) return [...rows];
  const shares = sort.key === "registered" || sort.key === "recognised";
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      if (shares && (x.row.eligible === 0) !== (y.row.eligible === 0)) return x.row.eligible === 0 ? 1 : -1;
      const order = compareBy(sort.key, x.row, y.row);
      return (sort.descending ? -order : order) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** Rows the dashboard shows of a long list (communes, incidents by commune) before "Xem tất cả". */
export const DASHBOARD_TOP_ROWS = 20;
/** Rows per page of the full lists (/dashboard/communes, /dashboard/incidents); ?size= may ask 5–200. */
export const LIST_PAGE_SIZE = 50;

const listSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  size: z.coerce.number().int().min(5).max(200).optional().catch(undefined),
});

export type ListPage = { page: number; size: number };

/** `?page=&size=` of a full list; a bad value falls back to the first page of LIST_PAGE_SIZE rows. */
export function parseListParams(params: RawParams): ListPage {
  const parsed = parseSearchParams(listSchema, params);
  return { page: parsed.page ?? 1, size: parsed.size ?? LIST_PAGE_SIZE };
}

/** `href` (a dashboardHref) with the page, and the size when it is not the default. */
export function withListParams(href: string, list: ListPage): string {
  const [path, query = ""] = href.split("?");
  const params = new URLSearchParams(query);
  if (list.page > 1) params.set("page", String(list.page));
  if (list.size !== LIST_PAGE_SIZE) params.set("size", String(list.size));
  const q = params.toString();
  return q ? `${path}?${q}` : path!;
}

/** The page actually shown (a page past the end shows the last one) and the slice of rows it holds. */
export function pageSlice(total: number, list: ListPage): { page: number; pageCount: number; offset: number; limit: number } {
  const pageCount = Math.max(1, Math.ceil(total / list.size));
  const page = Math.min(list.page, pageCount);
  return { page, pageCount, offset: (page - 1) * list.size, limit: list.size };
}
