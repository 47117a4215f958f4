import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { listRegistryUnits } from "@/lib/registry/units";
import { unitListFiltersSchema, type UnitListFilters, type UnitSort } from "@/lib/registry/unit-schemas";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatNumber } from "@/lib/format";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { asOptions, FilterSelect } from "@/components/ui/filter-select";
import { RegistryTabs } from "@/components/admin/registry/registry-tabs";
import { RegistryFiles } from "@/components/admin/registry/registry-files";
import { CardTable } from "@/components/ui/card-table";

export const metadata = { title: "Danh mục đơn vị" };

const LIST = "/admin/registry/units";

/** The list's URL with some filters changed (a sort or a page keeps the others). */
function href(filters: UnitListFilters, change: Partial<UnitListFilters>) {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.kind) params.set("kind", f.kind);
  if (f.communeId) params.set("communeId", f.communeId);
  if (f.status !== "active") params.set("status", f.status);
  if (f.sort !== "code") params.set("sort", f.sort);
  if (f.dir !== "asc") params.set("dir", f.dir);
  if (f.page !== 1) params.set("page", String(f.page));
  const query = params.toString();
  return query ? `${LIST}?${query}` : LIST;
}

function SortHeader({ filters, sort, label }: { filters: UnitListFilters; sort: UnitSort; label: string }) {
  const active = filters.sort === sort;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th className="px-3 py-2 font-medium" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link className="hover:underline" href={href(filters, { sort, dir, page: 1 })}>
        {label}
        {active && <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}

export default async function RegistryUnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "registry.read" });
  const filters = parseSearchParams(unitListFiltersSchema, await searchParams);
  const prisma = getPrisma();
  const [{ rows, total, page, pageCount }, communes] = await Promise.all([
    listRegistryUnits(prisma, actor, filters),
    prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const manage = can(actor, { action: "registry.manage" });
  return (
    <>
      <PageHeader
        title="Danh mục đơn vị"
        description={`${formatNumber(total)} đơn vị phù hợp${manage ? "" : " — chỉ xem"}`}
        action={manage ? <LinkButton href={`${LIST}/new`}>Thêm đơn vị</LinkButton> : undefined}
      />
      <RegistryTabs current="units" />
      {can(actor, { action: "registry.import" }) && <RegistryFiles list="units" />}
      {/* A GET form: the filters live in the URL (bookmark, back button), and it works without scripts. */}
      <form method="get" action={LIST} role="search" aria-label="Tìm kiếm đơn vị" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
        <label className="text-sm md:col-span-2">
          <span className="mb-1 block font-medium text-slate-800">Tìm theo mã hoặc tên</span>
          <input name="q" type="search" defaultValue={filters.q ?? ""} className="w-full rounded-md border border-slate-300 px-3 py-2" placeholder="Gõ có dấu hoặc không dấu, ví dụ: lao cai" />
        </label>
        <FilterSelect name="kind" label="Loại đơn vị" value={filters.kind} allLabel="Tất cả" options={asOptions(UNIT_KINDS, UNIT_KIND_LABELS)} />
        <FilterSelect name="communeId" label="Xã, phường, đặc khu" value={filters.communeId} allLabel="Toàn tỉnh" options={communes.map((c) => ({ value: c.id, label: c.name }))} />
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
        {filters.sort !== "code" && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
        <div className="flex items-end gap-3 md:col-span-5">
          <Button type="submit" variant="secondary">Tìm</Button>
          <Link className="py-2 text-sm text-brand-700 hover:underline" href={LIST}>Bỏ lọc</Link>
        </div>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="Không có đơn vị nào phù hợp với bộ lọc." />
      ) : (
        <CardTable testId="registry-units">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <SortHeader filters={filters} sort="code" label="Mã" />
                <SortHeader filters={filters} sort="name" label="Tên đơn vị" />
                <SortHeader filters={filters} sort="kind" label="Loại" />
                <SortHeader filters={filters} sort="commune" label="Xã, phường, đặc khu" />
                <th className="px-3 py-2 font-medium">Cơ quan quản lý</th>
                <th className="px-3 py-2 font-medium">Trạng thái</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((u) => (
                <tr key={u.id}>
                  <td className="px-3 py-2 font-mono text-xs text-slate-600" data-label="Mã">{u.code}</td>
                  <td className="px-3 py-2">
                    {/* Administrators edit there; leaders read the unit, its history and its sub-units. */}
                    <Link className="text-brand-700 hover:underline" href={`${LIST}/${u.id}`}>{u.name}</Link>
                  </td>
                  <td className="px-3 py-2" data-label="Loại">{UNIT_KIND_LABELS[u.kind]}</td>
                  <td className="px-3 py-2" data-label="Xã, phường, đặc khu">{u.commune.name}</td>
                  <td className="px-3 py-2" data-label="Cơ quan quản lý">{u.managingAuthority.name}</td>
                  <td className="px-3 py-2" data-label="Trạng thái">{u.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</td>
                </tr>
              ))}
            </tbody>
        </CardTable>
      )}
      {pageCount > 1 && (
        <nav aria-label="Phân trang" className="mt-4 flex items-center gap-3 text-sm">
          {page > 1 && <Link className="text-brand-700 hover:underline" href={href(filters, { page: page - 1 })}>← Trang trước</Link>}
          <span>
            Trang {page}/{pageCount}
          </span>
          {page < pageCount && <Link className="text-brand-700 hover:underline" href={href(filters, { page: page + 1 })}>Trang sau →</Link>}
        </nav>
      )}
    </>
  );
}
