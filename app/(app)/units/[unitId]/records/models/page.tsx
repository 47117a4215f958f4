import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getModelsPage } from "@/lib/records/queries";
import { formatDate } from "@/lib/format";
import { RecordsHeader } from "@/components/records/records-header";
import { ModelForm } from "@/components/records/model-form";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../page-helpers";
import { createModelAction } from "./actions";

export const metadata = { title: "Mô hình phong trào" };

export default async function ModelsPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getModelsPage(getPrisma(), actor, unitId, year));
  const effective = data.models.filter((m) => m.isEffective).length;
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="models" readOnly={!data.canEdit} />
      <div className="space-y-4">
        <Card title={`Mô hình phong trào năm ${year} (${data.models.length})`}>
          <p className="mb-3 text-sm text-slate-600">
            {data.unit.kind === "KDC"
              ? "Khu dân cư không bắt buộc có mô hình; xã, cơ quan, doanh nghiệp, cơ sở giáo dục cần ít nhất 01 mô hình hoạt động hiệu quả."
              : `Tiêu chí yêu cầu ít nhất 01 mô hình hoạt động hiệu quả; hiện có ${effective}.`}
          </p>
          {data.models.length === 0 ? (
            <EmptyState title={`Chưa có mô hình nào trong năm ${year}.`} />
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="model-list">
              {data.models.map((m) => (
                <li key={m.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{m.name}</p>
                    <p className="text-sm text-slate-600">
                      {m.startedOn ? `Bắt đầu: ${formatDate(m.startedOn)}` : "Chưa ghi ngày bắt đầu"}
                      {m.description && ` · ${m.description}`}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    {m.isEffective ? <Badge tone="green">Hoạt động hiệu quả</Badge> : <Badge tone="amber">Chưa hiệu quả</Badge>}
                    {data.canEdit && (
                      <Link className="text-sm text-brand-700 hover:underline" href={`/units/${unitId}/records/models/${m.id}?year=${year}`} aria-label={`Sửa mô hình ${m.name}`}>
                        Sửa
                      </Link>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {data.canEdit && (
          <Card title="Thêm mô hình">
            <ModelForm mode="create" unitId={unitId} year={year} action={createModelAction} />
          </Card>
        )}
      </div>
    </>
  );
}
