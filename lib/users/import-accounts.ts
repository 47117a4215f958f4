/**
 * The accounts import as use-cases (issue 10 §4, "from their own sheet"): preview, commit, the
 * problems workbook, the template and the export. The protocol is the units import's (ADR 0008):
 * the preview writes nothing and answers the file's SHA-256; the commit receives the same file
 * with that token, plans it again inside one transaction and writes every row or none, with one
 * audit event. Only `user.manage` (ADMIN). What an import may and may not do to accounts:
 * ADR 0010 (no ADMIN created or touched; sessions end on a role/scope/state change; passwords
 * of existing accounts never change; new accounts get one-time passwords shown once).
 */
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { hashOneTimePassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { readSpreadsheet } from "@/lib/registry/import/read-workbook";
import type { ImportProblem, SheetData } from "@/lib/registry/import/sheet";
import { ACCOUNT_SHEET_NAME, accountSheetCells } from "./import/account-columns";
import { buildAccountProblemsWorkbook, buildAccountWorkbook } from "./import/account-workbook";
import { parseAccountRows, planAccountImport, type AccountImportContext, type AccountImportPlan, type ParsedAccounts, type PlannedAccount } from "./import/plan-accounts";
import { accountsWorkbook, type HandedOverAccount } from "./bulk-accounts";
import { generateOneTimePassword } from "./one-time-password";

type Db = PrismaClient | Prisma.TransactionClient;

export type ImportFile = { bytes: Uint8Array; fileName: string };
export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const MAX_ACCOUNT_PROBLEMS_SHOWN = 2000;
export const MAX_ACCOUNT_CHANGES_SHOWN = 500;
export const MAX_AUDIT_USERNAMES = 500;
const BATCH = 1000;

export type AccountPreviewChange = { rowNumber: number; username: string; fullName: string; action: "add" | "update"; changed: string[]; revokesSessions: boolean };
export type AccountImportPreview = {
  fileName: string;
  sha256: string;
  rows: number;
  counts: { add: number; update: number; unchanged: number; problems: number; revokesSessions: number };
  problems: ImportProblem[];
  changes: AccountPreviewChange[];
};
export type AccountImportResult = {
  sha256: string;
  added: number;
  updated: number;
  unchanged: number;
  /** The new accounts and their one-time passwords: shown once, never stored in clear. */
  accounts: HandedOverAccount[];
  /** The same list as a workbook (base64), built in the response; null when nothing was created. */
  workbookBase64: string | null;
};
export type AccountImportOutcome<T> = { ok: true; data: T } | { ok: false; message: string; preview?: AccountImportPreview };

export const ACCOUNT_OUTCOME_MESSAGES = {
  hasProblems: "Tệp còn lỗi nên chưa ghi dòng nào; vui lòng sửa các lỗi được liệt kê rồi tải lên lại.",
  otherFile: "Tệp gửi lên khác với tệp đã xem trước; vui lòng xem trước lại rồi mới ghi dữ liệu.",
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

type Read = { ok: true; sheet: SheetData; parsed: ParsedAccounts; sha256: string } | { ok: false; message: string };

async function readAccounts(file: ImportFile): Promise<Read> {
  const read = await readSpreadsheet(file.bytes, file.fileName, ACCOUNT_SHEET_NAME);
  if (!read.ok) return read;
  return { ok: true, sheet: read.sheet, parsed: parseAccountRows(read.sheet), sha256: sha256Of(file.bytes) };
}

function previewOf(file: ImportFile, sha256: string, rows: number, plan: AccountImportPlan): AccountImportPreview {
  const change = (action: "add" | "update") => (p: PlannedAccount): AccountPreviewChange => ({
    rowNumber: p.rowNumber,
    username: p.values.username,
    fullName: p.values.fullName,
    action,
    changed: p.changed,
    revokesSessions: p.revokesSessions,
  });
  const changes = [...plan.add.map(change("add")), ...plan.update.map(change("update"))].sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    fileName: file.fileName,
    sha256,
    rows,
    counts: {
      add: plan.add.length,
      update: plan.update.length,
      unchanged: plan.unchanged.length,
      problems: plan.problems.length,
      revokesSessions: plan.update.filter((p) => p.revokesSessions).length,
    },
    problems: plan.problems.slice(0, MAX_ACCOUNT_PROBLEMS_SHOWN),
    changes: changes.slice(0, MAX_ACCOUNT_CHANGES_SHOWN),
  };
}

/** What the import would do; writes nothing. */
export async function previewAccountImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<AccountImportOutcome<AccountImportPreview>> {
  authorize(actor, { action: "user.manage" });
  const read = await readAccounts(file);
  if (!read.ok) return read;
  const plan = planAccountImport(read.parsed, await loadContext(prisma));
  return { ok: true, data: previewOf(file, read.sha256, read.sheet.rows.length, plan) };
}

class Refused extends Error {
  constructor(readonly outcome: AccountImportOutcome<never>) {
    super("import refused");
  }
}

const sameUsernames = (a: readonly PlannedAccount[], b: readonly PlannedAccount[]) => a.length === b.length && a.every((p, i) => p.values.username === b[i]!.values.username);

/**
 * Writes the file's rows, all or none. The one-time passwords of new accounts are generated and
 * hashed before the transaction (scrypt is the slow part), for the accounts the plan then had; the
 * transaction plans again and refuses if the accounts to create are not those any more. Updates
 * are compare-and-set on the values the plan read, so a concurrent edit of the same account is
 * refused rather than overwritten (no table lock: sign-ins keep writing to "User" meanwhile).
 */
export async function commitAccountImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile, expectedSha256: string): Promise<AccountImportOutcome<AccountImportResult>> {
  authorize(actor, { action: "user.manage" });
  const read = await readAccounts(file);
  if (!read.ok) return read;
  if (read.sha256 !== expectedSha256) return { ok: false, message: ACCOUNT_OUTCOME_MESSAGES.otherFile };
  const rows = read.sheet.rows.length;
  const first = planAccountImport(read.parsed, await loadContext(prisma));
  if (first.problems.length > 0) return { ok: false, message: ACCOUNT_OUTCOME_MESSAGES.hasProblems, preview: previewOf(file, read.sha256, rows, first) };
  const passwords = first.add.map(() => generateOneTimePassword());
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 16) hashes.push(...(await Promise.all(passwords.slice(i, i + 16).map(hashOneTimePassword))));

  try {
    const plan = await prisma.$transaction(
      async (tx) => {
        const plan = planAccountImport(read.parsed, await loadContext(tx));
        if (plan.problems.length > 0) throw new Refused({ ok: false, message: ACCOUNT_OUTCOME_MESSAGES.hasProblems, preview: previewOf(file, read.sha256, rows, plan) });
        if (!sameUsernames(plan.add, first.add)) throw new Refused({ ok: false, message: ACCOUNT_OUTCOME_MESSAGES.changedMeanwhile });
        if (plan.add.length === 0 && plan.update.length === 0) return plan;
        for (let i = 0; i < plan.add.length; i += BATCH) {
          await tx.user.createMany({
            data: plan.add.slice(i, i + BATCH).map((p, j) => ({ ...p.values, passwordHash: hashes[i + j]!, mustChangePassword: true })),
          });
        }
        for (let i = 0; i < plan.update.length; i += BATCH) await updateAccounts(tx, plan.update.slice(i, i + BATCH));
        const usernames = (list: readonly PlannedAccount[]) => list.slice(0, MAX_AUDIT_USERNAMES).map((p) => p.values.username);
        const revoked = plan.update.filter((p) => p.revokesSessions);
        await recordAudit(tx, {
          actor,
          action: "user.accounts.imported",
          entityType: "User",
          // Never a password: the one-time ones exist only in this response.
          meta: {
            fileName: file.fileName,
            sha256: read.sha256,
            rows,
            added: plan.add.length,
            updated: plan.update.length,
            unchanged: plan.unchanged.length,
            sessionsRevoked: revoked.length,
            addedUsernames: usernames(plan.add),
            updatedUsernames: usernames(plan.update),
            revokedUsernames: usernames(revoked),
            usernamesTruncated: plan.add.length > MAX_AUDIT_USERNAMES || plan.update.length > MAX_AUDIT_USERNAMES,
          },
        });
        return plan;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    const accounts: HandedOverAccount[] = plan.add.map((p, i) => ({
      username: p.values.username,
      fullName: p.values.fullName,
      scopeName: p.scopeName,
      role: p.values.role,
      reviewerLevel: p.values.reviewerLevel,
      oneTimePassword: passwords[i]!,
    }));
    return {
      ok: true,
      data: {
        sha256: read.sha256,
        added: plan.add.length,
        updated: plan.update.length,
        unchanged: plan.unchanged.length,
        accounts,
        workbookBase64: accounts.length > 0 ? await accountsWorkbook(accounts, "Họ và tên") : null,
      },
    };
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    if (error instanceof ChangedMeanwhile) return { ok: false, message: ACCOUNT_OUTCOME_MESSAGES.changedMeanwhile };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, message: ACCOUNT_OUTCOME_MESSAGES.changedMeanwhile };
    throw error;
  }
}

class ChangedMeanwhile extends Error {}

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

/** The uploaded sheet with its bad cells marked, or the message of a file that could not be read. */
export async function accountImportProblemsWorkbook(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<AccountImportOutcome<Uint8Array<ArrayBuffer>>> {
  authorize(actor, { action: "user.manage" });
  const read = await readAccounts(file);
  if (!read.ok) return read;
  const plan = planAccountImport(read.parsed, await loadContext(prisma));
  return { ok: true, data: await buildAccountProblemsWorkbook(read.sheet, plan.problems) };
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
