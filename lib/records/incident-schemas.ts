/** zod schemas for the incident form, shared by the form and its server actions. */
import { z } from "zod";
import { CRIME_SEVERITIES, INCIDENT_CODES, type IncidentCode, type UnitKind } from "@/lib/domain/vocabulary";
import { INCIDENT_CATALOGUE, type CatalogueEntry } from "@/lib/criteria/catalogue";
import { checkbox, idField, optionalEnum, optionalText, pastDate, requiredText, unitIdField, versionField } from "@/lib/validation/input-rules";

/** Codes whose text says "trừ trường hợp bất khả kháng" (Đ4 k4 b, d; Đ6 k3 đ, g). */
export const FORCE_MAJEURE_CODES: readonly IncidentCode[] = ["SERIOUS_CRIME", "SERIOUS_FIRE_EXPLOSION", "FATAL_LABOUR_ACCIDENT", "SERIOUS_INCIDENT", "ENV_FOODSAFETY_SERIOUS"];

/** The catalogue entries (code, label, article) that count for a unit kind, in vocabulary order. */
export function incidentCodesFor(kind: UnitKind): CatalogueEntry[] {
  const catalogue = INCIDENT_CATALOGUE[kind === "CQ" || kind === "DN" ? "CQDN" : kind];
  return INCIDENT_CODES.flatMap((code) => {
    const entry = catalogue[code];
    return entry ? [entry] : [];
  });
}

const fields = {
  unitId: unitIdField,
  code: z.enum(INCIDENT_CODES, { error: "Vui lòng chọn loại vụ việc." }),
  occurredOn: pastDate("Vui lòng nhập ngày xảy ra.", "Ngày xảy ra không được sau ngày hôm nay."),
  title: requiredText("Vui lòng nhập tên vụ việc.", 200, "Tên vụ việc tối đa 200 ký tự.", 3, "Tên vụ việc cần từ 3 ký tự."),
  description: optionalText(2000, "Mô tả tối đa 2000 ký tự."),
  severity: optionalEnum(CRIME_SEVERITIES, "Loại tội phạm không hợp lệ."),
  forceMajeure: checkbox,
  detectedTimely: checkbox,
  mitigated: checkbox,
  reportedImmediately: checkbox,
};

/** Facts that do not apply to the chosen code are cleared, so a changed code leaves nothing stale behind. */
function clearInapplicable<T extends { code: IncidentCode; severity: string | null; forceMajeure: boolean; detectedTimely: boolean; mitigated: boolean; reportedImmediately: boolean }>(v: T): T {
  const crime = v.code === "SERIOUS_CRIME";
  return {
    ...v,
    severity: crime ? v.severity : null,
    forceMajeure: FORCE_MAJEURE_CODES.includes(v.code) ? v.forceMajeure : false,
    detectedTimely: crime ? v.detectedTimely : false,
    mitigated: crime ? v.mitigated : false,
    reportedImmediately: crime ? v.reportedImmediately : false,
  };
}

export const createIncidentSchema = z.object(fields).transform(clearInapplicable);
export const updateIncidentSchema = z
  .object({ ...fields, incidentId: idField("Vụ việc không hợp lệ."), version: versionField })
  .transform(clearInapplicable);
export const deleteIncidentSchema = z.object({ unitId: unitIdField, incidentId: idField("Vụ việc không hợp lệ."), version: versionField });

export type CreateIncidentInput = z.output<typeof createIncidentSchema>;
export type UpdateIncidentInput = z.output<typeof updateIncidentSchema>;
export type DeleteIncidentInput = z.output<typeof deleteIncidentSchema>;
