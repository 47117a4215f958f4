/**
 * What /api/health reports: the database answers, and the evidence store accepts, returns and
 * removes a file. Names what failed; reveals nothing about the data.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EvidenceStorage } from "@/lib/dossiers/evidence-storage";

type Check = "ok" | "unavailable";
export type HealthReport = { status: Check; database: Check; evidenceStore: Check };

async function check(probe: () => Promise<unknown>, what: string): Promise<Check> {
  try {
    await probe();
    return "ok";
  } catch (error) {
    console.error(`Health check: ${what} unavailable`, error);
    return "unavailable";
  }
}

export async function healthReport(prisma: PrismaClient, storage: EvidenceStorage): Promise<HealthReport> {
  const [database, evidenceStore] = await Promise.all([check(() => prisma.$queryRaw`SELECT 1`, "database"), check(() => storage.check(), "evidence store")]);
  return { status: database === "ok" && evidenceStore === "ok" ? "ok" : "unavailable", database, evidenceStore };
}
