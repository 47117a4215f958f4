-- DropIndex
DROP INDEX "Unit_communeId_kind_idx";

-- CreateIndex
CREATE INDEX "AdministrativeArea_name_idx" ON "AdministrativeArea"("name");

-- CreateIndex
CREATE INDEX "Unit_communeId_kind_name_id_idx" ON "Unit"("communeId", "kind", "name", "id");
