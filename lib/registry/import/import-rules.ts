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

/** The upload URL of a list's import, with the preview's or commit's parameters. */
export function importUrl(path: string, params: { mode: ImportMode; fileName: string; sha256?: string }): string {
  const q = new URLSearchParams({ mode: params.mode, fileName: params.fileName });
  if (params.sha256) q.set("sha256", params.sha256);
  return `${path}?${q.toString()}`;
}

export function unitsImportUrl(params: { mode: ImportMode; fileName: string; sha256?: string }): string {
  return importUrl(UNITS_IMPORT_PATH, params);
}

export const IMPORT_LIST_KEYS = ["units", "communes", "authorities"] as const;
export type ImportListKey = (typeof IMPORT_LIST_KEYS)[number];

/** What the import page and the registry lists say and call for each list. */
export type ImportListInfo = {
  /** The list chooser's label. */
  label: string;
  title: string;
  /** One record in words ("đơn vị"), as in "giữ nguyên 3 đơn vị". */
  noun: string;
  fileLabel: string;
  codeHeader: string;
  nameHeader: string;
  importPath: string;
  templatePath: string;
  exportPath: string;
  exportLabel: string;
  problemsFileName: string;
};

export const IMPORT_LISTS: Record<ImportListKey, ImportListInfo> = {
  units: {
    label: "Đơn vị",
    title: "Nhập danh sách đơn vị",
    noun: "đơn vị",
    fileLabel: "Tệp danh sách đơn vị (.xlsx hoặc .csv, tối đa 50 MB)",
    codeHeader: "Mã đơn vị",
    nameHeader: "Tên đơn vị",
    importPath: UNITS_IMPORT_PATH,
    templatePath: UNITS_TEMPLATE_PATH,
    exportPath: UNITS_EXPORT_PATH,
    exportLabel: "Tải danh sách đơn vị hiện có",
    problemsFileName: "Lỗi nhập đơn vị.xlsx",
  },
  communes: {
    label: "Xã, phường",
    title: "Nhập danh sách xã, phường, đặc khu",
    noun: "xã, phường",
    fileLabel: "Tệp danh sách xã, phường (.xlsx hoặc .csv, tối đa 50 MB)",
    codeHeader: "Mã xã, phường",
    nameHeader: "Tên xã, phường",
    importPath: "/api/registry/communes/import",
    templatePath: "/api/registry/communes/template",
    exportPath: "/api/registry/communes/export",
    exportLabel: "Tải danh sách xã, phường hiện có",
    problemsFileName: "Lỗi nhập xã, phường.xlsx",
  },
  authorities: {
    label: "Cơ quan",
    title: "Nhập danh sách cơ quan quản lý",
    noun: "cơ quan",
    fileLabel: "Tệp danh sách cơ quan (.xlsx hoặc .csv, tối đa 50 MB)",
    codeHeader: "Mã cơ quan",
    nameHeader: "Tên cơ quan",
    importPath: "/api/registry/authorities/import",
    templatePath: "/api/registry/authorities/template",
    exportPath: "/api/registry/authorities/export",
    exportLabel: "Tải danh sách cơ quan hiện có",
    problemsFileName: "Lỗi nhập cơ quan.xlsx",
  },
};

/** The browser's check before sending: nothing leaves for an empty, too large or wrongly named file. */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (file.size === 0) return IMPORT_NO_FILE_MESSAGE;
  if (file.size > MAX_IMPORT_UPLOAD_BYTES) return IMPORT_TOO_LARGE_MESSAGE;
  if (!/\.(xlsx|csv)$/i.test(file.name)) return "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).";
  return null;
}
