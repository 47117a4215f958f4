-- CreateEnum
CREATE TYPE "MovementReportState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED');

-- CreateTable
CREATE TABLE "MovementReport" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "group" "MovementGroup" NOT NULL,
    "unitId" UUID,
    "participantId" UUID,
    "communeId" UUID,
    "state" "MovementReportState" NOT NULL DEFAULT 'DRAFT',
    "results" TEXT,
    "models" TEXT,
    "propaganda" TEXT,
    "difficulties" TEXT,
    "proposals" TEXT,
    "propagandaSessions" INTEGER,
    "propagandaAttendees" INTEGER,
    "modelsCount" INTEGER,
    "tipsReceived" INTEGER,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "returnReason" TEXT,
    "returnedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MovementReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvinceMovementReport" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "builtById" UUID,
    "figures" JSONB NOT NULL,
    "number" TEXT,
    "sentOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProvinceMovementReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MovementReport_year_state_group_idx" ON "MovementReport"("year", "state", "group");

-- CreateIndex
CREATE UNIQUE INDEX "MovementReport_year_unitId_key" ON "MovementReport"("year", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "MovementReport_year_participantId_key" ON "MovementReport"("year", "participantId");

-- CreateIndex
CREATE INDEX "ProvinceMovementReport_year_builtAt_idx" ON "ProvinceMovementReport"("year", "builtAt");

-- AddForeignKey
ALTER TABLE "MovementReport" ADD CONSTRAINT "MovementReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementReport" ADD CONSTRAINT "MovementReport_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "MovementParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A report is about exactly one unit or one participant (ADR 00XX-movement-reports).
ALTER TABLE "MovementReport" ADD CONSTRAINT "movement_report_subject"
  CHECK (num_nonnulls("unitId", "participantId") = 1);

-- Khu dân cư report through their commune and individuals never report: neither group has reports.
ALTER TABLE "MovementReport" ADD CONSTRAINT "movement_report_group"
  CHECK ("group" NOT IN ('RESIDENTIAL_AREA', 'INDIVIDUAL'));

-- Declared figures are counts.
ALTER TABLE "MovementReport" ADD CONSTRAINT "movement_report_figures"
  CHECK (coalesce("propagandaSessions", 0) >= 0 AND coalesce("propagandaAttendees", 0) >= 0
     AND coalesce("modelsCount", 0) >= 0 AND coalesce("tipsReceived", 0) >= 0);

-- A submitted report says when.
ALTER TABLE "MovementReport" ADD CONSTRAINT "movement_report_submitted"
  CHECK ("state" = 'DRAFT' OR "submittedAt" IS NOT NULL);
