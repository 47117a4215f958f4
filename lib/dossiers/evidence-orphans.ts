/**
 * Evidence files with no row: an upload stores the bytes first and the row second, so a crash or a
 * refused row in between leaves a file nobody can reach. This finds them and, when asked, removes
 * them. Files younger than the grace period are left alone: their upload may still be running.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { EvidenceStorage } from "./evidence-storage";

export const ORPHAN_GRACE_MINUTES = 60;
const BATCH = 1000;

export async function findOrphanEvidence(prisma: PrismaClient, storage: EvidenceStorage, now: Date = new Date()): Promise<string[]> {
  const settledBefore = now.getTime() - ORPHAN_GRACE_MINUTES * 60_000;
  const candidates: string[] = [];
  for await (const { key, storedAt } of storage.list()) if (storedAt.getTime() < settledBefore) candidates.push(key);
  const orphans: string[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    // The movement's evidence (issue 14 §2) shares the storage: its files are not orphans either.
    const known = new Set([
      ...(await prisma.evidenceFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((f) => f.storageKey),
      ...(await prisma.movementEvidenceFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((f) => f.storageKey),
    ]);
    orphans.push(...batch.filter((key) => !known.has(key)));
  }
  return orphans.sort();
}

/** Removes the orphans (after checking each again) and writes one audit event listing them. */
export async function removeOrphanEvidence(prisma: PrismaClient, storage: EvidenceStorage, now: Date = new Date()): Promise<string[]> {
  const orphans = await findOrphanEvidence(prisma, storage, now);
  const removed: string[] = [];
  for (const key of orphans) {
    if (await prisma.evidenceFile.findUnique({ where: { storageKey: key }, select: { id: true } })) continue;
    if (await prisma.movementEvidenceFile.findUnique({ where: { storageKey: key }, select: { id: true } })) continue;
    await storage.remove(key);
    removed.push(key);
  }
  if (removed.length > 0) {
    await recordAudit(prisma, { actor: null, username: "system", action: "evidence.orphans_removed", entityType: "EvidenceFile", meta: { count: removed.length, keys: removed } });
  }
  return removed;
}
