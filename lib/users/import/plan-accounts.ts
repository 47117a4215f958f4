/**
 * The accounts import without I/O: a read sheet → typed rows and problems (`parseAccountRows`),
 * then, against the accounts, units and communes that exist, what the import would do
 * (`planAccountImport`): accounts to create, to update, to leave, and every problem by row and
 * column in Vietnamese. Rows are matched to accounts by username, so the same file imported twice
 * changes nothing (and issues no password) the second time.
 *
 * Security rules (ADR 0010): no row may give the ADMIN role, and no row may touch an existing
 * ADMIN account, so an import cannot raise anyone's privileges to administrator nor lock one out.
 * A change of role, scope or state revokes the account's sessions; a password is never changed.
 */
import type { ReviewerLevel, Role } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS, REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import { parseSheet, sortProblems, type ImportProblem, type SheetData } from "@/lib/registry/import/sheet";
import { ACCOUNT_COLUMNS, accountHeaderOf, type AccountColumnKey, type AccountSheetRow } from "./account-columns";

/** At most this many new accounts per file: one transaction and one page of passwords (as the bulk page). */
export const MAX_IMPORTED_ACCOUNTS = 5_000;

export type ParsedAccounts = { rows: { rowNumber: number; values: AccountSheetRow }[]; problems: ImportProblem[] };

export function parseAccountRows(sheet: SheetData): ParsedAccounts {
  return parseSheet<AccountSheetRow>(ACCOUNT_COLUMNS, sheet);
}

/** A unit or a commune, by code. `isActive` false: deactivated in the registry. */
export type ScopeReference = { id: string; code: string; name: string; isActive: boolean };
export type ExistingAccount = {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  areaId: string | null;
  reviewerLevel: ReviewerLevel | null;
  isActive: boolean;
};
export type AccountImportContext = { accounts: readonly ExistingAccount[]; units: readonly ScopeReference[]; communes: readonly ScopeReference[] };

/** The columns of an account that an import writes (never a password). */
export type AccountValues = {
  username: string;
  fullName: string;
  role: Exclude<Role, "ADMIN">;
  unitId: string | null;
  areaId: string | null;
  reviewerLevel: ReviewerLevel | null;
  isActive: boolean;
};

export type PlannedAccount = {
  rowNumber: number;
  values: AccountValues;
  /** What the account is for, as the admin reads it (the list of one-time passwords shows it). */
  scopeName: string;
  existing: ExistingAccount | null;
  /** Headers of the columns that change (updates only). */
  changed: string[];
  /** Role, scope or state changes: the account's open sessions end (updates only). */
  revokesSessions: boolean;
};
export type AccountImportPlan = { add: PlannedAccount[]; update: PlannedAccount[]; unchanged: PlannedAccount[]; problems: ImportProblem[] };

export const ACCOUNT_IMPORT_MESSAGES = {
  adminRole: `Không thể tạo hoặc cấp vai trò “${ROLE_LABELS.ADMIN}” bằng cách nhập tệp; vui lòng dùng trang “Người dùng”.`,
  adminAccount: (username: string) => `Tài khoản “${username}” là tài khoản ${ROLE_LABELS.ADMIN}; việc nhập tệp không được sửa tài khoản này.`,
  duplicate: (username: string, row: number) => `Tên đăng nhập “${username}” trùng với dòng ${row}.`,
  unknownUnit: (code: string) => `Không tìm thấy đơn vị có mã “${code}”.`,
  inactiveUnit: (code: string) => `Đơn vị “${code}” đã ngừng theo dõi; không thể giao tài khoản cho đơn vị này.`,
  unknownCommune: (code: string) => `Không tìm thấy xã, phường có mã “${code}”.`,
  inactiveCommune: (code: string) => `Xã, phường “${code}” đã ngừng hoạt động; không thể giao tài khoản cho xã này.`,
  notForRole: (role: Role, header: string) => `Vai trò “${ROLE_LABELS[role]}” không dùng cột “${header}”; vui lòng để trống ô này.`,
  officerNeedsScope: `Cán bộ đơn vị cần ghi “${accountHeaderOf("unitCode")}” (phụ trách một đơn vị) hoặc “${accountHeaderOf("communeCode")}” (phụ trách cả xã, phường).`,
  officerOneScope: `Cán bộ đơn vị phụ trách một đơn vị hoặc cả một xã, phường: chỉ ghi một trong hai cột “${accountHeaderOf("unitCode")}”, “${accountHeaderOf("communeCode")}”.`,
  reviewerNeedsLevel: `Cán bộ thẩm định cần ghi “${accountHeaderOf("reviewerLevel")}”.`,
  communeReviewerNeedsCommune: `Cán bộ thẩm định cấp “${REVIEWER_LEVEL_LABELS.COMMUNE_POLICE}” cần ghi “${accountHeaderOf("communeCode")}”.`,
  provincialReviewerNoCommune: `Cán bộ thẩm định cấp “${REVIEWER_LEVEL_LABELS.PROVINCIAL_POLICE}” không gắn với xã, phường; vui lòng để trống “${accountHeaderOf("communeCode")}”.`,
  tooMany: `Mỗi lần nhập tạo tối đa ${MAX_IMPORTED_ACCOUNTS.toLocaleString("vi-VN")} tài khoản mới; vui lòng chia thành nhiều tệp.`,
} as const;

const COMPARED = [
  ["fullName", "fullName"],
  ["role", "role"],
  ["unitId", "unitCode"],
  ["areaId", "communeCode"],
  ["reviewerLevel", "reviewerLevel"],
  ["isActive", "state"],
] as const satisfies readonly (readonly [keyof AccountValues & keyof ExistingAccount, AccountColumnKey])[];

/** Everything that decides what an account may see and do; a change ends its sessions. */
const ACCESS: readonly (keyof AccountValues)[] = ["role", "unitId", "areaId", "reviewerLevel", "isActive"];

type Problem = { column: AccountColumnKey; message: string };

/**
 * Which unit or commune a row's role gives, or the problems that stop it. The same rules as the
 * user form (user-schemas.ts): a unit officer has one unit or one commune, a commune reviewer a
 * commune, a provincial reviewer and a leader none.
 */
function scopeOf(
  row: AccountSheetRow,
  existing: ExistingAccount | null,
  units: ReadonlyMap<string, ScopeReference>,
  communes: ReadonlyMap<string, ScopeReference>,
): { unit: ScopeReference | null; commune: ScopeReference | null } | Problem[] {
  const problems: Problem[] = [];
  const role = row.role;
  const unused = (column: AccountColumnKey) => problems.push({ column, message: ACCOUNT_IMPORT_MESSAGES.notForRole(role, accountHeaderOf(column)) });
  let wantsUnit = false;
  let wantsCommune = false;
  if (role === "UNIT_OFFICER") {
    if (row.reviewerLevel) unused("reviewerLevel");
    if (row.unitCode && row.communeCode) problems.push({ column: "communeCode", message: ACCOUNT_IMPORT_MESSAGES.officerOneScope });
    else if (!row.unitCode && !row.communeCode) problems.push({ column: "unitCode", message: ACCOUNT_IMPORT_MESSAGES.officerNeedsScope });
    wantsUnit = !!row.unitCode && !row.communeCode;
    wantsCommune = !!row.communeCode && !row.unitCode;
  } else if (role === "REVIEWER") {
    if (row.unitCode) unused("unitCode");
    if (!row.reviewerLevel) problems.push({ column: "reviewerLevel", message: ACCOUNT_IMPORT_MESSAGES.reviewerNeedsLevel });
    else if (row.reviewerLevel === "COMMUNE_POLICE" && !row.communeCode) problems.push({ column: "communeCode", message: ACCOUNT_IMPORT_MESSAGES.communeReviewerNeedsCommune });
    else if (row.reviewerLevel === "PROVINCIAL_POLICE" && row.communeCode) problems.push({ column: "communeCode", message: ACCOUNT_IMPORT_MESSAGES.provincialReviewerNoCommune });
    wantsCommune = row.reviewerLevel === "COMMUNE_POLICE" && !!row.communeCode;
  } else {
    if (row.unitCode) unused("unitCode");
    if (row.communeCode) unused("communeCode");
    if (row.reviewerLevel) unused("reviewerLevel");
  }
  let unit: ScopeReference | null = null;
  let commune: ScopeReference | null = null;
  // A deactivated unit or commune may stay an account's scope (the export writes it back), but no
  // account is newly given one.
  if (wantsUnit) {
    const found = units.get(row.unitCode!);
    if (!found) problems.push({ column: "unitCode", message: ACCOUNT_IMPORT_MESSAGES.unknownUnit(row.unitCode!) });
    else if (!found.isActive && existing?.unitId !== found.id) problems.push({ column: "unitCode", message: ACCOUNT_IMPORT_MESSAGES.inactiveUnit(row.unitCode!) });
    else unit = found;
  }
  if (wantsCommune) {
    const found = communes.get(row.communeCode!);
    if (!found) problems.push({ column: "communeCode", message: ACCOUNT_IMPORT_MESSAGES.unknownCommune(row.communeCode!) });
    else if (!found.isActive && existing?.areaId !== found.id) problems.push({ column: "communeCode", message: ACCOUNT_IMPORT_MESSAGES.inactiveCommune(row.communeCode!) });
    else commune = found;
  }
  return problems.length > 0 ? problems : { unit, commune };
}

export function planAccountImport(parsed: ParsedAccounts, context: AccountImportContext): AccountImportPlan {
  const problems = [...parsed.problems];
  const accounts = new Map(context.accounts.map((a) => [a.username, a]));
  const units = new Map(context.units.map((u) => [u.code, u]));
  const communes = new Map(context.communes.map((c) => [c.code, c]));
  const firstRowOf = new Map<string, number>();
  const plan: AccountImportPlan = { add: [], update: [], unchanged: [], problems };

  for (const { rowNumber, values: row } of parsed.rows) {
    const add = (column: AccountColumnKey, message: string) => problems.push({ row: rowNumber, column: accountHeaderOf(column), message });
    const seen = firstRowOf.get(row.username);
    if (seen !== undefined) {
      add("username", ACCOUNT_IMPORT_MESSAGES.duplicate(row.username, seen));
      continue;
    }
    firstRowOf.set(row.username, rowNumber);
    const existing = accounts.get(row.username) ?? null;
    if (existing?.role === "ADMIN") {
      add("username", ACCOUNT_IMPORT_MESSAGES.adminAccount(row.username));
      continue;
    }
    if (row.role === "ADMIN") {
      add("role", ACCOUNT_IMPORT_MESSAGES.adminRole);
      continue;
    }
    const scope = scopeOf(row, existing, units, communes);
    if (Array.isArray(scope)) {
      for (const p of scope) add(p.column, p.message);
      continue;
    }
    const values: AccountValues = {
      username: row.username,
      fullName: row.fullName,
      role: row.role,
      unitId: scope.unit?.id ?? null,
      areaId: scope.commune?.id ?? null,
      reviewerLevel: row.role === "REVIEWER" ? row.reviewerLevel : null,
      isActive: (row.state ?? "ACTIVE") === "ACTIVE",
    };
    const scopeName = scope.unit?.name ?? scope.commune?.name ?? (row.role === "LEADER" ? "Toàn tỉnh" : ROLE_LABELS[row.role] + (values.reviewerLevel ? ` – ${REVIEWER_LEVEL_LABELS[values.reviewerLevel]}` : ""));
    if (!existing) {
      plan.add.push({ rowNumber, values, scopeName, existing: null, changed: [], revokesSessions: false });
      continue;
    }
    const changed = COMPARED.filter(([field]) => values[field] !== existing[field]).map(([, column]) => accountHeaderOf(column));
    const planned = { rowNumber, values, scopeName, existing, changed, revokesSessions: ACCESS.some((f) => values[f] !== existing[f as keyof ExistingAccount]) };
    (changed.length > 0 ? plan.update : plan.unchanged).push(planned);
  }
  if (plan.add.length > MAX_IMPORTED_ACCOUNTS) problems.push({ row: null, column: null, message: ACCOUNT_IMPORT_MESSAGES.tooMany });
  plan.problems = sortProblems(problems, ACCOUNT_COLUMNS);
  return plan;
}

