import { forbidden, notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getModelsPage } from "@/lib/records/queries";
import { isoOf } from "@/lib/validation/input-rules";
import { RecordsHeader } from "@/components/records/records-header";
import { ModelForm } from "@/components/records/model-form";
import { DeleteButton } from "@/components/records/delete-button";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../../page-helpers";
import { deleteModelAction, updateModelAction } from "../actions";

export const metadata = { title: "Sửa mô hình" };

export default async function EditModelPage({ params, searchParams }: { params: Promise<{ unitId: string; modelId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { unitId: rawUnitId, modelId: rawModelId } = await params;
  const unitId = requireUuid(rawUnitId);
  const modelId = requireUuid(rawModelId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getModelsPage(getPrisma(), actor, unitId, year));
  if (!data.canEdit) forbidden();
  const model = data.models.find((m) => m.id === modelId);
  if (!model) notFound();
  const listHref = `/units/${unitId}/records/models?year=${year}`;
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="models" readOnly={false} title={`Mô hình: ${model.name}`} />
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <ModelForm
          mode="edit"
          unitId={unitId}
          year={year}
          defaults={{ modelId: model.id, name: model.name, description: model.description ?? "", startedOn: isoOf(model.startedOn), isEffective: model.isEffective }}
          action={updateModelAction}
        />
        <div className="border-t border-slate-200 pt-4">
          <DeleteButton label="Xóa mô hình" confirmText={`Xóa mô hình “${model.name}”?`} done={`Đã xóa mô hình “${model.name}”.`} input={{ unitId, modelId: model.id }} action={deleteModelAction} redirectTo={listHref} />
        </div>
      </div>
    </>
  );
}
