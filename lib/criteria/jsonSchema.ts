/**
 * JSON Schema of the engine's input, generated from the zod schemas (single source of truth).
 * scripts/generate-criteria-schema.ts writes it to docs/criteria/input.schema.json and a unit
 * test fails when the committed file drifts from this output.
 */
import { z } from "zod";
import { criteriaInputSchema } from "./schema";

export function buildCriteriaJsonSchema(): string {
  const schema = z.toJSONSchema(criteriaInputSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  const document = {
    $schema: schema.$schema,
    $id: "https://antt.local/schemas/criteria-input.schema.json",
    title: "Dữ kiện đầu vào của động cơ tiêu chí “An toàn về an ninh, trật tự”",
    description:
      "Một đơn vị (KDC, XA, CQDN, CSGD) cho một năm đánh giá, hoặc phong bì {unit, extraCriteria, ruleSetId, asOf}. Sinh tự động từ lib/criteria/schema.ts — không sửa tay.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
