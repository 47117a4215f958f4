/** Where the browser sends and fetches the accounts list (no server imports: the client uses it). */
import { importUrl, type ImportMode } from "@/lib/registry/import/import-rules";

export const ACCOUNTS_IMPORT_PATH = "/api/users/import";
export const ACCOUNTS_TEMPLATE_PATH = "/api/users/template";
export const ACCOUNTS_EXPORT_PATH = "/api/users/export";

export function accountsImportUrl(params: { mode: ImportMode; fileName: string; sha256?: string }): string {
  return importUrl(ACCOUNTS_IMPORT_PATH, params);
}
