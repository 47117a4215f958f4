/**
 * Properties the verdicts must keep whatever the data:
 * - adding an incident (or a discipline record) never turns CHUA_DAT into DAT, and never
 *   improves the overall result at all;
 * - adding a sub-unit with a result below the bar never raises the share, nor the verdict;
 * - permuting any input array never changes the result;
 * - evaluation does not mutate its input.
 * Units come from the seeded generator of the benchmark; fast-check drives seeds and edits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRIME_SEVERITIES, DISCIPLINE_LADDERS, EMULATION_RESULTS, INCIDENT_CODES, PERSONNEL_TYPES } from "../domain/vocabulary";
import { verdictOf } from "./__fixtures__/units";
import { evaluateUnit } from "./evaluate";
import { countSubUnits, meetsGoodOrBetter } from "./rules/common";
import type { DisciplineRecord, Incident, SubUnit, UnitInput } from "./schema";
import { mulberry32, syntheticUnit } from "./syntheticUnits";
import type { OverallResult } from "./types";

const RUNS = 300;

const OVERALL_RANK: Record<OverallResult, number> = { DAT: 2, THIEU_DU_LIEU: 1, CHUA_DAT: 0, KHONG_THUOC_DIEN: -1 };

const unitArb: fc.Arbitrary<UnitInput> = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 4 }))
  .map(([seed, kindIndex]) => syntheticUnit(mulberry32(seed), kindIndex));

const dateArb = fc
  .tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

const incidentArb: fc.Arbitrary<Incident> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 8 }).map((s) => `NEW-${s}`),
    code: fc.constantFrom(...INCIDENT_CODES),
    date: dateArb,
    severity: fc.constantFrom(...CRIME_SEVERITIES),
    forceMajeure: fc.boolean(),
    detectedTimely: fc.boolean(),
    mitigated: fc.boolean(),
    reportedImmediately: fc.boolean(),
    personBasis: fc.constantFrom("ANTT_ADMIN_SANCTION", "SOCIAL_EVIL", "CRIME"),
    disciplineLevel: fc.constantFrom("KHIEN_TRACH", "CANH_CAO", "CACH_CHUC"),
  },
  { requiredKeys: ["id", "code", "date"] },
);

const disciplineArb: fc.Arbitrary<DisciplineRecord> = fc
  .tuple(fc.constantFrom(...PERSONNEL_TYPES), fc.nat(), dateArb, fc.boolean(), fc.string({ minLength: 1, maxLength: 6 }))
  .map(([personnelType, levelIndex, date, inSecurityForce, id]) => {
    const ladder = DISCIPLINE_LADDERS[personnelType];
    return { id: `NEW-${id}`, personnelType, level: ladder[levelIndex % ladder.length]!, date, inSecurityForce };
  });

function withIncident(unit: UnitInput, incident: Incident): UnitInput {
  const copy = structuredClone(unit);
  copy.incidents = [...(copy.incidents ?? []), incident];
  return copy;
}

/** Reorders an array with a key per element (a permutation that fast-check can shrink). */
function permute<T>(items: readonly T[] | undefined, keys: readonly number[]): T[] | undefined {
  if (items === undefined) return undefined;
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

function permuteUnit(unit: UnitInput, keys: readonly number[]): UnitInput {
  const copy = structuredClone(unit);
  copy.incidents = permute(copy.incidents, keys);
  copy.disciplines = permute(copy.disciplines, keys);
  if (copy.kind === "XA") {
    copy.managedUnits = permute(copy.managedUnits, keys);
    copy.movementModels = permute(copy.movementModels, keys);
  }
  if (copy.kind === "CQDN" || copy.kind === "CSGD") {
    copy.subUnits = permute(copy.subUnits, keys);
    copy.movementModels = permute(copy.movementModels, keys);
  }
  return copy;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("monotonicity", () => {
  it("adding an incident never turns CHUA_DAT into DAT", () => {
    fc.assert(
      fc.property(unitArb, incidentArb, (unit, incident) => {
        const before = evaluateUnit(unit).overall;
        const after = evaluateUnit(withIncident(unit, incident)).overall;
        if (before === "CHUA_DAT") expect(after).not.toBe("DAT");
        if (before === "CHUA_DAT" || before === "DAT") expect(OVERALL_RANK[after]).toBeLessThanOrEqual(OVERALL_RANK[before]);
      }),
      { numRuns: RUNS },
    );
  });

  it("adding an incident to a provided incident list never improves the overall result", () => {
    // An absent list means "not provided" (MISSING_DATA); adding the first incident also
    // provides the list, which may legitimately resolve that missing fact. Hence the filter.
    fc.assert(
      fc.property(
        unitArb.filter((u) => u.incidents !== undefined),
        incidentArb,
        (unit, incident) => {
          const before = evaluateUnit(unit).overall;
          const after = evaluateUnit(withIncident(unit, incident)).overall;
          expect(OVERALL_RANK[after]).toBeLessThanOrEqual(OVERALL_RANK[before]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("adding a discipline record to a provided list never improves the overall result", () => {
    fc.assert(
      fc.property(unitArb.filter((u) => u.disciplines !== undefined), disciplineArb, (unit, record) => {
        const before = evaluateUnit(unit).overall;
        const copy = structuredClone(unit);
        copy.disciplines = [...(copy.disciplines ?? []), record];
        expect(OVERALL_RANK[evaluateUnit(copy).overall]).toBeLessThanOrEqual(OVERALL_RANK[before]);
      }),
      { numRuns: RUNS },
    );
  });

  it("adding a sub-unit below the bar never raises the share of sub-units meeting it", () => {
    const subUnitArb = fc.array(
      fc.record({ result: fc.option(fc.constantFrom(...EMULATION_RESULTS), { nil: undefined }), eligible: fc.boolean() }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(subUnitArb, fc.constantFrom("HTNV" as const, "KHTNV" as const), (spec, worse) => {
        const units: SubUnit[] = spec.map((s, i) => ({
          id: `P${i}`,
          name: `P${i}`,
          ...(s.eligible ? {} : { eligibleForRating: false }),
          ...(s.result === undefined ? {} : { result: s.result }),
        }));
        const before = countSubUnits(units, meetsGoodOrBetter);
        const after = countSubUnits([...units, { id: "NEW", name: "NEW", result: worse }], meetsGoodOrBetter);
        // after.meeting / after.eligible <= before.meeting / before.eligible, by cross-multiplication
        if (before.eligible > 0) expect(after.meeting * before.eligible).toBeLessThanOrEqual(before.meeting * after.eligible);
        expect(after.meeting).toBe(before.meeting);
        expect(after.eligible).toBe(before.eligible + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it("adding a sub-unit below the bar never improves CQDN-5 / CSGD-6", () => {
    const rank = { NOT_APPLICABLE: 0, MET: 0, MISSING_DATA: 1, NOT_MET: 2 } as const;
    fc.assert(
      fc.property(unitArb.filter((u) => (u.kind === "CQDN" || u.kind === "CSGD") && u.subUnits !== undefined), (unit) => {
        const id = unit.kind === "CQDN" ? "CQDN-5" : "CSGD-6";
        if (unit.kind !== "CQDN" && unit.kind !== "CSGD") return;
        const before = verdictOf(evaluateUnit(unit), id);
        const copy = structuredClone(unit);
        copy.subUnits = [...(copy.subUnits ?? []), { id: "ZZ", name: "ZZ", result: "KHTNV" }];
        const after = verdictOf(evaluateUnit(copy), id);
        expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status]);
        const share = (f: typeof before.facts) => [f.subUnitsMeeting as number, f.subUnitsEligible as number] as const;
        const [m0, e0] = share(before.facts);
        const [m1, e1] = share(after.facts);
        if (e0 > 0) expect(m1 * e0).toBeLessThanOrEqual(m0 * e1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("order independence and purity", () => {
  it("permuting the input arrays never changes the result", () => {
    fc.assert(
      fc.property(unitArb, incidentArb, fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (unit, incident, keys) => {
        const withExtra = withIncident(unit, incident);
        expect(evaluateUnit(permuteUnit(withExtra, keys))).toEqual(evaluateUnit(withExtra));
      }),
      { numRuns: RUNS },
    );
  });

  it("does not mutate its input and is deterministic", () => {
    fc.assert(
      fc.property(unitArb, (unit) => {
        const frozen = deepFreeze(structuredClone(unit));
        const first = evaluateUnit(frozen);
        expect(evaluateUnit(frozen)).toEqual(first);
        expect(frozen).toEqual(unit);
      }),
      { numRuns: 100 },
    );
  });
});
