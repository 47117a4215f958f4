import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { movementSummary, PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from "@/lib/movement/report-figures";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { MovementSummaryTable } from "@/components/movement/summary-table";

export const metadata = { title: "Tổng hợp phong trào 2026–2030" };

export default async function MovementSummaryPage() {
  await requirePermission({ action: "province.read" });
  const summary = await movementSummary(getPrisma(), PLAN_FIRST_YEAR, PLAN_LAST_YEAR);
  return (
    <>
      <Breadcrumbs className="mb-2 text-sm" items={[{ label: "Báo cáo phong trào", href: "/movement/reports" }, { label: "Tổng hợp 2026–2030" }]} />
      <PageHeader
        title={`Tổng hợp phong trào ${PLAN_FIRST_YEAR}–${PLAN_LAST_YEAR}`}
        description="Sơ kết, tổng kết Kế hoạch 195/KH-UBND: kết quả phân loại phong trào theo nhóm đối tượng và năm, bên cạnh tỷ lệ đơn vị được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự”."
        action={
          <a className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50" href="/api/movement/summary.xlsx" download data-testid="summary-xlsx">
            Xuất Excel (.xlsx)
          </a>
        }
      />
      <Card>
        <MovementSummaryTable summary={summary} testId="movement-summary" />
      </Card>
    </>
  );
}
