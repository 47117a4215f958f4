/**
 * Test fixtures: one unit of each kind that meets every criterion for 2026. Tests start from
 * these and change one fact, so each case reads as "a passing unit, except …".
 */
import { evaluateUnit, type EvaluateOptions } from "../evaluate";
import type { AgencyInput, CommuneInput, KdcInput, SchoolInput, UnitInput } from "../schema";
import type { CriterionVerdict, EvaluationResult } from "../types";

export function passingKdc(): KdcInput {
  return {
    kind: "KDC",
    unitId: "KDC-T",
    name: "Thôn Bản Mế",
    year: 2026,
    registration: {
      chiBoResolution: { date: "2026-02-10", ref: "05-NQ/CB" },
      kdcRegistration: { date: "2026-02-20" },
      householdsResident: 120,
      householdsRegistered: 120,
    },
    declarations: { implementsPolicies: true, managedGroupsHandledEffectively: true },
    lawAndOrder: {
      current: { crimes: 1, socialEvils: 0, otherViolations: 3 },
      previous: { crimes: 2, socialEvils: 0, otherViolations: 3 },
    },
    securityForce: { exists: true, result: "HTNV" },
    incidents: [],
    disciplines: [],
  };
}

export function passingCommune(): CommuneInput {
  return {
    kind: "XA",
    unitId: "XA-T",
    name: "Xã Bảo Thắng",
    year: 2026,
    communeKind: "XA",
    registration: {
      partyResolution: { date: "2026-01-15", ref: "12-NQ/ĐU" },
      plan: { date: "2026-01-20", ref: "30/KH-UBND" },
      registration: { date: "2026-02-01" },
    },
    movementModels: [{ id: "MH-1", name: "Camera an ninh", effective: true }],
    declarations: { implementsPolicies: true, managedGroupsHandledEffectively: true, communePoliceEffective: true },
    lawAndOrder: {
      current: { crimes: 4, socialEvils: 2, otherViolations: 10 },
      previous: { crimes: 5, socialEvils: 2, otherViolations: 12 },
    },
    managedUnits: Array.from({ length: 10 }, (_, i) => ({
      id: `U${String(i).padStart(2, "0")}`,
      name: `Đơn vị ${i}`,
      kind: i < 6 ? ("KDC" as const) : ("CQ" as const),
      registered: true,
      recognised: true,
    })),
    incidents: [],
    disciplines: [],
  };
}

export function passingAgency(): AgencyInput {
  return {
    kind: "CQDN",
    subtype: "CQ",
    unitId: "CQ-T",
    name: "Văn phòng UBND tỉnh",
    year: 2026,
    registration: {
      hasPartyOrganisation: true,
      partyResolution: { date: "2026-01-10" },
      plan: { date: "2026-01-12" },
      registration: { date: "2026-01-15" },
    },
    internalRules: {
      unitProtection: true,
      stateSecrets: true,
      internalPolitics: true,
      labourSafety: true,
      fireExplosion: true,
      environment: true,
    },
    staff: { total: 60, briefed: 60 },
    movementModels: [{ id: "MH-1", name: "Tổ giám sát an toàn trụ sở", effective: true }],
    declarations: { implementsPolicies: true },
    securityForce: { exists: true, result: "HTTNV" },
    subUnits: Array.from({ length: 10 }, (_, i) => ({ id: `P${i}`, name: `Phòng ${i}`, result: "TTLDTT" as const })),
    incidents: [],
    disciplines: [],
  };
}

export function passingSchool(): SchoolInput {
  return {
    kind: "CSGD",
    unitId: "CSGD-T",
    name: "Trường THPT số 1",
    year: 2026,
    educationLevels: ["THPT"],
    registration: {
      hasPartyOrganisation: true,
      partyResolution: { date: "2026-01-10" },
      plan: { date: "2026-01-12" },
      registration: { date: "2026-01-15" },
    },
    internalRules: { institutionProtection: true, internalPolitics: true, learnerManagement: true, fireExplosion: true },
    staff: { total: 80, briefed: 80 },
    learners: { total: 1200, briefed: 1200 },
    movementModels: [{ id: "MH-1", name: "Cổng trường an toàn", effective: true }],
    declarations: { implementsPolicies: true, parentsBoardCoordination: true },
    securityForce: { exists: true, result: "TTLDTT" },
    subUnits: Array.from({ length: 8 }, (_, i) => ({ id: `T${i}`, name: `Tổ ${i}`, result: "HTTNV" as const })),
    incidents: [],
    disciplines: [],
  };
}

export function verdictOf(result: EvaluationResult, id: string): CriterionVerdict {
  const stack: CriterionVerdict[] = [...result.criteria, ...result.provincialCriteria];
  while (stack.length > 0) {
    const v = stack.shift()!;
    if (v.id === id) return v;
    if (v.parts !== undefined) stack.push(...v.parts);
  }
  throw new Error(`no verdict ${id} in result (${result.criteria.map((c) => c.id).join(", ")})`);
}

/** Evaluate `unit` after applying `change` to a copy, and return the verdict `id`. */
export function verdictAfter<U extends UnitInput>(unit: U, change: (u: U) => void, id: string, options?: EvaluateOptions): CriterionVerdict {
  const copy = structuredClone(unit);
  change(copy);
  return verdictOf(evaluateUnit(copy, options), id);
}
