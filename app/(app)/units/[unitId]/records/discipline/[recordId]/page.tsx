import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getDisciplineRecord } from "@/lib/records/queries";
import { isoOf, todayInVietnam } from "@/lib/validation/input-rules";
import { RecordsHeader } from "@/components/records/records-header";
import { DisciplineForm } from "@/components/records/discipline-form";
import { DeleteButton } from "@/components/records/delete-button";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../../page-helpers";
import { deleteDisciplineAction, updateDisciplineAction } from "../actions";

export const metadata = { title: "Sửa quyết định kỷ luật" };

export default async function EditDisciplinePage({ params, searchParams }: { params: Promise<{ unitId: string; recordId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const { unitId: rawUnitId, recordId: rawRecordId } = await params;
  const unitId = requireUuid(rawUnitId);
  const recordId = requireUuid(rawRecordId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getDisciplineRecord(getPrisma(), actor, unitId, recordId, year));
  if (!data.canEdit) forbidden();
  const { record } = data;
  const listHref = `/units/${unitId}/records/discipline?year=${year}`;
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="discipline" readOnly={false} title={`Kỷ luật: ${record.person.fullName}`} />
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <DisciplineForm
          mode="edit"
          unitId={unitId}
          year={year}
          today={todayInVietnam()}
          people={[]}
          subUnits={data.subUnits}
          defaults={{
            recordId: record.id,
            fullName: record.person.fullName,
            personnelType: record.person.personnelType,
            position: record.person.position ?? "",
            isSecurityForceMember: record.person.isSecurityForceMember,
            subUnitId: record.person.subUnitId ?? "",
            level: record.level,
            decidedOn: isoOf(record.decidedOn),
            decisionRef: record.decisionRef ?? "",
            reason: record.reason,
            forSocialEvil: record.forSocialEvil,
          }}
          action={updateDisciplineAction}
        />
        <div className="border-t border-slate-200 pt-4">
          <DeleteButton
            label="Xóa quyết định kỷ luật"
            confirmText={`Xóa quyết định kỷ luật của ${record.person.fullName}?`}
            done={`Đã xóa quyết định kỷ luật của ${record.person.fullName}.`}
            input={{ unitId, recordId: record.id }}
            action={deleteDisciplineAction}
            redirectTo={listHref}
          />
        </div>
      </div>
    </>
  );
}
