/**
 * For decisions written straight into the database (the demo and scale seeds) rather than by
 * `issueDecision`: gives each its version 1 and one DecisionRecognition per unit it recognised,
 * with the unit's name and a fresh verification token — what the migration
 * 20261129061535_decision_correction_cancellation did for decisions issued before it. Idempotent.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export async function recordDirectlyWrittenDecisions(tx: Prisma.TransactionClient): Promise<void> {
  // Two gen_random_uuid(): 244 bits from a strong generator, base64url (as the migration).
  await tx.$executeRaw`
    INSERT INTO "DecisionRecognition" ("id", "decisionId", "dossierId", "unitName", "verifyToken")
    SELECT gen_random_uuid(), d."decisionId", d."id", u."name",
      translate(encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_')
    FROM "Dossier" d JOIN "Unit" u ON u."id" = d."unitId"
    WHERE d."decisionId" IS NOT NULL
    ON CONFLICT ("decisionId", "dossierId") DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO "RecognitionDecisionRevision" ("id", "decisionId", "version", "issuedOn", "signerName", "signerTitle", "unitNames", "createdById", "createdAt")
    SELECT gen_random_uuid(), r."id", 1, r."issuedOn", r."signerName", r."signerTitle",
      COALESCE((SELECT jsonb_object_agg(x."dossierId"::text, x."unitName") FROM "DecisionRecognition" x WHERE x."decisionId" = r."id"), '{}'::jsonb),
      r."createdById", r."createdAt"
    FROM "RecognitionDecision" r
    ON CONFLICT ("decisionId", "version") DO NOTHING`;
}
