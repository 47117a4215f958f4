import { Link } from "@/components/ui/link";
import { formatNumber } from "@/lib/format";
import { percentText } from "@/lib/reports/exports/labels";
import type { CommuneRow, DashboardFilters } from "@/lib/reports/dashboard-types";
import { Badge } from "@/components/ui/card";
import { DataTable, tbody, td, tdNum, thead } from "./data-table";
import { dashboardHref, sortCommunes, type CommuneSort, type CommuneSortKey } from "./dashboard-params";

const COLUMNS: { key: CommuneSortKey; label: string; abbr?: string; numeric: boolean }[] = [
  { key: "name", label: "Xã, phường", numeric: false },
  { key: "kdc", label: "KDC", abbr: "Khu dân cư", numeric: true },
  { key: "cq", label: "CQ", abbr: "Cơ quan", numeric: true },
  { key: "dn", label: "DN", abbr: "Doanh nghiệp", numeric: true },
  { key: "csgd", label: "CSGD", abbr: "Cơ sở giáo dục", numeric: true },
  { key: "registered", label: "Đã đăng ký", numeric: true },
  { key: "recognised", label: "Được công nhận", numeric: true },
  { key: "criterion", label: "Đạt tiêu chí xã", numeric: false },
];

function SortHeader({ column, sort, path, filters }: { column: (typeof COLUMNS)[number]; sort?: CommuneSort; path: string; filters: DashboardFilters }) {
  const active = sort?.key === column.key;
  const next: CommuneSort = { key: column.key, descending: active ? !sort!.descending : false };
  const ariaSort = active ? (sort!.descending ? "descending" : "ascending") : undefined;
  const arrow = active ? (sort!.descending ? "▼" : "▲") : "↕";
  const direction = next.descending ? "giảm dần" : "tăng dần";
  return (
    <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 font-medium text-slate-600 ${column.numeric ? "text-right" : "text-left"}`}>
      <Link
        href={dashboardHref(path, filters, next)}
        scroll={false}
        className="inline-flex items-center gap-1 whitespace-nowrap hover:text-brand-700 hover:underline"
        title={`Sắp xếp theo ${column.abbr ?? column.label} ${direction}`}
      >
        {column.abbr ? <abbr title={column.abbr} className="no-underline">{column.label}</abbr> : column.label}
        <span aria-hidden className="text-xs">{arrow}</span>
        <span className="sr-only">, sắp xếp {direction}</span>
      </Link>
    </th>
  );
}

/** "12/15 (80%)": the count over the eligible units, with the share printed as the exports print it. */
function Share({ value, of }: { value: number; of: number }) {
  return (
    <span className="whitespace-nowrap">
      {formatNumber(value)}/{formatNumber(of)} <span className="text-slate-500">({percentText(value, of)})</span>
    </span>
  );
}

/**
 * The communes with their managed units (XA-4): counts by kind, registered and recognised shares of the
 * eligible units, and whether the commune meets the criterion. Sorted on the server (?sort=); without a
 * sort, communes at risk of missing XA-4 come first. Names lead to the commune's drill-down.
 */
export function CommunesTable({
  rows,
  filters,
  sort,
  path = "/dashboard",
  single = false,
  slice,
}: {
  rows: CommuneRow[];
  filters: DashboardFilters;
  sort?: CommuneSort;
  path?: string;
  /** One commune's row (drill-down): no sorting, no link to itself. */
  single?: boolean;
  /** Render only these rows of the sorted list (a top list, a page); the total row still adds up all. */
  slice?: { offset: number; limit: number };
}) {
  const all = sortCommunes(rows, sort);
  const sorted = slice ? all.slice(slice.offset, slice.offset + slice.limit) : all;
  const total = rows.reduce(
    (acc, r) => ({ kdc: acc.kdc + r.kdc, cq: acc.cq + r.cq, dn: acc.dn + r.dn, csgd: acc.csgd + r.csgd, eligible: acc.eligible + r.eligible, registered: acc.registered + r.registered, recognised: acc.recognised + r.recognised, met: acc.met + Number(r.meetsCommuneCriterion) }),
    { kdc: 0, cq: 0, dn: 0, csgd: 0, eligible: 0, registered: 0, recognised: 0, met: 0 },
  );
  const drillFilters = { year: filters.year, kind: filters.kind, sector: filters.sector };
  return (
    <DataTable
      caption={`Kết quả theo xã, phường năm ${filters.year}: đơn vị thuộc diện theo loại, tỷ lệ đăng ký và công nhận trên số thuộc diện, tiêu chí XA-4 (100% đăng ký, từ 70% được công nhận).${sort || single ? "" : " Xã, phường có nguy cơ không đạt được xếp trước."}`}
      captionHidden
      testId="communes-table"
    >
      <thead className={thead}>
        <tr>
          {COLUMNS.map((c) =>
            single ? (
              <th key={c.key} scope="col" className={`px-3 py-2 font-medium text-slate-600 ${c.numeric ? "text-right" : "text-left"}`}>
                {c.abbr ? <abbr title={c.abbr} className="no-underline">{c.label}</abbr> : c.label}
              </th>
            ) : (
              <SortHeader key={c.key} column={c} sort={sort} path={path} filters={filters} />
            ),
          )}
        </tr>
      </thead>
      <tbody className={tbody}>
        {sorted.map((r) => (
          <tr key={r.communeId} className={r.atRisk ? "bg-red-50/40" : undefined} data-commune-id={r.communeId}>
            <th scope="row" className={`${td} text-left font-normal`}>
              {single ? (
                <span className="font-medium">{r.name}</span>
              ) : (
                <Link className="font-medium text-brand-700 hover:underline" href={dashboardHref(`/dashboard/communes/${r.communeId}`, drillFilters)}>
                  {r.name}
                </Link>
              )}
            </th>
            <td className={tdNum} data-col="kdc">{formatNumber(r.kdc)}</td>
            <td className={tdNum} data-col="cq">{formatNumber(r.cq)}</td>
            <td className={tdNum} data-col="dn">{formatNumber(r.dn)}</td>
            <td className={tdNum} data-col="csgd">{formatNumber(r.csgd)}</td>
            <td className={tdNum} data-col="registered"><Share value={r.registered} of={r.eligible} /></td>
            <td className={tdNum} data-col="recognised"><Share value={r.recognised} of={r.eligible} /></td>
            <td className={td} data-col="criterion">
              {r.meetsCommuneCriterion ? <Badge tone="green">Đạt</Badge> : <Badge tone="red">Chưa đạt</Badge>}
            </td>
          </tr>
        ))}
      </tbody>
      {rows.length > 1 && (
        <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold" data-testid="communes-total">
          <tr>
            <th scope="row" className={`${td} text-left`}>Cộng ({formatNumber(rows.length)} xã, phường)</th>
            <td className={tdNum} data-col="kdc">{formatNumber(total.kdc)}</td>
            <td className={tdNum} data-col="cq">{formatNumber(total.cq)}</td>
            <td className={tdNum} data-col="dn">{formatNumber(total.dn)}</td>
            <td className={tdNum} data-col="csgd">{formatNumber(total.csgd)}</td>
            <td className={tdNum}><Share value={total.registered} of={total.eligible} /></td>
            <td className={tdNum}><Share value={total.recognised} of={total.eligible} /></td>
            <td className={td}>{formatNumber(total.met)} đạt</td>
          </tr>
        </tfoot>
      )}
    </DataTable>
  );
}
