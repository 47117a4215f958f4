import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getRegistryCommune } from "@/lib/registry/areas-authorities";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CommuneForm } from "@/components/admin/registry/simple-forms";
import { RegistryStatus } from "@/components/admin/registry/registry-status";
import { CommuneMergerForm } from "@/components/admin/registry/commune-merger-form";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { mergeCommuneAction, setCommuneActiveAction, updateCommuneAction } from "../actions";

export const metadata = { title: "Sửa xã, phường, đặc khu" };

export default async function EditCommunePage({ params }: { params: Promise<{ areaId: string }> }) {
  const actor = await requirePermission({ action: "registry.manage" });
  const { areaId } = await params;
  if (!z.uuid().safeParse(areaId).success) notFound();
  const prisma = getPrisma();
  const area = await getRegistryCommune(prisma, actor, areaId);
  if (!area) notFound();
  const others = area.isActive
    ? await prisma.administrativeArea.findMany({ where: { level: "COMMUNE", isActive: true, id: { not: area.id } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/registry/communes">← Danh mục xã, phường, đặc khu</Link>
      </p>
      <PageHeader title={area.name} description={<>Mã {area.code} · {area.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</>} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 lg:col-span-2">
          <CommuneForm
            key={String(area.isActive)}
            mode="edit"
            defaults={{ areaId: area.id, version: area.version, code: area.code, name: area.name, communeKind: area.communeKind ?? "" }}
            action={updateCommuneAction}
          />
        </div>
        <Card title={area.isActive ? "Ngừng hoạt động" : "Hoạt động trở lại"}>
          <p className="mb-3 text-sm text-slate-600">
            Xã, phường sáp nhập hoặc giải thể được ngừng hoạt động, không bị xóa. Chỉ ngừng hoạt động được khi không còn đơn vị nào đang hoạt động trên địa bàn.
          </p>
          <RegistryStatus target={{ areaId: area.id }} noun="xã, phường, đặc khu" version={area.version} isActive={area.isActive} action={setCommuneActiveAction} />
        </Card>
        {area.isActive && (
          <Card title="Sáp nhập vào xã, phường khác">
            <p className="mb-3 text-sm text-slate-600">
              Một thao tác cho cả xã: các đơn vị chuyển sang xã, phường tiếp nhận từ ngày có hiệu lực, đơn vị cấp xã được ghi là đã sáp nhập, xã này ngừng hoạt động. Số liệu các năm trước giữ nguyên.
            </p>
            <CommuneMergerForm key={area.version} areaId={area.id} version={area.version} name={area.name} today={todayInVietnam()} communes={others} action={mergeCommuneAction} />
          </Card>
        )}
      </div>
    </>
  );
}
