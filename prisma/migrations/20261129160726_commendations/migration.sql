-- CreateEnum
CREATE TYPE "AwardKind" AS ENUM ('GIAY_KHEN', 'BANG_KHEN_CHU_TICH_UBND_TINH', 'CO_THI_DUA_UBND_TINH', 'BANG_KHEN_THU_TUONG', 'HUAN_CHUONG_LAO_DONG', 'CO_THI_DUA_CHINH_PHU');

-- CreateEnum
CREATE TYPE "CommendationProposalState" AS ENUM ('DRAFT', 'SUBMITTED', 'DECIDED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "CommendationProposal" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "awardKind" "AwardKind" NOT NULL,
    "title" TEXT NOT NULL,
    "state" "CommendationProposalState" NOT NULL DEFAULT 'DRAFT',
    "submissionNumber" TEXT,
    "submittedOn" DATE,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "decisionId" UUID,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommendationProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommendationNominee" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "unitId" UUID,
    "participantId" UUID,
    "fullName" TEXT,
    "jobTitle" TEXT,
    "workUnitId" UUID,
    "workParticipantId" UUID,
    "displayName" TEXT NOT NULL,
    "achievement" TEXT NOT NULL,
    "record" JSONB,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommendationNominee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardDecision" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "awardKind" "AwardKind" NOT NULL,
    "authorityId" UUID,
    "issuerName" TEXT NOT NULL,
    "sequence" INTEGER,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "nomineeId" UUID NOT NULL,
    "kind" "AwardKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "unitId" UUID,
    "participantId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommendationProposal_decisionId_key" ON "CommendationProposal"("decisionId");

-- CreateIndex
CREATE INDEX "CommendationProposal_year_state_idx" ON "CommendationProposal"("year", "state");

-- CreateIndex
CREATE INDEX "CommendationNominee_unitId_idx" ON "CommendationNominee"("unitId");

-- CreateIndex
CREATE INDEX "CommendationNominee_participantId_idx" ON "CommendationNominee"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "CommendationNominee_proposalId_unitId_key" ON "CommendationNominee"("proposalId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "CommendationNominee_proposalId_participantId_key" ON "CommendationNominee"("proposalId", "participantId");

-- CreateIndex
CREATE UNIQUE INDEX "AwardDecision_authorityId_year_sequence_key" ON "AwardDecision"("authorityId", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "AwardDecision_authorityId_year_number_key" ON "AwardDecision"("authorityId", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Award_nomineeId_key" ON "Award"("nomineeId");

-- CreateIndex
CREATE INDEX "Award_unitId_year_idx" ON "Award"("unitId", "year");

-- CreateIndex
CREATE INDEX "Award_participantId_year_idx" ON "Award"("participantId", "year");

-- AddForeignKey
ALTER TABLE "CommendationProposal" ADD CONSTRAINT "CommendationProposal_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AwardDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationNominee" ADD CONSTRAINT "CommendationNominee_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "CommendationProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationNominee" ADD CONSTRAINT "CommendationNominee_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationNominee" ADD CONSTRAINT "CommendationNominee_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "MovementParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationNominee" ADD CONSTRAINT "CommendationNominee_workUnitId_fkey" FOREIGN KEY ("workUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommendationNominee" ADD CONSTRAINT "CommendationNominee_workParticipantId_fkey" FOREIGN KEY ("workParticipantId") REFERENCES "MovementParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardDecision" ADD CONSTRAINT "AwardDecision_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AwardDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_nomineeId_fkey" FOREIGN KEY ("nomineeId") REFERENCES "CommendationNominee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A nominee is exactly one of a unit, a participant or an individual; an individual has a
-- position and exactly one workplace, a collective neither (issue 14 §3).
ALTER TABLE "CommendationNominee" ADD CONSTRAINT "commendation_nominee_subject"
  CHECK (num_nonnulls("unitId", "participantId", "fullName") = 1
     AND (("fullName" IS NULL AND "jobTitle" IS NULL AND "workUnitId" IS NULL AND "workParticipantId" IS NULL)
       OR ("fullName" IS NOT NULL AND "jobTitle" IS NOT NULL AND num_nonnulls("workUnitId", "workParticipantId") = 1)));

-- A submitted (or decided) proposal has its tờ trình; a withdrawn one its reason; a decided one its decision.
ALTER TABLE "CommendationProposal" ADD CONSTRAINT "commendation_proposal_state"
  CHECK (("state" = 'DRAFT' OR "state" = 'WITHDRAWN' OR ("submissionNumber" IS NOT NULL AND "submittedOn" IS NOT NULL))
     AND ("state" <> 'WITHDRAWN' OR "withdrawalReason" IS NOT NULL)
     AND (("state" = 'DECIDED') = ("decisionId" IS NOT NULL))
     AND "year" BETWEEN 2000 AND 2100 AND "version" >= 1);

-- The same tờ trình number is not issued twice in a year.
CREATE UNIQUE INDEX "CommendationProposal_year_submissionNumber_key" ON "CommendationProposal" ("year", "submissionNumber") WHERE "submissionNumber" IS NOT NULL;

-- An authority's decision takes its number from the counter (sequence); a recorded outside
-- decision (national forms, a head outside the registry) has neither authority nor sequence.
ALTER TABLE "AwardDecision" ADD CONSTRAINT "award_decision_numbering"
  CHECK (("authorityId" IS NULL) = ("sequence" IS NULL) AND ("sequence" IS NULL OR "sequence" >= 1));
-- An outside issuer's numbers are unique per issuer and year too.
CREATE UNIQUE INDEX "AwardDecision_outside_number_key" ON "AwardDecision" ("issuerName", "year", "number") WHERE "authorityId" IS NULL;

-- An award names the collective (or the individual's workplace): a unit or a participant, not both.
ALTER TABLE "Award" ADD CONSTRAINT "award_subject" CHECK (num_nonnulls("unitId", "participantId") = 1);
