/**
 * zod schemas of the units registry, shared by the admin form (react-hook-form) and its server
 * actions, plus the URL filters of the list. Pure.
 */
import { z } from "zod";
import {
  EDUCATION_LEVELS,
  EXCLUSION_REASONS,
  EXCLUSION_REASON_KINDS,
  RESIDENTIAL_AREA_TYPES,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  type UnitKind,
} from "@/lib/domain/vocabulary";
import { SECTORS } from "@/lib/reports/exports/labels";
import { checkbox, evenWithOtherErrors, idField, INVALID_CHOICE, optionalEnum, optionalId, optionalText, requiredDate, requiredText, savedVersionField } from "@/lib/validation/input-rules";
import { PLACEMENT_CHANGES } from "./placement-rules";

/** Codes as the registry writes them: "CQ-STP", "SC-KDC-00001", "XA-LCI-P01". */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
export const registryCodeField = requiredText("Vui lòng nhập mã.", 40, "Mã tối đa 40 ký tự.").refine(
  (v) => v === "" || CODE_PATTERN.test(v),
  "Mã chỉ gồm chữ không dấu, chữ số và các ký tự - _ . /",
);

const unitFields = z.object({
  code: registryCodeField,
  name: requiredText("Vui lòng nhập tên đơn vị.", 200, "Tên đơn vị tối đa 200 ký tự.", 2, "Tên đơn vị cần từ 2 ký tự."),
  kind: z.enum(UNIT_KINDS, { error: "Vui lòng chọn loại đơn vị." }),
  communeId: idField("Vui lòng chọn xã, phường, đặc khu."),
  managingAuthorityId: idField("Vui lòng chọn cơ quan quản lý."),
  sector: optionalEnum(SECTORS),
  residentialAreaType: optionalEnum(RESIDENTIAL_AREA_TYPES),
  educationLevel: optionalEnum(EDUCATION_LEVELS),
  exclusionReason: optionalEnum(EXCLUSION_REASONS),
  hasPartyOrganisation: checkbox,
  hasSecurityForce: checkbox,
  address: optionalText(300, "Địa chỉ tối đa 300 ký tự."),
});

type UnitFields = z.output<typeof unitFields>;

/**
 * Cross-field rules of a unit: what its kind requires and allows. They run even when another field
 * is invalid (evenWithOtherErrors), so every value is checked for its type before use.
 */
function unitRules(v: Partial<UnitFields>, ctx: z.RefinementCtx) {
  const kind = v.kind as UnitKind | undefined;
  if (!kind || !UNIT_KINDS.includes(kind)) return;
  const exclusion = EXCLUSION_REASONS.find((r) => r === v.exclusionReason);
  if (kind === "KDC" && !v.residentialAreaType) ctx.addIssue({ code: "custom", path: ["residentialAreaType"], message: "Vui lòng chọn loại khu dân cư (thôn, bản, tổ dân phố…)." });
  if (kind === "CSGD" && !v.educationLevel) ctx.addIssue({ code: "custom", path: ["educationLevel"], message: "Vui lòng chọn cấp học của cơ sở giáo dục." });
  if ((kind === "CQ" || kind === "DN") && !v.sector) ctx.addIssue({ code: "custom", path: ["sector"], message: "Vui lòng chọn lĩnh vực của cơ quan, doanh nghiệp." });
  if (exclusion && !EXCLUSION_REASON_KINDS[exclusion].includes(kind)) {
    ctx.addIssue({ code: "custom", path: ["exclusionReason"], message: `Lý do không thuộc diện này không áp dụng cho loại "${UNIT_KIND_LABELS[kind]}".` });
  }
}

export const createUnitSchema = unitFields.check(z.superRefine(unitRules, evenWithOtherErrors));
export const updateUnitSchema = unitFields
  .extend({ unitId: idField("Đơn vị không hợp lệ."), version: savedVersionField })
  .check(z.superRefine(unitRules, evenWithOtherErrors));

export type CreateUnitInput = z.output<typeof createUnitSchema>;
export type UpdateUnitInput = z.output<typeof updateUnitSchema>;

/**
 * The columns a unit's kind maps to: what the kind does not use is cleared (a CQ re-typed as KDC
 * keeps no education level), so the database never holds a field the form no longer shows.
 */
export function unitColumns(input: UnitFields) {
  return {
    code: input.code,
    name: input.name,
    kind: input.kind,
    communeId: input.communeId,
    managingAuthorityId: input.managingAuthorityId,
    sector: input.sector,
    residentialAreaType: input.kind === "KDC" ? input.residentialAreaType : null,
    educationLevel: input.kind === "CSGD" ? input.educationLevel : null,
    exclusionReason: input.exclusionReason && EXCLUSION_REASON_KINDS[input.exclusionReason].includes(input.kind) ? input.exclusionReason : null,
    hasPartyOrganisation: input.hasPartyOrganisation,
    hasSecurityForce: input.hasSecurityForce,
    address: input.address,
  };
}

/** Deactivate or reactivate: a reason is kept in the audit log. */
export const setUnitActiveSchema = z.object({
  unitId: idField("Đơn vị không hợp lệ."),
  version: savedVersionField,
  active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: INVALID_CHOICE }),
  reason: requiredText("Vui lòng nêu lý do.", 500, "Lý do tối đa 500 ký tự.", 5, "Lý do cần từ 5 ký tự."),
});
export type SetUnitActiveInput = z.output<typeof setUnitActiveSchema>;

// ───────────── The list's URL filters ─────────────

export const UNIT_SORTS = ["code", "name", "commune", "kind"] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];
export const REGISTRY_STATUSES = ["active", "inactive", "all"] as const;
export const REGISTRY_PAGE_SIZE = 50;

/** Each filter drops only itself when bad (parseSearchParams reads them through searchParam). */
export const unitListFiltersSchema = z.object({
  q: z.string().optional().catch(undefined),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  communeId: z.uuid().optional().catch(undefined),
  status: z.enum(REGISTRY_STATUSES).default("active").catch("active"),
  sort: z.enum(UNIT_SORTS).default("code").catch("code"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type UnitListFilters = z.output<typeof unitListFiltersSchema>;

// ───────────── Dated changes of a unit's placement (ADR 0009) ─────────────

/** Unit codes as typed: separated by commas, semicolons, spaces or new lines. */
export function splitCodes(text: string): string[] {
  return text.split(/[\s,;]+/u).filter((c) => c !== "");
}

/**
 * A dated change: chuyển xã (MOVE, with the new commune), đổi cơ quan quản lý (CHANGE_AUTHORITY,
 * with the new authority), giải thể / ngừng hoạt động (CLOSE), hoạt động trở lại (REOPEN), sáp
 * nhập (MERGE, with the receiving unit's code) and chia, tách (SPLIT, with the codes of the units
 * formed, and whether the unit goes on). The date is checked against the current placement in the
 * use-case (placement-rules.ts).
 */
export const placementChangeSchema = z
  .object({
    unitId: idField("Đơn vị không hợp lệ."),
    version: savedVersionField,
    change: z.enum(PLACEMENT_CHANGES, { error: "Vui lòng chọn loại thay đổi." }),
    effectiveFrom: requiredDate("Vui lòng nhập ngày có hiệu lực."),
    communeId: optionalId("Xã, phường, đặc khu được chọn không hợp lệ."),
    managingAuthorityId: optionalId("Cơ quan quản lý được chọn không hợp lệ."),
    successorCodes: z.string({ error: "Mã đơn vị không hợp lệ." }).max(2000, "Danh sách mã quá dài.").optional().default(""),
    predecessorContinues: z.boolean({ error: "Giá trị không hợp lệ." }).optional().default(false),
    reason: requiredText("Vui lòng nêu lý do hoặc căn cứ (số quyết định…).", 500, "Lý do tối đa 500 ký tự.", 5, "Lý do cần từ 5 ký tự."),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.change === "MOVE" && !v.communeId) ctx.addIssue({ code: "custom", path: ["communeId"], message: "Vui lòng chọn xã, phường, đặc khu chuyển đến." });
      if (v.change === "CHANGE_AUTHORITY" && !v.managingAuthorityId) ctx.addIssue({ code: "custom", path: ["managingAuthorityId"], message: "Vui lòng chọn cơ quan quản lý mới." });
      // A value the change does not use is refused rather than silently dropped.
      if (v.change && v.change !== "MOVE" && v.communeId) ctx.addIssue({ code: "custom", path: ["communeId"], message: "Chỉ chọn xã, phường, đặc khu khi chuyển xã." });
      if (v.change && v.change !== "CHANGE_AUTHORITY" && v.managingAuthorityId) ctx.addIssue({ code: "custom", path: ["managingAuthorityId"], message: "Chỉ chọn cơ quan quản lý khi đổi cơ quan quản lý." });
      const codes = splitCodes(v.successorCodes ?? "");
      if (v.change === "MERGE" && codes.length === 0) ctx.addIssue({ code: "custom", path: ["successorCodes"], message: "Vui lòng nhập mã đơn vị tiếp nhận." });
      if (v.change === "MERGE" && codes.length > 1) ctx.addIssue({ code: "custom", path: ["successorCodes"], message: "Sáp nhập vào một đơn vị: chỉ nhập một mã đơn vị tiếp nhận." });
      if (v.change === "SPLIT" && codes.length === 0) ctx.addIssue({ code: "custom", path: ["successorCodes"], message: "Vui lòng nhập mã các đơn vị được chia, tách ra." });
      if (v.change && v.change !== "MERGE" && v.change !== "SPLIT" && codes.length > 0) ctx.addIssue({ code: "custom", path: ["successorCodes"], message: "Chỉ nhập mã đơn vị khi sáp nhập hoặc chia, tách." });
      if (v.change !== "SPLIT" && v.predecessorContinues) ctx.addIssue({ code: "custom", path: ["predecessorContinues"], message: "Chỉ dùng khi chia, tách đơn vị." });
    }, evenWithOtherErrors),
  );
export type PlacementChangeInput = z.output<typeof placementChangeSchema>;
