import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { authorityAreaOptions, getRegistryAuthority } from "@/lib/registry/areas-authorities";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { AuthorityForm } from "@/components/admin/registry/simple-forms";
import { RegistryStatus } from "@/components/admin/registry/registry-status";
import { setAuthorityActiveAction, updateAuthorityAction } from "../actions";

export const metadata = { title: "Sửa cơ quan quản lý" };

export default async function EditAuthorityPage({ params }: { params: Promise<{ authorityId: string }> }) {
  const actor = await requirePermission({ action: "registry.manage" });
  const { authorityId } = await params;
  if (!z.uuid().safeParse(authorityId).success) notFound();
  const prisma = getPrisma();
  const authority = await getRegistryAuthority(prisma, actor, authorityId);
  if (!authority) notFound();
  const areas = await authorityAreaOptions(prisma, actor, authority.areaId);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/registry/authorities">← Danh mục cơ quan quản lý</Link>
      </p>
      <PageHeader title={authority.name} description={<>Mã {authority.code} · {authority.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</>} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 lg:col-span-2">
          <AuthorityForm
            key={String(authority.isActive)}
            mode="edit"
            areas={areas}
            defaults={{
              authorityId: authority.id,
              version: authority.version,
              code: authority.code,
              name: authority.name,
              kind: authority.kind,
              documentSymbol: authority.documentSymbol,
              placeName: authority.placeName,
              areaId: authority.areaId ?? "",
            }}
            action={updateAuthorityAction}
          />
        </div>
        <Card title={authority.isActive ? "Ngừng hoạt động" : "Hoạt động trở lại"}>
          <p className="mb-3 text-sm text-slate-600">
            Cơ quan không bị xóa: quyết định và lịch sử vẫn được giữ. Chỉ ngừng hoạt động được khi cơ quan không còn quản lý đơn vị nào đang hoạt động.
          </p>
          <RegistryStatus target={{ authorityId: authority.id }} noun="cơ quan" version={authority.version} isActive={authority.isActive} action={setAuthorityActiveAction} />
        </Card>
      </div>
    </>
  );
}
