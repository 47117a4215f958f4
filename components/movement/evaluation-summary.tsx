/**
 * The read-only parts of a movement evaluation (issue 14 §2), shared by the unit's page and the
 * review page: its state, total and class, the reviewer's return, and the lines as scored.
 */
import type { EvaluationView } from "@/lib/movement/evaluation-queries";
import { formatPoints } from "@/lib/movement/classification";
import { MOVEMENT_STATE_LABELS, MOVEMENT_STATE_TONES } from "@/lib/movement/evaluation-workflow";
import { classificationDeadline } from "@/lib/movement/groups";
import { isoToDateText } from "@/lib/domain/date-text";
import { formatDateTime } from "@/lib/format";
import { Badge, Card } from "@/components/ui/card";
import { EvidenceList } from "./movement-forms";

export function MovementStateBadge({ state }: { state: EvaluationView["state"] }) {
  return <Badge tone={MOVEMENT_STATE_TONES[state]}>{MOVEMENT_STATE_LABELS[state]}</Badge>;
}

export function deadlineText(view: Pick<EvaluationView, "group" | "year">): string {
  return isoToDateText(classificationDeadline(view.group, view.year));
}

export function EvaluationFacts({ view }: { view: EvaluationView }) {
  return (
    <Card title="Tình trạng" className="mb-4">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2" data-testid="evaluation-facts">
        <dt className="text-slate-600">Trạng thái</dt>
        <dd>
          <MovementStateBadge state={view.state} /> {view.submissionLate && <Badge tone="amber">Gửi sau thời hạn</Badge>}
        </dd>
        <dt className="text-slate-600">Bảng chấm điểm</dt>
        <dd>
          {view.sheet.title} {view.sheet.provisional && <Badge tone="amber">Tạm thời</Badge>}
        </dd>
        <dt className="text-slate-600">Thời hạn xếp loại</dt>
        <dd>Trước ngày {deadlineText(view)}</dd>
        <dt className="text-slate-600">Tổng điểm tự chấm</dt>
        <dd>
          {formatPoints(view.selfTotal)}/{formatPoints(view.sheet.maxTotal)}
        </dd>
        {view.submittedAt && (
          <>
            <dt className="text-slate-600">Gửi lần {view.reviewRound}</dt>
            <dd>{formatDateTime(view.submittedAt)}</dd>
          </>
        )}
        {view.state === "CLASSIFIED" && (
          <>
            <dt className="text-slate-600">Điểm sau thẩm định</dt>
            <dd>
              {formatPoints(view.reviewedTotal ?? 0)}/{formatPoints(view.sheet.maxTotal)}
            </dd>
            <dt className="text-slate-600">Xếp loại</dt>
            <dd data-testid="movement-class" className="font-semibold">
              {view.className ?? "Không đạt mức xếp loại nào"}
            </dd>
          </>
        )}
      </dl>
      {view.state === "RETURNED" && (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="return-notice">
          <p className="font-medium">Phiếu bị trả lại để chấm lại.</p>
          {view.returnReason && <p>Lý do: {view.returnReason}</p>}
          {view.lines.some((l) => l.flagged) && <p>Tiêu chí cần chấm lại: {view.lines.filter((l) => l.flagged).map((l) => l.code).join(", ")}.</p>}
        </div>
      )}
    </Card>
  );
}

export function ScoredLines({ view }: { view: EvaluationView }) {
  const reviewed = view.state === "CLASSIFIED";
  return (
    <ol className="space-y-3" data-testid="scored-lines">
      {view.lines.map((l) => (
        <li key={l.criterionId} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid={`line-${l.code}`}>
          <p className="font-medium">
            {l.code}. {l.text} <span className="text-slate-600">(tối đa {formatPoints(l.maxPoints)} điểm)</span>
          </p>
          {l.prefill && <p className="text-slate-600">{l.prefill.known ? `Gợi ý từ dữ liệu: ${formatPoints(l.prefill.points)} điểm. ` : ""}{l.prefill.reason}</p>}
          <p>
            Tự chấm: <strong>{l.selfPoints === null ? "—" : formatPoints(l.selfPoints)}</strong>
            {reviewed && l.reviewedPoints !== null && (
              <>
                {" · "}Thẩm định: <strong>{formatPoints(l.reviewedPoints)}</strong>
              </>
            )}
          </p>
          {l.explanation && <p className="text-slate-600">Giải trình: {l.explanation}</p>}
          {l.reviewComment && <p className="text-slate-700">Nhận xét của cán bộ thẩm định: {l.reviewComment}</p>}
          <EvidenceList files={l.files} />
        </li>
      ))}
    </ol>
  );
}
