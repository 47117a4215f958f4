import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { formatIsoDate } from "@/lib/domain/date-text";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatDateTime, formatNumber } from "@/lib/format";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { REPORTING_GROUPS, TRACKING_STATUSES, TRACKING_STATUS_LABELS, type TrackingStatus } from "@/lib/movement/report-rules";
import { listParticipantTracking, listReportTracking } from "@/lib/movement/report-tracking";
import { loadCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import { listCommunes } from "@/lib/units/unit-queries";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { Pager } from "@/components/ui/pager";
import { Button, LinkButton } from "@/components/ui/button";
import { selectableYears } from "@/app/(app)/units/[unitId]/records/page-helpers";
import { parseTrackingParams } from "./params";

export const metadata = { title: "Báo cáo phong trào" };

const TONE: Record<TrackingStatus, "green" | "amber" | "red"> = { ON_TIME: "green", LATE: "amber", NOT_SUBMITTED: "red" };

export default async function MovementReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "province.read" });
  const filters = parseTrackingParams(await searchParams);
  const prisma = getPrisma();
  const [communes, units, participants, calendar] = await Promise.all([
    listCommunes(prisma, actor),
    listReportTracking(prisma, actor, filters),
    listParticipantTracking(prisma, actor, filters),
    loadCycleCalendar(prisma, filters.year),
  ]);
  const canEnter = can(actor, { action: "movementReport.province" });
  const params = { year: filters.year, group: filters.group, communeId: filters.communeId, status: filters.status };
  return (
    <>
      <PageHeader
        title="Báo cáo phong trào"
        description={`Báo cáo kết quả phong trào "Toàn dân bảo vệ an ninh Tổ quốc" năm ${filters.year} của các cơ quan, đơn vị, địa phương gửi Công an tỉnh (hạn ${formatIsoDate(calendar.unitReportEnd)}; Kế hoạch 195/KH-UBND). Khu dân cư báo cáo qua xã, phường.`}
        action={
          <div className="flex flex-wrap gap-2">
            <LinkButton href={`/movement/reports/province?year=${filters.year}`}>Báo cáo của tỉnh</LinkButton>
            <LinkButton href="/movement/reports/summary" variant="secondary">Tổng hợp 2026–2030</LinkButton>
          </div>
        }
      />
      <div className="space-y-6">
        <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5" aria-label="Lọc báo cáo">
          <FilterSelect name="year" label="Năm" value={filters.year} options={selectableYears().map((y) => ({ value: y, label: String(y) }))} />
          <FilterSelect name="group" label="Nhóm đối tượng" value={filters.group} options={REPORTING_GROUPS.map((g) => ({ value: g, label: MOVEMENT_GROUP_LABEL[g] }))} allLabel="Tất cả" />
          <FilterSelect name="communeId" label="Xã, phường" value={filters.communeId} options={communes.map((c) => ({ value: c.id, label: c.name }))} allLabel="Toàn tỉnh" />
          <FilterSelect name="status" label="Tình trạng" value={filters.status} options={TRACKING_STATUSES.map((s) => ({ value: s, label: TRACKING_STATUS_LABELS[s] }))} allLabel="Tất cả" />
          <div className="flex items-end">
            <Button type="submit">Lọc</Button>
          </div>
        </form>
        <div className="grid gap-3 sm:grid-cols-3" data-testid="tracking-counts">
          {TRACKING_STATUSES.map((s) => (
            <Link key={s} href={`/movement/reports?${new URLSearchParams({ year: String(filters.year), ...(filters.group ? { group: filters.group } : {}), ...(filters.communeId ? { communeId: filters.communeId } : {}), status: s })}`} className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
              <p className="text-sm text-slate-600">{TRACKING_STATUS_LABELS[s]} (đơn vị)</p>
              <p className="text-2xl font-semibold">{formatNumber(units.counts[s])}</p>
            </Link>
          ))}
        </div>
        <Card title="Xã, phường, cơ quan, doanh nghiệp, cơ sở giáo dục">
          {units.page.rows.length === 0 ? (
            <EmptyState title="Không có đơn vị nào phù hợp với bộ lọc." />
          ) : (
            <>
              <CardTable testId="tracking-units" caption="Tình trạng báo cáo của đơn vị">
                <thead>
                  <tr className="text-left text-slate-600">
                    <th className="px-3 py-2">Đơn vị</th>
                    <th className="px-3 py-2">Loại</th>
                    <th className="px-3 py-2">Xã, phường</th>
                    <th className="px-3 py-2">Tình trạng</th>
                    <th className="px-3 py-2">Gửi lúc</th>
                  </tr>
                </thead>
                <tbody>
                  {units.page.rows.map((u) => (
                    <tr key={u.id} className="border-t border-slate-100">
                      <td className="px-3 py-2">
                        <Link className="font-medium text-brand-700 hover:underline" href={`/units/${u.id}/movement-report?year=${filters.year}`}>
                          {u.name}
                        </Link>
                      </td>
                      <td className="px-3 py-2" data-label="Loại">{UNIT_KIND_LABELS[u.kind]}</td>
                      <td className="px-3 py-2" data-label="Xã, phường">{u.commune.name}</td>
                      <td className="px-3 py-2" data-label="Tình trạng">
                        <Badge tone={TONE[u.status]}>{TRACKING_STATUS_LABELS[u.status]}</Badge>
                        {u.report?.state === "RETURNED" && <span className="ml-1 text-xs text-slate-600">(bị trả lại)</span>}
                      </td>
                      <td className="px-3 py-2" data-label="Gửi lúc">{u.report?.state === "SUBMITTED" ? formatDateTime(u.report.submittedAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </CardTable>
              <Pager base="/movement/reports" params={params} page={units.page} total={units.total} noun="đơn vị" testId="tracking-pager" />
            </>
          )}
        </Card>
        {participants.length > 0 || !filters.group ? (
          <Card title="Sở, ban, ngành; Mặt trận Tổ quốc và các tổ chức chính trị - xã hội">
            {participants.length === 0 ? (
              <EmptyState title="Chưa có cơ quan, tổ chức nào trong danh sách tham gia phong trào." />
            ) : (
              <CardTable testId="tracking-participants" caption="Tình trạng báo cáo của sở, ngành, tổ chức">
                <thead>
                  <tr className="text-left text-slate-600">
                    <th className="px-3 py-2">Cơ quan, tổ chức</th>
                    <th className="px-3 py-2">Nhóm</th>
                    <th className="px-3 py-2">Tình trạng</th>
                  </tr>
                </thead>
                <tbody>
                  {participants.map((p) => (
                    <tr key={p.id} className="border-t border-slate-100">
                      <td className="px-3 py-2">
                        <Link className="font-medium text-brand-700 hover:underline" href={`/movement/reports/participants/${p.id}?year=${filters.year}`}>
                          {p.name}
                        </Link>
                      </td>
                      <td className="px-3 py-2" data-label="Nhóm">{MOVEMENT_GROUP_LABEL[p.group]}</td>
                      <td className="px-3 py-2" data-label="Tình trạng">
                        <Badge tone={TONE[p.status]}>{TRACKING_STATUS_LABELS[p.status]}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </CardTable>
            )}
            {canEnter && <p className="mt-2 text-sm text-slate-600">Sở, ngành, tổ chức gửi báo cáo bằng văn bản; cán bộ Công an tỉnh nhập báo cáo tại trang của từng cơ quan, tổ chức.</p>}
          </Card>
        ) : null}
      </div>
    </>
  );
}
