import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { listRegistryCommunes } from "@/lib/registry/areas-authorities";
import { simpleListFiltersSchema } from "@/lib/registry/area-authority-schemas";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { COMMUNE_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatNumber } from "@/lib/format";
import { Badge, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { RegistryTabs } from "@/components/admin/registry/registry-tabs";
import { RegistryFiles } from "@/components/admin/registry/registry-files";
import { SimpleRegistryList, SortHeader } from "@/components/admin/registry/simple-list";

export const metadata = { title: "Danh mục xã, phường, đặc khu" };
const LIST = "/admin/registry/communes";
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

export default async function RegistryCommunesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "registry.read" });
  const filters = parseSearchParams(simpleListFiltersSchema, await searchParams);
  const { rows, total, page, pageCount } = await listRegistryCommunes(getPrisma(), actor, filters);
  const manage = can(actor, { action: "registry.manage" });
  return (
    <>
      <PageHeader
        title="Danh mục xã, phường, đặc khu"
        description={`${formatNumber(total)} xã, phường, đặc khu phù hợp${manage ? "" : " — chỉ xem"}`}
        action={manage ? <LinkButton href={`${LIST}/new`}>Thêm xã, phường, đặc khu</LinkButton> : undefined}
      />
      <RegistryTabs current="communes" />
      {can(actor, { action: "registry.import" }) && <RegistryFiles list="communes" />}
      <SimpleRegistryList
        base={LIST}
        searchLabel="Tìm kiếm xã, phường, đặc khu"
        filters={filters}
        page={page}
        pageCount={pageCount}
        empty={rows.length === 0}
        head={
          <tr>
            <SortHeader base={LIST} filters={filters} sort="code" label="Mã" />
            <SortHeader base={LIST} filters={filters} sort="name" label="Tên" />
            <th className={th}>Loại</th>
            <th className={th}>Đơn vị đang hoạt động</th>
            <SortHeader base={LIST} filters={filters} sort="status" label="Trạng thái" />
          </tr>
        }
      >
        {rows.map((c) => (
          <tr key={c.id}>
            <td className={`${td} font-mono text-xs text-slate-600`} data-label="Mã">{c.code}</td>
            <td className={td}>{manage ? <Link className="text-brand-700 hover:underline" href={`${LIST}/${c.id}`}>{c.name}</Link> : c.name}</td>
            <td className={td} data-label="Loại">{c.communeKind ? COMMUNE_KIND_LABELS[c.communeKind] : "—"}</td>
            <td className={td} data-label="Đơn vị đang hoạt động">
              <Link className="text-brand-700 hover:underline" href={`/admin/registry/units?communeId=${c.id}`}>{formatNumber(c._count.units)}</Link>
            </td>
            <td className={td} data-label="Trạng thái">{c.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</td>
          </tr>
        ))}
      </SimpleRegistryList>
    </>
  );
}
