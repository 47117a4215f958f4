/**
 * The units import as use-cases: the generic list import (import-list.ts: preview, commit all or
 * none with one audit event, the problems workbook; ADR 0008) with the units' sheet, plan and
 * batch writes, plus the template and the export. Each authorizes `registry.import` first.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import {
  commitListImport,
  expectCount,
  IMPORT_OUTCOME_MESSAGES as LIST_IMPORT_MESSAGES,
  listImportProblemsWorkbook,
  previewListImport,
  type CommitOptions,
  type Db,
  type ImportFile,
  type ImportOutcome,
  type ImportPreview,
  type ImportResult,
  type ListImportSpec,
} from "./import-list";
import { parseUnitRows, planUnitImport, ReferenceIndex, type ImportContext, type ParsedUnits, type PlannedUnit, type UnitValues } from "./import/plan-units";
import { UNIT_SHEET_NAME, unitSheetCells } from "./import/unit-columns";
import { buildUnitWorkbook } from "./import/unit-workbook";

export { MAX_AUDIT_CODES, MAX_CHANGES_SHOWN, MAX_PROBLEMS_SHOWN, sha256Of, type ImportFile, type ImportOutcome, type PreviewChange } from "./import-list";

export type UnitImportPreview = ImportPreview;
export type UnitImportResult = ImportResult;

export const IMPORT_OUTCOME_MESSAGES = {
  ...LIST_IMPORT_MESSAGES,
  changedMeanwhile: "Danh sách đơn vị vừa được thay đổi bởi người khác; vui lòng xem trước lại.",
} as const;

async function loadContext(db: Db): Promise<ImportContext> {
  const [units, communes, authorities] = await Promise.all([
    db.unit.findMany({
      select: {
        id: true, code: true, name: true, kind: true, communeId: true, managingAuthorityId: true, sector: true, residentialAreaType: true,
        educationLevel: true, exclusionReason: true, hasPartyOrganisation: true, hasSecurityForce: true, address: true, isActive: true,
      },
      orderBy: { code: "asc" },
    }),
    db.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { id: true, code: true, name: true, isActive: true }, orderBy: { name: "asc" } }),
    db.authority.findMany({ select: { id: true, code: true, name: true, isActive: true }, orderBy: { name: "asc" } }),
  ]);
  return { units, communes, authorities };
}

const UNITS: ListImportSpec<ParsedUnits, ImportContext, UnitValues> = {
  sheetName: UNIT_SHEET_NAME,
  auditAction: "registry.units.imported",
  entityType: "Unit",
  // Units are planned against what is there now, and nobody else writes units until the import
  // commits (reads go on): codes and names stay as planned.
  locks: [`LOCK TABLE "Unit" IN SHARE ROW EXCLUSIVE MODE`],
  changedMeanwhile: IMPORT_OUTCOME_MESSAGES.changedMeanwhile,
  parse: parseUnitRows,
  loadContext,
  plan: planUnitImport,
  insert: (tx, batch) => insertUnits(tx, batch),
  update: (tx, batch) => updateUnits(tx, batch),
};

/** What the import would do; writes nothing. */
export function previewUnitImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<UnitImportPreview>> {
  return previewListImport(UNITS, prisma, actor, file);
}

/**
 * Writes the file's rows, all or none. `expectedSha256` is the token of the preview the person
 * saw: a different file is refused. Importing a file that changes nothing writes nothing, not even
 * an audit event.
 */
export function commitUnitImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile, expectedSha256: string, options?: CommitOptions): Promise<ImportOutcome<UnitImportResult>> {
  return commitListImport(UNITS, prisma, actor, file, expectedSha256, options);
}

const UNIT_RECORD = Prisma.sql`
  "name" text, "kind" "UnitKind", "communeId" uuid, "managingAuthorityId" uuid, "sector" "Sector",
  "residentialAreaType" "ResidentialAreaType", "educationLevel" "EducationLevel", "exclusionReason" "ExclusionReason",
  "hasPartyOrganisation" boolean, "hasSecurityForce" boolean, "address" text, "isActive" boolean`;

/**
 * Inserts a batch of units in one statement, a JSON array as the single parameter. Measured with
 * bench:import: `createMany` of 5,000 units (1,000 a statement, 14,000 bound parameters each)
 * took 5.4 s; this form is what the updates below use.
 */
async function insertUnits(tx: Prisma.TransactionClient, batch: readonly PlannedUnit[]): Promise<void> {
  const count = await tx.$executeRaw`
    INSERT INTO "Unit" ("id", "code", "name", "kind", "communeId", "managingAuthorityId", "sector", "residentialAreaType", "educationLevel",
      "exclusionReason", "hasPartyOrganisation", "hasSecurityForce", "address", "isActive", "updatedAt")
    SELECT COALESCE(v."id", gen_random_uuid()), v."code", v."name", v."kind", v."communeId", v."managingAuthorityId", v."sector", v."residentialAreaType", v."educationLevel",
      v."exclusionReason", v."hasPartyOrganisation", v."hasSecurityForce", v."address", v."isActive", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(batch.map((p) => p.values))}::jsonb) AS v("id" uuid, "code" text, ${UNIT_RECORD})`;
  expectCount(count, batch, "inserted units");
}

/**
 * Updates a batch of units in one statement: one row per update by id, a JSON array as the single
 * parameter (the same on PostgreSQL and PGlite). Measured: 5,000 `unit.update` calls, one round
 * trip each, took minutes on a loaded machine; this takes a fraction of a second. Codes are never
 * changed (they are what rows are matched by); the version goes up as every edit's does.
 */
async function updateUnits(tx: Prisma.TransactionClient, batch: readonly PlannedUnit[]): Promise<void> {
  const rows = batch.map(({ existingId, values: { code: _code, ...v } }) => ({ id: existingId, ...v }));
  const count = await tx.$executeRaw`
    UPDATE "Unit" AS u SET
      "name" = v."name", "kind" = v."kind", "communeId" = v."communeId", "managingAuthorityId" = v."managingAuthorityId",
      "sector" = v."sector", "residentialAreaType" = v."residentialAreaType", "educationLevel" = v."educationLevel",
      "exclusionReason" = v."exclusionReason", "hasPartyOrganisation" = v."hasPartyOrganisation", "hasSecurityForce" = v."hasSecurityForce",
      "address" = v."address", "isActive" = v."isActive", "version" = u."version" + 1, "updatedAt" = CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("id" uuid, ${UNIT_RECORD})
    WHERE u."id" = v."id"`;
  // Unit is locked for the transaction: every planned unit is still there.
  expectCount(count, batch, "updated units");
}

/** The uploaded sheet with its bad cells marked, or the message of a file that could not be read. */
export function unitImportProblemsWorkbook(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<Uint8Array<ArrayBuffer>>> {
  return listImportProblemsWorkbook(UNITS, prisma, actor, file);
}

/** The template (no rows) or the export (every unit), with the communes' and authorities' drop-downs. */
export async function unitWorkbook(prisma: PrismaClient, actor: Actor | null, withUnits: boolean): Promise<Uint8Array<ArrayBuffer>> {
  authorize(actor, { action: "registry.import" });
  const context = await loadContext(prisma);
  const communeText = new ReferenceIndex(context.communes).texts();
  const authorityText = new ReferenceIndex(context.authorities).texts();
  const rows = withUnits ? context.units.map((u) => unitSheetCells(u, communeText.get(u.communeId) ?? "", authorityText.get(u.managingAuthorityId) ?? "")) : [];
  return buildUnitWorkbook({ rows, communes: [...new Set(communeText.values())], authorities: [...new Set(authorityText.values())] });
}
