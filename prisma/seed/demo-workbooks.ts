/**
 * The demo province's registry as the workbooks an administrator would import (ADR 0017): the
 * communes, the authorities, the units, and the sub-units with each year's emulation results.
 * `npm run seed:workbooks` writes them from the demo data into prisma/seed/workbooks/ (they are
 * committed); the seed reads those files and loads them through the registry's own import
 * (parse → plan → commit, with its audit events), so the import path runs on every fresh start.
 * A unit test keeps the committed files equal to what the demo data gives now.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/auth/actor";
import { AUTHORITY_SHEET_SPEC, COMMUNE_SHEET_SPEC, commitAuthorityImport, commitCommuneImport } from "../../lib/registry/import-areas";
import { commitUnitImport } from "../../lib/registry/import-units";
import { commitSubUnitImport } from "../../lib/registry/import-sub-units";
import { sha256Of, type CommitOptions, type ImportFile } from "../../lib/registry/import-list";
import { authoritySheetCells, AUTHORITY_SHEET_NAME, communeSheetCells, COMMUNE_SHEET_NAME } from "../../lib/registry/import/area-columns";
import { buildListWorkbook } from "../../lib/registry/import/list-workbook";
import { readSpreadsheet } from "../../lib/registry/import/read-workbook";
import { ReferenceIndex } from "../../lib/registry/import/references";
import type { SheetData } from "../../lib/registry/import/sheet";
import { SUB_UNIT_SHEET_NAME, subUnitSheetCells } from "../../lib/registry/import/sub-unit-columns";
import { buildSubUnitWorkbook } from "../../lib/registry/import/sub-unit-workbook";
import { UNIT_SHEET_NAME, unitSheetCells } from "../../lib/registry/import/unit-columns";
import { buildUnitWorkbook } from "../../lib/registry/import/unit-workbook";
import { KINDS_WITH_SUB_UNITS } from "../../lib/records/unit-access";
import { DEMO_YEAR } from "./demo-data";
import type { DemoProvince } from "./demo-province";

/** Where the committed workbooks are (next to this file, whatever the working directory). */
export const DEMO_WORKBOOK_DIR = fileURLToPath(new URL("./workbooks/", import.meta.url));

/** Years the demo gives sub-unit results for: one workbook each (a sub-unit is one row of a file). */
export const DEMO_RESULT_YEARS = [DEMO_YEAR - 1, DEMO_YEAR] as const;

type ListName = "communes" | "authorities" | "units" | "subUnits";

/** One committed workbook: its file, the sheet the import reads, and how it is built from the demo data. */
export type DemoWorkbook = {
  fileName: string;
  list: ListName;
  sheetName: string;
  /** Sub-unit workbooks: the year of their results. */
  year?: number;
  build(): Promise<Uint8Array<ArrayBuffer>>;
};

/**
 * The workbooks in the order they are imported (communes before the authorities placed in them,
 * both before the units that name them, units before their sub-units), each built with the
 * export's own row format, so they are exactly what an administrator would export and import.
 */
export function demoWorkbooks(demo: DemoProvince): DemoWorkbook[] {
  const communes = demo.areas.filter((a) => a.level === "COMMUNE");
  const areaText = new ReferenceIndex(demo.areas.map((a) => ({ id: a.id!, code: a.code, name: a.name }))).texts();
  const communeText = new ReferenceIndex(communes.map((a) => ({ id: a.id!, code: a.code, name: a.name }))).texts();
  const authorityText = new ReferenceIndex(demo.authorities.map((a) => ({ id: a.id!, code: a.code, name: a.name }))).texts();
  const unitCode = new Map(demo.units.map((u) => [u.id!, u.code]));
  const resultOf = new Map(demo.results.map((r) => [`${r.subUnitId}|${r.year}`, r]));

  return [
    {
      fileName: "communes.xlsx",
      list: "communes",
      sheetName: COMMUNE_SHEET_NAME,
      build: () =>
        buildListWorkbook(COMMUNE_SHEET_SPEC, {
          rows: communes.map((c) => communeSheetCells({ code: c.code, name: c.name, communeKind: c.communeKind ?? null, isActive: true })),
          choices: {},
        }),
    },
    {
      fileName: "authorities.xlsx",
      list: "authorities",
      sheetName: AUTHORITY_SHEET_NAME,
      build: () =>
        buildListWorkbook(AUTHORITY_SHEET_SPEC, {
          rows: demo.authorities.map((a) =>
            authoritySheetCells({ code: a.code, name: a.name, kind: a.kind, documentSymbol: a.documentSymbol, placeName: a.placeName, isActive: true }, a.areaId ? areaText.get(a.areaId)! : ""),
          ),
          choices: { areas: [...new Set(areaText.values())] },
        }),
    },
    {
      fileName: "units.xlsx",
      list: "units",
      sheetName: UNIT_SHEET_NAME,
      build: () =>
        buildUnitWorkbook({
          rows: demo.units.map((u) =>
            unitSheetCells(
              {
                code: u.code,
                name: u.name,
                kind: u.kind,
                sector: u.sector ?? null,
                residentialAreaType: u.residentialAreaType ?? null,
                educationLevel: u.educationLevel ?? null,
                exclusionReason: u.exclusionReason ?? null,
                hasPartyOrganisation: u.hasPartyOrganisation ?? true,
                hasSecurityForce: u.hasSecurityForce ?? false,
                address: u.address ?? null,
                isActive: u.isActive ?? true,
              },
              communeText.get(u.communeId)!,
              authorityText.get(u.managingAuthorityId)!,
            ),
          ),
          communes: [...new Set(communeText.values())],
          authorities: [...new Set(authorityText.values())],
        }),
    },
    ...DEMO_RESULT_YEARS.map(
      (year): DemoWorkbook => ({
        fileName: `sub-units-${year}.xlsx`,
        list: "subUnits",
        sheetName: SUB_UNIT_SHEET_NAME,
        year,
        build: () =>
          buildSubUnitWorkbook({
            rows: demo.subUnits.map((s) => {
              const result = resultOf.get(`${s.id}|${year}`);
              return subUnitSheetCells(
                {
                  unitCode: unitCode.get(s.unitId)!,
                  name: s.name,
                  kind: s.kind,
                  eligibleForRating: s.eligibleForRating ?? true,
                  isSecurityForce: s.isSecurityForce ?? false,
                  isActive: s.isActive ?? true,
                  result: result ? { result: result.result, decisionRef: result.decisionRef ?? null } : null,
                },
                year,
              );
            }),
            unitCodes: demo.units.filter((u) => KINDS_WITH_SUB_UNITS.includes(u.kind)).map((u) => u.code),
            year,
          }),
      }),
    ),
  ];
}

/** The committed workbook's bytes, as the seed imports them. */
export async function readDemoWorkbook(workbook: Pick<DemoWorkbook, "fileName">): Promise<ImportFile> {
  return { bytes: new Uint8Array(await readFile(`${DEMO_WORKBOOK_DIR}${workbook.fileName}`)), fileName: workbook.fileName };
}

/** A workbook's data sheet as the import reads it (headers and cell values): what must not drift. */
export async function sheetOf(file: ImportFile, sheetName: string): Promise<SheetData> {
  const read = await readSpreadsheet(file.bytes, file.fileName, sheetName);
  if (!read.ok) throw new Error(`${file.fileName}: ${read.message}`);
  return read.sheet;
}

/**
 * Who the seed imports as: an administrator that is no account (the nil id), so its audit events
 * say the demo seed did it. It exists only in this process; nobody can sign in as it.
 */
export const DEMO_SEED_ACTOR: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  username: "demo-seed",
  fullName: "Dữ liệu mẫu",
  role: "ADMIN",
  unitId: null,
  areaId: null,
  reviewerLevel: null,
  authorityId: null,
};

type Problem = { row: number | null; column: string | null; message: string };
type Commit = { ok: true; data: { added: number; updated: number } } | { ok: false; message: string; preview?: { problems: Problem[] } };

const COMMITS: Record<ListName, (prisma: PrismaClient, actor: Actor, file: ImportFile, sha256: string, options: CommitOptions) => Promise<Commit>> = {
  communes: commitCommuneImport,
  authorities: commitAuthorityImport,
  units: commitUnitImport,
  // Sub-units get the ids the import draws (nothing refers to them by a demo id).
  subUnits: (prisma, actor, file, sha256) => commitSubUnitImport(prisma, actor, file, sha256),
};

export type ImportedWorkbook = { fileName: string; added: number; updated: number } | { fileName: string; skipped: "already loaded" };

/**
 * Whether a workbook's records are all in the database already. Asked of the database by the demo
 * data's codes, not by reading the file: a second run opens no workbook.
 */
async function isLoaded(prisma: PrismaClient, demo: DemoProvince, workbook: DemoWorkbook): Promise<boolean> {
  const codes = (rows: readonly { code: string }[]) => ({ code: { in: rows.map((r) => r.code) } });
  switch (workbook.list) {
    case "communes": {
      const communes = demo.areas.filter((a) => a.level === "COMMUNE");
      return (await prisma.administrativeArea.count({ where: codes(communes) })) === communes.length;
    }
    case "authorities":
      return (await prisma.authority.count({ where: codes(demo.authorities) })) === demo.authorities.length;
    case "units":
      return (await prisma.unit.count({ where: codes(demo.units) })) === demo.units.length;
    case "subUnits": {
      const ofDemoUnits = { unitId: { in: [...new Set(demo.subUnits.map((s) => s.unitId))] } };
      return (
        (await prisma.subUnit.count({ where: ofDemoUnits })) >= demo.subUnits.length &&
        (await prisma.subUnitYearResult.count({ where: { year: workbook.year, subUnit: ofDemoUnits } })) > 0
      );
    }
  }
}

/**
 * Imports the committed workbooks in order with the registry's own commit (it reads, parses and
 * plans the file inside its transaction, writes all rows or none and one audit event with the
 * file's SHA-256), as the system actor. New communes, authorities and units keep the demo's stable
 * ids (`newId`), so the rows the seed then writes by id line up and `stableId("unit:CQ-STP")`
 * still names the unit in tests.
 *
 * A second run changes nothing, and never undoes what people changed in the registry since: a
 * workbook whose records are all there (a sub-unit one: with its year's results) is left alone;
 * committing it again would put edited names back.
 */
export async function importDemoWorkbooks(prisma: PrismaClient, demo: DemoProvince): Promise<ImportedWorkbook[]> {
  // By list: an authority and a unit may share a code.
  const idOf = (list: ListName) => {
    const rows: readonly { code: string; id?: string }[] = list === "communes" ? demo.areas : list === "authorities" ? demo.authorities : demo.units;
    const byCode = new Map(rows.map((r) => [r.code, r.id!]));
    return (code: string) => {
      const id = byCode.get(code);
      if (!id) throw new Error(`The demo workbook of ${list} has code ${code}, which the demo data does not (run npm run seed:workbooks).`);
      return id;
    };
  };

  const done: ImportedWorkbook[] = [];
  for (const workbook of demoWorkbooks(demo)) {
    if (await isLoaded(prisma, demo, workbook)) {
      done.push({ fileName: workbook.fileName, skipped: "already loaded" });
      continue;
    }
    const file = await readDemoWorkbook(workbook);
    const committed = await COMMITS[workbook.list](prisma, DEMO_SEED_ACTOR, file, sha256Of(file.bytes), workbook.list === "subUnits" ? {} : { newId: idOf(workbook.list) });
    if (!committed.ok) {
      const problems = (committed.preview?.problems ?? []).slice(0, 10).map((p) => `row ${p.row ?? "-"} ${p.column ?? ""}: ${p.message}`);
      throw new Error(`${workbook.fileName} does not import: ${[committed.message, ...problems].join("; ")}`);
    }
    done.push({ fileName: workbook.fileName, added: committed.data.added, updated: committed.data.updated });
  }
  return done;
}

/** The demo's sub-unit ids (its in-memory rows) → the ids the import gave them, by unit and name. */
export async function importedSubUnitIds(prisma: PrismaClient, demo: DemoProvince): Promise<Map<string, string>> {
  const stored = await prisma.subUnit.findMany({ where: { unitId: { in: [...new Set(demo.subUnits.map((s) => s.unitId))] } }, select: { id: true, unitId: true, name: true } });
  const byKey = new Map(stored.map((s) => [`${s.unitId}|${s.name}`, s.id]));
  return new Map(demo.subUnits.map((s) => [s.id!, byKey.get(`${s.unitId}|${s.name}`)!]));
}
