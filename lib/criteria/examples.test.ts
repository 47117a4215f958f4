/**
 * Every documented example in docs/criteria/examples is evaluated and must produce exactly the
 * committed output next to it (<name>.result.json) and the verdict the README table states.
 * After an intended change in wording, regenerate with:
 *   npm run -s evaluate -- docs/criteria/examples/<name>.json > docs/criteria/examples/<name>.result.json
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateRequest } from "./evaluate";
import { parseEvaluationRequest } from "./validation";

const DIR = new URL("../../docs/criteria/examples/", import.meta.url);
const README = readFileSync(new URL("../../docs/criteria/README.md", import.meta.url), "utf8");

/** The verdicts the README promises, one per unit kind. */
const DOCUMENTED: Record<string, string> = {
  "kdc.json": "DAT",
  "xa.json": "THIEU_DU_LIEU",
  "cqdn.json": "DAT",
  "csgd.json": "CHUA_DAT",
};

const inputs = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".result.json"))
  .sort();

describe("docs/criteria/examples", () => {
  it("has one documented example per unit kind", () => {
    expect(inputs).toEqual(Object.keys(DOCUMENTED).sort());
  });

  it.each(inputs)("%s validates, evaluates to its documented verdict and output", (file) => {
    const raw: unknown = JSON.parse(readFileSync(new URL(file, DIR), "utf8"));
    const parsed = parseEvaluationRequest(raw);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (!parsed.ok) return;
    const result = evaluateRequest(parsed.value);
    expect(result.overall).toBe(DOCUMENTED[file]);
    expect(README).toMatch(new RegExp(`\\[\`${file.replace(".", "\\.")}\`\\]\\([^)]*\\)[^\\n]*\\| \`${result.overall}\``));
    const committed: unknown = JSON.parse(readFileSync(new URL(file.replace(/\.json$/, ".result.json"), DIR), "utf8"));
    expect(JSON.parse(JSON.stringify(result))).toEqual(committed);
  });
});
