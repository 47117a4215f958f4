import { requireActor } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db/client";
import { formatIsoDate } from "@/lib/domain/date-text";
import { formatDateTime } from "@/lib/format";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { getParticipantReportPage } from "@/lib/movement/reports";
import { REPORT_COUNT_FIELDS, REPORT_STATE_LABELS, REPORT_TEXT_FIELDS } from "@/lib/movement/report-rules";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { MovementReportForm, ReturnReportForm, type ReportValues } from "@/components/movement/report-form";
import { yearFrom, type SearchParams } from "@/app/(app)/units/[unitId]/records/page-helpers";
import { returnReportAction, saveParticipantReportAction } from "../../actions";

export const metadata = { title: "Báo cáo phong trào" };

/** A participant's report, entered by the provincial police from its paper copy. */
export default async function ParticipantReportPage({ params, searchParams }: { params: Promise<{ participantId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const participantId = requireUuid((await params).participantId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getParticipantReportPage(getPrisma(), actor, participantId, year));
  const { participant, report } = data;
  const values = Object.fromEntries([...REPORT_TEXT_FIELDS, ...REPORT_COUNT_FIELDS].map((f) => [f, report?.[f] == null ? "" : String(report[f])])) as ReportValues;
  return (
    <>
      <Breadcrumbs className="mb-2 text-sm" items={[{ label: "Báo cáo phong trào", href: `/movement/reports?year=${year}` }, { label: participant.name }]} />
      <PageHeader title={`Báo cáo phong trào năm ${year}: ${participant.name}`} description={`${MOVEMENT_GROUP_LABEL[participant.group]}. Hạn gửi Công an tỉnh: ${formatIsoDate(data.deadline)}.`} />
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="report-state">
          <Badge tone={report?.state === "SUBMITTED" ? (report.late ? "amber" : "green") : "slate"}>
            {report ? REPORT_STATE_LABELS[report.state] : "Chưa lập"}
            {report?.state === "SUBMITTED" && report.late ? " (muộn)" : ""}
          </Badge>
          {report?.submittedAt && <span className="text-slate-600">Gửi lúc {formatDateTime(report.submittedAt)}</span>}
        </div>
        <MovementReportForm
          key={`${year}:${report?.state ?? "none"}`}
          subject={{ participantId }}
          year={year}
          version={report?.version ?? 0}
          values={values}
          canEdit={data.canEdit}
          deadlineText={formatIsoDate(data.deadline)}
          action={saveParticipantReportAction}
        />
        {data.canReturn && report && (
          <Card title="Trả lại để bổ sung">
            <ReturnReportForm reportId={report.id} version={report.version} action={returnReportAction} />
          </Card>
        )}
      </div>
    </>
  );
}
