import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getSubUnitsPage } from "@/lib/records/queries";
import { KINDS_WITH_SUB_UNITS } from "@/lib/records/unit-access";
import { RecordsHeader } from "@/components/records/records-header";
import { SubUnitsManager } from "@/components/records/sub-units-manager";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../page-helpers";
import { createSubUnitAction, deleteSubUnitAction, setSubUnitActiveAction, setSubUnitResultAction, updateSubUnitAction } from "./actions";

export const metadata = { title: "Phòng, ban trực thuộc" };

export default async function SubUnitsPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getSubUnitsPage(getPrisma(), actor, unitId, year));
  if (!KINDS_WITH_SUB_UNITS.includes(data.unit.kind)) notFound();
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="sub-units" readOnly={!data.canEdit} />
      <SubUnitsManager
        unitId={unitId}
        year={year}
        canEdit={data.canEdit}
        subUnits={data.subUnits}
        actions={{ create: createSubUnitAction, update: updateSubUnitAction, setResult: setSubUnitResultAction, setActive: setSubUnitActiveAction, remove: deleteSubUnitAction }}
      />
    </>
  );
}
