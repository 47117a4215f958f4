import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { formatIsoDate } from "@/lib/domain/date-text";
import { formatDateTime } from "@/lib/format";
import { listProvinceReports, provinceReportFigures } from "@/lib/movement/province-report";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CardTable } from "@/components/ui/card-table";
import { MovementFiguresTables } from "@/components/movement/figures-tables";
import { BuildProvinceReportButton, ProvinceReportSentForm } from "@/components/movement/province-report-actions";
import { buildProvinceReportAction, markProvinceReportSentAction } from "../actions";
import { yearOnly } from "../params";

export const metadata = { title: "Báo cáo phong trào của tỉnh" };

export default async function ProvinceMovementReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "province.read" });
  const year = yearOnly(await searchParams);
  const prisma = getPrisma();
  const [figures, builds] = await Promise.all([provinceReportFigures(prisma, actor, year), listProvinceReports(prisma, actor, year)]);
  const canBuild = can(actor, { action: "movementReport.province" });
  return (
    <>
      <Breadcrumbs className="mb-2 text-sm" items={[{ label: "Báo cáo phong trào", href: `/movement/reports?year=${year}` }, { label: `Báo cáo của tỉnh năm ${year}` }]} />
      <PageHeader
        title={`Báo cáo phong trào của tỉnh năm ${year}`}
        description={`Công an tỉnh báo cáo UBND tỉnh trước ngày ${formatIsoDate(figures.deadlines.provinceReportEnd)} (Kế hoạch 195/KH-UBND). Số liệu lúc ${formatDateTime(new Date(figures.generatedAt))}.`}
        action={canBuild ? <BuildProvinceReportButton year={year} action={buildProvinceReportAction} /> : undefined}
      />
      <div className="space-y-6">
        <Card title="Các lần lập báo cáo">
          {builds.length === 0 ? (
            <EmptyState title="Chưa lập báo cáo của năm này.">{canBuild ? "Bấm “Lập báo cáo gửi UBND tỉnh” để lưu số liệu hiện tại và tải văn bản." : "Công an tỉnh lập báo cáo từ số liệu dưới đây."}</EmptyState>
          ) : (
            <CardTable testId="province-builds" caption="Các lần lập báo cáo">
              <thead>
                <tr className="text-left text-slate-600">
                  <th className="px-3 py-2">Lập lúc</th>
                  <th className="px-3 py-2">Người lập</th>
                  <th className="px-3 py-2">Số, ngày</th>
                  <th className="px-3 py-2">Tải về</th>
                </tr>
              </thead>
              <tbody>
                {builds.map((b) => (
                  <tr key={b.id} className="border-t border-slate-100 align-top">
                    <td className="px-3 py-2">{formatDateTime(b.builtAt)}</td>
                    <td className="px-3 py-2" data-label="Người lập">{b.builtBy || "—"}</td>
                    <td className="px-3 py-2" data-label="Số, ngày">
                      {b.number ? `${b.number}, ngày ${formatIsoDate(b.sentOn!)}` : canBuild ? <ProvinceReportSentForm reportId={b.id} version={b.version} action={markProvinceReportSentAction} /> : "Chưa gửi"}
                    </td>
                    <td className="px-3 py-2" data-label="Tải về">
                      <div className="flex flex-wrap gap-3">
                        <a className="font-medium text-brand-700 hover:underline" href={`/api/movement/province-report/${b.id}?format=docx`} download data-testid="download-docx">
                          Văn bản (.docx)
                        </a>
                        <a className="font-medium text-brand-700 hover:underline" href={`/api/movement/province-report/${b.id}?format=xlsx`} download data-testid="download-xlsx">
                          Bảng số liệu (.xlsx)
                        </a>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </CardTable>
          )}
        </Card>
        <MovementFiguresTables f={figures} />
      </div>
    </>
  );
}
