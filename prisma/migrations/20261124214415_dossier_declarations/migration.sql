-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "declarations" JSONB;
