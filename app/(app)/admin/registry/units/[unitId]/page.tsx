import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getRegistryUnit, unitFormOptions } from "@/lib/registry/units";
import { getRegistrySubUnits } from "@/lib/registry/sub-units";
import { unitPlacementHistory, unitSuccessions } from "@/lib/registry/placements";
import { formatIsoDate } from "@/lib/registry/placement-rules";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { EDUCATION_LEVEL_LABELS, EXCLUSION_REASON_LABELS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { SECTOR_LABELS } from "@/lib/reports/exports/labels";
import { MIN_YEAR, searchParam, todayInVietnam } from "@/lib/validation/input-rules";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { UnitForm } from "@/components/admin/registry/unit-form";
import { RegistryStatus } from "@/components/admin/registry/registry-status";
import { PlacementChangeForm } from "@/components/admin/registry/placement-change-form";
import { SubUnitsManager } from "@/components/records/sub-units-manager";
import { changeUnitPlacementAction, setUnitActiveAction, updateUnitAction } from "../actions";
import {
  createRegistrySubUnitAction,
  deleteRegistrySubUnitAction,
  setRegistrySubUnitActiveAction,
  setRegistrySubUnitResultAction,
  updateRegistrySubUnitAction,
} from "./actions";

export const metadata = { title: "Thông tin đơn vị" };

type History = Awaited<ReturnType<typeof unitPlacementHistory>>;
type Successions = Awaited<ReturnType<typeof unitSuccessions>>;

const SUCCESSION_TEXT = {
  to: { MERGE: "Sáp nhập vào", SPLIT: "Chia, tách ra" },
  from: { MERGE: "Tiếp nhận đơn vị sáp nhập", SPLIT: "Được chia, tách ra từ" },
} as const;

/** The units this one was merged or split into, and those merged or split into it. */
function SuccessionList({ rows }: { rows: Successions }) {
  if (rows.length === 0) return null;
  return (
    <ul className="mt-4 space-y-2 text-sm" data-testid="unit-successions" aria-label="Sáp nhập, chia tách">
      {rows.map((s) => (
        <li key={`${s.direction}-${s.id}`} className="rounded-md bg-slate-50 p-2">
          <span className="font-medium">{SUCCESSION_TEXT[s.direction][s.kind]}</span>{" "}
          <Link className="text-brand-700 hover:underline" href={`/admin/registry/units/${s.other.id}`}>
            {s.other.code} – {s.other.name}
          </Link>{" "}
          từ ngày {formatIsoDate(s.effectiveOn)}
          <span className="block text-xs text-slate-600">{s.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/** The unit's placements over time (ADR 0009), newest first. */
function PlacementHistory({ rows }: { rows: History }) {
  return (
    <div className="overflow-x-auto">
      <table className="card-table min-w-full text-sm" data-testid="placement-history">
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
              <td className="px-3 py-2 whitespace-nowrap" data-label="Từ ngày">{formatIsoDate(p.effectiveFrom)}</td>
              <td className="px-3 py-2 whitespace-nowrap" data-label="Đến ngày">{p.effectiveTo ? formatIsoDate(p.effectiveTo) : "nay"}</td>
              <td className="px-3 py-2" data-label="Xã, phường, đặc khu">{p.communeName}</td>
              <td className="px-3 py-2" data-label="Cơ quan quản lý">{p.authorityName}</td>
              <td className="px-3 py-2" data-label="Loại">
                {UNIT_KIND_LABELS[p.kind]}
                {p.exclusionReason && <span className="block text-xs text-slate-500">Không thuộc diện: {EXCLUSION_REASON_LABELS[p.exclusionReason]}</span>}
              </td>
              <td className="px-3 py-2" data-label="Trạng thái">{p.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
  const [{ communes, authorities }, subUnits, history, successions] = await Promise.all([
    unitFormOptions(prisma, actor, unit),
    getRegistrySubUnits(prisma, actor, unit, year),
    unitPlacementHistory(prisma, actor, unitId),
    unitSuccessions(prisma, actor, unitId),
  ]);
  const placement = history.find((p) => p.effectiveTo === null);
  const historyCard = (
    <Card title="Lịch sử thay đổi (xã, cơ quan quản lý, hoạt động, sáp nhập, chia tách)">
      <p className="mb-3 text-sm text-slate-600">
        Số liệu của mỗi năm tính theo vị trí của đơn vị vào ngày 15/11 năm đó; hồ sơ đã nộp giữ nguyên xã, cơ quan quản lý lúc đăng ký.
      </p>
      <PlacementHistory rows={history} />
      <SuccessionList rows={successions} />
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
                communes={communes.filter((c) => c.id !== placement?.communeId)}
                authorities={authorities.filter((a) => a.id !== placement?.managingAuthorityId)}
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
        {historyCard}
        </div>
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
