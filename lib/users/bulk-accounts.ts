/**
 * Creating the accounts a province needs in one run (issue 10 §4): every unit, commune or commune
 * police post that has no active account gets one, with a one-time password shown once — on
 * screen and as a workbook built in the same response, never stored — that must be replaced at the
 * first sign-in. One transaction; one audit event per account (never with a password).
 */
import ExcelJS from "exceljs";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ReviewerLevel, Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { hashOneTimePassword } from "@/lib/auth/password";
import { ROLE_LABELS, REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { MAX_BULK_ACCOUNTS, proposeAccounts, type BulkAccountsInput, type Candidate, type ProposedAccount } from "./bulk-account-plan";
import { generateOneTimePassword } from "./one-time-password";

type Db = PrismaClient | Prisma.TransactionClient;

/** Who still needs an account for the target, in code order. */
export async function bulkCandidates(db: Db, input: BulkAccountsInput): Promise<Candidate[]> {
  const select = { id: true, code: true, name: true } as const;
  switch (input.target) {
    case "UNIT_OFFICERS":
      return db.unit.findMany({
        where: {
          isActive: true,
          kind: input.kind ?? { not: "XA" },
          ...(input.communeId ? { communeId: input.communeId } : {}),
          users: { none: { isActive: true, role: "UNIT_OFFICER" } },
        },
        orderBy: { code: "asc" },
        select,
      });
    case "COMMUNE_OFFICERS":
    case "COMMUNE_REVIEWERS":
      return db.administrativeArea.findMany({
        where: {
          level: "COMMUNE",
          isActive: true,
          ...(input.communeId ? { id: input.communeId } : {}),
          users: {
            none:
              input.target === "COMMUNE_OFFICERS"
                ? { isActive: true, role: "UNIT_OFFICER", unitId: null }
                : { isActive: true, role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE" },
          },
        },
        orderBy: { code: "asc" },
        select,
      });
  }
}

/** The accounts a run would create now (the preview). */
export async function previewBulkAccounts(prisma: PrismaClient, actor: Actor | null, input: BulkAccountsInput): Promise<ProposedAccount[]> {
  authorize(actor, { action: "user.manage" });
  const candidates = await bulkCandidates(prisma, input);
  const taken = new Set((await prisma.user.findMany({ select: { username: true } })).map((u) => u.username));
  return proposeAccounts(input.target, candidates, taken);
}

export type IssuedAccount = ProposedAccount & { oneTimePassword: string };

export async function createAccountsInBulk(prisma: PrismaClient, actor: Actor | null, input: BulkAccountsInput): Promise<{ accounts: IssuedAccount[]; workbookBase64: string }> {
  const planned = await previewBulkAccounts(prisma, actor, input);
  if (planned.length === 0) throw new UserFacingError("Không còn đơn vị, xã nào thiếu tài khoản theo lựa chọn này.");
  if (planned.length > MAX_BULK_ACCOUNTS) {
    throw new UserFacingError(`Mỗi lần tạo tối đa ${MAX_BULK_ACCOUNTS.toLocaleString("vi-VN")} tài khoản; hãy lọc theo loại đơn vị hoặc xã.`);
  }
  // Hashing outside the transaction (it is the slow part); a few at a time keeps libuv's pool busy.
  const accounts: IssuedAccount[] = planned.map((a) => ({ ...a, oneTimePassword: generateOneTimePassword() }));
  const hashes: string[] = [];
  for (let i = 0; i < accounts.length; i += 16) {
    hashes.push(...(await Promise.all(accounts.slice(i, i + 16).map((a) => hashOneTimePassword(a.oneTimePassword)))));
  }
  try {
    await prisma.$transaction(
      async (tx) => {
        // Someone may have created accounts since the preview: the run must still be exactly the plan.
        const now = await bulkCandidates(tx, input);
        const ids = new Set(now.map((c) => c.id));
        if (planned.some((a) => !ids.has((a.unitId ?? a.areaId)!))) {
          throw new UserFacingError("Danh sách vừa thay đổi (có tài khoản mới được tạo). Vui lòng xem lại và tạo lại.");
        }
        const created = await tx.user.createManyAndReturn({
          data: accounts.map((a, i) => ({
            username: a.username,
            fullName: a.fullName,
            passwordHash: hashes[i]!,
            mustChangePassword: true,
            role: a.role,
            unitId: a.unitId,
            areaId: a.areaId,
            reviewerLevel: a.reviewerLevel,
          })),
          select: { id: true, username: true, fullName: true, role: true, reviewerLevel: true, unitId: true, areaId: true, isActive: true },
        });
        for (const user of created) {
          await recordAudit(tx, { actor, action: "user.created", entityType: "User", entityId: user.id, after: user, meta: { bulk: input.target } });
        }
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserFacingError("Một tên đăng nhập vừa được dùng cho tài khoản khác. Vui lòng thử lại.");
    }
    throw error;
  }
  return { accounts, workbookBase64: await accountsWorkbook(accounts) };
}

/** What the list of one-time passwords shows of an account (bulk runs and imports alike). */
export type HandedOverAccount = Pick<IssuedAccount, "username" | "fullName" | "scopeName" | "oneTimePassword"> & { role: Role; reviewerLevel: ReviewerLevel | null };

/** The list to hand over, as a workbook (built in the response, never stored). */
export async function accountsWorkbook(accounts: readonly HandedOverAccount[], fullNameHeader = "Họ và tên (sửa sau)"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tài khoản");
  sheet.columns = [
    { header: "STT", key: "n", width: 6 },
    { header: "Tên đăng nhập", key: "username", width: 28 },
    { header: "Mật khẩu dùng một lần", key: "password", width: 22 },
    { header: fullNameHeader, key: "fullName", width: 40 },
    { header: "Phụ trách", key: "scope", width: 40 },
    { header: "Vai trò", key: "role", width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  accounts.forEach((a, i) =>
    sheet.addRow({
      n: i + 1,
      username: a.username,
      password: a.oneTimePassword,
      fullName: a.fullName,
      scope: a.scopeName,
      role: a.reviewerLevel ? `${ROLE_LABELS[a.role]} – ${REVIEWER_LEVEL_LABELS[a.reviewerLevel]}` : ROLE_LABELS[a.role],
    }),
  );
  sheet.addRow([]);
  sheet.addRow(["", "Mật khẩu chỉ dùng cho lần đăng nhập đầu tiên; người dùng phải đặt mật khẩu mới. Hãy giao riêng cho từng người và hủy tệp này sau khi giao."]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}
