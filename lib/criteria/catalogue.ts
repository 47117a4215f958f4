/**
 * Must-not-happen catalogue (spec §3): which incident codes count for which unit kind, under
 * which article/point, and when an incident is exempt.
 *
 * Each entry names a `group`: the criterion (or sub-criterion) whose check reads it. XA uses the
 * KDC groups because Đ5 k2 makes the commune meet Đ4 k2–k4 across its territory.
 */
import {
  CRIME_SEVERITIES,
  DISCIPLINE_RANK,
  INCIDENT_CODE_LABELS,
  type CrimeSeverity,
  type IncidentCode,
} from "../domain/vocabulary";
import type { Incident } from "./schema";
import type { CriteriaKind } from "./types";

export const INCIDENT_GROUPS = ["D4K3", "D4K4b", "D4K4c", "D4K4d", "D6K3", "D7K4"] as const;
export type IncidentGroup = (typeof INCIDENT_GROUPS)[number];

export interface CatalogueEntry {
  readonly code: IncidentCode;
  readonly group: IncidentGroup;
  /** Where the text says it, e.g. "Điều 6 khoản 3 điểm đ". */
  readonly ref: string;
  readonly label: string;
}

type KindCatalogue = Readonly<Partial<Record<IncidentCode, CatalogueEntry>>>;

function entries(group: IncidentGroup, pairs: readonly (readonly [IncidentCode, string])[]): [IncidentCode, CatalogueEntry][] {
  return pairs.map(([code, ref]) => [code, Object.freeze({ code, group, ref, label: INCIDENT_CODE_LABELS[code] })]);
}

/** Đ4 k3 a–g (security) and Đ4 k4 b–d (order) for a residential area; XA inherits it (Đ5 k2). */
const residentialCatalogue: KindCatalogue = Object.freeze(
  Object.fromEntries([
    ...entries("D4K3", [
      ["ANTI_PARTY_GOV", "Điều 4 khoản 3 điểm a"],
      ["SABOTAGE_KEY_TARGET", "Điều 4 khoản 3 điểm b"],
      ["ILLEGAL_RELIGION", "Điều 4 khoản 3 điểm c"],
      ["EXPLOIT_RELIGION_ETHNIC_DISPUTE", "Điều 4 khoản 3 điểm d"],
      ["SEPARATISM", "Điều 4 khoản 3 điểm đ"],
      ["PROLONGED_DISPUTE", "Điều 4 khoản 3 điểm e"],
      ["INCITE_MASS_COMPLAINT", "Điều 4 khoản 3 điểm g"],
    ]),
    ...entries("D4K4b", [["SERIOUS_CRIME", "Điều 4 khoản 4 điểm b"]]),
    ...entries("D4K4c", [
      ["NEW_HOTSPOT", "Điều 4 khoản 4 điểm c"],
      ["NEW_SOCIAL_EVIL_PERSON", "Điều 4 khoản 4 điểm c"],
    ]),
    ...entries("D4K4d", [
      ["SERIOUS_FIRE_EXPLOSION", "Điều 4 khoản 4 điểm d"],
      ["FATAL_LABOUR_ACCIDENT", "Điều 4 khoản 4 điểm d"],
      ["SERIOUS_INCIDENT", "Điều 4 khoản 4 điểm d"],
    ]),
  ]),
);

/** Đ6 k3 a–h. */
const agencyPoints: readonly (readonly [IncidentCode, string])[] = [
  ["ILLEGAL_RELIGION", "Điều 6 khoản 3 điểm a"],
  ["EXPLOIT_RELIGION_ETHNIC_DISPUTE", "Điều 6 khoản 3 điểm b"],
  ["INCITE_MASS_COMPLAINT", "Điều 6 khoản 3 điểm c"],
  ["ILLEGAL_STRIKE", "Điều 6 khoản 3 điểm d"],
  ["SERIOUS_CRIME", "Điều 6 khoản 3 điểm đ"],
  ["STATE_SECRET_BREACH", "Điều 6 khoản 3 điểm e"],
  ["SERIOUS_FIRE_EXPLOSION", "Điều 6 khoản 3 điểm g"],
  ["FATAL_LABOUR_ACCIDENT", "Điều 6 khoản 3 điểm g"],
  ["SERIOUS_INCIDENT", "Điều 6 khoản 3 điểm g"],
  ["ENV_FOODSAFETY_SERIOUS", "Điều 6 khoản 3 điểm g"],
  ["STAFF_ANTT_SANCTION_OR_EVIL", "Điều 6 khoản 3 điểm h"],
];

const agencyCatalogue: KindCatalogue = Object.freeze(Object.fromEntries(entries("D6K3", agencyPoints)));

/**
 * Đ7 k3 takes Đ6 k3 points a, b, c, đ, e, g only (no strikes, no point h), and Đ7 k4 adds
 * school violence and members' crimes or disciplined social evils.
 */
const SCHOOL_POINTS: readonly IncidentCode[] = [
  "ILLEGAL_RELIGION",
  "EXPLOIT_RELIGION_ETHNIC_DISPUTE",
  "INCITE_MASS_COMPLAINT",
  "SERIOUS_CRIME",
  "STATE_SECRET_BREACH",
  "SERIOUS_FIRE_EXPLOSION",
  "FATAL_LABOUR_ACCIDENT",
  "SERIOUS_INCIDENT",
  "ENV_FOODSAFETY_SERIOUS",
];

const schoolCatalogue: KindCatalogue = Object.freeze(
  Object.fromEntries([
    ...entries(
      "D6K3",
      agencyPoints.filter(([code]) => SCHOOL_POINTS.includes(code)),
    ).map(([code, entry]): [IncidentCode, CatalogueEntry] => [code, Object.freeze({ ...entry, ref: `${entry.ref} (theo Điều 7 khoản 3)` })]),
    ...entries("D7K4", [
      ["SCHOOL_VIOLENCE", "Điều 7 khoản 4"],
      ["MEMBER_CRIME_OR_EVIL_DISCIPLINED", "Điều 7 khoản 4"],
    ]),
  ]),
);

export const INCIDENT_CATALOGUE: Readonly<Record<CriteriaKind, KindCatalogue>> = Object.freeze({
  KDC: residentialCatalogue,
  XA: residentialCatalogue,
  CQDN: agencyCatalogue,
  CSGD: schoolCatalogue,
});

/**
 * Exempt "trừ trường hợp bất khả kháng": serious crime (Đ4 k4 b, Đ6 k3 đ) and the accidents of
 * Đ4 k4 d / Đ6 k3 g (the exemption closes the whole of point g, environment and food included).
 */
const FORCE_MAJEURE_EXEMPT: ReadonlySet<IncidentCode> = new Set<IncidentCode>([
  "SERIOUS_CRIME",
  "SERIOUS_FIRE_EXPLOSION",
  "FATAL_LABOUR_ACCIDENT",
  "SERIOUS_INCIDENT",
  "ENV_FOODSAFETY_SERIOUS",
]);

const SEVERITY_RANK: Readonly<Record<CrimeSeverity, number>> = Object.freeze(
  Object.fromEntries(CRIME_SEVERITIES.map((s, i) => [s, i])) as Record<CrimeSeverity, number>,
);
const NGHIEM_TRONG_RANK = SEVERITY_RANK.NGHIEM_TRONG;
const CANH_CAO_RANK = DISCIPLINE_RANK.CANH_CAO;

/**
 * DISQUALIFYING: counts against the unit. EXEMPT: happened but the text exempts it.
 * NOT_COUNTED: recorded under the code but below the legal bar (ít nghiêm trọng; khiển trách).
 * UNDETERMINED: a fact needed to decide is missing (severity, basis, discipline level).
 */
export type IncidentClass = "DISQUALIFYING" | "EXEMPT" | "NOT_COUNTED" | "UNDETERMINED";

export interface Classification {
  readonly cls: IncidentClass;
  /** Vietnamese explanation for every class but DISQUALIFYING (empty then). */
  readonly why: string;
}

const DISQUALIFYING: Classification = Object.freeze({ cls: "DISQUALIFYING", why: "" });
const EXEMPT_FORCE_MAJEURE: Classification = Object.freeze({ cls: "EXEMPT", why: "do bất khả kháng" });
const EXEMPT_HANDLED: Classification = Object.freeze({
  cls: "EXEMPT",
  why: "đã kịp thời phát hiện, giảm thiểu hậu quả và báo cáo ngay cấp có thẩm quyền",
});
const BELOW_SERIOUS: Classification = Object.freeze({
  cls: "NOT_COUNTED",
  why: "tội phạm ít nghiêm trọng, không thuộc “từ nghiêm trọng trở lên”",
});
const NO_SEVERITY: Classification = Object.freeze({
  cls: "UNDETERMINED",
  why: "chưa có loại tội phạm theo Điều 9 Bộ luật Hình sự",
});
const NO_BASIS: Classification = Object.freeze({
  cls: "UNDETERMINED",
  why: "chưa rõ là xử phạt hành chính về ANTT, mắc tệ nạn xã hội hay phạm tội",
});
const NO_DISCIPLINE_LEVEL: Classification = Object.freeze({
  cls: "UNDETERMINED",
  why: "mắc tệ nạn xã hội nhưng chưa có hình thức kỷ luật",
});
const BELOW_CANH_CAO: Classification = Object.freeze({
  cls: "NOT_COUNTED",
  why: "mắc tệ nạn xã hội nhưng bị kỷ luật dưới mức cảnh cáo",
});
const CRIME_NOT_POINT_H: Classification = Object.freeze({
  cls: "NOT_COUNTED",
  why: "phạm tội không thuộc Điều 6 khoản 3 điểm h (xét theo điểm đ nếu từ nghiêm trọng trở lên)",
});
const SANCTION_NOT_D7K4: Classification = Object.freeze({
  cls: "NOT_COUNTED",
  why: "xử phạt hành chính không thuộc Điều 7 khoản 4",
});

function socialEvilClass(incident: Incident): Classification {
  if (incident.disciplineLevel === undefined) return NO_DISCIPLINE_LEVEL;
  return DISCIPLINE_RANK[incident.disciplineLevel] >= CANH_CAO_RANK ? DISQUALIFYING : BELOW_CANH_CAO;
}

/**
 * Exemptions are claims: a flag left out counts as "not claimed", so a recorded serious crime
 * disqualifies unless the unit asserts the exemption (see docs/criteria/decisions.md).
 */
export function classifyIncident(incident: Incident): Classification {
  const code = incident.code;
  if (incident.forceMajeure === true && FORCE_MAJEURE_EXEMPT.has(code)) return EXEMPT_FORCE_MAJEURE;
  switch (code) {
    case "SERIOUS_CRIME":
      if (incident.detectedTimely === true && incident.mitigated === true && incident.reportedImmediately === true) {
        return EXEMPT_HANDLED;
      }
      if (incident.severity === undefined) return NO_SEVERITY;
      return SEVERITY_RANK[incident.severity] >= NGHIEM_TRONG_RANK ? DISQUALIFYING : BELOW_SERIOUS;
    case "STAFF_ANTT_SANCTION_OR_EVIL":
      // Đ6 k3 h read as (fined in the ANTT field) OR (social evil AND discipline ≥ cảnh cáo).
      if (incident.personBasis === undefined) return NO_BASIS;
      if (incident.personBasis === "ANTT_ADMIN_SANCTION") return DISQUALIFYING;
      if (incident.personBasis === "SOCIAL_EVIL") return socialEvilClass(incident);
      return CRIME_NOT_POINT_H;
    case "MEMBER_CRIME_OR_EVIL_DISCIPLINED":
      // Đ7 k4: commits a crime (any class) OR has a social evil AND discipline ≥ cảnh cáo.
      if (incident.personBasis === undefined) return NO_BASIS;
      if (incident.personBasis === "CRIME") return DISQUALIFYING;
      if (incident.personBasis === "SOCIAL_EVIL") return socialEvilClass(incident);
      return SANCTION_NOT_D7K4;
    default:
      return DISQUALIFYING;
  }
}
