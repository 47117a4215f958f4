-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('KDC', 'XA', 'CQ', 'DN', 'CSGD');

-- CreateEnum
CREATE TYPE "ExclusionReason" AS ENUM ('ARMED_FORCES', 'SMALL_MICRO_ENTERPRISE', 'PRIMARY_OR_PRESCHOOL');

-- CreateEnum
CREATE TYPE "AreaLevel" AS ENUM ('PROVINCE', 'COMMUNE');

-- CreateEnum
CREATE TYPE "CommuneKind" AS ENUM ('XA', 'PHUONG', 'DAC_KHU');

-- CreateEnum
CREATE TYPE "ResidentialAreaType" AS ENUM ('THON', 'BAN', 'TO_DAN_PHO', 'KHU_PHO', 'LANG');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('STATE_ADMINISTRATION', 'PUBLIC_SERVICE_UNIT', 'PARTY_MASS_ORGANISATION', 'STATE_OWNED_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'FOREIGN_INVESTED_ENTERPRISE', 'EDUCATION', 'LOCAL_GOVERNMENT', 'RESIDENTIAL');

-- CreateEnum
CREATE TYPE "EducationLevel" AS ENUM ('NHA_TRE_MAM_NON', 'TIEU_HOC', 'THCS', 'THPT', 'LIEN_CAP', 'GDNN', 'DAI_HOC', 'GDTX');

-- CreateEnum
CREATE TYPE "AuthorityKind" AS ENUM ('BO_CONG_AN', 'UBND_TINH', 'CONG_AN_TINH', 'UBND_XA', 'CONG_AN_XA', 'SO_NGANH');

-- CreateEnum
CREATE TYPE "SubUnitKind" AS ENUM ('PHONG', 'BAN', 'TO', 'DOI', 'KHOA', 'TRUNG_TAM', 'PHAN_XUONG', 'CHI_NHANH', 'KHAC');

-- CreateEnum
CREATE TYPE "EmulationResult" AS ENUM ('TTLDTT', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV');

-- CreateEnum
CREATE TYPE "PersonnelType" AS ENUM ('CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'NGUOI_LAO_DONG', 'NGUOI_HOC', 'CONG_AN', 'LUC_LUONG_CO_SO');

-- CreateEnum
CREATE TYPE "DisciplineLevel" AS ENUM ('KHIEN_TRACH', 'CANH_CAO', 'KEO_DAI_NANG_LUONG', 'HA_BAC_LUONG', 'GIANG_CHUC', 'CACH_CHUC', 'BAI_NHIEM', 'BUOC_THOI_VIEC', 'SA_THAI');

-- CreateEnum
CREATE TYPE "IncidentCode" AS ENUM ('ANTI_PARTY_GOV', 'SABOTAGE_KEY_TARGET', 'ILLEGAL_RELIGION', 'EXPLOIT_RELIGION_ETHNIC_DISPUTE', 'SEPARATISM', 'PROLONGED_DISPUTE', 'INCITE_MASS_COMPLAINT', 'ILLEGAL_STRIKE', 'SERIOUS_CRIME', 'STATE_SECRET_BREACH', 'SERIOUS_FIRE_EXPLOSION', 'FATAL_LABOUR_ACCIDENT', 'SERIOUS_INCIDENT', 'ENV_FOODSAFETY_SERIOUS', 'STAFF_ANTT_SANCTION_OR_EVIL', 'NEW_HOTSPOT', 'NEW_SOCIAL_EVIL_PERSON', 'SCHOOL_VIOLENCE', 'MEMBER_CRIME_OR_EVIL_DISCIPLINED');

-- CreateEnum
CREATE TYPE "CrimeSeverity" AS ENUM ('IT_NGHIEM_TRONG', 'NGHIEM_TRONG', 'RAT_NGHIEM_TRONG', 'DAC_BIET_NGHIEM_TRONG');

-- CreateEnum
CREATE TYPE "IncidentSource" AS ENUM ('POLICE_RECORDED', 'UNIT_DECLARED');

-- CreateEnum
CREATE TYPE "DossierState" AS ENUM ('NOT_REGISTERED', 'REGISTERED', 'SELF_ASSESSMENT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'PROPOSED', 'RECOGNISED', 'NOT_RECOGNISED', 'REVOKED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'UNIT_OFFICER', 'LEADER');

-- CreateEnum
CREATE TYPE "ReviewerLevel" AS ENUM ('PROVINCIAL_POLICE', 'COMMUNE_POLICE');

-- CreateTable
CREATE TABLE "AdministrativeArea" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "AreaLevel" NOT NULL,
    "communeKind" "CommuneKind",
    "parentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdministrativeArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Authority" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AuthorityKind" NOT NULL,
    "documentSymbol" TEXT NOT NULL,
    "placeName" TEXT NOT NULL,
    "areaId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Authority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetenceRule" (
    "id" UUID NOT NULL,
    "unitKind" "UnitKind" NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "reviewerLevel" "ReviewerLevel" NOT NULL,
    "deciderKind" "AuthorityKind" NOT NULL,
    "decisionDeadlineMonth" INTEGER NOT NULL,
    "decisionDeadlineDay" INTEGER NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "CompetenceRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "communeId" UUID NOT NULL,
    "managingAuthorityId" UUID NOT NULL,
    "sector" "Sector",
    "residentialAreaType" "ResidentialAreaType",
    "educationLevel" "EducationLevel",
    "exclusionReason" "ExclusionReason",
    "hasPartyOrganisation" BOOLEAN NOT NULL DEFAULT true,
    "hasSecurityForce" BOOLEAN NOT NULL DEFAULT false,
    "address" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubUnit" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SubUnitKind" NOT NULL,
    "eligibleForRating" BOOLEAN NOT NULL DEFAULT true,
    "isSecurityForce" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SubUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubUnitYearResult" (
    "id" UUID NOT NULL,
    "subUnitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "result" "EmulationResult" NOT NULL,
    "decisionRef" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SubUnitYearResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitYearFacts" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "staffTotal" INTEGER,
    "staffBriefed" INTEGER,
    "staffCommitted" INTEGER,
    "staffLaoDongTienTien" INTEGER,
    "staffChienSiThiDua" INTEGER,
    "learnersTotal" INTEGER,
    "learnersBriefed" INTEGER,
    "householdsResident" INTEGER,
    "householdsRegistered" INTEGER,
    "crimeCount" INTEGER,
    "socialEvilCount" INTEGER,
    "violationCount" INTEGER,
    "securityForceRating" "EmulationResult",
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UnitYearFacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "subUnitId" UUID,
    "fullName" TEXT NOT NULL,
    "personnelType" "PersonnelType" NOT NULL,
    "position" TEXT,
    "isSecurityForceMember" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisciplineRecord" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "level" "DisciplineLevel" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "decisionRef" TEXT,
    "reason" TEXT NOT NULL,
    "forSocialEvil" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DisciplineRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "unitId" UUID,
    "communeId" UUID NOT NULL,
    "code" "IncidentCode" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "severity" "CrimeSeverity",
    "forceMajeure" BOOLEAN NOT NULL DEFAULT false,
    "detectedTimely" BOOLEAN NOT NULL DEFAULT false,
    "mitigated" BOOLEAN NOT NULL DEFAULT false,
    "reportedImmediately" BOOLEAN NOT NULL DEFAULT false,
    "source" "IncidentSource" NOT NULL,
    "recordedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MovementModel" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "startedOn" DATE,
    "isEffective" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MovementModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "state" "DossierState" NOT NULL DEFAULT 'NOT_REGISTERED',
    "registeredOn" DATE,
    "registrationLate" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "reviewRound" INTEGER NOT NULL DEFAULT 0,
    "decisionId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecognitionDecision" (
    "id" UUID NOT NULL,
    "authorityId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revocationReason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecognitionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" UUID,
    "areaId" UUID,
    "reviewerLevel" "ReviewerLevel",
    "authorityId" UUID,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorUsername" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "unitId" UUID,
    "before" JSONB,
    "after" JSONB,
    "meta" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdministrativeArea_code_key" ON "AdministrativeArea"("code");

-- CreateIndex
CREATE INDEX "AdministrativeArea_parentId_idx" ON "AdministrativeArea"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Authority_code_key" ON "Authority"("code");

-- CreateIndex
CREATE INDEX "Authority_areaId_idx" ON "Authority"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "CompetenceRule_unitKind_effectiveFrom_key" ON "CompetenceRule"("unitKind", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_communeId_kind_idx" ON "Unit"("communeId", "kind");

-- CreateIndex
CREATE INDEX "Unit_managingAuthorityId_idx" ON "Unit"("managingAuthorityId");

-- CreateIndex
CREATE INDEX "Unit_kind_idx" ON "Unit"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "SubUnit_unitId_name_key" ON "SubUnit"("unitId", "name");

-- CreateIndex
CREATE INDEX "SubUnitYearResult_year_idx" ON "SubUnitYearResult"("year");

-- CreateIndex
CREATE UNIQUE INDEX "SubUnitYearResult_subUnitId_year_key" ON "SubUnitYearResult"("subUnitId", "year");

-- CreateIndex
CREATE INDEX "UnitYearFacts_year_idx" ON "UnitYearFacts"("year");

-- CreateIndex
CREATE UNIQUE INDEX "UnitYearFacts_unitId_year_key" ON "UnitYearFacts"("unitId", "year");

-- CreateIndex
CREATE INDEX "Person_unitId_idx" ON "Person"("unitId");

-- CreateIndex
CREATE INDEX "DisciplineRecord_unitId_decidedOn_idx" ON "DisciplineRecord"("unitId", "decidedOn");

-- CreateIndex
CREATE INDEX "Incident_unitId_occurredOn_idx" ON "Incident"("unitId", "occurredOn");

-- CreateIndex
CREATE INDEX "Incident_communeId_occurredOn_idx" ON "Incident"("communeId", "occurredOn");

-- CreateIndex
CREATE INDEX "Incident_code_occurredOn_idx" ON "Incident"("code", "occurredOn");

-- CreateIndex
CREATE INDEX "MovementModel_unitId_year_idx" ON "MovementModel"("unitId", "year");

-- CreateIndex
CREATE INDEX "Dossier_year_state_idx" ON "Dossier"("year", "state");

-- CreateIndex
CREATE INDEX "Dossier_decisionId_idx" ON "Dossier"("decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_unitId_year_key" ON "Dossier"("unitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionDecision_authorityId_year_sequence_key" ON "RecognitionDecision"("authorityId", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionDecision_authorityId_year_number_key" ON "RecognitionDecision"("authorityId", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_unitId_at_idx" ON "AuditEvent"("unitId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- AddForeignKey
ALTER TABLE "AdministrativeArea" ADD CONSTRAINT "AdministrativeArea_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AdministrativeArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Authority" ADD CONSTRAINT "Authority_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "AdministrativeArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdministrativeArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_managingAuthorityId_fkey" FOREIGN KEY ("managingAuthorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubUnit" ADD CONSTRAINT "SubUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubUnitYearResult" ADD CONSTRAINT "SubUnitYearResult_subUnitId_fkey" FOREIGN KEY ("subUnitId") REFERENCES "SubUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitYearFacts" ADD CONSTRAINT "UnitYearFacts_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_subUnitId_fkey" FOREIGN KEY ("subUnitId") REFERENCES "SubUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisciplineRecord" ADD CONSTRAINT "DisciplineRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisciplineRecord" ADD CONSTRAINT "DisciplineRecord_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdministrativeArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MovementModel" ADD CONSTRAINT "MovementModel_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "RecognitionDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecognitionDecision" ADD CONSTRAINT "RecognitionDecision_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "AdministrativeArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Audit events are append-only: history must not be rewritten, even by the application.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();
