/**
 * The sub-units import (with the year's emulation results) as use-cases, on the protocol of the
 * units import (ADR 0008): preview writes nothing and answers the file's SHA-256 as its token;
 * commit re-reads and re-plans the same file inside one transaction, with the sub-unit tables
 * locked, and writes every row or none with one audit event; the problems workbook; the template
 * and the export of a chosen year. Each authorizes `registry.import` before it reads anything.
 */
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { KINDS_WITH_SUB_UNITS } from "@/lib/records/unit-access";
import { MIN_YEAR } from "@/lib/validation/input-rules";
import { readSpreadsheet } from "./import/read-workbook";
import { parseSubUnitRows, planSubUnitImport, yearsOf, type ParsedSubUnits, type PlannedSubUnit, type SubUnitImportContext, type SubUnitImportPlan } from "./import/plan-sub-units";
import type { ImportProblem, SheetData } from "./import/sheet";
import { SUB_UNIT_SHEET_NAME, subUnitHeaderOf, subUnitSheetCells } from "./import/sub-unit-columns";
import { buildSubUnitProblemsWorkbook, buildSubUnitWorkbook } from "./import/sub-unit-workbook";
import { sha256Of, type ImportFile } from "./import-units";

type Db = PrismaClient | Prisma.TransactionClient;

/** Problems sent to the browser at most (the problems workbook always has them all). */
export const MAX_SUB_UNIT_PROBLEMS_SHOWN = 2000;
/** Rows to add or update listed in the preview at most (the counts are always exact). */
export const MAX_SUB_UNIT_CHANGES_SHOWN = 500;
/** Sub-units named in the audit event per kind of change at most; the counts are always exact. */
const MAX_AUDIT_NAMES = 500;
const BATCH = 1000;

export type SubUnitPreviewChange = { rowNumber: number; unitCode: string; name: string; action: "add" | "update"; changed: string[] };
export type SubUnitImportPreview = {
  fileName: string;
  sha256: string;
  rows: number;
  counts: { add: number; update: number; unchanged: number; problems: number };
  problems: ImportProblem[];
  changes: SubUnitPreviewChange[];
};
export type SubUnitImportResult = { sha256: string; added: number; updated: number; unchanged: number; results: number };
export type SubUnitImportOutcome<T> = { ok: true; data: T } | { ok: false; message: string; preview?: SubUnitImportPreview };

export const SUB_UNIT_IMPORT_MESSAGES = {
  hasProblems: "Tệp còn lỗi nên chưa ghi dòng nào; vui lòng sửa các lỗi được liệt kê rồi tải lên lại.",
  otherFile: "Tệp gửi lên khác với tệp đã xem trước; vui lòng xem trước lại rồi mới ghi dữ liệu.",
  changedMeanwhile: "Danh sách đơn vị trực thuộc vừa được thay đổi bởi người khác; vui lòng xem trước lại.",
} as const;

/** The last year a result may be given for: next year, as on the screens (registration opens in quarter I). */
export const maxSubUnitYear = () => currentEvaluationYear() + 1;

async function loadContext(db: Db, years: readonly number[]): Promise<SubUnitImportContext> {
  const [units, subUnits, results] = await Promise.all([
    // Every unit, so that the code of a kind without sub-units is told apart from an unknown one.
    db.unit.findMany({ select: { id: true, code: true, kind: true, isActive: true } }),
    db.subUnit.findMany({ select: { id: true, unitId: true, name: true, kind: true, eligibleForRating: true, isSecurityForce: true, isActive: true } }),
    years.length === 0 ? [] : db.subUnitYearResult.findMany({ where: { year: { in: [...years] } }, select: { subUnitId: true, year: true, result: true, decisionRef: true } }),
  ]);
  return { units, subUnits, results, kindsWithSubUnits: KINDS_WITH_SUB_UNITS, minYear: MIN_YEAR, maxYear: maxSubUnitYear() };
}

type Read = { ok: true; sheet: SheetData; parsed: ParsedSubUnits; sha256: string } | { ok: false; message: string };

async function readSubUnits(file: ImportFile): Promise<Read> {
  const read = await readSpreadsheet(file.bytes, file.fileName, SUB_UNIT_SHEET_NAME);
  if (!read.ok) return read;
  return { ok: true, sheet: read.sheet, parsed: parseSubUnitRows(read.sheet), sha256: sha256Of(file.bytes) };
}

const RESULT_HEADER = subUnitHeaderOf("result");

function previewOf(file: ImportFile, sha256: string, rows: number, plan: SubUnitImportPlan): SubUnitImportPreview {
  const change = (p: PlannedSubUnit, action: "add" | "update") => ({
    rowNumber: p.rowNumber,
    unitCode: p.unitCode,
    name: p.values.name,
    action,
    changed: action === "add" ? [] : [...p.changed, ...(p.result ? [RESULT_HEADER] : [])],
  });
  const changes = [...plan.add.map((p) => change(p, "add")), ...plan.update.map((p) => change(p, "update"))].sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    fileName: file.fileName,
    sha256,
    rows,
    counts: { add: plan.add.length, update: plan.update.length, unchanged: plan.unchanged.length, problems: plan.problems.length },
    problems: plan.problems.slice(0, MAX_SUB_UNIT_PROBLEMS_SHOWN),
    changes: changes.slice(0, MAX_SUB_UNIT_CHANGES_SHOWN),
  };
}

/** What the import would do; writes nothing. */
export async function previewSubUnitImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<SubUnitImportOutcome<SubUnitImportPreview>> {
  authorize(actor, { action: "registry.import" });
  const read = await readSubUnits(file);
  if (!read.ok) return read;
  const plan = planSubUnitImport(read.parsed, await loadContext(prisma, yearsOf(read.parsed)));
  return { ok: true, data: previewOf(file, read.sha256, read.sheet.rows.length, plan) };
}

class Refused extends Error {
  constructor(readonly preview: SubUnitImportPreview) {
    super("import refused");
  }
}

/**
 * Writes the file's rows, all or none. `expectedSha256` is the token of the preview the person
 * saw: a different file is refused. A file that changes nothing writes nothing, not even an event.
 */
export async function commitSubUnitImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile, expectedSha256: string): Promise<SubUnitImportOutcome<SubUnitImportResult>> {
  authorize(actor, { action: "registry.import" });
  const read = await readSubUnits(file);
  if (!read.ok) return read;
  if (read.sha256 !== expectedSha256) return { ok: false, message: SUB_UNIT_IMPORT_MESSAGES.otherFile };
  try {
    return await prisma.$transaction(
      async (tx) => {
        // Planned against what is there now, and nobody else writes sub-units or their results
        // (nor deactivates a unit) until the import commits; reads go on.
        await tx.$executeRawUnsafe(`LOCK TABLE "Unit" IN SHARE MODE`);
        await tx.$executeRawUnsafe(`LOCK TABLE "SubUnit", "SubUnitYearResult" IN SHARE ROW EXCLUSIVE MODE`);
        const plan = planSubUnitImport(read.parsed, await loadContext(tx, yearsOf(read.parsed)));
        if (plan.problems.length > 0) throw new Refused(previewOf(file, read.sha256, read.sheet.rows.length, plan));
        const changes = [...plan.add, ...plan.update];
        const results = changes.filter((p) => p.result !== null).length;
        const outcome = { sha256: read.sha256, added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged.length, results };
        if (changes.length === 0) return { ok: true as const, data: outcome };

        // New sub-units get their id here, so that their results can refer to them in the same batch.
        const ids = new Map(plan.add.map((p) => [p, randomUUID()]));
        for (let i = 0; i < plan.add.length; i += BATCH) await insertSubUnits(tx, plan.add.slice(i, i + BATCH), ids);
        const updated = plan.update.filter((p) => p.changed.length > 0);
        for (let i = 0; i < updated.length; i += BATCH) await updateSubUnits(tx, updated.slice(i, i + BATCH));
        const rated = changes.filter((p) => p.result !== null).map((p) => ({ subUnitId: p.existingId ?? ids.get(p)!, ...p.result! }));
        for (let i = 0; i < rated.length; i += BATCH) await upsertResults(tx, rated.slice(i, i + BATCH));

        const names = (list: readonly PlannedSubUnit[]) => list.slice(0, MAX_AUDIT_NAMES).map((p) => `${p.unitCode}: ${p.values.name}`);
        await recordAudit(tx, {
          actor,
          action: "registry.subunits.imported",
          entityType: "SubUnit",
          meta: {
            fileName: file.fileName,
            sha256: read.sha256,
            rows: read.sheet.rows.length,
            added: plan.add.length,
            updated: plan.update.length,
            unchanged: plan.unchanged.length,
            results,
            years: yearsOf(read.parsed).sort(),
            addedSubUnits: names(plan.add),
            updatedSubUnits: names(plan.update),
            namesTruncated: plan.add.length > MAX_AUDIT_NAMES || plan.update.length > MAX_AUDIT_NAMES,
          },
        });
        return { ok: true as const, data: outcome };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: SUB_UNIT_IMPORT_MESSAGES.hasProblems, preview: error.preview };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, message: SUB_UNIT_IMPORT_MESSAGES.changedMeanwhile };
    throw error;
  }
}

const SUB_UNIT_RECORD = Prisma.sql`"unitId" uuid, "name" text, "kind" "SubUnitKind", "eligibleForRating" boolean, "isSecurityForce" boolean, "isActive" boolean`;

/** A batch in one statement, a JSON array as the single parameter (as the units import does; ADR 0008). */
async function insertSubUnits(tx: Prisma.TransactionClient, batch: readonly PlannedSubUnit[], ids: Map<PlannedSubUnit, string>): Promise<void> {
  const rows = batch.map((p) => ({ id: ids.get(p)!, ...p.values }));
  const count = await tx.$executeRaw`
    INSERT INTO "SubUnit" ("id", "unitId", "name", "kind", "eligibleForRating", "isSecurityForce", "isActive", "updatedAt")
    SELECT v."id", v."unitId", v."name", v."kind", v."eligibleForRating", v."isSecurityForce", v."isActive", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("id" uuid, ${SUB_UNIT_RECORD})`;
  if (count !== batch.length) throw new Error(`inserted ${count} sub-units of ${batch.length}`);
}

/** The name may change only in case, diacritics or spacing (it is the matching key). */
async function updateSubUnits(tx: Prisma.TransactionClient, batch: readonly PlannedSubUnit[]): Promise<void> {
  const rows = batch.map((p) => ({ id: p.existingId, ...p.values }));
  const count = await tx.$executeRaw`
    UPDATE "SubUnit" AS s SET
      "name" = v."name", "kind" = v."kind", "eligibleForRating" = v."eligibleForRating", "isSecurityForce" = v."isSecurityForce",
      "isActive" = v."isActive", "updatedAt" = CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("id" uuid, ${SUB_UNIT_RECORD})
    WHERE s."id" = v."id" AND s."unitId" = v."unitId"`;
  // SubUnit is locked for the transaction: every planned sub-unit is still there.
  if (count !== batch.length) throw new Error(`updated ${count} sub-units of ${batch.length}`);
}

async function upsertResults(tx: Prisma.TransactionClient, batch: readonly { subUnitId: string; year: number; result: string; decisionRef: string | null }[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "SubUnitYearResult" ("id", "subUnitId", "year", "result", "decisionRef", "updatedAt")
    SELECT gen_random_uuid(), v."subUnitId", v."year", v."result", v."decisionRef", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS v("subUnitId" uuid, "year" int, "result" "EmulationResult", "decisionRef" text)
    ON CONFLICT ("subUnitId", "year") DO UPDATE SET "result" = EXCLUDED."result", "decisionRef" = EXCLUDED."decisionRef", "updatedAt" = CURRENT_TIMESTAMP`;
}

/** The uploaded sheet with its bad cells marked, or the message of a file that could not be read. */
export async function subUnitImportProblemsWorkbook(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<SubUnitImportOutcome<Uint8Array<ArrayBuffer>>> {
  authorize(actor, { action: "registry.import" });
  const read = await readSubUnits(file);
  if (!read.ok) return read;
  const plan = planSubUnitImport(read.parsed, await loadContext(prisma, yearsOf(read.parsed)));
  return { ok: true, data: await buildSubUnitProblemsWorkbook(read.sheet, plan.problems) };
}

/**
 * The template (`year` null: no rows) or the export: every sub-unit, by unit code and name, with
 * its result for `year` (blank when it has none; a blank result is left as it is on import).
 */
export async function subUnitWorkbook(prisma: PrismaClient, actor: Actor | null, year: number | null): Promise<Uint8Array<ArrayBuffer>> {
  authorize(actor, { action: "registry.import" });
  const units = await prisma.unit.findMany({ where: { kind: { in: [...KINDS_WITH_SUB_UNITS] } }, select: { code: true, isActive: true }, orderBy: { code: "asc" } });
  const rows =
    year === null
      ? []
      : (
          await prisma.subUnit.findMany({
            select: {
              name: true,
              kind: true,
              eligibleForRating: true,
              isSecurityForce: true,
              isActive: true,
              unit: { select: { code: true } },
              results: { where: { year }, select: { result: true, decisionRef: true } },
            },
            orderBy: [{ unit: { code: "asc" } }, { name: "asc" }],
          })
        ).map((s) => subUnitSheetCells({ ...s, unitCode: s.unit.code, result: s.results[0] ?? null }, year));
  return buildSubUnitWorkbook({ rows, unitCodes: units.filter((u) => u.isActive).map((u) => u.code), year });
}
