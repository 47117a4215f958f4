import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { getCommuneDrilldown, getDashboard } from "@/lib/reports/dashboard-queries";
import { scopeLine } from "@/lib/reports/exports/labels";
import { formatNumber } from "@/lib/format";
import { Card, PageHeader } from "@/components/ui/card";
import { dashboardHref, parseDashboardParams, pickerYears } from "@/components/dashboard/dashboard-params";
import { FilterForm } from "@/components/dashboard/filter-form";
import { CommunesTable } from "@/components/dashboard/communes-table";
import { DrilldownUnits } from "@/components/dashboard/drilldown-units";
import { ExportButton } from "@/components/dashboard/export-button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata = { title: "Bảng điều khiển – xã, phường" };

/** Drill-down: one commune's figures row and its units with their dossier of the year (filters kept in the URL). */
export default async function CommuneDrilldownPage({
  params,
  searchParams,
}: {
  params: Promise<{ communeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission({ action: "province.read" });
  const { communeId } = await params;
  if (!z.uuid().safeParse(communeId).success) notFound();
  const current = currentEvaluationYear();
  const { filters: pageFilters } = parseDashboardParams(await searchParams, current);
  const filters = { ...pageFilters, communeId };
  const prisma = getPrisma();
  const commune = await prisma.administrativeArea.findFirst({ where: { id: communeId, level: "COMMUNE" }, select: { id: true, name: true } });
  if (!commune) notFound();
  const [data, units] = await Promise.all([
    getDashboard(prisma, actor, filters),
    getCommuneDrilldown(prisma, actor, { year: filters.year, communeId, kind: filters.kind, sector: filters.sector }),
  ]);
  const row = data.communes.find((c) => c.communeId === communeId);
  const back = dashboardHref("/dashboard", { ...filters, communeId: undefined });
  const path = `/dashboard/communes/${communeId}`;
  const exportQuery = dashboardHref("", filters).replace(/^\?/, "");

  return (
    <>
      <Breadcrumbs items={[{ label: "Bảng điều khiển", href: back }, { label: commune.name }]} />
      <PageHeader
        title={commune.name}
        description={<>Số liệu {scopeLine(data, commune.name)}: {formatNumber(units.length)} đơn vị trên địa bàn.</>}
        action={<ExportButton href={`/api/reports/dashboard.xlsx?${exportQuery}`} label="Xuất Excel (.xlsx)" fallbackName={`Tong-hop-ANTT-${filters.year}.xlsx`} testId="export-xlsx" />}
      />
      <div className="space-y-6">
        <FilterForm action={path} filters={filters} years={pickerYears(current, filters.year)} />
        {row && (
          <Card title={`Kết quả của ${commune.name} năm ${filters.year}`}>
            <CommunesTable rows={[row]} filters={filters} single />
            <p className="mt-2 text-xs text-slate-500">Tính trên khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc diện trên địa bàn (không tính chính xã, phường).</p>
          </Card>
        )}
        <Card title={`Đơn vị trên địa bàn – hồ sơ năm ${filters.year}`}>
          <DrilldownUnits units={units} year={filters.year} communeName={commune.name} />
        </Card>
        <p>
          <Link className="text-sm text-brand-700 hover:underline" href={back}>← Về bảng điều khiển toàn tỉnh</Link>
        </p>
      </div>
    </>
  );
}
