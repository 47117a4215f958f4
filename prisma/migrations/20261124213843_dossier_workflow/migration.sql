-- CreateEnum
CREATE TYPE "CriterionReviewStatus" AS ENUM ('ACCEPTED', 'FLAGGED');

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "commitmentOn" DATE,
ADD COLUMN     "commitmentRef" TEXT,
ADD COLUMN     "partyResolutionOn" DATE,
ADD COLUMN     "partyResolutionRef" TEXT,
ADD COLUMN     "planOn" DATE,
ADD COLUMN     "planRef" TEXT,
ADD COLUMN     "planTargets" JSONB,
ADD COLUMN     "proposedAt" TIMESTAMPTZ(3),
ADD COLUMN     "refusalReason" TEXT,
ADD COLUMN     "revocationReason" TEXT,
ADD COLUMN     "revocationRef" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMPTZ(3),
ADD COLUMN     "submissionLate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CriterionAnswer" (
    "id" UUID NOT NULL,
    "dossierId" UUID NOT NULL,
    "criterionId" TEXT NOT NULL,
    "declared" BOOLEAN,
    "explanation" TEXT,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CriterionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" UUID NOT NULL,
    "dossierId" UUID NOT NULL,
    "criterionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierSnapshot" (
    "id" UUID NOT NULL,
    "dossierId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedById" UUID,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "answers" JSONB NOT NULL,
    "evidence" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionReview" (
    "id" UUID NOT NULL,
    "dossierId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "criterionId" TEXT NOT NULL,
    "status" "CriterionReviewStatus" NOT NULL,
    "comment" TEXT,
    "reviewerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CriterionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionNumberCounter" (
    "authorityId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSequence" INTEGER NOT NULL,

    CONSTRAINT "DecisionNumberCounter_pkey" PRIMARY KEY ("authorityId","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "CriterionAnswer_dossierId_criterionId_key" ON "CriterionAnswer"("dossierId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_storageKey_key" ON "EvidenceFile"("storageKey");

-- CreateIndex
CREATE INDEX "EvidenceFile_dossierId_criterionId_idx" ON "EvidenceFile"("dossierId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "DossierSnapshot_dossierId_round_key" ON "DossierSnapshot"("dossierId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionReview_dossierId_round_criterionId_key" ON "CriterionReview"("dossierId", "round", "criterionId");

-- AddForeignKey
ALTER TABLE "CriterionAnswer" ADD CONSTRAINT "CriterionAnswer_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierSnapshot" ADD CONSTRAINT "DossierSnapshot_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionReview" ADD CONSTRAINT "CriterionReview_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;
