import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCriteriaJsonSchema } from "./jsonSchema";

const COMMITTED = new URL("../../docs/criteria/input.schema.json", import.meta.url);

describe("docs/criteria/input.schema.json", () => {
  it("matches what `npm run criteria:schema` generates from the zod schemas", () => {
    // If this fails after a schema change: run `npm run criteria:schema` and commit the file.
    expect(readFileSync(COMMITTED, "utf8")).toBe(buildCriteriaJsonSchema());
  });

  it("documents every unit kind and the envelope", () => {
    const schema = JSON.parse(buildCriteriaJsonSchema()) as { $defs: Record<string, unknown> };
    for (const id of ["KdcInput", "CommuneInput", "AgencyInput", "SchoolInput", "EvaluationRequest", "Incident", "ExtraCriterion"]) {
      expect(schema.$defs, id).toHaveProperty(id);
    }
  });
});
