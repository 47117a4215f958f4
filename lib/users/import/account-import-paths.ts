/** Where the browser sends and fetches the accounts list (no server imports: the client uses it). */
import type { ImportMode } from "@/lib/registry/import/import-rules";

export const ACCOUNTS_IMPORT_PATH = "/api/users/import";
export const ACCOUNTS_TEMPLATE_PATH = "/api/users/template";
export const ACCOUNTS_EXPORT_PATH = "/api/users/export";

export function accountsImportUrl(params: { mode: ImportMode; fileName: string; sha256?: string }): string {
  const q = new URLSearchParams({ mode: params.mode, fileName: params.fileName });
  if (params.sha256) q.set("sha256", params.sha256);
  return `${ACCOUNTS_IMPORT_PATH}?${q.toString()}`;
}
