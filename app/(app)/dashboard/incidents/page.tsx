import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { getDashboard, incidentWindow } from "@/lib/reports/dashboard-queries";
import { scopeLine } from "@/lib/reports/exports/labels";
import { formatNumber } from "@/lib/format";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { dashboardHref, pageSlice, parseDashboardParams, parseListParams, withListParams } from "@/components/dashboard/dashboard-params";
import { IncidentsByCommune } from "@/components/dashboard/incidents-section";
import { Pager } from "@/components/dashboard/pager";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata = { title: "Bảng điều khiển – vụ việc theo xã, phường" };

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/** Incidents of the year's window by commune and type ("Xem tất cả" from the dashboard), a page at a time. */
export default async function DashboardIncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "province.read" });
  const raw = await searchParams;
  const { filters } = parseDashboardParams(raw, currentEvaluationYear());
  const list = parseListParams(raw);
  const prisma = getPrisma();
  const [data, commune] = await Promise.all([
    getDashboard(prisma, actor, filters),
    filters.communeId ? prisma.administrativeArea.findFirst({ where: { id: filters.communeId, level: "COMMUNE" }, select: { name: true } }) : null,
  ]);
  if (filters.communeId && !commune) notFound();
  const window = incidentWindow(filters.year);
  const period = `${dmy(window.from)} – ${dmy(window.to)}`;
  const path = "/dashboard/incidents";
  const at = pageSlice(data.incidents.length, list);
  const rows = data.incidents.slice(at.offset, at.offset + at.limit);
  const total = data.incidents.reduce((n, i) => n + i.count, 0);
  const href = (page: number) => withListParams(dashboardHref(path, filters), { ...list, page });
  return (
    <>
      <Breadcrumbs items={[{ label: "Bảng điều khiển", href: dashboardHref("/dashboard", filters) }, { label: "Vụ việc theo xã, phường" }]} />
      <PageHeader title="Vụ việc theo xã, phường" description={<>Số liệu {scopeLine(data, commune?.name)}, kỳ {period}: {formatNumber(total)} vụ việc.</>} />
      <Card title={`Vụ việc thuộc danh mục không để xảy ra (${period})`}>
        {rows.length === 0 ? (
          <EmptyState title="Không có vụ việc nào được ghi nhận trong kỳ đánh giá.">Kỳ tính vụ việc: {period}.</EmptyState>
        ) : (
          <div className="space-y-3">
            <Pager {...at} shown={rows.length} total={data.incidents.length} label="Trang danh sách vụ việc" href={href} />
            <IncidentsByCommune rows={rows} filters={filters} caption={`Số vụ việc theo loại và xã, phường, ${period}, nhiều vụ nhất trước`} />
            <Pager {...at} shown={rows.length} total={data.incidents.length} label="Trang danh sách vụ việc (cuối bảng)" href={href} />
          </div>
        )}
      </Card>
    </>
  );
}
