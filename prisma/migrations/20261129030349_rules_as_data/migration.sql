-- AlterTable
ALTER TABLE "CompetenceRule" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdById" UUID;

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "extraAnswers" JSONB;

-- AlterTable
ALTER TABLE "DossierSnapshot" ADD COLUMN     "extraCriteria" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "ProvincialCriterion" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unitKinds" "UnitKind"[],
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER,
    "description" TEXT,
    "evidenceExpected" TEXT,
    "legalBasis" TEXT NOT NULL,
    "firstUsedAt" TIMESTAMPTZ(3),
    "retiredAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProvincialCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProvincialCriterion_code_key" ON "ProvincialCriterion"("code");
