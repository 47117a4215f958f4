-- CreateEnum
CREATE TYPE "IncidentPersonRole" AS ENUM ('STAFF', 'WORKER', 'TEACHER', 'LEARNER', 'SECURITY_FORCE_MEMBER', 'COMMUNE_POLICE', 'RESIDENT');

-- CreateEnum
CREATE TYPE "PersonBasis" AS ENUM ('ANTT_ADMIN_SANCTION', 'SOCIAL_EVIL', 'CRIME');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "disciplineLevel" "DisciplineLevel",
ADD COLUMN     "personBasis" "PersonBasis",
ADD COLUMN     "personRole" "IncidentPersonRole";

-- AlterTable
ALTER TABLE "UnitYearFacts" ADD COLUMN     "noPreviousYear" BOOLEAN NOT NULL DEFAULT false;
