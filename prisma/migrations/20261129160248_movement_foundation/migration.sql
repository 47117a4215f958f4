-- CreateEnum
CREATE TYPE "MovementGroup" AS ENUM ('PROVINCIAL_DEPARTMENT', 'COMMUNE', 'FRONT_ORGANISATION', 'AGENCY_ENTERPRISE', 'RESIDENTIAL_AREA', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "ScoringSheetStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "MovementEvaluationState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'CLASSIFIED');

-- CreateTable
CREATE TABLE "MovementParticipant" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "group" "MovementGroup" NOT NULL,
    "authorityId" UUID,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MovementParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringSheet" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "group" "MovementGroup" NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT true,
    "status" "ScoringSheetStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScoringSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringCriterion" (
    "id" UUID NOT NULL,
    "sheetId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT,
    "text" TEXT NOT NULL,
    "maxPoints" DECIMAL(6,2) NOT NULL,
    "evidenceHint" TEXT,
    "prefillKey" TEXT,

    CONSTRAINT "ScoringCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringClass" (
    "id" UUID NOT NULL,
    "sheetId" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "minPoints" DECIMAL(6,2) NOT NULL,
    "requiresRecognition" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ScoringClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MovementEvaluation" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "group" "MovementGroup" NOT NULL,
    "unitId" UUID,
    "participantId" UUID,
    "communeId" UUID,
    "sheetId" UUID NOT NULL,
    "state" "MovementEvaluationState" NOT NULL DEFAULT 'DRAFT',
    "selfTotal" DECIMAL(6,2),
    "reviewedTotal" DECIMAL(6,2),
    "classCode" TEXT,
    "className" TEXT,
    "classRank" INTEGER,
    "submittedAt" TIMESTAMPTZ(3),
    "submissionLate" BOOLEAN NOT NULL DEFAULT false,
    "reviewRound" INTEGER NOT NULL DEFAULT 0,
    "returnReason" TEXT,
    "classifiedAt" TIMESTAMPTZ(3),
    "classifiedById" UUID,
    "submittedSnapshot" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MovementEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MovementScore" (
    "id" UUID NOT NULL,
    "evaluationId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "selfPoints" DECIMAL(6,2),
    "explanation" TEXT,
    "prefill" JSONB,
    "reviewedPoints" DECIMAL(6,2),
    "reviewComment" TEXT,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MovementScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MovementEvidenceFile" (
    "id" UUID NOT NULL,
    "evaluationId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MovementEvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MovementParticipant_code_key" ON "MovementParticipant"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringSheet_year_group_key" ON "ScoringSheet"("year", "group");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringCriterion_sheetId_code_key" ON "ScoringCriterion"("sheetId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringCriterion_sheetId_position_key" ON "ScoringCriterion"("sheetId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringClass_sheetId_rank_key" ON "ScoringClass"("sheetId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringClass_sheetId_code_key" ON "ScoringClass"("sheetId", "code");

-- CreateIndex
CREATE INDEX "MovementEvaluation_year_state_idx" ON "MovementEvaluation"("year", "state");

-- CreateIndex
CREATE INDEX "MovementEvaluation_year_group_classRank_idx" ON "MovementEvaluation"("year", "group", "classRank");

-- CreateIndex
CREATE INDEX "MovementEvaluation_communeId_year_idx" ON "MovementEvaluation"("communeId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "MovementEvaluation_year_unitId_key" ON "MovementEvaluation"("year", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "MovementEvaluation_year_participantId_key" ON "MovementEvaluation"("year", "participantId");

-- CreateIndex
CREATE UNIQUE INDEX "MovementScore_evaluationId_criterionId_key" ON "MovementScore"("evaluationId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "MovementEvidenceFile_storageKey_key" ON "MovementEvidenceFile"("storageKey");

-- CreateIndex
CREATE INDEX "MovementEvidenceFile_evaluationId_criterionId_idx" ON "MovementEvidenceFile"("evaluationId", "criterionId");

-- AddForeignKey
ALTER TABLE "MovementParticipant" ADD CONSTRAINT "MovementParticipant_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringCriterion" ADD CONSTRAINT "ScoringCriterion_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoringSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringClass" ADD CONSTRAINT "ScoringClass_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoringSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvaluation" ADD CONSTRAINT "MovementEvaluation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvaluation" ADD CONSTRAINT "MovementEvaluation_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "MovementParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvaluation" ADD CONSTRAINT "MovementEvaluation_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoringSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementScore" ADD CONSTRAINT "MovementScore_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "MovementEvaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementScore" ADD CONSTRAINT "MovementScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ScoringCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementEvidenceFile" ADD CONSTRAINT "MovementEvidenceFile_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "MovementEvaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A participant is a collective that is not a TT124 unit (issue 14 §1).
ALTER TABLE "MovementParticipant" ADD CONSTRAINT "movement_participant_group"
  CHECK ("group" IN ('PROVINCIAL_DEPARTMENT', 'FRONT_ORGANISATION'));

-- An evaluation is about exactly one unit or one participant.
ALTER TABLE "MovementEvaluation" ADD CONSTRAINT "movement_evaluation_subject"
  CHECK (num_nonnulls("unitId", "participantId") = 1);

-- Individuals are nominated for awards, never scored on a sheet.
ALTER TABLE "ScoringSheet" ADD CONSTRAINT "scoring_sheet_group" CHECK ("group" <> 'INDIVIDUAL');

-- Points are never negative; a score never exceeds its line's maximum (checked by the use-cases
-- against the sheet too, with a message; this is the last line of defence).
ALTER TABLE "ScoringCriterion" ADD CONSTRAINT "scoring_criterion_points" CHECK ("maxPoints" > 0);
ALTER TABLE "ScoringClass" ADD CONSTRAINT "scoring_class_points" CHECK ("minPoints" >= 0 AND "rank" >= 1);
ALTER TABLE "MovementScore" ADD CONSTRAINT "movement_score_points"
  CHECK (("selfPoints" IS NULL OR "selfPoints" >= 0) AND ("reviewedPoints" IS NULL OR "reviewedPoints" >= 0));
