import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { listCommunes } from "@/lib/units/unit-queries";
import { getDashboard } from "@/lib/reports/dashboard-queries";
import { scopeLine } from "@/lib/reports/exports/labels";
import { formatDateTime, formatNumber } from "@/lib/format";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DASHBOARD_TOP_ROWS, dashboardHref, parseDashboardParams, pickerYears } from "@/components/dashboard/dashboard-params";
import { FilterForm } from "@/components/dashboard/filter-form";
import { HeadlineSection } from "@/components/dashboard/headline-section";
import { FunnelSection } from "@/components/dashboard/funnel-section";
import { TrendSection } from "@/components/dashboard/trend-section";
import { CommunesTable } from "@/components/dashboard/communes-table";
import { IncidentsSection } from "@/components/dashboard/incidents-section";
import { ExportButton } from "@/components/dashboard/export-button";

export const metadata = { title: "Bảng điều khiển" };

// No loading.tsx in this segment: it would stream the page behind a Suspense boundary, and the
// 403 / 404 thrown below would arrive after an HTTP 200 had been sent.
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "province.read" });
  const current = currentEvaluationYear();
  const { filters, sort } = parseDashboardParams(await searchParams, current);
  const prisma = getPrisma();
  const [communes, data] = await Promise.all([listCommunes(prisma, actor), getDashboard(prisma, actor, filters)]);
  const commune = filters.communeId ? communes.find((c) => c.id === filters.communeId) : undefined;
  if (filters.communeId && !commune) notFound();

  const exportQuery = dashboardHref("", filters).replace(/^\?/, "");
  return (
    <>
      <PageHeader
        title="Bảng điều khiển"
        description={
          <>
            Phong trào &quot;An toàn về an ninh, trật tự&quot; {scopeLine(data, commune?.name)}. Số liệu lúc {formatDateTime(new Date(data.generatedAt))}.
          </>
        }
        action={
          <div className="flex flex-wrap items-start gap-2">
            <ExportButton href={`/api/reports/dashboard.xlsx?${exportQuery}`} label="Xuất Excel (.xlsx)" fallbackName={`Tong-hop-ANTT-${filters.year}.xlsx`} testId="export-xlsx" />
            <Link className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50" href={`/dashboard/movement?year=${filters.year}`}>
              Phong trào Toàn dân bảo vệ ANTQ →
            </Link>
            <ExportButton href={`/api/reports/year-end.docx?year=${filters.year}`} label="Báo cáo năm (.docx)" fallbackName={`Bao-cao-ANTT-${filters.year}.docx`} testId="export-docx" progress />
          </div>
        }
      />
      <div className="space-y-6">
        <FilterForm action="/dashboard" filters={filters} years={pickerYears(current, filters.year)} communes={communes} sort={sort} />
        {commune && (
          <p className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
            Đang xem số liệu của {commune.name}.{" "}
            <Link className="font-medium underline" href={dashboardHref(`/dashboard/communes/${commune.id}`, { ...filters, communeId: undefined })}>
              Xem danh sách đơn vị trên địa bàn →
            </Link>
          </p>
        )}
        {data.headline.eligible + data.headline.excluded === 0 ? (
          <EmptyState title="Không có đơn vị nào phù hợp với bộ lọc.">Hãy chọn loại đơn vị, lĩnh vực hoặc xã, phường khác.</EmptyState>
        ) : (
          <HeadlineSection headline={data.headline} year={filters.year} />
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <FunnelSection funnel={data.funnel} year={filters.year} />
          <TrendSection trend={data.trend} year={filters.year} />
        </div>
        <Card title={`Kết quả theo xã, phường năm ${filters.year}`}>
          {data.communes.length === 0 ? (
            <EmptyState title="Chưa có xã, phường nào trong danh mục địa bàn." />
          ) : (
            <div className="space-y-2">
              <p className="text-sm text-slate-600">
                Tiêu chí xã (XA-4): 100% đơn vị thuộc diện trên địa bàn đã đăng ký và từ 70% được công nhận. Bấm tiêu đề cột để sắp xếp, tên xã để xem từng đơn vị.
                {sort && (
                  <>
                    {" "}
                    <Link className="text-brand-700 hover:underline" href={dashboardHref("/dashboard", filters)} scroll={false}>
                      Xếp lại: xã có nguy cơ trước
                    </Link>
                  </>
                )}
              </p>
              {/* A top list: at 8× a province has 800+ communes; every row twice (HTML and the RSC payload) made a 4 MB page. */}
              <CommunesTable rows={data.communes} filters={filters} sort={sort} slice={{ offset: 0, limit: DASHBOARD_TOP_ROWS }} />
              <p className="text-sm">
                <Link className="font-medium text-brand-700 hover:underline" href={dashboardHref("/dashboard/communes", filters, sort)} data-testid="communes-all">
                  {data.communes.length > DASHBOARD_TOP_ROWS
                    ? `Xem tất cả ${formatNumber(data.communes.length)} xã, phường (đang hiện ${formatNumber(DASHBOARD_TOP_ROWS)}) →`
                    : `Xem danh sách ${formatNumber(data.communes.length)} xã, phường theo trang →`}
                </Link>
              </p>
            </div>
          )}
        </Card>
        <IncidentsSection incidents={data.incidents} filters={filters} limit={DASHBOARD_TOP_ROWS} allHref={dashboardHref("/dashboard/incidents", filters)} />
      </div>
    </>
  );
}
