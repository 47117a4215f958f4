import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { listRegistryAuthorities } from "@/lib/registry/areas-authorities";
import { simpleListFiltersSchema } from "@/lib/registry/area-authority-schemas";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { AUTHORITY_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatNumber } from "@/lib/format";
import { Badge, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { RegistryTabs } from "@/components/admin/registry/registry-tabs";
import { RegistryFiles } from "@/components/admin/registry/registry-files";
import { SimpleRegistryList, SortHeader } from "@/components/admin/registry/simple-list";

export const metadata = { title: "Danh mục cơ quan quản lý" };
const LIST = "/admin/registry/authorities";
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

export default async function RegistryAuthoritiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "registry.read" });
  const filters = parseSearchParams(simpleListFiltersSchema, await searchParams);
  const { rows, total, page, pageCount } = await listRegistryAuthorities(getPrisma(), actor, filters);
  const manage = can(actor, { action: "registry.manage" });
  return (
    <>
      <PageHeader
        title="Danh mục cơ quan quản lý"
        description={`${formatNumber(total)} cơ quan phù hợp${manage ? "" : " — chỉ xem"}`}
        action={manage ? <LinkButton href={`${LIST}/new`}>Thêm cơ quan</LinkButton> : undefined}
      />
      <RegistryTabs current="authorities" />
      {can(actor, { action: "registry.import" }) && <RegistryFiles list="authorities" />}
      <SimpleRegistryList
        base={LIST}
        searchLabel="Tìm kiếm cơ quan"
        filters={filters}
        page={page}
        pageCount={pageCount}
        empty={rows.length === 0}
        head={
          <tr>
            <SortHeader base={LIST} filters={filters} sort="code" label="Mã" />
            <SortHeader base={LIST} filters={filters} sort="name" label="Tên cơ quan" />
            <th className={th}>Loại</th>
            <th className={th}>Địa bàn</th>
            <th className={th}>Đơn vị quản lý</th>
            <SortHeader base={LIST} filters={filters} sort="status" label="Trạng thái" />
          </tr>
        }
      >
        {rows.map((a) => (
          <tr key={a.id}>
            <td className={`${td} font-mono text-xs text-slate-600`} data-label="Mã">{a.code}</td>
            <td className={td}>{manage ? <Link className="text-brand-700 hover:underline" href={`${LIST}/${a.id}`}>{a.name}</Link> : a.name}</td>
            <td className={td} data-label="Loại">{AUTHORITY_KIND_LABELS[a.kind]}</td>
            <td className={td} data-label="Địa bàn">{a.area?.name ?? "—"}</td>
            <td className={td} data-label="Đơn vị quản lý">{formatNumber(a._count.managedUnits)}</td>
            <td className={td} data-label="Trạng thái">{a.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</td>
          </tr>
        ))}
      </SimpleRegistryList>
    </>
  );
}
