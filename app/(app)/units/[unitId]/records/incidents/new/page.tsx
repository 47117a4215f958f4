import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getIncidentsPage } from "@/lib/records/queries";
import { incidentCodesFor } from "@/lib/records/incident-schemas";
import { todayInVietnam } from "@/lib/validation/input-rules";
import { RecordsHeader } from "@/components/records/records-header";
import { IncidentForm } from "@/components/records/incident-form";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../../page-helpers";
import { createIncidentAction } from "../actions";

export const metadata = { title: "Khai báo vụ việc" };

export default async function NewIncidentPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getIncidentsPage(getPrisma(), actor, unitId, year));
  if (!data.canEdit && !data.canRecordPolice) forbidden();
  const police = !data.canEdit;
  return (
    <>
      <RecordsHeader
        unit={data.unit}
        year={year}
        years={selectableYears()}
        windowText={data.window.text}
        section="incidents"
        readOnly={false}
        title={police ? "Ghi nhận vụ việc (Công an)" : "Khai báo vụ việc"}
      />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <IncidentForm
          mode="create"
          unitId={unitId}
          year={year}
          today={todayInVietnam()}
          police={police}
          codes={incidentCodesFor(data.unit.kind).map((e) => ({ code: e.code, label: e.label, ref: e.ref }))}
          action={createIncidentAction}
        />
      </div>
    </>
  );
}
