/**
 * The accounts import (issue 10 §4, "from their own sheet") as a list of the generic import
 * (lib/registry/import-list.ts, ADR 0008): preview, commit all or none with one audit event, the
 * problems workbook; plus the template and the export. Only `user.manage` (ADMIN). What an import may and may not do to accounts:
 * ADR 0010 (no ADMIN created or touched; sessions end on a role/scope/state change; passwords
 * of existing accounts never change; new accounts get one-time passwords shown once).
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { hashOneTimePassword } from "@/lib/auth/password";
import {
  ChangedMeanwhile,
  commitImport,
  importProblemsWorkbook,
  IMPORT_BATCH,
  IMPORT_OUTCOME_MESSAGES,
  MAX_AUDIT_CODES,
  previewImport,
  type Db,
  type ImportFile,
  type ImportOutcome,
  type ImportPreview,
  type ImportResult,
  type ImportSpec,
} from "@/lib/registry/import-list";
import { ACCOUNT_SHEET_NAME, accountSheetCells } from "./import/account-columns";
import { buildAccountWorkbook } from "./import/account-workbook";
import { parseAccountRows, planAccountImport, type AccountImportContext, type ParsedAccounts, type PlannedAccount } from "./import/plan-accounts";
import { accountsWorkbook, type HandedOverAccount } from "./bulk-accounts";
import { generateOneTimePassword } from "./one-time-password";

export type { ImportFile } from "@/lib/registry/import-list";
export { sha256Of } from "@/lib/registry/import-list";

export type AccountImportPreview = ImportPreview<"revokesSessions">;
export type AccountImportResult = ImportResult & {
  /** The new accounts and their one-time passwords: shown once, never stored in clear. */
  accounts: HandedOverAccount[];
  /** The same list as a workbook (base64), built in the response; null when nothing was created. */
  workbookBase64: string | null;
};
export type AccountImportOutcome<T> = ImportOutcome<T, "revokesSessions">;

export const ACCOUNT_OUTCOME_MESSAGES = {
  ...IMPORT_OUTCOME_MESSAGES,
  changedMeanwhile: "Danh sách tài khoản vừa được thay đổi bởi người khác; vui lòng xem trước lại.",
} as const;

async function loadContext(db: Db): Promise<AccountImportContext> {
  const [accounts, units, communes] = await Promise.all([
    // Never the password hash: the plan has no use for it.
    db.user.findMany({ select: { id: true, username: true, fullName: true, role: true, unitId: true, areaId: true, reviewerLevel: true, isActive: true }, orderBy: { username: "asc" } }),
    db.unit.findMany({ select: { id: true, code: true, name: true, isActive: true } }),
    db.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { id: true, code: true, name: true, isActive: true } }),
  ]);
  return { accounts, units, communes };
}

type Passwords = { clear: string[]; hashes: string[] };
const revoking = (plan: { update: PlannedAccount[] }) => plan.update.filter((p) => p.revokesSessions);

/**
 * The one-time passwords of new accounts are generated and hashed before the transaction (scrypt
 * is the slow part), for the accounts the plan then had; the commit refuses if the accounts to
 * create are not those any more. Updates are compare-and-set on the values the plan read, so a
 * concurrent edit of the same account is refused rather than overwritten (no table lock: sign-ins
 * keep writing to "User" meanwhile).
 */
const ACCOUNTS: ImportSpec<ParsedAccounts, AccountImportContext, PlannedAccount, Omit<AccountImportResult, keyof ImportResult>, Passwords, "revokesSessions"> = {
  sheetName: ACCOUNT_SHEET_NAME,
  permission: "user.manage",
  auditAction: "user.accounts.imported",
  entityType: "User",
  locks: [],
  changedMeanwhile: ACCOUNT_OUTCOME_MESSAGES.changedMeanwhile,
  parse: parseAccountRows,
  loadContext,
  plan: planAccountImport,
  describe: (p) => ({ code: p.values.username, name: p.values.fullName, changed: p.changed, ...(p.revokesSessions ? { note: "sẽ đăng xuất" } : {}) }),
  auditKeys: { added: "addedUsernames", updated: "updatedUsernames", truncated: "usernamesTruncated" },
  // Never a password: the one-time ones exist only in the commit's answer.
  auditMeta: (plan) => ({ sessionsRevoked: revoking(plan).length, revokedUsernames: revoking(plan).slice(0, MAX_AUDIT_CODES).map((p) => p.values.username) }),
  extraCounts: (plan) => ({ revokesSessions: revoking(plan).length }),
  notice: (plan) => {
    const n = revoking(plan).length;
    return n > 0 ? `${n} tài khoản đổi vai trò, phạm vi hoặc trạng thái sẽ bị đăng xuất trên mọi thiết bị.` : undefined;
  },
  async prepare(plan) {
    const clear = plan.add.map(() => generateOneTimePassword());
    const hashes: string[] = [];
    for (let i = 0; i < clear.length; i += 16) hashes.push(...(await Promise.all(clear.slice(i, i + 16).map(hashOneTimePassword))));
    return { clear, hashes };
  },
  async write(tx, plan, _context, passwords) {
    for (let i = 0; i < plan.add.length; i += IMPORT_BATCH) {
      await tx.user.createMany({
        data: plan.add.slice(i, i + IMPORT_BATCH).map((p, j) => ({ ...p.values, passwordHash: passwords!.hashes[i + j]!, mustChangePassword: true })),
      });
    }
    for (let i = 0; i < plan.update.length; i += IMPORT_BATCH) await updateAccounts(tx, plan.update.slice(i, i + IMPORT_BATCH));
  },
  async resultOf(plan, passwords) {
    const accounts: HandedOverAccount[] = plan.add.map((p, i) => ({
      username: p.values.username,
      fullName: p.values.fullName,
      scopeName: p.scopeName,
      role: p.values.role,
      reviewerLevel: p.values.reviewerLevel,
      oneTimePassword: passwords!.clear[i]!,
    }));
    return { accounts, workbookBase64: accounts.length > 0 ? await accountsWorkbook(accounts, "Họ và tên") : null };
  },
};

/** What the import would do; writes nothing. */
export function previewAccountImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<AccountImportOutcome<AccountImportPreview>> {
  return previewImport(ACCOUNTS, prisma, actor, file);
}

/** Writes the file's rows, all or none; new accounts get one-time passwords, answered once. */
export function commitAccountImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile, expectedSha256: string): Promise<AccountImportOutcome<AccountImportResult>> {
  return commitImport(ACCOUNTS, prisma, actor, file, expectedSha256);
}

/** The uploaded sheet with its bad cells marked, or the message of a file that could not be read. */
export function accountImportProblemsWorkbook(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<AccountImportOutcome<Uint8Array<ArrayBuffer>>> {
  return importProblemsWorkbook(ACCOUNTS, prisma, actor, file);
}

/**
 * One statement per batch (a JSON array as the single parameter, as the units import does), each
 * row applied only where the account still has the values the plan compared against. A role,
 * scope or state change bumps `sessionVersion`, which ends every open session of the account
 * (as the user form does); the password and `mustChangePassword` are never touched.
 */
async function updateAccounts(tx: Prisma.TransactionClient, batch: readonly PlannedAccount[]): Promise<void> {
  const rows = batch.map(({ values: v, existing: e, revokesSessions }) => ({
    id: e!.id,
    fullName: v.fullName,
    role: v.role,
    unitId: v.unitId,
    areaId: v.areaId,
    reviewerLevel: v.reviewerLevel,
    isActive: v.isActive,
    revoke: revokesSessions,
    oldFullName: e!.fullName,
    oldRole: e!.role,
    oldUnitId: e!.unitId,
    oldAreaId: e!.areaId,
    oldReviewerLevel: e!.reviewerLevel,
    oldIsActive: e!.isActive,
  }));
  const count = await tx.$executeRaw`
    UPDATE "User" AS u SET
      "fullName" = v."fullName", "role" = v."role", "unitId" = v."unitId", "areaId" = v."areaId",
      "reviewerLevel" = v."reviewerLevel", "isActive" = v."isActive",
      "sessionVersion" = u."sessionVersion" + CASE WHEN v."revoke" THEN 1 ELSE 0 END,
      "updatedAt" = CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
      "id" uuid, "fullName" text, "role" "Role", "unitId" uuid, "areaId" uuid, "reviewerLevel" "ReviewerLevel", "isActive" boolean, "revoke" boolean,
      "oldFullName" text, "oldRole" "Role", "oldUnitId" uuid, "oldAreaId" uuid, "oldReviewerLevel" "ReviewerLevel", "oldIsActive" boolean)
    WHERE u."id" = v."id" AND u."role" <> 'ADMIN'
      AND u."fullName" = v."oldFullName" AND u."role" = v."oldRole" AND u."isActive" = v."oldIsActive"
      AND u."unitId" IS NOT DISTINCT FROM v."oldUnitId" AND u."areaId" IS NOT DISTINCT FROM v."oldAreaId"
      AND u."reviewerLevel" IS NOT DISTINCT FROM v."oldReviewerLevel"`;
  if (count !== batch.length) throw new ChangedMeanwhile();
}

/**
 * The template (no rows) or the export: every account but administrators' (an import may not
 * touch those, so listing them would only make a file that cannot be re-imported), never a
 * password or hash.
 */
export async function accountWorkbook(prisma: PrismaClient, actor: Actor | null, withAccounts: boolean): Promise<Uint8Array<ArrayBuffer>> {
  authorize(actor, { action: "user.manage" });
  const [communes, users] = await Promise.all([
    prisma.administrativeArea.findMany({ where: { level: "COMMUNE", isActive: true }, select: { code: true }, orderBy: { code: "asc" } }),
    withAccounts
      ? prisma.user.findMany({
          where: { role: { not: "ADMIN" } },
          select: { username: true, fullName: true, role: true, reviewerLevel: true, isActive: true, unit: { select: { code: true } }, area: { select: { code: true } } },
          orderBy: { username: "asc" },
        })
      : Promise.resolve([]),
  ]);
  const rows = users.map((u) => accountSheetCells({ ...u, unitCode: u.unit?.code ?? null, communeCode: u.area?.code ?? null }));
  return buildAccountWorkbook({ rows, communeCodes: communes.map((c) => c.code) });
}
