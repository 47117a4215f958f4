/**
 * Any registry list's import as use-cases (the edge around lib/registry/import): preview, commit
 * and the problems workbook. A list is a `ListImportSpec`: its sheet, how its rows are parsed and
 * planned against what exists, how a batch is written, its audit action and the tables it locks.
 * Each use-case authorizes `registry.import` before it reads anything. The preview writes nothing
 * and answers a plan token, the file's SHA-256; the commit receives the same file again with that
 * token, reads and plans it again inside one transaction (records may have changed since the
 * preview) and writes every row or none, with one audit event (ADR 0008).
 */
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditAction, AuditEntityType } from "@/lib/audit/audit-actions";
import { readSpreadsheet } from "./import/read-workbook";
import { buildProblemsWorkbook } from "./import/list-workbook";
import type { ListImportPlan, Planned } from "./import/plan-by-code";
import type { ImportProblem, SheetData } from "./import/sheet";

export type Db = PrismaClient | Prisma.TransactionClient;

export type ImportFile = { bytes: Uint8Array; fileName: string };

/** Problems sent to the browser at most (the problems workbook always has them all). */
export const MAX_PROBLEMS_SHOWN = 2000;
/** Rows to add or update listed in the preview at most (the counts are always exact). */
export const MAX_CHANGES_SHOWN = 500;
/** Codes listed in the audit event per kind of change at most; the counts are always exact. */
export const MAX_AUDIT_CODES = 500;
/** Rows written per statement. */
export const IMPORT_BATCH = 1000;

export type PreviewChange = { rowNumber: number; code: string; name: string; action: "add" | "update"; changed: string[] };
export type ImportPreview = {
  fileName: string;
  sha256: string;
  rows: number;
  counts: { add: number; update: number; unchanged: number; problems: number };
  problems: ImportProblem[];
  changes: PreviewChange[];
};
export type ImportResult = { sha256: string; added: number; updated: number; unchanged: number };

/**
 * Options of a commit made by code rather than by a person at the screen. `newId`: the id a new
 * record gets, from its code (the demo seed keeps its stable ids so that what it writes by id
 * afterwards lines up, and a second run finds the same rows); absent, the database draws one.
 */
export type CommitOptions = { newId?: (code: string) => string };

export type ImportOutcome<T> = { ok: true; data: T } | { ok: false; message: string; preview?: ImportPreview };

export const IMPORT_OUTCOME_MESSAGES = {
  hasProblems: "Tệp còn lỗi nên chưa ghi dòng nào; vui lòng sửa các lỗi được liệt kê rồi tải lên lại.",
  otherFile: "Tệp gửi lên khác với tệp đã xem trước; vui lòng xem trước lại rồi mới ghi dữ liệu.",
} as const;

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

type Coded = { code: string; name: string };

export type ListImportSpec<P, C, V extends Coded> = {
  sheetName: string;
  auditAction: AuditAction;
  entityType: AuditEntityType;
  /**
   * LOCK TABLE statements run first in the commit's transaction: nobody else writes what the plan
   * depends on until the import commits (reads go on), so codes, names and counts stay as planned.
   */
  locks: readonly string[];
  /** Said when a unique code was taken by someone else meanwhile (a lock this list does not take). */
  changedMeanwhile: string;
  parse(sheet: SheetData): P;
  loadContext(db: Db): Promise<C>;
  plan(parsed: P, context: C): ListImportPlan<V>;
  insert(tx: Prisma.TransactionClient, batch: readonly Planned<V>[], context: C): Promise<void>;
  update(tx: Prisma.TransactionClient, batch: readonly Planned<V>[], context: C): Promise<void>;
};

type Read<P> = { ok: true; sheet: SheetData; parsed: P; sha256: string } | { ok: false; message: string };

async function readList<P>(spec: { sheetName: string; parse(sheet: SheetData): P }, file: ImportFile): Promise<Read<P>> {
  const read = await readSpreadsheet(file.bytes, file.fileName, spec.sheetName);
  if (!read.ok) return read;
  return { ok: true, sheet: read.sheet, parsed: spec.parse(read.sheet), sha256: sha256Of(file.bytes) };
}

function previewOf<V extends Coded>(file: ImportFile, sha256: string, rows: number, plan: ListImportPlan<V>): ImportPreview {
  const changes: PreviewChange[] = [
    ...plan.add.map((p) => ({ rowNumber: p.rowNumber, code: p.values.code, name: p.values.name, action: "add" as const, changed: [] })),
    ...plan.update.map((p) => ({ rowNumber: p.rowNumber, code: p.values.code, name: p.values.name, action: "update" as const, changed: p.changed })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    fileName: file.fileName,
    sha256,
    rows,
    counts: { add: plan.add.length, update: plan.update.length, unchanged: plan.unchanged.length, problems: plan.problems.length },
    problems: plan.problems.slice(0, MAX_PROBLEMS_SHOWN),
    changes: changes.slice(0, MAX_CHANGES_SHOWN),
  };
}

/** What the import would do; writes nothing. */
export async function previewListImport<P, C, V extends Coded>(spec: ListImportSpec<P, C, V>, prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<ImportPreview>> {
  authorize(actor, { action: "registry.import" });
  const read = await readList(spec, file);
  if (!read.ok) return read;
  const plan = spec.plan(read.parsed, await spec.loadContext(prisma));
  return { ok: true, data: previewOf(file, read.sha256, read.sheet.rows.length, plan) };
}

class Refused extends Error {
  constructor(readonly preview: ImportPreview) {
    super("import refused");
  }
}

/**
 * Writes the file's rows, all or none. `expectedSha256` is the token of the preview the person
 * saw: a different file is refused. Importing a file that changes nothing writes nothing, not even
 * an audit event.
 */
export async function commitListImport<P, C, V extends Coded>(
  spec: ListImportSpec<P, C, V>,
  prisma: PrismaClient,
  actor: Actor | null,
  file: ImportFile,
  expectedSha256: string,
  options: CommitOptions = {},
): Promise<ImportOutcome<ImportResult>> {
  authorize(actor, { action: "registry.import" });
  const read = await readList(spec, file);
  if (!read.ok) return read;
  if (read.sha256 !== expectedSha256) return { ok: false, message: IMPORT_OUTCOME_MESSAGES.otherFile };
  try {
    return await prisma.$transaction(
      async (tx) => {
        for (const lock of spec.locks) await tx.$executeRawUnsafe(lock);
        const context = await spec.loadContext(tx);
        const plan = spec.plan(read.parsed, context);
        if (plan.problems.length > 0) throw new Refused(previewOf(file, read.sha256, read.sheet.rows.length, plan));
        const result = { sha256: read.sha256, added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged.length };
        if (plan.add.length === 0 && plan.update.length === 0) return { ok: true as const, data: result };
        // An insert writes `values.id` when it is given, else draws one (COALESCE in its SQL).
        const { newId } = options;
        const add = newId ? plan.add.map((p) => ({ ...p, values: { ...p.values, id: newId(p.values.code) } })) : plan.add;
        for (let i = 0; i < add.length; i += IMPORT_BATCH) await spec.insert(tx, add.slice(i, i + IMPORT_BATCH), context);
        for (let i = 0; i < plan.update.length; i += IMPORT_BATCH) await spec.update(tx, plan.update.slice(i, i + IMPORT_BATCH), context);
        const codes = (list: typeof plan.add) => list.slice(0, MAX_AUDIT_CODES).map((p) => p.values.code);
        await recordAudit(tx, {
          actor,
          action: spec.auditAction,
          entityType: spec.entityType,
          meta: {
            fileName: file.fileName,
            sha256: read.sha256,
            rows: read.sheet.rows.length,
            added: plan.add.length,
            updated: plan.update.length,
            unchanged: plan.unchanged.length,
            addedCodes: codes(plan.add),
            updatedCodes: codes(plan.update),
            codesTruncated: plan.add.length > MAX_AUDIT_CODES || plan.update.length > MAX_AUDIT_CODES,
          },
        });
        return { ok: true as const, data: result };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: IMPORT_OUTCOME_MESSAGES.hasProblems, preview: error.preview };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, message: spec.changedMeanwhile };
    throw error;
  }
}

/** The uploaded sheet with its bad cells marked, or the message of a file that could not be read. */
export async function listImportProblemsWorkbook<P, C, V extends Coded>(spec: ListImportSpec<P, C, V>, prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<Uint8Array<ArrayBuffer>>> {
  authorize(actor, { action: "registry.import" });
  const read = await readList(spec, file);
  if (!read.ok) return read;
  const plan = spec.plan(read.parsed, await spec.loadContext(prisma));
  return { ok: true, data: await buildProblemsWorkbook(read.sheet, plan.problems, spec.sheetName) };
}

/** Asserts one statement wrote the whole batch (the tables are locked: every planned record is there). */
export function expectCount(count: number, batch: readonly unknown[], what: string): void {
  if (count !== batch.length) throw new Error(`${what}: ${count} of ${batch.length}`);
}
