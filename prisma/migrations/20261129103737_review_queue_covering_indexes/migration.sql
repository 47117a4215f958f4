-- DropIndex
DROP INDEX "Dossier_year_state_idx";

-- DropIndex
DROP INDEX "Unit_kind_idx";

-- CreateIndex
CREATE INDEX "Dossier_year_state_submittedAt_id_unitId_idx" ON "Dossier"("year", "state", "submittedAt", "id", "unitId");

-- CreateIndex
CREATE INDEX "Unit_kind_id_idx" ON "Unit"("kind", "id");
