/**
 * zod schemas of the communes and authorities registry, shared by the admin forms and their server
 * actions, plus the URL filters of both lists. Pure.
 */
import { z } from "zod";
import { AUTHORITY_KINDS, COMMUNE_KINDS } from "@/lib/domain/vocabulary";
import { INVALID_CHOICE, idField, optionalId, requiredDate, requiredText, savedVersionField } from "@/lib/validation/input-rules";
import { registryCodeField, REGISTRY_STATUSES } from "./unit-schemas";

const nameField = requiredText("Vui lòng nhập tên.", 200, "Tên tối đa 200 ký tự.", 2, "Tên cần từ 2 ký tự.");

export const communeFields = z.object({
  code: registryCodeField,
  name: nameField,
  communeKind: z.enum(COMMUNE_KINDS, { error: "Vui lòng chọn loại (xã, phường, đặc khu)." }),
});
export const createCommuneSchema = communeFields;
export const updateCommuneSchema = communeFields.extend({ areaId: idField("Xã, phường không hợp lệ."), version: savedVersionField });

export const authorityFields = z.object({
  code: registryCodeField,
  name: nameField,
  kind: z.enum(AUTHORITY_KINDS, { error: "Vui lòng chọn loại cơ quan." }),
  documentSymbol: requiredText("Vui lòng nhập ký hiệu văn bản (ví dụ: UBND).", 20, "Ký hiệu văn bản tối đa 20 ký tự."),
  placeName: requiredText("Vui lòng nhập địa danh ghi trên văn bản (ví dụ: Lào Cai).", 60, "Địa danh tối đa 60 ký tự."),
  /** The commune (or the province) the authority belongs to; empty for a ministry. */
  areaId: optionalId(),
});
export const createAuthoritySchema = authorityFields;
export const updateAuthoritySchema = authorityFields.extend({ authorityId: idField("Cơ quan không hợp lệ."), version: savedVersionField });

const reason = requiredText("Vui lòng nêu lý do.", 500, "Lý do tối đa 500 ký tự.", 5, "Lý do cần từ 5 ký tự.");
const active = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: INVALID_CHOICE });
export const setCommuneActiveSchema = z.object({ areaId: idField("Xã, phường không hợp lệ."), version: savedVersionField, active, reason });
export const setAuthorityActiveSchema = z.object({ authorityId: idField("Cơ quan không hợp lệ."), version: savedVersionField, active, reason });

/**
 * Sáp nhập xã: the commune `areaId` (at `version`) is merged into `intoAreaId` from a date — its
 * units move there, its commune-level unit merges into the other's, and it stops (ADR 0009).
 */
export const mergeCommuneSchema = z
  .object({
    areaId: idField("Xã, phường không hợp lệ."),
    version: savedVersionField,
    intoAreaId: idField("Vui lòng chọn xã, phường tiếp nhận."),
    effectiveFrom: requiredDate("Vui lòng nhập ngày có hiệu lực."),
    reason: requiredText("Vui lòng nêu căn cứ (số nghị quyết, quyết định…).", 500, "Căn cứ tối đa 500 ký tự.", 5, "Căn cứ cần từ 5 ký tự."),
  })
  .refine((v) => v.areaId !== v.intoAreaId, { path: ["intoAreaId"], message: "Vui lòng chọn một xã, phường khác." });
export type MergeCommuneInput = z.output<typeof mergeCommuneSchema>;

/** Columns the communes and authorities lists sort by ("status": active first when ascending). */
export const SIMPLE_LIST_SORTS = ["code", "name", "status"] as const;
export type SimpleListSort = (typeof SIMPLE_LIST_SORTS)[number];

export const simpleListFiltersSchema = z.object({
  q: z.string().optional().catch(undefined),
  status: z.enum(REGISTRY_STATUSES).default("active").catch("active"),
  sort: z.enum(SIMPLE_LIST_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type SimpleListFilters = z.output<typeof simpleListFiltersSchema>;
