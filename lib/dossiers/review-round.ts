/**
 * The criteria a review round judges and where each stands (I/O around the pure
 * lib/workflow/review-round.ts): the national criteria of the dossier's frozen kind and year, and
 * the province's extra criteria frozen with the round under review.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { readFrozenCriteria } from "@/lib/rules/provincial-criteria";
import { loadApplicableCriteria } from "@/lib/rules/provincial-criteria-store";
import { roundStanding, type CriterionStanding } from "@/lib/workflow/review-round";
import { criteriaForKind } from "./self-assessment-questions";

type Db = PrismaClient | Prisma.TransactionClient;
export type RoundDossier = { id: string; kind: UnitKind; year: number; reviewRound: number };
export type RoundCriterion = { id: string; title: string };

export async function roundCriteria(db: Db, dossier: RoundDossier): Promise<RoundCriterion[]> {
  const national = criteriaForKind(dossier.kind, dossier.year).map((c) => ({ id: c.id, title: c.title }));
  const snapshot = await db.dossierSnapshot.findUnique({ where: { dossierId_round: { dossierId: dossier.id, round: dossier.reviewRound } }, select: { extraCriteria: true } });
  const extra = snapshot ? readFrozenCriteria(snapshot.extraCriteria) : await loadApplicableCriteria(db, dossier.kind, dossier.year);
  return [...national, ...extra.map((c) => ({ id: c.code, title: c.title }))];
}

/** Every criterion of the round with its standing (judged now, carried from an earlier round, or not yet). */
export async function loadRoundStanding(db: Db, dossier: RoundDossier): Promise<{ criteria: RoundCriterion[]; standing: CriterionStanding[] }> {
  const criteria = await roundCriteria(db, dossier);
  const verdicts = await db.criterionReview.findMany({
    where: { dossierId: dossier.id, round: { lte: dossier.reviewRound } },
    select: { criterionId: true, round: true, status: true, comment: true },
  });
  return { criteria, standing: roundStanding(criteria.map((c) => c.id), verdicts, dossier.reviewRound) };
}
