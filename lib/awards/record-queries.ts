/**
 * Reading nominees' records (lib/awards/record.ts) from the database, for many subjects at once: a
 * constant number of queries whatever the number of candidates.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { EMPTY_RECORD, normaliseRecord, type NomineeRecord } from "./record";

type Db = Pick<Prisma.TransactionClient, "dossier" | "movementEvaluation" | "award">;

/** A collective: a TT124 unit or a movement participant. */
export type Subject = { unitId: string; participantId?: undefined } | { participantId: string; unitId?: undefined };

/** The collective a nominee or evaluation is about, if it is one (an individual is not). */
export function subjectOf(n: { unitId?: string | null; participantId?: string | null }): Subject[] {
  return n.unitId ? [{ unitId: n.unitId }] : n.participantId ? [{ participantId: n.participantId }] : [];
}

export const subjectKey = (s: { unitId?: string | null; participantId?: string | null }) => (s.unitId ? `u:${s.unitId}` : `p:${s.participantId}`);

/**
 * The records up to `year` of the given collectives, keyed by subjectKey. Recognition: the unit's
 * dossiers RECOGNISED (a revoked one is REVOKED; a cancelled decision returns its dossier to
 * PROPOSED), classes: CLASSIFIED evaluations, awards: awards given to the collective itself (not
 * to individuals working there).
 */
export async function loadRecords(db: Db, subjects: readonly Subject[], year: number): Promise<Map<string, NomineeRecord>> {
  const unitIds = [...new Set(subjects.flatMap((s) => (s.unitId ? [s.unitId] : [])))];
  const participantIds = [...new Set(subjects.flatMap((s) => (s.participantId ? [s.participantId] : [])))];
  const records = new Map<string, NomineeRecord>(subjects.map((s) => [subjectKey(s), { recognisedYears: [], classes: [], awards: [] }]));
  if (subjects.length === 0) return records;
  const who = [...(unitIds.length ? [{ unitId: { in: unitIds } }] : []), ...(participantIds.length ? [{ participantId: { in: participantIds } }] : [])];
  const [dossiers, evaluations, awards] = await Promise.all([
    unitIds.length ? db.dossier.findMany({ where: { unitId: { in: unitIds }, state: "RECOGNISED", year: { lte: year } }, select: { unitId: true, year: true } }) : [],
    db.movementEvaluation.findMany({
      where: { OR: who, state: "CLASSIFIED", year: { lte: year }, classRank: { not: null } },
      select: { unitId: true, participantId: true, year: true, classCode: true, className: true, classRank: true, reviewedTotal: true },
    }),
    db.award.findMany({
      where: { OR: who, year: { lte: year }, nominee: { fullName: null } },
      select: { unitId: true, participantId: true, year: true, kind: true, decision: { select: { number: true, issuedOn: true } } },
    }),
  ]);
  for (const d of dossiers) records.get(subjectKey({ unitId: d.unitId }))?.recognisedYears.push(d.year);
  for (const e of evaluations) {
    records.get(subjectKey(e))?.classes.push({ year: e.year, classCode: e.classCode ?? "", className: e.className ?? "", classRank: e.classRank!, reviewedTotal: e.reviewedTotal ? e.reviewedTotal.toFixed(2) : null });
  }
  for (const a of awards) records.get(subjectKey(a))?.awards.push({ year: a.year, kind: a.kind, decisionNumber: a.decision.number, issuedOn: a.decision.issuedOn.toISOString().slice(0, 10) });
  for (const [key, record] of records) records.set(key, normaliseRecord(record));
  return records;
}

export async function loadRecord(db: Db, subject: Subject, year: number): Promise<NomineeRecord> {
  return (await loadRecords(db, [subject], year)).get(subjectKey(subject)) ?? EMPTY_RECORD;
}
