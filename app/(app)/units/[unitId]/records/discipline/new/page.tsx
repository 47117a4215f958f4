import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getDisciplinePage } from "@/lib/records/queries";
import { RecordsHeader } from "@/components/records/records-header";
import { DisciplineForm } from "@/components/records/discipline-form";
import { todayInVietnam } from "@/lib/validation/input-rules";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../../page-helpers";
import { createDisciplineAction } from "../actions";

export const metadata = { title: "Thêm quyết định kỷ luật" };

export default async function NewDisciplinePage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getDisciplinePage(getPrisma(), actor, unitId, year));
  if (!data.canEdit) forbidden();
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="discipline" readOnly={false} title="Thêm quyết định kỷ luật" />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <DisciplineForm
          mode="create"
          unitId={unitId}
          year={year}
          today={todayInVietnam()}
          people={data.people.map((p) => ({ id: p.id, fullName: p.fullName, personnelType: p.personnelType, position: p.position ?? "", isSecurityForceMember: p.isSecurityForceMember, subUnitId: p.subUnitId ?? "" }))}
          subUnits={data.subUnits}
          action={createDisciplineAction}
        />
      </div>
    </>
  );
}
