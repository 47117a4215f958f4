/**
 * The communes (xã, phường, đặc khu) and authorities (UBND, Công an, sở…) imports as use-cases:
 * the generic list import (import-list.ts; ADR 0008) with each list's sheet, plan and batch
 * writes, plus each list's template and export. Each authorizes `registry.import` first.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import {
  commitListImport,
  expectCount,
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
import { AUTHORITY_COLUMNS, AUTHORITY_SHEET_NAME, COMMUNE_COLUMNS, COMMUNE_SHEET_NAME, authoritySheetCells, communeSheetCells } from "./import/area-columns";
import { buildListWorkbook, type ListSheetSpec } from "./import/list-workbook";
import {
  parseAuthorityRows,
  parseCommuneRows,
  planAuthorityImport,
  planCommuneImport,
  type AuthorityImportContext,
  type AuthorityValues,
  type CommuneImportContext,
  type CommuneValues,
} from "./import/plan-areas";
import type { Planned } from "./import/plan-by-code";
import { ReferenceIndex } from "./import/references";

export const AREA_IMPORT_MESSAGES = {
  communesChangedMeanwhile: "Danh sách xã, phường vừa được thay đổi bởi người khác; vui lòng xem trước lại.",
  authoritiesChangedMeanwhile: "Danh sách cơ quan vừa được thay đổi bởi người khác; vui lòng xem trước lại.",
} as const;

// ───────────── Communes ─────────────

async function loadCommuneContext(db: Db): Promise<CommuneImportContext> {
  const [communes, others] = await Promise.all([
    db.administrativeArea.findMany({
      where: { level: "COMMUNE" },
      select: { id: true, code: true, name: true, communeKind: true, isActive: true, _count: { select: { units: { where: { isActive: true } } } } },
      orderBy: { code: "asc" },
    }),
    db.administrativeArea.findMany({ where: { level: { not: "COMMUNE" } }, select: { id: true, code: true, level: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    communes: communes.map(({ _count, ...c }) => ({ ...c, activeUnits: _count.units })),
    provinceId: others.find((a) => a.level === "PROVINCE")?.id ?? null,
    otherAreaCodes: others.map((a) => a.code),
  };
}

const COMMUNE_RECORD = Prisma.sql`"name" text, "communeKind" "CommuneKind", "isActive" boolean`;

type ParsedCommunes = ReturnType<typeof parseCommuneRows>;

const COMMUNES: ListImportSpec<ParsedCommunes, CommuneImportContext, CommuneValues> = {
  sheetName: COMMUNE_SHEET_NAME,
  auditAction: "registry.communes.imported",
  entityType: "AdministrativeArea",
  // Codes, names and kinds stay as planned (nobody else writes areas), and so do the active units
  // a deactivation is checked against (nobody writes units; reads go on).
  locks: [`LOCK TABLE "AdministrativeArea" IN SHARE ROW EXCLUSIVE MODE`, `LOCK TABLE "Unit" IN SHARE MODE`],
  changedMeanwhile: AREA_IMPORT_MESSAGES.communesChangedMeanwhile,
  parse: parseCommuneRows,
  loadContext: loadCommuneContext,
  plan: planCommuneImport,
  async insert(tx, batch, context) {
    // Since 1/7/2025 communes sit directly under the province (as the registry's form creates them).
    const count = await tx.$executeRaw`
      INSERT INTO "AdministrativeArea" ("id", "code", "name", "level", "communeKind", "parentId", "isActive", "updatedAt")
      SELECT COALESCE(v."id", gen_random_uuid()), v."code", v."name", 'COMMUNE', v."communeKind", ${context.provinceId}::uuid, v."isActive", CURRENT_TIMESTAMP
      FROM jsonb_to_recordset(${JSON.stringify(batch.map((p) => p.values))}::jsonb) AS v("id" uuid, "code" text, ${COMMUNE_RECORD})`;
    expectCount(count, batch, "inserted communes");
  },
  async update(tx, batch) {
    const count = await tx.$executeRaw`
      UPDATE "AdministrativeArea" AS a SET
        "name" = v."name", "communeKind" = v."communeKind", "isActive" = v."isActive", "version" = a."version" + 1, "updatedAt" = CURRENT_TIMESTAMP
      FROM jsonb_to_recordset(${JSON.stringify(rowsById(batch))}::jsonb) AS v("id" uuid, ${COMMUNE_RECORD})
      WHERE a."id" = v."id" AND a."level" = 'COMMUNE'`;
    expectCount(count, batch, "updated communes");
  },
};

/** Updates by id; codes are never changed (they are what rows are matched by). */
const rowsById = <V extends { code: string }>(batch: readonly Planned<V>[]) => batch.map(({ existingId, values: { code: _code, ...v } }) => ({ id: existingId, ...v }));

export function previewCommuneImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<ImportPreview>> {
  return previewListImport(COMMUNES, prisma, actor, file);
}

export function commitCommuneImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile, expectedSha256: string, options?: CommitOptions): Promise<ImportOutcome<ImportResult>> {
  return commitListImport(COMMUNES, prisma, actor, file, expectedSha256, options);
}

export function communeImportProblemsWorkbook(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<Uint8Array<ArrayBuffer>>> {
  return listImportProblemsWorkbook(COMMUNES, prisma, actor, file);
}

export const COMMUNE_SHEET_SPEC: ListSheetSpec = {
  sheetName: COMMUNE_SHEET_NAME,
  columns: COMMUNE_COLUMNS,
  title: "Hướng dẫn nhập danh sách xã, phường, đặc khu",
  noun: "xã, phường",
  codeHeader: COMMUNE_COLUMNS[0].header,
  lines: [
    "• Mọi xã, phường, đặc khu trực thuộc tỉnh (không có cấp huyện từ 01/7/2025).",
    "• Xã, phường được ngừng hoạt động (ghi “Không” ở cột “Đang hoạt động”) thay vì xóa; không thể ngừng hoạt động nơi còn đơn vị đang hoạt động: hãy chuyển hoặc ngừng hoạt động các đơn vị trước.",
    "• Nhập danh sách xã, phường trước, rồi đến danh sách cơ quan, sau cùng là danh sách đơn vị.",
  ],
};

/** The template (no rows) or the export (every commune, by code). */
export async function communeWorkbook(prisma: PrismaClient, actor: Actor | null, withRows: boolean): Promise<Uint8Array<ArrayBuffer>> {
  authorize(actor, { action: "registry.import" });
  const rows = withRows ? (await loadCommuneContext(prisma)).communes.map(communeSheetCells) : [];
  return buildListWorkbook(COMMUNE_SHEET_SPEC, { rows, choices: {} });
}

// ───────────── Authorities ─────────────

async function loadAuthorityContext(db: Db): Promise<AuthorityImportContext> {
  const [authorities, areas] = await Promise.all([
    db.authority.findMany({
      select: {
        id: true, code: true, name: true, kind: true, documentSymbol: true, placeName: true, areaId: true, isActive: true,
        _count: { select: { managedUnits: { where: { isActive: true } } } },
      },
      orderBy: { code: "asc" },
    }),
    db.administrativeArea.findMany({ select: { id: true, code: true, name: true, isActive: true }, orderBy: [{ level: "asc" }, { name: "asc" }] }),
  ]);
  return { authorities: authorities.map(({ _count, ...a }) => ({ ...a, activeUnits: _count.managedUnits })), areas };
}

const AUTHORITY_RECORD = Prisma.sql`"name" text, "kind" "AuthorityKind", "documentSymbol" text, "placeName" text, "areaId" uuid, "isActive" boolean`;

type ParsedAuthorities = ReturnType<typeof parseAuthorityRows>;

const AUTHORITIES: ListImportSpec<ParsedAuthorities, AuthorityImportContext, AuthorityValues> = {
  sheetName: AUTHORITY_SHEET_NAME,
  auditAction: "registry.authorities.imported",
  entityType: "Authority",
  // As for communes, plus the areas an authority is put in (none deactivated meanwhile).
  locks: [`LOCK TABLE "Authority" IN SHARE ROW EXCLUSIVE MODE`, `LOCK TABLE "AdministrativeArea" IN SHARE MODE`, `LOCK TABLE "Unit" IN SHARE MODE`],
  changedMeanwhile: AREA_IMPORT_MESSAGES.authoritiesChangedMeanwhile,
  parse: parseAuthorityRows,
  loadContext: loadAuthorityContext,
  plan: planAuthorityImport,
  async insert(tx, batch) {
    const count = await tx.$executeRaw`
      INSERT INTO "Authority" ("id", "code", "name", "kind", "documentSymbol", "placeName", "areaId", "isActive", "updatedAt")
      SELECT COALESCE(v."id", gen_random_uuid()), v."code", v."name", v."kind", v."documentSymbol", v."placeName", v."areaId", v."isActive", CURRENT_TIMESTAMP
      FROM jsonb_to_recordset(${JSON.stringify(batch.map((p) => p.values))}::jsonb) AS v("id" uuid, "code" text, ${AUTHORITY_RECORD})`;
    expectCount(count, batch, "inserted authorities");
  },
  async update(tx, batch) {
    const count = await tx.$executeRaw`
      UPDATE "Authority" AS a SET
        "name" = v."name", "kind" = v."kind", "documentSymbol" = v."documentSymbol", "placeName" = v."placeName", "areaId" = v."areaId",
        "isActive" = v."isActive", "version" = a."version" + 1, "updatedAt" = CURRENT_TIMESTAMP
      FROM jsonb_to_recordset(${JSON.stringify(rowsById(batch))}::jsonb) AS v("id" uuid, ${AUTHORITY_RECORD})
      WHERE a."id" = v."id"`;
    expectCount(count, batch, "updated authorities");
  },
};

export function previewAuthorityImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<ImportPreview>> {
  return previewListImport(AUTHORITIES, prisma, actor, file);
}

export function commitAuthorityImport(prisma: PrismaClient, actor: Actor | null, file: ImportFile, expectedSha256: string, options?: CommitOptions): Promise<ImportOutcome<ImportResult>> {
  return commitListImport(AUTHORITIES, prisma, actor, file, expectedSha256, options);
}

export function authorityImportProblemsWorkbook(prisma: PrismaClient, actor: Actor | null, file: ImportFile): Promise<ImportOutcome<Uint8Array<ArrayBuffer>>> {
  return listImportProblemsWorkbook(AUTHORITIES, prisma, actor, file);
}

export const AUTHORITY_SHEET_SPEC: ListSheetSpec = {
  sheetName: AUTHORITY_SHEET_NAME,
  columns: AUTHORITY_COLUMNS,
  title: "Hướng dẫn nhập danh sách cơ quan quản lý",
  noun: "cơ quan",
  codeHeader: AUTHORITY_COLUMNS[0].header,
  lines: [
    "• “Địa bàn” ghi theo tên (chọn trong danh sách thả xuống) hoặc theo mã của tỉnh hoặc của xã, phường, đặc khu. Tên được so không phân biệt chữ hoa, chữ thường và dấu; nếu có hai nơi cùng tên thì phải ghi mã. Xã, phường phải có trong danh mục trước (nhập danh sách xã, phường trước).",
    "• Cơ quan được ngừng hoạt động (ghi “Không” ở cột “Đang hoạt động”) thay vì xóa; không thể ngừng hoạt động cơ quan còn quản lý đơn vị đang hoạt động.",
  ],
};

/** The template (no rows) or the export (every authority, by code), with the areas' drop-down. */
export async function authorityWorkbook(prisma: PrismaClient, actor: Actor | null, withRows: boolean): Promise<Uint8Array<ArrayBuffer>> {
  authorize(actor, { action: "registry.import" });
  const context = await loadAuthorityContext(prisma);
  const areaText = new ReferenceIndex(context.areas).texts();
  const rows = withRows ? context.authorities.map((a) => authoritySheetCells(a, a.areaId ? (areaText.get(a.areaId) ?? "") : "")) : [];
  return buildListWorkbook(AUTHORITY_SHEET_SPEC, { rows, choices: { areas: [...new Set(areaText.values())] } });
}
