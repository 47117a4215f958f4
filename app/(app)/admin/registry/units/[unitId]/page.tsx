import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getRegistryUnit, unitFormOptions } from "@/lib/registry/units";
import { unitPlacementHistory } from "@/lib/registry/placements";
import { formatIsoDate } from "@/lib/registry/placement-rules";
import { todayInVietnam } from "@/lib/validation/input-rules";
import { EXCLUSION_REASON_LABELS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { UnitForm } from "@/components/admin/registry/unit-form";
import { RegistryStatus } from "@/components/admin/registry/registry-status";
import { PlacementChangeForm } from "@/components/admin/registry/placement-change-form";
import { changeUnitPlacementAction, setUnitActiveAction, updateUnitAction } from "../actions";

export const metadata = { title: "Thông tin đơn vị" };

type History = Awaited<ReturnType<typeof unitPlacementHistory>>;

/** The unit's placements over time (ADR 0009), newest first. */
function PlacementHistory({ rows }: { rows: History }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="placement-history">
        <caption className="sr-only">Lịch sử vị trí của đơn vị</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">Từ ngày</th>
            <th className="px-3 py-2 font-medium">Đến ngày</th>
            <th className="px-3 py-2 font-medium">Xã, phường, đặc khu</th>
            <th className="px-3 py-2 font-medium">Cơ quan quản lý</th>
            <th className="px-3 py-2 font-medium">Loại</th>
            <th className="px-3 py-2 font-medium">Trạng thái</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2 whitespace-nowrap">{formatIsoDate(p.effectiveFrom)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{p.effectiveTo ? formatIsoDate(p.effectiveTo) : "nay"}</td>
              <td className="px-3 py-2">{p.communeName}</td>
              <td className="px-3 py-2">{p.authorityName}</td>
              <td className="px-3 py-2">
                {UNIT_KIND_LABELS[p.kind]}
                {p.exclusionReason && <span className="block text-xs text-slate-500">Không thuộc diện: {EXCLUSION_REASON_LABELS[p.exclusionReason]}</span>}
              </td>
              <td className="px-3 py-2">{p.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function RegistryUnitPage({ params }: { params: Promise<{ unitId: string }> }) {
  // Leaders read the unit and its history; only administrators change them.
  const actor = await requirePermission({ action: "registry.read" });
  const manage = can(actor, { action: "registry.manage" });
  const { unitId } = await params;
  if (!z.uuid().safeParse(unitId).success) notFound();
  const prisma = getPrisma();
  const unit = await getRegistryUnit(prisma, actor, unitId);
  if (!unit) notFound();
  const [{ communes, authorities }, history] = await Promise.all([unitFormOptions(prisma, actor, unit), unitPlacementHistory(prisma, actor, unitId)]);
  const current = history.find((p) => p.effectiveTo === null);
  const historyCard = (
    <Card title="Lịch sử thay đổi (xã, cơ quan quản lý, hoạt động)">
      <p className="mb-3 text-sm text-slate-600">
        Số liệu của mỗi năm tính theo vị trí của đơn vị vào ngày 15/11 năm đó; hồ sơ đã nộp giữ nguyên xã, cơ quan quản lý lúc đăng ký.
      </p>
      <PlacementHistory rows={history} />
    </Card>
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/registry/units">← Danh mục đơn vị</Link>
      </p>
      <PageHeader
        title={unit.name}
        description={<>Mã {unit.code} · {unit.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}{manage ? "" : " · chỉ xem"}</>}
      />
      {manage ? (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
              <UnitForm
                // A status change or a dated change (new commune, authority) moves the version and the
                // placed columns: the form starts again from the saved row.
                key={`${unit.isActive}:${unit.communeId}:${unit.managingAuthorityId}`}
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
              <p className="mt-3 text-xs text-slate-500">
                Sửa ở đây là đính chính thông tin hiện tại. Khi đơn vị chuyển xã, đổi cơ quan quản lý hay giải thể từ một ngày, hãy dùng mục “Thay đổi có ngày hiệu lực” để số liệu các năm trước không đổi.
              </p>
            </div>
            {historyCard}
          </div>
          <div className="space-y-4">
            <Card title="Thay đổi có ngày hiệu lực">
              <PlacementChangeForm
                unitId={unit.id}
                version={unit.version}
                isActive={unit.isActive}
                isCommune={unit.kind === "XA"}
                today={todayInVietnam()}
                communes={communes.filter((c) => c.id !== current?.communeId)}
                authorities={authorities.filter((a) => a.id !== current?.managingAuthorityId)}
                action={changeUnitPlacementAction}
              />
            </Card>
            <Card title={unit.isActive ? "Ngừng hoạt động" : "Hoạt động trở lại"}>
              <p className="mb-3 text-sm text-slate-600">
                {unit.isActive
                  ? "Đơn vị ngừng hoạt động từ hôm nay, không bị xóa: hồ sơ, quyết định và lịch sử vẫn được giữ; đơn vị không còn trong danh sách đang hoạt động."
                  : "Đơn vị đã ngừng hoạt động. Có thể cho hoạt động trở lại nếu xã, phường của đơn vị vẫn đang hoạt động."}
              </p>
              <RegistryStatus target={{ unitId: unit.id }} noun="đơn vị" version={unit.version} isActive={unit.isActive} action={setUnitActiveAction} />
            </Card>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <Card title="Thông tin hiện tại">
            <dl className="grid gap-2 text-sm sm:grid-cols-2">
              <div><dt className="text-slate-500">Loại đơn vị</dt><dd>{UNIT_KIND_LABELS[unit.kind]}</dd></div>
              <div><dt className="text-slate-500">Xã, phường, đặc khu</dt><dd>{current?.communeName}</dd></div>
              <div><dt className="text-slate-500">Cơ quan quản lý</dt><dd>{current?.authorityName}</dd></div>
              <div><dt className="text-slate-500">Địa chỉ</dt><dd>{unit.address ?? "—"}</dd></div>
            </dl>
          </Card>
          {historyCard}
        </div>
      )}
    </>
  );
}
