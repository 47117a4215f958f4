import { requireActor } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db/client";
import { getUnitDetail } from "@/lib/units/unit-queries";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import {
  CRIME_SEVERITY_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  EDUCATION_LEVEL_LABELS,
  EMULATION_RESULT_LABELS,
  EXCLUSION_REASON_LABELS,
  INCIDENT_CODE_LABELS,
  PERSONNEL_TYPE_LABELS,
  UNIT_KIND_LABELS,
} from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { formatDate, formatNumber } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { unitAwards } from "@/lib/awards/queries";
import { UnitAwards } from "@/components/commendations/unit-awards";
import { reportsOnItsOwn } from "@/lib/movement/report-rules";

export default async function UnitPage({ params }: { params: Promise<{ unitId: string }> }) {
  const actor = await requireActor();
  const { unitId } = await params;
  requireUuid(unitId);
  const year = currentEvaluationYear();
  const unit = await loadOrDeny(() => getUnitDetail(getPrisma(), actor, unitId, year));
  const awards = await unitAwards(getPrisma(), actor, unit);
  const facts = unit.yearFacts[0];
  const dossier = unit.dossiers[0];
  const state = dossier?.state ?? "NOT_REGISTERED";
  return (
    <>
      <PageHeader
        title={unit.name}
        description={`${UNIT_KIND_LABELS[unit.kind]} · ${unit.commune.name} · Cơ quan quản lý: ${unit.managingAuthority.name}`}
        action={unit.exclusionReason ? <Badge>Không thuộc diện: {EXCLUSION_REASON_LABELS[unit.exclusionReason]}</Badge> : <Badge tone={DOSSIER_STATE_TONES[state]}>Hồ sơ {year}: {DOSSIER_STATE_LABELS[state]}</Badge>}
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <LinkButton href={`/units/${unit.id}/records?year=${year}`} variant="secondary">Theo dõi số liệu năm {year}</LinkButton>
        {reportsOnItsOwn(unit.kind) && (
          <LinkButton href={`/units/${unit.id}/movement-report?year=${year}`} variant="secondary">Báo cáo phong trào năm {year}</LinkButton>
        )}
        {/* The movement's evaluation (issue 14 §2). */}
        <LinkButton href={`/units/${unit.id}/movement?year=${year}`} variant="secondary">Phong trào năm {year}</LinkButton>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Số liệu năm ${year}`}>
          {!facts ? (
            <EmptyState title="Chưa có số liệu của năm." />
          ) : (
            <dl className="grid grid-cols-2 gap-2 text-sm">
              {unit.kind === "KDC" ? (
                <>
                  <dt className="text-slate-600">Hộ gia đình đang cư trú</dt>
                  <dd>{facts.householdsResident ?? "—"}</dd>
                  <dt className="text-slate-600">Hộ đăng ký tham gia</dt>
                  <dd>{facts.householdsRegistered ?? "—"}</dd>
                </>
              ) : (
                <>
                  <dt className="text-slate-600">Tổng số cán bộ, người lao động</dt>
                  <dd>{facts.staffTotal ?? "—"}</dd>
                  <dt className="text-slate-600">Đã được phổ biến nội quy, tiêu chí</dt>
                  <dd>{facts.staffBriefed ?? "—"}</dd>
                </>
              )}
              {unit.educationLevel && (
                <>
                  <dt className="text-slate-600">Cấp học</dt>
                  <dd>{EDUCATION_LEVEL_LABELS[unit.educationLevel]}</dd>
                  <dt className="text-slate-600">Người học</dt>
                  <dd>{facts.learnersTotal != null ? formatNumber(facts.learnersTotal) : "—"}</dd>
                </>
              )}
              {facts.securityForceRating && (
                <>
                  <dt className="text-slate-600">Xếp loại lực lượng bảo vệ</dt>
                  <dd>{EMULATION_RESULT_LABELS[facts.securityForceRating]}</dd>
                </>
              )}
              {dossier?.registeredOn && (
                <>
                  <dt className="text-slate-600">Ngày đăng ký phấn đấu</dt>
                  <dd>
                    {formatDate(dossier.registeredOn)} {dossier.registrationLate && <Badge tone="amber">Muộn</Badge>}
                  </dd>
                </>
              )}
            </dl>
          )}
        </Card>
        {unit.kind !== "KDC" && unit.kind !== "XA" && (
          <Card title="Phòng, ban, tổ trực thuộc">
            {unit.subUnits.length === 0 ? (
              <EmptyState title="Chưa khai báo đơn vị trực thuộc." />
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="sub-units">
                {unit.subUnits.map((s) => (
                  <li key={s.id} className="flex justify-between gap-2 py-1.5">
                    <span>
                      {s.name} {s.isSecurityForce && <Badge tone="blue">Lực lượng bảo vệ</Badge>}
                    </span>
                    <span className="text-slate-600">{s.results[0] ? EMULATION_RESULT_LABELS[s.results[0].result] : "Chưa xếp loại"}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
        <Card title="Vụ việc">
          {unit.incidents.length === 0 ? (
            <EmptyState title="Không có vụ việc nào được ghi nhận." />
          ) : (
            <ul className="space-y-2 text-sm">
              {unit.incidents.map((i) => (
                <li key={i.id} className="rounded border border-slate-100 p-2">
                  <div className="font-medium">{i.title}</div>
                  <div className="text-slate-600">
                    {formatDate(i.occurredOn)} · {INCIDENT_CODE_LABELS[i.code]}
                    {i.severity && ` · ${CRIME_SEVERITY_LABELS[i.severity]}`} ·{" "}
                    {i.source === "POLICE_RECORDED" ? "Công an ghi nhận" : "Đơn vị tự khai báo"}
                    {i.forceMajeure && " · Bất khả kháng"}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Kỷ luật">
          {unit.disciplineRecords.length === 0 ? (
            <EmptyState title="Không có cá nhân bị kỷ luật." />
          ) : (
            <ul className="space-y-2 text-sm">
              {unit.disciplineRecords.map((d) => (
                <li key={d.id} className="rounded border border-slate-100 p-2">
                  <div className="font-medium">
                    {d.person.fullName} ({PERSONNEL_TYPE_LABELS[d.person.personnelType]}) – {DISCIPLINE_LEVEL_LABELS[d.level]}
                  </div>
                  <div className="text-slate-600">
                    {formatDate(d.decidedOn)} · {d.reason}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={`Mô hình phong trào năm ${year}`}>
          {unit.movementModels.length === 0 ? (
            <EmptyState title="Chưa có mô hình nào." />
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {unit.movementModels.map((m) => (
                <li key={m.id}>{m.name}</li>
              ))}
            </ul>
          )}
        </Card>
        <UnitAwards awards={awards} />
      </div>
    </>
  );
}
