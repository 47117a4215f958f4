/**
 * The accounts list as a sheet (issue 10 §4 "from their own sheet"): its columns in the
 * template's order, the Vietnamese labels of roles, reviewer levels and states, and an account
 * as one row of the export (the same format the import reads, so export → import changes nothing).
 * Passwords are no column: the import never sets one on an existing account, and new accounts
 * get one-time passwords generated on the server.
 */
import type { ReviewerLevel, Role } from "@/lib/generated/prisma/enums";
import { REVIEWER_LEVEL_LABELS, ROLE_LABELS } from "@/lib/auth/actor";
import { usernameSchema } from "@/lib/users/user-schemas";
import { hasControlCharacters, CONTROL_CHARACTER_MESSAGE } from "@/lib/validation/input-rules";
import { cellText, parseChoice, parseText, type Cell, type Converted } from "@/lib/registry/import/cells";
import type { ColumnDefinition } from "@/lib/registry/import/sheet";

export const ACCOUNT_SHEET_NAME = "Tài khoản";
export const FULL_NAME_MAX = 120;
export const SCOPE_CODE_MAX = 50;

export const ACCOUNT_STATES = ["ACTIVE", "INACTIVE"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
/** As the users list shows them. */
export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = { ACTIVE: "Hoạt động", INACTIVE: "Đã khóa" };

/** Roles an import may give: never ADMIN (ADR 0010, no escalation by file). */
export const IMPORTABLE_ROLES = ["UNIT_OFFICER", "REVIEWER", "LEADER"] as const satisfies readonly Role[];

/** One row as read, before unit and commune codes are looked up. */
export type AccountSheetRow = {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  communeCode: string | null;
  reviewerLevel: ReviewerLevel | null;
  /** null: left blank, i.e. active. */
  state: AccountState | null;
};

const username = (cell: Cell): Converted<string> => {
  const parsed = usernameSchema.safeParse(cellText(cell));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: `Tên đăng nhập “${cellText(cell)}” không hợp lệ: ${parsed.error.issues[0]?.message ?? ""}` };
};

const fullName = (cell: Cell): Converted<string> => {
  const text = cellText(cell);
  if (hasControlCharacters(text)) return { ok: false, message: CONTROL_CHARACTER_MESSAGE };
  if (text.length < 2) return { ok: false, message: "Họ và tên cần từ 2 ký tự." };
  if (text.length > FULL_NAME_MAX) return { ok: false, message: `Họ và tên tối đa ${FULL_NAME_MAX} ký tự.` };
  return { ok: true, value: text };
};

const scopeCode = (what: string) => (cell: Cell): Converted<string> => {
  const text = parseText(cell, SCOPE_CODE_MAX);
  if (text.ok && /\s/u.test(text.value)) return { ok: false, message: `${what} không được chứa khoảng trắng.` };
  return text;
};

/** The role drop-down offers the importable roles; the ADMIN label is still read, to be refused by name. */
export const ROLE_CHOICES = IMPORTABLE_ROLES.map((r) => ROLE_LABELS[r]);

/** Any role's label is read (ADMIN too, so the plan can refuse it by name); the message offers the importable ones. */
const role = (cell: Cell): Converted<Role> => {
  const parsed = parseChoice(cell, ROLE_LABELS);
  return parsed.ok ? parsed : { ok: false, message: `Giá trị “${cellText(cell)}” không có trong danh sách cho phép (${ROLE_CHOICES.join("; ")}).` };
};

export const ACCOUNT_COLUMNS = [
  { key: "username", header: "Tên đăng nhập", required: true, width: 24, parse: username, help: "Bắt buộc, 3–50 ký tự: chữ không dấu, chữ số và . _ - (chữ hoa được đổi thành chữ thường). Tên đã có thì cập nhật tài khoản đó (không đổi mật khẩu); tên mới thì tạo tài khoản mới với mật khẩu dùng một lần." },
  { key: "fullName", header: "Họ và tên", required: true, width: 32, parse: fullName, help: `Bắt buộc, 2–${FULL_NAME_MAX} ký tự.` },
  { key: "role", header: "Vai trò", required: true, width: 22, choices: ROLE_CHOICES, parse: role, help: `Bắt buộc, chọn trong danh sách (${ROLE_CHOICES.join("; ")}). Không thể tạo hoặc sửa tài khoản “${ROLE_LABELS.ADMIN}” bằng tệp.` },
  { key: "unitCode", header: "Mã đơn vị", required: false, width: 18, parse: scopeCode("Mã đơn vị"), help: "Chỉ cho “Cán bộ đơn vị” phụ trách một đơn vị: mã đơn vị đang theo dõi (xem danh sách đơn vị). Để trống với vai trò khác." },
  { key: "communeCode", header: "Mã xã", required: false, width: 14, choices: "communeCodes", parse: scopeCode("Mã xã"), help: "Cho “Cán bộ đơn vị” phụ trách cả một xã, phường (thay cho “Mã đơn vị”) và cho cán bộ thẩm định cấp “Công an xã, phường, đặc khu”: mã xã, phường đang hoạt động (chọn trong danh sách)." },
  { key: "reviewerLevel", header: "Cấp thẩm định", required: false, width: 28, choices: Object.values(REVIEWER_LEVEL_LABELS), parse: (c: Cell) => parseChoice(c, REVIEWER_LEVEL_LABELS), help: "Bắt buộc với “Cán bộ thẩm định”, chọn trong danh sách; để trống với vai trò khác." },
  { key: "state", header: "Trạng thái", required: false, width: 14, choices: Object.values(ACCOUNT_STATE_LABELS), parse: (c: Cell) => parseChoice(c, ACCOUNT_STATE_LABELS), help: `“${ACCOUNT_STATE_LABELS.ACTIVE}” hoặc “${ACCOUNT_STATE_LABELS.INACTIVE}”; để trống là “${ACCOUNT_STATE_LABELS.ACTIVE}”. Tài khoản không có trong tệp được giữ nguyên.` },
] as const satisfies readonly ColumnDefinition<unknown>[];

export type AccountColumnKey = (typeof ACCOUNT_COLUMNS)[number]["key"];
export const ACCOUNT_HEADERS = ACCOUNT_COLUMNS.map((c) => c.header);
export const accountHeaderOf = (key: AccountColumnKey) => ACCOUNT_COLUMNS.find((c) => c.key === key)!.header;

/** An account as the export writes it: its unit and commune as their codes. Never a password or hash. */
export type AccountForSheet = {
  username: string;
  fullName: string;
  role: Role;
  reviewerLevel: ReviewerLevel | null;
  isActive: boolean;
  unitCode: string | null;
  communeCode: string | null;
};

export function accountSheetCells(account: AccountForSheet): Record<AccountColumnKey, string> {
  return {
    username: account.username,
    fullName: account.fullName,
    role: ROLE_LABELS[account.role],
    unitCode: account.unitCode ?? "",
    communeCode: account.communeCode ?? "",
    reviewerLevel: account.reviewerLevel ? REVIEWER_LEVEL_LABELS[account.reviewerLevel] : "",
    state: ACCOUNT_STATE_LABELS[account.isActive ? "ACTIVE" : "INACTIVE"],
  };
}
