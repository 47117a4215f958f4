/**
 * Deterministic synthetic units for the benchmark and the property tests. Seeded PRNG
 * (mulberry32): the same seed always gives the same units, so figures are comparable between
 * runs and a failing property can be replayed. Not exported from index.ts: test support only.
 *
 * The mix is weighted to look like a real year: most units pass, a few have an incident, a late
 * document, a weak sub-unit share or missing facts, and some incidents fall outside the window.
 */
import {
  CRIME_SEVERITIES,
  DISCIPLINE_LADDERS,
  EMULATION_RESULTS,
  INCIDENT_CODES,
  PERSONNEL_TYPES,
  type EducationLevel,
} from "../domain/vocabulary";
import type {
  AgencyInput,
  CommuneInput,
  DisciplineRecord,
  DocumentFact,
  Incident,
  KdcInput,
  ManagedUnit,
  MovementModel,
  SchoolInput,
  SubUnit,
  UnitInput,
} from "./schema";
import type { CriteriaKind } from "./types";
import { evaluationWindow } from "./window";

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date inside [from, to] (both ISO), or slightly outside it when `outside`. */
function dateBetween(rng: Rng, year: number, month: number): string {
  return `${year}-${pad2(month)}-${pad2(int(rng, 1, 28))}`;
}

function doc(rng: Rng, year: number): DocumentFact | undefined {
  const r = rng();
  if (r < 0.97) return { date: dateBetween(rng, year, int(rng, 1, 3)), ref: `${int(rng, 1, 99)}/KH` };
  if (r < 0.985) return { date: dateBetween(rng, year, int(rng, 4, 6)) };
  if (r < 0.993) return null;
  return undefined;
}

function incidents(rng: Rng, year: number, kind: CriteriaKind, prefix: string): Incident[] | undefined {
  if (chance(rng, 0.02)) return undefined;
  const out: Incident[] = [];
  const count = chance(rng, 0.85) ? 0 : int(rng, 1, 3);
  const window = evaluationWindow(kind, year);
  for (let i = 0; i < count; i++) {
    const inWindow = chance(rng, 0.8);
    const date = inWindow ? dateBetween(rng, year, int(rng, 1, 10)) : `${window.to.slice(0, 4)}-12-${pad2(int(rng, 1, 28))}`;
    const code = pick(rng, INCIDENT_CODES);
    const incident: Incident = { id: `${prefix}-I${i}`, code, date };
    if (code === "SERIOUS_CRIME" && chance(rng, 0.9)) incident.severity = pick(rng, CRIME_SEVERITIES);
    if (chance(rng, 0.2)) incident.forceMajeure = true;
    if (chance(rng, 0.2)) {
      incident.detectedTimely = true;
      incident.mitigated = true;
      incident.reportedImmediately = chance(rng, 0.7);
    }
    if (code === "STAFF_ANTT_SANCTION_OR_EVIL" || code === "MEMBER_CRIME_OR_EVIL_DISCIPLINED") {
      incident.personBasis = pick(rng, ["ANTT_ADMIN_SANCTION", "SOCIAL_EVIL", "CRIME"] as const);
      if (incident.personBasis === "SOCIAL_EVIL") incident.disciplineLevel = pick(rng, ["KHIEN_TRACH", "CANH_CAO", "CACH_CHUC"] as const);
    }
    out.push(incident);
  }
  return out;
}

function disciplines(rng: Rng, year: number, prefix: string): DisciplineRecord[] | undefined {
  if (chance(rng, 0.02)) return undefined;
  const out: DisciplineRecord[] = [];
  const count = chance(rng, 0.85) ? 0 : int(rng, 1, 3);
  for (let i = 0; i < count; i++) {
    const personnelType = pick(rng, PERSONNEL_TYPES);
    out.push({
      id: `${prefix}-D${i}`,
      personnelType,
      level: pick(rng, DISCIPLINE_LADDERS[personnelType]),
      date: dateBetween(rng, year, int(rng, 1, 10)),
      inSecurityForce: chance(rng, 0.15),
    });
  }
  return out;
}

function models(rng: Rng, prefix: string): MovementModel[] | undefined {
  if (chance(rng, 0.02)) return undefined;
  const count = chance(rng, 0.05) ? 0 : int(rng, 1, 3);
  const out: MovementModel[] = [];
  for (let i = 0; i < count; i++) out.push({ id: `${prefix}-M${i}`, name: `Mô hình ${i + 1}`, effective: chance(rng, 0.9) });
  return out;
}

function subUnits(rng: Rng, prefix: string): SubUnit[] | undefined {
  if (chance(rng, 0.02)) return undefined;
  const count = int(rng, 2, 12);
  const out: SubUnit[] = [];
  const strong = chance(rng, 0.85);
  for (let i = 0; i < count; i++) {
    const unit: SubUnit = { id: `${prefix}-S${pad2(i)}`, name: `Phòng ${i + 1}` };
    if (chance(rng, 0.08)) unit.eligibleForRating = false;
    if (!chance(rng, 0.05)) unit.result = strong && chance(rng, 0.9) ? pick(rng, ["TTLDTT", "HTXSNV", "HTTNV"] as const) : pick(rng, EMULATION_RESULTS);
    out.push(unit);
  }
  return out;
}

/** Counts for the window and the previous one; mostly held or falling, sometimes rising. */
function lawAndOrder(rng: Rng, scale: number): KdcInput["lawAndOrder"] {
  const previous = { crimes: int(rng, 0, scale), socialEvils: int(rng, 0, scale), otherViolations: int(rng, 0, 2 * scale) };
  const drift = (n: number) => (chance(rng, 0.04) ? n + int(rng, 1, 2) : Math.max(0, n - int(rng, 0, 2)));
  return {
    current: { crimes: drift(previous.crimes), socialEvils: drift(previous.socialEvils), otherViolations: drift(previous.otherViolations) },
    previous,
  };
}

function kdc(rng: Rng, index: number, year: number): KdcInput {
  const id = `KDC-${index}`;
  const resident = int(rng, 40, 600);
  return {
    kind: "KDC",
    unitId: id,
    name: `Thôn ${index}`,
    year,
    registration: {
      chiBoResolution: doc(rng, year),
      kdcRegistration: doc(rng, year),
      householdsResident: resident,
      householdsRegistered: chance(rng, 0.93) ? resident : resident - int(rng, 1, 5),
    },
    declarations: { implementsPolicies: chance(rng, 0.97), managedGroupsHandledEffectively: chance(rng, 0.97) },
    lawAndOrder: chance(rng, 0.03) ? { current: { crimes: 1, socialEvils: 0, otherViolations: 2 } } : lawAndOrder(rng, 3),
    securityForce: { result: chance(rng, 0.97) ? pick(rng, ["HTXSNV", "HTTNV", "HTNV"] as const) : "KHTNV" },
    incidents: incidents(rng, year, "KDC", id),
    disciplines: disciplines(rng, year, id),
  };
}

function commune(rng: Rng, index: number, year: number): CommuneInput {
  const id = `XA-${index}`;
  const managed: ManagedUnit[] = [];
  const count = int(rng, 8, 40);
  for (let i = 0; i < count; i++) {
    const unit: ManagedUnit = {
      id: `${id}-U${pad2(i)}`,
      name: `Đơn vị ${i + 1}`,
      kind: pick(rng, ["KDC", "KDC", "KDC", "CQ", "DN", "CSGD"] as const),
      registered: !chance(rng, 0.003),
      recognised: chance(rng, 0.85),
    };
    if (chance(rng, 0.04)) unit.excludedReason = "SMALL_MICRO_ENTERPRISE";
    managed.push(unit);
  }
  return {
    kind: "XA",
    unitId: id,
    name: `Xã ${index}`,
    year,
    communeKind: pick(rng, ["XA", "PHUONG"] as const),
    registration: { partyResolution: doc(rng, year), plan: doc(rng, year), registration: doc(rng, year) },
    movementModels: models(rng, id),
    declarations: { implementsPolicies: true, managedGroupsHandledEffectively: chance(rng, 0.97), communePoliceEffective: chance(rng, 0.97) },
    lawAndOrder: lawAndOrder(rng, 20),
    managedUnits: managed,
    incidents: incidents(rng, year, "XA", id),
    disciplines: disciplines(rng, year, id),
  };
}

function agency(rng: Rng, index: number, year: number): AgencyInput {
  const id = `CQDN-${index}`;
  const total = int(rng, 10, 400);
  const subtype = chance(rng, 0.6) ? "CQ" : "DN";
  return {
    kind: "CQDN",
    subtype,
    unitId: id,
    name: `${subtype === "CQ" ? "Sở" : "Công ty"} ${index}`,
    year,
    ...(subtype === "DN" ? { enterpriseSize: pick(rng, ["SMALL", "MEDIUM", "LARGE", "LARGE", "MEDIUM"] as const) } : {}),
    registration: { hasPartyOrganisation: chance(rng, 0.9), partyResolution: doc(rng, year), plan: doc(rng, year), registration: doc(rng, year) },
    internalRules: {
      unitProtection: true,
      stateSecrets: true,
      internalPolitics: true,
      labourSafety: chance(rng, 0.98),
      fireExplosion: true,
      environment: chance(rng, 0.97),
    },
    staff: {
      total,
      briefed: chance(rng, 0.95) ? total : total - 1,
      advancedWorkers: Math.floor(total * (0.8 + rng() * 0.2)),
      emulationSoldiers: Math.floor(total * rng() * 0.4),
      commitmentSigned: total,
    },
    movementModels: models(rng, id),
    declarations: { implementsPolicies: chance(rng, 0.98) },
    securityForce: chance(rng, 0.1) ? { exists: false } : { exists: true, result: chance(rng, 0.95) ? pick(rng, ["TTLDTT", "HTTNV"] as const) : "HTNV" },
    subUnits: subUnits(rng, id),
    incidents: incidents(rng, year, "CQDN", id),
    disciplines: disciplines(rng, year, id),
    planTargets: chance(rng, 0.3)
      ? {
          targets: [
            { metric: "SUB_UNITS_TTLDTT", comparator: ">", percent: 90 },
            { metric: "STAFF_ADVANCED_WORKER", comparator: ">=", percent: 90 },
            { metric: "STAFF_EMULATION_SOLDIER", comparator: ">=", percent: 25 },
          ],
          noDisciplineFrom: "KHIEN_TRACH",
        }
      : undefined,
  };
}

function school(rng: Rng, index: number, year: number): SchoolInput {
  const id = `CSGD-${index}`;
  const total = int(rng, 20, 200);
  const learners = int(rng, 200, 3000);
  const levels: EducationLevel[] = chance(rng, 0.05) ? ["TIEU_HOC"] : [pick(rng, ["THCS", "THPT", "LIEN_CAP", "GDNN", "DAI_HOC", "GDTX"] as const)];
  return {
    kind: "CSGD",
    unitId: id,
    name: `Trường ${index}`,
    year,
    educationLevels: levels,
    registration: { hasPartyOrganisation: true, partyResolution: doc(rng, year), plan: doc(rng, year), registration: doc(rng, year) },
    internalRules: { institutionProtection: true, internalPolitics: true, learnerManagement: true, fireExplosion: chance(rng, 0.98) },
    staff: { total, briefed: total },
    learners: { total: learners, briefed: chance(rng, 0.95) ? learners : learners - int(rng, 1, 20) },
    movementModels: models(rng, id),
    declarations: { implementsPolicies: true, parentsBoardCoordination: chance(rng, 0.97) },
    securityForce: chance(rng, 0.3) ? { exists: false } : { exists: true, result: chance(rng, 0.95) ? pick(rng, ["TTLDTT", "HTTNV"] as const) : "HTNV" },
    subUnits: subUnits(rng, id),
    incidents: incidents(rng, year, "CSGD", id),
    disciplines: disciplines(rng, year, id),
  };
}

/** One unit; the kind cycles KDC, XA, CQDN, CSGD with KDC twice as common (as in reality). */
export function syntheticUnit(rng: Rng, index: number): UnitInput {
  const year = pick(rng, [2024, 2025, 2026] as const);
  switch (index % 5) {
    case 0:
    case 1:
      return kdc(rng, index, year);
    case 2:
      return commune(rng, index, year);
    case 3:
      return agency(rng, index, year);
    default:
      return school(rng, index, year);
  }
}

export function syntheticUnits(count: number, seed: number): UnitInput[] {
  const rng = mulberry32(seed);
  const out: UnitInput[] = [];
  for (let i = 0; i < count; i++) out.push(syntheticUnit(rng, i));
  return out;
}
