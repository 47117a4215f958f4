import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { getDashboard } from "@/lib/reports/dashboard-queries";
import { scopeLine } from "@/lib/reports/exports/labels";
import { formatNumber } from "@/lib/format";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { dashboardHref, pageSlice, parseDashboardParams, parseListParams, withListParams } from "@/components/dashboard/dashboard-params";
import { CommunesTable } from "@/components/dashboard/communes-table";
import { Pager } from "@/components/dashboard/pager";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata = { title: "Bảng điều khiển – kết quả theo xã, phường" };

/**
 * Every commune's XA-4 row ("Xem tất cả" from the dashboard's top list), a page at a time, sorted
 * on the server like the dashboard's table; the filters and sort stay in the URL.
 */
export default async function DashboardCommunesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "province.read" });
  const raw = await searchParams;
  const { filters, sort } = parseDashboardParams(raw, currentEvaluationYear());
  const list = parseListParams(raw);
  const prisma = getPrisma();
  const [data, commune] = await Promise.all([
    getDashboard(prisma, actor, filters),
    filters.communeId ? prisma.administrativeArea.findFirst({ where: { id: filters.communeId, level: "COMMUNE" }, select: { name: true } }) : null,
  ]);
  if (filters.communeId && !commune) notFound();
  const path = "/dashboard/communes";
  const back = dashboardHref("/dashboard", filters, sort);
  const at = pageSlice(data.communes.length, list);
  const shown = Math.min(at.limit, data.communes.length - at.offset);
  return (
    <>
      <Breadcrumbs items={[{ label: "Bảng điều khiển", href: back }, { label: "Kết quả theo xã, phường" }]} />
      <PageHeader title="Kết quả theo xã, phường" description={<>Số liệu {scopeLine(data, commune?.name)}: {formatNumber(data.communes.length)} xã, phường.</>} />
      <Card title={`Kết quả theo xã, phường năm ${filters.year}`}>
        {data.communes.length === 0 ? (
          <EmptyState title="Chưa có xã, phường nào trong danh mục địa bàn." />
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              Tiêu chí xã (XA-4): 100% đơn vị thuộc diện trên địa bàn đã đăng ký và từ 70% được công nhận. Bấm tiêu đề cột để sắp xếp, tên xã để xem từng đơn vị.
            </p>
            <Pager {...at} shown={shown} total={data.communes.length} label="Trang danh sách xã, phường" href={(page) => withListParams(dashboardHref(path, filters, sort), { ...list, page })} />
            <CommunesTable rows={data.communes} filters={filters} sort={sort} path={path} slice={at} />
            <Pager {...at} shown={shown} total={data.communes.length} label="Trang danh sách xã, phường (cuối bảng)" href={(page) => withListParams(dashboardHref(path, filters, sort), { ...list, page })} />
          </div>
        )}
      </Card>
    </>
  );
}
