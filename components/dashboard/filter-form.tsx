import Form from "next/form";
import Link from "next/link";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { SECTORS, SECTOR_LABELS } from "@/lib/reports/exports/labels";
import type { DashboardFilters } from "@/lib/reports/dashboard-types";
import { Button } from "@/components/ui/button";
import { sortParam, type CommuneSort } from "./dashboard-params";

const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600";

/**
 * The dashboard's filters as a GET form: the URL holds them (shareable, back button works), and it
 * works without JavaScript. `communes` absent: the commune is fixed by the page (drill-down).
 */
export function FilterForm({
  action,
  filters,
  years,
  communes,
  sort,
}: {
  action: string;
  filters: DashboardFilters;
  years: number[];
  communes?: { id: string; name: string }[];
  sort?: CommuneSort;
}) {
  return (
    // Keyed by the filters: after "Bỏ lọc" or the back button the selects show the URL's values again.
    <Form key={`${filters.year}|${filters.communeId ?? ""}|${filters.kind ?? ""}|${filters.sector ?? ""}`} action={action} scroll={false} aria-label="Bộ lọc số liệu" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-800">Năm đánh giá</span>
        <select name="year" defaultValue={filters.year} className={select}>
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
      </label>
      {communes && (
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">Xã, phường</span>
          <select name="communeId" defaultValue={filters.communeId ?? ""} className={select}>
            <option value="">Toàn tỉnh</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
      )}
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-800">Loại đơn vị</span>
        <select name="kind" defaultValue={filters.kind ?? ""} className={select}>
          <option value="">Tất cả</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-800">Lĩnh vực</span>
        <select name="sector" defaultValue={filters.sector ?? ""} className={select}>
          <option value="">Tất cả</option>
          {SECTORS.map((s) => (
            <option key={s} value={s}>{SECTOR_LABELS[s]}</option>
          ))}
        </select>
      </label>
      {sort && <input type="hidden" name="sort" value={sortParam(sort)} />}
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary">Xem số liệu</Button>
        {(filters.communeId || filters.kind || filters.sector) && (
          <Link className="py-2 text-sm text-brand-700 hover:underline" href={`${action}?year=${filters.year}`}>
            Bỏ lọc
          </Link>
        )}
      </div>
    </Form>
  );
}
