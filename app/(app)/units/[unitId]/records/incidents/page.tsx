import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getIncidentsPage } from "@/lib/records/queries";
import { CRIME_SEVERITY_LABELS, DISCIPLINE_LEVEL_LABELS, INCIDENT_CODE_LABELS, INCIDENT_PERSON_ROLE_LABELS, PERSON_BASIS_LABELS } from "@/lib/domain/vocabulary";
import { formatDate } from "@/lib/format";
import { RecordsHeader } from "@/components/records/records-header";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../page-helpers";

export const metadata = { title: "Vụ việc" };

export default async function IncidentsPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getIncidentsPage(getPrisma(), actor, unitId, year));
  const base = `/units/${unitId}/records/incidents`;
  // Each side edits only its own source: officers their declarations, police reviewers their records.
  const editable = (source: "POLICE_RECORDED" | "UNIT_DECLARED") => (source === "UNIT_DECLARED" ? data.canEdit : data.canRecordPolice);
  const addButton = data.canEdit ? (
    <LinkButton href={`${base}/new?year=${year}`}>Khai báo vụ việc</LinkButton>
  ) : data.canRecordPolice ? (
    <LinkButton href={`${base}/new?year=${year}`}>Ghi nhận vụ việc (Công an)</LinkButton>
  ) : null;
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="incidents" readOnly={!data.canEdit && !data.canRecordPolice} />
      <Card title={`Vụ việc trong kỳ đánh giá (${data.incidents.length})`} action={addButton}>
        <p className="mb-3 text-sm text-slate-600">
          Các vụ việc thuộc danh mục tiêu chí xảy ra trong kỳ {data.window.text}. Vụ việc do Công an ghi nhận chỉ Công an được sửa; đơn vị chỉ sửa được vụ việc do mình khai báo.
        </p>
        {data.incidents.length === 0 ? (
          <EmptyState title="Không có vụ việc nào trong kỳ đánh giá." />
        ) : (
          <ul className="space-y-3" data-testid="incident-list">
            {data.incidents.map((i) => (
              <li key={i.id} className="rounded-md border border-slate-200 p-3" data-testid="incident" data-source={i.source}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{i.title}</p>
                    <p className="text-sm text-slate-600">
                      {formatDate(i.occurredOn)} · {INCIDENT_CODE_LABELS[i.code]}
                      {i.severity && ` · ${CRIME_SEVERITY_LABELS[i.severity]}`}
                    </p>
                    {i.personRole && (
                      <p className="text-sm text-slate-600" data-testid="incident-person">
                        Người vi phạm: {INCIDENT_PERSON_ROLE_LABELS[i.personRole]}
                        {i.personBasis && ` · ${PERSON_BASIS_LABELS[i.personBasis]}`}
                        {i.disciplineLevel && ` · kỷ luật ${DISCIPLINE_LEVEL_LABELS[i.disciplineLevel].toLowerCase()}`}
                      </p>
                    )}
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    {i.source === "POLICE_RECORDED" ? <Badge tone="blue">Công an ghi nhận</Badge> : <Badge>Đơn vị tự khai báo</Badge>}
                    {editable(i.source) ? (
                      <Link className="text-sm text-brand-700 hover:underline" href={`${base}/${i.id}?year=${year}`} aria-label={`Sửa vụ việc ${i.title}`}>
                        Sửa
                      </Link>
                    ) : (
                      (data.canEdit || data.canRecordPolice) && <Badge tone="slate">Chỉ xem</Badge>
                    )}
                  </div>
                </div>
                {i.description && <p className="mt-2 text-sm text-slate-700">{i.description}</p>}
                {(i.forceMajeure || i.detectedTimely || i.mitigated || i.reportedImmediately) && (
                  <div className="mt-2 flex flex-wrap gap-1">
                    {i.forceMajeure && <Badge tone="green">Bất khả kháng</Badge>}
                    {i.detectedTimely && <Badge tone="green">Phát hiện kịp thời</Badge>}
                    {i.mitigated && <Badge tone="green">Đã hạn chế hậu quả</Badge>}
                    {i.reportedImmediately && <Badge tone="green">Đã báo cáo ngay</Badge>}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
