/**
 * What the browser and the route handler both know about an import upload (no server imports):
 * the size limit, the accepted names, the upload URL and its parameters.
 */
import { z } from "zod";
import { hasControlCharacters } from "@/lib/validation/input-rules";

export const MAX_IMPORT_MB = 50;
export const MAX_IMPORT_UPLOAD_BYTES = MAX_IMPORT_MB * 1024 * 1024;
export const IMPORT_ACCEPT = ".xlsx,.csv";
export const IMPORT_TOO_LARGE_MESSAGE = `Tệp lớn hơn ${MAX_IMPORT_MB} MB; vui lòng chia thành nhiều tệp nhỏ hơn.`;
export const IMPORT_NO_FILE_MESSAGE = "Vui lòng chọn tệp Excel (.xlsx) hoặc CSV (.csv).";

export const IMPORT_MODES = ["preview", "commit", "problems"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const importUploadSchema = z
  .object({
    mode: z.enum(IMPORT_MODES, { error: "Thao tác không hợp lệ." }),
    fileName: z
      .string()
      .trim()
      .min(1, IMPORT_NO_FILE_MESSAGE)
      .max(255, "Tên tệp quá dài.")
      .refine((v) => !hasControlCharacters(v), "Tên tệp không hợp lệ."),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "Mã tệp không hợp lệ; vui lòng xem trước lại.").optional(),
  })
  .refine((v) => v.mode !== "commit" || v.sha256 !== undefined, { message: "Thiếu mã tệp đã xem trước; vui lòng xem trước lại.", path: ["sha256"] });

export const UNITS_IMPORT_PATH = "/api/registry/units/import";
export const UNITS_TEMPLATE_PATH = "/api/registry/units/template";
export const UNITS_EXPORT_PATH = "/api/registry/units/export";

export function unitsImportUrl(params: { mode: ImportMode; fileName: string; sha256?: string }): string {
  const q = new URLSearchParams({ mode: params.mode, fileName: params.fileName });
  if (params.sha256) q.set("sha256", params.sha256);
  return `${UNITS_IMPORT_PATH}?${q.toString()}`;
}

/** The browser's check before sending: nothing leaves for an empty, too large or wrongly named file. */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return IMPORT_NO_FILE_MESSAGE;
  if (file.size > MAX_IMPORT_UPLOAD_BYTES) return IMPORT_TOO_LARGE_MESSAGE;
  if (!/\.(xlsx|csv)$/i.test(file.name)) return "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).";
  return null;
}
