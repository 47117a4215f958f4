-- Unit history (ADR 0009). Written by hand around the generated statements: the dossier's frozen
-- facts are added nullable, backfilled from the unit's current row, then made NOT NULL.

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "communeId" UUID,
ADD COLUMN     "exclusionReason" "ExclusionReason",
ADD COLUMN     "kind" "UnitKind",
ADD COLUMN     "managingAuthorityId" UUID,
ADD COLUMN     "sector" "Sector";

-- Backfill: before this migration nothing recorded where a unit was when it registered; its
-- current row is the best knowledge there is. updatedAt is kept: nothing a person changed.
UPDATE "Dossier" d SET "communeId" = u."communeId", "managingAuthorityId" = u."managingAuthorityId",
  "kind" = u."kind", "sector" = u."sector", "exclusionReason" = u."exclusionReason"
FROM "Unit" u WHERE u."id" = d."unitId";

ALTER TABLE "Dossier" ALTER COLUMN "communeId" SET NOT NULL,
ALTER COLUMN "managingAuthorityId" SET NOT NULL,
ALTER COLUMN "kind" SET NOT NULL;

-- CreateTable
CREATE TABLE "UnitPlacement" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "communeId" UUID NOT NULL,
    "managingAuthorityId" UUID NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "sector" "Sector",
    "exclusionReason" "ExclusionReason",
    "isActive" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitPlacement_effectiveFrom_effectiveTo_idx" ON "UnitPlacement"("effectiveFrom", "effectiveTo");

-- CreateIndex
CREATE INDEX "UnitPlacement_communeId_idx" ON "UnitPlacement"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitPlacement_unitId_effectiveFrom_key" ON "UnitPlacement"("unitId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Dossier_communeId_year_idx" ON "Dossier"("communeId", "year");

-- AddForeignKey
ALTER TABLE "UnitPlacement" ADD CONSTRAINT "UnitPlacement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPlacement" ADD CONSTRAINT "UnitPlacement_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdministrativeArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPlacement" ADD CONSTRAINT "UnitPlacement_managingAuthorityId_fkey" FOREIGN KEY ("managingAuthorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "AdministrativeArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_managingAuthorityId_fkey" FOREIGN KEY ("managingAuthorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A placement ends on or after the day it starts (effectiveTo is inclusive).
ALTER TABLE "UnitPlacement" ADD CONSTRAINT "UnitPlacement_dates_check" CHECK ("effectiveTo" IS NULL OR "effectiveTo" >= "effectiveFrom");

-- At most one placement valid on any date per unit. An EXCLUDE USING gist constraint would need
-- the btree_gist extension for the uuid equality, which PGlite does not load by default; this
-- trigger holds on both. It locks the unit's row first so two concurrent writers of the same unit's
-- history are serialised and cannot both pass the check. SQLSTATE 23P01 = exclusion_violation.
CREATE FUNCTION "unit_placement_no_overlap"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Unit" WHERE "id" = NEW."unitId" FOR UPDATE;
  IF EXISTS (
    SELECT 1 FROM "UnitPlacement" p
    WHERE p."unitId" = NEW."unitId" AND p."id" <> NEW."id"
      AND daterange(p."effectiveFrom", p."effectiveTo", '[]') && daterange(NEW."effectiveFrom", NEW."effectiveTo", '[]')
  ) THEN
    RAISE EXCEPTION 'unit % already has a placement valid between % and %', NEW."unitId", NEW."effectiveFrom", coalesce(NEW."effectiveTo"::text, 'open')
      USING ERRCODE = '23P01', CONSTRAINT = 'UnitPlacement_no_overlap';
  END IF;
  RETURN NEW;
END $$;

CREATE CONSTRAINT TRIGGER "unit_placement_no_overlap" AFTER INSERT OR UPDATE ON "UnitPlacement"
  FOR EACH ROW EXECUTE FUNCTION "unit_placement_no_overlap"();

-- The Unit row holds the placement valid today; every writer of Unit (the registry forms, the
-- import, the seeds, tests) keeps its history without knowing it:
-- - a new unit gets one open placement from 2022-01-01, the start of the application's history
--   (the same as the backfill below: a unit the registry learns of without a date is taken to
--   have been where it is since then);
-- - an update of a placed column rewrites the open placement (a correction; a dated change has
--   already opened the new placement, so this is then a no-op) and re-copies the facts of the
--   unit's dossiers not yet submitted whose year's reference date (15/11) is on or after the open
--   placement's start.
CREATE FUNCTION "unit_placement_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  opened date;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "UnitPlacement" ("id", "unitId", "effectiveFrom", "communeId", "managingAuthorityId", "kind", "sector", "exclusionReason", "isActive")
    VALUES (gen_random_uuid(), NEW."id", DATE '2022-01-01', NEW."communeId", NEW."managingAuthorityId", NEW."kind", NEW."sector", NEW."exclusionReason", NEW."isActive");
    RETURN NEW;
  END IF;
  UPDATE "UnitPlacement" SET "communeId" = NEW."communeId", "managingAuthorityId" = NEW."managingAuthorityId", "kind" = NEW."kind",
    "sector" = NEW."sector", "exclusionReason" = NEW."exclusionReason", "isActive" = NEW."isActive"
  WHERE "unitId" = NEW."id" AND "effectiveTo" IS NULL
    AND ("communeId", "managingAuthorityId", "kind", "sector", "exclusionReason", "isActive")
      IS DISTINCT FROM (NEW."communeId", NEW."managingAuthorityId", NEW."kind", NEW."sector", NEW."exclusionReason", NEW."isActive")
  RETURNING "effectiveFrom" INTO opened;
  IF opened IS NULL THEN
    SELECT "effectiveFrom" INTO opened FROM "UnitPlacement" WHERE "unitId" = NEW."id" AND "effectiveTo" IS NULL;
  END IF;
  UPDATE "Dossier" SET "communeId" = NEW."communeId", "managingAuthorityId" = NEW."managingAuthorityId", "kind" = NEW."kind",
    "sector" = NEW."sector", "exclusionReason" = NEW."exclusionReason"
  WHERE "unitId" = NEW."id" AND "state" IN ('NOT_REGISTERED', 'REGISTERED', 'SELF_ASSESSMENT')
    AND make_date("year", 11, 15) >= coalesce(opened, DATE '2022-01-01')
    AND ("communeId", "managingAuthorityId", "kind", "sector", "exclusionReason")
      IS DISTINCT FROM (NEW."communeId", NEW."managingAuthorityId", NEW."kind", NEW."sector", NEW."exclusionReason");
  RETURN NEW;
END $$;

CREATE TRIGGER "unit_placement_insert" AFTER INSERT ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "unit_placement_sync"();
CREATE TRIGGER "unit_placement_update" AFTER UPDATE OF "communeId", "managingAuthorityId", "kind", "sector", "exclusionReason", "isActive" ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "unit_placement_sync"();

-- Backfill: one open placement per existing unit, from 2022-01-01.
INSERT INTO "UnitPlacement" ("id", "unitId", "effectiveFrom", "communeId", "managingAuthorityId", "kind", "sector", "exclusionReason", "isActive")
SELECT gen_random_uuid(), u."id", DATE '2022-01-01', u."communeId", u."managingAuthorityId", u."kind", u."sector", u."exclusionReason", u."isActive"
FROM "Unit" u;
