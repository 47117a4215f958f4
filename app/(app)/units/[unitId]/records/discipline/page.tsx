import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getDisciplinePage } from "@/lib/records/queries";
import { DISCIPLINE_LEVEL_LABELS, DISCIPLINE_RANK, PERSONNEL_TYPE_LABELS } from "@/lib/domain/vocabulary";
import { formatDate } from "@/lib/format";
import { RecordsHeader } from "@/components/records/records-header";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../page-helpers";

export const metadata = { title: "Kỷ luật" };

export default async function DisciplinePage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getDisciplinePage(getPrisma(), actor, unitId, year));
  const base = `/units/${unitId}/records/discipline`;
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="discipline" readOnly={!data.canEdit} />
      <Card
        title={`Quyết định kỷ luật trong kỳ đánh giá (${data.records.length})`}
        action={data.canEdit && <LinkButton href={`${base}/new?year=${year}`}>Thêm quyết định kỷ luật</LinkButton>}
      >
        <p className="mb-3 text-sm text-slate-600">Các quyết định có ngày ký trong kỳ {data.window.text}. Tiêu chí tính kỷ luật “từ cảnh cáo trở lên” và kỷ luật thành viên lực lượng bảo vệ.</p>
        {data.records.length === 0 ? (
          <EmptyState title="Không có quyết định kỷ luật nào trong kỳ đánh giá." />
        ) : (
          <div className="-mx-4 overflow-x-auto">
            <table className="card-table min-w-full text-sm" data-testid="discipline-table">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-4 py-2 font-medium">Họ và tên</th>
                  <th className="px-4 py-2 font-medium">Đối tượng, chức vụ</th>
                  <th className="px-4 py-2 font-medium">Hình thức</th>
                  <th className="px-4 py-2 font-medium">Ngày quyết định</th>
                  <th className="px-4 py-2 font-medium">Số quyết định</th>
                  <th className="px-4 py-2 font-medium">Lý do</th>
                  {data.canEdit && <th className="px-4 py-2 font-medium"><span className="sr-only">Thao tác</span></th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.records.map((r) => (
                  <tr key={r.id}>
                    <td className="px-4 py-2 font-medium text-slate-900">
                      {r.person.fullName}
                      <div className="mt-1 flex flex-wrap gap-1">
                        {r.person.isSecurityForceMember && <Badge tone="blue">Lực lượng bảo vệ</Badge>}
                        {r.forSocialEvil && <Badge tone="amber">Tệ nạn xã hội</Badge>}
                      </div>
                    </td>
                    <td className="px-4 py-2" data-label="Đối tượng, chức vụ">
                      {PERSONNEL_TYPE_LABELS[r.person.personnelType]}
                      {r.person.position && <div className="text-slate-600">{r.person.position}</div>}
                      {r.person.subUnit && <div className="text-slate-600">{r.person.subUnit.name}</div>}
                    </td>
                    <td className="px-4 py-2" data-label="Hình thức">
                      {DISCIPLINE_LEVEL_LABELS[r.level]} {DISCIPLINE_RANK[r.level] >= DISCIPLINE_RANK.CANH_CAO && <Badge tone="red">Từ cảnh cáo trở lên</Badge>}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2" data-label="Ngày quyết định">{formatDate(r.decidedOn)}</td>
                    <td className="px-4 py-2" data-label="Số quyết định">{r.decisionRef ?? "—"}</td>
                    <td className="min-w-48 px-4 py-2" data-label="Lý do">{r.reason}</td>
                    {data.canEdit && (
                      <td className="px-4 py-2">
                        <Link className="text-brand-700 hover:underline" href={`${base}/${r.id}?year=${year}`} aria-label={`Sửa quyết định kỷ luật của ${r.person.fullName}`}>
                          Sửa
                        </Link>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
