import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { getYearFactsPage } from "@/lib/records/queries";
import { COUNT_FIELDS, FACT_FIELDS_BY_KIND } from "@/lib/records/year-facts-schemas";
import { formatDateTime } from "@/lib/format";
import { RecordsHeader } from "@/components/records/records-header";
import { YearFactsForm, type FactValues } from "@/components/records/year-facts-form";
import { loadOrDeny, requireUuid, selectableYears, yearFrom, type SearchParams } from "../page-helpers";
import { saveYearFactsAction } from "./actions";

export const metadata = { title: "Số liệu năm" };

export default async function YearFactsPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: SearchParams }) {
  const actor = await requireActor();
  const unitId = requireUuid((await params).unitId);
  const year = await yearFrom(searchParams);
  const data = await loadOrDeny(() => getYearFactsPage(getPrisma(), actor, unitId, year));
  const fields = FACT_FIELDS_BY_KIND[data.unit.kind];
  const toText = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  const values: FactValues = Object.fromEntries(COUNT_FIELDS.map((f) => [f, toText(data.facts?.[f])])) as FactValues;
  const previous: FactValues = Object.fromEntries(COUNT_FIELDS.map((f) => [f, toText(data.previous?.[f])])) as FactValues;
  return (
    <>
      <RecordsHeader unit={data.unit} year={year} years={selectableYears()} windowText={data.window.text} section="facts" readOnly={!data.canEdit} />
      {data.facts && <p className="mb-3 text-sm text-slate-600">Cập nhật lần cuối: {formatDateTime(data.facts.updatedAt)}</p>}
      <YearFactsForm
        key={year} /* not the version: a refresh after our own save must not remount the form and drop its message; the form tracks the version it saved */
        unitId={unitId}
        kind={data.unit.kind}
        year={year}
        fields={fields}
        canEdit={data.canEdit}
        version={data.facts?.version ?? 0}
        values={values}
        securityForceRating={data.facts?.securityForceRating ?? ""}
        noPreviousYear={data.facts?.noPreviousYear ?? false}
        previous={previous}
        previousSecurityForceRating={data.previous?.securityForceRating ?? null}
        action={saveYearFactsAction}
      />
    </>
  );
}
