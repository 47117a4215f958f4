-- AlterTable
ALTER TABLE "RecognitionDecision" ADD COLUMN     "cancellationReason" TEXT,
ADD COLUMN     "cancellationRef" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "cancelledById" UUID,
ADD COLUMN     "textVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "RecognitionDecisionRevision" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "issuedOn" DATE NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "unitNames" JSONB NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecognitionDecisionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionRecognition" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "dossierId" UUID NOT NULL,
    "unitName" TEXT NOT NULL,
    "verifyToken" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionRecognition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionDecisionRevision_decisionId_version_key" ON "RecognitionDecisionRevision"("decisionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRecognition_verifyToken_key" ON "DecisionRecognition"("verifyToken");

-- CreateIndex
CREATE INDEX "DecisionRecognition_dossierId_idx" ON "DecisionRecognition"("dossierId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRecognition_decisionId_dossierId_key" ON "DecisionRecognition"("decisionId", "dossierId");

-- AddForeignKey
ALTER TABLE "RecognitionDecisionRevision" ADD CONSTRAINT "RecognitionDecisionRevision_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "RecognitionDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionRecognition" ADD CONSTRAINT "DecisionRecognition_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "RecognitionDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionRecognition" ADD CONSTRAINT "DecisionRecognition_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill (written by hand): decisions issued before this migration get their version 1 and one
-- row per unit they named, with the name printed today and a fresh verification token. The token
-- is 32 bytes from two gen_random_uuid() (244 random bits, a strong generator), base64url.
INSERT INTO "DecisionRecognition" ("id", "decisionId", "dossierId", "unitName", "verifyToken")
SELECT gen_random_uuid(), d."decisionId", d."id", u."name",
  translate(encode(decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_')
FROM "Dossier" d JOIN "Unit" u ON u."id" = d."unitId"
WHERE d."decisionId" IS NOT NULL;

INSERT INTO "RecognitionDecisionRevision" ("id", "decisionId", "version", "issuedOn", "signerName", "signerTitle", "unitNames", "createdById", "createdAt")
SELECT gen_random_uuid(), r."id", 1, r."issuedOn", r."signerName", r."signerTitle",
  COALESCE((SELECT jsonb_object_agg(x."dossierId"::text, x."unitName") FROM "DecisionRecognition" x WHERE x."decisionId" = r."id"), '{}'::jsonb),
  r."createdById", r."createdAt"
FROM "RecognitionDecision" r;
