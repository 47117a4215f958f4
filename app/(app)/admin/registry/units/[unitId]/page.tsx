import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getRegistryUnit, unitFormOptions } from "@/lib/registry/units";
import { getRegistrySubUnits } from "@/lib/registry/sub-units";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { EDUCATION_LEVEL_LABELS, EXCLUSION_REASON_LABELS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { SECTOR_LABELS } from "@/lib/reports/exports/labels";
import { MIN_YEAR, searchParam } from "@/lib/validation/input-rules";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { UnitForm } from "@/components/admin/registry/unit-form";
import { RegistryStatus } from "@/components/admin/registry/registry-status";
import { SubUnitsManager } from "@/components/records/sub-units-manager";
import { setUnitActiveAction, updateUnitAction } from "../actions";
import {
  createRegistrySubUnitAction,
  deleteRegistrySubUnitAction,
  setRegistrySubUnitActiveAction,
  setRegistrySubUnitResultAction,
  updateRegistrySubUnitAction,
} from "./actions";

export const metadata = { title: "Thông tin đơn vị" };

/** The years whose emulation results the page offers: from TT 124's first year to next year. */
function selectableYears(): number[] {
  const last = currentEvaluationYear() + 1;
  return Array.from({ length: last - MIN_YEAR + 1 }, (_, i) => last - i);
}

export default async function RegistryUnitPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Administrators edit; leaders read the unit and its sub-units.
  const actor = await requirePermission({ action: "registry.read" });
  const manage = can(actor, { action: "registry.manage" });
  const { unitId } = await params;
  if (!z.uuid().safeParse(unitId).success) notFound();
  const current = currentEvaluationYear();
  const year = z.coerce.number().int().min(MIN_YEAR).max(current + 1).catch(current).parse(searchParam(await searchParams, "year") ?? current);
  const prisma = getPrisma();
  const unit = await getRegistryUnit(prisma, actor, unitId);
  if (!unit) notFound();
  const [{ communes, authorities }, subUnits] = await Promise.all([unitFormOptions(prisma, actor, unit), getRegistrySubUnits(prisma, actor, unit, year)]);
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
      ) : (
        <Card title="Thông tin đơn vị">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="registry-unit-details">
            <Detail label="Loại đơn vị" value={UNIT_KIND_LABELS[unit.kind]} />
            <Detail label="Xã, phường, đặc khu" value={communes.find((c) => c.id === unit.communeId)?.name} />
            <Detail label="Cơ quan quản lý" value={authorities.find((a) => a.id === unit.managingAuthorityId)?.name} />
            <Detail label="Lĩnh vực" value={unit.sector ? SECTOR_LABELS[unit.sector] : undefined} />
            <Detail label="Cấp học" value={unit.educationLevel ? EDUCATION_LEVEL_LABELS[unit.educationLevel] : undefined} />
            <Detail label="Lý do không thuộc diện" value={unit.exclusionReason ? EXCLUSION_REASON_LABELS[unit.exclusionReason] : undefined} />
            <Detail label="Có tổ chức Đảng" value={unit.hasPartyOrganisation ? "Có" : "Không"} />
            <Detail label="Có lực lượng bảo vệ" value={unit.hasSecurityForce ? "Có" : "Không"} />
            <Detail label="Địa chỉ" value={unit.address ?? undefined} />
          </dl>
        </Card>
      )}
      {subUnits && (
        <section aria-labelledby="sub-units-heading" className="mt-6 space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id="sub-units-heading" className="text-lg font-semibold text-slate-900">Đơn vị trực thuộc (phòng, ban, tổ, đội, khoa…)</h2>
              <p className="text-sm text-slate-600">
                Kết quả thi đua theo năm dùng cho tiêu chí “70% đơn vị trực thuộc”.
                {manage && !unit.isActive && " Đơn vị đã ngừng hoạt động nên không thể thay đổi đơn vị trực thuộc."}
              </p>
              {manage && (
                <p className="text-sm">
                  <Link className="text-brand-700 hover:underline" href="/admin/registry/import/sub-units">Nhập nhiều đơn vị trực thuộc và kết quả từ tệp Excel →</Link>
                </p>
              )}
            </div>
            {/* A GET form: the year lives in the URL and the page works without scripts. */}
            <form method="get" className="flex items-end gap-2" aria-label="Chọn năm kết quả thi đua">
              <FilterSelect name="year" label="Năm" value={year} options={selectableYears().map((y) => ({ value: y, label: String(y) }))} />
              <Button type="submit" variant="secondary">Xem</Button>
            </form>
          </div>
          <SubUnitsManager
            // The year changes every row's result: start the optimistic state again from the server.
            key={year}
            unitId={unit.id}
            year={year}
            canEdit={manage && unit.isActive}
            subUnits={subUnits.subUnits}
            actions={{
              create: createRegistrySubUnitAction,
              update: updateRegistrySubUnitAction,
              setResult: setRegistrySubUnitResultAction,
              setActive: setRegistrySubUnitActiveAction,
              remove: deleteRegistrySubUnitAction,
            }}
          />
        </section>
      )}
    </>
  );
}

function Detail({ label, value }: { label: string; value: string | undefined }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{value ?? "—"}</dd>
    </div>
  );
}
