/**
 * The year-end report's unit lists (sections III and IV): one SQL statement, read either through
 * Prisma on the request thread (the embedded PGlite, tests) or by the document worker over its own
 * PostgreSQL connection (the download route on PostgreSQL, ADR 0021 addendum). No Prisma here: the
 * worker thread loads this module without the Prisma client.
 *
 * The lists count exactly what the headline counts: the year's dossiers in the state, not excluded,
 * of units whose placement on 15/11 of the year is active, with the commune and kind the dossier
 * froze (ADR 0009; lib/reports/dashboard-queries.ts: yearUnits).
 */
import pg from "pg";
import type { UnitKind } from "@/lib/domain/vocabulary";
import type { NotRecognisedUnitInput, RecognisedUnitInput } from "./exports/year-end-report-schema";

/** Printed where a refused dossier carries no reason. */
export const DEFAULT_REFUSAL_REASON = "Không công nhận";

/** $1 year, $2 dossier state, $3 the year's reference date (15/11). */
export const REPORT_LIST_SQL = `
  SELECT d."refusalReason", d.kind::text AS kind, c.name AS commune, u.name AS "unitName", rd.number AS "decisionNumber"
  FROM "Dossier" d
  JOIN "AdministrativeArea" c ON c.id = d."communeId"
  JOIN "Unit" u ON u.id = d."unitId"
  LEFT JOIN "RecognitionDecision" rd ON rd.id = d."decisionId"
  WHERE d.year = $1 AND d.state = $2::"DossierState" AND d."exclusionReason" IS NULL
    AND EXISTS (
      SELECT 1 FROM "UnitPlacement" p
      WHERE p."unitId" = d."unitId" AND p."isActive" AND p."effectiveFrom" <= $3::date AND (p."effectiveTo" IS NULL OR p."effectiveTo" >= $3::date)
    )`;

export type ListedDossier = {
  refusalReason: string | null;
  kind: UnitKind;
  commune: string;
  unitName: string;
  decisionNumber: string | null;
};

export type ReportLists = { recognised: RecognisedUnitInput[]; notRecognised: NotRecognisedUnitInput[] };

/** Where the worker reads the lists: the app's PostgreSQL, the year and its reference date. */
export type ReportListsSource = { databaseUrl: string; year: number; referenceDate: string };

export function toReportLists(recognised: ListedDossier[], refused: ListedDossier[]): ReportLists {
  return {
    recognised: recognised.map((d) => ({
      name: d.unitName,
      kind: d.kind,
      commune: d.commune,
      // A recognised dossier always has its decision; were one missing, the builder refuses the
      // empty number with a Vietnamese message (422) rather than print a unit without it.
      decisionNumber: d.decisionNumber ?? "",
    })),
    notRecognised: refused.map((d) => ({
      name: d.unitName,
      kind: d.kind,
      commune: d.commune,
      reason: d.refusalReason?.trim() || DEFAULT_REFUSAL_REASON,
    })),
  };
}

/**
 * The lists over a connection of the caller's own (the document worker). At 8× a year lists
 * ~37,000 units; decoded on the request thread they held it for a few hundred milliseconds, and a
 * health check waited that long (bench:documents). Both states in one REPEATABLE READ transaction,
 * so the two lists see the same moment.
 */
export async function readReportListsOverPg(source: ReportListsSource): Promise<ReportLists> {
  const client = new pg.Client({ connectionString: source.databaseUrl, application_name: "antt-documents" });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const params = (state: string) => [source.year, state, source.referenceDate];
    const recognised = await client.query<ListedDossier>(REPORT_LIST_SQL, params("RECOGNISED"));
    const refused = await client.query<ListedDossier>(REPORT_LIST_SQL, params("NOT_RECOGNISED"));
    await client.query("COMMIT");
    return toReportLists(recognised.rows, refused.rows);
  } finally {
    await client.end();
  }
}
