-- CreateTable
CREATE TABLE "CycleCalendar" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "registrationEnd" DATE NOT NULL,
    "selfAssessmentEndKdc" DATE NOT NULL,
    "selfAssessmentEndOthers" DATE NOT NULL,
    "unitReportEnd" DATE NOT NULL,
    "provinceReportEnd" DATE NOT NULL,
    "reminderOffsets" INTEGER[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CycleCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CycleCalendar_year_key" ON "CycleCalendar"("year");
