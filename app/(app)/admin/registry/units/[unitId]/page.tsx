import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getRegistryUnit, unitFormOptions } from "@/lib/registry/units";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { UnitForm } from "@/components/admin/registry/unit-form";
import { RegistryStatus } from "@/components/admin/registry/registry-status";
import { setUnitActiveAction, updateUnitAction } from "../actions";

export const metadata = { title: "Sửa thông tin đơn vị" };

export default async function EditRegistryUnitPage({ params }: { params: Promise<{ unitId: string }> }) {
  const actor = await requirePermission({ action: "registry.manage" });
  const { unitId } = await params;
  if (!z.uuid().safeParse(unitId).success) notFound();
  const prisma = getPrisma();
  const unit = await getRegistryUnit(prisma, actor, unitId);
  if (!unit) notFound();
  const { communes, authorities } = await unitFormOptions(prisma, actor, unit);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/registry/units">← Danh mục đơn vị</Link>
      </p>
      <PageHeader
        title={unit.name}
        description={<>Mã {unit.code} · {unit.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 lg:col-span-2">
          <UnitForm
            // A status change moves the version: the form starts again from the saved row.
            key={String(unit.isActive)}
            mode="edit"
            communes={communes}
            authorities={authorities}
            defaults={{
              unitId: unit.id,
              version: unit.version,
              code: unit.code,
              name: unit.name,
              kind: unit.kind,
              communeId: unit.communeId,
              managingAuthorityId: unit.managingAuthorityId,
              sector: unit.sector ?? "",
              residentialAreaType: unit.residentialAreaType ?? "",
              educationLevel: unit.educationLevel ?? "",
              exclusionReason: unit.exclusionReason ?? "",
              address: unit.address ?? "",
              hasPartyOrganisation: unit.hasPartyOrganisation,
              hasSecurityForce: unit.hasSecurityForce,
            }}
            action={updateUnitAction}
          />
        </div>
        <Card title={unit.isActive ? "Ngừng hoạt động" : "Hoạt động trở lại"}>
          <p className="mb-3 text-sm text-slate-600">
            {unit.isActive
              ? "Đơn vị ngừng hoạt động không bị xóa: hồ sơ, quyết định và lịch sử vẫn được giữ; đơn vị không còn trong danh sách đang hoạt động."
              : "Đơn vị đã ngừng hoạt động. Có thể cho hoạt động trở lại nếu xã, phường của đơn vị vẫn đang hoạt động."}
          </p>
          <RegistryStatus target={{ unitId: unit.id }} noun="đơn vị" version={unit.version} isActive={unit.isActive} action={setUnitActiveAction} />
        </Card>
      </div>
    </>
  );
}
