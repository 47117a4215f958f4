import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getIncident } from "@/lib/records/queries";
import { incidentCodesFor } from "@/lib/records/incident-schemas";
import { isoOf, todayInVietnam } from "@/lib/validation/input-rules";
import { RecordsHeader } from "@/components/records/records-header";
import { IncidentForm } from "@/components/records/incident-form";
import { DeleteButton } from "@/components/records/delete-button";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../../page-helpers";
import { deleteIncidentAction, updateIncidentAction } from "../actions";

export const metadata = { title: "Sửa vụ việc" };

export default async function EditIncidentPage({ params, searchParams }: { params: Promise<{ unitId: string; incidentId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { unitId: rawUnitId, incidentId: rawIncidentId } = await params;
  const unitId = requireUuid(rawUnitId);
  const incidentId = requireUuid(rawIncidentId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getIncident(getPrisma(), actor, unitId, incidentId, year));
  const { incident } = data;
  // The same rule as the use-cases: officers edit declarations, police reviewers their records.
  const police = incident.source === "POLICE_RECORDED";
  if (police ? !data.canRecordPolice : !data.canEdit) forbidden();
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="incidents" readOnly={false} title={`Vụ việc: ${incident.title}`} />
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <IncidentForm
          mode="edit"
          unitId={unitId}
          year={year}
          today={todayInVietnam()}
          police={police}
          codes={incidentCodesFor(data.unit.kind).map((e) => ({ code: e.code, label: e.label, ref: e.ref }))}
          defaults={{
            incidentId: incident.id,
            version: incident.version,
            code: incident.code,
            occurredOn: isoOf(incident.occurredOn),
            title: incident.title,
            description: incident.description ?? "",
            severity: incident.severity ?? "",
            forceMajeure: incident.forceMajeure,
            detectedTimely: incident.detectedTimely,
            mitigated: incident.mitigated,
            reportedImmediately: incident.reportedImmediately,
            personRole: incident.personRole ?? "",
            personBasis: incident.personBasis ?? "",
            disciplineLevel: incident.disciplineLevel ?? "",
          }}
          action={updateIncidentAction}
        />
        <div className="border-t border-slate-200 pt-4">
          <DeleteButton
            label="Xóa vụ việc"
            confirmText={`Xóa vụ việc “${incident.title}”?`}
            done={`Đã xóa vụ việc “${incident.title}”.`}
            input={{ unitId, incidentId: incident.id, version: incident.version }}
            action={deleteIncidentAction}
            redirectTo={`/units/${unitId}/records/incidents?year=${year}`}
          />
        </div>
      </div>
    </>
  );
}
