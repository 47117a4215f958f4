import Form from "next/form";
import { Link } from "@/components/ui/link";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { SECTORS, SECTOR_LABELS } from "@/lib/reports/exports/labels";
import type { DashboardFilters } from "@/lib/reports/dashboard-types";
import { Button } from "@/components/ui/button";
import { asOptions, FilterSelect } from "@/components/ui/filter-select";
import { sortParam, type CommuneSort } from "./dashboard-params";

/**
 * The dashboard's filters as a GET form: the URL holds them (shareable, back button works), and it
 * works without JavaScript; not prefetched, as no link is (components/ui/link.tsx). `communes` absent: the commune is fixed by the page (drill-down).
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
    <Form key={`${filters.year}|${filters.communeId ?? ""}|${filters.kind ?? ""}|${filters.sector ?? ""}`} action={action} scroll={false} prefetch={false} aria-label="Bộ lọc số liệu" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
      <FilterSelect name="year" label="Năm đánh giá" value={filters.year} options={years.map((y) => ({ value: y, label: String(y) }))} />
      {communes && <FilterSelect name="communeId" label="Xã, phường" value={filters.communeId} allLabel="Toàn tỉnh" options={communes.map((c) => ({ value: c.id, label: c.name }))} />}
      <FilterSelect name="kind" label="Loại đơn vị" value={filters.kind} allLabel="Tất cả" options={asOptions(UNIT_KINDS, UNIT_KIND_LABELS)} />
      <FilterSelect name="sector" label="Lĩnh vực" value={filters.sector} allLabel="Tất cả" options={asOptions(SECTORS, SECTOR_LABELS)} />
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
