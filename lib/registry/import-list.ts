/**
 * Any list's import as use-cases (the edge around lib/registry/import): preview, commit and the
 * problems workbook. A list is an `ImportSpec`: its sheet, how its rows are parsed and planned
 * against what exists, how the plan is written, its permission, audit action and the tables it
 * locks (units, communes, authorities, sub-units; accounts in lib/users). Each use-case
 * authorizes the list's permission before it reads anything. The preview writes nothing
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

/** Who may import a list: the registry's lists, or the accounts (ADMIN only). */
export type ImportPermission = "registry.import" | "user.manage";

/** One row to add or update as the preview lists it: its key (a code, "unit code" of a sub-unit, a username) and name. */
export type PreviewChange = { rowNumber: number; code: string; name: string; action: "add" | "update"; changed: string[]; note?: string };
export type ImportCounts = { add: number; update: number; unchanged: number; problems: number };
export type ImportPreview<K extends string = never> = {
  fileName: string;
  sha256: string;
  rows: number;
  counts: ImportCounts & Record<K, number>;
  /** A consequence of the commit the person should read first (e.g. sessions that will end). */
  notice?: string;
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

export type ImportOutcome<T, K extends string = never> = { ok: true; data: T } | { ok: false; message: string; preview?: ImportPreview<K> };

export const IMPORT_OUTCOME_MESSAGES = {
  hasProblems: "Tệp còn lỗi nên chưa ghi dòng nào; vui lòng sửa các lỗi được liệt kê rồi tải lên lại.",
  otherFile: "Tệp gửi lên khác với tệp đã xem trước; vui lòng xem trước lại rồi mới ghi dữ liệu.",
} as const;

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Thrown by a spec's write when a record it compares against changed since the plan read it. */
export class ChangedMeanwhile extends Error {
  constructor() {
    super("changed meanwhile");
  }
}

export type ImportPlan<T> = { add: T[]; update: T[]; unchanged: T[]; problems: ImportProblem[] };

/**
 * Any list's import. `T` is a planned row, `X` what the commit answers besides the counts,
 * `Prep` slow work done for the rows to add before the transaction (the accounts' password
 * hashes), `K` counts of the preview besides the four every list has.
 */
export type ImportSpec<P, C, T extends { rowNumber: number }, X extends object = object, Prep = null, K extends string = never> = {
  sheetName: string;
  permission: ImportPermission;
  auditAction: AuditAction;
  entityType: AuditEntityType;
  /**
   * Statements run first in the commit's transaction (LOCK TABLE …): nobody else writes what the
   * plan depends on until the import commits (reads go on), so keys, names and counts stay as planned.
   */
  locks: readonly string[];
  /** Said when a key was taken or a record changed by someone else meanwhile. */
  changedMeanwhile: string;
  parse(sheet: SheetData): P;
  loadContext(db: Db, parsed: P): Promise<C>;
  plan(parsed: P, context: C): ImportPlan<T>;
  /** A planned row's key and name, and the headers of the columns it changes. */
  describe(row: T): { code: string; name: string; changed: string[]; note?: string };
  /** How the audit event lists a row (default: its key) and under which meta keys. */
  auditLabel?(row: T): string;
  auditKeys?: { added: string; updated: string; truncated: string };
  auditMeta?(plan: ImportPlan<T>, parsed: P): Record<string, unknown>;
  extraCounts?(plan: ImportPlan<T>): Record<K, number>;
  notice?(plan: ImportPlan<T>): string | undefined;
  prepare?(plan: ImportPlan<T>): Promise<Prep>;
  /** Writes the plan's rows (`prepared` is prepare's answer for exactly `plan.add`, or null). */
  write(tx: Prisma.TransactionClient, plan: ImportPlan<T>, context: C, prepared: Prep | null): Promise<void>;
  /** What the commit answers besides the counts, once the transaction committed. */
  resultOf?(plan: ImportPlan<T>, prepared: Prep | null): Promise<X>;
};

type Coded = { code: string; name: string };

/** A list whose rows are matched by code (units, communes, authorities), written batch by batch. */
export type ListImportSpec<P, C, V extends Coded> = {
  sheetName: string;
  auditAction: AuditAction;
  entityType: AuditEntityType;
  locks: readonly string[];
  changedMeanwhile: string;
  parse(sheet: SheetData): P;
  loadContext(db: Db): Promise<C>;
  plan(parsed: P, context: C): ListImportPlan<V>;
  insert(tx: Prisma.TransactionClient, batch: readonly Planned<V>[], context: C): Promise<void>;
  update(tx: Prisma.TransactionClient, batch: readonly Planned<V>[], context: C): Promise<void>;
};

function codedImport<P, C, V extends Coded>(spec: ListImportSpec<P, C, V>, options: CommitOptions = {}): ImportSpec<P, C, Planned<V>> {
  return {
    ...spec,
    permission: "registry.import",
    loadContext: (db) => spec.loadContext(db),
    describe: (p) => ({ code: p.values.code, name: p.values.name, changed: p.changed }),
    async write(tx, plan, context) {
      // An insert writes `values.id` when it is given, else draws one (COALESCE in its SQL).
      const { newId } = options;
      const add = newId ? plan.add.map((p) => ({ ...p, values: { ...p.values, id: newId(p.values.code) } })) : plan.add;
      for (let i = 0; i < add.length; i += IMPORT_BATCH) await spec.insert(tx, add.slice(i, i + IMPORT_BATCH), context);
      for (let i = 0; i < plan.update.length; i += IMPORT_BATCH) await spec.update(tx, plan.update.slice(i, i + IMPORT_BATCH), context);
    },
  };
}

type Read<P> = { ok: true; sheet: SheetData; parsed: P; sha256: string } | { ok: false; message: string };

async function readList<P>(spec: { sheetName: string; parse(sheet: SheetData): P }, file: ImportFile): Promise<Read<P>> {
  const read = await readSpreadsheet(file.bytes, file.fileName, spec.sheetName);
  if (!read.ok) return read;
  return { ok: true, sheet: read.sheet, parsed: spec.parse(read.sheet), sha256: sha256Of(file.bytes) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any spec: the use-cases below restore the types.
type AnySpec<K extends string = never> = ImportSpec<any, any, any, any, any, K>;

function previewOf<P, C, T extends { rowNumber: number }, K extends string>(spec: ImportSpec<P, C, T, object, unknown, K>, file: ImportFile, sha256: string, rows: number, plan: ImportPlan<T>): ImportPreview<K> {
  const change = (action: "add" | "update") => (row: T): PreviewChange => {
    const { code, name, changed, note } = spec.describe(row);
    return { rowNumber: row.rowNumber, code, name, action, changed: action === "add" ? [] : changed, ...(note ? { note } : {}) };
  };
  const changes = [...plan.add.map(change("add")), ...plan.update.map(change("update"))].sort((a, b) => a.rowNumber - b.rowNumber);
  const counts = { add: plan.add.length, update: plan.update.length, unchanged: plan.unchanged.length, problems: plan.problems.length };
  const notice = spec.notice?.(plan);
  return {
    fileName: file.fileName,
    sha256,
    rows,
    counts: { ...counts, ...(spec.extraCounts?.(plan) ?? ({} as Record<K, number>)) },
    ...(notice ? { notice } : {}),
    problems: plan.problems.slice(0, MAX_PROBLEMS_SHOWN),
    changes: changes.slice(0, MAX_CHANGES_SHOWN),
  };
}

/** What the import would do; writes nothing. */
export async function previewImport<P, C, T extends { rowNumber: number }, X extends object, Prep, K extends string>(
  spec: ImportSpec<P, C, T, X, Prep, K>,
  prisma: PrismaClient,
  actor: Actor | null,
  file: ImportFile,
): Promise<ImportOutcome<ImportPreview<K>, K>> {
  authorize(actor, { action: spec.permission });
  const read = await readList(spec, file);
  if (!read.ok) return read;
  const plan = spec.plan(read.parsed, await spec.loadContext(prisma, read.parsed));
  return { ok: true, data: previewOf(spec as AnySpec<K>, file, read.sha256, read.sheet.rows.length, plan) };
}

class Refused<K extends string> extends Error {
  constructor(readonly preview: ImportPreview<K> | null) {
    super("import refused");
  }
}

/**
 * Writes the file's rows, all or none. `expectedSha256` is the token of the preview the person
 * saw: a different file is refused. Importing a file that changes nothing writes nothing, not even
 * an audit event. With `prepare`, the rows to add are planned once before the transaction (the
 * slow work is done for them there) and the transaction refuses if they are not those any more.
 */
export async function commitImport<P, C, T extends { rowNumber: number }, X extends object, Prep, K extends string>(
  spec: ImportSpec<P, C, T, X, Prep, K>,
  prisma: PrismaClient,
  actor: Actor | null,
  file: ImportFile,
  expectedSha256: string,
): Promise<ImportOutcome<ImportResult & X, K>> {
  authorize(actor, { action: spec.permission });
  const read = await readList(spec, file);
  if (!read.ok) return read;
  if (read.sha256 !== expectedSha256) return { ok: false, message: IMPORT_OUTCOME_MESSAGES.otherFile };
  const rows = read.sheet.rows.length;
  const preview = (plan: ImportPlan<T>) => previewOf(spec as AnySpec<K>, file, read.sha256, rows, plan);
  const keys = (list: readonly T[]) => list.map((row) => spec.describe(row).code);

  let first: ImportPlan<T> | null = null;
  let prepared: Prep | null = null;
  if (spec.prepare) {
    first = spec.plan(read.parsed, await spec.loadContext(prisma, read.parsed));
    if (first.problems.length > 0) return { ok: false, message: IMPORT_OUTCOME_MESSAGES.hasProblems, preview: preview(first) };
    prepared = await spec.prepare(first);
  }
  try {
    const plan = await prisma.$transaction(
      async (tx) => {
        for (const lock of spec.locks) await tx.$executeRawUnsafe(lock);
        const context = await spec.loadContext(tx, read.parsed);
        const plan = spec.plan(read.parsed, context);
        if (plan.problems.length > 0) throw new Refused(preview(plan));
        if (first && keys(plan.add).join("\n") !== keys(first.add).join("\n")) throw new ChangedMeanwhile();
        if (plan.add.length === 0 && plan.update.length === 0) return plan;
        await spec.write(tx, plan, context, prepared);
        const label = (row: T) => spec.auditLabel?.(row) ?? spec.describe(row).code;
        const listed = (list: readonly T[]) => list.slice(0, MAX_AUDIT_CODES).map(label);
        const auditKeys = spec.auditKeys ?? { added: "addedCodes", updated: "updatedCodes", truncated: "codesTruncated" };
        await recordAudit(tx, {
          actor,
          action: spec.auditAction,
          entityType: spec.entityType,
          meta: {
            fileName: file.fileName,
            sha256: read.sha256,
            rows,
            added: plan.add.length,
            updated: plan.update.length,
            unchanged: plan.unchanged.length,
            ...spec.auditMeta?.(plan, read.parsed),
            [auditKeys.added]: listed(plan.add),
            [auditKeys.updated]: listed(plan.update),
            [auditKeys.truncated]: plan.add.length > MAX_AUDIT_CODES || plan.update.length > MAX_AUDIT_CODES,
          },
        });
        return plan;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    const extra = (await spec.resultOf?.(plan, prepared)) ?? ({} as X);
    return { ok: true, data: { sha256: read.sha256, added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged.length, ...extra } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: IMPORT_OUTCOME_MESSAGES.hasProblems, preview: error.preview as ImportPreview<K> };
    if (error instanceof ChangedMeanwhile) return { ok: false, message: spec.changedMeanwhile };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, message: spec.changedMeanwhile };
    throw error;
  }
}

/** The uploaded sheet with its bad cells marked, or the message of a file that could not be read. */
export async function importProblemsWorkbook<P, C, T extends { rowNumber: number }, X extends object, Prep, K extends string>(
  spec: ImportSpec<P, C, T, X, Prep, K>,
  prisma: PrismaClient,
  actor: Actor | null,
  file: ImportFile,
): Promise<ImportOutcome<Uint8Array<ArrayBuffer>, K>> {
  authorize(actor, { action: spec.permission });
  const read = await readList(spec, file);
  if (!read.ok) return read;
  const plan = spec.plan(read.parsed, await spec.loadContext(prisma, read.parsed));
  return { ok: true, data: await buildProblemsWorkbook(read.sheet, plan.problems, spec.sheetName) };
}

/** The coded lists' use-cases (units, communes, authorities). */
export const previewListImport = <P, C, V extends Coded>(spec: ListImportSpec<P, C, V>, prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<ImportPreview>> =>
  previewImport(codedImport(spec), prisma, actor, file);
export const commitListImport = <P, C, V extends Coded>(
  spec: ListImportSpec<P, C, V>,
  prisma: PrismaClient,
  actor: Actor | null,
  file: ImportFile,
  expectedSha256: string,
  options: CommitOptions = {},
): Promise<ImportOutcome<ImportResult>> => commitImport(codedImport(spec, options), prisma, actor, file, expectedSha256);
export const listImportProblemsWorkbook = <P, C, V extends Coded>(spec: ListImportSpec<P, C, V>, prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<Uint8Array<ArrayBuffer>>> =>
  importProblemsWorkbook(codedImport(spec), prisma, actor, file);

/** Asserts one statement wrote the whole batch (the tables are locked: every planned record is there). */
export function expectCount(count: number, batch: readonly unknown[], what: string): void {
  if (count !== batch.length) throw new Error(`${what}: ${count} of ${batch.length}`);
}
