/**
 * Criteria engine for the "An toàn về an ninh, trật tự" standard (TT 124/2021/TT-BCA, as
 * amended by TT 48/2025/TT-BCA). Pure: no I/O, no framework, no database.
 *
 *   const parsed = parseEvaluationRequest(json);           // zod, Vietnamese errors
 *   if (parsed.ok) evaluateRequest(parsed.value);           // verdicts, reasons, readiness
 */
export {
  evaluateUnit,
  evaluateKdc,
  evaluateCommune,
  evaluateAgency,
  evaluateSchool,
  evaluateRequest,
  exclusionOf,
  criteriaKindOf,
  RuleSetNotFoundError,
  type EvaluateOptions,
} from "./evaluate";
export { parseUnitInput, parseEvaluationRequest, parseExtraCriteria, vietnameseErrorMap, type ParseResult, type ValidationIssue } from "./validation";
export * from "./schema";
export * from "./types";
export { RULE_SETS, getRuleSet, selectRuleSet, TT124_EFFECTIVE_FROM, TT48_2025_EFFECTIVE_FROM, type RuleSet } from "./ruleSets";
export { evaluationWindow, firstQuarterDeadline, formatDateVi } from "./window";
export { meetsRatio, requiredNumerator, formatPercent, formatThreshold, SEVENTY_PERCENT, type Threshold, type Ratio, type Comparator } from "./ratio";
export { INCIDENT_CATALOGUE, classifyIncident, type CatalogueEntry } from "./catalogue";
export { buildCriteriaJsonSchema } from "./jsonSchema";
