import { Link } from "@/components/ui/link";
import { z } from "zod";
import { searchParam } from "@/lib/validation/input-rules";
import { requireActor } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db/client";
import { getDossierHistoryRows, getDossierOverview } from "@/lib/dossiers/dossier-queries";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { EXCLUSION_REASON_LABELS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES, isDecided, isRegistered, isSubmitted, SELF_ASSESSED_STATES } from "@/lib/workflow/dossier-states";
import { mayEditSelfAssessment, REVIEWING_STATES } from "@/lib/workflow/transitions";
import { LATE_LABELS, stepStatus } from "@/lib/workflow/deadlines";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { RegistrationForm } from "@/components/dossiers/registration-form";
import { TransitionButton } from "@/components/dossiers/transition-button";
import { ReasonForm } from "@/components/dossiers/reason-form";
import { registerAction, revokeAction, startSelfAssessmentAction } from "./actions";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

export const metadata = { title: "Hồ sơ đánh giá năm" };

const yearSchema = z.coerce.number().int().min(2022).max(2100);

function Deadline({ label, date, today, done, late, lateLabel }: { label: string; date: string; today: string; done: boolean; late?: boolean; lateLabel?: string }) {
  const status = stepStatus({ deadline: date, done, late, lateLabel }, today);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm">
      <span>{label}</span>
      <span className="flex items-center gap-2">
        <span>{date.split("-").reverse().join("/")}</span>
        <Badge tone={status.tone}>{status.label}</Badge>
      </span>
    </li>
  );
}

export default async function DossierPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<{ year?: string }> }) {
  const actor = await requireActor();
  const { unitId } = await params;
  requireUuid(unitId);
  const year = yearSchema.catch(currentEvaluationYear()).parse(searchParam(await searchParams, "year"));
  const prisma = getPrisma();
  const overview = await loadOrDeny(() => getDossierOverview(prisma, actor, unitId, year));
  const { unit, dossier, state, actions, deadlines, performers } = overview;
  const history = dossier ? await getDossierHistoryRows(prisma, actor, dossier.id) : [];
  const today = todayInVietnam();
  const has = (a: string) => actions.some((t) => t.action === a);
  const registered = isRegistered(state);
  const submitted = isSubmitted(state);
  const decided = isDecided(state);
  const editing = mayEditSelfAssessment(state, performers);
  const reviewing = REVIEWING_STATES.includes(state);

  return (
    <>
      <PageHeader
        title={`Hồ sơ năm ${year}: ${unit.name}`}
        description={`${UNIT_KIND_LABELS[unit.kind]} · ${unit.commune.name} · Cơ quan quản lý: ${unit.managingAuthority.name}`}
        action={<Badge tone={DOSSIER_STATE_TONES[state]}>{DOSSIER_STATE_LABELS[state]}</Badge>}
      />
      {unit.exclusionReason ? (
        <EmptyState title="Đơn vị không thuộc diện đánh giá, công nhận.">{EXCLUSION_REASON_LABELS[unit.exclusionReason]} (Điều 1 khoản 2 điểm b Thông tư 124/2021/TT-BCA).</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            {has("REGISTER") ? (
              <Card title="Đăng ký phấn đấu">
                <RegistrationForm unitId={unit.id} year={year} needsPartyResolution={unit.hasPartyOrganisation} needsPlan={unit.kind !== "KDC"} deadline={deadlines.registration} action={registerAction} />
              </Card>
            ) : registered && dossier ? (
              <Card title="Đăng ký phấn đấu">
                <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2" data-testid="registration">
                  <dt className="text-slate-600">Ngày đăng ký</dt>
                  <dd>
                    {formatDate(dossier.registeredOn)} {dossier.registrationLate && <Badge tone="amber">{LATE_LABELS.registration}</Badge>}
                  </dd>
                  {dossier.partyResolutionRef && (
                    <>
                      <dt className="text-slate-600">Nghị quyết</dt>
                      <dd>{dossier.partyResolutionRef} ngày {formatDate(dossier.partyResolutionOn)}</dd>
                    </>
                  )}
                  {dossier.planRef && (
                    <>
                      <dt className="text-slate-600">Kế hoạch</dt>
                      <dd>{dossier.planRef} ngày {formatDate(dossier.planOn)}</dd>
                    </>
                  )}
                  {dossier.commitmentRef && (
                    <>
                      <dt className="text-slate-600">Bản đăng ký</dt>
                      <dd>{dossier.commitmentRef} ngày {formatDate(dossier.commitmentOn)}</dd>
                    </>
                  )}
                </dl>
              </Card>
            ) : (
              <EmptyState title="Đơn vị chưa đăng ký phấn đấu năm nay." />
            )}

            {dossier && (
              <Card title="Tự đánh giá và thẩm định">
                <div className="flex flex-wrap items-start gap-3">
                  {has("START_SELF_ASSESSMENT") && <TransitionButton label="Bắt đầu tự đánh giá" dossierId={dossier.id} version={dossier.version} action={startSelfAssessmentAction} />}
                  {SELF_ASSESSED_STATES.includes(state) && (
                    <LinkButton href={`/dossiers/${dossier.id}/self-assessment`} variant={editing ? "primary" : "secondary"}>
                      {editing ? "Tự đánh giá và nộp hồ sơ" : "Xem nội dung tự đánh giá"}
                    </LinkButton>
                  )}
                  {performers.includes("REVIEWER") && submitted && (
                    <LinkButton href={`/dossiers/${dossier.id}/review`} variant={reviewing ? "primary" : "secondary"}>
                      {reviewing ? "Thẩm định hồ sơ" : "Xem kết quả thẩm định"}
                    </LinkButton>
                  )}
                </div>
                {state === "NOT_RECOGNISED" && dossier.refusalReason && <p className="mt-3 text-sm text-red-800">Lý do không công nhận: {dossier.refusalReason}</p>}
                {dossier.decision && (
                  <p className="mt-3 text-sm" data-testid="decision">
                    Công nhận theo Quyết định số <strong>{dossier.decision.number}</strong> ngày {formatDate(dossier.decision.issuedOn)}.{" "}
                    <Link className="text-brand-700 underline" href={`/decisions/${dossier.decision.id}`}>Xem quyết định</Link>
                  </p>
                )}
                {state === "REVOKED" && (
                  <p className="mt-3 text-sm text-red-800">
                    Đã thu hồi công nhận ngày {formatDateTime(dossier.revokedAt)} theo văn bản {dossier.revocationRef}. Lý do: {dossier.revocationReason}
                  </p>
                )}
              </Card>
            )}

            {dossier && has("REVOKE") && (
              <Card title="Thu hồi công nhận">
                <p className="mb-3 text-sm text-slate-600">Thông tư 124/2021/TT-BCA không quy định thu hồi; chỉ thực hiện khi có văn bản của cấp có thẩm quyền, ghi rõ lý do.</p>
                <ReasonForm
                  dossierId={dossier.id}
                  version={dossier.version}
                  action={revokeAction}
                  label="Thu hồi công nhận"
                  withReference
                  confirm={{
                    title: `Thu hồi công nhận ${unit.name} năm ${year}?`,
                    body: "Đơn vị không còn được công nhận đạt tiêu chuẩn năm này; quyết định công nhận ghi nhận việc thu hồi. Không hoàn tác được.",
                    confirmLabel: "Thu hồi công nhận",
                    tone: "danger",
                  }}
                  done={`Đã thu hồi công nhận ${unit.name} năm ${year}.`}
                />
              </Card>
            )}
          </div>

          <div className="space-y-4">
            <Card title="Mốc thời gian">
              <ul className="divide-y divide-slate-100">
                <Deadline label="Đăng ký (quý I)" date={deadlines.registration} today={today} done={registered} late={dossier?.registrationLate} lateLabel={LATE_LABELS.registration} />
                <Deadline label="Kết thúc tự đánh giá" date={deadlines.selfAssessment} today={today} done={submitted} late={dossier?.submissionLate} lateLabel={LATE_LABELS.submission} />
                <Deadline label="Quyết định công nhận" date={deadlines.decision} today={today} done={decided} />
              </ul>
            </Card>
            <Card title="Lịch sử hồ sơ">
              {history && history.length > 0 ? (
                <ol className="space-y-2 text-sm" data-testid="dossier-history">
                  {history.map((h) => (
                    <li key={h.id}>
                      <div className="font-medium">{h.label}</div>
                      {h.criteria.length > 0 && (
                        <div className="text-slate-700">
                          {h.criteria.map((c, i) => (
                            <span key={c.id}>
                              {i > 0 && "; "}
                              <span className="font-mono text-xs">{c.id}</span> {c.title}
                            </span>
                          ))}
                        </div>
                      )}
                      {h.detail && <div className="text-slate-700">{h.detail}</div>}
                      <div className="text-xs text-slate-500">
                        {formatDateTime(h.at)} · {h.actor}
                      </div>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-slate-500">Chưa có thao tác nào.</p>
              )}
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
