/**
 * The streamed scale seed's pure parts (ADR 0019): COPY text encoding, columns a row leaves out,
 * and per-commune generation — a commune's rows do not depend on which other communes are built,
 * and its size does not grow with the province's.
 */
import { describe, expect, it } from "vitest";
import { buildCommuneRows, buildScaleRows, copyText, planScaleProvince, tableLoad, type ScaleOptions } from "../../prisma/seed/scale-province";

const small: ScaleOptions = { communes: 6, kdc: 40, orgs: 30, year: 2026 };

describe("COPY text", () => {
  it("escapes what the text format reserves and writes NULL, booleans, dates and JSON", () => {
    const load = { table: "T", columns: ["a", "b", "c", "d", "e"], rows: [["tab\there\\ and\nnew\rline", null, true, new Date("2026-11-15T00:00:00.000Z"), { k: "v\t" }]] };
    expect(copyText(load)).toBe('tab\\there\\\\ and\\nnew\\rline\t\\N\tt\t2026-11-15T00:00:00.000Z\t{"k":"v\\\\t"}\n');
  });

  it("gives a column some rows leave out its database default, else NULL, and fills updatedAt", () => {
    const now = new Date("2026-01-01T00:00:00.000Z");
    const load = tableLoad("Unit", [{ id: "1", residentialAreaType: "THON" }, { id: "2", isActive: false }], now);
    expect(load.columns).toEqual(["id", "residentialAreaType", "isActive", "updatedAt"]);
    expect(load.rows).toEqual([["1", "THON", true, now], ["2", null, false, now]]);
    expect(tableLoad("RecognitionDecision", [{ id: "1" }], now).columns).toEqual(["id"]);
  });
});

describe("per-commune generation", () => {
  it("a commune built alone equals the same commune in the whole build; the same options give the same rows", () => {
    const plan = planScaleProvince(small);
    const whole = buildScaleRows(small);
    const third = buildCommuneRows(plan, 2);
    const unitsOfThird = whole.units.filter((u) => u.communeId === plan.communes[2]!.id);
    expect(third.units).toEqual(unitsOfThird);
    expect(JSON.stringify(buildCommuneRows(planScaleProvince(small), 2))).toBe(JSON.stringify(third));
    expect(whole.units).toHaveLength(6 + 40 + 30);
    expect(new Set(whole.dossiers.map((d) => d.id)).size).toBe(whole.dossiers.length);
    expect(new Set(whole.incidents.map((d) => d.id)).size).toBe(whole.incidents.length);
  });

  it("a commune holds about as many rows at 16× as at 1× (memory per step does not grow with size)", () => {
    const rowsOf = (options: ScaleOptions) => {
      const plan = planScaleProvince(options);
      const sizes = plan.communes.slice(0, 8).map((_, ci) => Object.values(buildCommuneRows(plan, ci)).reduce((n, rows) => n + rows.length, 0));
      return sizes.reduce((a, b) => a + b, 0) / sizes.length;
    };
    const one = rowsOf({ communes: 100, kdc: 3000, orgs: 2000, year: 2026 });
    const sixteen = rowsOf({ communes: 1600, kdc: 48_000, orgs: 32_000, year: 2026 });
    expect(sixteen / one).toBeGreaterThan(0.7);
    expect(sixteen / one).toBeLessThan(1.4);
  }, 30_000);
});
