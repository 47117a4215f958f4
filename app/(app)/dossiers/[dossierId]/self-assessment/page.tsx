import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getSelfAssessment } from "@/lib/dossiers/self-assessment";
import { EVIDENCE_ACCEPT, EVIDENCE_RULES_TEXT } from "@/lib/dossiers/evidence-rules";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES, OFFICER_STATE_NOTICES } from "@/lib/workflow/dossier-states";
import { carriedLabel } from "@/lib/workflow/review-round";
import { deadlinesFor, countdownLabel } from "@/lib/workflow/deadlines";
import { loadCycleCalendar } from "@/lib/rules/cycle-calendar-store";
import { formatDateTime } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-field";
import { CriterionAnswerForm } from "@/components/dossiers/criterion-answer-form";
import { EvidenceUploader, RemoveEvidenceButton } from "@/components/dossiers/evidence-uploader";
import { OverallBadge, VerdictBadge } from "@/components/dossiers/verdict-badge";
import { TransitionButton } from "@/components/dossiers/transition-button";
import { DossierVersionProvider } from "@/components/dossiers/dossier-version";
import { ExtraAnswerForm } from "@/components/dossiers/extra-answer-form";
import { removeEvidenceAction, saveAnswerAction, saveExtraAnswerAction, submitAction } from "./actions";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

export const metadata = { title: "Tự đánh giá" };

export default async function SelfAssessmentPage({ params }: { params: Promise<{ dossierId: string }> }) {
  const actor = await requireActor();
  const { dossierId } = await params;
  requireUuid(dossierId);
  const view = await loadOrDeny(() => getSelfAssessment(getPrisma(), actor, dossierId));
  const { dossier, criteria, questions, declarations, explanations, evidence, reviews, editable, evaluation, evaluationError, incomplete, extraCriteria, extraAnswers, standing, submit } = view;
  const isOfficer = can(actor, { action: "unit.update", unit: dossier.unit });
  const canEdit = (id: string) => isOfficer && (editable === "ALL" || editable.has(id));
  const verdictOf = (id: string) => evaluation?.result.criteria.find((c) => c.id === id);
  const deadline = deadlinesFor(dossier.unit.kind, await loadCycleCalendar(getPrisma(), dossier.year)).selfAssessment;
  const stateNotice = OFFICER_STATE_NOTICES[dossier.state];
  /** The reviewer agreed with this criterion (this round or carried forward): shown as such, locked for the unit. */
  const agreedIn = (id: string) => {
    const s = standing.find((x) => x.criterionId === id);
    if (s?.kind === "CARRIED") return s.round;
    if (s?.kind === "JUDGED" && s.status === "ACCEPTED") return s.round;
    return null;
  };
  const agreed = (id: string) => {
    const round = agreedIn(id);
    return round === null ? null : (
      <p className="mb-3 text-sm" data-testid={`agreed-${id}`}>
        <Badge tone="green">{carriedLabel(round)}</Badge> <span className="text-xs text-slate-500">Tiêu chí đã được cán bộ thẩm định thống nhất, không sửa nữa.</span>
      </p>
    );
  };

  return (
    <DossierVersionProvider version={dossier.version}>
      <PageHeader
        title={`Tự đánh giá năm ${dossier.year}: ${dossier.unit.name}`}
        description={
          <>
            {dossier.unit.commune.name} · Hạn tự đánh giá {deadline.split("-").reverse().join("/")} ({countdownLabel(deadline, todayInVietnam())}) ·{" "}
            <Link className="text-brand-700 underline" href={`/units/${dossier.unitId}/dossier?year=${dossier.year}`}>Về hồ sơ</Link>
          </>
        }
        action={<Badge tone={DOSSIER_STATE_TONES[dossier.state]}>{DOSSIER_STATE_LABELS[dossier.state]}</Badge>}
      />
      {stateNotice && (
        <div className="mb-4">
          <FormAlert message={stateNotice} />
        </div>
      )}
      <Card title="Kết quả dự kiến theo số liệu đã ghi nhận" className="mb-4">
        {evaluation ? (
          <div className="space-y-2 text-sm" data-testid="readiness">
            <p className="flex flex-wrap items-center gap-2">
              <OverallBadge overall={evaluation.result.overall} /> {evaluation.result.overallReason}
            </p>
            <p className="text-slate-700">{evaluation.result.readiness.summary}</p>
            {evaluation.result.readiness.items.length > 0 && (
              <ul className="list-disc pl-5 text-slate-700">
                {evaluation.result.readiness.items.map((item, i) => (
                  <li key={i}>
                    <span className="font-mono text-xs">{item.criterionId}</span> {item.text}
                  </li>
                ))}
              </ul>
            )}
            <p className="text-xs text-slate-500">Căn cứ: {evaluation.result.ruleSet.legalBasis}.</p>
          </div>
        ) : (
          <FormAlert message={evaluationError ?? "Chưa đánh giá được."} />
        )}
      </Card>

      <div className="space-y-4">
        {criteria.map((c) => {
          const verdict = verdictOf(c.id);
          const review = reviews.find((r) => r.criterionId === c.id);
          const files = evidence.filter((e) => e.criterionId === c.id);
          const qs = questions.filter((q) => q.criterionId === c.id && q.applies);
          return (
            <section key={c.id} id={c.id} data-testid={`criterion-${c.id}`} className={`rounded-lg border bg-white p-4 shadow-sm ${review?.status === "FLAGGED" ? "border-red-400" : "border-slate-200"}`}>
              <header className="mb-2 flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">
                    <span className="font-mono text-sm text-slate-500">{c.id}</span> {c.title}
                  </h2>
                  <p className="text-xs text-slate-500">{c.legalBasis}</p>
                </div>
                {verdict && <VerdictBadge status={verdict.status} />}
              </header>
              {verdict && <p className="mb-3 text-sm text-slate-700">{verdict.reason}</p>}
              {agreed(c.id)}
              {review?.status === "FLAGGED" && (
                <div className="mb-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid={`review-comment-${c.id}`}>
                  <strong>Yêu cầu bổ sung của cán bộ thẩm định:</strong> {review.comment}
                </div>
              )}
              {canEdit(c.id) ? (
                <CriterionAnswerForm
                  dossierId={dossier.id}
                  version={dossier.version}
                  criterionId={c.id}
                  questions={qs.map((q) => ({ key: q.key, question: q.question, evidenceHint: q.evidenceHint }))}
                  declarations={declarations}
                  explanation={explanations[c.id] ?? ""}
                  action={saveAnswerAction}
                />
              ) : (
                <div className="space-y-1 text-sm">
                  {qs.map((q) => (
                    <p key={q.key}>
                      {q.question} <strong>{declarations[q.key] === undefined ? "Chưa trả lời" : declarations[q.key] ? "Có" : "Không"}</strong>
                    </p>
                  ))}
                  {explanations[c.id] && <p className="text-slate-700">Giải trình: {explanations[c.id]}</p>}
                </div>
              )}
              <div className="mt-3 border-t border-slate-100 pt-3">
                <h3 className="mb-1 text-sm font-medium">Minh chứng</h3>
                {files.length === 0 ? (
                  <p className="text-sm text-slate-500">Chưa có tệp minh chứng.</p>
                ) : (
                  <ul className="mb-2 space-y-1 text-sm">
                    {files.map((f) => (
                      <li key={f.id} className="flex flex-wrap items-center gap-2">
                        <a className="text-brand-700 underline" href={`/api/evidence/${f.id}`}>{f.fileName}</a>
                        <span className="text-xs text-slate-500">
                          {(f.sizeBytes / 1024).toFixed(0)} KB · {formatDateTime(f.createdAt)} · SHA-256 {f.sha256.slice(0, 12)}…
                        </span>
                        {canEdit(c.id) && <RemoveEvidenceButton evidenceId={f.id} fileName={f.fileName} action={removeEvidenceAction} />}
                      </li>
                    ))}
                  </ul>
                )}
                {canEdit(c.id) && <EvidenceUploader dossierId={dossier.id} criterionId={c.id} accept={EVIDENCE_ACCEPT} rules={EVIDENCE_RULES_TEXT} />}
              </div>
            </section>
          );
        })}
      </div>

      {extraCriteria.length > 0 && (
        <div className="mt-4 space-y-4" data-testid="extra-criteria">
          <h2 className="text-lg font-semibold">Tiêu chí bổ sung của tỉnh (Điều 8 khoản 1 Thông tư 124/2021/TT-BCA)</h2>
          {extraCriteria.map((c) => {
            const verdict = evaluation?.result.provincialCriteria.find((v) => v.id === c.code);
            const review = reviews.find((r) => r.criterionId === c.code);
            return (
              <section key={c.code} id={c.code} data-testid={`criterion-${c.code}`} className={`rounded-lg border bg-white p-4 shadow-sm ${review?.status === "FLAGGED" ? "border-red-400" : "border-slate-200"}`}>
                <header className="mb-2 flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h3 className="font-semibold">
                      <span className="font-mono text-sm text-slate-500">{c.code}</span> {c.title}
                    </h3>
                    <p className="text-xs text-slate-500">{c.legalBasis}</p>
                  </div>
                  {verdict && <VerdictBadge status={verdict.status} />}
                </header>
                {c.description && <p className="mb-2 text-sm text-slate-700">{c.description}</p>}
                {agreed(c.code)}
                {c.evidenceExpected && <p className="mb-2 text-xs text-slate-500">Tài liệu kiểm chứng: {c.evidenceExpected} (lưu tại đơn vị, xuất trình khi thẩm định)</p>}
                {review?.status === "FLAGGED" && (
                  <div className="mb-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                    <strong>Yêu cầu bổ sung của cán bộ thẩm định:</strong> {review.comment}
                  </div>
                )}
                {canEdit(c.code) ? (
                  <ExtraAnswerForm dossierId={dossier.id} version={dossier.version} code={c.code} answer={extraAnswers[c.code]} action={saveExtraAnswerAction} />
                ) : (
                  <p className="text-sm">
                    Đơn vị tự đánh giá: <strong>{extraAnswers[c.code] === undefined ? "Chưa trả lời" : extraAnswers[c.code] ? "Đạt" : "Chưa đạt"}</strong>
                  </p>
                )}
              </section>
            );
          })}
        </div>
      )}

      {evaluation?.result.plan && (
        <Card title="Chỉ tiêu kế hoạch của đơn vị (không ảnh hưởng kết luận theo Thông tư)" className="mt-4">
          <ul className="divide-y divide-slate-100 text-sm" data-testid="plan-targets">
            {evaluation.result.plan.targets.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>{t.title}</span>
                <span className="flex items-center gap-2">
                  <span className="text-slate-600">{t.reason}</span> <VerdictBadge status={t.status} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {isOfficer && submit.offered && (
        <Card title={`${submit.label} đề nghị công nhận`} className="mt-4">
          {incomplete.length > 0 ? (
            <p className="mb-3 text-sm text-amber-800" data-testid="incomplete">
              Cần hoàn thành trước khi nộp (trả lời câu hỏi và có minh chứng hoặc giải trình): {incomplete.join(", ")}.
            </p>
          ) : (
            <p className="mb-3 text-sm text-slate-700">Khi nộp, số liệu, kết quả đánh giá và mã băm các tệp minh chứng được lưu lại làm hồ sơ gửi cán bộ thẩm định.</p>
          )}
          <TransitionButton label={submit.label} dossierId={dossier.id} version={dossier.version} action={submitAction}
            confirm={{
              title: `${submit.label}?`,
              body: "Sau khi nộp, hồ sơ không sửa được cho đến khi cán bộ thẩm định trả lại. Số liệu, kết quả tự đánh giá và các tệp minh chứng được lưu lại như lúc nộp.",
              confirmLabel: submit.label,
            }}
            done="Đã nộp hồ sơ. Cán bộ thẩm định sẽ xem xét; bạn được báo khi có kết quả."
          />
        </Card>
      )}
    </DossierVersionProvider>
  );
}
