/**
 * Writes docs/criteria/input.schema.json from the zod schemas in lib/criteria/schema.ts.
 * Run after changing the schemas: npm run criteria:schema
 * (lib/criteria/jsonSchema.test.ts fails while the committed file is stale.)
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildCriteriaJsonSchema } from "../lib/criteria/jsonSchema";

export const SCHEMA_PATH = fileURLToPath(new URL("../docs/criteria/input.schema.json", import.meta.url));

writeFileSync(SCHEMA_PATH, buildCriteriaJsonSchema());
console.log(`đã ghi ${SCHEMA_PATH}`);
