/**
 * Public verification of a certificate (/xac-minh/<token>, no sign-in): what a person scanning
 * its QR code may learn — the unit's name as printed, the year, the decision's number and date,
 * and whether the certificate still stands, was cancelled or revoked. Nothing else is selected,
 * so nothing else can leak: no ids, no signer, no commune, no other unit of the decision.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isVerifyTokenShape, verificationStatus, type VerificationStatus } from "./decision-change";

export type CertificateVerification = {
  unitName: string;
  year: number;
  decisionNumber: string;
  decisionIssuedOn: Date;
  status: VerificationStatus;
};

/** The facts behind a token, or null for a token that is not one of ours (the same answer for any). */
export async function verifyCertificate(prisma: PrismaClient, token: string): Promise<CertificateVerification | null> {
  if (!isVerifyTokenShape(token)) return null;
  const row = await prisma.decisionRecognition.findUnique({
    where: { verifyToken: token },
    select: {
      unitName: true,
      decisionId: true,
      decision: { select: { year: true, number: true, issuedOn: true, cancelledAt: true, revokedAt: true } },
      dossier: { select: { state: true, decisionId: true } },
    },
  });
  if (!row) return null;
  return {
    unitName: row.unitName,
    year: row.decision.year,
    decisionNumber: row.decision.number,
    decisionIssuedOn: row.decision.issuedOn,
    status: verificationStatus({
      decisionId: row.decisionId,
      decisionCancelledAt: row.decision.cancelledAt,
      decisionRevokedAt: row.decision.revokedAt,
      dossierState: row.dossier.state,
      dossierDecisionId: row.dossier.decisionId,
    }),
  };
}
