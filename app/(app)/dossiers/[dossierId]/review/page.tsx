import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db/client";
import { getReview } from "@/lib/dossiers/review-queries";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { actionLabel, AGREE_REMAINING_LABEL } from "@/lib/workflow/transitions";
import { carriedLabel, unjudgedCriteria, VERDICT_LABELS } from "@/lib/workflow/review-round";
import { LATE_LABELS } from "@/lib/workflow/deadlines";
import { LinkButton } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-field";
import { OverallBadge, VerdictBadge } from "@/components/dossiers/verdict-badge";
import { CriterionReviewForm } from "@/components/dossiers/criterion-review-form";
import { TransitionButton } from "@/components/dossiers/transition-button";
import { DossierVersionProvider } from "@/components/dossiers/dossier-version";
import { ReasonForm } from "@/components/dossiers/reason-form";
import { agreeRemainingAction, proposeAction, refuseAction, returnAction, reviewCriterionAction } from "./actions";

export const metadata = { title: "Thẩm định hồ sơ" };

export default async function ReviewPage({ params }: { params: Promise<{ dossierId: string }> }) {
  const actor = await requireActor();
  const { dossierId } = await params;
  requireUuid(dossierId);
  const view = await loadOrDeny(() => getReview(getPrisma(), actor, dossierId));
  const { dossier, criteria: national, extraCriteria, questionsOf, snapshot, snapshotAt, live, diff, previousRound, currentReviews, earlierReviews, undeclaredPoliceIncidents, actions, standing, judging, isReviewer, proposeBlockedBy, nextDossierId } = view;
  const result = snapshot?.result ?? live;
  // The province's extra criteria frozen with this round are reviewed like the national ones.
  const criteria = [...national, ...extraCriteria.map((c) => ({ id: c.code, title: c.title, legalBasis: `Tiêu chí bổ sung của tỉnh · ${c.legalBasis}` }))];
  const has = (a: string) => actions.some((t) => t.action === a);
  const standingOf = (id: string) => standing.find((s) => s.criterionId === id);
  const remaining = unjudgedCriteria(standing);
  const judgedCount = standing.length - remaining.length;

  return (
    <DossierVersionProvider version={dossier.version}>
      <PageHeader
        title={`Thẩm định: ${dossier.unit.name}`}
        description={
          <>
            {dossier.unit.commune.name} · Năm {dossier.year} · Lần nộp thứ {dossier.reviewRound}
            {snapshotAt && ` (${formatDateTime(snapshotAt)})`}
            {dossier.submissionLate && ` · ${LATE_LABELS.submission}`} ·{" "}
            <Link className="text-brand-700 underline" href={`/units/${dossier.unitId}/dossier?year=${dossier.year}`}>Về hồ sơ</Link>
          </>
        }
        action={<Badge tone={DOSSIER_STATE_TONES[dossier.state]}>{DOSSIER_STATE_LABELS[dossier.state]}</Badge>}
      />
      {!snapshot && <div className="mb-4"><FormAlert message="Hồ sơ này không có bản lưu khi nộp (dữ liệu mẫu); nội dung dưới đây tính từ số liệu hiện tại." /></div>}
      {result && (
        <Card title="Kết quả đánh giá theo tiêu chí" className="mb-4">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <OverallBadge overall={result.overall} /> {result.overallReason}
          </p>
        </Card>
      )}
      {undeclaredPoliceIncidents.length > 0 && (
        <div className="mb-4 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="mismatch">
          <strong>Không khớp với số liệu Công an ghi nhận:</strong> đơn vị không tự khai báo {undeclaredPoliceIncidents.length} vụ việc sau:
          <ul className="mt-1 list-disc pl-5">
            {undeclaredPoliceIncidents.map((i) => (
              <li key={i.id}>
                {formatDate(i.occurredOn)} – {i.title} ({i.codeLabel})
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.length > 0 && (
        <Card title={`Thay đổi so với lần nộp thứ ${previousRound}`} className="mb-4">
          <ul className="space-y-2 text-sm" data-testid="round-diff">
            {diff.map((d) => (
              <li key={d.criterionId}>
                <span className="font-mono text-xs">{d.criterionId}</span>
                <ul className="list-disc pl-5">
                  {d.changes.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="space-y-4">
        {criteria.map((c) => {
          const verdict = result?.criteria.find((v) => v.id === c.id) ?? result?.provincialCriteria?.find((v) => v.id === c.id);
          const review = currentReviews.find((r) => r.criterionId === c.id);
          const place = standingOf(c.id);
          const earlier = earlierReviews.filter((r) => r.criterionId === c.id);
          const files = snapshot?.evidence.filter((e) => e.criterionId === c.id) ?? [];
          return (
            <section key={c.id} data-testid={`review-${c.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <header className="mb-2 flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">
                    <span className="font-mono text-sm text-slate-500">{c.id}</span> {c.title}
                  </h2>
                  <p className="text-xs text-slate-500">{c.legalBasis}</p>
                </div>
                {verdict && <VerdictBadge status={verdict.status} />}
              </header>
              {verdict && <p className="text-sm text-slate-700">{verdict.reason}</p>}
              {snapshot && (
                <div className="mt-2 space-y-1 text-sm">
                  {questionsOf(c.id).map((q) => {
                    const a = snapshot.answers.declarations[q.key as keyof typeof snapshot.answers.declarations];
                    return (
                      <p key={q.key}>
                        {q.question} <strong>{a === undefined ? "Chưa trả lời" : a ? "Có" : "Không"}</strong>
                      </p>
                    );
                  })}
                  {snapshot.answers.explanations[c.id] && <p>Giải trình: {snapshot.answers.explanations[c.id]}</p>}
                  <p>
                    Minh chứng:{" "}
                    {files.length === 0
                      ? "không có"
                      : files.map((f, i) => (
                          <span key={f.id}>
                            {i > 0 && ", "}
                            <a className="text-brand-700 underline" href={`/api/evidence/${f.id}`}>{f.fileName}</a>{" "}
                            <span className="text-xs text-slate-500">(SHA-256 {f.sha256.slice(0, 12)}…)</span>
                          </span>
                        ))}
                  </p>
                </div>
              )}
              {earlier.length > 0 && (
                <p className="mt-2 text-xs text-slate-500">
                  Lần trước: {earlier.map((r) => `${VERDICT_LABELS[r.status].toLowerCase()}${r.comment ? ` – ${r.comment}` : ""} (lần ${r.round})`).join("; ")}
                </p>
              )}
              <div className="mt-3 border-t border-slate-100 pt-3">
                {place?.kind === "CARRIED" ? (
                  <div className="space-y-2 text-sm" data-testid={`carried-${c.id}`}>
                    <p>
                      <Badge tone="green">{carriedLabel(place.round)}</Badge> {place.comment}{" "}
                      <span className="text-xs text-slate-500">Đơn vị không sửa được tiêu chí này; không cần thẩm định lại.</span>
                    </p>
                    {judging && (
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">Xem xét lại tiêu chí này</summary>
                        <div className="mt-2">
                          <CriterionReviewForm dossierId={dossier.id} version={dossier.version} criterionId={c.id} status={null} comment="" action={reviewCriterionAction} />
                        </div>
                      </details>
                    )}
                  </div>
                ) : judging ? (
                  <CriterionReviewForm dossierId={dossier.id} version={dossier.version} criterionId={c.id} status={review?.status ?? null} comment={review?.comment ?? ""} action={reviewCriterionAction} />
                ) : review ? (
                  <p className="text-sm">
                    <Badge tone={review.status === "FLAGGED" ? "red" : "green"}>{VERDICT_LABELS[review.status]}</Badge> {review.comment}
                  </p>
                ) : null}
              </div>
            </section>
          );
        })}
      </div>
      {judging && (
        <Card title="Kết luận thẩm định" className="mt-4">
          <p className="mb-3 text-sm text-slate-700" data-testid="review-progress">
            Đã có ý kiến {judgedCount}/{standing.length} tiêu chí của lần nộp này
            {remaining.length > 0 ? ` · còn ${remaining.length} tiêu chí chưa thẩm định: ${remaining.join(", ")}.` : "."}
          </p>
          <div className="flex flex-wrap items-start gap-3">
            {remaining.length > 0 && (
              <TransitionButton
                label={AGREE_REMAINING_LABEL}
                dossierId={dossier.id}
                version={dossier.version}
                action={agreeRemainingAction}
                variant="secondary"
              />
            )}
            {has("RETURN") && (
              <TransitionButton
                label={actionLabel("RETURN", dossier.state)}
                dossierId={dossier.id}
                version={dossier.version}
                action={returnAction}
                variant="secondary"
                confirm={{
                  title: `Trả lại hồ sơ của ${dossier.unit.name}?`,
                  body: "Đơn vị sẽ thấy các tiêu chí bạn yêu cầu bổ sung cùng nhận xét, sửa và nộp lại. Các tiêu chí đã thống nhất được giữ nguyên ở lần nộp sau. Cho đến khi đơn vị nộp lại, hồ sơ rời hàng chờ thẩm định.",
                  confirmLabel: "Trả lại hồ sơ",
                }}
                done={`Đã trả lại hồ sơ của ${dossier.unit.name} để bổ sung.`}
              />
            )}
            {/* Shown from the first look (SUBMITTED too), disabled with the guards' reasons until it can be used. */}
            {(has("PROPOSE") || judging) && (
              <TransitionButton
                label={actionLabel("PROPOSE", dossier.state)}
                dossierId={dossier.id}
                version={dossier.version}
                action={proposeAction}
                blockedBy={proposeBlockedBy}
                confirm={{
                  title: `Đề nghị công nhận ${dossier.unit.name}?`,
                  body: `Hồ sơ chuyển sang chờ cấp có thẩm quyền ra quyết định công nhận năm ${dossier.year}; kết quả thẩm định không sửa được nữa.`,
                  confirmLabel: "Đề nghị công nhận",
                }}
                done={`Đã đề nghị công nhận ${dossier.unit.name}. Hồ sơ đang chờ quyết định công nhận.`}
              />
            )}
          </div>
          {has("REFUSE") && (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium text-red-800">Không công nhận…</summary>
              <div className="mt-2">
                <ReasonForm
                  dossierId={dossier.id}
                  version={dossier.version}
                  action={refuseAction}
                  label="Không công nhận"
                  confirm={{
                    title: `Không công nhận ${dossier.unit.name}?`,
                    body: `Đây là kết luận năm ${dossier.year} của hồ sơ; đơn vị thấy lý do bạn ghi và không nộp lại được.`,
                    confirmLabel: "Không công nhận",
                    tone: "danger",
                  }}
                  done={`Đã kết luận không công nhận ${dossier.unit.name}.`}
                />
              </div>
            </details>
          )}
        </Card>
      )}
      {isReviewer && !judging && (
        <Card title="Hàng chờ thẩm định" className="mt-4">
          {nextDossierId ? (
            <LinkButton href={`/dossiers/${nextDossierId}/review`}>Hồ sơ tiếp theo</LinkButton>
          ) : (
            <p className="text-sm text-slate-600">
              Không còn hồ sơ nào chờ thẩm định. <Link className="text-brand-700 underline" href="/">Về trang chủ</Link>
            </p>
          )}
        </Card>
      )}
    </DossierVersionProvider>
  );
}
