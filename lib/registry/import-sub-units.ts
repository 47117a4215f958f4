/**
 * The sub-units import (with the year's emulation results, ADR 0012) as a list of the generic
 * import (import-list.ts, ADR 0008): preview, commit all or none with one audit event, the
 * problems workbook; plus the template and the export of a chosen year. Each authorizes
 * `registry.import` before it reads anything.
 */
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { KINDS_WITH_SUB_UNITS } from "@/lib/records/unit-access";
import { MIN_YEAR } from "@/lib/validation/input-rules";
import { commitImport, importProblemsWorkbook, previewImport, IMPORT_BATCH, IMPORT_OUTCOME_MESSAGES, type Db, type ImportFile, type ImportOutcome, type ImportPreview, type ImportResult, type ImportSpec } from "./import-list";
import { parseSubUnitRows, planSubUnitImport, yearsOf, type ParsedSubUnits, type PlannedSubUnit, type SubUnitImportContext } from "./import/plan-sub-units";
import { SUB_UNIT_SHEET_NAME, subUnitHeaderOf, subUnitSheetCells } from "./import/sub-unit-columns";
import { buildSubUnitWorkbook } from "./import/sub-unit-workbook";

export type SubUnitImportPreview = ImportPreview;
export type SubUnitImportResult = ImportResult & { results: number };

export const SUB_UNIT_IMPORT_MESSAGES = {
  ...IMPORT_OUTCOME_MESSAGES,
  changedMeanwhile: "Danh sách đơn vị trực thuộc vừa được thay đổi bởi người khác; vui lòng xem trước lại.",
} as const;

/** The last year a result may be given for: next year, as on the screens (registration opens in quarter I). */
export const maxSubUnitYear = () => currentEvaluationYear() + 1;

async function loadContext(db: Db, parsed: ParsedSubUnits): Promise<SubUnitImportContext> {
  const years = yearsOf(parsed);
  const [units, subUnits, results] = await Promise.all([
    // Every unit, so that the code of a kind without sub-units is told apart from an unknown one.
    db.unit.findMany({ select: { id: true, code: true, kind: true, isActive: true } }),
    db.subUnit.findMany({ select: { id: true, unitId: true, name: true, kind: true, eligibleForRating: true, isSecurityForce: true, isActive: true } }),
    years.length === 0 ? [] : db.subUnitYearResult.findMany({ where: { year: { in: [...years] } }, select: { subUnitId: true, year: true, result: true, decisionRef: true } }),
  ]);
  return { units, subUnits, results, kindsWithSubUnits: KINDS_WITH_SUB_UNITS, minYear: MIN_YEAR, maxYear: maxSubUnitYear() };
}

const RESULT_HEADER = subUnitHeaderOf("result");
const rated = (plan: { add: PlannedSubUnit[]; update: PlannedSubUnit[] }) => [...plan.add, ...plan.update].filter((p) => p.result !== null);

const SUB_UNITS: ImportSpec<ParsedSubUnits, SubUnitImportContext, PlannedSubUnit, { results: number }> = {
  sheetName: SUB_UNIT_SHEET_NAME,
  permission: "registry.import",
  auditAction: "registry.subunits.imported",
  entityType: "SubUnit",
  // Planned against what is there now, and nobody else writes sub-units or their results (nor
  // deactivates a unit) until the import commits; reads go on.
  locks: [`LOCK TABLE "Unit" IN SHARE MODE`, `LOCK TABLE "SubUnit", "SubUnitYearResult" IN SHARE ROW EXCLUSIVE MODE`],
  changedMeanwhile: SUB_UNIT_IMPORT_MESSAGES.changedMeanwhile,
  parse: parseSubUnitRows,
  loadContext,
  plan: planSubUnitImport,
  // The key is the unit's code: a sub-unit is matched by it and its folded name.
  describe: (p) => ({ code: p.unitCode, name: p.values.name, changed: [...p.changed, ...(p.result ? [RESULT_HEADER] : [])] }),
  auditLabel: (p) => `${p.unitCode}: ${p.values.name}`,
  auditKeys: { added: "addedSubUnits", updated: "updatedSubUnits", truncated: "namesTruncated" },
  auditMeta: (plan, parsed) => ({ results: rated(plan).length, years: yearsOf(parsed).sort() }),
  async write(tx, plan) {
    // New sub-units get their id here, so that their results can refer to them in the same batch.
    const ids = new Map(plan.add.map((p) => [p, randomUUID()]));
    for (let i = 0; i < plan.add.length; i += IMPORT_BATCH) await insertSubUnits(tx, plan.add.slice(i, i + IMPORT_BATCH), ids);
    const updated = plan.update.filter((p) => p.changed.length > 0);
    for (let i = 0; i < updated.length; i += IMPORT_BATCH) await updateSubUnits(tx, updated.slice(i, i + IMPORT_BATCH));
    const results = rated(plan).map((p) => ({ subUnitId: p.existingId ?? ids.get(p)!, ...p.result! }));
    for (let i = 0; i < results.length; i += IMPORT_BATCH) await upsertResults(tx, results.slice(i, i + IMPORT_BATCH));
  },
  resultOf: async (plan) => ({ results: rated(plan).length }),
};

/** What the import would do; writes nothing. */
export function previewSubUnitImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<SubUnitImportPreview>> {
  return previewImport(SUB_UNITS, prisma, actor, file);
}

/**
 * Writes the file's rows, all or none. `expectedSha256` is the token of the preview the person
 * saw: a different file is refused. A file that changes nothing writes nothing, not even an event.
 */
export function commitSubUnitImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile, expectedSha256: string): Promise<ImportOutcome<SubUnitImportResult>> {
  return commitImport(SUB_UNITS, prisma, actor, file, expectedSha256);
}

/** The uploaded sheet with its bad cells marked, or the message of a file that could not be read. */
export function subUnitImportProblemsWorkbook(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<Uint8Array<ArrayBuffer>>> {
  return importProblemsWorkbook(SUB_UNITS, prisma, actor, file);
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
