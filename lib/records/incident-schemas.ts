/** zod schemas for the incident form, shared by the form and its server actions. */
import { z } from "zod";
import {
  CRIME_SEVERITIES,
  DISCIPLINE_LADDERS,
  DISCIPLINE_LEVEL_LABELS,
  DISCIPLINE_LEVELS,
  INCIDENT_CODES,
  INCIDENT_PERSON_ROLE_LABELS,
  INCIDENT_PERSON_ROLES,
  PERSON_BASES,
  PERSON_BASIS_LABELS,
  type CrimeSeverity,
  type DisciplineLevel,
  type IncidentCode,
  type IncidentPersonRole,
  type PersonBasis,
  type UnitKind,
} from "@/lib/domain/vocabulary";
import { INCIDENT_CATALOGUE, type CatalogueEntry } from "@/lib/criteria/catalogue";
import { checkbox, evenWithOtherErrors, idField, optionalEnum, optionalText, pastDate, requiredText, unitIdField, versionField } from "@/lib/validation/input-rules";

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

/**
 * Codes that are about a person (Đ6 k3 h; Đ7 k4): who, on what basis, and the discipline that
 * followed are required, otherwise the engine can only say "thiếu dữ liệu".
 */
export const PERSON_REQUIRED_CODES: readonly IncidentCode[] = ["STAFF_ANTT_SANCTION_OR_EVIL", "MEMBER_CRIME_OR_EVIL_DISCIPLINED"];
/**
 * Codes where saying who was involved is optional but useful: a SERIOUS_CRIME by a school's staff
 * member, teacher or learner also counts for Đ7 k4 (lib/dossiers/criteria-input.ts).
 */
export const PERSON_OPTIONAL_CODES: readonly IncidentCode[] = ["SERIOUS_CRIME", "SCHOOL_VIOLENCE", "NEW_SOCIAL_EVIL_PERSON"];
export const personApplies = (code: IncidentCode | "" | null | undefined): boolean =>
  !!code && (PERSON_REQUIRED_CODES.includes(code) || PERSON_OPTIONAL_CODES.includes(code));

/** Đ7 k4 "cán bộ, công chức, viên chức, người lao động, giáo viên, người học". */
export const D7K4_ROLES: readonly IncidentPersonRole[] = ["STAFF", "WORKER", "TEACHER", "LEARNER"];

/** Who each person code may be about; other codes accept any role. */
export const ROLES_FOR_CODE: Partial<Record<IncidentCode, readonly IncidentPersonRole[]>> = {
  // Đ6 k3 h: "cán bộ, công chức, viên chức, người lao động" of the agency or enterprise.
  STAFF_ANTT_SANCTION_OR_EVIL: ["STAFF", "WORKER"],
  MEMBER_CRIME_OR_EVIL_DISCIPLINED: D7K4_ROLES,
};

/**
 * The bases each person code may carry. A crime is not point h (it is point đ, recorded as
 * SERIOUS_CRIME), and an administrative fine is not Đ7 k4: refusing them keeps every record
 * under the code whose check actually reads it.
 */
export const BASES_FOR_CODE: Partial<Record<IncidentCode, readonly PersonBasis[]>> = {
  STAFF_ANTT_SANCTION_OR_EVIL: ["ANTT_ADMIN_SANCTION", "SOCIAL_EVIL"],
  MEMBER_CRIME_OR_EVIL_DISCIPLINED: ["SOCIAL_EVIL", "CRIME"],
};

export const rolesFor = (code: IncidentCode | ""): readonly IncidentPersonRole[] => (code && ROLES_FOR_CODE[code]) || INCIDENT_PERSON_ROLES;
export const basesFor = (code: IncidentCode | ""): readonly PersonBasis[] => (code && BASES_FOR_CODE[code]) || [];

/**
 * Discipline forms that exist for each role (the ladders of lib/domain/vocabulary.ts): a staff
 * member may be a cán bộ, công chức or viên chức; a teacher a viên chức or a contract worker.
 */
const ladders = (...types: (keyof typeof DISCIPLINE_LADDERS)[]): readonly DisciplineLevel[] =>
  DISCIPLINE_LEVELS.filter((level) => types.some((t) => DISCIPLINE_LADDERS[t].includes(level)));
export const DISCIPLINE_LEVELS_FOR_ROLE: Record<IncidentPersonRole, readonly DisciplineLevel[]> = {
  STAFF: ladders("CAN_BO", "CONG_CHUC", "VIEN_CHUC"),
  WORKER: ladders("NGUOI_LAO_DONG"),
  TEACHER: ladders("VIEN_CHUC", "NGUOI_LAO_DONG"),
  LEARNER: ladders("NGUOI_HOC"),
  SECURITY_FORCE_MEMBER: ladders("NGUOI_LAO_DONG", "LUC_LUONG_CO_SO"),
  COMMUNE_POLICE: ladders("CONG_AN"),
  RESIDENT: [],
};

/** A crime of this class under MEMBER_CRIME_OR_EVIL_DISCIPLINED would escape Đ6 k3 đ (CSGD-3). */
const SERIOUS_SEVERITIES: readonly CrimeSeverity[] = ["NGHIEM_TRONG", "RAT_NGHIEM_TRONG", "DAC_BIET_NGHIEM_TRONG"];

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
  personRole: optionalEnum(INCIDENT_PERSON_ROLES, "Người liên quan không hợp lệ."),
  personBasis: optionalEnum(PERSON_BASES, "Căn cứ không hợp lệ."),
  disciplineLevel: optionalEnum(DISCIPLINE_LEVELS, "Hình thức kỷ luật không hợp lệ."),
};

type PersonFacts = { code: unknown; personRole: unknown; personBasis: unknown; disciplineLevel: unknown; severity: unknown };
const isCode = (v: unknown): v is IncidentCode => typeof v === "string" && (INCIDENT_CODES as readonly string[]).includes(v);
/** The value if it is one of `values`; undefined for empty or invalid (already flagged by its field). */
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/**
 * The person rules, checked on the server like everything else (the form only hides fields):
 * - the two person codes need who, the basis, and — for a social evil — the discipline level;
 * - who and the basis must fit the code (ROLES_FOR_CODE, BASES_FOR_CODE);
 * - a crime under MEMBER_CRIME_OR_EVIL_DISCIPLINED needs its class, and one "từ nghiêm trọng trở
 *   lên" must be recorded as SERIOUS_CRIME, which counts for both Đ6 k3 đ and Đ7 k4.
 */
function checkPerson(v: PersonFacts, ctx: z.RefinementCtx) {
  if (!isCode(v.code)) return;
  const code = v.code;
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!personApplies(code)) return; // cleared by clearInapplicable
  const role = oneOf(INCIDENT_PERSON_ROLES, v.personRole);
  if (v.personRole && !role) return; // an invalid choice: its field already says so
  const required = PERSON_REQUIRED_CODES.includes(code);
  if (!role) {
    if (required) issue("personRole", "Vui lòng chọn người vi phạm (cán bộ, người lao động, giáo viên hoặc người học).");
  } else if (!rolesFor(code).includes(role)) {
    issue("personRole", `Loại vụ việc này không áp dụng với ${INCIDENT_PERSON_ROLE_LABELS[role].toLowerCase()}.`);
  }
  if (!required) return;
  const basis = oneOf(PERSON_BASES, v.personBasis);
  if (v.personBasis && !basis) return;
  if (!basis) {
    issue("personBasis", "Vui lòng chọn căn cứ: bị xử phạt hành chính về ANTT, mắc tệ nạn xã hội hay phạm tội.");
    return;
  }
  if (!basesFor(code).includes(basis)) {
    issue(
      "personBasis",
      basis === "CRIME"
        ? "Hành vi phạm tội của cán bộ, người lao động không thuộc điểm h: vui lòng ghi nhận loại “Tội phạm từ nghiêm trọng trở lên”."
        : `“${PERSON_BASIS_LABELS[basis]}” không thuộc Điều 7 khoản 4.`,
    );
    return;
  }
  if (basis === "SOCIAL_EVIL") {
    const level = oneOf(DISCIPLINE_LEVELS, v.disciplineLevel);
    if (v.disciplineLevel && !level) return;
    if (!level) issue("disciplineLevel", "Vui lòng chọn hình thức kỷ luật đã áp dụng.");
    else if (role && !DISCIPLINE_LEVELS_FOR_ROLE[role].includes(level)) {
      issue("disciplineLevel", `Hình thức “${DISCIPLINE_LEVEL_LABELS[level]}” không áp dụng với ${INCIDENT_PERSON_ROLE_LABELS[role].toLowerCase()}.`);
    }
  }
  if (basis === "CRIME") {
    const severity = oneOf(CRIME_SEVERITIES, v.severity);
    if (v.severity && !severity) return;
    if (!severity) issue("severity", "Vui lòng chọn loại tội phạm.");
    else if (SERIOUS_SEVERITIES.includes(severity)) {
      issue("severity", "Tội phạm từ nghiêm trọng trở lên: vui lòng ghi nhận loại “Tội phạm từ nghiêm trọng trở lên” và chọn người vi phạm; vụ việc được xét cả Điều 7 khoản 4.");
    }
  }
}

type Clearable = {
  code: IncidentCode;
  severity: string | null;
  forceMajeure: boolean;
  detectedTimely: boolean;
  mitigated: boolean;
  reportedImmediately: boolean;
  personRole: string | null;
  personBasis: string | null;
  disciplineLevel: string | null;
};

/** Facts that do not apply to the chosen code are cleared, so a changed code leaves nothing stale behind. */
function clearInapplicable<T extends Clearable>(v: T): T {
  const crime = v.code === "SERIOUS_CRIME";
  const personBasis = PERSON_REQUIRED_CODES.includes(v.code) ? v.personBasis : null;
  return {
    ...v,
    severity: crime || personBasis === "CRIME" ? v.severity : null,
    personRole: personApplies(v.code) ? v.personRole : null,
    personBasis,
    disciplineLevel: personBasis === "SOCIAL_EVIL" ? v.disciplineLevel : null,
    forceMajeure: FORCE_MAJEURE_CODES.includes(v.code) ? v.forceMajeure : false,
    detectedTimely: crime ? v.detectedTimely : false,
    mitigated: crime ? v.mitigated : false,
    reportedImmediately: crime ? v.reportedImmediately : false,
  };
}

export const createIncidentSchema = z.object(fields).superRefine(checkPerson, evenWithOtherErrors).transform(clearInapplicable);
export const updateIncidentSchema = z
  .object({ ...fields, incidentId: idField("Vụ việc không hợp lệ."), version: versionField })
  .superRefine(checkPerson, evenWithOtherErrors)
  .transform(clearInapplicable);
export const deleteIncidentSchema = z.object({ unitId: unitIdField, incidentId: idField("Vụ việc không hợp lệ."), version: versionField });

export type CreateIncidentInput = z.output<typeof createIncidentSchema>;
export type UpdateIncidentInput = z.output<typeof updateIncidentSchema>;
export type DeleteIncidentInput = z.output<typeof deleteIncidentSchema>;
