import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { formatIsoDate } from "@/lib/domain/date-text";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatDateTime } from "@/lib/format";
import { getUnitReportPage } from "@/lib/movement/reports";
import { REPORT_COUNT_FIELDS, REPORT_STATE_LABELS, REPORT_TEXT_FIELDS } from "@/lib/movement/report-rules";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { YearPicker } from "@/components/records/year-picker";
import { MovementReportForm, ReturnReportForm, type ReportValues } from "@/components/movement/report-form";
import { returnReportAction } from "@/app/(app)/movement/reports/actions";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../records/page-helpers";
import { saveUnitReportAction } from "./actions";

export const metadata = { title: "Báo cáo phong trào" };

export default async function UnitMovementReportPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getUnitReportPage(getPrisma(), actor, unitId, year));
  const { unit, report } = data;
  const values = Object.fromEntries([...REPORT_TEXT_FIELDS, ...REPORT_COUNT_FIELDS].map((f) => [f, report?.[f] == null ? "" : String(report[f])])) as ReportValues;
  return (
    <>
      <Breadcrumbs className="mb-2 text-sm" items={[{ label: unit.name, href: `/units/${unit.id}` }, { label: `Báo cáo phong trào năm ${year}` }]} />
      <PageHeader
        title={`Báo cáo phong trào năm ${year}`}
        description={`${unit.name} · ${UNIT_KIND_LABELS[unit.kind]} · ${unit.commune.name}. Báo cáo kết quả phong trào "Toàn dân bảo vệ an ninh Tổ quốc" gửi Công an tỉnh trước ngày ${formatIsoDate(data.deadline)} (Kế hoạch 195/KH-UBND).`}
        action={<YearPicker year={year} years={selectableYears()} />}
      />
      {!data.reports ? (
        <Card>
          <p className="text-sm">
            Khu dân cư báo cáo kết quả phong trào qua Ủy ban nhân dân xã, phường; không lập báo cáo riêng.{" "}
            <Link className="text-brand-700 underline" href={`/units/${unit.id}`}>
              Về trang đơn vị
            </Link>
          </p>
        </Card>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-state">
            <Badge tone={report?.state === "SUBMITTED" ? (report.late ? "amber" : "green") : report?.state === "RETURNED" ? "red" : "slate"}>
              {report ? REPORT_STATE_LABELS[report.state] : "Chưa lập"}
              {report?.state === "SUBMITTED" && report.late ? " (muộn)" : ""}
            </Badge>
            {report?.submittedAt && <span className="text-slate-600">Gửi lúc {formatDateTime(report.submittedAt)}</span>}
          </div>
          {report?.state === "RETURNED" && report.returnReason && (
            <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">Công an tỉnh trả lại: {report.returnReason}</p>
          )}
          <MovementReportForm
            key={`${year}:${report?.state ?? "none"}`}
            subject={{ unitId: unit.id }}
            year={year}
            version={report?.version ?? 0}
            values={values}
            canEdit={data.canEdit}
            deadlineText={formatIsoDate(data.deadline)}
            action={saveUnitReportAction}
          />
          {data.canReturn && report && (
            <Card title="Công an tỉnh">
              <ReturnReportForm reportId={report.id} version={report.version} action={returnReportAction} />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
