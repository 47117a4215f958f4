import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { SimpleListFilters, SimpleListSort } from "@/lib/registry/area-authority-schemas";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { EmptyState } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";

/** The list's URL with some filters changed. */
export function simpleListHref(base: string, filters: SimpleListFilters, change: Partial<SimpleListFilters>) {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.status !== "active") params.set("status", f.status);
  if (f.sort !== "name") params.set("sort", f.sort);
  if (f.dir !== "asc") params.set("dir", f.dir);
  if (f.page !== 1) params.set("page", String(f.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** A column header that sorts the list by it (again: the other way), keeping the other filters. */
export function SortHeader({ base, filters, sort, label }: { base: string; filters: SimpleListFilters; sort: SimpleListSort; label: string }) {
  const active = filters.sort === sort;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th className="px-3 py-2 font-medium" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link className="hover:underline" href={simpleListHref(base, filters, { sort, dir, page: 1 })}>
        {label}
        {active && <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}

/** Search box, status filter, table and pages of the communes and authorities lists (GET: the URL holds the filters). */
export function SimpleRegistryList({
  base,
  searchLabel,
  filters,
  page,
  pageCount,
  empty,
  head,
  children,
}: {
  base: string;
  searchLabel: string;
  filters: SimpleListFilters;
  page: number;
  pageCount: number;
  empty: boolean;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <form method="get" action={base} role="search" aria-label={searchLabel} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <label className="text-sm md:col-span-2">
          <span className="mb-1 block font-medium text-slate-800">Tìm theo mã hoặc tên</span>
          <input name="q" type="search" defaultValue={filters.q ?? ""} className="w-full rounded-md border border-slate-300 px-3 py-2" placeholder="Gõ có dấu hoặc không dấu" />
        </label>
        <FilterSelect
          name="status"
          label="Trạng thái"
          value={filters.status}
          options={[
            { value: "active", label: "Đang hoạt động" },
            { value: "inactive", label: "Đã ngừng hoạt động" },
            { value: "all", label: "Tất cả" },
          ]}
        />
        {filters.sort !== "name" && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
        <div className="flex items-end gap-3">
          <Button type="submit" variant="secondary">Tìm</Button>
          <Link className="py-2 text-sm text-brand-700 hover:underline" href={base}>Bỏ lọc</Link>
        </div>
      </form>
      {empty ? (
        <EmptyState title="Không có bản ghi nào phù hợp với bộ lọc." />
      ) : (
        <CardTable testId="registry-list">
          <thead className="bg-slate-50 text-left text-slate-600">{head}</thead>
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </CardTable>
      )}
      {pageCount > 1 && (
        <nav aria-label="Phân trang" className="mt-4 flex items-center gap-3 text-sm">
          {page > 1 && <Link className="text-brand-700 hover:underline" href={simpleListHref(base, filters, { page: page - 1 })}>← Trang trước</Link>}
          <span>
            Trang {page}/{pageCount}
          </span>
          {page < pageCount && <Link className="text-brand-700 hover:underline" href={simpleListHref(base, filters, { page: page + 1 })}>Trang sau →</Link>}
        </nav>
      )}
    </>
  );
}
