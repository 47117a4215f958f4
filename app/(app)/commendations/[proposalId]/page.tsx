import { requirePermission } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { decisionAuthorities, getProposal, listCandidates, workplaceOptions } from "@/lib/awards/queries";
import { AWARD_KIND_LABELS, AWARD_LEVEL, COLLECTIVE_ONLY, NATIONAL_ISSUERS, PROPOSAL_STATE_LABELS, PROPOSAL_STATE_TONES } from "@/lib/awards/kinds";
import { recordLines } from "@/lib/awards/record";
import { ruleDescription } from "@/lib/awards/rules";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DownloadLink } from "@/components/decisions/download-link";
import { AddCollectiveForm, AddIndividualForm, RecordDecisionForm, RemoveNomineeButton, SubmitProposalForm, WithdrawProposalForm } from "@/components/commendations/proposal-forms";

export const metadata = { title: "Đề nghị khen thưởng" };

function RecordList({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <p className="text-sm text-slate-500">Chưa có quá trình thành tích trong phần mềm.</p>;
  return (
    <ul className="list-disc pl-5 text-sm text-slate-700">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/** One proposal (issue 14 §3): its nominees with their records, the candidates, and the steps. */
export default async function CommendationPage({ params }: { params: Promise<{ proposalId: string }> }) {
  const actor = await requirePermission({ action: "commendation.read" });
  const { proposalId } = await params;
  requireUuid(proposalId);
  const prisma = getPrisma();
  const p = await loadOrDeny(() => getProposal(prisma, actor, proposalId));
  const manage = can(actor, { action: "commendation.manage" });
  const draft = p.state === "DRAFT" && manage;
  const ref = { proposalId: p.id, version: p.version };
  const [candidates, workplaces, authorities] = await Promise.all([
    draft ? listCandidates(prisma, actor, { year: p.year, awardKind: p.awardKind }) : Promise.resolve([]),
    draft && !COLLECTIVE_ONLY[p.awardKind] ? workplaceOptions(prisma) : Promise.resolve(null),
    p.state === "SUBMITTED" && manage ? decisionAuthorities(prisma, p.awardKind) : Promise.resolve([]),
  ]);
  const open = candidates.filter((c) => c.check.eligible && !c.proposed);
  const notEligible = candidates.filter((c) => !c.check.eligible);
  const awardLabel = AWARD_KIND_LABELS[p.awardKind];
  const today = todayInVietnam();
  const level = AWARD_LEVEL[p.awardKind];
  return (
    <>
      <PageHeader
        title={p.title}
        description={`${awardLabel} · Năm ${p.year}${level === "NATIONAL" ? " · Trình cấp trên quyết định" : ""}`}
        action={<Badge tone={PROPOSAL_STATE_TONES[p.state]}>{PROPOSAL_STATE_LABELS[p.state]}</Badge>}
      />
      <div className="mb-4 flex flex-wrap gap-2">
        {p.nominees.length > 0 && (
          <DownloadLink href={`/api/commendations/${p.id}/submission`}>{p.submissionNumber ? `Tải Tờ trình số ${p.submissionNumber} (.docx)` : "Tải dự thảo tờ trình (.docx)"}</DownloadLink>
        )}
        {p.decision && level !== "NATIONAL" && <DownloadLink href={`/api/commendations/${p.id}/decision`}>Tải Quyết định số {p.decision.number} (.docx)</DownloadLink>}
      </div>
      <div className="space-y-4">
        {(p.submissionNumber || p.decision || p.withdrawnAt) && (
          <Card title="Văn bản">
            <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              {p.submissionNumber && (
                <>
                  <dt className="text-slate-600">Tờ trình</dt>
                  <dd data-testid="submission">
                    Số {p.submissionNumber} ngày {formatDate(p.submittedOn)}
                  </dd>
                </>
              )}
              {p.decision && (
                <>
                  <dt className="text-slate-600">Quyết định khen thưởng</dt>
                  <dd data-testid="award-decision">
                    Số {p.decision.number} ngày {formatDate(p.decision.issuedOn)} của {p.decision.issuerName} · Người ký: {p.decision.signerName} ({p.decision.signerTitle})
                  </dd>
                </>
              )}
              {p.withdrawnAt && (
                <>
                  <dt className="text-slate-600">Đã rút lúc</dt>
                  <dd>
                    {formatDateTime(p.withdrawnAt)} · Lý do: {p.withdrawalReason}
                  </dd>
                </>
              )}
            </dl>
          </Card>
        )}

        <Card title={`Danh sách đề nghị (${p.nominees.length})`}>
          {p.nominees.length === 0 ? (
            <EmptyState title="Chưa có tập thể, cá nhân nào trong danh sách.">{draft ? "Chọn từ danh sách đề xuất bên dưới hoặc thêm cá nhân." : null}</EmptyState>
          ) : (
            <ol className="space-y-3" data-testid="nominees">
              {p.nominees.map((n, i) => (
                <li key={n.id} className="rounded border border-slate-200 p-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">
                      {i + 1}. {n.fullName ? `${n.fullName} — ${n.jobTitle}, ${n.workplace}` : n.displayName}
                    </span>
                    <Badge tone={n.kind === "INDIVIDUAL" ? "blue" : "slate"}>{n.kind === "INDIVIDUAL" ? "Cá nhân" : "Tập thể"}</Badge>
                  </div>
                  <p className="mt-1 whitespace-pre-line text-sm">{n.achievement}</p>
                  {n.kind !== "INDIVIDUAL" && (
                    <div className="mt-2">
                      <p className="text-xs font-medium text-slate-500">{n.recordFrozen ? "Quá trình thành tích (chốt khi trình)" : "Quá trình thành tích"}</p>
                      <RecordList lines={recordLines(n.record, { tt124Unit: n.tt124Unit })} />
                    </div>
                  )}
                  {draft && <RemoveNomineeButton proposal={ref} nomineeId={n.id} name={n.fullName ?? n.displayName} />}
                </li>
              ))}
            </ol>
          )}
        </Card>

        {draft && (
          <Card title={`Đề xuất từ kết quả xếp loại năm ${p.year}`}>
            <p className="mb-3 text-sm text-slate-600">Tiêu chí (tạm tính): {ruleDescription(p.awardKind)}.</p>
            {open.length === 0 ? (
              <EmptyState title="Không có tập thể nào đủ điều kiện chưa được đề nghị.">Các tập thể được xếp loại phong trào năm {p.year} sẽ hiện ở đây khi đủ điều kiện.</EmptyState>
            ) : (
              <ul className="space-y-3" data-testid="candidates">
                {open.map((c) => (
                  <li key={c.unitId ?? c.participantId} className="rounded border border-slate-200 p-3">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="font-medium">{c.name}</span>
                      <span className="text-sm text-slate-600">{c.where}</span>
                    </div>
                    <RecordList lines={recordLines(c.record, { tt124Unit: Boolean(c.unitId) })} />
                    <AddCollectiveForm proposal={ref} subject={{ unitId: c.unitId, participantId: c.participantId }} name={c.name} />
                  </li>
                ))}
              </ul>
            )}
            {notEligible.length > 0 && (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-slate-700">Chưa đủ điều kiện ({notEligible.length})</summary>
                <ul className="mt-2 space-y-1">
                  {notEligible.map((c) => (
                    <li key={c.unitId ?? c.participantId}>
                      <span className="font-medium">{c.name}</span> ({c.className}): thiếu {c.check.missing.join("; ")}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Card>
        )}

        {draft && workplaces && (
          <Card title="Thêm cá nhân">
            <AddIndividualForm proposal={ref} workplaces={workplaces} />
          </Card>
        )}

        {draft && p.nominees.length > 0 && (
          <Card title="Trình đề nghị">
            <p className="mb-3 text-sm text-slate-600">Nhập số và ngày của tờ trình đã ký. Khi trình, quá trình thành tích của từng tập thể được chốt và danh sách không thay đổi được nữa.</p>
            <SubmitProposalForm proposal={ref} count={p.nominees.length} awardLabel={awardLabel} today={today} />
          </Card>
        )}

        {p.state === "SUBMITTED" && manage && (
          <Card title="Ghi nhận quyết định khen thưởng">
            <RecordDecisionForm
              proposal={ref}
              authorities={authorities.map((a) => ({ id: a.id, name: a.name }))}
              outside={level !== "PROVINCE"}
              defaultIssuer={NATIONAL_ISSUERS[p.awardKind] ?? ""}
              today={today}
              awardLabel={awardLabel}
              count={p.nominees.length}
            />
          </Card>
        )}

        {(p.state === "DRAFT" || p.state === "SUBMITTED") && manage && (
          <Card title="Rút đề nghị">
            <WithdrawProposalForm proposal={ref} />
          </Card>
        )}
      </div>
    </>
  );
}
