/**
 * The boundary: raw JSON in, typed input or Vietnamese error list out.
 *
 * Validation happens once here; evaluate*() then trusts its typed argument, which is what keeps
 * the hot path free of zod. The error map is passed per parse (not z.config) so importing this
 * module never changes zod's behaviour for the rest of the application.
 */
import { z } from "zod";
import {
  evaluationRequestSchema,
  extraCriterionSchema,
  unitInputSchema,
  type EvaluationRequest,
  type ExtraCriterion,
  type UnitInput,
} from "./schema";

export interface ValidationIssue {
  /** "incidents[0].date"; "(gốc)" for the document itself. */
  readonly path: string;
  readonly message: string;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const TYPE_NAMES_VI: Record<string, string> = {
  string: "chuỗi",
  number: "số",
  int: "số nguyên",
  boolean: "true/false",
  object: "đối tượng",
  array: "mảng",
  null: "null",
  undefined: "không có giá trị",
  date: "ngày",
  nan: "NaN",
};

function typeNameVi(name: string): string {
  return TYPE_NAMES_VI[name] ?? name;
}

function receivedType(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number") return Number.isNaN(input) ? "nan" : Number.isInteger(input) ? "int" : "number";
  return typeof input;
}

const fallback = z.locales.vi().localeError;

/** zod 4 error map: returns the Vietnamese message for one issue. */
export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Thiếu trường bắt buộc";
      if (issue.expected === "int" && typeof issue.input === "number") return "Phải là số nguyên";
      return `Sai kiểu dữ liệu: cần ${typeNameVi(issue.expected)}, nhận được ${typeNameVi(receivedType(issue.input))}`;
    case "invalid_value":
      if (issue.input === undefined) return `Thiếu trường bắt buộc (${issue.values.map((v) => JSON.stringify(v)).join(", ")})`;
      if (issue.values.length === 1) return `Giá trị phải là ${JSON.stringify(issue.values[0])}`;
      return `Giá trị không hợp lệ: phải là một trong ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator === "kind") {
        return "Loại đơn vị (kind) không hợp lệ: phải là KDC, XA, CQDN hoặc CSGD";
      }
      if ("discriminator" in issue && issue.discriminator === "type") {
        return "Loại kiểm tra (type) không hợp lệ: phải là DECLARATION, THRESHOLD hoặc RATIO";
      }
      return "Dữ liệu không khớp với dạng nào được chấp nhận";
    case "too_small": {
      const min = String(issue.minimum);
      const op = issue.inclusive ? "≥" : ">";
      if (issue.origin === "array") return `Cần ít nhất ${min} phần tử`;
      if (issue.origin === "string") return issue.minimum === 1 ? "Không được để trống" : `Cần ít nhất ${min} ký tự`;
      return `Giá trị phải ${op} ${min}`;
    }
    case "too_big": {
      const max = String(issue.maximum);
      const op = issue.inclusive ? "≤" : "<";
      if (issue.origin === "array") return `Tối đa ${max} phần tử`;
      if (issue.origin === "string") return `Tối đa ${max} ký tự`;
      return `Giá trị phải ${op} ${max}`;
    }
    case "invalid_format":
      if (issue.format === "date") return "Ngày không hợp lệ: cần dạng yyyy-mm-dd và là ngày có thật (ví dụ 2026-03-31)";
      if (issue.format === "regex") return "Chuỗi không đúng định dạng";
      return undefined;
    case "unrecognized_keys":
      return `Trường không được hỗ trợ: ${issue.keys.join(", ")} (kiểm tra lỗi chính tả)`;
    default:
      return undefined;
  }
};

const errorMap: z.core.$ZodErrorMap = (issue) => vietnameseErrorMap(issue) ?? fallback(issue);

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(gốc)" : out;
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const parsed = schema.safeParse(raw, { error: errorMap });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: toIssues(parsed.error) };
}

export function parseUnitInput(raw: unknown): ParseResult<UnitInput> {
  return parseWith(unitInputSchema, raw);
}

export function parseExtraCriteria(raw: unknown): ParseResult<ExtraCriterion[]> {
  return parseWith(z.array(extraCriterionSchema), raw);
}

/**
 * Accepts a bare unit (has "kind") or an envelope {unit, extraCriteria?, ruleSetId?, asOf?};
 * always returns the envelope form. Dispatching on the shape first gives precise errors instead
 * of zod's "matches neither branch of the union".
 */
export function parseEvaluationRequest(raw: unknown): ParseResult<EvaluationRequest> {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && "unit" in raw) {
    return parseWith(evaluationRequestSchema, raw);
  }
  const unit = parseUnitInput(raw);
  return unit.ok ? { ok: true, value: { unit: unit.value } } : unit;
}
